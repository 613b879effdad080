"""FragDenStaat fetches in the bot: on two threads of their own, never in the event loop's default executor
(charts are drawn there), so a slow FragDenStaat cannot hold up other people, and never keeping the process
from ending at SIGTERM."""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any, TypeVar

from bot.importers.fragdenstaat import FragDenStaatError, Reference

FETCH_THREADS = 2  # fetches the bot runs at once; more wait their turn
STOP_CHECK = 0.2  # seconds between two looks of a waiting fetch at whether the bot is stopping

T = TypeVar("T")


class _DaemonPool:
    """Runs calls on a few threads of its own, started on first use. They are daemon threads: a call stuck on a
    slow server cannot keep the process from ending (a ThreadPoolExecutor's threads are joined at exit)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._started = False

    def submit(self, call: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        self._jobs.put((call, future))
        with self._lock:
            if not self._started:
                for n in range(self._size):
                    threading.Thread(target=self._work, name=f"fragdenstaat-{n}", daemon=True).start()
                self._started = True
        return future

    def _work(self) -> None:
        while True:
            call, future = self._jobs.get()
            # False if the waiting side gave up before the call's turn came.
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(call())
                except BaseException as exc:
                    future.set_exception(exc)


_FETCHES = _DaemonPool(FETCH_THREADS)


async def fetch_off_loop(fetch: Callable[[Reference], T], ref: Reference, *, running: Callable[[], bool]) -> T:
    """`fetch(ref)` on one of the bot's `FETCH_THREADS` FragDenStaat threads, never in the event loop's default
    executor (charts are drawn there), so slow fetches cannot hold up other people. As soon as `running()` is
    false it gives up with FragDenStaatError("stopped"): PTB's stop waits for every handler without telling it,
    and a fetch may take its whole deadline."""
    future = asyncio.wrap_future(_FETCHES.submit(partial(fetch, ref)))
    try:
        while running():
            done, _ = await asyncio.wait({future}, timeout=STOP_CHECK)
            if done:
                return future.result()
        raise FragDenStaatError("stopped", what=ref.named())
    finally:
        # A fetch still waiting for a thread is dropped; a running one ends on its own, by its deadline at the latest.
        future.cancel()
