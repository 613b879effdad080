"""Fixtures of the command-line tests: the settings `main` reads from the environment, pointing at a store in the
test's folder and the fixture knowledge, and helpers to run commands and read the store they wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.storage.store import Store
from tests.conftest import FIXTURE_KB

DATABASE = "kb.db"  # in the test's folder

# The smallest entry `kb add` takes.
MINIMAL = (
    "title: Antwort der Stadt Dortmund\n"
    "question: Hat Dortmund externe Berater für das Ranking bezahlt?\n"
    "answer: Nein, laut Antwort der Stadt Dortmund nicht.\n"
    "source_url: https://fragdenstaat.de/a/111111/\n"
)


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """DATABASE_PATH (in the test's folder) and KNOWLEDGE_DIR (the fixture base) set; returns the folder."""
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / DATABASE))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(FIXTURE_KB))
    return tmp_path


@pytest.fixture
def env(configured: Path) -> Path:
    """`configured`, with the store built from the fixture base."""
    assert main(["kb", "build"]) == 0
    return configured


def store_of(folder: Path) -> Store:
    """The store the commands of a test write (open it with `with`)."""
    return Store(folder / DATABASE)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """A command's exit code, and what it printed on stdout and stderr."""
    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err
