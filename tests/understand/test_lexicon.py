"""Words found inside the base's compounds, other forms of a word, typos: and short words that find nothing."""

from __future__ import annotations

import pytest

from bot.service import FoiService
from bot.understand.lexicon import TYPO_WEIGHT, is_compound_part


@pytest.mark.parametrize(
    ("part", "word", "expected"),
    [
        ("freiheit", "informationsfreiheitsgesetz", True),
        ("freiheitsgesetz", "informationsfreiheitsgesetz", True),
        ("medienentwicklung", "medienentwicklungskonzept", True),
        ("rang", "orange", False),  # "o" is no word
        ("stadt", "stadtx", False),  # "x" is no word
        ("lieferung", "datenlieferungen", True),  # linking and plural endings are fine
    ],
)
def test_a_part_must_leave_word_like_pieces(part: str, word: str, expected: bool) -> None:
    assert is_compound_part(part, word, word.find(part)) is expected


def test_a_word_only_inside_compounds_is_found(real_service: FoiService) -> None:
    understand = real_service.answerer.understander.understand
    for word in ("Freiheit", "Freiheitsgesetz"):
        alternatives = {alt for term in understand(word).terms for alt in term.alternatives}
        assert "ifg" in alternatives, word  # the synonym group of Informationsfreiheitsgesetz
    hits = real_service.answerer.engine.search(understand("Auskunft nach dem Freiheitsgesetz")).hits
    assert hits


def test_a_compound_question_finds_the_compound_not_one_of_its_parts(real_service: FoiService) -> None:
    question = real_service.answerer.understander.understand("Was steht im Medienentwicklungskonzept?")
    assert question.ranking is None  # "Entwicklung" inside it is no question about a ranking's trend
    hits = real_service.answerer.engine.search(question).hits
    assert hits
    entry = real_service.entry(hits[0].id)
    assert entry is not None
    assert "Medienentwicklungskonzept" in " ".join([entry.answer, *(p.text for p in entry.passages)])


def test_short_words_do_not_match_inside_others(real_service: FoiService) -> None:
    lexicon = real_service.lexicon
    assert lexicon.containing("gut") == {}
    assert "gutersloh" not in lexicon.related("gut")


def test_other_forms_of_an_unknown_word(real_service: FoiService) -> None:
    lexicon = real_service.lexicon
    assert lexicon.verb_forms("gespielt")  # the participle of a known verb
    assert any(lexicon.related(word) for word in ("kritisierte", "digitalisierte"))


@pytest.mark.parametrize(
    ("word", "form"),
    [("Zulieferung", "liefert"), ("rumgeschickt", "geschickt"), ("angefordert", "gefordert")],
)
def test_a_verb_with_a_separable_particle_finds_the_verb(real_service: FoiService, word: str, form: str) -> None:
    """The base writes "liefert … zu" and "geschickt"; people write "Zulieferung" and "rumgeschickt"."""
    terms = real_service.answerer.understander.understand(f"Wer hat das {word}?").terms
    assert any(form in term.alternatives for term in terms), word


def test_a_word_typed_without_its_umlaut_is_one_typo(real_service: FoiService) -> None:
    """ "Stdte" is one letter from "Städte" but two from its folded form "staedte", beyond a short word's budget."""
    lexicon = real_service.answerer.understander.lexicon
    assert lexicon.typos("stdte").get("stadt") == TYPO_WEIGHT[1]
    assert real_service.ask("Wie viele Stdte wurden 2023 bewertet?").answered
