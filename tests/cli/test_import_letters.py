"""`kb import` and `kb watch` of answers given as PDF letters, against the fake froide with small real PDFs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.alerts import Alerts
from bot.cli import main
from bot.storage.store import Store
from bot.understand.normalize import Normalizer
from tests.cli.conftest import run, store_of
from tests.fakes.froide import BOCHUM_ANSWER_ID, BOCHUM_REQUEST_ID, BOCHUM_SLUG, DOCUMENT_IDS, FakeFroide
from tests.fakes.pdfs import pdf

ENTRY = f"fds-{BOCHUM_REQUEST_ID}"
FIRST = "Sehr geehrter Herr Muster,\nzu Ihrer Anfrage teilen wir mit:"
SECOND = "Für die Teilnahme am Smart City Index wurden keine Gutachter bezahlt."


@pytest.fixture
def env(configured: Path, monkeypatch: pytest.MonkeyPatch, kb_dir: Path, froide: FakeFroide) -> Path:
    """The settings, with FragDenStaat's API at the fake, over a copy of the fixture base without its request
    #257364: imports are about requests the base does not curate."""
    monkeypatch.setenv("FRAGDENSTAAT_API_URL", froide.api_url)
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_dir))
    return configured


def document(attachment_id: int, name: str) -> str:
    return f"https://fragdenstaat.de/dokumente/{DOCUMENT_IDS + attachment_id}-{name}/"


def test_a_letter_is_imported_page_by_page_and_answers_with_its_page(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = froide.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", pdf(FIRST, SECOND), pages=[FIRST, SECOND])
    scan = froide.add_attachment(BOCHUM_ANSWER_ID, "anlage-scan.pdf", pdf(None))
    code, out, _ = run(["kb", "import", str(BOCHUM_REQUEST_ID)], capsys)
    assert code == 0
    assert out.splitlines() == [
        f"{ENTRY}\timported\t3 response passage(s)",
        f"{ENTRY}\tneeds text\tanlage-scan.pdf\t"
        f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/{BOCHUM_ANSWER_ID}/anhang/anlage-scan.pdf",
    ]
    page_two = f"{document(letter, 'antwort')}#page-2"
    with store_of(env) as store:
        entry = store.knowledge.entry(ENTRY)
        assert entry is not None
        assert [(p.page, p.source_url) for p in entry.passages[1:]] == [
            (1, f"{document(letter, 'antwort')}#page-1"),
            (2, page_two),
        ]
        assert all(p.text.strip() for p in entry.passages)
        named = {s.url: s for s in store.knowledge.sources()}
    assert named[page_two].label("de") == "Antwort von Stadt Bochum (FragDenStaat #257364), 20.09.2022, S. 2 (PDF)"
    assert (
        named[page_two].label("en") == "Answer from Stadt Bochum (FragDenStaat #257364), 20 September 2022, p. 2 (PDF)"
    )
    assert f"/files/foi/{scan}/anlage-scan.pdf" in [c.path for c in froide.calls]

    question = "Was hat Stadt Bochum auf die Anfrage Abschneiden in Digitalisierungsrankings geantwortet?"
    code, out, _ = run(["ask", "--json", question], capsys)
    assert code == 0
    reply = json.loads(out)
    assert reply["answered"]
    assert (
        "„Für die Teilnahme am Smart City Index wurden keine Gutachter bezahlt.“\n"
        ">   – Antwort von Stadt Bochum (FragDenStaat #257364), 20.09.2022, S. 2 (PDF) "
        f"<{page_two}>"
    ) in reply["reply"]


def test_an_oversize_pdf_is_reported_not_read_and_the_rest_imported(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    """One file refused for itself (too large) does not keep the request's answer and other letters out: it gets a
    `not read` line with the reason."""
    assert main(["kb", "build"]) == 0
    froide.add_attachment(BOCHUM_ANSWER_ID, "riesig.pdf", pdf(FIRST), size=25_000_000)
    code, out, err = run(["kb", "import", str(BOCHUM_REQUEST_ID)], capsys)
    assert (code, err) == (0, "")
    first, *letters = out.splitlines()
    assert first.startswith(f"fds-{BOCHUM_REQUEST_ID}\timported\t")
    [line] = [line for line in letters if "\tnot read\t" in line]
    assert line.startswith(f"fds-{BOCHUM_REQUEST_ID}\tnot read\triesig.pdf\t")
    assert line.endswith(
        "FragDenStaat sent more than 20 MB for attachment 'riesig.pdf'; a reply that large is not read."
    )
    with store_of(env) as store:
        entry = store.knowledge.entry(f"fds-{BOCHUM_REQUEST_ID}")
        assert entry is not None
        assert entry.passages


def test_a_watched_request_announces_each_new_letter_once(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 0
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID)]) == 0
    with store_of(env) as store:
        Alerts(store, Normalizer(store.knowledge.aliases(), store.knowledge.rankings())).subscribe(
            7, "", daily=False, by=7
        )
    # A receipt is no news; two letters, each with a page 1, are news each.
    froide.add_message(
        BOCHUM_REQUEST_ID, is_response=True, content="Eingangsbestätigung", subject="Eingangsbestätigung"
    )
    code, out, _ = run(["kb", "watch", "--check"], capsys)
    assert (code, out) == (0, f"{BOCHUM_REQUEST_ID}\tunchanged\n")
    letters = []
    for n in (1, 2):
        message = froide.add_message(BOCHUM_REQUEST_ID, is_response=True, content="")
        letters.append(
            froide.add_attachment(message, f"nachtrag-{n}.pdf", pdf(f"Nachtrag {n}."), pages=[f"Nachtrag {n}."])
        )
        code, out, _ = run(["kb", "watch", "--check"], capsys)
        assert (code, out) == (0, f"{BOCHUM_REQUEST_ID}\tupdated\n")
    with store_of(env) as store:
        keys = [row[0] for row in store.db.execute("SELECT alert FROM outbox ORDER BY id").fetchall()]
    assert keys == [f"{ENTRY}#{document(n, f'nachtrag-{i}')}#page-1" for i, n in enumerate(letters, start=1)]


def test_an_exported_letter_keeps_its_pages_and_citations(
    env: Path, froide: FakeFroide, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = froide.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", pdf(FIRST, SECOND), pages=[FIRST, SECOND])
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 0
    assert main(["kb", "export", str(env / "export")]) == 0
    monkeypatch.setenv("KNOWLEDGE_DIR", str(env / "export"))
    monkeypatch.setenv("DATABASE_PATH", str(env / "again.db"))
    code, out, _ = run(["kb", "check"], capsys)
    assert code == 0, out
    assert main(["kb", "build"]) == 0
    with Store(env / "again.db") as store:
        entry = store.knowledge.entry(ENTRY)
        named = {s.url: s.label("en") for s in store.knowledge.sources()}
    assert entry is not None
    assert [p.page for p in entry.passages] == [None, 1, 2]
    assert named[f"{document(letter, 'antwort')}#page-2"].endswith("20 September 2022, p. 2 (PDF)")
