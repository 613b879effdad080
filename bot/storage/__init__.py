"""Persistence: every SQL statement of the bot, by aggregate, over one SQLite file (store.py)."""
