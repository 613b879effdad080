"""A fan-out stays under Telegram's flood control when it counts strictly: never more than 30 sends in any
sliding second, even when the network between the bot and Telegram spreads the sends; questions asked during
the fan-out are answered at once."""

from __future__ import annotations

import asyncio
import random
import time
from itertools import pairwise
from pathlib import Path

import pytest
from telegram import Bot
from telegram.error import RetryAfter

from bot.service import FoiService
from bot.telegram.ratelimit import ALERT_CEILING, ALERT_SPACING, MAX_SENDS, SendLog
from tests.e2e.botctl import start_bot, stop_bot
from tests.e2e.fake_bot_api import Call, FakeBotApi, busiest_second
from tests.test_alerts import entry

CHATS = range(1, 101)
ASKER = 4242
LATENCY = 0.05  # the most a send may take to reach Telegram's counter; each chat's own delay is fixed


def is_alert(call: Call) -> bool:
    return "🔔" in str(call.params.get("text", ""))


async def test_a_fan_out_never_crowds_a_second(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> None:
    fake_api.enforce_flood_limits(strict=True)
    judged: list[float] = []  # when the fake's limiter counted each send (the fake records it right after)
    fake_api.on_call = lambda call: judged.append(time.monotonic()) if call.method == "sendMessage" else None
    latency = random.Random(11)
    for chat in CHATS:
        fake_api.inject("sendMessage", chat_id=chat, delay=latency.uniform(0.001, LATENCY), times=None)
    app = await start_bot(fake_api, tmp_path, kb_dir, alert_interval=0.1)
    try:
        service: FoiService = app.bot_data.service
        for chat in CHATS:
            service.alerts.subscribe(chat, "", daily=False, by=chat)
        service.add_entries([entry("neu-im-takt")], origin="cli", actor="test")
        await fake_api.wait_for("sendMessage", is_alert, count=40, timeout=30)
        asked = time.monotonic()
        await fake_api.deliver(fake_api.private_message("Hat Bochum externe Berater bezahlt?", user_id=ASKER))
        await fake_api.wait_for("sendMessage", lambda c: c.params["chat_id"] == ASKER, timeout=5)
        answered = time.monotonic() - asked
        alerts_before_answer = len([c for c in fake_api.calls("sendMessage") if is_alert(c)])
        await fake_api.wait_for("sendMessage", lambda c: is_alert(c) and c.status == 200, count=len(CHATS), timeout=30)
    finally:
        await stop_bot(app)
    assert fake_api.flood_429s == 0
    assert busiest_second(judged) <= MAX_SENDS
    assert len([c for c in fake_api.calls("sendMessage") if is_alert(c)]) == len(CHATS)
    # The reply went out while the fan-out still had most of its chats to go: it did not wait behind them.
    assert alerts_before_answer < len(CHATS) - 30
    assert answered < 1.5


async def test_alerts_are_spaced_and_do_not_catch_up_after_a_stall() -> None:
    sends = SendLog()
    released: list[float] = []
    for _ in range(4):
        await sends.room_for_alert()
        released.append(time.monotonic())
    time.sleep(0.3)  # the event loop held up, as by a long synchronous call
    for _ in range(4):
        await sends.room_for_alert()
        released.append(time.monotonic())
    gaps = [later - earlier for earlier, later in pairwise(released)]
    assert min(gaps) >= ALERT_SPACING * 0.99


async def test_alerts_leave_room_for_replies_and_no_second_takes_more_than_max_sends() -> None:
    sends = SendLog()
    for _ in range(ALERT_CEILING):
        sends.note()
    alert = asyncio.create_task(sends.room_for_alert())
    await asyncio.wait_for(sends.room_for_send(), timeout=0.1)  # a reply goes at once
    await asyncio.sleep(0.1)
    assert not alert.done(), "the alert waits for the sends of the last second to thin out"
    for _ in range(MAX_SENDS - ALERT_CEILING - 1):
        sends.note()
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(sends.room_for_send(), timeout=0.2)
    await asyncio.wait_for(alert, timeout=2)


async def test_the_strict_limiter_counts_refused_attempts_too(fake_api: FakeBotApi, bot: Bot) -> None:
    fake_api.enforce_flood_limits(per_second=2, per_group_per_minute=None, per_chat_per_second=None, strict=True)
    await bot.send_message(1, "a")
    await bot.send_message(2, "b")
    await asyncio.sleep(0.5)
    for chat in (3, 4):
        with pytest.raises(RetryAfter):
            await bot.send_message(chat, "too early")
    await asyncio.sleep(0.6)  # "a" and "b" have left the window, the two refused attempts have not
    with pytest.raises(RetryAfter):
        await bot.send_message(5, "still too early")
    assert fake_api.flood_429s == 3
