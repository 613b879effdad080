"""Buttons: a suggested question (`ans:<id>`) and 👍/👎 feedback (`fb:<id>:+`/`-`)."""

from __future__ import annotations

from telegram import Update

from bot.messages import Phrase, phrase
from bot.telegram.language import user_language
from bot.telegram.render import ButtonKind, parse_callback
from bot.telegram.send import send_answer
from bot.telegram.state import BotContext


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    if query is None:
        return
    lang = user_language(query.from_user)
    parsed = parse_callback(query.data)
    service = context.service
    if parsed is None:
        await query.answer(phrase(Phrase.STALE_BUTTON, lang))
        return
    kind, entry_id, vote = parsed
    if kind is ButtonKind.FEEDBACK:
        stored = await context.core(service.record_feedback, entry_id, query.from_user.id, helpful=vote == "+")
        await query.answer(phrase(Phrase.THANKS if stored else Phrase.STALE_BUTTON, lang))
        return
    entry = await context.core(service.entry, entry_id)
    await query.answer(None if entry else phrase(Phrase.STALE_BUTTON, lang))
    message = query.message
    if entry is None or message is None or not hasattr(message, "reply_text"):
        return
    await send_answer(context.bot, message.chat.id, await context.core(service.entry_answer, entry, lang))
