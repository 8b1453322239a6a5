"""A staff command, declared once: its request model, roles, application call and documentation."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from events.base import Vnummer

from services.runtime.application import WelkomApplication, Werkeenheid
from services.runtime.herkomst import Herkomst


def _geheel_getal(waarde: object) -> object:
    """A number without a fraction, as JSON Schema's `integer` counts it: `40.0` is 40."""
    return int(waarde) if isinstance(waarde, float) and waarde.is_integer() else waarde


GEHEEL = BeforeValidator(_geheel_getal)
Geheel = Annotated[int, GEHEEL]
"""An integer field of a request: what its schema (`type: integer`) allows, 40 and 40.0, and
nothing else (no `"40"`, no `true`: the models are strict). Bounds go in the field's `Field(...)`,
or before `GEHEEL` in an alias (`Annotated[int, Field(ge=1), GEHEEL]`): after it, pydantic would
write them into the JSON Schema as `ge`/`le` instead of `minimum`/`maximum`."""


class Basisverzoek(BaseModel):
    """The body of a staff command: strict (no text for a number, a boolean or a date: exactly
    what its JSON Schema allows), closed, and never echoing its input in an error."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, strict=True)


class Verzoek(Basisverzoek):
    """The body of a command about a person known by V-nummer."""

    vnummer: Vnummer = Field(description="V-nummer of the person; in the body, never in a URL")


V = TypeVar("V", bound=Basisverzoek)


def per_vnummer(app: WelkomApplication, verzoek: Any) -> uuid.UUID | None:
    """The person of a command: the persoon_id of its V-nummer (a command without one: none)."""
    vnummer = getattr(verzoek, "vnummer", None)
    return app.persoon(vnummer) if vnummer else None


@dataclass(frozen=True)
class Opdracht(Generic[V]):
    """One entry of a service's command table. HTTP (`POST /v1/<service>/<pad>`), the CLI
    (`welkom <service> <naam>`) and the demo's staff are all generated from, or call through, it."""

    service: str
    naam: str
    """CLI subcommand name."""
    pad: str
    """HTTP resource under /v1/<service>/."""
    verzoek: type[V]
    rollen: tuple[str, ...]
    """Who may give this command (enforced by the access layer)."""
    uitvoeren: Callable[[Any, Werkeenheid, Any, V], object]
    """(application, unit of work, persoon_id or None, request): one call into the service's Application."""
    doc: str
    cli_namen: Mapping[str, str] = field(default_factory=dict)
    """CLI option name of a body field, where it differs from the field name (woning_id -> woning)."""
    persoon: Callable[[WelkomApplication, Any], uuid.UUID | None] = per_vnummer
    """The persoon_id the command is about (by V-nummer; another key, such as a BSN; or None for a
    command about no person, such as a location): `uitvoeren` gets it, and refusals are logged for it."""

    @property
    def url(self) -> str:
        return f"/v1/{self.service}/{self.pad}"

    def optie(self, veld: str) -> str:
        """The CLI option of a body field: `--woning` for woning_id."""
        return "--" + self.cli_namen.get(veld, veld).replace("_", "-")

    def voer_uit(self, app: WelkomApplication, verzoek: V, sleutel: str | None,
                 antwoord: Callable[[object], dict[str, Any]] | None = None,
                 herkomst: Herkomst | None = None) -> object:
        """Carry the command out on the service's Application: once per idempotency key. The key's
        Ontvangst keeps the fingerprint of this request (`canoniek`) and `antwoord(result)`: the
        key again answers AlVerwerkt with that answer, or SleutelHergebruiktFout for another request.
        `herkomst` (who gave it, its key, its trace) goes with every event it stores."""
        persoon = self.persoon(app, verzoek)
        return app.voer_uit(lambda uow: self.uitvoeren(app, uow, persoon, verzoek), sleutel,
                            verzoek=self.canoniek(verzoek), antwoord=antwoord, herkomst=herkomst)

    def canoniek(self, verzoek: V) -> str:
        """The request as one text: method, URL and the body as canonical JSON (sorted keys, the
        model's values), so the same request always gives the same text, however it was spelled."""
        body = json.dumps(verzoek.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return f"POST {self.url}\n{body}"
