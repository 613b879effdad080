"""10,000 arbitrary updates through the real Application: nothing escapes, every reply is valid for Telegram,
and the store changes only through legitimate commands."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr
from telegram import Update

from bot.config import Settings
from bot.service import FoiService, sync_knowledge
from bot.storage.store import Store
from bot.telegram.app import build_application
from bot.telegram.state import App, BotContext
from tests.e2e.conftest import TEST_TOKEN
from tests.fakes.telegram_inprocess import BOT, InProcessBotApi

BATCH = 10
EXAMPLES = 1_000  # of BATCH updates each: 10,000 updates
NOW = 1_767_225_600

COMMANDS = [
    "/start", "/start ans_257364-externe-beratung", "/start ans_../../etc", "/help", "/ask", "/sources",
    "/ranking", "/ranking 2022", "/ranking 1999", "/chart", "/chart Bochum", "/subscribe", "/subscribe daily",
    "/unsubscribe", "/subscriptions", "/add", "/remove sci-2021-methodik", "/import 257364", "/unanswered",
    "/stats", "/cancel", "/nope", "/ask@foi_test_bot", "/ask@other_bot Bochum",
]  # fmt: skip
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=5000) | st.sampled_from(
    [
        "Welchen Platz hatte Bochum 2021?",
        "<b>Bochum</b> & <script>",
        "\u202eBochum 2021\u202c",
        "Platz\x00\x07\x1b",
        '" OR NEAR( * -- DROP TABLE entries;',
        "@foi_test_bot Hat Bochum Berater bezahlt?",
        "🏙" * 3000,
    ]
)
CALLBACK_DATA = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["ans:257364-externe-beratung", "fb:bitkom-sci-2021-bochum:+", "add:save", "add:cancel"]),
    st.builds(lambda s: f"ans:{s}", st.text(max_size=70)),
    st.builds(lambda s, v: f"fb:{s}:{v}", st.text(max_size=60), st.sampled_from(["+", "-", "*", ""])),
)
STATUSES = ["member", "left", "kicked", "administrator", "creator", "restricted"]


def user(user_id: int, extra: dict[str, Any]) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "U", **extra}


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    """A structurally valid update with arbitrary content, optional fields left out or added."""
    user_id = draw(st.sampled_from([1, 2, 3, 1087968824]))
    extra: dict[str, Any] = draw(
        st.fixed_dictionaries({}, optional={"language_code": st.sampled_from(["de", "en", "xx", ""])})
    )
    sender = user(user_id, extra)
    chat = draw(
        st.sampled_from(
            [
                {"id": user_id, "type": "private", "first_name": "U"},
                {"id": -1001234567890, "type": "supergroup", "title": "G"},
                {"id": -4242, "type": "group", "title": "g"},
            ]
        )
    )
    text = draw(st.sampled_from(COMMANDS) | TEXT)
    message: dict[str, Any] = {"message_id": draw(st.integers(1, 10**6)), "date": NOW, "chat": chat, "from": sender}
    if text:
        message["text"] = text
    if text.startswith("/"):
        length = len(text.split(" ")[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    if text.startswith("@foi_test_bot"):
        message["entities"] = [{"type": "mention", "offset": 0, "length": 13}]
    if draw(st.booleans()):
        message["reply_to_message"] = {"message_id": 1, "date": NOW, "chat": chat, "from": BOT, "text": "x"}
    if draw(st.booleans()):
        message["unexpected_field"] = draw(st.text(max_size=20))
    if chat["type"] != "private" and draw(st.booleans()):
        message["sender_chat"] = {"id": chat["id"], "type": chat["type"], "title": "G"}
    kind = draw(
        st.sampled_from(["message", "edited_message", "channel_post", "inline_query", "callback_query", "member"])
    )
    if kind in {"message", "edited_message"}:
        if kind == "edited_message":
            message["edit_date"] = NOW
        return {kind: message}
    if kind == "channel_post":
        channel = {"id": -1003333, "type": "channel", "title": "C"}
        return {"channel_post": {"message_id": 1, "date": NOW, "chat": channel, "text": text or "x"}}
    if kind == "inline_query":
        query = draw(TEXT)[:300]
        return {"inline_query": {"id": "q", "from": sender, "query": query, "offset": draw(st.text(max_size=5))}}
    if kind == "callback_query":
        original = {"message_id": 9, "date": NOW, "chat": chat, "from": BOT, "text": "x"}
        data = draw(CALLBACK_DATA)
        return {"callback_query": {"id": "c", "from": sender, "chat_instance": "i", "data": data, "message": original}}
    old, new = draw(st.sampled_from(STATUSES)), draw(st.sampled_from(STATUSES))
    return {
        "my_chat_member": {
            "chat": chat,
            "from": sender,
            "date": NOW,
            "old_chat_member": member(old),
            "new_chat_member": member(new),
        }
    }


def member(status: str) -> dict[str, Any]:
    """A ChatMember of the bot with every field PTB requires for that status."""
    every: dict[str, dict[str, Any]] = {
        "administrator": dict.fromkeys(
            "can_be_edited is_anonymous can_manage_chat can_delete_messages can_manage_video_chats "
            "can_restrict_members can_promote_members can_change_info can_invite_users can_post_stories "
            "can_edit_stories can_delete_stories".split(),
            False,
        ),
        "creator": {"is_anonymous": False},
        "kicked": {"until_date": 0},
        "restricted": {
            "is_member": True,
            "until_date": 0,
            **dict.fromkeys(
                "can_change_info can_invite_users can_pin_messages can_manage_topics can_edit_tag "
                "can_send_messages can_send_polls can_send_other_messages can_add_web_page_previews "
                "can_send_audios can_send_documents can_send_photos can_send_videos can_send_video_notes "
                "can_send_voice_notes can_react_to_messages".split(),
                False,
            ),
        },
    }
    return {"status": status, "user": BOT, **every.get(status, {})}


def fingerprint(store: Store) -> str:
    """What only maintainers may change: the entries, their history, the requests, the outbox."""
    digest = hashlib.sha256()
    for sql in (
        "SELECT id, data FROM entries ORDER BY id",
        "SELECT * FROM changes ORDER BY id",
        "SELECT * FROM requests ORDER BY id",
        "SELECT * FROM outbox ORDER BY id",
    ):
        digest.update(repr(store.db.execute(sql).fetchall()).encode())
    return digest.hexdigest()


class Harness:
    def __init__(self, tmp: Path, kb_dir: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.api = InProcessBotApi()
        self.errors: list[BaseException] = []
        settings_ = Settings(
            telegram_bot_token=SecretStr(TEST_TOKEN),
            database_path=tmp / "fuzz.db",
            knowledge_dir=kb_dir,
            questions_per_minute=1_000_000,
        )
        self.store = Store(settings_.database_path)
        sync_knowledge(self.store, kb_dir)
        self.app: App = build_application(settings_, FoiService(self.store), rate_limiter=False, request=self.api)
        self.app.add_error_handler(self._record)
        self.loop.run_until_complete(self.app.initialize())

    async def _record(self, _update: object, context: BotContext) -> None:
        if context.error is not None:
            self.errors.append(context.error)

    async def feed(self, payloads: list[dict[str, Any]]) -> None:
        for number, payload in enumerate(payloads, 1):
            await self.app.process_update(Update.de_json({"update_id": number, **payload}, self.app.bot))
        # Handlers run as tasks (block=False): wait until every one of them has finished.
        current = asyncio.current_task()
        while pending := [t for t in asyncio.all_tasks() if t is not current and not t.done()]:
            await asyncio.wait(pending, timeout=5)

    def close(self) -> None:
        self.loop.run_until_complete(self.app.shutdown())
        self.store.close()
        self.loop.close()


@pytest.fixture
def harness(tmp_path: Path, kb_dir: Path) -> Iterator[Harness]:
    found = Harness(tmp_path, kb_dir)
    yield found
    found.close()


# The harness hands updates to process_update itself instead of starting the polling machinery, so PTB
# notes that handler tasks are not awaited by a running application, and that the /add conversation's
# timeout needs a running job queue; the harness awaits every task itself.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBUserWarning")
def test_arbitrary_updates_are_handled_and_every_reply_is_valid(harness: Harness) -> None:
    before = fingerprint(harness.store)
    managed: set[int] = set()  # groups that an anonymous administrator has asked to subscribe

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(updates(), min_size=BATCH, max_size=BATCH))
    def check(payloads: list[dict[str, Any]]) -> None:
        managed.update(by_anonymous_admin(payloads))
        harness.loop.run_until_complete(harness.feed(payloads))
        assert harness.errors == []
        assert harness.api.problems == []
        subscriptions = harness.store.db.execute("SELECT chat_id, created_by FROM subscriptions").fetchall()
        # The fake says everyone is a plain member: only a person for their own private chat, or an anonymous
        # administrator (the group itself as sender) for a group, may subscribe.
        assert all((chat_id == by and chat_id > 0) or chat_id in managed for chat_id, by in subscriptions)

    check()
    assert fingerprint(harness.store) == before
    assert len(harness.api.calls) > EXAMPLES


def by_anonymous_admin(payloads: list[dict[str, Any]]) -> set[int]:
    """Groups in which a `/subscribe` was sent in the group's own name (an anonymous administrator)."""
    found = set()
    for payload in payloads:
        message = payload.get("message") or {}
        sender = message.get("sender_chat") or {}
        if str(message.get("text", "")).startswith("/subscribe") and sender.get("id") == message["chat"]["id"]:
            found.add(message["chat"]["id"])
    return found
