"""What the application shares with every handler and job, typed: PTB's ContextTypes with a context whose
`service`, `settings`, `throttle` and `sends` are properties (as in PTB's examples/contexttypesbot.py), over a
`bot_data` that is an object of its own instead of a dict."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue

from bot.config import Settings
from bot.service import FoiService
from bot.telegram.ratelimit import SendLog
from bot.throttle import Throttle


class BotData:
    """The application's `bot_data`. PTB makes it, without arguments, while it builds the application; the parts
    are given right after (`attach`), before any handler or job runs."""

    settings: Settings
    service: FoiService
    throttle: Throttle
    sends: SendLog

    def __init__(self) -> None:
        self.delivering = False  # an alert delivery run is going on
        self.delivery_paused_until = 0.0  # event-loop time: the store was locked, give the other writer room

    def attach(self, settings: Settings, service: FoiService, throttle: Throttle, sends: SendLog) -> None:
        self.settings = settings
        self.service = service
        self.throttle = throttle
        self.sends = sends


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]):
    """The `context` of every handler and job."""

    @property
    def settings(self) -> Settings:
        return self.bot_data.settings

    @property
    def service(self) -> FoiService:
        return self.bot_data.service

    @property
    def throttle(self) -> Throttle:
        return self.bot_data.throttle

    @property
    def sends(self) -> SendLog:
        """The sends of the last second: the pace of alerts."""
        return self.bot_data.sends


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)

App = Application[ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]]
