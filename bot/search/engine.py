"""Search: typo-tolerant candidates from FTS5, rerank by IDF-weighted coverage, hard guard on slots."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.kb.store import CandidateRow, Store
from bot.search.index import ANY_YEAR, QUESTION_SEPARATOR, city_tag, ranking_tag, year_tag
from bot.search.normalize import (
    LOW_INFORMATION,
    Analysis,
    Normalizer,
    city_token,
    compound_parts,
    ranking_token,
    stem,
    typo_budget,
)

CANDIDATES = 200
BODY_WEIGHT = 0.5
TYPO_WEIGHT = {1: 0.85, 2: 0.7}
PART_WEIGHT = 0.8
JOIN_WEIGHT = 0.9
FORWARD_SHARE = 0.75
MAX_QUERY_TERMS = 32
LOW_INFORMATION_WEIGHT = 0.25


@dataclass
class QueryTerm:
    """One token of the question and the index terms that count as matching it."""

    token: str
    alternatives: dict[str, float]
    idf: float
    slot: str | None = None


@dataclass(frozen=True)
class Scored:
    id: str
    score: float
    question: int


@dataclass(frozen=True)
class SearchResult:
    analysis: Analysis
    terms: list[QueryTerm] = field(default_factory=list)
    hits: list[Scored] = field(default_factory=list)
    nearby: list[Scored] = field(default_factory=list)


def _fts_term(term: str) -> str:
    return f'"{term}"'


class SearchEngine:
    """Ranks entries of a store for a question. Build it again after the base changes."""

    def __init__(self, store: Store, normalizer: Normalizer) -> None:
        self.store = store
        self.normalizer = normalizer
        self.df = store.vocabulary()
        self.total = max(store.count_entries(), 1)
        self._low_information = {stem(w) for w in LOW_INFORMATION}
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for term in self.df:
            if not term.isdigit():
                self._by_length[len(term)].append(term)

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        weight = LOW_INFORMATION_WEIGHT if term in self._low_information else 1.0
        return weight * math.log(1.0 + (self.total - df + 0.5) / (df + 0.5))

    def _typos(self, token: str) -> dict[str, float]:
        budget = typo_budget(token)
        if not budget:
            return {}
        pool = [t for n in range(len(token) - budget, len(token) + budget + 1) for t in self._by_length.get(n, ())]
        found = process.extract(token, pool, scorer=OSA.distance, score_cutoff=budget, limit=4)
        return {term: TYPO_WEIGHT[int(distance)] for term, distance, _ in found if distance > 0}

    def _terms(self, analysis: Analysis) -> tuple[Analysis, list[QueryTerm]]:
        cities = set(analysis.cities)
        slots = {city_token(c): city_tag(c) for c in cities}
        slots.update({ranking_token(r): ranking_tag(r) for r in analysis.rankings})
        slots.update({str(y): year_tag(y) for y in analysis.years})
        terms: list[QueryTerm] = []
        for token, surface in zip(analysis.tokens[:MAX_QUERY_TERMS], analysis.surfaces, strict=False):
            if token in slots or token in self.df:
                terms.append(QueryTerm(token, {token: 1.0}, self.idf(token), slots.get(token)))
                continue
            city = self.normalizer.fuzzy_city(surface)
            if city is not None:
                cities.add(city)
                ct = city_token(city)
                terms.append(QueryTerm(ct, {ct: 1.0}, self.idf(ct), city_tag(city)))
                continue
            alternatives = dict.fromkeys(compound_parts(token, self.df), PART_WEIGHT)
            alternatives.update(self._typos(token))
            terms.append(QueryTerm(token, alternatives, self.idf(token)))
        for left, right in itertools.pairwise(terms):
            joined = stem(left.token + right.token)
            if joined in self.df:
                left.alternatives.setdefault(joined, JOIN_WEIGHT)
                right.alternatives.setdefault(joined, JOIN_WEIGHT)
        return replace(analysis, cities=frozenset(cities)), terms

    def _match_expression(self, analysis: Analysis, terms: list[QueryTerm]) -> str | None:
        required = [f"tags:{_fts_term(city_tag(c))}" for c in sorted(analysis.cities)]
        required += [f"tags:{_fts_term(ranking_tag(r))}" for r in sorted(analysis.rankings)]
        required += [f"tags:({_fts_term(year_tag(y))} OR {_fts_term(ANY_YEAR)})" for y in sorted(analysis.years)]
        words = sorted({alt for t in terms if t.slot is None for alt in t.alternatives})
        if words:
            required.append("{q x b}: (" + " OR ".join(_fts_term(w) for w in words) + ")")
        return " AND ".join(required) if required else None

    def _score(self, row: CandidateRow, terms: list[QueryTerm]) -> tuple[float, int]:
        questions = [set(q.split()) for q in row.q.split(QUESTION_SEPARATOR)]
        all_questions = set().union(*questions, row.x.split())
        body = set(row.b.split())
        tags = set(row.tags.split())
        total = sum(t.idf for t in terms) or 1.0
        covered = 0.0
        matched: set[str] = set()
        for term in terms:
            if term.slot is not None and term.slot in tags:
                covered += term.idf
                matched.add(term.token)
                continue
            best = 0.0
            for alt, weight in term.alternatives.items():
                if alt in all_questions:
                    best = max(best, weight)
                    matched.add(alt)
                elif alt in body:
                    best = max(best, weight * BODY_WEIGHT)
            covered += term.idf * best
        forward = covered / total
        reverse, best_question = 0.0, 0
        for index, tokens in enumerate(questions):
            weight = sum(self.idf(t) for t in tokens) or 1.0
            share = sum(self.idf(t) for t in tokens if t in matched) / weight
            if share > reverse:
                reverse, best_question = share, index
        return 100.0 * (FORWARD_SHARE * forward + (1 - FORWARD_SHARE) * reverse), best_question

    def _rank(self, rows: Iterable[CandidateRow], terms: list[QueryTerm], limit: int) -> list[Scored]:
        scored = [Scored(row.id, *self._score(row, terms)) for row in rows]
        scored.sort(key=lambda s: (-s.score, s.id))
        return scored[:limit]

    def search(self, question: str, limit: int = 5) -> SearchResult:
        """Entries that may answer the question, best first; `nearby` ignores the slot guard."""
        analysis, terms = self._terms(self.normalizer.analyze(question))
        expression = self._match_expression(analysis, terms)
        hits = self._rank(self.store.candidates(expression, CANDIDATES), terms, limit) if expression else []
        nearby: list[Scored] = []
        loose_words = sorted({a for t in terms for a in t.alternatives})
        if loose_words and (not hits or hits[0].score < 100):
            loose = "{q x b}: (" + " OR ".join(_fts_term(w) for w in loose_words) + ")"
            unguarded = [replace(t, slot=None) for t in terms]
            nearby = self._rank(self.store.candidates(loose, CANDIDATES), unguarded, limit)
        return SearchResult(analysis, terms, hits, nearby)
