"""`/ranking YEAR` (the top of a year) and `/chart CITY` (a city's places as a PNG)."""

from __future__ import annotations

import asyncio
from html import escape

from telegram import Message

from bot.charts import MAX_CITIES, chart_caption, place_chart
from bot.kb.rankings import entry_id
from bot.messages import Phrase, phrase
from bot.models import Lang
from bot.telegram.incoming import on_message
from bot.telegram.render import answer_messages
from bot.telegram.state import BotContext


@on_message
async def ranking(message: Message, context: BotContext, lang: Lang) -> None:
    service = context.service
    table = service.default_ranking()
    if table is None:
        await message.reply_text(phrase(Phrase.NO_RANKINGS, lang))
        return
    years = service.ranking_years(table.id)
    arg = context.args[0] if context.args else ""
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    year = int(arg) if arg.isdecimal() and len(arg) <= 4 else (years[-1] if years and not arg else None)
    entry = service.entry(entry_id(table.id, year, "top")) if year is not None else None
    if entry is None:
        known = ", ".join(str(y) for y in years)
        await message.reply_text(phrase(Phrase.RANKING_USAGE, lang).format(years=known))
        return
    for chunk in answer_messages(service.entry_answer(entry, lang)):
        await message.reply_text(chunk)


@on_message
async def chart(message: Message, context: BotContext, lang: Lang) -> None:
    service = context.service
    text = " ".join(context.args or [])
    series = service.chart_series(service.find_cities(text)[:MAX_CITIES])[:MAX_CITIES]
    if not series or not all(series):
        found = phrase(Phrase.CHART_NO_CITY, lang).format(text=escape(text[:100])) + "\n\n" if text else ""
        await message.reply_text(found + phrase(Phrase.CHART_USAGE, lang))
        return
    # Drawing takes a tenth of a second: off the event loop, so other chats are not kept waiting.
    png = await asyncio.to_thread(place_chart, series, lang)
    await message.reply_photo(png, caption=chart_caption(series, lang, service.citations), parse_mode=None)
