"""Consumer lag per service and topic, read from the broker: each group's committed offsets against the end offsets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aiokafka import AIOKafkaConsumer

from services.runtime.bus import delen_van, kafka_verbinding
from services.runtime.metrics import INBOX_ACHTERSTAND
from services.runtime.settings import Settings


def groep(service: str) -> str:
    """The consumer group of a service's inbox."""
    return f"welkom-{service}"


class Achterstandsmeter:
    """Measures, per service and topic, how many records its inbox has not committed yet.

    One reader per group that never joins it (no subscription): it only asks the group's
    committed offsets and the topics' end offsets, so the inboxes are not disturbed. The readers
    stay open between measurements; `sluit` closes them."""

    def __init__(self, settings: Settings, bootstrap_servers: str, abonnementen: Mapping[str, Sequence[str]]):
        self.settings = settings
        self.bootstrap_servers = bootstrap_servers
        self.abonnementen = abonnementen
        self._lezers: dict[str, AIOKafkaConsumer] = {}

    async def _lezer(self, service: str) -> AIOKafkaConsumer:
        if service not in self._lezers:
            lezer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap_servers, group_id=groep(service),
                                     enable_auto_commit=False, **kafka_verbinding(self.settings))
            await lezer.start()
            self._lezers[service] = lezer
        return self._lezers[service]

    async def meet(self) -> dict[str, dict[str, int]]:
        """{service: {topic: records not yet committed}}; sets welkom_inbox_lag_records."""
        try:
            uit = {service: await self._meet(service, topics) for service, topics in self.abonnementen.items()}
        except Exception:
            await self.sluit()  # start afresh next time (the broker may have been replaced)
            raise
        for service, per_topic in uit.items():
            for topic, achterstand in per_topic.items():
                INBOX_ACHTERSTAND.labels(service=service, topic=topic).set(achterstand)
        return uit

    async def _meet(self, service: str, topics: Sequence[str]) -> dict[str, int]:
        lezer = await self._lezer(service)
        delen = await delen_van(lezer, topics)
        eindes = await lezer.end_offsets(delen) if delen else {}
        per_topic = dict.fromkeys(topics, 0)
        for deel, einde in eindes.items():
            per_topic[deel.topic] += max(einde - (await lezer.committed(deel) or 0), 0)
        return per_topic

    async def sluit(self) -> None:
        lezers, self._lezers = list(self._lezers.values()), {}
        for lezer in lezers:
            try:
                await lezer.stop()
            except Exception:  # noqa: BLE001 - closing a reader of a broker that is gone
                pass
