"""Settings: the one place that reads the environment and `.env`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.importers.fragdenstaat import DEFAULT_API_URL
from bot.models import http_url

FETCH_TIMEOUT = 10.0  # seconds for each connect and read of a call to FragDenStaat
FETCH_DEADLINE = 30.0  # seconds for all calls of one fetch together


class Settings(BaseSettings):
    """Every setting of the bot; see `.env.example` for each one explained."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True)

    database_path: Path = Path("data/foi.db")
    knowledge_dir: Path = Path("knowledge")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    maintainer_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    log_level: str = "INFO"

    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None

    questions_per_minute: int = Field(default=20, ge=1)
    reload_interval: float = Field(default=2.0, gt=0)

    fragdenstaat_api_url: str = DEFAULT_API_URL
    fragdenstaat_timeout: float = Field(default=FETCH_TIMEOUT, gt=0)
    fragdenstaat_deadline: float = Field(default=FETCH_DEADLINE, gt=0)
    watch_interval: float = Field(default=3600.0, gt=0)
    alert_interval: float = Field(default=1.0, gt=0)
    digest_time: dt.time = dt.time(8, 0)
    timezone: str = "Europe/Berlin"
    retention_days: int = Field(default=365, ge=1)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}, e.g. Europe/Berlin") from None
        return value

    @field_validator("maintainer_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("telegram_base_url", "fragdenstaat_api_url", "webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        return None if value is None else http_url(value).rstrip("/")

    @field_validator("telegram_base_url")
    @classmethod
    def _bot_api_base(cls, value: str) -> str:
        # The token is appended to this URL: without the `/bot` path it lands in the port or the host, and the
        # library's error about that URL would print it.
        parts = urlsplit(value)
        try:
            parts.port  # noqa: B018 - parsing the port is the check
        except ValueError:
            raise ValueError("has a port that is not a number from 0 to 65535") from None
        if not parts.path.endswith("/bot") or parts.query or parts.fragment:
            raise ValueError("must end in /bot, as https://api.telegram.org/bot does (the token is added to it)")
        return value

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        # BotFather's tokens are `<bot id>:<secret>`; a pasted quote, space or half token fails here, before any
        # network call (the message never repeats the value).
        if value is not None and not re.fullmatch(r"\d+:[A-Za-z0-9_-]+", value.get_secret_value()):
            raise ValueError(
                "not a bot token of the form 123456789:AA… (digits, a colon, the secret); copy it from @BotFather"
            )
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()):
            raise ValueError("must be 1 to 256 of the characters A-Z a-z 0-9 _ - (Telegram's rule)")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        # Without it anyone who finds the webhook address could post updates as any user, maintainers too.
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET: required when WEBHOOK_URL is set (a random string)")
        return self

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level
