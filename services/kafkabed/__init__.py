"""Apache Kafka 4.1.1 as a test bed: KRaft nodes with SASL_SSL and ACLs, started from Python (KafkaBed)."""

KAFKA_VERSIE = "4.1.1"
