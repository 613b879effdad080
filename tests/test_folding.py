"""`shorten`, the one way text is cut to a limit: never longer than the limit, "…" where it was cut; umlauts
spelt out with capitals kept, and put back where a text was typed without them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.folding import fold, restore_umlauts, shorten, spell_out_umlauts, strip_umlauts, umlaut_spellings


@pytest.mark.parametrize(
    ("text", "limit", "at_word", "expected"),
    [
        ("kurz", 10, False, "kurz"),
        ("genau zehn", 10, False, "genau zehn"),
        ("Stadt Bochum antwortet", 10, False, "Stadt Boc…"),
        ("Stadt    Bochum", 10, False, "Stadt…"),
        ("Stadt Bochum antwortet", 9, True, "Stadt…"),
        ("Stadt Bochum antwortet", 14, True, "Stadt Bochum…"),
        # A word cut would keep too little: the text is cut within the word instead.
        ("Informationsfreiheitsgesetz gilt", 12, True, "Information…"),
        ("Zeile eins\nZeile zwei", 15, True, "Zeile eins…"),
        ("abc", 1, False, "…"),
        ("abc", 0, False, ""),
    ],
)
def test_shorten(text: str, limit: int, at_word: bool, expected: str) -> None:
    assert shorten(text, limit, at_word=at_word) == expected


@given(st.text(), st.integers(min_value=-2, max_value=50), st.booleans())
def test_shorten_is_never_longer_than_the_limit_and_keeps_a_prefix(text: str, limit: int, at_word: bool) -> None:
    short = shorten(text, limit, at_word=at_word)
    assert len(short) <= max(limit, 0)
    if len(text) <= limit:
        assert short == text
    elif short:
        assert short.endswith("…")
        assert text.startswith(short[:-1])


def test_umlauts_are_spelt_out_with_their_capitals_kept() -> None:
    assert spell_out_umlauts("Oberbürgermeister Thomas Eiskirch, Straße, Ärger") == (
        "Oberbuergermeister Thomas Eiskirch, Strasse, Aerger"
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
