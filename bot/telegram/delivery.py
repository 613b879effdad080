"""Delivering queued alerts from the outbox: a JobQueue job, a few sends in flight at a time, every
Telegram error mapped to what the core should do (retry, follow a migrated group, end a subscription)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
from html import escape

from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes
from telegram.helpers import create_deep_linked_url

from bot.alerts import Alert, Alerts, Delivery, Outcome
from bot.kb.rankings import source_label
from bot.kb.store import Store
from bot.models import Entry, Lang
from bot.telegram.state import state

log = logging.getLogger(__name__)

# Sends in flight at once: enough to keep Telegram's 30/s busy over real network latency, and the most
# alerts that a crash could make the bot repeat. How fast they go is up to SendLog.room_for_alert.
IN_FLIGHT = 4
BATCH = 200
MAX_ANSWER = 900
MAX_PASSAGE = 600
RECORD_ATTEMPTS = 120


def alert_html(entry: Entry, key: str, bot_username: str, lang: Lang = "de") -> str:
    """Title, short answer, source and a deep link to ask the bot more; for a new response, its text."""
    new_response = "#" in key
    heading = ("Neue Antwort eingegangen" if new_response else "Neue Antwort") if lang == "de" else "New answer"
    link = create_deep_linked_url(bot_username, f"ans_{entry.id}")
    answer = entry.answer_in(lang)
    parts = [
        f"🔔 <b>{escape(heading)}:</b> {escape(entry.title[:200])}",
        escape(answer if len(answer) <= MAX_ANSWER else answer[: MAX_ANSWER - 1] + "…"),
    ]
    if new_response and entry.passages:
        text = entry.passages[-1].text
        parts.append(
            f"<blockquote>{escape(text if len(text) <= MAX_PASSAGE else text[: MAX_PASSAGE - 1] + '…')}</blockquote>"
        )
    source = entry.passages[-1].source_url if new_response and entry.passages else None
    url = source or entry.source_url
    parts.append(f'{"Quelle" if lang == "de" else "Source"}: <a href="{escape(url)}">{escape(source_label(url))}</a>')
    parts.append(f'<a href="{escape(link)}">{"Mehr dazu im Chat" if lang == "de" else "Ask more"}</a>')
    return "\n\n".join(parts)


def _seconds(value: int | float | dt.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def classify(error: TelegramError) -> Delivery:
    """What a failed send means for the alert and the chat's subscriptions."""
    if isinstance(error, RetryAfter):
        return Delivery(Outcome.RETRY, retry_after=_seconds(error.retry_after), error="flood limit")
    if isinstance(error, ChatMigrated):
        return Delivery(Outcome.MOVED, new_chat_id=error.new_chat_id, error="migrated")
    if isinstance(error, Forbidden):
        return Delivery(Outcome.GONE, error=str(error))
    if isinstance(error, BadRequest):
        gone = "chat not found" in str(error).lower()
        return Delivery(Outcome.GONE if gone else Outcome.FAILED, error=str(error))
    if isinstance(error, NetworkError):  # includes TimedOut and 5xx answers
        return Delivery(Outcome.RETRY, error=str(error))
    return Delivery(Outcome.FAILED, error=str(error))


async def _recorded(alerts: Alerts, alert: Alert, delivery: Delivery) -> None:
    """Record a sent alert's outcome; while the store is locked, try again without blocking the chats.
    Giving up would leave the alert `sending`, to be repeated after the next start."""
    for _ in range(RECORD_ATTEMPTS):
        try:
            alerts.record(alert, delivery)
            return
        except sqlite3.OperationalError as error:
            if not Store.is_busy(error):
                raise
            await asyncio.sleep(0.5)
    log.error("outcome of alert %s to chat %s not recorded: store locked", alert.alert, alert.chat_id)


async def _send(context: ContextTypes.DEFAULT_TYPE, alert: Alert, gate: asyncio.Semaphore) -> None:
    alerts = state(context).service.alerts
    async with gate:
        # Wait for room before claiming: the claimed ("in flight") window stays as short as the send itself.
        await state(context).sends.room_for_alert()
        try:
            if not alerts.claim(alert):
                return
        except sqlite3.OperationalError as error:
            if not Store.is_busy(error):
                raise
            return  # still pending: the next run sends it
        entry = state(context).service.entry(alert.entry_id)
        if entry is None:
            await _recorded(alerts, alert, Delivery(Outcome.FAILED, error="entry removed"))
            return
        try:
            await context.bot.send_message(alert.chat_id, alert_html(entry, alert.alert, context.bot.username))
        except TelegramError as error:
            delivery = classify(error)
            log.info("alert %s to chat %s: %s (%s)", alert.alert, alert.chat_id, delivery.outcome, delivery.error)
        else:
            delivery = Delivery(Outcome.SENT)
        await _recorded(alerts, alert, delivery)


async def deliver_alerts(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send every due alert; a run still busy when the next is due lets that one pass."""
    bot_state = state(context)
    if bot_state.delivering:
        return
    bot_state.delivering = True
    try:
        gate = asyncio.Semaphore(IN_FLIGHT)
        while due := bot_state.service.alerts.due(BATCH):
            await asyncio.gather(*(_send(context, alert, gate) for alert in due))
    finally:
        bot_state.delivering = False


async def send_digests(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Once a day: one message per chat with the alerts its daily subscriptions collected."""
    service = state(context).service
    alerts = service.alerts
    for chat_id in alerts.digest_chats():
        await state(context).sends.room_for_alert()
        items = [a for a in alerts.digest(chat_id) if alerts.claim(a)]
        entries = service.store.entries(a.entry_id for a in items)
        lines = ["📰 <b>Neue Antworten</b>"]
        for item in items:
            entry = entries.get(item.entry_id)
            if entry is not None:
                link = create_deep_linked_url(context.bot.username, f"ans_{entry.id}")
                lines.append(f'• <a href="{escape(link)}">{escape(entry.title[:150])}</a>')
        try:
            await context.bot.send_message(chat_id, "\n".join(lines))
        except TelegramError as error:
            delivery = classify(error)
        else:
            delivery = Delivery(Outcome.SENT)
        for item in items:
            await _recorded(alerts, item, delivery)
