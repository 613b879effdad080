"""Cities' places (or, where a ranking gives none, points) over the years as a PNG line chart, drawn with
matplotlib's Agg canvas (no display needed, no pyplot state, safe in a worker thread)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from io import BytesIO

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.folding import shorten
from bot.kb.rankings import Standing, format_value
from bot.messages import Phrase, phrase
from bot.models import Lang
from bot.sources import Citations

COLOURS = ("#1f5fa8", "#d35400", "#27ae60", "#8e44ad", "#7f8c8d", "#c0392b")
DIFFER = "#c0392b"
MAX_CITIES = len(COLOURS)


def series_name(items: Sequence[Standing], lang: Lang) -> str:
    """A line's name: its city, and the category where a city is ranked only in one."""
    first = items[0]
    return f"{first.city_in(lang)} ({first.category_in(lang)})" if first.category else first.city_in(lang)


def _by_points(series: Sequence[Sequence[Standing]]) -> bool:
    """Points are drawn only when no city of the chart has a single place."""
    return not any(s.places for items in series for s in items)


def _values(s: Standing, points: bool) -> list[float]:
    return [float(v) for v in (s.scores if points else s.places)]


def place_chart(series: Sequence[Sequence[Standing]], lang: Lang) -> bytes:
    """The chart of `draw` as PNG."""
    buffer = BytesIO()
    draw(series, lang).savefig(buffer, format="png")
    return buffer.getvalue()


def draw(series: Sequence[Sequence[Standing]], lang: Lang) -> Figure:
    """One line per city (its standings, oldest first): places with the best at the top, or points where the
    ranking gives no places. Years without a figure are gaps, and every version of a year the sources
    disagree on is marked."""
    points = _by_points(series)
    years = sorted({s.year for items in series for s in items})
    span = list(range(years[0], years[-1] + 1))
    figure = Figure(figsize=(7.5, 4.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    many = len(series) > 1
    differ_drawn = False
    for colour, items in zip(COLOURS, series, strict=False):
        by_year = {s.year: s for s in items}
        # The first version of a year draws the line; a year without a figure is NaN, so the line breaks there.
        line = [(_values(by_year[y], points) or [math.nan])[0] if y in by_year else math.nan for y in span]
        axes.plot(span, line, marker="o", color=colour, linewidth=2, label=series_name(items, lang) if many else None)
        for s in items:
            values = _values(s, points)
            for index, value in enumerate(values):
                # Versions of one year side by side, so their labels never sit on each other.
                offset = (0, 9) if len(values) == 1 else ((-14, 0) if index % 2 == 0 else (14, 0))
                text = format_value(s.ranking, value, lang) if points else str(int(value))
                axes.annotate(
                    text,
                    (s.year, value),
                    textcoords="offset points",
                    xytext=offset,
                    ha="center",
                    va="center" if len(values) > 1 else "bottom",
                    fontsize=8,
                )
            if len(values) > 1:
                label = None if differ_drawn else _capitalised(phrase(Phrase.SOURCES_DIFFER, lang))
                axes.plot([s.year] * len(values), values, linestyle=":", marker="x", color=DIFFER, label=label)
                differ_drawn = True
    axes.set_xticks(span)
    axes.set_xlim(span[0] - 0.5, span[-1] + 0.5)
    drawn = [v for items in series for s in items for v in _values(s, points)]
    low, high = min(drawn), max(drawn)
    pad = max(1.0, (high - low) * 0.15)
    if points:
        axes.set_ylim(low - pad, high + pad)
        axes.set_ylabel(phrase(Phrase.AXIS_POINTS, lang))
    else:
        # Best place at the top; no tick at place 0 or below.
        axes.set_ylim(high + pad, max(0.5, low - pad))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_yticks([t for t in axes.get_yticks() if 1 <= t <= high + pad])
        axes.set_ylabel(phrase(Phrase.AXIS_PLACE, lang))
    axes.set_xlabel(phrase(Phrase.AXIS_YEAR, lang))
    cities = " – ".join(series_name(items, lang) for items in series)
    axes.set_title(f"{cities}: {series[0][0].ranking.name_in(lang)}")
    axes.grid(alpha=0.3)
    if many or differ_drawn:
        axes.legend(fontsize=8, loc="best")
    figure.tight_layout()
    return figure


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _figure(s: Standing, lang: Lang, cite: Citations, *, points: bool) -> str:
    if points:
        return s.score_text(lang, cite)
    return s.place_text(lang, cite) or s.score_text(lang, cite)


def chart_caption(series: Sequence[Sequence[Standing]], lang: Lang, cite: Citations, limit: int = 1024) -> str:
    """Plain caption: each city's figures per year and the sources of every point, within Telegram's limit."""
    points = _by_points(series)
    lines = [f"{' – '.join(series_name(items, lang) for items in series)}: {series[0][0].ranking.name_in(lang)}"]
    for items in series:
        shown = [f"{s.year}: {_figure(s, lang, cite, points=points)}" for s in items]
        lines.append(f"{series_name(items, lang)}: " + "; ".join(shown) if len(series) > 1 else "; ".join(shown))
    labels = sorted({cite.label(r.source_url, lang) for items in series for s in items for r in s.rows})
    lines.append(f"{phrase(Phrase.SOURCES, lang)}: " + "; ".join(labels))
    return shorten("\n".join(lines), limit)
