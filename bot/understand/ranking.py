"""Ranking questions that the tables answer directly: a city's place or points, who was N-th, a top list,
a city's trend. Works on normalised tokens, so typos and synonyms are already resolved."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.search.normalize import LOW_INFORMATION, stem


class RankingAsk(StrEnum):
    PLACE = "place"
    POINTS = "points"
    NTH = "nth"
    TOP = "top"
    TREND = "trend"


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


# Tokens as the normaliser emits them (synonym groups map to their first member's stem).
_PLACE = _stems("platz abschneiden ranking platzierung geschlagen schlagen schlug")
_POINTS = _stems("punkte")
_WINNER = _stems("sieger vorne spitze fuehrt fuehrte anfuehrer lead led leader leading beste besten best")
_TOP = frozenset({"top", "top10"})
_TREND = _stems("entwicklung seit since")
_ORDINALS = {
    **{stem(w): n for n, w in enumerate("zweiter dritter vierter fuenfter sechster siebter".split(), 2)},
    **{stem(w): n for n, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth".split(), 2)},
    stem("erster"): 1,
    stem("first"): 1,
    stem("neunter"): 9,
    stem("zehnter"): 10,
}
# Words that only frame a ranking question ("Welchen Platz belegte die Stadt …"): they carry no topic.
_FRAME = _stems(
    "kategorie stadt staedte jahr index bitkom wieviel belegt belegte erreicht erreichte landete gelandet lag "
    "liegt lagen kam kommt got get finish finished came end ended placed stand bundesland kreis landkreis "
    "land region nummer number wert smartcity deutschland germany german digitalste digitalsten overall gesamt "
    "insgesamt gesamtwertung gesamtranking"
) | {stem(w) for w in LOW_INFORMATION}
_COMPARE = _stems(
    "besser schlechter vergleich vergleichen vorne vor hinter oder versus vs compare comparison better worse "
    "ahead behind than"
)
_NUMBER = re.compile(r"^(\d{1,3})(?:st|nd|rd|th|te|ter)?$")


@dataclass(frozen=True)
class RankingQuestion:
    ask: RankingAsk
    place: int | None = None
    categories: tuple[str, ...] = ()


def _place_number(tokens: Sequence[str]) -> int | None:
    """`Platz 3`, `3. Platz`, `3rd`, `Dritter`; a number next to a place word."""
    for i, token in enumerate(tokens):
        if token in _ORDINALS:
            return _ORDINALS[token]
        match = _NUMBER.match(token)
        if match and not (1900 <= int(match.group(1)) <= 2100):
            near = tokens[max(0, i - 1) : i + 2]
            if token != match.group(1) or any(t in _PLACE for t in near):
                return int(match.group(1))
    return None


def _topic_words(
    tokens: Sequence[str], slot_tokens: set[str], category_tokens: Mapping[str, Sequence[str]]
) -> list[str]:
    """Words beyond the slots and the framing of a ranking question: what else the question is about."""
    framing = _PLACE | _POINTS | _WINNER | _TOP | _TREND | _FRAME | set(_ORDINALS) | set(category_tokens)
    return [t for t in tokens if t not in framing and t not in slot_tokens and not t.isdigit()]


def is_comparison(tokens: Sequence[str], slot_tokens: set[str], category_tokens: Mapping[str, Sequence[str]]) -> bool:
    """Two cities and nothing but ranking words: "Bochum oder Dortmund 2024?", "Köln vs München"."""
    return not [t for t in _topic_words(tokens, slot_tokens, category_tokens) if t not in _COMPARE]


def detect(
    tokens: Sequence[str], slot_tokens: set[str], category_tokens: Mapping[str, Sequence[str]]
) -> RankingQuestion | None:
    """The ranking question asked, if the question is nothing but one (no other topic words)."""
    categories = tuple(c for t in tokens for c in category_tokens.get(t, ()))
    place = _place_number(tokens)
    words = set(tokens)
    if _topic_words(tokens, slot_tokens, category_tokens):
        return None
    if words & _TREND:
        return RankingQuestion(RankingAsk.TREND, categories=categories)
    if words & _TOP and (place is None or place > 3):
        return RankingQuestion(RankingAsk.TOP, categories=categories)
    if words & _WINNER or place is not None:
        return RankingQuestion(RankingAsk.NTH, place=place or 1, categories=categories)
    if words & _POINTS:
        return RankingQuestion(RankingAsk.POINTS, categories=categories)
    if words & _PLACE or categories:
        return RankingQuestion(RankingAsk.PLACE, categories=categories)
    return None
