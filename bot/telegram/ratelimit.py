"""Telegram's flood limits: PTB's rate limiter, counting what it sends, so that alert fan-outs only use the
share of the 30 messages a second that replies to people leave free."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter

WINDOW = 1.0
ALERT_CEILING = 27  # sends per second, all kinds, above which alerts wait: replies keep the rest


class SendLog:
    """Sends to chats within the last second."""

    def __init__(self) -> None:
        self._times: deque[float] = deque()

    def note(self) -> None:
        self._times.append(time.monotonic())

    def recent(self) -> int:
        horizon = time.monotonic() - WINDOW
        while self._times and self._times[0] < horizon:
            self._times.popleft()
        return len(self._times)

    async def room_for_alert(self) -> None:
        """Wait until an alert fits under the ceiling: questions are never kept waiting behind alerts."""
        while self.recent() >= ALERT_CEILING:
            await asyncio.sleep(0.02)


class CountingRateLimiter(AIORateLimiter):
    """AIORateLimiter (30/s overall, 20/min per group, retries after RetryAfter) that logs each send."""

    def __init__(self, log: SendLog, max_retries: int = 3) -> None:
        super().__init__(max_retries=max_retries)
        self.log = log

    async def process_request(  # noqa: PLR0917  (BaseRateLimiter's signature)
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if data.get("chat_id") is not None:
            self.log.note()
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
