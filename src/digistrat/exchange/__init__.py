"""Exchange with other tools: spreadsheets (xlsx, csv) out and in, StratML and JSON."""
