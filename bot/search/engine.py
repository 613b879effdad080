"""Search: typo-tolerant candidates from FTS5, rerank by IDF-weighted coverage, hard guard on slots."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process
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
SIMILARITY_SHARE = 0.2
MAX_QUERY_TERMS = 32
MAX_QUESTION = 2000  # characters; longer input is noise, and Telegram caps messages at 4096 anyway
LOW_INFORMATION_WEIGHT = 0.25
VERB_FORM_WEIGHT = 0.9
COMMON_SHARE = 0.05  # of all entries: words this common do not select candidates ...
COMMON_FLOOR = 50  # ... unless the base is so small that every word is "common"


@dataclass
class QueryTerm:
    """One token of the question and the index terms that count as matching it."""

    token: str
    alternatives: dict[str, float]
    idf: float
    slot: str | None = None


@dataclass(frozen=True)
class Scored:
    """An entry's score (0–100) and evidence: the rarity-weighted words it shares with the question,
    low-information words left out."""

    id: str
    score: float
    question: int = 0
    evidence: float = 0.0


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
        self._idf: dict[str, float] = {}
        self._words = store.words()
        # Typo candidates by (first letter, length): people rarely mistype the first letter.
        self._pool: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in self._words:
            self._pool[(word[0], len(word))].append(word)

    def idf(self, term: str) -> float:
        found = self._idf.get(term)
        if found is None:
            df = self.df.get(term, 0)
            weight = LOW_INFORMATION_WEIGHT if term in self._low_information else 1.0
            found = self._idf[term] = weight * math.log(1.0 + (self.total - df + 0.5) / (df + 0.5))
        return found

    def _typos(self, surface: str) -> dict[str, float]:
        """Tokens of written words within the typo budget; the first letter must match, as people
        rarely mistype it and a different first letter usually means a different word."""
        budget = typo_budget(surface)
        if not budget or " " in surface:
            return {}
        pool = [
            w
            for n in range(len(surface) - budget, len(surface) + budget + 1)
            for w in self._pool.get((surface[0], n), ())
        ]
        found = process.extract(surface, pool, scorer=OSA.distance, score_cutoff=budget, limit=4)
        out: dict[str, float] = {}
        for word, distance, _ in found:
            token = self._words[word]
            if distance > 0 and token in self.df:
                out[token] = max(out.get(token, 0.0), TYPO_WEIGHT[int(distance)])
        return out

    def _verb_forms(self, token: str) -> dict[str, float]:
        """Snowball leaves `liefert` and `liefern` (→ `lief`) apart; bridge the -t forms of verbs."""
        if len(token) < 4 or token.isdigit():
            return {}
        other = token[:-1] if token.endswith("t") else token + "t"
        return {other: VERB_FORM_WEIGHT} if other in self.df else {}

    def _terms(self, analysis: Analysis) -> tuple[Analysis, list[QueryTerm]]:
        cities = set(analysis.cities)
        slots = {city_token(c): city_tag(c) for c in cities}
        slots.update({ranking_token(r): ranking_tag(r) for r in analysis.rankings})
        slots.update({str(y): year_tag(y) for y in analysis.years})
        terms: list[QueryTerm] = []
        for token, surface in zip(analysis.tokens[:MAX_QUERY_TERMS], analysis.surfaces, strict=False):
            if token in slots:
                terms.append(QueryTerm(token, {token: 1.0}, self.idf(token), slots[token]))
                continue
            if token in self.df:
                terms.append(QueryTerm(token, {token: 1.0, **self._verb_forms(token)}, self.idf(token)))
                continue
            city = self.normalizer.fuzzy_city(surface)
            if city is not None:
                cities.add(city)
                ct = city_token(city)
                terms.append(QueryTerm(ct, {ct: 1.0}, self.idf(ct), city_tag(city)))
                continue
            alternatives = {**dict.fromkeys(compound_parts(token, self.df), PART_WEIGHT), **self._verb_forms(token)}
            alternatives.update(self._typos(surface))
            # A misspelt word weighs what the word it most likely is weighs, not what an unknown word would.
            likely = max(alternatives, key=lambda a: (alternatives[a], self.idf(a)), default=token)
            terms.append(QueryTerm(token, alternatives, self.idf(likely)))
        for left, right in itertools.pairwise(terms):
            joined = stem(left.token + right.token)
            if joined in self.df:
                left.alternatives.setdefault(joined, JOIN_WEIGHT)
                right.alternatives.setdefault(joined, JOIN_WEIGHT)
        return replace(analysis, cities=frozenset(cities)), terms

    @staticmethod
    def _slot_expression(analysis: Analysis) -> list[str]:
        """The hard guard as FTS clauses: every named city and ranking, and the named year (or none)."""
        required = [f"tags:{_fts_term(city_tag(c))}" for c in sorted(analysis.cities)]
        required += [f"tags:{_fts_term(ranking_tag(r))}" for r in sorted(analysis.rankings)]
        required += [f"tags:({_fts_term(year_tag(y))} OR {_fts_term(ANY_YEAR)})" for y in sorted(analysis.years)]
        return required

    def _words_expression(self, terms: Iterable[QueryTerm]) -> str | None:
        """OR of the question's words for candidate retrieval. Words in more than a few percent of the base
        are left out when rarer ones remain: each would make FTS5 score a large part of the base, and the
        rerank still counts them."""
        words = sorted({alt for t in terms for alt in t.alternatives})
        limit = max(COMMON_SHARE * self.total, COMMON_FLOOR)
        rare = [w for w in words if self.df.get(w, 0) <= limit]
        chosen = rare or sorted(words, key=lambda w: self.df.get(w, 0))[:2]
        return "{q x b}: (" + " OR ".join(_fts_term(w) for w in chosen) + ")" if chosen else None

    def _score(self, row: CandidateRow, terms: list[QueryTerm]) -> tuple[float, int, float]:
        questions = [set(q.split()) for q in row.q.split(QUESTION_SEPARATOR)]
        all_questions = set().union(*questions, row.x.split())
        body = set(row.b.split())
        tags = set(row.tags.split())
        total = sum(t.idf for t in terms) or 1.0
        covered = evidence = 0.0
        matched: set[str] = set()
        for term in terms:
            informative = term.token not in self._low_information
            if term.slot is not None and term.slot in tags:
                covered += term.idf
                evidence += term.idf if informative else 0.0
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
            evidence += term.idf * best if informative else 0.0
        forward = covered / total
        reverse, best_question = 0.0, 0
        for index, tokens in enumerate(questions):
            weight = sum(self.idf(t) for t in tokens) or 1.0
            share = sum(self.idf(t) for t in tokens if t in matched) / weight
            if share > reverse:
                reverse, best_question = share, index
        coverage = FORWARD_SHARE * forward + (1 - FORWARD_SHARE) * reverse
        # Word order and near-identical phrasing, which coverage ignores, break ties between close entries.
        query = " ".join(t.token for t in terms)
        similar = max(fuzz.token_set_ratio(query, q) for q in row.q.split(QUESTION_SEPARATOR)) / 100.0
        return 100.0 * ((1 - SIMILARITY_SHARE) * coverage + SIMILARITY_SHARE * similar), best_question, evidence

    def _rank(self, rows: Iterable[CandidateRow], terms: list[QueryTerm], limit: int) -> list[Scored]:
        scored = [Scored(row.id, *self._score(row, terms)) for row in rows]
        scored.sort(key=lambda s: (-s.score, s.id))
        return scored[:limit]

    def _retrieve(self, clauses: list[str], terms: list[QueryTerm], limit: int) -> list[Scored]:
        return self._rank(self.store.candidates(" AND ".join(clauses), CANDIDATES), terms, limit) if clauses else []

    def search(self, question: str, limit: int = 5, nearby_below: float = 100.0) -> SearchResult:
        """Entries that may answer the question, best first. Only if the best scores below `nearby_below`,
        `nearby` lists the closest entries regardless of the slot guard (for suggestions)."""
        analysis, terms = self._terms(self.normalizer.analyze(question[:MAX_QUESTION]))
        slots = self._slot_expression(analysis)
        words = self._words_expression(t for t in terms if t.slot is None)
        hits = self._retrieve([*slots, words] if words else slots, terms, limit)
        nearby: list[Scored] = []
        loose = self._words_expression(terms)
        if loose and (not hits or hits[0].score < nearby_below):
            nearby = self._rank(self.store.candidates(loose, CANDIDATES), [replace(t, slot=None) for t in terms], limit)
        if not hits and words and slots:
            # Nothing with these slots shares another word: offer what has the slots, as a suggestion only.
            nearby += self._retrieve(slots, terms, limit)
        return SearchResult(analysis, terms, hits, nearby)
