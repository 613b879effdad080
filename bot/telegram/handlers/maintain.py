"""Maintainers in the chat: `/add` (a guided conversation), `/remove ID`, `/import URL`, `/unanswered`, `/stats`.

Only users listed in MAINTAINER_IDS may use them; anyone else gets a short refusal and nothing changes.
"""

from __future__ import annotations

import functools
import logging
import re
import warnings
from html import escape

from pydantic import TypeAdapter, ValidationError
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler, ConversationHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.folding import shorten, slugify
from bot.importers.attachments import Unread
from bot.importers.fragdenstaat import FragDenStaatError, parse_reference
from bot.messages import Phrase, kind_label, phrase
from bot.models import MAX_ID, Entry, Kind, Lang, Url
from bot.printable import printable
from bot.service import ImportRefused
from bot.storage.knowledge import NoSuchEntry, ReadOnlyEntry
from bot.telegram.fetching import fetch_off_loop
from bot.telegram.incoming import OnMessage, on_message
from bot.telegram.language import user_language
from bot.telegram.render import answer_messages
from bot.telegram.state import BotContext

log = logging.getLogger(__name__)

CHAT_ORIGIN = "chat"
QUESTION, ANSWER, SOURCE, CONFIRM = range(4)
MAX_ADDED_QUESTION = 500  # characters of a question added with /add
MAX_ADDED_ANSWER = 3000  # characters of its answer
MAX_NEEDS_TEXT = 5  # letters without text listed in the reply to /import
DRAFT = "draft"
SAVE, DISCARD = "add:save", "add:cancel"  # the data of the preview's buttons
_URL: TypeAdapter[str] = TypeAdapter(Url)


def actor(user: User) -> str:
    return f"telegram:{user.id}"


def is_maintainer(context: BotContext, user: User | None) -> bool:
    return user is not None and user.id in context.settings.maintainer_ids


async def _refused(message: Message, context: BotContext, lang: Lang, in_private: Phrase) -> bool:
    """Whether the message is refused, with a reply: not from a maintainer, or (`in_private` says so) not in a
    private chat."""
    if not is_maintainer(context, message.from_user):
        await message.reply_text(phrase(Phrase.MAINTAINERS_ONLY, lang))
        return True
    if message.chat.type != ChatType.PRIVATE:
        await message.reply_text(phrase(in_private, lang))
        return True
    return False


def maintainers_only(handle: OnMessage[None]) -> OnMessage[None]:
    """`handle` for a maintainer in a private chat; anyone else, and any other chat, gets a refusal."""

    @functools.wraps(handle)
    async def checked(message: Message, context: BotContext, lang: Lang) -> None:
        if not await _refused(message, context, lang, Phrase.MAINTAIN_PRIVATE_ONLY):
            await handle(message, context, lang)

    return checked


# /add: question → answer → source → preview and confirm


@on_message
async def add_start(message: Message, context: BotContext, lang: Lang) -> int:
    if await _refused(message, context, lang, Phrase.ADD_PRIVATE_ONLY):
        return ConversationHandler.END
    draft: dict[str, str] = {}
    assert context.user_data is not None
    context.user_data[DRAFT] = draft
    await message.reply_text(phrase(Phrase.ADD_QUESTION, lang))
    return QUESTION


def _text(message: Message) -> str:
    """The text of a message the conversation's text filter let through."""
    if message.text is None:
        raise ValueError("the conversation only routes text messages here")
    return message.text


def _draft(context: BotContext) -> dict[str, str]:
    assert context.user_data is not None
    draft = context.user_data.setdefault(DRAFT, {})
    assert isinstance(draft, dict)
    return draft


def _text_step(field: str, limit: int, this: int, following: int, prompt: Phrase) -> OnMessage[int]:
    """A step of /add that keeps one piece of text (`field`) and asks for the next."""

    async def step(message: Message, context: BotContext, lang: Lang) -> int:
        text = _text(message)
        if len(text) > limit:
            await message.reply_text(phrase(Phrase.ADD_TOO_LONG, lang).format(limit=limit))
            return this
        _draft(context)[field] = text.strip()
        await message.reply_text(phrase(prompt, lang))
        return following

    return step


add_question = on_message(_text_step("question", MAX_ADDED_QUESTION, QUESTION, ANSWER, Phrase.ADD_ANSWER))
add_answer = on_message(_text_step("answer", MAX_ADDED_ANSWER, ANSWER, SOURCE, Phrase.ADD_SOURCE))


@on_message
async def add_source(message: Message, context: BotContext, lang: Lang) -> int:
    try:
        url = _URL.validate_python(_text(message).strip())
    except ValidationError:
        await message.reply_text(phrase(Phrase.ADD_BAD_URL, lang))
        return SOURCE
    draft = _draft(context)
    draft["source_url"] = url
    entry = _entry(draft, await _new_id(context, draft))
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(phrase(Phrase.ADD_SAVE, lang), callback_data=SAVE),
                InlineKeyboardButton(phrase(Phrase.ADD_DISCARD, lang), callback_data=DISCARD),
            ]
        ]
    )
    await message.reply_text(phrase(Phrase.ADD_PREVIEW, lang).format(id=entry.id))
    preview = answer_messages(await context.core(context.service.entry_answer, entry, lang))
    for index, chunk in enumerate(preview):
        await message.reply_text(chunk, reply_markup=keyboard if index == len(preview) - 1 else None)
    return CONFIRM


async def _new_id(context: BotContext, draft: dict[str, str]) -> str:
    return await context.core(context.service.free_id, slugify(draft["question"])[:MAX_ID].strip("-") or "entry", set())


def _entry(draft: dict[str, str], entry_id: str) -> Entry:
    return Entry(
        id=entry_id,
        kind=Kind.FACT,
        title=draft["question"][:200],
        questions=[draft["question"]],
        answer=draft["answer"],
        source_url=draft["source_url"],
    )


async def add_confirm(update: Update, context: BotContext) -> int:
    query = update.callback_query
    assert query is not None
    await query.answer()
    lang = user_language(query.from_user)
    draft = _draft(context)
    assert context.user_data is not None
    chat_id = query.message.chat.id if query.message else query.from_user.id
    if query.data != SAVE or not {"question", "answer", "source_url"} <= draft.keys():
        context.user_data.pop(DRAFT, None)
        await context.bot.send_message(chat_id, phrase(Phrase.ADD_CANCELLED, lang))
        return ConversationHandler.END
    entry = _entry(draft, await _new_id(context, draft))
    # If saving fails (a locked store), the draft and the conversation stay: pressing Save again works.
    [saved] = await context.core(context.service.add_entries, [entry], origin=CHAT_ORIGIN, actor=actor(query.from_user))
    context.user_data.pop(DRAFT, None)
    log.info("entry %s added by %s", saved.id, actor(query.from_user))
    await context.bot.send_message(chat_id, phrase(Phrase.ADD_SAVED, lang).format(id=escape(saved.id)))
    return ConversationHandler.END


async def add_cancel(update: Update, context: BotContext) -> int:
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)
    if update.effective_message is not None:
        await update.effective_message.reply_text(phrase(Phrase.ADD_CANCELLED, user_language(update.effective_user)))
    return ConversationHandler.END


def add_conversation() -> ConversationHandler[BotContext]:
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
                CONFIRM: [CallbackQueryHandler(add_confirm, pattern=f"^({re.escape(SAVE)}|{re.escape(DISCARD)})$")],
            },
            fallbacks=[CommandHandler("cancel", add_cancel)],
            conversation_timeout=600,
            name="add",
        )


# one-shot commands


@on_message
@maintainers_only
async def remove(message: Message, context: BotContext, lang: Lang) -> None:
    if not context.args:
        await message.reply_text(phrase(Phrase.REMOVE_USAGE, lang))
        return
    assert message.from_user is not None
    try:
        await context.core(context.service.remove_entry, context.args[0], actor=actor(message.from_user))
    except NoSuchEntry as exc:
        await message.reply_text(phrase(Phrase.NO_SUCH_ENTRY, lang).format(id=escape(exc.entry_id)))
        return
    except ReadOnlyEntry as exc:
        await message.reply_text(phrase(Phrase.READ_ONLY_ENTRY, lang).format(id=escape(exc.entry_id)))
        return
    await message.reply_text(phrase(Phrase.REMOVED, lang).format(id=escape(context.args[0])))


@on_message
@maintainers_only
async def unanswered(message: Message, context: BotContext, lang: Lang) -> None:
    rows = await context.core(context.service.unanswered, limit=15)
    if not rows:
        await message.reply_text(phrase(Phrase.NOTHING_UNANSWERED, lang))
        return
    lines = [f"<b>{escape(phrase(Phrase.UNANSWERED_HEADING, lang))}</b>"]
    # Anyone can put control characters or a right-to-left override into a question; show them as escapes.
    lines += [f"{count}× {escape(printable(question[:200]))}" for question, count, _ in rows]
    await message.reply_text("\n".join(lines))


@on_message
@maintainers_only
async def stats(message: Message, context: BotContext, lang: Lang) -> None:
    counts = await context.core(context.service.stats)
    lines = [
        f"<b>{escape(phrase(Phrase.STATS_HEADING, lang))}</b>",
        *(f"{kind_label(kind, lang)}: {counts.entries[kind]}" for kind in Kind),
        f"{phrase(Phrase.STATS_REQUESTS, lang)}: {counts.requests}",
        f"{phrase(Phrase.STATS_RANKING_ROWS, lang)}: {counts.ranking_rows}",
        f"{phrase(Phrase.STATS_UNANSWERED, lang)}: {counts.unanswered}",
        f"{phrase(Phrase.STATS_FEEDBACK, lang)}: 👍 {counts.up} · 👎 {counts.down}",
    ]
    await message.reply_text("\n".join(lines))


@on_message
@maintainers_only
async def import_request(message: Message, context: BotContext, lang: Lang) -> None:
    """Fetch a FragDenStaat request (off the event loop, on threads of its own) and add or update its entry."""
    assert message.from_user is not None
    service = context.service
    try:
        reference = parse_reference(" ".join(context.args or []))
        detail = await fetch_off_loop(service.fetch_request, reference, running=lambda: context.application.running)
        outcome = await context.core(service.apply_import, detail, actor=actor(message.from_user))
    except FragDenStaatError as exc:
        await message.reply_text(escape(exc.text(lang)))
        return
    except ImportRefused as exc:
        await message.reply_text(phrase(Phrase.IMPORT_REFUSED, lang).format(id=exc.request_id))
        return
    imported = phrase(Phrase.IMPORTED, lang).format(id=escape(outcome.entry.id), passages=len(outcome.entry.passages))
    if outcome.needs_text:
        # A few, with names shortened, so the reply stays within one Telegram message.
        shown = outcome.needs_text[:MAX_NEEDS_TEXT]
        letters = "\n".join(_letter_line(u, lang) for u in shown)
        more = "\n…" if len(outcome.needs_text) > len(shown) else ""
        imported += "\n\n" + phrase(Phrase.IMPORT_NEEDS_TEXT, lang).format(letters=letters + more)
    await message.reply_text(imported)
    await message.reply_text(answer_messages(await context.core(service.entry_answer, outcome.entry, lang))[0])


def _letter_line(letter: Unread, lang: Lang) -> str:
    """A letter without text for the maintainer: its name (linked), and why it was not read if it was not."""
    name = escape(shorten(letter.name, 80))
    line = f'• <a href="{escape(letter.url)}">{name}</a>' if letter.url else f"• {name}"
    return line + (f" – {escape(shorten(letter.problem[lang], 200))}" if letter.problem else "")
