"""Exchange formats: what digistrat writes for other tools to read (StratML, a JSON export)."""
