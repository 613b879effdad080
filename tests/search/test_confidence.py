"""The calibrated confidence: a logistic model, loaded from its file, refusing signals it was not fitted for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.models import Decision
from bot.search.confidence import CALIBRATION, NOT_COUNTED, Calibration, Signals, of_the_rest, of_the_subject, signals
from bot.search.engine import Scored
from bot.service import FoiService


def _signals(value: float) -> Signals:
    return Signals(*([value] * len(Signals.names())))


def test_the_shipped_calibration_fits_the_signals() -> None:
    calibration = Calibration.load(CALIBRATION)
    assert calibration.features == Signals.names()
    assert 0 < calibration.suggest < calibration.threshold < 1
    assert calibration.probability(_signals(1.0)) > calibration.probability(_signals(0.0))


@given(st.lists(st.floats(0.0, 1.0), min_size=len(Signals.names()), max_size=len(Signals.names())))
def test_setting_aside_what_an_entry_lacks_never_makes_it_less_sure_of_the_subject(values: list[float]) -> None:
    """With the shipped weights: the rest of the question (`of_the_rest`) is at least as sure as the subject with
    the words the entry lacks (`of_the_subject`), which counts nothing."""
    calibration = Calibration.load(CALIBRATION)
    found = Signals(*values)
    rest = of_the_rest(found)
    assert (rest.missing, rest.nouns, rest.counted) == (0.0, 0.0, NOT_COUNTED)
    assert of_the_subject(found).counted == NOT_COUNTED
    assert calibration.probability(rest) >= calibration.probability(of_the_subject(found))


def test_more_evidence_means_more_confidence() -> None:
    calibration = Calibration(
        features=Signals.names(), weights=[1.0] * len(Signals.names()), bias=-2.0, threshold=0.5, suggest=0.2
    )
    assert calibration.probability(_signals(0.0)) < 0.5 < calibration.probability(_signals(0.5))


def test_a_calibration_for_other_signals_is_refused(tmp_path: Path) -> None:
    stale = Calibration(features=["score"], weights=[1.0], bias=0.0, threshold=0.5, suggest=0.2)
    stale.save(tmp_path / "c.json")
    with pytest.raises(ValueError, match="fitted for"):
        Calibration.load(tmp_path / "c.json").probability(_signals(1.0))


def test_the_lead_in_meaning_is_neutral_for_an_entry_alone(real_service: FoiService) -> None:
    """An entry without rivals leads nobody: the signal must not read as a lead (it answered "Wie viele Leute
    wohnen in Bochum?" with the staff of the Smart City unit while it did)."""
    question = real_service.answerer.understander.understand("Wie viele Leute arbeiten in der Stabsstelle?")
    top = Scored("a", 60.0, semantic=0.7)
    assert signals(question, top, []).agree == 0.5
    assert signals(question, top, [Scored("b", 50.0, semantic=0.4)]).agree == pytest.approx(0.8)
    assert signals(question, top, [Scored("b", 50.0, semantic=0.9)]).agree == pytest.approx(0.3)


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("Wie viele Parameter hatte der Index 2023?", 1.0),  # "157 Parameter"
        ("Wie viele Seiten hat der Vermerk?", 0.0),  # the memo's numbers count places
        ("Wann wurde die Anfrage an Bochum gestellt?", NOT_COUNTED),  # nothing counted
        ("Wie viel Prozent der Städte prüften 2020 ihre Daten?", NOT_COUNTED),  # a share: any percentage seems one
        # Only the English text counts "371 invited residents": no number of Bochum's inhabitants in German.
        ("Wie viele Einwohner hat Bochum?", 0.0),
        # "403 Städte ab 30.000 Einwohnern" counts inhabitants, but not Köln's (found by a review: answered).
        ("Wie viele Einwohner hat Köln?", NOT_COUNTED),
    ],
)
def test_the_counted_signal_says_whether_the_entry_counts_what_is_asked(
    real_service: FoiService, question: str, counted: float
) -> None:
    answerer = real_service.answerer
    found = answerer.assess(answerer.understander.understand(question))
    assert found.signals is not None
    assert found.signals.counted == counted


def test_an_entry_counting_other_things_is_still_about_the_subject(
    real_service: FoiService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A count that is not there makes an answer unlikely, not the subject: the reply still says that the memo's
    length is not in the source, where the confidence alone would only have offered suggestions (the bar for
    offering set between the two, as the fitted model puts them where it will)."""
    answerer = real_service.answerer
    question = answerer.understander.understand("Wie viele Seiten hat der Vermerk?")
    found = answerer.assess(question)
    assert found.confidence < found.subject
    between = answerer.calibration.model_copy(update={"suggest": (found.confidence + found.subject) / 2})
    monkeypatch.setattr(answerer, "calibration", between)
    assert answerer.decide(question, found).decision is Decision.NOT_STATED


def test_a_missing_phrase_with_a_noun_is_a_missing_noun(real_service: FoiService) -> None:
    """The search reports a name of several words as one missing word: "Stabsstelle Digitalisierung" was not
    found among the question's nouns, so the entry on another unit lacked none."""
    question = real_service.answerer.understander.understand(
        "Wie viele Leute arbeiten in der Stabsstelle Digitalisierung?"
    )
    assert signals(question, Scored("a", 60.0, missing=("stabsstelle digitalisierung",)), []).nouns == 1.0
    assert signals(question, Scored("a", 60.0, missing=("leute",)), []).nouns == 1.0
    assert signals(question, Scored("a", 60.0, missing=("arbeiten",)), []).nouns == 0.0


def test_an_entry_found_by_the_slots_alone_is_told_apart(real_service: FoiService) -> None:
    """Its coverage is that of the slots and words found in it anyway: the model must know it shares none of the
    words that select entries, as such entries answered "Hat Essen externe Berater bezahlt?" with Essen's
    ranking where it did not."""
    question = real_service.answerer.understander.understand("Hat Essen externe Berater bezahlt?")
    assert signals(question, Scored("a", 60.0, slots_only=True), []).loose == 1.0
    assert signals(question, Scored("a", 60.0), []).loose == 0.0
    calibration = Calibration.load(CALIBRATION)
    assert calibration.weights[Signals.names().index("loose")] < 0
