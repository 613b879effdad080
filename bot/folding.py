"""Text forms: ASCII folding of German text (ä→ae, ß→ss, other accents dropped) and its umlauts back, slugs
built on it, and text shortened to a limit."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def spell_out_umlauts(text: str) -> str:
    """`Oberbürgermeister` → `Oberbuergermeister`: umlauts and ß as a folded text writes them, capitals kept."""
    return unicodedata.normalize("NFC", text).translate(_GERMAN)


def fold(text: str) -> str:
    """Lowercase ASCII-ish form in which `Städte`, `Staedte` and `STÄDTE` meet."""
    text = unicodedata.normalize("NFC", text).translate(_GERMAN).casefold().translate(_GERMAN)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_UMLAUTS = {"ae": "ä", "oe": "ö", "ue": "ü"}
_UMLAUT_OF = {"a": "ä", "o": "ö", "u": "ü"}


def with_umlauts(folded: str) -> str:
    """A folded word with its umlauts as one letter again (`staedte` → `städte`): a word typed without its
    umlaut (`Stdte`) is one edit from that, two from the folded form."""
    for pair, letter in _UMLAUTS.items():
        folded = folded.replace(pair, letter)
    return folded


_HAS_UMLAUT = re.compile("[äöüÄÖÜß]")
_PLAIN_WORD = re.compile(r"[A-Za-z]+")
_WRITTEN_WORD = re.compile(r"[^\W\d_]+")
_SPELT_OUT = re.compile("ae|oe|ue|ss")
_MAX_PLACES = 4  # a/o/u of a word tried as umlauts: 15 forms at most


def umlaut_spellings(texts: Iterable[str]) -> dict[str, str]:
    """How the texts write words with umlauts or ß, by their folded forms (`mobilitaet` → `mobilität`), where
    they do so more often than they write the folded form itself (in a link, in an English name)."""
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for word in _WRITTEN_WORD.findall(text.lower()):
            if _HAS_UMLAUT.search(word) or _SPELT_OUT.search(word):
                written[fold(word)][word] += 1
    spellings = {}
    for folded, forms in written.items():
        form, count = forms.most_common(1)[0]
        if form != folded and count > forms[folded]:
            spellings[folded] = form
    return spellings


def restore_umlauts(text: str, spellings: Mapping[str, str], known: Callable[[str], bool]) -> str:
    """A text typed without any umlaut, as the base writes it: a word it writes with umlauts or ß in that form
    (`Mobilitaet`, `Strasse`), and a word `known` does not know in its form with umlauts that it knows, the fewest
    letters changed (`fur Munchen` → `für München`)."""
    if _HAS_UMLAUT.search(text):
        return text

    def restored(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        form = spellings.get(lower)
        if form is None and not known(lower):
            form = _known_umlaut_form(lower, known)
        if form is None:
            return word
        if word.isupper() and len(word) > 1:
            return form.upper()
        return form[0].upper() + form[1:] if word[0].isupper() else form

    return _PLAIN_WORD.sub(restored, text)


def _known_umlaut_form(word: str, known: Callable[[str], bool]) -> str | None:
    places = [i for i, c in enumerate(word) if c in "aou"]
    if len(places) > _MAX_PLACES:
        return None
    for size in range(1, len(places) + 1):
        for chosen in itertools.combinations(places, size):
            form = "".join(_UMLAUT_OF[c] if i in chosen else c for i, c in enumerate(word))
            if known(fold(form)):
                return form
    return None


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
