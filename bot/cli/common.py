"""Shared pieces of the commands: settings with one-line errors, opening the core."""

from __future__ import annotations

from pydantic import ValidationError

from bot.config import Settings
from bot.kb.loader import KnowledgeError
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


def open_service(settings: Settings | None = None, *, busy_timeout: float = 5.0) -> FoiService:
    settings = settings or load_settings()
    try:
        return FoiService.open(settings, busy_timeout=busy_timeout)
    except KnowledgeError as exc:
        raise CliError(f"the knowledge base has problems; the previous store is unchanged:\n{exc}") from None
