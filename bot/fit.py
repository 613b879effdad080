"""Whether an entry gives what a question asks: the kind of answer, of the city, year and ranking asked, and not
merely the words. A text near a question may still not answer it: a memo "für Oberbürgermeister Eiskirch" does not
say when he took office, a list of the cities that left the top 10 does not say who fell furthest. `Fit` holds
these judgements; the answerer asks it of its best entries and decides with the confidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.folding import fold
from bot.models import AnswerType, Entry, Kind, RankingView
from bot.search.confidence import NOT_COUNTED
from bot.tables import Tables, asks_latest
from bot.understand.answer_types import (
    SENTENCE_END,
    around_someone_named,
    asked_type,
    asks_first_place,
    asks_how_often,
    asks_money,
    asks_next,
    asks_since,
    asks_the_most,
    asks_until,
    asks_winner,
    change_statements,
    continued_sentences,
    counts,
    counts_a_share,
    counts_cities,
    counts_something,
    dated_and_referred,
    figure_clauses,
    figure_years,
    given_types,
    gives_a_day,
    gives_frequency,
    gives_money,
    gives_time_for,
    has_figures,
    lacks_the_lead,
    mentions,
    names_only_as_title,
    names_only_the,
    names_person,
    names_place,
    questions_in,
    reports_speech,
    respectively,
    role_become,
    speaker_asked,
    sums_up,
    tells_a_change,
    tells_a_start,
    tells_an_end,
    tells_an_extreme,
    tells_what_comes,
    without_closing,
)
from bot.understand.content import noun_phrases, nouns
from bot.understand.countries import countries_named
from bot.understand.identity import describes, may_ask_what_it_is, thing_asked, titled_by
from bot.understand.language import detect_language
from bot.understand.normalize import city_token, ranking_tag, ranking_token
from bot.understand.question import GENERIC_RANKING, Question, Understander
from bot.understand.ranking import (
    RankingAsk,
    RankingIntent,
    asks_a_standing,
    asks_which_category,
    counts_places,
    names_done_with,
    ordinal_things,
    outside_bounds,
    superlative,
)


def asks_a_change(question: Question) -> bool:
    """Whether a ranking question asks how much a city gained or lost in one year ("Wie viele Punkte legte Bochum
    2024 zu?"): the tables answer it where they know the year before; a text must say so itself."""
    intent = question.ranking
    return intent is not None and intent.ask is RankingAsk.CHANGE and len(question.years) == 1


def texts_of(entry: Entry) -> list[str]:
    """Every text of an entry: its questions, its answers in both languages and its passages."""
    return [*entry.questions, entry.answer, entry.answer_en or "", *(p.text for p in entry.passages)]


@dataclass(frozen=True)
class Fitting:
    """What `Fit.judge` finds of an entry for a question."""

    gives: bool  # it gives the kind of answer asked, of what was asked
    # It is on a ranking of states, for a question asking which city: not offered at all.
    set_aside: bool
    # Its numbers count other things than asked, or the thing in other words: offered, not said to be absent.
    count_unsure: bool


# The verb that opens a yes/no question and its subject's article: what follows is its subject.
_OPENING = re.compile(r"^\W*\w+\s(?:(?:der|die|das|the)\s)?\w+\b")

READINGS_KEPT = 4096  # entries whose readings (nouns, what-is questions) are kept, per cache (`_kept`)
K = TypeVar("K")
V = TypeVar("V")

_WHO_OF_ALL = frozenset((RankingAsk.NTH, RankingAsk.LAST, RankingAsk.TOP))  # asked of every city ranked

# Cities or states spoken of in general.
_PLACES = re.compile(r"\b(?:\w*stadt|\w*staedte|\w*staedten|cit(?:y|ies)|bundeslaender\w*|states?)\b")

# "Smart City" names a concept, an index, an app, a programme: no city ("Die Platzierungen des Smart City Index 2024
# wurden am 16. September veröffentlicht" names none).
_SMART_CITY = re.compile(r"\bsmart[\s-]?cit(?:y|ies)\b")

# "Wer ist …?" and "Wie heißt der Oberbürgermeister?" both ask for someone.
_WHO_KINDS = frozenset({AnswerType.PERSON, AnswerType.NAME})


def _asks_most_change(question: Question) -> bool:
    """Whether a ranking question asks which city gained or lost the most ("Wer machte den größten Sprung?")."""
    intent = question.ranking
    changes = intent is not None and intent.ask is RankingAsk.CHANGE
    return changes and not question.cities and asks_the_most(question.text)


# "andere Städte", "other cities", "außer Bochum": asks for cities besides the ones named.
_OTHER = re.compile(r"\b(?:andere[mnrs]?|other|ausser|besides|except|apart\sfrom|aside\sfrom)\b")


def _asks_another(question: Question) -> bool:
    """Whether the question asks for another city than the ones it names: who came next to one, or others."""
    intent = question.ranking
    neighbour = intent is not None and intent.ask in (RankingAsk.NEIGHBOUR, RankingAsk.AHEAD)
    return neighbour or bool(_OTHER.search(fold(question.text)))


def _asks_whom(question: Question) -> bool:
    """Whether the question asks who, or which city or state."""
    return question.answer_type in _WHO_KINDS or question.which_city or question.which_state


# What follows a publisher's name where it is the first word of its ranking's name or of the ranking's figures
# ("Bitkom Smart City Index", "Bitkom-Ranking", "Bitkom federal states digital index", "its Bitkom score").
_OF_THE_RANKING = r"(?![\s-]*(?:\w+[\s-]+){0,3}(?:smart|\w*ranking|\w*index|score|punkt\w*|platz\w*|rang\w*))"


def _names_maker(text: str, word: str) -> bool:
    return bool(re.search(rf"\b{re.escape(word)}\b{_OF_THE_RANKING}", text))


def _names_maker_by(text: str, word: str) -> bool:
    return bool(
        re.search(rf"(?:\b(?:vom|von|by|durch)\s|\()(?:[\w-]+[\s/]){{0,2}}?{re.escape(word)}\b{_OF_THE_RANKING}", text)
    )


_RANKING_WORDS = re.compile(r"\b(?:\w*ranking\w*|\w*index\w*|indices|bitkom|rangliste\w*)\b")


def _of_the_ordinal_asked(entry: Entry, question: Question) -> bool:
    """Whether the entry counts what the question counts by ordinal as one asked, where it counts it at all: "Wie
    viel Geld bekam Bochum in der zweiten Staffel?" is not answered by a text on the third. A yes-no question is:
    "War Bochum in der zweiten Staffel dabei?" (no, in the third)."""
    if question.answer_type is AnswerType.YESNO:
        return True
    asked = ordinal_things(question.text)
    if not asked:
        return True
    said = ordinal_things(" ".join(texts_of(entry)))
    # Every thing asked that the entry counts at all, it counts by one of the ordinals asked of it.
    return {t for _, t in asked} & {t for _, t in said} <= {t for _, t in asked & said}


def _speaks_of_rankings(entry: Entry) -> bool:
    """Whether the entry is about a ranking: tagged with one, an FOI answer (the requests ask about rankings), or
    its text names one (the app's entry quotes "vom Bitkom abgefragten Maßnahmen")."""
    if entry.tags.rankings or entry.kind is Kind.FOI_ANSWER:
        return True
    return any(_RANKING_WORDS.search(fold(text)) for text in texts_of(entry))


def _kept(store: dict[K, V], key: K, make: Callable[[], V]) -> V:
    """What `make` gives for `key`, made once and kept in `store` (emptied when it holds READINGS_KEPT)."""
    known = store.get(key)
    if known is None:
        known = make()
        if len(store) >= READINGS_KEPT:
            store.clear()
        store[key] = known
    return known


def _ranking_names(question: Question) -> set[str]:
    """The words, as written (folded), by which a question names each of its rankings ("prognos zukunftsatlas")."""
    tags = {ranking_tag(r) for r in question.rankings}
    return {t.surface for t in question.terms if t.slot in tags}


class Fit:
    """Judges whether entries give what questions ask, with the readings of entries it keeps between questions."""

    def __init__(self, understander: Understander, tables: Tables) -> None:
        self.understander = understander
        self.tables = tables
        self.states_rankings = frozenset(r.id for r in tables.rankings.values() if r.states)
        self.states = tables.listed(self.states_rankings)
        # A text of a city ranking naming a region speaks of that state's cities (or of a city in it, which
        # `_names_holder` then asks to name the place).
        self.regions = tables.regions
        self._nouns_of: dict[tuple[str, ...], frozenset[str]] = {}
        self._what_it_is_named: dict[tuple[str, ...], tuple[frozenset[str], ...]] = {}
        self._defined_of: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}

    def judge(self, entry: Entry, question: Question) -> Fitting:
        """Whether the entry gives what the question asks (see `Fitting`)."""
        aside = self._of_states(entry, question)
        count = self._count_given(entry, question)
        gives = (
            (
                question.answer_type in given_types(entry)
                # "Wie oft wird das Ranking erstellt?" counts times: "jährlich" tells them, with no number.
                or (asks_how_often(question.text) and gives_frequency(entry))
                or self._names_holder(entry, question)
                or self._names_winner(entry, question)
                or self._names_cities_ahead(entry, question)
                or self.names_person(entry, question)
                # "Der Bitkom erstellt aus den abgefragten Daten ein Ranking": who makes it, in a text of no who.
                or (question.who_makes and self._names_a_publisher(entry, question))
            )
            and gives_time_for(entry, question.answer_type, question.years, since=asks_since(question.text))
            # What the question asks first: the entry's answer is read only for the questions it concerns.
            and (not asks_since(question.text) or tells_a_start(entry))
            # "Wann wurde Eiskirch Oberbürgermeister?" is not answered by a memo "für Oberbürgermeister Eiskirch".
            and not (
                (became := role_become(question.text)) and names_only_as_title(entry.answer_in(question.lang), became)
            )
            and (not asks_until(question.text) or tells_an_end(entry))
            and (not asks_money(question.text, question.counted) or gives_money(entry))
            and (not asks_how_often(question.text) or gives_frequency(entry))
            # "Did Bochum pay Bitkom?" is not answered by a text naming Bitkom only in its index's name.
            and not (
                question.answer_type is AnswerType.YESNO
                and self.asks_of_the_publisher(question)
                and not self._names_a_publisher(entry, question)
            )
            # "Was hat Eiskirch zum Vermerk gesagt?" is not answered by a text on the memo that reports no words.
            and (not self._asks_someones_words(question) or reports_speech(entry))
            # "Welche Ruhrgebietsstadt war 2019 am besten?" is not answered by the last of them, nor the reverse.
            and not self._other_end(entry, question)
            # "Wer ist 2023 am stärksten abgestürzt?" is not answered by a list of the cities that left the top 10.
            and not (_asks_most_change(question) and not tells_an_extreme(entry))
            and (not asks_a_change(question) or tells_a_change(entry, points=question.answer_type is AnswerType.POINTS))
            # "Wie viele Plätze hat Bochum 2021 gemacht?" is not answered by a text naming Bochum's place alone.
            and (not counts_places(fold(question.text), asked=True) or tells_a_change(entry))
            and (not asks_next(question.text) or tells_what_comes(entry))
            and self.figure_for_cities(entry, question)
            # "Welche NRW-Stadt war 2024 in der Mobilität vorn?" is not answered by the NRW cities' overall places,
            # nor "which category was Gelsenkirchen good in" by its overall place.
            and not (self.asks_of_categories(question) and self.categories_not_named(entry, question))
            and not (asks_which_category(fold(question.text)) and not self._categories_named(entry))
            and self._day_of_the_thing(entry, question)
            and count is True
            # A ranking question of a year is not answered by a text of no year ("die jüngste Ausgabe").
            and not (question.ranking and question.years and not entry.tags.years)
            # "Hat Bochum Geld für das Ranking bekommen?" is not answered by the money of a funding programme.
            and not (question.implied_ranking and not _speaks_of_rankings(entry))
            and not self._of_a_region(entry, question)
            # "Wer steckt hinter dem Smart City Index?" is not answered by a text on who came last: its "who" is a city.
            and not self._asks_who_made(question, entry)
            # "Wer war 2023 erstmals in den Top 10?" is not answered by 2023's top ten alone.
            and not (question.newcomers and entry.ranking_ref is not None and entry.ranking_ref.view is RankingView.TOP)
            # "What does Bonn do with its ranking results?" is not answered by Bonn's place.
            and not (question.done_with and not self.asks_what_is_done(entry))
            # "Was ist der Deutschland-Index?" is not answered by one edition's figures, nor "What is Bitkom?" by
            # what its index is.
            and not (
                question.what_it_is
                and (not self._tells_what_it_is(entry, question) or self._named_by_its_publisher(question))
            )
            # "Was ist das OZG?" is not answered by a text on Cologne's "OZG-Leistungen".
            and (question.defined is None or self.defines(entry, question))
            # "Wer war vor Kücük CDO?" is not answered by a text on Kücük.
            and not (question.answer_type in _WHO_KINDS and around_someone_named(entry, question.text, question.cities))
            # Who runs a ranking is who makes it ("Who runs the eGovernment Monitor?"), not who heads a unit.
            and not (
                question.answer_type in _WHO_KINDS and not question.who_makes and lacks_the_lead(entry, question.text)
            )
            # "Welches Bundesland gewann …?" is not answered by a text on who came last.
            and not (_asks_whom(question) and asks_winner(question.text) and not names_place(entry, False, 1))
            # "Wer ist Nummer 1 im Digital-Index Ruhr?" is not answered by what the index rates.
            and not (
                question.ranking is not None
                and question.ranking.ask is RankingAsk.NTH
                and not names_place(entry, False, question.ranking.place or 1)
            )
            # "Wer war vor 2020 Sieger?" is not answered by 2022's top list.
            and not outside_bounds(fold(question.text), entry.tags.years)
            # "Welche Stadt …?" is not answered by a text that names none (the index's five categories), nor, asked
            # for another than the one city named ("Welche Stadt lag 2022 vor Bochum?"), by one that names no other.
            and not (
                self._asks_which_place(question)
                and not self._names_a_place(
                    entry, question.cities, another=_asks_another(question), of_states=question.which_state
                )
            )
            and not aside
            and self._of_countries_asked(entry, question)
            and _of_the_ordinal_asked(entry, question)
        )
        return Fitting(gives, aside, count is None)

    @staticmethod
    def _of_countries_asked(entry: Entry, question: Question) -> bool:
        """Whether the entry names every country but Germany the question names: "Welcher Anteil der Onliner nutzte
        2018 E-Government in Österreich?" is not answered by the share in Germany, nor "Austria or the US?" by a text
        on Austria alone."""
        asked = countries_named(question.text)
        return not asked or asked <= countries_named(" ".join([entry.title, entry.title_en or "", *texts_of(entry)]))

    @staticmethod
    def asks_what_is_done(entry: Entry | None) -> bool:
        """Whether one of the entry's own questions or phrasings asks what is done with a ranking or its result."""
        return entry is not None and any(names_done_with(fold(q)) for q in (*entry.questions, *entry.phrasings))

    def asked_nouns(self, question: Question, entries: Sequence[Entry]) -> set[str]:
        """The question's nouns, as folded words: as written with a capital; in English (which writes only names
        so) also the words of its terms that the entries' German texts write as nouns ("concept" of "Did Bochum pay
        consultants for its smart city concept?", read as "Smart-City-Konzept"; not "pay", read as "bezahlt")."""
        written = nouns(question.text)
        if detect_language(question.text) != "en":
            return written
        named = {t for entry in entries for t in self._noun_tokens(entry)}
        return written | {w for t in question.terms if t.slot is None and t.token in named for w in t.surface.split()}

    def _noun_tokens(self, entry: Entry) -> frozenset[str]:
        """The tokens of the nouns the entry's questions, answer and passages write (`noun_phrases`), read once per
        wording."""
        texts = (*entry.questions, entry.answer, *(p.text for p in entry.passages))
        analyze = self.understander.normalizer.analyze
        return _kept(
            self._nouns_of,
            texts,
            lambda: frozenset(t for text in texts for phrase in noun_phrases(text) for t in analyze(phrase).tokens),
        )

    @staticmethod
    def names_person(entry: Entry, question: Question) -> bool:
        """Whether the entry names who a question not about a ranking's places asks for (`names_person`)."""
        return question.ranking is None and question.answer_type in _WHO_KINDS and names_person(entry, question.text)

    def _names_holder(self, entry: Entry, question: Question) -> bool:
        """Whether the entry may name who held the place asked in a year ("Wer war Letzter im Länderindex
        2024?"): the one "who" a text may answer, as the holder is a city or state its short answer names. That
        the entry is of that year, the slot guard and the rule for texts of no year (in `judge`) see to."""
        intent = question.ranking
        if intent is None or intent.ask not in (RankingAsk.NTH, RankingAsk.LAST, RankingAsk.TOP):
            return False
        # With no year, the latest edition is meant: a text of one year, the latest its ranking's tables know.
        if not question.years and (question.cities or not asks_latest(question) or not self._of_latest_edition(entry)):
            return False
        # The text must name the place too: "Bochum … die smarteste Stadt im Ruhrgebiet" names no last place. A
        # top list ("Welche Länder führen …?") is the first place and more than one holder ("an der Spitze lagen
        # Hamburg, Berlin und Bremen").
        named = self.understander.normalizer.analyze(entry.answer).cities
        if intent.ask is RankingAsk.TOP:
            return names_place(entry, False, 1) and len(named) > 1
        return names_place(entry, intent.ask is RankingAsk.LAST, intent.place or 1) and bool(named)

    def _names_winner(self, entry: Entry, question: Question) -> bool:
        """Whether the entry names who came first, as a who-question that the ranking grammar does not read asks
        ("Wer hat 2015 die PwC-Studie zum Vergleich der Großstädte gewonnen?"): its "who" is the city or state in
        first place. The entry must be of the year asked, or with none asked, of its ranking's latest edition."""
        if question.ranking is not None or question.answer_type not in _WHO_KINDS:
            return False
        if not asks_first_place(question.text):
            return False
        if question.years and not question.years <= set(entry.tags.years):
            return False
        if not question.years and not self._of_latest_edition(entry):
            return False
        return names_place(entry, False, 1) and bool(self.understander.normalizer.analyze(entry.answer).cities)

    def _names_cities_ahead(self, entry: Entry, question: Question) -> bool:
        """For every city ahead of one ("Welche Städte lagen im c't-Ranking vor Bonn?"), whether the entry's short
        answer puts the city behind others ("belegte Bonn hinter Nürnberg und Bremen den dritten Platz"); a text
        naming cities it came ahead of ("noch vor Stuttgart und Berlin") does not say which were ahead."""
        intent = question.ranking
        if intent is None or intent.ask is not RankingAsk.AHEAD:
            return False
        analyze = self.understander.normalizer.analyze
        for text in (entry.answer, entry.answer_en):
            folded = fold(text or "")
            others = analyze(text or "").cities - question.cities
            if any(
                re.search(rf"\b(?:hinter|behind)\s(?:[\w.-]+\s){{0,3}}?{re.escape(fold(c))}\b", folded) for c in others
            ):
                return True
        return False

    @staticmethod
    def _other_end(entry: Entry, question: Question) -> bool:
        """Whether a question asking for the best or the worst meets an entry that speaks only of the other end."""
        extreme = superlative(fold(question.text), of_all=True)
        if extreme is None:
            return False
        return names_only_the(entry, top=extreme is RankingAsk.WORST)

    def _asks_who_made(self, question: Question, entry: Entry) -> bool:
        """Whether a who-question about a ranking itself meets an entry that does not say who makes it: for a
        question that asks only that ("Wer gibt den Deutschland-Index heraus?"), one that does not name the
        publisher; for any other with no city, year or standing asked ("Who is behind the index?"), one whose every
        who-question asks who held a place, so that the someone it names is a city."""
        if question.who_makes:  # "Wer gibt den Deutschland-Index heraus?": only its publisher answers
            return not self._names_a_publisher(entry, question)
        if question.answer_type is not AnswerType.PERSON or question.ranking or question.cities or question.years:
            return False
        if not question.rankings or asks_a_standing(t.token for t in question.terms):
            return False
        if self._names_a_publisher(entry, question):
            return False  # "Für die dritte Ausgabe untersuchte Haselhorst Associates …" says who made it
        understand = self.understander.understand
        asking = [q for q in entry.questions if asked_type(q) is AnswerType.PERSON]
        return bool(asking) and all(understand(q).ranking is not None for q in asking)

    def _asks_someones_words(self, question: Question) -> bool:
        """Whether a question asks what a person said or thinks: not a city, ranking or text ("What did Bochum say
        about consultants?" asks what its answer says)."""
        speaker = speaker_asked(question.text)
        if speaker is None:
            return False
        # A city's or ranking's name alone ("Bochum", "the Digital-Index Ruhr"); "Bochum's mayor" is someone.
        named = self.understander.normalizer.analyze(speaker)
        names = {city_token(c) for c in named.cities} | {ranking_token(r) for r in named.rankings}
        return any(t not in names for t in named.tokens)

    def _tells_what_it_is(self, entry: Entry, question: Question) -> bool:
        """Whether the entry tells what a ranking the question names is: a text of that ranking that describes
        it, or one whose own questions ask what it is."""
        if not question.rankings & set(entry.tags.rankings):
            return False
        return describes(entry, question.lang, self._names_a_ranking) or self.asks_what_it_is(entry, question)

    def defines(self, entry: Entry, question: Question) -> bool:
        """Whether the entry is about the thing a question asks to be defined (`Question.defined`): its title, in
        the question's language, names it as a thing of its own, or one of its own questions asks what it is."""
        thing = question.defined
        if thing is None:
            return False
        # In the language the question is written in, which the reply's need not be ("Was ist das
        # Bürgerserviceportal?" asked in an English chat).
        # An entry without an English title is read by its German one, by German's rule.
        title, english = entry.title, False
        if entry.title_en and (detect_language(question.text) or question.lang) == "en":
            title, english = entry.title_en, True
        if titled_by(title, self.understander.normalizer.analyze(title), thing, english=english):
            return True
        return thing.tokens in self._defined_by(entry)

    def _defined_by(self, entry: Entry) -> tuple[tuple[str, ...], ...]:
        """The tokens of what each of the entry's own questions asks to be defined. Read once per wording: a
        what-is question tries up to the answerer's `WIDER_SEARCH` entries, and understanding each of their
        questions anew cost a quarter of a second at 10k entries."""
        understand = self.understander.understand

        def defined() -> tuple[tuple[str, ...], ...]:
            # Only a question worded as asking what a thing is defines one: a cheap look before understanding.
            asking = (q for q in entry.questions if thing_asked(without_closing(q)) is not None)
            return tuple(asked.tokens for q in asking if (asked := understand(q).defined) is not None)

        return _kept(self._defined_of, tuple(entry.questions), defined)

    def asks_what_it_is(self, entry: Entry | None, question: Question) -> bool:
        """Whether one of the entry's own questions asks what a ranking the question names is, by the name the
        question uses: "Was ist der Digitalisierungskompass?" names a part of the Zukunftsatlas, which a text on
        what the 2019 atlas is does not explain."""
        if entry is None or not question.rankings & set(entry.tags.rankings):
            return False
        named = self._name_words(question)
        return any(named <= asked for asked in self._named_as_what_it_is(entry))

    def _named_as_what_it_is(self, entry: Entry) -> tuple[frozenset[str], ...]:
        """For each of the entry's own questions (each question joined to another on its own) that asks what a
        ranking is: the words naming it. Read once per wording: understanding a question is not cheap."""
        understand = self.understander.understand

        def named() -> tuple[frozenset[str], ...]:
            parts = (part for q in entry.questions for part in questions_in(q) if may_ask_what_it_is(part))
            return tuple(self._name_words(u) for u in map(understand, parts) if u.what_it_is)

        return _kept(self._what_it_is_named, tuple(entry.questions), named)

    def _name_words(self, question: Question) -> frozenset[str]:
        """The words a question names its rankings by, less their publishers' ("Bitkom Smart City Index": smart,
        city, index)."""
        publishers = {w for r in question.rankings for name in self._publisher_names(r) for w in name.split()}
        return frozenset(w for name in _ranking_names(question) for w in name.split()) - publishers

    def describes_the_ranking(self, entry: Entry, question: Question) -> bool:
        """Whether the entry describes a ranking the question names, by its name ("Der Deutschland-Index von
        ÖFIT/Fraunhofer FOKUS erscheint seit 2017 …"), not as "the ranking" ("In 2021 the ranking was presented
        to Mayor Thomas Eiskirch"), except in a fact of that ranking ("the index is meant to make … visible")."""
        names = self.understander.normalizer.analyze
        if entry.kind is not Kind.FOI_ANSWER and question.rankings & set(entry.tags.rankings):
            return describes(entry, question.lang, self._names_a_ranking)
        return describes(entry, question.lang, lambda text: bool(names(text).rankings & question.rankings))

    def _names_a_ranking(self, text: str) -> bool:
        """Whether the text names a ranking, or speaks of one as "the index" or "the ranking"."""
        analysis = self.understander.normalizer.analyze(text)
        return bool(analysis.rankings) or not GENERIC_RANKING.isdisjoint(analysis.tokens)

    def _names_a_publisher(self, entry: Entry, question: Question) -> bool:
        """Whether the entry's answer, in the reply's language, names who publishes a ranking the question names
        (the ranking's `publisher`: "Haselhorst Associates (2019 mit BILANZ)", "ÖFIT / Fraunhofer FOKUS")."""
        return self.names_publisher_in(fold(entry.answer_in(question.lang)), question)

    def asks_of_the_publisher(self, question: Question) -> bool:
        """Whether a question names a ranking's publisher as a party ("Did Bochum pay Bitkom?", "Hat Bochum dem
        Bitkom Geld gezahlt?"), not as the first word of the ranking's name ("das Bitkom-Ranking")."""
        said = fold(question.text)
        # A ranking's name with its publisher in front ("Prognos Zukunftsatlas") names the ranking; the publisher's
        # name alone ("Bitkom") may be either.
        publishers = {name for r in question.rankings for name in self._publisher_names(r)}
        for name in _ranking_names(question) - publishers:
            said = re.sub(r"\b" + r"[\s-]+".join(map(re.escape, name.split())) + r"\b", " ", said)
        # Its subject, right after the verb that opens the question ("Does Bitkom check …?", "Prüft der Bitkom
        # …?"), asks what the publisher does, which any text on its ranking may tell.
        opening = _OPENING.match(said)
        return self.names_publisher_in(said[opening.end() :] if opening else said, question)

    def asks_the_same(self, entry: Entry, intent: RankingIntent) -> bool:
        """Whether one of the entry's own questions asks the ranking question `intent` asks."""
        understand = self.understander.understand
        return any(understand(q).ranking == intent for q in entry.questions)

    def _named_by_its_publisher(self, question: Question) -> bool:
        """Whether the question names a ranking by its publisher's name alone ("What is Bitkom?"), not by its own
        ("Was ist der Prognos Zukunftsatlas?")."""
        publishers = {name for ranking_id in question.rankings for name in self._publisher_names(ranking_id)}
        return any(t.surface in publishers for t in question.terms if t.slot is not None)

    def _publisher_names(self, ranking_id: str) -> list[str]:
        """The (folded) names of who publishes a ranking, each on its own ("ÖFIT/Fraunhofer FOKUS": two)."""
        ranking = self.tables.rankings.get(ranking_id)
        return [fold(name) for name in ranking.publisher_names()] if ranking is not None else []

    def names_publisher_in(self, said: str, question: Question, *, by: bool = False) -> bool:
        """Whether `said` names who publishes a ranking the question names; `by`: as the agent, after "vom", "by"
        ("vom Bitkom erhoben", "The index by ÖFIT/Fraunhofer FOKUS"), not as a source cited ("laut Bitkom")."""
        names_maker = _names_maker_by if by else _names_maker
        for ranking_id in question.rankings or {r for r in [question.implied_ranking] if r is not None}:
            names = self._publisher_names(ranking_id)
            # Each word of a name, in any order ("NRW-Ministerium MHKBD" for "MHKBD NRW"), as who makes it, not
            # as the first words of the ranking's name ("Bitkom Smart City Index 2025, Spitze", "Bitkom state
            # index").
            if any(name and all(names_maker(said, word) for word in name.split()) for name in names):
                return True
        return False

    def _of_latest_edition(self, entry: Entry) -> bool:
        """Whether the entry is a text of one year of one ranking, that ranking's latest edition."""
        if len(entry.tags.years) != 1 or len(entry.tags.rankings) != 1:
            return False
        ranking = self.tables.rankings.get(entry.tags.rankings[0])
        return ranking is not None and self.tables.latest_year(ranking) == entry.tags.years[0]

    def figure_for_cities(self, entry: Entry, question: Question) -> bool:
        """Whether a place or score the entry gives belongs to a city asked about: named in its clause, or in the
        clause before where it names none ("Ulm kam 2021 auf 59,4 Punkte, verbesserte sich 2022 … auf Rang 16")."""
        intent = question.ranking
        held = intent is not None and intent.ask not in (RankingAsk.CHANGE, RankingAsk.COMPARE)
        clauses = figure_clauses(entry, question.answer_type, held=held)
        if clauses is None or not question.cities:
            return True
        analyze = self.understander.normalizer.analyze
        # Whether a city got better or worse ("Hat sich Dortmund 2020 verbessert?") asks no figure: a statement
        # naming it that says how it changed answers it ("Dortmund, Bottrop, Hamm und Moers erzielten schlechtere
        # Gesamtwerte als im Vorjahr").
        which_way = question.yes_no and intent is not None and intent.ask is RankingAsk.CHANGE
        if which_way and any(question.cities <= analyze(s).cities for s in change_statements(entry)):
            return True
        named: frozenset[str] = frozenset()
        listed: set[str] = set()  # the cities named since the last figure
        for clause, figure in clauses:
            named = analyze(clause).cities or named
            listed |= named
            # "Reutlingen und Potsdam, die sich um 27 bzw. 21 Plätze …": figures in the order of the cities listed.
            if figure and question.cities & (listed if respectively(clause) else named):
                return True
            if figure:
                listed = set()
        return False

    @staticmethod
    def _asks_which_place(question: Question) -> bool:
        """Whether the question asks which city or state, and not when or how many of them."""
        return (question.which_city or question.which_state) and question.answer_type in _WHO_KINDS | {AnswerType.OPEN}

    def _names_a_place(
        self, entry: Entry, asked: frozenset[str] = frozenset(), *, another: bool = False, of_states: bool = False
    ) -> bool:
        """Whether the entry's short answer names a city or a state, or speaks of cities or states ("alle 81
        Großstädte ab 100.000 Einwohnern" tells which cities take part); for `another` than one city `asked`,
        whether it names another (not with two or more: the answer may be one of them, "Bochum oder Dortmund?"),
        and than none named, whether it names two (cities, unless states are asked `of_states`): "Welche anderen
        Städte …?" is not answered by a text naming Bochum alone."""
        analyze = self.understander.normalizer.analyze
        texts = [text for text in (entry.answer, entry.answer_en) if text]
        if another and len(asked) == 1:
            return any(analyze(text).cities - asked for text in texts)
        if another and not asked:
            # Cities, not the state a text names beside them ("vom NRW-Ministerium … Bochum").
            aside = frozenset() if of_states else self.understander.normalizer.states
            return any(len(analyze(text).cities - aside) > 1 for text in texts)
        return any(analyze(text).cities or _PLACES.search(_SMART_CITY.sub(" ", fold(text))) for text in texts)

    def _sets_states_aside(self, question: Question) -> bool:
        """Whether a question asks which city, naming neither a ranking of states nor a state: Thüringen, last in
        the states' index of 2024, is no city that came last."""
        return question.which_city and not (question.rankings & self.states_rankings or question.cities & self.states)

    def on_states(self, entry: Entry) -> bool:
        return bool(set(entry.tags.rankings) & self.states_rankings)

    def _of_a_region(self, entry: Entry, question: Question) -> bool:
        """Whether the entry speaks of a state's cities (it names the state) while the question asks who came first,
        last or into the top list of all of them: "Am schlechtesten aus NRW schnitt Remscheid ab" does not say
        which city came last. Where the question names a region, the rule stays off: a state is a city slot, and
        other regions ("im Ruhrgebiet") are no words of the grammar, so such a question has no ranking intent."""
        intent = question.ranking
        if intent is None or intent.ask not in _WHO_OF_ALL or question.cities or self.on_states(entry):
            return False
        return bool(set(entry.tags.cities) & self.regions)

    def _of_states(self, entry: Entry, question: Question) -> bool:
        return self._sets_states_aside(question) and self.on_states(entry)

    def counts_asked(self, entry: Entry, question: Question) -> float:
        """The `counted` signal: whether the entry's answer in the reply's language gives a number of the thing
        the question counts, of the city and year asked. A text in the other language may name it by a looser
        word ("371 invited residents" for the "Bochumerinnen und Bochumer" invited: no population of Bochum), a
        share any percentage: neither says anything."""
        if not question.counted or counts_a_share(question.counted):
            return NOT_COUNTED
        analyze = self.understander.normalizer.analyze
        said = [(s, analyze(s)) for s in SENTENCE_END.split(entry.answer_in(question.lang))]
        counting = [a for s, a in said if counts(s, a, question.counted, in_all=question.counts_all)]
        if not counting:
            return 0.0
        # A number of the thing, but not of the city or year asked ("403 Städte ab 30.000 Einwohnern" for "Wie
        # viele Einwohner hat Köln?"): no evidence either way.
        of_cities = any(question.cities <= a.cities for a in counting)
        of_years = question.years <= {y for _, a in said for y in a.years}
        return 1.0 if of_cities and of_years else NOT_COUNTED

    def _day_of_the_thing(self, entry: Entry, question: Question) -> bool:
        """Whether a day asked for can be the day of the thing asked: not where the answer speaks of that thing
        only in sentences without a day, so that its days date other things ("2021 wurde Eiskirch das Ranking in
        einem Termin vorgestellt. Außerdem veröffentlichte die Stadt am 6. Oktober 2021 eine Pressemitteilung"
        does not tell on which day the meeting was), or only as the point of reference of another thing's day, which
        does not date it either ("results presented on 11 September 2025 ahead of the Smart Country Convention")."""
        if question.answer_type not in (AnswerType.DAY, AnswerType.DATE):
            return True
        # The words as written: a typo's corrections ("statt" as "Stadt") would find the thing everywhere. A
        # sentence naming the kind asked ("Beim Datum der Bekanntgabe …") speaks of the thing too.
        asked = {t.token for t in question.terms if t.slot is None and not t.token.isdigit()}
        analyze = self.understander.normalizer.analyze
        named = referred = False  # where a day may date it; as another day's point of reference
        for sentence in continued_sentences(entry.answer_in(question.lang)):
            head, reference = dated_and_referred(sentence, question.lang)
            if not asked.isdisjoint(analyze(head).tokens):
                if gives_a_day(head):
                    return True
                named = True
            referred = referred or not asked.isdisjoint(analyze(reference).tokens)
        # A date asked ("Wann …?") may be a year a sentence without a day gives, but not that of a thing the
        # answer names only as the point of reference of another's day.
        if question.answer_type is AnswerType.DATE:
            return named or not referred
        return not (named or referred)

    def _count_given(self, entry: Entry, question: Question) -> bool | None:
        """Whether the entry's short answer gives a number of the thing a how-many question counts, where the
        entry speaks of that thing: True if it does (or the question counts nothing, or the entry never names
        the thing: it may count it in other words, "über 200 Dienstleistungen" for "Online-Dienste"); False if
        it gives no number but years or only sums the thing up ("verschiedene Fachämter"); None if its numbers
        count other things ("Projekte … in fünf Kategorien"), which may yet be the thing in other words ("402
        Kreise" for "Regionen"): then it is not told that the source gives no number. The number must be in the
        short answer, as for the kinds an entry gives: one in a passage may be of another year ("37
        Indikatoren" of 2025 beside the cities of 2022)."""
        if not question.counted:
            return True
        analyze = self.understander.normalizer.analyze
        passages = (analyze(p.text) for p in entry.passages)
        short = [(s, analyze(s)) for text in (entry.answer, entry.answer_en or "") for s in SENTENCE_END.split(text)]
        # Cities by name are cities spoken of: "Bonn came third behind Nuremberg and Bremen" counts none.
        cities = counts_cities(question.counted)
        if not any(mentions(a, question.counted) or (cities and a.cities) for a in (*(a for _, a in short), *passages)):
            # Cities in all are counted as cities: a text on some cities by name does not count them. Nor does a
            # text whose only numbers are years, days, places and scores count the thing in other words ("Wie viele
            # Seiten hat der Vermerk?" of a text on Bochum's places).
            return not question.counts_all and counts_something(entry)
        counting = [s for s, a in short if counts(s, a, question.counted, in_all=question.counts_all)]
        if counting:
            # "2022 arbeiteten dort 16 Mitarbeiter" does not tell how many worked there in 2021.
            years = {y for s in counting for y in figure_years(s)}
            return not (question.years and years and question.years.isdisjoint(years))
        if sums_up(entry.answer) or not any(has_figures(a) for _, a in short):
            return False
        return None

    def categories_not_named(self, entry: Entry, question: Question) -> list[str]:
        """The words naming the categories asked, as written, where the entry's short answers name none of them:
        a passage may name one in passing ("Mobilität 43,4 (Rang 42)" in the course of Verwaltung)."""
        if not question.category_words:
            return []
        by_token = self.understander.category_tokens
        # By the categories the words name: "education" is "Gesellschaft und Bildung", which an answer writing
        # "society and education" names as one phrase.
        named = self._categories_named(entry)
        if any(named & set(by_token.get(word, ())) for word in question.category_words):
            return []
        return [t.surface for t in question.terms if t.token in question.category_words]

    def asks_of_categories(self, question: Question) -> bool:
        """Whether a ranking question is about the ranking whose categories the tables name: the default one
        ("Wie schnitt NRW 2023 im Deutschland-Index bei der Verwaltung ab?" asks of no category of it)."""
        default = self.tables.default_ranking()
        return question.ranking is not None and question.rankings <= ({default.id} if default else set())

    def _categories_named(self, entry: Entry) -> set[str]:
        """The ranking categories the entry's short answers name."""
        analyze = self.understander.normalizer.analyze
        by_token = self.understander.category_tokens
        return {
            c
            for text in (entry.answer, entry.answer_en or "")
            for t in analyze(text).tokens
            for c in by_token.get(t, ())
        }
