"""Every phrase people read is in the catalogue (bot/messages/), in German and English: the modules that build
replies, alerts, charts and generated entries hold no sentence of their own."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Set

import pytest

from bot.messages import _PHRASES, Phrase, phrase
from tests.conftest import REPO

BOT = REPO / "bot"
# Where replies, alerts, digests, charts and the text of generated or imported entries are made. Not here: the
# command line and the checks of knowledge files, which speak English to maintainers in a terminal.
SPEAKING = sorted(
    [
        *(BOT / "telegram").rglob("*.py"),
        *(BOT / "importers").rglob("*.py"),
        *(BOT / f for f in ("answer.py", "reply.py", "charts.py", "alerts.py", "tables.py", "sources.py")),
        BOT / "series.py",
        BOT / "kb" / "rankings.py",
    ]
)
# Two words in a row: a phrase, not a key, an address, a format or a single name.
PROSE = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}[,.:;!?]?\s+[A-Za-zÄÖÜäöüß]{2,}")
# Text that no person reads in a chat, by module: why each is not in the catalogue.
NOT_READ: dict[str, set[str]] = {
    # why an alert failed, kept in the outbox for the maintainers' logs
    "bot/telegram/delivery.py": {"flood limit", "chat not found", "entry removed", "entries removed"},
    "bot/telegram/handlers/ask.py": {"addressed to the bot"},  # a filter's name in PTB's logs
    "bot/telegram/render.py": {"<blockquote expandable>", "<blockquote expandable></blockquote>"},  # HTML
    "bot/charts.py": {"offset points"},  # a matplotlib unit
    # the operator's terminal at start-up, in English like the rest of the command line
    "bot/telegram/app.py": {"TELEGRAM_BOT_TOKEN: Telegram rejected the token; get a valid one from @BotFather"},
    # the User-Agent FragDenStaat sees
    "bot/importers/fragdenstaat.py": {"foi-answer-bot (Telegram bot quoting FOI answers; FragDenStaat importer)"},
}


def _unread(tree: ast.Module) -> set[int]:
    """The string constants no person reads: docstrings, log calls, exceptions raised (they reach people only
    through a catalogue phrase of their own)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        logged = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in {"log", "logging"}
        )
        raised = node.exc if isinstance(node, ast.Raise) else None
        for root in [node] if logged else [raised] if raised is not None else []:
            skipped.update(id(sub) for sub in ast.walk(root))
    return skipped


def phrases_in(source: str, allowed: Set[str] = frozenset()) -> Iterator[tuple[int, str]]:
    """Line and text of each string constant of a module's source that reads as a phrase."""
    tree = ast.parse(source)
    unread = _unread(tree)
    for node in ast.walk(tree):
        if id(node) in unread:
            continue
        if isinstance(node, ast.JoinedStr):
            # An f-string is read as a whole, its values left out: f"Noch {n} Antworten." is a phrase.
            unread.update(id(value) for value in node.values)
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if PROSE.search(text) and text not in allowed:
            yield node.lineno, text


def test_no_phrase_outside_the_catalogue() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}: {text[:80]!r}"
        for path in SPEAKING
        for line, text in phrases_in(path.read_text(encoding="utf-8"), NOT_READ.get(str(path.relative_to(REPO)), set()))
    ]
    assert not found, "phrases people read belong in bot/messages/:\n" + "\n".join(found)


def test_the_check_finds_phrases_and_passes_docs_logs_and_keys() -> None:
    source = (
        'def f(n):\n    """Docs are fine."""\n    log.info("so are logs")\n'
        '    if n:\n        raise ValueError("and errors")\n    return {"key": f"Noch {n} Antworten."}\n'
    )
    assert list(phrases_in(source)) == [(6, "Noch  Antworten.")]
    assert list(phrases_in('x = "Keine Antwort."', {"Keine Antwort."})) == []


@pytest.mark.parametrize("key", list(Phrase))
def test_every_phrase_is_there_in_both_languages(key: Phrase) -> None:
    assert set(_PHRASES[key]) == {"de", "en"}
    assert phrase(key, "de").strip()
    assert phrase(key, "en").strip()
