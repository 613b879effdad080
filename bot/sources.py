"""How a source is named inline: by its web site."""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_LABEL = 60


def source_label(url: str) -> str:
    """`https://www.bochum.de/...` → `bochum.de`; never longer than a short line."""
    host = urlsplit(url).hostname or url
    label = host.removeprefix("www.")
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
