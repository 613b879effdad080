"""Text from the store or from FragDenStaat shown to a person cannot drive their screen: no cursor moves,
screen clears, window titles or reversed text. Control characters are written as escapes instead."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional marks and overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    # JSON escapes C0 controls itself, so only those may take the shorter form that JSON does not know.
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Control characters and direction overrides written as escapes (`\\x1b`, `\\u009b`, `\\u202e`). In JSON
    output the escape reads back as the same character, so `--json` stays exact."""
    return _UNSAFE.sub(_escape, text)
