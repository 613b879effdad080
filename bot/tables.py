"""Ranking questions answered from the tables: a city's place or points, who was N-th, a top list, a trend, a
change, and comparisons of two cities or of two years, overall or within one category (from that category's rows
only). Never from a text that merely mentions the city and year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import get_args

from bot import messages
from bot.folding import fold
from bot.kb.rankings import Standing, describe, entry_id, format_value, standings, trend_id
from bot.models import AnswerType, Entry, FirstEdition, Lang, Passage, Ranking
from bot.sources import Citations
from bot.storage.knowledge import Knowledge
from bot.understand.answer_types import asks_how_often
from bot.understand.answer_types import claim as claim_checked
from bot.understand.normalize import city_tag, ranking_tag, year_tag
from bot.understand.question import Question
from bot.understand.ranking import (
    RankingAsk,
    RankingIntent,
    asks_a_change,
    asks_many_cities,
    asks_other_years,
    claims_ahead,
    names_the_front,
    speaks_of_cities,
    superlative,
    top_size,
)

DEFAULT_RANKING = "bitkom-sci"
_CITY_STATES = frozenset(("Berlin", "Hamburg", "Bremen"))  # states that are cities too, ranked as both
# Kinds of answer the tables give: places and points (and, for "who was first", the city).
_TABLE_TYPES = frozenset({AnswerType.PLACE, AnswerType.POINTS, AnswerType.OPEN, AnswerType.YESNO})
# A row's note on its change in points ("plus 3,8 Punkte", "nur 0,8 Punkte weniger als im Vorjahr").
_POINTS_NOTE = re.compile(r"(\d+(?:[.,]\d+)?)\s(?:punkte?n?|points?)\b", re.IGNORECASE)


def _for_tables(question: Question) -> bool:
    """Whether the tables can give what is asked: not a reason or a date ("Warum …", "Seit wann …"), a count
    only as the difference of a comparison ("wie viel mehr Punkte", not "Wie oft …"), and "who" only for who
    held a place or came out ahead."""
    intent = question.ranking
    if question.answer_type in (AnswerType.PERSON, AnswerType.NAME):
        return intent is not None and intent.ask in (
            RankingAsk.NTH,
            RankingAsk.LAST,
            RankingAsk.TOP,
            RankingAsk.COMPARE,
            RankingAsk.NEIGHBOUR,
            RankingAsk.AHEAD,
        )
    if question.answer_type is AnswerType.COUNT:  # "wie viel mehr Punkte", "how many places up": a difference
        return intent is not None and intent.ask in (RankingAsk.COMPARE, RankingAsk.CHANGE)
    if question.answer_type is AnswerType.DATE:  # "In welchem Jahr war Bochum am besten?": its best place's years
        # "In welchem Jahr war Bochum besser, 2022 oder 2025?": the comparison of the years names the better one.
        compares_years = intent is not None and intent.ask is RankingAsk.COMPARE and len(question.years) > 1
        return compares_years or (intent is not None and intent.ask in (RankingAsk.BEST, RankingAsk.WORST))
    return question.answer_type in _TABLE_TYPES


@dataclass(frozen=True)
class Composed:
    """An answer put together from several standings (a comparison), with the entries it rests on."""

    texts: dict[Lang, tuple[str, str]]  # per language: the answer and its title
    entries: list[Entry]
    passages: list[Passage]
    source_url: str
    sources_differ: bool

    def text(self, lang: Lang) -> str:
        return self.texts[lang][0]

    def title(self, lang: Lang) -> str:
        return self.texts[lang][1]


@dataclass(frozen=True)
class TableReply:
    """What the tables say to a ranking question: an entry or a composed answer; with `missing`, that is what
    they say instead of what was asked; `refuse` when they rule an answer out (no such standing)."""

    entry: Entry | None = None
    composed: Composed | None = None
    missing: AnswerType | None = None
    refuse: bool = False


REFUSE = TableReply(refuse=True)


def standing_kind(question: Question) -> AnswerType:
    """The kind of standing a ranking question asks for: "Wie schnitt Lübeck 2022 ab?" a place, or points where
    it names them."""
    if question.answer_type not in (AnswerType.OPEN, AnswerType.YESNO):
        return question.answer_type
    return AnswerType.POINTS if question.ranking is not None and question.ranking.points else AnswerType.PLACE


# A year from which to now: "seit 2018", "ab 2018", "since 2018", "from 2018".
_FROM_YEAR = re.compile(r"\b(?:seit|since|ab|from)\s(?:19|20)\d\d\b")
# What is told over the editions: a course, how often.
_COURSES = frozenset((RankingAsk.TREND, RankingAsk.TIMES))
_OVERALL = frozenset({"gesamt", "insgesamt", "overall", "gesamtwert", "gesamtranking", "gesamtplatz"})
_PLACE_TOKEN = "platz"  # "Platz", "Rang", "place", "rank" as the normaliser writes them
# What the tables tell of one city: not the answer to which city, when the question names that city.
_OWN_PLACES = frozenset((RankingAsk.PLACE, RankingAsk.BEST, RankingAsk.WORST, RankingAsk.TREND))


def asks_latest(question: Question) -> bool:
    """Whether a question of no year for a place or the top list means the latest edition: the place is all it
    asks ("Wer hat gewonnen?", "Top 10"); a second ordinal or number speaks of an edition or a time ("den ersten
    Index gewonnen", "vor zwei Jahren Erster"), "schon mal" of every year, "vor einem Jahr" of another. Nothing
    asked but frame words is the place alone too: "Wer ist die digitalste Stadt?" asks with a superlative of the
    index's own words, which frames."""
    asked = [t for t in question.terms if not t.framing and t.slot is None and t.token not in question.category_words]
    return len(asked) <= 1 and not asks_other_years(fold(question.text))


class Tables:
    """The standings of every ranking in the knowledge, and the entries generated from them."""

    def __init__(self, knowledge: Knowledge, cite: Citations) -> None:
        self.knowledge = knowledge
        self.cite = cite
        self.rankings = {r.id: r for r in knowledge.rankings()}
        aliases = knowledge.aliases()
        self.english = aliases.english
        self.standings: dict[str, list[Standing]] = {
            r.id: standings(knowledge.ranking_rows(r.id), [r], self.english) for r in self.rankings.values()
        }
        # The cities of each state; the states, but for those that are cities too: a question or text naming one
        # may speak of that state's cities.
        self.states = aliases.states
        self.regions = (self.listed(r.id for r in self.rankings.values() if r.states) | set(self.states)) - _CITY_STATES

    def categories(self) -> set[str]:
        return {s.category for items in self.standings.values() for s in items if s.category}

    def default_ranking(self) -> Ranking | None:
        """The ranking a question means when it names none: the Bitkom Smart City Index, if the base has it."""
        return self.rankings.get(DEFAULT_RANKING) or next(iter(self.rankings.values()), None)

    def listed(self, rankings: Iterable[str]) -> frozenset[str]:
        """Every city or state the rankings list."""
        return frozenset(s.city for r in rankings for s in self.standings.get(r, []))

    def lists(self, ranking: Ranking, city: str) -> bool:
        return any(s.city == city for s in self.standings.get(ranking.id, []))

    def asked(self, question: Question, lang: Lang) -> str:
        """The standing a ranking question asks for, as read, for a reply to name: `Bochum im Bitkom Smart City Index
        2022 in der Kategorie Mobilität`, `Bochum in the Bitkom Smart City Index 2022 (category Mobility)`."""
        ranking, intent = self.ranking_asked(question), question.ranking
        cities = [self.english.get(c, c) if lang == "en" else c for c in sorted(question.cities)]
        years = "/".join(str(y) for y in sorted(question.years))
        within = ranking.within(lang) if ranking is not None else ""
        categories = intent.categories if intent is not None else ()
        named = [ranking.category_in(c, lang) if ranking is not None else c for c in categories]
        place = intent.place if intent is not None and intent.ask is RankingAsk.NTH else None
        return messages.standing_asked(cities, within, years, named, lang, place=place)

    def ranking_asked(self, question: Question) -> Ranking | None:
        """The named ranking; else the default one, or, for a city it does not list, the one ranking that
        lists the city (a federal state is only in the states' index)."""
        named = question.rankings
        if len(named) > 1:
            return None
        if named:
            return self.rankings.get(next(iter(named)))
        if question.which_state:
            return self._of_states(question.years)
        default = self.default_ranking()
        cities = sorted(question.cities)
        if default is None or not cities or all(self.lists(default, c) for c in cities):
            return default
        # "Welche Stadt war 2024 die beste in NRW?": the state is where to look, not who is asked.
        listing = [
            r
            for r in self.rankings.values()
            if all(self.lists(r, c) for c in cities) and not (question.which_city and r.states)
        ]
        return listing[0] if len(listing) == 1 else None

    def _years(self, ranking: Ranking) -> set[int]:
        """The years the ranking's tables hold a row of."""
        return {s.year for s in self.standings.get(ranking.id, [])}

    def _of_states(self, years: Iterable[int]) -> Ranking | None:
        """For a question which state naming no ranking, the one ranking of states with a table of the year
        asked (of the latest year any has, if none is asked); None if several have it."""
        held = {r.id: self._years(r) for r in self.rankings.values() if r.states}
        wanted = set(years) or {max((y for ys in held.values() for y in ys), default=0)}
        found = [self.rankings[r] for r, ys in held.items() if wanted <= ys]
        return found[0] if len(found) == 1 else None

    def _first(
        self, ranking: Ranking, year: int, categories: Sequence[str], wanted: Callable[[Standing], bool]
    ) -> Standing | None:
        """The first standing of a year that is `wanted`, in the first of the categories that has one (no
        categories: the overall ranking)."""
        for category in categories or [""]:
            for s in self.standings.get(ranking.id, []):
                if s.year == year and s.category == category and wanted(s):
                    return s
        return None

    def standing(self, ranking: Ranking, year: int, city: str, categories: Sequence[str] = ()) -> Standing | None:
        return self._first(ranking, year, categories, lambda s: s.city == city)

    def _holder(self, ranking: Ranking, year: int, place: int | None, categories: Sequence[str]) -> Standing | None:
        """Who held a place (None: the last one) in a year, if the sources say. The last place is only known
        where the edition says how many cities it ranked."""
        if place is None:
            edition = ranking.edition(year)
            if edition is None:
                return None
            place = edition.cities
        return self._first(ranking, year, categories, lambda s: place in s.places)

    def _place_held(self, ranking: Ranking, year: int, intent: RankingIntent, *, latest: bool) -> TableReply | None:
        """Who held a place, or the last one, in a year (`latest`: the year was only assumed, the latest)."""
        several = self._of_year(ranking, year, intent.categories)
        if intent.ask is RankingAsk.NTH and len(intent.categories) > 1:
            # A category asked with no row that year, unless under its other name, leaves the answer to a text
            # ("Wer gewann 2024 Verwaltung und Mobilität?"): one holder alone would drop the other silently.
            lacking = [c for c in intent.categories if c not in several]
            if any(not any(self._renamed(ranking, c, held) for held in several) for c in lacking):
                return None if intent.place == 1 else REFUSE
            if len(several) > 1:
                return self._holders(ranking, year, intent.place, several)
        holder = self._holder(ranking, year, intent.place, intent.categories)
        if holder is not None:
            return self._entry(entry_id(ranking.id, year, holder.city, holder.category))
        # Who was last a curated text may know (the slot guard keeps it to this year and ranking): the tables
        # know the last place only where they hold the whole ranking. Who held a place, only the tables,
        # but who came first also a text, where they have no row of that year at all (Haselhorst 2023:
        # "Spitzenreiter war Hamburg").
        known = any(s.year == year for s in self.standings.get(ranking.id, []))
        first = intent.ask is RankingAsk.NTH and intent.place == 1 and not known
        # The latest year was only assumed: a text may know the place ("Bonn hinter Nürnberg und Bremen").
        return None if intent.ask is RankingAsk.LAST or first or latest else REFUSE

    def _holders(self, ranking: Ranking, year: int, place: int | None, categories: Sequence[str]) -> TableReply | None:
        """Who held a place in each of several categories ("Wer gewann 2022 Verwaltung und Mobilität?"). Where one is
        unknown, a text on the year's category winners may know them all."""
        held = [self._holder(ranking, year, place, (c,)) for c in categories]
        if all(held):
            return self._categories_of_year([h for h in held if h], RankingAsk.PLACE)
        return None if place == 1 else REFUSE

    def _renamed(self, ranking: Ranking, category: str, other: str) -> bool:
        """Whether two names are one category renamed ("Gesellschaft", since 2023 "Gesellschaft und Bildung"): no
        year has rows of both."""
        years = [{s.year for s in self.standings.get(ranking.id, []) if s.category == c} for c in (category, other)]
        return category != other and not years[0] & years[1]

    def _of_year(self, ranking: Ranking, year: int, categories: Sequence[str]) -> list[str]:
        """The categories the ranking had in a year: "Gesellschaft" names both "Gesellschaft" and its later name
        "Gesellschaft und Bildung", one category in each year."""
        held = self._categories_held(ranking, year)
        return [c for c in categories if c in held]

    def _of_year_in(self, ranking: Ranking, year: int | None, category: str) -> list[Standing]:
        """The standings of a year in one category ("": the overall ranking)."""
        return [s for s in self.standings.get(ranking.id, []) if s.year == year and s.category == category]

    def _categories_held(self, ranking: Ranking, year: int) -> set[str]:
        """The categories the tables hold rows of in a year."""
        return {s.category for s in self.standings.get(ranking.id, []) if s.year == year and s.category}

    def _before_first_edition(self, ranking: Ranking, question: Question) -> FirstEdition | None:
        """The ranking's first edition, by its source, where every year asked lies before it and the tables hold
        none of them; not for a year from which to now ("Wie hat sich Bochum seit 2018 entwickelt?", "ab 2018"),
        which the editions since answer."""
        first, asked = ranking.first_edition, set(question.years)
        if first is None or not asked or max(asked) >= first.year:
            return None
        if asked & self._years(ranking):
            return None
        to_now = _FROM_YEAR.search(fold(question.text)) or (question.ranking and question.ranking.ask in _COURSES)
        return None if to_now else first

    def _first_appeared(self, ranking: Ranking, first: FirstEdition, question: Question) -> TableReply:
        """ "Welchen Platz hatte Bochum 2018 im Smart City Index?": no such standing, as the ranking first appeared
        later; the reply says so with its source instead of only that the sources do not give it."""
        texts = {
            lang: messages.first_appeared(ranking.name_in(lang), ranking.within(lang), first.year, lang)
            for lang in get_args(Lang)
        }
        passage = Passage(text=first.quote, source_url=first.source_url)
        composed = Composed(texts, [], [passage], first.source_url, sources_differ=False)
        return TableReply(composed=composed, missing=standing_kind(question))

    def latest_year(self, ranking: Ranking) -> int | None:
        """The ranking's latest edition as far as is known (None if a text speaks of a later one than the tables)."""
        return self._latest(ranking, ())

    def _latest(self, ranking: Ranking, categories: Sequence[str]) -> int | None:
        """The latest year the tables hold of the ranking (of one of the categories, if asked), unless an entry
        speaks of a later one (Haselhorst's tables end in 2021, a text knows who led in 2023)."""
        wanted = set(categories) or {""}
        latest = max((s.year for s in self.standings.get(ranking.id, []) if s.category in wanted), default=None)
        later = [year_tag(y) for y in range(latest + 1, dt.date.today().year + 1)] if latest else []
        return None if self.knowledge.has_tagged(ranking_tag(ranking.id), later) else latest

    def _entry(self, wanted: str) -> TableReply | None:
        entry = self.knowledge.entry(wanted)
        return TableReply(entry=entry) if entry is not None else None

    def answer(self, question: Question) -> TableReply | None:
        """The tables' reply, or None when the question is not one for them after all."""
        intent = question.ranking
        if intent is not None and intent.ask is RankingAsk.RANKINGS:
            subject = next(iter(question.cities))
            default = self.default_ranking()
            # A city known by its scores only (Salzgitter) still has its course to show.
            return self._rankings_of(subject) or (self._trend(default, subject, ()) if default else None)
        if intent is not None and self._of_a_states_cities(question):
            return self._of_a_state(question, intent)
        ranking = self.ranking_asked(question)
        if intent is None or ranking is None:
            return None
        first = self._before_first_edition(ranking, question) if ranking.id in question.rankings else None
        if first is not None:
            return self._first_appeared(ranking, first, question)
        changes = (RankingAsk.COMPARE, RankingAsk.CHANGE)
        if question.answer_type is AnswerType.COUNT and intent.ask in changes and asks_how_often(question.text):
            # "Wie oft hat sich Bochum verbessert?": a count of years, which the course shows and no difference
            # of two years tells.
            cities = sorted(question.cities)
            return self._trend(ranking, cities[0], intent.categories) if len(cities) == 1 else None
        if intent.ask is RankingAsk.TIMES:
            # "Wie oft war Köln in den Top 3?": counted over the editions, whatever kind of answer the question's
            # opening asks for.
            (named,) = question.cities
            return self._times(ranking, named, sorted(question.years), intent) if self.lists(ranking, named) else None
        if not _for_tables(question):
            return None
        cities, years = sorted(question.cities), sorted(question.years)
        if any(not self.lists(ranking, c) for c in cities):
            # A city or state this ranking never lists: a question for the texts (which may still name it).
            return None
        # A comparison or course within a category is composed from that category's rows only (several: the
        # names one category had over the years, the grammar having left out two set against each other).
        categories = intent.categories
        if intent.ask is RankingAsk.NTH and cities and len(years) == 1:
            # "Wer gewann 2022, war das Nürnberg?": the holder if named, else the places of the cities named.
            holder = self._holder(ranking, years[0], intent.place, categories)
            if holder is not None and holder.city in cities:
                return self._entry(entry_id(ranking.id, holder.year, holder.city, holder.category))
            intent = RankingIntent(RankingAsk.COMPARE if len(cities) > 1 else RankingAsk.PLACE, categories=categories)
        behind_first = intent.ask is RankingAsk.COMPARE and intent.place == 1
        if len(cities) == 1 and (intent.ask in (RankingAsk.NEIGHBOUR, RankingAsk.AHEAD) or behind_first):
            return self._beside_others(ranking, cities[0], years[0] if years else None, intent)
        if intent.ask in (RankingAsk.COMPARE, RankingAsk.CHANGE) and len(cities) == 1 and len(years) == 1:
            # "im Vergleich zum Vorjahr", "um wie viele Plätze gestiegen": this year against the one before.
            return self._gain(question, ranking, cities[0], years[0], categories)
        if intent.ask is RankingAsk.COMPARE:
            if intent.other is not None and not cities and len(years) == 1:
                return self._places_apart(ranking, years[0], intent)
            if len(cities) >= 2:
                # "War Essen jemals besser als Bochum?" asks of every year, which no one year's places answer.
                if len(years) > 1 or (not years and asks_other_years(fold(question.text))):
                    return None
                year = years[0] if years else None
                return self._compare_cities(
                    ranking, cities, year, categories, points=intent.points, claim=_claim(question)
                )
            if len(cities) == 1 and len(years) == 2:
                return self._two_years(
                    ranking,
                    cities[0],
                    (years[0], years[1]),
                    categories,
                    intent,
                    # "Hat sich Ulm von 2021 auf 2022 verbessert?" names no places: points tell it too.
                    places=_PLACE_TOKEN in question.analysis.tokens,
                    changed=asks_a_change(question.analysis.tokens),
                )
            return None
        if len(cities) > 1 or len(years) > 1:
            return None
        city = cities[0] if cities else None
        year = years[0] if years else None
        if city is not None:
            if question.which_city and intent.ask in _OWN_PLACES:
                # "Welche Stadt war vor München die beste?" asks for another city than the one it names.
                return None
            if intent.every_category and year is not None:
                return self._every_category(ranking, city, year, best=intent.ask is RankingAsk.BEST)
            if intent.ask in (RankingAsk.BEST, RankingAsk.WORST):
                best = intent.ask is RankingAsk.BEST
                return self._extreme(ranking, city, categories, best=best) or self._trend(ranking, city, categories)
            if year is None and intent.points and not self._scored_throughout(ranking, city, categories):
                # "Hat Bochum jemals Punkte verloren?": a course with gaps in its points cannot tell; a text may.
                return None
            if year is None or intent.ask is RankingAsk.TREND:
                return self._trend(ranking, city, categories)
            # "Gelsenkirchen 2024 gesamt und IT": the overall standing beside the category's.
            overall = ("",) if intent.categories and not _OVERALL.isdisjoint(question.analysis.tokens) else ()
            categories = (*overall, *intent.categories)
            return self._city_year(ranking, city, year, intent.ask, categories, explicit=intent.explicit)
        latest = year is None and intent.ask in (RankingAsk.NTH, RankingAsk.TOP) and asks_latest(question)
        if latest:
            # "Wer hat gewonnen?", "Top 10": the latest edition, whose year the reply names; a text would be of
            # whichever year scored highest.
            year = self._latest(ranking, categories)
        if year is None:
            return None
        if intent.ask in (RankingAsk.NTH, RankingAsk.LAST):
            return self._place_held(ranking, year, intent, latest=latest)
        if intent.ask is RankingAsk.TOP and not categories:
            # The tables list the top places overall only: a category's top is a text's to tell, if any.
            return self._entry(entry_id(ranking.id, year, "top"))
        return None

    def _of_a_states_cities(self, question: Question) -> bool:
        """Whether a question names states only as where the cities it asks of lie ("top NRW city 2024", "how many
        NRW cities in the top 10"): no state's own standing answers it."""
        return bool(question.cities) and question.cities <= self.regions and speaks_of_cities(fold(question.text))

    def _of_a_state(self, question: Question, intent: RankingIntent) -> TableReply | None:
        """Which city of a state came first in a year ("best NRW city 2025"), or which and how many of its cities
        made a top list ("Wie viele NRW-Städte waren 2022 in den Top 10?"), where the tables hold every place down
        to there; else a text's to tell (None). Not the last of them: the tables hold the top places only."""
        named = [self.rankings[r] for r in question.rankings if r in self.rankings and not self.rankings[r].states]
        ranking = named[0] if len(named) == 1 else self.default_ranking()
        members = [set(self.states.get(state, ())) for state in question.cities]
        if ranking is None or len(members) != 1 or len(question.years) > 1 or len(intent.categories) > 1:
            return None
        category = intent.categories[0] if intent.categories else ""
        year = next(iter(question.years), None) or self._latest(ranking, intent.categories)
        of_year = self._of_year_in(ranking, year, category)
        folded = fold(question.text)
        top = top_size(folded)
        ours = sorted((s for s in of_year if s.place is not None and s.city in members[0]), key=lambda s: s.places)
        if top is not None:
            picked = [s for s in ours if s.places[0] <= top]
            complete = _held_down_to(of_year, top)
        elif (
            (superlative(folded, of_all=True) is RankingAsk.BEST or (question.which_city and names_the_front(folded)))
            and ours
            and not asks_many_cities(folded)
        ):
            # The best cities of a state ("nrw beste städte 2019") are a list, which a text may give.
            picked = [s for s in ours if s.place == ours[0].place]
            complete = _held_down_to(of_year, ours[0].places[0] - 1)
        else:
            return None
        if not complete or year is None:
            return None
        (state,) = question.cities
        said = {}
        for lang in get_args(Lang):
            where = self.english.get(state, state) if lang == "en" else state
            places = [(s.city_in(lang), s.place_text(lang, self.cite)) for s in picked]
            text = messages.of_a_state(
                where, year, places, top=top, category=ranking.category_in(category, lang), lang=lang
            )
            said[lang] = (text, f"{where} ({ranking.name_in(lang)} {year})")
        shown = picked or sorted(
            (s for s in of_year if s.place is not None and s.place <= (top or 0)), key=lambda s: s.places
        )
        return TableReply(composed=self._composed(shown, said)) if shown else None

    def _two_years(
        self,
        ranking: Ranking,
        city: str,
        years: tuple[int, int],
        categories: Sequence[str],
        intent: RankingIntent,
        *,
        places: bool,
        changed: bool,
    ) -> TableReply | None:
        """One city in two years asked to be compared; `places`: whether the question names places, `changed`:
        whether it names a change ("verloren")."""
        earlier, later = (self.standing(ranking, y, city, categories) for y in years)
        adjacent = years[1] == years[0] + 1
        unplaced = earlier is None or not earlier.places
        if adjacent and not intent.points and not intent.span and unplaced and later and later.change is not None:
            # "War Bonn 2021 besser als 2020?" where the tables lack 2020's place: 2021's change of place tells it.
            return self._change(ranking, city, years[1], categories, points=False)
        scored = earlier is not None and bool(earlier.scores) and later is not None and bool(later.scores)
        if adjacent and changed and intent.points and later is not None and not scored:  # a span too: none between
            # "Wie viele Punkte verlor Bochum 2023 gegenüber 2022?" where a year lacks its score: the later year's
            # note on its points or a text may tell the difference, as for "Wie viele Punkte verlor Bochum 2023?".
            return self._change(ranking, city, years[1], categories, points=True)
        return self._compare_years(
            ranking,
            city,
            years,
            categories,
            points=intent.points,
            span=intent.span,
            by_points=not places,
        )

    def _gain(
        self, question: Question, ranking: Ranking, city: str, year: int, categories: Sequence[str]
    ) -> TableReply | None:
        """A year's change (`_change`); for points won in the first edition ("Wie viele Punkte hat Hamburg 2019
        gewonnen?"), which nothing was gained on, the score won, where no word of change asks otherwise."""
        points = question.ranking is not None and question.ranking.points
        changed = self._change(ranking, city, year, categories, points=points)
        first = all(s.year >= year for s in self.standings.get(ranking.id, []))
        if changed is None and points and first and not asks_a_change(question.analysis.tokens):
            return self._city_year(ranking, city, year, RankingAsk.POINTS, categories, explicit=True)
        return changed

    def _change(
        self, ranking: Ranking, city: str, year: int, categories: Sequence[str], *, points: bool
    ) -> TableReply | None:
        """A year against the one before: both years side by side where the tables can tell the difference
        (points asked and both years scored) or the row gives no change of place of its own, else the year's
        entry (its change of place, a note on its points; points asked and no note on them: None)."""
        standing = self.standing(ranking, year, city, categories)
        if standing is None:
            return REFUSE
        previous = self._edition_before(ranking, year)
        before = self.standing(ranking, previous, city, categories)
        # Places asked with no change in the row: the edition before, said to be missing if the tables lack it
        # ("Wie viele Plätze büßte Münster 2023 ein?" is not told 2023's place alone).
        computable = before is not None and bool(standing.scores and before.scores)
        side_by_side = computable if points else standing.change is None
        if side_by_side:
            return self._compare_years(ranking, city, (previous, year), categories, points=points)
        if points and not any(_POINTS_NOTE.search(r.note) for r in standing.rows):
            # "Wie viele Punkte legte Bochum 2024 zu?": neither the scores nor a note tell; a text may.
            return None
        return self._entry(entry_id(ranking.id, year, city, standing.category))

    def _edition_before(self, ranking: Ranking, year: int) -> int:
        """The year of the edition before `year`'s: the latest earlier year the tables or the ranking's editions
        know (the Deutschland-Index appears every two years: 2021's change is against 2019), else the year
        before."""
        known = self._years(ranking) | {e.year for e in ranking.editions}
        return max((y for y in known if y < year), default=year - 1)

    def _neighbour(
        self, ranking: Ranking, city: str, year: int, categories: Sequence[str], offset: int
    ) -> TableReply | None:
        """Who held the place right behind (`offset` +1) or ahead (-1) of a city in a year, beside the city's own
        place (beside each where sources differ on it). None where the tables do not place the city (a text may);
        where they place it but not the one next to it, the source does not say who that was."""
        own = self.standing(ranking, year, city, categories)
        if own is None or not own.places:
            return None
        held = (self._holder(ranking, year, place + offset, categories) for place in own.places)
        next_to = list({h.city: h for h in held if h is not None and h.city != city}.values())
        if not next_to:
            return REFUSE
        picked = sorted([own, *next_to], key=lambda s: s.places[0])
        texts = _compare_cities_text(picked, self.cite, points=False)
        said = {}
        for lang, (text, title) in texts.items():
            holders = [s.city_in(lang) for s in next_to]
            lead = messages.next_to(
                own.city_in(lang),
                year,
                holders,
                behind=offset > 0,
                category=own.category_in(lang),
                lang=lang,
                places=abs(offset),
            )
            said[lang] = (f"{lead} {text}", title)
        return TableReply(composed=self._composed(picked, said))

    def _beside_others(self, ranking: Ranking, city: str, year: int | None, intent: RankingIntent) -> TableReply | None:
        """One city among others of a year: who came right next to it, every city ahead of it, or how far it lay
        behind the first. With no year ("Wer lag direkt hinter Bochum?"), of the latest edition, as who won is."""
        categories = intent.categories
        year = year or self._latest(ranking, categories)
        if year is None:
            return None
        if intent.ask is RankingAsk.NEIGHBOUR:
            return self._neighbour(ranking, city, year, categories, intent.offset)
        if intent.ask is RankingAsk.AHEAD:
            # Asked in the singular ("Wer lag vor Bochum?"), the one right ahead where the tables lack the others.
            others = self._all_ahead(ranking, city, year, categories)
            if others is None and intent.offset:
                return self._neighbour(ranking, city, year, categories, intent.offset)
            return others
        return self._behind_first(ranking, city, year, categories, points=intent.points)

    def _all_ahead(self, ranking: Ranking, city: str, year: int, categories: Sequence[str]) -> TableReply | None:
        """Every city ahead of one in a year, with their places, where the tables hold them all (their top places
        are complete). None where they lack one, or do not place the city or place it differently by source: a
        text may name them ("hinter Nürnberg und Bremen den dritten Platz")."""
        own = self.standing(ranking, year, city, categories)
        if own is None or own.place is None:
            return None
        of_year = self._of_year_in(ranking, year, own.category)
        if not _held_down_to(of_year, own.place - 1):
            return None
        ahead = sorted((s for s in of_year if s.places and s.places[-1] < own.place), key=lambda s: s.places[0])
        said = {}
        for lang in get_args(Lang):
            holders = [(s.city_in(lang), s.place_text(lang, self.cite)) for s in ahead]
            said[lang] = (
                messages.all_ahead(
                    own.city_in(lang), year, own.place, holders, category=own.category_in(lang), lang=lang
                ),
                f"{own.city_in(lang)} ({_ranking_named(own, lang, year)})",
            )
        return TableReply(composed=self._composed([*ahead, own], said))

    def _behind_first(
        self, ranking: Ranking, city: str, year: int, categories: Sequence[str], *, points: bool
    ) -> TableReply | None:
        """How far a city lay behind the first of a year: both standings and, where both are scored, the points
        between them; where `points` are asked and one is not scored, the places with the points said to be
        missing. The first's own standing where it was the first."""
        own, first = self.standing(ranking, year, city, categories), self._holder(ranking, year, 1, categories)
        if own is None or first is None:
            return None
        if first.city == city:
            return self._entry(entry_id(ranking.id, year, city, first.category))
        pair = [first.city, city]
        scored = self._compare_cities(ranking, pair, year, categories, points=True)
        if scored is not None:
            return scored
        placed = self._compare_cities(ranking, pair, year, categories, points=False)
        if placed is None or placed.composed is None or not points:
            return placed
        return replace(placed, missing=AnswerType.POINTS)

    def _of_city(self, ranking: Ranking, city: str, categories: Sequence[str]) -> list[Standing]:
        """The city's standings in the ranking, in the categories asked (none: the overall ranking)."""
        return [s for s in self.standings.get(ranking.id, []) if s.city == city and s.category in (categories or [""])]

    def _scored_throughout(self, ranking: Ranking, city: str, categories: Sequence[str]) -> bool:
        return all(s.scores for s in self._of_city(ranking, city, categories))

    def _trend(self, ranking: Ranking, city: str, categories: Sequence[str]) -> TableReply | None:
        for category in categories or [""]:
            found = self._entry(trend_id(ranking.id, city, category))
            if found is not None:
                return found
        years = self._of_city(ranking, city, categories)
        return self._entry(entry_id(ranking.id, years[0].year, city, years[0].category)) if len(years) == 1 else None

    def _city_year(
        self, ranking: Ranking, city: str, year: int, ask: RankingAsk, categories: Sequence[str], *, explicit: bool
    ) -> TableReply | None:
        several = self._in_categories(ranking, city, year, categories)
        if len(several) > 1:
            return self._categories_of_year(several, ask)
        standing = self.standing(ranking, year, city, categories)
        if standing is None:
            return REFUSE
        found = self._entry(entry_id(ranking.id, year, city, standing.category))
        if found is None:
            return None
        if ask is RankingAsk.POINTS and not standing.scores:
            return TableReply(entry=found.entry, missing=AnswerType.POINTS)
        if ask in (RankingAsk.PLACE, RankingAsk.NTH) and not standing.places and explicit:
            return TableReply(entry=found.entry, missing=AnswerType.PLACE)
        return found

    def _every_category(self, ranking: Ranking, city: str, year: int, *, best: bool) -> TableReply | None:
        """A city's standings in each category of a year that the tables know, where they know two or more; of
        fewer, the sources do not give them (the reply tells what a text says of the subject). Its `best` category
        asked: the best place first, and an answer only where the tables know every category of that year (else
        the best may be one they lack, and the reply says what they know as such)."""
        held = self._categories_held(ranking, year)
        known = self._in_categories(ranking, city, year, sorted(held))
        if len(known) < 2:
            return REFUSE
        if not best:
            return self._categories_of_year(known, RankingAsk.PLACE)
        known.sort(key=lambda s: (s.place is None, s.place or 0))
        listed = self._categories_of_year(known, RankingAsk.PLACE)
        return listed if len(known) == len(held) else replace(listed, missing=AnswerType.PLACE)

    def _in_categories(self, ranking: Ranking, city: str, year: int, categories: Sequence[str]) -> list[Standing]:
        """A city's standings of one year in each of the categories asked that has one. A category renamed over
        the years ("Gesellschaft", since 2023 "Gesellschaft und Bildung") has one name in a year, so these are
        as many categories as the question names."""
        return [
            s
            for category in dict.fromkeys(categories)
            for s in self.standings.get(ranking.id, [])
            if s.year == year and s.city == city and s.category == category
        ]

    def _categories_of_year(self, picked: list[Standing], ask: RankingAsk) -> TableReply:
        """ "Welche Plätze hatte Düsseldorf 2022 in Verwaltung und Gesellschaft?": each category's standing, one
        after the other, of one city or of each category's holder; where points are asked and a category has none,
        that is what is missing."""
        texts = {
            lang: (
                " ".join(describe(s, lang, self.cite) for s in picked),
                messages.categories_title(
                    ", ".join(dict.fromkeys(s.city_in(lang) for s in picked)),
                    picked[0].ranking.name_in(lang),
                    picked[0].year,
                    [s.category_in(lang) for s in picked],
                    lang,
                ),
            )
            for lang in get_args(Lang)
        }
        unscored = ask is RankingAsk.POINTS and not all(s.scores for s in picked)
        return TableReply(composed=self._composed(picked, texts), missing=AnswerType.POINTS if unscored else None)

    def _compare_cities(
        self,
        ranking: Ranking,
        cities: list[str],
        year: int | None,
        categories: Sequence[str],
        *,
        points: bool,
        claim: tuple[str, bool] | None = None,
    ) -> TableReply | None:
        """Places of two or more cities in one year of one ranking or category (the latest year all of them
        have), or their scores where all are known by scores only; None where points are asked and a city has
        none. `claim` (`_claim`): a yes/no comparison, answered yes or no first."""

        def of_year(year: int) -> list[Standing]:
            return [s for city in cities if (s := self.standing(ranking, year, city, categories)) is not None]

        def placed(found: list[Standing]) -> list[Standing]:
            return [s for s in found if s.places]

        if year is None:
            years = sorted(self._years(ranking), reverse=True)
            year = next((y for y in years if len(placed(of_year(y))) == len(cities)), None)
            if year is None:
                return None
        found = of_year(year)
        picked = sorted(placed(found), key=lambda s: s.places[0])
        if len(picked) != len(cities):
            # Cities known by their scores only ("am unteren Ende: Magdeburg (38,5) und Bremerhaven (35,4)")
            # stand in the order of their scores, by which the index ranks them; the reply shows the scores.
            scored = [s for s in found if s.scores]
            if len(scored) != len(cities):
                return REFUSE
            picked = sorted(scored, key=lambda s: -s.scores[0])
        if points and not all(s.scores for s in picked):
            # "Wie viele Punkte lag Bochum hinter Köln?": places are no gap in points; a text may know it.
            return None
        texts = _compare_cities_text(picked, self.cite, points=points)
        said = {lang: (_verdict(picked, claim, lang) + text, title) for lang, (text, title) in texts.items()}
        return TableReply(composed=self._composed(picked, said))

    def _places_apart(self, ranking: Ranking, year: int, intent: RankingIntent) -> TableReply | None:
        """The holders of two places of a year and the points between them ("Wie viele Punkte trennten 2022 die
        Plätze vier und zehn?"). Ruled out where the tables lack a holder or a score: a text on the gaps between
        other places would answer it with theirs, and the reply shows it as the nearest."""
        holders = [self._holder(ranking, year, p, intent.categories) for p in (intent.place, intent.other)]
        cities = [h.city for h in holders if h is not None]
        if len(cities) < len(holders):
            return REFUSE
        return self._compare_cities(ranking, cities, year, intent.categories, points=True) or REFUSE

    def _compare_years(
        self,
        ranking: Ranking,
        city: str,
        years: tuple[int, int],
        categories: Sequence[str],
        *,
        points: bool,
        span: bool = False,
        by_points: bool = False,
    ) -> TableReply:
        """One city in two years (in a category): what each year says, and the difference where both give one
        value; with `span`, every year between is listed too. The later year's entry comes first: it carries
        the change. `by_points`: a comparison that names no places is told by the points where a place is
        missing."""
        found = [s for s in (self.standing(ranking, y, city, categories) for y in years) if s is not None]
        if not found:
            return REFUSE
        between = (self.standing(ranking, y, city, categories) for y in range(years[0] + 1, years[1]))
        listed = [*found, *(s for s in between if s is not None)] if span else found
        text = _compare_years_text(found, years, self.cite, points=points, listed=listed)
        composed = self._composed(listed, text, latest_first=True)
        # A year missing, or one without the value asked ("keine Punktzahl bekannt"): the source does not say.
        told = all(s.scores if points else s.places for s in found) or (by_points and all(s.scores for s in found))
        if len(found) < 2 or not told:
            return TableReply(composed=composed, missing=AnswerType.POINTS if points else AnswerType.PLACE)
        return TableReply(composed=composed)

    def _extreme(self, ranking: Ranking, city: str, categories: Sequence[str], *, best: bool) -> TableReply | None:
        """A city's best (or worst) place over the years, with every year it held it. A year whose sources
        disagree counts with its best (or worst) version, and the reply names both. A category's names over the
        years ("Gesellschaft", "Gesellschaft und Bildung") are one category."""
        named = categories or [""]
        placed = [s for s in self.standings.get(ranking.id, []) if s.city == city and s.category in named and s.places]
        if not placed:
            return None
        value = min if best else max
        place = value(value(s.places) for s in placed)
        picked = sorted((s for s in placed if value(s.places) == place), key=lambda s: s.year)
        return TableReply(composed=self._composed(picked, _extreme_text(picked, self.cite, best=best)))

    def _times(self, ranking: Ranking, city: str, years: Sequence[int], intent: RankingIntent) -> TableReply | None:
        """How often a city held a place (or made the top list down to it), over the editions the tables hold or
        the span asked. A year counts where every source's place fits; a year without its place is known not to
        where the tables give every place asked to other cities, else it is named as not known (so are years
        whose sources disagree on whether it fits)."""
        place = intent.place or 1
        held = self.standings.get(ranking.id, [])
        rows = [s for s in held if s.category in (intent.categories or ("",))]
        # Every edition of the ranking: one with no row of the category asked is a year not known, not none. A
        # run asked up to one year ("bis 2022") ends there.
        first_year = years[0] if len(years) > 1 else 0
        editions = sorted({s.year for s in held if not years or first_year <= s.year <= years[-1]})
        wanted = set(range(1, place + 1)) if intent.top else {place}
        counted: list[Standing] = []
        unknown: list[int] = []
        for year in editions:
            of_year = [s for s in rows if s.year == year]
            own = next((s.places for s in of_year if s.city == city), [])
            fitting = [p in wanted for p in own]
            if own and all(fitting):
                counted.extend(s for s in of_year if s.city == city)
            elif any(fitting) or (not own and not wanted <= {s.place for s in of_year if s.place is not None}):
                # Another city's disputed place (Bochum 2019: 32 or 39) tells neither place taken.
                unknown.append(year)
        mine = [s for s in rows if s.city == city and s.year in editions]
        if intent.first and mine and (counted or unknown):
            # Where it never held the place, how often it did says so.
            return self._first_held(ranking, counted, unknown, editions, intent)
        if not editions or not mine or (unknown and not counted) or (intent.streak and unknown):
            return None
        # The years that count; of a run, every longest one.
        groups = _longest_runs(counted, editions) if intent.streak else [counted] if counted else []
        picked = [s for group in groups for s in group]
        first = mine[0]
        text: dict[Lang, tuple[str, str]] = {}
        for lang in get_args(Lang):
            shown = (" und " if lang == "de" else " and ").join(
                ", ".join(f"{s.year} ({s.place_text(lang, self.cite)})" if intent.top else str(s.year) for s in group)
                for group in groups
            )
            city_named, within, category = first.city_in(lang), ranking.within(lang), first.category_in(lang)
            said = (
                messages.times_at_least(
                    city_named, within, unknown, lang, shown=shown, place=place, top=intent.top, category=category
                )
                if unknown
                else messages.times_held(
                    city_named,
                    within,
                    f"{editions[0]}–{editions[-1]}" if len(editions) > 1 else str(editions[0]),
                    lang,
                    count=len({s.year for s in groups[0]}) if groups else 0,
                    shown=shown,
                    place=place,
                    top=intent.top,
                    category=category,
                    in_a_row=intent.streak,
                )
            )
            text[lang] = (said, f"{city_named} ({_ranking_named(first, lang)})")
        # Some years left open: how often is not known, what is known is said as such.
        return TableReply(composed=self._composed(picked or mine, text), missing=AnswerType.COUNT if unknown else None)

    def _first_held(
        self, ranking: Ranking, counted: list[Standing], unknown: list[int], editions: list[int], intent: RankingIntent
    ) -> TableReply | None:
        """The first year a city held a place or made a top list (`counted`, in the order of the years), where no
        year before it is left open (`unknown`); otherwise the tables cannot tell, and a text on the city is shown
        as what the sources say (not as the answer: it may be of another category or ranking)."""
        if not counted or any(earlier < counted[0].year for earlier in unknown):
            return REFUSE
        year = counted[0].year
        first = [s for s in counted if s.year == year]
        held = first[0]
        text = {
            lang: (
                messages.first_held(
                    held.city_in(lang),
                    ranking.within(lang),
                    lang,
                    year=year,
                    shown=held.place_text(lang, self.cite),
                    place=intent.place or 1,
                    top=intent.top,
                    category=held.category_in(lang),
                    earliest=year == editions[0],
                    first_edition=ranking.first_edition is not None and ranking.first_edition.year == year,
                ),
                f"{held.city_in(lang)} ({_ranking_named(held, lang)})",
            )
            for lang in get_args(Lang)
        }
        return TableReply(composed=self._composed(first, text))

    def _rankings_of(self, city: str) -> TableReply | None:
        """A city's best known place in each ranking that lists it (overall), and the categories it came first in,
        with the years; years whose sources disagree on the place (or say so in a note) are left out, so no place
        is claimed that one source denies."""
        best: list[list[Standing]] = []
        for items in self.standings.values():
            mine = [s for s in items if s.city == city and s.place is not None and not s.contested]
            for category in dict.fromkeys(s.category for s in mine):
                placed = [s for s in mine if s.category == category]
                place = min(s.place or 0 for s in placed)
                if category and place != 1:
                    continue  # of the categories, only the wins: every category's best would drown the answer
                best.append(sorted((s for s in placed if s.place == place), key=lambda s: s.year))
        if not best:
            return None
        best.sort(key=lambda picked: (picked[0].place or 0, picked[0].ranking.name))
        text: dict[Lang, tuple[str, str]] = {}
        for lang in ("de", "en"):
            parts = [
                f"{_ranking_named(p[0], lang)}: {messages.place_words(p[0].place or 0, lang)} "
                f"({', '.join(str(s.year) for s in p)})"
                for p in best
            ]
            name = best[0][0].city_in(lang)
            text[lang] = (messages.rankings_of(name, parts, lang), name)
        return TableReply(composed=self._composed([s for picked in best for s in picked], text))

    def _composed(
        self, picked: list[Standing], text: dict[Lang, tuple[str, str]], *, latest_first: bool = False
    ) -> Composed:
        ordered = sorted(picked, key=lambda s: -s.year) if latest_first else picked
        ids = [entry_id(s.ranking.id, s.year, s.city, s.category) for s in ordered]
        found = self.knowledge.entries(ids)
        return Composed(
            texts=text,
            entries=[found[i] for i in ids if i in found],
            # Rows of several cities often quote the same sentence ("… Bonn (62,4), Köln (62,3) …"): once.
            passages=list(
                dict.fromkeys(Passage(text=r.quote, source_url=r.source_url) for s in picked for r in s.rows)
            ),
            source_url=picked[0].rows[0].source_url,
            sources_differ=any(s.sources_differ for s in picked),
        )


def _held_down_to(of_year: Sequence[Standing], place: int) -> bool:
    """Whether a year's standings hold every place down to `place` (with ties too, as many cities as places),
    and no city there by places that sources give on both sides of it (which could hide one more)."""
    held = [s for s in of_year if s.places and s.places[0] <= place]
    return all(s.places[-1] <= place for s in held) and len(held) >= place


def _longest_runs(counted: list[Standing], editions: Sequence[int]) -> list[list[Standing]]:
    """The longest runs of editions in a row among those counted, earliest first; a year's several standings (a
    category's names) stay together."""
    position = {year: i for i, year in enumerate(editions)}
    runs: list[list[int]] = []
    for year in sorted({s.year for s in counted}):
        if runs and position[year] == position[runs[-1][-1]] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    longest = max((len(r) for r in runs), default=0)
    return [[s for s in counted if s.year in run] for run in runs if len(run) == longest]


def _claim(question: Question) -> tuple[str, bool] | None:
    """For a yes/no comparison of two cities ("War Bochum 2021 besser als Bonn?"), the city it names first and
    whether it claims that city ahead; None for any other question."""
    claim = claims_ahead(fold(question.text))
    asks_yes_or_no = question.yes_no or claim_checked(question.text) is not None
    if claim is None or len(question.cities) != 2 or not asks_yes_or_no:
        return None
    named = {city_tag(c): c for c in question.cities}
    first = next((named[t.slot] for t in question.terms if t.slot in named), None)
    return (first, claim) if first is not None else None


def _verdict(picked: list[Standing], claim: tuple[str, bool] | None, lang: Lang) -> str:
    """`Ja.`/`Nein.` for a claim on two cities ranked best first, where their places (or, for cities known by
    scores only, their scores) differ; else nothing."""
    if claim is None or len(picked) != 2:
        return ""
    ahead, behind = picked
    # Places the sources disagree on still decide where all of one city's lie before the other's.
    by_place = bool(ahead.places and behind.places) and max(ahead.places) < min(behind.places)
    by_score = not ahead.places and len(ahead.scores) == len(behind.scores) == 1 and ahead.scores != behind.scores
    if not (by_place or by_score):
        return ""
    first, claimed_ahead = claim
    return messages.yes_or_no((ahead.city == first) == claimed_ahead, lang) + " "


def _ranking_named(s: Standing, lang: Lang, year: int | None = None) -> str:
    """`Bitkom Smart City Index 2021, Mobilität`: the ranking of a title, with its year and category if any."""
    named = s.ranking.name_in(lang) + (f" {year}" if year is not None else "")
    return named + (f", {s.category_in(lang)}" if s.category else "")


def _compare_cities_text(picked: list[Standing], cite: Citations, *, points: bool) -> dict[Lang, tuple[str, str]]:
    """Each city's standing; for points asked of two cities, the gap between them too."""
    return {
        lang: (
            " ".join([*(describe(s, lang, cite) for s in picked), *([_gap(picked, lang)] if points else [])]).strip(),
            " – ".join(s.city_in(lang) for s in picked) + f" ({_ranking_named(picked[0], lang, picked[0].year)})",
        )
        for lang in ("de", "en")
    }


def _gap(picked: list[Standing], lang: Lang) -> str:
    """`Hamburg hatte 4,8 Punkte mehr als München.`, where two cities give one score each."""
    if len(picked) != 2 or any(len(s.scores) != 1 for s in picked):
        return ""
    ahead, behind = sorted(picked, key=lambda s: -s.scores[0])
    gap = ahead.scores[0] - behind.scores[0]
    value = format_value(ahead.ranking, gap, lang) if gap else ""
    return messages.score_gap(ahead.city_in(lang), behind.city_in(lang), value, lang)


def _extreme_text(picked: list[Standing], cite: Citations, *, best: bool) -> dict[Lang, tuple[str, str]]:
    first = picked[0]
    out: dict[Lang, tuple[str, str]] = {}
    for lang in ("de", "en"):
        if all(s.place is not None for s in picked):
            shown = f"{first.place_text(lang, cite)} ({', '.join(str(s.year) for s in picked)})"
        else:
            shown = "; ".join(f"{s.year}: {s.place_text(lang, cite)}" for s in picked)
        text = messages.extreme_place(
            first.city_in(lang), first.ranking.within(lang), shown, lang, category=first.category_in(lang), best=best
        )
        out[lang] = (text, f"{first.city_in(lang)} ({_ranking_named(first, lang)})")
    return out


def _value(s: Standing, lang: Lang, cite: Citations, *, points: bool) -> str:
    if points:
        return s.score_text(lang, cite) if s.scores else messages.unknown_value(lang, points=True)
    if not s.places:
        return messages.unknown_value(lang, points=False)
    # Places with their scores, as a course shows them: a place held is no standstill where the points moved.
    place = s.place_text(lang, cite)
    if not s.scores:
        return place
    # "Platz 39 (WAZ, 2021), 48,8 Punkte": a place naming its sources is not read as scored by them.
    return f"{place}, {s.score_text(lang, cite)}" if place.endswith(")") else f"{place} ({s.score_text(lang, cite)})"


def _disagrees(note: str, change: float) -> bool:
    """Whether a note names a change in points other than `change` (a tenth apart at least)."""
    found = _POINTS_NOTE.search(note)
    return found is not None and abs(float(found.group(1).replace(",", ".")) - change) >= 0.05


def _difference(found: list[Standing], lang: Lang, *, points: bool) -> str:
    """`2021 lag Bonn 9 Plätze besser als 2020.`, where both years give one value each."""
    old, new = found
    if points:
        if len(old.scores) != 1 or len(new.scores) != 1:
            return ""
        delta = new.scores[0] - old.scores[0]
        value = format_value(new.ranking, abs(delta), lang)
        difference = messages.score_difference(new.city_in(lang), new.year, old.year, value, delta=delta, lang=lang)
        # A source stating another change than the two scores give (Hamburg 2025: 86,2 → 89,6, "plus 5,7"):
        # both are said, as the sources differ.
        # A note's change is on the year before: no other change than that of two years in a row.
        adjacent = new.year == old.year + 1
        noted = [n for r in new.rows if adjacent and (n := r.note_in(lang)) and _disagrees(n, abs(delta))]
        return difference + (" " + messages.noted_change(noted[0], new.year, lang) if noted else "")
    if not old.places or not new.places:
        return ""
    gained = sorted({o - n for o in old.places for n in new.places})
    if len(gained) == 1:
        return messages.place_difference(new.city_in(lang), new.year, old.year, gained=gained[0], lang=lang)
    if len(gained) > 2 or gained[0] * gained[-1] <= 0:
        return ""  # sources differ on both years, or on whether it rose at all: the places above tell
    unsure = old.year if len(old.places) > 1 else new.year
    return messages.place_differences(new.city_in(lang), new.year, old.year, gained, unsure=unsure, lang=lang)


def _compare_years_text(
    found: list[Standing], years: tuple[int, int], cite: Citations, *, points: bool, listed: list[Standing]
) -> dict[Lang, tuple[str, str]]:
    """Under the later year's category: a category renamed between the years is still one. `listed`: the
    standings to show, the two years' and, for a span, those between (years between without one are left
    out; a year asked without one is said to be missing)."""
    ranking, latest = found[0].ranking, found[-1]
    by_year = {s.year: s for s in listed}
    shown = sorted({*years, *by_year})
    out: dict[Lang, tuple[str, str]] = {}
    for lang in ("de", "en"):
        parts = []
        for year in shown:
            s = by_year.get(year)
            if s is None:
                parts.append(f"{year}: {messages.not_in_sources(lang)}")
            else:
                parts.append(f"{year}: {_value(s, lang, cite, points=points)}")
        city = found[0].city_in(lang)
        lead = messages.trend_lead(city, ranking.within(lang), lang, latest.category_in(lang))
        text = f"{lead}: " + "; ".join(parts) + "."
        if len(found) == 2:
            # "Hat sich Hamburg 2024 verbessert?" on the same place: the points tell what the places do not.
            differences = (
                _difference(found, lang, points=points),
                "" if points else _difference(found, lang, points=True),
            )
            text += "".join(f" {d}" for d in differences if d)
        title = f"{city} {years[0]}/{years[1]} ({_ranking_named(latest, lang)})"
        out[lang] = (text, title)
    return out
