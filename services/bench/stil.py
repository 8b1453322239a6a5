"""`welkom bench`, quiet part: the latency of one household on an idle chain, probe after probe."""

from __future__ import annotations

import datetime as dt
import json
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from events import huisvesting, topics
from events.envelope import STRUCTURED_CONTENT_TYPE, Afgewezen, lees
from services.bench.huishoudens import Huishouden, inbound
from services.domain.identity import persoon_id
from services.runtime.bus import delen_van
from services.runtime.localbroker import TANSU_FETCH_MS
from services.runtime.publisher import sleutel
from services.runtime.settings import Settings


async def stille_latentie(bootstrap: str, settings: Settings, aantal: int = 10) -> list[float]:
    """Publish one single-person household at a time (its four events, then wait for its offer):
    milliseconds from the broker's ack of its last event to its offer on gemeente.huisvesting."""
    geheim = settings.pseudonym_secret.get_secret_value()
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=TANSU_FETCH_MS)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await consumer.start()
    await producer.start()
    latenties = []
    try:
        delen = await delen_van(consumer, [topics.GEMEENTE_HUISVESTING])  # every partition
        consumer.assign(delen)
        await consumer.seek_to_end(*delen)
        for k in range(aantal):
            vnummer = f"98{k:08d}"
            probe = Huishouden(10**6 + k, [(vnummer, dt.date(1990, 1, 1))], dt.date(2025, 1, 1) + dt.timedelta(days=k),
                               f"stil-w{k:03d}")
            for topic, envelope in inbound(probe):
                await producer.send_and_wait(topic, value=json.dumps(envelope).encode(),
                                             key=sleutel(envelope, settings),
                                             headers=[("content-type", STRUCTURED_CONTENT_TYPE.encode())])
            verstuurd = time.perf_counter()
            subject = str(persoon_id(vnummer, geheim))
            while time.perf_counter() - verstuurd < 30:
                batch = await consumer.getmany(*delen, timeout_ms=20)
                nu = time.perf_counter()
                if any(_is_aanbod(r, subject) for records in batch.values() for r in records):
                    latenties.append((nu - verstuurd) * 1000)
                    break
    finally:
        await producer.stop()
        await consumer.stop()
    return latenties


def _is_aanbod(record: object, subject: str) -> bool:
    try:
        bericht = lees(record.value, record.headers)  # type: ignore[attr-defined]
    except Afgewezen:
        return False
    return bericht.type == huisvesting.WONING_AANGEBODEN and bericht.subject == subject
