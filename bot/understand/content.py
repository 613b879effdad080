"""Which of a question's words carry content: not fillers ("raus", "eigentlich", "say", "use"), by the
stopwords-iso lists of German and English, and which are nouns (German writes them with a capital)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import stopwordsiso

from bot.folding import fold

_WORDS = re.compile(r"[^\W\d_]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|[\"„“(]\s*)$")


# The list has "ever" and "never", "je" and "nie", but not their longer German forms.
_MISSED = ("jemals", "niemals")


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    return frozenset(fold(w) for lang in ("de", "en") for w in (*stopwordsiso.stopwords(lang), *_MISSED))


def content_words(surfaces: Iterable[str]) -> list[str]:
    """The folded words among `surfaces` that are not fillers."""
    fillers = _fillers()
    return [w for w in surfaces if not set(w.split()) <= fillers]


def nouns(text: str) -> set[str]:
    """Folded words written with a capital letter not at the start of a sentence: German nouns (and names)."""
    found = set()
    for match in _WORDS.finditer(text):
        word = match.group(0)
        if word[0].isupper() and not word.isupper() and not _SENTENCE_START.search(text[: match.start()]):
            found.add(fold(word))
    return found
