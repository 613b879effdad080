"""Loopback fake of the Telegram Bot API for end-to-end tests of the real PTB application.

The fake is an asyncio server on 127.0.0.1 that speaks just enough HTTP/1.1 for httpx (keep-alive,
Content-Length and chunked bodies; form, multipart and JSON encodings). It records every call, answers
with Bot API JSON that python-telegram-bot 22.8 deserialises, rejects what Telegram rejects (text
length after entity parsing, HTML markup, callback data size, unknown queries) and injects faults.

In a test: ``async with FakeBotApi() as api`` in the test's own event loop. As a separate process:
``python -m tests.e2e.fake_bot_api --port 0 --state-file calls.jsonl`` prints the base URL, appends each
call to the state file as a JSON line and takes ``POST /_control/<name>`` with a JSON object of keyword
arguments for the methods named in ``CONTROL_METHODS``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import json
import logging
import math
import re
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

JsonDict = dict[str, Any]

_log = logging.getLogger(__name__)

DEFAULT_BOT_ID = 123456
DEFAULT_USER_ID = 1001
DEFAULT_GROUP_ID = -1001234567890
DEFAULT_CHANNEL_ID = -1009876543210
GROUP_ANONYMOUS_BOT_ID = 1087968824
CHANNEL_BOT_ID = 136817688
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_INLINE_RESULTS = 50
MEMBER_STATUSES = frozenset({"creator", "administrator", "member", "restricted", "left", "kicked"})

# Methods a separate test process may call through POST /_control/<name>.
CONTROL_METHODS = frozenset(
    {
        "push_update",
        "inject",
        "clear_faults",
        "set_member",
        "register_chat",
        "register_user",
        "enforce_flood_limits",
        "calls",
        "clear",
        "private_message",
        "group_message",
        "inline_query",
        "callback_query",
        "my_chat_member",
        "edited_message",
        "channel_post",
    }
)

# PTB sends strings raw and JSON-encodes everything else, so only these names are decoded: a message
# text such as "true" or "[1]" must stay the string the user typed.
_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "results",
        "commands",
        "scope",
        "allowed_updates",
        "reply_parameters",
        "link_preview_options",
        "button",
        "entities",
        "caption_entities",
        "media",
        "message_ids",
        "permissions",
    }
)
_NUMBER_FIELDS = frozenset(
    {
        "chat_id",
        "user_id",
        "message_id",
        "offset",
        "timeout",
        "limit",
        "cache_time",
        "from_chat_id",
        "message_thread_id",
        "reply_to_message_id",
        "until_date",
        "max_connections",
    }
)
_BOOL_PREFIXES = (
    "is_",
    "can_",
    "disable_",
    "has_",
    "show_",
    "allow_",
    "protect_",
    "only_",
    "revoke_",
    "drop_",
)

# Telegram leaves these out of the default allowed_updates; a bot must ask for them explicitly.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_MESSAGE_UPDATES = frozenset({"message", "edited_message", "channel_post", "edited_channel_post"})
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_GROUP_ANONYMOUS_BOT: JsonDict = {
    "id": GROUP_ANONYMOUS_BOT_ID,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
_CHANNEL_BOT: JsonDict = {
    "id": CHANNEL_BOT_ID,
    "is_bot": True,
    "first_name": "Channel",
    "username": "Channel_Bot",
}

_ADMINISTRATOR_RIGHTS: JsonDict = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
    "can_manage_topics": False,
}
_RESTRICTED_DEFAULTS: JsonDict = {
    "is_member": True,
    "until_date": 0,
    "can_change_info": False,
    "can_invite_users": False,
    "can_pin_messages": False,
    "can_manage_topics": False,
    "can_edit_tag": False,
    "can_send_messages": False,
    "can_send_polls": False,
    "can_send_other_messages": False,
    "can_add_web_page_previews": False,
    "can_send_audios": False,
    "can_send_documents": False,
    "can_send_photos": False,
    "can_send_videos": False,
    "can_send_video_notes": False,
    "can_send_voice_notes": False,
    "can_react_to_messages": False,
}
# PTB 22.8 builds ChatMember subclasses with cls(**data): each status needs all of its fields.
_MEMBER_DEFAULTS: dict[str, JsonDict] = {
    "creator": {"is_anonymous": False},
    "administrator": _ADMINISTRATOR_RIGHTS,
    "member": {},
    "restricted": _RESTRICTED_DEFAULTS,
    "left": {},
    "kicked": {"until_date": 0},
}

_API_PATH_RE = re.compile(r"/bot([^/]+)/([A-Za-z0-9_]+)")
_FILE_PATH_RE = re.compile(r"/file/bot([^/]+)/(.+)")
_CONTROL_PATH_RE = re.compile(r"/_control/([a-z_]+)")
_PART_PARAM_RE = re.compile(r';\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))')
_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")
_MENTION_RE = re.compile(r"(?<![A-Za-z0-9_@/])@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])")
_COMMAND_NAME_RE = re.compile(r"[a-z0-9_]{1,32}")


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    return len(text.encode("utf-16-le")) // 2


# ---------------------------------------------------------------------------------------------------
# Telegram's HTML subset
# ---------------------------------------------------------------------------------------------------

_TAG_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TEXT_RUN_RE = re.compile(r"[^<>&]+")
_CHAR_REF_RE = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});")
_TAG_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTRIBUTE_RE = re.compile(r"""\s+([A-Za-z][-A-Za-z0-9_:]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+)))?""")
_START_TAG_END_RE = re.compile(r"\s*(/?)>")
_END_TAG_RE = re.compile(r"</\s*([A-Za-z][A-Za-z0-9-]*)\s*>")


class HtmlProblem(ValueError):
    """Markup that Telegram refuses to parse."""


@dataclass
class _OpenTag:
    name: str
    offset: int
    entity: JsonDict | None


class _TelegramHtml:
    """Parses Telegram's HTML subset into visible text and MessageEntity dicts with UTF-16 offsets.

    A bare "&" or ">" outside a tag is rejected although Telegram's parser lets it through: the Bot API
    docs require escaping them, and an unescaped one means the bot forgot html.escape somewhere.
    """

    def __init__(self, markup: str) -> None:
        self._markup = markup
        self._pos = 0
        self._chars: list[str] = []
        self._length = 0
        self._open: list[_OpenTag] = []
        self.entities: list[JsonDict] = []

    def parse(self) -> str:
        markup = self._markup
        while self._pos < len(markup):
            char = markup[self._pos]
            if char == "<":
                if markup.startswith("</", self._pos):
                    self._end_tag()
                else:
                    self._start_tag()
            elif char == "&":
                self._char_ref()
            elif char == ">":
                raise HtmlProblem(f'unescaped ">" at {self._where()}; write &gt;')
            else:
                run = _TEXT_RUN_RE.match(markup, self._pos)
                assert run is not None  # the current character is none of "<>&"
                self._append(run.group())
                self._pos = run.end()
        if self._open:
            raise HtmlProblem(f'can\'t find end tag corresponding to start tag "{self._open[-1].name}"')
        self.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        return "".join(self._chars)

    def _where(self, pos: int | None = None) -> str:
        return f"byte offset {len(self._markup[: self._pos if pos is None else pos].encode())}"

    def _append(self, text: str) -> None:
        self._chars.append(text)
        self._length += utf16_length(text)

    def _char_ref(self) -> None:
        match = _CHAR_REF_RE.match(self._markup, self._pos)
        if match is None:
            raise HtmlProblem(f'unescaped "&" at {self._where()}; write &amp;')
        ref = match.group(1)
        if not ref.startswith("#"):
            if ref not in _NAMED_ENTITIES:
                raise HtmlProblem(f'unsupported HTML entity "&{ref};" at {self._where()}')
            self._append(_NAMED_ENTITIES[ref])
        else:
            code = int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:])
            if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise HtmlProblem(f'invalid character reference "&{ref};" at {self._where()}')
            self._append(chr(code))
        self._pos = match.end()

    def _start_tag(self) -> None:
        start = self._pos
        name_match = _TAG_NAME_RE.match(self._markup, start + 1)
        if name_match is None:
            raise HtmlProblem(f'unescaped "<" at {self._where(start)}; write &lt;')
        name = name_match.group().lower()
        if name not in _TAG_ENTITY_TYPES:
            raise HtmlProblem(f'unsupported start tag "{name}" at {self._where(start)}')
        attributes: dict[str, str] = {}
        pos = name_match.end()
        while (attribute := _ATTRIBUTE_RE.match(self._markup, pos)) is not None:
            value = next((v for v in attribute.group(2, 3, 4) if v is not None), "")
            attributes[attribute.group(1).lower()] = html.unescape(value)
            pos = attribute.end()
        end = _START_TAG_END_RE.match(self._markup, pos)
        if end is None:
            raise HtmlProblem(f"can't find end of start tag at {self._where(start)}")
        if end.group(1):
            raise HtmlProblem(f'self-closing tag "{name}" at {self._where(start)} is not supported')
        self._open.append(_OpenTag(name, self._length, self._entity_for(name, attributes, start)))
        self._pos = end.end()

    def _entity_for(self, name: str, attributes: dict[str, str], start: int) -> JsonDict | None:
        if name == "span" and attributes.get("class") != "tg-spoiler":
            raise HtmlProblem(f'tag "span" at {self._where(start)} must have class "tg-spoiler"')
        if name == "a":
            if not attributes.get("href"):
                raise HtmlProblem(f'tag "a" at {self._where(start)} needs a non-empty href')
            return {"type": "text_link", "url": attributes["href"]}
        if name == "tg-emoji":
            if not attributes.get("emoji-id", "").isdigit():
                raise HtmlProblem(f'tag "tg-emoji" at {self._where(start)} needs a numeric emoji-id')
            return {"type": "custom_emoji", "custom_emoji_id": attributes["emoji-id"]}
        if name == "blockquote" and "expandable" in attributes:
            return {"type": "expandable_blockquote"}
        if name == "code" and self._open and self._open[-1].name == "pre":
            # <pre><code class="language-x"> is one pre entity carrying the language.
            language = attributes.get("class", "")
            pre = self._open[-1].entity
            if language.startswith("language-") and pre is not None:
                pre["language"] = language.removeprefix("language-")
            return None
        return {"type": _TAG_ENTITY_TYPES[name]}

    def _end_tag(self) -> None:
        match = _END_TAG_RE.match(self._markup, self._pos)
        if match is None:
            raise HtmlProblem(f"can't find end of end tag at {self._where()}")
        name = match.group(1).lower()
        if not self._open:
            raise HtmlProblem(f'unexpected end tag "</{name}>" at {self._where()}')
        tag = self._open.pop()
        if tag.name != name:
            raise HtmlProblem(f'unmatched end tag at {self._where()}, expected "</{tag.name}>", found "</{name}>"')
        if tag.entity is not None and self._length > tag.offset:
            self.entities.append({**tag.entity, "offset": tag.offset, "length": self._length - tag.offset})
        self._pos = match.end()


def telegram_html_problem(text: str) -> str | None:
    """Why Telegram would reject ``text`` sent with parse_mode=HTML, or None if it parses."""
    try:
        _TelegramHtml(text).parse()
    except HtmlProblem as problem:
        return str(problem)
    return None


def visible_text(markup: str) -> str:
    """The text a user sees for HTML ``markup``; raises HtmlProblem if Telegram would reject it."""
    return _TelegramHtml(markup).parse()


def _trimmed(text: str, entities: list[JsonDict]) -> tuple[str, list[JsonDict]]:
    """Strips surrounding whitespace as Telegram does, moving entity offsets along."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    shift = utf16_length(text[: len(text) - len(text.lstrip())])
    limit = utf16_length(stripped)
    moved = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, limit)
        if end > start:
            moved.append({**entity, "offset": start, "length": end - start})
    return stripped, moved


def _checked_text(value: Any, parse_mode: Any, entities: Any, *, caption: bool) -> tuple[str, list[JsonDict]]:
    """Visible text and entities as Telegram would store them, or the 400 Telegram would answer.

    Only HTML is parsed; Markdown text is taken as it is, so its length is over-counted.
    """
    text = value if isinstance(value, str) else ""
    if isinstance(parse_mode, str) and parse_mode.lower() == "html":
        parser = _TelegramHtml(text)
        try:
            text = parser.parse()
        except HtmlProblem as problem:
            raise _ApiError(400, f"Bad Request: can't parse entities: {problem}") from None
        found = parser.entities
    else:
        found = entities if isinstance(entities, list) else []
    text, found = _trimmed(text, found)
    if caption:
        if utf16_length(text) > MAX_CAPTION_LENGTH:
            raise _ApiError(400, "Bad Request: message caption is too long")
    elif not text:
        raise _ApiError(400, "Bad Request: message text is empty")
    elif utf16_length(text) > MAX_TEXT_LENGTH:
        raise _ApiError(400, "Bad Request: message is too long")
    return text, found


def _detect_entities(text: str) -> list[JsonDict]:
    """The bot_command and mention entities Telegram's clients attach to what a user types."""
    entities: list[JsonDict] = []
    command = _COMMAND_RE.match(text)
    if command is not None:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_length(command.group())})
    for mention in _MENTION_RE.finditer(text):
        entities.append(
            {
                "type": "mention",
                "offset": utf16_length(text[: mention.start()]),
                "length": utf16_length(mention.group()),
            }
        )
    return entities


# ---------------------------------------------------------------------------------------------------
# Records, faults and flood limits
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str
    data: bytes


@dataclass
class Call:
    """One Bot API request, recorded once the fake has decided its answer.

    ``at`` is time.monotonic() on arrival; ``status`` is the HTTP status answered, None when the fake
    sent nothing (a dropped connection or a client that hung up); ``result`` is the "result" sent.
    """

    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile]
    at: float
    token: str = ""
    status: int | None = None
    result: Any = None


def to(chat_id: int) -> Callable[[Call], bool]:
    """Calls addressed to one chat (a filter for `wait_for`)."""
    return lambda call: call.params.get("chat_id") == chat_id


@dataclass
class Fault:
    """An injected failure; ``remaining`` None means it never runs out."""

    method: str
    status: int | None
    description: str
    parameters: JsonDict | None
    remaining: int | None
    chat_id: int | str | None
    delay: float
    drop_connection: bool
    hits: int = 0

    def matches(self, method: str, params: JsonDict) -> bool:
        return (
            (self.remaining is None or self.remaining > 0)
            and self.method in ("*", method)
            and (self.chat_id is None or params.get("chat_id") == self.chat_id)
        )


def _window_wait(times: deque[float], limit: int, window: float, now: float, *, closed: bool = False) -> float:
    """Seconds until `times` has room for one more within `window`; `closed` still counts a send exactly
    `window` ago."""
    while times and (times[0] < now - window if closed else times[0] <= now - window):
        times.popleft()
    # Never 0 when full: a closed window is still full at its exact end.
    return 0.0 if len(times) < limit else max(times[0] + window - now, 1e-9)


@dataclass
class _FloodLimiter:
    per_second: int | None
    per_group_per_minute: int | None
    per_chat_per_second: float | None
    per_chat_burst: int
    strict: bool = False
    rejected: int = 0
    overall: deque[float] = field(default_factory=deque)
    groups: dict[int | str, deque[float]] = field(default_factory=dict)
    buckets: dict[int | str, tuple[float, float]] = field(default_factory=dict)

    def retry_after(self, chat_id: int | str, now: float) -> int | None:
        """Seconds to wait if this send breaks a limit; otherwise counts the send and returns None."""
        waits = [0.0]
        if self.per_second:
            waits.append(_window_wait(self.overall, self.per_second, 1.0, now, closed=self.strict))
            if self.strict:
                # Every attempt counts, the ones answered 429 too: a client that retries early stays locked out.
                self.overall.append(now)
        # AIORateLimiter also treats "@name" ids as groups.
        is_group = isinstance(chat_id, str) or chat_id < 0
        group = self.groups.setdefault(chat_id, deque()) if is_group else None
        if group is not None and self.per_group_per_minute:
            waits.append(_window_wait(group, self.per_group_per_minute, 60.0, now))
        tokens = 0.0
        if self.per_chat_per_second:
            # A token bucket, because Telegram tolerates short bursts in one chat.
            tokens, last = self.buckets.get(chat_id, (float(self.per_chat_burst), now))
            tokens = min(float(self.per_chat_burst), tokens + (now - last) * self.per_chat_per_second)
            waits.append(0.0 if tokens >= 1 else (1 - tokens) / self.per_chat_per_second)
        if max(waits) > 0:
            self.rejected += 1
            return max(1, math.ceil(max(waits)))
        if not self.strict:
            self.overall.append(now)
        if group is not None:
            group.append(now)
        if self.per_chat_per_second:
            self.buckets[chat_id] = (tokens - 1, now)
        return None


class _ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: JsonDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JsonDict:
        return _error_body(self.status, self.description, self.parameters)


class _NoAnswer(Exception):
    """The fake closes the connection without answering."""


class _MalformedRequest(Exception):
    pass


def _error_body(status: int, description: str, parameters: JsonDict | None = None) -> JsonDict:
    body: JsonDict = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


def _now() -> int:
    return int(time.time())


def _update_type(update: JsonDict) -> str:
    return next((key for key in update if key != "update_id"), "")


def _without_reply(message: JsonDict) -> JsonDict:
    # Telegram nests only one level of reply_to_message.
    return {key: value for key, value in message.items() if key != "reply_to_message"}


def _inline_markup(params: JsonDict) -> JsonDict | None:
    """The reply_markup Telegram echoes (inline keyboards only), after checking callback data size."""
    markup = params.get("reply_markup")
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    for row in markup["inline_keyboard"]:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise _ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return markup


def _int_param(params: JsonDict, name: str) -> int:
    value = params.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _ApiError(400, f"Bad Request: {name} is empty" if value is None else f"Bad Request: invalid {name}")
    return value


def _number(params: JsonDict, name: str, default: float) -> float:
    value = params.get(name)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else default


# ---------------------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------------------


@dataclass
class _HttpRequest:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    keep_alive: bool


@dataclass
class _Request:
    token: str
    method: str
    params: JsonDict
    files: dict[str, UploadedFile]
    client_gone: Callable[[], bool]


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    chunks = []
    while True:
        size_line = await reader.readline()
        try:
            size = int(size_line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise _MalformedRequest from None
        if size == 0:
            break
        chunks.append(await reader.readexactly(size))
        await reader.readexactly(2)
    # Trailer fields carry nothing the fake needs.
    while await reader.readline() not in (b"\r\n", b"\n", b""):
        pass
    return b"".join(chunks)


async def _read_http_request(reader: asyncio.StreamReader) -> _HttpRequest | None:
    """The next request on a connection, or None when the client closed it between requests."""
    try:
        line = await reader.readline()
        if not line:
            return None
        method, target, version = line.decode("latin-1").split()
        headers: dict[str, str] = {}
        while (header := await reader.readline()) not in (b"\r\n", b"\n"):
            name, colon, value = header.decode("latin-1").partition(":")
            if not colon:
                raise _MalformedRequest
            headers[name.strip().lower()] = value.strip()
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = await _read_chunked(reader)
        else:
            body = await reader.readexactly(int(headers.get("content-length", "0")))
    except ValueError:
        # Also what StreamReader.readline raises for an overlong line.
        raise _MalformedRequest from None
    connection = headers.get("connection", "").lower()
    keep_alive = connection != "close" if version == "HTTP/1.1" else connection == "keep-alive"
    url = urlsplit(target)
    return _HttpRequest(method.upper(), unquote(url.path), url.query, headers, body, keep_alive)


def _decode_field(name: str, raw: str) -> Any:
    if name in _JSON_FIELDS:
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    if name in _NUMBER_FIELDS:
        for number in (int, float):
            try:
                return number(raw)
            except ValueError:
                pass
        return raw
    if raw in ("true", "false") and name.startswith(_BOOL_PREFIXES):
        return raw == "true"
    return raw


def _parse_multipart(body: bytes, boundary: str) -> tuple[dict[str, str], dict[str, UploadedFile]]:
    fields: dict[str, str] = {}
    files: dict[str, UploadedFile] = {}
    # Splitting on CRLF + delimiter keeps file bytes exact, whatever CRLFs they contain.
    for part in (b"\r\n" + body).split(b"\r\n--" + boundary.encode("latin-1"))[1:]:
        if part.startswith(b"--"):
            break
        head, separator, content = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not separator:
            raise _MalformedRequest
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        disposition = {
            match.group(1).lower(): match.group(2).replace("\\\\", "\\")
            if match.group(2) is not None
            else match.group(3)
            for match in _PART_PARAM_RE.finditer(headers.get("content-disposition", ""))
        }
        if "name" not in disposition:
            raise _MalformedRequest
        if "filename" in disposition or "content-type" in headers:
            files[disposition["name"]] = UploadedFile(
                disposition.get("filename"), headers.get("content-type", "application/octet-stream"), content
            )
        else:
            fields[disposition["name"]] = content.decode("utf-8")
    return fields, files


def _decode_parameters(http: _HttpRequest) -> tuple[JsonDict, dict[str, UploadedFile]]:
    raw: dict[str, str] = dict(parse_qsl(http.query, keep_blank_values=True))
    files: dict[str, UploadedFile] = {}
    content_type, _, type_params = http.headers.get("content-type", "").partition(";")
    content_type = content_type.strip().lower()
    try:
        if content_type == "application/json" and http.body:
            decoded = json.loads(http.body)
            if not isinstance(decoded, dict):
                raise _MalformedRequest
            return {**{k: _decode_field(k, v) for k, v in raw.items()}, **decoded}, files
        if content_type == "application/x-www-form-urlencoded":
            raw.update(parse_qsl(http.body.decode("utf-8"), keep_blank_values=True))
        elif content_type == "multipart/form-data":
            boundary = re.search(r'boundary="?([^";]+)"?', type_params)
            if boundary is None:
                raise _MalformedRequest
            fields, files = _parse_multipart(http.body, boundary.group(1))
            raw.update(fields)
    except ValueError:
        raise _MalformedRequest from None
    return {name: _decode_field(name, value) for name, value in raw.items()}, files


async def _write(writer: asyncio.StreamWriter, status: int, body: bytes, content_type: str, keep_alive: bool) -> None:
    if writer.is_closing():
        return
    head = (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
    )
    writer.write(head.encode("latin-1") + body)
    await writer.drain()


async def _write_json(writer: asyncio.StreamWriter, status: int, payload: Any, keep_alive: bool) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode()
    await _write(writer, status, body, "application/json", keep_alive)


def _call_json(call: Call) -> JsonDict:
    files = {
        name: {"filename": upload.filename, "content_type": upload.content_type, "size": len(upload.data)}
        for name, upload in call.files.items()
    }
    return {**asdict(call), "files": files}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Call):
        return _call_json(value)
    if isinstance(value, Fault):
        return asdict(value)
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value


# ---------------------------------------------------------------------------------------------------
# The fake
# ---------------------------------------------------------------------------------------------------


class FakeBotApi:
    """A fake Telegram Bot API on 127.0.0.1; use ``async with FakeBotApi() as api``."""

    def __init__(
        self,
        *,
        port: int = 0,
        bot_id: int = DEFAULT_BOT_ID,
        bot_username: str = "foi_test_bot",
        bot_first_name: str = "FOI Test Bot",
        can_join_groups: bool = True,
        can_read_all_group_messages: bool = False,
        supports_inline_queries: bool = True,
        long_poll_cap: float = 1.0,
        journal: Path | None = None,
    ) -> None:
        self.bot_user: JsonDict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        self.me: JsonDict = {
            **self.bot_user,
            "can_join_groups": can_join_groups,
            "can_read_all_group_messages": can_read_all_group_messages,
            "supports_inline_queries": supports_inline_queries,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.long_poll_cap = long_poll_cap
        self.webhook: JsonDict | None = None
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self.faults: list[Fault] = []
        # Called with every recorded call: lets a benchmark follow thousands of chats without rescanning.
        self.on_call: Callable[[Call], None] | None = None
        self.internal_errors: list[Exception] = []
        self._requested_port = port
        self._journal = journal
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[Any]] = set()
        self._changed = asyncio.Event()
        self._calls: list[Call] = []
        self._pending: list[JsonDict] = []
        self._next_update_id = 1
        self._acked_below = 0
        self._allowed_updates: frozenset[str] | None = None
        self._poller: object | None = None
        self._users: dict[int, JsonDict] = {}
        self._chats: dict[int, JsonDict] = {}
        self._messages: dict[tuple[int, int], JsonDict] = {}
        self._last_message_id: dict[int, int] = {}
        self._members: dict[tuple[int, int], tuple[str, JsonDict]] = {}
        self._commands: dict[tuple[str, str], list[JsonDict]] = {}
        self._files: dict[str, tuple[str, UploadedFile]] = {}
        self._open_callback_queries: set[str] = set()
        self._open_inline_queries: set[str] = set()
        self._query_counter = 0
        self._flood: _FloodLimiter | None = None
        self._methods: dict[str, Callable[[_Request], Any]] = {
            "getMe": self._get_me,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "sendPhoto": self._send_photo,
            "sendChatAction": self._send_chat_action,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "getMyCommands": self._get_my_commands,
            "setMyDescription": self._set_my_description,
            "setMyShortDescription": self._set_my_short_description,
            "getChatMember": self._get_chat_member,
            "getChatAdministrators": self._get_chat_administrators,
            "leaveChat": self._leave_chat,
            "getChat": self._get_chat,
            "getFile": self._get_file,
        }

    # -- lifecycle ------------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()
        if exc_type is None and self.internal_errors:
            raise RuntimeError(
                f"the fake Bot API failed {len(self.internal_errors)} time(s): {self.internal_errors[0]!r}"
            ) from self.internal_errors[0]

    async def start(self) -> None:
        if self._server is not None:
            raise RuntimeError("the fake Bot API is already running")
        self._changed = asyncio.Event()
        self._server = await asyncio.start_server(self._serve_connection, "127.0.0.1", self._requested_port)
        if self._journal is not None:
            self._journal.write_text("", encoding="utf-8")

    async def stop(self) -> None:
        if self._server is None:
            return
        self._server.close()
        for task in self._connections:
            task.cancel()
        await asyncio.gather(*self._connections, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the fake Bot API is not running")
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    @property
    def base_url(self) -> str:
        """For ApplicationBuilder().base_url(): PTB appends the token and "/<method>"."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def bot_id(self) -> int:
        bot_id: int = self.bot_user["id"]
        return bot_id

    @property
    def bot_username(self) -> str:
        username: str = self.bot_user["username"]
        return username

    # -- recorded calls -------------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        return [call for call in self._calls if method is None or call.method == method]

    def clear(self) -> None:
        """Forgets the recorded calls (not the chats, messages or pending updates)."""
        self._calls.clear()

    @property
    def tokens(self) -> set[str]:
        return {call.token for call in self._calls}

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        count: int = 1,
        timeout: float = 5.0,
    ) -> list[Call]:
        """All recorded ``method`` calls matching ``predicate`` once there are at least ``count``."""

        def matching() -> list[Call]:
            return [call for call in self.calls(method) if predicate is None or predicate(call)]

        if not await self._until(lambda: len(matching()) >= count, timeout):
            seen = [f"{call.method}:{call.status}" for call in self._calls]
            raise AssertionError(
                f"expected {count} matching {method} call(s) within {timeout}s, got {len(matching())}; recorded: {seen}"
            )
        return matching()

    def chat_history(self, chat_id: int) -> list[JsonDict]:
        """The messages the fake holds for a chat, oldest first, after edits and deletions."""
        return [message for (chat, _), message in sorted(self._messages.items()) if chat == chat_id]

    def my_commands(self, scope: JsonDict | None = None, language_code: str = "") -> list[JsonDict]:
        return list(self._commands.get(self._commands_key(scope, language_code), []))

    # -- faults and limits ----------------------------------------------------------------------

    def inject(
        self,
        method: str,
        *,
        status: int | None = None,
        description: str | None = None,
        parameters: JsonDict | None = None,
        times: int | None = 1,
        chat_id: int | str | None = None,
        delay: float = 0.0,
        drop_connection: bool = False,
    ) -> Fault:
        """Makes the next ``times`` calls of ``method`` ("*" for any) fail, stall or lose their answer.

        With ``status`` the call fails with Telegram's error JSON; ``delay`` holds the answer back (on its
        own the call then succeeds); ``drop_connection`` closes the socket without answering.
        """
        if status is None and not delay and not drop_connection:
            raise ValueError("inject needs a status, a delay or drop_connection")
        parameters = dict(parameters or {})
        if status == 429:
            parameters.setdefault("retry_after", 1)
        if description is None:
            description = self._default_description(status, parameters)
        fault = Fault(method, status, description, parameters or None, times, chat_id, delay, drop_connection)
        self.faults.append(fault)
        return fault

    @staticmethod
    def _default_description(status: int | None, parameters: JsonDict) -> str:
        if status == 429:
            return f"Too Many Requests: retry after {parameters['retry_after']}"
        if "migrate_to_chat_id" in parameters:
            return "Bad Request: group chat was upgraded to a supergroup chat"
        if status == 403:
            return "Forbidden: bot was blocked by the user"
        return HTTPStatus(status).phrase if status is not None else ""

    def clear_faults(self) -> None:
        self.faults.clear()

    def enforce_flood_limits(
        self,
        per_second: int | None = 30,
        per_group_per_minute: int | None = 20,
        per_chat_per_second: float | None = 1,
        per_chat_burst: int = 3,
        *,
        strict: bool = False,
    ) -> None:
        """Answers sends that break Telegram's flood limits with 429 and retry_after (None disables one).
        `strict`: the overall limit counts every send attempt, 429s included, in the closed last second, so
        any one-second window with more than `per_second` sends draws a 429."""
        self._flood = _FloodLimiter(per_second, per_group_per_minute, per_chat_per_second, per_chat_burst, strict)

    @property
    def flood_429s(self) -> int:
        return 0 if self._flood is None else self._flood.rejected

    # -- chats, users and members ---------------------------------------------------------------

    def register_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        username: str | None = None,
        language_code: str | None = None,
    ) -> JsonDict:
        known = self._users.get(user_id, {})
        user: JsonDict = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name or known.get("first_name") or "Test User",
        }
        for key, value in (("username", username), ("language_code", language_code)):
            if value is not None or key in known:
                user[key] = value if value is not None else known[key]
        self._users[user_id] = user
        return user

    def register_chat(
        self,
        chat_id: int,
        chat_type: str | None = None,
        *,
        title: str | None = None,
        first_name: str | None = None,
        username: str | None = None,
    ) -> JsonDict:
        """Fixes how a chat looks in answers; unknown chats are private (id > 0) or groups."""
        if chat_type is None:
            chat_type = "private" if chat_id > 0 else "supergroup" if chat_id < -(10**12) else "group"
        chat: JsonDict = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name or self._user(chat_id)["first_name"]
        else:
            chat["title"] = title or f"{chat_type.title()} {chat_id}"
        if username is not None:
            chat["username"] = username
        self._chats[chat_id] = chat
        return chat

    def set_member(self, chat_id: int, user_id: int, status: str, **fields: Any) -> None:
        """What getChatMember answers for (chat_id, user_id); ``fields`` override the status' defaults."""
        if status not in MEMBER_STATUSES:
            raise ValueError(f"unknown member status {status!r}; use one of {sorted(MEMBER_STATUSES)}")
        self._members[(chat_id, user_id)] = (status, fields)

    def _user(self, user_id: int) -> JsonDict:
        if user_id == self.bot_id:
            return dict(self.bot_user)
        return self._users.get(user_id) or {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}

    def _chat(self, chat_id: int) -> JsonDict:
        return dict(self._chats.get(chat_id) or self.register_chat(chat_id))

    def _member(self, chat_id: int, user_id: int) -> JsonDict:
        status, fields = self._members.get((chat_id, user_id), ("member", {}))
        return self._member_payload(user_id, status, fields)

    def _member_payload(self, user_id: int, status: str, fields: JsonDict) -> JsonDict:
        return {"status": status, "user": self._user(user_id), **_MEMBER_DEFAULTS[status], **fields}

    # -- updates --------------------------------------------------------------------------------

    def push_update(self, payload: JsonDict) -> int:
        """Queues an update for getUpdates, numbering it unless it has an update_id; returns the id."""
        given = payload.get("update_id")
        update_id = given if isinstance(given, int) else self._next_update_id
        self._next_update_id = max(self._next_update_id, update_id + 1)
        update = {"update_id": update_id, **{k: v for k, v in payload.items() if k != "update_id"}}
        self._remember(update)
        self._pending.append(update)
        self._pending.sort(key=lambda queued: int(queued["update_id"]))
        self._notify()
        return update_id

    async def deliver(self, payload: JsonDict, timeout: float = 5.0) -> int:
        """Pushes an update and waits until the bot acknowledged it with a later getUpdates offset."""
        update_id = self.push_update(payload)
        if not await self._until(lambda: self._acked_below > update_id, timeout):
            raise AssertionError(
                f"update {update_id} ({_update_type(payload)}) was not acknowledged within {timeout}s; "
                f"allowed_updates={sorted(self._allowed_updates or [])}"
            )
        return update_id

    @property
    def pending_updates(self) -> list[JsonDict]:
        return list(self._pending)

    def _remember(self, update: JsonDict) -> None:
        kind = _update_type(update)
        body = update.get(kind)
        if not isinstance(body, dict):
            return
        if kind in _MESSAGE_UPDATES:
            self._store(body)
        elif kind == "callback_query":
            self._open_callback_queries.add(str(body.get("id")))
            message = body.get("message")
            if isinstance(message, dict) and message.get("date"):
                self._store(message)
        elif kind == "inline_query":
            self._open_inline_queries.add(str(body.get("id")))

    def _store(self, message: JsonDict) -> None:
        chat = message["chat"]
        self._chats.setdefault(chat["id"], chat)
        sender = message.get("from")
        if isinstance(sender, dict) and not sender.get("is_bot"):
            self._users.setdefault(sender["id"], sender)
        message_id = int(message["message_id"])
        self._messages[(chat["id"], message_id)] = message
        self._last_message_id[chat["id"]] = max(self._last_message_id.get(chat["id"], 0), message_id)

    def _next_message_id(self, chat_id: int) -> int:
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    # -- update builders ------------------------------------------------------------------------

    def private_message(
        self,
        text: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        first_name: str | None = None,
        language_code: str | None = None,
        username: str | None = None,
    ) -> JsonDict:
        """A "message" update from a user in their private chat with the bot."""
        user = self.register_user(user_id, first_name, username=username, language_code=language_code)
        chat = self.register_chat(user_id, "private", first_name=user["first_name"], username=username)
        return {"message": self._user_message(chat, user, text)}

    def group_message(
        self,
        text: str,
        *,
        chat_id: int = DEFAULT_GROUP_ID,
        user_id: int = DEFAULT_USER_ID,
        first_name: str | None = None,
        title: str | None = None,
        sender_chat: int | None = None,
        reply_to_bot: bool = False,
    ) -> JsonDict:
        """A "message" update in a group; ``sender_chat=chat_id`` makes it an anonymous admin's message,
        another id a message sent on behalf of that channel."""
        chat = self._chat(chat_id) if title is None else self.register_chat(chat_id, title=title)
        sender = self.register_user(user_id, first_name)
        extra: JsonDict = {}
        if sender_chat is not None:
            if sender_chat == chat_id:
                sender, extra["sender_chat"] = dict(_GROUP_ANONYMOUS_BOT), chat
            else:
                channel = self._chats.get(sender_chat) or self.register_chat(sender_chat, "channel")
                sender, extra["sender_chat"] = dict(_CHANNEL_BOT), dict(channel)
        if reply_to_bot:
            replied = self._latest_bot_message(chat_id) or self._bot_message(chat, text="Earlier answer")
            extra["reply_to_message"] = _without_reply(replied)
        return {"message": self._user_message(chat, sender, text, **extra)}

    def inline_query(
        self, query: str, *, user_id: int = DEFAULT_USER_ID, offset: str = "", chat_type: str = "sender"
    ) -> JsonDict:
        self._query_counter += 1
        return {
            "inline_query": {
                "id": f"inline-{self._query_counter}",
                "from": self.register_user(user_id),
                "query": query,
                "offset": offset,
                "chat_type": chat_type,
            }
        }

    def callback_query(
        self,
        data: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        chat_id: int | None = None,
        message_id: int | None = None,
    ) -> JsonDict:
        """A button press on the bot's message ``message_id`` (default: its latest one in the chat).

        An unknown message is created as a bot message first, so that edits of it succeed.
        """
        chat = self._chat(user_id if chat_id is None else chat_id)
        if message_id is None:
            message = self._latest_bot_message(chat["id"])
        else:
            message = self._messages.get((chat["id"], message_id))
        if message is None:
            message = self._bot_message(chat, message_id=message_id, text="Earlier message from the bot")
        self._query_counter += 1
        return {
            "callback_query": {
                "id": f"callback-{self._query_counter}",
                "from": self.register_user(user_id),
                "chat_instance": f"instance{chat['id']}",
                "data": data,
                "message": dict(message),
            }
        }

    def my_chat_member(
        self, chat_id: int, old_status: str, new_status: str, *, by_user_id: int = DEFAULT_USER_ID
    ) -> JsonDict:
        """The bot's own membership changing; getChatMember for the bot reflects ``new_status`` at once."""
        for status in (old_status, new_status):
            if status not in MEMBER_STATUSES:
                raise ValueError(f"unknown member status {status!r}")
        self.set_member(chat_id, self.bot_id, new_status)
        return {
            "my_chat_member": {
                "chat": self._chat(chat_id),
                "from": self.register_user(by_user_id),
                "date": _now(),
                "old_chat_member": self._member_payload(self.bot_id, old_status, {}),
                "new_chat_member": self._member_payload(self.bot_id, new_status, {}),
            }
        }

    def edited_message(
        self,
        text: str,
        *,
        chat_id: int | None = None,
        message_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
    ) -> JsonDict:
        """An "edited_message" update; a known ``message_id`` keeps the original's date."""
        chat = self._chat(user_id if chat_id is None else chat_id)
        message = self._user_message(chat, self.register_user(user_id), text, message_id=message_id, edit_date=_now())
        original = self._messages.get((chat["id"], message["message_id"]))
        if original is not None:
            message["date"] = original["date"]
        return {"edited_message": message}

    def channel_post(self, text: str, *, chat_id: int = DEFAULT_CHANNEL_ID, title: str | None = None) -> JsonDict:
        chat = self.register_chat(chat_id, "channel", title=title or f"Channel {chat_id}")
        return {"channel_post": self._user_message(chat, None, text, sender_chat=chat)}

    def _user_message(
        self,
        chat: JsonDict,
        sender: JsonDict | None,
        text: str,
        *,
        message_id: int | None = None,
        **extra: Any,
    ) -> JsonDict:
        message: JsonDict = {
            "message_id": self._next_message_id(chat["id"]) if message_id is None else message_id,
            "date": _now(),
            "chat": dict(chat),
        }
        if sender is not None:
            message["from"] = dict(sender)
        message["text"] = text
        entities = _detect_entities(text)
        if entities:
            message["entities"] = entities
        message.update(extra)
        return message

    def _latest_bot_message(self, chat_id: int) -> JsonDict | None:
        bot_messages = [
            message
            for (chat, _), message in sorted(self._messages.items())
            if chat == chat_id and message.get("from", {}).get("id") == self.bot_id
        ]
        return bot_messages[-1] if bot_messages else None

    def _bot_message(self, chat: JsonDict, *, message_id: int | None = None, **content: Any) -> JsonDict:
        message: JsonDict = {
            "message_id": self._next_message_id(chat["id"]) if message_id is None else message_id,
            "date": _now(),
            "chat": dict(chat),
            "from": dict(self.bot_user),
            **content,
        }
        self._store(message)
        return message

    # -- serving --------------------------------------------------------------------------------

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _until(self, condition: Callable[[], bool], timeout: float) -> bool:
        """Waits for ``condition`` to hold, re-checking on every change; False on timeout."""
        try:
            async with asyncio.timeout(timeout):
                while not condition():
                    await self._changed.wait()
        except TimeoutError:
            return condition()
        return True

    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._connections.add(task)
        try:
            # A client hanging up, even mid long poll, is normal traffic for Telegram, not an error.
            # CancelledError comes only from stop(); Python 3.11 logs a connection task that ends
            # cancelled as "Unhandled exception in client_connected_cb".
            with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
                while (http := await _read_http_request(reader)) is not None:
                    if not await self._respond(http, reader, writer):
                        break
        except _MalformedRequest:
            with contextlib.suppress(ConnectionError):
                await _write_json(writer, 400, _error_body(400, "Bad Request: malformed HTTP request"), False)
        finally:
            if task is not None:
                self._connections.discard(task)
            writer.close()

    async def _respond(self, http: _HttpRequest, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Answers one HTTP request; False when the connection must close."""
        if (api := _API_PATH_RE.fullmatch(http.path)) is not None:
            params, files = _decode_parameters(http)
            request = _Request(api.group(1), api.group(2), params, files, reader.at_eof)
            answer = await self._answer(request)
            if answer is None:
                return False
            await _write_json(writer, *answer, http.keep_alive)
        elif (download := _FILE_PATH_RE.fullmatch(http.path)) is not None and http.method == "GET":
            stored = next((upload for path, upload in self._files.values() if path == download.group(2)), None)
            if stored is None:
                await _write_json(writer, 404, _error_body(404, "Not Found"), http.keep_alive)
            else:
                await _write(writer, 200, stored.data, stored.content_type, http.keep_alive)
        elif (control := _CONTROL_PATH_RE.fullmatch(http.path)) is not None and http.method == "POST":
            await _write_json(writer, *self._control(control.group(1), http.body), http.keep_alive)
        else:
            await _write_json(writer, 404, _error_body(404, "Not Found"), http.keep_alive)
        return http.keep_alive

    def _control(self, name: str, body: bytes) -> tuple[int, JsonDict]:
        if name not in CONTROL_METHODS:
            return 404, _error_body(404, "Not Found: control method not found")
        try:
            kwargs = json.loads(body or b"{}")
            result = getattr(self, name)(**kwargs)
        except (TypeError, ValueError) as error:
            return 400, _error_body(400, f"Bad Request: {error}")
        return 200, {"ok": True, "result": _jsonable(result)}

    async def _answer(self, request: _Request) -> tuple[int, JsonDict] | None:
        arrived = time.monotonic()
        fault = next((fault for fault in self.faults if fault.matches(request.method, request.params)), None)
        if fault is not None:
            fault.hits += 1
            if fault.remaining is not None:
                fault.remaining -= 1
        status: int | None = 200
        result: Any = None
        body: JsonDict | None = None
        try:
            if fault is not None:
                await asyncio.sleep(fault.delay)
                if fault.drop_connection:
                    raise _NoAnswer
                if fault.status is not None:
                    raise _ApiError(fault.status, fault.description, fault.parameters)
            self._check_flood(request)
            result = await self._dispatch(request)
            body = {"ok": True, "result": result}
        except _ApiError as error:
            status, body = error.status, error.body()
        except _NoAnswer:
            status = None
        except Exception as error:
            # A bug in the fake, not in the bot: fail the test from __aexit__ instead of hiding it.
            _log.exception("fake Bot API failed on %s", request.method)
            self.internal_errors.append(error)
            status, body = 500, _error_body(500, f"Internal Server Error: fake Bot API bug: {error!r}")
        self._record(Call(request.method, request.params, request.files, arrived, request.token, status, result))
        return None if status is None or body is None else (status, body)

    def _record(self, call: Call) -> None:
        self._calls.append(call)
        if self.on_call is not None:
            self.on_call(call)
        if self._journal is not None:
            with self._journal.open("a", encoding="utf-8") as journal:
                journal.write(json.dumps(_call_json(call), ensure_ascii=False) + "\n")
        self._notify()

    def _check_flood(self, request: _Request) -> None:
        chat_id = request.params.get("chat_id")
        if (
            self._flood is None
            or not isinstance(chat_id, int | str)
            or not request.method.startswith(("send", "copyMessage", "forwardMessage"))
            or request.method == "sendChatAction"
        ):
            return
        retry_after = self._flood.retry_after(chat_id, time.monotonic())
        if retry_after is not None:
            raise _ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})

    async def _dispatch(self, request: _Request) -> Any:
        if request.method == "getUpdates":
            return await self._get_updates(request)
        handler = self._methods.get(request.method)
        if handler is None:
            raise _ApiError(404, "Not Found: method not found")
        return handler(request)

    # -- Bot API methods ------------------------------------------------------------------------

    async def _get_updates(self, request: _Request) -> list[JsonDict]:
        if self.webhook is not None:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        params = request.params
        if "allowed_updates" in params:
            allowed = params["allowed_updates"]
            self._allowed_updates = frozenset(allowed) if isinstance(allowed, list) and allowed else None
        offset = int(_number(params, "offset", 0))
        if offset < 0:
            self._pending = self._pending[offset:]
        elif offset > self._acked_below:
            self._pending = [update for update in self._pending if update["update_id"] >= offset]
            self._acked_below = offset
        limit = min(max(int(_number(params, "limit", 100)), 1), 100)
        poller = object()
        self._poller = poller
        self._notify()  # wakes an older long poll so that it sees it was superseded
        await self._until(
            lambda: request.client_gone() or self._poller is not poller or bool(self._deliverable()),
            min(_number(params, "timeout", 0.0), self.long_poll_cap),
        )
        if request.client_gone():
            raise _NoAnswer
        if self._poller is not poller:
            raise _ApiError(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            )
        self._poller = None
        return self._deliverable()[:limit]

    def _deliverable(self) -> list[JsonDict]:
        allowed = self._allowed_updates
        return [
            update
            for update in self._pending
            if (_update_type(update) in allowed if allowed is not None else _update_type(update) not in _OPT_IN_UPDATES)
        ]

    def _get_me(self, _request: _Request) -> JsonDict:
        return dict(self.me)

    def _delete_webhook(self, request: _Request) -> bool:
        self.webhook = None
        if request.params.get("drop_pending_updates") is True:
            self._pending.clear()
        return True

    def _set_webhook(self, request: _Request) -> bool:
        self.webhook = dict(request.params) if request.params.get("url") else None
        if request.params.get("drop_pending_updates") is True:
            self._pending.clear()
        return True

    def _chat_of(self, params: JsonDict) -> JsonDict:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _ApiError(400, "Bad Request: chat_id is empty")
        if isinstance(chat_id, int) and not isinstance(chat_id, bool):
            return self._chat(chat_id)
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            for chat in self._chats.values():
                if str(chat.get("username", "")).lower() == chat_id[1:].lower():
                    return dict(chat)
        raise _ApiError(400, "Bad Request: chat not found")

    def _writable_chat(self, params: JsonDict) -> JsonDict:
        """The target chat of a send, refused as Telegram does where the bot was blocked or removed."""
        chat = self._chat_of(params)
        status = self._members.get((chat["id"], self.bot_id), ("member", {}))[0]
        if status in ("kicked", "left"):
            if chat["type"] == "private":
                raise _ApiError(403, "Forbidden: bot was blocked by the user")
            if status == "kicked":
                raise _ApiError(403, f"Forbidden: bot was kicked from the {chat['type']} chat")
            raise _ApiError(403, f"Forbidden: bot is not a member of the {chat['type']} chat")
        return chat

    def _reply_context(self, chat: JsonDict, params: JsonDict) -> JsonDict:
        extra: JsonDict = {}
        markup = _inline_markup(params)
        if markup is not None:
            extra["reply_markup"] = markup
        reply = params.get("reply_parameters")
        reply = reply if isinstance(reply, dict) else {"message_id": params.get("reply_to_message_id")}
        if reply.get("message_id") is not None:
            target = self._messages.get((chat["id"], reply["message_id"]))
            if target is not None:
                extra["reply_to_message"] = _without_reply(target)
            elif not (reply.get("allow_sending_without_reply") or params.get("allow_sending_without_reply")):
                raise _ApiError(400, "Bad Request: message to be replied not found")
        return extra

    def _send_message(self, request: _Request) -> JsonDict:
        params = request.params
        chat = self._writable_chat(params)
        text, entities = _checked_text(
            params.get("text"), params.get("parse_mode"), params.get("entities"), caption=False
        )
        content: JsonDict = {"text": text}
        if entities:
            content["entities"] = entities
        return self._bot_message(chat, **content, **self._reply_context(chat, params))

    def _send_photo(self, request: _Request) -> JsonDict:
        params = request.params
        chat = self._writable_chat(params)
        upload = request.files.get("photo")
        photo = params.get("photo")
        caption, entities = _checked_text(
            params.get("caption"), params.get("parse_mode"), params.get("caption_entities"), caption=True
        )
        size: JsonDict = {"width": 800, "height": 600}
        if upload is not None:
            file_id = self._store_file(upload, "photos")
            size["file_size"] = len(upload.data)
        elif isinstance(photo, str) and photo:
            file_id = photo
        else:
            raise _ApiError(400, "Bad Request: there is no photo in the request")
        content: JsonDict = {"photo": [{"file_id": file_id, "file_unique_id": f"unique-{file_id}", **size}]}
        if caption:
            content["caption"] = caption
        if entities:
            content["caption_entities"] = entities
        return self._bot_message(chat, **content, **self._reply_context(chat, params))

    def _store_file(self, upload: UploadedFile, folder: str) -> str:
        number = len(self._files) + 1
        file_id = f"fake-file-{number}"
        self._files[file_id] = (f"{folder}/file_{number}{Path(upload.filename or '').suffix}", upload)
        return file_id

    def _get_file(self, request: _Request) -> JsonDict:
        file_id = request.params.get("file_id")
        stored = self._files.get(file_id) if isinstance(file_id, str) else None
        if stored is None:
            raise _ApiError(400, "Bad Request: invalid file_id")
        path, upload = stored
        return {
            "file_id": file_id,
            "file_unique_id": f"unique-{file_id}",
            "file_size": len(upload.data),
            "file_path": path,
        }

    def _editable(self, params: JsonDict, missing: str) -> JsonDict:
        chat = self._chat_of(params)
        message = self._messages.get((chat["id"], _int_param(params, "message_id")))
        if message is None:
            raise _ApiError(400, f"Bad Request: {missing}")
        if message.get("from", {}).get("id") != self.bot_id:
            raise _ApiError(400, "Bad Request: message can't be edited")
        return message

    def _edit_message_text(self, request: _Request) -> JsonDict | bool:
        params = request.params
        text, entities = _checked_text(
            params.get("text"), params.get("parse_mode"), params.get("entities"), caption=False
        )
        markup = _inline_markup(params)
        if params.get("inline_message_id"):
            return True
        message = self._editable(params, "message to edit not found")
        if "text" not in message:
            raise _ApiError(400, "Bad Request: there is no text in the message to edit")
        if (message["text"], message.get("entities", []), message.get("reply_markup")) == (
            text,
            entities,
            markup,
        ):
            raise _ApiError(400, _NOT_MODIFIED)
        message["text"] = text
        message.pop("entities", None)
        message.pop("reply_markup", None)
        if entities:
            message["entities"] = entities
        if markup is not None:
            message["reply_markup"] = markup
        message["edit_date"] = _now()
        return message

    def _edit_message_reply_markup(self, request: _Request) -> JsonDict | bool:
        markup = _inline_markup(request.params)
        if request.params.get("inline_message_id"):
            return True
        message = self._editable(request.params, "message to edit not found")
        if message.get("reply_markup") == markup:
            raise _ApiError(400, _NOT_MODIFIED)
        message.pop("reply_markup", None)
        if markup is not None:
            message["reply_markup"] = markup
        message["edit_date"] = _now()
        return message

    def _delete_message(self, request: _Request) -> bool:
        chat = self._chat_of(request.params)
        if self._messages.pop((chat["id"], _int_param(request.params, "message_id")), None) is None:
            raise _ApiError(400, "Bad Request: message to delete not found")
        return True

    def _send_chat_action(self, request: _Request) -> bool:
        self._writable_chat(request.params)
        if request.params.get("action") not in _CHAT_ACTIONS:
            raise _ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _answer_callback_query(self, request: _Request) -> bool:
        query_id = str(request.params.get("callback_query_id"))
        if query_id not in self._open_callback_queries:
            raise _ApiError(400, _QUERY_TOO_OLD)
        self._open_callback_queries.discard(query_id)
        return True

    def _answer_inline_query(self, request: _Request) -> bool:
        params = request.params
        query_id = str(params.get("inline_query_id"))
        if query_id not in self._open_inline_queries:
            raise _ApiError(400, _QUERY_TOO_OLD)
        results = params.get("results")
        if not isinstance(results, list):
            raise _ApiError(400, "Bad Request: results must be a JSON array")
        if len(results) > MAX_INLINE_RESULTS:
            raise _ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [result.get("id") for result in results]
        if not all(isinstance(result_id, str) and 1 <= len(result_id.encode()) <= 64 for result_id in ids):
            raise _ApiError(400, "Bad Request: RESULT_ID_INVALID")
        if len(set(ids)) != len(ids):
            raise _ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
        for result in results:
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                _checked_text(
                    content["message_text"], content.get("parse_mode"), content.get("entities"), caption=False
                )
            if "caption" in result:
                _checked_text(result["caption"], result.get("parse_mode"), result.get("caption_entities"), caption=True)
            _inline_markup(result)
        self._open_inline_queries.discard(query_id)
        return True

    @staticmethod
    def _commands_key(scope: Any, language_code: Any) -> tuple[str, str]:
        return json.dumps(scope or {"type": "default"}, sort_keys=True), str(language_code or "")

    def _set_my_commands(self, request: _Request) -> bool:
        commands = request.params.get("commands")
        if not isinstance(commands, list):
            raise _ApiError(400, "Bad Request: commands must be a JSON array")
        if len(commands) > 100:
            raise _ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not (
                isinstance(command, dict)
                and _COMMAND_NAME_RE.fullmatch(str(command.get("command", "")))
                and 1 <= len(str(command.get("description", ""))) <= 256
            ):
                raise _ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        key = self._commands_key(request.params.get("scope"), request.params.get("language_code"))
        self._commands[key] = commands
        return True

    def _delete_my_commands(self, request: _Request) -> bool:
        self._commands.pop(self._commands_key(request.params.get("scope"), request.params.get("language_code")), None)
        return True

    def _get_my_commands(self, request: _Request) -> list[JsonDict]:
        return self.my_commands(request.params.get("scope"), str(request.params.get("language_code") or ""))

    def _set_my_description(self, request: _Request) -> bool:
        description = str(request.params.get("description") or "")
        if len(description) > 512:
            raise _ApiError(400, "Bad Request: description is too long")
        self.descriptions[str(request.params.get("language_code") or "")] = description
        return True

    def _set_my_short_description(self, request: _Request) -> bool:
        description = str(request.params.get("short_description") or "")
        if len(description) > 120:
            raise _ApiError(400, "Bad Request: short description is too long")
        self.short_descriptions[str(request.params.get("language_code") or "")] = description
        return True

    def _get_chat_member(self, request: _Request) -> JsonDict:
        chat = self._chat_of(request.params)
        return self._member(chat["id"], _int_param(request.params, "user_id"))

    def _get_chat_administrators(self, request: _Request) -> list[JsonDict]:
        chat = self._chat_of(request.params)
        if chat["type"] == "private":
            raise _ApiError(400, "Bad Request: there are no administrators in the private chat")
        admins = [
            self._member(chat_id, user_id)
            for (chat_id, user_id), (status, _) in self._members.items()
            if chat_id == chat["id"] and status in ("creator", "administrator")
        ]
        return sorted(admins, key=lambda member: member["status"] != "creator")

    def _leave_chat(self, request: _Request) -> bool:
        chat = self._chat_of(request.params)
        self.set_member(chat["id"], self.bot_id, "left")
        return True

    def _get_chat(self, request: _Request) -> JsonDict:
        # ChatFullInfo's required fields beyond Chat's.
        return {
            **self._chat_of(request.params),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }


# ---------------------------------------------------------------------------------------------------
# Separate process
# ---------------------------------------------------------------------------------------------------


async def _serve_until_signalled(port: int, state_file: Path | None, bot_username: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with FakeBotApi(port=port, journal=state_file, bot_username=bot_username) as api:
        # The parent reads this line to learn the port the OS chose.
        print(api.base_url, flush=True)
        await stop.wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API on 127.0.0.1 for tests.")
    parser.add_argument("--port", type=int, default=0, help="0 lets the OS choose; the base URL is printed")
    parser.add_argument("--state-file", type=Path, help="append every call to this file as a JSON line")
    parser.add_argument("--bot-username", default="foi_test_bot")
    args = parser.parse_args(argv)
    asyncio.run(_serve_until_signalled(args.port, args.state_file, args.bot_username))


if __name__ == "__main__":
    main()


def busiest_second(times: Sequence[float]) -> int:
    """The most of `times` within any closed one-second window."""
    ordered = sorted(times)
    most, first = 0, 0
    for last, at in enumerate(ordered):
        while ordered[first] < at - 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most
