"""The store: the one database and its parts, one per aggregate, all writing in one transaction."""

from __future__ import annotations

from pathlib import Path

from bot.storage.alerts import Outbox, Subscriptions
from bot.storage.database import Database
from bot.storage.history import History
from bot.storage.knowledge import Knowledge
from bot.storage.people import People


class Store(Database):
    """Knowledge, people's data, subscriptions and outbox, and the history of changes, in one SQLite file."""

    def __init__(self, path: Path | str, *, busy_timeout: float = 5.0, check: bool | None = None) -> None:
        super().__init__(path, busy_timeout=busy_timeout, check=check)
        self.history = History(self)
        self.knowledge = Knowledge(self, self.history)
        self.people = People(self)
        self.subscriptions = Subscriptions(self)
        self.outbox = Outbox(self)

    def forget_user(self, user_id: int) -> dict[str, int]:
        """Delete what the store holds about one Telegram user; how many rows of each kind."""
        with self.transaction():
            removed = self.people.forget_user(user_id)
            removed["private subscriptions"] = self.subscriptions.remove(user_id)
            removed["private alerts"] = self.outbox.forget_chat(user_id)
            removed["group subscriptions made"] = self.subscriptions.forget_creator(user_id)
            removed["changes attributed"] = self.history.forget_actor(f"telegram:{user_id}")
        return removed
