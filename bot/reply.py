"""The layout of a reply as blocks, shared by every channel so the terminal and Telegram say the same.

Short answer first; then the quotes, each named once by its document and date; then the sources no quote
names. What does not fit a first screen is marked `folded`, and Telegram shows it in expandable quotes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from bot.folding import fold
from bot.messages import not_stated, not_stated_where, phrase
from bot.models import Answer, Decision, Passage
from bot.sources import source_label

SHOWN_QUOTES = 2  # quotes on the first screen; the others are folded
SHOWN_LINKS = 3  # a longer list of sources is folded


class BlockKind(StrEnum):
    TEXT = "text"
    QUOTE = "quote"
    LINKS = "links"
    SUGGESTIONS = "suggestions"


@dataclass(frozen=True)
class Block:
    """One paragraph of a reply. A quote has its source's `url` and `label`; links and suggestions have
    (label, url-or-id) `items`. A `folded` block is detail a reader opens on demand."""

    kind: BlockKind
    text: str = ""
    url: str | None = None
    label: str = ""
    items: list[tuple[str, str]] = field(default_factory=list)
    folded: bool = False


def _said_already(passage: Passage, text: str) -> bool:
    """The short answer already carries the quote word for word, so quoting it again adds nothing."""
    quote = " ".join(fold(passage.text).split()).rstrip(".…")
    return len(quote) >= 20 and quote in " ".join(fold(text).split())


def _evidence(answer: Answer, shown: str) -> list[Block]:
    """The quotes (the first `SHOWN_QUOTES` open) and then the sources that no quote already names."""
    lang = answer.lang

    def name(url: str) -> str:
        return answer.citations.get(url) or source_label(url)

    # Quotes of one document go together, so that each source is named (and linked) once.
    by_url: dict[str | None, list[str]] = {}
    for p in answer.passages:
        if not _said_already(p, shown):
            by_url.setdefault(p.source_url, []).append(p.text)
    blocks = [
        Block(BlockKind.QUOTE, " […] ".join(texts), url=url, label=name(url) if url else "")
        for url, texts in by_url.items()
    ]
    blocks = [b if i < SHOWN_QUOTES else replace(b, folded=True) for i, b in enumerate(blocks)]
    named = {b.url for b in blocks}
    urls = [p.source_url for p in answer.passages if p.source_url]
    urls += [answer.source_url] if answer.source_url else []
    links = [(name(u), u) for u in dict.fromkeys(urls) if u not in named]
    links += [(k.title, k.url) for k in answer.links if k.url not in named and k.url not in urls]
    if links:
        heading = "source" if len(links) == 1 and not blocks else "sources"
        blocks.append(Block(BlockKind.LINKS, phrase(heading, lang), items=links, folded=len(links) > SHOWN_LINKS))
    return blocks


def layout(answer: Answer) -> list[Block]:
    """Short answer first, then the quoted passages with their sources, then the links. "The source does not
    say" replies first say what is missing, then what the source says on the subject, with the same citations;
    a nearest entry is shown after saying that it may not answer exactly what was asked."""
    lang = answer.lang
    if answer.decision is Decision.GREETING:
        return [Block(BlockKind.TEXT, phrase("greeting", lang))]
    if answer.decision in (Decision.SUGGEST, Decision.UNKNOWN):
        blocks = [Block(BlockKind.TEXT, phrase("empty" if not answer.question else "unknown", lang))]
        if answer.suggestions:
            blocks.append(_suggestions(answer, "did_you_mean" if answer.decision is Decision.SUGGEST else "closest"))
        return blocks
    if answer.decision is Decision.NOT_STATED and not answer.text:
        # No text on the subject (a standing the tables rule out): what is missing for what was read, and the
        # closest questions.
        where = not_stated_where(None, None, lang) + (f" ({answer.title})" if answer.title else "")
        blocks = [Block(BlockKind.TEXT, not_stated(answer.missing, answer.missing_words, where, lang))]
        if answer.suggestions:
            blocks.append(_suggestions(answer, "closest"))
        return blocks
    if answer.decision is Decision.NOT_STATED:
        where = not_stated_where(answer.public_body, answer.date, lang)
        missing = not_stated(answer.missing, answer.missing_words, where, lang)
        said = phrase("what_it_says", lang).format(title=answer.title) + "\n" + answer.text
        blocks = [Block(BlockKind.TEXT, missing)] if missing else []
        blocks.append(Block(BlockKind.TEXT, said if missing else answer.text))
    elif answer.decision is Decision.NEAREST:
        blocks = [Block(BlockKind.TEXT, phrase("nearest", lang).format(title=answer.title) + "\n" + answer.text)]
    else:
        blocks = [Block(BlockKind.TEXT, answer.text)]
    blocks += _evidence(answer, answer.text)
    if answer.decision in (Decision.NOT_STATED, Decision.NEAREST) and answer.suggestions:
        blocks.append(_suggestions(answer, "related"))
    return blocks


def _suggestions(answer: Answer, heading: str) -> Block:
    return Block(
        BlockKind.SUGGESTIONS, phrase(heading, answer.lang), items=[(s.question, s.id) for s in answer.suggestions]
    )
