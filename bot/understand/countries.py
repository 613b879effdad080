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


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], re.Pattern[str]]:
    """Every country's folded names (English, German; official and common) with its code, and a pattern that finds
    them as whole words, longest first ("vereinigte staaten" before any shorter name)."""
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    by_name: dict[str, str] = {}
    for country in pycountry.countries:
        if country.alpha_2 == _HOME:
            continue
        english = {country.name, getattr(country, "common_name", country.name)}
        for name in {*english, *(german.gettext(n) for n in english)}:
            by_name[fold(name)] = country.alpha_2
    alternatives = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    return by_name, re.compile(rf"\b(?:{alternatives})\b")


def countries_named(text: str) -> frozenset[str]:
    """The codes of the countries other than Germany that a text names."""
    by_name, pattern = _names()
    return frozenset(by_name[m.group(0)] for m in pattern.finditer(fold(text)))
