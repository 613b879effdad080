"""Search: typo-tolerant candidates from FTS5, rerank by IDF-weighted coverage, hard guard on slots."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.kb.store import QUESTION_SEPARATOR, CandidateRow, Store
from bot.search.index import ANY_YEAR, city_tag, ranking_tag, year_tag
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

CANDIDATES = 50
UNRANKED = 150  # take every match without BM25 ordering when the words cannot match more entries
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
COMMON_SHARE = 0.02  # of all entries: words this common do not select candidates ...
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
class _Clause:
    """An FTS5 expression and at most how many entries it matches (the sum of its words' frequencies)."""

    expression: str
    matches: int
    common: bool = False


@dataclass(frozen=True)
class _Plan:
    """Per question term: idf, whether it is informative, its slot tag, itself and its alternatives, each
    as a padded needle with weight and idf."""

    total: float
    terms: list[tuple[float, bool, str | None, tuple[str, float], list[tuple[str, float, float]]]]


@dataclass(frozen=True)
class _Document:
    texts: list[str]
    padded: list[str]
    weights: list[float]
    asked: str
    body: str
    tags: str


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
        self._weights: dict[str, list[float]] = {}  # per entry: the idf sum of each of its questions
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

    def _words_expression(self, terms: Iterable[QueryTerm]) -> _Clause | None:
        """OR of the question's words for candidate retrieval. Words in more than a few percent of the base
        are left out when rarer ones remain (else all but the rarest): each would make FTS5 score a large
        part of the base, and the rerank still counts them."""
        words = sorted({alt for t in terms for alt in t.alternatives})
        limit = max(COMMON_SHARE * self.total, COMMON_FLOOR)
        rare = [w for w in words if self.df.get(w, 0) <= limit]
        chosen = rare or sorted(words, key=lambda w: self.df.get(w, 0))[:1]
        if not chosen:
            return None
        expression = "{q x b}: (" + " OR ".join(_fts_term(w) for w in chosen) + ")"
        return _Clause(expression, sum(self.df.get(w, 0) for w in chosen), common=not rare)

    def _document(self, row: CandidateRow) -> _Document:
        """A candidate as padded strings: `" tok " in text` needs no set to be built, which matters when
        hundreds of candidates are scored per question."""
        texts = row.q.split(QUESTION_SEPARATOR)
        weights = self._weights.get(row.id)
        if weights is None:
            weights = self._weights[row.id] = [sum(self.idf(t) for t in text.split()) or 1.0 for text in texts]
        return _Document(
            texts=texts,
            padded=[f" {text} " for text in texts],
            weights=weights,
            asked=f" {row.q} {row.x} ",
            body=f" {row.b} ",
            tags=f" {row.tags} ",
        )

    def _plan(self, terms: list[QueryTerm]) -> _Plan:
        """What scoring needs of the question, prepared once instead of once per candidate."""
        return _Plan(
            total=sum(t.idf for t in terms) or 1.0,
            terms=[
                (
                    t.idf,
                    t.token not in self._low_information,
                    f" {t.slot} " if t.slot is not None else None,
                    (f" {t.token} ", self.idf(t.token)),
                    [(f" {alt} ", weight, self.idf(alt)) for alt, weight in t.alternatives.items()],
                )
                for t in terms
            ],
        )

    @staticmethod
    def _coverage(doc: _Document, plan: _Plan) -> tuple[float, int, float]:
        """IDF-weighted share of the question found in the entry (forward) and of the entry's best question
        found in the question (reverse); with that question's index and the evidence."""
        covered = evidence = 0.0
        matched: list[tuple[str, float]] = []
        for idf, informative, slot, own, alternatives in plan.terms:
            if slot is not None and slot in doc.tags:
                covered += idf
                evidence += idf if informative else 0.0
                matched.append(own)
                continue
            best = 0.0
            for needle, weight, alt_idf in alternatives:
                if needle in doc.asked:
                    best = max(best, weight)
                    matched.append((needle, alt_idf))
                elif needle in doc.body:
                    best = max(best, weight * BODY_WEIGHT)
            covered += idf * best
            evidence += idf * best if informative else 0.0
        reverse, best_question = 0.0, 0
        for index, (padded, weight) in enumerate(zip(doc.padded, doc.weights, strict=True)):
            share = sum(idf for needle, idf in set(matched) if needle in padded) / weight
            if share > reverse:
                reverse, best_question = share, index
        return FORWARD_SHARE * covered / plan.total + (1 - FORWARD_SHARE) * reverse, best_question, evidence

    def _rank(self, rows: Iterable[CandidateRow], terms: list[QueryTerm], limit: int) -> list[Scored]:
        """Coverage for every candidate; the phrasing similarity (which breaks ties between close entries)
        only where it can still change the order at the top, as it costs more than all the rest."""
        query = " ".join(t.token for t in terms)
        plan = self._plan(terms)
        covered = [(row.id, doc, *self._coverage(doc, plan)) for row in rows for doc in [self._document(row)]]
        best = max((c[2] for c in covered), default=0.0)
        margin = SIMILARITY_SHARE / (1 - SIMILARITY_SHARE)
        scored = []
        for entry_id, doc, coverage, question, evidence in covered:
            similar = 0.0
            if coverage >= best - margin:
                similar = max(fuzz.token_set_ratio(query, text) for text in doc.texts) / 100.0
            score = 100.0 * ((1 - SIMILARITY_SHARE) * coverage + SIMILARITY_SHARE * similar)
            scored.append(Scored(entry_id, score, question, evidence))
        scored.sort(key=lambda s: (-s.score, s.id))
        return scored[:limit]

    def _retrieve(self, clauses: list[str], terms: list[QueryTerm], limit: int, words: _Clause | None) -> list[Scored]:
        """Candidates, reranked. When the words can match only a few entries, all of them are taken; with
        only slots or only common words, BM25 could not tell the matches apart anyway, so any of them are
        taken; otherwise FTS5's BM25 picks the best."""
        if not clauses:
            return []
        expression = " AND ".join(clauses)
        if words is None or words.common:
            # Slots alone weigh nothing in BM25, and common words cannot rank their matches either.
            rows = self.store.candidates(expression, CANDIDATES, ranked=False)
        elif words.matches <= UNRANKED:
            rows = self.store.candidates(expression, UNRANKED, ranked=False)
        else:
            rows = self.store.candidates(expression, CANDIDATES)
        return self._rank(rows, terms, limit)

    def search(self, question: str, limit: int = 5, nearby_below: float = 100.0) -> SearchResult:
        """Entries that may answer the question, best first. Only if the best scores below `nearby_below`,
        `nearby` lists the closest entries regardless of the slot guard (for suggestions)."""
        analysis, terms = self._terms(self.normalizer.analyze(question[:MAX_QUESTION]))
        slots = self._slot_expression(analysis)
        words = self._words_expression(t for t in terms if t.slot is None)
        if words:
            hits = self._retrieve([*slots, words.expression], terms, limit, words)
        else:
            hits = self._retrieve(slots, terms, limit, None)
        nearby: list[Scored] = []
        loose = self._words_expression(terms)
        if not slots and loose == words:
            nearby = hits  # without slots the unguarded search is the same search
        elif loose and (not hits or hits[0].score < nearby_below):
            unguarded = [replace(t, slot=None) for t in terms]
            nearby = self._retrieve([loose.expression], unguarded, limit, loose)
        if not hits and words and slots:
            # Nothing with these slots shares another word: offer what has the slots, as a suggestion only.
            nearby += self._retrieve(slots, terms, limit, None)
        return SearchResult(analysis, terms, hits, nearby)
