"""`shorten`, the one way text is cut to a limit: never longer than the limit, "…" where it was cut; umlauts
spelt out with capitals kept; and folding, whose shortcuts for ASCII text change nothing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.folding import fold, shorten, spell_out_umlauts


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


@given(st.text() | st.text(alphabet="aeouAEOUäöüÄÖÜßẞéèçñ ı İﬁ²-,."))
def test_folding_takes_shortcuts_that_change_nothing(text: str) -> None:
    """ASCII text is only lowercased, and text that is ASCII once its umlauts are spelt out is not decomposed:
    the same as folding every character."""
    spelt = spell_out_umlauts(text).casefold()
    spelt = spell_out_umlauts(spelt)
    decomposed = unicodedata.normalize("NFKD", spelt)
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Städte", "staedte"), ("STÄDTE", "staedte"), ("Staedte", "staedte"), ("Straße", "strasse"), ("Café", "cafe")],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
