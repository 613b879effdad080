"""Which of a question's words carry content: not fillers ("raus", "eigentlich", "say", "use"), by the
stopwords-iso lists of German and English, and which are nouns (German writes them with a capital)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

import stopwordsiso

from bot.folding import fold

_WORDS = re.compile(r"[^\W\d_]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|[\"„“(]\s*)$")


# The German list has "je" and "nie", but not their longer forms.
_MISSED = ("jemals", "niemals")


@lru_cache(maxsize=3)
def fillers(*langs: str) -> frozenset[str]:
    """The folded function words of the languages (German and English if none is named)."""
    words = [w for lang in langs or ("de", "en") for w in stopwordsiso.stopwords(lang)]
    return frozenset(fold(w) for w in (*words, *(_MISSED if "de" in (langs or ("de",)) else ())))


def content_words(surfaces: Iterable[str]) -> list[str]:
    """The folded words among `surfaces` that are not fillers."""
    known = fillers()
    return [w for w in surfaces if not set(w.split()) <= known]


def nouns(text: str) -> set[str]:
    """Folded words written with a capital letter not at the start of a sentence: German nouns (and names)."""
    return {fold(match.group(0)) for match in _WORDS.finditer(text) if is_noun(match)}


def written_small(text: str) -> frozenset[str]:
    """Folded words a text writes only in small letters, where it writes some noun or name with a capital: a
    writer who capitalises names wrote these as no name ("Wie ist es Münster ergangen?" names no Erlangen).
    Empty where the text writes no capital inside a sentence (all in small letters)."""
    if not nouns(text):
        return frozenset()
    small: set[str] = set()
    capital: set[str] = set()
    for match in _WORDS.finditer(text):
        (capital if match.group(0)[0].isupper() else small).add(fold(match.group(0)))
    return frozenset(small - capital)


def noun_phrases(text: str) -> list[str]:
    """The runs of nouns a text writes, joined as written by spaces or hyphens ("Smart-City-Konzept", "Stadt
    Bochum"): a compound of several written words is read as one."""
    runs: list[list[re.Match[str]]] = []
    for match in _WORDS.finditer(text):
        if not is_noun(match):
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and text[last.end() : match.start()] in (" ", "-"):
            runs[-1].append(match)
        else:
            runs.append([match])
    return [text[run[0].start() : run[-1].end()] for run in runs]


def is_noun(match: re.Match[str]) -> bool:
    """Whether a word found in a text is written with a capital not at the start of a sentence (nor in capitals
    throughout): a German noun, or a name."""
    word = match.group(0)
    return word[0].isupper() and not word.isupper() and not _SENTENCE_START.search(match.string[: match.start()])


# A word sharing its first letters (six at least, three fifths of it) with a word of the entry is a form or
# derivation of it ("Bewerber", "Bewerbungen"; "Erarbeitung", "erarbeitet"), not a compound's first part
# ("Dienstwagen", "Dienstleister"); a compound ending in a word of the entry has it as its head
# ("Digitalprojekten", "Projekte").
_SHARED_STEM = 6
_SHARED_SHARE = 0.6
_HEAD = 5


def _bare(word: str) -> str:
    """The word without one plural or case ending, if enough is left to be a word of its own."""
    for ending in ("ns", "en", "n", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= _HEAD:
            return word[: -len(ending)]
    return word


def _in_other_form(word: str, known: set[str]) -> bool:
    stem = word[: max(_SHARED_STEM, math.ceil(_SHARED_SHARE * len(word)))]
    bare = _bare(word)
    return any(
        (len(word) >= _SHARED_STEM and k.startswith(stem)) or (len(head := _bare(k)) >= _HEAD and bare.endswith(head))
        for k in known
    )


def absent_nouns(surfaces: Iterable[str], question: str, entry_texts: Iterable[str]) -> list[str]:
    """The question's nouns among `surfaces` that the entry has in no form: what can honestly be named as
    missing. A verb or adjective the entry lacks ("fiel", "vorgesehen", "komplette") is most often the thing
    said in other words ("zurück", "veranschlagt"); a noun it lacks is a thing asked about ("Seiten")."""
    asked = nouns(question)
    known = {fold(w) for text in entry_texts for w in _WORDS.findall(text)}
    return [
        s
        for s in content_words(surfaces)
        if all(w in asked for w in s.split()) and any(not _in_other_form(w, known) for w in s.split())
    ]
