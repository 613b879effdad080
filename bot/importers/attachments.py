"""The letters of an answer: a response's PDF attachments, read page by page.

Most public bodies answer with a PDF letter, not with text in the message. FragDenStaat keeps each PDF as a
document whose pages carry its text (OCR for scans); a PDF without a document is downloaded and its text layer
read with pypdf. Only what FragDenStaat shows the public is read: approved attachments, not pending, not marked
irrelevant, and the redacted version where there is one. A PDF without any text (a scan nobody read yet) is
reported as needing text, never stored as empty passages.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from pypdf import PdfReader

log = logging.getLogger(__name__)

MAX_ATTACHMENTS = 30  # the newest readable attachments of a request read in one fetch (each may cost a download)
MAX_PDF = 20_000_000  # bytes of one downloaded PDF
MAX_PAGES = 300  # pages of one attachment read
PAGE_ANCHOR = "#page-{number}"  # django-filingcabinet's document viewer gives each page `id="page-N"`
# A browser's PDF viewer opens a PDF file at a page by this fragment (RFC 8118).
FILE_PAGE_ANCHOR = "#page={number}"
_API_ATTACHMENT_LINK = re.compile(r"/attachment/([0-9]{1,12})/?(?:[?#]|$)")
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})

# An id as froide sends it (the same bounds as the request's ids).
_Id = Annotated[int, Field(strict=True, gt=0, le=2**63 - 1)]


class _ApiModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ApiPage(_ApiModel):
    """One page of a document: FragDenStaat's text of it (OCR for scans), or the text layer pypdf found."""

    number: Annotated[int, Field(ge=1)]
    content: str | None = ""


class ApiDocument(_ApiModel):
    """django-filingcabinet's document of a PDF attachment; `pages` only in the document API's detail view."""

    id: _Id
    site_url: str | None = None
    pages: list[ApiPage] = Field(default_factory=list)


class ApiAttachment(_ApiModel):
    """A file attached to a message, as froide's API lists it. `pages` is not froide's: the client fills it with
    the pages' texts when it reads the letter (`read_letters`); None: not read."""

    id: _Id
    name: str = ""
    filetype: str | None = ""
    size: int | None = None
    site_url: str | None = None
    file_url: str | None = None
    pending: bool = False
    approved: bool = False
    redacted: str | None = None
    is_pdf: bool = False
    is_irrelevant: bool = False
    document: ApiDocument | None = None
    pages: list[ApiPage] | None = None
    problem: dict[str, str] | None = None  # not froide's either: why the file was not read (`LetterUnreadable`)

    @property
    def public(self) -> bool:
        """Shown on FragDenStaat: approved, not waiting for processing, not marked irrelevant."""
        return self.approved and not self.pending and not self.is_irrelevant

    @property
    def pdf(self) -> bool:
        return self.is_pdf or (self.filetype or "").lower() in _PDF_TYPES

    @property
    def redacted_id(self) -> int | None:
        """The id of the redacted version, from its API link (the link's host is not trusted, only the id)."""
        found = _API_ATTACHMENT_LINK.search(self.redacted or "")
        return int(found[1]) if found else None


@dataclass(frozen=True, slots=True)
class PageText:
    """The text of one page of a letter, with the address that opens the letter at that page."""

    number: int
    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Unread:
    """A letter with no text to quote: a scan without a text layer and without FragDenStaat's text, or (with its
    `problem` in German and English) a file that was not read, too large, say."""

    name: str
    url: str
    problem: dict[str, str] | None = None


class LetterUnreadable(Exception):
    """One letter cannot be read (too large, compressed, not on FragDenStaat's hosts); the request's other
    letters and responses still are. `texts`: why, in German and English."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__(texts["en"])
        self.texts = texts


def letters(attachments: Sequence[ApiAttachment]) -> list[ApiAttachment]:
    """The public PDFs among a message's attachments; an original whose redacted version is listed too is left
    for that version."""
    listed = {a.id for a in attachments}
    return [a for a in attachments if a.public and a.pdf and a.redacted_id not in listed]


def page_url(attachment: ApiAttachment, number: int, clean: Callable[[str], bool]) -> str | None:
    """The address that opens the letter at page `number`: the document viewer's page, else the PDF file's.
    `clean`: whether the API's address can be linked as it is."""
    document = attachment.document
    if document is not None and document.site_url and clean(document.site_url):
        return f"{document.site_url.split('#', 1)[0]}{PAGE_ANCHOR.format(number=number)}"
    for url in (attachment.file_url, attachment.site_url):
        if url and clean(url):
            return f"{url.split('#', 1)[0]}{FILE_PAGE_ANCHOR.format(number=number)}"
    return None


def page_texts(attachment: ApiAttachment, clean: Callable[[str], bool]) -> list[PageText]:
    """The pages of a letter that have text, in order, each with its address."""
    found: list[PageText] = []
    for page in (attachment.pages or [])[:MAX_PAGES]:
        text = (page.content or "").strip()
        url = page_url(attachment, page.number, clean)
        if text and url:
            found.append(PageText(page.number, text, url))
    return found


def letter_url(attachment: ApiAttachment, clean: Callable[[str], bool]) -> str:
    """Where a maintainer finds a letter: its document, its page on FragDenStaat or its file."""
    candidates = (attachment.document.site_url if attachment.document else None, attachment.site_url)
    return next((u for u in (*candidates, attachment.file_url) if u and clean(u)), "")


def unread(attachment: ApiAttachment, clean: Callable[[str], bool]) -> Unread | None:
    """The letter if it was read and has no text on any page."""
    if attachment.pages is None or page_texts(attachment, clean):
        return None
    name = " ".join(attachment.name.split()) or str(attachment.id)
    return Unread(name, letter_url(attachment, clean), attachment.problem)


def pdf_pages(data: bytes) -> list[ApiPage]:
    """The text layer of each page of a PDF (at most `MAX_PAGES`); none if the file cannot be read."""
    try:
        reader = PdfReader(io.BytesIO(data))
        return [
            ApiPage(number=number, content=page.extract_text() or "")
            for number, page in enumerate(itertools.islice(reader.pages, MAX_PAGES), start=1)
        ]
    except Exception:
        # pypdf raises many kinds of errors on damaged or hostile files; such a file has no text to quote.
        log.warning("a PDF attachment could not be read", exc_info=True)
        return []


@dataclass(frozen=True, slots=True)
class LetterSource:
    """How the client reads what a letter's text comes from; each call counts against the fetch's deadline."""

    attachment: Callable[[int], ApiAttachment]  # the API's attachment by id
    document: Callable[[int], ApiDocument]  # the document API's detail, with its pages
    download: Callable[[ApiAttachment], bytes]  # the PDF itself, size-capped


def with_pages(attachment: ApiAttachment, source: LetterSource) -> ApiAttachment:
    """The attachment with the texts of its pages: FragDenStaat's, else the PDF's own text layer."""
    pages: list[ApiPage] = []
    if attachment.document is not None:
        pages = source.document(attachment.document.id).pages
    if not any((p.content or "").strip() for p in pages):
        pages = pdf_pages(source.download(attachment))
    return attachment.model_copy(update={"pages": pages})


def read_letters(
    attachments: Sequence[ApiAttachment], source: LetterSource, budget: int
) -> tuple[list[ApiAttachment], int]:
    """A message's attachments with the pages of at most `budget` letters read, and the budget left. An original
    with a redacted version the message does not list is replaced by that version, fetched by its id."""
    listed = {a.id for a in attachments}
    read: list[ApiAttachment] = []
    for attachment in attachments:
        chosen = attachment
        redacted = attachment.redacted_id
        if attachment.pdf and redacted is not None and redacted not in listed and budget > 0:
            budget -= 1
            chosen = source.attachment(redacted)
        superseded = redacted is not None and redacted in listed
        if not superseded and chosen.public and chosen.pdf and budget > 0:
            budget -= 1
            try:
                chosen = with_pages(chosen, source)
            except LetterUnreadable as exc:
                chosen = chosen.model_copy(update={"pages": [], "problem": exc.texts})
        read.append(chosen)
    return read, budget
