"""Questions across a series of FOI requests (one request sent with the same text to many bodies, froide's
"project"), answered from the stored requests and their entries, never from generated text: which bodies were
asked, who answered and when, the status per body, and what each body's answer says on the question's subject,
one line per body ("Stadt Bochum: „…“ · Kommunalverwaltung Bonn: … · Stadt Ulm: noch keine Antwort").

A question about one body of a series is answered from that body's answer only: the slot guard for public bodies,
as the search has one for cities.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass
from enum import StrEnum

from bot.answer import answer_from_entry
from bot.folding import fold, shorten
from bot.messages import series as say
from bot.messages import status_label
from bot.models import Answer, Decision, Entry, FoiRequest, Hit, Kind, Lang, Passage, Source
from bot.sources import Citations
from bot.storage.knowledge import EntryHead, Knowledge, PassageHit
from bot.understand.normalize import Normalizer
from bot.understand.question import Question

QUOTE = 240  # characters of one body's quote
MAX_LINES = 12  # bodies a reply names one by one; a larger series gets its best quotes and the rest counted
SCAN = 200  # best-matching pages looked at for the quotes (several may be one body's)
FEW = 20  # answers whose pages are read directly, without a search of the whole passage index
MAX_COMBINED = 6  # subject words whose combinations an index search spells out
READ_PER_ENTRY = 5  # pages of one answer whose sentences are read; beyond, it is "not found", never "says nothing"
# Pages whose sentences are read for each quote wanted: the subject's words spread over a page's sentences
# rarely come together in a later page when they did not in the first ones, and reading is the slow part.
READ_PER_QUOTE = 3
MATCH_SHARE = 0.5  # a sentence quoted for a question contains more than this share of its subject words
MIN_PREFIX = 5  # a word matches a longer one it begins from this length on (`berat` in `beratungen`)
_WORDS = re.compile(r"[a-z0-9]+")
# A sentence ends after a word of two letters or more and before a capital: "z. B.", "S. 2" and "20. Juli" do not
# end one (a quote cut there would say something else).
_SENTENCES = re.compile(r"(?<=[a-zäöüß]{2}[.!?])\s+(?=[A-ZÄÖÜ„\"])|\n+")

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
    """What an overview question across a series asks for (any other asks what the answers say)."""

    ASKED = "asked"
    ANSWERED = "answered"
    STATUS = "status"


@dataclass(frozen=True)
class Member:
    """One request of a series, and the body it asked."""

    request: FoiRequest

    @property
    def body(self) -> str:
        return self.request.public_body

    @property
    def entry_id(self) -> str:
        return f"fds-{self.request.id}"

    @property
    def answered(self) -> bool:
        return self.request.answered is not None


@dataclass(frozen=True)
class Quote:
    """The sentence of a body's answer that matches the question best, with its passage's address and the date
    of the letter or message it is from (if its source says)."""

    text: str
    source_url: str | None
    day: dt.date | None = None
    entry_id: str = ""


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(fold(text)))


def _matches(wanted: str, tokens: Set[str], ordered: Sequence[str] | None = None) -> bool:
    """`wanted` is among the tokens, or (both at least MIN_PREFIX long) begins one or is begun by one. `ordered`:
    the tokens sorted, for many tokens (a page's): a token `wanted` begins is then found by bisection."""
    if wanted in tokens:
        return True
    if len(wanted) < MIN_PREFIX:
        return False
    if any(wanted[:k] in tokens for k in range(MIN_PREFIX, len(wanted))):
        return True
    if ordered is None:
        return any(t.startswith(wanted) for t in tokens)
    i = bisect.bisect_left(ordered, wanted)
    return i < len(ordered) and ordered[i].startswith(wanted)


class SeriesAnswers:
    """Answers across the series the store holds (two or more stored requests with the same project); read once
    per refresh of the core."""

    def __init__(self, knowledge: Knowledge, normalizer: Normalizer, cite: Citations) -> None:
        self.knowledge = knowledge
        self.normalizer = normalizer
        self.cite = cite
        cue_words = (*_WHICH, *_WHO, *_PLURAL_BODIES, *_STILL, *_ASKED, *_ANSWERED, *_STATUS, "nicht", "not")
        self._cue_tokens = set(normalizer.analyze(" ".join(cue_words)).tokens)
        self._generic = set(normalizer.analyze(" ".join(_GENERIC_BODY)).tokens)

    @functools.cached_property
    def series(self) -> dict[int, list[Member]]:
        """The series by id, read on first use: a restart does not wait for it. The answers' texts stay in the
        store; the passage index finds what a question needs of them."""
        groups: dict[int, list[Member]] = defaultdict(list)
        for request in self.knowledge.requests():
            if request.project is not None:
                groups[request.project].append(Member(request))
        return {project: members for project, members in groups.items() if len(members) > 1}

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
        """The one series the question is about. A question of nothing but cue words ("Wer hat noch nicht
        geantwortet?") is about the only series there is; one with words of its own is about the series whose
        title, summaries or letters have them (the one sharing most with its title and summaries; None on a tie),
        never about a series merely because it is the only one."""
        asked = self._subject_tokens(question, set())
        if not asked:
            return next(iter(self.series.values())) if len(self.series) == 1 else None
        scored = []
        for project, members in self.series.items():
            shared = len(asked & self._subject(members))
            ids = [m.entry_id for m in members]
            if shared or self.knowledge.passages_matching(_match(asked), ids, 1):
                scored.append((shared, project))
        scored.sort(reverse=True)
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
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
        """One line per body with its quote; None if no answer of the series says anything on the subject. A
        series of more than MAX_LINES bodies gets the first MAX_LINES quotes the passage index finds, and says so."""
        subject = self._subject_tokens(question, set())
        if not subject:
            return None
        quotes, unsure = self._quotes(members, subject, MAX_LINES)
        if not quotes:
            return None
        lang = question.lang
        if len(members) <= MAX_LINES:
            heads = self.knowledge.heads(m.entry_id for m in members)
            lines = [
                self._line(m, quotes.get(m.entry_id), heads.get(m.entry_id), lang, unsure=m.entry_id in unsure)
                for m in members
            ]
        else:
            quoted = [m for m in members if m.entry_id in quotes]
            lines = [say.quoted_line(m.body, quotes[m.entry_id].text, quotes[m.entry_id].day, lang) for m in quoted]
            lines.append(say.others_line(len(quoted), [m.body for m in members if not m.answered], lang))
        text = "\n".join([say.content_lead(members[0].request.title, lang), *lines])
        return self._reply(question, members, text, [quotes[m.entry_id] for m in members if m.entry_id in quotes])

    def _line(
        self, member: Member, quote: Quote | None, entry: EntryHead | None, lang: Lang, *, unsure: bool = False
    ) -> str:
        """A body's line; `unsure`: pages of its answer were left unread, so it cannot be said to say nothing."""
        if quote is not None:
            return say.quoted_line(member.body, quote.text, quote.day, lang)
        if not member.answered:
            return say.no_answer_line(member.body, lang)
        if entry is None or not entry.passages:
            return say.not_public_line(member.body, lang)
        if unsure:
            return say.not_found_line(member.body, lang)
        return say.not_mentioned_line(member.body, lang)

    def _reply(self, question: Question, members: Sequence[Member], text: str, quotes: Sequence[Quote]) -> Answer:
        lang = question.lang
        first = members[0].request
        passages = [Passage(text=q.text, source_url=q.source_url) for q in quotes]
        # The bodies the reply names: all of a small series; of a large one, those quoted (or the first ones).
        quoted = {q.entry_id for q in quotes} if len(members) > MAX_LINES else set()
        shown = [m.entry_id for m in members if not quoted or m.entry_id in quoted][:MAX_LINES]
        heads = self.knowledge.heads(shown)
        entries = [heads[i] for i in shown if i in heads]
        urls = [first.url, *(q.source_url or "" for q in quotes), *(m.request.url for m in members[:MAX_LINES])]
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
            if len(named) != 1:
                continue
            entry = self.knowledge.entry(named[0].entry_id)
            if entry is None:
                continue
            first = answer.entry_ids[0] if answer.entry_ids else None
            if first is not None and first != entry.id and self._another_bodys_answer(first, members):
                return self._one_body(question, named[0], entry)
            if not answer.entry_ids and self._on_subject(question, members, named[0]):
                return self._one_body(question, named[0], entry)
        return answer

    def _another_bodys_answer(self, entry_id: str, members: Sequence[Member]) -> bool:
        """Whether the entry is the answer of another request of the series, or an FOI answer of any other body
        (a curated one, say): a question naming one body is not answered from it."""
        if any(m.entry_id == entry_id for m in members):
            return True
        found = self.knowledge.entry(entry_id)
        return found is not None and found.kind is Kind.FOI_ANSWER

    def _on_subject(self, question: Question, members: Sequence[Member], named: Member) -> bool:
        """Whether the question, its body's name left out, shares a word with the series' titles or answers."""
        subject = self._subject_tokens(question, set(self.normalizer.analyze(named.body).tokens))
        if not subject:
            return False
        known = self._subject(members)
        if any(_matches(wanted, known) for wanted in subject):
            return True
        return bool(self.knowledge.passages_matching(_match(subject), [m.entry_id for m in members], 1))

    def _names(self, question: Question, member: Member) -> bool:
        """Whether the question names the member's body: by its city, or by every word that tells it apart."""
        cities, own = self._bodies[member.request.id]
        return bool(cities & question.cities) or (bool(own) and own <= set(question.analysis.tokens))

    @functools.cached_property
    def _bodies(self) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
        """Each series request's body as its city and the words that tell it apart, analysed once."""
        bodies = {}
        for members in self.series.values():
            for member in members:
                analysis = self.normalizer.analyze(member.body)
                bodies[member.request.id] = (frozenset(analysis.cities), frozenset(analysis.tokens) - self._generic)
        return bodies

    def _one_body(self, question: Question, member: Member, entry: Entry) -> Answer:
        """The named body's answer: the sentence on the question's subject, "that is not in the answer", or (for a
        question on nothing but the body) its whole entry."""
        lang = question.lang
        subject = self._subject_tokens(question, set(self.normalizer.analyze(member.body).tokens))
        quotes, unsure = self._quotes([member], subject, 1) if subject else ({}, set())
        quote = quotes.get(member.entry_id)
        if quote is not None:
            passage = Passage(text=quote.text, source_url=quote.source_url)
            text = say.quoted_line(member.body, quote.text, quote.day, lang)
            return answer_from_entry(entry, lang, self.cite, question=question.text, text=text, passages=[passage])
        if subject and member.answered and entry.passages and member.entry_id not in unsure:
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

    def _quotes(self, members: Sequence[Member], subject: set[str], most: int) -> tuple[dict[str, Quote], set[str]]:
        """Up to `most` of the members' answers that speak to the subject, by entry id: of each, the sentence with
        the most of the subject's words (more than `MATCH_SHARE` of them), shortened to `QUOTE` characters. The
        passage index finds the pages; only their sentences are read, at most READ_PER_ENTRY pages of an answer.
        Also the answers with pages left unread: of them it cannot be said that they say nothing."""
        found: dict[str, Quote] = {}
        read: Counter[str] = Counter()
        unsure: set[str] = set()
        ids = [m.entry_id for m in members]
        few = len(ids) <= FEW
        if few:
            # Pages with more of the subject's very words first; the full test (word beginnings too) follows.
            hits = sorted(self.knowledge.passages_of(ids), key=lambda h: -len(subject & h.terms))
        else:
            hits = self.knowledge.passages_matching(_match(subject), ids, SCAN)
        for hit in hits:
            if len(found) >= most or (not few and read.total() >= READ_PER_QUOTE * most):
                break
            if hit.entry_id in found or not _enough(subject, _found(subject, hit.terms, hit.ordered_terms)):
                continue  # a page without enough of the subject has no sentence with enough of it
            if read[hit.entry_id] >= READ_PER_ENTRY:
                unsure.add(hit.entry_id)
                continue
            read[hit.entry_id] += 1
            if (quote := self._best_sentence(hit, subject)) is not None:
                found[hit.entry_id] = quote
        return found, unsure - found.keys()

    def _best_sentence(self, passage: PassageHit, subject: set[str]) -> Quote | None:
        best: tuple[int, str] | None = None
        for sentence in _SENTENCES.split(passage.text):
            tokens = set(self.normalizer.analyze(sentence).tokens) if sentence.strip() else set()
            found = _found(subject, tokens)
            if _enough(subject, found) and (best is None or found > best[0]):
                best = (found, sentence.strip())
        if best is None:
            return None
        text = shorten(best[1], QUOTE, at_word=True)
        return Quote(text, passage.source_url, _day(self.cite.source(passage.source_url)), passage.entry_id)


def _found(subject: set[str], tokens: Set[str], ordered: Sequence[str] | None = None) -> int:
    """How many of the subject's words are among the tokens (or begin one, or one begins them)."""
    return sum(1 for wanted in subject if _matches(wanted, tokens, ordered))


def _enough(subject: set[str], found: int) -> bool:
    """More than `MATCH_SHARE` of the subject's words were found."""
    return found > MATCH_SHARE * len(subject)


def _match(subject: set[str]) -> str:
    """An FTS5 expression for the pages with more than `MATCH_SHARE` of the subject's words (or words they
    begin, `berat*`): any such combination of them, so that the index, not this code, leaves out the pages with
    too few. A long subject asks for any of its words instead (its combinations would be too many)."""
    words = [f'"{word}"*' for word in sorted(subject)]
    need = int(len(words) * MATCH_SHARE) + 1
    if len(words) > MAX_COMBINED or need == 1:
        return " OR ".join(words)
    return " OR ".join(f"({' AND '.join(group)})" for group in itertools.combinations(words, need))


def _day(source: Source | None) -> dt.date | None:
    """The day a source gives, if it gives one (not only a month or a year)."""
    if source is None or source.date is None or len(source.date) != len("2022-09-20"):
        return None
    return dt.date.fromisoformat(source.date)


def _status(request: FoiRequest, lang: Lang) -> str:
    label = status_label(request.status, lang)
    if request.status == "resolved" and request.resolution:
        label = f"{label} ({status_label(request.resolution, lang)})"
    return label
