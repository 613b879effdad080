"""Answers from the letters themselves: PDF attachments read page by page (FragDenStaat's text of a document, or
the PDF's own text layer), cited by page; scans reported as needing text; receipts and notices not taken for
answers; another body that answered named. Against the fake froide, with small real PDFs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.importers import fragdenstaat
from bot.importers.attachments import MAX_PDF, ApiAttachment, Unread, pdf_pages
from bot.importers.fragdenstaat import (
    MAX_PASSAGES,
    MAX_QUOTED,
    ApiRequest,
    FragDenStaatClient,
    FragDenStaatError,
    Reference,
    ReferenceKind,
    import_sources,
    response_ids,
    to_knowledge,
    unread_letters,
)
from bot.importers.responses import is_receipt
from tests.fakes.froide import (
    BERLIN_SUMMER,
    BOCHUM_ANSWER_ID,
    BOCHUM_REQUEST_ID,
    BOCHUM_SLUG,
    DOCUMENT_IDS,
    FakeFroide,
)
from tests.fakes.pdfs import pdf

REQUEST = Reference(ReferenceKind.REQUEST_ID, BOCHUM_REQUEST_ID)
PAGE = f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/"
FIRST = "Sehr geehrter Herr Muster,\nauf Ihre Anfrage teilen wir mit:\nExterne Berater wurden nicht beauftragt."
SECOND = "Die Kosten der Teilnahme am Smart City Index\ntrug die Stadt selbst."
LETTER = pdf(FIRST, SECOND)
SCAN = pdf(None)


@pytest.fixture
def client(froide: FakeFroide) -> Iterator[FragDenStaatClient]:
    with FragDenStaatClient(froide.api_url, timeout=2.0) as fds:
        yield fds


def files_read(froide: FakeFroide) -> list[str]:
    return [c.path for c in froide.calls if c.path.startswith("/files/")]


def document_url(attachment_id: int, name: str) -> str:
    return f"https://fragdenstaat.de/dokumente/{DOCUMENT_IDS + attachment_id}-{name}/"


# -- PDFs -----------------------------------------------------------------------------------------------


def test_the_text_layer_of_each_page_is_read() -> None:
    assert [(p.number, p.content) for p in pdf_pages(pdf(FIRST, SECOND, None))] == [(1, FIRST), (2, SECOND), (3, "")]


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n", b"kein PDF", LETTER[: len(LETTER) // 2]])
def test_a_damaged_pdf_has_no_text_and_raises_nothing(data: bytes) -> None:
    assert all(not p.content for p in pdf_pages(data))


# -- letters ----------------------------------------------------------------------------------------------


def test_a_letter_with_a_document_is_quoted_page_by_page_from_fragdenstaats_text(
    froide: FakeFroide, client: FragDenStaatClient
) -> None:
    # FragDenStaat's text differs from the PDF's text layer here, to show which one is read.
    attachment = froide.add_attachment(
        BOCHUM_ANSWER_ID,
        "antwort.pdf",
        LETTER,
        pages=["Seite eins laut FragDenStaat.", "Seite zwei laut FragDenStaat."],
    )
    detail = client.fetch(REQUEST)
    _, entry = to_knowledge(detail)
    document = document_url(attachment, "antwort")
    assert [(p.page, p.source_url, p.text) for p in entry.passages[1:]] == [
        (1, f"{document}#page-1", "Seite eins laut FragDenStaat."),
        (2, f"{document}#page-2", "Seite zwei laut FragDenStaat."),
    ]
    assert (entry.passages[0].page, entry.passages[0].source_url) == (None, f"{PAGE}#nachricht-{BOCHUM_ANSWER_ID}")
    assert f"/api/v1/document/{DOCUMENT_IDS + attachment}/" in [c.path for c in froide.calls]
    assert files_read(froide) == []
    named = {s.url: s for s in import_sources(detail)}
    assert named[f"{document}#page-2"].label("de") == (
        "Antwort von Stadt Bochum (FragDenStaat #257364), 20.09.2022, S. 2 (PDF)"
    )
    assert named[f"{document}#page-1"].label("en") == (
        "Answer from Stadt Bochum (FragDenStaat #257364), 20 September 2022, p. 1 (PDF)"
    )
    assert named[entry.passages[0].source_url or ""].label("de") == (
        "Antwort von Stadt Bochum (FragDenStaat #257364), 20.09.2022"
    )
    assert unread_letters(detail) == []


def test_a_pdf_without_a_document_is_downloaded_and_read_with_pypdf(
    froide: FakeFroide, client: FragDenStaatClient
) -> None:
    attachment = froide.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", LETTER)
    detail = client.fetch(REQUEST)
    _, entry = to_knowledge(detail)
    file_url = f"{froide.url}/files/foi/{attachment}/antwort.pdf"
    assert [(p.page, p.source_url, p.text) for p in entry.passages[1:]] == [
        (1, f"{file_url}#page=1", " ".join(FIRST.split("\n"))),
        (2, f"{file_url}#page=2", " ".join(SECOND.split("\n"))),
    ]
    assert files_read(froide) == [f"/files/foi/{attachment}/antwort.pdf"]
    [download] = [c for c in froide.calls if c.path.startswith("/files/")]
    assert download.headers["accept"] == "application/pdf"
    assert {s.url: s.label("de") for s in import_sources(detail)}[f"{file_url}#page=1"].endswith(", S. 1 (PDF)")


def test_a_document_without_text_falls_back_to_the_pdfs_text_layer(
    froide: FakeFroide, client: FragDenStaatClient
) -> None:
    attachment = froide.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", LETTER, pages=["", "  "])
    _, entry = to_knowledge(client.fetch(REQUEST))
    assert [p.text for p in entry.passages[1:]] == [" ".join(FIRST.split("\n")), " ".join(SECOND.split("\n"))]
    # Linked to the document's pages all the same: that is where people read it.
    assert entry.passages[1].source_url == f"{document_url(attachment, 'antwort')}#page-1"


def test_an_answer_only_in_a_letter_is_quoted_and_counted_as_public(
    froide: FakeFroide, client: FragDenStaatClient
) -> None:
    froide.add_request(46, "Beraterverträge", public_body="Stadt Ulm")
    message = froide.add_message(46, is_response=True, content="", subject="Ihre Anfrage")
    froide.add_attachment(message, "bescheid.pdf", pdf("Die Stadt Ulm hat keine Beraterverträge geschlossen."))
    detail = client.fetch(Reference(ReferenceKind.REQUEST_ID, 46))
    _, entry = to_knowledge(detail)
    assert [(p.page, p.text) for p in entry.passages] == [(1, "Die Stadt Ulm hat keine Beraterverträge geschlossen.")]
    assert "nicht öffentlich lesbar" not in entry.answer
    assert response_ids(detail) == [message]


def test_the_redacted_version_is_read_in_place_of_the_original(froide: FakeFroide, client: FragDenStaatClient) -> None:
    redacted = froide.add_attachment(
        BOCHUM_ANSWER_ID, "antwort-geschwaerzt.pdf", pdf("Vertrag mit [geschwärzt]."), is_redacted=True
    )
    froide.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", pdf("Vertrag mit GEHEIM GmbH."), redacted=redacted)
    _, entry = to_knowledge(client.fetch(REQUEST))
    assert [p.text for p in entry.passages[1:]] == ["Vertrag mit [geschwärzt]."]
    assert "GEHEIM" not in entry.model_dump_json()
    assert files_read(froide) == [f"/files/foi/{redacted}/antwort-geschwaerzt.pdf"]


def test_a_redacted_version_the_message_does_not_list_is_fetched_by_its_id(
    froide: FakeFroide, client: FragDenStaatClient
) -> None:
    redacted = froide.add_attachment(
        BOCHUM_ANSWER_ID, "geschwaerzt.pdf", pdf("Vertrag mit [geschwärzt]."), is_redacted=True, listed=False
    )
    froide.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", pdf("Vertrag mit GEHEIM GmbH."), redacted=redacted)
    _, entry = to_knowledge(client.fetch(REQUEST))
    assert [p.text for p in entry.passages[1:]] == ["Vertrag mit [geschwärzt]."]
    assert "GEHEIM" not in entry.model_dump_json()
    assert f"/api/v1/attachment/{redacted}/" in [c.path for c in froide.calls]


@pytest.mark.parametrize(
    "flags",
    [
        {"approved": False},
        {"pending": True},
        {"is_irrelevant": True},
        {"filetype": "image/png"},
        {"filetype": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    ],
    ids=["unapproved", "pending", "irrelevant", "image", "docx"],
)
def test_attachments_fragdenstaat_does_not_show_as_letters_are_not_read(
    froide: FakeFroide, client: FragDenStaatClient, flags: dict[str, Any]
) -> None:
    froide.add_attachment(BOCHUM_ANSWER_ID, "intern.pdf", pdf("GEHEIM: interner Vermerk."), pages=["GEHEIM"], **flags)
    detail = client.fetch(REQUEST)
    _, entry = to_knowledge(detail)
    assert len(entry.passages) == 1
    assert "GEHEIM" not in entry.model_dump_json()
    assert files_read(froide) == []
    assert not any(c.path.startswith("/api/v1/document/") for c in froide.calls)
    assert unread_letters(detail) == []


def test_a_scan_without_text_is_reported_and_nothing_empty_is_stored(
    froide: FakeFroide, client: FragDenStaatClient
) -> None:
    scan = froide.add_attachment(BOCHUM_ANSWER_ID, "scan.pdf", SCAN)
    # FragDenStaat has a document for this one, but no text of it yet (OCR pending).
    ocr_pending = froide.add_attachment(BOCHUM_ANSWER_ID, "anlage.pdf", pdf(None, None), pages=["", ""])
    detail = client.fetch(REQUEST)
    _, entry = to_knowledge(detail)
    assert [p.page for p in entry.passages] == [None]
    assert all(p.text.strip() for p in entry.passages)
    assert unread_letters(detail) == [
        Unread("scan.pdf", f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/{BOCHUM_ANSWER_ID}/anhang/scan.pdf"),
        Unread("anlage.pdf", document_url(ocr_pending, "anlage")),
    ]
    assert files_read(froide) == [f"/files/foi/{scan}/scan.pdf", f"/files/foi/{ocr_pending}/anlage.pdf"]


def test_only_a_scan_leaves_the_answer_unquoted(froide: FakeFroide, client: FragDenStaatClient) -> None:
    froide.add_request(47, "Gutachten", public_body="Stadt Ulm")
    message = froide.add_message(47, is_response=True, content="")
    froide.add_attachment(message, "scan.pdf", SCAN)
    detail = client.fetch(Reference(ReferenceKind.REQUEST_ID, 47))
    _, entry = to_knowledge(detail)
    assert entry.passages == []
    assert "nicht öffentlich lesbar" in entry.answer
    assert [u.name for u in unread_letters(detail)] == ["scan.pdf"]


def test_letters_count_against_the_caps_on_passages_and_bytes(froide: FakeFroide, client: FragDenStaatClient) -> None:
    page = "Wort " * 700
    froide.add_attachment(BOCHUM_ANSWER_ID, "akte.pdf", LETTER, pages=[f"Seite {n}: {page}" for n in range(1, 301)])
    _, entry = to_knowledge(client.fetch(REQUEST))
    assert len(entry.passages) == MAX_PASSAGES
    assert sum(len(p.model_dump_json().encode()) for p in entry.passages) <= MAX_QUOTED
    # Of a letter too long to quote whole, its beginning is kept.
    assert [p.page for p in entry.passages[:3]] == [None, 1, 2]
    assert len(entry.model_dump_json().encode()) < 1_000_000


# -- limits -----------------------------------------------------------------------------------------------


def not_read(detail: Any) -> list[Unread]:
    """The letters reported as not read, each with why."""
    return [u for u in unread_letters(detail) if u.problem is not None]


def test_a_pdf_announced_as_too_large_is_reported_not_read_and_the_rest_imported(
    froide: FakeFroide, client: FragDenStaatClient
) -> None:
    froide.add_attachment(BOCHUM_ANSWER_ID, "riesig.pdf", LETTER, size=MAX_PDF + 1)
    detail = client.fetch(REQUEST)
    [letter] = not_read(detail)
    assert letter.name == "riesig.pdf"
    assert letter.problem == {
        "en": "FragDenStaat sent more than 20 MB for attachment 'riesig.pdf'; a reply that large is not read.",
        "de": "FragDenStaat hat für Anhang „riesig.pdf“ mehr als 20 MB geschickt; eine so große Antwort wird nicht "
        "gelesen.",
    }
    assert files_read(froide) == []
    _, entry = to_knowledge(detail)
    assert entry.passages, "the answer's own text is still quoted"
    assert all("riesig" not in (p.source_url or "") for p in entry.passages)


def test_a_pdf_larger_than_announced_is_cut_off(
    froide: FakeFroide, client: FragDenStaatClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fragdenstaat, "MAX_PDF", 1000)
    froide.add_attachment(BOCHUM_ANSWER_ID, "gross.pdf", LETTER + b" " * 2000, size=10)
    [letter] = not_read(client.fetch(REQUEST))
    assert "more than 0.001 MB for attachment 'gross.pdf'" in (letter.problem or {})["en"]


def test_a_compressed_pdf_is_not_read(froide: FakeFroide, client: FragDenStaatClient) -> None:
    attachment = froide.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", LETTER)
    froide.inject(f"/files/foi/{attachment}/antwort.pdf", body=LETTER, headers={"Content-Encoding": "gzip"})
    [letter] = not_read(client.fetch(REQUEST))
    assert "sent attachment 'antwort.pdf' compressed" in (letter.problem or {})["en"]


def _detail_with_file(file_url: str) -> dict[str, Any]:
    attachment = {"id": 3, "name": "a.pdf", "filetype": "application/pdf", "approved": True, "file_url": file_url}
    message = {"id": 2, "is_response": True, "content": "Anbei.", "attachments": [attachment]}
    return {"id": 1, "title": "T", "messages": [message]}


@pytest.mark.parametrize(
    "file_url",
    ["https://evil.example/a.pdf", "http://media.frag-den-staat.de/a.pdf", "https://fragdenstaat.de.evil/a.pdf"],
)
def test_files_are_read_only_from_fragdenstaats_own_addresses(file_url: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/v1/request/1/", "no file is fetched"
        return httpx.Response(200, json=_detail_with_file(file_url))

    with FragDenStaatClient(transport=httpx.MockTransport(handler)) as fds:
        [letter] = not_read(fds.fetch(Reference(ReferenceKind.REQUEST_ID, 1)))
    assert "files are read only from fragdenstaat.de" in (letter.problem or {})["en"]


def test_a_timeout_while_reading_a_letter_still_ends_the_whole_fetch(froide: FakeFroide) -> None:
    """Only a file refused for itself is left out; a fetch over its deadline changes nothing, as before."""
    attachment = froide.add_attachment(BOCHUM_ANSWER_ID, "langsam.pdf", LETTER)
    froide.inject(f"/files/foi/{attachment}/langsam.pdf", delay=5.0)
    with (
        FragDenStaatClient(froide.api_url, timeout=0.5, deadline=1.0) as slow,
        pytest.raises(FragDenStaatError, match="did not answer within"),
    ):
        slow.fetch(REQUEST)


def test_the_real_sites_media_host_is_read() -> None:
    file_url = "https://media.frag-den-staat.de/files/foi/3/a.pdf"

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == file_url:
            return httpx.Response(200, content=pdf("Antwort im Brief."))
        return httpx.Response(200, json=_detail_with_file(file_url))

    with FragDenStaatClient(transport=httpx.MockTransport(handler)) as fds:
        detail = fds.fetch(Reference(ReferenceKind.REQUEST_ID, 1))
    [attachment] = detail.messages[0].attachments
    assert [p.content for p in attachment.pages or []] == ["Antwort im Brief."]


# -- responses that are not answers ----------------------------------------------------------------------


RECEIPT = "Ihre Anfrage ist bei uns eingegangen und wird bearbeitet. Dies ist eine automatisch erstellte Nachricht."
AWAY = "Vielen Dank für Ihre Nachricht. Ich bin bis zum 30.09.2022 nicht im Büro. In dringenden Fällen: 0234-0."


def test_receipts_and_notices_are_not_taken_for_the_answer(froide: FakeFroide, client: FragDenStaatClient) -> None:
    froide.add_request(44, "Beraterverträge", status="resolved", resolution="successful")
    froide.add_message(44, is_response=False, content="Bitte senden Sie mir die Verträge.")
    day = dt.datetime(2022, 9, 1, 10, 0, tzinfo=BERLIN_SUMMER)
    froide.add_message(44, is_response=True, content=RECEIPT, subject="Eingangsbestätigung", timestamp=day)
    froide.add_message(
        44, is_response=True, content=RECEIPT, subject="Ihre Anfrage", timestamp=day + dt.timedelta(hours=1)
    )
    answer = froide.add_message(
        44, is_response=True, content="Es gibt keine Beraterverträge.", timestamp=day + dt.timedelta(days=5)
    )
    froide.add_message(
        44,
        is_response=True,
        content=AWAY,
        subject="Automatische Antwort: AW: Ihre Anfrage",
        timestamp=day.replace(day=20),
    )
    froide.add_message(44, is_response=True, content=AWAY, timestamp=day.replace(day=21))
    detail = client.fetch(Reference(ReferenceKind.REQUEST_ID, 44))
    request, entry = to_knowledge(detail)
    assert [p.text for p in entry.passages] == ["Es gibt keine Beraterverträge."]
    assert response_ids(detail) == [answer]
    assert request.answered == dt.date(2022, 9, 6)
    assert entry.answer.startswith("Stadt Bochum hat am 06.09.2022 auf die FragDenStaat-Anfrage #44")
    assert "Eingang" not in entry.model_dump_json()


@pytest.mark.parametrize(
    ("subject", "text", "receipt"),
    [
        ("Eingangsbestätigung Ihrer Anfrage", "", True),
        ("Automatic reply: Anfrage", "I am out of the office.", True),
        ("Undeliverable: Anfrage nach dem IFG", "Delivery has failed.", True),
        ("Lesebestätigung", "", True),
        ("AW: Anfrage", RECEIPT, True),
        ("AW: Anfrage", "Ihre Anfrage ist am 18.08.2022 eingegangen. " + "Wir antworten wie folgt. " * 60, False),
        ("AW: Anfrage", "Die Stadt hat keine externen Berater beauftragt.", False),
        ("Anfrage nach dem Informationsfreiheitsgesetz", "Anbei unsere Antwort.", False),
    ],
)
def test_what_counts_as_a_receipt(subject: str, text: str, receipt: bool) -> None:
    assert is_receipt(subject, text) is receipt


def test_a_receipt_sent_as_a_letter_is_no_answer(froide: FakeFroide, client: FragDenStaatClient) -> None:
    froide.add_request(49, "Gutachten")
    message = froide.add_message(49, is_response=True, content="", subject="Ihre Anfrage")
    froide.add_attachment(message, "eingang.pdf", pdf("Ihre Anfrage ist am 18.08.2022 bei uns eingegangen."))
    detail = client.fetch(Reference(ReferenceKind.REQUEST_ID, 49))
    _, entry = to_knowledge(detail)
    assert entry.passages == []
    assert response_ids(detail) == []


def test_a_letter_makes_a_response_an_answer_whatever_its_subject(
    froide: FakeFroide, client: FragDenStaatClient
) -> None:
    froide.add_request(48, "Gutachten")
    message = froide.add_message(48, is_response=True, content=RECEIPT, subject="Eingangsbestätigung")
    froide.add_attachment(message, "bescheid.pdf", pdf("Das Gutachten liegt bei."))
    _, entry = to_knowledge(client.fetch(Reference(ReferenceKind.REQUEST_ID, 48)))
    assert [p.page for p in entry.passages] == [None, 1]


# -- who answered -----------------------------------------------------------------------------------------


def test_another_body_that_answered_is_named(froide: FakeFroide, client: FragDenStaatClient) -> None:
    froide.add_request(45, "Beraterverträge", public_body="Stadt Bochum", status="resolved", resolution="successful")
    other = froide.public_body_uri("Bezirksregierung Arnsberg")
    froide.add_message(
        45,
        is_response=True,
        content="Zuständig ist die Bezirksregierung; Verträge liegen nicht vor.",
        timestamp=dt.datetime(2022, 9, 12, 9, 0, tzinfo=BERLIN_SUMMER),
        extra={"sender_public_body": other},
    )
    detail = client.fetch(Reference(ReferenceKind.REQUEST_ID, 45))
    _, entry = to_knowledge(detail)
    assert entry.answer == (
        "Bezirksregierung Arnsberg hat am 12.09.2022 auf die an Stadt Bochum gestellte FragDenStaat-Anfrage #45 "
        "„Beraterverträge“ geantwortet. Stand auf FragDenStaat: abgeschlossen (erfolgreich)."
    )
    assert entry.answer_en == (
        "Bezirksregierung Arnsberg answered FragDenStaat request #45 'Beraterverträge' (sent to Stadt Bochum) on "
        "12 September 2022. Status on FragDenStaat: resolved (successful)."
    )
    assert entry.public_body == "Stadt Bochum"
    named = {s.url: s.label("de") for s in import_sources(detail)}
    assert named[entry.passages[0].source_url or ""] == (
        "Antwort von Bezirksregierung Arnsberg (FragDenStaat #45), 12.09.2022"
    )
    assert other.removeprefix(froide.url) in [c.path for c in froide.calls]


def test_the_body_asked_is_not_looked_up_nor_named_twice(froide: FakeFroide, client: FragDenStaatClient) -> None:
    detail = client.fetch(REQUEST)
    assert not any(c.path.startswith("/api/v1/publicbody/") for c in froide.calls)
    assert to_knowledge(detail)[1].answer.startswith("Stadt Bochum hat am 20.09.2022 auf die FragDenStaat-Anfrage")


def test_several_bodies_that_answered_are_all_named() -> None:
    messages = [
        {"id": 1, "is_response": True, "content": "Weitergeleitet.", "sender_public_body": {"id": 9, "name": "Land"}},
        {"id": 2, "is_response": True, "content": "Keine Verträge.", "sender_public_body": {"id": 4, "name": "Stadt"}},
    ]
    detail = ApiRequest.model_validate(
        {"id": 5, "title": "T", "public_body": {"id": 4, "name": "Stadt"}, "messages": messages}
    )
    _, entry = to_knowledge(detail)
    assert entry.answer.startswith("Land und Stadt haben 2-mal auf die an Stadt gestellte FragDenStaat-Anfrage #5")
    assert (entry.answer_en or "").startswith("Land and Stadt sent 2 responses to FragDenStaat request #5 'T' (sent to")


def test_an_attachment_is_public_only_when_fragdenstaat_shows_it() -> None:
    shown = ApiAttachment(id=1, approved=True, is_pdf=True)
    assert shown.public
    assert not shown.model_copy(update={"pending": True}).public
    assert not ApiAttachment(id=1, is_pdf=True).public


# -- the fake speaks froide -------------------------------------------------------------------------------

ATTACHMENT_FIELDS = {
    "id",
    "name",
    "filetype",
    "size",
    "site_url",
    "anchor_url",
    "file_url",
    "pending",
    "approved",
    "is_redacted",
    "redacted",
    "is_converted",
    "converted",
    "is_pdf",
    "is_image",
    "is_irrelevant",
    "document",
}


def test_the_fake_serves_froides_shapes(froide: FakeFroide) -> None:
    attachment = froide.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", LETTER, pages=[FIRST, SECOND])
    detail = httpx.get(f"{froide.api_url}/request/{BOCHUM_REQUEST_ID}/").json()
    # froide never writes it, also for a resolved request: the answer's date is the latest answer's.
    assert (detail["status"], detail["resolved_on"]) == ("resolved", None)
    [listed] = detail["messages"][1]["attachments"]
    assert set(listed) >= ATTACHMENT_FIELDS
    assert {"id", "site_url", "title", "num_pages", "file_url", "pages_uri"} <= set(listed["document"])
    assert "pages" not in listed["document"]
    document = httpx.get(f"{froide.api_url}/document/{DOCUMENT_IDS + attachment}/").json()
    assert [(p["number"], p["content"]) for p in document["pages"]] == [(1, FIRST), (2, SECOND)]
    assert set(document["pages"][0]) == {"document", "number", "content", "width", "height", "image"}
    assert httpx.get(listed["file_url"]).content == LETTER
