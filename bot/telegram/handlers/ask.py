"""Questions: any text in a private chat; `/ask`, a mention or a reply to the bot in groups."""

from __future__ import annotations

import logging
import re
import time

from telegram import Message
from telegram.constants import MessageEntityType
from telegram.ext import filters

from bot.messages import Phrase, phrase
from bot.models import Decision, Lang
from bot.telegram.incoming import on_message
from bot.telegram.language import language_fallback, language_hint
from bot.telegram.send import send_answer
from bot.telegram.state import BotContext

log = logging.getLogger(__name__)


async def answer_question(message: Message, context: BotContext, question: str, lang: Lang) -> None:
    """Ask the core, remember what it could not answer, reply in one or more messages (the limit is checked
    before any handler, see `limit`)."""
    user = message.from_user
    if not question.strip():
        await message.reply_text(phrase(Phrase.EMPTY, lang))
        return
    started = time.perf_counter()
    answer = await context.core(context.service.ask, question, language_hint(user), language_fallback(user))
    # Ids, sizes and the outcome only: what someone asked stays in the store, where it can be deleted.
    log.debug(
        "message %s in a %s chat: %d characters, %s %s in %.0f ms",
        message.message_id,
        message.chat.type,
        len(question),
        answer.decision.value,
        ",".join(answer.entry_ids[:1]) or "-",
        (time.perf_counter() - started) * 1000,
    )
    await send_answer(context.bot, message.chat.id, answer, reply_to=message)
    if not answer.answered and answer.decision is not Decision.GREETING:
        await context.core(context.service.record_unanswered, answer, user.id if user else None, message.chat.type)


@on_message
async def private_text(message: Message, context: BotContext, lang: Lang) -> None:
    if message.text is not None:
        await answer_question(message, context, message.text, lang)


@on_message
async def ask_command(message: Message, context: BotContext, lang: Lang) -> None:
    question = " ".join(context.args or [])
    if not question:
        await message.reply_text(phrase(Phrase.ASK_USAGE, lang))
        return
    await answer_question(message, context, question, lang)


def _without_mention(message: Message, username: str) -> str | None:
    """The text with the bot's @mention removed, or None if the bot is not mentioned."""
    text = message.text or ""
    mentions = message.parse_entities([MessageEntityType.MENTION])
    if not any(value.lower() == f"@{username}".lower() for value in mentions.values()):
        return None
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


class _Addressed(filters.MessageFilter):
    """A message that mentions the bot or replies to one of its messages: in groups the only text it answers,
    told apart in a filter so that the limit's gate does not count the rest of the chatter."""

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == bot.id
        return to_bot or _without_mention(message, bot.username) is not None


ADDRESSED = _Addressed(name="addressed to the bot")


@on_message
async def group_text(message: Message, context: BotContext, lang: Lang) -> None:
    """A mention asks the rest of the text, a reply to the bot the whole text (ADDRESSED lets only these in)."""
    if message.text is None:
        return
    question = _without_mention(message, context.bot.username)
    await answer_question(message, context, message.text if question is None else question, lang)
