"""Which language to reply in: English for people whose Telegram speaks English; for everyone else the
language of their question (the core detects it), where it cannot tell their own if it is German, else German."""

from __future__ import annotations

from telegram import User

from bot.models import Lang


def _speaks(user: User | None, lang: Lang) -> bool:
    return user is not None and (user.language_code or "").lower().startswith(lang)


def user_language(user: User | None) -> Lang:
    return "en" if _speaks(user, "en") else "de"


def language_hint(user: User | None) -> Lang | None:
    """The reply language to ask the core for, or None to let it follow the question."""
    return "en" if user_language(user) == "en" else None


def language_fallback(user: User | None) -> Lang | None:
    """The language for a question too short to tell its own ("Ulm 2024 score"): German for people whose
    Telegram speaks German; for others None, and the core reads the words only English writes."""
    return "de" if _speaks(user, "de") else None
