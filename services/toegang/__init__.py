"""Access: who may do what (roles), proven by OAuth 2.0 bearer tokens from an issuer, for HTTP, the CLI and the page."""
