"""The fake Bot API against the real python-telegram-bot 22.8 client: wire format, answers and faults."""

import asyncio
import datetime as dtm
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    ChatFullInfo,
    ChatMember,
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberOwner,
    ChatMemberRestricted,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from tests.e2e.conftest import TEST_TOKEN, App, Context
from tests.e2e.fake_bot_api import (
    DEFAULT_GROUP_ID,
    FakeBotApi,
    UploadedFile,
    telegram_html_problem,
    utf16_length,
    visible_text,
)
from tests.e2e.waiting import until

USER_ID = 42
# A PNG signature followed by bytes that would break a naive multipart parser.
IMAGE = b"\x89PNG\r\n\x1a\n\r\n--boundary\r\n\r\n\x00\xff"


def message_of(update: Update) -> Message:
    assert update.effective_message is not None
    return update.effective_message


# --- the real application, end to end ------------------------------------------------------------


async def test_echo_handler_replies_to_a_private_message(fake_api: FakeBotApi, ptb_app: App) -> None:
    async def echo(update: Update, _context: Context) -> None:
        await message_of(update).reply_text(message_of(update).text or "")

    ptb_app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    fake_api.push_update(fake_api.private_message("hello there", user_id=USER_ID))

    [call] = await fake_api.wait_for("sendMessage")
    assert call.params == {"chat_id": USER_ID, "text": "hello there"}
    assert call.status == 200
    assert fake_api.tokens == {TEST_TOKEN}
    assert [c.method for c in fake_api.calls()[:3]] == ["getMe", "deleteWebhook", "getUpdates"]


async def test_start_with_deep_link_payload_reaches_command_handler(fake_api: FakeBotApi, ptb_app: App) -> None:
    async def start(update: Update, context: Context) -> None:
        await message_of(update).reply_text(f"payload={context.args}")

    ptb_app.add_handler(CommandHandler("start", start, filters.Regex("ans_")))
    fake_api.push_update(fake_api.private_message("/start ans_17", user_id=USER_ID))

    [call] = await fake_api.wait_for("sendMessage")
    assert call.params["text"] == "payload=['ans_17']"


async def test_group_command_must_name_this_bot(fake_api: FakeBotApi, ptb_app: App) -> None:
    async def ask(update: Update, context: Context) -> None:
        await message_of(update).reply_text(" ".join(context.args or []))

    ptb_app.add_handler(CommandHandler("ask", ask))
    fake_api.push_update(fake_api.group_message("/ask@some_other_bot ignored"))
    command = fake_api.group_message("/ask@foi_test_bot budget")
    fake_api.push_update(command)

    [call] = await fake_api.wait_for("sendMessage")
    assert call.params["chat_id"] == DEFAULT_GROUP_ID
    assert call.params["text"] == "budget"
    # reply_text quotes the command in groups by default, so the fake must know the replied message.
    assert call.params["reply_parameters"]["message_id"] == command["message"]["message_id"]
    assert call.result["reply_to_message"]["text"] == "/ask@foi_test_bot budget"


async def test_inline_query_is_answered(fake_api: FakeBotApi, ptb_app: App) -> None:
    async def inline(update: Update, _context: Context) -> None:
        assert update.inline_query is not None
        content = InputTextMessageContent("<b>Budget</b> &amp; more", parse_mode=ParseMode.HTML)
        await update.inline_query.answer([InlineQueryResultArticle("kb-1", "Budget", content)], cache_time=30)

    ptb_app.add_handler(InlineQueryHandler(inline))
    fake_api.push_update(fake_api.inline_query("budget", user_id=USER_ID))

    [call] = await fake_api.wait_for("answerInlineQuery")
    assert call.status == 200
    assert call.params["inline_query_id"] == "inline-1"
    assert call.params["cache_time"] == 30
    assert call.params["results"][0]["input_message_content"] == {
        "message_text": "<b>Budget</b> &amp; more",
        "parse_mode": "HTML",
    }


async def test_callback_query_is_answered_and_edits_the_bot_message(fake_api: FakeBotApi, ptb_app: App) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Budget", callback_data="ans:17")]])
    sent = await ptb_app.bot.send_message(USER_ID, "Pick one", reply_markup=keyboard)
    assert sent.reply_markup == keyboard
    accessible: list[bool] = []

    async def on_button(update: Update, _context: Context) -> None:
        query = update.callback_query
        assert query is not None
        accessible.append(isinstance(query.message, Message))
        await query.answer()
        await query.edit_message_text(f"Answer {query.data}")

    ptb_app.add_handler(CallbackQueryHandler(on_button, pattern=r"^ans:"))
    fake_api.push_update(fake_api.callback_query("ans:17", user_id=USER_ID, message_id=sent.message_id))

    [edit] = await fake_api.wait_for("editMessageText")
    assert edit.params == {"chat_id": USER_ID, "message_id": sent.message_id, "text": "Answer ans:17"}
    assert [c.status for c in fake_api.calls("answerCallbackQuery")] == [200]
    assert accessible == [True]
    [held] = fake_api.chat_history(USER_ID)
    assert held["text"] == "Answer ans:17"
    assert "reply_markup" not in held


async def test_photo_upload_is_recorded_and_downloadable(fake_api: FakeBotApi, ptb_app: App) -> None:
    sent = await ptb_app.bot.send_photo(
        USER_ID, IMAGE, filename="chart.png", caption="<b>Chart</b> of 2024", parse_mode=ParseMode.HTML
    )

    [call] = fake_api.calls("sendPhoto")
    assert call.files == {"photo": UploadedFile("chart.png", "image/png", IMAGE)}
    assert call.params == {"chat_id": USER_ID, "caption": "<b>Chart</b> of 2024", "parse_mode": "HTML"}
    assert sent.caption == "Chart of 2024"
    assert sent.caption_entities == (MessageEntity(MessageEntity.BOLD, 0, 5),)
    photo_file = await sent.photo[-1].get_file()
    assert bytes(await photo_file.download_as_bytearray()) == IMAGE


async def test_bad_markup_reaches_the_error_handler_as_bad_request(fake_api: FakeBotApi, ptb_app: App) -> None:
    errors: list[object] = []
    handled = asyncio.Event()

    async def reply_badly(update: Update, _context: Context) -> None:
        await message_of(update).reply_text("<b>unclosed", parse_mode=ParseMode.HTML)

    async def on_error(_update: object, context: Context) -> None:
        errors.append(context.error)
        handled.set()

    ptb_app.add_handler(MessageHandler(filters.TEXT, reply_badly))
    ptb_app.add_error_handler(on_error)
    fake_api.push_update(fake_api.private_message("hi", user_id=USER_ID))

    await asyncio.wait_for(handled.wait(), 5)
    [error] = errors
    assert isinstance(error, BadRequest)
    assert "can't parse entities" in str(error).lower()
    assert [c.status for c in fake_api.calls("sendMessage")] == [400]


async def test_deliver_waits_until_the_bot_acknowledged_the_update(fake_api: FakeBotApi, ptb_app: App) -> None:
    assert ptb_app.running
    await fake_api.deliver(fake_api.private_message("no handler for this"))
    assert fake_api.pending_updates == []


async def test_bot_membership_updates_reach_handler_and_gate_sends(fake_api: FakeBotApi, ptb_app: App) -> None:
    seen: list[tuple[str, str]] = []
    handled = asyncio.Event()

    async def on_membership(update: Update, _context: Context) -> None:
        assert update.my_chat_member is not None
        seen.append((update.my_chat_member.old_chat_member.status, update.my_chat_member.new_chat_member.status))
        handled.set()

    ptb_app.add_handler(ChatMemberHandler(on_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    fake_api.push_update(fake_api.my_chat_member(DEFAULT_GROUP_ID, "member", "kicked"))
    await asyncio.wait_for(handled.wait(), 5)

    assert seen == [("member", "kicked")]
    with pytest.raises(Forbidden, match=r"(?i)kicked"):
        await ptb_app.bot.send_message(DEFAULT_GROUP_ID, "still here?")
    member = await ptb_app.bot.get_chat_member(DEFAULT_GROUP_ID, fake_api.bot_id)
    assert isinstance(member, ChatMemberBanned)


async def test_edited_messages_and_channel_posts_reach_their_handlers(fake_api: FakeBotApi, ptb_app: App) -> None:
    texts: list[str] = []

    async def record(update: Update, _context: Context) -> None:
        texts.append(message_of(update).text or "")
        if len(texts) == 2:
            await ptb_app.bot.send_chat_action(USER_ID, ChatAction.TYPING)

    ptb_app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE | filters.UpdateType.CHANNEL_POST, record))
    original = fake_api.private_message("typo", user_id=USER_ID)
    fake_api.push_update(original)
    fake_api.push_update(fake_api.edited_message("fixed", message_id=original["message"]["message_id"]))
    fake_api.push_update(fake_api.channel_post("news"))

    await fake_api.wait_for("sendChatAction")
    assert texts == ["fixed", "news"]


# --- direct Bot calls: answers, validation and faults ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "parse_mode"),
    [
        ("a" * 4096, None),
        ("&amp;" * 4096, ParseMode.HTML),
        ("\N{GRINNING FACE}" * 2048, None),
        ("<b>" + "x" * 4096 + "</b>", ParseMode.HTML),
        ("  padded\n" + "y" * 4089 + "\n\n  ", None),
    ],
    ids=["plain-4096", "entities-count-once", "utf16-4096", "tags-do-not-count", "outer-space-trimmed"],
)
async def test_text_at_the_limit_is_accepted(bot: Bot, text: str, parse_mode: str | None) -> None:
    sent = await bot.send_message(USER_ID, text, parse_mode=parse_mode)
    assert utf16_length(sent.text or "") <= 4096


@pytest.mark.parametrize(
    ("text", "parse_mode", "expected"),
    [
        ("a" * 4097, None, "message is too long"),
        ("\N{GRINNING FACE}" * 2048 + "a", None, "message is too long"),
        ("&lt;" * 4097, ParseMode.HTML, "message is too long"),
        ("<b>bold", ParseMode.HTML, "can't parse entities"),
        ("Tom & Jerry", ParseMode.HTML, "can't parse entities"),
        ("<p>paragraph</p>", ParseMode.HTML, "can't parse entities"),
        ("<b> </b>", ParseMode.HTML, "message text is empty"),
        ("", None, "message text is empty"),
    ],
)
async def test_invalid_text_is_a_bad_request(bot: Bot, text: str, parse_mode: str | None, expected: str) -> None:
    with pytest.raises(BadRequest) as raised:
        await bot.send_message(USER_ID, text, parse_mode=parse_mode)
    assert expected in str(raised.value).lower()


async def test_html_is_answered_as_text_with_utf16_entities(bot: Bot) -> None:
    sent = await bot.send_message(
        USER_ID,
        '\N{GRINNING FACE} <b>bold <i>both</i></b> <a href="https://x.org/?a=1&amp;b=2">link</a> '
        '<pre><code class="language-python">x = 1</code></pre>',
        parse_mode=ParseMode.HTML,
    )
    assert sent.text == "\N{GRINNING FACE} bold both link x = 1"
    assert sent.entities == (
        MessageEntity(MessageEntity.BOLD, 3, 9),
        MessageEntity(MessageEntity.ITALIC, 8, 4),
        MessageEntity(MessageEntity.TEXT_LINK, 13, 4, url="https://x.org/?a=1&b=2"),
        MessageEntity(MessageEntity.PRE, 18, 5, language="python"),
    )


async def test_caption_limit_and_inline_results_are_validated(fake_api: FakeBotApi, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(USER_ID, IMAGE, caption="c" * 1025)
    update = fake_api.inline_query("q")
    fake_api.push_update(update)
    bad = InputTextMessageContent("<i>oops</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)parse entities"):
        await bot.answer_inline_query(update["inline_query"]["id"], [InlineQueryResultArticle("1", "t", bad)])
    with pytest.raises(BadRequest, match=r"(?i)Query is too old"):
        await bot.answer_inline_query("never-pushed", [])


async def test_edit_delete_and_keyboard_rules(fake_api: FakeBotApi, bot: Bot) -> None:
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(USER_ID, "t", reply_markup=too_long)
    sent = await bot.send_message(USER_ID, "same")
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("same", USER_ID, sent.message_id)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="ok")]])
    edited = await bot.edit_message_reply_markup(USER_ID, sent.message_id, reply_markup=keyboard)
    assert isinstance(edited, Message)
    assert edited.reply_markup == keyboard
    assert await bot.delete_message(USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("gone", USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)Query is too old"):
        await bot.answer_callback_query("never-pushed")


@pytest.mark.parametrize(
    ("fault", "error_type"),
    [
        ({"status": 429, "parameters": {"retry_after": 1}}, RetryAfter),
        ({"status": 403, "description": "Forbidden: bot was blocked by the user"}, Forbidden),
        ({"status": 400, "parameters": {"migrate_to_chat_id": -100123}}, ChatMigrated),
        ({"status": 400, "description": "Bad Request: chat not found"}, BadRequest),
        ({"status": 409}, Conflict),
        ({"status": 500}, NetworkError),
        ({"status": 502}, NetworkError),
        ({"drop_connection": True}, NetworkError),
    ],
    ids=["429", "403", "migrate", "400", "409", "500", "502", "dropped"],
)
async def test_faults_map_to_ptb_exceptions(
    fake_api: FakeBotApi, bot: Bot, fault: dict[str, Any], error_type: type[TelegramError]
) -> None:
    injected = fake_api.inject("sendMessage", **fault)

    with pytest.raises(error_type) as raised:
        await bot.send_message(USER_ID, "hi")

    assert type(raised.value) is error_type
    assert injected.hits == 1
    assert injected.remaining == 0
    if isinstance(raised.value, RetryAfter):
        assert raised.value.retry_after == dtm.timedelta(seconds=1)
    if isinstance(raised.value, ChatMigrated):
        assert raised.value.new_chat_id == -100123
    if isinstance(raised.value, Forbidden | BadRequest):
        assert fault["description"].split(": ", 1)[1] in str(raised.value).lower()
    await bot.send_message(USER_ID, "the fault was used up")


async def test_delay_fault_times_out_and_chat_scoped_fault_hits_only_its_chat(fake_api: FakeBotApi, bot: Bot) -> None:
    fake_api.inject("sendMessage", delay=0.5)
    with pytest.raises(TimedOut):
        await bot.send_message(USER_ID, "slow", read_timeout=0.1)

    blocked = fake_api.inject("sendMessage", status=403, chat_id=7, times=None)
    await bot.send_message(8, "fine")
    for _ in range(2):
        with pytest.raises(Forbidden):
            await bot.send_message(7, "blocked")
    assert blocked.hits == 2
    fake_api.clear_faults()
    await bot.send_message(7, "unblocked")


@pytest.mark.parametrize(
    ("status", "member_type"),
    [
        ("creator", ChatMemberOwner),
        ("administrator", ChatMemberAdministrator),
        ("member", ChatMemberMember),
        ("restricted", ChatMemberRestricted),
        ("left", ChatMemberLeft),
        ("kicked", ChatMemberBanned),
    ],
)
async def test_get_chat_member_deserialises_every_status(
    fake_api: FakeBotApi, bot: Bot, status: str, member_type: type[ChatMember]
) -> None:
    fake_api.set_member(DEFAULT_GROUP_ID, USER_ID, status)

    member = await bot.get_chat_member(DEFAULT_GROUP_ID, USER_ID)

    assert type(member) is member_type
    assert member.user.id == USER_ID
    [call] = fake_api.calls("getChatMember")
    assert type(ChatMember.de_json(call.result, bot)) is member_type
    assert not ChatMember.de_json(call.result, bot).api_kwargs


async def test_administrators_chat_info_and_default_membership(fake_api: FakeBotApi, bot: Bot) -> None:
    fake_api.set_member(DEFAULT_GROUP_ID, 1, "administrator", can_restrict_members=False)
    fake_api.set_member(DEFAULT_GROUP_ID, 2, "creator")
    fake_api.set_member(DEFAULT_GROUP_ID, 3, "member")

    admins = await bot.get_chat_administrators(DEFAULT_GROUP_ID)

    assert [(type(a), a.user.id) for a in admins] == [(ChatMemberOwner, 2), (ChatMemberAdministrator, 1)]
    assert isinstance(admins[1], ChatMemberAdministrator)
    assert admins[1].can_restrict_members is False
    assert isinstance(await bot.get_chat_member(DEFAULT_GROUP_ID, 99), ChatMemberMember)
    chat = await bot.get_chat(DEFAULT_GROUP_ID)
    assert isinstance(chat, ChatFullInfo)
    assert chat.type == "supergroup"
    with pytest.raises(BadRequest, match=r"(?i)no administrators"):
        await bot.get_chat_administrators(USER_ID)
    assert await bot.leave_chat(DEFAULT_GROUP_ID)
    with pytest.raises(Forbidden, match=r"(?i)not a member"):
        await bot.send_message(DEFAULT_GROUP_ID, "after leaving")


async def test_commands_and_descriptions_are_stored(fake_api: FakeBotApi, bot: Bot) -> None:
    commands = [BotCommand("ask", "Ask a question"), BotCommand("start", "Start")]
    assert await bot.set_my_commands(commands, scope=BotCommandScopeAllGroupChats(), language_code="de")
    assert fake_api.my_commands({"type": "all_group_chats"}, "de") == [c.to_dict() for c in commands]
    assert await bot.get_my_commands() == ()
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])
    assert await bot.delete_my_commands(language_code="de")
    assert await bot.set_my_description("Answers FOI questions")
    assert await bot.set_my_short_description("FOI answers", language_code="de")
    assert fake_api.descriptions == {"": "Answers FOI questions"}
    assert fake_api.short_descriptions == {"de": "FOI answers"}


async def test_flood_limits_answer_429_with_retry_after(fake_api: FakeBotApi, bot: Bot) -> None:
    fake_api.enforce_flood_limits(per_second=None, per_group_per_minute=3, per_chat_per_second=1, per_chat_burst=1)
    await bot.send_message(USER_ID, "one")
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(USER_ID, "two")
    assert raised.value.retry_after == dtm.timedelta(seconds=1)
    await bot.send_message(USER_ID + 1, "another chat is not limited")

    fake_api.enforce_flood_limits(per_second=None, per_group_per_minute=3, per_chat_per_second=None)
    for _ in range(3):
        await bot.send_message(DEFAULT_GROUP_ID, "group")
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(DEFAULT_GROUP_ID, "one too many")
    assert isinstance(raised.value.retry_after, dtm.timedelta)
    assert dtm.timedelta(seconds=58) <= raised.value.retry_after <= dtm.timedelta(seconds=60)

    fake_api.enforce_flood_limits(per_second=2, per_group_per_minute=None, per_chat_per_second=None)
    await bot.send_message(1, "a")
    await bot.send_message(2, "b")
    with pytest.raises(RetryAfter):
        await bot.send_message(3, "c")
    assert fake_api.flood_429s == 1
    assert [c.status for c in fake_api.calls("sendMessage")].count(429) == 3


async def test_webhook_blocks_get_updates(bot: Bot) -> None:
    assert await bot.set_webhook("https://example.invalid/hook")
    with pytest.raises(Conflict, match=r"(?i)webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook()
    assert await bot.get_updates() == ()


def test_update_builders_produce_valid_updates() -> None:
    api = FakeBotApi()
    payloads = [
        api.private_message("/start@foi_test_bot x", language_code="de"),
        api.group_message("hey @foi_test_bot and @someone_else", reply_to_bot=True),
        api.group_message("anonymous admin", sender_chat=DEFAULT_GROUP_ID),
        api.group_message("linked channel", sender_chat=-100777),
        api.inline_query("budget", offset="10"),
        api.callback_query("ans:1", chat_id=DEFAULT_GROUP_ID),
        api.my_chat_member(DEFAULT_GROUP_ID, "left", "administrator"),
        api.edited_message("edited"),
        api.channel_post("post"),
    ]
    updates = [Update.de_json({"update_id": i, **p}, None) for i, p in enumerate(payloads, 1)]

    assert all(not u.api_kwargs for u in updates)
    assert [type(u.effective_message).__name__ for u in updates] == [
        "Message",
        "Message",
        "Message",
        "Message",
        "NoneType",
        "Message",
        "NoneType",
        "Message",
        "Message",
    ]
    start, mentions, anonymous, linked = (message_of(u) for u in updates[:4])
    assert start.entities == (MessageEntity(MessageEntity.BOT_COMMAND, 0, 19),)
    assert [(e.type, e.offset, e.length) for e in mentions.entities] == [("mention", 4, 13), ("mention", 22, 13)]
    assert mentions.reply_to_message is not None
    assert mentions.reply_to_message.from_user is not None
    assert mentions.reply_to_message.from_user.id == api.bot_id
    assert anonymous.sender_chat is not None
    assert anonymous.sender_chat.id == DEFAULT_GROUP_ID
    assert linked.sender_chat is not None
    assert linked.sender_chat.type == "channel"
    assert updates[6].my_chat_member is not None
    assert isinstance(updates[6].my_chat_member.new_chat_member, ChatMemberAdministrator)


@pytest.mark.parametrize(
    "markup",
    [
        "plain text",
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>",
        '<span class="tg-spoiler">hidden</span> <tg-spoiler>also</tg-spoiler>',
        '<a href="https://example.org/?a=1&b=2">bare &amp; in href is fine</a>',
        '<tg-emoji emoji-id="5368324170671202286">\N{THUMBS UP SIGN}</tg-emoji>',
        "<blockquote>q</blockquote><blockquote expandable>long</blockquote>",
        '<pre><code class="language-python">if a &lt; b &amp;&amp; c &gt; d: pass</code></pre>',
        "<B>upper-case tags</B> &#128512; &#x1F600; &quot;",
        "<b>nested <i>properly <u>three</u></i></b>",
    ],
)
def test_html_validator_accepts_telegram_markup(markup: str) -> None:
    assert telegram_html_problem(markup) is None


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ("<b><i>x</b></i>", 'unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("<b>x", 'can\'t find end tag corresponding to start tag "b"'),
        ("x</b>", 'unexpected end tag "</b>" at byte offset 1'),
        ("<br>", 'unsupported start tag "br" at byte offset 0'),
        ("<b/>", "self-closing"),
        ("<span>x</span>", "tg-spoiler"),
        ("<a>x</a>", "href"),
        ("<tg-emoji>x</tg-emoji>", "emoji-id"),
        ("\N{EURO SIGN} a < b", 'unescaped "<" at byte offset 6'),
        ("Tom & Jerry", 'unescaped "&"'),
        ("x > y", 'unescaped ">"'),
        ("&nbsp;", 'unsupported HTML entity "&nbsp;"'),
        ("&#0;", "invalid character reference"),
        ('<a href="x>', "can't find end of start tag"),
    ],
)
def test_html_validator_reports_problems(markup: str, problem: str) -> None:
    found = telegram_html_problem(markup)
    assert found is not None
    assert problem in found


def test_visible_text_unescapes_and_strips_tags() -> None:
    assert visible_text("<b>a &lt;b&gt;</b> &amp; &#x1F600;") == "a <b> & \N{GRINNING FACE}"
    assert utf16_length("\N{GRINNING FACE}a") == 3


# --- the HTTP layer ------------------------------------------------------------------------------


async def raw_exchange(api: FakeBotApi, request: bytes) -> tuple[int, dict[str, Any]]:
    reader, writer = await asyncio.open_connection("127.0.0.1", api.port)
    try:
        writer.write(request)
        await writer.drain()
        status, body = await read_response(reader)
    finally:
        writer.close()
        await writer.wait_closed()
    return status, body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, Any]]:
    head = (await reader.readuntil(b"\r\n\r\n")).decode()
    length = int(next(line.split(":")[1] for line in head.split("\r\n") if line.lower().startswith("content-length")))
    body = json.loads(await reader.readexactly(length))
    assert isinstance(body, dict)
    return int(head.split()[1]), body


async def test_keep_alive_chunked_json_and_query_string_requests(fake_api: FakeBotApi) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", fake_api.port)
    chunked_body = b"chat_id=5&te" + b"xt=caf%C3%A9"
    writer.write(
        b"POST /botT/sendMessage HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
        + b"%x\r\n%s\r\n" % (len(chunked_body[:12]), chunked_body[:12])
        + b"%x\r\n%s\r\n0\r\n\r\n" % (len(chunked_body[12:]), chunked_body[12:])
    )
    json_body = json.dumps({"chat_id": 6, "text": "json"}).encode()
    writer.write(
        b"POST /botT/sendMessage HTTP/1.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(json_body), json_body)
    )
    writer.write(b"GET /botT/sendMessage?chat_id=7&text=query HTTP/1.1\r\nConnection: close\r\n\r\n")
    await writer.drain()
    answers = [await read_response(reader) for _ in range(3)]
    assert await reader.read() == b""  # "Connection: close" was honoured
    writer.close()
    await writer.wait_closed()

    assert [(status, body["result"]["text"]) for status, body in answers] == [
        (200, "café"),
        (200, "json"),
        (200, "query"),
    ]
    assert [c.params["chat_id"] for c in fake_api.calls("sendMessage")] == [5, 6, 7]


async def test_form_fields_are_decoded_only_where_ptb_encodes_json(fake_api: FakeBotApi) -> None:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{fake_api.port}") as client:
        form = {"chat_id": "@nobody", "text": "true", "disable_notification": "true", "entities": "[]"}
        response = await client.post("/botT/sendMessage", data=form)
        response_ok = await client.post(
            "/botT/sendMessage", data={"chat_id": "9", "text": "[1]", "protect_content": "false"}
        )
    assert response.status_code == 400
    assert response.json() == {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
    assert response_ok.json()["result"]["text"] == "[1]"
    first, second = fake_api.calls("sendMessage")
    assert first.params == {"chat_id": "@nobody", "text": "true", "disable_notification": True, "entities": []}
    assert second.params == {"chat_id": 9, "text": "[1]", "protect_content": False}


async def test_unknown_method_and_path_are_404(fake_api: FakeBotApi, ptb_app: App) -> None:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{fake_api.port}") as client:
        method = await client.post("/bot123:X/frobnicate")
        path = await client.get("/nowhere")
        malformed = await client.post(
            "/bot123:X/sendMessage", content=b"--x\r\n", headers={"Content-Type": "multipart/form-data"}
        )
    assert method.status_code == 404
    assert method.json() == {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
    assert path.status_code == 404
    assert malformed.status_code == 400
    with pytest.raises(EndPointNotFound):
        await ptb_app.bot.do_api_request("frobnicate")


async def test_long_poll_waits_is_woken_and_acknowledges(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with (
        FakeBotApi(long_poll_cap=0.3) as api,
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{api.port}") as client,
    ):
        started = asyncio.get_running_loop().time()
        empty = await client.post("/botT/getUpdates", data={"timeout": "30"})
        assert empty.json() == {"ok": True, "result": []}
        assert 0.25 <= asyncio.get_running_loop().time() - started < 1.0

        poll = asyncio.create_task(client.post("/botT/getUpdates", data={"timeout": "30"}))
        await until(lambda: api._poller is not None, "the long poll to arrive")
        first = api.push_update(api.private_message("one"))
        assert [u["update_id"] for u in (await poll).json()["result"]] == [first]

        second = api.push_update(api.private_message("two"))
        third = api.push_update(api.private_message("three"))
        limited = await client.post("/botT/getUpdates", data={"offset": str(second), "limit": "1"})
        assert [u["update_id"] for u in limited.json()["result"]] == [second]
        assert [u["update_id"] for u in api.pending_updates] == [second, third]
        latest = await client.post("/botT/getUpdates", data={"offset": "-1"})
        assert [u["update_id"] for u in latest.json()["result"]] == [third]

        member_update = api.push_update({"chat_member": {}})
        default = await client.post("/botT/getUpdates", data={"offset": str(third + 1)})
        assert default.json()["result"] == []
        asked = await client.post("/botT/getUpdates", data={"allowed_updates": '["chat_member"]'})
        assert [u["update_id"] for u in asked.json()["result"]] == [member_update]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_client_hanging_up_mid_poll_and_a_second_poller(caplog: pytest.LogCaptureFixture) -> None:
    async with FakeBotApi(long_poll_cap=5) as api:
        _, writer = await asyncio.open_connection("127.0.0.1", api.port)
        writer.write(
            b"POST /botT/getUpdates HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 9\r\n\r\ntimeout=5"
        )
        await writer.drain()
        await until(lambda: api._poller is not None, "the long poll to arrive")
        writer.close()
        await writer.wait_closed()
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{api.port}") as client:
            # The second poll wakes the first, which finds its client gone instead of answering 409.
            await client.post("/botT/getUpdates", data={"timeout": "0"})
            [gone] = await api.wait_for("getUpdates", lambda c: c.status is None, timeout=1)
            assert gone.params == {"timeout": 5}

            older = asyncio.create_task(client.post("/botT/getUpdates", data={"timeout": "5"}))
            await until(lambda: api._poller is not None, "the older poll to arrive")
            newer = await client.post("/botT/getUpdates", data={"timeout": "0"})
            assert newer.status_code == 200
            assert (await older).status_code == 409
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_separate_process_with_state_file_and_control_endpoint(tmp_path: Path) -> None:
    state_file = tmp_path / "calls.jsonl"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.e2e.fake_bot_api",
        "--port",
        "0",
        "--state-file",
        str(state_file),
        stdout=asyncio.subprocess.PIPE,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    try:
        assert process.stdout is not None
        base_url = (await asyncio.wait_for(process.stdout.readline(), 10)).decode().strip()
        root = base_url.removesuffix("/bot")
        async with httpx.AsyncClient() as client:
            me = await client.post(f"{base_url}{TEST_TOKEN}/getMe")
            built = await client.post(f"{root}/_control/private_message", json={"text": "hi", "user_id": 5})
            pushed = await client.post(f"{root}/_control/push_update", json={"payload": built.json()["result"]})
            updates = await client.post(f"{base_url}{TEST_TOKEN}/getUpdates")
            calls = await client.post(f"{root}/_control/calls", json={"method": "getMe"})
            refused = await client.post(f"{root}/_control/stop")
    finally:
        process.terminate()
        assert await asyncio.wait_for(process.wait(), 10) == 0

    assert me.json()["result"]["username"] == "foi_test_bot"
    assert updates.json()["result"][0]["update_id"] == pushed.json()["result"]
    assert updates.json()["result"][0]["message"]["text"] == "hi"
    assert [c["token"] for c in calls.json()["result"]] == [TEST_TOKEN]
    assert refused.status_code == 404
    journal = [json.loads(line) for line in state_file.read_text().splitlines()]
    assert [entry["method"] for entry in journal] == ["getMe", "getUpdates"]
