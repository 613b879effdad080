"""A ranking row's quote must state its place or its score: a quote copied to the wrong row is caught."""

from __future__ import annotations

import pytest

from bot.kb.loader import load_knowledge
from bot.kb.quotes import supports
from bot.models import RankingRow
from tests.conftest import REPO

CITIES = ["Hamburg", "Karlsruhe", "Stuttgart", "Berlin", "Bochum", "Köln"]


def row(quote: str, place: int | None = None, score: float | None = None, city: str = "Bochum") -> RankingRow:
    return RankingRow(
        ranking="r", year=2021, city=city, place=place, score=score, source_url="https://example.org/x", quote=quote
    )


@pytest.mark.parametrize(
    ("quote", "place", "score"),
    [
        ("Bochum liegt auf Platz 7.", 7, None),
        ("Bochum (Platz 4, Vorjahr: 11)", 4, None),
        ("Aachen lag im Vorjahr auf Rang 17, Düsseldorf …", 17, None),
        ("Die Stadt sicherte sich den siebten Platz", 7, None),
        ("In einer Kategorie ist Köln sogar Spitzenreiter", 1, None),
        ("Bochum (71,2) legt elf Plätze zu", None, 71.2),
        ("mit einem Index von 71.2", 12, 71.2),
        ("Hamburg erreichte 38 Prozent", None, 38.0),
    ],
)
def test_quotes_that_state_the_figures(quote: str, place: int | None, score: float | None) -> None:
    assert supports(row(quote, place, score), CITIES)


@pytest.mark.parametrize(
    ("quote", "place", "score"),
    [
        ("Die Stadt sicherte sich mit einem Index von 71.2 den siebten Platz", 32, None),  # another year's quote
        ("Bochum (71,2) legt elf Plätze zu", 71, None),  # 71 only as part of a decimal
        ("Köln schaffte es mit 73 Punkten aufs Podium", 8, 62.3),
        ("Mit einem Plus von 14,8 Punkten machte Bochum 29 Plätze gut", 8, None),
    ],
)
def test_quotes_that_do_not(quote: str, place: int | None, score: float | None) -> None:
    assert not supports(row(quote, place, score), CITIES)


def test_a_ranked_list_states_places_by_position() -> None:
    listed = "(in dieser Reihenfolge) die Städte Hamburg, Karlsruhe, Stuttgart, Berlin"
    assert supports(row(listed, 2, city="Karlsruhe"), CITIES)
    assert not supports(row(listed, 3, city="Karlsruhe"), CITIES)


def test_every_row_of_the_base_is_supported_by_its_quote() -> None:
    kb = load_knowledge(REPO / "knowledge")
    cities = list(kb.aliases.cities)
    assert [r for r in kb.rows if not supports(r, cities)] == []
