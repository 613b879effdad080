"""Faults around the bot: a flaky Bot API while polling and sending, a locked database, SIGTERM mid-work."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.service import FoiService
from bot.storage.store import Store
from bot.telegram.state import App
from tests.conftest import REPO
from tests.e2e.botctl import process_env, start_bot, stop_bot
from tests.e2e.conftest import TEST_TOKEN
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.waiting import until

USER = 4242


@pytest.fixture
async def running(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> AsyncIterator[App]:
    app = await start_bot(fake_api, tmp_path, kb_dir)
    yield app
    await stop_bot(app)


def replies(api: FakeBotApi, user_id: int) -> list[str]:
    return [
        str(c.params["text"])
        for c in api.calls("sendMessage")
        if c.params.get("chat_id") == user_id and c.status == 200
    ]


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 500, "description": "Internal Server Error", "times": 3},
        {"status": 502, "description": "Bad Gateway", "times": 2},
        {"drop_connection": True, "times": 2},
        {"delay": 2.0, "times": 1},
    ],
)
async def test_polling_recovers_from_a_flaky_api(fake_api: FakeBotApi, running: App, fault: dict[str, object]) -> None:
    fake_api.inject("getUpdates", **fault)  # type: ignore[arg-type]
    fake_api.push_update(fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=USER))
    await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == USER and c.status == 200, timeout=20)
    assert "Platz 7" in replies(fake_api, USER)[0]


async def test_sending_survives_timeouts_and_server_errors(fake_api: FakeBotApi, running: App) -> None:
    fake_api.inject("sendMessage", status=500, description="Internal Server Error", times=1)
    await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=USER))
    await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == USER and c.status == 200)
    await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2022?", user_id=USER))
    await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == USER and c.status == 200, count=2)
    assert "Platz 8" in replies(fake_api, USER)[-1]


async def test_a_locked_database_delays_but_loses_nothing(fake_api: FakeBotApi, running: App, tmp_path: Path) -> None:
    service: FoiService = running.bot_data.service
    locked = threading.Event()
    release = threading.Event()

    def hold_the_write_lock() -> None:
        other = sqlite3.connect(tmp_path / "bot.db")
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(10)
        other.rollback()
        other.close()

    writer = threading.Thread(target=hold_the_write_lock)
    writer.start()
    locked.wait(5)
    try:
        await fake_api.deliver(fake_api.private_message("Was kostet ein Parkausweis in Bochum?", user_id=USER))
        # The reply goes out while the store is still locked; only the record of the question waits.
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == USER and c.status == 200)
        assert not service.unanswered()
    finally:
        release.set()
        writer.join()
    await until(service.unanswered, "the unanswered question to be recorded")
    assert service.unanswered()[0][0] == "Was kostet ein Parkausweis in Bochum?"


async def test_sigterm_mid_work_loses_no_question(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> None:
    env = process_env(fake_api.base_url, tmp_path / "term.db", kb_dir, QUESTIONS_PER_MINUTE="1000")
    users = range(9000, 9040)

    async def run_until_sigterm(wait_for: int) -> int:
        polls = len(fake_api.calls("getUpdates"))
        bot = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=REPO, env=env, stderr=asyncio.subprocess.DEVNULL
        )
        await fake_api.wait_for("getUpdates", count=polls + 1, timeout=30)
        await fake_api.wait_for("sendMessage", lambda c: c.status == 200, count=wait_for, timeout=30)
        bot.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(bot.wait(), timeout=30)

    for user in users:
        fake_api.push_update(fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=user))
    assert await run_until_sigterm(1) == 0
    assert await run_until_sigterm(len(users)) == 0
    answered = {c.params["chat_id"] for c in fake_api.calls("sendMessage") if c.status == 200}
    assert answered == set(users)


async def test_a_rejected_token_stops_the_bot_without_printing_it(
    fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path
) -> None:
    fake_api.inject("getMe", status=401, description="Unauthorized", times=None)
    env = process_env(fake_api.base_url, tmp_path / "token.db", kb_dir)
    bot = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=REPO,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(bot.communicate(), timeout=60)
    assert bot.returncode == 2
    assert TEST_TOKEN not in (out + err).decode()
    assert "Traceback" not in (out + err).decode()
    assert err.decode().strip().splitlines()[-1].startswith("error: TELEGRAM_BOT_TOKEN: Telegram rejected the token")


async def test_alerts_wait_out_a_locked_store_without_holding_up_questions(
    fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path
) -> None:
    from tests.test_alerts import entry

    app = await start_bot(fake_api, tmp_path, kb_dir, alert_interval=0.1)
    service: FoiService = app.bot_data.service
    try:
        service.alerts.subscribe(777, "", daily=False, by=777)
        locked, release = threading.Event(), threading.Event()

        def add_then_hold_the_write_lock() -> None:
            other = FoiService(Store(tmp_path / "bot.db"))
            other.add_entries([entry("neu-gesperrt")], origin="cli", actor="test")
            other.store.db.execute("BEGIN IMMEDIATE")
            locked.set()
            release.wait(10)
            other.store.db.rollback()
            other.close()

        holder = threading.Thread(target=add_then_hold_the_write_lock)
        holder.start()
        locked.wait(10)
        started = asyncio.get_running_loop().time()
        await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=USER))
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == USER, timeout=5)
        assert asyncio.get_running_loop().time() - started < 3, "questions are answered while alerts wait"
        release.set()
        holder.join()
        await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 777 and c.status == 200, timeout=10)
    finally:
        release.set()
        await stop_bot(app)
