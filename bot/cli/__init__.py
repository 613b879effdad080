"""Command line: `python -m bot ask|chat|eval|kb|run`; every command calls the same core as the bot."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout

from bot.cli import ask, calibrate, chat, evaluate, kb, run
from bot.cli.common import CliError
from bot.cli.terminal import SafeStream


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Answers questions about FOI requests and digitalisation rankings, citing sources.",
    )
    parser.add_argument("--debug", action="store_true", help="show the traceback behind an error")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (ask, chat, evaluate, calibrate, kb, run):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or os.environ.get("LOG_LEVEL", "").upper() == "DEBUG"
    with redirect_stdout(SafeStream(sys.stdout)), redirect_stderr(SafeStream(sys.stderr)):
        # force: a library imported on the way (wordllama) configures the root logger at INFO when imported.
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", force=True)
        return _run(args, debug=debug)


def _run(args: argparse.Namespace, *, debug: bool) -> int:
    try:
        return int(args.handler(args))
    except CliError as exc:
        if debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`kb list | head`): stop quietly, like any Unix tool, and keep Python from
        # complaining when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE
