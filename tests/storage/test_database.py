from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from bot.storage.database import Database


def test_a_transaction_is_one_thread_s_at_a_time(tmp_path: Path) -> None:
    """The bot writes from its core thread, a test or a second caller from another: a transaction opened by one
    must not become a savepoint in the other's, which the other's commit then ends before it is released
    ("no such savepoint")."""
    db = Database(tmp_path / "s.db")
    db.db.execute("CREATE TABLE t (x INTEGER)")
    first_open, first_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        with db.transaction():
            db.db.execute("INSERT INTO t VALUES (1)")
            first_open.set()
            time.sleep(0.2)  # the second thread tries to begin its own meanwhile
        first_done.set()

    def second() -> None:
        try:
            with db.transaction():
                db.db.execute("INSERT INTO t VALUES (2)")
                first_done.wait(5)
        except BaseException as error:
            errors.append(error)

    one = threading.Thread(target=first)
    one.start()
    first_open.wait(5)
    two = threading.Thread(target=second)
    two.start()
    one.join(5)
    two.join(5)
    assert errors == []
    assert sorted(r[0] for r in db.db.execute("SELECT x FROM t").fetchall()) == [1, 2]
    db.close()


def test_a_read_on_another_thread_never_ends_a_transaction(tmp_path: Path) -> None:
    """sqlite-utils reads inside a savepoint of their own; outside a transaction that savepoint is one, and its
    release commits whatever another thread had begun on the shared connection meanwhile, ending that thread's
    savepoints ("no such savepoint"). A read waits for the transaction of the thread before."""
    db = Database(tmp_path / "s.db")
    db.db.execute("CREATE TABLE t (x INTEGER)")
    stop = threading.Event()
    errors: list[BaseException] = []

    def read() -> None:
        while not stop.is_set():
            try:
                list(db.db.query("SELECT count(*) AS n FROM t"))
            except BaseException as error:
                errors.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(300):
            with db.transaction(), db.transaction():
                db.db.execute("INSERT INTO t VALUES (?)", [i])
    except BaseException as error:
        errors.append(error)
    finally:
        stop.set()
        reader.join(5)
    assert errors == []
    assert db.db.execute("SELECT count(*) FROM t").fetchone()[0] == 300
    db.close()


def test_rows_reads_tuples_and_refuses_a_write(tmp_path: Path) -> None:
    db = Database(tmp_path / "r.db")
    db.db.execute("CREATE TABLE t (x INTEGER, y TEXT)")
    db.db.execute("INSERT INTO t VALUES (1, 'a')")
    assert db.db.rows("SELECT x, y FROM t WHERE x = ?", [1]) == [(1, "a")]
    with pytest.raises(ValueError, match="reads"):
        db.db.rows("DELETE FROM t", [])
    assert db.db.rows("SELECT count(*) FROM t", []) == [(1,)]
