"""The per-person limit on every path: one gate in front of all handlers, so no handler counts on its own.

One request is one update that some handler of the bot takes on behalf of a person: any command (a deep
link is a `/start`), a question in a private chat, a mention of or a reply to the bot in a group, a button
press, an inline query. Up to QUESTIONS_PER_MINUTE of them per person in any sliding minute are let through;
the first one over the limit gets one notice, the rest nothing until the minute has passed. Updates no
handler takes (group chatter, edits, stickers) cost nothing and count against no one, and neither does the
bot's own membership changing, which is not a request.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from telegram import InlineQueryResultsButton, Message, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.messages import Phrase, phrase
from bot.telegram.language import user_language
from bot.telegram.state import BotContext
from bot.throttle import Verdict

log = logging.getLogger(__name__)

GROUP = -1  # PTB runs handler groups in ascending order: this one before all the others (group 0)


def asker(message: Message) -> int:
    """Who sent a message, for the limit: anonymous group admins all appear as one bot user, so count their
    group; a message sent on behalf of a channel counts for that channel."""
    if message.sender_chat is not None or message.from_user is None:
        return (message.sender_chat or message.chat).id
    return message.from_user.id


def requester(update: Update) -> int | None:
    """The person whose request the update would be, or None if it is nobody's (the bot's membership
    changing, a channel post)."""
    message = update.message or update.edited_message
    if message is not None:
        return asker(message)
    action = update.callback_query or update.inline_query or update.chosen_inline_result
    return action.from_user.id if action is not None else None


def _answered(update: Update, context: BotContext) -> bool:
    """Whether a handler behind the gate takes the update, decided as PTB dispatches it: by the handlers'
    own check_update, so the gate needs no second copy of the routing."""
    for group, handlers in context.application.handlers.items():
        if group == GROUP:
            continue
        for handler in handlers:
            check = handler.check_update(update)
            if check is not None and check is not False:
                return True
    return False


def _notice(update: Update) -> Awaitable[object] | None:
    """The one notice, by the way the request came."""
    lang = user_language(update.effective_user)
    text = phrase(Phrase.SLOW_DOWN, lang)
    if update.callback_query is not None:
        return update.callback_query.answer(text)
    if update.inline_query is not None:
        # Inline mode has no place for a message: the notice is the button above an empty list (short, as
        # clients cut a button's text). Not cached, so the same query is answered once the minute has passed.
        button = InlineQueryResultsButton(text=phrase(Phrase.SLOW_DOWN_SHORT, lang), start_parameter="inline")
        return update.inline_query.answer([], cache_time=0, is_personal=True, button=button)
    if update.effective_message is not None:
        return update.effective_message.reply_text(text)
    return None


def _silence(update: Update) -> Awaitable[object] | None:
    """After the notice: a pressed button is still answered, without text, or the client shows its spinner
    for seconds. An inline query is left unanswered: answering costs a request per keystroke, the very load
    the limit sheds, and the client simply shows no results."""
    return update.callback_query.answer() if update.callback_query is not None else None


async def _quietly(reply: Awaitable[object]) -> None:
    try:
        await reply
    except TelegramError as exc:
        # Without this the error handler would apologise, with one more message per refused update.
        log.info("limit notice not delivered: %s", exc)


async def gate(update: Update, context: BotContext) -> None:
    """Counts the update if it is a request; over the limit, answers it as described above and stops it."""
    person = requester(update)
    # Maintainers are exempt: whoever runs the bot named them, they can change the base anyway, and a notice
    # must not cut off an /add conversation or a run of /import half-way.
    if person is None or person in context.settings.maintainer_ids or not _answered(update, context):
        return
    verdict = context.throttle.check(person)
    if verdict is Verdict.ALLOW:
        return
    reply = _notice(update) if verdict is Verdict.NOTIFY else _silence(update)
    if reply is not None:
        # Beside the update loop: waiting here for each refused button's answer would hold up everyone's
        # updates behind one person's flood.
        context.application.create_task(_quietly(reply), name="limit-notice")
    raise ApplicationHandlerStop


def handler() -> TypeHandler[Update, BotContext, None]:
    """The gate for handler group GROUP; blocking, since ApplicationHandlerStop only stops an update from a
    handler that PTB awaits."""
    return TypeHandler(Update, gate, block=True)
