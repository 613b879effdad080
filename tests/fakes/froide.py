"""Loopback fake of the FragDenStaat (froide) read API, with fault injection, for importer tests.

It serves ``/api/v1/request/<id>/`` (detail with messages), ``/api/v1/request/?slug=`` (list envelope),
``/api/v1/message/<id>/``, ``/api/v1/attachment/<id>/``, ``/api/v1/document/<id>/`` (with its pages' texts),
``/api/v1/publicbody/<id>/`` and the attachments' files (``/files/foi/<id>/<name>``) in froide's and
django-filingcabinet's field names from an in-memory set of requests. Use it as
``with FakeFroide() as froide:`` or ``async with FakeFroide() as froide:``; ``froide.api_url`` is the base URL
for the client. Page URLs (``url`` fields) point at ``https://fragdenstaat.de`` as on the real site, API URLs
(``resource_uri``, ``request``, ...) at the fake itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self, cast
from urllib.parse import parse_qsl, urlencode, urlsplit

JsonDict = dict[str, Any]

SITE = "https://fragdenstaat.de"
BERLIN_SUMMER = dt.timezone(dt.timedelta(hours=2))

# Request #257364 as published; the message ids are made up, the texts quote the request and the answer. The slug
# is illustrative: the real one is not known (`abschneiden-in-digitalisierungsrankings-11` is Bonn's request #257374).
BOCHUM_REQUEST_ID = 257364
BOCHUM_SLUG = "abschneiden-in-digitalisierungsrankings"
BOCHUM_TITLE = "Abschneiden in Digitalisierungsrankings"
BOCHUM_QUESTION_ID = 611736
BOCHUM_ANSWER_ID = 624531
BOCHUM_QUESTION = (
    "Sehr geehrte Damen und Herren,\n\nbitte senden Sie mir Folgendes zu:\n\n"
    "Sämtliche interne Kommunikation im Bezug auf das Ziel, das Abschneiden im Bitkom Smart City Index zu "
    "bewerten oder einzuordnen\n"
    "Sämtliche Dokumente in Verbindung mit Aufträgen an externe Dienstleister zur Einordnung des Abschneidens "
    "in Digitalisierungsrankings\n"
)
BOCHUM_ANSWER = (
    "vielen Dank für Ihre Anfrage vom 18.08.2022 zum Bitkom Smart City Index. Gerne beantworten wir Ihnen Ihre "
    "Anfrage.\n\n"
    "Der Bitkom fragt seit dem Jahr 2019 einmal jährlich Daten von deutschen Großstädten zu deren "
    "Digitalisierungsmaßnahmen ab. Die Stadt Bochum versucht dem Bitkom seine Anfrage bestmöglich zu beantworten. "
    "Es werden Informationen zu Projekten und Maßnahmen in fünf Kategorien abgefragt.\n\n"
    "Die Stadt Bochum hat in keinem Jahr externe Beratungen oder sonstige Dienstleister damit betraut, ein "
    "Abschneiden der Stadt im Bitkom Smart City Index oder anderen Digitalrankings zu bewerten oder zu "
    "verbessern. Auch für 2022 ist dies nicht geplant.\n\nMit freundlichen Grüßen\n"
)

# The founding request's series: the same text went to Bonn and Ulm. The series' id and Bonn's answer are made up
# for the tests (the base does not hold Bonn's answer); Ulm has not answered.
SERIES_PROJECT = 4711
BONN_REQUEST_ID = 257374
BONN_BODY = "Kommunalverwaltung Bonn"
BONN_ANSWER = (
    "zu Ihrer Anfrage teilen wir Ihnen Folgendes mit.\n\n"
    "Die Bundesstadt Bonn hat einen externen Berater beauftragt, die Ergebnisse im Bitkom Smart City Index "
    "einzuordnen; der Vertrag wird Ihnen in Auszügen übersandt.\n\n"
    "Interne Kommunikation zum Abschneiden im Ranking liegt als E-Mail-Verkehr des Digitalisierungsamts vor."
)
ULM_REQUEST_ID = 257451
ULM_BODY = "Stadt Ulm"

_DETAIL = re.compile(r"^/api/v1/(request|message)/([0-9]+)/$")
_OBJECT = re.compile(r"^/api/v1/(attachment|document|publicbody)/([0-9]+)/$")
_FILE = re.compile(r"^/files/foi/([0-9]+)/[^/]+$")
DOCUMENT_IDS = 500_000  # a PDF attachment's document id: this plus the attachment's id


@dataclass
class Fault:
    """What to do instead of answering normally; `times` None means until cleared."""

    status: int | None = None
    delay: float = 0.0
    body: bytes | None = None
    payload: Any = None
    drop: bool = False
    times: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True
    drip: float = 0.0
    drip_headers: bool = False


@dataclass(frozen=True)
class Call:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


@dataclass
class _Attachment:
    """A file of a message. `pages`: FragDenStaat's text of each page when it has a document (a PDF it
    processed), None without one; `redacted`: the id of its redacted version; `listed`: in the message's list."""

    id: int
    name: str
    data: bytes
    filetype: str
    approved: bool
    pending: bool
    is_irrelevant: bool
    is_redacted: bool
    redacted: int | None
    pages: list[str] | None
    listed: bool
    size: int | None


@dataclass
class _Message:
    id: int
    is_response: bool
    content: str
    timestamp: dt.datetime
    subject: str
    content_hidden: bool
    is_draft: bool
    extra: JsonDict
    attachments: list[_Attachment] = field(default_factory=list)


@dataclass
class _Request:
    id: int
    title: str
    slug: str
    public_body: str | None
    law: str | None
    status: str
    resolution: str
    created_at: dt.datetime
    due_date: dt.datetime | None
    description: str
    messages: list[_Message] = field(default_factory=list)
    project: int | None = None
    campaign: int | None = None
    tags: list[str] = field(default_factory=list)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeFroide


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeFroide/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        """Tests read `calls`, not a log on stderr."""

    def do_GET(self) -> None:
        fake = cast(_Server, self.server).fake
        parts = urlsplit(self.path)
        fake.record(Call(parts.path, dict(parse_qsl(parts.query)), {k.lower(): v for k, v in self.headers.items()}))
        fault = fake.take_fault(parts.path)
        if fault is not None and fault.delay and fake.sleep(fault.delay):
            return
        if fault is not None and fault.drop:
            self.close_connection = True
            return
        if fault is not None and fault.body is not None:
            self._send(fault.status or 200, fault.body, fault)
            return
        if fault is not None and fault.payload is not None:
            self._send(fault.status or 200, json.dumps(fault.payload).encode(), fault)
            return
        status, payload = fake.route(parts.path, dict(parse_qsl(parts.query)))
        if fault is not None and fault.status is not None:
            status, payload = fault.status, {"detail": HTTPStatus(fault.status).phrase}
        if isinstance(payload, bytes):  # a file
            self._send(status, payload, fault or Fault(), "application/pdf")
            return
        self._send(status, json.dumps(payload, ensure_ascii=False).encode(), fault or Fault())

    def _send(self, status: int, body: bytes, fault: Fault, content_type: str = "application/json") -> None:
        """The reply as HTTP/1.0 bytes: at once, or, with `fault.drip`, a byte at a time from the body on
        (from the status line on with `drip_headers`)."""
        lines = [f"HTTP/1.0 {status} {HTTPStatus(status).phrase}", f"Content-Type: {content_type}"]
        if fault.length:
            lines.append(f"Content-Length: {len(body)}")
        lines += [f"{name}: {value}" for name, value in fault.headers.items()]
        head = "".join(f"{line}\r\n" for line in lines).encode() + b"\r\n"
        reply = head + body
        at_once = len(reply)
        if fault.drip:
            at_once = 0 if fault.drip_headers else len(head)
        # HTTP/1.0: the connection ends with the reply, which also ends a body sent without a length.
        self.close_connection = True
        # The client may give up first (a timeout test); then nothing is listening any more.
        with contextlib.suppress(OSError):
            self.wfile.write(reply[:at_once])
            for index in range(at_once, len(reply)):
                if cast(_Server, self.server).fake.sleep(fault.drip):
                    return
                self.wfile.write(reply[index : index + 1])


class FakeFroide:
    """An in-memory froide on 127.0.0.1 with an OS-chosen port, stopped cleanly on exit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: dict[int, _Request] = {}
        self._faults: dict[str, Fault] = {}
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._next_message_id = 900_000
        self._next_attachment_id = 800_000
        self._bodies: set[str] = set()
        self.calls: list[Call] = []

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeFroide is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/v1"

    def start(self) -> None:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._stopping.clear()
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stops serving; the port is closed afterwards, so connecting to `url` is refused."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    async def __aenter__(self) -> Self:
        self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # shutdown() waits for the serving loop; the event loop must not wait with it.
        await asyncio.to_thread(self.stop)

    # -- data -------------------------------------------------------------------------------------------

    def add_request(
        self,
        request_id: int,
        title: str,
        *,
        slug: str | None = None,
        public_body: str | None = "Stadt Bochum",
        law: str | None = "IFG NRW",
        status: str = "awaiting_response",
        resolution: str = "",
        created_at: dt.datetime | None = None,
        due_date: dt.datetime | None = None,
        description: str = "",
        project: int | None = None,
        campaign: int | None = None,
        tags: list[str] | None = None,
    ) -> None:
        """`project`: the series the request belongs to (froide's id), None for a request on its own."""
        created = created_at or dt.datetime(2022, 8, 18, 9, 31, 4, tzinfo=BERLIN_SUMMER)
        with self._lock:
            self._requests[request_id] = _Request(
                id=request_id,
                title=title,
                slug=slug or f"anfrage-{request_id}",
                public_body=public_body,
                law=law,
                status=status,
                resolution=resolution,
                created_at=created,
                due_date=due_date or created + dt.timedelta(days=30),
                description=description,
                project=project,
                campaign=campaign,
                tags=list(tags or []),
            )

    def add_message(
        self,
        request_id: int,
        *,
        is_response: bool,
        content: str,
        message_id: int | None = None,
        timestamp: dt.datetime | None = None,
        subject: str | None = None,
        content_hidden: bool = False,
        is_draft: bool = False,
        extra: JsonDict | None = None,
    ) -> int:
        """Adds a message (a new response, say) and returns its id; `extra` overrides serialised fields."""
        with self._lock:
            request = self._requests[request_id]
            if message_id is None:
                self._next_message_id += 1
                message_id = self._next_message_id
            last = request.messages[-1].timestamp if request.messages else request.created_at
            request.messages.append(
                _Message(
                    id=message_id,
                    is_response=is_response,
                    content=content,
                    timestamp=timestamp or last + dt.timedelta(days=1),
                    subject=subject if subject is not None else f"{request.title} [#{request_id}]",
                    content_hidden=content_hidden,
                    is_draft=is_draft,
                    extra=dict(extra or {}),
                )
            )
        return message_id

    def set_status(self, request_id: int, status: str, resolution: str = "") -> None:
        with self._lock:
            request = self._requests[request_id]
            request.status, request.resolution = status, resolution

    def add_attachment(
        self,
        message_id: int,
        name: str,
        data: bytes,
        *,
        pages: list[str] | None = None,
        filetype: str = "application/pdf",
        approved: bool = True,
        pending: bool = False,
        is_irrelevant: bool = False,
        is_redacted: bool = False,
        redacted: int | None = None,
        listed: bool = True,
        size: int | None = None,
    ) -> int:
        """Attaches a file to a message and returns its id. `pages`: FragDenStaat's text of each page (it then has
        a document), None for a PDF without one; `redacted`: the id of its redacted version; `listed=False` keeps
        it out of the message's list (only `/api/v1/attachment/<id>/` serves it); `size`: the size announced, if
        not the data's."""
        with self._lock:
            self._next_attachment_id += 1
            attachment = _Attachment(
                self._next_attachment_id,
                name,
                data,
                filetype,
                approved,
                pending,
                is_irrelevant,
                is_redacted,
                redacted,
                pages,
                listed,
                size,
            )
            message = next(m for r in self._requests.values() for m in r.messages if m.id == message_id)
            message.attachments.append(attachment)
        return attachment.id

    def public_body_uri(self, name: str) -> str:
        """The API link of a public body (served at `/api/v1/publicbody/<id>/`), for a message's sender."""
        with self._lock:
            self._bodies.add(name)
        return f"{self.api_url}/publicbody/{_body_id(name)}/"

    def add_bochum_request(self) -> None:
        """Request #257364 to Stadt Bochum with the outgoing request and the answer of 20.09.2022."""
        self.add_request(
            BOCHUM_REQUEST_ID,
            BOCHUM_TITLE,
            slug=BOCHUM_SLUG,
            status="resolved",
            resolution="successful",
            created_at=dt.datetime(2022, 8, 18, 9, 31, 4, tzinfo=BERLIN_SUMMER),
            due_date=dt.datetime(2022, 9, 19, 0, 0, tzinfo=BERLIN_SUMMER),
            description=" ".join(BOCHUM_QUESTION.split("\n\n")[2].split()),
        )
        self.add_message(
            BOCHUM_REQUEST_ID,
            message_id=BOCHUM_QUESTION_ID,
            is_response=False,
            content=BOCHUM_QUESTION,
            timestamp=dt.datetime(2022, 8, 18, 9, 31, 5, tzinfo=BERLIN_SUMMER),
        )
        self.add_message(
            BOCHUM_REQUEST_ID,
            message_id=BOCHUM_ANSWER_ID,
            is_response=True,
            content=BOCHUM_ANSWER,
            timestamp=dt.datetime(2022, 9, 20, 15, 12, 40, tzinfo=BERLIN_SUMMER),
            subject="Anfrage nach dem Informationsfreiheitsgesetz",
        )

    def add_series(self, project: int = SERIES_PROJECT) -> None:
        """The series of #257364: Bochum (answered 20.09.2022), Bonn (answered, partly) and Ulm (no answer yet),
        each with the same outgoing request."""
        if BOCHUM_REQUEST_ID not in self._requests:
            self.add_bochum_request()
        self.set_project(BOCHUM_REQUEST_ID, project)
        description = self._requests[BOCHUM_REQUEST_ID].description
        for request_id, body in ((BONN_REQUEST_ID, BONN_BODY), (ULM_REQUEST_ID, ULM_BODY)):
            city = body.rsplit(" ", 1)[-1].lower()
            self.add_request(
                request_id,
                BOCHUM_TITLE,
                slug=f"abschneiden-in-digitalisierungsrankings-{city}",
                public_body=body,
                description=description,
                project=project,
            )
            self.add_message(
                request_id,
                is_response=False,
                content=BOCHUM_QUESTION,
                timestamp=dt.datetime(2022, 8, 18, 21, 32, tzinfo=BERLIN_SUMMER),
            )
        self.add_message(
            BONN_REQUEST_ID,
            is_response=True,
            content=BONN_ANSWER,
            timestamp=dt.datetime(2022, 9, 29, 11, 5, tzinfo=BERLIN_SUMMER),
        )
        self.set_status(BONN_REQUEST_ID, "resolved", "partially_successful")

    def set_project(self, request_id: int, project: int | None) -> None:
        with self._lock:
            self._requests[request_id].project = project

    # -- faults -----------------------------------------------------------------------------------------

    def inject(
        self,
        path: str,
        *,
        status: int | None = None,
        delay: float = 0.0,
        body: bytes | None = None,
        payload: Any = None,
        drop: bool = False,
        times: int | None = None,
        headers: dict[str, str] | None = None,
        length: bool = True,
        drip: float = 0.0,
        drip_headers: bool = False,
    ) -> None:
        """Makes requests to `path` (query ignored) fail: a status, a delay, a raw body, a JSON payload or a drop;
        `headers` are added to the reply, `length=False` leaves out its Content-Length (the body then ends when
        the connection closes) and `drip` sends it a byte every `drip` seconds."""
        with self._lock:
            self._faults[path] = Fault(
                status, delay, body, payload, drop, times, dict(headers or {}), length, drip, drip_headers
            )

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    # -- serving (called from handler threads) ----------------------------------------------------------

    def record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def take_fault(self, path: str) -> Fault | None:
        with self._lock:
            fault = self._faults.get(path)
            if fault is not None and fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    del self._faults[path]
            return fault

    def sleep(self, seconds: float) -> bool:
        """Waits, but not past `stop()`; True if the fake is stopping."""
        return self._stopping.wait(seconds)

    def route(self, path: str, query: dict[str, str]) -> tuple[int, Any]:
        with self._lock:
            if path == "/api/v1/request/":
                return self._listing(query)
            match = _DETAIL.match(path)
            if match and match[1] == "request" and int(match[2]) in self._requests:
                return 200, self._request_json(self._requests[int(match[2])], detail=True)
            if match and match[1] == "message":
                for request in self._requests.values():
                    for message in request.messages:
                        if message.id == int(match[2]) and not message.is_draft:
                            return 200, self._message_json(request, message)
            if found := self._object(path):
                return 200, found
            return 404, {"detail": "Nicht gefunden."}

    def _object(self, path: str) -> JsonDict | bytes | None:
        """An attachment, a document with its pages, a public body or a file, by the path that serves it."""
        if match := _OBJECT.match(path):
            kind, wanted = match[1], int(match[2])
            if kind == "publicbody":
                names = {r.public_body for r in self._requests.values() if r.public_body} | self._bodies
                return next((self._body_json(n) for n in names if _body_id(n) == wanted), None)
            for request, message, attachment in self._attachments():
                if kind == "attachment" and attachment.id == wanted:
                    return self._attachment_json(request, message, attachment)
                if kind == "document" and attachment.pages is not None and wanted == DOCUMENT_IDS + attachment.id:
                    return self._document_json(request, message, attachment, with_pages=True)
        if match := _FILE.match(path):
            return next((a.data for _, _, a in self._attachments() if a.id == int(match[1])), None)
        return None

    def _attachments(self) -> list[tuple[_Request, _Message, _Attachment]]:
        return [(r, m, a) for r in self._requests.values() for m in r.messages for a in m.attachments]

    def _listing(self, query: dict[str, str]) -> tuple[int, Any]:
        """froide's request list: filtered by `slug`, `project`, `public_body` (its id), `status`, `resolution`,
        `campaign` and `tags`, in limit/offset pages of at most 50 with absolute `next`/`previous` links."""
        try:
            limit = min(int(query.get("limit", "50")), 50)
            offset = int(query.get("offset", "0"))
        except ValueError:
            return 400, {"detail": "Ungültige Seite."}
        fields: dict[str, Callable[[_Request], str]] = {
            "slug": lambda r: r.slug,
            "project": lambda r: str(r.project),
            "public_body": lambda r: str(_body_id(r.public_body or "")),
            "status": lambda r: r.status,
            "resolution": lambda r: r.resolution,
            "campaign": lambda r: str(r.campaign),
        }
        found = sorted(self._requests.values(), key=lambda r: r.id)
        for name, value_of in fields.items():
            if name in query:
                found = [r for r in found if value_of(r) == query[name]]
        if "tags" in query:
            found = [r for r in found if query["tags"] in r.tags]
        page = found[offset : offset + limit]

        def link(at: int) -> str:
            return f"{self.api_url}/request/?{urlencode({**query, 'limit': limit, 'offset': at})}"

        meta = {
            "limit": limit,
            "next": link(offset + limit) if offset + limit < len(found) else None,
            "offset": offset,
            "previous": link(max(offset - limit, 0)) if offset else None,
            "total_count": len(found),
        }
        return 200, {"meta": meta, "objects": [self._request_json(r, detail=False) for r in page]}

    def _body_json(self, name: str) -> JsonDict:
        body_id = _body_id(name)
        return {
            "resource_uri": f"{self.api_url}/publicbody/{body_id}/",
            "id": body_id,
            "name": name,
            "slug": re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"),
            "other_names": "",
            "description": "",
            "url": "",
            "classification": "Gemeinde",
            "site_url": f"{SITE}/behoerde/{body_id}/",
            "jurisdiction": {"id": 11, "name": "Nordrhein-Westfalen"},
            "laws": [],
        }

    def _law_json(self, name: str) -> JsonDict:
        return {
            "resource_uri": f"{self.api_url}/law/71/",
            "id": 71,
            "name": name,
            "slug": re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"),
            "law_type": "IFG",
            "site_url": f"{SITE}/gesetz/{name.lower().replace(' ', '-')}/",
            "max_response_time": 1,
            "max_response_time_unit": "month_de",
        }

    def _request_json(self, request: _Request, *, detail: bool) -> JsonDict:
        law: Any = None
        if request.law is not None:
            law = self._law_json(request.law) if detail else f"{self.api_url}/law/71/"
        last = request.messages[-1].timestamp if request.messages else request.created_at
        data: JsonDict = {
            "resource_uri": f"{self.api_url}/request/{request.id}/",
            "id": request.id,
            "url": f"/anfrage/{request.slug}/",
            "jurisdiction": f"{self.api_url}/jurisdiction/11/",
            "is_foi": True,
            "checked": True,
            "refusal_reason": "",
            "costs": 0.0,
            "public": True,
            "law": law,
            "description": request.description,
            "redacted_description": [[False, request.description]],
            "summary": "",
            "same_as_count": 0,
            "same_as": None,
            "due_date": _iso(request.due_date),
            # froide never writes it: a resolved request has null here too.
            "resolved_on": None,
            "last_message": _iso(last),
            "created_at": _iso(request.created_at),
            "last_modified_at": _iso(last),
            "status": request.status,
            "public_body": self._body_json(request.public_body) if request.public_body else None,
            "resolution": request.resolution,
            "slug": request.slug,
            "title": request.title,
            "reference": "",
            "user": None,
            "project": request.project,
            "project_site_url": f"{SITE}/anfrage/projekt/{request.project}/" if request.project else None,
            "project_request_count": (
                sum(1 for r in self._requests.values() if r.project == request.project) if request.project else 0
            ),
            "campaign": request.campaign,
            "tags": list(request.tags),
        }
        if detail:
            data["messages"] = [self._message_json(request, m) for m in request.messages if not m.is_draft]
        return data

    def _message_json(self, request: _Request, message: _Message) -> JsonDict:
        content = "" if message.content_hidden else message.content
        body_uri = f"{self.api_url}/publicbody/{sum((request.public_body or '').encode()) % 10_000}/"
        data: JsonDict = {
            "resource_uri": f"{self.api_url}/message/{message.id}/",
            "id": message.id,
            "url": f"{SITE}/anfrage/{request.slug}/#nachricht-{message.id}",
            "request": f"{self.api_url}/request/{request.id}/",
            "sent": True,
            "is_response": message.is_response,
            "is_postal": False,
            "is_draft": message.is_draft,
            "kind": "email",
            "is_escalation": False,
            "content_hidden": message.content_hidden,
            "sender_public_body": body_uri if message.is_response else None,
            "recipient_public_body": None if message.is_response else body_uri,
            "status": "awaiting_classification" if message.is_response else "awaiting_response",
            "timestamp": _iso(message.timestamp),
            "registered_mail_date": None,
            "redacted": False,
            "not_publishable": False,
            "attachments": [self._attachment_json(request, message, a) for a in message.attachments if a.listed],
            "subject": "" if message.content_hidden else message.subject,
            "content": content,
            "redacted_subject": [] if message.content_hidden else [[False, message.subject]],
            "redacted_content": [] if message.content_hidden else [[False, content]],
            "sender": (request.public_body or "") if message.is_response else "« Name entfernt »",
            "status_name": "Antwort erhalten" if message.is_response else "Warte auf Antwort",
            "last_modified_at": _iso(message.timestamp),
        }
        data.update(message.extra)
        return data

    def _attachment_json(self, request: _Request, message: _Message, attachment: _Attachment) -> JsonDict:
        """An attachment as froide's `FoiAttachmentSerializer` gives it."""
        site_url = f"{SITE}/anfrage/{request.slug}/{message.id}/anhang/{attachment.name}"
        pdf = attachment.filetype == "application/pdf"
        return {
            "resource_uri": f"{self.api_url}/attachment/{attachment.id}/",
            "id": attachment.id,
            "belongs_to": f"{self.api_url}/message/{message.id}/",
            "name": attachment.name,
            "filetype": attachment.filetype,
            "size": len(attachment.data) if attachment.size is None else attachment.size,
            "site_url": site_url,
            "anchor_url": f"{SITE}/anfrage/{request.slug}/#nachricht-{message.id}",
            "file_url": f"{self.url}/files/foi/{attachment.id}/{attachment.name}",
            "pending": attachment.pending,
            "is_converted": False,
            "converted": None,
            "approved": attachment.approved,
            "can_approve": False,
            "redacted": f"{self.api_url}/attachment/{attachment.redacted}/" if attachment.redacted else None,
            "is_redacted": attachment.is_redacted,
            "can_redact": False,
            "can_delete": False,
            "is_pdf": pdf,
            "is_image": attachment.filetype.startswith("image/"),
            "is_irrelevant": attachment.is_irrelevant,
            "document": (
                self._document_json(request, message, attachment, with_pages=False)
                if attachment.pages is not None
                else None
            ),
        }

    def _document_json(
        self, request: _Request, message: _Message, attachment: _Attachment, *, with_pages: bool
    ) -> JsonDict:
        """django-filingcabinet's document of a PDF attachment; the detail view (`with_pages`) lists its pages."""
        document_id = DOCUMENT_IDS + attachment.id
        pages = attachment.pages or []
        data: JsonDict = {
            "resource_uri": f"{self.api_url}/document/{document_id}/",
            "id": document_id,
            "site_url": f"{SITE}/dokumente/{document_id}-{attachment.name.rsplit('.', 1)[0].lower()}/",
            "title": attachment.name.rsplit(".", 1)[0],
            "slug": attachment.name.rsplit(".", 1)[0].lower(),
            "description": "",
            "num_pages": len(pages),
            "public": True,
            "listed": False,
            "pending": False,
            "file_url": f"{self.url}/files/foi/{attachment.id}/{attachment.name}",
            "file_size": len(attachment.data),
            "pages_uri": f"{self.api_url}/page/?document={document_id}",
            "original": f"{self.api_url}/attachment/{attachment.id}/",
            "foirequest": f"{self.api_url}/request/{request.id}/",
            "publicbody": None,
            "last_modified_at": _iso(message.timestamp),
        }
        if with_pages:
            data["pages"] = [
                {
                    "document": f"{self.api_url}/document/{document_id}/",
                    "number": number,
                    "content": content,
                    "width": 595,
                    "height": 842,
                    "image": f"{self.url}/files/docs/{document_id}/page-p{number}-{{size}}.png",
                }
                for number, content in enumerate(pages, start=1)
            ]
        return data


def _body_id(name: str) -> int:
    """A public body's id in the fake: the same for the same name."""
    return sum(name.encode()) % 10_000


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None
