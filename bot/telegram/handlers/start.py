"""`/start` (with deep links such as `ans_<id>`), `/help` and `/sources`."""

from __future__ import annotations

from html import escape

from telegram import Update
from telegram.ext import ContextTypes

from bot.messages import phrase, status_label
from bot.telegram.language import user_language
from bot.telegram.render import MAX_LABEL, clip, pack, visible_length
from bot.telegram.send import send_answer
from bot.telegram.state import state

ANSWER_PAYLOAD = "ans_"


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    if message is None:
        return
    lang = user_language(message.from_user)
    payload = context.args[0] if context.args else ""
    if payload.startswith(ANSWER_PAYLOAD):
        service = state(context).service
        entry = service.entry(payload.removeprefix(ANSWER_PAYLOAD))
        if entry is not None:
            await send_answer(context.bot, message.chat.id, service.entry_answer(entry, lang))
            return
        await message.reply_text(phrase("no_such_answer", lang))
    await message.reply_text(phrase("welcome", lang))


async def help_command(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message is not None:
        await update.message.reply_text(phrase("help", user_language(update.message.from_user)))


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The FOI requests in the base, with their links and status."""
    message = update.message
    if message is None:
        return
    lang = user_language(message.from_user)
    heading = phrase("sources_heading", lang)
    pieces = [(f"<b>{escape(heading)}</b>", visible_length(heading))]
    for request in state(context).service.requests():
        status = status_label(request.resolution or request.status, lang)
        answered = f", {phrase('answered_on', lang)} {request.answered:%d.%m.%Y}" if request.answered else ""
        title = clip(f"#{request.id} {request.title}", MAX_LABEL)
        details = f"{clip(request.public_body, MAX_LABEL)} · {status}{answered}"
        html = f'• <a href="{escape(request.url)}">{escape(title)}</a>\n{escape(details)}'
        pieces.append((html, visible_length(f"• {title}\n{details}")))
    if len(pieces) == 1:
        pieces.append((escape(phrase("no_sources", lang)), 0))
    for chunk in pack(pieces):
        await message.reply_text(chunk)
