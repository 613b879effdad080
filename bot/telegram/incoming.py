"""What a handler of messages starts from: the new message an update brings, and the language to answer its
sender in. `on_message` makes a PTB callback of a function of the two."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from telegram import Message, Update

from bot.models import Lang
from bot.telegram.language import user_language
from bot.telegram.state import BotContext

R = TypeVar("R")

# A handler of one message: (message, context, the sender's language) → what PTB gets back (a conversation's state).
OnMessage = Callable[[Message, BotContext, Lang], Awaitable[R]]


def on_message(handle: OnMessage[R]) -> Callable[[Update, BotContext], Coroutine[Any, Any, R | None]]:
    """The PTB callback of `handle`. Its handlers' filters only let new messages through; an update without one
    gets None (PTB: nothing to do, and a conversation stays where it is)."""

    @functools.wraps(handle)
    async def callback(update: Update, context: BotContext) -> R | None:
        message = update.message
        if message is None:
            return None
        return await handle(message, context, user_language(message.from_user))

    return callback
