"""`/subscribe [WORDS] [daily]`, `/unsubscribe [WORDS]`, `/subscriptions`, and the bot leaving a chat.

In groups only administrators and the creator may change subscriptions, checked with getChatMember when
the command arrives; an anonymous administrator writes as the group itself (`sender_chat` is the chat).
"""

from __future__ import annotations

import logging
from html import escape

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.alerts import parse_topic
from bot.messages import phrase
from bot.telegram.language import user_language
from bot.telegram.state import state

log = logging.getLogger(__name__)

MANAGERS = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
ENDED = {ChatMemberStatus.LEFT, ChatMemberStatus.BANNED}


async def may_manage(message: Message, context: ContextTypes.DEFAULT_TYPE) -> bool:
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


async def _checked(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Message | None:
    message = update.message
    if message is None:
        return None
    if not await may_manage(message, context):
        await message.reply_text(phrase("admins_only", user_language(message.from_user)))
        return None
    return message


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _checked(update, context)
    if message is None:
        return
    lang = user_language(message.from_user)
    topic, daily = parse_topic(context.args or [])
    by = message.from_user.id if message.from_user else None
    try:
        added = state(context).service.alerts.subscribe(message.chat.id, topic, daily=daily, by=by)
    except ValueError as refusal:
        await message.reply_text(phrase("subscribe_refused", lang).format(why=escape(str(refusal))))
        return
    what = escape(topic) if topic else phrase("all_answers", lang)
    how = phrase("daily_digest" if daily else "at_once", lang)
    key = "subscribed" if added else "already_subscribed"
    await message.reply_text(phrase(key, lang).format(what=what, how=how))


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _checked(update, context)
    if message is None:
        return
    lang = user_language(message.from_user)
    topic, _ = parse_topic(context.args or [])
    removed = state(context).service.alerts.unsubscribe(message.chat.id, topic)
    await message.reply_text(phrase("unsubscribed", lang).format(count=removed))


async def subscriptions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    if message is None:
        return
    lang = user_language(message.from_user)
    found = state(context).service.alerts.subscriptions(message.chat.id)
    if not found:
        await message.reply_text(phrase("no_subscriptions", lang))
        return
    lines = [f"<b>{escape(phrase('subscriptions_heading', lang))}</b>"]
    for sub in found:
        what = escape(sub.topic) if sub.topic else phrase("all_answers", lang)
        lines.append(f"• {what} ({phrase('daily_digest' if sub.daily else 'at_once', lang)})")
    await message.reply_text("\n".join(lines))


async def membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Removed from a group or blocked by a user: that chat's subscriptions end."""
    change = update.my_chat_member
    if change is not None and change.new_chat_member.status in ENDED:
        state(context).service.alerts.end_chat(change.chat.id, f"bot {change.new_chat_member.status}")
        log.info("subscriptions of chat %s ended: bot %s", change.chat.id, change.new_chat_member.status)
