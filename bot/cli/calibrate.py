"""`calibrate`: fit the confidence model on the tuning parts of the gold sets, then choose its operating point
on a part the engine was not tuned on, and write `bot/search/calibration.json`.

Needs the development extras (scikit-learn): `pip install -e '.[dev]'`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.answer import Assessment, with_second_try
from bot.cli.common import CliError, open_service
from bot.evaluation import CHOOSE, REPORT, TUNE, GoldQuestion, GradedAnswer, Report, read_gold
from bot.models import Answer
from bot.search.confidence import CALIBRATION, Calibration, Signals, of_the_rest, of_the_subject
from bot.service import FoiService
from bot.understand.question import Question

FIT_ON = [(Path("tests/gold/questions.csv"), TUNE), (Path("tests/gold/dev.csv"), TUNE)]
CHOOSE_ON = [
    (Path("tests/gold/dev.csv"), REPORT),
    (Path("tests/gold/calib.csv"), REPORT),
    (Path("tests/gold/fresh.csv"), CHOOSE),
]
MAX_UNANSWERABLE = 0.03  # of unanswerable questions answered, at most
SUGGEST = 0.15  # below the threshold, from here on the best entry is offered ("Meinten Sie …?")

Read = tuple[Question, Assessment]
# A gold question read as typed, and with its slips of the finger corrected where it has any: the bot answers the
# latter where the former is unsure (`with_second_try`), so the operating point is chosen on both.
Sample = tuple[GoldQuestion, Question, Assessment, Read | None]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "calibrate",
        help="fit the answer confidence on the gold sets' tuning parts",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--dry-run", action="store_true", help="print the fit, do not write it")
    parser.set_defaults(handler=run)


def _samples(service: FoiService, parts: list[tuple[Path, str]], *, fitting: bool = False) -> list[Sample]:
    """The gold questions of `parts`, read and assessed. For `fitting`, the best hit as the search ranked it (which
    runner-up answers instead is the fitted model's choice) and no second read: the fit uses the first alone."""
    answerer = service.answerer
    out: list[Sample] = []
    for path, part in parts:
        for gold in read_gold(path):
            if gold.part != part:
                continue
            question = answerer.understander.understand(gold.question)
            other = None if fitting else answerer.understander.reread(question)
            second = None if other is None else (other, answerer.assess(other))
            out.append((gold, question, answerer.assess(question, runners_up=not fitting), second))
    return out


def _fit(samples: list[Sample]) -> tuple[list[float], float, int]:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise CliError("calibrate needs scikit-learn: pip install -e '.[dev]'") from None
    rows = [
        (found.signals.values(), int(found.entry is not None and found.fits and found.entry.id in gold.expected))
        for gold, _, found, _ in samples
        if found.signals is not None
    ]
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit([x for x, _ in rows], [y for _, y in rows])
    return [float(w) for w in model.coef_[0]], float(model.intercept_[0]), len(rows)


def _report(service: FoiService, samples: list[Sample], calibration: Calibration, threshold: float) -> Report:
    def composed(question: Question, assessed: Assessment) -> tuple[Answer, float]:
        found = assessed
        if assessed.signals is not None:
            found = replace(
                assessed,
                confidence=calibration.probability(assessed.signals),
                subject=calibration.probability(of_the_subject(assessed.signals)),
                rest=calibration.probability(of_the_rest(assessed.signals)),
            )
        return service.answerer.compose(question, found, threshold), found.confidence

    def again(second: Read | None) -> Callable[[], Answer | None]:
        return lambda: None if second is None else composed(*second)[0]

    graded = []
    for gold, question, assessed, second in samples:
        answer, confidence = composed(question, assessed)
        graded.append(GradedAnswer(gold, with_second_try(answer, confidence, threshold, again(second))))
    return Report(graded)


def _choose(service: FoiService, samples: list[Sample], calibration: Calibration) -> tuple[float, Report]:
    """The threshold that answers most questions correctly (less the wrong ones) while answering at most
    MAX_UNANSWERABLE of the unanswerable questions and no hard negative; among equals, the one that answers
    fewest unanswerable questions (a lower threshold that only adds those is no better), then the highest: equal
    here, a lower one answers more questions elsewhere, right and unanswerable alike, and an answer the source
    does not support costs more than an answer not given."""
    best: tuple[tuple[float, float, float], float, Report] | None = None
    for step in range(5, 100):
        threshold = step / 100
        report = _report(service, samples, calibration, threshold)
        # A hard negative answered states a figure for another year, city or ranking: never acceptable.
        if report.unanswerable_answered > MAX_UNANSWERABLE or report.hard_negatives_answered:
            continue
        key = (report.answered_correct - report.answered_wrong, -report.unanswerable_answered, threshold)
        if best is None or key > best[0]:
            best = (key, threshold, report)
    if best is None:
        return 0.99, _report(service, samples, calibration, 0.99)
    return best[1], best[2]


def run(args: argparse.Namespace) -> int:
    with open_service() as service:
        fitted = _samples(service, FIT_ON, fitting=True)
        weights, bias, used = _fit(fitted)
        calibration = Calibration(features=Signals.names(), weights=weights, bias=bias, threshold=0.5, suggest=SUGGEST)
        chosen = _samples(service, CHOOSE_ON)
        threshold, report = _choose(service, chosen, calibration)
        calibration = calibration.model_copy(update={"threshold": threshold})
        print(f"fitted on {used} questions of {', '.join(f'{p} ({part})' for p, part in FIT_ON)}")
        for name, weight in zip(Signals.names(), weights, strict=True):
            print(f"  {name:<8} {weight:+.3f}")
        print(f"  bias     {bias:+.3f}")
        print(f"threshold {threshold:.2f}, chosen on {', '.join(f'{p} ({part})' for p, part in CHOOSE_ON)}:")
        for key, value in report.summary().items():
            print(f"  {key:<24} {value}")
        if not args.dry_run:
            calibration.save(CALIBRATION)
            print(f"written to {CALIBRATION}")
    return 0
