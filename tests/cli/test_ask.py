from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import REPO


@pytest.fixture
def env(configured: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The settings, run from the test's folder; `ask` builds the store itself."""
    monkeypatch.chdir(configured)
    return configured


def test_ask_json_shape(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "Welchen Platz hatte Bochum 2021?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"question", "answered", "reply", "hits"}
    assert data["answered"] is True
    assert data["hits"][0]["id"] == "bitkom-sci-2021-bochum"
    assert set(data["hits"][0]) == {"id", "score", "title", "text", "source_url"}
    assert "Platz 7" in data["reply"]
    assert "https://example.org/bochum-2021" in data["reply"]


def test_ask_plain_text(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--lang", "en", "Hat Bochum externe Berater bezahlt?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("No.")
    assert "https://fragdenstaat.de/a/257364/" in out


def test_ask_stdin_one_json_per_line_in_one_process(env: Path) -> None:
    questions = "Welchen Platz hatte Bochum 2021?\n\nHat Essen externe Berater bezahlt?\n"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        input=questions,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [d["answered"] for d in lines] == [True, False, False]


def test_malformed_setting_names_the_variable(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MAINTAINER_IDS", "12,abc")
    assert main(["ask", "x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: MAINTAINER_IDS:")
    assert len(err.strip().splitlines()) == 1


def test_kb_check_reports_problems_and_fails(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken"
    (broken / "facts").mkdir(parents=True)
    (broken / "facts" / "x.yaml").write_text("entries:\n  - id: BAD ID\n", encoding="utf-8")
    monkeypatch.setenv("KNOWLEDGE_DIR", str(broken))
    assert main(["kb", "check"]) == 1
    out = capsys.readouterr().out
    assert f"{broken / 'facts' / 'x.yaml'}:2: id:" in out


def test_kb_check_ok(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "check"]) == 0
    assert ": ok: " in capsys.readouterr().out
