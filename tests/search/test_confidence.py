"""The calibrated confidence: a logistic model, loaded from its file, refusing signals it was not fitted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search.confidence import CALIBRATION, Calibration, Signals


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
