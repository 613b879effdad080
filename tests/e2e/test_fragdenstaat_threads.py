"""A slow FragDenStaat holds up neither other people nor the bot's shutdown: its fetches run on threads of
their own, at most FETCH_THREADS at once, and give up when the bot stops."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.telegram.fetching import FETCH_THREADS
from tests.e2e.botctl import process_env, start_bot, start_process, stop_bot
from tests.e2e.fake_bot_api import FakeBotApi, to
from tests.e2e.waiting import until
from tests.fakes.froide import BOCHUM_REQUEST_ID, FakeFroide

MAINTAINER = 777
STRANGER = 4242
DETAIL = f"/api/v1/request/{BOCHUM_REQUEST_ID}/"
# As many imports as the event loop's default executor has threads: they used to take every one of them.
IMPORTS = min(32, (os.cpu_count() or 1) + 4)


@pytest.fixture
async def froide(kb_dir: Path) -> AsyncIterator[FakeFroide]:
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()  # imported, not curated, in these tests
    async with FakeFroide() as fake:
        fake.add_bochum_request()
        yield fake


async def test_a_chart_is_drawn_while_imports_wait_for_a_slow_fragdenstaat(
    fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path, froide: FakeFroide
) -> None:
    froide.inject(DETAIL, delay=60.0)
    app = await start_bot(
        fake_api,
        tmp_path,
        kb_dir,
        maintainer_ids=[MAINTAINER],
        fragdenstaat_api_url=froide.api_url,
        questions_per_minute=100,
    )
    try:
        for _ in range(IMPORTS):
            await fake_api.deliver(fake_api.private_message(f"/import {BOCHUM_REQUEST_ID}", user_id=MAINTAINER))
        await until(lambda: len(froide.calls) >= FETCH_THREADS, "the imports to reach FragDenStaat")
        start = time.monotonic()
        await fake_api.deliver(fake_api.private_message("/chart Bochum", user_id=STRANGER))
        [photo] = await fake_api.wait_for("sendPhoto", to(STRANGER), timeout=10)
        assert photo.files["photo"].data.startswith(b"\x89PNG")
        assert time.monotonic() - start < 10
        assert len(froide.calls) == FETCH_THREADS, "the other imports wait for a thread"
    finally:
        await stop_bot(app)
    # Stopping the bot did not wait for FragDenStaat, and every import was told so.
    assert [call.params["text"] for call in fake_api.calls("sendMessage")] == IMPORTS * [
        f"Der Bot wird gerade beendet, deshalb wurde Anfrage #{BOCHUM_REQUEST_ID} nicht von FragDenStaat gelesen; "
        "bitte versuchen Sie es in einer Minute noch einmal."
    ]


def _env(api: FakeBotApi, froide: FakeFroide, database: Path, kb_dir: Path) -> dict[str, str]:
    return process_env(
        api.base_url,
        database,
        kb_dir,
        FRAGDENSTAAT_API_URL=froide.api_url,
        MAINTAINER_IDS=str(MAINTAINER),
        WATCH_INTERVAL="0.3",
        LOG_LEVEL="WARNING",
    )


async def _sigterm_while_dripping(api: FakeBotApi, froide: FakeFroide, env: dict[str, str], *, by_import: bool) -> None:
    """Starts the bot with FragDenStaat sending a byte every 0.2 s (the reply would take twenty minutes, far beyond
    the 30 s deadline of a fetch), lets the watch job or an /import begin a fetch, and stops the bot with SIGTERM."""
    before = len(froide.calls)
    froide.inject(DETAIL, drip=0.2)
    bot = await start_process(api, env)
    try:
        if by_import:
            await api.deliver(api.private_message(f"/import {BOCHUM_REQUEST_ID}", user_id=MAINTAINER))
        await until(lambda: len(froide.calls) > before, "the bot to ask FragDenStaat")
        start = time.monotonic()
        bot.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(bot.wait(), timeout=10) == 0
        assert time.monotonic() - start < 10
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()


async def test_sigterm_stops_the_bot_while_the_watch_job_waits_for_fragdenstaat(
    fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path, froide: FakeFroide, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "bot.db"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_dir))
    monkeypatch.setenv("FRAGDENSTAAT_API_URL", froide.api_url)
    assert await asyncio.to_thread(main, ["kb", "import", str(BOCHUM_REQUEST_ID)]) == 0
    assert await asyncio.to_thread(main, ["kb", "watch", str(BOCHUM_REQUEST_ID)]) == 0
    await _sigterm_while_dripping(
        fake_api, froide, _env(fake_api, froide, tmp_path / "bot.db", kb_dir), by_import=False
    )


async def test_sigterm_stops_the_bot_while_an_import_waits_for_fragdenstaat(
    fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path, froide: FakeFroide
) -> None:
    await _sigterm_while_dripping(fake_api, froide, _env(fake_api, froide, tmp_path / "bot.db", kb_dir), by_import=True)
    [reply] = fake_api.calls("sendMessage")
    assert reply.params["text"].startswith("Der Bot wird gerade beendet")
