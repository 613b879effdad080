"""Typed access to what the application shares with every handler."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import Application, CallbackContext

from bot.config import Settings
from bot.service import FoiService
from bot.telegram.ratelimit import SendLog
from bot.throttle import Throttle

_KEY = "foi"


@dataclass
class BotState:
    settings: Settings
    service: FoiService
    throttle: Throttle
    sends: SendLog
    delivering: bool = False  # an alert delivery run is going on
    delivery_paused_until: float = 0.0  # event-loop time: the store was locked, give the other writer room


def attach(application: Application[Any, Any, Any, Any, Any, Any], state: BotState) -> None:
    application.bot_data[_KEY] = state


def state(context: CallbackContext[Any, Any, Any, Any]) -> BotState:
    found = context.bot_data[_KEY]
    assert isinstance(found, BotState)
    return found


def state_of(application: Application[Any, Any, Any, Any, Any, Any]) -> BotState:
    found = application.bot_data[_KEY]
    assert isinstance(found, BotState)
    return found
