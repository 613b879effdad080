"""Series of FOI requests (one text sent to many bodies) through `kb import --series` and `kb watch --series`,
against the local froide-shaped server."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.alerts import Alerts
from bot.cli import main
from bot.importers.fragdenstaat import SERIES_PAGE
from bot.understand.normalize import Normalizer
from tests.cli.conftest import store_of
from tests.fakes.froide import (
    BOCHUM_QUESTION,
    BOCHUM_REQUEST_ID,
    BONN_REQUEST_ID,
    SERIES_PROJECT,
    ULM_REQUEST_ID,
    FakeFroide,
)

SERIES = [BOCHUM_REQUEST_ID, BONN_REQUEST_ID, ULM_REQUEST_ID]


@pytest.fixture
def env(configured: Path, monkeypatch: pytest.MonkeyPatch, kb_dir: Path, froide: FakeFroide) -> Path:
    """The settings, with FragDenStaat at the fake serving the series of #257364, over a copy of the fixture base
    without its curated #257364 (imports are about requests the base does not curate)."""
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_dir))
    monkeypatch.setenv("FRAGDENSTAAT_API_URL", froide.api_url)
    froide.add_series()
    return configured


def _lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_import_of_a_request_in_a_series_offers_the_series(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID)]) == 0
    out, err = capsys.readouterr()
    assert out == f"fds-{BOCHUM_REQUEST_ID}\timported\t1 response passage(s)\n"
    assert f"series #{SERIES_PROJECT} of 3 requests" in err
    assert f"kb import {BOCHUM_REQUEST_ID} --series" in err
    with store_of(env) as store:
        assert [r.id for r in store.knowledge.requests()] == [BOCHUM_REQUEST_ID]
        assert store.knowledge.requests()[0].project == SERIES_PROJECT


def test_a_request_without_a_series_offers_nothing_and_refuses_series(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    froide.add_request(5, "Allein")
    assert main(["kb", "import", "5"]) == 0
    assert "series" not in capsys.readouterr().err
    assert main(["kb", "import", "5", "--series"]) == 1
    err = capsys.readouterr().err
    assert err == "error: request #5 belongs to no series; nothing was changed\n"
    assert main(["kb", "watch", "5", "--series"]) == 1
    assert "belongs to no series" in capsys.readouterr().err


def test_series_import_pages_through_the_list_and_imports_each_request(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = list(range(300_001, 300_001 + SERIES_PAGE + 5))  # the list needs two pages
    for request_id in extra:
        froide.add_request(
            request_id,
            "Abschneiden in Digitalisierungsrankings",
            public_body=f"Stadt {request_id}",
            project=SERIES_PROJECT,
        )
        froide.add_message(request_id, is_response=False, content=BOCHUM_QUESTION)
    assert main(["kb", "import", str(BONN_REQUEST_ID), "--series"]) == 0
    lines = _lines(capsys)
    assert len(lines) == len(SERIES) + len(extra)
    assert lines[0] == f"fds-{BOCHUM_REQUEST_ID}\timported\t1 response passage(s)"
    assert lines[1] == f"fds-{BONN_REQUEST_ID}\timported\t1 response passage(s)"
    assert lines[2] == f"fds-{ULM_REQUEST_ID}\timported\t0 response passage(s)"
    listed = [c for c in froide.calls if c.path == "/api/v1/request/"]
    assert [c.query["offset"] for c in listed] == ["0", str(SERIES_PAGE)]
    assert all(c.query["project"] == str(SERIES_PROJECT) for c in listed)
    with store_of(env) as store:
        assert len(store.knowledge.requests_in_series(SERIES_PROJECT)) == len(SERIES) + len(extra)
        assert store.history.changes(f"fds-{ULM_REQUEST_ID}")[0].actor.startswith("cli:")
    # Again: every request is there already and nothing changed.
    assert main(["kb", "import", str(BONN_REQUEST_ID), "--series"]) == 0
    assert all("\tupdated\t" in line for line in _lines(capsys))


def test_a_failing_request_of_a_series_is_one_line_and_changes_nothing_for_it(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    froide.inject(f"/api/v1/request/{ULM_REQUEST_ID}/", status=500)
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID), "--series"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[2] == (
        f"fds-{ULM_REQUEST_ID}\tfailed\tFragDenStaat answered HTTP 500 for request #{ULM_REQUEST_ID}; please try "
        "again later; nothing was changed"
    )
    assert err == f"error: 1 request(s) of series #{SERIES_PROJECT} failed; the others were imported\n"
    with store_of(env) as store:
        assert [r.id for r in store.knowledge.requests()] == [BOCHUM_REQUEST_ID, BONN_REQUEST_ID]
        assert store.knowledge.entry(f"fds-{ULM_REQUEST_ID}") is None


def test_a_failing_series_list_changes_nothing(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    froide.inject("/api/v1/request/", status=503)
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID), "--series"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: FragDenStaat answered HTTP 503 for series #{SERIES_PROJECT}; please try again later; "
        "nothing was changed\n"
    )
    with store_of(env) as store:
        assert store.knowledge.requests() == []


def test_watching_a_series_imports_new_requests_and_alerts_new_answers_once(
    env: Path, froide: FakeFroide, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID), "--series"]) == 1
    assert f"kb import {BOCHUM_REQUEST_ID} --series" in capsys.readouterr().err
    assert main(["kb", "import", str(BOCHUM_REQUEST_ID), "--series"]) == 0
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID), "--series"]) == 0
    assert _lines(capsys)[-1] == f"series #{SERIES_PROJECT}\tfollowed\t3 request(s) stored"
    with store_of(env) as store:
        Alerts(store, Normalizer(store.knowledge.aliases(), store.knowledge.rankings())).subscribe(
            7, "", daily=False, by=7
        )
    assert main(["kb", "watch", "--check"]) == 0
    assert _lines(capsys) == [f"{n}\tunchanged" for n in SERIES]

    froide.add_request(
        257999, "Abschneiden in Digitalisierungsrankings", public_body="Stadt Köln", project=SERIES_PROJECT
    )
    froide.add_message(257999, is_response=False, content=BOCHUM_QUESTION)
    assert main(["kb", "watch", "--check"]) == 0
    assert _lines(capsys) == [*(f"{n}\tunchanged" for n in SERIES), f"257999\tnew in series #{SERIES_PROJECT}"]

    froide.add_message(257999, is_response=True, content="Die Stadt Köln hat keine externen Berater beauftragt.")
    for _ in range(2):  # the second check finds nothing new: the answer is announced once
        assert main(["kb", "watch", "--check"]) == 0
    assert _lines(capsys)[len(SERIES) :: len(SERIES) + 1] == ["257999\tupdated", "257999\tunchanged"]
    with store_of(env) as store:
        entry = store.knowledge.entry("fds-257999")
        assert entry is not None
        assert entry.passages[0].text == "Die Stadt Köln hat keine externen Berater beauftragt."
        keys = [row[0] for row in store.db.execute("SELECT alert FROM outbox WHERE chat_id = 7 ORDER BY id")]
        new_answer = [k for k in keys if k.startswith("fds-257999#nachricht-")]
        assert len(new_answer) == 1
        assert len(keys) == len(set(keys))
    assert main(["kb", "watch"]) == 0
    assert f"series #{SERIES_PROJECT}\tlast checked" in capsys.readouterr().out
    assert main(["kb", "watch", str(BOCHUM_REQUEST_ID), "--series", "--remove"]) == 0
    assert "no longer followed" in capsys.readouterr().out
