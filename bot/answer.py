"""Composition: from an understood question to the reply as plain data, no formatting for any channel.

Ranking questions are answered from the tables or not at all. Other questions take the best entry if the
calibrated confidence is high enough and the entry gives the kind of answer asked for; an entry that is about
the subject but does not say what was asked gives "the source does not say", with what it does say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from bot.folding import fold
from bot.models import Answer, AnswerType, Decision, Entry, Hit, Kind, Lang, Passage, Ranking, RankingView, Suggestion
from bot.search.confidence import NOT_COUNTED, Calibration, Signals, of_the_rest, of_the_subject, signals
from bot.search.engine import Scored, SearchEngine, SearchResult
from bot.sources import Citations
from bot.storage.knowledge import Knowledge
from bot.tables import TableReply, Tables, asks_latest, standing_kind
from bot.turnaround import Turnarounds
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
    asks_which_of_summed,
    asks_winner,
    change_statements,
    continued_sentences,
    counts,
    counts_a_share,
    counts_cities,
    counts_something,
    counts_without_naming,
    dated_and_referred,
    figure_clauses,
    figure_years,
    given_types,
    gives_a_day,
    gives_frequency,
    gives_money,
    gives_time_for,
    has_figures,
    is_vague,
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
    states_absence,
    states_places,
    sums_up,
    tells_a_change,
    tells_a_start,
    tells_an_end,
    tells_an_extreme,
    tells_what_comes,
    things_asked,
    without_closing,
    without_yes_no,
)
from bot.understand.content import absent_nouns, content_words, noun_phrases, nouns
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
    grammar_form,
    names_done_with,
    outside_bounds,
    superlative,
)

if TYPE_CHECKING:
    from bot.series import SeriesAnswers  # which imports this module

SUGGESTIONS = 3
# The share of the question's informative weight an entry must contain to count as being about its subject.
SUBJECT_SHARE = 0.45
# Less will do when the question asks for a kind of answer the entry does not give ("Wer hat die Antwort
# unterschrieben?" of the answer's entry): that mismatch already says the source does not tell, and the reply
# shows what it does say instead of only offering questions.
KIND_SUBJECT_SHARE = 0.3
# An answer needs some word of the question besides question words in the entry: "Wer bist du?" shares only "wer".
EVIDENCE_FLOOR = 0.2
_WORDS = re.compile(r"[^\W_]+")
_SPECIFIC = frozenset(AnswerType) - {AnswerType.OPEN, AnswerType.YESNO}
_REQUEST_NUMBER = re.compile(r"\d{5,}")
# The verb that opens a yes/no question and its subject's article: what follows is its subject.
_OPENING = re.compile(r"^\W*\w+\s(?:(?:der|die|das|the)\s)?\w+\b")
DEFAULT_REQUEST_SHARE = 0.6  # of the best hit's score, the default request's hit has at least this
THING_SHARE = 0.85  # of the best hit's score, a hit that has the thing a which-question asks for has at least this
# Where the best hit does not give the kind asked, this many hits after it, with at least this share of its score,
# may answer in its stead.
RUNNERS_UP = 2
RUNNER_UP_SHARE = 0.9
# A runner-up that has the thing asked about where the best hit lacks it is as close in meaning as this at least.
SUBJECT_MEANING_SHARE = 0.95
# How far a question whose best hits do not say what it asks looks for one that does (`Answerer._first_found`).
WIDER_SEARCH = 30
READINGS_KEPT = 4096  # entries whose readings (nouns, what-is questions) are kept, per cache (`_kept`)
K = TypeVar("K")
V = TypeVar("V")
_WHO_OF_ALL = frozenset((RankingAsk.NTH, RankingAsk.LAST, RankingAsk.TOP))  # asked of every city ranked


@dataclass(frozen=True)
class Assessment:
    """A question's candidates: the tables' reply if it is theirs, else the best entry of the search with its
    signals, the calibrated confidence and whether it gives the kind of answer asked."""

    result: SearchResult
    entries: dict[str, Entry]
    table: TableReply | None = None
    top: Scored | None = None
    entry: Entry | None = None
    signals: Signals | None = None
    confidence: float = 0.0
    # The same model with no count asked (`of_the_subject`): how sure the entry is about the question's subject,
    # which an entry counting other things than asked still is (its reply then says the number is not in the source).
    subject: float = 0.0
    fits: bool = False
    # The best entry is on a ranking of states, for a question asking which city: not offered at all.
    set_aside: bool = False
    # Its numbers count other things than asked, or the thing in other words: offered, not said to be absent.
    count_unsure: bool = False
    # And with nothing the entry lacks asked (`of_the_rest`): whether a reply that answers nothing says what the
    # source lacks, where the words it lacks may be just the detail asked.
    rest: float = 0.0


def answer_from_entry(entry: Entry, lang: Lang, cite: Citations | None = None, **extra: object) -> Answer:
    """An entry as the answer: its short answer in the language, its quotes (with their sources) and links,
    each source named by `cite` (by its web site without it)."""
    urls = [entry.source_url, *(p.source_url for p in entry.passages if p.source_url), *(k.url for k in entry.links)]
    fields: dict[str, object] = {
        "question": entry.questions[0],
        "lang": lang,
        "decision": Decision.ANSWER,
        "text": entry.answer_in(lang),
        "title": entry.title_in(lang),
        "entry_ids": [entry.id],
        "passages": [Passage(text=p.text, source_url=p.source_url or entry.source_url) for p in entry.passages],
        "source_url": entry.source_url,
        "links": entry.links,
        "sources_differ": entry.sources_differ,
        "public_body": entry.public_body if entry.kind is Kind.FOI_ANSWER else None,
        "date": entry.date if entry.kind is Kind.FOI_ANSWER else None,
        "citations": (cite or Citations()).labels(urls, lang),
        **extra,
    }
    return Answer.model_validate(fields)


# Cities or states spoken of in general.
_PLACES = re.compile(r"\b(?:\w*stadt|\w*staedte|\w*staedten|cit(?:y|ies)|bundeslaender\w*|states?)\b")
# "Smart City" names a concept, an index, an app, a programme: no city ("Die Platzierungen des Smart City Index 2024
# wurden am 16. September veröffentlicht" names none).
_SMART_CITY = re.compile(r"\bsmart[\s-]?cit(?:y|ies)\b")

# "Wer ist …?" and "Wie heißt der Oberbürgermeister?" both ask for someone.
_WHO_KINDS = frozenset({AnswerType.PERSON, AnswerType.NAME})


def _asks_a_change(question: Question) -> bool:
    """Whether a ranking question asks how much a city gained or lost in one year ("Wie viele Punkte legte Bochum
    2024 zu?"): the tables answer it where they know the year before; a text must say so itself."""
    intent = question.ranking
    return intent is not None and intent.ask is RankingAsk.CHANGE and len(question.years) == 1


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


class Answerer:
    """Answers questions from the knowledge of one store; stateless between calls."""

    def __init__(
        self,
        knowledge: Knowledge,
        understander: Understander,
        engine: SearchEngine,
        *,
        tables: Tables,
        calibration: Calibration,
        cite: Citations,
        series: SeriesAnswers | None = None,
    ) -> None:
        """`series`: questions across the bodies of a request series, and the slot guard for its bodies."""
        self.knowledge = knowledge
        self.series = series
        self.understander = understander
        self.engine = engine
        self.tables = tables
        self.calibration = calibration
        self.cite = cite
        self.turnarounds = Turnarounds(knowledge, understander.normalizer, cite)
        self.states_rankings = frozenset(r.id for r in tables.rankings.values() if r.states)
        self.states = tables.listed(self.states_rankings)
        self.default_request = knowledge.default_request()
        # A text of a city ranking naming a region speaks of that state's cities (or of a city in it, which
        # `_names_holder` then asks to name the place).
        self.regions = tables.regions
        self._nouns_of: dict[tuple[str, ...], frozenset[str]] = {}
        self._what_it_is_named: dict[tuple[str, ...], tuple[frozenset[str], ...]] = {}
        self._defined_of: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}

    def default_ranking(self) -> Ranking | None:
        return self.tables.default_ranking()

    def ask(self, text: str, lang: Lang | None = None, fallback: Lang | None = None) -> Answer:
        question = self.understander.understand(text, lang, fallback=fallback)
        answer, found = self._composed(question)
        if found is None:
            return answer

        def again() -> Answer | None:
            corrected = self.understander.corrected(text)
            if corrected is None:
                return None
            return self.compose(self.understander.understand(corrected, lang, fallback=fallback))

        return with_second_try(answer, found.confidence, self.calibration.threshold, again)

    def assess(self, question: Question, *, runners_up: bool = True) -> Assessment:
        """Everything the decision rests on: the tables' reply, the search and the best entry's confidence.
        `runners_up=False`: the best hit as the search ranked it, never one after it that fits the question
        better (the confidence is fitted on those: a runner-up is taken where that model is surer of it)."""
        result = self.engine.search(question, limit=5, nearby_below=100.0 * self.calibration.threshold)
        entries = self.knowledge.entries([s.id for s in (*result.hits, *result.nearby)])
        table = self.tables.answer(question) if question.ranking is not None else None
        intent = question.ranking
        if table is not None and intent is not None and intent.place is not None and intent.other is not None:
            # The points between two places: a text that names these two says it too (and is what was published);
            # the tables' rows of their holders tell the pairs no text names.
            first = entries.get(result.hits[0].id) if result.hits else None
            if (
                first is not None
                and question.years <= set(first.tags.years)
                and states_places(first, intent.place, intent.other)
            ):
                table = None
        if table is None and question.ranking is not None and not result.hits:
            # A ranking question the tables do not answer ("how close was Bochum to Cologne in 2025", with no
            # score of Bochum's that year) has what its slots find as its only answer, as a ranking no table holds
            # does: the confidence decides.
            alone = [h for h in result.nearby if h.slots_only]
            result = replace(result, hits=alone, nearby=[h for h in result.nearby if not h.slots_only])
        top = result.hits[0] if result.hits else None
        entry = entries.get(top.id) if top is not None else None
        if table is not None and table.refuse and top is not None and entry is not None:
            # The tables rule the standing asked out; the best text may still be about its subject, and then the
            # reply tells what it says. Whether it gives the kind asked of the city asked decides how.
            subject = self.calibration.probability(signals(question, top, result.hits[1:]))
            gives = question.answer_type in given_types(entry) and self._figure_for_cities(entry, question)
            return Assessment(result, entries, table, top, entry, subject=subject, fits=gives)
        if table is not None and question.ranking is not None and question.ranking.ask is RankingAsk.TIMES:
            # A text about this city telling how often says more than the count ("Bochum schaffte es viermal in
            # die Top 10 …; 2023 verpasste es sie"), where its own questions ask the same (a place, a top list of
            # that size, a run; of all years or a run up to one) and its title names the city: "Hamburgs
            # Siegesserie" also names München, who ended it, and tells nothing of how often München won.
            found = self._assess_best(question, result, entries) if entry is not None else None
            if (
                found is not None
                and found.fits
                and found.confidence >= self.calibration.threshold
                and found.entry is not None
                and (not question.years or question.ranking.streak)
                and self.understander.normalizer.analyze(found.entry.title).cities == question.cities
                and self._asks_the_same(found.entry, question.ranking)
            ):
                return found
        # "What is Bitkom?" asks of the publisher, not of the index its name stands for.
        by_name = question.who_makes or (question.what_it_is and not self._asks_of_the_publisher(question))
        if table is not None or top is None or entry is None:
            unfound = Assessment(result, entries, table)
            # "Wer macht den eGovernment Monitor?": its words select nothing beside the name, which may still find
            # the text that names who makes it.
            found_by_name = by_name and table is None and runners_up
            return (self._found_by_the_name(question, unfound) if found_by_name else None) or unfound
        found = self._assess_best(question, result, entries)
        if not runners_up:
            return found
        # "Was ist der Smart City Index?": several texts describe it ("Der Index bewertet fünf Themenbereiche"); the
        # one written to answer what it is says it best.
        written_for_it = not question.what_it_is or self._asks_what_it_is(found.entry, question)
        if by_name and not (found.fits and found.confidence >= self.calibration.threshold and written_for_it):
            return self._found_by_the_name(question, found) or found
        if question.defined is not None and not (found.fits and found.confidence >= self.calibration.threshold):
            return self._first_found(question, lambda entry: self._defines(entry, question), found) or found
        if question.done_with and not self._asks_what_is_done(found.entry):
            return self._first_found(question, self._asks_what_is_done, found) or found
        return self._runner_up_that_fits(question, result, entries, found) or found

    def _first_found(
        self,
        searched: Question,
        says_it: Callable[[Entry], bool],
        found: Assessment,
        enough: float | None = None,
        wider: SearchResult | None = None,
    ) -> Assessment | None:
        """For a question whose best hits do not say what it asks: the first hit that does (`says_it`) of a
        wider search for `searched` (the question, or its names alone), where it fits and the best one
        does not or is less sure. Some questions' own words fit other texts better than the one that answers:
        English leaves "do" out of "What does Bochum do with the results?", so every standing of the city fits
        it as well; the frame of "Wer gibt den Smart City Index heraus?" fits texts on when it came out. With
        `enough`, one that fits at that confidence is taken however sure the best one is; `wider`: that search,
        where it was done already."""
        if wider is None:
            wider = self.engine.search(searched, limit=WIDER_SEARCH)
        entries = self.knowledge.entries([s.id for s in wider.hits])
        for i, hit in enumerate(wider.hits):
            if says_it(entries[hit.id]):
                other = self._assess_as_best(searched, wider, i, entries)
                surer = not found.fits or other.confidence > found.confidence
                return other if other.fits and (surer or (enough is not None and other.confidence >= enough)) else None
        return None

    def _found_by_the_name(self, question: Question, found: Assessment) -> Assessment | None:
        """For a question of what a ranking is or who makes it, and nothing else (`Question.what_it_is`,
        `Question.who_makes`): the first text that says it among those the ranking's name alone finds, which
        ranks its general texts first; of what it is, first one whose own question asks it, where that is sure
        enough to answer."""
        named = replace(question, terms=tuple(t for t in question.terms if t.slot is not None))
        if question.who_makes:
            lang = question.lang
            return self._first_found(
                named,
                lambda entry: self._names_publisher_in(fold(entry.answer_in(lang)), question, by=True),
                found,
            )
        wider = self.engine.search(named, limit=WIDER_SEARCH)
        written_for_it = self._first_found(
            named,
            lambda entry: self._asks_what_it_is(entry, question),
            found,
            enough=self.calibration.threshold,
            wider=wider,
        )
        return written_for_it or self._first_found(
            named, lambda entry: self._describes_the_ranking(entry, question), found, wider=wider
        )

    @staticmethod
    def _asks_what_is_done(entry: Entry | None) -> bool:
        """Whether one of the entry's own questions or phrasings asks what is done with a ranking or its result."""
        return entry is not None and any(names_done_with(fold(q)) for q in (*entry.questions, *entry.phrasings))

    def _asked_nouns(self, question: Question, entries: Sequence[Entry]) -> set[str]:
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

    def _runner_up_that_fits(
        self, question: Question, result: SearchResult, entries: dict[str, Entry], found: Assessment
    ) -> Assessment | None:
        """A hit nearly as good as the best, surer on its own signals and giving the kind asked: for a best hit
        that does not give it, one lacking none of the question's words the best one has ("Wie viele Paramter
        wurden 2023 untersucht?" scored the participants first, which count cities, not parameters); for any best
        hit, one that has the thing asked about where the best lacks it (`_has_the_subject_instead`)."""
        best = result.hits[0]
        for i, hit in enumerate(result.hits[1 : RUNNERS_UP + 1], 1):
            if hit.score < RUNNER_UP_SHARE * best.score:
                break
            lacks_nothing = not found.fits and set(hit.missing) <= set(best.missing)
            if not lacks_nothing and not _has_the_subject_instead(
                best, hit, self._asked_nouns(question, (entries[best.id], entries[hit.id]))
            ):
                continue
            other = self._assess_as_best(question, result, i, entries)
            if other.fits and other.confidence > found.confidence:
                return other
        return None

    def _assess_as_best(
        self, question: Question, result: SearchResult, i: int, entries: dict[str, Entry]
    ) -> Assessment:
        """The assessment of the `i`-th hit of `result` as the answer, against all the other hits."""
        hits = result.hits
        return self._assess_best(question, replace(result, hits=[hits[i], *hits[:i], *hits[i + 1 :]]), entries)

    def _assess_best(self, question: Question, result: SearchResult, entries: dict[str, Entry]) -> Assessment:
        """The assessment of the first hit of `result` as the answer, against the hits after it."""
        top = result.hits[0]
        entry = entries[top.id]
        found = signals(question, top, result.hits[1:], self._counts_asked(entry, question))
        # How sure the search is stays that of its best hit; which edition answers is the rule's to choose.
        top = (
            self._latest_edition(question, result.hits, entries)
            or self._of_default_request(question, result.hits, entries)
            or self._naming_thing_asked(question, result.hits)
            or top
        )
        entry = entries[top.id]
        aside = self._of_states(entry, question)
        count = self._count_given(entry, question)
        return Assessment(
            result,
            entries,
            None,
            top,
            entry,
            found,
            self.calibration.probability(found),
            self.calibration.probability(of_the_subject(found)),
            (
                question.answer_type in given_types(entry)
                # "Wie oft wird das Ranking erstellt?" counts times: "jährlich" tells them, with no number.
                or (asks_how_often(question.text) and gives_frequency(entry))
                or self._names_holder(entry, question)
                or self._names_winner(entry, question)
                or self._names_cities_ahead(entry, question)
                or self._names_person(entry, question)
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
                and self._asks_of_the_publisher(question)
                and not self._names_a_publisher(entry, question)
            )
            # "Was hat Eiskirch zum Vermerk gesagt?" is not answered by a text on the memo that reports no words.
            and (not self._asks_someones_words(question) or reports_speech(entry))
            # "Welche Ruhrgebietsstadt war 2019 am besten?" is not answered by the last of them, nor the reverse.
            and not self._other_end(entry, question)
            # "Wer ist 2023 am stärksten abgestürzt?" is not answered by a list of the cities that left the top 10.
            and not (_asks_most_change(question) and not tells_an_extreme(entry))
            and (
                not _asks_a_change(question) or tells_a_change(entry, points=question.answer_type is AnswerType.POINTS)
            )
            # "Wie viele Plätze hat Bochum 2021 gemacht?" is not answered by a text naming Bochum's place alone.
            and (not counts_places(fold(question.text), asked=True) or tells_a_change(entry))
            and (not asks_next(question.text) or tells_what_comes(entry))
            and self._figure_for_cities(entry, question)
            # "Welche NRW-Stadt war 2024 in der Mobilität vorn?" is not answered by the NRW cities' overall places,
            # nor "which category was Gelsenkirchen good in" by its overall place.
            and not (self._asks_of_categories(question) and self._categories_not_named(entry, question))
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
            and not (question.done_with and not self._asks_what_is_done(entry))
            # "Was ist der Deutschland-Index?" is not answered by one edition's figures, nor "What is Bitkom?" by
            # what its index is.
            and not (
                question.what_it_is
                and (not self._tells_what_it_is(entry, question) or self._named_by_its_publisher(question))
            )
            # "Was ist das OZG?" is not answered by a text on Cologne's "OZG-Leistungen".
            and (question.defined is None or self._defines(entry, question))
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
            and not aside,
            aside,
            count is None,
            self.calibration.probability(of_the_rest(found)),
        )

    def _of_default_request(
        self, question: Question, hits: Sequence[Scored], entries: dict[str, Entry]
    ) -> Scored | None:
        """For a question naming no city (nor a body, which names its city), whose best hit is one request's
        answer, the default request's hit where it fits nearly as well: "Wann wurde die Anfrage gestellt?" asks of
        the request the base is founded on, though the same words fit Bonn's, sent the same day, a little better."""
        best = entries.get(hits[0].id)
        if question.cities or best is None or best.request_id in (None, self.default_request):
            return None
        if _REQUEST_NUMBER.search(question.text):  # "die Anfrage 257451": a request named by its number
            return None
        return next(
            (
                hit
                for hit in hits[1:]
                if (entry := entries.get(hit.id)) is not None
                and entry.request_id == self.default_request
                and hit.score >= DEFAULT_REQUEST_SHARE * hits[0].score
            ),
            None,
        )

    @staticmethod
    def _latest_edition(question: Question, hits: Sequence[Scored], entries: dict[str, Entry]) -> Scored | None:
        """For who held a place or the top list with no year asked ("Wer war Letzter?"): of the texts as full a
        match as the best one, each of one edition of the best one's ranking, the latest edition's, as the
        tables answer such a question with their latest year; which text scores highest says nothing of time."""
        intent = question.ranking
        asks_holder = intent is not None and intent.ask in (RankingAsk.NTH, RankingAsk.LAST, RankingAsk.TOP)
        if not asks_holder or question.years or question.cities or not asks_latest(question):
            return None
        best = hits[0]
        rankings = set(entries[best.id].tags.rankings)
        if not rankings:
            return None
        editions = {
            hit.id: tags.years[0]
            for hit in hits
            if hit.id in entries
            and len((tags := entries[hit.id].tags).years) == 1
            and set(tags.rankings) == rankings
            and hit.covered >= best.covered
            and not hit.missing
        }
        if best.id not in editions:
            return None
        return max((h for h in hits if h.id in editions), key=lambda h: editions[h.id])

    @staticmethod
    def _naming_thing_asked(question: Question, hits: Sequence[Scored]) -> Scored | None:
        """For a which-question whose best hit lacks the thing asked, a hit nearly as good that has it: "was hat
        Bochum 2024 so gut gemacht, welche Projekte" asks for the projects, not for the categories where Bochum
        "machte … Plätze gut"."""
        asked = things_asked(question.text)

        def lacked(hit: Scored) -> set[str]:
            return {t for t in asked if any(t in words.split() for words in hit.missing)}

        best = hits[0]
        lacking = lacked(best)
        if not lacking:
            return None
        return next(
            (hit for hit in hits[1:] if hit.score >= THING_SHARE * best.score and not lacked(hit) & lacking),
            None,
        )

    @staticmethod
    def _names_person(entry: Entry, question: Question) -> bool:
        """Whether the entry names who a question not about a ranking's places asks for (`names_person`)."""
        return question.ranking is None and question.answer_type in _WHO_KINDS and names_person(entry, question.text)

    def _names_holder(self, entry: Entry, question: Question) -> bool:
        """Whether the entry may name who held the place asked in a year ("Wer war Letzter im Länderindex
        2024?"): the one "who" a text may answer, as the holder is a city or state its short answer names. That
        the entry is of that year, the slot guard and the rule for texts of no year (in `assess`) see to."""
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
        return describes(entry, question.lang, self._names_a_ranking) or self._asks_what_it_is(entry, question)

    def _defines(self, entry: Entry, question: Question) -> bool:
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
        what-is question tries up to `WIDER_SEARCH` entries, and understanding each of their questions anew cost
        a quarter of a second at 10k entries."""
        understand = self.understander.understand

        def defined() -> tuple[tuple[str, ...], ...]:
            # Only a question worded as asking what a thing is defines one: a cheap look before understanding.
            asking = (q for q in entry.questions if thing_asked(without_closing(q)) is not None)
            return tuple(asked.tokens for q in asking if (asked := understand(q).defined) is not None)

        return _kept(self._defined_of, tuple(entry.questions), defined)

    def _asks_what_it_is(self, entry: Entry | None, question: Question) -> bool:
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

    def _describes_the_ranking(self, entry: Entry, question: Question) -> bool:
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
        return self._names_publisher_in(fold(entry.answer_in(question.lang)), question)

    def _asks_of_the_publisher(self, question: Question) -> bool:
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
        return self._names_publisher_in(said[opening.end() :] if opening else said, question)

    def _asks_the_same(self, entry: Entry, intent: RankingIntent) -> bool:
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

    def _names_publisher_in(self, said: str, question: Question, *, by: bool = False) -> bool:
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

    def _figure_for_cities(self, entry: Entry, question: Question) -> bool:
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

    def _on_states(self, entry: Entry) -> bool:
        return bool(set(entry.tags.rankings) & self.states_rankings)

    def _of_a_region(self, entry: Entry, question: Question) -> bool:
        """Whether the entry speaks of a state's cities (it names the state) while the question asks who came first,
        last or into the top list of all of them: "Am schlechtesten aus NRW schnitt Remscheid ab" does not say
        which city came last. Where the question names a region, the rule stays off: a state is a city slot, and
        other regions ("im Ruhrgebiet") are no words of the grammar, so such a question has no ranking intent."""
        intent = question.ranking
        if intent is None or intent.ask not in _WHO_OF_ALL or question.cities or self._on_states(entry):
            return False
        return bool(set(entry.tags.cities) & self.regions)

    def _of_states(self, entry: Entry, question: Question) -> bool:
        return self._sets_states_aside(question) and self._on_states(entry)

    def _without_states(self, result: SearchResult, entries: dict[str, Entry]) -> SearchResult:
        """The result without the entries on rankings of states (as a slot guard: they are not offered either)."""

        def kept(found: list[Scored]) -> list[Scored]:
            return [s for s in found if s.id in entries and not self._on_states(entries[s.id])]

        return replace(result, hits=kept(result.hits), nearby=kept(result.nearby))

    def _counts_asked(self, entry: Entry, question: Question) -> float:
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

    def compose(self, question: Question, found: Assessment | None = None, threshold: float | None = None) -> Answer:
        """The reply to a question. `found` and `threshold` stand in for its assessment and the calibrated
        threshold (for calibrating: the operating point is chosen on the replies the bot gives, whichever part
        composes them)."""
        return self._composed(question, found, threshold)[0]

    def _composed(
        self, question: Question, found: Assessment | None = None, threshold: float | None = None
    ) -> tuple[Answer, Assessment | None]:
        """The reply, and the assessment it was decided on: None where no search was needed (an empty text, a
        greeting, a request's own dates, a question across a series)."""
        if not question.text:
            return Answer(question=question.text, lang=question.lang, decision=Decision.UNKNOWN), None
        if question.greeting:
            return Answer(question=question.text, lang=question.lang, decision=Decision.GREETING), None
        # When a request was sent and answered, and how long that took, are told by its own dates.
        took = self.turnarounds.answer(question)
        if took is not None:
            return took, None
        # Only a question recognisably across the bodies of a stored series is the series'; any other is
        # composed as before, and then kept from quoting another body's answer than the one it names.
        across = self.series.answer(question) if self.series is not None else None
        if across is not None:
            return across, None
        assessed = found if found is not None else self.assess(question)
        answer = self.decide(question, assessed, threshold)
        return (self.series.guard(question, answer) if self.series is not None else answer), assessed

    def decide(self, question: Question, found: Assessment, threshold: float | None = None) -> Answer:
        """The reply for an assessed question; `threshold` overrides the calibrated one (for calibrating)."""
        result, entries, top, entry = found.result, found.entries, found.top, found.entry
        if found.table is not None:
            return self._from_table(question, found, found.table)
        if top is None or entry is None:
            return self._not_answered(question, result, entries)
        if found.set_aside:
            return self._not_answered(question, self._without_states(result, entries), entries)
        suggested = found.subject >= self.calibration.suggest
        if found.count_unsure:
            return self._not_answered(question, result, entries, suggest=suggested)
        answer_at = self.calibration.threshold if threshold is None else threshold
        # Whether the text is about what was asked, to say what it does not give, is judged without the words it
        # lacks: they may be just that detail ("Seiten" of "Wie viele Seiten hat der Vermerk?"). Showing it as the
        # nearest text, which claims nothing missing, needs the surer judgement with them.
        on_subject = found.rest >= self.calibration.suggest
        about = on_subject and top.covered >= SUBJECT_SHARE
        near = suggested and top.covered >= SUBJECT_SHARE
        summed_up = (
            (question.particulars and is_vague(entry))
            or asks_which_of_summed(question.text, entry)
            or counts_without_naming(question.text, entry)
        )
        if found.confidence >= answer_at and found.fits and top.evidence >= EVIDENCE_FLOOR:
            if states_absence(entry, _asked_words(question)):
                return self._what_it_says(question, entry, result, entries)
            if summed_up:
                return self._what_it_says(question, entry, result, entries, missing=AnswerType.PARTICULARS)
            return self._answer(question, entry, result, entries)
        if not found.fits and on_subject and top.covered >= KIND_SUBJECT_SHARE:
            # A category asked that the text does not name is what it lacks, whatever the kind asked.
            unnamed = self._categories_not_named(entry, question) if self._asks_of_categories(question) else []
            if unnamed:
                return self._what_it_says(question, entry, result, entries, words=unnamed)
            return self._what_it_says(question, entry, result, entries, missing=question.answer_type)
        if about and summed_up:
            return self._what_it_says(question, entry, result, entries, missing=AnswerType.PARTICULARS)
        if near and self._names_person(entry, question):
            # The text names who is asked for, but the search is unsure it is the text meant: the nearest.
            return self._what_it_says(question, entry, result, entries, decision=Decision.NEAREST)
        if about and content_words(top.missing) and question.answer_type in _SPECIFIC | {AnswerType.YESNO}:
            # Only things the entry has in no form are named as missing: "Etwas zu „raus“" says nothing, and
            # "Etwas zu „fiel“" denies the "-24 Plätze" the reply then quotes.
            missing = absent_nouns(top.missing, question.text, _texts(entry))
            if missing:
                return self._what_it_says(question, entry, result, entries, words=_named_missing(question, missing))
            # Only a verb or an adjective is not in the entry: it may say just that in other words.
            if states_absence(entry, _asked_words(question)):
                return self._what_it_says(question, entry, result, entries)
            if near:
                return self._what_it_says(question, entry, result, entries, decision=Decision.NEAREST)
        return self._not_answered(question, result, entries, suggest=suggested)

    # building answers

    def _hits(self, scored: Sequence[Scored], entries: dict[str, Entry], lang: Lang) -> list[Hit]:
        return [
            Hit(
                id=s.id,
                score=round(s.score, 2),
                title=entries[s.id].title_in(lang),
                text=entries[s.id].answer_in(lang),
                source_url=entries[s.id].source_url,
            )
            for s in scored
            if s.id in entries
        ]

    def _ranked(self, entry: Entry, result: SearchResult, entries: dict[str, Entry], lang: Lang) -> list[Hit]:
        """The hits with the answering entry first."""
        others = [s for s in result.hits if s.id != entry.id]
        ranked = [s for s in result.hits if s.id == entry.id] or [Scored(entry.id, 100.0, 0)]
        return self._hits([*ranked, *others], {**entries, entry.id: entry}, lang)

    def _answer(self, question: Question, entry: Entry, result: SearchResult, entries: dict[str, Entry]) -> Answer:
        lang = question.lang
        text = entry.answer_in(lang)
        if not question.yes_no:
            text = without_yes_no(text)  # "Ja." answers neither "Wann …?" nor "Wie hat …?"
        return answer_from_entry(
            entry,
            lang,
            self.cite,
            question=question.text,
            text=text,
            suggestions=self._suggestions([s for s in result.hits if s.id != entry.id], entries, question.lang),
            hits=self._ranked(entry, result, entries, lang),
        )

    def _what_it_says(
        self,
        question: Question,
        entry: Entry,
        result: SearchResult,
        entries: dict[str, Entry],
        *,
        missing: AnswerType | None = None,
        words: Sequence[str] = (),
        decision: Decision = Decision.NOT_STATED,
    ) -> Answer:
        """The entry about the subject: that it does not say what was asked, then what it does say; or, as
        `Decision.NEAREST`, what it says nearest to the question, without saying what it lacks."""
        lang = question.lang
        return answer_from_entry(
            entry,
            lang,
            self.cite,
            question=question.text,
            decision=decision,
            text=without_yes_no(entry.answer_in(lang)),
            missing=missing,
            missing_words=_as_written(words, question.text),
            suggestions=self._suggestions([s for s in result.hits if s.id != entry.id], entries, question.lang),
            hits=self._ranked(entry, result, entries, lang),
        )

    def _not_answered(
        self, question: Question, result: SearchResult, entries: dict[str, Entry], *, suggest: bool = False
    ) -> Answer:
        """Middle band: "did you mean"; below it, or when the tables rule an answer out: "I don't know"."""
        pool = result.hits if suggest else [*result.hits, *result.nearby]
        if not suggest and result.hits and result.hits[0].slots_only:
            # Found by the slots alone, the hits share no word of the question; what shares them is nearer.
            pool = [*result.nearby, *result.hits]
        return Answer(
            question=question.text,
            lang=question.lang,
            decision=Decision.SUGGEST if suggest else Decision.UNKNOWN,
            suggestions=self._suggestions(pool, entries, question.lang),
            hits=self._hits(result.hits, entries, question.lang),
        )

    @staticmethod
    def _suggestions(pool: Sequence[Scored], entries: dict[str, Entry], lang: Lang) -> list[Suggestion]:
        out: list[Suggestion] = []
        for scored in pool:
            entry = entries.get(scored.id)
            if entry is None or any(s.id == entry.id for s in out):
                continue
            out.append(Suggestion(id=entry.id, question=_question_in(entry, lang)))
            if len(out) == SUGGESTIONS:
                break
        return out

    def _refused(self, question: Question, found: Assessment) -> Answer:
        """The tables rule the standing asked out ("Wer gewann 2023 die Kategorie Mobilität?" where they hold no
        category winner of 2023). A text about the subject is told with what it lacks: the question's nouns or
        categories it has in no form, else the kind asked. A text about the city asked that gives that kind (a
        fact beside the tables: "Bochum 2024 in Gesellschaft und Bildung") answers where it is of that year alone
        and as sure as any answer; otherwise it, or one on cities compared, is shown as the nearest instead. No
        text about it: the sources do not give it, for what was read."""
        result, entries, top, entry = found.result, found.entries, found.top, found.entry
        if top is None or entry is None or found.subject < self.calibration.suggest or top.covered < KIND_SUBJECT_SHARE:
            return self._not_in_tables(question, result, entries)
        if states_absence(entry, _asked_words(question)):
            return self._what_it_says(question, entry, result, entries)
        nouns = _named_missing(question, absent_nouns(top.missing, question.text, _texts(entry)))
        missing = list(dict.fromkeys([*nouns, *self._categories_not_named(entry, question)]))
        if missing:
            return self._what_it_says(question, entry, result, entries, words=missing)
        # A text on several cities tells how far the one asked moved where a clause naming it does ("2022 stiegen
        # Nürnberg, Aachen und Düsseldorf je zehn Plätze, Bergisch Gladbach 14"): fitting, it is of that city too.
        in_clause = bool(question.cities) and _asks_a_change(question)
        titled = question.cities <= self.understander.normalizer.analyze(entry.title).cities
        of_city = found.fits and (titled or in_clause)
        sure = found.subject >= self.calibration.threshold
        # Not a text of another ranking than the default one a question naming none means: Bonn's place in the
        # Haselhorst ranking of 2020 is shown for "Bonn 2020 Platz" as what the sources say, not as its answer.
        aside = self._of_another_ranking(entry, question)
        if of_city and sure and not aside and question.cities and self._of_the_year_alone(entry, question):
            # A fact beside the tables, as sure as any answer: "Wo landete Bochum 2024 in Gesellschaft und
            # Bildung?" is answered by the text on Bochum's categories of 2024 (not by a course of years, which
            # may give another year's or category's place).
            return self._answer(question, entry, result, entries)
        # Cities set against each other the tables cannot place, a text may compare in other words ("stieg um
        # zehn Ränge"): it is not told that the source lacks it.
        compared = question.ranking is not None and question.ranking.ask is RankingAsk.COMPARE
        if of_city or compared:
            return self._what_it_says(question, entry, result, entries, decision=Decision.NEAREST)
        return self._what_it_says(question, entry, result, entries, missing=question.answer_type)

    def _of_another_ranking(self, entry: Entry, question: Question) -> bool:
        """Whether a text is of other rankings than the default one, which a question naming none is read of."""
        if question.rankings or not entry.tags.rankings:
            return False
        ranking, default = self.tables.ranking_asked(question), self.tables.default_ranking()
        return ranking is not None and ranking == default and ranking.id not in entry.tags.rankings

    @staticmethod
    def _of_the_year_alone(entry: Entry, question: Question) -> bool:
        """Whether the entry is a text of the one year asked and of no other."""
        return len(question.years) == 1 and set(entry.tags.years) == set(question.years)

    def _not_in_tables(self, question: Question, result: SearchResult, entries: dict[str, Entry]) -> Answer:
        """A standing the tables rule out, with no text about it ("Welchen Platz hatte Lübeck 2022?"): the reply
        says that the sources do not give it, names the standing as read and offers the closest questions."""
        unknown = self._not_answered(question, result, entries)
        asked = self.tables.asked(question, question.lang)
        update = {"decision": Decision.NOT_STATED, "missing": standing_kind(question), "title": asked}
        return unknown.model_copy(update=update)

    def _categories_not_named(self, entry: Entry, question: Question) -> list[str]:
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

    def _asks_of_categories(self, question: Question) -> bool:
        """Whether a ranking question is about the ranking whose categories the tables name: the default one
        ("Wie schnitt NRW 2023 im Deutschland-Index bei der Verwaltung ab?" asks of no category of it)."""
        default = self.default_ranking()
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

    def _from_table(self, question: Question, found: Assessment, reply: TableReply) -> Answer:
        lang = question.lang
        result, entries = found.result, found.entries
        if reply.refuse:
            return self._refused(question, found)
        if reply.entry is not None:
            if reply.missing is not None:
                return self._what_it_says(question, reply.entry, result, entries, missing=reply.missing)
            return self._answer(question, reply.entry, result, entries)
        composed = reply.composed
        if composed is None:
            return self._not_answered(question, result, entries)
        return Answer(
            question=question.text,
            lang=lang,
            decision=Decision.NOT_STATED if reply.missing else Decision.ANSWER,
            missing=reply.missing,
            text=composed.text(lang),
            title=composed.title(lang),
            entry_ids=[e.id for e in composed.entries],
            passages=composed.passages,
            source_url=composed.source_url,
            sources_differ=composed.sources_differ,
            citations=self.cite.labels([composed.source_url, *(p.source_url or "" for p in composed.passages)], lang),
            hits=[
                Hit(id=e.id, score=100.0, title=e.title_in(lang), text=e.answer_in(lang), source_url=e.source_url)
                for e in composed.entries
            ],
        )


# What follows a publisher's name where it is the first word of its ranking's name or of the ranking's figures
# ("Bitkom Smart City Index", "Bitkom-Ranking", "Bitkom federal states digital index", "its Bitkom score").
_OF_THE_RANKING = r"(?![\s-]*(?:\w+[\s-]+){0,3}(?:smart|\w*ranking|\w*index|score|punkt\w*|platz\w*|rang\w*))"


def _names_maker(text: str, word: str) -> bool:
    return bool(re.search(rf"\b{re.escape(word)}\b{_OF_THE_RANKING}", text))


def _names_maker_by(text: str, word: str) -> bool:
    return bool(
        re.search(rf"(?:\b(?:vom|von|by|durch)\s|\()(?:[\w-]+[\s/]){{0,2}}?{re.escape(word)}\b{_OF_THE_RANKING}", text)
    )


def _question_in(entry: Entry, lang: Lang) -> str:
    """The entry's question to offer in a reply in `lang`. Entries write German first and one question in
    English (the last, as a rule: looked for from the end)."""
    if lang == "en":
        english = next((q for q in reversed(entry.questions) if detect_language(q) == "en"), None)
        if english is not None:
            return english
    return entry.questions[0]


_RANKING_WORDS = re.compile(r"\b(?:\w*ranking\w*|\w*index\w*|indices|bitkom|rangliste\w*)\b")


def _speaks_of_rankings(entry: Entry) -> bool:
    """Whether the entry is about a ranking: tagged with one, an FOI answer (the requests ask about rankings), or
    its text names one (the app's entry quotes "vom Bitkom abgefragten Maßnahmen")."""
    if entry.tags.rankings or entry.kind is Kind.FOI_ANSWER:
        return True
    return any(_RANKING_WORDS.search(fold(text)) for text in _texts(entry))


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


def _has_the_subject_instead(best: Scored, hit: Scored, asked: set[str]) -> bool:
    """Whether `hit` has a noun of the question (`asked`, folded words) that `best` lacks, and lacks of the words
    `best` has none that is a noun: the thing asked about outweighs a verb ("Hat Bochum externe Berater für das
    Smart City Konzept bezahlt?" found the answer on consultants for the ranking first, which lacks the concept,
    not "bezahlt")."""
    if hit.semantic < SUBJECT_MEANING_SHARE * best.semantic:
        return False  # nearer in words, farther in meaning: "externe Hilfe" for a text on help from the ranking

    def lacking(missing: Sequence[str]) -> set[str]:
        return {w for phrase in content_words(missing) for w in phrase.split() if w in asked}

    return not lacking([m for m in hit.missing if m not in best.missing]) and bool(
        lacking(best.missing) - lacking(hit.missing)
    )


def _named_missing(question: Question, missing: Sequence[str]) -> list[str]:
    """The missing nouns to name. In a question for the tables, words of their grammar are not named: the texts
    say "fielen aus den Top 10" and "scored" in other words, and naming them would deny what the reply quotes."""
    framing = {t.surface for t in question.terms if question.ranking and grammar_form(t.token) is not None}
    return [w for w in missing if w not in framing]


def _asked_words(question: Question) -> list[str]:
    """The question's words besides its names and years."""
    return [t.surface for t in question.terms if t.slot is None]


def _texts(entry: Entry) -> list[str]:
    return [*entry.questions, entry.answer, entry.answer_en or "", *(p.text for p in entry.passages)]


# Replies a question with its slips of the finger corrected is tried again for: an entry on the subject found but
# not sure enough. A question with nothing found, or whose entry does not state the thing asked, is rarely
# answered once corrected (24 of 1,498 such tries on the typed tuning questions), and each try costs a search.
RETRIED = frozenset({Decision.SUGGEST, Decision.NEAREST})
# How far under the threshold a try is worth it: of the tuning questions typed with one slip, those further under
# were answered right once corrected in 28 of 350 tries (84 of 212 within it); the tries cost p95 latency.
RETRY_MARGIN = 0.15


def with_second_try(answer: Answer, confidence: float, threshold: float, again: Callable[[], Answer | None]) -> Answer:
    """The reply to a question as typed, unless it is unsure (`RETRIED`, within `RETRY_MARGIN` of the threshold)
    and `again`, the reply to the question with its slips of the finger corrected (None where it has none),
    answers. A second try rather than a correction up front: the confidence is fitted on questions as typed, and
    correcting them first moved its operating point (benchmarks/answer-quality-rounds.md, forty-third round). `ask` and
    `calibrate` both reply through it, so the operating point is chosen on the replies the bot gives."""
    if answer.decision not in RETRIED or confidence < threshold - RETRY_MARGIN:
        return answer
    corrected = again()
    return corrected if corrected is not None and corrected.answered else answer


def _as_written(tokens: Sequence[str], text: str) -> list[str]:
    """The question's own words for folded surfaces (`buergermeister` → `Bürgermeister`)."""
    written = {fold(w): w for w in _WORDS.findall(text)}
    return [" ".join(written.get(w, w) for w in t.split()) for t in tokens]
