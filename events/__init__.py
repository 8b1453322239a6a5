"""The published language of welkom: CloudEvent envelope, topics, and a schema per event type."""
