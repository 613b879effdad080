"""One bot per database: a second `python -m bot run` on the same DATABASE_PATH stops at once with one line
naming the first; the command line keeps working beside it; after a kill -9 the next start is not blocked."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO
from tests.e2e.botctl import process_env
from tests.e2e.fake_bot_api import FakeBotApi


async def test_a_second_bot_on_the_same_database_refuses_to_start(
    fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path
) -> None:
    env = process_env(fake_api.base_url, tmp_path / "one.db", kb_dir)
    first = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=REPO, env=env, stderr=asyncio.subprocess.DEVNULL
    )
    try:
        await fake_api.wait_for("getUpdates", timeout=60)
        second = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "bot", "run"], cwd=REPO, env=env, capture_output=True, text=True
        )
        assert second.returncode == 2
        assert "Traceback" not in second.stderr
        [line] = second.stderr.strip().splitlines()
        assert line.startswith(f"error: DATABASE_PATH {tmp_path / 'one.db'}: a bot already runs on this database")
        assert f"process {first.pid} " in line
        listing = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "bot", "kb", "list"], cwd=REPO, env=env, capture_output=True
        )
        assert listing.returncode == 0, "the command line works beside the bot"
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    restarted = time.monotonic()
    again = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=REPO, env=env, stderr=asyncio.subprocess.DEVNULL
    )
    try:
        # Not the killed bot's last poll, which the fake records when its connection drops.
        await fake_api.wait_for("getUpdates", lambda c: c.at > restarted and c.status == 200, timeout=60)
        assert again.returncode is None, "a killed bot leaves no lock behind"
    finally:
        again.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(again.wait(), timeout=30) == 0
