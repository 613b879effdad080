"""Shared pieces of the commands: settings and the store with one-line errors, opening the core."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from bot.config import Settings
from bot.kb.loader import KnowledgeError
from bot.kb.store import Store
from bot.service import FoiService


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
    except (OSError, sqlite3.OperationalError) as exc:
        if isinstance(exc, sqlite3.OperationalError) and Store.is_busy(exc):
            raise
        raise CliError(
            f"DATABASE_PATH {path}: cannot create or write it ({exc}); choose a writable path or fix the "
            "folder's permissions",
            code=2,
        ) from None
    except sqlite3.DatabaseError as exc:
        raise damaged(path, f"not a sound SQLite database ({exc})", settings.knowledge_dir) from None


def open_store(settings: Settings, *, busy_timeout: float = 5.0, check: bool | None = None) -> Store:
    """The store; `check` runs SQLite's integrity check first (True: the full one, False: the quick one)."""
    with database_errors(settings):
        store = Store(settings.database_path, busy_timeout=busy_timeout)
        problems = store.integrity(full=check) if check is not None else []
    if problems:
        store.close()
        raise damaged(settings.database_path, f"damaged ({'; '.join(problems[:3])})", settings.knowledge_dir)
    return store


def open_service(
    settings: Settings | None = None, *, busy_timeout: float = 5.0, check: bool | None = None
) -> FoiService:
    settings = settings or load_settings()
    store = open_store(settings, busy_timeout=busy_timeout, check=check)
    try:
        with database_errors(settings):
            return FoiService.over(store, settings)
    except KnowledgeError as exc:
        store.close()
        raise CliError(f"the knowledge base has problems; the previous store is unchanged:\n{exc}") from None
    except CliError:
        store.close()
        raise
