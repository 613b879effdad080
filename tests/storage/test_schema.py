"""The schema is versioned by migrations applied at start; a store of the previous version upgrades in place."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.service import sync_knowledge
from bot.storage import schema
from bot.storage.alerts import OutboxState
from bot.storage.store import Store
from tests.conftest import REPO


def migrated_up_to(path: Path, *steps: Callable[[Database], None]) -> Database:
    """A store as a release that knew only these migrations left it."""
    older = Migrations(schema.migrations.name)
    for migration in steps:
        older()(migration)
    db = Database(path)
    older.apply(db)
    return db


def migrated_before(path: Path, name: str) -> Database:
    """A store as a release that knew the migrations before `name` ("m012") left it."""
    steps = sorted((m for n, m in vars(schema).items() if n.startswith("m0") and n < name), key=lambda m: m.__name__)
    return migrated_up_to(path, *steps)


def previous_version(path: Path) -> None:
    """A store as the release before alerts left it: migrations 1–4 only."""
    db = migrated_up_to(
        path,
        schema.m001_knowledge,
        schema.m002_feedback_and_unanswered,
        schema.m003_history_and_watches,
        schema.m004_term_counts,
    )
    db.table("feedback").insert({"entry_id": "x", "user_id": 7, "vote": -1, "at": "2026-01-01"})
    db.close()


def test_a_previous_version_upgrades_and_keeps_its_data(tmp_path: Path, kb_dir: Path) -> None:
    path = tmp_path / "old.db"
    previous_version(path)
    store = Store(path)
    try:
        assert schema.migrations.pending(store.db) == []
        assert store.people.feedback_counts() == [("x", 0, 1)]
        assert {"subscriptions", "outbox"} <= set(store.db.table_names())
        assert "vector" in store.db.table("entries").columns_dict
        assert "note_en" in store.db.table("ranking_rows").columns_dict
        assert "lang" in store.db.table("subscriptions").columns_dict
        assert sync_knowledge(store, kb_dir)
        vectors = store.db.execute("SELECT count(*) FROM entries WHERE length(vector) = 512").fetchone()[0]
        assert vectors == store.knowledge.count_entries()
        named = yaml.safe_load(kb_dir.joinpath("sources.yaml").read_text(encoding="utf-8"))["sources"]
        assert {s.url for s in store.knowledge.sources()} == {s["url"] for s in named}
    finally:
        store.close()


def test_the_store_is_safe_by_default(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert schema.migrations.pending(store.db) == []
    finally:
        store.close()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    Store(tmp_path / "s.db").close()
    store = Store(tmp_path / "s.db")
    try:
        names = [m.name for m in schema.migrations.applied(store.db)]
        assert len(names) == len(set(names))
    finally:
        store.close()


def test_processes_creating_one_new_store_together_all_succeed(tmp_path: Path) -> None:
    """Creation and migration are serialised: before, four processes opening a new file at once failed with
    "database is locked" in most trials."""
    code = "import sys; from bot.storage.store import Store; Store(sys.argv[1]).close()"
    for trial in range(5):
        path = tmp_path / f"new-{trial}.db"
        workers = [
            subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=REPO, stderr=subprocess.PIPE, text=True)
            for _ in range(4)
        ]
        failures = [err for w in workers if (err := w.communicate(timeout=120)[1]) and w.returncode != 0]
        assert failures == [], f"trial {trial}: {failures[0][-300:] if failures else ''}"
        store = Store(path)
        try:
            assert not schema.migrations.pending(store.db)
        finally:
            store.close()


def test_every_outbox_state_is_one_the_table_accepts(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        row = {"alert": "a", "entry_id": "e", "chat_id": 1, "due_at": "t", "created_at": "t"}
        for state in OutboxState:
            store.db.table("outbox").insert({**row, "alert": str(state), "state": str(state)})
        with pytest.raises(sqlite3.IntegrityError):
            store.db.table("outbox").insert({**row, "state": "lost"})
    finally:
        store.close()


def test_entries_indexed_under_the_old_column_names_stay_searchable(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    db = migrated_before(path, "m009")
    row = {"id": "e", "kind": "fact", "origin": "cli", "title": "t", "data": "{}", "q": "vermerk", "x": "", "b": "ob"}
    db.table("entries").insert({**row, "tags": "", "v": b"1"})
    db.close()
    store = Store(path)
    try:
        found = store.knowledge.candidates("vermerk", 5)
        assert list(found) == ["e"]
        assert (found["e"].question_terms, found["e"].body_terms, found["e"].vector) == ("vermerk", "ob", b"1")
        assert list(store.knowledge.candidates("ob", 5)) == ["e"]
    finally:
        store.close()


def test_entries_indexed_before_phrasings_stay_searchable_until_the_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    db = migrated_before(path, "m012")
    row = {"id": "e", "kind": "fact", "origin": "cli", "title": "t", "data": "{}", "question_terms": "vermerk"}
    db.table("entries").insert({**row, "question_parts": "", "body_terms": "ob", "tags": "", "vector": b"1"})
    db.table("meta").insert({"key": "knowledge_hash", "value": "old"}, replace=True)
    db.close()
    store = Store(path)
    try:
        assert "phrasing_terms" in store.db.table("entries").columns_dict
        assert list(store.knowledge.candidates("ob", 5)) == ["e"]
        assert store.knowledge.candidates("ob", 5)["e"].phrasing_terms == ""
        # The next sync rebuilds the index, which fills the new column.
        assert not store.db.table("meta").count_where("key = 'knowledge_hash'")
    finally:
        store.close()


def test_phrasings_indexed_as_one_run_of_words_are_rebuilt_apart(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    db = migrated_before(path, "m013")
    db.table("meta").insert({"key": "knowledge_hash", "value": "old"}, replace=True)
    db.close()
    store = Store(path)
    try:
        # The next sync rebuilds the index, which writes each phrasing apart.
        assert not store.db.table("meta").count_where("key = 'knowledge_hash'")
    finally:
        store.close()
