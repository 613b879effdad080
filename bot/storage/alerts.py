"""Subscriptions to new answers and the outbox of alerts to send. Which alerts to queue and what to do after a
send is decided in bot/alerts.py; here they are only kept."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.storage.database import Part

ACTIVE = "state IN ('pending', 'sending')"  # outbox rows not yet sent, failed or dropped


@dataclass(frozen=True)
class Subscription:
    id: int
    chat_id: int
    topic: str
    tokens: tuple[str, ...]
    daily: bool


@dataclass(frozen=True)
class Alert:
    """One outbox row: announce `entry_id` (under the key `alert`) in `chat_id`."""

    id: int
    alert: str
    entry_id: str
    chat_id: int
    daily: bool
    attempts: int
    created_at: str


@dataclass(frozen=True)
class Queued:
    """An alert to queue: the key, the entry, the chat, and whether it waits for the daily digest."""

    alert: str
    entry_id: str
    chat_id: int
    daily: bool


class Subscriptions(Part):
    """Which chats want to hear of new answers: on a topic (its normalised tokens) or all, at once or daily."""

    def count(self, chat_id: int) -> int:
        return self.db.table("subscriptions").count_where("chat_id = ?", [chat_id])

    def add(self, chat_id: int, topic: str, tokens: str, *, daily: bool, by: int | None, at: str) -> bool:
        """False if the chat already had this subscription."""
        added = self._write(
            "INSERT OR IGNORE INTO subscriptions (chat_id, topic, tokens, daily, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [chat_id, topic, tokens, int(daily), by, at],
        )
        return added > 0

    def remove(self, chat_id: int, tokens: str | None = None) -> int:
        """Remove the chat's subscriptions with these tokens (all of them for None); how many."""
        if tokens is None:
            return self._write("DELETE FROM subscriptions WHERE chat_id = ?", [chat_id])
        return self._write("DELETE FROM subscriptions WHERE chat_id = ? AND tokens = ?", [chat_id, tokens])

    def all(self, chat_id: int | None = None) -> list[Subscription]:
        """Every subscription, or those of one chat, oldest first."""
        where, args = ("chat_id = ?", [chat_id]) if chat_id is not None else (None, [])
        rows = self.db.table("subscriptions").rows_where(where, args, order_by="id")
        return [
            Subscription(r["id"], r["chat_id"], r["topic"], tuple(r["tokens"].split()), bool(r["daily"])) for r in rows
        ]

    def move(self, old: int, new: int) -> None:
        """A chat's subscriptions follow it to its new id; those it already has there are dropped."""
        with self.transaction():
            self._write("UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?", [new, old])
            self.remove(old)

    def forget_creator(self, user_id: int) -> int:
        """The subscriptions a person made (in groups) name nobody; how many."""
        return self._write("UPDATE subscriptions SET created_by = NULL WHERE created_by = ?", [user_id])


class Outbox(Part):
    """One row per alert and chat: pending, in flight (`sending`), then sent, failed or dropped."""

    def enqueue(self, alerts: Iterable[Queued], at: str) -> None:
        """Queue alerts, due at once; an alert already queued for a chat is not queued again."""
        with self.transaction():
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO outbox (alert, entry_id, chat_id, daily, due_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(a.alert, a.entry_id, a.chat_id, int(a.daily), at, at) for a in alerts],
            )

    def recover(self) -> int:
        """Alerts in flight (`sending`) are pending again; how many."""
        return self._write("UPDATE outbox SET state = 'pending' WHERE state = 'sending'")

    def due(self, limit: int, *, daily: bool, at: str) -> list[Alert]:
        """Pending alerts due by `at`, oldest first."""
        return self._alerts("state = 'pending' AND daily = ? AND due_at <= ?", [int(daily), at], limit=limit)

    def digest(self, chat_id: int, limit: int) -> list[Alert]:
        """A chat's alerts waiting for the daily digest, oldest first."""
        return self._alerts("state = 'pending' AND daily = 1 AND chat_id = ?", [chat_id], limit=limit)

    def _alerts(self, where: str, args: list[Any], *, limit: int) -> list[Alert]:
        rows = self.db.table("outbox").rows_where(
            where, args, order_by="id", limit=limit, select="id, alert, entry_id, chat_id, daily, attempts, created_at"
        )
        return [
            Alert(r["id"], r["alert"], r["entry_id"], r["chat_id"], bool(r["daily"]), r["attempts"], r["created_at"])
            for r in rows
        ]

    def digest_chats(self) -> list[int]:
        """The chats with alerts waiting for the daily digest."""
        rows = self.db.query(
            "SELECT DISTINCT chat_id FROM outbox WHERE state = 'pending' AND daily = 1 ORDER BY chat_id"
        )
        return [r["chat_id"] for r in rows]

    def claim(self, alert_id: int) -> bool:
        """Mark a pending alert as in flight; False if it is no longer pending."""
        claimed = self._write(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'",
            [alert_id],
        )
        return claimed == 1

    def sent(self, alert_id: int, at: str) -> None:
        self._write("UPDATE outbox SET state = 'sent', sent_at = ? WHERE id = ?", [at, alert_id])

    def retry(self, alert_id: int, due_at: str, error: str) -> None:
        """Pending again, to be sent at `due_at`."""
        self._write(
            "UPDATE outbox SET state = 'pending', due_at = ?, error = ? WHERE id = ?", [due_at, error, alert_id]
        )

    def failed(self, alert_id: int, error: str) -> None:
        self._write("UPDATE outbox SET state = 'failed', error = ? WHERE id = ?", [error, alert_id])

    def drop(self, chat_id: int, reason: str) -> None:
        """The chat's alerts not yet sent are dropped."""
        self._write(f"UPDATE outbox SET state = 'dropped', error = ? WHERE chat_id = ? AND {ACTIVE}", [reason, chat_id])

    def move(self, old: int, new: int) -> None:
        """The chat's alerts not yet sent follow it to its new id, pending again; those it already has there are
        dropped."""
        with self.transaction():
            self._write(
                f"UPDATE OR IGNORE outbox SET chat_id = ?, state = 'pending' WHERE chat_id = ? AND {ACTIVE}", [new, old]
            )
            self.drop(old, "moved")

    def stats(self) -> dict[str, int]:
        """How many alerts are in each state."""
        rows = self.db.query("SELECT state, count(*) AS n FROM outbox GROUP BY state")
        return {r["state"]: int(r["n"]) for r in rows}

    def forget_chat(self, chat_id: int) -> int:
        """Delete every alert of a chat; how many."""
        return self._write("DELETE FROM outbox WHERE chat_id = ?", [chat_id])
