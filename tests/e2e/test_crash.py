"""The bot process is killed (SIGKILL) in the middle of a fan-out and started again: no chat misses the
alert, and only chats whose send was in flight at the kill may get it twice."""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from pathlib import Path

from bot.alerts import Alerts
from bot.service import FoiService, sync_knowledge
from bot.storage.store import Store
from tests.e2e.botctl import process_env, start_process
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.waiting import until

CHATS = range(5000, 5150)


def delivered(api: FakeBotApi) -> Counter[int]:
    return Counter(
        c.params["chat_id"] for c in api.calls("sendMessage") if c.status == 200 and "🔔" in c.params["text"]
    )


async def test_sigkill_during_a_fan_out_loses_nothing(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> None:
    database = tmp_path / "crash.db"
    store = Store(database)
    sync_knowledge(store, kb_dir)
    service = FoiService(store, knowledge_dir=kb_dir)
    for chat in CHATS:
        service.alerts.subscribe(chat, "", daily=False, by=chat)
    env = process_env(fake_api.base_url, database, kb_dir, ALERT_INTERVAL="0.2", LOG_LEVEL="WARNING")
    bot = await start_process(fake_api, env)
    try:
        from tests.test_alerts import entry

        service.add_entries([entry("neu-im-absturz")], origin="cli", actor="test")
        await fake_api.wait_for("sendMessage", lambda c: "🔔" in c.params.get("text", ""), count=30, timeout=30)
        bot.send_signal(signal.SIGKILL)
        await bot.wait()
        before_restart = delivered(fake_api)
        in_flight = {
            row[0] for row in store.db.execute("SELECT chat_id FROM outbox WHERE state = 'sending'").fetchall()
        }
        assert 0 < len(before_restart) < len(CHATS), "the kill must hit the middle of the fan-out"
        bot = await start_process(fake_api, env)
        await fake_api.wait_for(
            "sendMessage", lambda c: c.status == 200 and "🔔" in c.params.get("text", ""), count=len(CHATS), timeout=60
        )
        # Every alert recorded as sent: nothing is left that could go out a second time.
        await until(lambda: Alerts(store, service.normalizer).stats() == {"sent": len(CHATS)}, "all alerts sent")
    finally:
        if bot.returncode is None:
            bot.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(bot.wait(), timeout=30) == 0
    counts = delivered(fake_api)
    assert set(counts) == set(CHATS), "every subscribed chat got the alert"
    twice = {chat for chat, n in counts.items() if n > 1}
    assert twice <= in_flight, f"repeated outside the in-flight window: {sorted(twice - in_flight)}"
    assert len(in_flight) <= 4
    assert Alerts(store, service.normalizer).stats() == {"sent": len(CHATS)}
    store.close()
