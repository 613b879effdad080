"""What of an entry gets indexed: normalised questions, body and slot tags, with compounds split."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.models import Entry
from bot.storage.knowledge import QUESTION_SEPARATOR, IndexFields
from bot.understand.normalize import ANY_YEAR, Normalizer, city_tag, compound_parts, ranking_tag, stem, year_tag
from bot.understand.semantic import centroid

MIN_TYPO_WORD = 5


def _tags(entry: Entry) -> str:
    tags = [city_tag(c) for c in entry.tags.cities]
    tags += [year_tag(y) for y in entry.tags.years] or [ANY_YEAR]
    tags += [ranking_tag(r) for r in entry.tags.rankings]
    return " ".join(tags)


def _compound_forms(tokens: Sequence[str], vocabulary: set[str]) -> list[str]:
    """Joined neighbours that the base also writes as one word (`smart city` → `smartcity`) and known parts
    of compounds. Joining only into known words keeps the index from growing by every pair of words."""
    out: list[str] = []
    for left, right in itertools.pairwise(tokens):
        if not (left.isdigit() or right.isdigit()):
            joined = stem(left + right)
            if joined in vocabulary:
                out.append(joined)
    for token in tokens:
        out.extend(compound_parts(token, vocabulary))
    return out


@dataclass(frozen=True)
class Analyzed:
    """An entry's texts, analysed once: its questions (title first) and its body."""

    entry: Entry
    asked: list[tuple[str, ...]]
    told: list[tuple[str, ...]]  # the answers, then the passages
    words: dict[str, str]
    passages: int  # how many of `told` are passages, at its end
    # Not the base's own words: no typo is corrected towards them and no compound split into them.
    phrased: list[tuple[str, ...]]


def analyze_entry(entry: Entry, normalizer: Normalizer) -> Analyzed:
    asked: list[tuple[str, ...]] = []
    told: list[tuple[str, ...]] = []
    words: dict[str, str] = {}
    questions = [entry.title, *entry.questions]
    body = [entry.answer, entry.answer_en or "", *(p.text for p in entry.passages)]
    for texts, out in ((questions, asked), (body, told)):
        for text in texts:
            if not text:
                continue
            analysis = normalizer.analyze(text)
            out.append(analysis.tokens)
            for token, surface in zip(analysis.tokens, analysis.surfaces, strict=True):
                if len(surface) >= MIN_TYPO_WORD and " " not in surface and not surface.isdigit():
                    words.setdefault(surface, token)
    phrased = [normalizer.analyze(text).tokens for text in entry.phrasings]
    return Analyzed(entry, asked, told, words, passages=len(entry.passages), phrased=phrased)


def vocabulary_of(analyzed: Iterable[Analyzed]) -> tuple[set[str], dict[str, str]]:
    """Every plain token (the words compounds may be split into) and every written word with its token
    (what typos are corrected towards)."""
    vocabulary: set[str] = set()
    words: dict[str, str] = {}
    for item in analyzed:
        for tokens in (*item.asked, *item.told):
            vocabulary.update(tokens)
        for word, token in item.words.items():
            words.setdefault(word, token)
    return vocabulary, words


def _with_parts(texts: Iterable[tuple[str, ...]], vocabulary: set[str]) -> str:
    return " ".join(" ".join([*tokens, *_compound_forms(tokens, vocabulary)]) for tokens in texts)


def fields_of(item: Analyzed, vocabulary: set[str]) -> IndexFields:
    entry = item.entry
    return IndexFields(
        question_terms=QUESTION_SEPARATOR.join(" ".join(tokens) for tokens in item.asked),
        question_parts=" ".join(" ".join(_compound_forms(tokens, vocabulary)) for tokens in item.asked),
        body_terms=_with_parts(item.told, vocabulary),
        phrasing_terms=QUESTION_SEPARATOR.join(_with_parts([tokens], vocabulary) for tokens in item.phrased),
        tags=_tags(entry),
        vector=centroid([entry.title, *entry.questions]),
        passage_terms=tuple(" ".join(tokens) for tokens in item.told[len(item.told) - item.passages :]),
    )


def index_entries(
    entries: Sequence[Entry], normalizer: Normalizer, known: Iterable[str] = ()
) -> tuple[list[tuple[Entry, IndexFields]], dict[str, str]]:
    """Index fields of entries (compounds split into words of these entries or `known` ones), and their words."""
    analyzed = [analyze_entry(e, normalizer) for e in entries]
    vocabulary, words = vocabulary_of(analyzed)
    vocabulary.update(known)
    return [(item.entry, fields_of(item, vocabulary)) for item in analyzed], words
