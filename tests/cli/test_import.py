"""`kb import` and `kb watch` against a local froide-shaped server; no test reaches the internet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.kb.store import Store
from tests.conftest import FIXTURE_KB
from tests.fakes.froide import BOCHUM_REQUEST_ID, FakeFroide

API_PATH = f"/api/v1/request/{BOCHUM_REQUEST_ID}/"


@pytest.fixture
def froide() -> Iterator[FakeFroide]:
    with FakeFroide() as fake:
        fake.add_bochum_request()
        yield fake


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, froide: FakeFroide, kb_dir: Path) -> Path:
    # The fixture base curates request #257364 itself; imports are about requests it does not have.
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "kb.db"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_dir))
    monkeypatch.setenv("FRAGDENSTAAT_API_URL", froide.api_url)
    return tmp_path


def store_of(env: Path) -> Store:
    return Store(env / "kb.db")


@pytest.mark.parametrize(
    "reference",
    [
        f"https://fragdenstaat.de/a/{BOCHUM_REQUEST_ID}",
        f"#{BOCHUM_REQUEST_ID}",
        f"[#{BOCHUM_REQUEST_ID}]",
        str(BOCHUM_REQUEST_ID),
        "https://fragdenstaat.de/anfrage/abschneiden-in-digitalisierungsrankings-11/",
    ],
)
def test_import_builds_cited_passages(env: Path, capsys: pytest.CaptureFixture[str], reference: str) -> None:
    assert main(["kb", "import", reference]) == 0
    assert capsys.readouterr().out.startswith(f"fds-{BOCHUM_REQUEST_ID}\timported\t1 response passage(s)")
    store = store_of(env)
    try:
        entry = store.entry(f"fds-{BOCHUM_REQUEST_ID}")
        assert entry is not None
        assert entry.tags.cities == ["Bochum"]
        assert entry.passages[0].source_url is not None
        assert "#nachricht-" in entry.passages[0].source_url
        assert "externe Beratungen" in entry.passages[0].text
        assert [r.id for r in store.requests()] == [BOCHUM_REQUEST_ID]
        assert store.history(entry.id)[0].actor.startswith("cli:")
        named = {s.url: s.label("de") for s in store.sources()}
        assert named[entry.passages[0].source_url] == "Antwort von Stadt Bochum (FragDenStaat #257364), 20.09.2022"
    finally:
        store.close()


Fault = tuple[dict[str, object], str]


@pytest.mark.parametrize(
    "case",
    [
        ({"status": 404}, "not found"),
        ({"status": 500}, "500"),
        ({"body": b"{not json"}, "JSON"),
        ({"payload": {"id": "x", "messages": 5}}, ""),
        ({"drop": True}, ""),
        ({"delay": 15.0}, "did not answer within 1 s"),
    ],
)
def test_faults_give_a_clear_message_and_write_nothing(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, case: Fault
) -> None:
    fault, message = case
    assert main(["kb", "build"]) == 0
    store = store_of(env)
    before = (store.requests(), store.count_entries())
    store.close()
    froide.inject(API_PATH, **fault)  # type: ignore[arg-type]
    monkeypatch.setattr("bot.service.FETCH_TIMEOUT", 1.0)
    capsys.readouterr()
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 1
    err = capsys.readouterr().err
    assert "nothing was changed" in err
    assert message.lower() in err.lower()
    store = store_of(env)
    try:
        assert (store.requests(), store.count_entries()) == before
    finally:
        store.close()


def test_an_unparseable_reference_is_refused(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "import", "https://example.org/a/1"]) == 1
    assert "nothing was changed" in capsys.readouterr().err


def test_watch_adds_new_responses_as_passages(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID)]) == 1
    assert "import" in capsys.readouterr().err
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 0
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID)]) == 0
    assert main(["kb", "watch", "--check"]) == 0
    assert capsys.readouterr().out.endswith(f"{BOCHUM_REQUEST_ID}\tunchanged\n")
    froide.add_message(BOCHUM_REQUEST_ID, is_response=True, content="Nachtrag: Auch 2023 keine externe Beratung.")
    assert main(["kb", "watch", "--check"]) == 0
    assert capsys.readouterr().out.endswith(f"{BOCHUM_REQUEST_ID}\tupdated\n")
    store = store_of(env)
    try:
        entry = store.entry(f"fds-{BOCHUM_REQUEST_ID}")
        assert entry is not None
        assert len(entry.passages) == 2
        assert entry.passages[1].text == "Nachtrag: Auch 2023 keine externe Beratung."
        assert [c.action for c in store.history(entry.id)] == ["add", "edit"]
        assert store.history(entry.id)[1].actor == "watch"
    finally:
        store.close()
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID), "--remove"]) == 0
    assert main(["kb", "watch"]) == 0
    assert "last checked" not in capsys.readouterr().out


def test_a_request_curated_in_the_files_is_not_imported(
    froide: FakeFroide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "curated.db"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(FIXTURE_KB))
    monkeypatch.setenv("FRAGDENSTAAT_API_URL", froide.api_url)
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 1
    assert "curated in the knowledge files" in capsys.readouterr().err
    assert main(["kb", "build"]) == 0, "and the files still build"
