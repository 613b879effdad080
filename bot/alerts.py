"""New-answer alerts: subscriptions, the outbox, and the delivery policy (what to retry, what ends a
subscription). Plain synchronous core over the store; the Telegram job only sends and reports outcomes.

Durability: alerts are written to the outbox in the same transaction as the entry they announce. A row
is marked `sending` just before its message goes out and `sent` right after; after a crash, only rows
still `sending` (in flight at that moment) are sent again, so no alert is lost and no other is repeated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.kb.store import Store
from bot.models import Entry
from bot.understand.normalize import Normalizer, city_tag, ranking_tag, year_tag

GIVE_UP_AFTER = dt.timedelta(days=2)  # of trying: an outage of Telegram or of the network is waited out
MAX_BACKOFF = 300.0  # seconds
DIGEST_ITEMS = 20
MAX_TOPIC = 100  # characters
MAX_PER_CHAT = 20  # subscriptions: enough for real topics, and every listing fits one message
DAILY_WORD = {"daily", "taeglich", "täglich", "digest"}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


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


class Outcome(StrEnum):
    SENT = "sent"
    RETRY = "retry"  # flood limit or network trouble: try again later
    GONE = "gone"  # blocked, kicked, chat not found: the chat's subscriptions end
    MOVED = "moved"  # group became a supergroup: follow it and resend
    FAILED = "failed"  # Telegram refused this message for good


@dataclass(frozen=True)
class Delivery:
    outcome: Outcome
    retry_after: float | None = None
    new_chat_id: int | None = None
    error: str = ""


def parse_topic(words: Sequence[str]) -> tuple[str, bool]:
    """`/subscribe Bochum daily` → ("Bochum", True)."""
    daily = any(w.lower() in DAILY_WORD for w in words)
    topic = " ".join(w for w in words if w.lower() not in DAILY_WORD).strip()
    return topic, daily


class Alerts:
    """Subscriptions and outbox of one store; topics match with the search's own normalisation."""

    def __init__(self, store: Store, normalizer: Normalizer) -> None:
        self.store = store
        self.normalizer = normalizer

    # subscriptions

    def topic_tokens(self, topic: str) -> tuple[str, ...]:
        return tuple(sorted(set(self.normalizer.analyze(topic).tokens)))

    def subscribe(self, chat_id: int, topic: str, *, daily: bool, by: int | None) -> bool:
        """False if the chat already had this subscription."""
        tokens = " ".join(self.topic_tokens(topic))
        if topic.strip() and not tokens:
            raise ValueError("the topic has no searchable words")
        if len(topic) > MAX_TOPIC:
            raise ValueError(f"the topic is longer than {MAX_TOPIC} characters")
        with self.store.transaction():
            held = self.store.db.execute("SELECT count(*) FROM subscriptions WHERE chat_id = ?", [chat_id]).fetchone()
            if held[0] >= MAX_PER_CHAT:
                raise ValueError(f"a chat can have at most {MAX_PER_CHAT} subscriptions")
            cursor = self.store.db.execute(
                "INSERT OR IGNORE INTO subscriptions (chat_id, topic, tokens, daily, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [chat_id, topic.strip(), tokens, int(daily), by, _iso(_now())],
            )
        return cursor.rowcount > 0

    def unsubscribe(self, chat_id: int, topic: str = "") -> int:
        """Remove the chat's subscriptions to this topic (all of them without a topic); how many."""
        with self.store.transaction():
            if not topic.strip():
                cursor = self.store.db.execute("DELETE FROM subscriptions WHERE chat_id = ?", [chat_id])
            else:
                tokens = " ".join(self.topic_tokens(topic))
                cursor = self.store.db.execute(
                    "DELETE FROM subscriptions WHERE chat_id = ? AND tokens = ?", [chat_id, tokens]
                )
        return int(cursor.rowcount)

    def subscriptions(self, chat_id: int | None = None) -> list[Subscription]:
        sql = "SELECT id, chat_id, topic, tokens, daily FROM subscriptions"
        params: list[int] = []
        if chat_id is not None:
            sql += " WHERE chat_id = ?"
            params.append(chat_id)
        rows = self.store.db.execute(sql + " ORDER BY id", params).fetchall()
        return [Subscription(r[0], r[1], r[2], tuple(r[3].split()), bool(r[4])) for r in rows]

    def end_chat(self, chat_id: int, reason: str) -> None:
        """The bot was removed or blocked: the chat's subscriptions and pending alerts end."""
        with self.store.transaction():
            self.store.db.execute("DELETE FROM subscriptions WHERE chat_id = ?", [chat_id])
            self.store.db.execute(
                "UPDATE outbox SET state = 'dropped', error = ? WHERE chat_id = ? AND state IN ('pending', 'sending')",
                [reason, chat_id],
            )

    def move_chat(self, old: int, new: int) -> None:
        """A group became a supergroup: its subscriptions and pending alerts follow it."""
        with self.store.transaction():
            self.store.db.execute("UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?", [new, old])
            self.store.db.execute("DELETE FROM subscriptions WHERE chat_id = ?", [old])
            self.store.db.execute(
                "UPDATE OR IGNORE outbox SET chat_id = ?, state = 'pending' WHERE chat_id = ? "
                "AND state IN ('pending', 'sending')",
                [new, old],
            )
            self.store.db.execute(
                "UPDATE outbox SET state = 'dropped', error = 'moved' "
                "WHERE chat_id = ? AND state IN ('pending', 'sending')",
                [old],
            )

    # enqueueing (inside the writer's transaction)

    def _entry_tokens(self, entry: Entry) -> set[str]:
        texts = [entry.title, *entry.questions, entry.answer, entry.public_body or ""]
        tokens = {t for text in texts for t in self.normalizer.analyze(text).tokens}
        tokens |= {city_tag(c)[2:] for c in entry.tags.cities}
        tokens |= {ranking_tag(r)[2:] for r in entry.tags.rankings}
        tokens |= {year_tag(y)[2:] for y in entry.tags.years}
        return tokens

    def enqueue(self, announcements: Iterable[tuple[str, Entry]]) -> int:
        """Queue one alert per matching chat for each (alert key, entry); call inside the transaction that
        writes the entries. A chat gets the alert at once if any of its matching subscriptions is instant."""
        subscriptions = self.subscriptions()
        if not subscriptions:
            return 0
        now = _iso(_now())
        rows = []
        for key, entry in announcements:
            tokens = self._entry_tokens(entry)
            chats: dict[int, bool] = {}
            for sub in subscriptions:
                if all(t in tokens for t in sub.tokens):
                    chats[sub.chat_id] = chats.get(sub.chat_id, True) and sub.daily
            rows += [(key, entry.id, chat, int(daily), now, now) for chat, daily in chats.items()]
        with self.store.transaction():
            self.store.db.conn.executemany(
                "INSERT OR IGNORE INTO outbox (alert, entry_id, chat_id, daily, due_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    # delivery

    def recover(self) -> int:
        """At start: alerts that were in flight when the process stopped are sent again."""
        with self.store.transaction():
            cursor = self.store.db.execute("UPDATE outbox SET state = 'pending' WHERE state = 'sending'")
        return int(cursor.rowcount)

    def due(self, limit: int, *, daily: bool = False) -> list[Alert]:
        rows = self.store.db.execute(
            "SELECT id, alert, entry_id, chat_id, daily, attempts, created_at FROM outbox "
            "WHERE state = 'pending' AND daily = ? AND due_at <= ? ORDER BY id LIMIT ?",
            [int(daily), _iso(_now()), limit],
        ).fetchall()
        return [Alert(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6]) for r in rows]

    def claim(self, alert: Alert) -> bool:
        """Mark an alert as in flight, just before sending; False if another sender took it."""
        with self.store.transaction():
            cursor = self.store.db.execute(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'",
                [alert.id],
            )
        return cursor.rowcount == 1

    def record(self, alert: Alert, delivery: Delivery) -> None:
        """What happened to a claimed alert, right after the send."""
        now = _now()
        if delivery.outcome is Outcome.SENT:
            self._set(alert, "sent", sent_at=_iso(now))
        elif delivery.outcome is Outcome.GONE:
            self.end_chat(alert.chat_id, delivery.error or "gone")
        elif delivery.outcome is Outcome.MOVED and delivery.new_chat_id is not None:
            self.move_chat(alert.chat_id, delivery.new_chat_id)
        elif delivery.outcome is Outcome.RETRY and now - dt.datetime.fromisoformat(alert.created_at) < GIVE_UP_AFTER:
            wait = delivery.retry_after if delivery.retry_after is not None else min(2.0**alert.attempts, MAX_BACKOFF)
            self._set(alert, "pending", due_at=_iso(now + dt.timedelta(seconds=wait)), error=delivery.error)
        else:
            self._set(alert, "failed", error=delivery.error or delivery.outcome.value)

    def _set(self, alert: Alert, state: str, **fields: str) -> None:
        assignments = ", ".join(["state = ?", *(f"{name} = ?" for name in fields)])
        with self.store.transaction():
            self.store.db.execute(f"UPDATE outbox SET {assignments} WHERE id = ?", [state, *fields.values(), alert.id])

    def digest_chats(self) -> list[int]:
        rows = self.store.db.execute(
            "SELECT DISTINCT chat_id FROM outbox WHERE state = 'pending' AND daily = 1 ORDER BY chat_id"
        ).fetchall()
        return [r[0] for r in rows]

    def digest(self, chat_id: int) -> list[Alert]:
        rows = self.store.db.execute(
            "SELECT id, alert, entry_id, chat_id, daily, attempts, created_at FROM outbox "
            "WHERE state = 'pending' AND daily = 1 AND chat_id = ? ORDER BY id LIMIT ?",
            [chat_id, DIGEST_ITEMS],
        ).fetchall()
        return [Alert(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6]) for r in rows]

    def stats(self) -> dict[str, int]:
        rows = self.store.db.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()
        return {state: int(n) for state, n in rows}
