"""What the application shares with every handler and job, typed: PTB's ContextTypes with a context whose
`service`, `settings`, `throttle` and `sends` are properties (as in PTB's examples/contexttypesbot.py), over a
`bot_data` that is an object of its own instead of a dict. `context.core(...)` runs a call of the core on the
core's own thread."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue

from bot.config import Settings
from bot.service import FoiService
from bot.telegram.ratelimit import SendLog
from bot.throttle import Throttle

P = ParamSpec("P")
T = TypeVar("T")


class BotData:
    """The application's `bot_data`. PTB makes it, without arguments, while it builds the application; the parts
    are given right after (`attach`), before any handler or job runs."""

    settings: Settings
    service: FoiService
    throttle: Throttle
    sends: SendLog

    def __init__(self) -> None:
        # One thread for all work of the core: searching, composing and writing the store never block the event
        # loop, and the store's connection is used by one thread at a time (a second thread would read the first
        # one's uncommitted writes, and could write inside its transaction).
        self.core = ThreadPoolExecutor(max_workers=1, thread_name_prefix="core")
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

    async def core(self, call: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """`call(*args, **kwargs)` on the core's thread."""
        return await asyncio.get_running_loop().run_in_executor(
            self.bot_data.core, functools.partial(call, *args, **kwargs)
        )


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)

App = Application[ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]]
