"""Questions across a series of FOI requests (one request sent with the same text to many bodies, froide's
"project"), answered from the stored requests and their entries, never from generated text: which bodies were
asked, who answered and when, the status per body, and what each body's answer says on the question's subject,
one line per body ("Stadt Bochum: „…“ · Kommunalverwaltung Bonn: … · Stadt Ulm: noch keine Antwort").

A question about one body of a series is answered from that body's answer only: the slot guard for public bodies,
as the search has one for cities.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.answer import answer_from_entry
from bot.folding import fold, shorten
from bot.messages import series as say
from bot.messages import status_label
from bot.models import Answer, Decision, Entry, FoiRequest, Hit, Lang, Passage
from bot.sources import Citations
from bot.storage.knowledge import Knowledge
from bot.understand.normalize import Normalizer
from bot.understand.question import Question

QUOTE = 240  # characters of one body's quote
MATCH_SHARE = 0.5  # a sentence quoted for a question contains more than this share of its subject words
MIN_PREFIX = 5  # a word matches a longer one it begins from this length on (`berat` in `beratungen`)
_WORDS = re.compile(r"[a-z0-9]+")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")

# What makes a question one across the bodies of a series, as folded single words: a question word with bodies in
# the plural ("Welche Städte …"), or who-with-still ("Wer hat noch nicht …", "Who has not answered yet").
_WHICH = frozenset(("welche", "welcher", "welchen", "which"))
_WHO = frozenset(("wer", "who"))
_PLURAL_BODIES = frozenset(
    (
        "staedte",
        "behoerden",
        "kommunen",
        "gemeinden",
        "verwaltungen",
        "stellen",
        "kreise",
        "landkreise",
        "ministerien",
        "cities",
        "towns",
        "councils",
        "bodies",
        "authorities",
        "municipalities",
    )
)
_STILL = frozenset(("noch", "bereits", "schon", "alle", "still", "yet", "already", "else", "all"))
# What the question asks of the series (checked in this order); a question asking none of these asks what the
# answers say.
_ASKED = frozenset(("gefragt", "angefragt", "angeschrieben", "adressiert", "asked", "contacted", "addressed"))
_ANSWERED = frozenset(("geantwortet", "beantwortet", "reagiert", "answered", "replied", "responded"))
_STATUS = frozenset(("status", "stand", "abgeschlossen", "erfolgreich", "abgelehnt", "resolved", "successful"))
# Words of a body's name that do not tell bodies apart.
_GENERIC_BODY = (
    "stadt",
    "bundesstadt",
    "landeshauptstadt",
    "hansestadt",
    "kreisstadt",
    "stadtverwaltung",
    "kommunalverwaltung",
    "verwaltung",
    "gemeinde",
    "landkreis",
    "kreis",
    "landratsamt",
    "bezirksamt",
    "city",
    "council",
)


class Ask(StrEnum):
    """What a question across a series asks for."""

    ASKED = "asked"
    ANSWERED = "answered"
    STATUS = "status"
    CONTENT = "content"


@dataclass(frozen=True)
class Member:
    """One request of a series: the body asked, and the entry its import made (None if there is none)."""

    request: FoiRequest
    entry: Entry | None

    @property
    def body(self) -> str:
        return self.request.public_body

    @property
    def answered(self) -> bool:
        return self.request.answered is not None or bool(self.entry and self.entry.passages)


@dataclass(frozen=True)
class Quote:
    """The sentence of a body's answer that matches the question best, with its passage's address."""

    text: str
    source_url: str | None


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(fold(text)))


def _matches(wanted: str, tokens: set[str]) -> bool:
    return wanted in tokens or any(
        min(len(wanted), len(t)) >= MIN_PREFIX and (t.startswith(wanted) or wanted.startswith(t)) for t in tokens
    )


class SeriesAnswers:
    """Answers across the series the store holds (two or more stored requests with the same project); read once
    per refresh of the core."""

    def __init__(self, knowledge: Knowledge, normalizer: Normalizer, cite: Citations) -> None:
        self.normalizer = normalizer
        self.cite = cite
        groups: dict[int, list[FoiRequest]] = defaultdict(list)
        for request in knowledge.requests():
            if request.project is not None:
                groups[request.project].append(request)
        entries = knowledge.entries(f"fds-{r.id}" for g in groups.values() for r in g)
        self.series: dict[int, list[Member]] = {
            project: [Member(r, entries.get(f"fds-{r.id}")) for r in requests]
            for project, requests in groups.items()
            if len(requests) > 1
        }
        cue_words = (*_WHICH, *_WHO, *_PLURAL_BODIES, *_STILL, *_ASKED, *_ANSWERED, *_STATUS, "nicht", "not")
        self._cue_tokens = set(normalizer.analyze(" ".join(cue_words)).tokens)
        self._generic = set(normalizer.analyze(" ".join(_GENERIC_BODY)).tokens)
        # Each answer's sentences with their words, analysed on first use: a question across a large series
        # reads them all, and the next one should not analyse them again. The core answers on one thread.
        self._sentences: dict[str, list[tuple[str, str | None, set[str]]]] = {}

    # questions across a series

    def answer(self, question: Question) -> Answer | None:
        """The reply to a question across the bodies of a series, or None if it is not one (or no series fits)."""
        if not self.series or question.ranking is not None:
            return None
        words = _words(question.text)
        across = (words & _WHICH and words & _PLURAL_BODIES) or (words & _WHO and words & _STILL)
        if not across:
            return None
        members = self._series_for(question)
        if members is None:
            return None
        if words & _ASKED:
            return self._overview(question, members, Ask.ASKED)
        if words & _ANSWERED:
            return self._overview(question, members, Ask.ANSWERED)
        if words & _STATUS:
            return self._overview(question, members, Ask.STATUS)
        return self._content(question, members)

    def _series_for(self, question: Question) -> list[Member] | None:
        """The one series the question is about: the only one, or the one whose title and summaries share the most
        words with it (None on a tie)."""
        if len(self.series) == 1:
            return next(iter(self.series.values()))
        asked = set(question.analysis.tokens) - self._cue_tokens
        scored = sorted(
            ((len(asked & self._subject(members)), project) for project, members in self.series.items()), reverse=True
        )
        if not scored[0][0] or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return None
        return self.series[scored[0][1]]

    def _subject(self, members: Sequence[Member]) -> set[str]:
        texts = {m.request.title for m in members} | {m.request.summary or "" for m in members}
        return set(self.normalizer.analyze(" ".join(texts)).tokens)

    def _overview(self, question: Question, members: Sequence[Member], ask: Ask) -> Answer:
        lang = question.lang
        title = members[0].request.title
        if ask is Ask.ASKED:
            text = say.bodies_asked(title, [m.body for m in members], lang)
        elif ask is Ask.ANSWERED:
            answered = [(m.body, m.request.answered) for m in members if m.answered]
            waiting = [(m.body, m.request.sent) for m in members if not m.answered]
            text = say.answered_overview(answered, waiting, lang)
        else:
            lines = [say.status_line(m.body, _status(m.request, lang)) for m in members]
            text = "\n".join([say.status_lead(title, lang), *lines])
        return self._reply(question, members, text, [])

    def _content(self, question: Question, members: Sequence[Member]) -> Answer | None:
        """One line per body with its quote; None if no answer of the series says anything on the subject."""
        subject = self._subject_tokens(question, set())
        if not subject:
            return None
        lang = question.lang
        lines: list[str] = []
        quotes: list[Quote] = []
        for member in members:
            quote = self._quote(member, subject)
            if quote is not None:
                quotes.append(quote)
            lines.append(self._line(member, quote, lang))
        if not quotes:
            return None
        text = "\n".join([say.content_lead(members[0].request.title, lang), *lines])
        return self._reply(question, members, text, quotes)

    def _line(self, member: Member, quote: Quote | None, lang: Lang) -> str:
        if quote is not None:
            return say.quoted_line(member.body, quote.text, member.request.answered, lang)
        if not member.answered:
            return say.no_answer_line(member.body, lang)
        if member.entry is None or not member.entry.passages:
            return say.not_public_line(member.body, lang)
        return say.not_mentioned_line(member.body, lang)

    def _reply(self, question: Question, members: Sequence[Member], text: str, quotes: Sequence[Quote]) -> Answer:
        lang = question.lang
        first = members[0].request
        passages = [Passage(text=q.text, source_url=q.source_url) for q in quotes]
        entries = [m.entry for m in members if m.entry is not None]
        urls = [first.url, *(q.source_url or "" for q in quotes), *(m.request.url for m in members)]
        return Answer(
            question=question.text,
            lang=lang,
            decision=Decision.ANSWER,
            text=text,
            title=say.series_title(first.title, len(members), lang),
            entry_ids=[e.id for e in entries],
            passages=passages,
            source_url=first.url,
            citations=self.cite.labels(urls, lang),
            hits=[
                Hit(id=e.id, score=100.0, title=e.title, text=e.answer_in(lang), source_url=e.source_url)
                for e in entries
            ],
        )

    # the slot guard for public bodies

    def guard(self, question: Question, answer: Answer) -> Answer:
        """`answer`, unless the question names one body of a series and the answer comes from another body's
        request of that series, or (on the series' subject) from no entry at all: then the named body's answer,
        and only that."""
        for members in self.series.values():
            named = [m for m in members if self._names(question, m)]
            if len(named) != 1 or named[0].entry is None:
                continue
            others = {f"fds-{m.request.id}" for m in members if m is not named[0]}
            if answer.entry_ids[:1] and answer.entry_ids[0] in others:
                return self._one_body(question, named[0], named[0].entry)
            if not answer.entry_ids and self._on_subject(question, members, named[0]):
                return self._one_body(question, named[0], named[0].entry)
        return answer

    def _on_subject(self, question: Question, members: Sequence[Member], named: Member) -> bool:
        """Whether the question, its body's name left out, shares a word with the series' titles or answers."""
        subject = self._subject_tokens(question, set(self.normalizer.analyze(named.body).tokens))
        known = self._subject(members).union(*(t for m in members for _, _, t in self._sentences_of(m)))
        return any(_matches(wanted, known) for wanted in subject)

    def _names(self, question: Question, member: Member) -> bool:
        """Whether the question names the member's body: by its city, or by every word that tells it apart."""
        analysis = self.normalizer.analyze(member.body)
        if analysis.cities & question.cities:
            return True
        own = set(analysis.tokens) - self._generic
        return bool(own) and own <= set(question.analysis.tokens)

    def _one_body(self, question: Question, member: Member, entry: Entry) -> Answer:
        """The named body's answer: the sentence on the question's subject, "that is not in the answer", or (for a
        question on nothing but the body) its whole entry."""
        lang = question.lang
        subject = self._subject_tokens(question, set(self.normalizer.analyze(member.body).tokens))
        quote = self._quote(member, subject) if subject else None
        if quote is not None:
            passage = Passage(text=quote.text, source_url=quote.source_url)
            text = self._line(member, quote, lang)
            return answer_from_entry(entry, lang, self.cite, question=question.text, text=text, passages=[passage])
        if subject and member.answered and entry.passages:
            analysis = question.analysis
            missing = [w for t, w in zip(analysis.tokens, analysis.surfaces, strict=True) if t in subject]
            return answer_from_entry(
                entry, lang, self.cite, question=question.text, decision=Decision.NOT_STATED, missing_words=missing
            )
        return answer_from_entry(entry, lang, self.cite, question=question.text)

    # matching

    def _subject_tokens(self, question: Question, names: set[str]) -> set[str]:
        """The question's words on its subject: without the words that ask across bodies, and without `names`."""
        return set(question.analysis.tokens) - self._cue_tokens - self._generic - names

    def _quote(self, member: Member, subject: set[str]) -> Quote | None:
        """The sentence of the member's answer that contains the most of the subject's words (more
        than `MATCH_SHARE` of them), shortened to `QUOTE` characters."""
        best: tuple[int, Quote] | None = None
        for sentence, source_url, tokens in self._sentences_of(member):
            found = sum(1 for wanted in subject if _matches(wanted, tokens))
            if found > MATCH_SHARE * len(subject) and (best is None or found > best[0]):
                best = (found, Quote(shorten(sentence, QUOTE, at_word=True), source_url))
        return best[1] if best else None

    def _sentences_of(self, member: Member) -> list[tuple[str, str | None, set[str]]]:
        """The sentences of the member's answer, each with its passage's address and its words."""
        if member.entry is None:
            return []
        known = self._sentences.get(member.entry.id)
        if known is None:
            known = [
                (sentence.strip(), passage.source_url, set(self.normalizer.analyze(sentence).tokens))
                for passage in member.entry.passages
                for sentence in _SENTENCES.split(passage.text)
                if sentence.strip()
            ]
            self._sentences[member.entry.id] = known
        return known


def _status(request: FoiRequest, lang: Lang) -> str:
    label = status_label(request.status, lang)
    if request.status == "resolved" and request.resolution:
        label = f"{label} ({status_label(request.resolution, lang)})"
    return label
