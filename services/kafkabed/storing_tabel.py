"""`make kafka-storing`'s summary: per service outcomes and duplicates, then DLQ, lag, backlog and the times."""

from __future__ import annotations

from typing import Any

from services.kafkabed.storing_controle import Beoordeling


def _s(x: float | None) -> str:
    return "-" if x is None else f"{x:,.1f} s"


def tabel(b: Beoordeling, cijfers: dict[str, Any]) -> str:
    """The summary: per service outcomes and duplicates, then DLQ, lag, backlog and the times."""
    n = cijfers["huishoudens"]
    regels = [f"kafka-storing: {n} households, {cijfers['inbound']} inbound events (acks=all, idempotent), "
              f"{cijfers['nodes']} brokers, replication {cijfers['replicas']}, "
              f"min.insync.replicas {cijfers['min_isr']}",
              f"broker {cijfers['node']} killed (kill -9) after {cijfers['gepubliceerd_bij_kill']} of {n} households "
              f"were published; restarted {_s(cijfers['uit_s'])} later",
              "", f"{'service':<13}{'households':>12}{'events':>9}{'missing':>9}{'dup id':>8}"
              f"{'dup type+subject':>18}{'other':>12}"]
    for service, v in b.per_service.items():
        huishoudens = f"{v['huishoudens']}/{v['verwacht_huishoudens']}" if v["verwacht_huishoudens"] else "-"
        regels.append(f"{service:<13}{huishoudens:>12}{v['events']:>9}{v['ontbreekt']:>9}{v['dubbel_id']:>8}"
                      f"{v['dubbel_soort']:>18}{v['onverwacht']:>12}")
    regels += [f"  {s}: households missing an outcome, first ones: {v['eerste_ontbrekend']}"
               for s, v in b.per_service.items() if v["ontbreekt"]]
    regels += [f"  {s}: other events (not failed): {v['onverwachte_soorten']}"
               for s, v in b.per_service.items() if v["onverwacht"]]
    regels += [
        "",
        f"{'records in DLQs':<44}{sum(b.dlq.values()):>10}"
        + "".join(f"  {t}: {a}" for t, a in b.dlq.items() if a),
        f"{'consumer lag (records, all groups)':<44}{sum(b.lag.values()):>10}"
        + "".join(f"  {s}: {a}" for s, a in b.lag.items() if a),
        f"{'relay backlog (events, all relays)':<44}{sum(b.backlog.values()):>10}"
        + "".join(f"  {s}: {a}" for s, a in b.backlog.items() if a),
        f"{'partitions the stack lag metric measures':<44}{cijfers['meter_delen']:>10}"
        f"  (of {cijfers['abonnement_delen']} subscribed)",
        f"{'inbound events sent again after a failure':<44}{cijfers['opnieuw']:>10}",
        f"{'kill -> next offer read':<44}{_s(cijfers['herstel_aanbod_s']):>10}",
        f"{'longest pause between offers after the kill':<44}{_s(cijfers['pauze_aanbod_s']):>10}",
        f"{'longest pause in producer acks after the kill':<44}{_s(cijfers['pauze_acks_s']):>10}",
        f"{'publishing (all acknowledged)':<44}{_s(cijfers['publiceren_s']):>10}",
        f"{'first publish -> every outcome, lag 0':<44}{_s(cijfers['klaar_s']):>10}",
        f"{'total (bed start to checks done)':<44}{_s(cijfers['totaal_s']):>10}",
        "", "PASS: every household once in every service, nothing in a DLQ, no consumer behind"
        if b.geslaagd else "FAIL: see the non-zero figures above",
    ]
    return "\n".join(regels)
