"""Countries named in a question, in German and English; Germany, which the base is about, never counts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.understand.countries import _names, countries_named


def test_countries_are_found_by_their_german_and_english_names() -> None:
    assert countries_named("Welcher Anteil der Onliner nutzte 2018 E-Government in Österreich?") == {"AT"}
    assert countries_named("Wie schneidet Deutschland im Vergleich zu Oesterreich und der Schweiz ab?") == {"AT", "CH"}
    assert countries_named("Is e-government used more in Austria or in the United States?") == {"AT", "US"}


def test_countries_are_found_by_the_short_names_people_write() -> None:
    assert countries_named("Nutzen in der Türkei mehr Menschen E-Government als in Russland?") == {"TR", "RU"}
    assert countries_named("Is the USA ahead of the UK?") == {"US", "GB"}
    assert countries_named("What about the Czech Republic?") == {"CZ"}


def test_a_name_is_read_as_a_whole_the_longest_first() -> None:
    assert countries_named("South Sudan") == {"SS"}
    assert countries_named("Sudan und Südsudan") == {"SD", "SS"}
    assert countries_named("Vereinigte Arabische Emirate oder Vereinigte Staaten?") == {"AE", "US"}


def test_countries_are_found_by_the_words_for_their_people() -> None:
    assert countries_named("Wie viel Prozent der Österreicher nutzen E-Government?") == {"AT"}
    assert countries_named("Sind die Schweizer digitaler, und was sagen schweizerische Behörden?") == {"CH"}
    assert countries_named("Welche österreichischen Städte sind dabei?") == {"AT"}
    assert countries_named("What share of Swiss citizens and of Austrians go online?") == {"CH", "AT"}
    assert countries_named("Do Italian cities take part?") == {"IT"}
    assert countries_named("Wie digital sind Österreichs Städte für Österreicherinnen?") == {"AT"}
    assert countries_named("Und französische oder polnische Städte? Was sagen die Briten?") == {"FR", "PL", "GB"}


def test_the_people_of_a_name_that_is_an_everyday_word_name_no_country() -> None:
    for text in ("Georgian architecture", "an islander", "Was sagen die Nigerer?", "Jordanian"):
        assert countries_named(text) == set(), text


def test_city_adjectives_name_no_country() -> None:
    for question in ("Hamburger Platz 2021", "Wie lag das Münsteraner Ergebnis?", "Bochumer Verwaltung", "Kölner"):
        assert countries_named(question) == set()


def test_words_that_are_also_names_of_countries_name_none() -> None:
    assert countries_named("Which island city ranks highest?") == set()
    assert countries_named("Hat Jordan Bochum beraten?") == set()
    assert countries_named("Did a city in New Jersey or Georgia take part?") == set()


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
