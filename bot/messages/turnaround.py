"""The phrases of when a request was sent and answered, how long that took and which of several came first
(bot/turnaround.py), in German and English."""

from __future__ import annotations

import datetime as dt

from bot.messages import listed
from bot.messages.fragdenstaat import _date_de, _date_en
from bot.models import MONTHS, FoiRequest, Lang


def _day(day: dt.date, lang: Lang) -> str:
    return _date_de(day) if lang == "de" else _date_en(day)


def day_forms(day: dt.date) -> tuple[str, ...]:
    """How texts write a day: `18.08.2022`, `18. August 2022`, `18 August 2022`."""
    return (_date_de(day), f"{day.day}. {MONTHS['de'][day.month - 1]} {day.year}", _date_en(day))


def title(request: FoiRequest, lang: Lang) -> str:
    if lang == "de":
        return f"Anfrage #{request.id} an {request.public_body}"
    return f"Request #{request.id} to {request.public_body}"


def took(request: FoiRequest, sent_on: dt.date, answered_on: dt.date, lang: Lang) -> str:
    """`Stadt Bochum hat die Anfrage #257364 „…“ vom 18.08.2022 am 20.09.2022 beantwortet, nach 33 Tagen.`"""
    days = (answered_on - sent_on).days
    sent, answered = _day(sent_on, lang), _day(answered_on, lang)
    if lang == "de":
        after = "am selben Tag" if days == 0 else f"nach {days} {'Tag' if days == 1 else 'Tagen'}"
        return (
            f"{request.public_body} hat die Anfrage #{request.id} „{request.title}“ vom {sent} am {answered} "
            f"beantwortet, {after}."
        )
    after = "the same day" if days == 0 else f"after {days} {'day' if days == 1 else 'days'}"
    return f"{request.public_body} answered request #{request.id} '{request.title}' of {sent} on {answered}, {after}."


def not_known(request: FoiRequest, sent_on: dt.date, lang: Lang) -> str:
    """`Die Anfrage #257451 „…“ ging am 19.08.2022 an Stadt Ulm; wann sie beantwortet wurde, …`"""
    sent = _day(sent_on, lang)
    if lang == "de":
        return (
            f"Die Anfrage #{request.id} „{request.title}“ ging am {sent} an {request.public_body}; wann sie "
            "beantwortet wurde, ist in meinen Quellen nicht verzeichnet."
        )
    return (
        f"Request #{request.id} '{request.title}' was sent to {request.public_body} on {sent}; when it was answered "
        "is not recorded in my sources."
    )


def sent(request: FoiRequest, sent_on: dt.date, lang: Lang) -> str:
    """`Die Anfrage #257364 „…“ ging am 18.08.2022 an Stadt Bochum.`"""
    day = _day(sent_on, lang)
    if lang == "de":
        return f"Die Anfrage #{request.id} „{request.title}“ ging am {day} an {request.public_body}."
    return f"Request #{request.id} '{request.title}' was sent to {request.public_body} on {day}."


def _to(requests: list[FoiRequest], lang: Lang) -> str:
    """`Stadt Bochum (#257364) und Kommunalverwaltung Bonn (#257374)`"""
    return listed([f"{r.public_body} (#{r.id})" for r in requests], lang)


def order(days: list[tuple[dt.date, list[FoiRequest]]], *, last: bool, lang: Lang) -> str:
    """`Nach ihren Daten: am 18.08.2022 an Stadt Bochum (#257364) und …; am 19.08.2022 an … Zuletzt gestellt: …`"""
    if len(days) == 1:
        day, requests = days[0]
        if lang == "de":
            every = "Beide" if len(requests) == 2 else "Alle"
            return f"{every} am selben Tag gestellt, am {_day(day, lang)}: an {_to(requests, lang)}."
        every = "Both" if len(requests) == 2 else "All"
        return f"{every} were sent on the same day, {_day(day, lang)}: to {_to(requests, lang)}."
    _, which = days[-1] if last else days[0]
    if lang == "de":
        listed = "; ".join(f"am {_day(day, lang)} an {_to(requests, lang)}" for day, requests in days)
        first = "Zuletzt" if last else "Zuerst"
        return f"Nach ihren Daten: {listed}. {first} gestellt: an {_to(which, lang)}."
    listed = "; ".join(f"on {_day(day, lang)} to {_to(requests, lang)}" for day, requests in days)
    first = "last" if last else "first"
    return f"By their dates: {listed}. Sent {first}: to {_to(which, lang)}."


def order_title(requests: list[FoiRequest], lang: Lang) -> str:
    ids = ", ".join(f"#{r.id}" for r in requests)
    return f"Anfragen {ids} nach Datum" if lang == "de" else f"Requests {ids} by date"
