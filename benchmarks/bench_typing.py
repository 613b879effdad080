"""Benchmark: the same questions as people type them, without umlauts, in lower case, with one typo.

The tuning questions (questions.csv and dev.csv `tune`, the four probes; 2,503 questions) each as written and as
typed in another way:

- umlauts dropped ("fur", "Stadte") or spelt out ("fuer", "Staedte"): the questions with an umlaut or ß only
- in lower case; without the punctuation
- one typo in one word of six letters or more, chosen at random (seed 7): a letter deleted, two swapped, one
  doubled, one replaced

For each form: answered correctly (of the answerable), answered wrongly, unanswerable answered and hard negatives
answered, as `python -m bot eval` counts them. A form the engine reads as it reads the question as written
scores as the written one does. Only tuning questions: the held-out sets stay unread. Run
`python benchmarks/bench_typing.py` (about four minutes on two cores).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from bot.cli.common import open_service
from bot.evaluation import TUNE, GoldQuestion, evaluate, read_gold

SETS = [
    ("tests/gold/questions.csv", TUNE),
    ("tests/gold/dev.csv", TUNE),
    ("tests/gold/probe.csv", None),
    ("tests/gold/probe2.csv", None),
    ("tests/gold/probe3.csv", None),
    ("tests/gold/probe4.csv", None),
]
_DROPPED = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "A", "Ö": "O", "Ü": "U"})
_SPELT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_UMLAUT = re.compile("[äöüÄÖÜß]")
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")
_PUNCTUATION = re.compile(r"[?!.,]")


def _typo(kind: str, rng: random.Random) -> Callable[[str], str]:
    def edit(word: str) -> str:
        i = rng.randrange(1, len(word) - 2)
        if kind == "deleted":
            return word[:i] + word[i + 1 :]
        if kind == "swapped":
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind == "doubled":
            return word[:i] + word[i] + word[i:]
        return word[:i] + rng.choice("aeinrstlo") + word[i + 1 :]

    def typed(question: str) -> str:
        words = list(_LONG_WORD.finditer(question))
        if not words:
            return question
        word = rng.choice(words)
        return question[: word.start()] + edit(word.group(0)) + question[word.end() :]

    return typed


def _questions() -> list[GoldQuestion]:
    return [g for path, part in SETS for g in read_gold(Path(path)) if part is None or g.part == part]


def main() -> None:
    gold = _questions()
    umlauts = [g for g in gold if _UMLAUT.search(g.question)]
    rng = random.Random(7)
    forms: list[tuple[str, Sequence[GoldQuestion], Callable[[str], str]]] = [
        ("as written", gold, str),
        ("with umlauts, as written", umlauts, str),
        ("umlauts dropped", umlauts, lambda q: q.translate(_DROPPED)),
        ("umlauts spelt out", umlauts, lambda q: q.translate(_SPELT)),
        ("lower case", gold, str.lower),
        ("no punctuation", gold, lambda q: _PUNCTUATION.sub("", q).strip()),
        *((f"one letter {kind}", gold, _typo(kind, rng)) for kind in ("deleted", "swapped", "doubled", "replaced")),
    ]
    print(f"{'form':<26} {'n':>5} {'correct':>8} {'wrong':>7} {'unans.':>7} {'hard neg.':>9}")
    with open_service() as service:
        for name, questions, form in forms:
            report = evaluate([replace(g, question=form(g.question)) for g in questions], service.ask)
            figures = report.summary()
            print(
                f"{name:<26} {len(questions):>5} {figures['answered_correct']:>8.3f} "
                f"{figures['answered_wrong']:>7.3f} {figures['unanswerable_answered']:>7.3f} "
                f"{figures['hard_negatives_answered']:>9}"
            )


if __name__ == "__main__":
    main()
