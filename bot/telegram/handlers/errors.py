"""The error handler: log with the update id (never the token), apologise to the user, keep running."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.messages import Phrase, phrase
from bot.telegram.language import user_language
from bot.telegram.state import BotContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed: %s: %s", update_id, type(error).__name__, error, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        lang = user_language(update.effective_user)
        await context.bot.send_message(update.effective_chat.id, phrase(Phrase.SORRY, lang))
    except TelegramError as exc:
        log.warning("could not apologise for update %s: %s", update_id, exc)
