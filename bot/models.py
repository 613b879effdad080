"""Typed data of the core: knowledge entries, ranking rows, FOI requests, search hits and answers."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

MAX_ID = 56  # fits callback data (`ans:<id>`, 64 bytes) and deep links (`ans_<id>`, 64 characters)
ENTRY_ID_PATTERN = rf"^[a-z0-9][a-z0-9-]{{0,{MAX_ID - 1}}}$"
EntryId = Annotated[str, StringConstraints(pattern=ENTRY_ID_PATTERN)]
Lang = Literal["de", "en"]


_SPACE = re.compile(r"\s")  # every whitespace character `str.isspace` knows, found in C: stored entries hold many URLs


def http_url(value: str) -> str:
    """`value` if it is an http(s) URL with a host and no whitespace; ValueError otherwise."""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or _SPACE.search(value):
        raise ValueError(f"not an http(s) URL: {value!r}")
    return value


Url = Annotated[str, StringConstraints(strip_whitespace=True, min_length=8), AfterValidator(http_url)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Kind(StrEnum):
    FOI_ANSWER = "foi_answer"
    FACT = "fact"
    RANKING = "ranking"


class Tags(_Model):
    """What an entry is about: a question naming a year, city or ranking only matches entries tagged so."""

    cities: list[Text] = Field(default_factory=list)
    years: list[Annotated[int, Field(ge=1900, le=2100)]] = Field(default_factory=list)
    rankings: list[Text] = Field(default_factory=list)
    topics: list[Text] = Field(default_factory=list)


class Passage(_Model):
    """A passage quoted verbatim from a source; `page`: the page of the letter it is on."""

    text: Text
    source_url: Url | None = None
    page: Annotated[int, Field(ge=1)] | None = None


class Link(_Model):
    title: Text
    url: Url


class RankingView(StrEnum):
    PLACE = "place"
    TREND = "trend"
    TOP = "top"


class RankingRef(_Model):
    """Points a generated ranking entry at the table rows it answers from."""

    ranking: str
    view: RankingView
    year: int | None = None
    city: str | None = None
    category: str = ""


class Entry(_Model):
    """One answerable thing: a passage of an FOI answer, a fact, or a ranking result."""

    id: EntryId
    kind: Kind = Kind.FACT
    title: Text
    title_en: Text | None = None
    questions: Annotated[list[Text], Field(min_length=1)]
    # More ways people ask it. They help the search find the entry like words of its answer, and a question worded
    # like one is close to the entry, but unlike its questions they claim nothing: what kinds of answer it gives
    # comes from its questions and its answer, and so does its meaning vector (benchmarks/answer-quality-rounds.md,
    # "Twenty-second round" and "Twenty-third round").
    phrasings: list[Text] = Field(default_factory=list)
    answer: Text
    answer_en: Text | None = None
    passages: list[Passage] = Field(default_factory=list)
    source_url: Url
    links: list[Link] = Field(default_factory=list)
    public_body: Text | None = None
    date: dt.date | None = None
    sources_differ: bool = False
    tags: Tags = Field(default_factory=Tags)
    request_id: int | None = None
    ranking_ref: RankingRef | None = None

    def answer_in(self, lang: Lang) -> str:
        return self.answer_en if lang == "en" and self.answer_en else self.answer

    def title_in(self, lang: Lang) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title


class FoiRequest(_Model):
    """An FOI request on FragDenStaat (or elsewhere) whose answer the base quotes."""

    id: int
    title: Text
    url: Url
    public_body: Text
    law: Text | None = None
    status: Text | None = None
    resolution: Text | None = None
    sent: dt.date | None = None
    answered: dt.date | None = None
    summary: Text | None = None
    links: list[Link] = Field(default_factory=list)
    project: int | None = None  # the series on FragDenStaat: the same request sent to many bodies at once
    # The request a question about "die Anfrage" naming no body means: the one the base is founded on.
    default: bool = False


class Edition(_Model):
    """How many cities one year of a ranking compared, with its source."""

    year: int
    cities: int = Field(gt=0)
    source_url: Url
    quote: Text | None = None


class FirstEdition(_Model):
    """The year a ranking first appeared, as a source says: what "the first index" asks about."""

    year: int
    source_url: Url
    quote: Text


# Between the names of a ranking's publishers: "/", "–", "," and a note in brackets ("(2018 mit fortiss)").
_PUBLISHER_NAMES = re.compile(r"\s*(?:/|\(.*?\)|–|,)\s*")
_REGISTERED = re.compile(r"\s+e\.\s?v\.$", re.IGNORECASE)  # "Bitkom e.V." is Bitkom


class Ranking(_Model):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,30}$")]
    name: Text
    name_en: Text | None = None
    publisher: Text | None = None
    score_unit: Text = "Punkte"
    aliases: list[Text] = Field(default_factory=list)
    editions: list[Edition] = Field(default_factory=list)
    first_edition: FirstEdition | None = None
    # The English name of each category, by the German name the table's rows use.
    categories_en: dict[Text, Text] = Field(default_factory=dict)
    # How German says "in" the ranking where "im <name>" is wrong: "in der Digitalisierungsstudie …".
    within_de: Text | None = None
    states: bool = False  # it ranks federal states, not cities (its rows' `city` holds the state)

    def name_in(self, lang: Lang) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    def within(self, lang: Lang) -> str:
        """`im Bitkom Smart City Index`, `in the Bitkom Smart City Index`."""
        if lang == "en":
            return f"in the {self.name_in('en')}"
        return self.within_de or f"im {self.name}"

    def category_in(self, category: str, lang: Lang) -> str:
        return self.categories_en.get(category, category) if lang == "en" else category

    def edition(self, year: int) -> Edition | None:
        return next((e for e in self.editions if e.year == year), None)

    def publisher_names(self) -> list[str]:
        """Who publishes the ranking, each name on its own: "ÖFIT / Fraunhofer FOKUS" is two, "Haselhorst
        Associates (2019 mit BILANZ)" one, "Bitkom e.V." is "Bitkom"."""
        if not self.publisher:
            return []
        names = (_REGISTERED.sub("", n).strip() for n in _PUBLISHER_NAMES.split(self.publisher))
        return [n for n in names if n]

    def source_urls(self) -> list[str]:
        """The documents the ranking's own facts (editions, first edition) quote."""
        first = [self.first_edition.source_url] if self.first_edition else []
        return [*(e.source_url for e in self.editions), *first]


class RankingRow(_Model):
    """One source's statement of a city's place and/or score in one year of a ranking."""

    ranking: str
    year: int = Field(ge=1900, le=2100)
    city: Text
    place: int | None = Field(default=None, ge=1)
    score: float | None = None
    category: str = ""
    change: int | None = None
    source_url: Url
    quote: Text
    note: str = ""
    note_en: str = ""

    def note_in(self, lang: Lang) -> str:
        return self.note_en if lang == "en" else self.note


class Aliases(_Model):
    """Synonym groups (first term canonical) and every city or state the bot should recognise."""

    synonyms: list[Annotated[list[Text], Field(min_length=2)]] = Field(default_factory=list)
    cities: dict[str, list[Text]] = Field(default_factory=dict)
    # The English name of a city or state that English writes otherwise (München: Munich), for English replies.
    english: dict[str, Text] = Field(default_factory=dict)
    # The cities of each state: which city of a state came first, how many of its cities made a top list.
    states: dict[str, list[Text]] = Field(default_factory=dict)


MONTHS: dict[Lang, list[str]] = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "en": "January February March April May June July August September October November December".split(),
}


def _partial_date(value: str) -> str:
    """A day, a month or a year, as the source gives it: `2023-10-14`, `2023-10` or `2023`."""
    parts = value.split("-")
    try:
        if len(parts) > 3 or len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
            raise ValueError(value)
        dt.date(int(parts[0]), *(int(p) for p in parts[1:]), *([1] * (3 - len(parts))))
    except ValueError:
        raise ValueError(f"{value!r} is no date: write YYYY-MM-DD, YYYY-MM or YYYY") from None
    return value


class Source(_Model):
    """A document the base quotes or links, named as a citation names it: "WAZ, 14.10.2023"."""

    url: Url
    name: Text
    name_en: Text | None = None
    # Where in the document, after the date: "S. 2 (PDF)", "p. 2 (PDF)".
    locator: Text | None = None
    locator_en: Text | None = None
    # YAML reads an unquoted 2023-10-14 as a date and 2023 as a number: both are taken as written.
    date: (
        Annotated[
            str, BeforeValidator(lambda v: str(v) if isinstance(v, dt.date | int) else v), AfterValidator(_partial_date)
        ]
        | None
    ) = None

    def label(self, lang: Lang) -> str:
        name = self.name_en if lang == "en" and self.name_en else self.name
        locator = self.locator_en if lang == "en" and self.locator_en else self.locator
        return f"{self._dated(name, lang)}, {locator}" if locator else self._dated(name, lang)

    def _dated(self, name: str, lang: Lang) -> str:
        if not self.date:
            return name
        year, *rest = (int(part) for part in self.date.split("-"))
        if len(rest) == 2:
            month, day = rest
            when = f"{day:02d}.{month:02d}.{year}" if lang == "de" else f"{day} {MONTHS['en'][month - 1]} {year}"
        elif rest:
            when = f"{MONTHS[lang][rest[0] - 1]} {year}"
        else:
            when = str(year)
        return f"{name}, {when}"


class KnowledgeBase(_Model):
    """Everything read from a knowledge folder, validated."""

    entries: list[Entry]
    requests: list[FoiRequest] = Field(default_factory=list)
    rankings: list[Ranking] = Field(default_factory=list)
    rows: list[RankingRow] = Field(default_factory=list)
    aliases: Aliases = Field(default_factory=Aliases)
    sources: list[Source] = Field(default_factory=list)


class Hit(_Model):
    """A ranked search result, as shown to people and tools."""

    id: str
    score: float
    title: str
    text: str
    source_url: str


class Decision(StrEnum):
    ANSWER = "answer"
    NOT_STATED = "not_stated"  # the entry is about the subject, but does not say what was asked
    NEAREST = "nearest"  # the entry is about the subject; whether it says what was asked is not sure
    SUGGEST = "suggest"
    UNKNOWN = "unknown"
    GREETING = "greeting"  # hello or thanks, nothing asked: the reply says how to ask


class AnswerType(StrEnum):
    """What kind of answer a question asks for; `OPEN` and `YESNO` accept any statement on the subject."""

    OPEN = "open"
    YESNO = "yesno"
    DATE = "date"  # a year will do
    DAY = "day"  # a day or a month
    TIME = "time"  # a time of day
    PERSON = "person"  # a person, office or body
    NAME = "name"  # what someone or something is called: a person's name or a document's title
    COUNT = "count"  # a number or an amount
    REASON = "reason"
    PLACE = "place"  # a place in a ranking
    POINTS = "points"  # a ranking's score
    PARTICULARS = "particulars"  # names or items where the source only sums up ("verschiedene Fachämter")


class Suggestion(_Model):
    id: str
    question: str


class Answer(_Model):
    """What the bot replies, as plain data; channels render it."""

    question: str
    lang: Lang
    decision: Decision
    text: str = ""
    title: str = ""
    entry_ids: list[str] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    source_url: str | None = None
    links: list[Link] = Field(default_factory=list)
    sources_differ: bool = False
    suggestions: list[Suggestion] = Field(default_factory=list)
    hits: list[Hit] = Field(default_factory=list)
    # With `NOT_STATED`: what the question asked that the entry does not say (a kind of answer, or words of
    # the question), and whose answer it is, to say where it is missing.
    missing: AnswerType | None = None
    missing_words: list[str] = Field(default_factory=list)
    public_body: str | None = None
    date: dt.date | None = None
    citations: dict[str, str] = Field(default_factory=dict)  # url → how the reply names it ("WAZ, 14.10.2023")

    @property
    def answered(self) -> bool:
        return self.decision is Decision.ANSWER
