"""Starting and stopping the real bot Application against the loopback fake Bot API, as tests need it."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from bot.cli.run import BOT_BUSY_TIMEOUT
from bot.config import Settings
from bot.service import FoiService, sync_knowledge
from bot.storage.store import Store
from bot.telegram.app import build_application, set_command_menus
from bot.telegram.state import App
from tests.conftest import REPO
from tests.e2e.conftest import TEST_TOKEN
from tests.e2e.fake_bot_api import FakeBotApi


async def start_bot(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path, **overrides: Any) -> App:
    """The application as `python -m bot run` builds it, polling the fake (manual lifecycle, so the
    test's event loop runs it; post_init is called by hand, as run_polling would)."""
    settings = Settings(
        telegram_bot_token=SecretStr(TEST_TOKEN),
        telegram_base_url=fake_api.base_url,
        database_path=tmp_path / "bot.db",
        knowledge_dir=kb_dir,
        **overrides,
    )
    store = Store(settings.database_path, busy_timeout=BOT_BUSY_TIMEOUT)
    sync_knowledge(store, settings.knowledge_dir)
    service = FoiService(
        store, knowledge_dir=settings.knowledge_dir, fragdenstaat_api_url=settings.fragdenstaat_api_url
    )
    app = build_application(settings, service)
    await app.initialize()
    await set_command_menus(app)
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    return app


async def stop_bot(app: App) -> None:
    assert app.updater is not None
    await app.updater.stop()
    await app.stop()
    await app.shutdown()
    service: FoiService = app.bot_data.service
    service.close()


def process_env(
    base_url: str, database: Path, knowledge_dir: Path, token: str = TEST_TOKEN, **settings: str
) -> dict[str, str]:
    """The environment for `python -m bot run` as a separate process against a fake Bot API; `settings` are
    further variables, e.g. ALERT_INTERVAL="0.2"."""
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_BASE_URL": base_url,
        "DATABASE_PATH": str(database),
        "KNOWLEDGE_DIR": str(knowledge_dir),
        "PTB_TIMEDELTA": "1",
        **settings,
    }


async def start_process(api: FakeBotApi, env: dict[str, str]) -> asyncio.subprocess.Process:
    """`python -m bot run` as a process of its own (environment from `process_env`), once it polls the fake."""
    polls = len(api.calls("getUpdates"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=REPO, env=env, stderr=asyncio.subprocess.DEVNULL
    )
    await api.wait_for("getUpdates", count=polls + 1, timeout=30)
    return process
