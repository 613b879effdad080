"""`run`: start the Telegram bot; without a token, explain how to get one and open the terminal chat."""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from typing import Any

from bot.cli import chat
from bot.cli.common import CliError, database_errors, load_settings, open_service
from bot.instance import AlreadyRunning, single_instance
from bot.logs import configure_logging

# How long a write of the bot waits for the command line to finish its own (blocking every chat meanwhile).
# Then feedback and unanswered questions are kept and written a few seconds later, alert deliveries try
# again in the next run, and anything else gets the person an apology and changes nothing.
BOT_BUSY_TIMEOUT = 0.25

NO_TOKEN = """No Telegram token is configured, so the bot cannot connect to Telegram yet.

To get one: open Telegram, talk to @BotFather, send /newbot and follow the steps. Then put the token
into a file named .env in this folder (see .env.example):

    TELEGRAM_BOT_TOKEN=123456789:AA...your-token...

and run `make run` again. Meanwhile, here is the same engine in your terminal:
"""


def register(commands: Any) -> None:
    parser = commands.add_parser("run", help="start the Telegram bot (polling, or a webhook if WEBHOOK_URL is set)")
    parser.set_defaults(handler=run)


def run(_args: argparse.Namespace) -> int:
    settings = load_settings()
    if settings.telegram_bot_token is None:
        print(NO_TOKEN)
        return chat.run(argparse.Namespace(lang=None))
    configure_logging(settings.log_level)
    from bot.telegram.app import StartupProblem, run_bot

    try:
        with ExitStack() as held:
            with database_errors(settings):
                held.enter_context(single_instance(settings.database_path))
            # The quick integrity check: a damaged file is found now, not in the middle of a chat.
            service = open_service(settings, busy_timeout=BOT_BUSY_TIMEOUT, check=False)
            return run_bot(settings, service)
    except (StartupProblem, AlreadyRunning) as problem:
        raise CliError(str(problem), code=2) from problem
