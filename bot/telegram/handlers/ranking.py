"""`/ranking YEAR` (the top of a year) and `/chart CITY` (a city's places as a PNG)."""

from __future__ import annotations

import asyncio
from html import escape

from telegram import Message

from bot.charts import MAX_CITIES, chart_caption, place_chart
from bot.kb.rankings import entry_id
from bot.messages import Phrase, phrase
from bot.models import Lang
from bot.service import FoiService
from bot.telegram.incoming import on_message
from bot.telegram.render import answer_messages
from bot.telegram.state import BotContext


def _top(service: FoiService, arg: str, lang: Lang) -> list[str] | str:
    """The messages of a year's top places (the latest year without `arg`), or what to say instead."""
    table = service.default_ranking()
    if table is None:
        return phrase(Phrase.NO_RANKINGS, lang)
    years = service.ranking_years(table.id)
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    year = int(arg) if arg.isdecimal() and len(arg) <= 4 else (years[-1] if years and not arg else None)
    entry = service.entry(entry_id(table.id, year, "top")) if year is not None else None
    if entry is None:
        return phrase(Phrase.RANKING_USAGE, lang).format(years=", ".join(str(y) for y in years))
    return answer_messages(service.entry_answer(entry, lang))


@on_message
async def ranking(message: Message, context: BotContext, lang: Lang) -> None:
    reply = await context.core(_top, context.service, context.args[0] if context.args else "", lang)
    for chunk in [reply] if isinstance(reply, str) else reply:
        await message.reply_text(chunk)


@on_message
async def chart(message: Message, context: BotContext, lang: Lang) -> None:
    service = context.service
    text = " ".join(context.args or [])
    series = await context.core(lambda: service.chart_series(service.find_cities(text)[:MAX_CITIES])[:MAX_CITIES])
    if not series or not all(series):
        found = phrase(Phrase.CHART_NO_CITY, lang).format(text=escape(text[:100])) + "\n\n" if text else ""
        await message.reply_text(found + phrase(Phrase.CHART_USAGE, lang))
        return
    # Drawing takes a tenth of a second: off the event loop and off the core's thread, so no chat waits for it.
    png = await asyncio.to_thread(place_chart, series, lang)
    caption = await context.core(chart_caption, series, lang, service.citations)  # names sources from the store
    await message.reply_photo(png, caption=caption, parse_mode=None)
