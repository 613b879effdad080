"""What the command line prints is safe for a terminal: everything written to stdout and stderr goes through
`printable`."""

from __future__ import annotations

from typing import Any, TextIO

from bot.printable import printable


class SafeStream:
    """A text stream that writes everything through `printable`; anything else goes to the stream wrapped."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
