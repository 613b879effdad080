"""The workers, each run in a fresh process: generate a size, build its store, serve it, the baseline, the profile.

Serving times the restart (`FoiService.open`, `warm_up` and the first answer) and every query, and reads the peak RSS;
the baseline answers the same queries with rapidfuzz over every entry's questions. A worker prints its result
as JSON; the dataclasses here are what the parent reads back.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .corpus import build_world, write_knowledge
from .queries import Query, load_queries, make_queries, save_queries

if TYPE_CHECKING:
    from bot.models import Answer
    from bot.service import FoiService

# Only the standard library and this package at module level: the parent process never loads the bot
# (see bench_search.py), and a worker reads its start RSS before it does.

BASELINE_CAP = 100
BASELINE_BUDGET_S = 60.0
PROFILE_LINES = 12

Result = TypeVar("Result")


def _rss_mb() -> float:
    """Peak resident set size of this process so far; Linux reports KiB, macOS bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _start_rss_mb() -> float:
    """Current RSS, for a worker's baseline: at its start ru_maxrss still holds the parent's peak."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return _rss_mb()
    return next(int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:"))


@dataclass(frozen=True)
class Generated:
    seconds: float


@dataclass(frozen=True)
class Build:
    seconds: float
    entries: int
    db_mb: float
    rss_start_mb: float
    rss_peak_mb: float


@dataclass(frozen=True)
class Outcome:
    """One measured query: latency, top hit and the entry answered with ("" if no id, None if abstained)."""

    ms: float
    top: str | None
    answered: str | None


@dataclass(frozen=True)
class Run:
    """A serving process: import time, time from opening to the first answer, per-query outcomes, memory."""

    imports_s: float
    restart_s: float
    rss_start_mb: float
    rss_peak_mb: float
    outcomes: list[Outcome]

    @classmethod
    def from_json(cls, data: Any) -> Run:
        return cls(**{**data, "outcomes": [Outcome(**o) for o in data["outcomes"]]})


@dataclass(frozen=True)
class ProfileLine:
    name: str
    calls: int
    self_share: float
    total_share: float


@dataclass(frozen=True)
class Profile:
    """Where the time of a restart and of the measured queries goes, as shares of the profiled total."""

    restart_s: float
    queries_s: float
    terms: int
    restart_self: list[ProfileLine]
    restart_bot: list[ProfileLine]
    queries_self: list[ProfileLine]
    queries_bot: list[ProfileLine]

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        lists = ("restart_self", "restart_bot", "queries_self", "queries_bot")
        return cls(**{**data, **{k: [ProfileLine(**line) for line in data[k]] for k in lists}})


def generate_worker(work: Path, size: int, seed: int) -> Generated:
    """Writes the knowledge folder and the queries of one size into `work`."""
    start = time.perf_counter()
    world = build_world(seed)
    corpus = write_knowledge(work / "knowledge", world, size)
    save_queries(work / "queries.json", *make_queries(world, corpus))
    return Generated(time.perf_counter() - start)


def build_worker(db: Path, knowledge: Path) -> Build:
    rss_start = _start_rss_mb()
    from bot.service import sync_knowledge
    from bot.storage.store import Store

    start = time.perf_counter()
    store = Store(db)
    sync_knowledge(store, knowledge)
    seconds = time.perf_counter() - start
    entries = store.knowledge.count_entries()
    store.close()
    return Build(seconds, entries, db.stat().st_size / 2**20, rss_start, _rss_mb())


def _open_service(
    db: Path, knowledge: Path, queries: Path, profiler: cProfile.Profile | None = None
) -> tuple[FoiService, float, float, list[Query]]:
    """Import time of the bot, then `FoiService.open`, its warm-up and the first answer, timed; then the rest of the
    warm-up queries.

    Returns the service, those two times and the measured queries. Fails if opening rebuilt the store
    instead of finding its content hash up to date.
    """
    warmup, measured = load_queries(queries)
    start = time.perf_counter()
    from bot.config import Settings
    from bot.service import FoiService

    imported = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    service = FoiService.open(Settings(database_path=db, knowledge_dir=knowledge))
    # As the bot starts: the language identifier and the embeddings load before the first question, whether or
    # not that question needs them (a German question with a German function word does not ask the identifier).
    service.warm_up()
    service.ask(warmup[0].text)
    if profiler is not None:
        profiler.disable()
    answered = time.perf_counter()
    # A rebuild writes rows through this connection; an up-to-date store is only read.
    if service.store.db.conn.total_changes:
        raise SystemExit("FoiService.open rebuilt the store: knowledge files or bot code changed since the build")
    for query in warmup[1:]:
        service.ask(query.text)
    return service, imported - start, answered - imported, measured


def _measure(
    queries: Sequence[Query],
    ask: Callable[[str], Result],
    read: Callable[[Result], tuple[str | None, str | None]],
) -> list[Outcome]:
    """Asks every query, timing `ask` alone; `read` takes the top hit and the entry answered with from its result."""
    outcomes = []
    for query in queries:
        start = time.perf_counter()
        result = ask(query.text)
        ms = 1000 * (time.perf_counter() - start)
        outcomes.append(Outcome(ms, *read(result)))
    return outcomes


def _engine_outcome(answer: Answer) -> tuple[str | None, str | None]:
    answered = (answer.entry_ids[0] if answer.entry_ids else "") if answer.answered else None
    return (answer.hits[0].id if answer.hits else None), answered


def serve_worker(db: Path, knowledge: Path, queries: Path) -> Run:
    rss_start = _start_rss_mb()
    service, imports, restart, measured = _open_service(db, knowledge, queries)
    outcomes = _measure(measured, service.ask, _engine_outcome)
    rss_peak = _rss_mb()
    service.close()
    return Run(imports, restart, rss_start, rss_peak, outcomes)


def baseline_worker(db: Path, queries: Path) -> Run:
    """Brute-force `token_set_ratio` over every entry's questions, read from the same store."""
    rss_start = _start_rss_mb()
    warmup, measured = load_queries(queries)
    started = time.perf_counter()
    from rapidfuzz import fuzz, process, utils

    from bot.folding import fold
    from bot.storage.store import Store

    start = time.perf_counter()
    imports = start - started
    store = Store(db)
    choices = {e.id: fold(" ".join(e.questions)) for e in store.knowledge.all_entries()}

    def top(question: str) -> str | None:
        found = process.extract(
            fold(question), choices, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=5
        )
        return str(found[0][2]) if found else None

    top(warmup[0].text)
    restart = time.perf_counter() - start
    started = time.perf_counter()
    for query in warmup[1:]:
        top(query.text)
    per_query = (time.perf_counter() - started) / max(len(warmup) - 1, 1)
    if per_query * len(measured) > BASELINE_BUDGET_S:
        # Queries alternate answerable/unanswerable, so a prefix keeps the mix.
        measured = measured[:BASELINE_CAP]
    outcomes = _measure(measured, top, lambda found: (found, None))
    rss_peak = _rss_mb()
    store.close()
    return Run(imports, restart, rss_start, rss_peak, outcomes)


def _profile_lines(profiler: cProfile.Profile, key: str, only_bot: bool) -> list[ProfileLine]:
    stats: dict[tuple[str, int, str], tuple[int, int, float, float, Any]]
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # undocumented but stable
    total = sum(tt for _, _, tt, _, _ in stats.values()) or 1.0
    lines = []
    for (file, line, func), (_, calls, tt, ct, _) in stats.items():
        if only_bot and "/bot/" not in file:
            continue
        name = f"{Path(file).parent.name}/{Path(file).name}:{line}({func})" if line else func
        lines.append(ProfileLine(name, calls, tt / total, ct / total))
    lines.sort(key=lambda p: -(p.self_share if key == "self" else p.total_share))
    return lines[:PROFILE_LINES]


def profile_worker(db: Path, knowledge: Path, queries: Path) -> Profile:
    """The serving run again under cProfile (its own timings are inflated, so only shares are reported)."""
    restart_profiler = cProfile.Profile()
    service, _, restart, measured = _open_service(db, knowledge, queries, restart_profiler)
    query_profiler = cProfile.Profile()
    start = time.perf_counter()
    query_profiler.enable()
    for query in measured:
        service.ask(query.text)
    query_profiler.disable()
    queries_s = time.perf_counter() - start
    # The engine holds every index term in memory (for IDF and typo expansion): a driver of RSS and latency.
    terms = len(service.lexicon.df)
    service.close()
    return Profile(
        restart_s=restart,
        queries_s=queries_s,
        terms=terms,
        restart_self=_profile_lines(restart_profiler, "self", only_bot=False),
        restart_bot=_profile_lines(restart_profiler, "total", only_bot=True),
        queries_self=_profile_lines(query_profiler, "self", only_bot=False),
        queries_bot=_profile_lines(query_profiler, "total", only_bot=True),
    )


def worker_main(mode: str, paths: Sequence[str], size: int, seed: int) -> None:
    """Runs one worker and prints its result as JSON, for the parent to read."""
    args = [Path(p) for p in paths]
    result: Generated | Build | Run | Profile
    if mode == "generate":
        result = generate_worker(args[0], size, seed)
    elif mode == "build":
        result = build_worker(*args)
    elif mode == "serve":
        result = serve_worker(*args)
    elif mode == "baseline":
        result = baseline_worker(*args)
    else:
        result = profile_worker(*args)
    print(json.dumps(asdict(result)))
