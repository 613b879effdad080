"""`ask`: answer one question, or one per line of standard input, as text or JSON."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Any

from bot.cli.common import open_service
from bot.cli.render import to_text
from bot.models import Answer


def register(commands: Any) -> None:
    parser = commands.add_parser("ask", help="answer a question", description="Answer a question with sources.")
    parser.add_argument("question", help='the question, or "-" to read one question per line from stdin')
    parser.add_argument("--json", action="store_true", help="print one JSON object per question")
    parser.add_argument("--lang", choices=["de", "en"], help="reply language (default: detected, German otherwise)")
    parser.set_defaults(handler=run)


def as_json(answer: Answer) -> dict[str, Any]:
    return {
        "question": answer.question,
        "answered": answer.answered,
        "reply": to_text(answer),
        "hits": [hit.model_dump() for hit in answer.hits],
    }


def run(args: argparse.Namespace) -> int:
    with open_service() as service:
        if args.question == "-" and isinstance(sys.stdin, io.TextIOWrapper):
            # Bytes that are not UTF-8 become U+FFFD: one answer per input line, and valid UTF-8 out.
            sys.stdin.reconfigure(encoding="utf-8", errors="replace")
        questions = (line.rstrip("\n") for line in sys.stdin) if args.question == "-" else [args.question]
        for question in questions:
            answer = service.ask(question, args.lang)
            if args.json:
                print(json.dumps(as_json(answer), ensure_ascii=False), flush=True)
            else:
                print(to_text(answer), end="\n\n" if args.question == "-" else "\n", flush=True)
    return 0
