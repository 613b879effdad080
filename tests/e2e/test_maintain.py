"""Maintainers curate the base while the bot runs: in the chat, from the command line, from FragDenStaat."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.service import FoiService
from bot.telegram.state import App
from tests.e2e.botctl import start_bot, stop_bot
from tests.e2e.fake_bot_api import Call, FakeBotApi, telegram_html_problem, to
from tests.e2e.waiting import until
from tests.fakes.froide import BOCHUM_REQUEST_ID, FakeFroide

MAINTAINER = 777
STRANGER = 4242


@pytest.fixture
async def maintained_bot(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> AsyncIterator[App]:
    app = await start_bot(fake_api, tmp_path, kb_dir, maintainer_ids=[MAINTAINER], reload_interval=0.2)
    yield app
    await stop_bot(app)


def service_of(app: App) -> FoiService:
    service: FoiService = app.bot_data.service
    return service


async def say(api: FakeBotApi, text: str, user_id: int, count: int, language_code: str | None = None) -> list[Call]:
    """Send a private message and wait until the chat has `count` messages from the bot. A `language_code`, once
    given, stays the sender's Telegram language; without any, replies are German."""
    await api.deliver(api.private_message(text, user_id=user_id, language_code=language_code))
    return await api.wait_for("sendMessage", to(user_id), count=count)


@pytest.mark.parametrize("command", ["/add", "/remove sci-2021-methodik", "/import 257364", "/unanswered", "/stats"])
async def test_strangers_are_refused_and_nothing_changes(
    fake_api: FakeBotApi, maintained_bot: App, command: str
) -> None:
    before = service_of(maintained_bot).store.knowledge.count_entries()
    [call] = await say(fake_api, command, STRANGER, 1)
    assert "nur für Maintainer" in call.params["text"]
    await say(fake_api, "Irgendeine Antwort", STRANGER, 2)
    assert service_of(maintained_bot).store.knowledge.count_entries() == before
    assert fake_api.calls("answerCallbackQuery") == []


async def test_a_forged_save_button_stores_nothing(fake_api: FakeBotApi, maintained_bot: App) -> None:
    before = service_of(maintained_bot).store.knowledge.count_entries()
    await fake_api.deliver(fake_api.callback_query("add:save", user_id=STRANGER))
    await fake_api.wait_for("answerCallbackQuery")
    assert service_of(maintained_bot).store.knowledge.count_entries() == before


async def test_guided_add_with_preview_and_confirm(fake_api: FakeBotApi, maintained_bot: App) -> None:
    await say(fake_api, "/add", MAINTAINER, 1)
    await say(fake_api, "Hat Essen externe Berater für das Ranking bezahlt?", MAINTAINER, 2)
    await say(fake_api, "Nein, laut Antwort der Stadt Essen vom 1.10.2022.", MAINTAINER, 3)
    calls = await say(fake_api, "keine url", MAINTAINER, 4)
    assert "kein gültiger Link" in calls[-1].params["text"]
    calls = await say(fake_api, "https://fragdenstaat.de/a/123456/", MAINTAINER, 6)
    preview = calls[-1]
    assert telegram_html_problem(preview.params["text"]) is None
    assert preview.params["text"].startswith("Nein, laut Antwort der Stadt Essen")
    buttons = preview.params["reply_markup"]["inline_keyboard"][0]
    assert [b["callback_data"] for b in buttons] == ["add:save", "add:cancel"]
    await fake_api.deliver(fake_api.callback_query("add:save", user_id=MAINTAINER))
    calls = await fake_api.wait_for("sendMessage", to(MAINTAINER), count=7)
    assert "Gespeichert als hat-essen-externe-berater" in calls[-1].params["text"]
    entry_id = "hat-essen-externe-berater-fuer-das-ranking-bezahlt"
    history = service_of(maintained_bot).store.history.changes(entry_id)
    assert [(c.action, c.actor) for c in history] == [("add", f"telegram:{MAINTAINER}")]
    calls = await say(fake_api, "Hat Essen Berater bezahlt?", STRANGER, 1)
    assert calls[0].params["text"].startswith("Nein, laut Antwort der Stadt Essen")


async def test_cancel_at_any_step_stores_nothing(fake_api: FakeBotApi, maintained_bot: App) -> None:
    before = service_of(maintained_bot).store.knowledge.count_entries()
    await say(fake_api, "/add", MAINTAINER, 1)
    await say(fake_api, "Eine Frage?", MAINTAINER, 2)
    calls = await say(fake_api, "/cancel", MAINTAINER, 3)
    assert "Abgebrochen" in calls[-1].params["text"]
    assert service_of(maintained_bot).store.knowledge.count_entries() == before


async def test_remove_unanswered_and_stats(fake_api: FakeBotApi, maintained_bot: App) -> None:
    calls = await say(fake_api, "/remove sci-2021-methodik", MAINTAINER, 1)
    assert "stammt aus den Wissensdateien" in calls[-1].params["text"]
    await say(fake_api, "Was kostet ein Parkausweis\x1b]0;pwned\x07 in Bochum?\u202e", STRANGER, 1)
    calls = await say(fake_api, "/unanswered", MAINTAINER, 2)
    assert "Parkausweis\\x1b]0;pwned\\x07 in Bochum?\\u202e" in calls[-1].params["text"]
    calls = await say(fake_api, "/stats", MAINTAINER, 3)
    assert "IFG-Antworten: 1" in calls[-1].params["text"]
    assert "Unbeantwortete Fragen: 1" in calls[-1].params["text"]


# Words of the /stats labels, lower case, that only one of the two languages uses.
ENGLISH_WORDS = ("fact", "foi", "entries", "requests", "rows", "unanswered", "questions", "feedback", "knowledge")
GERMAN_WORDS = ("fakten", "ifg", "einträge", "anfragen", "zeilen", "unbeantwortet", "fragen", "rückmeldung", "wissen")


@pytest.mark.parametrize(
    ("language_code", "expected", "foreign"),
    [("de", "ifg-antworten: 1", ENGLISH_WORDS), ("en", "foi answers: 1", GERMAN_WORDS)],
)
async def test_stats_are_in_the_maintainers_language_only(
    fake_api: FakeBotApi, maintained_bot: App, language_code: str, expected: str, foreign: tuple[str, ...]
) -> None:
    [call] = await say(fake_api, "/stats", MAINTAINER, 1, language_code=language_code)
    text = call.params["text"].lower()
    assert expected in text
    assert [word for word in foreign if word in text] == []


async def test_remove_of_an_unknown_id_is_answered_in_german(fake_api: FakeBotApi, maintained_bot: App) -> None:
    [call] = await say(fake_api, "/remove nonexistent-id", MAINTAINER, 1, language_code="de")
    assert call.params["text"] == "Es gibt keinen Eintrag mit der ID nonexistent-id."


@pytest.mark.parametrize(
    ("language_code", "expected", "foreign"),
    [
        ("de", "Das ist kein Verweis auf eine FragDenStaat-Anfrage: kein Anfrage-Link", "Please send"),
        ("en", "Not a FragDenStaat request reference: no request link", "Bitte senden"),
    ],
)
async def test_an_import_that_fails_is_explained_in_the_maintainers_language(
    fake_api: FakeBotApi, maintained_bot: App, language_code: str, expected: str, foreign: str
) -> None:
    before = service_of(maintained_bot).store.knowledge.count_entries()
    [call] = await say(fake_api, "/import Hallo Welt", MAINTAINER, 1, language_code=language_code)
    assert call.params["text"].startswith(expected)
    assert foreign not in call.params["text"]
    assert service_of(maintained_bot).store.knowledge.count_entries() == before


async def test_maintainers_get_their_own_menu(fake_api: FakeBotApi, maintained_bot: App) -> None:
    scoped = [c for c in fake_api.calls("setMyCommands") if c.params["scope"]["type"] == "chat"]
    assert {c.params["scope"]["chat_id"] for c in scoped} == {MAINTAINER}
    names = [c["command"] for c in scoped[0].params["commands"]]
    assert {"add", "remove", "import", "unanswered", "stats"} <= set(names)
    public = [c for c in fake_api.calls("setMyCommands") if c.params["scope"]["type"] == "all_private_chats"]
    assert "add" not in [c["command"] for c in public[0].params["commands"]]


async def test_an_entry_added_from_the_command_line_is_answered_within_seconds(
    fake_api: FakeBotApi, maintained_bot: App, tmp_path: Path, kb_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "bot.db"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(kb_dir))
    file = tmp_path / "new.yaml"
    file.write_text(
        "title: Antwort aus Leipzig\nquestion: Hat Leipzig einen Digitalbeauftragten?\n"
        "answer: Ja, seit 2020.\nsource_url: https://fragdenstaat.de/a/222/\n",
        encoding="utf-8",
    )
    assert await asyncio.to_thread(main, ["kb", "add", str(file)]) == 0
    service = service_of(maintained_bot)
    question = "Hat Leipzig einen Digitalbeauftragten?"
    # The reload job picks up what another process committed (every 0.2 s in these tests).
    await until(lambda: service.ask(question).text.startswith("Ja, seit 2020."), "the bot to answer the new entry")
    [call] = await say(fake_api, question, STRANGER, 1)
    assert call.params["text"].startswith("Ja, seit 2020.")


@pytest.fixture
async def froide() -> AsyncIterator[FakeFroide]:
    async with FakeFroide() as fake:
        fake.add_bochum_request()
        yield fake


@pytest.fixture
async def importing_bot(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path, froide: FakeFroide) -> AsyncIterator[App]:
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()  # imported, not curated, in these tests
    app = await start_bot(
        fake_api,
        tmp_path,
        kb_dir,
        maintainer_ids=[MAINTAINER],
        fragdenstaat_api_url=froide.api_url,
        watch_interval=0.3,
    )
    yield app
    await stop_bot(app)


async def test_import_by_url_in_the_chat(fake_api: FakeBotApi, importing_bot: App) -> None:
    calls = await say(fake_api, f"/import https://fragdenstaat.de/a/{BOCHUM_REQUEST_ID}", MAINTAINER, 2)
    assert f"Importiert: fds-{BOCHUM_REQUEST_ID} mit 1" in calls[0].params["text"]
    assert telegram_html_problem(calls[1].params["text"]) is None
    assert "#nachricht-" in calls[1].params["text"]
    entry = service_of(importing_bot).entry(f"fds-{BOCHUM_REQUEST_ID}")
    assert entry is not None
    assert service_of(importing_bot).store.history.changes(entry.id)[0].actor == f"telegram:{MAINTAINER}"


async def test_import_faults_are_explained_and_change_nothing(
    fake_api: FakeBotApi, importing_bot: App, froide: FakeFroide
) -> None:
    froide.inject(f"/api/v1/request/{BOCHUM_REQUEST_ID}/", status=404)
    calls = await say(fake_api, f"/import #{BOCHUM_REQUEST_ID}", MAINTAINER, 1)
    assert calls[0].params["text"] == (
        f"Anfrage #{BOCHUM_REQUEST_ID} wurde auf FragDenStaat nicht gefunden (oder sie ist nicht öffentlich)."
    )
    calls = await say(fake_api, "/import https://example.org/x", MAINTAINER, 2)
    assert "fragdenstaat.de" in calls[1].params["text"]
    assert service_of(importing_bot).entry(f"fds-{BOCHUM_REQUEST_ID}") is None


@pytest.fixture
async def curating_bot(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path, froide: FakeFroide) -> AsyncIterator[App]:
    """Reads the fake FragDenStaat, and the request it serves is curated in the knowledge files."""
    app = await start_bot(fake_api, tmp_path, kb_dir, maintainer_ids=[MAINTAINER], fragdenstaat_api_url=froide.api_url)
    yield app
    await stop_bot(app)


async def test_importing_a_curated_request_is_refused_in_german(fake_api: FakeBotApi, curating_bot: App) -> None:
    before = service_of(curating_bot).store.knowledge.count_entries()
    [call] = await say(fake_api, f"/import {BOCHUM_REQUEST_ID}", MAINTAINER, 1, language_code="de")
    assert call.params["text"] == (
        f"Anfrage #{BOCHUM_REQUEST_ID} wird in den Wissensdateien gepflegt: bitte ändern Sie sie dort "
        "(mit Review in git)."
    )
    assert service_of(curating_bot).store.knowledge.count_entries() == before


async def test_watched_requests_gain_new_responses_while_the_bot_runs(
    fake_api: FakeBotApi, importing_bot: App, froide: FakeFroide
) -> None:
    await say(fake_api, f"/import {BOCHUM_REQUEST_ID}", MAINTAINER, 2)
    service = service_of(importing_bot)
    service.watch(BOCHUM_REQUEST_ID, actor="test")
    froide.add_message(BOCHUM_REQUEST_ID, is_response=True, content="Nachtrag vom Oktober: keine Änderung.")

    def passages() -> int:
        entry = service.entry(f"fds-{BOCHUM_REQUEST_ID}")
        return len(entry.passages) if entry else 0

    await until(lambda: passages() == 2, "the watch job to pick up the new response")
    entry = service.entry(f"fds-{BOCHUM_REQUEST_ID}")
    assert entry is not None
    assert entry.passages[1].text == "Nachtrag vom Oktober: keine Änderung."


GROUP = -1001234567890


async def test_maintainer_commands_in_a_group_change_nothing(fake_api: FakeBotApi, maintained_bot: App) -> None:
    before = service_of(maintained_bot).store.knowledge.count_entries()
    await fake_api.deliver(fake_api.group_message("/add", chat_id=GROUP, user_id=MAINTAINER))
    [call] = await fake_api.wait_for("sendMessage", to(GROUP))
    assert "privaten Chat" in call.params["text"]
    for text in ("/remove sci-2021-methodik", "/import 257364", "/stats", "/unanswered"):
        await fake_api.deliver(fake_api.group_message(text, chat_id=GROUP, user_id=MAINTAINER))
    calls = await fake_api.wait_for("sendMessage", to(GROUP), count=5)
    assert all("privaten Chat" in c.params["text"] for c in calls), "refused, not ignored"
    await fake_api.deliver(fake_api.group_message("/stats", chat_id=GROUP, user_id=STRANGER))
    calls = await fake_api.wait_for("sendMessage", to(GROUP), count=6)
    assert "nur für Maintainer" in calls[-1].params["text"]
    assert service_of(maintained_bot).store.knowledge.count_entries() == before
