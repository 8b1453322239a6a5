"""The pure domain of inburgering: one inburgeringstraject per adult statushouder."""
