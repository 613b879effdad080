"""Waiting for a condition instead of sleeping a fixed time: fast when things are fast, and a generous
deadline with a message that says what never happened when they are not."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

DEADLINE = 15.0


async def until(condition: Callable[[], object], what: str, timeout: float = DEADLINE) -> None:
    """Poll `condition` until it is true; fail naming `what` if it is not within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what} after {timeout:g} s"
        await asyncio.sleep(0.02)
