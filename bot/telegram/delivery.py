"""Delivering queued alerts from the outbox: a JobQueue job, a few sends in flight at a time, every
Telegram error mapped to what the core should do (retry, follow a migrated group, end a subscription)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sqlite3
from html import escape

from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.alerts import Delivery, Outcome, announces_response
from bot.folding import shorten
from bot.messages import Phrase, phrase
from bot.models import Entry, Lang
from bot.sources import Citations
from bot.storage.alerts import Alert
from bot.storage.database import is_busy
from bot.telegram.render import MAX_LABEL, answer_link, pack, visible_length
from bot.telegram.state import BotContext

log = logging.getLogger(__name__)

# Alerts claimed and not yet recorded at once: enough to keep Telegram's 30/s busy over real network
# latency, and so the most that a crash could make the bot send twice. How fast they go is up to
# SendLog.room_for_alert.
IN_FLIGHT = 4
BATCH = 200
MAX_ALERT_ANSWER = 900  # characters of the short answer in an alert
MAX_ALERT_QUOTE = 600  # characters of a new response quoted in an alert
MAX_ALERT_TITLE = 200
DIGEST_ANSWER = 160  # characters of each short answer in a digest
DIGEST_TITLE = 150
RECORD_ATTEMPTS = 120
BUSY_PAUSE = 2.0  # seconds without delivery runs after the store was found locked


def alert_html(entry: Entry, key: str, bot_username: str, cite: Citations, lang: Lang) -> str:
    """Title, short answer, source and a deep link to ask the bot more; for a new response, its text."""
    new_response = announces_response(key)
    heading = phrase(Phrase.ALERT_NEW_RESPONSE if new_response else Phrase.ALERT_NEW_ANSWER, lang)
    parts = [
        f"🔔 <b>{escape(heading)}:</b> {escape(entry.title[:MAX_ALERT_TITLE])}",
        escape(shorten(entry.answer_in(lang), MAX_ALERT_ANSWER)),
    ]
    if new_response and entry.passages:
        parts.append(f"<blockquote>{escape(shorten(entry.passages[-1].text, MAX_ALERT_QUOTE))}</blockquote>")
    source = entry.passages[-1].source_url if new_response and entry.passages else None
    url = source or entry.source_url
    label = shorten(cite.label(url, lang), MAX_LABEL)
    parts.append(f'{escape(phrase(Phrase.SOURCE, lang))}: <a href="{escape(url)}">{escape(label)}</a>')
    link = answer_link(bot_username, entry.id)
    parts.append(f'<a href="{escape(link)}">{escape(phrase(Phrase.ALERT_ASK_MORE, lang))}</a>')
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


async def _recorded(context: BotContext, alert: Alert, delivery: Delivery) -> None:
    """Record a sent alert's outcome; while the store is locked, try again without blocking the chats.
    Giving up would leave the alert `sending`, to be repeated after the next start."""
    for _ in range(RECORD_ATTEMPTS):
        try:
            await context.core(context.service.alerts.record, alert, delivery)
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            await asyncio.sleep(0.5)
    log.error("outcome of alert %s to chat %s not recorded: store locked", alert.alert, alert.chat_id)


class _Busy(Exception):
    """The store is locked by another process: stop this run, the next one continues."""


async def _send(context: BotContext, alert: Alert, gate: asyncio.Semaphore) -> None:
    alerts = context.service.alerts
    async with gate:
        # Wait for room before claiming: the claimed ("in flight") window stays as short as the send itself.
        await context.sends.room_for_alert()
        try:
            if not await context.core(alerts.claim, alert):
                return
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            raise _Busy from error  # still pending: a later run sends it
        try:
            entry = await context.core(context.service.entry, alert.entry_id)
            if entry is None:
                delivery = Delivery(Outcome.FAILED, error="entry removed")
            else:
                cite = context.service.citations
                html = await context.core(alert_html, entry, alert.alert, context.bot.username, cite, alert.lang)
                await context.bot.send_message(alert.chat_id, html)
                delivery = Delivery(Outcome.SENT)
        except TelegramError as error:
            delivery = classify(error)
            log.info("alert %s to chat %s: %s (%s)", alert.alert, alert.chat_id, delivery.outcome, delivery.error)
        except Exception as error:
            # A fault of ours, not Telegram's: record it, or the alert would stay "in flight" until a restart.
            log.exception("alert %s to chat %s failed", alert.alert, alert.chat_id)
            delivery = Delivery(Outcome.FAILED, error=f"{type(error).__name__}: {error}")
        await _recorded(context, alert, delivery)


async def deliver_alerts(context: BotContext) -> None:
    """Send every due alert; a run still busy when the next is due lets that one pass. A locked store
    ends the run at once: claiming is a write, and retrying it in a loop would hold up every chat."""
    bot_data = context.bot_data
    loop = asyncio.get_running_loop()
    if bot_data.delivering or loop.time() < bot_data.delivery_paused_until:
        return
    bot_data.delivering = True
    try:
        gate = asyncio.Semaphore(IN_FLIGHT)
        while due := await context.core(context.service.alerts.due, BATCH):
            outcomes = await asyncio.gather(*(_send(context, alert, gate) for alert in due), return_exceptions=True)
            errors = [o for o in outcomes if isinstance(o, BaseException)]
            if any(isinstance(e, _Busy) for e in errors):
                bot_data.delivery_paused_until = loop.time() + BUSY_PAUSE
                return
            for error in errors:
                log.error("alert delivery failed", exc_info=error)
            if errors:
                return
    finally:
        bot_data.delivering = False


async def send_digests(context: BotContext) -> None:
    """Once a day: one message (split if long) per chat with the alerts its daily subscriptions collected, in the
    chat's language."""
    service = context.service
    alerts = service.alerts
    for chat_id in await context.core(alerts.digest_chats):
        pending = await context.core(alerts.digest, chat_id)
        lang = pending[0].lang  # a chat's alerts all have its language
        entries = await context.core(service.entries, [a.entry_id for a in pending])
        heading = phrase(Phrase.DIGEST_HEADING, lang)
        pieces = [(f"<b>{escape(heading)}</b>", visible_length(heading))]
        for item in pending:
            entry = entries.get(item.entry_id)
            if entry is not None:
                pieces.append(await context.core(_digest_line, entry, context.bot.username, service.citations, lang))
        await context.sends.room_for_alert()
        items = [a for a in pending if await context.core(alerts.claim, a)]
        if len(pieces) == 1 or not items:
            for item in items:
                await _recorded(context, item, Delivery(Outcome.FAILED, error="entries removed"))
            continue
        delivery = Delivery(Outcome.SENT)
        try:
            for chunk in pack(pieces):
                await context.bot.send_message(chat_id, chunk)
        except TelegramError as error:
            delivery = classify(error)
        for item in items:
            await _recorded(context, item, delivery)


def _digest_line(entry: Entry, bot_username: str, cite: Citations, lang: Lang) -> tuple[str, int]:
    """Title, short answer, source and deep link of one entry, as HTML with its visible length."""
    link = answer_link(bot_username, entry.id)
    answer = shorten(entry.answer_in(lang), DIGEST_ANSWER)
    label, title = shorten(cite.label(entry.source_url, lang), MAX_LABEL), entry.title[:DIGEST_TITLE]
    more = phrase(Phrase.DIGEST_MORE, lang)
    html = (
        f"• <b>{escape(title)}</b>: {escape(answer)} "
        f'(<a href="{escape(entry.source_url)}">{escape(label)}</a>, <a href="{escape(link)}">{escape(more)}</a>)'
    )
    return html, visible_length(f"• {title}: {answer} ({label}, {more})")
