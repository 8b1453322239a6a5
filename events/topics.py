"""Topic names of the bus (ARCHITECTURE.md §2): inbound keten.*, outbound gemeente.*, and DLQs."""

KETEN_IND = "keten.ind"
KETEN_COA = "keten.coa"
KETEN_DUO = "keten.duo"
KETEN_BRP = "keten.brp"
KETEN_CORPORATIES = "keten.corporaties"
KETEN_RIJK = "keten.rijk"
KETEN_VWN = "keten.vwn"
KETEN_BBB = "keten.bbb"

GEMEENTE_OPVANG = "gemeente.opvang"
GEMEENTE_HUISVESTING = "gemeente.huisvesting"
GEMEENTE_INBURGERING = "gemeente.inburgering"
GEMEENTE_MZD = "gemeente.mzd"

INBOUND = (KETEN_IND, KETEN_COA, KETEN_DUO, KETEN_BRP, KETEN_CORPORATIES, KETEN_RIJK, KETEN_VWN, KETEN_BBB)
OUTBOUND = (GEMEENTE_OPVANG, GEMEENTE_HUISVESTING, GEMEENTE_INBURGERING, GEMEENTE_MZD)


def gemeente(service: str) -> str:
    """The outbound topic of one of our services."""
    return f"gemeente.{service}"


def dlq(topic: str) -> str:
    """The dead-letter topic that receives rejected records of `topic`."""
    return f"{topic}.dlq"


ALL = INBOUND + OUTBOUND + tuple(dlq(t) for t in INBOUND + OUTBOUND)
