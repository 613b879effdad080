"""Simulated Telegram users asking the real bot process through the loopback fake Bot API.

The bot runs as its own process (`python -m bot run`) with the full knowledge base, exactly as deployed;
this process hosts the fake Bot API and the users. Latency is measured from pushing an update to the fake
until the fake receives the bot's first sendMessage that replies to it.

    python benchmarks/bench_bot.py [--users 100] [--questions 5] [--think 3:7]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.service import FoiService, sync_knowledge  # noqa: E402  (needs the repo on sys.path)
from bot.storage.store import Store  # noqa: E402
from tests.e2e.botctl import process_env  # noqa: E402
from tests.e2e.fake_bot_api import Call, FakeBotApi  # noqa: E402

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

    def percentile(self, percent: int) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]

    def line(self, name: str) -> str:
        if not self.latencies:
            return f"| {name} | 0 | - | - | - | - | {self.missing} |"
        ordered = sorted(self.latencies)
        p95 = self.percentile(95)
        rate = len(ordered) / max(self.finished - self.started, 1e-9)
        return (
            f"| {name} | {len(ordered)} | {statistics.median(ordered) * 1000:.1f} | {p95 * 1000:.1f} | "
            f"{ordered[-1] * 1000:.1f} | {rate:.1f} | {self.missing} |"
        )


class Replies:
    """The first reply to each chat after a question, followed through the fake's call hook: scanning all
    recorded calls for each of hundreds of waiting users would cost the harness more than the bot."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self._waiting: dict[int, tuple[float, asyncio.Future[float]]] = {}
        api.on_call = self._seen

    def _seen(self, call: Call) -> None:
        chat = call.params.get("chat_id")
        if call.method == "sendMessage" and isinstance(chat, int) and chat in self._waiting:
            pushed, future = self._waiting[chat]
            if call.at >= pushed and not future.done():
                future.set_result(call.at)
                del self._waiting[chat]

    def expect(self, chat_id: int, pushed: float) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiting[chat_id] = (pushed, future)
        return future


async def ask(replies: Replies, user_id: int, question: str, run: Run) -> None:
    update = replies.api.private_message(question, user_id=user_id)
    pushed = time.monotonic()
    reply = replies.expect(user_id, pushed)
    replies.api.push_update(update)
    try:
        answered = await asyncio.wait_for(reply, timeout=30)
    except TimeoutError:
        run.missing += 1
        return
    run.latencies.append(answered - pushed)


async def user(replies: Replies, user_id: int, questions: int, think: tuple[float, float], run: Run) -> None:
    rng = random.Random(user_id)
    await asyncio.sleep(rng.uniform(0, think[1]))
    for _ in range(questions):
        await ask(replies, user_id, rng.choice(QUESTIONS), run)
        await asyncio.sleep(rng.uniform(*think))


async def scenario(replies: Replies, users: int, questions: int, think: tuple[float, float], first_id: int) -> Run:
    run = Run(started=time.monotonic())
    await asyncio.gather(*(user(replies, first_id + i, questions, think, run) for i in range(users)))
    run.finished = time.monotonic()
    return run


async def burst(replies: Replies, users: int, first_id: int) -> Run:
    run = Run(started=time.monotonic())
    await asyncio.gather(*(ask(replies, first_id + i, QUESTIONS[i % len(QUESTIONS)], run) for i in range(users)))
    run.finished = time.monotonic()
    return run


async def sequential(replies: Replies, count: int, user_id: int) -> Run:
    run = Run(started=time.monotonic())
    for i in range(count):
        await ask(replies, user_id, QUESTIONS[i % len(QUESTIONS)], run)
    run.finished = time.monotonic()
    return run


def subscribe(database: Path, chats: int) -> None:
    """Chats subscribed to every new answer, so that a maintainer's additions fan out during the load."""
    store = Store(database)
    sync_knowledge(store, REPO / "knowledge")
    service = FoiService(store)
    with store.transaction():
        for chat in range(900_000, 900_000 + chats):
            service.alerts.subscribe(chat, "", daily=False, by=chat)
    service.close()


async def maintain(env: dict[str, str], folder: Path, adds: int, every: float, log: list[str]) -> None:
    """A maintainer adding entries from the command line (another process) while people ask."""
    for number in range(adds):
        await asyncio.sleep(every)
        file = folder / f"add-{number}.yaml"
        file.write_text(
            f"title: Neue Antwort Nummer {number}\nquestion: Was stand in der neuen Antwort {number}?\n"
            f"answer: Antwort {number}.\nsource_url: https://fragdenstaat.de/a/{number + 1}/\n",
            encoding="utf-8",
        )
        cli = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "kb", "add", str(file), cwd=REPO, env=env, stdout=asyncio.subprocess.DEVNULL
        )
        log.append(f"add {number}: exit {await cli.wait()}")


async def main(args: argparse.Namespace) -> None:
    think = tuple(float(x) for x in args.think.split(":"))
    assert len(think) == 2
    with tempfile.TemporaryDirectory() as tmp:
        if args.subscribers:
            subscribe(Path(tmp) / "bench.db", args.subscribers)
        async with FakeBotApi() as api:
            env = process_env(
                api.base_url,
                Path(tmp) / "bench.db",
                REPO / "knowledge",
                TOKEN,
                QUESTIONS_PER_MINUTE="1000",
                LOG_LEVEL="WARNING",
            )
            bot = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "run", cwd=REPO, env=env)
            try:
                await api.wait_for("getUpdates", timeout=60)
                replies = Replies(api)
                idle = await sequential(replies, 30, user_id=10)
                adds: list[str] = []
                maintainer = asyncio.create_task(maintain(env, Path(tmp), args.adds, args.add_every, adds))
                steady = await scenario(replies, args.users, args.questions, (think[0], think[1]), 1000)
                await maintainer
                peak = None if args.no_burst else await burst(replies, args.users, first_id=500_000)
            finally:
                bot.send_signal(signal.SIGTERM)
                code = await asyncio.wait_for(bot.wait(), timeout=30)
    alerts = [c for c in api.calls("sendMessage") if "🔔" in str(c.params.get("text", "")) and c.status == 200]
    errors = [c for c in api.calls() if c.status not in (200, None)]
    print(
        f"bot: {args.users} users, {args.questions} questions each, think time {args.think} s; "
        f"{args.subscribers} subscribed chats, {len(adds)} entries added meanwhile ({', '.join(adds) or '-'}), "
        f"{len(alerts)} alerts delivered; {len(errors)} API errors; SIGTERM exit code {code}"
    )
    print("| scenario | replies | p50 ms | p95 ms | max ms | replies/s | missing |")
    print("|---|---|---|---|---|---|---|")
    print(idle.line("idle: one user, 30 questions in a row"))
    print(steady.line(f"{args.users} users concurrently"))
    if peak is not None:
        print(peak.line(f"burst: {args.users} questions at the same instant"))
    if steady.latencies and idle.latencies:
        ratio = steady.percentile(95) / idle.percentile(95)
        print(f"p95 under load / p95 idle: {ratio:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--questions", type=int, default=5, help="questions per user in the steady scenario")
    parser.add_argument("--think", default="3:7", help="seconds between a user's questions, min:max")
    parser.add_argument("--subscribers", type=int, default=0, help="chats subscribed to all new answers")
    parser.add_argument("--adds", type=int, default=0, help="entries a maintainer adds during the load")
    parser.add_argument("--add-every", type=float, default=20.0, help="seconds between the maintainer's adds")
    parser.add_argument("--no-burst", action="store_true", help="skip the burst scenario")
    asyncio.run(main(parser.parse_args()))
