"""Every fixed phrase the bot says, in German and English."""

from __future__ import annotations

from typing import Final

from bot.models import Lang

_PHRASES: Final[dict[str, dict[Lang, str]]] = {
    "unknown": {
        "de": "Dazu habe ich keine gesicherte Antwort in meiner Wissensbasis.",
        "en": "I have no reliable answer to that in my knowledge base.",
    },
    "did_you_mean": {"de": "Meinten Sie …?", "en": "Did you mean …?"},
    "closest": {"de": "Diese Fragen kann ich beantworten:", "en": "Questions I can answer:"},
    "empty": {
        "de": "Bitte stellen Sie eine Frage, zum Beispiel: „Welchen Platz hatte Bochum 2021?“",
        "en": "Please ask a question, for example: “Where did Bochum rank in 2021?”",
    },
    "source": {"de": "Quelle", "en": "Source"},
    "sources": {"de": "Quellen", "en": "Sources"},
    "links": {"de": "Weitere Links", "en": "More links"},
    "sources_differ": {
        "de": "Achtung: Die Quellen widersprechen sich; beide Angaben sind zitiert.",
        "en": "Note: the sources disagree; both versions are quoted.",
    },
}


def phrase(key: str, lang: Lang) -> str:
    return _PHRASES[key][lang]
