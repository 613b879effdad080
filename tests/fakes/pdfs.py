"""Small real PDFs for the importer's tests, made with pypdf: pages with a text layer (a content stream drawing
text in Helvetica), and "scans" (a page with a picture of text, here a grey area, and no text layer)."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject

WIDTH, HEIGHT = 595, 842  # A4 in points


def _escaped(line: str) -> bytes:
    """A line as a PDF string in WinAnsi (Latin-1 for these texts), its delimiters escaped."""
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def _font() -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


def pdf(*pages: str | None) -> bytes:
    """A PDF with one page per argument: its text, one line per line of the string; None for a scan."""
    writer = PdfWriter()
    for text in pages:
        page = writer.add_blank_page(width=WIDTH, height=HEIGHT)
        stream = ContentStream(None, writer)
        if text is None:
            stream.set_data(b"0.8 g 50 50 495 742 re f")
        else:
            lines = b" T* ".join(b"(" + _escaped(line) + b") Tj" for line in text.split("\n"))
            stream.set_data(b"BT /F1 11 Tf 14 TL 72 770 Td " + lines + b" ET")
            fonts = DictionaryObject({NameObject("/F1"): _font()})
            page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        page.replace_contents(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
