"""One alert fanned out to many subscribed chats by the real bot process, through a fake Bot API that
enforces Telegram's flood limits (30 messages/s overall, 1/s per chat, 20/min per group).

Prints messages per second (sustained, first to last delivery), the 429s the fake answered, the most sends
its limiter saw within any one second (a closed window, 429s included), and lost and duplicate alerts.

`--strict`: the fake counts every send attempt in a sliding one-second window and answers the 31st with 429.
`--jitter S`: each chat's sends reach the fake's limiter after a delay drawn from 0–S seconds (fixed seed),
as the network between the bot and Telegram spreads them; on loopback they arrive in the order and at the
pace the bot sent them, which hides bunched sends.

    python benchmarks/bench_alerts.py [--chats 10000] [--strict] [--jitter 0.05]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.models import Entry, Tags  # noqa: E402  (needs the repo on sys.path)
from bot.service import FoiService, sync_knowledge  # noqa: E402
from bot.storage.store import Store  # noqa: E402
from tests.e2e.botctl import process_env  # noqa: E402
from tests.e2e.fake_bot_api import Call, FakeBotApi, busiest_second  # noqa: E402

TOKEN = "123456:BENCH-TOKEN"


def is_alert(call: Call) -> bool:
    return "🔔" in str(call.params.get("text", ""))


async def main(chats: int, strict: bool, jitter: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "alerts.db"
        store = Store(database)
        sync_knowledge(store, REPO / "knowledge")
        service = FoiService(store, knowledge_dir=REPO / "knowledge")
        started = time.perf_counter()
        with store.transaction():
            for chat in range(1, chats + 1):
                service.alerts.subscribe(chat, "", daily=False, by=chat)
        print(f"{chats} subscriptions written in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        async with FakeBotApi() as api:
            api.enforce_flood_limits(strict=strict)
            # When the limiter judged each send: the fake records a call right after, delay included.
            judged: list[float] = []
            api.on_call = lambda call: judged.append(time.monotonic()) if call.method == "sendMessage" else None
            if jitter:
                latency = random.Random(11)
                for chat in range(1, chats + 1):
                    api.inject("sendMessage", chat_id=chat, delay=latency.uniform(0.001, jitter), times=None)
            env = process_env(
                api.base_url, database, REPO / "knowledge", TOKEN, ALERT_INTERVAL="0.5", LOG_LEVEL="WARNING"
            )
            bot = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", cwd=tmp, env=env)
            try:
                await api.wait_for("getUpdates", timeout=60)
                entry = Entry(
                    id="bench-alert",
                    title="Neue Antwort der Stadt Bochum",
                    questions=["Was hat Bochum geantwortet?"],
                    answer="Die Stadt Bochum hat geantwortet.",
                    source_url="https://fragdenstaat.de/a/257364/",
                    tags=Tags(cities=["Bochum"]),
                )
                enqueued = time.perf_counter()
                service.add_entries([entry], origin="cli", actor="bench")
                print(f"alert queued in {time.perf_counter() - enqueued:.2f} s", file=sys.stderr)
                deadline = time.monotonic() + chats / 10 + 120
                while time.monotonic() < deadline:
                    done = sum(1 for c in api.calls("sendMessage") if c.status == 200 and is_alert(c))
                    if done >= chats:
                        break
                    await asyncio.sleep(1.0)
                await asyncio.sleep(3.0)  # anything sent twice would show up now
            finally:
                bot.send_signal(signal.SIGTERM)
                code = await asyncio.wait_for(bot.wait(), timeout=60)
            sends = [c for c in api.calls("sendMessage") if is_alert(c)]
            ok = [c for c in sends if c.status == 200]
            counts = Counter(c.params["chat_id"] for c in ok)
            span = max(c.at for c in ok) - min(c.at for c in ok) if ok else 0.0
            lost = chats - len(counts)
            duplicates = sum(n - 1 for n in counts.values())
            limiter = "strict sliding window" if strict else "default"
            print(f"chats {chats}; limiter {limiter}; jitter {jitter} s; bot exit code on SIGTERM {code}")
            print("| chats | delivered | messages/s | 429s | max sends in 1 s | lost | duplicates | send attempts |")
            print("|---|---|---|---|---|---|---|---|")
            print(
                f"| {chats} | {len(ok)} | {len(ok) / span if span else 0:.1f} | {api.flood_429s} | "
                f"{busiest_second(judged)} | {lost} | {duplicates} | {len(sends)} |"
            )
        store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--strict", action="store_true", help="count every send in a sliding one-second window")
    parser.add_argument("--jitter", type=float, default=0.0, metavar="S", help="spread sends by up to S seconds")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.chats, arguments.strict, arguments.jitter))
