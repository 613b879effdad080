"""Quality of the answers against a gold set: Recall@1, MRR@5, answered right/wrong, false answers, per category."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.models import Answer, Decision

HARD_NEGATIVE = "hard_negative"
# Unanswerable questions about a detail the source leaves out: the reply should say so ("the source does not say").
ABSENT_DETAIL = "absent_detail"
# The parts of a split set: tuned on, only reported, or choosing the confidence's operating point.
TUNE, REPORT, CHOOSE = "tune", "report", "choose"


@dataclass(frozen=True)
class GoldQuestion:
    question: str
    expected: frozenset[str]
    category: str
    about: frozenset[str] = frozenset()
    part: str = ""

    @property
    def answerable(self) -> bool:
        return bool(self.expected)


@dataclass(frozen=True)
class GradedAnswer:
    """The bot's answer to a gold question, judged against what the gold set expects."""

    gold: GoldQuestion
    answer: Answer

    @property
    def ranked(self) -> list[str]:
        return [h.id for h in self.answer.hits]

    @property
    def found_first(self) -> bool:
        """The best hit is an expected entry, whether or not the bot answered with it."""
        return bool(self.ranked) and self.ranked[0] in self.gold.expected

    @property
    def correct(self) -> bool:
        return self.answer.answered and bool(self.answer.entry_ids) and self.answer.entry_ids[0] in self.gold.expected

    @property
    def wrong(self) -> bool:
        return self.answer.answered and not self.correct

    @property
    def not_stated(self) -> bool:
        """A "the source does not say" reply (which never counts as an answer)."""
        return self.answer.decision is Decision.NOT_STATED


def _share(flags: Iterable[bool]) -> float:
    items = list(flags)
    return sum(items) / len(items) if items else 0.0


@dataclass
class Report:
    answers: list[GradedAnswer] = field(default_factory=list)

    def _answerable(self) -> list[GradedAnswer]:
        return [o for o in self.answers if o.gold.answerable]

    def _unanswerable(self) -> list[GradedAnswer]:
        return [o for o in self.answers if not o.gold.answerable]

    @property
    def recall_at_1(self) -> float:
        return _share(o.found_first for o in self._answerable())

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
        return _share(o.correct for o in self._answerable())

    @property
    def answered_wrong(self) -> float:
        return _share(o.wrong for o in self._answerable())

    @property
    def unanswerable_answered(self) -> float:
        return _share(o.answer.answered for o in self._unanswerable())

    @property
    def hard_negatives_answered(self) -> int:
        return sum(o.answer.answered for o in self._unanswerable() if o.gold.category == HARD_NEGATIVE)

    @property
    def absent_said(self) -> float:
        """Share of absent-detail questions whose reply says that the source does not state it."""
        return _share(o.not_stated for o in self.answers if o.gold.category == ABSENT_DETAIL)

    @property
    def answerable_denied(self) -> float:
        """Share of answerable questions whose reply says that the source does not state it: a false denial."""
        return _share(o.not_stated for o in self._answerable())

    def failures(self) -> list[GradedAnswer]:
        return [
            o
            for o in self.answers
            if (o.gold.answerable and not o.correct) or (not o.gold.answerable and o.answer.answered)
        ]

    def summary(self) -> dict[str, float | int]:
        return {
            "questions": len(self.answers),
            "answerable": len(self._answerable()),
            "unanswerable": len(self._unanswerable()),
            "recall_at_1": round(self.recall_at_1, 4),
            "mrr_at_5": round(self.mrr_at_5, 4),
            "answered_correct": round(self.answered_correct, 4),
            "answered_wrong": round(self.answered_wrong, 4),
            "unanswerable_answered": round(self.unanswerable_answered, 4),
            "hard_negatives_answered": self.hard_negatives_answered,
            "absent_detail_said": round(self.absent_said, 4),
            "answerable_denied": round(self.answerable_denied, 4),
        }

    def by_category(self) -> dict[str, dict[str, float | int | str]]:
        """Per category: its size and, for answerable ones, the share answered correctly and wrongly; for
        unanswerable ones, the share answered and the share told that the source does not say it."""
        out: dict[str, dict[str, float | int | str]] = {}
        for category in sorted({o.gold.category for o in self.answers}):
            items = [o for o in self.answers if o.gold.category == category]
            answerable = [o for o in items if o.gold.answerable]
            unanswerable = [o for o in items if not o.gold.answerable]
            out[category] = {
                "n": len(items),
                "r@1": round(_share(o.found_first for o in answerable), 3) if answerable else "",
                "correct": round(_share(o.correct for o in answerable), 3) if answerable else "",
                "wrong": round(_share(o.wrong for o in answerable), 3) if answerable else "",
                "answered": round(_share(o.answer.answered for o in unanswerable), 3) if unanswerable else "",
                "not_stated": round(_share(o.not_stated for o in items), 3),
            }
        return out


def read_gold(path: Path) -> list[GoldQuestion]:
    """CSV `question,expected,category[,about][,part]`; `expected` and `about` list entry ids joined by `|`
    (`expected` empty if unanswerable); `part` is `tune`, `report` or `choose` where a set is split."""

    def ids(value: str | None) -> frozenset[str]:
        return frozenset(i for i in (value or "").split("|") if i)

    with path.open(encoding="utf-8", newline="") as handle:
        return [
            GoldQuestion(
                question=row["question"],
                expected=ids(row.get("expected")),
                category=row.get("category") or "",
                about=ids(row.get("about")),
                part=row.get("part") or "",
            )
            for row in csv.DictReader(handle)
        ]


def evaluate(gold: Iterable[GoldQuestion], ask: Callable[[str], Answer]) -> Report:
    return Report([GradedAnswer(g, ask(g.question)) for g in gold])
