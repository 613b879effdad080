"""`chat`: talk to the engine in the terminal, as a Telegram user would in a private chat."""

from __future__ import annotations

import argparse
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


def run(args: argparse.Namespace) -> int:
    service = open_service()
    print(GREETING)
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
        service.close()
