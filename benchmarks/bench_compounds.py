"""Benchmark: finding a word the base writes only inside compounds (`Freiheit` in `Informationsfreiheitsgesetz`).

Three ways over the same written words, each checked with the engine's rule that what surrounds the part must
be word-like (`bot.understand.lexicon.is_compound_part`):

- scan: Python substring search over every written word (the first version of the engine)
- trigram: SQLite FTS5 `trigram` index of the written words, then the rule (what the engine uses)
- hyphen: a hyphenation decompounder in the way of Elasticsearch's `hyphenation_decompounder`: every word split at
  pyphen's German hyphenation points into pieces, looked up by piece

Figures: build time, index size and lookup latency on the real base's words and on a synthetic vocabulary of
German-looking compounds (`--words`), and quality on probe words: compounds found that contain the word as one
of their parts (recall) and matches that do not (false). `--gold` also measures the answer quality on the gold
sets with the compound lookup switched off. Run `python benchmarks/bench_compounds.py [--words 200000] [--gold]`.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from unittest.mock import patch

import pyphen

from bot.understand.lexicon import MIN_CONTAINED, is_compound_part

# Probe word → the base's compounds that have it as a part (read off the base's words by hand).
PROBES: dict[str, set[str]] = {
    "freiheit": {"informationsfreiheitsgesetz", "informationsfreiheitsanfrage", "landesinformationsfreiheitsgesetz"},
    "freiheitsgesetz": {"informationsfreiheitsgesetz", "landesinformationsfreiheitsgesetz"},
    "medienentwicklung": {"medienentwicklungskonzept"},
    "entwicklungskonzept": {"medienentwicklungskonzept"},
    "entwicklungsstrategie": {"stadtentwicklungsstrategie"},
    "beteiligungsplattform": set(),
    "werkzeuge": {"beteiligungswerkzeuge"},
    "klassement": {"gesamtklassement"},
    "einrichtungen": {"senioreneinrichtungen"},
    "ausgabebox": {"dokumentenausgabebox"},
    "fortbildungen": {"lehrerfortbildungen"},
    "informationsgesetz": {"umweltinformationsgesetz", "verbraucherinformationsgesetz"},
    "verwaltungsgesetz": {"umweltverwaltungsgesetz"},
}
# Pieces that occur inside the base's words without being one of their parts.
FALSE_FRIENDS = ("sellschaften", "formations", "ierungs", "lungen", "tungen", "ungsge", "aftsent")
SYLLABLES = "ver be ge ent an ab aus ein um zu wirt schaft stadt ent wick lung dienst leis tung bau plan netz".split()
LINKS = ("", "s", "en", "e")


def _word_like_synthetic(rng: random.Random, count: int) -> list[str]:
    """German-looking compounds of two to four stems joined with linking elements."""
    stems = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))) for _ in range(20_000)})
    words: set[str] = set()
    while len(words) < count:
        parts = rng.sample(stems, rng.randint(2, 4))
        words.add("".join(p + rng.choice(LINKS) for p in parts[:-1]) + parts[-1])
    return sorted(words)


def _parts(part: str, words: Sequence[str]) -> set[str]:
    """The words that contain `part` as one of their parts, by the engine's rule."""
    return {w for w in words if len(w) > len(part) and (at := w.find(part)) >= 0 and is_compound_part(part, w, at)}


class Scan:
    name = "scan"

    def __init__(self, words: Sequence[str]) -> None:
        self.words = list(words)

    def find(self, part: str) -> set[str]:
        return {
            w for w in self.words if len(w) > len(part) and (at := w.find(part)) >= 0 and is_compound_part(part, w, at)
        }

    def size(self) -> str:
        return "–"


class Trigram:
    name = "trigram"

    def __init__(self, words: Sequence[str], folder: Path) -> None:
        self.db = sqlite3.connect(folder / "words.db")
        self.db.execute("CREATE VIRTUAL TABLE words USING fts5(word, tokenize='trigram')")
        self.db.executemany("INSERT INTO words (word) VALUES (?)", [(w,) for w in words])
        self.db.commit()
        self.path = folder / "words.db"

    def find(self, part: str) -> set[str]:
        rows = self.db.execute("SELECT word FROM words WHERE words MATCH ? LIMIT 200", [f'"{part}"']).fetchall()
        return {
            w for (w,) in rows if len(w) > len(part) and (at := w.find(part)) >= 0 and is_compound_part(part, w, at)
        }

    def size(self) -> str:
        return f"{self.path.stat().st_size / 1e6:.1f} MB"


class Hyphen:
    name = "hyphen"

    def __init__(self, words: Sequence[str]) -> None:
        dic = pyphen.Pyphen(lang="de_DE")
        self.pieces: dict[str, set[str]] = defaultdict(set)
        for word in words:
            cuts = [0, *dic.positions(word), len(word)]
            for i, start in enumerate(cuts):
                for end in cuts[i + 1 :]:
                    piece = word[start:end]
                    if len(piece) >= MIN_CONTAINED and piece != word:
                        self.pieces[piece].add(word)
                        for link in ("s", "es", "n", "en"):  # a linking element before the next part
                            if piece.endswith(link) and len(piece) - len(link) >= MIN_CONTAINED:
                                self.pieces[piece[: -len(link)]].add(word)

    def find(self, part: str) -> set[str]:
        return set(self.pieces.get(part, ()))

    def size(self) -> str:
        return f"{sum(len(v) for v in self.pieces.values())} piece entries"


def _timed(make: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    made = make()
    return made, time.perf_counter() - start


def _latency(method: Scan | Trigram | Hyphen, queries: Sequence[str]) -> tuple[float, float]:
    times = []
    for query in queries:
        start = time.perf_counter()
        method.find(query)
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def _quality(method: Scan | Trigram | Hyphen) -> tuple[int, int, int]:
    """Expected compounds found, expected in all, and false matches (probes and false friends)."""
    found = expected = false = 0
    for probe, wanted in PROBES.items():
        got = method.find(probe)
        found += len(got & wanted)
        expected += len(wanted)
        false += len(got - wanted)
    false += sum(len(method.find(piece)) for piece in FALSE_FRIENDS)
    return found, expected, false


def _real_words() -> list[str]:
    from bot.cli.common import open_service

    service = open_service()
    try:
        return sorted(service.store.knowledge.words())
    finally:
        service.close()


def _gold_without_compounds() -> None:
    from bot.cli.common import open_service
    from bot.evaluation import evaluate, read_gold

    sets = [("questions.csv", "report"), ("dev.csv", "report"), ("calib.csv", ""), ("unseen.csv", "")]
    service = open_service()
    try:
        for label, off in (("with compounds", False), ("without compounds", True)):
            with patch.object(service.lexicon, "containing", return_value={}) if off else nullcontext():
                for file, part in sets:
                    gold = [g for g in read_gold(Path("tests/gold") / file) if not part or g.part == part]
                    r = evaluate(gold, service.ask)
                    print(
                        f"| {label} | {file}{' (' + part + ')' if part else ''} | {r.recall_at_1:.3f} | "
                        f"{r.answered_correct:.3f} | {r.answered_wrong:.3f} | {r.unanswerable_answered:.3f} |"
                    )
    finally:
        service.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--words", type=int, default=200_000, help="size of the synthetic vocabulary")
    parser.add_argument("--gold", action="store_true", help="also answer the gold sets with the lookup off")
    args = parser.parse_args()
    rng = random.Random(0)
    real = _real_words()
    synthetic = _word_like_synthetic(rng, args.words)
    print("| words | method | build s | index | p50 ms | p95 ms | probes found | false matches |")
    print("|---|---|---|---|---|---|---|---|")
    for label, words in (("real base", real), (f"synthetic {args.words // 1000}k", synthetic)):
        queries = [*PROBES, *FALSE_FRIENDS]
        # Unknown words of the lookup's length, as questions bring them: pieces of the vocabulary's words.
        queries += [w[2 : 2 + rng.randint(6, 12)] for w in rng.sample(words, min(200, len(words)))]
        with tempfile.TemporaryDirectory() as folder:
            makers: list[Callable[[list[str]], Scan | Trigram | Hyphen]] = [
                Scan,
                lambda w: Trigram(w, Path(folder)),
                Hyphen,
            ]
            for make in makers:
                method, build = _timed(lambda: make(words))  # noqa: B023
                assert isinstance(method, Scan | Trigram | Hyphen)
                p50, p95 = _latency(method, queries)
                found, expected, false = _quality(method) if label == "real base" else (0, 0, 0)
                quality = f"{found}/{expected} | {false}" if label == "real base" else "– | –"
                print(
                    f"| {label} ({len(words)}) | {method.name} | {build:.2f} | {method.size()} | {p50:.2f} | "
                    f"{p95:.2f} | {quality} |"
                )
    if args.gold:
        print("\n| compound lookup | set | R@1 | answered correctly | wrongly | unanswerable answered |")
        print("|---|---|---|---|---|---|")
        _gold_without_compounds()


if __name__ == "__main__":
    main()
