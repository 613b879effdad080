"""Countries named in a question, in German and English; Germany, which the base is about, never counts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.understand.countries import _names, countries_named


def test_countries_are_found_by_their_german_and_english_names() -> None:
    assert countries_named("Welcher Anteil der Onliner nutzte 2018 E-Government in Österreich?") == {"AT"}
    assert countries_named("Wie schneidet Deutschland im Vergleich zu Oesterreich und der Schweiz ab?") == {"AT", "CH"}
    assert countries_named("Is e-government used more in Austria or in the United States?") == {"AT", "US"}


def test_germany_and_the_base_s_own_words_name_no_country() -> None:
    assert countries_named("Wie viele Menschen in Deutschland nutzen E-Government?") == set()
    assert countries_named("How does Germany compare?") == set()
    for question in ("Welchen Platz hatte Bochum 2021?", "Wer ist der Chief Digital Officer?", "Smart City Index"):
        assert countries_named(question) == set()


@given(st.text(max_size=200))
def test_any_text_names_only_known_countries_and_never_germany(text: str) -> None:
    codes = set(_names()[0].values())
    named = countries_named(text)
    assert named <= codes
    assert "DE" not in named
