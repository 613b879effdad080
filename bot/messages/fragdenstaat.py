"""The FragDenStaat importer's phrases (bot/importers/fragdenstaat.py), in German and English: what people are told
when a reference cannot be read or a request not fetched, and the texts of the entry and sources an import makes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from bot.models import MONTHS, Lang

UNKNOWN_BODY = "unbekannte Behörde"

ACCEPTED_FORMS: Final[dict[Lang, str]] = {
    "en": (
        "a request link such as https://fragdenstaat.de/anfrage/<slug>/, a short link https://fragdenstaat.de/a/<id>, "
        "a message link https://fragdenstaat.de/anfrage/m/<id>/, or a request number such as #257364, [#257364] "
        "or 257364"
    ),
    "de": (
        "einen Anfrage-Link wie https://fragdenstaat.de/anfrage/<slug>/, einen Kurzlink "
        "https://fragdenstaat.de/a/<id>, einen Nachrichten-Link https://fragdenstaat.de/anfrage/m/<id>/ oder eine "
        "Anfragenummer wie #257364, [#257364] oder 257364"
    ),
}

ProblemKey = Literal[
    "not_a_reference",
    "other_request",
    "no_such_slug",
    "odd_request_link",
    "timeout",
    "too_large",
    "redirected",
    "stopped",
    "unreachable",
    "not_found",
    "access_refused",
    "rate_limited",
    "http_error",
    "not_json",
    "odd_shape",
    "unusable",
    "foreign_file",
    "compressed_file",
    "series_too_large",
]

# What can go wrong, as people are told it. The English texts are also what the command line prints.
PROBLEMS: Final[dict[ProblemKey, dict[Lang, str]]] = {
    "not_a_reference": {
        "en": "Not a FragDenStaat request reference: {reason}. Please send {forms}.",
        "de": "Das ist kein Verweis auf eine FragDenStaat-Anfrage: {reason}. Bitte senden Sie {forms}.",
    },
    "other_request": {
        "en": "FragDenStaat answered for request #{got} when asked for {what}.",
        "de": "FragDenStaat hat Anfrage #{got} geliefert, gefragt war nach {what}.",
    },
    "no_such_slug": {
        "en": "No public request with the address /anfrage/{slug}/ was found on FragDenStaat.",
        "de": "Auf FragDenStaat gibt es keine öffentliche Anfrage mit der Adresse /anfrage/{slug}/.",
    },
    "odd_request_link": {
        "en": "FragDenStaat sent an unexpected request link for {what}: {link!r}.",
        "de": "FragDenStaat hat für {what} einen unerwarteten Anfrage-Link geschickt: {link!r}.",
    },
    "timeout": {
        "en": "FragDenStaat did not answer within {seconds} s while reading {what}; please try again later.",
        "de": (
            "FragDenStaat hat beim Lesen von {what} nicht innerhalb von {seconds} s geantwortet; bitte versuchen Sie "
            "es später noch einmal."
        ),
    },
    "too_large": {
        "en": "FragDenStaat sent more than {megabytes} MB for {what}; a reply that large is not read.",
        "de": (
            "FragDenStaat hat für {what} mehr als {megabytes} MB geschickt; eine so große Antwort wird nicht gelesen."
        ),
    },
    "redirected": {
        "en": "FragDenStaat redirected {what} to {target!r}; redirects are not followed, only {api} is read.",
        "de": (
            "FragDenStaat hat {what} nach {target!r} umgeleitet; Umleitungen wird nicht gefolgt, gelesen wird nur "
            "{api}."
        ),
    },
    "stopped": {
        "en": "The bot is stopping, so {what} was not read from FragDenStaat; please try again in a minute.",
        "de": (
            "Der Bot wird gerade beendet, deshalb wurde {what} nicht von FragDenStaat gelesen; bitte versuchen Sie "
            "es in einer Minute noch einmal."
        ),
    },
    "unreachable": {
        "en": "FragDenStaat could not be reached while reading {what} ({error}); please try again later.",
        "de": (
            "FragDenStaat war beim Lesen von {what} nicht erreichbar ({error}); bitte versuchen Sie es später noch "
            "einmal."
        ),
    },
    "not_found": {
        "en": "{what} not found on FragDenStaat (or it is not public).",
        "de": "{what} wurde auf FragDenStaat nicht gefunden (oder sie ist nicht öffentlich).",
    },
    "access_refused": {
        "en": "FragDenStaat refused access to {what} (HTTP {code}); it may not be public.",
        "de": "FragDenStaat hat den Zugriff auf {what} verweigert (HTTP {code}); vielleicht ist sie nicht öffentlich.",
    },
    "rate_limited": {
        "en": "FragDenStaat is limiting requests (HTTP 429) for {what}; please try later.",
        "de": (
            "FragDenStaat begrenzt gerade die Abrufe (HTTP 429) für {what}; bitte versuchen Sie es später noch einmal."
        ),
    },
    "http_error": {
        "en": "FragDenStaat answered HTTP {code} for {what}; please try again later.",
        "de": "FragDenStaat hat für {what} mit HTTP {code} geantwortet; bitte versuchen Sie es später noch einmal.",
    },
    "not_json": {
        "en": "FragDenStaat sent a reply for {what} that is not valid JSON.",
        "de": "FragDenStaat hat für {what} eine Antwort geschickt, die kein gültiges JSON ist.",
    },
    "odd_shape": {
        "en": "FragDenStaat sent data of an unexpected shape for {what} ({where}: {detail}).",
        "de": "FragDenStaat hat für {what} Daten in unerwarteter Form geschickt ({where}: {detail}).",
    },
    "unusable": {
        "en": "Request #{request_id} could not be turned into an answer: {detail}.",
        "de": "Aus Anfrage #{request_id} ließ sich keine Antwort erstellen: {detail}.",
    },
    "foreign_file": {
        "en": "FragDenStaat links {what} at {host}; files are read only from {api} and FragDenStaat's own addresses.",
        "de": (
            "FragDenStaat verweist für {what} auf {host}; Dateien werden nur von {api} und den eigenen Adressen von "
            "FragDenStaat gelesen."
        ),
    },
    "compressed_file": {
        "en": "FragDenStaat sent {what} compressed; such a file is not read (it could unpack to any size).",
        "de": (
            "FragDenStaat hat {what} komprimiert geschickt; eine solche Datei wird nicht gelesen (sie könnte sich "
            "auf jede Größe entpacken)."
        ),
    },
    "series_too_large": {
        "en": "FragDenStaat lists {count} requests in {what}; at most {limit} are read.",
        "de": "FragDenStaat führt {count} Anfragen in {what}; gelesen werden höchstens {limit}.",
    },
}

ReasonKey = Literal["too_long", "empty", "not_a_request_page", "other_site", "several", "nothing_found"]

# Why a text is not a reference: the {reason} of "not_a_reference".
REASONS: Final[dict[ReasonKey, dict[Lang, str]]] = {
    "too_long": {
        "en": "the text is too long ({length} characters, at most {limit})",
        "de": "der Text ist zu lang ({length} Zeichen, höchstens {limit})",
    },
    "empty": {"en": "the text is empty", "de": "der Text ist leer"},
    "not_a_request_page": {
        "en": "this FragDenStaat link does not point to a request or message",
        "de": "dieser FragDenStaat-Link führt nicht zu einer Anfrage oder Nachricht",
    },
    "other_site": {
        "en": "only fragdenstaat.de links can be read, not {host}",
        "de": "ich kann nur Links auf fragdenstaat.de lesen, nicht auf {host}",
    },
    "several": {
        "en": "it names several requests ({requests}); send one at a time",
        "de": "der Text nennt mehrere Anfragen ({requests}), ich kann nur eine auf einmal lesen",
    },
    "nothing_found": {
        "en": "no request link or number found",
        "de": "kein Anfrage-Link und keine Anfragenummer gefunden",
    },
}

# The {where} of "odd_shape" when the whole reply has the wrong shape.
TOP_LEVEL: Final[dict[Lang, str]] = {"en": "top level", "de": "oberste Ebene"}

# How messages name what a reference points at (the {what} of most problems), with its {value}.
REQUEST_NAMED: Final[dict[Lang, str]] = {"en": "request #{value}", "de": "Anfrage #{value}"}
SLUG_NAMED: Final[dict[Lang, str]] = {"en": "request /anfrage/{value}/", "de": "Anfrage /anfrage/{value}/"}
MESSAGE_NAMED: Final[dict[Lang, str]] = {"en": "message #{value}", "de": "Nachricht #{value}"}
ATTACHMENT_NAMED: Final[dict[Lang, str]] = {"en": "attachment '{name}'", "de": "Anhang „{name}“"}
DOCUMENT_NAMED: Final[dict[Lang, str]] = {"en": "document #{value}", "de": "Dokument #{value}"}
BODY_NAMED: Final[dict[Lang, str]] = {"en": "public body #{value}", "de": "Behörde #{value}"}
SERIES_NAMED: Final[dict[Lang, str]] = {"en": "series #{value}", "de": "Anfragenserie #{value}"}


# The texts of an imported request and its entry: stored, so tests quote them to the byte.


def default_title(request_id: int) -> str:
    """The title of a request the API gave none."""
    return f"Anfrage #{request_id}"


def link_title(request_id: int) -> str:
    return f"Anfrage #{request_id} auf FragDenStaat"


def request_questions(request_id: int, title: str, body: str | None) -> list[str]:
    """How people ask for the answer to a request; `body`: the public body's name, if known."""
    return [
        f"Was hat {body or 'die Behörde'} auf die Anfrage „{title}“ geantwortet?",
        f"Was steht in der Antwort auf „{title}“?",
        f"Status der Anfrage #{request_id}",
        f"Wurde die FragDenStaat-Anfrage #{request_id} schon beantwortet?",
        f"What did {body or 'the public body'} answer to the request '{title}'?",
        f"What is the status of FOI request #{request_id}?",
    ]


def request_source_name(request_id: int, body: str, lang: Lang) -> str:
    """`FragDenStaat-Anfrage #257364 an Stadt Bochum`; `body` may be empty."""
    if lang == "de":
        return f"FragDenStaat-Anfrage #{request_id}" + (f" an {body}" if body else "")
    return f"FragDenStaat request #{request_id}" + (f" to {body}" if body else "")


def page_locator(page: int, lang: Lang) -> str:
    """Where in an answer's letter a passage is: `S. 2 (PDF)`, `p. 2 (PDF)`."""
    return f"S. {page} (PDF)" if lang == "de" else f"p. {page} (PDF)"


def response_source_name(request_id: int, body: str, lang: Lang) -> str:
    """`Antwort von Stadt Bochum (FragDenStaat #257364)`; `body` may be empty."""
    if lang == "de":
        return f"Antwort von {body or 'der Behörde'} (FragDenStaat #{request_id})"
    return f"Answer from {body or 'the public body'} (FragDenStaat #{request_id})"


def _date_de(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _date_en(day: dt.date) -> str:
    # Spelt out here: `%B` would follow the process's locale.
    return f"{day.day} {MONTHS['en'][day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """What the answer sentences are made of, worked out once for both languages."""

    request_id: int
    title: str
    body: str | None
    sent: dt.date | None
    responses: int
    public: int
    quoted: int
    latest: dt.date | None
    # The bodies that answered, in order, when another than the one asked did (FragDenStaat forwards a request
    # to the body in charge, or that body answers in place of the one asked).
    answered_by: tuple[str, ...] = ()


def request_answer(facts: RequestFacts, status: str, lang: Lang) -> str:
    """The entry's answer: who answered when, how much of it is public and quoted, and the request's `status`."""
    return _answer_de(facts, status) if lang == "de" else _answer_en(facts, status)


def _answer_de(facts: RequestFacts, status: str) -> str:
    title = f"#{facts.request_id} „{facts.title}“"
    if facts.responses == 0:
        sent = f" (gestellt am {_date_de(facts.sent)})" if facts.sent else ""
        first = (
            f"Zur FragDenStaat-Anfrage {title}{sent} ist noch keine Antwort von {facts.body or 'der Behörde'} "
            "eingegangen, es gibt also noch keinen Antworttext."
        )
    else:
        who = " und ".join(facts.answered_by) or facts.body or "Die Behörde"
        has = "haben" if len(facts.answered_by) > 1 else "hat"
        asked = f"die an {facts.body} gestellte" if facts.answered_by and facts.body else "die"
        on = f" am {_date_de(facts.latest)}" if facts.latest else ""
        if facts.responses == 1:
            first = f"{who} {has}{on} auf {asked} FragDenStaat-Anfrage {title} geantwortet."
        else:
            latest = f", zuletzt{on}" if on else ""
            first = f"{who} {has} {facts.responses}-mal auf {asked} FragDenStaat-Anfrage {title} geantwortet{latest}."
        if facts.public == 0:
            first += (
                " Der Antworttext ist auf FragDenStaat nicht öffentlich lesbar (etwa nur als Anhang oder "
                "ausgeblendet), deshalb kann ich ihn nicht zitieren."
            )
        elif facts.public < facts.responses:
            first += f" Öffentlich lesbaren Text haben {facts.public} von {facts.responses} Antworten."
        if 0 < facts.quoted < facts.public:
            first += f" Zitiert sind die neuesten {facts.quoted}."
    return f"{first} Stand auf FragDenStaat: {status}."


def _answer_en(facts: RequestFacts, status: str) -> str:
    title = f"#{facts.request_id} '{facts.title}'"
    if facts.responses == 0:
        sent = f" (sent on {_date_en(facts.sent)})" if facts.sent else ""
        first = (
            f"No response from {facts.body or 'the public body'} to FragDenStaat request {title}{sent} "
            "has arrived yet, so there is no answer text."
        )
    else:
        who = " and ".join(facts.answered_by) or facts.body or "The public body"
        title += f" (sent to {facts.body})" if facts.answered_by and facts.body else ""
        on = f" on {_date_en(facts.latest)}" if facts.latest else ""
        if facts.responses == 1:
            first = f"{who} answered FragDenStaat request {title}{on}."
        else:
            latest = f", the latest{on}" if on else ""
            first = f"{who} sent {facts.responses} responses to FragDenStaat request {title}{latest}."
        if facts.public == 0:
            first += (
                " The response text is not public on FragDenStaat (for instance only an attachment, or hidden), "
                "so I cannot quote it."
            )
        elif facts.public < facts.responses:
            first += f" {facts.public} of {facts.responses} responses have public text."
        if 0 < facts.quoted < facts.public:
            first += f" The newest {facts.quoted} are quoted."
    return f"{first} Status on FragDenStaat: {status}."
