"""The CLI's staff subcommands, generated from the services' command tables."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from typing import Annotated, Any, get_args

import typer
from pydantic import TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from services.runtime.commands import Opdracht


def staff_command(opdracht: Opdracht[Any], verstuur: Callable[..., None], data_dir: Any, key: Any) -> Callable[..., None]:
    """`welkom <service> <naam> --<field> ...` for one entry of a command table: one option per
    field of its request model; the body goes to the command's HTTP route."""
    velden = opdracht.verzoek.model_fields

    def command(**opties: Any) -> None:
        data_dir, sleutel = opties.pop("data_dir"), opties.pop("sleutel")
        body = {k: als_json(velden[k], v) for k, v in opties.items() if v is not None}
        verstuur(opdracht.url, body, data_dir, sleutel, opdracht.rollen)

    parameters = []
    for veld, info in velden.items():
        hulp = info.description or ("YYYY-MM-DD" if dt.date in _soorten(info) else None)
        optie = typer.Option(opdracht.optie(veld), help=hulp)
        annotatie = Annotated[str, optie] if info.is_required() else Annotated[str | None, optie]
        parameters.append(inspect.Parameter(veld, inspect.Parameter.KEYWORD_ONLY, annotation=annotatie,
                                            default=inspect.Parameter.empty if info.is_required() else None))
    parameters += [inspect.Parameter("data_dir", inspect.Parameter.KEYWORD_ONLY, annotation=data_dir, default=None),
                   inspect.Parameter("sleutel", inspect.Parameter.KEYWORD_ONLY, annotation=key, default=None)]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    command.__doc__ = opdracht.doc
    command.__name__ = opdracht.naam.replace("-", "_")
    return command


def _soorten(info: FieldInfo) -> set[Any]:
    return {a for a in (get_args(info.annotation) or (info.annotation,)) if a is not type(None)}


def als_json(info: FieldInfo, tekst: str) -> Any:
    """An option's text as the JSON value of its field: a boolean or a number where the model wants
    one (the API is strict: `"40"` is no integer); text that is neither stays text, and the API
    answers why it is refused (400). Dates stay text: the API reads them, `YYYY-MM-DD` only."""
    for soort in (bool, int):
        if soort in _soorten(info):
            try:
                return TypeAdapter(soort).validate_python(tekst)
            except ValidationError:
                return tekst
    return tekst
