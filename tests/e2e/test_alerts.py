"""Group admins subscribe chats; new answers reach them once, through every fault Telegram can answer with."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.models import Entry, Tags
from bot.service import FoiService
from bot.storage.alerts import OutboxState
from bot.telegram.state import App
from tests.e2e.botctl import start_bot, stop_bot
from tests.e2e.fake_bot_api import Call, FakeBotApi, telegram_html_problem, to
from tests.e2e.waiting import until

GROUP = -1001234567890
OTHER_GROUP = -1009876543210
ADMIN = 11
MEMBER = 12
USER = 13


@pytest.fixture
async def alerting_bot(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> AsyncIterator[App]:
    app = await start_bot(fake_api, tmp_path, kb_dir, alert_interval=0.1, reload_interval=0.2)
    yield app
    await stop_bot(app)


def service_of(app: App) -> FoiService:
    service: FoiService = app.bot_data.service
    return service


def alerts_to(api: FakeBotApi, chat_id: int) -> list[Call]:
    return [c for c in api.calls("sendMessage") if c.params.get("chat_id") == chat_id and "🔔" in c.params["text"]]


def entry(entry_id: str, city: str) -> Entry:
    return Entry(
        id=entry_id,
        title=f"Antwort der Stadt {city} zum Smart City Index",
        questions=[f"Hat {city} externe Berater bezahlt?"],
        answer=f"Nein, laut Antwort der Stadt {city}.",
        source_url="https://fragdenstaat.de/a/424242/",
        tags=Tags(cities=[city], rankings=["bitkom-sci"]),
    )


async def command(api: FakeBotApi, text: str, chat_id: int, user_id: int, **extra: int) -> str:
    before = len([c for c in api.calls("sendMessage") if c.params.get("chat_id") == chat_id])
    if chat_id > 0:
        await api.deliver(api.private_message(text, user_id=user_id))
    else:
        await api.deliver(api.group_message(text, chat_id=chat_id, user_id=user_id, **extra))  # type: ignore[arg-type]
    calls = await api.wait_for("sendMessage", to(chat_id), count=before + 1)
    return str(calls[-1].params["text"])


async def settle(app: App) -> None:
    """Wait until no alert is due or in flight, then run the delivery job once more and let it finish:
    whatever it would (wrongly) send a second time has been sent when this returns."""
    bot_state = app.bot_data
    alerts = bot_state.service.alerts

    def idle() -> bool:
        return not bot_state.delivering and not alerts.due(100) and not alerts.stats().get(OutboxState.SENDING)

    await until(idle, "the alert outbox to be idle")
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name("alerts")
    await job.run(app)
    await until(lambda: not bot_state.delivering, "the delivery run to end")


async def test_only_admins_and_the_creator_change_group_subscriptions(fake_api: FakeBotApi, alerting_bot: App) -> None:
    fake_api.set_member(GROUP, ADMIN, "administrator")
    fake_api.set_member(GROUP, MEMBER, "member")
    fake_api.set_member(GROUP, USER, "creator")
    assert "nur Administratoren" in (await command(fake_api, "/subscribe Bochum", GROUP, MEMBER)).replace("Nur", "nur")
    assert service_of(alerting_bot).alerts.subscriptions(GROUP) == []
    assert (await command(fake_api, "/subscribe Bochum", GROUP, ADMIN)).startswith("Abonniert: Bochum")
    assert (await command(fake_api, "/subscribe Dortmund daily", GROUP, USER)).startswith("Abonniert: Dortmund")
    assert "Nur Administratoren" in await command(fake_api, "/unsubscribe", GROUP, MEMBER)
    checks = fake_api.calls("getChatMember")
    assert [(c.params["chat_id"], c.params["user_id"]) for c in checks] == [
        (GROUP, MEMBER),
        (GROUP, ADMIN),
        (GROUP, USER),
        (GROUP, MEMBER),
    ]
    listing = await command(fake_api, "/subscriptions", GROUP, MEMBER)
    assert "Bochum (sofort)" in listing
    assert "Dortmund (einmal täglich gesammelt)" in listing
    assert "2 Abo(s) beendet" in await command(fake_api, "/unsubscribe", GROUP, ADMIN)


async def test_an_anonymous_admin_writes_as_the_group(fake_api: FakeBotApi, alerting_bot: App) -> None:
    reply = await command(fake_api, "/subscribe", GROUP, 1087968824, sender_chat=GROUP)
    assert reply.startswith("Abonniert: alle neuen Antworten")
    assert fake_api.calls("getChatMember") == []


async def test_a_private_chat_subscribes_itself(fake_api: FakeBotApi, alerting_bot: App) -> None:
    assert (await command(fake_api, "/subscribe", USER, USER)).startswith("Abonniert")
    assert [s.chat_id for s in service_of(alerting_bot).alerts.subscriptions()] == [USER]


async def test_alerts_go_to_matching_chats_once(fake_api: FakeBotApi, alerting_bot: App) -> None:
    alerts = service_of(alerting_bot).alerts
    alerts.subscribe(GROUP, "Bochum", daily=False, by=ADMIN)
    alerts.subscribe(GROUP, "Smart City Index", daily=False, by=ADMIN)  # matches too: still one alert
    alerts.subscribe(OTHER_GROUP, "Dortmund", daily=False, by=ADMIN)
    alerts.subscribe(USER, "", daily=False, by=USER)
    service_of(alerting_bot).add_entries([entry("neu-bochum", "Bochum")], origin="cli", actor="test")
    await fake_api.wait_for("sendMessage", lambda c: c.params["chat_id"] in (GROUP, USER), count=2)
    await settle(alerting_bot)
    assert len(alerts_to(fake_api, GROUP)) == 1
    assert len(alerts_to(fake_api, USER)) == 1
    assert alerts_to(fake_api, OTHER_GROUP) == []
    text = alerts_to(fake_api, GROUP)[0].params["text"]
    assert telegram_html_problem(text) is None
    assert "Antwort der Stadt Bochum" in text
    assert "fragdenstaat.de/a/424242" in text
    assert "https://t.me/foi_test_bot?start=ans_neu-bochum" in text


async def test_daily_subscriptions_get_one_digest(fake_api: FakeBotApi, alerting_bot: App) -> None:
    service = service_of(alerting_bot)
    service.alerts.subscribe(GROUP, "", daily=True, by=ADMIN)
    service.add_entries([entry("neu-1", "Bochum"), entry("neu-2", "Essen")], origin="cli", actor="test")
    await settle(alerting_bot)
    assert fake_api.calls("sendMessage") == []
    assert alerting_bot.job_queue is not None
    [digest] = alerting_bot.job_queue.get_jobs_by_name("digest")
    await digest.run(alerting_bot)
    [call] = await fake_api.wait_for("sendMessage", to(GROUP))
    assert "Neue Antworten" in call.params["text"]
    assert "Antwort der Stadt Bochum" in call.params["text"]
    assert "Antwort der Stadt Essen" in call.params["text"]
    await digest.run(alerting_bot)
    await settle(alerting_bot)
    assert len(fake_api.calls("sendMessage")) == 1


@pytest.mark.parametrize(
    ("fault", "delivered"),
    [
        ({"status": 429, "description": "Too Many Requests: retry after 1", "parameters": {"retry_after": 1}}, True),
        ({"status": 500, "description": "Internal Server Error"}, True),
        ({"drop_connection": True}, True),
        ({"status": 403, "description": "Forbidden: bot was kicked from the supergroup chat"}, False),
        ({"status": 400, "description": "Bad Request: chat not found"}, False),
    ],
)
async def test_faults(fake_api: FakeBotApi, alerting_bot: App, fault: dict[str, object], delivered: bool) -> None:
    service = service_of(alerting_bot)
    service.alerts.subscribe(GROUP, "", daily=False, by=ADMIN)
    fake_api.inject("sendMessage", chat_id=GROUP, times=1, **fault)  # type: ignore[arg-type]
    service.add_entries([entry("neu-fault", "Bochum")], origin="cli", actor="test")
    await until(lambda: bool({"sent", "dropped"} & set(service.alerts.stats())), "the alert to be sent or dropped")
    await settle(alerting_bot)
    ok = [c for c in alerts_to(fake_api, GROUP) if c.status == 200]
    assert len(ok) == (1 if delivered else 0)
    assert bool(service.alerts.subscriptions(GROUP)) is delivered


async def test_a_migrated_group_is_followed(fake_api: FakeBotApi, alerting_bot: App) -> None:
    old, new = -4242, -1004242424242
    service = service_of(alerting_bot)
    service.alerts.subscribe(old, "", daily=False, by=ADMIN)
    fake_api.inject(
        "sendMessage",
        chat_id=old,
        status=400,
        description="Bad Request: group chat was upgraded to a supergroup chat",
        parameters={"migrate_to_chat_id": new},
        times=None,
    )
    service.add_entries([entry("neu-migriert", "Bochum")], origin="cli", actor="test")
    await fake_api.wait_for("sendMessage", lambda c: c.params["chat_id"] == new and c.status == 200, timeout=8)
    await settle(alerting_bot)
    assert [s.chat_id for s in service.alerts.subscriptions()] == [new]
    assert len([c for c in alerts_to(fake_api, new) if c.status == 200]) == 1


async def test_removing_the_bot_ends_the_groups_subscriptions(fake_api: FakeBotApi, alerting_bot: App) -> None:
    service = service_of(alerting_bot)
    service.alerts.subscribe(GROUP, "", daily=False, by=ADMIN)
    service.alerts.subscribe(USER, "", daily=False, by=USER)
    await fake_api.deliver(fake_api.my_chat_member(GROUP, "member", "kicked"))
    await fake_api.deliver(fake_api.my_chat_member(USER, "member", "kicked"))
    # No reply marks the end of the handler: the store is watched instead.
    await until(lambda: service.alerts.subscriptions() == [], "both subscriptions to end")


async def test_an_entry_added_from_the_command_line_reaches_the_group_once(
    fake_api: FakeBotApi, alerting_bot: App, tmp_path: Path, kb_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_api.set_member(GROUP, ADMIN, "administrator")
    assert (await command(fake_api, "/subscribe Bochum", GROUP, ADMIN)).startswith("Abonniert")
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "bot.db"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_dir))
    file = tmp_path / "new.yaml"
    file.write_text(
        "title: Neue Antwort der Stadt Bochum\nquestion: Was hat Bochum 2023 geantwortet?\n"
        "answer: Bochum hat 2023 erneut keine Berater beauftragt.\nsource_url: https://fragdenstaat.de/a/333/\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    assert await asyncio.to_thread(main, ["kb", "add", str(file)]) == 0
    await fake_api.wait_for(
        "sendMessage", lambda c: c.params["chat_id"] == GROUP and "🔔" in c.params["text"], timeout=30
    )
    assert time.monotonic() - started < 30
    await settle(alerting_bot)
    assert len(alerts_to(fake_api, GROUP)) == 1
