"""Text forms: ASCII folding of German text (ä→ae, ß→ss, other accents dropped) and its umlauts back, slugs
built on it, and text shortened to a limit."""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def spell_out_umlauts(text: str) -> str:
    """`Oberbürgermeister` → `Oberbuergermeister`: umlauts and ß as a folded text writes them, capitals kept."""
    return unicodedata.normalize("NFC", text).translate(_GERMAN)


def fold(text: str) -> str:
    """Lowercase ASCII-ish form in which `Städte`, `Staedte` and `STÄDTE` meet."""
    if text.isascii():
        return text.lower()  # the same result; folding is called for every word of every candidate text
    text = unicodedata.normalize("NFC", text).translate(_GERMAN).casefold().translate(_GERMAN)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_UMLAUTS = {"ae": "ä", "oe": "ö", "ue": "ü"}


def with_umlauts(folded: str) -> str:
    """A folded word with its umlauts as one letter again (`staedte` → `städte`): a word typed without its
    umlaut (`Stdte`) is one edit from that, two from the folded form."""
    for pair, letter in _UMLAUTS.items():
        folded = folded.replace(pair, letter)
    return folded


def strip_umlauts(text: str) -> str:
    """`Lübeck` → `Lubeck`: how people type without a German keyboard."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """`Freiburg im Breisgau` → `freiburg-im-breisgau`, `Mobilität` → `mobilitaet`."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


def shorten(text: str, limit: int, *, at_word: bool = False) -> str:
    """`text` if it has at most `limit` characters; else cut, stripped of trailing whitespace and ended with "…",
    never longer than `limit`. `at_word` ends the cut after a whole word (at the last space or line break) unless
    that keeps no more than half of `limit`: quoted text then does not end in a word broken off."""
    if len(text) <= limit:
        return text
    if limit < 1:
        return ""
    cut = text[: limit - 1]
    if at_word:
        space = max(cut.rfind(" "), cut.rfind("\n"))
        if space > limit // 2:
            cut = cut[:space]
    return cut.rstrip() + "…"
