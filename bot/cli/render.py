"""Replies as plain text for the terminal and for `ask --json`."""

from __future__ import annotations

import textwrap

from bot.models import Answer
from bot.reply import BlockKind, layout


def to_text(answer: Answer) -> str:
    parts: list[str] = []
    for block in layout(answer):
        if block.kind is BlockKind.QUOTE:
            quote = textwrap.indent(f"„{block.text}“", "> ")
            parts.append(quote + (f"\n>   – {block.url}" if block.url else ""))
        elif block.kind in (BlockKind.LINKS, BlockKind.SUGGESTIONS):
            lines = [f"{block.text}:" if block.kind is BlockKind.LINKS else block.text]
            if block.kind is BlockKind.LINKS:
                lines += [f"- {label}: {url}" for label, url in block.items]
            else:
                lines += [f"- {label}" for label, _ in block.items]
            parts.append("\n".join(lines))
        else:
            parts.append(block.text)
    return "\n\n".join(parts)
