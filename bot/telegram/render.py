"""Answers as Telegram HTML: escaped, split under 4096 characters on paragraph boundaries, with buttons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageLimit

from bot.answer import answer_from_entry
from bot.models import ENTRY_ID_PATTERN, Answer, Entry, Lang
from bot.reply import Block, BlockKind, layout
from bot.sources import source_label

MAX_TEXT = MessageLimit.MAX_TEXT_LENGTH
BUTTON_TEXT = 60
INLINE_ANSWER = 2000
INLINE_QUOTE = 700
MIN_PART = 500
_BREAKS = ("\n\n", "\n", ". ", " ")
_ID = re.compile(ENTRY_ID_PATTERN.strip("^$"))
_CALLBACK = re.compile(rf"^(ans|fb):({_ID.pattern})(?::([+-]))?$")


def visible_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units of the text without markup."""
    return len(text.encode("utf-16-le")) // 2


def _split_plain(text: str, limit: int) -> list[str]:
    """Cut plain text into parts of at most `limit` units, preferring paragraph, line, sentence, word."""
    parts: list[str] = []
    limit = max(limit, MIN_PART)  # a long prefix (a source's name) must not leave no room at all
    while visible_length(text) > limit:
        window = text[:limit]
        while visible_length(window) > limit:
            window = window[:-1]
        cut = max((window.rfind(b) + len(b) for b in _BREAKS if window.rfind(b) > 0), default=len(window))
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts


def _pieces(block: Block) -> list[tuple[str, int]]:
    """HTML pieces of a block with their visible lengths; long text becomes several pieces."""
    if block.kind is BlockKind.QUOTE:
        label = source_label(block.url) if block.url else ""
        source = f'\n— <a href="{escape(block.url)}">{escape(label)}</a>' if block.url else ""
        source_len = visible_length(f"\n— {label}") if block.url else 0
        parts = _split_plain(block.text, MAX_TEXT - source_len - 2)
        return [
            (
                f"<blockquote>{escape(p)}</blockquote>" + (source if i == len(parts) - 1 else ""),
                visible_length(p) + (source_len if i == len(parts) - 1 else 0),
            )
            for i, p in enumerate(parts)
        ]
    if block.kind is BlockKind.LINKS:
        lines = [f"<b>{escape(block.text)}:</b>"]
        lines += [f'• <a href="{escape(url)}">{escape(label)}</a>' for label, url in block.items]
        plain = "\n".join([f"{block.text}:", *(f"• {label}" for label, _ in block.items)])
        return [("\n".join(lines), visible_length(plain))]
    if block.kind is BlockKind.SUGGESTIONS:
        return [(escape(block.text), visible_length(block.text))]
    wrap = ("<i>", "</i>") if block.kind is BlockKind.NOTE else ("", "")
    return [(f"{wrap[0]}{escape(p)}{wrap[1]}", visible_length(p)) for p in _split_plain(block.text, MAX_TEXT)]


def pack(pieces: Sequence[tuple[str, int]], limit: int = MAX_TEXT) -> list[str]:
    """Join pieces with blank lines into as few messages as fit under the limit."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for html, length in pieces:
        extra = length + (2 if current else 0)
        if current and size + extra > limit:
            chunks.append("\n\n".join(current))
            current, size = [], 0
            extra = length
        current.append(html)
        size += extra
    if current:
        chunks.append("\n\n".join(current))
    return chunks


def answer_messages(answer: Answer) -> list[str]:
    """The reply as one or more HTML messages, each within Telegram's limit."""
    return pack([piece for block in layout(answer) for piece in _pieces(block)])


def entry_messages(entry: Entry, lang: Lang) -> list[str]:
    return answer_messages(answer_from_entry(entry, lang))


def inline_message(entry: Entry, lang: Lang) -> str:
    """One message for an inline result: the answer, its first quote (shortened) and the sources."""
    answer = answer_from_entry(entry, lang)
    text = answer.text if len(answer.text) <= INLINE_ANSWER else answer.text[: INLINE_ANSWER - 1] + "…"
    quotes = [
        p if len(p.text) <= INLINE_QUOTE else p.model_copy(update={"text": p.text[: INLINE_QUOTE - 1] + "…"})
        for p in answer.passages[:1]
    ]
    return answer_messages(answer.model_copy(update={"text": text, "passages": quotes}))[0]


def _short(text: str) -> str:
    return text if len(text) <= BUTTON_TEXT else text[: BUTTON_TEXT - 1].rstrip() + "…"


def answer_keyboard(answer: Answer) -> InlineKeyboardMarkup | None:
    """👍/👎 under an answer; the suggested questions as buttons otherwise."""
    if answer.answered and answer.entry_ids:
        entry_id = answer.entry_ids[0]
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("👍", callback_data=f"fb:{entry_id}:+"),
                    InlineKeyboardButton("👎", callback_data=f"fb:{entry_id}:-"),
                ]
            ]
        )
    if answer.suggestions:
        return InlineKeyboardMarkup(
            [[InlineKeyboardButton(_short(s.question), callback_data=f"ans:{s.id}")] for s in answer.suggestions]
        )
    return None


def parse_callback(data: str | None) -> tuple[str, str, str | None] | None:
    """(`ans` or `fb`, entry id, vote) from button data; None for anything forged or malformed."""
    match = _CALLBACK.match(data or "")
    if match is None or (match.group(1) == "fb") != (match.group(3) is not None):
        return None
    return match.group(1), match.group(2), match.group(3)
