"""`/start` (with deep links such as `ans_<id>`), `/help` and `/sources`."""

from __future__ import annotations

from html import escape

from telegram import Message

from bot.folding import shorten
from bot.messages import Phrase, phrase, status_label
from bot.models import Lang
from bot.telegram.incoming import on_message
from bot.telegram.render import MAX_LABEL, linked_answer, pack, visible_length
from bot.telegram.send import send_answer
from bot.telegram.state import BotContext


@on_message
async def start(message: Message, context: BotContext, lang: Lang) -> None:
    entry_id = linked_answer(context.args[0] if context.args else "")
    if entry_id is not None:
        entry = await context.core(context.service.entry, entry_id)
        if entry is not None:
            answer = await context.core(context.service.entry_answer, entry, lang)
            await send_answer(context.bot, message.chat.id, answer)
            return
        await message.reply_text(phrase(Phrase.NO_SUCH_ANSWER, lang))
    await message.reply_text(phrase(Phrase.WELCOME, lang))


@on_message
async def help_command(message: Message, _context: BotContext, lang: Lang) -> None:
    await message.reply_text(phrase(Phrase.HELP, lang))


@on_message
async def sources(message: Message, context: BotContext, lang: Lang) -> None:
    """The FOI requests in the base, with their links and status."""
    heading = phrase(Phrase.SOURCES_HEADING, lang)
    pieces = [(f"<b>{escape(heading)}</b>", visible_length(heading))]
    for request in await context.core(context.service.requests):
        status = status_label(request.resolution or request.status, lang)
        answered = f", {phrase(Phrase.ANSWERED_ON, lang)} {request.answered:%d.%m.%Y}" if request.answered else ""
        title = shorten(f"#{request.id} {request.title}", MAX_LABEL)
        details = f"{shorten(request.public_body, MAX_LABEL)} · {status}{answered}"
        html = f'• <a href="{escape(request.url)}">{escape(title)}</a>\n{escape(details)}'
        pieces.append((html, visible_length(f"• {title}\n{details}")))
    if len(pieces) == 1:
        pieces.append((escape(phrase(Phrase.NO_SOURCES, lang)), 0))
    for chunk in pack(pieces):
        await message.reply_text(chunk)
