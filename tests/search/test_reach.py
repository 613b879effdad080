"""An entry's own questions must get past its own slot tags: `bot/search/reach.py`."""

from __future__ import annotations

import pytest

from bot.models import Entry, Tags
from bot.search.reach import lacking, unreached
from bot.service import FoiService


def entry(question: str, tags: dict[str, list[str] | list[int]], phrasing: str = "") -> Entry:
    return Entry(
        id="probe",
        title="Externe Beratung",
        questions=[question],
        phrasings=[phrasing] if phrasing else [],
        answer="Nein, weder 2019 noch 2021.",
        source_url="https://fragdenstaat.de/a/257364/",
        tags=Tags.model_validate(tags),
    )


@pytest.mark.parametrize(
    ("question", "tags", "expected"),
    [
        ("Hat Bochum externe Berater bezahlt?", {"cities": ["Bochum"]}, ()),
        ("Hat Dortmund externe Berater bezahlt?", {"cities": ["Bochum"]}, ("city Dortmund",)),
        ("Hat Bochum 2019 und 2021 Berater bezahlt?", {"cities": ["Bochum"], "years": [2021]}, ("year 2019",)),
        # Years compared: a text of one that names the others (above: not where the question names a city).
        ("Hat der Index 2019 und 2021 Berater gezählt?", {"years": [2021]}, ()),
        ("Hat der Index 2018 und 2021 Berater gezählt?", {"years": [2021]}, ("year 2018",)),
        # An entry of no year is of every year.
        ("Hat Bochum 2019 Berater bezahlt?", {"cities": ["Bochum"]}, ()),
        ("Hat Bochum für den Smart City Index Berater bezahlt?", {"cities": ["Bochum"]}, ("ranking bitkom-sci",)),
        # A ranking question naming none means the default ranking: an entry of another one is kept from it.
        (
            "Wer lag 2021 im Ranking vorn?",
            {"rankings": ["haselhorst"]},
            ("ranking bitkom-sci (meant, not named), not haselhorst",),
        ),
    ],
)
def test_what_of_a_question_the_entry_is_not_tagged_with(
    service: FoiService, question: str, tags: dict[str, list[str] | list[int]], expected: tuple[str, ...]
) -> None:
    understood = service.answerer.understander.understand(question)
    assert lacking(entry(question, tags), understood) == expected


def test_an_entry_lacking_a_slot_of_its_own_question_is_never_found_by_it(service: FoiService) -> None:
    """What `lacking` reports is what the search's guard does: the fixture entry on external consultants, asked
    about another city, is not among the hits."""
    question = "Hat Dortmund externe Berater bezahlt?"
    consultants = service.entry("257364-externe-beratung")
    assert consultants is not None
    assert lacking(consultants, service.answerer.understander.understand(question)) == ("city Dortmund",)
    assert "257364-externe-beratung" not in service.ask(question).entry_ids


def test_every_title_question_and_phrasing_is_checked_once(service: FoiService) -> None:
    understand = service.answerer.understander.understand
    probe = entry("Hat Essen Berater bezahlt?", {"cities": ["Bochum"]}, phrasing="Hat Essen Berater bezahlt?")
    found = unreached([probe], understand)
    assert [(u.entry_id, u.text, u.lacking) for u in found] == [
        ("probe", "Hat Essen Berater bezahlt?", ("city Essen",))
    ]
    assert unreached([entry("Hat Bochum Berater bezahlt?", {"cities": ["Bochum"]})], understand) == []


def test_no_curated_text_of_the_shipped_base_is_kept_from_its_entry(real_service: FoiService) -> None:
    found = real_service.unreached()
    assert not found, "\n".join(f"{u.entry_id}: {'; '.join(u.lacking)}: {u.text}" for u in found)
