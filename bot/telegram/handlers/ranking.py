"""`/ranking YEAR` (the top of a year) and `/chart CITY` (a city's places as a PNG)."""

from __future__ import annotations

import asyncio
from html import escape

from telegram import Update
from telegram.ext import ContextTypes

from bot.charts import MAX_CITIES, chart_caption, place_chart
from bot.kb.rankings import entry_id
from bot.messages import phrase
from bot.telegram.language import user_language
from bot.telegram.render import answer_messages
from bot.telegram.state import state


async def ranking(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    if message is None:
        return
    lang = user_language(message.from_user)
    service = state(context).service
    table = service.default_ranking()
    if table is None:
        await message.reply_text(phrase("no_rankings", lang))
        return
    years = service.ranking_years(table.id)
    arg = context.args[0] if context.args else ""
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    year = int(arg) if arg.isdecimal() and len(arg) <= 4 else (years[-1] if years and not arg else None)
    entry = service.entry(entry_id(table.id, year, "top")) if year is not None else None
    if entry is None:
        known = ", ".join(str(y) for y in years)
        await message.reply_text(phrase("ranking_usage", lang).format(years=known))
        return
    for chunk in answer_messages(service.entry_answer(entry, lang)):
        await message.reply_text(chunk)


async def chart(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    if message is None:
        return
    lang = user_language(message.from_user)
    service = state(context).service
    text = " ".join(context.args or [])
    series = service.chart_series(service.find_cities(text)[:MAX_CITIES])[:MAX_CITIES]
    if not series or not all(series):
        found = phrase("chart_no_city", lang).format(text=escape(text[:100])) + "\n\n" if text else ""
        await message.reply_text(found + phrase("chart_usage", lang))
        return
    # Drawing takes a tenth of a second: off the event loop, so other chats are not kept waiting.
    png = await asyncio.to_thread(place_chart, series, lang)
    await message.reply_photo(png, caption=chart_caption(series, lang, service.citations), parse_mode=None)
