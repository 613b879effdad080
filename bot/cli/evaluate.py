"""`eval`: measure answer quality against gold sets, overall and per category."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bot.cli.common import open_service
from bot.evaluation import CHOOSE, REPORT, TUNE, Report, evaluate, read_gold

DEFAULT_GOLD = Path("tests/gold/questions.csv")


def register(commands: Any) -> None:
    parser = commands.add_parser("eval", help="measure answer quality against gold sets")
    parser.add_argument(
        "--set",
        dest="sets",
        type=Path,
        action="append",
        metavar="FILE",
        help=f"gold CSV (question,expected,category[,about][,part]); repeatable (default {DEFAULT_GOLD})",
    )
    parser.add_argument("--gold", dest="sets", type=Path, action="append", help=argparse.SUPPRESS)
    parser.add_argument("--part", choices=[TUNE, REPORT, CHOOSE], help="only the questions of this part of a split set")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object per set")
    parser.add_argument("--failures", action="store_true", help="list every question answered wrongly or not")
    parser.set_defaults(handler=run)


def _print(name: str, report: Report) -> None:
    print(f"== {name}")
    for key, value in report.summary().items():
        print(f"{key:<24} {value}")
    print(f"\n{'category':<18} {'n':>4} {'R@1':>6} {'correct':>8} {'wrong':>6} {'answered':>9} {'not said':>9}")
    for category, row in report.by_category().items():
        print(
            f"{category:<18} {row['n']:>4} {row['r@1']!s:>6} {row['correct']!s:>8} {row['wrong']!s:>6} "
            f"{row['answered']!s:>9} {row['not_stated']!s:>9}"
        )


def _print_failures(report: Report) -> None:
    print()
    for o in report.failures():
        got = o.answer.entry_ids[0] if o.answer.answered else f"({o.answer.decision.value})"
        top = o.answer.hits[0] if o.answer.hits else None
        ranked = f"{top.id}@{top.score}" if top else "-"
        want = "|".join(sorted(o.gold.expected)) or "-"
        print(f"[{o.gold.category}] {o.gold.question!r}: want {want}, got {got}, top {ranked}")


def run(args: argparse.Namespace) -> int:
    sets: list[Path] = args.sets or [DEFAULT_GOLD]
    with open_service() as service:
        for path in sets:
            gold = [g for g in read_gold(path) if args.part is None or g.part == args.part]
            report = evaluate(gold, service.ask)
            name = f"{path}" + (f" ({args.part})" if args.part else "")
            if args.json:
                print(json.dumps({"set": name, **report.summary(), "categories": report.by_category()}))
            else:
                _print(name, report)
            if args.failures:
                _print_failures(report)
    return 0
