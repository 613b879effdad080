"""`eval`: measure answer quality against the gold set."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bot.cli.common import open_service
from bot.evaluation import evaluate, read_gold

DEFAULT_GOLD = Path("tests/gold/questions.csv")


def register(commands: Any) -> None:
    parser = commands.add_parser("eval", help="measure answer quality against the gold set")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold CSV (default {DEFAULT_GOLD})")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--failures", action="store_true", help="list every question answered wrongly or not")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    service = open_service()
    try:
        report = evaluate(read_gold(args.gold), service.ask)
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
