from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.models import Decision
from bot.service import FoiService


def test_answer_carries_text_passages_and_source(service: FoiService) -> None:
    answer = service.ask("Hat Bochum externe Berater bezahlt?")
    assert answer.decision is Decision.ANSWER
    assert answer.entry_ids == ["257364-externe-beratung"]
    assert answer.text.startswith("Nein.")
    assert answer.passages[0].source_url == "https://fragdenstaat.de/a/257364/"
    assert answer.lang == "de"


def test_english_question_gets_english_answer(service: FoiService) -> None:
    answer = service.ask("Did Bochum pay consultants?")
    assert answer.lang == "en"
    assert answer.text.startswith("No.")


def test_lang_can_be_forced(service: FoiService) -> None:
    assert service.ask("Hat Bochum externe Berater bezahlt?", "en").text.startswith("No.")


def test_unknown_question_abstains_with_suggestions(service: FoiService) -> None:
    answer = service.ask("Hat Essen externe Berater bezahlt?")
    assert answer.decision is Decision.UNKNOWN
    assert not answer.answered
    assert answer.suggestions
    assert answer.suggestions[0].id == "257364-externe-beratung"


def test_sources_that_differ_are_flagged(service: FoiService) -> None:
    answer = service.ask("Welchen Platz hatte Bochum 2019?")
    assert answer.answered
    assert answer.sources_differ
    assert {p.source_url for p in answer.passages} >= {
        "https://example.org/bochum-2019",
        "https://example.org/waz-2021",
    }


def test_comparison_of_two_cities(service: FoiService) -> None:
    answer = service.ask("Bochum oder Dortmund 2022?")
    assert answer.answered
    assert answer.entry_ids == ["bitkom-sci-2022-bochum", "bitkom-sci-2022-dortmund"]
    assert "Platz 8" in answer.text
    assert "Platz 25" in answer.text


def test_comparison_without_year_uses_latest_common_year(service: FoiService) -> None:
    answer = service.ask("Bochum vs München im Ranking")
    assert answer.entry_ids == ["bitkom-sci-2022-muenchen", "bitkom-sci-2022-bochum"]


def test_empty_question(service: FoiService) -> None:
    assert service.ask("   ").decision is Decision.UNKNOWN


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_answers_never_invent(service: FoiService, question: str) -> None:
    answer = service.ask(question)
    if answer.answered:
        assert answer.entry_ids
        assert answer.source_url
    else:
        assert answer.text == ""
