"""The calibrated confidence: a logistic model, loaded from its file, refusing signals it was not fitted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search.confidence import CALIBRATION, Calibration, Signals, signals
from bot.search.engine import Scored
from bot.service import FoiService


def _signals(value: float) -> Signals:
    return Signals(*([value] * len(Signals.names())))


def test_the_shipped_calibration_fits_the_signals() -> None:
    calibration = Calibration.load(CALIBRATION)
    assert calibration.features == Signals.names()
    assert 0 < calibration.suggest < calibration.threshold < 1
    assert calibration.probability(_signals(1.0)) > calibration.probability(_signals(0.0))


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
