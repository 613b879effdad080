"""What the command line prints is safe for a terminal: text from the store or from FragDenStaat cannot
move the cursor, clear the screen, retitle the window or reverse what is shown."""

from __future__ import annotations

import re
from typing import Any, TextIO

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


class SafeStream:
    """A text stream that writes everything through `printable`; anything else goes to the stream wrapped."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
