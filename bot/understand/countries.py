"""Countries by name, in German and English (pycountry's ISO 3166 names and their German translations).

The base's rankings and texts are about Germany; a question naming another country ("Wie viele Onliner nutzten 2018
E-Government in Österreich?") asks of that country, which only a text naming it can answer. Germany itself is left
out: a text about German cities rarely names it.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry

from bot.folding import fold

_HOME = "DE"
# Names ISO 3166 does not give that people write for a country, and names that are also everyday words or people's
# names ("island" is German for Iceland, "Jordan", "Chad", "guinea pig", "New Jersey", the US state of Georgia).
_ALSO_CALLED = {
    "usa": "US",
    "uk": "GB",
    "grossbritannien": "GB",
    "great britain": "GB",
    "england": "GB",
    "russland": "RU",
    "russia": "RU",
    "holland": "NL",
}
_NOT_NAMES = frozenset({"island", "jersey", "georgia", "jordan", "chad", "guinea", "niger"})


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], re.Pattern[str]]:
    """Every country's folded names (English, German; official and common) with its code, and a pattern that finds
    them as whole words, longest first ("vereinigte staaten" before any shorter name)."""
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    by_name = dict(_ALSO_CALLED)
    for country in pycountry.countries:
        if country.alpha_2 == _HOME:
            continue
        english = {country.name, *(getattr(country, a, country.name) for a in ("common_name", "official_name"))}
        for name in {*english, *(german.gettext(n) for n in english)}:
            if fold(name) not in _NOT_NAMES:
                by_name[fold(name)] = country.alpha_2
    alternatives = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    # Not `\b`: some names end in a bracket or a full stop ("virgin islands, u.s.").
    return by_name, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def countries_named(text: str) -> frozenset[str]:
    """The codes of the countries other than Germany that a text names."""
    by_name, pattern = _names()
    return frozenset(by_name[m.group(0)] for m in pattern.finditer(fold(text)))
