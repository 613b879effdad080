"""At LOG_LEVEL=DEBUG the log tells what happened (update ids, lengths, timings), not what people wrote or who
they are: `kb forget-user` and the retention of unanswered questions cannot reach a log file."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.e2e.botctl import process_env
from tests.e2e.fake_bot_api import FakeBotApi

QUESTION = "Hat Bochum Xylophonberater bezahlt"
NAME = "Zebulonia"


async def test_debug_logs_carry_no_message_text_and_no_names(
    fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path
) -> None:
    env = process_env(fake_api.base_url, tmp_path / "logs.db", kb_dir, LOG_LEVEL="DEBUG")
    bot = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=REPO, env=env, stderr=asyncio.subprocess.PIPE
    )
    try:
        await fake_api.wait_for("getUpdates", timeout=60)
        update = fake_api.private_message(QUESTION, user_id=4711)
        update["message"]["from"]["first_name"] = NAME
        update["message"]["chat"]["first_name"] = NAME
        await fake_api.deliver(update)
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 4711, timeout=30)
    finally:
        bot.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(bot.communicate(), timeout=30)
    log = stderr.decode("utf-8", "replace")
    assert " DEBUG bot.telegram.handlers.ask: message " in log, "the bot's own debug records are there"
    assert "Xylophon" not in log
    assert NAME not in log
