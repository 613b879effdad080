"""`chat`: talk to the engine in the terminal, as a Telegram user would in a private chat."""

from __future__ import annotations

import argparse
import readline  # input() gets line editing and a history (arrow keys), as in any shell
import sys
from pathlib import Path
from typing import Any

from bot.cli.common import open_service
from bot.cli.render import to_text

GREETING = (
    "Fragen Sie zu Informationsfreiheits-Anfragen und Digitalisierungs-Rankings, z. B. "
    "„Welchen Platz hatte Bochum 2021?“ oder „Hat Bochum externe Berater bezahlt?“. Ende mit Strg-D."
)


def register(commands: Any) -> None:
    parser = commands.add_parser("chat", help="chat with the engine in the terminal")
    parser.add_argument("--lang", choices=["de", "en"], help="reply language (default: detected)")
    parser.set_defaults(handler=run)


HISTORY = Path.home() / ".foi_bot_history"
HISTORY_LINES = 1000


def _history(load: bool) -> None:
    """Earlier questions under the arrow keys, kept between sessions (only when a person types)."""
    if not sys.stdin.isatty():
        return
    try:
        if load:
            readline.set_history_length(HISTORY_LINES)
            readline.read_history_file(HISTORY)
        else:
            readline.write_history_file(HISTORY)
    except OSError:
        pass  # no history yet, or a home folder we may not write: the chat works without


def run(args: argparse.Namespace) -> int:
    with open_service() as service:
        print(GREETING)
        _history(load=True)
        try:
            while True:
                try:
                    question = input("\nFrage> ")
                except EOFError:
                    print()
                    return 0
                if question.strip() in {"/quit", "/exit"}:
                    return 0
                print(to_text(service.ask(question, args.lang)))
        finally:
            _history(load=False)
