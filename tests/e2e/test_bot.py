"""The real Application, polling the loopback fake Bot API: what users see in every kind of chat."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import pytest

from bot.models import FoiRequest
from bot.service import FoiService
from bot.telegram.state import App
from tests.e2e.botctl import start_bot, stop_bot
from tests.e2e.conftest import TEST_TOKEN
from tests.e2e.fake_bot_api import Call, FakeBotApi, telegram_html_problem, to
from tests.e2e.waiting import until

GROUP = -1001234567890
USER = 4242


def assert_valid(call: Call) -> None:
    text = call.params.get("text") or call.params.get("caption") or ""
    assert text.strip()
    assert telegram_html_problem(text) is None
    assert call.status == 200


async def test_private_question_gets_a_cited_answer(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(
        fake_api.private_message("Welchen Platz hatte Bochum 2021 im Smart City Index?", user_id=USER)
    )
    [call] = await fake_api.wait_for("sendMessage", to(USER))
    assert_valid(call)
    text = call.params["text"]
    assert text.startswith("Bochum belegte im Bitkom Smart City Index 2021 Platz 7")
    assert "<blockquote>Bochum auf Platz 7</blockquote>" in text
    assert 'href="https://example.org/bochum-2021"' in text
    buttons = call.params["reply_markup"]["inline_keyboard"][0]
    assert [b["callback_data"] for b in buttons] == ["fb:bitkom-sci-2021-bochum:+", "fb:bitkom-sci-2021-bochum:-"]
    assert call.params["link_preview_options"] == {"is_disabled": True}
    assert ">Stadt Bochum, Pressemitteilung, 12.10.2021</a>" in text
    assert text.count('href="https://example.org/bochum-2021"') == 1


async def test_disagreeing_sources_read_as_one_sentence(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2019?", user_id=USER))
    [call] = await fake_api.wait_for("sendMessage", to(USER))
    assert_valid(call)
    text = call.params["text"]
    assert text.startswith(
        "Für Bochum im Bitkom Smart City Index 2019 nennen die Quellen Platz 32 (Stadt Bochum, Pressemitteilung, "
        "30.10.2019) und Platz 39 (WAZ, 14.10.2021)."
    )
    assert "weichen ab" not in text
    assert "beide Angaben" not in text
    quoted = re.findall(r"<blockquote>(.*?)</blockquote>", text)
    assert quoted == ["Platz 32", "Platz 39"]


async def test_english_user_gets_english(fake_api: FakeBotApi, foi_bot: App) -> None:
    update = fake_api.private_message("Hat Bochum externe Berater bezahlt?", user_id=USER, language_code="en")
    await fake_api.deliver(update)
    [call] = await fake_api.wait_for("sendMessage", to(USER))
    assert call.params["text"].startswith("No. Bochum never hired")


@pytest.mark.parametrize(
    ("language_code", "starts"), [("de", "Bochum belegte"), (None, "Bochum took"), ("fr", "Bochum took")]
)
async def test_a_question_too_short_to_tell_follows_a_german_users_language(
    fake_api: FakeBotApi, foi_bot: App, language_code: str | None, starts: str
) -> None:
    """ "Bochum 2021 rank" is English by its one English word, unless the person's Telegram speaks German."""
    await fake_api.deliver(fake_api.private_message("Bochum 2021 rank", user_id=USER, language_code=language_code))
    [call] = await fake_api.wait_for("sendMessage", to(USER))
    assert call.params["text"].startswith(starts), call.params["text"]


async def test_group_ask_command(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(
        fake_api.group_message("/ask@foi_test_bot Hat Bochum externe Berater bezahlt?", chat_id=GROUP)
    )
    [call] = await fake_api.wait_for("sendMessage", to(GROUP))
    assert_valid(call)
    assert call.params["text"].startswith("Nein.")
    assert "fragdenstaat.de/a/257364" in call.params["text"]


async def test_group_mention_and_reply_are_questions_plain_text_is_not(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(fake_api.group_message("Schönes Wetter heute", chat_id=GROUP))
    await fake_api.deliver(fake_api.group_message("@foi_test_bot Welchen Platz hatte Bochum 2022?", chat_id=GROUP))
    [call] = await fake_api.wait_for("sendMessage", to(GROUP))
    assert "Platz 8" in call.params["text"]
    await fake_api.deliver(
        fake_api.group_message("Und 2021?  Welchen Platz hatte Bochum 2021", chat_id=GROUP, reply_to_bot=True)
    )
    calls = await fake_api.wait_for("sendMessage", to(GROUP), count=2)
    assert "Platz 7" in calls[1].params["text"]
    assert len(fake_api.calls("sendMessage")) == 2


async def test_inline_mode_lists_answers(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(fake_api.inline_query("platz bochum 2021", user_id=USER))
    [call] = await fake_api.wait_for("answerInlineQuery")
    results = call.params["results"]
    assert results[0]["id"] == "bitkom-sci-2021-bochum"
    assert results[0]["type"] == "article"
    content = results[0]["input_message_content"]
    assert "Platz 7" in content["message_text"]
    assert content["parse_mode"] == "HTML"
    assert call.params["cache_time"] == 60
    assert call.params["button"]["start_parameter"] == "inline"
    assert call.status == 200


async def test_unknown_question_is_honest_and_offers_buttons(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(fake_api.private_message("Hat Essen externe Berater bezahlt?", user_id=USER))
    [call] = await fake_api.wait_for("sendMessage", to(USER))
    assert_valid(call)
    assert call.params["text"].startswith("Dazu habe ich keine gesicherte Antwort")
    keyboard = call.params["reply_markup"]["inline_keyboard"]
    assert keyboard[0][0]["callback_data"] == "ans:257364-externe-beratung"
    service: FoiService = foi_bot.bot_data.service
    await until(service.unanswered, "the question to be recorded as unanswered")  # right after the reply
    assert service.unanswered()[0][:2] == ("Hat Essen externe Berater bezahlt?", 1)


async def test_suggestion_button_opens_the_answer(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(fake_api.private_message("Hat Essen externe Berater bezahlt?", user_id=USER))
    await fake_api.wait_for("sendMessage", to(USER))
    await fake_api.deliver(fake_api.callback_query("ans:257364-externe-beratung", user_id=USER))
    [answered] = await fake_api.wait_for("answerCallbackQuery")
    assert answered.status == 200
    calls = await fake_api.wait_for("sendMessage", to(USER), count=2)
    assert calls[1].params["text"].startswith("Nein.")


async def test_feedback_is_stored_once_per_person(fake_api: FakeBotApi, foi_bot: App) -> None:
    for data in ("fb:bitkom-sci-2021-bochum:-", "fb:bitkom-sci-2021-bochum:-", "fb:bitkom-sci-2021-bochum:+"):
        await fake_api.deliver(fake_api.callback_query(data, user_id=USER))
    calls = await fake_api.wait_for("answerCallbackQuery", count=3)
    assert all(c.params.get("text", "").startswith("Danke") for c in calls)
    service: FoiService = foi_bot.bot_data.service
    assert service.feedback_counts() == [("bitkom-sci-2021-bochum", 1, 0)]


@pytest.mark.parametrize("data", ["fb:no-such-entry:+", "ans:", "drop table", "fb:x", "ans:" + "a" * 60])
async def test_forged_buttons_change_nothing(fake_api: FakeBotApi, foi_bot: App, data: str) -> None:
    await fake_api.deliver(fake_api.callback_query(data, user_id=USER))
    [call] = await fake_api.wait_for("answerCallbackQuery")
    assert "nicht mehr gültig" in call.params["text"]
    service: FoiService = foi_bot.bot_data.service
    assert service.feedback_counts() == []
    assert fake_api.calls("sendMessage") == []


async def test_chart_sends_a_png_with_sources(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(fake_api.private_message("/chart Bohcum", user_id=USER))
    [call] = await fake_api.wait_for("sendPhoto")
    photo = call.files["photo"]
    assert photo.data.startswith(b"\x89PNG")
    assert "Bochum" in call.params["caption"]
    assert "WAZ, 14.10.2021" in call.params["caption"]
    assert "example.org" not in call.params["caption"]


async def test_chart_compares_cities_and_explains_itself_without_one(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(fake_api.private_message("/chart Bochum Dortmund", user_id=USER))
    [call] = await fake_api.wait_for("sendPhoto")
    assert call.params["caption"].startswith("Bochum – Dortmund")
    await fake_api.deliver(fake_api.private_message("/chart", user_id=USER))
    [usage] = await fake_api.wait_for("sendMessage", to(USER))
    assert "/chart Bochum" in usage.params["text"]
    assert fake_api.calls("sendPhoto") == [call]


async def test_sources_fit_telegram_however_many_and_long(fake_api: FakeBotApi, foi_bot: App) -> None:
    service: FoiService = foi_bot.bot_data.service
    for n in range(40):
        request = FoiRequest(
            id=900 + n, title="Anfrage " * 700, url=f"https://fragdenstaat.de/a/{900 + n}/", public_body="Stadt " * 900
        )
        service.store.knowledge.upsert_request(request, origin="import")
    await fake_api.deliver(fake_api.private_message("/sources", user_id=USER))
    await until(lambda: len(fake_api.calls("sendMessage")) >= 2, "several messages")
    await fake_api.deliver(fake_api.private_message("/help", user_id=USER))
    calls = await fake_api.wait_for("sendMessage", lambda c: "/chart" in c.params["text"])
    for call in fake_api.calls("sendMessage"):
        assert_valid(call)
    assert calls


async def test_start_deep_link_sources_ranking_and_help(fake_api: FakeBotApi, foi_bot: App) -> None:
    for text in ("/start ans_257364-externe-beratung", "/sources", "/ranking 2022", "/help", "/start"):
        await fake_api.deliver(fake_api.private_message(text, user_id=USER))
    calls = await fake_api.wait_for("sendMessage", to(USER), count=5)
    texts = [c.params["text"] for c in sorted(calls, key=lambda c: c.at)]
    for call in calls:
        assert_valid(call)
    assert any(t.startswith("Nein.") for t in texts)
    assert any("#257364 Abschneiden in Digitalisierungsrankings" in t for t in texts)
    assert any("1. Hamburg" in t and "2. München" in t for t in texts)
    assert any("/sources" in t and "/chart" in t for t in texts)


async def test_command_menus_are_set_per_scope_and_language(fake_api: FakeBotApi, foi_bot: App) -> None:
    calls = fake_api.calls("setMyCommands")
    scopes = {(c.params.get("scope", {}).get("type"), c.params.get("language_code")) for c in calls}
    assert scopes == {
        (scope, lang)
        for scope in ("all_private_chats", "all_group_chats", "all_chat_administrators")
        for lang in (None, "en")
    }
    private = next(
        c for c in calls if c.params["scope"]["type"] == "all_private_chats" and "language_code" not in c.params
    )
    assert [c["command"] for c in private.params["commands"]] == [
        "start",
        "help",
        "ask",
        "sources",
        "ranking",
        "chart",
        "subscribe",
        "unsubscribe",
        "subscriptions",
    ]
    groups = next(
        c for c in calls if c.params["scope"]["type"] == "all_group_chats" and "language_code" not in c.params
    )
    assert "subscribe" not in [c["command"] for c in groups.params["commands"]]
    admins = next(
        c for c in calls if c.params["scope"]["type"] == "all_chat_administrators" and "language_code" not in c.params
    )
    assert "subscribe" in [c["command"] for c in admins.params["commands"]]


@pytest.mark.parametrize(
    "text",
    [
        "<b>Platz</b> & <script>alert(1)</script> Bochum 2021",
        "Bochum " * 700,
        "Platz\x00\x01\x1b[31m Bochum\u202e2021\u200b",
        "🏙️🤖" * 500,
    ],
)
async def test_hostile_input_gets_a_well_formed_reply(fake_api: FakeBotApi, foi_bot: App, text: str) -> None:
    await fake_api.deliver(fake_api.private_message(text, user_id=USER))
    [call] = await fake_api.wait_for("sendMessage", to(USER))
    assert_valid(call)


async def test_other_updates_are_ignored_gracefully(fake_api: FakeBotApi, foi_bot: App) -> None:
    await fake_api.deliver(fake_api.edited_message("Welchen Platz hatte Bochum 2021?", user_id=USER))
    await fake_api.deliver(fake_api.channel_post("Welchen Platz hatte Bochum 2021?"))
    await fake_api.deliver(fake_api.my_chat_member(GROUP, "left", "member"))
    sticker = fake_api.private_message("x", user_id=USER)
    del sticker["message"]["text"]
    sticker["message"]["sticker"] = {
        "file_id": "s1",
        "file_unique_id": "u1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    await fake_api.deliver(sticker)
    await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=USER))
    [call] = await fake_api.wait_for("sendMessage", to(USER))
    assert "Platz 7" in call.params["text"]


async def test_a_failed_send_is_apologised_for_and_the_bot_goes_on(
    fake_api: FakeBotApi, foi_bot: App, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    fake_api.inject("sendMessage", status=500, description="Internal Server Error", times=1)
    await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=USER))
    calls = await fake_api.wait_for("sendMessage", to(USER), count=2)
    assert "schiefgegangen" in calls[1].params["text"]
    assert any("update" in r.getMessage() and "failed" in r.getMessage() for r in caplog.records)
    await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2022?", user_id=USER))
    calls = await fake_api.wait_for("sendMessage", to(USER), count=3)
    assert "Platz 8" in calls[2].params["text"]
    assert TEST_TOKEN not in caplog.text


async def test_too_many_questions_get_one_notice(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> None:
    app = await start_bot(fake_api, tmp_path, kb_dir, questions_per_minute=2)
    try:
        for _ in range(5):
            await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=USER))
        calls = await fake_api.wait_for("sendMessage", to(USER), count=3)
    finally:
        await stop_bot(app)
    texts = [c.params["text"] for c in calls]
    assert len(texts) == 3
    assert sum("viele Fragen" in t for t in texts) == 1


async def test_a_whole_session_never_logs_or_sends_the_token(
    fake_api: FakeBotApi, foi_bot: App, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake_api.inject("sendMessage", status=502, description="Bad Gateway", times=1)
    for text in ("Welchen Platz hatte Bochum 2021?", "/chart Bochum", "/sources", "Unsinn ohne Antwort"):
        await fake_api.deliver(fake_api.private_message(text, user_id=USER))
    await fake_api.deliver(fake_api.inline_query("bochum 2021", user_id=USER))
    await fake_api.deliver(fake_api.callback_query("fb:bitkom-sci-2021-bochum:+", user_id=USER))
    await fake_api.wait_for("answerCallbackQuery")
    assert TEST_TOKEN not in caplog.text
    assert "httpx" in caplog.text, "the transport's own request lines were captured too"
    for call in fake_api.calls():
        assert TEST_TOKEN not in str(call.params)


async def test_the_store_is_used_only_on_the_cores_thread(fake_api: FakeBotApi, foi_bot: App) -> None:
    """Questions, buttons, inline queries, commands and jobs reach SQLite from the core's thread only, never from
    the event loop's (where a slow statement would hold up every chat)."""
    threads: set[str] = set()
    connection = foi_bot.bot_data.service.store.db.conn
    connection.set_trace_callback(lambda _statement: threads.add(threading.current_thread().name))
    try:
        await fake_api.deliver(fake_api.private_message("Welchen Platz hatte Bochum 2021?", user_id=USER))
        await fake_api.deliver(fake_api.private_message("Was kostet ein Einhorn?", user_id=USER))
        await fake_api.deliver(fake_api.private_message("/sources", user_id=USER))
        await fake_api.deliver(fake_api.private_message("/ranking 2021", user_id=USER))
        await fake_api.deliver(fake_api.private_message("/subscribe Bochum", user_id=USER))
        await fake_api.wait_for("sendMessage", to(USER), count=5)
        await fake_api.deliver(fake_api.callback_query("fb:bitkom-sci-2021-bochum:+", user_id=USER))
        await fake_api.deliver(fake_api.inline_query("bochum 2021", user_id=USER))
        await fake_api.wait_for("answerInlineQuery")
        await fake_api.wait_for("answerCallbackQuery")
        await fake_api.deliver(fake_api.private_message("/chart Bochum", user_id=USER))
        await fake_api.wait_for("sendPhoto", to(USER))
    finally:
        connection.set_trace_callback(None)
    assert threads
    assert {name.split("_")[0] for name in threads} == {"core"}, threads
