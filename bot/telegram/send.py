"""Sending an answer: its HTML messages in order, the buttons under the last one."""

from __future__ import annotations

from telegram import Bot, Message

from bot.models import Answer
from bot.telegram.render import answer_keyboard, answer_messages


async def send_answer(bot: Bot, chat_id: int, answer: Answer, reply_to: Message | None = None) -> None:
    """The first message replies to the question (in groups that shows whom the bot answers)."""
    chunks = answer_messages(answer)
    keyboard = answer_keyboard(answer)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        markup = keyboard if last else None
        if reply_to is not None and index == 0:
            await reply_to.reply_text(chunk, reply_markup=markup)
        else:
            await bot.send_message(chat_id, chunk, reply_markup=markup)
