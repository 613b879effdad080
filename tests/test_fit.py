"""`Fit.judge` on entries of the real base: a text near a question that does not give what it asks."""

from __future__ import annotations

import pytest

from bot.fit import Fitting
from bot.service import FoiService


def _judged(service: FoiService, entry_id: str, question: str) -> Fitting:
    answerer = service.answerer
    entry = answerer.knowledge.entry(entry_id)
    assert entry is not None, entry_id
    return answerer.fit.judge(entry, answerer.understander.understand(question))


@pytest.mark.parametrize(
    ("entry_id", "question", "gives"),
    [
        # The memo was written "für Oberbürgermeister Eiskirch": when it reached him, not when he took office.
        ("257364-vermerk-2020", "Wann bekam der Oberbürgermeister den Vermerk?", True),
        ("257364-vermerk-2020", "Wann wurde Eiskirch Oberbürgermeister?", False),
        # What the unit does names nobody who leads it.
        ("bochum-stabsstelle", "Wer leitet die Stabsstelle Digitalisierung?", False),
        # A programme's money counts no parameters of an index.
        ("bochum-mpsc-foerderung", "Wie viele Parameter hat der Index?", False),
        ("bitkom-sci-2023-methodik", "Aus wie vielen Parametern bestand der Index 2023?", True),
        # The 2018 monitor gives Germany's share; the 2019 one compares Germany with Austria and Switzerland.
        ("egovernment-monitor-2018", "Wie viele Onliner nutzten 2018 E-Government?", True),
        ("egovernment-monitor-2018", "Wie viele Onliner nutzten 2018 E-Government in Österreich?", False),
        ("egovernment-monitor-2019", "How many people used e-government in Austria in 2019?", True),
        # The words for a country's people name it as its name does.
        ("egovernment-monitor-2022", "Wie viel Prozent der Österreicher nutzten 2022 E-Government?", False),
        ("egovernment-monitor-2019", "What share of the Swiss used e-government in 2019?", True),
        # Bochum's model project is of the third round of funding: the second is another.
        ("bochum-mpsc-foerderung", "Wie viel Geld bekam Bochum in der zweiten Staffel?", False),
        ("bochum-mpsc-foerderung", "Wie viel Geld bekam Bochum in der dritten Staffel?", True),
        ("bochum-mpsc-foerderung", "Wie viel Geld gab es in der zweiten oder dritten Staffel?", True),
        # A yes-no question on another round is answered by the text on the round it was: no, the third.
        ("bochum-mpsc-foerderung", "Bekam Bochum Geld aus der zweiten Staffel?", True),
    ],
)
def test_an_entry_gives_what_is_asked_or_not(
    real_service: FoiService, entry_id: str, question: str, gives: bool
) -> None:
    assert _judged(real_service, entry_id, question).gives is gives


def test_a_ranking_of_states_is_set_aside_for_a_city_asked(real_service: FoiService) -> None:
    judged = _judged(real_service, "bitkom-laenderindex-2024-top", "Welche Stadt war 2024 vorne?")
    assert judged.set_aside
    assert not judged.gives
