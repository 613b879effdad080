"""The token never shows: not in the settings' repr, not in any log record, not in anything sent to users."""

from __future__ import annotations

import logging

import pytest
from pydantic import SecretStr

from bot.config import Settings
from bot.logs import REDACTED, install_redaction

TOKEN = "987654:SECRET-token-value"


def test_settings_hide_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("WEBHOOK_SECRET", "webhook-secret-value")
    settings = Settings()
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings)
    assert "webhook-secret-value" not in repr(settings)
    assert settings.telegram_bot_token == SecretStr(TOKEN)


def test_log_records_are_scrubbed_whatever_prints_them(caplog: pytest.LogCaptureFixture) -> None:
    install_redaction([TOKEN])
    caplog.set_level(logging.DEBUG)
    log = logging.getLogger("anything")
    log.info("POST https://api.telegram.org/bot%s/getMe", TOKEN)
    try:
        raise RuntimeError(f"failed at https://api.telegram.org/bot{TOKEN}/sendMessage")
    except RuntimeError:
        log.exception("request failed")
    assert TOKEN not in caplog.text
    assert REDACTED in caplog.text
