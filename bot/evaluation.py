"""Quality of the answers against a gold set: Recall@1, MRR@5, answered right/wrong, false answers."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.models import Answer

HARD_NEGATIVE = "hard_negative"


@dataclass(frozen=True)
class GoldQuestion:
    question: str
    expected: frozenset[str]
    category: str

    @property
    def answerable(self) -> bool:
        return bool(self.expected)


@dataclass(frozen=True)
class Outcome:
    gold: GoldQuestion
    answer: Answer

    @property
    def ranked(self) -> list[str]:
        return [h.id for h in self.answer.hits]

    @property
    def correct(self) -> bool:
        return self.answer.answered and bool(self.answer.entry_ids) and self.answer.entry_ids[0] in self.gold.expected

    @property
    def wrong(self) -> bool:
        return self.answer.answered and not self.correct


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.gold.answerable]

    def _unanswerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.gold.answerable]

    @property
    def recall_at_1(self) -> float:
        items = self._answerable()
        return sum(bool(o.ranked) and o.ranked[0] in o.gold.expected for o in items) / max(len(items), 1)

    @property
    def mrr_at_5(self) -> float:
        items = self._answerable()
        total = 0.0
        for o in items:
            rank = next((i for i, hit in enumerate(o.ranked[:5], 1) if hit in o.gold.expected), None)
            total += 1 / rank if rank else 0.0
        return total / max(len(items), 1)

    @property
    def answered_correct(self) -> float:
        items = self._answerable()
        return sum(o.correct for o in items) / max(len(items), 1)

    @property
    def answered_wrong(self) -> float:
        items = self._answerable()
        return sum(o.wrong for o in items) / max(len(items), 1)

    @property
    def unanswerable_answered(self) -> float:
        items = self._unanswerable()
        return sum(o.answer.answered for o in items) / max(len(items), 1)

    @property
    def hard_negatives_answered(self) -> int:
        return sum(o.answer.answered for o in self._unanswerable() if o.gold.category == HARD_NEGATIVE)

    def failures(self) -> list[Outcome]:
        return [
            o
            for o in self.outcomes
            if (o.gold.answerable and not o.correct) or (not o.gold.answerable and o.answer.answered)
        ]

    def summary(self) -> dict[str, float | int]:
        return {
            "questions": len(self.outcomes),
            "answerable": len(self._answerable()),
            "unanswerable": len(self._unanswerable()),
            "recall_at_1": round(self.recall_at_1, 4),
            "mrr_at_5": round(self.mrr_at_5, 4),
            "answered_correct": round(self.answered_correct, 4),
            "answered_wrong": round(self.answered_wrong, 4),
            "unanswerable_answered": round(self.unanswerable_answered, 4),
            "hard_negatives_answered": self.hard_negatives_answered,
        }


def read_gold(path: Path) -> list[GoldQuestion]:
    """CSV `question,expected,category`; `expected` lists entry ids joined by `|`, empty if unanswerable."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            GoldQuestion(
                question=row["question"],
                expected=frozenset(i for i in (row.get("expected") or "").split("|") if i),
                category=row.get("category") or "",
            )
            for row in csv.DictReader(handle)
        ]


def evaluate(gold: Iterable[GoldQuestion], ask: Callable[[str], Answer]) -> Report:
    return Report([Outcome(g, ask(g.question)) for g in gold])
