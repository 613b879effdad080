"""`eval`: measure answer quality against the gold set."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.answer import Thresholds
from bot.cli.common import open_service
from bot.evaluation import GoldQuestion, evaluate, read_gold
from bot.service import FoiService

DEFAULT_THRESHOLDS = Thresholds()

DEFAULT_GOLD = Path("tests/gold/questions.csv")


def register(commands: Any) -> None:
    parser = commands.add_parser("eval", help="measure answer quality against the gold set")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold CSV (default {DEFAULT_GOLD})")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--failures", action="store_true", help="list every question answered wrongly or not")
    parser.add_argument(
        "--sweep", action="store_true", help="print the figures for a range of answer thresholds (calibration)"
    )
    parser.set_defaults(handler=run)


def sweep(service: FoiService, gold: list[GoldQuestion]) -> None:
    """Figures per answer threshold, on all questions and on each half (odd/even rows) separately."""
    halves = {"all": gold, "odd": gold[1::2], "even": gold[::2]}
    print(f"{'threshold':>9} {'set':>5} {'correct':>8} {'wrong':>6} {'unans.':>7} {'hard-neg':>8}")
    for threshold in range(40, 82, 2):
        service.answerer.thresholds = replace(DEFAULT_THRESHOLDS, answer=float(threshold))
        for name, questions in halves.items():
            r = evaluate(questions, service.ask)
            print(
                f"{threshold:>9} {name:>5} {r.answered_correct:>8.3f} {r.answered_wrong:>6.3f} "
                f"{r.unanswerable_answered:>7.3f} {r.hard_negatives_answered:>8}"
            )


def run(args: argparse.Namespace) -> int:
    service = open_service()
    gold = read_gold(args.gold)
    try:
        if args.sweep:
            sweep(service, gold)
            return 0
        report = evaluate(gold, service.ask)
    finally:
        service.close()
    summary = report.summary()
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:<24} {value}")
    if args.failures:
        for o in report.failures():
            got = o.answer.entry_ids[0] if o.answer.answered else f"({o.answer.decision.value})"
            top = o.answer.hits[0] if o.answer.hits else None
            ranked = f"{top.id}@{top.score}" if top else "-"
            want = "|".join(sorted(o.gold.expected)) or "-"
            print(f"[{o.gold.category}] {o.gold.question!r}: want {want}, got {got}, top {ranked}")
    return 0
