"""Subscriptions to new answers and the outbox of alerts to send. Which alerts to queue and what to do after a
send is decided in bot/alerts.py; here they are only kept."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import cast

from bot.models import Lang
from bot.storage.database import Part

DEFAULT_LANG: Lang = "de"  # of a subscription made before languages were kept, and of a chat without one


class OutboxState(StrEnum):
    """Where an outbox row is: pending, in flight, then sent, failed or dropped."""

    PENDING = "pending"
    SENDING = "sending"  # claimed: its message is going out now
    SENT = "sent"
    FAILED = "failed"
    DROPPED = "dropped"  # the chat ended, or moved to where it already had the alert


# Outbox rows not yet sent, failed or dropped: the condition, and the states as its arguments.
ACTIVE_STATES = [OutboxState.PENDING, OutboxState.SENDING]
ACTIVE = f"state IN ({', '.join('?' for _ in ACTIVE_STATES)})"
# A chat's language: that of its latest subscription.
_CHAT_LANG = "(SELECT s.lang FROM subscriptions AS s WHERE s.chat_id = o.chat_id ORDER BY s.id DESC LIMIT 1)"


@dataclass(frozen=True)
class Subscription:
    id: int
    chat_id: int
    topic: str
    tokens: tuple[str, ...]
    daily: bool
    lang: Lang


@dataclass(frozen=True)
class Alert:
    """One outbox row: announce `entry_id` (under the key `alert`) in `chat_id`, in the chat's language."""

    id: int
    alert: str
    entry_id: str
    chat_id: int
    daily: bool
    attempts: int
    created_at: str
    lang: Lang


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

    def add(self, chat_id: int, topic: str, tokens: str, *, daily: bool, lang: Lang, by: int | None, at: str) -> bool:
        """False if the chat already had this subscription."""
        added = self._write(
            "INSERT OR IGNORE INTO subscriptions (chat_id, topic, tokens, daily, lang, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [chat_id, topic, tokens, int(daily), lang, by, at],
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
            Subscription(
                r["id"], r["chat_id"], r["topic"], tuple(r["tokens"].split()), bool(r["daily"]), cast(Lang, r["lang"])
            )
            for r in rows
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
    """One row per alert and chat, in one of the OutboxStates. An alert is written in its chat's language: that of
    the chat's latest subscription."""

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
        return self._write("UPDATE outbox SET state = ? WHERE state = ?", [OutboxState.PENDING, OutboxState.SENDING])

    def pending(self, *, daily: bool, limit: int, due_by: str | None = None, chat_id: int | None = None) -> list[Alert]:
        """Pending alerts, oldest first: the instant or the daily ones, those due by `due_by`, those of one chat."""
        where, args = ["o.state = ?", "o.daily = ?"], [OutboxState.PENDING, int(daily)]
        if due_by is not None:
            where.append("o.due_at <= ?")
            args.append(due_by)
        if chat_id is not None:
            where.append("o.chat_id = ?")
            args.append(chat_id)
        rows = self.db.query(
            "SELECT o.id, o.alert, o.entry_id, o.chat_id, o.daily, o.attempts, o.created_at, "
            f"coalesce({_CHAT_LANG}, ?) AS lang FROM outbox AS o WHERE {' AND '.join(where)} ORDER BY o.id LIMIT ?",
            [DEFAULT_LANG, *args, limit],
        )
        return [
            Alert(
                r["id"],
                r["alert"],
                r["entry_id"],
                r["chat_id"],
                bool(r["daily"]),
                r["attempts"],
                r["created_at"],
                cast(Lang, r["lang"]),
            )
            for r in rows
        ]

    def digest_chats(self) -> list[int]:
        """The chats with alerts waiting for the daily digest."""
        rows = self.db.query(
            "SELECT DISTINCT chat_id FROM outbox WHERE state = ? AND daily = 1 ORDER BY chat_id", [OutboxState.PENDING]
        )
        return [r["chat_id"] for r in rows]

    def claim(self, alert_id: int) -> bool:
        """Mark a pending alert as in flight; False if it is no longer pending."""
        claimed = self._write(
            "UPDATE outbox SET state = ?, attempts = attempts + 1 WHERE id = ? AND state = ?",
            [OutboxState.SENDING, alert_id, OutboxState.PENDING],
        )
        return claimed == 1

    def sent(self, alert_id: int, at: str) -> None:
        self._write("UPDATE outbox SET state = ?, sent_at = ? WHERE id = ?", [OutboxState.SENT, at, alert_id])

    def retry(self, alert_id: int, due_at: str, error: str) -> None:
        """Pending again, to be sent at `due_at`."""
        self._write(
            "UPDATE outbox SET state = ?, due_at = ?, error = ? WHERE id = ?",
            [OutboxState.PENDING, due_at, error, alert_id],
        )

    def failed(self, alert_id: int, error: str) -> None:
        self._write("UPDATE outbox SET state = ?, error = ? WHERE id = ?", [OutboxState.FAILED, error, alert_id])

    def drop(self, chat_id: int, reason: str) -> None:
        """The chat's alerts not yet sent are dropped."""
        self._write(
            f"UPDATE outbox SET state = ?, error = ? WHERE chat_id = ? AND {ACTIVE}",
            [OutboxState.DROPPED, reason, chat_id, *ACTIVE_STATES],
        )

    def move(self, old: int, new: int) -> None:
        """The chat's alerts not yet sent follow it to its new id, pending again; those it already has there are
        dropped."""
        with self.transaction():
            self._write(
                f"UPDATE OR IGNORE outbox SET chat_id = ?, state = ? WHERE chat_id = ? AND {ACTIVE}",
                [new, OutboxState.PENDING, old, *ACTIVE_STATES],
            )
            self.drop(old, "moved")

    def stats(self) -> dict[OutboxState, int]:
        """How many alerts are in each state."""
        rows = self.db.query("SELECT state, count(*) AS n FROM outbox GROUP BY state")
        return {OutboxState(r["state"]): int(r["n"]) for r in rows}

    def forget_chat(self, chat_id: int) -> int:
        """Delete every alert of a chat; how many."""
        return self._write("DELETE FROM outbox WHERE chat_id = ?", [chat_id])
