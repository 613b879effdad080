from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.understand.content import absent_nouns, content_words, noun_phrases, nouns, written_small


def test_fillers_are_not_content() -> None:
    assert content_words(["jemals", "niemals", "vermerk", "ever"]) == ["vermerk"]


def test_nouns_are_words_written_with_a_capital_inside_the_sentence() -> None:
    assert nouns("Wie viele Seiten hat der Vermerk? Wer schrieb ihn") == {"seiten", "vermerk"}


@pytest.mark.parametrize(
    ("text", "small"),
    [
        ("Wie ist es Münster ergangen?", {"ist", "es", "ergangen"}),
        # A word written large somewhere is written as a name or noun, however it is written elsewhere.
        ("Wie lief es in Essen? essen ist gross", {"lief", "es", "in", "ist", "gross"}),
        # A writer who capitalises nothing inside a sentence says nothing by writing a word small.
        ("wie ist es münster ergangen?", set()),
        ("Wie ist es ergangen?", set()),
    ],
)
def test_words_written_small_by_a_writer_who_capitalises_names(text: str, small: set[str]) -> None:
    assert written_small(text) == small


@pytest.mark.parametrize(
    ("question", "missing", "named"),
    [
        ("Wie viele Seiten hat der Vermerk?", ["seiten"], ["seiten"]),
        ("Wie viel Geld war dafür vorgesehen?", ["vorgesehen"], []),  # a verb: said in other words
        ("wie viele leute sitzen in der stabsstelle", ["stabsstelle"], []),  # written small: no noun to tell
        ("Wie viele Bewerber gab es?", ["bewerber"], []),  # "Bewerbungen": another form of it
        ("Welche Firma hat die Digitalprojekte betreut?", ["digitalprojekte"], []),  # its head "Projekte"
        ("Was kosten die Dienstwagen?", ["dienstwagen"], ["dienstwagen"]),  # "Dienstleister" shares a part only
    ],
)
def test_only_nouns_the_entry_has_in_no_form_are_named_absent(
    question: str, missing: list[str], named: list[str]
) -> None:
    entry = ["94 Bewerbungen gingen ein; die Projekte betreuten externe Dienstleister.", "Der Vermerk"]
    assert absent_nouns(missing, question, entry) == named


def test_a_city_in_the_entry_is_no_head_of_a_longer_word() -> None:
    """ "Essen" stripped of all its n and s was "esse", the end of "Prozesse"."""
    assert absent_nouns(["prozessen"], "Wie viele Prozessen gab es?", ["Bochum lag vor Essen."]) == ["prozessen"]


@given(st.text(max_size=80), st.lists(st.text(max_size=20), max_size=5), st.text(max_size=80))
def test_a_word_the_entry_has_as_written_is_never_named_absent(question: str, missing: list[str], entry: str) -> None:
    named = absent_nouns(missing, question, [entry])
    assert set(named) <= set(missing)
    written = set(entry.lower().split())
    assert not [w for w in named if w in written]


def test_noun_phrases_join_nouns_written_together() -> None:
    text = "Hat die Stadt Bochum Berater für ihr Smart-City-Konzept bezahlt? Das Konzept folgt fünf Leitthemen."
    # Not "Hat" nor "Das": a capital at the start of a sentence makes no noun.
    assert noun_phrases(text) == ["Stadt Bochum Berater", "Smart-City-Konzept", "Konzept", "Leitthemen"]
