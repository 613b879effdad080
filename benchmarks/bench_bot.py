"""Simulated Telegram users asking the real bot process through the loopback fake Bot API.

The bot runs as its own process (`python -m bot run`) with the full knowledge base, exactly as deployed;
this process hosts the fake Bot API and the users. Latency is measured from pushing an update to the fake
until the fake receives the bot's first sendMessage that replies to it.

    python benchmarks/bench_bot.py [--users 100] [--questions 5] [--think 3:7]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.e2e.fake_bot_api import Call, FakeBotApi  # noqa: E402  (needs the repo on sys.path)

TOKEN = "123456:BENCH-TOKEN"
QUESTIONS = [
    "Welchen Platz hatte Bochum 2021 im Smart City Index?",
    "Hat Bochum externe Berater für das Bitkom-Ranking bezahlt?",
    "Wie hat sich Bochum im Smart City Index entwickelt?",
    "Top 10 Smart City Index 2023",
    "Bochum oder Dortmund 2024?",
    "welchen platz hatte muenchen 2022",
    "Where did Hamburg rank in 2021?",
    "Wie viele Städte wurden 2024 im Smart City Index verglichen?",
    "Wer ist der Chief Digital Officer von Bochum?",
    "Was hat die Stadt Ulm auf die IFG-Anfrage geantwortet?",
    "Wie hat Essen 2021 abgeschnitten?",
    "Wann wurde der Smart City Index 2022 veröffentlicht?",
    "Welchen Platz hatte Leipzig 2019?",  # not in the base: the honest "I don't know" path
    "Hat Bochum 2020 einen Vermerk für den Oberbürgermeister geschrieben?",
]


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)
    missing: int = 0
    started: float = 0.0
    finished: float = 0.0

    def line(self, name: str) -> str:
        if not self.latencies:
            return f"| {name} | 0 | - | - | - | - | {self.missing} |"
        ordered = sorted(self.latencies)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        rate = len(ordered) / max(self.finished - self.started, 1e-9)
        return (
            f"| {name} | {len(ordered)} | {statistics.median(ordered) * 1000:.1f} | {p95 * 1000:.1f} | "
            f"{ordered[-1] * 1000:.1f} | {rate:.1f} | {self.missing} |"
        )


def _first_message_after(chat_id: int, pushed: float) -> Callable[[Call], bool]:
    """Each simulated user waits for its reply before asking again, so this is that reply."""
    return lambda call: call.params.get("chat_id") == chat_id and call.at >= pushed


async def ask(api: FakeBotApi, user_id: int, question: str, run: Run) -> None:
    update = api.private_message(question, user_id=user_id)
    pushed = time.monotonic()
    api.push_update(update)
    try:
        reply = (await api.wait_for("sendMessage", _first_message_after(user_id, pushed), timeout=30))[0]
    except AssertionError:
        run.missing += 1
        return
    run.latencies.append(reply.at - pushed)


async def user(api: FakeBotApi, user_id: int, questions: int, think: tuple[float, float], run: Run) -> None:
    rng = random.Random(user_id)
    await asyncio.sleep(rng.uniform(0, think[1]))
    for _ in range(questions):
        await ask(api, user_id, rng.choice(QUESTIONS), run)
        await asyncio.sleep(rng.uniform(*think))


async def scenario(api: FakeBotApi, users: int, questions: int, think: tuple[float, float], first_id: int) -> Run:
    run = Run(started=time.monotonic())
    await asyncio.gather(*(user(api, first_id + i, questions, think, run) for i in range(users)))
    run.finished = time.monotonic()
    return run


async def burst(api: FakeBotApi, users: int, first_id: int) -> Run:
    run = Run(started=time.monotonic())
    await asyncio.gather(*(ask(api, first_id + i, QUESTIONS[i % len(QUESTIONS)], run) for i in range(users)))
    run.finished = time.monotonic()
    return run


async def sequential(api: FakeBotApi, count: int, user_id: int) -> Run:
    run = Run(started=time.monotonic())
    for i in range(count):
        await ask(api, user_id, QUESTIONS[i % len(QUESTIONS)], run)
    run.finished = time.monotonic()
    return run


async def main(args: argparse.Namespace) -> None:
    think = tuple(float(x) for x in args.think.split(":"))
    assert len(think) == 2
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotApi() as api:
            env = {
                **os.environ,
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_BASE_URL": api.base_url,
                "DATABASE_PATH": str(Path(tmp) / "bench.db"),
                "KNOWLEDGE_DIR": str(REPO / "knowledge"),
                "QUESTIONS_PER_MINUTE": "1000",
                "LOG_LEVEL": "WARNING",
                "PTB_TIMEDELTA": "1",
            }
            bot = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", cwd=REPO, env=env)
            try:
                await api.wait_for("getUpdates", timeout=60)
                idle = await sequential(api, 30, user_id=10)
                steady = await scenario(api, args.users, args.questions, (think[0], think[1]), first_id=1000)
                peak = await burst(api, args.users, first_id=5000)
            finally:
                bot.send_signal(signal.SIGTERM)
                code = await asyncio.wait_for(bot.wait(), timeout=30)
    print(
        f"bot: {args.users} users, {args.questions} questions each, think time {args.think} s; SIGTERM exit code {code}"
    )
    print("| scenario | replies | p50 ms | p95 ms | max ms | replies/s | missing |")
    print("|---|---|---|---|---|---|---|")
    print(idle.line("idle: one user, 30 questions in a row"))
    print(steady.line(f"steady: {args.users} users concurrently"))
    print(peak.line(f"burst: {args.users} questions at the same instant"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--questions", type=int, default=5, help="questions per user in the steady scenario")
    parser.add_argument("--think", default="3:7", help="seconds between a user's questions, min:max")
    asyncio.run(main(parser.parse_args()))
