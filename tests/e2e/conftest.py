"""Fixtures for end-to-end tests that run the real PTB client against the loopback fake Bot API."""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot
from telegram.ext import Application, ApplicationBuilder, ContextTypes, ExtBot, JobQueue

from bot.telegram.state import App as FoiApp
from tests.e2e.fake_bot_api import FakeBotApi

TEST_TOKEN = "123456:TEST-TOKEN"

Context = ContextTypes.DEFAULT_TYPE
# What ApplicationBuilder().build() returns with the job-queue extra installed.
App = Application[ExtBot[None], Context, dict[Any, Any], dict[Any, Any], dict[Any, Any], JobQueue[Context]]


@pytest.fixture(autouse=True)
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opts in to PTB's timedelta durations, which silences its PTBDeprecationWarning about ints."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as api:
        yield api
    # Runs after every fixture that uses the fake has been torn down, so anything left is a leak.
    leftovers = [task for task in asyncio.all_tasks() if task is not asyncio.current_task() and not task.done()]
    assert not leftovers, f"tasks left running: {leftovers}"


@pytest.fixture
async def bot(fake_api: FakeBotApi) -> AsyncIterator[Bot]:
    """An initialised plain Bot for calling API methods directly, without polling."""
    async with Bot(TEST_TOKEN, base_url=fake_api.base_url, base_file_url=fake_api.base_file_url) as direct:
        yield direct


@pytest.fixture
async def ptb_app(fake_api: FakeBotApi) -> AsyncIterator[App]:
    """A polling PTB application pointed at the fake; tests add their handlers to it."""
    app = (
        ApplicationBuilder().token(TEST_TOKEN).base_url(fake_api.base_url).base_file_url(fake_api.base_file_url).build()
    )
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        yield app
        await app.updater.stop()
        await app.stop()


@pytest.fixture
async def foi_bot(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> AsyncIterator[FoiApp]:
    """The whole bot, polling the fake, over a copy of the fixture knowledge base."""
    from tests.e2e.botctl import start_bot, stop_bot

    app = await start_bot(fake_api, tmp_path, kb_dir)
    yield app
    await stop_bot(app)
