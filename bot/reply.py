"""The layout of a reply as blocks, shared by every channel so the terminal and Telegram say the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.messages import not_stated, not_stated_where, phrase
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
    """Short answer first, then the quoted passages with their sources, then the links. "The source does not
    say" replies first say what is missing, then what the source says on the subject, with the same citations."""
    lang = answer.lang
    if answer.decision is Decision.GREETING:
        return [Block(BlockKind.TEXT, phrase("greeting", lang))]
    if answer.decision in (Decision.SUGGEST, Decision.UNKNOWN):
        blocks = [Block(BlockKind.TEXT, phrase("empty" if not answer.question else "unknown", lang))]
        if answer.suggestions:
            heading = "did_you_mean" if answer.decision is Decision.SUGGEST else "closest"
            items = [(s.question, s.id) for s in answer.suggestions]
            blocks.append(Block(BlockKind.SUGGESTIONS, phrase(heading, lang), items=items))
        return blocks
    if answer.decision is Decision.NOT_STATED:
        where = not_stated_where(answer.public_body, answer.date, lang)
        missing = not_stated(answer.missing, answer.missing_words, where, lang)
        said = phrase("what_it_says", lang).format(title=answer.title) + "\n" + answer.text
        blocks = [Block(BlockKind.TEXT, missing)] if missing else []
        blocks.append(Block(BlockKind.TEXT, said if missing else answer.text))
    else:
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
    if answer.decision is Decision.NOT_STATED and answer.suggestions:
        items = [(s.question, s.id) for s in answer.suggestions]
        blocks.append(Block(BlockKind.SUGGESTIONS, phrase("related", lang), items=items))
    return blocks
