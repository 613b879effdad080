"""Maintainers in the chat: `/add` (a guided conversation), `/remove ID`, `/import URL`, `/unanswered`, `/stats`.

Only users listed in MAINTAINER_IDS may use them; anyone else gets a short refusal and nothing changes.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Coroutine
from html import escape
from typing import Any

from pydantic import TypeAdapter, ValidationError
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.constants import ChatType
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.folding import slugify
from bot.importers.fragdenstaat import FragDenStaatError, parse_reference
from bot.messages import kind_label, phrase
from bot.models import MAX_ID, Entry, Kind, Url
from bot.printable import printable
from bot.service import ImportRefused
from bot.storage.knowledge import NoSuchEntry, ReadOnlyEntry
from bot.telegram.fetching import fetch_off_loop
from bot.telegram.language import user_language
from bot.telegram.render import answer_messages
from bot.telegram.state import state

log = logging.getLogger(__name__)

CHAT_ORIGIN = "chat"
QUESTION, ANSWER, SOURCE, CONFIRM = range(4)
MAX_QUESTION = 500
MAX_ANSWER = 3000
DRAFT = "draft"
_URL: TypeAdapter[str] = TypeAdapter(Url)
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, int]]


def actor(user: User) -> str:
    return f"telegram:{user.id}"


def is_maintainer(context: ContextTypes.DEFAULT_TYPE, user: User | None) -> bool:
    return user is not None and user.id in state(context).settings.maintainer_ids


async def _refuse(message: Message) -> None:
    await message.reply_text(phrase("maintainers_only", user_language(message.from_user)))


async def _from_maintainer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Message | None:
    """The message if a maintainer sent it in a private chat; otherwise a refusal, and None comes back."""
    message = update.message
    if message is None:
        return None
    if not is_maintainer(context, message.from_user):
        await _refuse(message)
        return None
    if message.chat.type != ChatType.PRIVATE:
        await message.reply_text(phrase("maintain_private_only", user_language(message.from_user)))
        return None
    return message


# /add: question → answer → source → preview and confirm


async def add_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    message = update.message
    if message is None:
        return ConversationHandler.END
    lang = user_language(message.from_user)
    if not is_maintainer(context, message.from_user):
        await _refuse(message)
        return ConversationHandler.END
    if message.chat.type != ChatType.PRIVATE:
        await message.reply_text(phrase("add_private_only", lang))
        return ConversationHandler.END
    draft: dict[str, str] = {}
    assert context.user_data is not None
    context.user_data[DRAFT] = draft
    await message.reply_text(phrase("add_question", lang))
    return QUESTION


def _text(update: Update) -> tuple[Message, str]:
    """The text message the conversation's text filter let through."""
    message = update.message
    if message is None or message.text is None:
        raise ValueError("the conversation only routes text messages here")
    return message, message.text


def _draft(context: ContextTypes.DEFAULT_TYPE) -> dict[str, str]:
    assert context.user_data is not None
    draft = context.user_data.setdefault(DRAFT, {})
    assert isinstance(draft, dict)
    return draft


def _text_step(field: str, limit: int, this: int, following: int, prompt: str) -> Callback:
    """A step of /add that keeps one piece of text (`field`) and asks for the next."""

    async def step(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        message, text = _text(update)
        lang = user_language(message.from_user)
        if len(text) > limit:
            await message.reply_text(phrase("add_too_long", lang).format(limit=limit))
            return this
        _draft(context)[field] = text.strip()
        await message.reply_text(phrase(prompt, lang))
        return following

    return step


add_question = _text_step("question", MAX_QUESTION, QUESTION, ANSWER, "add_answer")
add_answer = _text_step("answer", MAX_ANSWER, ANSWER, SOURCE, "add_source")


async def add_source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    message, text = _text(update)
    lang = user_language(message.from_user)
    try:
        url = _URL.validate_python(text.strip())
    except ValidationError:
        await message.reply_text(phrase("add_bad_url", lang))
        return SOURCE
    draft = _draft(context)
    draft["source_url"] = url
    entry = _entry(draft, _new_id(context, draft))
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(phrase("add_save", lang), callback_data="add:save"),
                InlineKeyboardButton(phrase("add_discard", lang), callback_data="add:cancel"),
            ]
        ]
    )
    await message.reply_text(phrase("add_preview", lang).format(id=entry.id))
    preview = answer_messages(state(context).service.entry_answer(entry, lang))
    for index, chunk in enumerate(preview):
        await message.reply_text(chunk, reply_markup=keyboard if index == len(preview) - 1 else None)
    return CONFIRM


def _new_id(context: ContextTypes.DEFAULT_TYPE, draft: dict[str, str]) -> str:
    return state(context).service.free_id(slugify(draft["question"])[:MAX_ID].strip("-") or "entry", set())


def _entry(draft: dict[str, str], entry_id: str) -> Entry:
    return Entry(
        id=entry_id,
        kind=Kind.FACT,
        title=draft["question"][:200],
        questions=[draft["question"]],
        answer=draft["answer"],
        source_url=draft["source_url"],
    )


async def add_confirm(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    query = update.callback_query
    assert query is not None
    await query.answer()
    lang = user_language(query.from_user)
    draft = _draft(context)
    assert context.user_data is not None
    chat_id = query.message.chat.id if query.message else query.from_user.id
    if query.data != "add:save" or not {"question", "answer", "source_url"} <= draft.keys():
        context.user_data.pop(DRAFT, None)
        await context.bot.send_message(chat_id, phrase("add_cancelled", lang))
        return ConversationHandler.END
    service = state(context).service
    entry = _entry(draft, _new_id(context, draft))
    # If saving fails (a locked store), the draft and the conversation stay: pressing Save again works.
    [saved] = service.add_entries([entry], origin=CHAT_ORIGIN, actor=actor(query.from_user))
    context.user_data.pop(DRAFT, None)
    log.info("entry %s added by %s", saved.id, actor(query.from_user))
    await context.bot.send_message(chat_id, phrase("add_saved", lang).format(id=escape(saved.id)))
    return ConversationHandler.END


async def add_cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)
    if update.effective_message is not None:
        await update.effective_message.reply_text(phrase("add_cancelled", user_language(update.effective_user)))
    return ConversationHandler.END


def add_conversation() -> ConversationHandler[Any]:
    text = filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE
    with warnings.catch_warnings():
        # PTB warns that buttons are tracked per chat, not per message; one draft per person is what we want.
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("add", add_start, filters=filters.UpdateType.MESSAGE)],
            states={
                QUESTION: [MessageHandler(text, add_question)],
                ANSWER: [MessageHandler(text, add_answer)],
                SOURCE: [MessageHandler(text, add_source)],
                CONFIRM: [CallbackQueryHandler(add_confirm, pattern=r"^add:(save|cancel)$")],
            },
            fallbacks=[CommandHandler("cancel", add_cancel)],
            conversation_timeout=600,
            name="add",
        )


# one-shot commands


async def remove(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _from_maintainer(update, context)
    if message is None:
        return
    lang = user_language(message.from_user)
    if not context.args:
        await message.reply_text(phrase("remove_usage", lang))
        return
    assert message.from_user is not None
    try:
        state(context).service.remove_entry(context.args[0], actor=actor(message.from_user))
    except NoSuchEntry as exc:
        await message.reply_text(phrase("no_such_entry", lang).format(id=escape(exc.entry_id)))
        return
    except ReadOnlyEntry as exc:
        await message.reply_text(phrase("read_only_entry", lang).format(id=escape(exc.entry_id)))
        return
    await message.reply_text(phrase("removed", lang).format(id=escape(context.args[0])))


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _from_maintainer(update, context)
    if message is None:
        return
    lang = user_language(message.from_user)
    rows = state(context).service.unanswered(limit=15)
    if not rows:
        await message.reply_text(phrase("nothing_unanswered", lang))
        return
    lines = [f"<b>{escape(phrase('unanswered_heading', lang))}</b>"]
    # Anyone can put control characters or a right-to-left override into a question; show them as escapes.
    lines += [f"{count}× {escape(printable(question[:200]))}" for question, count, _ in rows]
    await message.reply_text("\n".join(lines))


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = await _from_maintainer(update, context)
    if message is None:
        return
    lang = user_language(message.from_user)
    counts = state(context).service.stats()
    lines = [
        f"<b>{escape(phrase('stats_heading', lang))}</b>",
        *(f"{kind_label(kind, lang)}: {counts.entries[kind]}" for kind in Kind),
        f"{phrase('stats_requests', lang)}: {counts.requests}",
        f"{phrase('stats_ranking_rows', lang)}: {counts.ranking_rows}",
        f"{phrase('stats_unanswered', lang)}: {counts.unanswered}",
        f"{phrase('stats_feedback', lang)}: 👍 {counts.up} · 👎 {counts.down}",
    ]
    await message.reply_text("\n".join(lines))


async def import_request(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Fetch a FragDenStaat request (off the event loop, on threads of its own) and add or update its entry."""
    message = await _from_maintainer(update, context)
    if message is None:
        return
    lang = user_language(message.from_user)
    assert message.from_user is not None
    service = state(context).service
    try:
        reference = parse_reference(" ".join(context.args or []))
        detail = await fetch_off_loop(service.fetch_request, reference, running=lambda: context.application.running)
        outcome = service.apply_import(detail, actor=actor(message.from_user))
    except FragDenStaatError as exc:
        await message.reply_text(escape(exc.text(lang)))
        return
    except ImportRefused as exc:
        await message.reply_text(phrase("import_refused", lang).format(id=exc.request_id))
        return
    await message.reply_text(
        phrase("imported", lang).format(id=escape(outcome.entry.id), passages=len(outcome.entry.passages))
    )
    await message.reply_text(answer_messages(service.entry_answer(outcome.entry, lang))[0])
