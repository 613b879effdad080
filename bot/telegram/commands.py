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
from telegram.ext import CommandHandler, ContextTypes, filters

from bot.models import Lang
from bot.telegram.handlers import ask, ranking, start

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
    name: str
    callback: Callback
    description: dict[Lang, str]
    scopes: frozenset[Scope]

    def chat_filter(self) -> filters.BaseFilter:
        if Scope.PRIVATE in self.scopes and self.scopes & {Scope.GROUPS, Scope.ADMINS}:
            return filters.ChatType.PRIVATE | filters.ChatType.GROUPS
        return filters.ChatType.PRIVATE if Scope.PRIVATE in self.scopes else filters.ChatType.GROUPS


EVERYWHERE = frozenset({Scope.PRIVATE, Scope.GROUPS})

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
]


def handlers(commands: list[Command]) -> list[CommandHandler[Any, None]]:
    return [
        CommandHandler(c.name, c.callback, filters=filters.UpdateType.MESSAGE & c.chat_filter(), block=False)
        for c in commands
    ]


def menus(commands: list[Command], lang: Lang) -> dict[Scope, list[BotCommand]]:
    """The menu per scope; administrators see the group commands plus their own."""
    out: dict[Scope, list[BotCommand]] = {}
    for scope in Scope:
        shown = [c for c in commands if scope in c.scopes or (scope is Scope.ADMINS and Scope.GROUPS in c.scopes)]
        out[scope] = [BotCommand(c.name, c.description[lang]) for c in shown]
    return out
