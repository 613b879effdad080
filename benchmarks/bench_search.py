"""Benchmark of the search engine on synthetic German-looking knowledge bases.

Generates knowledge folders of 1k, 10k and 100k fact entries in the real file format, then measures
for each size, each in fresh processes: build time, restart time on the existing store, query latency,
peak RSS and answer quality, next to a naive rapidfuzz baseline. Run `python benchmarks/bench_search.py`
(`--quick` for 1k only, `--sizes 1000,10000`, `--profile` for cProfile summaries of the engine).

The corpus is synthetic: compare methods and sizes with it, do not read its quality as a prediction.
The parts live in `benchmarks/search/`: `corpus.py` and `queries.py` generate, `runners.py` holds the workers
this script runs in fresh processes, `report.py` prints.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from search.queries import load_queries
from search.report import Row, render_breakdown, render_profile, render_table, render_targets, size_label
from search.runners import Build, Generated, Profile, Run, worker_main

# Only the standard library is imported at module level (here and in `search`), and the parent process never
# loads the bot or generates data: on Linux ru_maxrss survives fork+exec, so every worker starts with its
# parent's peak RSS. A small parent keeps the workers' numbers their own; a worker reads its start RSS before it
# loads the bot.

SIZES = (1_000, 10_000, 100_000)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def engine_version() -> str:
    """Which `bot` package the workers import, and its git commit: the engine changes often."""
    spec = importlib.util.find_spec("bot")  # locates the package without importing it
    if spec is None or spec.origin is None:
        raise SystemExit("the bot package is not importable: install the project (make install)")
    package = Path(spec.origin).parent

    def git(*args: str) -> str:
        proc = subprocess.run(["git", "-C", str(package), *args], capture_output=True, text=True, check=False)
        return proc.stdout.strip() if proc.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"{package} (not in a git checkout)"
    dirty = ", with uncommitted changes" if git("status", "--porcelain", "--", ".") else ""
    return f"{package} (git {commit}{dirty})"


def _run_worker(mode: str, work: Path, *args: str | Path) -> Any:
    """Runs this script as a worker in a fresh interpreter and returns the JSON it prints."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, *map(str, args)]
    # cwd is the size's temp folder, so a `.env` where the benchmark was started cannot reach Settings.
    # The worker's stderr passes through, so its errors and the bot's warnings stay visible.
    proc = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False, cwd=work)
    if proc.returncode:
        raise SystemExit(f"{mode} worker failed with exit code {proc.returncode}")
    return json.loads(proc.stdout)


def run(sizes: Sequence[int], seed: int, profile: bool) -> None:
    version = engine_version()
    rows: list[Row] = []
    notes: list[str] = []
    profiles: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        for size in sizes:
            label = size_label(size)
            work = Path(tmp) / f"n{size}"
            knowledge, db, queries = work / "knowledge", work / "foi.db", work / "queries.json"
            work.mkdir()
            generated = Generated(**_run_worker("generate", work, work, "--sizes", str(size), "--seed", str(seed)))
            _, measured = load_queries(queries)
            _log(f"{label}: corpus written ({generated.seconds:.1f} s); building")
            build = Build(**_run_worker("build", work, db, knowledge))
            _log(f"{label}: built in {build.seconds:.1f} s; serving")
            engine = Row(
                size,
                "engine",
                build.seconds,
                Run.from_json(_run_worker("serve", work, db, knowledge, queries)),
                measured,
            )
            rows.append(engine)
            notes.append(render_breakdown(engine, build))
            _log(f"{label}: baseline")
            baseline = Run.from_json(_run_worker("baseline", work, db, queries))
            rows.append(Row(size, "rapidfuzz token_set_ratio", None, baseline, measured))
            if profile:
                _log(f"{label}: profiling")
                found = Profile.from_json(_run_worker("profile", work, db, knowledge, queries))
                profiles.append(render_profile(size, found))
            # Sizes run one after another; drop each one's files (the 100k DB is large) before the next.
            shutil.rmtree(work)
    print(f"Engine: {version}; seed {seed}\n")
    print(render_table(rows))
    print("\nTargets:")
    print("\n".join(render_targets(rows)))
    print("\nNotes (engine):")
    print("\n".join(notes))
    if profiles:
        print()
        print("\n\n".join(profiles))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated entry counts")
    parser.add_argument("--quick", action="store_true", help="only 1,000 entries: a smoke test")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus and queries")
    parser.add_argument("--profile", action="store_true", help="also profile restart and queries with cProfile")
    parser.add_argument(
        "--worker", choices=("generate", "build", "serve", "baseline", "profile"), help=argparse.SUPPRESS
    )
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [1_000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.worker:
        worker_main(args.worker, args.paths, sizes[0], args.seed)
        return
    run(sizes, args.seed, args.profile)


if __name__ == "__main__":
    main()
