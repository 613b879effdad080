"""One bot per database: a second one would send again the alerts the first has in flight."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class AlreadyRunning(Exception):
    """Another bot process holds the database."""


@contextmanager
def single_instance(database: Path) -> Iterator[None]:
    """Hold an exclusive lock on `<database>.lock` while the bot runs. The operating system releases it when
    the process ends in any way (kill -9 too), so a crash never leaves a stale lock behind. The command line
    does not take it: it works beside the bot."""
    database.parent.mkdir(parents=True, exist_ok=True)
    path = database.with_name(f"{database.name}.lock")
    # "a+": opening must not empty the file before the lock is ours, or the holder's description is lost.
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise AlreadyRunning(
                f"DATABASE_PATH {database}: a bot already runs on this database ({holder}); "
                "stop it first, or give this one its own DATABASE_PATH"
            ) from None
        handle.seek(0)
        handle.truncate()
        started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        handle.write(f"process {os.getpid()} on {socket.gethostname()}, started {started}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
