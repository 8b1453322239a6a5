"""Record keys: which aggregate each event type concerns, so its events share one partition and keep their order."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

PSEUDONIEM_VELDEN = ("vnummer", "bsn")
"""Person fields that never travel in a key in clear: the key holds their pseudonym (a keyed HMAC)."""

Pseudoniem = Callable[[str, str], str]
"""(field, value) -> the pseudonym of that vnummer or BSN (services.domain.identity's persoon_id)."""


class SleutelFout(ValueError):
    """A key would hold a vnummer or BSN in clear: there is no pseudonymiser to hide it."""


@dataclass(frozen=True)
class Sleutel:
    """The aggregate a type's records concern, named by their Kafka record key (ARCHITECTURE.md §2).

    A person (`aggregaat="persoon"`) is keyed by their persoon_id, the subject of our outbound
    events: the first of `velden` the data holds, a `persoon_id` as it is, a `vnummer` or `bsn`
    pseudonymised. Any other aggregate is keyed by its name and the values of all its `velden`
    (`locatie:AZC-1`, `taakstelling:0268:2024-H1`); without `velden` the type has one aggregate
    (`tijdelijke-bescherming`)."""

    aggregaat: str
    velden: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.aggregaat == "persoon" and not self.velden:
            raise ValueError("a person's key needs the field(s) that name the person")
        if self.aggregaat != "persoon" and set(self.velden) & set(PSEUDONIEM_VELDEN):
            raise ValueError("a vnummer or BSN names a person: use Sleutel('persoon', ...)")

    @property
    def beschrijving(self) -> str:
        """The rule in words, for the catalogue: `the persoon_id of vnummer`, `locatie:<locatie_id>`."""
        if self.aggregaat == "persoon":
            return " or else ".join(f"the persoon_id of `{v}`" if v in PSEUDONIEM_VELDEN else f"`{v}` (the subject)"
                                    for v in self.velden)
        vorm = ":".join([self.aggregaat, *(f"<{v}>" for v in self.velden)])
        return f"`{vorm}`" + ("" if self.velden else " (one aggregate)")

    def van(self, data: Mapping[str, Any] | None, pseudoniem: Pseudoniem | None = None) -> bytes | None:
        """The record key of a record with this `data` (raw JSON, not yet validated); None when a
        field that names the aggregate is missing (such a record goes to the DLQ anyway)."""
        data = data if isinstance(data, Mapping) else {}
        if self.aggregaat == "persoon":
            for veld in self.velden:
                waarde = data.get(veld)
                if isinstance(waarde, str) and waarde:
                    return _persoon(veld, waarde, pseudoniem).encode()
            return None
        waarden = [data.get(veld) for veld in self.velden]
        if not all(isinstance(w, (str, int)) and not isinstance(w, bool) and str(w) for w in waarden):
            return None
        return ":".join([self.aggregaat, *map(str, waarden)]).encode()


def _persoon(veld: str, waarde: str, pseudoniem: Pseudoniem | None) -> str:
    if veld not in PSEUDONIEM_VELDEN:
        return waarde  # already a pseudonym (persoon_id)
    if pseudoniem is None:
        raise SleutelFout(f"a key from {veld} needs the pseudonym secret")
    return pseudoniem(veld, waarde)


PERSOON = Sleutel("persoon", ("vnummer",))
"""A chain partner's event about one person: the persoon_id of its vnummer."""
PERSOON_UIT = Sleutel("persoon", ("persoon_id",))
"""Our outbound event about one person: its persoon_id, which is also its subject."""
LOCATIE = Sleutel("locatie", ("locatie_id",))
WONING = Sleutel("woning", ("woning_id",))
TIJDELIJKE_BESCHERMING = Sleutel("tijdelijke-bescherming")
"""The Rijk's temporary protection of ontheemden: one aggregate, its decisions in order."""
