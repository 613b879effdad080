"""When and how long after a public body answered an FOI request, told from the stored request's own dates
(`sent`, `answered`) rather than from a text: "Wie lange hat Bochum für die Antwort gebraucht?" is 33 days, from the
request of 18.08.2022 to the answer of 20.09.2022. A request whose answer date is not stored is told so, with the
day it was sent. The request is the one of the body whose city the question names, or the base's default request.
Which of several requests was sent first or last is told by their days too.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re

from bot.folding import fold
from bot.messages import turnaround as say
from bot.models import Answer, Decision, Entry, FoiRequest, Hit
from bot.sources import Citations
from bot.storage.knowledge import Knowledge
from bot.understand.answer_types import without_closing
from bot.understand.lexicon import TYPO_WEIGHT
from bot.understand.normalize import LOW_INFORMATION, Normalizer
from bot.understand.question import QueryTerm, Question

_TYPO = frozenset(TYPO_WEIGHT.values())
# Words of the questions, as alternatives of a pattern: answering ("für die Antwort", "to respond"), taking time,
# the request and its number, sending it.
_ANSWER_WORDS = r"\w*antwort\w*|geantwortet|reagiert|bearbeitung|answer\w*|repl(?:y|ied|ies)|respon\w*|process\w*"
_TAKE_WORDS = r"gebraucht|brauchte|dauerte|gedauert|dauert|take|took|taken|needed"
# An FOI request, not a council's or the press's ("Ratsanfrage", "Presseanfrage").
_REQUEST_WORDS = r"anfrag\w*|ifg\w*|informationsfreiheit\w*|auskunftsanfrag\w*|request\w*|foi\w*"
_NUMBER_WORDS = r"nummer|number|nr"
_SEND_WORDS = (
    r"gestellt|geschickt|verschickt|abgeschickt|eingereicht|angefragt|gefragt|angeschrieben|asked|sent|filed|"
    r"submitted|made|contacted|send|sends"
)
_HOW_LONG = re.compile(r"\b(?:wie\s?lange?|how\s+long|wie\s?viele?\s+tage|how\s+many\s+days)\b")
_ANSWERING = re.compile(rf"\b(?:{_ANSWER_WORDS})\b")
# A request taking its time ("Wie lange dauerte die Anfrage?", "How long did the FOI request take?").
_TAKING = re.compile(rf"\b(?:{_TAKE_WORDS})\b")
_REQUEST = re.compile(rf"\b(?:{_REQUEST_WORDS})\b")
_NUMBER = re.compile(rf"\b(?:{_NUMBER_WORDS})\b")
_REQUESTS = re.compile(r"\b(?:requests|anfragen|anzahl|how many|wie viele)\b")
_SENDING = re.compile(rf"\b(?:{_SEND_WORDS})\b")
_WHEN = re.compile(r"\b(?:wann|when|an welchem tag|which day|what day|datum|date)\b")
# Which of several requests came first or last ("Welche der Anfragen wurde als letzte gestellt?", "which came
# first, the Bonn or the Ulm request?"). Not who asked first: "Wer hat die erste Anfrage gestellt?" asks a person.
_WHICH_ONE = re.compile(r"\b(?:welche[mnrs]?|which)\b")
_ORDER_WORDS = (
    r"zuerst|zuletzt|erste[mnrs]?|letzte[mnrs]?|frueheste[mnrs]?|fruehere?|eher|spaeter|spaetere?|first|last|"
    r"earliest|latest|earlier|later|before|after"
)
_ORDER = re.compile(rf"\b(?:{_ORDER_WORDS})\b")
_BEFORE = re.compile(r"\b(?:vor|nach)\b")
_LAST = re.compile(r"\b(?:zuletzt|letzte[mnrs]?|spaeter|spaetere?|last|latest|later|after)\b")
# How long a body may or had to take, its deadline ("Antwortfrist"), or how long requests take in general, is the
# law's or the request's period, not the time one request took.
_PERIOD = re.compile(
    r"\b(?:\w*frist\w*|deadline\w*|darf|durfte\w*|duerfen|muss|musste\w*|muesste\w*|muessen|soll|sollen|sollte\w*|"
    r"zeit\s+lassen|may|must|allowed|should|supposed|(?:have|has|had)\s+to|due|required|normally|usually|"
    r"grundsaetzlich|in der regel|dauert|takes|does)\b"
)
# The words such a question may have besides its body's city: any other ("How long did Bitkom take to respond?",
# "Wie lange hat die Stadt für die Shortlist gebraucht?") asks of something else than the request.
_OWN_WORDS = re.compile(
    "|".join(
        (
            r"wie|lange?|how|long|many|viele|wieviele|tage?n?|days?|wann|when|zwischen|between|lagen|vergingen|"
            r"vergangen|passed|elapsed|bis|until|fragdenstaat|kam|came|eingegangen|arrived|an|welchem|which|what|"
            r"datum|date|day|urspruenglich\w*|original|erste[nr]?|first|antragsteller\w*|requester|\w*rankings?|"
            r"need|unter|welche[mnrs]?|stadt|city|behoerde|authority|body|council|verwaltung|kommune|town|"
            r"municipality",
            _ORDER_WORDS,
            _ANSWER_WORDS,
            _TAKE_WORDS,
            _REQUEST_WORDS,
            _NUMBER_WORDS,
            _SEND_WORDS,
        )
    )
)


def asks_when_sent(text: str) -> bool:
    """Whether a question asks when a request was sent ("Wann wurde die Anfrage an Ulm gestellt?", "Datum der
    ursprünglichen Anfrage"), not when it was answered or is due."""
    folded = fold(text)
    if _PERIOD.search(folded) or _ANSWERING.search(folded) or not _WHEN.search(folded):
        return False
    return bool(_REQUEST.search(folded) or _SENDING.search(folded))


def asks_request_number(text: str) -> bool:
    """Whether a question asks a request's number ("Welche Nummer hat die Anfrage an Bonn?"), which the reply on
    when it was sent gives; not the body's file number ("Aktenzeichen"), which is the body's own, nor how many
    requests there are ("the number of FOI requests")."""
    folded = fold(text)
    if not (_NUMBER.search(folded) and _REQUEST.search(folded)) or _ANSWERING.search(folded):
        return False
    return not _REQUESTS.search(folded)


def asks_order(text: str, cities: int = 0) -> bool:
    """Whether a question asks which of several requests was sent first or last, or, naming two or more `cities`,
    whether one was sent before another ("Was the Ulm request sent before the Bonn request?", "wurde Ulm vor
    Bochum angefragt?")."""
    folded = fold(text)
    if _ANSWERING.search(folded) or _PERIOD.search(folded) or _HOW_LONG.search(folded):
        return False  # how long after the other one, not which came first
    asked = _REQUEST.search(folded) or (cities > 1 and _SENDING.search(folded))
    ordered = _ORDER.search(folded) or (cities > 1 and _BEFORE.search(folded))
    return bool((_WHICH_ONE.search(folded) or cities > 1) and ordered and asked)


def asks_turnaround(text: str) -> bool:
    """Whether a question asks when or how long after a body answered a request ("how long did it take Bochum to
    respond?", "Wann kam die Antwort?"), not how long it may take ("Wie lange darf sich eine Behörde Zeit
    lassen?")."""
    folded = fold(text)
    if _PERIOD.search(folded):
        return False
    if _HOW_LONG.search(folded):
        return bool(_ANSWERING.search(folded) or (_TAKING.search(folded) and _REQUEST.search(folded)))
    return bool(_WHEN.search(folded) and _ANSWERING.search(folded))


def _read(term: QueryTerm) -> list[str]:
    """A term's words as written, or else its correction as a typo that is such a word ("Anfarge" as "anfrag"),
    not a part of a compound ("Anfrageprüfung" is no request)."""
    written = term.surface.split()
    if all(_OWN_WORDS.fullmatch(w) for w in written):
        return written
    typos = (w for w, weight in term.alternatives.items() if weight in _TYPO and _OWN_WORDS.fullmatch(w))
    return [next(typos, term.surface)]


class Turnarounds:
    """Replies on when a request was sent and answered, and how long that took, from the requests the store holds
    (read once per refresh)."""

    def __init__(self, knowledge: Knowledge, normalizer: Normalizer, cite: Citations) -> None:
        self.knowledge = knowledge
        self.normalizer = normalizer
        self.cite = cite

    @functools.cached_property
    def _requests(self) -> list[tuple[FoiRequest, frozenset[str]]]:
        """Each stored request, with the cities its body's name names."""
        return [(r, frozenset(self.normalizer.analyze(r.public_body).cities)) for r in self.knowledge.requests()]

    def answer(self, question: Question) -> Answer | None:
        """The reply, or None if the question asks none of these or names no one request."""
        read = [(t, _read(t)) for t in question.terms]
        # The words as read too ("Anfarge" is a request), not the thanks after it ("Thanks for the answer").
        said = " ".join([without_closing(question.text), *(w for _, words in read for w in words)])
        words = [w for t, term_words in read if t.slot is None for w in term_words]
        if question.rankings:
            return None
        if asks_order(said, len(question.cities)):
            # "which came first, the Bonn or the Ulm request": no first place, whatever the grammar reads.
            return self._order(question, words, last=bool(_LAST.search(fold(said))))
        sent_only = asks_when_sent(said) or asks_request_number(said)
        if question.ranking is not None or not (sent_only or asks_turnaround(said)):
            return None
        # A request's number ("#257364") names it.
        numbered = {r.id: r for r, _ in self._requests if str(r.id) in words}
        # Words that say little ("actually", "eigentlich") ask nothing else.
        if not all(
            _OWN_WORDS.fullmatch(w) or w in LOW_INFORMATION or (w.isdigit() and int(w) in numbered) for w in words
        ):
            return None
        request = next(iter(numbered.values())) if len(numbered) == 1 else self._request_for(question)
        if request is None or request.sent is None or (request.answered or request.sent) < request.sent:
            return None
        if question.years and request.sent.year not in question.years:
            return None  # "Wie lange hat Bochum 2024 gebraucht?" asks of another request than the one stored
        lang, sent = question.lang, request.sent
        entries = self._telling(request, sent)
        if sent_only:
            text, decision = say.sent(request, sent, lang), Decision.ANSWER
        elif request.answered is None:
            text, decision = say.not_known(request, sent, lang), Decision.NOT_STATED
        else:
            text, decision = say.took(request, sent, request.answered, lang), Decision.ANSWER
        return Answer(
            question=question.text,
            lang=lang,
            decision=decision,
            text=text,
            title=say.title(request, lang),
            entry_ids=[e.id for e in entries],
            source_url=request.url,
            public_body=request.public_body,
            date=request.answered,
            citations=self.cite.labels([request.url], lang),
            hits=[
                Hit(id=e.id, score=100.0, title=e.title, text=e.answer_in(lang), source_url=e.source_url)
                for e in entries
            ],
        )

    def _order(self, question: Question, words: list[str], *, last: bool) -> Answer | None:
        """Which requests were sent first or last: those of the cities named, else every request stored, by their
        days (several on one day are named together). None if fewer than two have a day, or the question says
        more than which came first."""
        if not all(_OWN_WORDS.fullmatch(w) or w in LOW_INFORMATION for w in words):
            return None
        named = [r for r, cities in self._requests if not question.cities or cities & question.cities]
        dated = sorted((r for r in named if r.sent is not None), key=lambda r: (r.sent, r.id))
        if len(dated) < 2 or (question.cities and len(dated) < len(question.cities)):
            return None
        days = [(day, list(group)) for day, group in itertools.groupby(dated, key=lambda r: r.sent) if day is not None]
        lang = question.lang
        entries = list({e.id: e for r in dated if r.sent is not None for e in self._telling(r, r.sent)}.values())
        urls = [r.url for r in dated]
        return Answer(
            question=question.text,
            lang=lang,
            decision=Decision.ANSWER,
            text=say.order(days, last=last, lang=lang),
            title=say.order_title(dated, lang),
            entry_ids=[e.id for e in entries],
            source_url=urls[0],
            citations=self.cite.labels(urls, lang),
            hits=[
                Hit(id=e.id, score=100.0, title=e.title, text=e.answer_in(lang), source_url=e.source_url)
                for e in entries
            ],
        )

    def _request_for(self, question: Question) -> FoiRequest | None:
        """The request of the body whose city the question names (the default one among several), else the
        default request; None where that is not one request, or the question names several cities."""
        default = self.knowledge.default_request()
        if not question.cities:
            return self.knowledge.request(default) if default is not None else None
        if len(question.cities) > 1:
            return None
        named = [r for r, cities in self._requests if cities & question.cities]
        chosen = [r for r in named if r.id == default] or named
        return chosen[0] if len(chosen) == 1 else None

    def _telling(self, request: FoiRequest, sent: dt.date) -> list[Entry]:
        """The request's entries that tell the day it was sent, as the texts of these dates."""
        days = say.day_forms(sent)
        return [
            e
            for e in self.knowledge.request_entries(request.id)
            if any(day in text for text in (e.answer, e.answer_en or "") for day in days)
        ]
