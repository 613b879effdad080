"""Answers as Telegram HTML: escaped, split under 4096 characters on paragraph boundaries, with buttons; and the
data of those buttons and of deep links to an answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageLimit
from telegram.helpers import create_deep_linked_url

from bot.folding import shorten
from bot.messages import Phrase, phrase
from bot.models import ENTRY_ID_PATTERN, Answer, Lang
from bot.reply import Block, BlockKind, layout

MAX_TEXT = MessageLimit.MAX_TEXT_LENGTH
BUTTON_TEXT = 60
INLINE_ANSWER = 2000
INLINE_QUOTE = 700
MAX_LABEL = 200  # characters of a source's name or a link's title
LONG_QUOTE = 300  # visible characters; a longer quote opens on a tap
MIN_PART = 500
_BREAKS = ("\n\n", "\n", ". ", " ")
_ID = re.compile(ENTRY_ID_PATTERN.strip("^$"))
ANSWER_PAYLOAD = "ans_"  # a deep link's start parameter that opens an answer: `ans_<id>`


class ButtonKind(StrEnum):
    """What a button under an answer does: the first part of its callback data."""

    ANSWER = "ans"  # `ans:<id>`: send a suggested question's answer
    FEEDBACK = "fb"  # `fb:<id>:+` or `-`: 👍/👎 on an answer


_CALLBACK = re.compile(rf"^({'|'.join(ButtonKind)}):({_ID.pattern})(?::([+-]))?$")


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


def _link(url: str, label: str) -> str:
    return f'<a href="{escape(url)}">{escape(label)}</a>'


def _quote_pieces(block: Block) -> list[tuple[str, int]]:
    """An open quote, split if it is longer than a message, its source named under the last part. A long
    quote is expandable, so it does not fill the first screen."""
    source = f"\n— {_link(block.url, block.label)}" if block.url else ""
    source_len = visible_length(f"\n— {block.label}") if block.url else 0
    parts = _split_plain(block.text, MAX_TEXT - source_len - 2)
    tag = "<blockquote expandable>" if visible_length(block.text) > LONG_QUOTE else "<blockquote>"
    return [
        (
            f"{tag}{escape(p)}</blockquote>" + (source if i == len(parts) - 1 else ""),
            visible_length(p) + (source_len if i == len(parts) - 1 else 0),
        )
        for i, p in enumerate(parts)
    ]


def _folded(heading: str, lines: Sequence[tuple[str, int]], gap: str) -> list[tuple[str, int]]:
    """A bold heading over the lines in expandable quotes, as many quotes as keep each under a message."""
    chunks: list[tuple[list[str], int]] = [([], visible_length(heading) + 2)]
    for html, length in lines:
        current, size = chunks[-1]
        if current and size + len(gap) + length > MAX_TEXT:
            chunks.append(([], 0))
            current, size = chunks[-1]
        current.append(html)
        chunks[-1] = (current, size + length + (len(gap) if len(current) > 1 else 0))
    pieces = [(f"<blockquote expandable>{gap.join(c)}</blockquote>", n) for c, n in chunks]
    first, size = pieces[0]
    pieces[0] = (f"<b>{escape(heading)}:</b>\n{first}", size)
    return pieces


def _folded_quotes(blocks: Sequence[Block], lang: Lang) -> list[tuple[str, int]]:
    lines = []
    for block in blocks:
        source = f" — {block.label}" if block.url else ""
        for i, part in enumerate(parts := _split_plain(f"„{block.text}“", MAX_TEXT - visible_length(source) - 2)):
            last = i == len(parts) - 1
            html = escape(part) + (f" — {_link(block.url, block.label)}" if last and block.url else "")
            lines.append((html, visible_length(part) + (visible_length(source) if last else 0)))
    return _folded(f"{phrase(Phrase.MORE_QUOTES, lang)} ({len(blocks)})", lines, "\n\n")


def _links_pieces(block: Block) -> list[tuple[str, int]]:
    lines = [(f"• {_link(url, label)}", visible_length(f"• {label}")) for label, url in block.items]
    if block.folded:
        return _folded(f"{block.text} ({len(block.items)})", lines, "\n")
    html = "\n".join([f"<b>{escape(block.text)}:</b>", *(h for h, _ in lines)])
    return [(html, visible_length(block.text) + 1 + sum(n + 1 for _, n in lines))]


def _with_short_labels(block: Block) -> Block:
    """A source's name or a link's title is a label, not content: a very long one would make a list of
    sources longer than a message."""
    return replace(
        block, label=shorten(block.label, MAX_LABEL), items=[(shorten(t, MAX_LABEL), u) for t, u in block.items]
    )


def _pieces(blocks: Sequence[Block], lang: Lang) -> list[tuple[str, int]]:
    """HTML pieces of a reply with their visible lengths; the folded quotes go together in one place."""
    blocks = [_with_short_labels(b) for b in blocks]
    pieces: list[tuple[str, int]] = []
    folded = [b for b in blocks if b.kind is BlockKind.QUOTE and b.folded]
    for block in blocks:
        if block.kind is BlockKind.QUOTE:
            if not block.folded:
                pieces += _quote_pieces(block)
            elif block is folded[0]:
                pieces += _folded_quotes(folded, lang)
        elif block.kind is BlockKind.LINKS:
            pieces += _links_pieces(block)
        elif block.kind is BlockKind.SUGGESTIONS:
            pieces.append((escape(block.text), visible_length(block.text)))
        else:
            pieces += [(escape(p), visible_length(p)) for p in _split_plain(block.text, MAX_TEXT)]
    return pieces


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
    return pack(_pieces(layout(answer), answer.lang))


def inline_message(answer: Answer) -> str:
    """One message for an inline result: the answer, its first quote (shortened) and the sources."""
    text = shorten(answer.text, INLINE_ANSWER)
    quotes = [p.model_copy(update={"text": shorten(p.text, INLINE_QUOTE)}) for p in answer.passages[:1]]
    return answer_messages(answer.model_copy(update={"text": text, "passages": quotes}))[0]


def answer_keyboard(answer: Answer) -> InlineKeyboardMarkup | None:
    """👍/👎 under an answer; the suggested questions as buttons otherwise."""
    if answer.answered and answer.entry_ids:
        entry_id = answer.entry_ids[0]
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("👍", callback_data=f"{ButtonKind.FEEDBACK}:{entry_id}:+"),
                    InlineKeyboardButton("👎", callback_data=f"{ButtonKind.FEEDBACK}:{entry_id}:-"),
                ]
            ]
        )
    if answer.suggestions:
        return InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(shorten(s.question, BUTTON_TEXT), callback_data=f"{ButtonKind.ANSWER}:{s.id}")]
                for s in answer.suggestions
            ]
        )
    return None


def parse_callback(data: str | None) -> tuple[ButtonKind, str, str | None] | None:
    """(kind, entry id, vote) from button data; None for anything forged or malformed."""
    match = _CALLBACK.match(data or "")
    if match is None:
        return None
    kind = ButtonKind(match.group(1))
    if (kind is ButtonKind.FEEDBACK) != (match.group(3) is not None):
        return None
    return kind, match.group(2), match.group(3)


def answer_link(bot_username: str, entry_id: str) -> str:
    """A deep link that opens an answer in a private chat with the bot."""
    return create_deep_linked_url(bot_username, f"{ANSWER_PAYLOAD}{entry_id}")


def linked_answer(payload: str) -> str | None:
    """The id of the entry a `/start` parameter asks for (see `answer_link`), or None."""
    return payload.removeprefix(ANSWER_PAYLOAD) if payload.startswith(ANSWER_PAYLOAD) else None
