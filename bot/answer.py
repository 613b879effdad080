"""Turns search results and ranking rows into an answer: plain data, no formatting for any channel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.kb.rankings import Standing, describe, entry_id, standings
from bot.kb.store import Store
from bot.models import Answer, Decision, Entry, Hit, Lang, Passage, Ranking, Suggestion
from bot.search.engine import Scored, SearchEngine, SearchResult
from bot.search.normalize import detect_language, stem

SUGGESTIONS = 3
# Words that make a question naming two cities a comparison of their rankings.
_COMPARE_WORDS = frozenset(
    stem(w)
    for w in "platz rang ranking platzierung punkte besser schlechter vergleich vergleichen vorne vor "
    "hinter abgeschnitten compare comparison versus vs better worse ahead behind rank ranked score".split()
)


@dataclass(frozen=True)
class Thresholds:
    """Score bounds calibrated on the gold set: answer above `answer`, offer suggestions above `suggest`."""

    answer: float = 62.0
    suggest: float = 35.0


class Answerer:
    """Answers questions from one store; stateless between calls."""

    def __init__(self, store: Store, engine: SearchEngine, thresholds: Thresholds | None = None) -> None:
        self.store = store
        self.engine = engine
        self.thresholds = thresholds or Thresholds()
        self.rankings = {r.id: r for r in store.rankings()}

    def ask(self, question: str, lang: Lang | None = None) -> Answer:
        question = question.strip()
        reply_lang: Lang = lang or ("en" if detect_language(question) == "en" else "de")
        if not question:
            return Answer(question=question, lang=reply_lang, decision=Decision.UNKNOWN)
        result = self.engine.search(question, limit=5)
        if len(result.analysis.cities) >= 2 and self._is_comparison(result):
            compared = self._compare(question, reply_lang, result)
            if compared is not None:
                return compared
        entries = self.store.entries([s.id for s in (*result.hits, *result.nearby)])
        hits = [self._hit(entries[s.id], s, reply_lang) for s in result.hits if s.id in entries]
        top = result.hits[0] if result.hits else None
        if top is not None and top.score >= self.thresholds.answer and top.id in entries:
            entry = entries[top.id]
            return Answer(
                question=question,
                lang=reply_lang,
                decision=Decision.ANSWER,
                text=entry.answer_in(reply_lang),
                title=entry.title,
                entry_ids=[entry.id],
                passages=self._passages(entry),
                source_url=entry.source_url,
                links=entry.links,
                sources_differ=entry.sources_differ,
                suggestions=self._suggestions(result.hits[1:], entries, floor=self.thresholds.suggest),
                hits=hits,
            )
        decision = Decision.SUGGEST if top is not None and top.score >= self.thresholds.suggest else Decision.UNKNOWN
        pool = result.hits if decision is Decision.SUGGEST else [*result.hits, *result.nearby]
        return Answer(
            question=question,
            lang=reply_lang,
            decision=decision,
            suggestions=self._suggestions(pool, entries, floor=self.thresholds.suggest / 2),
            hits=hits,
        )

    @staticmethod
    def _hit(entry: Entry, scored: Scored, lang: Lang) -> Hit:
        return Hit(
            id=entry.id,
            score=round(scored.score, 2),
            title=entry.title,
            text=entry.answer_in(lang),
            source_url=entry.source_url,
        )

    @staticmethod
    def _passages(entry: Entry) -> list[Passage]:
        return [Passage(text=p.text, source_url=p.source_url or entry.source_url) for p in entry.passages]

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

    @staticmethod
    def _is_comparison(result: SearchResult) -> bool:
        slots = {t.token for t in result.terms if t.slot is not None}
        content = [t.token for t in result.terms if t.slot is None and t.token not in slots]
        return bool(result.analysis.rankings) or not content or any(t in _COMPARE_WORDS for t in content)

    def _default_ranking(self, result: SearchResult) -> Ranking | None:
        if len(result.analysis.rankings) == 1:
            return self.rankings.get(next(iter(result.analysis.rankings)))
        return self.rankings.get("bitkom-sci") or next(iter(self.rankings.values()), None)

    def _compare(self, question: str, lang: Lang, result: SearchResult) -> Answer | None:
        """Places of two or more cities in one year of one ranking, from the tables."""
        ranking = self._default_ranking(result)
        if ranking is None or len(result.analysis.years) > 1:
            return None
        cities = sorted(result.analysis.cities)
        overall = [
            s
            for s in standings(self.store.ranking_rows(ranking.id), [ranking])
            if not s.category and s.city in cities and s.places
        ]
        years = set(result.analysis.years) or {
            max(set.intersection(*({s.year for s in overall if s.city == c} for c in cities)), default=0)
        }
        picked: list[Standing] = [s for s in overall if s.year in years]
        if {s.city for s in picked} != set(cities):
            return None
        picked.sort(key=lambda s: s.places[0])
        text = " ".join(describe(s, lang) for s in picked)
        ids = [entry_id(ranking.id, s.year, s.city) for s in picked]
        found = self.store.entries(ids)
        entries = [found[i] for i in ids if i in found]
        passages = [Passage(text=r.quote, source_url=r.source_url) for s in picked for r in s.rows]
        return Answer(
            question=question,
            lang=lang,
            decision=Decision.ANSWER,
            text=text,
            title=" – ".join(s.city for s in picked) + f" ({ranking.name_in(lang)} {picked[0].year})",
            entry_ids=[e.id for e in entries],
            passages=passages,
            source_url=picked[0].rows[0].source_url,
            sources_differ=any(s.sources_differ for s in picked),
            hits=[
                Hit(id=e.id, score=100.0, title=e.title, text=e.answer_in(lang), source_url=e.source_url)
                for e in entries
            ],
        )
