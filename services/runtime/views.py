"""Read-model views kept in tables of a service's own database, updated with their tracking position in one transaction."""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, Protocol

from services.runtime.application import WelkomApplication

INTERN = ("Ontvangst", "Termijnkalender", "Wachtrij", "Verwerkingslog")
"""Bookkeeping aggregates: no read model and no person's history needs their events (a person's
Verwerkingslog is read by the Logboek, by its own id)."""


class Feit(NamedTuple):
    """One dated fact of a read model: what a report needs of a stored event, and nothing more."""

    sleutel: str
    """The thing the fact is about (an aggregate id, a period)."""
    soort: str
    datum: dt.date | None
    """The real-world date; None for a fact that counts on every peildatum (a taakstelling)."""
    waarde: Any = None
    """JSON-able details (dates as ISO strings)."""
    gemeentecode: str | None = None
    """None: the gemeente of the deployment that stored the event."""


FeitenVan = Callable[[Any], Iterable[Feit]]
PersonenVan = Callable[[Any], Iterable[uuid.UUID]]
Nodig = Callable[[str], bool]
"""Whether the events of a stored topic can give facts or name a person not named before."""


class Views(Protocol):
    """A service's views: dated facts per gemeente, and which aggregates concern a person."""

    def bij(self, blok: int = 1000) -> int: ...

    def positie(self) -> int: ...

    def feiten(self, gemeentecode: str, peildatum: dt.date) -> list[Feit]: ...

    def aggregaten(self, persoon_id: uuid.UUID) -> list[uuid.UUID]: ...


def intern(topic: str) -> bool:
    """Whether a stored topic is an event of a bookkeeping aggregate (INTERN)."""
    return topic.rsplit(":", 1)[-1].split(".")[0] in INTERN


def _alles(topic: str) -> bool:
    return not intern(topic)


class _Basis:
    """What both kinds of views share: reading the notification log from the tracked position."""

    def __init__(self, app: WelkomApplication, feiten_van: FeitenVan, personen_van: PersonenVan,
                 voortgang: Callable[[int, int], None] | None = None, nodig: Nodig = _alles) -> None:
        self.app = app
        self.feiten_van = feiten_van
        self.personen_van = personen_van
        self.nodig = nodig
        self.voortgang = voortgang
        self._lock = threading.Lock()

    def bij(self, blok: int = 1000) -> int:
        """Apply every stored event since the tracked position; the number of notifications read."""
        totaal = 0
        with self._lock:
            while notifications := self.app.recorder.select_notifications(self.positie() + 1, blok):
                rijen: list[tuple[Any, ...]] = []
                koppels: set[tuple[str, str]] = set()
                for n in notifications:
                    if not self.nodig(n.topic):
                        continue  # not decoded: no fact and no new person in it
                    event = self.app.mapper.to_domain_event(n)
                    for nr, f in enumerate(self.feiten_van(event)):
                        rijen.append((n.id, nr, f.gemeentecode or self.app.gemeentecode,
                                      f.datum.isoformat() if f.datum else None, f.sleutel, f.soort,
                                      json.dumps(f.waarde)))
                    koppels.update((str(p), str(event.originator_id)) for p in self.personen_van(event))
                self._schrijf(rijen, sorted(koppels), notifications[-1].id)
                totaal += len(notifications)
                if self.voortgang:
                    self.voortgang(totaal, notifications[-1].id)
        return totaal

    def _schrijf(self, rijen: list[tuple[Any, ...]], koppels: list[tuple[str, str]], positie: int) -> None:
        raise NotImplementedError

    @staticmethod
    def _feit(rij: Any) -> Feit:
        datum = dt.date.fromisoformat(rij[3]) if rij[3] else None
        return Feit(rij[4], rij[5], datum, json.loads(rij[6]), rij[2])


class GeheugenViews(_Basis):
    """The views of an in-memory (test) store: the same rows, in lists."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rijen: list[tuple[Any, ...]] = []
        self._koppels: set[tuple[str, str]] = set()
        self._positie = 0

    def positie(self) -> int:
        return self._positie

    def _schrijf(self, rijen: list[tuple[Any, ...]], koppels: list[tuple[str, str]], positie: int) -> None:
        self._rijen += rijen
        self._koppels.update(koppels)
        self._positie = positie

    def feiten(self, gemeentecode: str, peildatum: dt.date) -> list[Feit]:
        peil = peildatum.isoformat()
        return [self._feit(r) for r in self._rijen if r[2] == gemeentecode and (r[3] is None or r[3] <= peil)]

    def aggregaten(self, persoon_id: uuid.UUID) -> list[uuid.UUID]:
        return sorted(uuid.UUID(a) for p, a in self._koppels if p == str(persoon_id))

    def rijen(self) -> list[tuple[Any, ...]]:
        return list(self._rijen)


class SqlViews(_Basis):
    """The views of a SQLite file or PostgreSQL schema, beside the service's events; `prefix` names
    the tables (`welkom_` live, `welkom_herbouw_` while rebuilding)."""

    def __init__(self, *args: Any, prefix: str = "welkom_", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.datastore = self.app.recorder.datastore  # type: ignore[attr-defined]
        schema = getattr(self.datastore, "schema", None)
        self.postgres = schema is not None
        self.prefix = prefix
        self._qual = f'"{schema}".' if self.postgres else ""
        self.feiten_tabel, self.personen_tabel, self.tracking_tabel = (
            f"{self._qual}{prefix}{t}" for t in ("feiten", "personen", "tracking"))
        self._maak()

    @staticmethod
    def _rij(r: Any) -> tuple[Any, ...]:
        """A result row as a tuple (PostgreSQL gives dicts, SQLite gives rows)."""
        return tuple(r.values()) if isinstance(r, dict) else tuple(r)

    def _sql(self, tekst: str) -> str:
        return tekst.replace("?", "%s") if self.postgres else tekst

    def _maak(self) -> None:
        positie = "BIGINT" if self.postgres else "INTEGER"
        with self.datastore.transaction(commit=True) as c:
            c.execute(f"CREATE TABLE IF NOT EXISTS {self.feiten_tabel} (volgnummer {positie} NOT NULL, "
                      "nr INTEGER NOT NULL, gemeentecode TEXT NOT NULL, datum TEXT, sleutel TEXT NOT NULL, "
                      "soort TEXT NOT NULL, waarde TEXT, PRIMARY KEY (volgnummer, nr))")
            c.execute(f"CREATE INDEX IF NOT EXISTS {self.prefix}feiten_peil ON {self.feiten_tabel} "
                      "(gemeentecode, datum)")
            c.execute(f"CREATE TABLE IF NOT EXISTS {self.personen_tabel} (persoon_id TEXT NOT NULL, "
                      "aggregate_id TEXT NOT NULL, PRIMARY KEY (persoon_id, aggregate_id))")
            c.execute(f"CREATE TABLE IF NOT EXISTS {self.tracking_tabel} (naam TEXT PRIMARY KEY, "
                      f"positie {positie} NOT NULL)")

    def positie(self) -> int:
        with self.datastore.transaction(commit=False) as c:
            c.execute(self._sql(f"SELECT positie FROM {self.tracking_tabel} WHERE naam = ?"), ("views",))
            rij = c.fetchone()
        return int(rij["positie"]) if rij else 0

    def _schrijf(self, rijen: list[tuple[Any, ...]], koppels: list[tuple[str, str]], positie: int) -> None:
        """Facts, person index and position in one transaction; a second writer of the same
        notifications (a CLI beside the running stack) changes nothing."""
        hoogste = "GREATEST" if self.postgres else "MAX"
        with self.datastore.transaction(commit=True) as c:
            if rijen:
                c.executemany(self._sql(f"INSERT INTO {self.feiten_tabel} VALUES (?, ?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT DO NOTHING"), rijen)
            if koppels:
                c.executemany(self._sql(f"INSERT INTO {self.personen_tabel} VALUES (?, ?) ON CONFLICT DO NOTHING"),
                              koppels)
            c.execute(self._sql(f"INSERT INTO {self.tracking_tabel} (naam, positie) VALUES (?, ?) "
                                f"ON CONFLICT (naam) DO UPDATE SET positie = {hoogste}("
                                f"{self.prefix}tracking.positie, excluded.positie)"), ("views", positie))

    def feiten(self, gemeentecode: str, peildatum: dt.date) -> list[Feit]:
        """The gemeente's facts dated on or before the peildatum (or undated), in stored order."""
        with self.datastore.transaction(commit=False) as c:
            c.execute(self._sql(
                f"SELECT volgnummer, nr, gemeentecode, datum, sleutel, soort, waarde FROM {self.feiten_tabel} "
                "WHERE gemeentecode = ? AND (datum <= ? OR datum IS NULL) ORDER BY volgnummer, nr"),
                (gemeentecode, peildatum.isoformat()))
            return [self._feit(self._rij(r)) for r in c.fetchall()]

    def aggregaten(self, persoon_id: uuid.UUID) -> list[uuid.UUID]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(self._sql(f"SELECT aggregate_id FROM {self.personen_tabel} WHERE persoon_id = ? "
                                "ORDER BY aggregate_id"), (str(persoon_id),))
            return [uuid.UUID(r["aggregate_id"]) for r in c.fetchall()]

    def rijen(self) -> list[tuple[Any, ...]]:
        """Every fact row, in order (to compare a rebuild with the live views)."""
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT volgnummer, nr, gemeentecode, datum, sleutel, soort, waarde FROM {self.feiten_tabel} "
                      "ORDER BY volgnummer, nr")
            return [self._rij(r) for r in c.fetchall()]

    def activeer(self, live: str) -> None:
        """Make these (rebuilt) tables the live views with prefix `live`, in one transaction."""
        with self.datastore.transaction(commit=True) as c:
            for t in ("feiten", "personen", "tracking"):
                c.execute(f"DROP TABLE IF EXISTS {self._qual}{live}{t}")
                c.execute(f"ALTER TABLE {self._qual}{self.prefix}{t} RENAME TO {live}{t}")
            c.execute(f"DROP INDEX IF EXISTS {self._qual}{self.prefix}feiten_peil")
            c.execute(f"CREATE INDEX IF NOT EXISTS {live}feiten_peil ON {self._qual}{live}feiten (gemeentecode, datum)")

    def verwijder(self) -> None:
        with self.datastore.transaction(commit=True) as c:
            for tabel in (self.feiten_tabel, self.personen_tabel, self.tracking_tabel):
                c.execute(f"DROP TABLE IF EXISTS {tabel}")

    def leeg(self) -> None:
        """Start these views afresh: empty tables, position 0."""
        self.verwijder()
        self._maak()


def views_voor(app: WelkomApplication, feiten_van: FeitenVan, personen_van: PersonenVan, *,
               prefix: str = "welkom_", voortgang: Callable[[int, int], None] | None = None,
               nodig: Nodig = _alles) -> SqlViews | GeheugenViews:
    """SQL views beside a SQLite or PostgreSQL store; lists beside an in-memory (test) store."""
    if hasattr(app.recorder, "datastore"):
        return SqlViews(app, feiten_van, personen_van, prefix=prefix, voortgang=voortgang, nodig=nodig)
    return GeheugenViews(app, feiten_van, personen_van, voortgang=voortgang, nodig=nodig)
