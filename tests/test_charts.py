"""Charts: every city in the tables gets one, gaps stay gaps, no place 0, a legend where it is needed."""

from __future__ import annotations

import numpy as np
import pytest

from bot.charts import chart_caption, draw, place_chart
from bot.service import FoiService

POINTS_ONLY = ["Ulm", "Magdeburg", "Bremerhaven", "Remscheid", "Salzgitter", "Bergisch Gladbach"]


def every_city(service: FoiService) -> list[str]:
    return sorted({row.city for row in service.store.knowledge.ranking_rows()})


def test_every_city_of_the_tables_gets_a_chart_and_a_caption(real_service: FoiService) -> None:
    cities = every_city(real_service)
    assert set(POINTS_ONLY) <= set(cities)
    for city in cities:
        series = real_service.chart_series([city])
        assert series, city
        assert all(series), city
        assert place_chart(series, "de").startswith(b"\x89PNG"), city
        caption = chart_caption(series, "de", real_service.citations)
        assert city in caption, city
        assert len(caption) <= 1024, city


@pytest.mark.parametrize("city", POINTS_ONLY)
def test_a_city_with_points_but_no_place_is_charted_by_points(real_service: FoiService, city: str) -> None:
    [items] = real_service.chart_series([city])
    axes = draw([items], "en").axes[0]
    if not any(s.places for s in items):
        assert axes.get_ylabel() == "Points"


def test_no_tick_at_place_zero_and_best_place_on_top(real_service: FoiService) -> None:
    axes = draw(real_service.chart_series(["Bochum"]), "de").axes[0]
    assert all(tick >= 1 for tick in axes.get_yticks())
    bottom, top = axes.get_ylim()
    assert top < bottom


def test_a_missing_year_is_a_gap_not_a_line_across(real_service: FoiService) -> None:
    for city in every_city(real_service):
        [items] = real_service.chart_series([city])
        years = sorted(s.year for s in items)
        if years and years[-1] - years[0] + 1 > len(set(years)):
            line = draw([items], "de").axes[0].lines[0]
            assert np.isnan(np.asarray(line.get_ydata(), dtype=float)).any(), city
            return
    pytest.fail("no city with a missing year in the tables")


def test_disagreeing_sources_get_a_legend_entry(real_service: FoiService) -> None:
    axes = draw(real_service.chart_series(["Bochum"]), "de").axes[0]
    legend = axes.get_legend()
    assert legend is not None
    assert "Quellen weichen ab" in [t.get_text() for t in legend.get_texts()]


def test_several_cities_in_one_chart_each_with_a_line_and_a_legend(real_service: FoiService) -> None:
    series = real_service.chart_series(real_service.find_cities("Bochum Dortmund"))
    assert [items[0].city for items in series] == ["Bochum", "Dortmund"]
    axes = draw(series, "de").axes[0]
    legend = axes.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert "Bochum" in labels
    assert "Dortmund" in labels
    caption = chart_caption(series, "de", real_service.citations)
    assert caption.startswith("Bochum – Dortmund")
    assert "\nBochum: " in caption
    assert "\nDortmund: " in caption


def test_caption_names_documents_not_web_sites(real_service: FoiService) -> None:
    caption = chart_caption(real_service.chart_series(["Bochum"]), "de", real_service.citations)
    assert "WAZ, 2021" in caption
    assert "waz.de" not in caption
    assert "https://" not in caption


def test_labels_of_one_year_do_not_sit_on_each_other(real_service: FoiService) -> None:
    figure = draw(real_service.chart_series(["Bochum"]), "de")
    axes = figure.axes[0]
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [t.get_window_extent(renderer) for t in axes.texts]
    for i, box in enumerate(boxes):
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other)


def test_a_city_ranked_only_in_a_category_is_named_with_it_in_the_reply_language(real_service: FoiService) -> None:
    series = real_service.chart_series(["Ingolstadt"])
    assert chart_caption(series, "en", real_service.citations).startswith("Ingolstadt (Energy and Environment):")
    assert chart_caption(series, "de", real_service.citations).startswith("Ingolstadt (Energie und Umwelt):")
