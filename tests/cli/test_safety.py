"""`kb backup` while the bot writes, and `kb forget-user` deleting what the store holds about someone."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.cli import main
from bot.service import FoiService
from bot.storage.store import Store
from tests.cli.conftest import store_of
from tests.test_alerts import entry


def test_backup_is_a_complete_store(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    writer = store_of(env)
    service = FoiService(writer)
    service.add_entries([entry("vor-dem-backup")], origin="cli", actor="test")
    assert main(["kb", "backup", str(env / "copy.db")]) == 0
    assert "bytes" in capsys.readouterr().out
    with service, Store(env / "copy.db") as copy:
        assert copy.knowledge.entry("vor-dem-backup") is not None
        assert copy.knowledge.count_entries() == writer.knowledge.count_entries()
        assert copy.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert main(["kb", "backup", str(env / "copy.db")]) == 1
    assert main(["kb", "backup", str(env / "copy.db"), "--force"]) == 0
    assert main(["kb", "backup", str(env / "no" / "such" / "folder.db")]) == 1


@pytest.mark.parametrize("target", ["kb.db", "kb.db-wal", "kb.db-shm", "link.db", "./sub/../kb.db"])
def test_a_backup_onto_the_live_database_is_refused(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """Before, `kb backup "$DATABASE_PATH" --force` exited 0 and left the running bot writing a deleted file."""
    with store_of(env) as live:  # the bot, still running: its -wal and -shm files exist
        live.people.record_feedback("sci-2021-methodik", 7, 1)
        (env / "link.db").symlink_to(env / "kb.db")
        (env / "sub").mkdir()
        monkeypatch.chdir(env)
        capsys.readouterr()
        assert main(["kb", "backup", target, "--force"]) == 1
        assert "is the database itself" in capsys.readouterr().err
        live.people.record_feedback("sci-2021-methodik", 8, 1)
        assert len(live.db.execute("SELECT * FROM feedback").fetchall()) == 2
        with store_of(env) as other:
            assert other.integrity() == []


def test_a_failed_backup_leaves_the_previous_one_whole(env: Path) -> None:
    assert main(["kb", "backup", str(env / "copy.db")]) == 0
    before = (env / "copy.db").read_bytes()

    class DiskFull:
        def backup(self, target: sqlite3.Connection) -> None:
            target.execute("CREATE TABLE half (x)")
            raise sqlite3.OperationalError("disk full")

    store = store_of(env)
    database = store.db
    store.db = SimpleNamespace(conn=DiskFull())  # type: ignore[assignment]
    try:
        with pytest.raises(sqlite3.OperationalError, match="disk full"):
            store.backup(env / "copy.db")
    finally:
        store.db = database
        store.close()
    assert (env / "copy.db").read_bytes() == before
    assert [p.name for p in env.iterdir() if "partial" in p.name] == []


def test_forget_user_deletes_their_data_and_nothing_else(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = store_of(env)
    service = FoiService(store)
    for user in (7, 8):
        service.record_feedback("sci-2021-methodik", user, helpful=False)
        service.record_unanswered(service.ask("Was kostet ein Parkausweis?"), user, "private")
        service.alerts.subscribe(user, "", daily=False, by=user)
    service.alerts.subscribe(-100, "Bochum", daily=False, by=7)
    store.db.execute("INSERT INTO changes (entry_id, action, actor, at) VALUES ('x', 'add', 'telegram:7', 'now')")
    service.close()
    capsys.readouterr()
    assert main(["kb", "forget-user", "7"]) == 0
    report = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert report["feedback"] == "1"
    assert report["unanswered questions"] == "1"
    assert report["private subscriptions"] == "1"
    assert report["changes attributed"] == "1"
    with store_of(env) as store:
        for table, column in (("feedback", "user_id"), ("unanswered", "user_id"), ("subscriptions", "created_by")):
            assert store.db.execute(f"SELECT count(*) FROM {table} WHERE {column} = 7").fetchone()[0] == 0
        assert store.db.execute("SELECT count(*) FROM feedback WHERE user_id = 8").fetchone()[0] == 1
        assert store.db.execute("SELECT count(*) FROM subscriptions WHERE chat_id = -100").fetchone()[0] == 1
        assert store.db.execute("SELECT count(*) FROM changes WHERE actor LIKE '%:7'").fetchone()[0] == 0
