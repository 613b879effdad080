"""Words found inside the base's compounds, other forms of a word, typos: and short words that find nothing."""

from __future__ import annotations

import pytest

from bot.service import FoiService
from bot.understand.lexicon import TYPO_WEIGHT, heads_a_compound, is_compound_part
from bot.understand.normalize import stem


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
    ("word", "surface", "compound"),
    [
        ("bundes", "bundesliga", True),  # "liga" is no word of the base: the league is no form of the federation
        ("bund", "bundesliga", True),  # after the linking "es"
        ("information", "informationen", False),  # an ending
        ("digital", "digitalisierung", False),
        ("durchschnitt", "durchschnittspunktzahl", False),  # the rest is a word the base knows
        ("kritik", "kritisiert", False),  # not the start of it
    ],
)
def test_a_known_word_heads_a_compound_only_before_an_unknown_word(word: str, surface: str, compound: bool) -> None:
    assert heads_a_compound(word, surface, {"punktzahl"}) is compound


def test_the_head_of_a_compound_is_no_related_form(real_service: FoiService) -> None:
    """ "Wer hat 2022 die Bundesliga gewonnen?" read "Bundesliga" as a form of "Bundes" and got the category
    winners of 2022."""
    assert real_service.lexicon.related("bundesliga") == {}
    assert real_service.lexicon.related("durchschnittspunktzahl")  # "Durchschnitt" and "Punktzahl" both known


@pytest.mark.parametrize("word", ["digitalisierungsbeirat", "buergerkonto", "rankingbeirat"])
def test_another_compound_of_the_same_first_word_is_no_related_form(real_service: FoiService, word: str) -> None:
    """ "Hat Bochum einen Digitalisierungsbeirat?" found "Digitalisierungsgrad" and "digital", "Bürgerkonto" the
    Bürgerkonferenz: a compound of a known word and one the base does not know is no form of another compound of
    that word, nor of the word alone."""
    assert real_service.lexicon.related(word) == {}


def test_a_compound_with_a_misspelt_tail_keeps_its_forms(real_service: FoiService) -> None:
    assert real_service.lexicon.related("digitalstuide")


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


@pytest.mark.parametrize(("word", "token"), [("plaz", "platz"), ("patz", "platz"), ("indx", "index")])
def test_a_four_letter_typo_of_a_common_word_is_that_word(real_service: FoiService, word: str, token: str) -> None:
    """Four letters are below the typo budget, but one edit from a word most entries write is that word."""
    assert real_service.lexicon.typos(word) == {token: TYPO_WEIGHT[1]}


@pytest.mark.parametrize("word", ["zeit", "frau", "drin", "hamm", "gute"])
def test_other_four_letter_words_are_no_typos(real_service: FoiService, word: str) -> None:
    """Rare words, and words more than one edit from a common one, stay what they are."""
    assert real_service.lexicon.typos(word) == {}


def test_a_misspelt_place_word_asks_for_the_place(real_service: FoiService) -> None:
    answer = real_service.ask("Auf welchem Plaz lag Bochum 2023?")
    assert answer.answered
    assert "Platz 11" in answer.text


@pytest.mark.parametrize("word", ["bekommt", "steht", "sagte", "meisten", "say", "said"])
def test_a_form_of_a_word_that_says_little_says_little(real_service: FoiService, word: str) -> None:
    """ "Woher bekommt …?" weighed "bekommt" as a topic the answer must name; "bekommen" says little."""
    assert not real_service.lexicon.informative(stem(word))


@pytest.mark.parametrize("word", ["gemacht", "Wert"])
def test_a_participle_or_a_question_words_lookalike_still_says_something(real_service: FoiService, word: str) -> None:
    """ "Wer hat den Index gemacht?" asks who made it; "Wert" is no form of "wer"."""
    assert real_service.lexicon.informative(stem(word))


def test_a_question_asking_where_data_comes_from_finds_its_answer(real_service: FoiService) -> None:
    assert real_service.ask("Woher bekommt der Bitkom eigentlich seine Daten für den Index?").answered


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Welche Stadt konnte sich 2024 am meisten verbessern?", "bitkom-sci-2024-aufsteiger"),
        ("Wer hat 2022 am meisten Plätze gutgemacht?", "bitkom-sci-2022-aufsteiger"),
    ],
)
def test_the_most_improved_city_is_found_by_its_texts_words(
    real_service: FoiService, question: str, entry: str
) -> None:
    """ "am meisten" is a degree, which texts word as "größte" or "stärkste": no topic an answer must name."""
    answer = real_service.ask(question)
    assert answer.answered
    assert answer.hits[0].id == entry


def test_a_typo_of_a_synonym_no_text_writes_is_that_synonym(real_service: FoiService) -> None:
    """ "treshold" found nothing: "threshold" is a synonym of "Hürde" that only a phrasing writes, and typos were
    corrected to written words alone."""
    lexicon = real_service.lexicon
    threshold = real_service.normalizer.synonym_words["threshold"]
    assert lexicon.typos("treshold") == {threshold: TYPO_WEIGHT[1]}
    answer = real_service.ask("What was the top-10 treshold in the 2024 Smart City Index?")
    assert answer.answered
    assert answer.entry_ids[0] == "bitkom-sci-top10-schwelle"
