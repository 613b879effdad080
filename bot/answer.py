"""Composition: from an understood question to the reply as plain data, no formatting for any channel.

Ranking questions are answered from the tables or not at all. Other questions take the best entry if the
calibrated confidence is high enough and the entry gives the kind of answer asked for; an entry that is about
the subject but does not say what was asked gives "the source does not say", with what it does say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.fit import Fit, asks_a_change, texts_of
from bot.folding import fold
from bot.models import Answer, AnswerType, Decision, Entry, Hit, Kind, Lang, Passage, Ranking, Suggestion
from bot.search.confidence import Calibration, Signals, of_the_rest, of_the_subject, signals
from bot.search.engine import Scored, SearchEngine, SearchResult
from bot.sources import Citations
from bot.storage.knowledge import Knowledge
from bot.tables import TableReply, Tables, asks_latest, standing_kind
from bot.turnaround import Turnarounds
from bot.understand.answer_types import (
    asks_which_of_summed,
    counts_without_naming,
    given_types,
    is_vague,
    states_absence,
    states_places,
    things_asked,
    without_yes_no,
)
from bot.understand.content import absent_nouns, content_words
from bot.understand.language import detect_language
from bot.understand.question import Question, Understander
from bot.understand.ranking import (
    RankingAsk,
    grammar_form,
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
        self.fit = Fit(understander, tables)
        self.default_request = knowledge.default_request()

    def default_ranking(self) -> Ranking | None:
        return self.tables.default_ranking()

    def ask(self, text: str, lang: Lang | None = None, fallback: Lang | None = None) -> Answer:
        question = self.understander.understand(text, lang, fallback=fallback)
        answer, found = self._composed(question)
        if found is None:
            return answer

        def again() -> Answer | None:
            reread = self.understander.reread(question, lang, fallback=fallback)
            return None if reread is None else self.compose(reread)

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
            gives = question.answer_type in given_types(entry) and self.fit.figure_for_cities(entry, question)
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
                and self.fit.asks_the_same(found.entry, question.ranking)
            ):
                return found
        # "What is Bitkom?" asks of the publisher, not of the index its name stands for.
        by_name = question.who_makes or (question.what_it_is and not self.fit.asks_of_the_publisher(question))
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
        written_for_it = not question.what_it_is or self.fit.asks_what_it_is(found.entry, question)
        if by_name and not (found.fits and found.confidence >= self.calibration.threshold and written_for_it):
            return self._found_by_the_name(question, found) or found
        if question.defined is not None and not (found.fits and found.confidence >= self.calibration.threshold):
            return self._first_found(question, lambda entry: self.fit.defines(entry, question), found) or found
        if question.done_with and not self.fit.asks_what_is_done(found.entry):
            return self._first_found(question, self.fit.asks_what_is_done, found) or found
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
                lambda entry: self.fit.names_publisher_in(fold(entry.answer_in(lang)), question, by=True),
                found,
            )
        wider = self.engine.search(named, limit=WIDER_SEARCH)
        written_for_it = self._first_found(
            named,
            lambda entry: self.fit.asks_what_it_is(entry, question),
            found,
            enough=self.calibration.threshold,
            wider=wider,
        )
        return written_for_it or self._first_found(
            named, lambda entry: self.fit.describes_the_ranking(entry, question), found, wider=wider
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
                best, hit, self.fit.asked_nouns(question, (entries[best.id], entries[hit.id]))
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
        found = signals(question, top, result.hits[1:], self.fit.counts_asked(entry, question))
        # How sure the search is stays that of its best hit; which edition answers is the rule's to choose.
        top = (
            self._latest_edition(question, result.hits, entries)
            or self._of_default_request(question, result.hits, entries)
            or self._naming_thing_asked(question, result.hits)
            or top
        )
        entry = entries[top.id]
        judged = self.fit.judge(entry, question)
        return Assessment(
            result,
            entries,
            None,
            top,
            entry,
            found,
            self.calibration.probability(found),
            self.calibration.probability(of_the_subject(found)),
            judged.gives,
            judged.set_aside,
            judged.count_unsure,
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

    def _without_states(self, result: SearchResult, entries: dict[str, Entry]) -> SearchResult:
        """The result without the entries on rankings of states (as a slot guard: they are not offered either)."""

        def kept(found: list[Scored]) -> list[Scored]:
            return [s for s in found if s.id in entries and not self.fit.on_states(entries[s.id])]

        return replace(result, hits=kept(result.hits), nearby=kept(result.nearby))

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
            unnamed = self.fit.categories_not_named(entry, question) if self.fit.asks_of_categories(question) else []
            if unnamed:
                return self._what_it_says(question, entry, result, entries, words=unnamed)
            return self._what_it_says(question, entry, result, entries, missing=question.answer_type)
        if about and summed_up:
            return self._what_it_says(question, entry, result, entries, missing=AnswerType.PARTICULARS)
        if near and self.fit.names_person(entry, question):
            # The text names who is asked for, but the search is unsure it is the text meant: the nearest.
            return self._what_it_says(question, entry, result, entries, decision=Decision.NEAREST)
        if about and content_words(top.missing) and question.answer_type in _SPECIFIC | {AnswerType.YESNO}:
            # Only things the entry has in no form are named as missing: "Etwas zu „raus“" says nothing, and
            # "Etwas zu „fiel“" denies the "-24 Plätze" the reply then quotes.
            missing = absent_nouns(top.missing, question.text, texts_of(entry))
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
        nouns = _named_missing(question, absent_nouns(top.missing, question.text, texts_of(entry)))
        missing = list(dict.fromkeys([*nouns, *self.fit.categories_not_named(entry, question)]))
        if missing:
            return self._what_it_says(question, entry, result, entries, words=missing)
        # A text on several cities tells how far the one asked moved where a clause naming it does ("2022 stiegen
        # Nürnberg, Aachen und Düsseldorf je zehn Plätze, Bergisch Gladbach 14"): fitting, it is of that city too.
        in_clause = bool(question.cities) and asks_a_change(question)
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


def _question_in(entry: Entry, lang: Lang) -> str:
    """The entry's question to offer in a reply in `lang`. Entries write German first and one question in
    English (the last, as a rule: looked for from the end)."""
    if lang == "en":
        english = next((q for q in reversed(entry.questions) if detect_language(q) == "en"), None)
        if english is not None:
            return english
    return entry.questions[0]


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


# Replies a question with its slips of the finger corrected is tried again for: an entry on the subject found but
# not sure enough, or said not to state the thing asked, which a misspelt word may decide ("Wem wurde der Vermerk
# vorgestelt?" finds no one it was "vorgestellt" to). A question with nothing found is not tried: of the tries for
# those and the not-stated ones on the typed tuning questions, 24 of 1,498 were answered, and each try costs a
# search. The not-stated ones alone change none of those replies and cost nothing measurable at 10k entries.
RETRIED = frozenset({Decision.SUGGEST, Decision.NEAREST, Decision.NOT_STATED})
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
