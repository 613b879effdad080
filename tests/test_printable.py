"""Whatever text reaches the command line's output, the terminal gets no control character, and JSON stays exact."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from bot.printable import printable

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@given(st.text())
def test_no_control_character_survives(text: str) -> None:
    shown = printable(text)
    assert UNSAFE.search(shown) is None
    assert shown.count("\n") == text.count("\n")


@given(st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_reads_back_the_same(value: object) -> None:
    assert json.loads(printable(json.dumps(value, ensure_ascii=False))) == value


def test_escapes_read_as_what_they_are() -> None:
    assert printable("a\x1b[2Jb\u202ec\x07\td") == "a\\x1b[2Jb\\u202ec\\x07\td"
