"""Turns ranking tables into answerable entries: a city's place in a year, its trend, a year's top list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot import messages
from bot.folding import slugify
from bot.messages import Phrase, phrase
from bot.models import MAX_ID, Entry, Kind, Lang, Passage, Ranking, RankingRef, RankingRow, RankingView, Tags
from bot.sources import Citations

TOP_SIZE = 10


def format_score(value: float, lang: Lang) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value)}"
    return text.replace(".", ",") if lang == "de" else text


def _unit(ranking: Ranking, lang: Lang, dative: bool, value: float) -> str:
    if ranking.score_unit.strip() == "%":
        return " %"
    return messages.points_unit(lang, dative=dative, one=round(value, 1) == 1)  # 64,1 - 63,1 is 1.0000000000000142


def format_value(ranking: Ranking, value: float, lang: Lang, *, dative: bool = False) -> str:
    """`71,2 Punkte`, `1 Punkt`; `dative` for "mit 71,2 Punkten"."""
    return f"{format_score(value, lang)}{_unit(ranking, lang, dative, value)}"


def _passages(rows: Iterable[RankingRow]) -> list[Passage]:
    """One passage per quote; the first source of each figure comes first, so where the sources disagree
    every version is quoted on the first screen."""
    rows = list(rows)
    firsts = {id(next(r for r in rows if _figure(r) == f)) for f in {_figure(r) for r in rows}}
    rows.sort(key=lambda r: (r.year, id(r) not in firsts))
    seen: set[tuple[str, str]] = set()
    out = []
    for row in rows:
        if (row.quote, row.source_url) not in seen:
            seen.add((row.quote, row.source_url))
            out.append(Passage(text=row.quote, source_url=row.source_url))
    return out


def _figure(row: RankingRow) -> tuple[str, int | float | None, str]:
    return (row.city, row.place if row.place is not None else row.score, row.category)


@dataclass(frozen=True)
class Standing:
    """What the sources say about one city in one year (and category) of a ranking."""

    ranking: Ranking
    year: int
    city: str
    category: str
    rows: tuple[RankingRow, ...]
    city_en: str = ""  # its English name, where English writes it otherwise

    def city_in(self, lang: Lang) -> str:
        """The city (or state) as a reply in `lang` names it: `Munich` in English."""
        return self.city_en if lang == "en" and self.city_en else self.city

    @property
    def places(self) -> list[int]:
        return sorted({r.place for r in self.rows if r.place is not None})

    def category_in(self, lang: Lang) -> str:
        """Its category as a reply in `lang` names it; empty for the overall ranking."""
        return self.ranking.category_in(self.category, lang)

    @property
    def place(self) -> int | None:
        places = self.places
        return places[0] if len(places) == 1 else None

    @property
    def scores(self) -> list[float]:
        return sorted({r.score for r in self.rows if r.score is not None})

    @property
    def score(self) -> float | None:
        """The score, if the sources give one (the lowest, where they disagree: see `score_text`)."""
        scores = self.scores
        return scores[0] if scores else None

    @property
    def change(self) -> int | None:
        return next((r.change for r in self.rows if r.change is not None), None)

    @property
    def sources_differ(self) -> bool:
        return len(self.places) > 1 or len(self.scores) > 1

    @property
    def contested(self) -> bool:
        """Whether the sources disagree on it, in its figures or by a note ("Quellen weichen ab: …")."""
        return self.sources_differ or any(_states_difference(r.note) for r in self.rows)

    def _figure_text(
        self,
        values: Sequence[float] | Sequence[int],
        of: Callable[[RankingRow], object],
        show: Callable[[Any], str],
        lang: Lang,
        cite: Citations,
    ) -> str:
        """The one value as `show` writes it, or every version with the sources that give it when they disagree:
        `Platz 21 (Westfalenspiegel, 2024) und Platz 22 (…)`; empty if the sources give none."""
        if len(values) <= 1:
            return show(values[0]) if values else ""
        shown = []
        for value in values:
            labels = sorted({cite.label(r.source_url, lang) for r in self.rows if of(r) == value})
            shown.append(f"{show(value)} ({'; '.join(labels)})")
        return messages.versions(shown, lang)

    def score_text(self, lang: Lang, cite: Citations, *, dative: bool = False) -> str:
        """`71,2 Punkte`, or every version with its sources when they disagree."""
        return self._figure_text(
            self.scores, lambda r: r.score, lambda v: format_value(self.ranking, v, lang, dative=dative), lang, cite
        )

    def place_text(self, lang: Lang, cite: Citations) -> str:
        """`Platz 7`, or every version with its sources when they disagree."""
        return self._figure_text(self.places, lambda r: r.place, lambda v: messages.place_words(v, lang), lang, cite)


def standings(
    rows: Iterable[RankingRow], rankings: Sequence[Ranking], english: Mapping[str, str] | None = None
) -> list[Standing]:
    """The rows grouped by ranking, year, city and category; `english`: English names of cities and states."""
    by_id = {r.id: r for r in rankings}
    names = english or {}
    groups: dict[tuple[str, int, str, str], list[RankingRow]] = defaultdict(list)
    for row in rows:
        groups[(row.ranking, row.year, row.city, row.category)].append(row)
    return [
        Standing(by_id[key[0]], key[1], key[2], key[3], tuple(group), names.get(key[2], ""))
        for key, group in sorted(groups.items())
        if key[0] in by_id
    ]


def _states_difference(note: str) -> bool:
    return note.startswith((phrase(Phrase.SOURCES_DIFFER, "de"), phrase(Phrase.SOURCES_DIFFER, "en")))


def describe(standing: Standing, lang: Lang, cite: Citations) -> str:
    """Place, number of cities, score and change; where the sources disagree, one sentence that names each
    version with its sources ("Für 2024 nennen die Quellen Platz 21 (…) und Platz 22 (…).")."""
    edition = standing.ranking.edition(standing.year)
    text = messages.standing_sentence(
        lang,
        city=standing.city_in(lang),
        within=standing.ranking.within(lang),
        year=standing.year,
        category=standing.category_in(lang),
        place=standing.place_text(lang, cite),
        cities=edition.cities if edition and not standing.category else None,
        places_differ=len(standing.places) > 1,
    )
    if standing.score is not None:
        text += messages.score_clause(
            lang,
            lambda dative: standing.score_text(lang, cite, dative=dative),
            scores_differ=len(standing.scores) > 1,
            places_differ=len(standing.places) > 1,
            placed=bool(standing.places),
        )
    if standing.change:
        text += messages.change_clause(standing.change, lang)
    text += "."
    # A note that only says the sources differ repeats what the sentence already names.
    notes = sorted(
        {
            r.note_in(lang)
            for r in standing.rows
            if r.note_in(lang) and not (standing.sources_differ and _states_difference(r.note_in(lang)))
        }
    )
    if notes:
        text += " " + " ".join(n[:1].upper() + n[1:] + ("" if n.endswith(".") else ".") for n in notes)
    return text


def entry_id(ranking: str, *parts: object) -> str:
    return "-".join([ranking, *(slugify(str(p)) for p in parts if p not in ("", None))])[:MAX_ID].rstrip("-")


def trend_id(ranking: str, city: str, category: str = "") -> str:
    """`bitkom-sci-bochum-verlauf`, `bitkom-sci-bochum-verlauf-verwaltung`: the category last, where a long one
    may be cut to the id's length."""
    return entry_id(ranking, city, "verlauf", category)


def _place_entry(s: Standing, cite: Citations) -> Entry:
    r, name, name_en = s.ranking, s.ranking.name, s.ranking.name_in("en")
    questions = messages.place_questions(
        s.city,
        s.year,
        name,
        r.within("de"),
        name_en,
        category=s.category,
        category_en=r.category_in(s.category, "en"),
        aliases=r.aliases[:1],
        scored=s.score is not None,
        city_en=s.city_in("en"),
    )
    return Entry(
        id=entry_id(r.id, s.year, s.city, s.category),
        kind=Kind.RANKING,
        title=messages.place_title(s.city, r.within("de"), s.year, s.category),
        title_en=messages.place_title(s.city_in("en"), r.within("en"), s.year, r.category_in(s.category, "en")),
        questions=questions,
        answer=describe(s, "de", cite),
        answer_en=describe(s, "en", cite),
        passages=_passages(s.rows),
        source_url=s.rows[0].source_url,
        sources_differ=s.sources_differ,
        tags=Tags(cities=[s.city], years=[s.year], rankings=[r.id]),
        ranking_ref=RankingRef(ranking=r.id, view=RankingView.PLACE, year=s.year, city=s.city, category=s.category),
    )


def trend_text(items: Sequence[Standing], lang: Lang, cite: Citations) -> str:
    first = items[0]
    parts = []
    for s in items:
        place = s.place_text(lang, cite)
        value = format_value(s.ranking, s.score, lang) if s.score is not None else ""
        if not place:  # a year the sources give only the score of
            parts.append(f"{s.year}: {value}")
            continue
        score = (f", {value}" if len(s.places) > 1 else f" ({value})") if value else ""
        parts.append(f"{s.year}: {place}{score}")
    lead = messages.trend_lead(first.city_in(lang), first.ranking.within(lang), lang, first.category_in(lang))
    return f"{lead}: " + "; ".join(parts) + "."


def _table_entry(
    items: Sequence[Standing],
    *,
    id_: str,
    title: Callable[[Lang], str],
    questions: list[str],
    text: Callable[[Sequence[Standing], Lang], str],
    tags: Tags,
    ref: RankingRef,
) -> Entry:
    """An entry answered from several standings: their quotes are its passages."""
    rows = [row for s in items for row in s.rows]
    return Entry(
        id=id_,
        kind=Kind.RANKING,
        title=title("de"),
        title_en=title("en"),
        questions=questions,
        answer=text(items, "de"),
        answer_en=text(items, "en"),
        passages=_passages(rows),
        source_url=rows[0].source_url,
        sources_differ=any(s.sources_differ for s in items),
        tags=tags,
        ranking_ref=ref,
    )


def _trend_entry(items: Sequence[Standing], cite: Citations) -> Entry:
    first = items[0]
    r, city, category = first.ranking, first.city, first.category
    return _table_entry(
        items,
        id_=trend_id(r.id, city, category),
        title=lambda lang: messages.trend_title(
            first.city_in(lang), r.within(lang), r.category_in(category, lang), lang
        ),
        questions=messages.trend_questions(
            city, r.within("de"), r.name_in("en"), category, r.category_in(category, "en"), city_en=first.city_in("en")
        ),
        text=lambda items, lang: trend_text(items, lang, cite),
        tags=Tags(cities=[city], years=sorted({s.year for s in items}), rankings=[r.id]),
        ref=RankingRef(ranking=r.id, view=RankingView.TREND, city=city, category=category),
    )


def top_text(items: Sequence[Standing], lang: Lang) -> str:
    first = items[0]
    lines = []
    for s in items:
        score = f" ({format_value(s.ranking, s.score, lang)})" if s.score is not None else ""
        lines.append(f"{s.places[0]}. {s.city_in(lang)}{score}")
    return f"{messages.top_lead(first.ranking.name_in(lang), first.year, lang)}: " + "; ".join(lines) + "."


def top_standings(items: Iterable[Standing], size: int = TOP_SIZE) -> list[Standing]:
    ranked = [s for s in items if not s.category and s.places and s.places[0] <= size]
    return sorted(ranked, key=lambda s: (s.places[0], s.city))


def _top_entry(items: Sequence[Standing]) -> Entry:
    r, year = items[0].ranking, items[0].year
    return _table_entry(
        items,
        id_=entry_id(r.id, year, "top"),
        title=lambda lang: messages.top_title(r.name_in(lang), year, lang),
        questions=messages.top_questions(r.within("de"), r.name_in("en"), year),
        text=top_text,
        tags=Tags(years=[year], rankings=[r.id]),
        ref=RankingRef(ranking=r.id, view=RankingView.TOP, year=year),
    )


def ranking_entries(
    rankings: Sequence[Ranking],
    rows: Iterable[RankingRow],
    cite: Citations,
    english: Mapping[str, str] | None = None,
) -> list[Entry]:
    """Generated entries for every standing, every city with two or more years (overall and in a category),
    and every year's top list; `english`: English names of cities and states."""
    all_standings = standings(rows, rankings, english)
    entries = [_place_entry(s, cite) for s in all_standings]
    by_city: dict[tuple[str, str, str], list[Standing]] = defaultdict(list)
    by_year: dict[tuple[str, int], list[Standing]] = defaultdict(list)
    for s in all_standings:
        by_city[(s.ranking.id, s.city, s.category)].append(s)
        if not s.category:
            by_year[(s.ranking.id, s.year)].append(s)
    entries += [_trend_entry(items, cite) for items in by_city.values() if len(items) >= 2]
    for items in by_year.values():
        top = top_standings(items)
        if len(top) >= 3:
            entries.append(_top_entry(top))
    return entries
