"""Which language to reply in: English for English-speaking users or English questions, else German."""

from __future__ import annotations

from telegram import User

from bot.models import Lang
from bot.search.normalize import detect_language


def user_language(user: User | None) -> Lang:
    return "en" if user is not None and (user.language_code or "").lower().startswith("en") else "de"


def reply_language(user: User | None, question: str = "") -> Lang:
    if user_language(user) == "en" or (question and detect_language(question) == "en"):
        return "en"
    return "de"
