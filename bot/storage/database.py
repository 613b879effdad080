"""The one SQLite file every part of the storage shares: opened with its pragmas and migrations, one transaction
for all parts, and what concerns the file as a whole (integrity, backup)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Self

import sqlite_utils

from bot.storage.schema import migrations

_SELECT = re.compile(r"\s*SELECT\b", re.IGNORECASE)
CREATION_WAIT_MS = 30_000  # creating and migrating a store takes a second; others starting at once wait
BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


def is_busy(error: sqlite3.Error) -> bool:
    """Another connection holds the lock (SQLITE_BUSY or SQLITE_LOCKED, extended codes included), as opposed to
    a real fault: the write can be tried again later. An error raised by Python itself carries no code."""
    code: int | None = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in BUSY


def now() -> str:
    """The time of a write, to the second (UTC, ISO 8601)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class BackupRefused(Exception):
    """Writing the backup there would overwrite the live database."""


class Damaged(Exception):
    """SQLite's integrity check found faults in the file."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems[:3]))
        self.problems = problems


class _OneThreadAtATime(sqlite_utils.Database):
    """sqlite-utils runs every query inside a savepoint of its own, and commits a write it began itself. Outside a
    transaction that savepoint opens one, and its release commits whatever another thread began on the shared
    connection meanwhile ("no such savepoint" there): each statement waits for the transaction of another thread."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock) -> None:
        self._lock = lock  # before the parent's constructor, which runs statements
        super().__init__(conn)

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None
    ) -> Generator[dict[str, Any], None, None]:
        with self._lock:
            if not _SELECT.match(sql):
                return super().query(sql, params)
            # A SELECT changes nothing: the savepoint sqlite-utils wraps around a query, to undo one that turns
            # out to write, costs two statements more per query (measured: most of the search's time in SQLite
            # beside the query itself).
            cursor = self.conn.execute(sql, params or ())
            keys = [column[0] for column in cursor.description]
            return (dict(zip(keys, row, strict=True)) for row in cursor)

    def rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """A SELECT's rows as tuples, fetched under the lock: for the search, which reads hundreds of rows per
        question, and a dict built for each cost more than SQLite's part (measured)."""
        if not _SELECT.match(sql):
            raise ValueError("rows() reads; a statement that writes goes through execute()")
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        with self._lock:
            return super().execute(sql, parameters)


class Database:
    """One SQLite file shared by the bot and the command line (WAL: readers never wait for the writer)."""

    def __init__(self, path: Path | str, *, busy_timeout: float = 5.0, check: bool | None = None) -> None:
        """`busy_timeout`: seconds a write waits for another process's write to finish; the bot keeps it
        short, since waiting blocks every chat, and retries what could not be written later. `check` runs
        SQLite's integrity check (True: the full one, False: the quick one): Damaged, and closed, if it fails."""
        self.path = None if str(path) == ":memory:" else Path(path)
        # The connection is one thread's at a time, for a transaction as for one statement: another thread's
        # would otherwise become a savepoint inside it, or end it.
        self._lock = threading.RLock()
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            # The bot uses the connection from one thread of its own (bot/telegram/state.py), not the one that
            # opened it.
            self.db = _OneThreadAtATime(sqlite3.connect(path, check_same_thread=False), self._lock)
            # Before anything else: several processes may open a new file at once, and must wait, not fail.
            self.db.execute(f"PRAGMA busy_timeout = {max(int(busy_timeout * 1000), CREATION_WAIT_MS)}")
            self._enable_wal()
            # In WAL mode NORMAL still survives a crash of the process (kill -9): only a power loss can
            # drop the last commits. FULL would fsync every small write, and the outbox writes two per alert.
            self.db.execute("PRAGMA synchronous = NORMAL")
        else:
            self.db = _OneThreadAtATime(sqlite3.connect(":memory:", check_same_thread=False), self._lock)
        self.db.execute("PRAGMA foreign_keys = ON")
        self._migrate()
        self.db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        if check is not None and (problems := self.integrity(full=check)):
            self.close()
            raise Damaged(problems)

    def _enable_wal(self) -> None:
        """Switch to WAL, waiting for other processes doing the same: SQLite may answer that switch with "locked"
        at once, without calling the busy handler, while another connection holds the new file."""
        deadline = time.monotonic() + CREATION_WAIT_MS / 1000
        while True:
            try:
                self.db.enable_wal()
                return
            except sqlite3.OperationalError as error:
                if not is_busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _migrate(self) -> None:
        """Bring the schema up to date under the write lock, deciding what is pending only once it is held:
        two processes starting on a new file would otherwise both create the same tables."""
        if not migrations.pending(self.db):
            return
        with self.transaction():
            migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested blocks become savepoints. The outermost takes the write lock at once
        (BEGIN IMMEDIATE), so two processes never deadlock upgrading a read to a write. The bot writes from its
        core thread, but a caller on another thread (a test, a maintenance task) waits for the transaction of the
        one before: nested into it, its savepoint would be ended by the other's commit ("no such savepoint")."""
        with self._lock:
            if self.db.conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.rollback()
                raise
            self.db.execute("COMMIT")

    def data_version(self) -> int:
        """Changes whenever another connection commits: a cheap poll for live reload."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def integrity(self, *, full: bool = True) -> list[str]:
        """What SQLite finds wrong with the file (`PRAGMA integrity_check`, or the faster `quick_check` that
        skips comparing indexes with their tables); empty when it is sound."""
        pragma = "integrity_check" if full else "quick_check"
        found = [str(row[0]) for row in self.db.execute(f"PRAGMA {pragma}").fetchall()]
        return [] if found == ["ok"] else found

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole store while others keep reading and writing (SQLite online backup),
        written under a temporary name and renamed into place, so a failed backup leaves no half a file.
        BackupRefused for a target that is the store itself or its `-wal`/`-shm` file."""
        if self.path is not None:
            live = [Path(f"{self.path}{suffix}") for suffix in ("", "-wal", "-shm")]
            if target.resolve() in {f.resolve() for f in live} or any(
                f.exists() and target.exists() and os.path.samefile(f, target) for f in live
            ):
                raise BackupRefused(f"{target} is the database itself (or its -wal/-shm file); choose another path")
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        destination = sqlite3.connect(partial)
        try:
            self.db.conn.backup(destination)
            destination.close()
            os.replace(partial, target)
        finally:
            destination.close()
            partial.unlink(missing_ok=True)


class Part:
    """The tables of one aggregate, over the shared database and its one transaction."""

    def __init__(self, database: Database) -> None:
        self.db = database.db
        self.transaction: Callable[[], AbstractContextManager[None]] = database.transaction

    def _write(self, sql: str, args: Sequence[object] = ()) -> int:
        """Run one writing statement in a transaction of its own (a savepoint inside the caller's); how many rows
        it changed. Never outside one: the connection would begin a transaction implicitly and keep it open."""
        with self.transaction():
            return int(self.db.execute(sql, args).rowcount)
