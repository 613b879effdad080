"""The layers stay apart: every SQL statement is in the storage layer (bot/storage/), and the channels (bot/cli/,
bot/telegram/) reach the store only through the core's facade (bot/service.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from tests.conftest import REPO

BOT = REPO / "bot"
STORAGE = BOT / "storage"
SQL = re.compile(
    r"execute(many)?\(|\.query\(|db\[|\.table\(|(rows|count|delete)_where\(|sqlite3\.connect\(|sqlite_utils"
)
STORE = re.compile(r"service\.store\b|\.store\.")  # the core's store, reached from outside it


def places(files: Iterable[Path], pattern: re.Pattern[str]) -> list[str]:
    """`file:line: text` of every line that matches."""
    return [
        f"{file.relative_to(REPO)}:{number}: {line.strip()}"
        for file in sorted(files)
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_no_sql_outside_the_storage_layer() -> None:
    found = places((f for f in BOT.rglob("*.py") if STORAGE not in f.parents), SQL)
    assert not found, "SQL outside bot/storage/ (add a method to a part of the store):\n" + "\n".join(found)


def test_the_channels_reach_the_store_only_through_the_core() -> None:
    channels = [*(BOT / "cli").rglob("*.py"), *(BOT / "telegram").rglob("*.py")]
    found = places(channels, STORE)
    assert not found, "a channel reaches past FoiService (add a method to it):\n" + "\n".join(found)


def test_the_checks_find_what_they_look_for() -> None:
    assert SQL.search('self.db.execute("DELETE FROM outbox")')
    assert SQL.search('rows = store.db.query("SELECT 1")')
    assert STORE.search("rows = service.store.unanswered()")
    assert STORE.search("rows = state(context).service.store")
    assert not STORE.search("from bot.storage.store import Store")
    assert not STORE.search('parser.add_argument("--json", action="store_true")')
