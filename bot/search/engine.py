"""Search: candidates from FTS5, reranked by IDF-weighted coverage of the understood question, hard guard on
slots."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.storage.knowledge import QUESTION_SEPARATOR, WORD_COLUMNS, IndexFields, Knowledge
from bot.understand.lexicon import Lexicon
from bot.understand.normalize import ANY_YEAR, city_tag, ranking_tag, year_tag
from bot.understand.question import QueryTerm, Question
from bot.understand.semantic import Vector, similarities

CANDIDATES = 50
UNRANKED = 150  # take every match without BM25 ordering when the words cannot match more entries
BODY_WEIGHT = 0.5
FORWARD_SHARE = 0.75
SIMILARITY_SHARE = 0.2
# Of the score, what the meaning (semantic similarity) contributes; the rest is shared words and phrasing.
SEMANTIC_SHARE = 0.3
COMMON_SHARE = 0.02  # of all entries: words this common do not select candidates ...
COMMON_FLOOR = 50  # ... unless the base is so small that every word is "common"


def years_compared(question: Question) -> bool:
    """Whether the guard takes a text tagged with one of the question's years that names the others: a comparison of
    years ("von 2019 auf 2021"). Not one of a city's: a text of a year that names another may tell of other cities
    then, and the tables and histories hold a city's years."""
    return len(question.years) > 1 and not question.cities


@dataclass(frozen=True)
class Scored:
    """An entry's score (0–100) and its evidence: the rarity-weighted words it shares with the question
    (low-information words left out), the share of the question's informative weight it covers in its
    questions or body, and the question's informative words it does not contain at all."""

    id: str
    score: float
    question: int = 0
    evidence: float = 0.0
    covered: float = 0.0
    missing: tuple[str, ...] = ()
    semantic: float = 0.0
    asked: float = 0.0  # share of the informative weight found in the entry's questions (not its body)
    reverse: float = 0.0  # share of the entry's best question found in the question
    similar: float = 0.0  # phrasing similarity to its closest question or phrasing
    slots_only: bool = False  # found by the slots alone: it shares none of the words that select candidates


@dataclass(frozen=True)
class _Clause:
    """An FTS5 expression and at most how many entries it matches (the sum of its words' frequencies)."""

    expression: str
    matches: int
    common: bool = False


class _Needle(NamedTuple):
    """A token as looked for in an entry's padded texts (`" tok "`), with its idf."""

    padded: str
    idf: float


class _Alternative(NamedTuple):
    """A form of a question term and how much of the term finding it covers."""

    needle: _Needle
    weight: float


@dataclass(frozen=True)
class _PlanTerm:
    """A question term prepared for scoring: its own token and its alternatives as needles."""

    idf: float
    informative: bool
    slot: str | None
    own: _Needle
    alternatives: list[_Alternative]
    surface: str
    framing: bool


@dataclass(frozen=True)
class _Plan:
    total: float
    informative: float
    terms: list[_PlanTerm]


@dataclass(frozen=True)
class _Coverage:
    share: float
    question: int
    evidence: float
    covered: float
    missing: tuple[str, ...]
    asked: float
    reverse: float


@dataclass(frozen=True)
class _Document:
    texts: list[str]
    padded: list[str]
    weights: list[float]
    asked: str
    body: str
    phrased: str  # each phrasing's terms with their parts, separated like the questions
    tags: str
    vector: bytes


@dataclass(frozen=True)
class _Candidate:
    """A candidate as scored before its phrasing is compared: how much of the question it covers, and how close
    its meaning is."""

    id: str
    doc: _Document
    coverage: _Coverage
    meaning: float

    @property
    def rough(self) -> float:
        """The score without the phrasing similarity (on a 0–1 scale)."""
        return (1 - SEMANTIC_SHARE) * self.coverage.share + SEMANTIC_SHARE * self.meaning


@dataclass(frozen=True)
class _Query:
    """What one retrieval needs of the question."""

    terms: Sequence[QueryTerm]
    limit: int
    vector: Vector | None = None
    excluded: str = ""  # an FTS `NOT` clause


@dataclass(frozen=True)
class SearchResult:
    hits: list[Scored] = field(default_factory=list)
    nearby: list[Scored] = field(default_factory=list)


_WORD_FILTER = "{" + " ".join(WORD_COLUMNS) + "}"  # an FTS5 column filter


def _fts_term(term: str) -> str:
    return f'"{term}"'


class SearchEngine:
    """Ranks the entries of the knowledge for a question. Build it again after the base changes."""

    def __init__(self, knowledge: Knowledge, lexicon: Lexicon) -> None:
        self.knowledge = knowledge
        self.lexicon = lexicon
        self._weights: dict[str, list[float]] = {}  # per entry: the idf sum of each of its questions
        rankings = knowledge.rankings()
        self._rankings = sorted(r.id for r in rankings)
        self._not_of_states = sorted(r.id for r in rankings if not r.states)
        self._untabled = frozenset(r.id for r in rankings if not knowledge.ranking_years(r.id))

    @property
    def total(self) -> int:
        return self.lexicon.total

    @staticmethod
    def _slot_expression(question: Question, *, of_no_year: bool = True) -> list[str]:
        """The hard guard as FTS clauses: every named city and ranking, and the named year (or, if `of_no_year`,
        none)."""
        required = [f"tags:{_fts_term(city_tag(c))}" for c in sorted(question.cities)]
        required += [f"tags:{_fts_term(ranking_tag(r))}" for r in sorted(question.rankings)]
        no_year = f" OR {_fts_term(ANY_YEAR)}" if of_no_year else ""
        years = sorted(question.years)
        if not years_compared(question):
            required += [f"tags:({_fts_term(year_tag(y))}{no_year})" for y in years]
            return required
        tagged = " OR ".join(_fts_term(year_tag(y)) for y in years)
        required.append(f"tags:({tagged}{no_year})")
        required += [f"(tags:({_fts_term(year_tag(y))}{no_year}) OR body_terms:{_fts_term(str(y))})" for y in years]
        return required

    def _excluded(self, question: Question) -> str:
        """For a ranking meant but not named: no entry about another ranking; for a question which state naming no
        ranking, none about a ranking that is not of states (München, first of the cities, is no state that came
        first). An FTS `NOT` clause."""
        if question.which_state and not question.rankings:
            left_out = self._not_of_states
        elif question.implied_ranking is not None:
            left_out = [r for r in self._rankings if r != question.implied_ranking]
        else:
            left_out = []
        if not left_out:
            return ""
        return " NOT tags:(" + " OR ".join(_fts_term(ranking_tag(r)) for r in left_out) + ")"

    def _words_expression(self, terms: Sequence[QueryTerm], *, phrased: bool = False) -> _Clause | None:
        """OR of the question's words for candidate retrieval. Words in more than a few percent of the base
        are left out when rarer ones remain (else all but the rarest): each would make FTS5 score a large
        part of the base, and the rerank still counts them. `phrased`: words the base does not know select
        too, as they may be in a phrasing (which the base does not count as its words)."""
        df = self.lexicon.df
        # A common word selects nothing, and neither do its weaker forms in its stead: "beleg" for "belegte"
        # would keep out the texts that say "belegte".
        words = sorted({alt for t in terms for alt in ((t.token,) if self._is_common(t.token) else t.alternatives)})
        if phrased:
            words += sorted({t.token for t in terms if t.token not in df and not t.framing} - set(words))
        rare = [w for w in words if not self._is_common(w)]
        chosen = rare or sorted(words, key=lambda w: df.get(w, 0))[:1]
        return self._clause(chosen, common=not rare) if chosen else None

    def _own_words(self, terms: Iterable[QueryTerm]) -> _Clause | None:
        """OR of the question's common informative words as it writes them (no alternatives, no framing)."""
        words = sorted({t.token for t in terms if self._says_something(t) and self._is_common(t.token)})
        return self._clause(words, common=True) if words else None

    def _is_common(self, word: str) -> bool:
        """Whether a word is in so many entries that it does not select candidates."""
        return self.lexicon.df.get(word, 0) > max(COMMON_SHARE * self.total, COMMON_FLOOR)

    def _says_something(self, term: QueryTerm) -> bool:
        """Whether a term of the question is an informative word of its own: no slot, no framing."""
        return term.slot is None and not term.framing and self.lexicon.informative(term.token)

    def _clause(self, words: Sequence[str], *, common: bool) -> _Clause:
        expression = _WORD_FILTER + ": (" + " OR ".join(_fts_term(w) for w in words) + ")"
        return _Clause(expression, sum(self.lexicon.df.get(w, 0) for w in words), common=common)

    def _document(self, entry_id: str, fields: IndexFields) -> _Document:
        """A candidate as padded strings: `" tok " in text` needs no set to be built, which matters when
        hundreds of candidates are scored per question."""
        texts = fields.question_terms.split(QUESTION_SEPARATOR)
        weights = self._weights.get(entry_id)
        if weights is None:
            idf = self.lexicon.idf
            weights = self._weights[entry_id] = [sum(map(idf, text.split())) or 1.0 for text in texts]
        return _Document(
            texts=texts,
            padded=[f" {text} " for text in texts],
            weights=weights,
            asked=f" {fields.question_terms} {fields.question_parts} ",
            body=f" {fields.body_terms} ",
            phrased=f" {fields.phrasing_terms} ",
            tags=f" {fields.tags} ",
            vector=fields.vector,
        )

    def _plan(self, terms: Sequence[QueryTerm]) -> _Plan:
        """What scoring needs of the question, prepared once instead of once per candidate."""
        idf, informative = self.lexicon.idf, self.lexicon.informative
        planned = [
            _PlanTerm(
                idf=t.idf,
                informative=informative(t.token),
                slot=f" {t.slot} " if t.slot is not None else None,
                own=_Needle(f" {t.token} ", idf(t.token)),
                alternatives=[
                    _Alternative(_Needle(f" {alt} ", idf(alt)), weight) for alt, weight in t.alternatives.items()
                ],
                surface=t.surface or t.token,
                framing=t.framing,
            )
            for t in terms
        ]
        return _Plan(
            total=sum(t.idf for t in planned) or 1.0,
            informative=sum(t.idf for t in planned if t.informative and not t.framing) or 1.0,
            terms=planned,
        )

    @staticmethod
    def _coverage(doc: _Document, plan: _Plan) -> _Coverage:
        """IDF-weighted share of the question found in the entry (forward) and of the entry's best question
        found in the question (reverse); with that question's index, the evidence and the missing words."""
        covered = evidence = asked = 0.0
        matched: list[_Needle] = []
        missing: list[str] = []
        # Local names for what the loops read: this runs for every candidate of every search.
        in_questions, body, phrased = doc.asked, doc.body, doc.phrased
        for term in plan.terms:
            idf, framing = term.idf, term.framing
            if term.slot is not None and term.slot in doc.tags:
                covered += idf
                evidence += idf if term.informative and not framing else 0.0
                matched.append(term.own)
                continue
            best = in_asked = 0.0
            for needle, weight in term.alternatives:
                padded = needle.padded
                if padded in in_questions:
                    best = in_asked = max(best, weight)
                    matched.append(needle)
                elif padded in body or (not framing and padded in phrased):
                    # Phrasings are questions: every one of them has a question's frame ("how many"), which
                    # says nothing of the entry.
                    best = max(best, weight * BODY_WEIGHT)
            if best == 0.0 and not framing and term.own.padded in phrased:
                best = BODY_WEIGHT  # a word no text of the base writes, but a phrasing does
            covered += idf * best
            if term.informative and not framing:
                evidence += idf * best
                asked += idf * in_asked
                if best == 0.0 and term.surface not in missing:
                    missing.append(term.surface)
        reverse, best_question = 0.0, 0
        needles = list(dict.fromkeys(matched))
        for index, (text, weight) in enumerate(zip(doc.padded, doc.weights, strict=True)):
            share = sum(needle_idf for padded, needle_idf in needles if padded in text) / weight
            if share > reverse:
                reverse, best_question = share, index
        return _Coverage(
            share=FORWARD_SHARE * covered / plan.total + (1 - FORWARD_SHARE) * reverse,
            question=best_question,
            evidence=evidence,
            covered=evidence / plan.informative,
            missing=tuple(missing),
            asked=asked / plan.informative,
            reverse=reverse,
        )

    def _rank(
        self, rows: Mapping[str, IndexFields], terms: Sequence[QueryTerm], limit: int, vector: Vector | None
    ) -> list[Scored]:
        """Coverage and meaning for every candidate; the phrasing similarity (which breaks ties between close
        entries) only where it can still change the order at the top, as it costs more than all the rest."""
        query = " ".join(t.token for t in terms)
        plan = self._plan(terms)
        docs = [(entry_id, self._document(entry_id, fields)) for entry_id, fields in rows.items()]
        meanings = similarities(vector, [doc.vector for _, doc in docs])
        candidates = [
            _Candidate(entry_id, doc, self._coverage(doc, plan), meaning)
            for (entry_id, doc), meaning in zip(docs, meanings, strict=True)
        ]
        lexical = 1 - SEMANTIC_SHARE
        best = max((c.rough for c in candidates), default=0.0)
        margin = SIMILARITY_SHARE * lexical
        scored = []
        for candidate in candidates:
            coverage, doc = candidate.coverage, candidate.doc
            similar = 0.0
            if candidate.rough >= best - margin:
                # A phrasing claims nothing the entry answers, but a question worded like one is asked as people
                # ask the entry: its curated questions are few and formal ("gabs nen vermerk für den ob").
                phrasings = doc.phrased.split(QUESTION_SEPARATOR)  # only here: most candidates never need them
                closest = process.extractOne(query, [*doc.texts, *phrasings], scorer=fuzz.token_set_ratio)
                similar = closest[1] / 100.0 if closest else 0.0
            words = (1 - SIMILARITY_SHARE) * coverage.share + SIMILARITY_SHARE * similar
            score = 100.0 * (lexical * words + SEMANTIC_SHARE * candidate.meaning)
            scored.append(
                Scored(
                    candidate.id,
                    score,
                    question=coverage.question,
                    evidence=coverage.evidence,
                    covered=coverage.covered,
                    missing=coverage.missing,
                    semantic=candidate.meaning,
                    asked=coverage.asked,
                    reverse=coverage.reverse,
                    similar=similar,
                )
            )
        scored.sort(key=lambda s: (-s.score, s.id))
        return scored[:limit]

    def _retrieve(self, clauses: list[str], query: _Query, words: _Clause | None) -> list[Scored]:
        """Candidates, reranked. When the words can match only a few entries, all of them are taken; with
        only slots or only common words, BM25 could not tell the matches apart anyway, so any of them are
        taken; otherwise FTS5's BM25 picks the best."""
        if not clauses:
            return []
        expression = "(" + " AND ".join(clauses) + ")" + query.excluded
        if words is None or words.common:
            # Slots alone weigh nothing in BM25, and common words cannot rank their matches either.
            rows = self.knowledge.candidates(expression, CANDIDATES, ranked=False)
        elif words.matches <= UNRANKED:
            rows = self.knowledge.candidates(expression, UNRANKED, ranked=False)
        else:
            rows = self.knowledge.candidates(expression, CANDIDATES)
        return self._rank(rows, query.terms, query.limit, query.vector)

    def _by_slots_alone(self, question: Question, query: _Query) -> list[Scored]:
        """The entries of a question's slots, for one none of whose words that select entries is in them ("Wann
        wurde der Digital-Index Ruhr präsentirt?"): the slots say what it is about, and the confidence, told how
        they were found, decides. A year asked must be the entry's own, as a text of no year says nothing of
        that year in particular; and a weak form of a common word counts for nothing: "Hauptstadt" as "Stadt"
        would cover every text of a state."""
        strict = [
            replace(t, alternatives={a: w for a, w in t.alternatives.items() if a == t.token or not self._is_common(a)})
            for t in query.terms
        ]
        found = self._retrieve(self._slot_expression(question, of_no_year=False), replace(query, terms=strict), None)
        return [replace(hit, slots_only=True) for hit in found]

    def _answered_by_slots_alone(self, question: Question) -> bool:
        """Whether what has a question's slots may answer it when its words select nothing there: a question
        that says something beyond them and asks no ranking, or a ranking question of nothing but its slots and
        grammar that names only rankings no table holds."""
        terms = question.terms
        if question.ranking is None:
            return any(self._says_something(t) for t in terms)
        untabled = bool(question.rankings) and question.rankings <= self._untabled
        return untabled and all(t.slot is not None or t.framing for t in terms)

    @staticmethod
    def _of_no_year(hit: Scored, question: Question) -> bool:
        """Whether a hit is a text of none of the years asked (it passed the guard as a text of no year)."""
        return all(str(year) in hit.missing for year in question.years)

    def search(self, question: Question, limit: int = 5, nearby_below: float = 100.0) -> SearchResult:
        """Entries that may answer the question, best first. Only if the best scores below `nearby_below`,
        `nearby` lists the closest entries regardless of the slot guard (for suggestions)."""
        terms = question.terms
        query = _Query(terms, limit, question.vector, self._excluded(question))
        slots = self._slot_expression(question)
        # Phrasings claim nothing: a word only they know selects no entry to answer with (measured: with it, fewer
        # of the choosing sets' questions are answered right at the same share of unanswerable ones answered), only
        # the entries offered as suggestions below.
        words = self._words_expression([t for t in terms if t.slot is None])
        hits = self._retrieve([*slots, words.expression] if words else slots, query, words)
        if not hits and words and slots and not words.common:
            # The rare words match nothing the slots allow ("schloss … ab" for a place): the question's own
            # informative words that were left out as common may, and under the slots they select few entries.
            # Not their weaker forms or the words of the grammar: "Hauptstadt" as "Stadt" finds every city.
            own = self._own_words(terms)
            if own is not None:
                hits = self._retrieve([*slots, own.expression], query, own)
        if (
            hits
            and question.ranking is not None
            and question.years
            and all(self._of_no_year(h, question) for h in hits)
        ):
            # A ranking question of a year whose words only texts of no year have ("Wer führte den
            # Deutschland-Index 2023 an?": "führen in der jüngsten Ausgabe"): those cannot answer it, the year's
            # own texts may, in other words ("an der Spitze").
            hits = [*self._by_slots_alone(question, query), *hits][:limit]
        nearby: list[Scored] = []
        loose = self._words_expression(terms, phrased=True)
        if not slots and loose == words:
            nearby = hits  # without slots the unguarded search is the same search
        elif loose and (not hits or hits[0].score < nearby_below):
            unguarded = _Query(question.unguarded(), limit, question.vector)
            nearby = self._retrieve([loose.expression], unguarded, loose)
        if not hits and words and slots:
            alone = self._by_slots_alone(question, query)
            # A ranking question the texts do not word, or one that says nothing but its slots and words such
            # as "macht" ("Wer macht den Deutschland-Index?": who leads it, who publishes it?): what has the
            # slots is offered, never answered. But a ranking question of nothing but its slots and grammar
            # ("Wie lief es für Hamburg im eco-Länderkompass 2019?", "lief" being the stem of "liefert" too) about
            # a ranking no table holds has those texts as its only answer: the confidence decides.
            if self._answered_by_slots_alone(question):
                hits = alone
            else:
                nearby += alone
        return SearchResult(hits, nearby)
