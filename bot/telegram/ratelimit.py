"""Telegram's flood limits: PTB's rate limiter, counting each send as it goes out, so that no second holds more
sends than Telegram takes and alert fan-outs, paced evenly, only use the share that replies to people leave free."""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.constants import FloodLimit
from telegram.ext import AIORateLimiter

WINDOW = 1.0
# Telegram answers 429 to more than this many sends in any one second (a sliding window, not a bucket).
MAX_SENDS = FloodLimit.MESSAGES_PER_SECOND
ALERT_CEILING = 27  # sends in the last second, all kinds, at which alerts wait: replies keep the rest
# Alerts go one at a time, this far apart: a fan-out never bunches, so the latency between the bot and Telegram
# can shift sends by up to (MAX_SENDS - ALERT_CEILING) * ALERT_SPACING without crowding Telegram's window.
ALERT_SPACING = WINDOW / ALERT_CEILING


class SendLog:
    """Sends to chats within the last second, noted as they go out; the pace of alerts."""

    def __init__(self) -> None:
        self._times: deque[float] = deque()
        self._alert_turn = asyncio.Lock()
        self._last_alert = -math.inf

    def note(self) -> None:
        self._times.append(time.monotonic())

    def _expire(self, now: float) -> None:
        horizon = now - WINDOW
        while self._times and self._times[0] < horizon:
            self._times.popleft()

    def _until_room(self, limit: int) -> float:
        """Seconds until fewer than `limit` sends are within the last second (0 if they are now)."""
        now = time.monotonic()
        self._expire(now)
        return 0.0 if len(self._times) < limit else self._times[-limit] + WINDOW - now

    async def room_for_send(self) -> None:
        """Wait until one more send stays within MAX_SENDS in any second, and note it."""
        while (wait := self._until_room(MAX_SENDS)) > 0:
            await asyncio.sleep(wait)
        self.note()

    async def room_for_alert(self) -> None:
        """Wait for an alert's turn: ALERT_SPACING after the previous alert went and with fewer than ALERT_CEILING
        sends of any kind in the last second, so questions are never kept waiting behind alerts. The spacing
        counts from when the previous alert went, not from a schedule: after the event loop was held up, alerts
        carry on at the same pace instead of catching up in a burst."""
        async with self._alert_turn:
            while (
                wait := max(self._last_alert + ALERT_SPACING - time.monotonic(), self._until_room(ALERT_CEILING))
            ) > 0:
                await asyncio.sleep(wait)
            self._last_alert = time.monotonic()


class CountingRateLimiter(AIORateLimiter):
    """AIORateLimiter (30/s overall, 20/min per group, retries after RetryAfter) that logs each send to a chat
    and holds it back while the last second already has MAX_SENDS."""

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
        if data.get("chat_id") is None:
            return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)

        async def counted(*call_args: Any, **call_kwargs: Any) -> bool | dict[str, Any] | list[dict[str, Any]]:
            # Noted when it goes out, after PTB's own waits, and once per attempt: a retry after a 429 counts
            # at Telegram too, and a send noted long before it left would make the log lag behind Telegram's.
            await self.log.room_for_send()
            return await callback(*call_args, **call_kwargs)

        return await super().process_request(counted, args, kwargs, endpoint, data, rate_limit_args)
