from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gzip
import socket
import string
import time
import tracemalloc
from collections.abc import Iterator, Mapping
from typing import Any, get_args

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.importers.fragdenstaat import (
    MAX_RESPONSE_QUOTE,
    MAX_RESPONSES,
    USER_AGENT,
    ApiRequest,
    FragDenStaatClient,
    FragDenStaatError,
    Param,
    Reference,
    ReferenceKind,
    import_sources,
    parse_reference,
    response_ids,
    to_knowledge,
)
from bot.messages.fragdenstaat import ACCEPTED_FORMS, PROBLEMS, REASONS, ProblemKey, ReasonKey
from bot.models import Entry, FoiRequest, Kind, Lang
from tests.fakes.froide import (
    BERLIN_SUMMER,
    BOCHUM_ANSWER_ID,
    BOCHUM_QUESTION_ID,
    BOCHUM_REQUEST_ID,
    BOCHUM_SLUG,
    FakeFroide,
)

REQUEST = Reference(ReferenceKind.REQUEST_ID, BOCHUM_REQUEST_ID)
PAGE = f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/"


@pytest.fixture
def client(froide: FakeFroide) -> Iterator[FragDenStaatClient]:
    with FragDenStaatClient(froide.api_url, timeout=2.0) as fds:
        yield fds


def minimal(messages: list[dict[str, Any]] | None = None, **fields: Any) -> ApiRequest:
    data: dict[str, Any] = {"id": 5, "title": "Testanfrage", "url": "/anfrage/testanfrage/", "messages": messages or []}
    return ApiRequest.model_validate(data | fields)


def response(message_id: int, content: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": message_id,
        "is_response": True,
        "content": content,
        "timestamp": "2023-03-01T10:00:00+01:00",
    } | fields


# -- references -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        (f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/", ReferenceKind.SLUG, BOCHUM_SLUG),
        (f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/#nachricht-624531", ReferenceKind.SLUG, BOCHUM_SLUG),
        (f"fragdenstaat.de/anfrage/{BOCHUM_SLUG}/", ReferenceKind.SLUG, BOCHUM_SLUG),
        (f"https://www.fragdenstaat.de/anfrage/{BOCHUM_SLUG}/", ReferenceKind.SLUG, BOCHUM_SLUG),
        (f"www.fragdenstaat.de/anfrage/{BOCHUM_SLUG}", ReferenceKind.SLUG, BOCHUM_SLUG),
        (f"http://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/?pk_campaign=x", ReferenceKind.SLUG, BOCHUM_SLUG),
        ("https://fragdenstaat.de/a/257364", ReferenceKind.REQUEST_ID, 257364),
        ("https://fragdenstaat.de/a/257364/", ReferenceKind.REQUEST_ID, 257364),
        ("HTTPS://FragDenStaat.de/a/257364/", ReferenceKind.REQUEST_ID, 257364),
        ("fragdenstaat.de/a/257364/download/", ReferenceKind.REQUEST_ID, 257364),
        ("https://fragdenstaat.de/anfrage/257364", ReferenceKind.REQUEST_ID, 257364),
        ("https://fragdenstaat.de/anfrage/m/771429/", ReferenceKind.MESSAGE_ID, 771429),
        ("https://fragdenstaat.de/anfrage/m/771429", ReferenceKind.MESSAGE_ID, 771429),
        ("#257364", ReferenceKind.REQUEST_ID, 257364),
        ("[#257364]", ReferenceKind.REQUEST_ID, 257364),
        ("257364", ReferenceKind.REQUEST_ID, 257364),
        ("  257364\n", ReferenceKind.REQUEST_ID, 257364),
        ("Abschneiden in Digitalisierungsrankings [#257364]", ReferenceKind.REQUEST_ID, 257364),
        ("Bitte lies (https://fragdenstaat.de/a/257364/), danke!", ReferenceKind.REQUEST_ID, 257364),
        ("Anfrage 257364 bitte", ReferenceKind.REQUEST_ID, 257364),
        # The link is more deliberate than the number in its own subject line.
        ("https://fragdenstaat.de/a/257364 [#257364] 2022", ReferenceKind.REQUEST_ID, 257364),
        ("<https://fragdenstaat.de/anfrage/m/771429/>", ReferenceKind.MESSAGE_ID, 771429),
    ],
)
def test_accepted_reference_forms(text: str, kind: ReferenceKind, value: int | str) -> None:
    assert parse_reference(text) == Reference(kind, value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("Hallo, wie geht es?", "no request link or number"),
        ("https://example.org/a/257364/", "not example.org"),
        ("https://evilfragdenstaat.de/a/1", "not evilfragdenstaat.de"),
        ("https://fragdenstaat.de.evil.example/a/1", "not fragdenstaat.de.evil.example"),
        ("https://fragdenstaat.de@evil.example/a/1", "not evil.example"),
        ("https://evil.example/?next=https://fragdenstaat.de/a/1", "not evil.example"),
        ("ftp://fragdenstaat.de/a/1", "not ftp://fragdenstaat.de"),
        ("https://fragdenstaat.de/behoerde/stadt-bochum/", "does not point to a request"),
        ("https://fragdenstaat.de/", "does not point to a request"),
        ("https://fragdenstaat.de/a/x/", "does not point to a request"),
        ("https://fragdenstaat.de/anfrage/m/x/", "does not point to a request"),
        ("#257364 und #257374", "several requests"),
        ("257364 257374", "several requests"),
        ("#0", "no request link or number"),
        ("#1234567890", "no request link or number"),
        ("x" * 5000, "too long"),
    ],
)
def test_rejects_with_reason_and_accepted_forms(text: str, reason: str) -> None:
    with pytest.raises(FragDenStaatError) as caught:
        parse_reference(text)
    message = str(caught.value)
    assert reason in message
    assert "https://fragdenstaat.de/a/<id>" in message
    assert "[#257364]" in message


# A value for every parameter of the messages; those that name something in words, in both languages.
_SAMPLES: dict[str, Param] = {
    "reason": {"en": "the text is empty", "de": "der Text ist leer"},
    "forms": ACCEPTED_FORMS,
    "what": {"en": "request #5", "de": "Anfrage #5"},
    "got": 6,
    "slug": "eine-anfrage",
    "link": "https://example.org/x/",
    "seconds": {"en": "0.5", "de": "0,5"},
    "error": "ConnectError",
    "code": 503,
    "where": {"en": "top level", "de": "oberste Ebene"},
    "detail": "Field required",
    "request_id": 5,
    "length": 5000,
    "limit": 4096,
    "count": 1001,
    "host": "example.org",
    "requests": {"en": "request #1, request #2", "de": "Anfrage #1, Anfrage #2"},
    "megabytes": {"en": "0.5", "de": "0,5"},
    "target": "http://127.0.0.1:8000/api/v1/request/5/",
    "api": "https://fragdenstaat.de",
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _samples(template: str, lang: Lang) -> dict[str, str | int | float]:
    values = {name: _SAMPLES[name] for name in _fields(template)}
    return {name: value[lang] if isinstance(value, Mapping) else value for name, value in values.items()}


@pytest.mark.parametrize("problem", PROBLEMS)
def test_every_problem_is_told_in_german_and_in_english(problem: ProblemKey) -> None:
    templates = PROBLEMS[problem]
    assert set(templates) == {"de", "en"}
    assert _fields(templates["de"]) == _fields(templates["en"])
    error = FragDenStaatError(problem, **{name: _SAMPLES[name] for name in _fields(templates["en"])})
    assert str(error) == error.text("en")
    assert error.text("de") != error.text("en")


@pytest.mark.parametrize("reason", REASONS)
def test_every_reason_is_given_in_german_and_in_english(reason: ReasonKey) -> None:
    templates = REASONS[reason]
    assert set(templates) == {"de", "en"}
    assert _fields(templates["de"]) == _fields(templates["en"])
    told = {lang: template.format(**_samples(template, lang)) for lang, template in templates.items()}
    assert told["de"] != told["en"]


def test_the_key_types_name_every_problem_and_reason() -> None:
    assert set(get_args(ProblemKey)) == set(PROBLEMS)
    assert set(get_args(ReasonKey)) == set(REASONS)


def test_a_rejection_in_german_names_everything_in_german() -> None:
    with pytest.raises(FragDenStaatError) as caught:
        parse_reference("https://fragdenstaat.de/anfrage/m/5/ https://fragdenstaat.de/a/7")
    assert str(caught.value).startswith("Not a FragDenStaat request reference: it names several requests")
    assert caught.value.text("de") == (
        "Das ist kein Verweis auf eine FragDenStaat-Anfrage: der Text nennt mehrere Anfragen (Nachricht #5, "
        f"Anfrage #7), ich kann nur eine auf einmal lesen. Bitte senden Sie {ACCEPTED_FORMS['de']}."
    )


def test_reference_rejects_impossible_values() -> None:
    with pytest.raises(ValueError, match="slug"):
        Reference(ReferenceKind.SLUG, "a b")
    with pytest.raises(ValueError, match="positive id"):
        Reference(ReferenceKind.REQUEST_ID, 0)


_PIECES = st.sampled_from(
    [
        *"https:// http:// www. fragdenstaat.de /a/ /anfrage/ /m/ # [# ] / 1 0 257364 - . < > ?".split(" "),
        *"nachricht- example.org @ : [ \x00 ä".split(" "),
        " ",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=25).map("".join)))
def test_parse_never_raises_anything_else(text: str) -> None:
    with contextlib.suppress(FragDenStaatError):
        assert isinstance(parse_reference(text), Reference)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999_999),
    st.sampled_from(["#{}", "[#{}]", "{}", "https://fragdenstaat.de/a/{}/", "fragdenstaat.de/anfrage/{}"]),
)
def test_every_request_number_form_round_trips(number: int, form: str) -> None:
    assert parse_reference(form.format(number)) == Reference(ReferenceKind.REQUEST_ID, number)


_SLUG_WORDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)


@settings(max_examples=100, deadline=None)
@given(st.lists(_SLUG_WORDS, min_size=1, max_size=6).map("-".join).filter(lambda s: not s.isdigit()))
def test_every_slug_round_trips(slug: str) -> None:
    assert parse_reference(f"https://fragdenstaat.de/anfrage/{slug}/") == Reference(ReferenceKind.SLUG, slug)


@pytest.mark.parametrize(
    "text",
    [
        "#" * 4096,
        "[" * 4096,
        "fragdenstaat.de/" * 256,
        " ".join(str(n) for n in range(1, 800)),
        "https://[" * 455,
        "a" * 10_000_000,
    ],
)
def test_parse_time_is_bounded(text: str) -> None:
    start = time.perf_counter()
    with pytest.raises(FragDenStaatError):
        parse_reference(text)
    assert time.perf_counter() - start < 0.5


# -- fetching -------------------------------------------------------------------------------------------


def test_fetch_by_id_returns_the_detail_with_messages(froide: FakeFroide, client: FragDenStaatClient) -> None:
    detail = client.fetch(REQUEST)
    assert detail.id == BOCHUM_REQUEST_ID
    assert detail.title == "Abschneiden in Digitalisierungsrankings"
    assert detail.public_body is not None
    assert detail.public_body.name == "Stadt Bochum"
    assert [m.id for m in detail.messages] == [BOCHUM_QUESTION_ID, BOCHUM_ANSWER_ID]
    [call] = froide.calls
    assert call.path == f"/api/v1/request/{BOCHUM_REQUEST_ID}/"
    assert call.headers["user-agent"] == USER_AGENT
    assert "foi-answer-bot" in USER_AGENT


def test_fetch_by_slug_looks_up_the_id_then_the_detail(froide: FakeFroide, client: FragDenStaatClient) -> None:
    detail = client.fetch(parse_reference(PAGE))
    assert detail.id == BOCHUM_REQUEST_ID
    assert [(c.path, c.query) for c in froide.calls] == [
        ("/api/v1/request/", {"slug": BOCHUM_SLUG}),
        (f"/api/v1/request/{BOCHUM_REQUEST_ID}/", {}),
    ]


def test_fetch_by_message_id_follows_the_request_link(froide: FakeFroide, client: FragDenStaatClient) -> None:
    detail = client.fetch(parse_reference(f"https://fragdenstaat.de/anfrage/m/{BOCHUM_ANSWER_ID}/"))
    assert detail.id == BOCHUM_REQUEST_ID
    assert [c.path for c in froide.calls] == [
        f"/api/v1/message/{BOCHUM_ANSWER_ID}/",
        f"/api/v1/request/{BOCHUM_REQUEST_ID}/",
    ]


def test_fetch_works_with_an_injected_transport() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/v1/request/7/"
        return httpx.Response(200, json={"id": 7, "title": "Über Transport", "messages": []})

    with FragDenStaatClient(transport=httpx.MockTransport(handler)) as fds:
        assert fds.fetch(Reference(ReferenceKind.REQUEST_ID, 7)).title == "Über Transport"


_DETAIL = f"/api/v1/request/{BOCHUM_REQUEST_ID}/"
_BY_SLUG = Reference(ReferenceKind.SLUG, BOCHUM_SLUG)
_BY_MESSAGE = Reference(ReferenceKind.MESSAGE_ID, BOCHUM_ANSWER_ID)
# Each reference's first call, where the fault is injected.
_FIRST_PATH = {
    ReferenceKind.REQUEST_ID: _DETAIL,
    ReferenceKind.SLUG: "/api/v1/request/",
    ReferenceKind.MESSAGE_ID: f"/api/v1/message/{BOCHUM_ANSWER_ID}/",
}


@pytest.mark.parametrize(
    ("ref", "fault", "expected"),
    [
        (REQUEST, {"status": 404}, "request #257364 not found on FragDenStaat"),
        (_BY_MESSAGE, {"status": 404}, "message #624531 not found on FragDenStaat"),
        (REQUEST, {"status": 500}, "HTTP 500"),
        (REQUEST, {"status": 503}, "HTTP 503"),
        (REQUEST, {"status": 403}, "refused access"),
        (REQUEST, {"status": 429}, "limiting requests"),
        (REQUEST, {"body": b'{"id": 257364, "title": '}, "not valid JSON"),
        (REQUEST, {"body": b"<html>Wartungsarbeiten</html>"}, "not valid JSON"),
        (REQUEST, {"body": b"\xff\xfe\x00garbage"}, "not valid JSON"),
        (REQUEST, {"body": b"[" * 100_000 + b"]" * 100_000}, "not valid JSON"),
        (REQUEST, {"payload": [1, 2, 3]}, "unexpected shape"),
        (REQUEST, {"payload": {"title": "ohne id"}}, "unexpected shape for request #257364 (id:"),
        (REQUEST, {"payload": {"id": 257364, "messages": [{"id": "x"}]}}, "(messages.0.id:"),
        (REQUEST, {"payload": {"id": 1, "title": "andere"}}, "request #1 when asked for request #257364"),
        (_BY_SLUG, {"payload": {"objects": 5}}, "unexpected shape"),
        (_BY_SLUG, {"payload": {"meta": {}}}, "unexpected shape"),
        (_BY_SLUG, {"payload": {"meta": {}, "objects": []}}, "No public request with the address"),
        (_BY_SLUG, {"payload": {"objects": [{"id": 3, "slug": "etwas-anderes"}]}}, "No public request"),
        (_BY_MESSAGE, {"payload": {"id": 1, "request": "https://x/"}}, "unexpected request link"),
        (_BY_MESSAGE, {"payload": {"id": 1, "request": "http://[/request/"}}, "unexpected request link"),
        (_BY_MESSAGE, {"payload": {"id": 1}}, "unexpected shape for message #624531"),
        (REQUEST, {"drop": True}, "could not be reached"),
        (_BY_SLUG, {"drop": True}, "could not be reached"),
        # Only an uncompressed body can be counted as it arrives.
        (
            REQUEST,
            {"body": gzip.compress(b'{"id": 257364}'), "headers": {"Content-Encoding": "gzip"}},
            "not valid JSON",
        ),
    ],
)
def test_every_fault_becomes_a_clear_error(
    froide: FakeFroide, client: FragDenStaatClient, ref: Reference, fault: dict[str, Any], expected: str
) -> None:
    froide.inject(_FIRST_PATH[ref.kind], **fault)
    with pytest.raises(FragDenStaatError) as caught:
        client.fetch(ref)
    assert expected.lower() in str(caught.value).lower()


def test_unknown_slug_is_reported(client: FragDenStaatClient) -> None:
    with pytest.raises(FragDenStaatError, match=r"/anfrage/gibt-es-nicht/ was found"):
        client.fetch(Reference(ReferenceKind.SLUG, "gibt-es-nicht"))


def test_unknown_request_is_reported(client: FragDenStaatClient) -> None:
    with pytest.raises(FragDenStaatError, match=r"^Request #999 not found on FragDenStaat"):
        client.fetch(Reference(ReferenceKind.REQUEST_ID, 999))


def test_timeout_becomes_an_error(froide: FakeFroide) -> None:
    froide.inject(_DETAIL, delay=5.0)
    start = time.perf_counter()
    with (
        FragDenStaatClient(froide.api_url, timeout=0.2) as fds,
        pytest.raises(FragDenStaatError, match=r"within 0\.2 s"),
    ):
        fds.fetch(REQUEST)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize("drip_headers", [False, True], ids=["body", "status-and-headers"])
def test_a_server_dripping_its_reply_is_cut_off_at_the_deadline(froide: FakeFroide, drip_headers: bool) -> None:
    # A byte every 0.2 s: the 2 s per-read timeout never ends it, and the reply would take twenty minutes.
    froide.inject(_DETAIL, drip=0.2, drip_headers=drip_headers)
    start = time.perf_counter()
    with (
        FragDenStaatClient(froide.api_url, timeout=2.0, deadline=1.0) as fds,
        pytest.raises(
            FragDenStaatError, match=r"^FragDenStaat did not answer within 1 s while reading request #257364"
        ),
    ):
        fds.fetch(REQUEST)
    assert time.perf_counter() - start < 1.9


def test_the_deadline_covers_every_call_of_a_fetch(froide: FakeFroide) -> None:
    froide.inject("/api/v1/request/", delay=0.7)
    froide.inject(_DETAIL, delay=0.7)
    start = time.perf_counter()
    with (
        FragDenStaatClient(froide.api_url, timeout=2.0, deadline=1.0) as fds,
        pytest.raises(FragDenStaatError, match=r"within 1 s while reading request #257364"),
    ):
        fds.fetch(_BY_SLUG)
    assert time.perf_counter() - start < 1.8
    assert [c.path for c in froide.calls] == ["/api/v1/request/", _DETAIL]


def test_the_deadline_covers_the_tls_handshake() -> None:
    with socket.socket() as silent:
        # The system completes the TCP handshake for the backlog; nothing ever answers the TLS one.
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        start = time.perf_counter()
        with (
            FragDenStaatClient(f"https://127.0.0.1:{silent.getsockname()[1]}/api/v1", timeout=5.0, deadline=0.5) as fds,
            pytest.raises(FragDenStaatError, match=r"within 0\.5 s"),
        ):
            fds.fetch(REQUEST)
    assert time.perf_counter() - start < 2


_HUGE = {"id": BOCHUM_REQUEST_ID, "title": "Groß", "description": "x" * 6_000_000}


@pytest.mark.parametrize("length", [True, False], ids=["announced", "unannounced"])
def test_a_reply_over_the_size_cap_is_refused(froide: FakeFroide, client: FragDenStaatClient, length: bool) -> None:
    froide.inject(_DETAIL, payload=_HUGE, length=length)
    with pytest.raises(FragDenStaatError) as caught:
        client.fetch(REQUEST)
    assert str(caught.value) == "FragDenStaat sent more than 5 MB for request #257364; a reply that large is not read."
    assert caught.value.text("de").startswith("FragDenStaat hat für Anfrage #257364 mehr als 5 MB geschickt")


def test_the_size_cap_can_be_set(froide: FakeFroide) -> None:
    froide.inject(_DETAIL, payload={"id": BOCHUM_REQUEST_ID, "description": "x" * 600_000}, length=False)
    with (
        FragDenStaatClient(froide.api_url, timeout=2.0, max_body=500_000) as fds,
        pytest.raises(FragDenStaatError, match=r"more than 0\.5 MB"),
    ):
        fds.fetch(REQUEST)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_elsewhere_is_not_followed(froide: FakeFroide, client: FragDenStaatClient, status: int) -> None:
    with FakeFroide() as elsewhere:
        elsewhere.add_bochum_request()
        target = f"{elsewhere.api_url}/request/{BOCHUM_REQUEST_ID}/"
        froide.inject(_DETAIL, status=status, headers={"Location": target})
        with pytest.raises(FragDenStaatError) as caught:
            client.fetch(REQUEST)
        assert elsewhere.calls == []
    assert str(caught.value) == (
        f"FragDenStaat redirected request #257364 to '{target}'; redirects are not followed, only {froide.url} is read."
    )


_TOO_BIG = 2**70


@pytest.mark.parametrize(
    ("ref", "payload", "where"),
    [
        (REQUEST, {"id": _TOO_BIG}, "id"),
        (REQUEST, {"id": BOCHUM_REQUEST_ID, "messages": [{"id": _TOO_BIG}]}, "messages.0.id"),
        (REQUEST, {"id": BOCHUM_REQUEST_ID, "public_body": {"id": _TOO_BIG, "name": "Stadt"}}, "public_body.id"),
        (REQUEST, {"id": BOCHUM_REQUEST_ID, "law": {"id": _TOO_BIG, "name": "IFG"}}, "law.ApiLaw.id"),
        (_BY_SLUG, {"objects": [{"id": _TOO_BIG, "slug": BOCHUM_SLUG}]}, "objects.0.id"),
        (_BY_MESSAGE, {"id": 1, "request": _TOO_BIG}, "request.constrained-int"),
        (REQUEST, {"id": 2**63}, "id"),
    ],
)
def test_an_id_too_large_for_sqlite_is_refused(
    froide: FakeFroide, client: FragDenStaatClient, ref: Reference, payload: dict[str, Any], where: str
) -> None:
    froide.inject(_FIRST_PATH[ref.kind], payload=payload)
    with pytest.raises(FragDenStaatError) as caught:
        client.fetch(ref)
    assert f"({where}: Input should be less than or equal to 9223372036854775807)" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "problem"),
    [(0, "greater than 0"), (-5, "greater than 0"), ("5", "valid integer"), (True, "valid integer")],
)
def test_an_id_must_be_a_positive_number(value: object, problem: str) -> None:
    for data in ({"id": value}, {"id": 5, "messages": [{"id": value}]}, {"id": 5, "public_body": {"id": value}}):
        with pytest.raises(ValidationError, match=problem):
            ApiRequest.model_validate(data)


def test_the_largest_sqlite_id_is_taken(froide: FakeFroide, client: FragDenStaatClient) -> None:
    largest = 2**63 - 1
    froide.inject(_DETAIL, payload={"id": BOCHUM_REQUEST_ID, "messages": [response(largest, "Antwort")]})
    assert response_ids(client.fetch(REQUEST)) == [largest]


def test_fault_can_be_limited_to_the_first_calls(froide: FakeFroide, client: FragDenStaatClient) -> None:
    froide.inject(_DETAIL, status=502, times=1)
    with pytest.raises(FragDenStaatError, match="HTTP 502"):
        client.fetch(REQUEST)
    assert client.fetch(REQUEST).id == BOCHUM_REQUEST_ID


def test_connection_refused_on_a_closed_port() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        FragDenStaatClient(f"http://127.0.0.1:{port}/api/v1", timeout=1.0) as fds,
        pytest.raises(FragDenStaatError, match=r"could not be reached while reading request #257364 \(ConnectError\)"),
    ):
        fds.fetch(REQUEST)


def test_stopped_fake_refuses_connections() -> None:
    with FakeFroide() as fake:
        api = fake.api_url
    with FragDenStaatClient(api, timeout=1.0) as fds, pytest.raises(FragDenStaatError, match="could not be reached"):
        fds.fetch(REQUEST)


def test_malformed_api_url_is_an_error() -> None:
    with FragDenStaatClient("not a url", timeout=1.0) as fds, pytest.raises(FragDenStaatError):
        fds.fetch(REQUEST)


async def test_fake_runs_inside_an_event_loop() -> None:
    async with FakeFroide() as fake:
        fake.add_bochum_request()
        with FragDenStaatClient(fake.api_url, timeout=2.0) as fds:
            detail = await asyncio.to_thread(fds.fetch, REQUEST)
    assert detail.id == BOCHUM_REQUEST_ID


# -- knowledge ------------------------------------------------------------------------------------------


def test_bochum_request_becomes_valid_knowledge(client: FragDenStaatClient) -> None:
    request, entry = to_knowledge(client.fetch(REQUEST))
    assert request == FoiRequest.model_validate(request.model_dump())
    assert entry == Entry.model_validate(entry.model_dump())
    assert request.id == BOCHUM_REQUEST_ID
    assert request.url == "https://fragdenstaat.de/a/257364/"
    assert (request.public_body, request.law) == ("Stadt Bochum", "IFG NRW")
    assert (request.status, request.resolution) == ("resolved", "successful")
    assert (request.sent, request.answered) == (dt.date(2022, 8, 18), dt.date(2022, 9, 20))
    assert request.summary is not None
    assert request.summary.startswith("Sämtliche interne Kommunikation")
    assert [link.url for link in request.links] == [PAGE]

    assert (entry.id, entry.kind, entry.request_id) == ("fds-257364", Kind.FOI_ANSWER, BOCHUM_REQUEST_ID)
    assert entry.title == "Abschneiden in Digitalisierungsrankings"
    assert entry.source_url == PAGE
    assert (entry.public_body, entry.date) == ("Stadt Bochum", dt.date(2022, 9, 20))
    assert entry.tags.model_dump() == {"cities": [], "years": [], "rankings": [], "topics": []}
    assert "Was hat Stadt Bochum auf die Anfrage „Abschneiden in Digitalisierungsrankings“ geantwortet?" in (
        entry.questions
    )
    assert "Status der Anfrage #257364" in entry.questions
    assert any(q.startswith("What did Stadt Bochum answer") for q in entry.questions)
    assert entry.answer == (
        "Stadt Bochum hat am 20.09.2022 auf die FragDenStaat-Anfrage #257364 „Abschneiden in "
        "Digitalisierungsrankings“ geantwortet. Stand auf FragDenStaat: abgeschlossen (erfolgreich)."
    )
    assert entry.answer_en == (
        "Stadt Bochum answered FragDenStaat request #257364 'Abschneiden in Digitalisierungsrankings' on "
        "20 September 2022. Status on FragDenStaat: resolved (successful)."
    )
    [passage] = entry.passages
    assert passage.source_url == f"{PAGE}#nachricht-{BOCHUM_ANSWER_ID}"
    assert passage.text.startswith("vielen Dank für Ihre Anfrage vom 18.08.2022")
    assert "Die Stadt Bochum hat in keinem Jahr externe Beratungen oder sonstige Dienstleister" in passage.text
    assert "Sämtliche Dokumente" not in passage.text


def test_site_is_used_for_every_page_link() -> None:
    request, entry = to_knowledge(minimal([response(8, "Text", url=None)]), site="https://example.test/")
    assert request.url == "https://example.test/a/5/"
    assert entry.source_url == "https://example.test/anfrage/testanfrage/"
    assert entry.passages[0].source_url == "https://example.test/anfrage/testanfrage/#nachricht-8"


def test_odd_values_become_an_error_not_a_crash() -> None:
    detail = minimal([response(1, "A", url="https://fragdenstaat.de/anfrage/a b/#nachricht-1")], url="/anfrage/a b/")
    _, entry = to_knowledge(detail)
    assert entry.source_url == "https://fragdenstaat.de/a/5/"
    assert entry.passages[0].source_url == "https://fragdenstaat.de/a/5/#nachricht-1"
    mixed = minimal([response(1, "A", timestamp="2023-03-01"), response(2, "B", timestamp="2023-03-02T10:00:00Z")])
    assert to_knowledge(mixed)[0].answered == dt.date(2023, 3, 2)
    with pytest.raises(FragDenStaatError, match="could not be turned into an answer"):
        to_knowledge(detail, site="kein Server")


def test_request_without_response_says_so(froide: FakeFroide, client: FragDenStaatClient) -> None:
    froide.add_request(42, "Verträge mit Beratern", public_body="Stadt Ulm", law=None)
    froide.add_message(42, is_response=False, content="Bitte senden Sie mir die Verträge.")
    request, entry = to_knowledge(client.fetch(Reference(ReferenceKind.REQUEST_ID, 42)))
    assert entry.passages == []
    assert (request.answered, request.law, request.resolution) == (None, None, None)
    assert entry.answer == (
        "Zur FragDenStaat-Anfrage #42 „Verträge mit Beratern“ (gestellt am 18.08.2022) ist noch keine Antwort "
        "von Stadt Ulm eingegangen, es gibt also noch keinen Antworttext. Stand auf FragDenStaat: wartet auf Antwort."
    )
    assert entry.answer_en is not None
    assert entry.answer_en.startswith("No response from Stadt Ulm to FragDenStaat request #42")
    assert entry.answer_en.endswith("Status on FragDenStaat: awaiting response.")
    assert entry.date == dt.date(2022, 8, 18)


def test_only_public_response_text_is_quoted(froide: FakeFroide, client: FragDenStaatClient) -> None:
    froide.add_request(43, "Gutachten", status="awaiting_classification")
    froide.add_message(43, is_response=False, content="Bitte senden Sie mir das Gutachten.")
    froide.add_message(
        43, is_response=True, content="", content_hidden=True, extra={"redacted_content": [[True, "GEHEIM-1"]]}
    )
    froide.add_message(43, is_response=True, content="   \n ")
    froide.add_message(43, is_response=True, content="GEHEIM-2", is_draft=True)
    froide.add_message(43, is_response=True, content="", extra={"redacted_content": [[False, "GEHEIM-3"]]})
    _, entry = to_knowledge(client.fetch(Reference(ReferenceKind.REQUEST_ID, 43)))
    assert entry.passages == []
    assert "GEHEIM" not in entry.model_dump_json()
    assert "3-mal" in entry.answer
    assert "nicht öffentlich lesbar" in entry.answer
    assert entry.answer_en is not None
    assert "not public on FragDenStaat" in entry.answer_en


def test_hidden_content_is_ignored_even_if_the_api_sends_text() -> None:
    detail = minimal([response(1, "GEHEIM", content_hidden=True), response(2, "Öffentlich.")])
    _, entry = to_knowledge(detail)
    assert [p.text for p in entry.passages] == ["Öffentlich."]
    assert "1 of 2 responses have public text" in (entry.answer_en or "")
    assert response_ids(detail) == [2]


def test_passages_are_whitespace_normalised_and_capped() -> None:
    messy = "Sehr geehrte\r\nDamen und Herren,\r\n\r\n\r\n  anbei\tdie   Antwort.\u00a0Gruß \n"
    long = "Wort " * 2000
    _, entry = to_knowledge(minimal([response(1, messy), response(2, long)]))
    assert entry.passages[0].text == "Sehr geehrte Damen und Herren,\n\nanbei die Antwort. Gruß"
    capped = entry.passages[1].text
    assert len(capped) <= MAX_RESPONSE_QUOTE
    assert capped.endswith("Wort…")
    assert "2-mal" in entry.answer
    assert entry.answer_en is not None
    assert "sent 2 responses" in entry.answer_en
    assert "the latest on 1 March 2023" in entry.answer_en


def test_message_anchor_is_built_when_missing_or_foreign() -> None:
    detail = minimal([response(8, "A", url=None), response(9, "B", url="https://fragdenstaat.de/anfrage/x/")])
    _, entry = to_knowledge(detail)
    assert [p.source_url for p in entry.passages] == [
        "https://fragdenstaat.de/anfrage/testanfrage/#nachricht-8",
        "https://fragdenstaat.de/anfrage/testanfrage/#nachricht-9",
    ]


def test_tolerates_missing_and_unusual_fields() -> None:
    detail = ApiRequest.model_validate(
        {
            "id": 77,
            "title": "  ",
            "public_body": None,
            "law": "https://fragdenstaat.de/api/v1/law/2/",
            "status": None,
            "description": "x" * 2000,
            "unknown_field": {"nested": True},
        }
    )
    request, entry = to_knowledge(detail)
    assert request.title == entry.title == "Anfrage #77"
    assert request.public_body == "unbekannte Behörde"
    assert request.law is None
    assert request.summary is not None
    assert len(request.summary) <= 500
    assert entry.source_url == "https://fragdenstaat.de/a/77/"
    assert entry.public_body is None
    assert "Status unbekannt" in entry.answer
    assert "Was hat die Behörde auf die Anfrage „Anfrage #77“ geantwortet?" in entry.questions


@pytest.mark.parametrize("word", ["Wort ", "\x01", "😀"], ids=["text", "escaped-in-json", "four-byte"])
def test_thousands_of_responses_make_a_bounded_entry(word: str) -> None:
    detail = minimal([response(n, f"Antwort {n}: " + word * 4000) for n in range(1, 3001)])
    tracemalloc.start()
    try:
        _, entry = to_knowledge(detail)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(entry.model_dump_json().encode()) < 1_000_000
    assert 0 < len(entry.passages) <= MAX_RESPONSES
    # The newest are kept, in order.
    numbers = [int((p.source_url or "").rsplit("-", 1)[1]) for p in entry.passages]
    assert numbers == list(range(3001 - len(numbers), 3001))
    assert f"The newest {len(numbers)} are quoted." in (entry.answer_en or "")
    assert f"Zitiert sind die neuesten {len(numbers)}." in entry.answer
    assert "sent 3000 responses" in (entry.answer_en or "")
    assert len(import_sources(detail)) <= MAX_RESPONSES + 2
    assert len(response_ids(detail)) == MAX_RESPONSES
    assert peak < 10_000_000


def test_long_names_and_addresses_from_the_api_are_capped() -> None:
    endless = "Sehr " * 100_000
    detail = minimal(
        [response(1, "Antwort", url=f"https://fragdenstaat.de/{'x' * 10_000}#nachricht-1")],
        title=endless,
        slug="testanfrage",
        url=f"https://fragdenstaat.de/anfrage/{'y' * 10_000}/",
        public_body={"name": endless},
        law={"name": endless},
    )
    request, entry = to_knowledge(detail)
    assert len(entry.model_dump_json()) < 10_000
    assert len(request.model_dump_json()) < 10_000
    assert entry.source_url == "https://fragdenstaat.de/anfrage/testanfrage/"
    assert entry.passages[0].source_url == "https://fragdenstaat.de/anfrage/testanfrage/#nachricht-1"
    assert entry.title.endswith("…")
    assert all(len(s.model_dump_json()) < 2_000 for s in import_sources(detail))


def test_a_status_is_one_of_froides_short_codes() -> None:
    with pytest.raises(ValidationError, match="at most 64 characters"):
        minimal(status="x" * 65)


def test_response_ids_detect_a_new_response(froide: FakeFroide, client: FragDenStaatClient) -> None:
    before = response_ids(client.fetch(REQUEST))
    assert before == [BOCHUM_ANSWER_ID]
    new_id = froide.add_message(
        BOCHUM_REQUEST_ID,
        is_response=True,
        content="Ergänzend übersenden wir Ihnen den Vermerk.",
        timestamp=dt.datetime(2022, 9, 27, 11, 0, tzinfo=BERLIN_SUMMER),
    )
    froide.set_status(BOCHUM_REQUEST_ID, "awaiting_classification")
    detail = client.fetch(REQUEST)
    after = response_ids(detail)
    assert after == [BOCHUM_ANSWER_ID, new_id]
    assert set(after) - set(before) == {new_id}
    request, entry = to_knowledge(detail)
    assert request.answered == dt.date(2022, 9, 27)
    assert [p.source_url for p in entry.passages][-1] == f"{PAGE}#nachricht-{new_id}"
    assert "zuletzt am 27.09.2022" in entry.answer
    assert entry.answer.endswith("Stand auf FragDenStaat: Antwort erhalten.")


def test_imported_responses_are_named_by_body_request_and_date(client: FragDenStaatClient) -> None:
    detail = client.fetch(REQUEST)
    named = {s.url: s for s in import_sources(detail)}
    _, entry = to_knowledge(detail)
    assert {entry.source_url, *(p.source_url for p in entry.passages)} <= set(named)
    response = named[entry.passages[0].source_url or ""]
    assert response.label("de") == "Antwort von Stadt Bochum (FragDenStaat #257364), 20.09.2022"
    assert named[entry.source_url].label("en") == "FragDenStaat request #257364 to Stadt Bochum, 18 August 2022"
