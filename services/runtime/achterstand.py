"""Consumer lag per service, topic and partition, read from the broker: committed offsets against end offsets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aiokafka import AIOKafkaConsumer

from services.runtime.bus import delen_van, kafka_verbinding
from services.runtime.metrics import INBOX_ACHTERSTAND, INBOX_ACHTERSTAND_PARTITIE, INBOX_EINDE
from services.runtime.settings import Settings


def groep(service: str) -> str:
    """The consumer group of a service's inbox."""
    return f"welkom-{service}"


class Achterstandsmeter:
    """Measures, per service, topic and partition, how many records its inbox has not committed yet.

    One reader per group that never joins it (no subscription): it only asks the group's
    committed offsets and the topics' end offsets, so the inboxes are not disturbed. The readers
    stay open between measurements; `sluit` closes them."""

    def __init__(self, settings: Settings, bootstrap_servers: str, abonnementen: Mapping[str, Sequence[str]]):
        self.settings = settings
        self.bootstrap_servers = bootstrap_servers
        self.abonnementen = abonnementen
        self._lezers: dict[str, AIOKafkaConsumer] = {}
        self.per_partitie: dict[str, dict[str, dict[int, int]]] = {}
        """{service: {topic: {partition: lag}}} of the last measurement."""

    async def _lezer(self, service: str) -> AIOKafkaConsumer:
        if service not in self._lezers:
            lezer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap_servers, group_id=groep(service),
                                     enable_auto_commit=False, **kafka_verbinding(self.settings, service))
            await lezer.start()
            self._lezers[service] = lezer
        return self._lezers[service]

    async def meet(self) -> dict[str, dict[str, int]]:
        """{service: {topic: records not yet committed}}, summed over the partitions; sets
        welkom_inbox_lag_records and, per partition, welkom_inbox_lag_partition_records. The
        partitions of this measurement stay in `per_partitie`."""
        try:
            per_deel = {service: await self._meet(service, topics) for service, topics in self.abonnementen.items()}
        except Exception:
            await self.sluit()  # start afresh next time (the broker may have been replaced)
            raise
        self.per_partitie = per_deel
        uit: dict[str, dict[str, int]] = {}
        for service, per_topic in per_deel.items():
            uit[service] = {topic: sum(delen.values()) for topic, delen in per_topic.items()}
            for topic, delen in per_topic.items():
                INBOX_ACHTERSTAND.labels(service=service, topic=topic).set(uit[service][topic])
                for partitie, achterstand in delen.items():
                    INBOX_ACHTERSTAND_PARTITIE.labels(service=service, topic=topic, partition=str(partitie)).set(
                        achterstand)
        return uit

    async def _meet(self, service: str, topics: Sequence[str]) -> dict[str, dict[int, int]]:
        lezer = await self._lezer(service)
        delen = await delen_van(lezer, topics)
        eindes = await lezer.end_offsets(delen) if delen else {}
        beginnen = await lezer.beginning_offsets(delen) if delen else {}
        per_topic: dict[str, dict[int, int]] = {topic: {} for topic in topics}
        for deel, einde in eindes.items():
            # A group that committed nothing yet starts at the log's start (records past retention, or
            # deleted, are not waiting for it), not at offset 0.
            gelezen = max(await lezer.committed(deel) or 0, beginnen.get(deel, 0))
            per_topic[deel.topic][deel.partition] = max(einde - gelezen, 0)
            INBOX_EINDE.labels(topic=deel.topic, partition=str(deel.partition)).set(einde)
        return per_topic

    async def sluit(self) -> None:
        lezers, self._lezers = list(self._lezers.values()), {}
        for lezer in lezers:
            try:
                await lezer.stop()
            except Exception:  # noqa: BLE001 - closing a reader of a broker that is gone
                pass
