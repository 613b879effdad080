"""Questions: any text in a private chat; `/ask`, a mention or a reply to the bot in groups."""

from __future__ import annotations

import logging
import re
import time

from telegram import Message, Update
from telegram.constants import ChatType, MessageEntityType
from telegram.ext import ContextTypes

from bot.messages import phrase
from bot.models import Decision, Lang
from bot.telegram.language import language_hint, user_language
from bot.telegram.send import send_answer
from bot.telegram.state import state
from bot.throttle import Verdict

log = logging.getLogger(__name__)


async def within_limit(context: ContextTypes.DEFAULT_TYPE, key: int, chat_id: int, lang: Lang) -> bool:
    """Whether this person may have another answer now; over the limit they are told once."""
    verdict = state(context).throttle.check(key)
    if verdict is Verdict.NOTIFY:
        await context.bot.send_message(chat_id, phrase("slow_down", lang))
    return verdict is Verdict.ALLOW


def asker(message: Message) -> int:
    """Who asks, for the limit: anonymous group admins all appear as one bot user, so count their group."""
    if message.sender_chat is not None or message.from_user is None:
        return (message.sender_chat or message.chat).id
    return message.from_user.id


async def answer_question(message: Message, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Throttle, ask the core, remember what it could not answer, reply in one or more messages."""
    bot_state = state(context)
    user = message.from_user
    lang = user_language(user)
    if not await within_limit(context, asker(message), message.chat.id, lang):
        return
    if not question.strip():
        await message.reply_text(phrase("empty", lang))
        return
    started = time.perf_counter()
    answer = bot_state.service.ask(question, language_hint(user))
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
        bot_state.service.record_unanswered(answer, user.id if user else None, message.chat.type)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    if message is not None and message.text is not None:
        await answer_question(message, context, message.text)


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question:
        await message.reply_text(phrase("ask_usage", user_language(message.from_user)))
        return
    await answer_question(message, context, question)


def _without_mention(message: Message, username: str) -> str | None:
    """The text with the bot's @mention removed, or None if the bot is not mentioned."""
    text = message.text or ""
    mentions = message.parse_entities([MessageEntityType.MENTION])
    if not any(value.lower() == f"@{username}".lower() for value in mentions.values()):
        return None
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups the bot answers when mentioned or when someone replies to one of its messages."""
    message = update.message
    if message is None or message.text is None or message.chat.type == ChatType.PRIVATE:
        return
    question = _without_mention(message, context.bot.username)
    replied = message.reply_to_message
    if question is None and replied is not None and replied.from_user and replied.from_user.id == context.bot.id:
        question = message.text
    if question is not None:
        await answer_question(message, context, question)
