"""A question put into the base's spelling: umlauts back where it was typed without them, typos of the words
that frame a question and ask for a figure corrected."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.folding import fold, strip_umlauts
from bot.understand.normalize import stem
from bot.understand.spelling import (
    as_written,
    correct_slips,
    correct_typos,
    grammar_slip,
    one_slip,
    restore_umlauts,
    slips_undone,
    umlaut_spellings,
)

_KNOWN = {fold(w) for w in "für über Städte geprüft Zähler schon Stadt Bochum wer hat".split()}
_SPELLINGS = {"mobilitaet": "mobilität", "strasse": "straße", "oberbuergermeister": "oberbürgermeister"}


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Wer hat fur Bochum Stadte gepruft?", "Wer hat für Bochum Städte geprüft?"),
        ("Uber Mobilitaet", "Über Mobilität"),
        ("DER OBERBUERGERMEISTER", "DER OBERBÜRGERMEISTER"),
        ("Strasse", "Straße"),
        # A word known as it is keeps its spelling; an unknown one with no known form too.
        ("schon Stadt", "schon Stadt"),
        ("Zahler", "Zähler"),
        ("Gutachten", "Gutachten"),
        # One umlaut typed: the text was written with them, the rest is as meant.
        ("Für Stadte", "Für Stadte"),
        # An abbreviation is written as meant.
        ("Stadt in EUR", "Stadt in EUR"),
    ],
)
def test_umlauts_are_put_back_into_a_text_typed_without_them(typed: str, written: str) -> None:
    assert restore_umlauts(typed, _SPELLINGS, _KNOWN.__contains__) == written


@given(st.text(alphabet="aouAOUbchnrstfzäü ,?", max_size=40))
def test_putting_umlauts_back_changes_no_word_into_another(text: str) -> None:
    """Each word comes back as typed, or as a form that folds or strips to it."""
    restored = restore_umlauts(text, _SPELLINGS, _KNOWN.__contains__)
    assert len(restored.split()) == len(text.split())
    for before, after in zip(text.split(), restored.split(), strict=True):
        assert after == before or fold(after) == fold(before) or strip_umlauts(after) == before


def test_spellings_are_the_forms_with_umlauts_a_text_writes_most() -> None:
    texts = ["Die Mobilität in München", "muenchen.de, München", "Strasse, Strasse, Straße", "Bürger"]
    assert umlaut_spellings(texts) == {"mobilitaet": "mobilität", "muenchen": "münchen", "buerger": "bürger"}


_BASE = {"platz", "bochum", "daten", "seiten", "zaehl"}


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Wlchen Platz hatte Bochum?", "Welchen Platz hatte Bochum?"),
        ("wer hat eigentich die daten", "wer hat eigentlich die daten"),
        ("Seit wann gibt es das übehaupt?", "Seit wann gibt es das überhaupt?"),
        ("Wie viele Pukte hatte Bochum?", "Wie viele Punkte hatte Bochum?"),
        ("Hamburg 2019 scroe?", "Hamburg 2019 score?"),
        # A word the base writes, or a form of one, a noun within a sentence, a part of a compound: as typed.
        ("wie viele seiten", "wie viele seiten"),
        ("welche städte zaehlen dazu", "welche städte zaehlen dazu"),
        ("Die Weiche und das Wetter", "Die Weiche und das Wetter"),
        ("runner-up", "runner-up"),
        # A short figure word comes from a letter dropped or two swapped, not from another word ("sports", "store").
        ("What about sports in Bochum?", "What about sports in Bochum?"),
        ("Bochum store 2021", "Bochum store 2021"),
        # One edit from two words ("welche", "welchen"), or from a short function word only: as typed.
        ("welchn Platz", "welchn Platz"),
        ("seinn Platz", "seinn Platz"),
        # "Worin …?" asks, it is no "wohin" mistyped.
        ("Worin unterscheiden sie sich?", "Worin unterscheiden sie sich?"),
        # A four-letter word that asks, with two letters swapped: too short for an edit, not for a swap.
        ("Wnan kam die Antwort?", "Wann kam die Antwort?"),
        ("Whta did Bochum send?", "What did Bochum send?"),
        ("how mnay cities", "how many cities"),
        # Other four-letter words, or the first letter swapped: as typed.
        ("Wnen Platz", "Wnen Platz"),
        ("hwat now", "hwat now"),
    ],
)
def test_a_typo_of_a_word_that_frames_a_question_is_that_word(typed: str, written: str) -> None:
    known = (_BASE | {"staedte"}).__contains__
    # A form of a known word is known: here, a word whose first five letters are one ("zaehlen").
    assert correct_typos(typed, lambda word: known(word) or known(word[:5]), {"ueberhaupt": "überhaupt"}) == written


def test_a_question_gets_its_umlauts_back_and_its_framing_words_right() -> None:
    known = (_KNOWN | _BASE).__contains__
    assert as_written("Wlchen Platz hatte Bochum fur Stadte?", _SPELLINGS, known, known) == (
        "Welchen Platz hatte Bochum für Städte?"
    )


@pytest.mark.parametrize(
    ("typed", "word", "slipped"),
    [
        ("hiner", "hinter", True),  # a letter left out
        ("hinterr", "hinter", True),  # one doubled
        ("hitner", "hinter", True),  # two swapped
        ("ihnter", "hinter", False),  # the first letter is rarely mistyped
        ("gelandat", "gelandet", True),  # one replaced in a word of seven letters or more
        ("wetter", "weiter", False),  # but not in a shorter one: it makes real words of others
        ("month", "months", False),  # the last letter left out is another form
        ("placin", "placing", False),  # even where the stems differ
        ("inter", "hinter", False),  # nor the first letter left out, doubled or replaced
        ("hhinter", "hinter", False),
        ("xelandet", "gelandet", False),
        ("hintre", "hinter", True),  # the last two swapped
        ("", "hinter", False),
        ("hinter", "hinter", False),
    ],
)
def test_a_slip_is_a_letter_left_out_doubled_or_swapped(typed: str, word: str, slipped: bool) -> None:
    assert one_slip(typed, word) is slipped


def test_undoing_one_slip_finds_the_word_typed() -> None:
    assert {"instrumente", "strategien", "beratern"} <= (
        slips_undone("instrumnte") | slips_undone("strateigen") | slips_undone("berratern")
    )
    # Neither the first letter nor one after the last: "month" is no slip of "months".
    assert "months" not in slips_undone("month")
    assert "hinter" not in slips_undone("inter")
    assert "inter" not in slips_undone("hinter")


@given(st.text(alphabet="abehilnrt", min_size=3, max_size=12), st.data())
def test_slips_undone_are_the_slips_one_slip_knows(word: str, data: st.DataObject) -> None:
    """What `one_slip` calls a slip (a letter left out, doubled or swapped) is what `slips_undone` undoes, and
    nothing else but forms of the typed word."""
    i = data.draw(st.integers(1, len(word) - 2))
    for typed in (
        word[:i] + word[i + 1 :],
        word[:i] + word[i] + word[i:],
        word[:i] + word[i + 1] + word[i] + word[i + 2 :],
    ):
        if typed != word:
            assert word in slips_undone(typed)
        for undone in slips_undone(typed):
            assert one_slip(typed, undone, replaced=False) or stem(typed) == stem(undone)


def test_a_slip_in_a_word_of_the_ranking_grammar_is_read_as_that_word() -> None:
    known = {"lag", "dresden", "leipzig", "wo", "ist", "kiel"}.__contains__
    assert correct_slips("Lag Dresden hinetr Leipzig?", known, grammar_slip, {}) == "Lag Dresden hinter Leipzig?"
    assert correct_slips("Wo ist Kiel gelanddet", known, grammar_slip, {}) == "Wo ist Kiel gelandet"
    # Umlauts count as one letter: "Stdäte" is "Städte" with two letters swapped, "Stdte" without its umlaut.
    spellings = {"staedte": "städte"}
    assert (
        correct_slips("Welche Stdäte lagen vor Bonn", known, grammar_slip, spellings) == "Welche Städte lagen vor Bonn"
    )
    assert (
        correct_slips("Welche Stdte lagen vor Bonn", known, grammar_slip, spellings) == "Welche Städte lagen vor Bonn"
    )
    # A word the base knows (in a form of its own: "fehlen" beside "fehlten") stays, however close to a word of
    # the grammar.
    assert (
        correct_slips("Lag Dresden hinetr Leipzig?", lambda _: True, grammar_slip, {}) == "Lag Dresden hinetr Leipzig?"
    )


@given(st.text(alphabet="abehilnrtgdsu ,?", max_size=40))
def test_reading_grammar_slips_changes_only_unknown_words_into_grammar_words(text: str) -> None:
    """Every word comes back as typed or, typed with one slip, as a word of the ranking grammar."""
    corrected = correct_slips(text, lambda _: False, grammar_slip, {})
    assert len(corrected.split()) == len(text.split())
    for before, after in zip(text.split(), corrected.split(), strict=True):
        assert after == before or one_slip(fold(before), fold(after))
