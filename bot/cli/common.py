"""Shared pieces of the commands: settings and the database with one-line errors, opening the core."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from bot.config import Settings
from bot.kb.loader import KnowledgeError
from bot.service import FoiService
from bot.storage.database import Damaged, is_busy
from bot.storage.store import Store


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["loc"]:
            message = f"{str(first['loc'][0]).upper()}: {message}"
        raise CliError(f"{message} (set it in the environment or in .env)", code=2) from None


def damaged(path: Path, what: str, knowledge_dir: Path) -> CliError:
    return CliError(
        f"DATABASE_PATH {path}: {what}. Restore a backup (made with `kb backup`) to that path, or move the file "
        f"away to rebuild the store from {knowledge_dir} (subscriptions, votes, unanswered questions and imported "
        "requests, which only the database holds, are then lost)",
        code=2,
    )


@contextmanager
def database_errors(settings: Settings) -> Iterator[None]:
    """Problems with the database file as one line that says what to do (exit code 2)."""
    path = settings.database_path
    try:
        yield
    except Damaged as exc:
        raise damaged(path, f"damaged ({exc})", settings.knowledge_dir) from None
    except (OSError, sqlite3.OperationalError) as exc:
        if isinstance(exc, sqlite3.OperationalError) and is_busy(exc):
            raise
        raise CliError(
            f"DATABASE_PATH {path}: cannot create or write it ({exc}); choose a writable path or fix the "
            "folder's permissions",
            code=2,
        ) from None
    except sqlite3.DatabaseError as exc:
        raise damaged(path, f"not a sound SQLite database ({exc})", settings.knowledge_dir) from None


def open_store(settings: Settings, *, check: bool | None = None) -> Store:
    """The database alone, for the commands on the file as a whole (build, backup, forget-user): a problem in
    the knowledge files must not stop them. `check` runs SQLite's integrity check first (True: the full one,
    False: the quick one). Use it with `with`."""
    with database_errors(settings):
        return Store(settings.database_path, check=check)


def open_service(
    settings: Settings | None = None, *, busy_timeout: float = 5.0, check: bool | None = None
) -> FoiService:
    """The core brought up to date with the knowledge files, with one-line errors; use it with `with`."""
    settings = settings or load_settings()
    try:
        with database_errors(settings):
            return FoiService.open(settings, busy_timeout=busy_timeout, check=check)
    except KnowledgeError as exc:
        raise CliError(f"the knowledge base has problems; the previous store is unchanged:\n{exc}") from None
