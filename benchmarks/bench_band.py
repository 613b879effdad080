"""Benchmark: the band below the answer threshold, where the confidence leaves a question to a suggestion.

For every question of the tuning sets (questions.csv and dev.csv `tune`, probe.csv to probe4.csv) whose best
text entry has a confidence between the suggestion level and the threshold, it counts what answering would have
been: the right entry first, another entry first (a wrong answer), or a question the base cannot answer. Per
confidence bin it prints these counts and how many wrong answers each right one would bring along if the band
were answered. That ratio bounds any change that only raises the confidence: a wrong answer per five or six
right ones is what the fresh sets' bounds in `tests/test_quality.py` do not allow.

The sets only reported (unseen.csv, unseen2.csv, the `report` parts, calib.csv) are left out on purpose.
Run `python benchmarks/bench_band.py`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

from bot.cli.common import open_service
from bot.evaluation import TUNE, read_gold

TUNING = [
    (Path("tests/gold/questions.csv"), TUNE),
    (Path("tests/gold/dev.csv"), TUNE),
    *((Path(f"tests/gold/{name}.csv"), None) for name in ("probe", "probe2", "probe3", "probe4")),
]
BINS = (0.3, 0.4)  # inner edges; the outer ones are the suggestion level and the threshold
KINDS = ("right", "wrong", "unanswerable")


def main() -> None:
    counts: Counter[tuple[str, str]] = Counter()
    with open_service() as service:
        answerer = service.answerer
        low, high = answerer.calibration.suggest, answerer.calibration.threshold
        edges = [low, *(b for b in BINS if low < b < high), high]
        labels = [f"{a:.2f}–{b:.2f}" for a, b in itertools.pairwise(edges)]
        for path, part in TUNING:
            for gold in read_gold(path):
                if part is not None and gold.part != part:
                    continue
                found = answerer.assess(answerer.understander.understand(gold.question))
                # The tables answer ranking questions without a confidence: not part of the band.
                if found.entry is None or found.table is not None or not low <= found.confidence < high:
                    continue
                label = next(lab for lab, top in zip(labels, edges[1:], strict=True) if found.confidence < top)
                right = found.entry.id in gold.expected
                kind = "unanswerable" if not gold.expected else "right" if right else "wrong"
                counts[(label, kind)] += 1
    print(f"band below the threshold {high:.2f} on the tuning sets (best text entry, by confidence)")
    print(f"{'confidence':<12} {'right':>6} {'wrong':>6} {'unanswerable':>13} {'right per wrong':>16}")
    for label in [*labels, "all"]:
        row = {k: sum(v for (lab, kind), v in counts.items() if kind == k and label in (lab, "all")) for k in KINDS}
        ratio = f"{row['right'] / row['wrong']:.1f}" if row["wrong"] else "-"
        print(f"{label:<12} {row['right']:>6} {row['wrong']:>6} {row['unanswerable']:>13} {ratio:>16}")


if __name__ == "__main__":
    main()
