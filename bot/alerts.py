"""New-answer alerts: the policy over the stored subscriptions and outbox (bot/storage/alerts.py): which chats
a new answer concerns, what to retry and how long to wait, what ends a subscription. Plain synchronous core;
the Telegram job only sends and reports outcomes.

Durability: alerts are written to the outbox in the same transaction as the entry they announce. A row
is marked `sending` just before its message goes out and `sent` right after; after a crash, only rows
still `sending` (in flight at that moment) are sent again, so no alert is lost and no other is repeated.

Each alert has a key, sent to a chat at most once: a new entry's is its id (`entry_key`), a new response to an
imported request's is the entry's id and the response's anchor (`response_key`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.models import Entry, Lang
from bot.storage.alerts import DEFAULT_LANG, Alert, OutboxState, Queued, Subscription
from bot.storage.store import Store
from bot.understand.normalize import Normalizer, city_tag, ranking_tag, year_tag

GIVE_UP_AFTER = dt.timedelta(days=2)  # of trying: an outage of Telegram or of the network is waited out
MAX_BACKOFF = 300.0  # seconds
DIGEST_ITEMS = 20
MAX_TOPIC = 100  # characters
MAX_PER_CHAT = 20  # subscriptions: enough for real topics, and every listing fits one message
DAILY_WORD = {"daily", "taeglich", "täglich", "digest"}
RESPONSE_MARK = "#"  # between an entry's id and a response's anchor in an alert key; never in an id


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def entry_key(entry_id: str) -> str:
    """The key of the alert that announces a new entry."""
    return entry_id


def response_key(entry_id: str, anchor: str) -> str:
    """The key of the alert that announces a new response to an imported request (its anchor in the request)."""
    return f"{entry_id}{RESPONSE_MARK}{anchor}"


def announces_response(key: str) -> bool:
    """Whether an alert key is a `response_key`."""
    return RESPONSE_MARK in key


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

    def subscribe(self, chat_id: int, topic: str, *, daily: bool, by: int | None, lang: Lang = DEFAULT_LANG) -> bool:
        """False if the chat already had this subscription. The chat's alerts are written in the language of its
        latest subscription."""
        tokens = " ".join(self.topic_tokens(topic))
        if topic.strip() and not tokens:
            raise ValueError("the topic has no searchable words")
        if len(topic) > MAX_TOPIC:
            raise ValueError(f"the topic is longer than {MAX_TOPIC} characters")
        with self.store.transaction():
            if self.store.subscriptions.count(chat_id) >= MAX_PER_CHAT:
                raise ValueError(f"a chat can have at most {MAX_PER_CHAT} subscriptions")
            return self.store.subscriptions.add(
                chat_id, topic.strip(), tokens, daily=daily, lang=lang, by=by, at=_iso(_now())
            )

    def unsubscribe(self, chat_id: int, topic: str = "") -> int:
        """Remove the chat's subscriptions to this topic (all of them without a topic); how many."""
        tokens = " ".join(self.topic_tokens(topic)) if topic.strip() else None
        return self.store.subscriptions.remove(chat_id, tokens)

    def subscriptions(self, chat_id: int | None = None) -> list[Subscription]:
        return self.store.subscriptions.all(chat_id)

    def end_chat(self, chat_id: int, reason: str) -> None:
        """The bot was removed or blocked: the chat's subscriptions and pending alerts end."""
        with self.store.transaction():
            self.store.subscriptions.remove(chat_id)
            self.store.outbox.drop(chat_id, reason)

    def move_chat(self, old: int, new: int) -> None:
        """A group became a supergroup: its subscriptions and pending alerts follow it."""
        with self.store.transaction():
            self.store.subscriptions.move(old, new)
            self.store.outbox.move(old, new)

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
        queued = []
        for key, entry in announcements:
            tokens = self._entry_tokens(entry)
            chats: dict[int, bool] = {}
            for sub in subscriptions:
                if all(t in tokens for t in sub.tokens):
                    chats[sub.chat_id] = chats.get(sub.chat_id, True) and sub.daily
            queued += [Queued(key, entry.id, chat, daily) for chat, daily in chats.items()]
        self.store.outbox.enqueue(queued, _iso(_now()))
        return len(queued)

    # delivery

    def recover(self) -> int:
        """At start: alerts that were in flight when the process stopped are sent again."""
        return self.store.outbox.recover()

    def due(self, limit: int) -> list[Alert]:
        """The alerts to send now (not those that wait for a digest), oldest first."""
        return self.store.outbox.pending(daily=False, due_by=_iso(_now()), limit=limit)

    def claim(self, alert: Alert) -> bool:
        """Mark an alert as in flight, just before sending; False if another sender took it."""
        return self.store.outbox.claim(alert.id)

    def record(self, alert: Alert, delivery: Delivery) -> None:
        """What happened to a claimed alert, right after the send."""
        now = _now()
        if delivery.outcome is Outcome.SENT:
            self.store.outbox.sent(alert.id, _iso(now))
        elif delivery.outcome is Outcome.GONE:
            self.end_chat(alert.chat_id, delivery.error or "gone")
        elif delivery.outcome is Outcome.MOVED and delivery.new_chat_id is not None:
            self.move_chat(alert.chat_id, delivery.new_chat_id)
        elif delivery.outcome is Outcome.RETRY and now - dt.datetime.fromisoformat(alert.created_at) < GIVE_UP_AFTER:
            wait = delivery.retry_after if delivery.retry_after is not None else min(2.0**alert.attempts, MAX_BACKOFF)
            self.store.outbox.retry(alert.id, _iso(now + dt.timedelta(seconds=wait)), delivery.error)
        else:
            self.store.outbox.failed(alert.id, delivery.error or delivery.outcome.value)

    def digest_chats(self) -> list[int]:
        return self.store.outbox.digest_chats()

    def digest(self, chat_id: int) -> list[Alert]:
        """What a chat's next daily digest holds, oldest first."""
        return self.store.outbox.pending(daily=True, chat_id=chat_id, limit=DIGEST_ITEMS)

    def stats(self) -> dict[OutboxState, int]:
        return self.store.outbox.stats()
