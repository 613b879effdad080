"""Importing a synthetic FOI request series with PDF letters from the fake FragDenStaat (issue #13): how long
`kb import ID --series` takes and how much memory it needs, then how fast the store restarts and answers.

The series: `--requests` requests to as many bodies, each answered with `--letters` PDF letters of `--pages`
pages whose text FragDenStaat's document API serves (the path real letters with a document take). Every page
has its own sentences over a vocabulary of `--vocabulary` words, so the index grows as it would with real
letters. Each phase runs in a process of its own (`kb build`, `kb import --series`, then the core opened on the
store and asked questions), so each peak RSS is that phase's.

The search baseline is the naive one: rapidfuzz's token_set_ratio of the question against every passage.

    python benchmarks/bench_import.py [--requests 300] [--letters 3] [--pages 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fakes.froide import FakeFroide  # noqa: E402  (needs the repo on sys.path)

PROJECT = 9100
FIRST_ID = 900_000
TITLE = "Externe Beratung zu Digitalisierungsrankings"
# Words every letter may use, so that a question's words occur in many bodies' answers, as in a real series.
TOPIC = (
    "Beratung Dienstleister Ranking Digitalisierung Smart City Index Auftrag Vergabe Kosten Haushalt Vermerk "
    "Oberbürgermeister Strategie Konzept Datenlieferung Kategorie Verwaltung Bürgerbefragung Maßnahmen Projekte"
).split()
QUESTIONS = 200
# `python -m bot …` that then prints the peak RSS (kB) of the processes it started (the indexing process of
# a long import), which the bench cannot see from outside.
WITH_WORKERS_PEAK = """
import resource, runpy, sys
sys.argv = ["bot", *sys.argv[1:]]
try:
    runpy.run_module("bot", run_name="__main__")
finally:
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
"""


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("aeiounrstlmkbdgh") for _ in range(rng.randint(5, 11)))


def page_text(rng: random.Random, vocabulary: list[str], body: str, letter: int, page: int) -> str:
    """A page of a letter: a few sentences mixing the series' topic words with words of its own."""
    sentences = []
    for _ in range(rng.randint(4, 8)):
        words = [rng.choice(TOPIC) if rng.random() < 0.3 else rng.choice(vocabulary) for _ in range(rng.randint(8, 16))]
        sentences.append(" ".join(words).capitalize() + ".")
    return f"{body}, Schreiben {letter + 1}, Seite {page + 1}. " + " ".join(sentences)


def fill(froide: FakeFroide, args: argparse.Namespace) -> list[tuple[str, str]]:
    """The series on the fake; returns (body, a page's text) for each request, to ask about."""
    rng = random.Random(args.seed)
    vocabulary = [_word(rng) for _ in range(args.vocabulary)]
    asked = []
    for i in range(args.requests):
        request_id, body = FIRST_ID + i, f"Stadt Beispielstadt {i}"
        froide.add_request(request_id, TITLE, public_body=body, project=PROJECT, status="resolved")
        froide.add_message(request_id, is_response=False, content="Ich beantrage Auskunft über externe Beratung.")
        message = froide.add_message(request_id, is_response=True, content="Anbei unsere Antwort.")
        for letter in range(args.letters):
            pages = [page_text(rng, vocabulary, body, letter, p) for p in range(args.pages)]
            froide.add_attachment(message, f"antwort-{letter + 1}.pdf", b"%PDF-1.4\n", pages=pages)
        asked.append((body, pages[0]))
    return asked


def run_phase(command: list[str], env: dict[str, str]) -> tuple[float, float, str, str]:
    """Wall seconds and peak RSS (MB) of a child process, its standard output and error. The child is reaped
    with wait4, which gives that child's own peak."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({child.returncode}):\n{err.read()[-2000:]}")
        return seconds, usage.ru_maxrss / 1024, out.read(), err.read()


def questions(asked: list[tuple[str, str]], seed: int) -> list[str]:
    """Questions about one body's letter (its words), and across the series."""
    rng = random.Random(seed + 1)
    picked = rng.sample(asked, min(QUESTIONS // 2, len(asked)))
    about_one = []
    for body, text in picked:
        words = [w for w in text.split() if len(w) > 5 and w[0].islower()]
        about_one.append(f"Was schreibt {body} zu {' '.join(rng.sample(words, min(3, len(words))))}?")
    across = [
        "Welche Städte haben externe Berater beauftragt?",
        "Wer hat noch nicht geantwortet?",
        "Welche Behörden wurden gefragt?",
        f"Welche Städte nennen Kosten für die {rng.choice(TOPIC)}?",
    ]
    return about_one + [rng.choice(across) for _ in range(QUESTIONS - len(about_one))]


def serve(db: str, knowledge: str, asked_file: str) -> None:
    """In a process of its own: open the core on the built store (restart), ask every question, and the naive
    baseline over all passages; prints JSON."""
    from rapidfuzz import fuzz, process

    from bot.config import Settings
    from bot.service import FoiService

    qs = json.loads(Path(asked_file).read_text(encoding="utf-8"))
    settings = Settings(_env_file=None, database_path=Path(db), knowledge_dir=Path(knowledge))
    start = time.perf_counter()
    service = FoiService.open(settings)
    restart = time.perf_counter() - start
    service.warm_up()
    service.ask(qs[0])
    engine, answered = [], 0
    for q in qs:
        t = time.perf_counter()
        answer = service.ask(q)
        engine.append((time.perf_counter() - t) * 1000)
        answered += answer.answered
    # The peak so far is the bot's; the baseline below holds every passage in memory on top.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    passages = [p.text for e, _ in service.listing() for p in e.passages]
    naive = []
    for q in qs[:50]:
        t = time.perf_counter()
        process.extractOne(q, passages, scorer=fuzz.token_set_ratio)
        naive.append((time.perf_counter() - t) * 1000)
    service.close()
    print(
        json.dumps(
            {
                "restart": restart,
                "engine": engine,
                "naive": naive,
                "answered": answered,
                "passages": len(passages),
                "peak": peak,
            }
        )
    )


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--letters", type=int, default=3)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--vocabulary", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="build the store in this folder and keep it (to look into)")
    parser.add_argument("--serve", nargs=3, metavar=("DB", "KNOWLEDGE", "QUESTIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(*args.serve)
        return
    with tempfile.TemporaryDirectory() as scratch, FakeFroide() as froide:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        asked = fill(froide, args)
        print(f"fake filled in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        db, asked_file = Path(work) / "bench.db", Path(work) / "questions.json"
        asked_file.write_text(json.dumps(questions(asked, args.seed)), encoding="utf-8")
        env = {
            **os.environ,
            "DATABASE_PATH": str(db),
            "KNOWLEDGE_DIR": str(REPO / "knowledge"),
            "FRAGDENSTAAT_API_URL": froide.api_url,
            "LOG_LEVEL": "WARNING",
        }
        build_s, build_mb, _, _ = run_phase([sys.executable, "-m", "bot", "kb", "build"], env)
        import_s, import_mb, out, err = run_phase(
            [sys.executable, "-c", WITH_WORKERS_PEAK, "kb", "import", str(FIRST_ID), "--series"], env
        )
        workers_mb = int(err.strip().splitlines()[-1]) / 1024
        imported = sum(1 for line in out.splitlines() if "\tfailed\t" not in line)
        serve_s, _, served, _ = run_phase(
            [sys.executable, __file__, "--serve", str(db), str(REPO / "knowledge"), str(asked_file)], env
        )
        result: dict[str, Any] = json.loads(served)
    letters = args.requests * args.letters
    print(
        f"series: {args.requests} requests x {args.letters} letters x {args.pages} pages = "
        f"{letters * args.pages} pages; {imported} requests imported; store holds {result['passages']} passages"
    )
    print(f"kb build (curated base first): {build_s:.1f} s, peak RSS {build_mb:.0f} MB")
    print()
    print("| phase | seconds | peak RSS MB |")
    print("|---|---|---|")
    print(f"| kb import --series | {import_s:.1f} | {import_mb:.0f} (its indexing process: {workers_mb:.0f}) |")
    restart, serving = result["restart"], result["peak"]
    print(f"| restart, then {QUESTIONS} questions (the core on the store) | {restart:.2f} | {serving:.0f} |")
    print()
    print("| search over all passages | p50 ms | p95 ms | answered |")
    print("|---|---|---|---|")
    engine, naive = result["engine"], result["naive"]
    print(f"| engine ({len(engine)} questions) | {p(engine, 50):.1f} | {p(engine, 95):.1f} | {result['answered']} |")
    print(f"| naive token_set_ratio over every passage ({len(naive)}) | {p(naive, 50):.1f} | {p(naive, 95):.1f} | – |")
    print(f"(serving process: {serve_s:.1f} s in all)")


if __name__ == "__main__":
    main()
