"""`kb import` and `kb watch` against a local froide-shaped server; no test reaches the internet."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from bot.alerts import Alerts
from bot.cli import main
from bot.importers.fragdenstaat import MAX_RESPONSES
from bot.understand.normalize import Normalizer
from tests.cli.conftest import store_of
from tests.conftest import REPO
from tests.fakes.froide import BOCHUM_REQUEST_ID, BOCHUM_SLUG, FakeFroide

API_PATH = f"/api/v1/request/{BOCHUM_REQUEST_ID}/"


@pytest.fixture
def froide_env(configured: Path, monkeypatch: pytest.MonkeyPatch, froide: FakeFroide) -> Path:
    """The settings, with FragDenStaat's API at the fake."""
    monkeypatch.setenv("FRAGDENSTAAT_API_URL", froide.api_url)
    return configured


@pytest.fixture
def env(froide_env: Path, monkeypatch: pytest.MonkeyPatch, kb_dir: Path) -> Path:
    """The settings, over a copy of the fixture base without its request #257364: imports are about requests
    the base does not curate."""
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_dir))
    return froide_env


@pytest.mark.parametrize(
    "reference",
    [
        f"https://fragdenstaat.de/a/{BOCHUM_REQUEST_ID}",
        f"#{BOCHUM_REQUEST_ID}",
        f"[#{BOCHUM_REQUEST_ID}]",
        str(BOCHUM_REQUEST_ID),
        f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/",
    ],
)
def test_import_builds_cited_passages(env: Path, capsys: pytest.CaptureFixture[str], reference: str) -> None:
    assert main(["kb", "import", reference]) == 0
    assert capsys.readouterr().out.startswith(f"fds-{BOCHUM_REQUEST_ID}\timported\t1 response passage(s)")
    with store_of(env) as store:
        entry = store.knowledge.entry(f"fds-{BOCHUM_REQUEST_ID}")
        assert entry is not None
        assert entry.tags.cities == ["Bochum"]
        assert entry.passages[0].source_url is not None
        assert "#nachricht-" in entry.passages[0].source_url
        assert "externe Beratungen" in entry.passages[0].text
        assert [r.id for r in store.knowledge.requests()] == [BOCHUM_REQUEST_ID]
        assert store.history.changes(entry.id)[0].actor.startswith("cli:")
        named = {s.url: s.label("de") for s in store.knowledge.sources()}
        assert named[entry.passages[0].source_url] == "Antwort von Stadt Bochum (FragDenStaat #257364), 20.09.2022"


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
        # A byte every 0.05 s never trips the 1 s per read; the 2 s for the whole fetch end it.
        ({"drip": 0.05}, "did not answer within 2 s"),
        ({"payload": {"id": BOCHUM_REQUEST_ID, "description": "x" * 6_000_000}}, "more than 5 MB"),
        ({"status": 302, "headers": {"Location": "http://127.0.0.1:9/api/v1/"}}, "redirects are not followed"),
        (
            {"payload": {"id": BOCHUM_REQUEST_ID, "messages": [{"id": 2**70}]}},
            "messages.0.id: Input should be less than or equal to 9223372036854775807",
        ),
    ],
)
def test_faults_give_a_clear_message_and_write_nothing(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, case: Fault
) -> None:
    fault, message = case
    assert main(["kb", "build"]) == 0
    with store_of(env) as store:
        before = (store.knowledge.requests(), store.knowledge.count_entries())
    froide.inject(API_PATH, **fault)  # type: ignore[arg-type]
    monkeypatch.setenv("FRAGDENSTAAT_TIMEOUT", "1")
    monkeypatch.setenv("FRAGDENSTAAT_DEADLINE", "2")
    capsys.readouterr()
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert "nothing was changed" in err
    assert message.lower() in err.lower()
    with store_of(env) as store:
        assert (store.knowledge.requests(), store.knowledge.count_entries()) == before


def test_an_id_too_large_for_sqlite_ends_in_one_line_not_a_traceback(env: Path, froide: FakeFroide) -> None:
    too_big = 2**70
    froide.inject("/api/v1/request/", payload={"objects": [{"id": too_big, "slug": BOCHUM_SLUG}]})
    froide.inject(f"/api/v1/request/{too_big}/", payload={"id": too_big, "title": "Zu groß"})
    done = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "import", f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/"],
        cwd=REPO,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"error: FragDenStaat sent data of an unexpected shape for request /anfrage/{BOCHUM_SLUG}/ (objects.0.id: "
        "Input should be less than or equal to 9223372036854775807); nothing was changed\n"
    )


def test_thousands_of_responses_make_a_bounded_entry(env: Path, froide: FakeFroide) -> None:
    froide.add_request(5, "Tausende Antworten")
    for n in range(3000):
        froide.add_message(5, is_response=True, content=f"Antwort {n}: " + "Text " * 60)
    newest = froide.add_message(5, is_response=True, content="Die neueste Antwort.")
    tracemalloc.start()
    try:
        assert main(["kb", "import", "5"]) == 0
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    with store_of(env) as store:
        entry = store.knowledge.entry("fds-5")
    assert entry is not None
    assert len(entry.passages) == MAX_RESPONSES
    assert (entry.passages[-1].source_url or "").endswith(f"#nachricht-{newest}")
    assert len(entry.model_dump_json().encode()) < 1_000_000
    assert peak < 60_000_000


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
    with store_of(env) as store:
        entry = store.knowledge.entry(f"fds-{BOCHUM_REQUEST_ID}")
        assert entry is not None
        assert len(entry.passages) == 2
        assert entry.passages[1].text == "Nachtrag: Auch 2023 keine externe Beratung."
        assert [c.action for c in store.history.changes(entry.id)] == ["add", "edit"]
        assert store.history.changes(entry.id)[1].actor == "watch"
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID), "--remove"]) == 0
    assert main(["kb", "watch"]) == 0
    assert "last checked" not in capsys.readouterr().out


def test_a_new_response_is_announced_also_when_the_quoted_ones_are_at_the_cap(env: Path, froide: FakeFroide) -> None:
    """At the cap a new response replaces the oldest passage; it is news all the same."""
    for n in range(MAX_RESPONSES - 1):  # with the answer of 20.09.2022: as many as are quoted
        froide.add_message(BOCHUM_REQUEST_ID, is_response=True, content=f"Antwort {n}.")
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 0
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID)]) == 0
    with store_of(env) as store:
        alerts = Alerts(store, Normalizer(store.knowledge.aliases(), store.knowledge.rankings()))
        alerts.subscribe(7, "", daily=False, by=7)
    for n in (1, 2):
        froide.add_message(BOCHUM_REQUEST_ID, is_response=True, content=f"Nachtrag {n}: keine Änderung.")
        assert main(["kb", "watch", "--check"]) == 0
    with store_of(env) as store:
        entry = store.knowledge.entry(f"fds-{BOCHUM_REQUEST_ID}")
        assert entry is not None
        assert len(entry.passages) == MAX_RESPONSES
        assert [p.text for p in entry.passages[:1] + entry.passages[-2:]] == [
            "Antwort 1.",
            "Nachtrag 1: keine Änderung.",
            "Nachtrag 2: keine Änderung.",
        ]
        keys = [row[0] for row in store.db.execute("SELECT alert FROM outbox ORDER BY id").fetchall()]
        assert len(keys) == 2
        assert all(key.startswith(f"fds-{BOCHUM_REQUEST_ID}#nachricht-") for key in keys)


def test_a_request_curated_in_the_files_is_not_imported(froide_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 1
    assert "curated in the knowledge files" in capsys.readouterr().err
    assert main(["kb", "build"]) == 0, "and the files still build"
