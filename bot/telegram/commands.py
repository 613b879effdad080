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
from telegram.ext import BaseHandler, CommandHandler, filters

from bot.messages import Phrase, phrase
from bot.models import Lang
from bot.telegram.handlers import ask, maintain, ranking, start, subscribe
from bot.telegram.state import BotContext

Callback = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


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
    description: Phrase
    scopes: frozenset[Scope]
    maintainer: bool = False
    handler: BaseHandler[Any, Any, Any] | None = None

    def chat_filter(self) -> filters.BaseFilter:
        if Scope.PRIVATE in self.scopes and self.scopes & {Scope.GROUPS, Scope.ADMINS}:
            return filters.ChatType.PRIVATE | filters.ChatType.GROUPS
        return filters.ChatType.PRIVATE if Scope.PRIVATE in self.scopes else filters.ChatType.GROUPS

    def menu_entry(self, lang: Lang) -> BotCommand:
        return BotCommand(self.name, phrase(self.description, lang))


EVERYWHERE = frozenset({Scope.PRIVATE, Scope.GROUPS})
PRIVATE = frozenset({Scope.PRIVATE})
# Anyone may subscribe themselves in private; in groups the menu offers it to administrators only.
MANAGERS = frozenset({Scope.PRIVATE, Scope.ADMINS})

COMMANDS: list[Command] = [
    Command("start", start.start, Phrase.MENU_START, EVERYWHERE),
    Command("help", start.help_command, Phrase.MENU_HELP, EVERYWHERE),
    Command("ask", ask.ask_command, Phrase.MENU_ASK, EVERYWHERE),
    Command("sources", start.sources, Phrase.MENU_SOURCES, EVERYWHERE),
    Command("ranking", ranking.ranking, Phrase.MENU_RANKING, EVERYWHERE),
    Command("chart", ranking.chart, Phrase.MENU_CHART, EVERYWHERE),
    Command("subscribe", subscribe.subscribe, Phrase.MENU_SUBSCRIBE, MANAGERS),
    Command("unsubscribe", subscribe.unsubscribe, Phrase.MENU_UNSUBSCRIBE, MANAGERS),
    Command("subscriptions", subscribe.subscriptions, Phrase.MENU_SUBSCRIPTIONS, EVERYWHERE),
    Command("add", None, Phrase.MENU_ADD, PRIVATE, maintainer=True, handler=maintain.add_conversation()),
    Command("remove", maintain.remove, Phrase.MENU_REMOVE, PRIVATE, maintainer=True),
    Command("import", maintain.import_request, Phrase.MENU_IMPORT, PRIVATE, maintainer=True),
    Command("unanswered", maintain.unanswered, Phrase.MENU_UNANSWERED, PRIVATE, maintainer=True),
    Command("stats", maintain.stats, Phrase.MENU_STATS, PRIVATE, maintainer=True),
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
        out[scope] = [c.menu_entry(lang) for c in shown]
    return out


def maintainer_menu(commands: list[Command], lang: Lang) -> list[BotCommand]:
    """What a maintainer sees in their private chat: the private commands and the maintainers' ones."""
    return [c.menu_entry(lang) for c in commands if Scope.PRIVATE in c.scopes]
