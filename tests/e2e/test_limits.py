"""The per-person limit on every path: commands, deep links, buttons and inline queries all count; the first
request over the limit gets one notice, by the way it came, and the rest nothing; updates the bot does not
answer count against no one.

"No further reply" is shown by a probe: another account's request, delivered last, that is answered.
Updates are processed in order, so whatever the limited account would still have got was decided before
the probe, and its replies were already waited for.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.telegram.state import App
from tests.e2e.botctl import start_bot, stop_bot
from tests.e2e.fake_bot_api import Call, FakeBotApi, JsonDict, to

LIMIT = 5
FLOODER = 4242
OTHER = 4343
GROUP = -1001234567890
ANSWER = "257364-externe-beratung"
NOTICE = "viele Fragen"  # from the German "slow_down" phrase


def texts(calls: list[Call]) -> list[str]:
    return [str(call.params.get("text", "")) for call in calls]


@pytest.fixture
async def limited_bot(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> AsyncIterator[App]:
    app = await start_bot(fake_api, tmp_path, kb_dir, questions_per_minute=LIMIT)
    yield app
    await stop_bot(app)


async def flood(fake_api: FakeBotApi, updates: list[JsonDict]) -> None:
    """Queues the updates at once, as a flooding client sends them; returns when the bot has fetched them."""
    for update in updates[:-1]:
        fake_api.push_update(update)
    await fake_api.deliver(updates[-1])


async def probe(fake_api: FakeBotApi) -> None:
    """Another account's /help, answered at once: everything queued before it has been dealt with."""
    before = len(fake_api.calls("sendMessage"))
    await fake_api.deliver(fake_api.private_message("/help", user_id=OTHER))
    [reply] = await fake_api.wait_for("sendMessage", to(OTHER))
    assert "/sources" in reply.params["text"]
    assert len(fake_api.calls("sendMessage")) == before + 1


async def test_a_flood_on_every_path_gets_the_limit_and_one_notice(fake_api: FakeBotApi, limited_bot: App) -> None:
    updates = [
        *(fake_api.private_message(f"/start ans_{ANSWER}", user_id=FLOODER) for _ in range(40)),
        *(fake_api.private_message("/ranking 2021", user_id=FLOODER) for _ in range(40)),
        *(fake_api.private_message("/sources", user_id=FLOODER) for _ in range(40)),
        *(fake_api.inline_query("bochum 2021", user_id=FLOODER) for _ in range(200)),
    ]
    await flood(fake_api, updates)
    await fake_api.wait_for("sendMessage", to(FLOODER), count=LIMIT + 1)
    await probe(fake_api)

    # The first LIMIT requests (deep links) are answered, the next one gets the notice, the other 314
    # nothing at all: not even the inline queries are answered, the person was told in the chat.
    replies = texts(fake_api.calls("sendMessage"))
    flooder = texts([c for c in fake_api.calls("sendMessage") if to(FLOODER)(c)])
    assert len(flooder) == LIMIT + 1
    assert sum(t.startswith("Nein.") for t in flooder) == LIMIT
    assert sum(NOTICE in t for t in flooder) == 1
    assert fake_api.calls("answerInlineQuery") == []
    assert len(replies) == LIMIT + 2  # the flooder's and the probe's
    assert all(call.status == 200 for call in fake_api.calls())


async def test_the_limit_lifts_when_the_minute_has_passed(fake_api: FakeBotApi, limited_bot: App) -> None:
    await flood(fake_api, [fake_api.private_message("/sources", user_id=FLOODER) for _ in range(LIMIT + 3)])
    await fake_api.wait_for("sendMessage", to(FLOODER), count=LIMIT + 1)
    await probe(fake_api)
    throttle = limited_bot.bot_data.throttle
    later = time.monotonic() + 61
    throttle.clock = lambda: later
    await fake_api.deliver(fake_api.private_message("/sources", user_id=FLOODER))
    calls = await fake_api.wait_for("sendMessage", to(FLOODER), count=LIMIT + 2)
    assert "Abschneiden in Digitalisierungsrankings" in max(calls, key=lambda c: c.at).params["text"]
    assert sum(NOTICE in t for t in texts(calls)) == 1


async def test_buttons_over_the_limit_get_one_notice_then_a_silent_answer(
    fake_api: FakeBotApi, limited_bot: App
) -> None:
    await flood(fake_api, [fake_api.callback_query(f"ans:{ANSWER}", user_id=FLOODER) for _ in range(40)])
    # Every press is answered, or the client would show its spinner; only LIMIT of them open the answer.
    answered = await fake_api.wait_for("answerCallbackQuery", count=40)
    await fake_api.wait_for("sendMessage", to(FLOODER), count=LIMIT)
    await probe(fake_api)

    assert [call.status for call in answered] == [200] * 40
    assert sum(NOTICE in str(call.params.get("text", "")) for call in answered) == 1
    assert sum("text" in call.params for call in answered) == 1
    flooder = texts([c for c in fake_api.calls("sendMessage") if to(FLOODER)(c)])
    assert len(flooder) == LIMIT
    assert all(t.startswith("Nein.") for t in flooder)


async def test_inline_queries_over_the_limit_get_one_empty_answer_then_none(
    fake_api: FakeBotApi, limited_bot: App
) -> None:
    queries = [fake_api.inline_query("platz bochum 2021", user_id=FLOODER) for _ in range(200)]
    await flood(fake_api, queries)
    await fake_api.wait_for("answerInlineQuery", count=LIMIT + 1)
    other = fake_api.inline_query("platz bochum 2021", user_id=OTHER)
    await fake_api.deliver(other)
    calls = await fake_api.wait_for("answerInlineQuery", count=LIMIT + 2)

    # LIMIT lists of answers, one empty list whose button is the notice, then nothing: 194 queries unanswered.
    ids = [query["inline_query"]["id"] for query in queries]
    by_id = {call.params["inline_query_id"]: call.params for call in calls}
    assert len(calls) == len(by_id) == LIMIT + 2
    assert set(by_id) == {*ids[: LIMIT + 1], other["inline_query"]["id"]}
    assert all(by_id[i]["results"][0]["id"] == "bitkom-sci-2021-bochum" for i in ids[:LIMIT])
    notice = by_id[ids[LIMIT]]
    assert notice["results"] == []
    assert notice["cache_time"] == 0
    assert notice["button"]["text"] == "Zu viele Anfragen: bitte eine Minute warten"
    assert by_id[other["inline_query"]["id"]]["results"], "the other account is answered as usual"
    assert fake_api.calls("sendMessage") == []


async def test_every_question_counts_once(fake_api: FakeBotApi, limited_bot: App) -> None:
    """Group questions and /chart were also counted by their own handlers: twice would halve the limit."""
    question = "@foi_test_bot Welchen Platz hatte Bochum 2022?"
    await flood(
        fake_api,
        [
            *(fake_api.group_message(question, user_id=FLOODER) for _ in range(2)),
            *(fake_api.private_message("/chart Bochum", user_id=FLOODER) for _ in range(LIMIT - 2)),
        ],
    )
    group = await fake_api.wait_for("sendMessage", to(GROUP), count=2)
    await fake_api.wait_for("sendPhoto", count=LIMIT - 2)
    await fake_api.deliver(fake_api.private_message("/chart Bochum", user_id=FLOODER))
    [notice] = await fake_api.wait_for("sendMessage", to(FLOODER))
    await probe(fake_api)

    assert all("Platz 8" in t for t in texts(group))
    assert NOTICE in notice.params["text"]
    assert len(fake_api.calls("sendPhoto")) == LIMIT - 2


async def test_chatter_edits_and_membership_changes_count_for_no_one(fake_api: FakeBotApi, limited_bot: App) -> None:
    ignored = [
        *(fake_api.group_message(f"Schönes Wetter heute ({n})", user_id=FLOODER) for n in range(40)),
        *(fake_api.edited_message("Welchen Platz hatte Bochum 2021?", user_id=FLOODER) for _ in range(10)),
        *(fake_api.my_chat_member(GROUP, "member", "member", by_user_id=FLOODER) for _ in range(10)),
    ]
    await flood(fake_api, ignored)
    # All of the limit is still there: LIMIT questions are answered, and only the one after them is refused.
    question = "@foi_test_bot Welchen Platz hatte Bochum 2022?"
    await flood(fake_api, [fake_api.group_message(question, user_id=FLOODER) for _ in range(LIMIT + 1)])
    calls = await fake_api.wait_for("sendMessage", to(GROUP), count=LIMIT + 1)
    await probe(fake_api)

    assert sum("Platz 8" in t for t in texts(calls)) == LIMIT
    assert sum(NOTICE in t for t in texts(calls)) == 1
    assert len(fake_api.calls("sendMessage")) == LIMIT + 2


async def test_maintainers_are_not_limited(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path) -> None:
    app = await start_bot(fake_api, tmp_path, kb_dir, questions_per_minute=LIMIT, maintainer_ids=[FLOODER])
    try:
        await flood(fake_api, [fake_api.private_message("/stats", user_id=FLOODER) for _ in range(LIMIT * 2)])
        calls = await fake_api.wait_for("sendMessage", to(FLOODER), count=LIMIT * 2)
        await probe(fake_api)
    finally:
        await stop_bot(app)
    assert not any(NOTICE in t for t in texts(calls))
