"""Rapportage: read models over every service's event store, the reports, and the audit timeline."""
