"""The command table: one list builds both the handlers and the per-scope command menus."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from enum import Enum
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, filters

from bot.models import Lang
from bot.telegram.handlers import ask, maintain, ranking, start, subscribe

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


class Scope(Enum):
    PRIVATE = "private"
    GROUPS = "groups"
    ADMINS = "admins"  # group administrators see these on top of the group commands

    def telegram(self) -> BotCommandScope:
        return {
            Scope.PRIVATE: BotCommandScopeAllPrivateChats(),
            Scope.GROUPS: BotCommandScopeAllGroupChats(),
            Scope.ADMINS: BotCommandScopeAllChatAdministrators(),
        }[self]


@dataclass(frozen=True)
class Command:
    """One command: its handler (a callback, or a prebuilt handler such as a conversation), its menu
    text, where it is offered, and whether only maintainers see it in their menu."""

    name: str
    callback: Callback | None
    description: dict[Lang, str]
    scopes: frozenset[Scope]
    maintainer: bool = False
    handler: BaseHandler[Any, Any, Any] | None = None

    def chat_filter(self) -> filters.BaseFilter:
        if Scope.PRIVATE in self.scopes and self.scopes & {Scope.GROUPS, Scope.ADMINS}:
            return filters.ChatType.PRIVATE | filters.ChatType.GROUPS
        return filters.ChatType.PRIVATE if Scope.PRIVATE in self.scopes else filters.ChatType.GROUPS


EVERYWHERE = frozenset({Scope.PRIVATE, Scope.GROUPS})
PRIVATE = frozenset({Scope.PRIVATE})
# Anyone may subscribe themselves in private; in groups the menu offers it to administrators only.
MANAGERS = frozenset({Scope.PRIVATE, Scope.ADMINS})

COMMANDS: list[Command] = [
    Command("start", start.start, {"de": "Begrüßung und Beispiele", "en": "Welcome and examples"}, EVERYWHERE),
    Command("help", start.help_command, {"de": "So funktioniert der Bot", "en": "How the bot works"}, EVERYWHERE),
    Command("ask", ask.ask_command, {"de": "Eine Frage stellen", "en": "Ask a question"}, EVERYWHERE),
    Command(
        "sources",
        start.sources,
        {"de": "Die IFG-Anfragen in der Wissensbasis", "en": "The FOI requests in the knowledge base"},
        EVERYWHERE,
    ),
    Command(
        "ranking",
        ranking.ranking,
        {"de": "Top 10 eines Jahres: /ranking 2023", "en": "Top 10 of a year: /ranking 2023"},
        EVERYWHERE,
    ),
    Command(
        "chart",
        ranking.chart,
        {"de": "Platzierungen einer Stadt als Grafik", "en": "A city's places as a chart"},
        EVERYWHERE,
    ),
    Command(
        "subscribe",
        subscribe.subscribe,
        {
            "de": "Neue Antworten abonnieren: /subscribe [Thema] [daily]",
            "en": "Get new answers: /subscribe [topic] [daily]",
        },
        MANAGERS,
    ),
    Command(
        "unsubscribe",
        subscribe.unsubscribe,
        {"de": "Abo beenden: /unsubscribe [Thema]", "en": "Stop alerts: /unsubscribe [topic]"},
        MANAGERS,
    ),
    Command(
        "subscriptions",
        subscribe.subscriptions,
        {"de": "Abos dieses Chats", "en": "This chat's subscriptions"},
        EVERYWHERE,
    ),
    Command(
        "add",
        None,
        {"de": "Neue Antwort anlegen (Maintainer)", "en": "Add an answer (maintainers)"},
        PRIVATE,
        maintainer=True,
        handler=maintain.add_conversation(),
    ),
    Command(
        "remove", maintain.remove, {"de": "Antwort entfernen: /remove ID", "en": "Remove an answer"}, PRIVATE, True
    ),
    Command(
        "import",
        maintain.import_request,
        {"de": "FragDenStaat-Anfrage importieren: /import URL", "en": "Import a FragDenStaat request"},
        PRIVATE,
        True,
    ),
    Command(
        "unanswered",
        maintain.unanswered,
        {"de": "Unbeantwortete Fragen", "en": "Questions without an answer"},
        PRIVATE,
        True,
    ),
    Command("stats", maintain.stats, {"de": "Zahlen zur Wissensbasis", "en": "Knowledge base figures"}, PRIVATE, True),
]


def handlers(commands: list[Command]) -> list[BaseHandler[Any, Any, Any]]:
    out: list[BaseHandler[Any, Any, Any]] = []
    for c in commands:
        if c.handler is not None:
            out.append(c.handler)
        elif c.callback is not None:
            # Maintainer commands are heard everywhere so that they are refused, not ignored, outside private chats.
            chats = filters.ChatType.PRIVATE | filters.ChatType.GROUPS if c.maintainer else c.chat_filter()
            out.append(CommandHandler(c.name, c.callback, filters=filters.UpdateType.MESSAGE & chats, block=False))
    return out


def menus(commands: list[Command], lang: Lang) -> dict[Scope, list[BotCommand]]:
    """The public menu per scope; administrators see the group commands plus their own."""
    out: dict[Scope, list[BotCommand]] = {}
    public = [c for c in commands if not c.maintainer]
    for scope in Scope:
        shown = [c for c in public if scope in c.scopes or (scope is Scope.ADMINS and Scope.GROUPS in c.scopes)]
        out[scope] = [BotCommand(c.name, c.description[lang]) for c in shown]
    return out


def maintainer_menu(commands: list[Command], lang: Lang) -> list[BotCommand]:
    """What a maintainer sees in their private chat: the private commands and the maintainers' ones."""
    return [BotCommand(c.name, c.description[lang]) for c in commands if Scope.PRIVATE in c.scopes]
