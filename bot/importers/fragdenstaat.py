"""Reads FOI requests and their public answers from FragDenStaat (froide) and turns them into knowledge.

What one import may cost is bounded (see SECURITY.md): the time of a fetch (`DEADLINE`), the size of a reply
(`MAX_BODY`; a PDF's: `MAX_PDF`), the responses and letters taken (`MAX_RESPONSES`, `MAX_ATTACHMENTS`) and the
size of the entry they make (`MAX_PASSAGES`, `MAX_QUOTED`). The letters themselves are read in
bot/importers/attachments.py. The bot runs fetches on threads of their own (`bot/telegram/fetching.py`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import socket
import ssl
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from types import TracebackType
from typing import Annotated, Any, Self, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.folding import shorten
from bot.importers.attachments import (
    MAX_ATTACHMENTS,
    MAX_PDF,
    ApiAttachment,
    ApiDocument,
    LetterSource,
    LetterUnreadable,
    PageText,
    Unread,
    letters,
    page_texts,
    read_letters,
    unread,
)
from bot.importers.responses import is_receipt
from bot.messages import status_label
from bot.messages.fragdenstaat import (
    ACCEPTED_FORMS,
    ATTACHMENT_NAMED,
    BODY_NAMED,
    DOCUMENT_NAMED,
    MESSAGE_NAMED,
    PROBLEMS,
    REASONS,
    REQUEST_NAMED,
    SERIES_NAMED,
    SLUG_NAMED,
    TOP_LEVEL,
    UNKNOWN_BODY,
    ProblemKey,
    ReasonKey,
    RequestFacts,
    default_title,
    link_title,
    page_locator,
    request_answer,
    request_questions,
    request_source_name,
    response_source_name,
)
from bot.models import Entry, FoiRequest, Kind, Lang, Link, Passage, Source, http_url

DEFAULT_API_URL = "https://fragdenstaat.de/api/v1"
DEFAULT_SITE = "https://fragdenstaat.de"
USER_AGENT = "foi-answer-bot (Telegram bot quoting FOI answers; FragDenStaat importer)"
MAX_RESPONSE_QUOTE = 3500  # characters of one response quoted as a passage
MAX_SUMMARY = 500  # characters of the request's description kept as its summary
DEADLINE = 30.0  # seconds for all calls of one fetch together, however slowly the server drips its replies
MAX_BODY = 5_000_000  # bytes of one reply
MAX_RESPONSES = 200  # the newest responses with public text are quoted, the older ones only counted
MAX_PASSAGES = 200  # passages of one entry (a response's text, a page of a letter), the newest kept
# Requests of one series (a request sent to many bodies at once) read; froide lists them in pages of at most 50.
MAX_SERIES = 1000
SERIES_PAGE = 50
# Bytes (as JSON) of an entry's passages together, the newest kept: with the names and addresses capped below
# an entry stays under 1 MB.
MAX_QUOTED = 750_000
MAX_NAME = 300  # characters of a title, a public body's or a law's name
MAX_URL = 500  # characters of a page address taken from the API
SQLITE_MAX_INT = 2**63 - 1
# A Telegram message holds 4096 characters; longer input is not something a person pasted as a reference.
MAX_INPUT = 4096
# What keeps one letter from being read, not the whole request (a timeout, say, ends the whole fetch).
LETTER_PROBLEMS = frozenset({"too_large", "foreign_file", "compressed_file"})

# Pasted text wraps links in brackets and quotes and ends sentences after them.
_LEADING = "<([{\"'„“‚‘«»"
_TRAILING = ">)]}\"'“”‘’«».,;:!?"
_HOSTS = frozenset({"fragdenstaat.de", "www.fragdenstaat.de"})
_LOOKS_LIKE_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.|[\w-]+(?:\.[\w-]+)+/)", re.IGNORECASE)
_HASH_ID = re.compile(r"#([1-9][0-9]{0,8})")
_DIGITS = re.compile(r"[0-9]{1,9}")
# Django's `slug` path converter.
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,255}")
_API_REQUEST_LINK = re.compile(r"/request/([0-9]{1,12})/?(?:[?#]|$)")
_API_BODY_LINK = re.compile(r"/publicbody/([0-9]{1,12})/?(?:[?#]|$)")
# Where FragDenStaat keeps its files, besides its own address: the files of the real site are served from there.
_FILE_HOSTS = frozenset({*_HOSTS, "media.frag-den-staat.de"})
_SPACES = re.compile(r"[^\S\n]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
M = TypeVar("M", bound=BaseModel)

# A value put into a message: the same in every language, or given in each.
Param = str | int | float | Mapping[Lang, str]


def _in(lang: Lang, templates: Mapping[Lang, str], params: Mapping[str, Param]) -> str:
    return templates[lang].format(**{k: v[lang] if isinstance(v, Mapping) else v for k, v in params.items()})


def _in_both(templates: Mapping[Lang, str], **params: Param) -> dict[Lang, str]:
    return {lang: _in(lang, templates, params) for lang in templates}


def _decimal(value: float) -> dict[Lang, str]:
    """A number as each language writes it: 0.5, 0,5."""
    text = f"{value:g}"
    return {"en": text, "de": text.replace(".", ",")}


class FragDenStaatError(Exception):
    """A reference could not be read or a request could not be fetched: one of the `PROBLEMS`, told in
    German or English by `text`; `str()` is the English text."""

    def __init__(self, problem: ProblemKey, **params: Param) -> None:
        self.problem = problem
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: Lang) -> str:
        return _in(lang, PROBLEMS[self.problem], self.params)


class ReferenceKind(StrEnum):
    REQUEST_ID = "request_id"
    SLUG = "slug"
    MESSAGE_ID = "message_id"
    SERIES = "series"  # froide's project: never parsed from what people send, only made by the core


@dataclass(frozen=True, slots=True)
class Reference:
    """What a person pointed at: a request by number or slug, or a single message of a request."""

    kind: ReferenceKind
    value: int | str

    def __post_init__(self) -> None:
        if self.kind is ReferenceKind.SLUG:
            if not isinstance(self.value, str) or not _SLUG.fullmatch(self.value):
                raise ValueError(f"not a request slug: {self.value!r}")
        elif not isinstance(self.value, int) or isinstance(self.value, bool) or self.value < 1:
            raise ValueError(f"not a positive id: {self.value!r}")

    def __str__(self) -> str:
        return self.named()["en"]

    def named(self) -> dict[Lang, str]:
        """How messages name it: "request #5", "Anfrage #5"."""
        if self.kind is ReferenceKind.SLUG:
            return _in_both(SLUG_NAMED, value=self.value)
        if self.kind is ReferenceKind.MESSAGE_ID:
            return _in_both(MESSAGE_NAMED, value=self.value)
        if self.kind is ReferenceKind.SERIES:
            return _in_both(SERIES_NAMED, value=self.value)
        return _in_both(REQUEST_NAMED, value=self.value)


def _reject(reason: ReasonKey, **params: Param) -> FragDenStaatError:
    return FragDenStaatError("not_a_reference", reason=_in_both(REASONS[reason], **params), forms=ACCEPTED_FORMS)


def _clean_token(token: str) -> str:
    return token.lstrip(_LEADING).rstrip(_TRAILING)


def _number(text: str) -> int | None:
    return int(text) if _DIGITS.fullmatch(text) and int(text) > 0 else None


def _parse_site_path(path: str) -> Reference | None:
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 2 and parts[0] == "a" and (request_id := _number(parts[1])):
        return Reference(ReferenceKind.REQUEST_ID, request_id)
    if len(parts) < 2 or parts[0] != "anfrage":
        return None
    if parts[1] == "m" and len(parts) >= 3:
        message_id = _number(parts[2])
        return Reference(ReferenceKind.MESSAGE_ID, message_id) if message_id else None
    # froide routes /anfrage/<int> (no slash) to the request with that id and /anfrage/<slug>/ to a slug,
    # and a slug may consist of digits only.
    if len(parts) == 2 and not path.endswith("/") and (request_id := _number(parts[1])):
        return Reference(ReferenceKind.REQUEST_ID, request_id)
    if _SLUG.fullmatch(parts[1]):
        return Reference(ReferenceKind.SLUG, parts[1])
    return None


def _parse_url(token: str) -> tuple[str, Reference | None]:
    """The token's site (`fragdenstaat.de` or another) and, if it links to a request or message, the reference."""
    try:
        parts = urlsplit(token if "://" in token else f"https://{token}")
        host = (parts.hostname or "").lower()
    except ValueError:
        return token[:60], None
    if parts.scheme.lower() not in {"http", "https"}:
        return f"{parts.scheme}://{host}"[:60], None
    if host not in _HOSTS:
        return host or token[:60], None
    return "fragdenstaat.de", _parse_site_path(parts.path)


def parse_reference(text: str) -> Reference:
    """The FragDenStaat request or message that `text` links to or names; raises `FragDenStaatError` otherwise."""
    if len(text) > MAX_INPUT:
        raise _reject("too_long", length=len(text), limit=MAX_INPUT)
    tokens = [t for t in (_clean_token(raw) for raw in text.split()) if t]
    if not tokens:
        raise _reject("empty")
    links: list[Reference] = []
    other_hosts: list[str] = []
    other_fds_page = False
    hashes: list[Reference] = []
    bare: list[Reference] = []
    for token in tokens:
        if _LOOKS_LIKE_URL.match(token) or "fragdenstaat.de" in token.lower():
            host, ref = _parse_url(token)
            if ref is not None:
                links.append(ref)
            elif host == "fragdenstaat.de":
                other_fds_page = True
            else:
                other_hosts.append(host)
        elif match := _HASH_ID.fullmatch(token):
            hashes.append(Reference(ReferenceKind.REQUEST_ID, int(match[1])))
        elif number := _number(token):
            bare.append(Reference(ReferenceKind.REQUEST_ID, number))
    # A link is the most deliberate form, a bare number the most likely to be something else (a year, say).
    for found in (links, hashes):
        if found:
            return _single(found)
    if other_fds_page:
        raise _reject("not_a_request_page")
    if other_hosts:
        raise _reject("other_site", host=other_hosts[0][:60])
    if bare:
        return _single(bare)
    raise _reject("nothing_found")


def _single(found: list[Reference]) -> Reference:
    distinct = list(dict.fromkeys(found))
    if len(distinct) > 1:
        named = [r.named() for r in distinct[:3]]
        raise _reject("several", requests={lang: ", ".join(n[lang] for n in named) for lang in named[0]})
    return distinct[0]


# An id as froide sends it: a JSON number, positive, and small enough to be a key in SQLite.
ApiId = Annotated[int, Field(strict=True, gt=0, le=SQLITE_MAX_INT)]
# A status or resolution: one of froide's short codes (an unknown one is shown as it is).
ApiCode = Annotated[str, StringConstraints(max_length=64)]


class _ApiModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ApiPublicBody(_ApiModel):
    id: ApiId | None = None
    name: str = ""


class ApiLaw(_ApiModel):
    id: ApiId | None = None
    name: str = ""


class ApiMessage(_ApiModel):
    """One message of a request. Only the public `content` (it is "" when the text is hidden) and the public
    attachments are ever read."""

    id: ApiId
    url: str | None = None
    is_response: bool = False
    is_draft: bool = False
    content: str | None = ""
    content_hidden: bool = False
    timestamp: dt.datetime | None = None
    subject: str | None = ""
    # Who sent it: an API link, or (after `FragDenStaatClient.fetch`, for another body than the one asked) the body.
    sender_public_body: ApiPublicBody | str | None = None
    attachments: list[ApiAttachment] = Field(default_factory=list)

    @property
    def public_text(self) -> str:
        return "" if self.content_hidden or self.is_draft else (self.content or "").strip()

    @property
    def is_answer(self) -> bool:
        """A response of the body that answers: not a draft, not an automatic receipt or delivery notice."""
        if not self.is_response or self.is_draft:
            return False
        found = letters(self.attachments)
        if any(letter.pages is None for letter in found):
            return True  # a letter left unread: what it says is not known, so it is not taken for a receipt
        letter_text = " ".join(page.content or "" for letter in found for page in letter.pages or []) if found else None
        return not is_receipt(self.subject or "", self.public_text, letter_text=letter_text)


class ApiRequest(_ApiModel):
    """A request as the list (no messages, law as API URL) or detail view (messages, law object) returns it."""

    id: ApiId
    url: str | None = None
    title: str = ""
    slug: str = ""
    status: ApiCode | None = None
    resolution: ApiCode | None = None
    public_body: ApiPublicBody | None = None
    law: ApiLaw | str | None = None
    created_at: dt.datetime | None = None
    last_message: dt.datetime | None = None
    due_date: dt.datetime | None = None
    description: str | None = ""
    messages: list[ApiMessage] = Field(default_factory=list)
    # The series (froide's "project") the request belongs to: the same text sent to many bodies at once.
    project: ApiId | None = None
    project_site_url: str | None = None
    project_request_count: int | None = None
    campaign: ApiId | str | None = None
    same_as: ApiId | str | None = None
    same_as_count: int | None = None


class _ApiListMeta(_ApiModel):
    next: str | None = None
    total_count: Annotated[int, Field(ge=0)] | None = None


class _ApiRequestList(_ApiModel):
    meta: _ApiListMeta = Field(default_factory=_ApiListMeta)
    objects: list[ApiRequest]


class _ApiMessageLink(_ApiModel):
    request: ApiId | str


@cache
def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle takes tens of milliseconds; one context serves every client.
    return httpx.create_ssl_context()


class _Watchdog:
    """Ends a fetch when its deadline passes by shutting its connections down: a read blocked on a server that
    drips a byte now and then returns at once. httpx's timeouts only bound each single read."""

    def __init__(self, seconds: float) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Self:
        self._timer.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's `trace` extension: keeps a handle on each connection made."""
        if event.endswith(".connect_tcp.complete"):
            # A duplicate: TLS takes the socket object over (detaches it) while its handshake may still be waiting.
            sock = info["return_value"].get_extra_info("socket").dup()
            with self._lock:
                self._sockets.append(sock)
                if self.expired:
                    _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # Shutting down (unlike closing) also ends a read another thread is blocked in; the connection may be gone.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class FragDenStaatClient:
    """Synchronous reader of the public froide API; every failure surfaces as `FragDenStaatError`.

    `timeout` bounds each connect and read, `deadline` all calls of one `fetch` together, `max_body` each reply.
    """

    def __init__(
        self,
        api_url: str = DEFAULT_API_URL,
        *,
        timeout: float = 10.0,
        deadline: float = DEADLINE,
        max_body: int = MAX_BODY,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._api = api_url.rstrip("/")
        self._timeout = timeout
        self._deadline = deadline
        self._max_body = max_body
        self._http = httpx.Client(
            timeout=timeout,
            transport=transport,
            verify=_ssl_context(),
            # The body is counted as it arrives; compressed, a few kilobytes could unpack to gigabytes.
            headers={"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "identity"},
            # A redirect could lead anywhere, to an address on this machine too.
            follow_redirects=False,
            # Every call opens its own connection, so the watchdog of its fetch knows the socket.
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def fetch(self, ref: Reference) -> ApiRequest:
        """The request `ref` points at, with all its public messages and the texts of their letters (PDFs up to
        `MAX_PDF` bytes each), within `deadline` seconds."""
        if ref.kind is ReferenceKind.SERIES:
            raise ValueError(f"{ref} is a series, read by fetch_series")
        with _Watchdog(self._deadline) as watchdog:
            if ref.kind is ReferenceKind.SLUG:
                return self._detail(self._id_for_slug(str(ref.value), watchdog), watchdog)
            if ref.kind is ReferenceKind.MESSAGE_ID:
                return self._detail(self._id_for_message(int(ref.value), watchdog), watchdog)
            return self._detail(int(ref.value), watchdog)

    def fetch_series(self, ref: Reference) -> list[ApiRequest]:
        """The requests of the series `ref` as froide lists them (without messages), by id, all pages within
        `deadline` seconds; a series of more than `MAX_SERIES` requests is refused."""
        if ref.kind is not ReferenceKind.SERIES:
            raise ValueError(f"{ref} is not a series")
        project = int(ref.value)
        what = ref.named()
        found: dict[int, ApiRequest] = {}
        with _Watchdog(self._deadline) as watchdog:
            listed = 0
            while True:
                params = {"project": str(project), "limit": str(SERIES_PAGE), "offset": str(listed)}
                page = _validate(_ApiRequestList, self._get("/request/", what, watchdog, params=params), what)
                listed += len(page.objects)
                count = max(page.meta.total_count or 0, listed)
                if count > MAX_SERIES:
                    raise FragDenStaatError("series_too_large", what=what, count=count, limit=MAX_SERIES)
                # Only the series' own requests count: a server that ignored the filter would list any.
                found.update((r.id, r) for r in page.objects if r.project == project)
                # The offset is counted here, not taken from `next`: that address could point anywhere.
                if page.meta.next is None or not page.objects:
                    return sorted(found.values(), key=lambda r: r.id)

    def _detail(self, request_id: int, watchdog: _Watchdog) -> ApiRequest:
        what = Reference(ReferenceKind.REQUEST_ID, request_id).named()
        detail = _validate(ApiRequest, self._get(f"/request/{request_id}/", what, watchdog), what)
        if detail.id != request_id:
            raise FragDenStaatError("other_request", got=detail.id, what=what)
        return self._with_letters(detail, watchdog)

    def _with_letters(self, detail: ApiRequest, watchdog: _Watchdog) -> ApiRequest:
        """The request with the page texts of its responses' letters (the newest `MAX_ATTACHMENTS`) and, where
        another body than the one asked answered, that body's name."""
        source = LetterSource(
            attachment=lambda attachment_id: self._attachment(attachment_id, watchdog),
            document=lambda document_id: self._document(document_id, watchdog),
            download=lambda attachment: self._download(attachment, watchdog),
        )
        bodies: dict[int, ApiPublicBody] = {}
        budget = MAX_ATTACHMENTS
        messages: list[ApiMessage] = []
        for message in reversed(detail.messages):
            if not message.is_response or message.is_draft:
                messages.append(message)
                continue
            attachments, budget = read_letters(message.attachments, source, budget)
            sender = self._sender(message, detail, bodies, watchdog)
            messages.append(message.model_copy(update={"attachments": attachments, "sender_public_body": sender}))
        return detail.model_copy(update={"messages": messages[::-1]})

    def _sender(
        self, message: ApiMessage, detail: ApiRequest, bodies: dict[int, ApiPublicBody], watchdog: _Watchdog
    ) -> ApiPublicBody | str | None:
        """The body that sent a response, read from the API if it is not the one asked and the message only
        links to it (by id, from the configured API: the link's host is not trusted)."""
        link = message.sender_public_body
        found = _API_BODY_LINK.search(link) if isinstance(link, str) else None
        asked = detail.public_body.id if detail.public_body else None
        if found is None or int(found[1]) == asked:
            return link
        body_id = int(found[1])
        if body_id not in bodies:
            what = _in_both(BODY_NAMED, value=body_id)
            bodies[body_id] = _validate(ApiPublicBody, self._get(f"/publicbody/{body_id}/", what, watchdog), what)
        return bodies[body_id]

    def _attachment(self, attachment_id: int, watchdog: _Watchdog) -> ApiAttachment:
        what = _in_both(ATTACHMENT_NAMED, name=f"#{attachment_id}")
        return _validate(ApiAttachment, self._get(f"/attachment/{attachment_id}/", what, watchdog), what)

    def _document(self, document_id: int, watchdog: _Watchdog) -> ApiDocument:
        what = _in_both(DOCUMENT_NAMED, value=document_id)
        return _validate(ApiDocument, self._get(f"/document/{document_id}/", what, watchdog), what)

    def _download(self, attachment: ApiAttachment, watchdog: _Watchdog) -> bytes:
        """A PDF attachment's file, at most `MAX_PDF` bytes, from FragDenStaat's own addresses only. A file that
        is refused for itself (LETTER_PROBLEMS) is LetterUnreadable: the request is imported without it."""
        try:
            return self._download_file(attachment, watchdog)
        except FragDenStaatError as exc:
            if exc.problem not in LETTER_PROBLEMS:
                raise
            raise LetterUnreadable({lang: exc.text(lang) for lang in ("de", "en")}) from exc

    def _download_file(self, attachment: ApiAttachment, watchdog: _Watchdog) -> bytes:
        what = _in_both(ATTACHMENT_NAMED, name=_name(attachment.name) or f"#{attachment.id}")
        url = attachment.file_url or ""
        api = urlsplit(self._api)
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:
            parts, host = urlsplit(""), ""
        own = (parts.scheme, parts.netloc) == (api.scheme, api.netloc)
        fragdenstaat = (api.hostname or "").lower() in _HOSTS and parts.scheme == "https" and host in _FILE_HOSTS
        if not (own or fragdenstaat):
            raise FragDenStaatError("foreign_file", what=what, host=host[:60] or url[:60], api=api.netloc)
        if attachment.size is not None and attachment.size > MAX_PDF:
            raise FragDenStaatError("too_large", what=what, megabytes=_decimal(MAX_PDF / 1_000_000))
        return self._read(url, what, watchdog, limit=MAX_PDF)

    def _id_for_slug(self, slug: str, watchdog: _Watchdog) -> int:
        what = Reference(ReferenceKind.SLUG, slug).named()
        listing = _validate(_ApiRequestList, self._get("/request/", what, watchdog, params={"slug": slug}), what)
        # Only an exact slug match counts: a server that ignored the filter would list unrelated requests.
        match = next((r for r in listing.objects if r.slug == slug), None)
        if match is None:
            raise FragDenStaatError("no_such_slug", slug=slug)
        return match.id

    def _id_for_message(self, message_id: int, watchdog: _Watchdog) -> int:
        what = Reference(ReferenceKind.MESSAGE_ID, message_id).named()
        link = _validate(_ApiMessageLink, self._get(f"/message/{message_id}/", what, watchdog), what).request
        if isinstance(link, int):
            return link
        # The id is taken from the link, but fetched from the configured API: the link's host is not trusted.
        found = _API_REQUEST_LINK.search(link)
        if found is None:
            raise FragDenStaatError("odd_request_link", what=what, link=link[:100])
        return int(found[1])

    def _get(
        self, path: str, what: dict[Lang, str], watchdog: _Watchdog, *, params: dict[str, str] | None = None
    ) -> Any:
        body = self._read(f"{self._api}{path}", what, watchdog, params=params)
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise FragDenStaatError("not_json", what=what) from exc

    def _read(
        self,
        url: str,
        what: dict[Lang, str],
        watchdog: _Watchdog,
        *,
        params: dict[str, str] | None = None,
        limit: int | None = None,
    ) -> bytes:
        """The body at `url`: JSON of the API, at most `max_body` bytes, or (with a `limit`) a file."""
        headers = {"Accept": "application/pdf"} if limit is not None else None
        extensions = {"trace": watchdog.trace}
        try:
            with self._http.stream("GET", url, params=params, headers=headers, extensions=extensions) as response:
                self._check_status(response, what)
                return self._body(response, what, limit)
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            # The watchdog ends a fetch by closing its connection, which httpx reports as a broken one.
            if watchdog.expired or isinstance(exc, httpx.TimeoutException):
                seconds = self._deadline if watchdog.expired else self._timeout
                raise FragDenStaatError("timeout", seconds=_decimal(seconds), what=what) from exc
            raise FragDenStaatError("unreachable", what=what, error=type(exc).__name__) from exc

    def _check_status(self, response: httpx.Response, what: dict[Lang, str]) -> None:
        if response.is_redirect:
            api = urlsplit(self._api)
            target = response.headers["location"][:100]
            raise FragDenStaatError("redirected", what=what, target=target, api=f"{api.scheme}://{api.netloc}")
        code = response.status_code
        if code == 404:
            # It opens the sentence.
            raise FragDenStaatError("not_found", what={lang: w[0].upper() + w[1:] for lang, w in what.items()})
        if code in {401, 403}:
            raise FragDenStaatError("access_refused", what=what, code=code)
        if code == 429:
            raise FragDenStaatError("rate_limited", what=what)
        if not response.is_success:
            raise FragDenStaatError("http_error", what=what, code=code)

    def _body(self, response: httpx.Response, what: dict[Lang, str], limit: int | None = None) -> bytes:
        """The reply's body; refused as soon as it is known to be longer than `limit` (a file's) or `max_body`
        (the API's), announced or not."""
        if response.headers.get("content-encoding", "identity") != "identity":
            # Unasked-for compression: unpacking is where a few kilobytes could become gigabytes.
            raise FragDenStaatError("not_json" if limit is None else "compressed_file", what=what)
        most = self._max_body if limit is None else limit
        too_large = FragDenStaatError("too_large", what=what, megabytes=_decimal(most / 1_000_000))
        # h11 has checked that a Content-Length is one number.
        if int(response.headers.get("content-length", 0)) > most:
            raise too_large
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > most:
                raise too_large
        return bytes(body)


def _validate(model: type[M], data: Any, what: dict[Lang, str]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where: Param = ".".join(str(p) for p in first["loc"]) or TOP_LEVEL
        raise FragDenStaatError("odd_shape", what=what, where=where, detail=first["msg"]) from exc


def _is_clean_url(value: str) -> bool:
    """An address from the API that an entry can link to as it is."""
    if len(value) > MAX_URL:
        return False
    try:
        http_url(value)
    except ValueError:
        return False
    return True


def request_page(detail: ApiRequest, site: str = DEFAULT_SITE) -> str:
    """The request's public page, `{site}/anfrage/<slug>/`, or its short link if the API gave neither."""
    site = site.rstrip("/")
    if detail.url and _is_clean_url(detail.url):
        return detail.url
    if detail.url and _is_clean_url(f"{site}{detail.url}") and detail.url.startswith("/"):
        return f"{site}{detail.url}"
    if _SLUG.fullmatch(detail.slug):
        return f"{site}/anfrage/{detail.slug}/"
    return f"{site}/a/{detail.id}/"


def _answers(detail: ApiRequest) -> list[ApiMessage]:
    """The responses that answer (no drafts, automatic receipts or delivery notices), in the API's
    (chronological) order."""
    return [m for m in detail.messages if m.is_answer]


def _pages(message: ApiMessage) -> list[PageText]:
    """The pages with text of a response's letters, in order."""
    return [page for letter in letters(message.attachments) for page in page_texts(letter, _is_clean_url)]


def _public_responses(detail: ApiRequest) -> list[ApiMessage]:
    """The newest `MAX_RESPONSES` answers with public text or a letter with text, in the API's (chronological)
    order."""
    return [m for m in _answers(detail) if m.public_text or _pages(m)][-MAX_RESPONSES:]


def response_ids(detail: ApiRequest) -> list[int]:
    """Ids of the (newest `MAX_RESPONSES`) answers with public text or letters, in the API's (chronological)
    order."""
    return [m.id for m in _public_responses(detail)]


def unread_letters(detail: ApiRequest) -> list[Unread]:
    """The letters of the request's answers that were read and have no text (scans without a text layer and
    without FragDenStaat's text): the maintainer is told, nothing is quoted from them."""
    return [
        found
        for message in _answers(detail)
        for letter in letters(message.attachments)
        if (found := unread(letter, _is_clean_url)) is not None
    ]


def _same_body(sender: ApiPublicBody, asked: ApiPublicBody | None) -> bool:
    if asked is None:
        return False
    if sender.id is not None and asked.id is not None:
        return sender.id == asked.id
    return _name(sender.name) == _name(asked.name)


def _sender_name(message: ApiMessage, detail: ApiRequest) -> str | None:
    """The name of the body that sent a response, if it is another than the one asked."""
    sender = message.sender_public_body
    if isinstance(sender, ApiPublicBody) and _name(sender.name) and not _same_body(sender, detail.public_body):
        return _name(sender.name)
    return None


def _name(text: str) -> str:
    """A title or name from the API on one line, shortened to `MAX_NAME` characters."""
    return shorten(" ".join(text.split()), MAX_NAME, at_word=True)


def _body_name(detail: ApiRequest) -> str:
    return _name(detail.public_body.name) if detail.public_body else ""


def _normalise(text: str) -> str:
    """Paragraphs kept, every other run of whitespace (hard email line wraps included) made one space."""
    paragraphs = (_SPACES.sub(" ", p.replace("\n", " ")).strip() for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def _message_url(message: ApiMessage, page: str) -> str:
    anchor = f"#nachricht-{message.id}"
    if message.url and _is_clean_url(message.url) and message.url.endswith(anchor):
        return message.url
    return f"{page.split('#', 1)[0]}{anchor}"


def _status_text(detail: ApiRequest, lang: Lang) -> str:
    label = status_label(detail.status, lang)
    if detail.status == "resolved" and detail.resolution:
        label = f"{label} ({status_label(detail.resolution, lang)})"
    return label


def to_knowledge(detail: ApiRequest, site: str = DEFAULT_SITE) -> tuple[FoiRequest, Entry]:
    """The request as a `FoiRequest` and one entry quoting the newest public responses (`MAX_RESPONSES`, together
    at most `MAX_QUOTED` bytes); tags are left to the caller."""
    try:
        return _to_knowledge(detail, site.rstrip("/"))
    except ValidationError as exc:
        # The API's data is checked when fetched, but not every odd value breaks that check.
        raise FragDenStaatError("unusable", request_id=detail.id, detail=exc.errors()[0]["msg"]) from exc


def _quote(text: str) -> str:
    return shorten(_normalise(text), MAX_RESPONSE_QUOTE, at_word=True)


def _message_passages(message: ApiMessage, page: str) -> list[Passage]:
    """The passages of one answer: its public text, then each page of its letters that has text."""
    found = (
        [Passage(text=_quote(message.public_text), source_url=_message_url(message, page))]
        if message.public_text
        else []
    )
    return found + [Passage(text=_quote(p.text), source_url=p.url, page=p.number) for p in _pages(message)]


def _passages(detail: ApiRequest, page: str) -> tuple[list[Passage], int]:
    """The passages of the newest answers, as many as fit into `MAX_QUOTED` bytes and `MAX_PASSAGES`, oldest
    first, and how many answers they quote. Of an answer only partly quoted, its first pages are kept."""
    kept: list[list[Passage]] = []
    room, count = MAX_QUOTED, 0
    for message in reversed(_public_responses(detail)):
        own: list[Passage] = []
        for passage in _message_passages(message, page):
            room -= len(passage.model_dump_json().encode())
            if room < 0 or count == MAX_PASSAGES:
                break
            own.append(passage)
            count += 1
        if own:
            kept.append(own)
        if room < 0 or count == MAX_PASSAGES:
            break
    return [p for own in reversed(kept) for p in own], len(kept)


def _to_knowledge(detail: ApiRequest, site: str) -> tuple[FoiRequest, Entry]:
    page = request_page(detail, site)
    title = _name(detail.title) or default_title(detail.id)
    body = _body_name(detail)
    law = _name(detail.law.name) if isinstance(detail.law, ApiLaw) else ""
    responses = _answers(detail)
    passages, quoted = _passages(detail, page)
    # Dates, not datetimes: a naive and an aware timestamp cannot be compared. froide never records when a
    # request was resolved: the answer's date is the latest answer's.
    latest = max((m.timestamp.date() for m in responses if m.timestamp), default=None)
    sent = detail.created_at.date() if detail.created_at else None
    answered = latest
    summary = shorten(" ".join((detail.description or "").split()), MAX_SUMMARY, at_word=True)
    request = FoiRequest(
        id=detail.id,
        title=title,
        url=f"{site}/a/{detail.id}/",
        public_body=body or UNKNOWN_BODY,
        law=law or None,
        status=(detail.status or "").strip() or None,
        resolution=(detail.resolution or "").strip() or None,
        sent=sent,
        answered=answered,
        summary=summary or None,
        links=[Link(title=link_title(detail.id), url=page)],
        project=detail.project,
    )
    public = sum(1 for m in responses if m.public_text or _pages(m))
    # Who answered is named only when another body than the one asked did; then every body that answered is.
    others = any(_sender_name(m, detail) for m in responses)
    senders = tuple(dict.fromkeys(n for m in responses if (n := _sender_name(m, detail) or body))) if others else ()
    facts = RequestFacts(detail.id, title, body or None, sent, len(responses), public, quoted, latest, senders)
    entry = Entry(
        id=f"fds-{detail.id}",
        kind=Kind.FOI_ANSWER,
        title=title,
        questions=request_questions(detail.id, title, body or None),
        answer=request_answer(facts, _status_text(detail, "de"), "de"),
        answer_en=request_answer(facts, _status_text(detail, "en"), "en"),
        passages=passages,
        source_url=page,
        public_body=body or None,
        date=answered or sent,
        request_id=detail.id,
    )
    return request, entry


def import_sources(detail: ApiRequest, site: str = DEFAULT_SITE) -> list[Source]:
    """How replies name the request's pages and each quoted response and page of its letters: "Antwort von
    Stadt Bochum (FragDenStaat #257364), 20.09.2022, S. 2 (PDF)", the date being the response's and the body
    the one that sent it."""
    site = site.rstrip("/")
    page = request_page(detail, site)
    body = _body_name(detail)
    sent = detail.created_at.date().isoformat() if detail.created_at else None
    asked = Source(
        url=page,
        name=request_source_name(detail.id, body, "de"),
        name_en=request_source_name(detail.id, body, "en"),
        date=sent,
    )
    answers: list[Source] = []
    for message in _public_responses(detail):
        sender = _sender_name(message, detail) or body
        response = Source(
            url=_message_url(message, page),
            name=response_source_name(detail.id, sender, "de"),
            name_en=response_source_name(detail.id, sender, "en"),
            date=message.timestamp.date().isoformat() if message.timestamp else None,
        )
        answers += [response] if message.public_text else []
        answers += [
            response.model_copy(
                update={
                    "url": p.url,
                    "locator": page_locator(p.number, "de"),
                    "locator_en": page_locator(p.number, "en"),
                }
            )
            for p in _pages(message)
        ]
    quoted = {p.source_url for p in _passages(detail, page)[0]}
    named = [asked, asked.model_copy(update={"url": f"{site}/a/{detail.id}/"})]
    named += [s for s in answers if s.url in quoted]
    return list({s.url: s for s in named}.values())
