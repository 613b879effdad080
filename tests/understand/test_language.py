"""The reply language: judged by a language identifier on the words that are not names, German by default."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.kb.rankings import describe
from bot.service import FoiService
from bot.understand.language import base_vocabulary, detect_language, english_by_vocabulary, written_in_english


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Gewinner Smart City Index 2024", "de"),  # an English name inside a German question
        ("Smart City Konzept von Bochum", "de"),
        ("Wie schnitt Düsseldorf beim Ranking ab?", "de"),
        ("Who came first in the Smart City Index 2022?", "en"),
        ("Did Munich hire a consultancy?", "en"),  # a German-looking city in an English question
        ("What did Ulm answer?", "en"),
        ("Bochum 2021", "de"),  # nothing to judge by: German
        ("Wer ist der Chef der Smart City Innovation Unit?", "de"),  # an English name the base does not tag
        ("Wer leitet das Open Data Team der Stadt?", "de"),
        ("What did the Stabsstelle Digitalisierung send to Bitkom?", "en"),  # a German name in English
        ("Who is Thomas Eiskirch?", "en"),  # two words besides the name, clearly English
        ("Top 10 im Jahr 2023", "de"),  # two such words that are not
        ("Wer ist Sebastian Kopietz?", "de"),
    ],
)
def test_the_question_decides_the_language(real_service: FoiService, question: str, lang: str) -> None:
    assert real_service.answerer.understander.understand(question).lang == lang


def test_too_little_text_is_undecided() -> None:
    assert detect_language("Bochum") is None
    assert detect_language("") is None
    assert detect_language("How did it go for the city?") == "en"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("kiel 2022 rank", "en"),  # a word of the ranking questions only English writes
        ("Mainz score 2024?", "en"),
        ("Bochum energy 2023", "en"),  # a category by its English name
        ("nuremberg 2021", "en"),  # a city by its English name
        ("Kiel 2022", "de"),  # nothing to judge by: German, as before
        ("Kiel Platz 2022", "de"),
        ("Kiel Ranking 2022", "de"),  # a word both write
    ],
)
def test_a_short_question_in_english_words_is_english(real_service: FoiService, question: str, lang: str) -> None:
    """ "bochum 2019 rank", "Bochum mobility 2020": 185 of 684 fresh English questions got German replies."""
    assert real_service.answerer.understander.understand(question).lang == lang


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        # Both were answered in English: "Performance", "Score" read English, "im" is English "I'm" too.
        ("Dortmunder Performance im Smart City Index 2022", "de"),
        ("Ulmer Score 2024", "de"),
        ("What was the Ulmer score in 2024?", "en"),  # English words around it decide
    ],
)
def test_a_city_named_as_a_german_adjective_is_german(real_service: FoiService, question: str, lang: str) -> None:
    assert real_service.answerer.understander.understand(question).lang == lang


def test_the_persons_language_decides_where_the_text_cannot(real_service: FoiService) -> None:
    understand = real_service.answerer.understander.understand
    assert understand("Ulm 2024 score", fallback="de").lang == "de"  # a German user's anglicism
    assert understand("Who came first in 2022?", fallback="de").lang == "en"  # the text tells
    assert understand("Ulm 2024", fallback="en").lang == "en"


def test_english_words_are_read_only_where_too_little_is_left_to_judge() -> None:
    assert written_in_english("Essen 2021 position", frozenset())
    assert written_in_english("Köln Mobility", frozenset({"mobility"}))
    assert not written_in_english("Essen Platz 2021", frozenset({"mobility"}))


def test_a_requested_language_wins(real_service: FoiService) -> None:
    assert real_service.ask("Welchen Platz hatte Köln 2023?", "en").text.startswith("Cologne took 3rd place")


_GERMAN = ("Platz", "Punkte", "Quellen", "Städten", "beste", "erstmals", "gegenüber", "laut", "Vorjahr")


def test_english_table_answers_carry_no_german(real_service: FoiService) -> None:
    for items in real_service.answerer.tables.standings.values():
        for standing in items:
            text = describe(standing, "en", real_service.citations)
            assert not [w for w in _GERMAN if w in text.split() or f"{w}," in text], text


# No deadline: run alone, the first example loads the identifier's models (0.3 s).
@given(st.text(max_size=120))
@settings(deadline=None)
def test_any_text_gets_a_language_or_none(text: str) -> None:
    assert detect_language(text) in {"de", "en", None}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What was Kiel's rank in 2023?", "en"),  # "What was … rank in": 0.58 for English, unsure
        ("Tell me a joke", "en"),
        ("Wo stand Kiel im Index 2023?", "de"),
        ("Top-10 Abstand 2023", "de"),  # "top" is in English's list of fillers, but German writes it too
    ],
)
def test_an_unsure_identifier_is_decided_by_question_words(real_service: FoiService, question: str, lang: str) -> None:
    assert real_service.answerer.understander.understand(question).lang == lang


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("who is karin müller", "en"),  # names written small mislead the identifier
        ("since when is lena krüger cdo", "en"),
        ("who heads the stabsstelle in bochum", "en"),
        # An English auxiliary first: German loanwords and names mislead the identifier.
        ("Is Münster a Modellkommune Smart Region?", "en"),
        ("Has Bonn an Digitalstrategie Smart City?", "en"),
        ("was ist die smart city innovation unit", "de"),  # "ist", "die": German whatever the loanwords say
        ("Was ist UrbanTechHub?", "de"),
        # "is" as Germans say "ist", first once the city is taken out: German's own words and a sure identifier.
        ("münster is 2023 doch total abgesackt oder", "de"),
        ("is der vermerk eigentlich online oder nicht", "de"),
        ("why did münster drop in Gesellschaft und Bildung in 2023?", "en"),  # "und" of a German category's name
    ],
)
def test_function_words_decide_before_the_identifier(real_service: FoiService, question: str, lang: str) -> None:
    assert real_service.answerer.understander.understand(question).lang == lang


def test_the_bases_own_words_tell_english_from_german() -> None:
    english, german = base_vocabulary(
        [
            "Hamburg was the winner; the result of 2024",
            "Munich took the lead in the ranking",
            "The Stabsstelle Digitalisierung sends the data",
        ],
        [
            "Hamburg war Sieger; das Ergebnis 2024",
            "München übernahm im Ranking die Führung",
            "Die Digitalisierung der Verwaltung",
            "Die Stabsstelle Digitalisierung liefert",
            "Digitalisierung in Bochum",
        ],
    )
    assert {"winner", "result", "took"} <= english
    assert {"sieger", "ergebnis", "im"} <= german
    assert "digitalisierung" in german  # quoted in an English answer, written far more often in German
    assert "ranking" not in english | german  # both write it as often
    assert english_by_vocabulary("2019 results", english, german)  # names left out by the caller; a plural
    assert english_by_vocabulary("ranking 2018 winner", english, german)
    assert not english_by_vocabulary("Wer war der winner?", english, german)  # German function words
    assert not english_by_vocabulary("winner Sieger", english, german)
    assert not english_by_vocabulary("Ranking 2024", english, german)
    assert not english_by_vocabulary("Verwaltung winner", english, german)  # clearly German to the identifier


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("karlsruhe 2019 result", "en"),
        ("Haselhorst ranking 2018 winner", "en"),
        ("Bitkom Länderindex 2024 winner", "en"),
        ("Wer war 2025 der biggest climber im Smart City Index?", "de"),  # an anglicism in a German question
        ("Gewinner Smart City Index 2024", "de"),
    ],
)
def test_a_keyword_query_in_the_bases_english_words_is_english(
    real_service: FoiService, question: str, lang: str
) -> None:
    """ "karlsruhe 2019 result", "Haselhorst ranking 2018 winner": 52 of 300 fresh English questions got German
    replies, most of them keyword queries the identifier cannot judge."""
    assert real_service.answerer.understander.understand(question).lang == lang


def test_a_german_speakers_keyword_query_stays_german(real_service: FoiService) -> None:
    assert real_service.answerer.understander.understand("Haselhorst ranking 2018 winner", fallback="de").lang == "de"
