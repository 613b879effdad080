"""Per-person request limit: a sliding minute, one polite notice when it is exceeded."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum

WINDOW = 60.0


class Verdict(Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # over the limit: say so once
    DROP = "drop"  # still over the limit, already told


class Throttle:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._told: set[int] = set()

    def check(self, key: int) -> Verdict:
        now = self.clock()
        times = self._seen.setdefault(key, deque())
        while times and now - times[0] >= WINDOW:
            times.popleft()
        if len(times) < self.per_minute:
            times.append(now)
            self._told.discard(key)
            return Verdict.ALLOW
        if key in self._told:
            return Verdict.DROP
        self._told.add(key)
        return Verdict.NOTIFY

    def forget_idle(self) -> None:
        """Drop people who asked nothing for a minute, so memory stays bounded."""
        now = self.clock()
        for key in [k for k, t in self._seen.items() if not t or now - t[-1] >= WINDOW]:
            del self._seen[key]
            self._told.discard(key)
