"""How a source is named in a reply: by its entry in the knowledge's `sources.yaml` (document and date,
"WAZ, 14.10.2023"), else, for a document nobody has named yet (an import, say), by its web site."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from bot.models import Lang, Source

MAX_LABEL = 60


def source_label(url: str) -> str:
    """`https://www.bochum.de/...` → `bochum.de`; never longer than a short line."""
    host = urlsplit(url).hostname or url
    label = host.removeprefix("www.")
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


class Citations:
    """The named sources of a base; `label` names any URL, registered or not."""

    def __init__(self, sources: Iterable[Source] = ()) -> None:
        self._by_url = {s.url: s for s in sources}

    def label(self, url: str, lang: Lang) -> str:
        found = self._by_url.get(url)
        return found.label(lang) if found is not None else source_label(url)

    def labels(self, urls: Iterable[str], lang: Lang) -> dict[str, str]:
        return {url: self.label(url, lang) for url in urls if url}
