"""How sure the best entry answers the question: a logistic model over several signals, not one score.

The coefficients and the operating point are fitted by `python -m bot calibrate` on the tuning parts of
the gold sets and written to `calibration.json` beside this module; the operating point is chosen on a part the
engine was not tuned on (see benchmarks/README.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.search.engine import Scored
from bot.understand.content import content_words, nouns
from bot.understand.question import Question

CALIBRATION = Path(__file__).with_name("calibration.json")
NOT_COUNTED = 0.5  # the `counted` signal of a question that counts nothing: neither for nor against an entry


@dataclass(frozen=True)
class Signals:
    """What speaks for the best entry; every value lies in 0..1."""

    score: float  # coverage and phrasing similarity
    covered: float  # share of the question's informative weight the entry contains
    margin: float  # lead over the next entry
    missing: float  # share of the question's content words the entry does not contain at all
    nouns: float  # 1 when one of them is a German noun (written with a capital inside the sentence)
    short: float  # 1 for a one-word question, falling with its length
    slots: float  # 1 when the question names a year, city or ranking (and the guard held)
    semantic: float  # closeness in meaning
    similar: float  # closeness in wording to the entry's nearest question or phrasing
    agree: float  # lead in meaning over the other hits (0.5: as close as the closest of them, or no others)
    # 1 when the entry's answer, in the question's language, gives a number of what a how-many question counts
    # ("157 Parameter" for "Wie viele Parameter …?"), 0 when it does not; 0.5 when nothing (or a share) is counted
    # or the number is not of the city or year asked.
    counted: float
    loose: float  # 1 when found by the question's slots alone, sharing none of its words that select entries

    @classmethod
    def names(cls) -> list[str]:
        return list(_NAMES)

    def values(self) -> list[float]:
        # Not `astuple`, which copies deeply: this runs for every assessed hit.
        return [float(getattr(self, name)) for name in _NAMES]


_NAMES = tuple(f.name for f in fields(Signals))


def signals(question: Question, top: Scored, others: Sequence[Scored], counted: float = NOT_COUNTED) -> Signals:
    """The signals of the best entry `top` against the other hits, best first; `counted`: whether its answer
    counts what the question counts (the `counted` signal, which needs the entry's text)."""
    informative = [t for t in question.terms if t.slot is None]
    words = max(len(informative), 1)
    missing = content_words(top.missing)
    # A missing phrase ("Stabsstelle Digitalisierung") is a missing noun when one of its words is one.
    question_nouns = nouns(question.text)
    missing_nouns = [w for phrase in missing for w in phrase.split() if w in question_nouns]
    runner_up = others[0] if others else None
    # Alone, an entry leads nobody in meaning: neutral, not a lead over nothing.
    closest = max((o.semantic for o in others), default=top.semantic)
    return Signals(
        score=top.score / 100.0,
        covered=min(top.covered, 1.0),
        margin=max(top.score - (runner_up.score if runner_up else 0.0), 0.0) / 100.0,
        missing=min(len(missing) / words, 1.0),
        nouns=1.0 if missing_nouns else 0.0,
        short=1.0 / words,
        slots=1.0 if question.has_slots else 0.0,
        semantic=top.semantic,
        similar=top.similar,
        agree=min(max(0.5 + top.semantic - closest, 0.0), 1.0),
        counted=counted,
        loose=1.0 if top.slots_only else 0.0,
    )


def of_the_subject(found: Signals) -> Signals:
    """The signals as if the question counted nothing: how sure the entry is about the question's subject, which an
    entry counting other things than asked still is (its reply then says the number is not in the source)."""
    return replace(found, counted=NOT_COUNTED)


def of_the_rest(found: Signals) -> Signals:
    """The signals as if the question asked nothing the entry lacks: how sure the entry is about the rest of the
    question. An entry that lacks only the detail asked ("Wie viele Seiten hat der Vermerk?") is sure about the
    rest, and its reply says that the detail is not in the source; one that is about something else is not."""
    return replace(found, counted=NOT_COUNTED, missing=0.0, nouns=0.0)


class Calibration(BaseModel):
    """A fitted logistic model: answer when the probability reaches `threshold`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    features: list[str]
    weights: list[float]
    bias: float
    threshold: float
    suggest: float  # below `threshold` but at least this: offer the entry as a suggestion

    def probability(self, found: Signals) -> float:
        if self.features != Signals.names():
            raise ValueError(f"calibration was fitted for {self.features}, not {Signals.names()}")
        z = self.bias + sum(w * x for w, x in zip(self.weights, found.values(), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls, path: Path = CALIBRATION) -> Calibration:
        return cls.model_validate(json.loads(path.read_text(encoding="utf-8")))

    def save(self, path: Path = CALIBRATION) -> None:
        path.write_text(json.dumps(self.model_dump(), indent=2) + "\n", encoding="utf-8")
