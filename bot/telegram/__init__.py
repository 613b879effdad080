"""The Telegram adapter: thin handlers that parse updates, call the core and render HTML."""
