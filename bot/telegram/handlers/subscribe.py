"""`/subscribe [WORDS] [daily]`, `/unsubscribe [WORDS]`, `/subscriptions`, and the bot leaving a chat.

In groups only administrators and the creator may change subscriptions, checked with getChatMember when
the command arrives; an anonymous administrator writes as the group itself (`sender_chat` is the chat).
"""

from __future__ import annotations

import functools
import logging
from html import escape

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.alerts import parse_topic
from bot.messages import Phrase, phrase
from bot.models import Lang
from bot.telegram.incoming import OnMessage, on_message
from bot.telegram.state import BotContext

log = logging.getLogger(__name__)

MANAGERS = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
ENDED = {ChatMemberStatus.LEFT, ChatMemberStatus.BANNED}


async def may_manage(message: Message, context: BotContext) -> bool:
    """Whether the sender may change this chat's subscriptions, asked of Telegram now (no stale cache)."""
    chat = message.chat
    if chat.type == ChatType.PRIVATE:
        return True
    if message.sender_chat is not None:
        return message.sender_chat.id == chat.id
    if message.from_user is None:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, message.from_user.id)
    except TelegramError as exc:
        log.warning("could not check the rights of %s in %s: %s", message.from_user.id, chat.id, exc)
        return False
    return member.status in MANAGERS


def managers_only(handle: OnMessage[None]) -> OnMessage[None]:
    """`handle` for those who may change the chat's subscriptions; anyone else is told who may."""

    @functools.wraps(handle)
    async def checked(message: Message, context: BotContext, lang: Lang) -> None:
        if not await may_manage(message, context):
            await message.reply_text(phrase(Phrase.ADMINS_ONLY, lang))
            return
        await handle(message, context, lang)

    return checked


@on_message
@managers_only
async def subscribe(message: Message, context: BotContext, lang: Lang) -> None:
    """The chat's alerts are written in the language of the person who subscribed it last."""
    topic, daily = parse_topic(context.args or [])
    by = message.from_user.id if message.from_user else None
    try:
        added = await context.core(
            context.service.alerts.subscribe, message.chat.id, topic, daily=daily, by=by, lang=lang
        )
    except ValueError as refusal:
        await message.reply_text(phrase(Phrase.SUBSCRIBE_REFUSED, lang).format(why=escape(str(refusal))))
        return
    what = escape(topic) if topic else phrase(Phrase.ALL_ANSWERS, lang)
    how = phrase(Phrase.DAILY_DIGEST if daily else Phrase.AT_ONCE, lang)
    key = Phrase.SUBSCRIBED if added else Phrase.ALREADY_SUBSCRIBED
    await message.reply_text(phrase(key, lang).format(what=what, how=how))


@on_message
@managers_only
async def unsubscribe(message: Message, context: BotContext, lang: Lang) -> None:
    topic, _ = parse_topic(context.args or [])
    removed = await context.core(context.service.alerts.unsubscribe, message.chat.id, topic)
    await message.reply_text(phrase(Phrase.UNSUBSCRIBED, lang).format(count=removed))


@on_message
async def subscriptions(message: Message, context: BotContext, lang: Lang) -> None:
    found = await context.core(context.service.alerts.subscriptions, message.chat.id)
    if not found:
        await message.reply_text(phrase(Phrase.NO_SUBSCRIPTIONS, lang))
        return
    lines = [f"<b>{escape(phrase(Phrase.SUBSCRIPTIONS_HEADING, lang))}</b>"]
    for sub in found:
        what = escape(sub.topic) if sub.topic else phrase(Phrase.ALL_ANSWERS, lang)
        lines.append(f"• {what} ({phrase(Phrase.DAILY_DIGEST if sub.daily else Phrase.AT_ONCE, lang)})")
    await message.reply_text("\n".join(lines))


async def membership(update: Update, context: BotContext) -> None:
    """Removed from a group or blocked by a user: that chat's subscriptions end."""
    change = update.my_chat_member
    if change is not None and change.new_chat_member.status in ENDED:
        await context.core(context.service.alerts.end_chat, change.chat.id, f"bot {change.new_chat_member.status}")
        log.info("subscriptions of chat %s ended: bot %s", change.chat.id, change.new_chat_member.status)
