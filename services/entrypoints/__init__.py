"""The thin ways in: the HTTP API and the `welkom` command line, both driven by the command tables."""
