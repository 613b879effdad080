"""An in-process Bot API for fuzzing: answers every method PTB calls, and records every reply that Telegram
would refuse (empty, too long, malformed HTML, oversized button data or inline results)."""

from __future__ import annotations

import json
import time
from typing import Any

from telegram.constants import InlineQueryLimit, MessageLimit
from telegram.request import BaseRequest, RequestData

from tests.e2e.fake_bot_api import telegram_html_problem, utf16_length, visible_text

BOT = {"id": 123456, "is_bot": True, "first_name": "FOI Test Bot", "username": "foi_test_bot"}
ME = {**BOT, "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}


class InProcessBotApi(BaseRequest):
    """PTB's request layer, answered in memory: no sockets, so thousands of updates run in seconds."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.problems: list[str] = []
        self._message_id = 0

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def _check_text(self, where: str, text: Any, parse_mode: Any, limit: int) -> None:
        if not isinstance(text, str) or not text.strip():
            self.problems.append(f"{where}: empty text")
            return
        if parse_mode == "HTML":
            problem = telegram_html_problem(text)
            if problem:
                self.problems.append(f"{where}: {problem}: {text[:200]!r}")
                return
            text = visible_text(text)
        if utf16_length(text) > limit:
            self.problems.append(f"{where}: {utf16_length(text)} characters")

    def _check_markup(self, where: str, markup: Any) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and len(data.encode()) > 64:
                    self.problems.append(f"{where}: button data of {len(data.encode())} bytes")
                if not str(button.get("text", "")).strip():
                    self.problems.append(f"{where}: empty button text")

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        self._message_id += 1
        chat_id = int(params.get("chat_id", 1))
        return {
            "message_id": self._message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup", "title": "G"},
            "from": BOT,
            "text": "ok",
        }

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return ME
        if method in {"sendMessage", "editMessageText"}:
            self._check_text(method, params.get("text"), params.get("parse_mode"), MessageLimit.MAX_TEXT_LENGTH)
            self._check_markup(method, params.get("reply_markup"))
            return self._message(params)
        if method == "sendPhoto":
            caption = params.get("caption")
            if caption is not None:
                self._check_text(method, caption, params.get("parse_mode"), MessageLimit.CAPTION_LENGTH)
            return self._message(params)
        if method == "answerInlineQuery":
            results = params.get("results") or []
            if len(results) > InlineQueryLimit.RESULTS:
                self.problems.append(f"{method}: {len(results)} results")
            if len({r["id"] for r in results}) != len(results):
                self.problems.append(f"{method}: duplicate result ids")
            for result in results:
                if len(result["id"].encode()) > 64:
                    self.problems.append(f"{method}: result id {result['id']!r} too long")
                content = result.get("input_message_content", {})
                self._check_text(method, content.get("message_text"), content.get("parse_mode"), 4096)
            return True
        if method == "answerCallbackQuery":
            text = params.get("text")
            if text is not None and len(text) > 200:
                self.problems.append(f"{method}: {len(text)} characters")
            return True
        if method == "getChatMember":
            return {"status": "member", "user": {"id": int(params["user_id"]), "is_bot": False, "first_name": "U"}}
        if method == "getUpdates":
            return []
        return True

    async def do_request(  # noqa: PLR0917  (BaseRequest's signature)
        self,
        url: str,
        method: str,  # noqa: ARG002
        request_data: RequestData | None = None,
        read_timeout: Any = None,  # noqa: ARG002
        write_timeout: Any = None,  # noqa: ARG002
        connect_timeout: Any = None,  # noqa: ARG002
        pool_timeout: Any = None,  # noqa: ARG002
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((name, params))
        return 200, json.dumps({"ok": True, "result": self._answer(name, params)}).encode()
