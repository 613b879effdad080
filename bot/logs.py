"""Logging that can never print a secret: records are scrubbed of it when they are created."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable
from typing import Any

REDACTED = "[REDACTED]"
_secrets: set[str] = set()


def _scrub(text: str) -> str:
    for secret in _secrets:
        text = text.replace(secret, REDACTED)
    return text


class _ScrubbingFactory:
    """Wraps the log record factory; recognisable so it is installed once."""

    def __init__(self, make_record: Any) -> None:
        self.make_record = make_record

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record: logging.LogRecord = self.make_record(*args, **kwargs)
        message = record.getMessage()
        cleaned = _scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = _scrub("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        return record


def install_redaction(secrets: Iterable[str]) -> None:
    """Scrub these strings from every log record of this process, whichever handler prints it.

    Redacting at record creation also covers handlers we do not own (pytest's, a supervisor's), and
    httpx, which logs request URLs that carry the bot token.
    """
    _secrets.update(s for s in secrets if s)
    current = logging.getLogRecordFactory()
    if not isinstance(current, _ScrubbingFactory):
        logging.setLogRecordFactory(_ScrubbingFactory(current))


# Their DEBUG records carry whole updates and API calls: message text, names, usernames. A log file is
# reached neither by `kb forget-user` nor by the retention of unanswered questions, so DEBUG is the bot's own.
_CONTENT_AT_DEBUG = ("telegram", "httpcore", "hpack", "asyncio", "matplotlib", "PIL")


def configure_logging(level: str) -> None:
    """`level` for the bot's own records; at DEBUG, libraries that would log content stay at INFO."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    for library in _CONTENT_AT_DEBUG:
        logging.getLogger(library).setLevel(max(logging.INFO, logging.getLogger().level))
    # httpx logs every request line, APScheduler every job it adds, at INFO: keep the log about the bot.
    for chatty in ("httpx", "apscheduler"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
