"""Inline mode: `@bot question` in any chat lists the best answers as articles."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import InlineQueryLimit

from bot.messages import Phrase, phrase
from bot.models import Lang
from bot.service import FoiService
from bot.telegram.language import language_fallback, language_hint, user_language
from bot.telegram.render import inline_message
from bot.telegram.state import BotContext

CACHE_SECONDS = 60
RESULTS = 5


def _articles(
    service: FoiService, text: str, hint: Lang | None, fallback: Lang | None
) -> tuple[Lang, list[InlineQueryResultArticle]]:
    """The best answers (or else the suggestions) as articles, in the language of the answer."""
    answer = service.ask(text, hint, fallback)
    ids = [h.id for h in answer.hits] if answer.answered else [s.id for s in answer.suggestions]
    entries = service.entries(ids[:RESULTS])
    found = [entries[i] for i in ids[:RESULTS] if i in entries]
    return answer.lang, [
        InlineQueryResultArticle(
            id=entry.id,
            title=entry.title[:256],
            description=entry.answer_in(answer.lang)[:256],
            input_message_content=InputTextMessageContent(inline_message(service.entry_answer(entry, answer.lang))),
        )
        for entry in found
    ]


async def inline_query(update: Update, context: BotContext) -> None:
    query = update.inline_query
    if query is None:
        return
    text = query.query[: InlineQueryLimit.MAX_QUERY_LENGTH].strip()
    user = query.from_user
    lang = user_language(user)
    results: list[InlineQueryResultArticle] = []
    if text:
        lang, results = await context.core(
            _articles, context.service, text, language_hint(user), language_fallback(user)
        )
    button = InlineQueryResultsButton(text=phrase(Phrase.INLINE_BUTTON, lang), start_parameter="inline")
    # Personal: the reply language follows the asker's Telegram language, so one person's cached results
    # must not be served to another.
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True, button=button)
