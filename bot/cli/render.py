"""Replies as plain text for the terminal and for `ask --json`: everything shown, nothing folded, each
source named once with its address."""

from __future__ import annotations

import textwrap

from bot.models import Answer
from bot.reply import BlockKind, layout


def to_text(answer: Answer) -> str:
    parts: list[str] = []
    for block in layout(answer):
        if block.kind is BlockKind.QUOTE:
            quote = textwrap.indent(f"„{block.text}“", "> ")
            parts.append(quote + (f"\n>   – {block.label} <{block.url}>" if block.url else ""))
        elif block.kind is BlockKind.LINKS:
            parts.append("\n".join([f"{block.text}:", *(f"- {label} <{url}>" for label, url in block.items)]))
        elif block.kind is BlockKind.SUGGESTIONS:
            parts.append("\n".join([block.text, *(f"- {label}" for label, _ in block.items)]))
        else:
            parts.append(block.text)
    return "\n\n".join(parts)
