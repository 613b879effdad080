"""How a source is named in a reply: by its entry in the knowledge's `sources.yaml` (document and date,
"WAZ, 14.10.2023"), else, for a document nobody has named yet (an import, say), by its web site."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from bot.models import Lang, Source

MAX_LABEL = 60
LOOKED_UP = 4096  # sources a looked-up registry keeps at hand


def source_label(url: str) -> str:
    """`https://www.bochum.de/...` → `bochum.de`; never longer than a short line."""
    host = urlsplit(url).hostname or url
    label = host.removeprefix("www.")
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


class Citations:
    """The named sources of a base; `label` names any URL, registered or not. Given `find` instead of the
    sources, each is looked up when a reply first names it: a base of many imported letters names every page,
    and reading them all would hold up every start."""

    def __init__(self, sources: Iterable[Source] = (), find: Callable[[str], Source | None] | None = None) -> None:
        by_url = {s.url: s for s in sources}
        self._find = functools.lru_cache(maxsize=LOOKED_UP)(find) if find is not None else by_url.get

    def source(self, url: str | None) -> Source | None:
        return self._find(url) if url else None

    def label(self, url: str, lang: Lang) -> str:
        found = self._find(url)
        return found.label(lang) if found is not None else source_label(url)

    def labels(self, urls: Iterable[str], lang: Lang) -> dict[str, str]:
        return {url: self.label(url, lang) for url in urls if url}
