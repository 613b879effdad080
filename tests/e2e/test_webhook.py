"""Webhook mode on a clean install: `python -m bot run` with WEBHOOK_URL and WEBHOOK_SECRET registers the webhook
with its secret, refuses posts without the right secret and answers the ones with it."""

from __future__ import annotations

import asyncio
import signal
import socket
import sys
from pathlib import Path

import httpx

from tests.conftest import REPO
from tests.e2e.botctl import process_env
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.waiting import until

SECRET = "webhook-secret_123"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_checks_the_secret_and_answers(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> None:
    port = free_port()
    env = process_env(
        fake_api.base_url,
        tmp_path / "hook.db",
        kb_dir,
        WEBHOOK_URL="https://bot.example.org/telegram-hook",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    bot = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=REPO, env=env, stderr=asyncio.subprocess.PIPE
    )
    try:
        [registered] = await fake_api.wait_for("setWebhook", timeout=60)
        assert registered.params["url"] == "https://bot.example.org/telegram-hook"
        assert registered.params["secret_token"] == SECRET
        update = {"update_id": 1, **fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=77)}
        url = f"http://127.0.0.1:{port}/telegram-hook"
        async with httpx.AsyncClient(timeout=10) as client:

            async def post(headers: dict[str, str]) -> int:
                return (await client.post(url, json=update, headers=headers)).status_code

            await until(lambda: _listening(port), "the webhook server to listen", timeout=30)
            assert await post({}) == 403
            assert await post({HEADER: "wrong"}) == 403
            assert fake_api.calls("sendMessage") == []
            assert await post({HEADER: SECRET}) == 200
        [reply] = await fake_api.wait_for("sendMessage", lambda c: c.params.get("chat_id") == 77, timeout=30)
        assert "Platz 7" in reply.params["text"]
        assert fake_api.calls("getUpdates") == []
    finally:
        bot.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(bot.communicate(), timeout=30)
    assert bot.returncode == 0, stderr.decode()[-2000:]
    assert SECRET not in stderr.decode()


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
