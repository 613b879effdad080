"""What of an entry gets indexed: normalised questions, body and slot tags, with compounds split."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from bot.kb.store import IndexFields
from bot.models import Entry
from bot.search.normalize import Normalizer, city_token, compound_parts, ranking_token, stem

QUESTION_SEPARATOR = " | "
MIN_TYPO_WORD = 5
ANY_YEAR = "xyany"


def city_tag(city: str) -> str:
    return "xc" + city_token(city)


def year_tag(year: int) -> str:
    return f"xy{year}"


def ranking_tag(ranking: str) -> str:
    return "xr" + ranking_token(ranking)


def _tags(entry: Entry) -> str:
    tags = [city_tag(c) for c in entry.tags.cities]
    tags += [year_tag(y) for y in entry.tags.years] or [ANY_YEAR]
    tags += [ranking_tag(r) for r in entry.tags.rankings]
    return " ".join(tags)


def _compound_forms(tokens: Sequence[str], vocabulary: set[str]) -> list[str]:
    """Joined neighbours (`smart city` → `smartcity`) and known parts of compounds."""
    out: list[str] = []
    for left, right in itertools.pairwise(tokens):
        if not (left.isdigit() or right.isdigit()):
            out.append(stem(left + right))
    for token in tokens:
        out.extend(compound_parts(token, vocabulary))
    return out


def _texts(entry: Entry) -> tuple[list[str], list[str]]:
    questions = [entry.title, *entry.questions]
    body = [entry.answer, entry.answer_en or "", *(p.text for p in entry.passages)]
    return questions, body


def base_vocabulary(entries: Iterable[Entry], normalizer: Normalizer) -> tuple[set[str], dict[str, str]]:
    """Every plain token of the base (the words compounds may be split into), and every written word
    with its token (what typos are corrected towards)."""
    vocabulary: set[str] = set()
    words: dict[str, str] = {}
    for entry in entries:
        questions, body = _texts(entry)
        for text in (*questions, *body):
            analysis = normalizer.analyze(text)
            vocabulary.update(analysis.tokens)
            for token, surface in zip(analysis.tokens, analysis.surfaces, strict=True):
                if len(surface) >= MIN_TYPO_WORD and " " not in surface and not surface.isdigit():
                    words.setdefault(surface, token)
    return vocabulary, words


def index_fields(entry: Entry, normalizer: Normalizer, vocabulary: set[str]) -> IndexFields:
    questions, body = _texts(entry)
    asked = [normalizer.analyze(text).tokens for text in questions]
    told = [normalizer.analyze(text).tokens for text in body if text]
    return IndexFields(
        q=QUESTION_SEPARATOR.join(" ".join(tokens) for tokens in asked),
        x=" ".join(" ".join(_compound_forms(tokens, vocabulary)) for tokens in asked),
        b=" ".join(" ".join([*tokens, *_compound_forms(tokens, vocabulary)]) for tokens in told),
        tags=_tags(entry),
    )
