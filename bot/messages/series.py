"""The phrases of answers across a series of FOI requests (bot/series.py), in German and English: which bodies were
asked, who answered and when, the status per body, and one line per body with what its answer says."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.messages import listed
from bot.messages.fragdenstaat import _date_de, _date_en
from bot.models import Lang


def _date(day: dt.date, lang: Lang) -> str:
    return _date_de(day) if lang == "de" else _date_en(day)


MAX_LISTED = 20  # bodies named in one sentence; the rest are counted


def _listed(items: Sequence[str], lang: Lang) -> str:
    """`A, B und C`; `A, B and C`; beyond MAX_LISTED: `A, B, … und 312 weitere`."""
    if len(items) > MAX_LISTED:
        more = len(items) - MAX_LISTED
        return f"{', '.join(items[:MAX_LISTED])} {'und' if lang == 'de' else 'and'} {_count(more, lang)} " + (
            "weitere" if lang == "de" else "more"
        )
    return listed(items, lang)


def _count(number: int, lang: Lang) -> str:
    """`3.314`; `3,314`."""
    return f"{number:,}".replace(",", ".") if lang == "de" else f"{number:,}"


def series_title(title: str, count: int, lang: Lang) -> str:
    if lang == "de":
        return f"Anfragenserie „{title}“ ({count} Anfragen)"
    return f"Request series '{title}' ({count} requests)"


def bodies_asked(title: str, bodies: Sequence[str], lang: Lang) -> str:
    """`Die Anfrage „…“ ging gleichlautend an 3 Behörden: A, B und C.`"""
    if lang == "de":
        return f"Die Anfrage „{title}“ ging gleichlautend an {len(bodies)} Behörden: {_listed(bodies, lang)}."
    return f"The request '{title}' went with the same text to {len(bodies)} public bodies: {_listed(bodies, lang)}."


def answered_overview(
    answered: Sequence[tuple[str, dt.date | None]], waiting: Sequence[tuple[str, dt.date | None]], lang: Lang
) -> str:
    """Who answered (and when), who has not (and since when): each body with its date."""

    def dated(items: Sequence[tuple[str, dt.date | None]], since: bool) -> list[str]:
        out = []
        for body, day in items:
            if day is None:
                out.append(body)
            elif lang == "de":
                out.append(f"{body} ({'gefragt am ' if since else 'am '}{_date(day, lang)})")
            else:
                out.append(f"{body} ({'asked on ' if since else 'on '}{_date(day, lang)})")
        return out

    total = len(answered) + len(waiting)
    if lang == "de":
        first = (
            f"Geantwortet haben {len(answered)} von {total}: {_listed(dated(answered, False), lang)}."
            if answered
            else f"Noch hat keine der {total} Behörden geantwortet."
        )
        second = (
            f"Noch keine Antwort von {_listed(dated(waiting, True), lang)}." if waiting else "Alle haben geantwortet."
        )
    else:
        first = (
            f"{len(answered)} of {total} have answered: {_listed(dated(answered, False), lang)}."
            if answered
            else f"None of the {total} public bodies has answered yet."
        )
        second = (
            f"No answer yet from {_listed(dated(waiting, True), lang)}." if waiting else "All of them have answered."
        )
    return f"{first} {second}"


def status_lead(title: str, lang: Lang) -> str:
    if lang == "de":
        return f"Stand der Anfragen „{title}“ auf FragDenStaat:"
    return f"Status of the requests '{title}' on FragDenStaat:"


def status_line(body: str, status: str) -> str:
    return f"{body}: {status}"


def content_lead(title: str, lang: Lang) -> str:
    if lang == "de":
        return f"Was die Antworten auf die Anfrage „{title}“ dazu sagen:"
    return f"What the answers to the request '{title}' say on this:"


def quoted_line(body: str, quote: str, day: dt.date | None, lang: Lang) -> str:
    """`Stadt Bochum: „…“ (20.09.2022)`."""
    when = f" ({_date(day, lang)})" if day else ""
    return f"{body}: „{quote}“{when}" if lang == "de" else f"{body}: “{quote}”{when}"


def no_answer_line(body: str, lang: Lang) -> str:
    return f"{body}: noch keine Antwort" if lang == "de" else f"{body}: no answer yet"


def not_public_line(body: str, lang: Lang) -> str:
    if lang == "de":
        return f"{body}: keine lesbare Antwort (nicht öffentlich, oder ein Scan ohne Text)"
    return f"{body}: no readable answer (not public, or a scan without text)"


def not_found_line(body: str, lang: Lang) -> str:
    if lang == "de":
        return f"{body}: in den gelesenen Seiten der Antwort nichts dazu gefunden"
    return f"{body}: nothing found on this in the pages read"


def not_mentioned_line(body: str, lang: Lang) -> str:
    if lang == "de":
        return f"{body}: dazu steht nichts in der Antwort"
    return f"{body}: the answer says nothing on this"


def others_line(quoted: int, waiting: Sequence[str], lang: Lang) -> str:
    """After the quotes of a large series: that only some answers are quoted, and who has not answered."""
    if lang == "de":
        text = f"Zitiert sind nur die ersten {quoted} Antworten, die dazu etwas sagen"
        return text + (f"; noch keine Antwort von {_listed(waiting, lang)}." if waiting else ".")
    text = f"Only the first {quoted} answers that speak to this are quoted"
    return text + (f"; no answer yet from {_listed(waiting, lang)}." if waiting else ".")
