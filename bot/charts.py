"""A city's places over the years as a PNG line chart (matplotlib's Agg canvas: no display needed)."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.kb.rankings import Standing
from bot.models import Lang
from bot.sources import source_label


def place_chart(items: Sequence[Standing], lang: Lang) -> bytes:
    """Places per year, best at the top; where sources disagree every version is drawn."""
    first = items[0]
    years = [s.year for s in items]
    main = [s.places[0] for s in items]
    figure = Figure(figsize=(7, 4), dpi=100)
    FigureCanvasAgg(figure)  # drawn off-screen, thread-safe, no pyplot state
    axes = figure.add_subplot()
    axes.plot(years, main, marker="o", color="#1f5fa8", linewidth=2)
    for s in items:
        for place in s.places:
            axes.annotate(str(place), (s.year, place), textcoords="offset points", xytext=(0, 8), ha="center")
        if s.sources_differ:
            axes.plot([s.year] * len(s.places), s.places, linestyle=":", marker="x", color="#c0392b")
    axes.margins(x=0.08, y=0.15)
    axes.invert_yaxis()
    axes.set_xticks(years)
    axes.set_xlabel("Jahr" if lang == "de" else "Year")
    axes.set_ylabel("Platz" if lang == "de" else "Place")
    axes.set_title(f"{first.city}: {first.ranking.name_in(lang)}")
    axes.grid(alpha=0.3)
    figure.tight_layout()
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def chart_caption(items: Sequence[Standing], lang: Lang, limit: int = 1024) -> str:
    """Plain caption naming the sources of every point, cut to Telegram's caption limit."""
    first = items[0]
    lead = "Quellen" if lang == "de" else "Sources"
    labels = sorted({source_label(r.source_url) for s in items for r in s.rows})
    years = ", ".join(f"{s.year}: {s.place_text(lang)}" for s in items)
    caption = f"{first.city} – {first.ranking.name_in(lang)}\n{years}\n{lead}: {', '.join(labels)}"
    return caption if len(caption) <= limit else caption[: limit - 1] + "…"
