"""`eval` and `calibrate` on the command line."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from bot.cli import calibrate, main
from bot.evaluation import GoldQuestion
from bot.search.confidence import CALIBRATION, Calibration
from bot.service import FoiService
from tests.conftest import REPO


def test_eval_reports_each_set_per_category(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = configured / "gold.csv"
    gold.write_text(
        "question,expected,category,part\n"
        "Welchen Platz hatte Bochum 2021?,bitkom-sci-2021-bochum,ranking,tune\n"
        "Hat Bochum externe Berater bezahlt?,257364-externe-beratung,paraphrase,report\n"
        "Wie viele Einwohner hat Essen?,,neighbour,report\n",
        encoding="utf-8",
    )
    assert main(["eval", "--set", str(gold), "--part", "report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["questions"] == 2
    assert set(report["categories"]) == {"paraphrase", "neighbour"}
    assert report["categories"]["paraphrase"]["correct"] == 1.0
    assert main(["eval", "--set", str(gold), "--failures"]) == 0
    assert "category" in capsys.readouterr().out


def test_calibrate_fits_and_chooses_without_writing_on_dry_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)  # the gold sets are named relative to the project
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "cal.db"))
    monkeypatch.setenv("KNOWLEDGE_DIR", str(REPO / "knowledge"))
    shipped = CALIBRATION.read_text(encoding="utf-8")
    assert main(["calibrate", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "unanswerable_answered" in out
    assert CALIBRATION.read_text(encoding="utf-8") == shipped
    # The shipped calibration is the one the current engine and gold sets give, its weights as its threshold:
    # refit after changing either.
    fitted = Calibration.load()
    assert f"threshold {fitted.threshold:.2f}," in out
    for name, weight in zip(fitted.features, fitted.weights, strict=True):
        assert f"  {name:<8} {weight:+.3f}\n" in out, name
    assert f"  bias     {fitted.bias:+.3f}\n" in out


def test_calibrate_takes_the_highest_of_equal_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Equal on the choosing sets, a lower threshold answers more elsewhere, unanswerable questions too."""

    def report(_service: object, _samples: object, _calibration: object, threshold: float) -> SimpleNamespace:
        # 0.50 to 0.60 answer the same; below, one more unanswerable; above, fewer right.
        return SimpleNamespace(
            answered_correct=0.8 if threshold <= 0.60 else 0.7,
            answered_wrong=0.0,
            unanswerable_answered=0.02 if threshold >= 0.50 else 0.025,
            hard_negatives_answered=0,
        )

    monkeypatch.setattr(calibrate, "_report", report)
    threshold, chosen = calibrate._choose(cast(FoiService, None), [], cast(Calibration, None))
    assert threshold == 0.60
    assert chosen.answered_correct == 0.8


def test_calibrating_grades_the_replies_the_bot_gives(real_service: FoiService) -> None:
    """The turnaround of a request is told from its own dates, before any entry is weighed: "When did Ulm answer?"
    is never answered with its deadline, however low the threshold, and the operating point must not count it as
    answered."""
    text = "Wann hat Ulm seine Anfrage beantwortet?"
    question = real_service.answerer.understander.understand(text)
    sample = (
        GoldQuestion(question=text, expected=frozenset(), category="neighbour"),
        question,
        real_service.answerer.assess(question),
        None,
    )
    report = calibrate._report(real_service, [sample], real_service.answerer.calibration, 0.05)
    assert not real_service.ask(text).answered
    assert not report.answers[0].answer.answered


def test_calibrating_answers_a_mistyped_question_as_the_bot_does(real_service: FoiService, tmp_path: Path) -> None:
    """The bot answers a question with a slip of the finger as corrected where as typed it answers nothing; the
    operating point is chosen on those replies too."""
    text = "Wem wurde der Vermerk von 2020 vorgestelt?"
    gold = tmp_path / "gold.csv"
    gold.write_text(f"question,expected,category,part\n{text},257364-vermerk-2020,typo,choose\n", encoding="utf-8")
    (sample,) = calibrate._samples(real_service, [(gold, "choose")])
    assert sample[3] is not None
    assert not real_service.answerer.compose(sample[1]).answered
    report = calibrate._report(real_service, [sample], real_service.answerer.calibration, 0.52)
    assert report.answered_correct == 1.0
    assert real_service.ask(text).answered
