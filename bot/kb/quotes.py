"""Whether a ranking row's quote supports its figures: the place or the score must stand in it in some written
form, so that a quote copied to the wrong row is caught by `kb check`.

A place is written as a number (`Platz 7`, `7.`, `Rang 17,`), as a word (`siebten`, `seventh`, `Spitzenreiter`
for the first), or by the city's position in a list the quote gives in ranked order ("in dieser Reihenfolge
Hamburg, Karlsruhe, Stuttgart"). A score is written with a decimal comma or point (`71,2`, `71.2`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.folding import fold
from bot.models import RankingRow

_FIRST = (
    "ersten erste erster eins spitze spitzenreiter spitzenplatz sieger siegerin gewinner fuehrt vorn vorne first top"
)
_WORDS: dict[int, str] = {
    1: _FIRST,
    2: "zweiten zweite zweiter zwei zweitplatzierte second two",
    3: "dritten dritte dritter drei third three",
    4: "vierten vierte vierter vier fourth four",
    5: "fuenften fuenfte fuenfter fuenf fifth five",
    6: "sechsten sechste sechster sechs sixth six",
    7: "siebten siebte siebter sieben seventh seven",
    8: "achten achte achter acht eighth eight",
    9: "neunten neunte neunter neun ninth nine",
    10: "zehnten zehnte zehnter zehn tenth ten",
    11: "elften elfte elf eleventh eleven",
    12: "zwoelften zwoelfte zwoelf twelfth twelve",
}


def _number(value: int) -> re.Pattern[str]:
    # Not part of a longer number nor the integer part of a decimal (`71` in `71,2`).
    return re.compile(rf"(?<![\d.,]){value}(?![\d]|[.,]\d)")


def _in_ranked_list(row: RankingRow, quote: str, cities: Iterable[str]) -> bool:
    """The row's city at its place in a list of cities the quote names in order."""
    positions = sorted((quote.find(fold(c)), c) for c in cities if fold(c) in quote)
    listed = [c for _, c in positions]
    return len(listed) >= 3 and row.place is not None and listed[row.place - 1 : row.place] == [row.city]


def supports(row: RankingRow, cities: Iterable[str] = ()) -> bool:
    """Whether the quote states the row's place or its score (`cities`: every city name, for ranked lists)."""
    quote = fold(row.quote)
    if row.score is not None:
        text = f"{row.score:.1f}"
        forms = {text, text.replace(".", ","), text.removesuffix(".0")}
        if any(re.search(rf"(?<![\d.,]){re.escape(form)}(?!\d)", quote) for form in forms):
            return True
    if row.place is None:
        return False
    if _number(row.place).search(quote):
        return True
    words = _WORDS.get(row.place, "").split()
    return any(re.search(rf"\b{word}\b", quote) for word in words) or _in_ranked_list(row, quote, cities)
