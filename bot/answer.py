"""Turns search results and ranking rows into an answer: plain data, no formatting for any channel."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bot.kb.rankings import Standing, describe, entry_id, standings
from bot.kb.store import Store
from bot.models import Answer, Decision, Entry, Hit, Kind, Lang, Passage, Ranking, Suggestion
from bot.search.engine import Scored, SearchEngine, SearchResult
from bot.search.intent import RankingAsk, RankingQuestion, detect, is_comparison
from bot.search.normalize import detect_language

SUGGESTIONS = 3
DEFAULT_RANKING = "bitkom-sci"


@dataclass(frozen=True)
class Thresholds:
    """Score bounds calibrated on the gold set: answer above `answer`, offer suggestions above `suggest`."""

    answer: float = 62.0
    suggest: float = 35.0
    evidence: float = 1.5


def answer_from_entry(entry: Entry, lang: Lang, **extra: object) -> Answer:
    """An entry as the answer: its short answer in the language, its quotes (with their sources) and links."""
    fields: dict[str, object] = {
        "question": entry.questions[0],
        "lang": lang,
        "decision": Decision.ANSWER,
        "text": entry.answer_in(lang),
        "title": entry.title,
        "entry_ids": [entry.id],
        "passages": [Passage(text=p.text, source_url=p.source_url or entry.source_url) for p in entry.passages],
        "source_url": entry.source_url,
        "links": entry.links,
        "sources_differ": entry.sources_differ,
        **extra,
    }
    return Answer.model_validate(fields)


class Answerer:
    """Answers questions from one store; stateless between calls."""

    def __init__(self, store: Store, engine: SearchEngine, thresholds: Thresholds | None = None) -> None:
        self.store = store
        self.engine = engine
        self.thresholds = thresholds or Thresholds()
        self.rankings = {r.id: r for r in store.rankings()}
        self._standings: dict[str, list[Standing]] = {
            r.id: standings(store.ranking_rows(r.id), [r]) for r in self.rankings.values()
        }
        self._category_tokens: dict[str, list[str]] = defaultdict(list)
        for items in self._standings.values():
            for name in sorted({s.category for s in items if s.category}):
                # The whole name ("IT und Kommunikation") and each of its words ("Kommunikation").
                tokens = [*engine.normalizer.analyze(name).tokens]
                tokens += [t for word in name.split() for t in engine.normalizer.analyze(word).tokens]
                for token in dict.fromkeys(tokens):
                    if name not in self._category_tokens[token]:
                        self._category_tokens[token].append(name)

    def ask(self, question: str, lang: Lang | None = None) -> Answer:
        question = question.strip()
        reply_lang: Lang = lang or ("en" if detect_language(question) == "en" else "de")
        if not question:
            return Answer(question=question, lang=reply_lang, decision=Decision.UNKNOWN)
        result = self.engine.search(question, limit=5, nearby_below=self.thresholds.answer)
        entries = self.store.entries([s.id for s in (*result.hits, *result.nearby)])
        if len(result.analysis.cities) >= 2 and is_comparison(*self._tokens(result), self._category_tokens):
            compared = self._compare(question, reply_lang, result)
            if compared is not None:
                return compared
        routed = self._from_tables(question, reply_lang, result, entries)
        if routed is not None:
            return routed
        top = result.hits[0] if result.hits else None
        if top is not None and self._confident(top) and top.id in entries:
            return self._answer(question, reply_lang, entries[top.id], result, entries)
        return self._not_answered(question, reply_lang, result, entries)

    def _confident(self, scored: Scored) -> bool:
        return scored.score >= self.thresholds.answer and scored.evidence >= self.thresholds.evidence

    # building answers

    def _hits(self, scored: Sequence[Scored], entries: dict[str, Entry], lang: Lang) -> list[Hit]:
        return [
            Hit(
                id=s.id,
                score=round(s.score, 2),
                title=entries[s.id].title,
                text=entries[s.id].answer_in(lang),
                source_url=entries[s.id].source_url,
            )
            for s in scored
            if s.id in entries
        ]

    def _answer(
        self, question: str, lang: Lang, entry: Entry, result: SearchResult, entries: dict[str, Entry]
    ) -> Answer:
        others = [s for s in result.hits if s.id != entry.id]
        ranked = [s for s in result.hits if s.id == entry.id] or [Scored(entry.id, 100.0, 0)]
        return answer_from_entry(
            entry,
            lang,
            question=question,
            suggestions=self._suggestions(others, entries, floor=self.thresholds.suggest),
            hits=self._hits([*ranked, *others], {**entries, entry.id: entry}, lang),
        )

    def _not_answered(
        self, question: str, lang: Lang, result: SearchResult, entries: dict[str, Entry], *, sure: bool = False
    ) -> Answer:
        """Middle band: "did you mean"; below it, or when the tables rule an answer out: "I don't know"."""
        top = result.hits[0] if result.hits else None
        suggest = not sure and top is not None and top.score >= self.thresholds.suggest
        pool = result.hits if suggest else [*result.hits, *result.nearby]
        return Answer(
            question=question,
            lang=lang,
            decision=Decision.SUGGEST if suggest else Decision.UNKNOWN,
            suggestions=self._suggestions(pool, entries, floor=self.thresholds.suggest / 2),
            hits=self._hits(result.hits, entries, lang),
        )

    @staticmethod
    def _suggestions(pool: Sequence[Scored], entries: dict[str, Entry], floor: float) -> list[Suggestion]:
        out: list[Suggestion] = []
        for scored in pool:
            entry = entries.get(scored.id)
            if entry is None or scored.score < floor or any(s.id == entry.id for s in out):
                continue
            out.append(Suggestion(id=entry.id, question=entry.questions[0]))
            if len(out) == SUGGESTIONS:
                break
        return out

    # answers from the ranking tables

    def default_ranking(self) -> Ranking | None:
        """The ranking a question means when it names none: the Bitkom Smart City Index, if the base has it."""
        return self.rankings.get(DEFAULT_RANKING) or next(iter(self.rankings.values()), None)

    def _ranking(self, result: SearchResult) -> Ranking | None:
        named = result.analysis.rankings
        if len(named) > 1:
            return None
        if named:
            return self.rankings.get(next(iter(named)))
        return self.default_ranking()

    @staticmethod
    def _tokens(result: SearchResult) -> tuple[list[str], set[str]]:
        """The question's tokens, each typo read as the word it most likely is, and its slot tokens."""
        tokens = []
        for term in result.terms:
            if term.token in term.alternatives or not term.alternatives:
                tokens.append(term.token)
            else:
                tokens.append(max(term.alternatives.items(), key=lambda kv: kv[1])[0])
        return tokens, {t.token for t in result.terms if t.slot is not None}

    def _question(self, result: SearchResult) -> RankingQuestion | None:
        return detect(*self._tokens(result), self._category_tokens)

    def _from_tables(self, question: str, lang: Lang, result: SearchResult, entries: dict[str, Entry]) -> Answer | None:
        """A pure ranking question is answered from the tables, or not at all: never from a text
        that merely mentions the city and year."""
        asked = self._question(result)
        ranking = self._ranking(result)
        cities, years = sorted(result.analysis.cities), sorted(result.analysis.years)
        if asked is None or ranking is None or len(cities) > 1 or len(years) > 1:
            return None
        city = cities[0] if cities else None
        year = years[0] if years else None
        wanted: str | None = None
        if city and not any(s.city == city for s in self._standings.get(ranking.id, [])):
            return None  # a state or a city this ranking never lists: not a question for its table
        if asked.ask is RankingAsk.TREND or (city and year is None):
            if asked.ask not in (RankingAsk.TREND, RankingAsk.PLACE) or city is None:
                return None
            wanted = entry_id(ranking.id, city, "verlauf")
        elif city and year is not None:
            standing = self._standing(ranking, year, city, asked.categories)
            if standing is None:
                return self._not_answered(question, lang, result, entries, sure=True)
            if asked.ask is RankingAsk.POINTS and standing.score is None:
                return self._curated_or_unknown(question, lang, result, entries)
            wanted = entry_id(ranking.id, year, city, standing.category)
        elif year is not None and asked.ask is RankingAsk.NTH:
            holder = self._holder(ranking, year, asked.place or 1, asked.categories)
            if holder is None:
                return self._not_answered(question, lang, result, entries, sure=True)
            wanted = entry_id(ranking.id, year, holder.city, holder.category)
        elif year is not None and asked.ask is RankingAsk.TOP:
            wanted = entry_id(ranking.id, year, "top")
        entry = self.store.entry(wanted) if wanted else None
        if entry is None:
            if asked.ask in (RankingAsk.NTH, RankingAsk.TOP) and year is not None:
                return self._not_answered(question, lang, result, entries, sure=True)
            return None
        return self._answer(question, lang, entry, result, entries)

    def _curated_or_unknown(self, question: str, lang: Lang, result: SearchResult, entries: dict[str, Entry]) -> Answer:
        """The table has the place but not the points: only a curated text (which may say that no source
        gives them) can answer, never a generated ranking entry."""
        top = result.hits[0] if result.hits else None
        entry = entries.get(top.id) if top else None
        if top is not None and entry is not None and entry.kind is not Kind.RANKING and self._confident(top):
            return self._answer(question, lang, entry, result, entries)
        return self._not_answered(question, lang, result, entries, sure=True)

    def _standing(self, ranking: Ranking, year: int, city: str, categories: Sequence[str]) -> Standing | None:
        for category in categories or [""]:
            for s in self._standings.get(ranking.id, []):
                if s.year == year and s.city == city and s.category == category:
                    return s
        return None

    def _holder(self, ranking: Ranking, year: int, place: int, categories: Sequence[str]) -> Standing | None:
        for category in categories or [""]:
            for s in self._standings.get(ranking.id, []):
                if s.year == year and s.category == category and place in s.places:
                    return s
        return None

    def _compare(self, question: str, lang: Lang, result: SearchResult) -> Answer | None:
        """Places of two or more cities in one year of one ranking, from the tables."""
        ranking = self._ranking(result)
        if ranking is None or len(result.analysis.years) > 1:
            return None
        cities = sorted(result.analysis.cities)
        overall = [s for s in self._standings.get(ranking.id, []) if not s.category and s.city in cities and s.places]
        years = set(result.analysis.years) or {
            max(set.intersection(*({s.year for s in overall if s.city == c} for c in cities)), default=0)
        }
        picked: list[Standing] = [s for s in overall if s.year in years]
        if {s.city for s in picked} != set(cities):
            return None
        picked.sort(key=lambda s: s.places[0])
        ids = [entry_id(ranking.id, s.year, s.city) for s in picked]
        found = self.store.entries(ids)
        entries = [found[i] for i in ids if i in found]
        return Answer(
            question=question,
            lang=lang,
            decision=Decision.ANSWER,
            text=" ".join(describe(s, lang) for s in picked),
            title=" – ".join(s.city for s in picked) + f" ({ranking.name_in(lang)} {picked[0].year})",
            entry_ids=[e.id for e in entries],
            passages=[Passage(text=r.quote, source_url=r.source_url) for s in picked for r in s.rows],
            source_url=picked[0].rows[0].source_url,
            sources_differ=any(s.sources_differ for s in picked),
            hits=[
                Hit(id=e.id, score=100.0, title=e.title, text=e.answer_in(lang), source_url=e.source_url)
                for e in entries
            ],
        )
