"""The layout of a reply as blocks, shared by every channel so the terminal and Telegram say the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.messages import phrase
from bot.models import Answer, Decision
from bot.sources import source_label

MAX_QUOTES = 3


class BlockKind(StrEnum):
    TEXT = "text"
    QUOTE = "quote"
    NOTE = "note"
    LINKS = "links"
    SUGGESTIONS = "suggestions"


@dataclass(frozen=True)
class Block:
    """One paragraph of a reply; `items` are (label, url-or-id) pairs for links and suggestions."""

    kind: BlockKind
    text: str = ""
    url: str | None = None
    items: list[tuple[str, str]] = field(default_factory=list)


def layout(answer: Answer) -> list[Block]:
    """Short answer first, then the quoted passages with their sources, then the links."""
    lang = answer.lang
    if answer.decision is not Decision.ANSWER:
        blocks = [Block(BlockKind.TEXT, phrase("empty" if not answer.question else "unknown", lang))]
        if answer.suggestions:
            heading = "did_you_mean" if answer.decision is Decision.SUGGEST else "closest"
            items = [(s.question, s.id) for s in answer.suggestions]
            blocks.append(Block(BlockKind.SUGGESTIONS, phrase(heading, lang), items=items))
        return blocks
    blocks = [Block(BlockKind.TEXT, answer.text)]
    if answer.sources_differ:
        blocks.append(Block(BlockKind.NOTE, phrase("sources_differ", lang)))
    quoted = answer.passages[:MAX_QUOTES]
    blocks += [Block(BlockKind.QUOTE, p.text, url=p.source_url) for p in quoted]
    urls = list(dict.fromkeys([*(p.source_url for p in answer.passages if p.source_url), answer.source_url or ""]))
    sources = [(source_label(u), u) for u in urls if u]
    sources += [(link.title, link.url) for link in answer.links if link.url not in urls]
    if sources:
        key = "source" if len(sources) == 1 else "sources"
        blocks.append(Block(BlockKind.LINKS, phrase(key, lang), items=sources))
    return blocks
