from __future__ import annotations

from bot.kb.rankings import describe, format_score, format_value, ranking_entries, standings, top_text, trend_text
from bot.models import Edition, Ranking, RankingRow, Source
from bot.sources import Citations, source_label

SCI = Ranking(
    id="bitkom-sci",
    name="Bitkom Smart City Index",
    editions=[Edition(year=2022, cities=81, source_url="https://example.org/e")],
)


CITE = Citations(
    [
        Source(url="https://www.bochum.de/a", name="Pressemitteilung der Stadt Bochum", date="2020-10-09"),
        Source(url="https://www.waz.de/b", name="WAZ", date="2021-10-14"),
        Source(url="https://a.de/1", name="Westfalenspiegel", date="2024"),
    ]
)


def row(year: int, city: str, place: int | None, score: float | None = None, url: str = "https://a.de/x") -> RankingRow:
    return RankingRow(ranking="bitkom-sci", year=year, city=city, place=place, score=score, source_url=url, quote="q")


def test_place_sentence_has_place_cities_points_and_change() -> None:
    rows = [row(2022, "Bochum", 8, 77.0), RankingRow(**{**row(2022, "Bochum", 8).model_dump(), "change": -1})]
    [standing] = standings(rows, [SCI])
    assert describe(standing, "de", CITE) == (
        "Bochum belegte im Bitkom Smart City Index 2022 Platz 8 von 81 Städten mit 77 Punkten "
        "(-1 Platz gegenüber dem Vorjahr)."
    )
    english = describe(standing, "en", CITE)
    assert english.startswith("Bochum took 8th place in the Bitkom Smart City Index 2022 out of 81")


def test_disagreeing_sources_are_both_named() -> None:
    rows = [
        row(2019, "Bochum", 32, url="https://www.bochum.de/a"),
        row(2019, "Bochum", 39, url="https://www.waz.de/b"),
    ]
    [standing] = standings(rows, [SCI])
    rows[1] = RankingRow(**{**rows[1].model_dump(), "note": "Quellen weichen ab: bochum.de nennt Platz 32"})
    [standing] = standings(rows, [SCI])
    text = describe(standing, "de", CITE)
    assert text == (
        "Für Bochum im Bitkom Smart City Index 2019 nennen die Quellen Platz 32 (Pressemitteilung der Stadt Bochum, "
        "09.10.2020) und Platz 39 (WAZ, 14.10.2021)."
    )
    assert describe(standing, "en", CITE) == (
        "For Bochum in the Bitkom Smart City Index 2019, the sources give 32nd place (Pressemitteilung der Stadt "
        "Bochum, 9 October 2020) and 39th place (WAZ, 14 October 2021)."
    )


def test_disagreeing_scores_are_both_named() -> None:
    rows = [row(2024, "A", 3, 70.0, url="https://a.de/1"), row(2024, "A", 3, 71.5, url="https://b.de/2")]
    [standing] = standings(rows, [SCI])
    assert standing.sources_differ
    assert describe(standing, "de", CITE) == (
        "A belegte im Bitkom Smart City Index 2024 Platz 3. Als Punktzahl nennen sie 70 Punkte (Westfalenspiegel, "
        "2024) und 71,5 Punkte (b.de)."
    )


def test_generated_entries_cover_place_trend_and_top() -> None:
    rows = [row(2021, c, p, 70 - p) for c, p in [("A", 1), ("B", 2), ("C", 3)]] + [row(2022, "A", 2)]
    ids = {e.id for e in ranking_entries([SCI], rows, CITE)}
    assert {"bitkom-sci-2021-a", "bitkom-sci-a-verlauf", "bitkom-sci-2021-top"} <= ids
    assert "bitkom-sci-2022-top" not in ids  # one place known is no top list


def test_a_change_of_several_places_is_in_the_plural() -> None:
    rows = [RankingRow(**{**row(2022, "Bochum", 8).model_dump(), "change": 3})]
    [standing] = standings(rows, [SCI])
    assert describe(standing, "de", CITE).endswith("(+3 Plätze gegenüber dem Vorjahr).")
    assert describe(standing, "en", CITE).endswith("(+3 places on the previous year).")


def test_a_course_shows_a_year_known_only_by_its_score_without_a_placeholder() -> None:
    items = standings([row(2021, "Bochum", None, 20.5), row(2022, "Bochum", 8, 77.0)], [SCI])
    assert trend_text(items, "de", CITE) == (
        "Bochum im Bitkom Smart City Index: 2021: 20,5 Punkte; 2022: Platz 8 (77 Punkte)."
    )
    assert trend_text(items, "en", CITE).endswith(": 2021: 20.5 points; 2022: 8th place (77 points).")


def test_top_list_is_ordered_by_place() -> None:
    rows = [row(2021, "B", 2, 60.5), row(2021, "A", 1, 70.0)]
    assert (
        top_text(standings(rows, [SCI]), "en")
        == "Bitkom Smart City Index 2021, top places: 1. A (70 points); 2. B (60.5 points)."
    )


def test_formatting_helpers() -> None:
    assert format_score(71.2, "de") == "71,2"
    assert format_score(71.0, "en") == "71"
    assert source_label("https://www.bochum.de/Pressemeldungen/x") == "bochum.de"


def test_where_sources_disagree_each_version_is_quoted_first() -> None:
    rows = [
        row(2019, "Bochum", 32, url="https://www.bochum.de/a"),
        row(2019, "Bochum", 32, url="https://a.de/1"),
        row(2019, "Bochum", 39, url="https://www.waz.de/b"),
    ]
    [entry] = [e for e in ranking_entries([SCI], rows, CITE) if e.id == "bitkom-sci-2019-bochum"]
    assert [p.source_url for p in entry.passages[:2]] == ["https://www.bochum.de/a", "https://www.waz.de/b"]


def test_english_replies_name_a_city_as_english_writes_it() -> None:
    rows = [row(2021, "München", 1, 80.0), row(2021, "Bochum", 7, 71.2), row(2022, "München", 2, 85.3)]
    entries = {e.id: e for e in ranking_entries([SCI], rows, CITE, {"München": "Munich"})}
    place = entries["bitkom-sci-2021-muenchen"]
    assert place.answer.startswith("München belegte")
    assert place.answer_in("en").startswith("Munich took 1st place")
    assert "Where did Munich rank in the Bitkom Smart City Index 2021?" in place.questions
    assert entries["bitkom-sci-muenchen-verlauf"].answer_en == (
        "Munich in the Bitkom Smart City Index: 2021: 1st place (80 points); 2022: 2nd place (85.3 points)."
    )


def test_a_ranking_says_in_german_how_to_be_in_it() -> None:
    """ "im Digitales Städteranking" is wrong German: the ranking's YAML says how to be in it where "im" is."""
    study = Ranking(
        id="pwc",
        name="Digitalisierungsstudie deutscher Großstädte",
        within_de="in der Digitalisierungsstudie deutscher Großstädte",
        name_en="digitalisation study",
    )
    rows = [RankingRow(ranking="pwc", year=2015, city="Köln", place=1, source_url="https://a.de/x", quote="q")]
    [standing] = standings(rows, [study])
    assert (
        describe(standing, "de", CITE)
        == "Köln belegte in der Digitalisierungsstudie deutscher Großstädte 2015 Platz 1."
    )
    assert describe(standing, "en", CITE) == "Köln took 1st place in the digitalisation study 2015."
    assert SCI.within("de") == "im Bitkom Smart City Index"


def test_a_score_without_a_place_reads_as_english() -> None:
    """ "Bochum scored in the … 66.9 points" put the score after the ranking."""
    [standing] = standings([row(2023, "Bochum", None, 66.9)], [SCI])
    assert describe(standing, "en", CITE) == "In the Bitkom Smart City Index 2023, Bochum scored 66.9 points."
    assert describe(standing, "de", CITE) == "Bochum erreichte im Bitkom Smart City Index 2023 66,9 Punkte."


def test_one_point_is_singular() -> None:
    ranking = Ranking(id="r", name="R")
    assert format_value(ranking, 1.0, "de") == "1 Punkt"
    assert format_value(ranking, 1.0, "en") == "1 point"
    assert format_value(ranking, 1.5, "de") == "1,5 Punkte"
    assert format_value(ranking, 64.1 - 63.1, "de") == "1 Punkt"  # a difference is 1 as shown, not as stored
