"""Which of an entry's own questions its slot tags keep from it. A question naming a city, year or ranking finds
only entries tagged so (the search's hard guard), so a curated question or phrasing that names one its entry is not
tagged with can never be answered by that entry, nor can anyone's question that names it the same way."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.models import Entry
from bot.search.engine import years_compared
from bot.understand.answer_types import all_said
from bot.understand.normalize import city_tag
from bot.understand.question import Question


@dataclass(frozen=True)
class Unreached:
    """An entry's text whose slots the entry's tags lack (`lacking`: "city Dortmund", "year 2019", …)."""

    entry_id: str
    text: str
    lacking: tuple[str, ...]


def lacking(entry: Entry, question: Question) -> tuple[str, ...]:
    """The question's slots that keep the entry from it, as the guard of `SearchEngine` applies them: every named
    city and ranking, every named year (an entry of no year is of every year; of years compared, naming no city,
    one the entry is tagged with and the others named in its text), and for a ranking meant but not named, no
    entry of another ranking. (A which-state question's guard against rankings of cities is not
    checked: it needs the rankings, not the entry.)"""
    tags = entry.tags
    cities = {city_tag(c) for c in tags.cities}
    out = [f"city {c}" for c in sorted(question.cities) if city_tag(c) not in cities]
    out += [f"ranking {r}" for r in sorted(question.rankings) if r not in tags.rankings]
    if tags.years:
        years = sorted(question.years)
        unmet = [y for y in years if y not in tags.years]
        if years_compared(question) and len(unmet) < len(years):
            said = all_said(entry)
            unmet = [y for y in unmet if not re.search(rf"\b{y}\b", said)]
        out += [f"year {y}" for y in unmet]
    meant = question.implied_ranking
    if meant is not None:
        out += [f"ranking {meant} (meant, not named), not {r}" for r in tags.rankings if r != meant]
    return tuple(out)


def unreached(entries: Iterable[Entry], understand: Callable[[str], Question]) -> list[Unreached]:
    """Every title, question and phrasing of `entries` that its own entry's tags keep from it."""
    found = []
    for entry in entries:
        for text in dict.fromkeys((entry.title, *entry.questions, *entry.phrasings)):
            missing = lacking(entry, understand(text))
            if missing:
                found.append(Unreached(entry.id, text, missing))
    return found
