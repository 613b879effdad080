"""Indexing entries in a second process while this one writes the store. A long import (a series of letters)
spends as much time analysing each page as storing it; on two cores both go on at once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from bot.models import Aliases, Entry, Ranking
from bot.search.index import index_entries
from bot.storage.knowledge import IndexFields
from bot.understand.normalize import Normalizer

# The worker's normaliser and known words, made once when it starts (see `_start`).
_normalizer: Normalizer | None = None
_known: frozenset[str] = frozenset()


def _start(aliases: Aliases, rankings: Sequence[Ranking], known: frozenset[str]) -> None:
    global _normalizer, _known  # noqa: PLW0603  (the worker process's own state, set once)
    _normalizer = Normalizer(aliases, rankings)
    _known = known


def _index(entry: Entry) -> tuple[IndexFields, dict[str, str]]:
    assert _normalizer is not None, "the worker was started without its normaliser"
    [(_, fields)], words = index_entries([entry], _normalizer, _known)
    return fields, words


class IndexAhead:
    """Indexes entries, one after the other, in a worker process with the same normaliser and known words as
    the caller's: the results are those `index_entries` gives here. Spawned, not forked: this process may hold
    threads (numerical libraries) that a fork would copy in an unusable state."""

    def __init__(self, aliases: Aliases, rankings: Sequence[Ranking], known: frozenset[str]) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(aliases, list(rankings), known),
        )

    def submit(self, entry: Entry) -> Future[tuple[IndexFields, dict[str, str]]]:
        return self._pool.submit(_index, entry)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)
