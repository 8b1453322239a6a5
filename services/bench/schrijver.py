"""`welkom bench --schaal`: writes the generated history straight into the stores, month by month, with the demo's staff and the clock."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from eventsourcing.persistence import Tracking

from events import huisvesting as bus
from events.envelope import Bericht, uit_json, valideer
from services import catalogus
from services.bench.geschiedenis import Gemeente, geschiedenis, maanden, vnummers
from services.demo.personeel import OPDRACHTEN, Personeel
from services.domain import Domeinfout
from services.runtime.application import AlVerwerkt, Conflict, WelkomApplication
from services.runtime.relay import Relay, bus_events
from services.runtime.views import INTERN

BATCH = 500
PER_URL = {o.url: o for o in OPDRACHTEN.values()}


@contextmanager
def namens(app: WelkomApplication, gemeentecode: str) -> Any:
    """The Application acts for one gemeente for a while, as that gemeente's own deployment would:
    its gemeentecode (koppelingen, the Wachtrij, and the gemeente its dossiers, trajecten, bewoners
    and zaken name), and its own Termijnkalender (named after the Application, so renamed here).

    One instance per store serves every gemeente. A second instance on the same store would share
    the service's one Termijnkalender without knowing the other's aggregates (`_bekende_ids`), so its
    clock would close their terms unexpired; and one calendar for every gemeente is copied whole on
    every command (the repository's cache hands out deep copies), which grows with the country."""
    vorige = app.gemeentecode, app.name
    app.gemeentecode, app.name = gemeentecode, f"{vorige[1]}-{gemeentecode}"  # type: ignore[misc]
    try:
        yield app
    finally:
        app.gemeentecode, app.name = vorige  # type: ignore[misc]


class Antwoord:
    """What the demo's staff read of an HTTP answer."""

    def __init__(self, status_code: int, body: dict[str, str], headers: dict[str, str] | None = None) -> None:
        self.status_code, self.body, self.headers = status_code, body, headers or {}

    def json(self) -> dict[str, str]:
        return self.body


class Balie:
    """The demo's staff of one gemeente, their commands carried out straight through the command
    tables (`Opdracht.voer_uit`), answered as the HTTP API would answer them."""

    def __init__(self, apps: Mapping[str, WelkomApplication], gemeentecode: str) -> None:
        self.apps, self.gemeentecode = apps, gemeentecode

    def post(self, url: str, *, json: Any, headers: dict[str, str]) -> Antwoord:
        opdracht = PER_URL[url]
        verzoek = opdracht.verzoek.model_validate(json)
        with namens(self.apps[opdracht.service], self.gemeentecode) as app:
            try:
                opdracht.voer_uit(app, verzoek, f"http:{headers['Idempotency-Key']}")
            except AlVerwerkt:
                return Antwoord(200, {"status": "verwerkt"}, {"Idempotent-Replayed": "true"})
            except Domeinfout as e:
                return Antwoord(422, {"title": e.reden})
            except Conflict:
                return Antwoord(409, {"title": "conflict"})
        return Antwoord(200, {"status": "verwerkt"})


def _intern(topic: str) -> bool:
    return topic.rsplit(":", 1)[-1].split(".")[0] in INTERN


class Schrijver:
    """Writes N gemeenten x Y years into the four stores: each month every gemeente's inputs in
    batches (`verwerk_batch`, one transaction per batch), then the staff react to what the services
    stored (as they react to what the relays publish) until they are done, then the clock. Each
    gemeente's inputs, commands and clock go through the Applications acting for it (`namens`):
    the history of its own deployment, in stores every gemeente shares."""

    def __init__(self, apps: Mapping[str, WelkomApplication], gemeenten: Sequence[Gemeente], jaren: int, *,
                 meld: Callable[[str], None] = lambda _: None, verwacht: int | None = None) -> None:
        self.apps, self.gemeenten, self.jaren = dict(apps), list(gemeenten), jaren
        self.meld, self.verwacht = meld, verwacht
        self.vertalingen = {s.name: s.translation for s in catalogus.alle()}
        self.histories = {g.code: geschiedenis(g, jaren) for g in self.gemeenten}
        app = self.apps["huisvesting"]
        self.vnummers = {g.code: vnummers(self.histories[g.code]) for g in self.gemeenten}
        self.personeel: dict[str, Personeel] = {}
        self.van: dict[uuid.UUID, str] = {}
        """persoon_id -> gemeentecode: whose staff act on an outbound event."""
        for g in self.gemeenten:
            personen = {app.persoon(v): v for v in self.vnummers[g.code]}
            self.personeel[g.code] = Personeel(g.seed * 100_000 + g.index, personen)
            self.van.update(dict.fromkeys(personen, g.code))
        self.balies = {g.code: Balie(self.apps, g.code) for g in self.gemeenten}
        self.gelezen = {naam: a.recorder.max_notification_id() or 0 for naam, a in self.apps.items()}
        self.afgewezen: list[tuple[str, str]] = []
        self.inkomend = 0

    def opgeslagen(self) -> int:
        """Stored events in the four stores (their notification logs)."""
        return sum(a.recorder.max_notification_id() or 0 for a in self.apps.values())

    def schrijf(self) -> dict[str, Any]:
        """Write the whole history; what was written, and how fast."""
        begin, laatst = time.perf_counter(), 0.0
        stappen = {g.code: list(maanden(self.histories[g.code], self.jaren)) for g in self.gemeenten}
        aantal = len(stappen[self.gemeenten[0].code])
        for m in range(aantal):
            tot = stappen[self.gemeenten[0].code][m][0]
            self._maand(tot, {code: s[m][1] for code, s in stappen.items()})
            if time.perf_counter() - laatst > 5 or m == aantal - 1:
                laatst = time.perf_counter()
                self._voortgang(tot, m + 1, aantal, laatst - begin)
        self._relays_bij()
        duur = time.perf_counter() - begin
        opgeslagen = self.opgeslagen()
        return {"events": opgeslagen, "inkomend": self.inkomend, "seconden": duur, "per_s": opgeslagen / duur,
                "afgewezen": len(self.afgewezen), "personeel": self._gedaan()}

    def _voortgang(self, tot: dt.date, m: int, aantal: int, verstreken: float) -> None:
        events = self.opgeslagen()
        per_s = events / verstreken if verstreken else 0.0
        if self.verwacht:
            nog = max(self.verwacht - events, 0) / per_s if per_s else 0.0
        else:
            nog = verstreken / m * (aantal - m)
        self.meld(f"t/m {tot} (maand {m}/{aantal}): {events:,} events, {per_s:,.0f}/s, nog ~{nog:.0f}s")

    def _gedaan(self) -> dict[str, int]:
        totaal: dict[str, int] = {}
        for p in self.personeel.values():
            for soort, n in p.gedaan.items():
                totaal[soort] = totaal.get(soort, 0) + n
        return dict(sorted(totaal.items()))

    def _maand(self, tot: dt.date, stap: dict[str, list[dict[str, Any]]]) -> None:
        berichten = {code: [valideer(uit_json(e)) for e in events] for code, events in stap.items()}
        self.inkomend += sum(map(len, berichten.values()))
        for app in self.apps.values():
            for code, lijst in berichten.items():
                with namens(app, code):
                    self._verwerk(app, [b for b in lijst if b.type in app.handlers()])
        self._uitgaand()
        while sum(p.werk_af(self.balies[code], tot) for code, p in self.personeel.items()):
            self._uitgaand()
        for app in self.apps.values():  # the clock, per gemeente: each has its own calendar
            for code in stap:
                with namens(app, code):
                    app.verloop_tijd(tot + dt.timedelta(days=1))
        self._uitgaand()

    def _verwerk(self, app: WelkomApplication, berichten: list[Bericht]) -> None:
        for i in range(0, len(berichten), BATCH):
            for bericht, reden in app.verwerk_batch(berichten[i:i + BATCH]):
                self.afgewezen.append((bericht.type, reden))

    def _uitgaand(self) -> None:
        """What the services stored since the last look: the staff react to their persons' events
        (as to the published ones), and each gemeente's opvang receives its huisvesting's moves."""
        verhuisd: dict[str, list[Bericht]] = {}
        for naam, app in self.apps.items():
            if naam == "opvang":
                continue
            notificaties = []
            while blok := app.recorder.select_notifications(self.gelezen[naam] + 1, 10_000):
                notificaties += blok
                self.gelezen[naam] = blok[-1].id
            verhuizingen = []
            for n in notificaties:
                if _intern(n.topic):
                    continue
                for type_, subject, data in self.vertalingen[naam].vertaal(app.mapper.to_domain_event(n)):
                    if type_ == bus.VERHUISD:
                        verhuizingen.append(n)
                    code = self.van.get(subject) if subject is not None else None
                    if code is not None:
                        self.personeel[code].reageer(SimpleNamespace(type=type_, subject=str(subject), data=data))
            if verhuizingen:  # as the relay publishes them: the same CloudEvent ids, so opvang dedupes
                for _, ce in bus_events(app, self.vertalingen[naam], verhuizingen):
                    if ce["type"] == bus.VERHUISD:
                        bericht = valideer(ce)
                        verhuisd.setdefault(self.van[uuid.UUID(bericht.subject or "")], []).append(bericht)
        for code, berichten in verhuisd.items():
            with namens(self.apps["opvang"], code) as opvang:
                self._verwerk(opvang, berichten)

    def _relays_bij(self) -> None:
        """The history counts as published: the relays of a stack started on these stores begin
        at their end, as they would after publishing it while it was written."""
        for naam, app in self.apps.items():
            relay = Relay(app, self.vertalingen[naam], None)  # type: ignore[arg-type]  # only its name
            hoogste = app.recorder.max_notification_id()
            if hoogste:
                app.process_recorder.insert_events([], tracking=Tracking(relay.naam, hoogste))
