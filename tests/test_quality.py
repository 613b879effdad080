"""The answer quality on the real knowledge base and the gold set must not regress below the targets."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from bot.evaluation import Report, evaluate, read_gold
from bot.kb.loader import load_knowledge
from bot.kb.store import Store
from bot.service import FoiService, sync_knowledge
from tests.conftest import REPO

GOLD = REPO / "tests" / "gold" / "questions.csv"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    store = Store(tmp_path_factory.mktemp("quality") / "foi.db")
    sync_knowledge(store, REPO / "knowledge")
    service = FoiService(store)
    try:
        return evaluate(read_gold(GOLD), service.ask)
    finally:
        service.close()


def test_gold_set_is_big_and_hard_enough() -> None:
    gold = read_gold(GOLD)
    categories = Counter(q.category for q in gold)
    assert len(gold) >= 200
    assert sum(not q.answerable for q in gold) / len(gold) >= 0.30
    assert categories["hard_negative"] >= 40
    for kind in ("typo", "umlaut", "english", "keyword", "paraphrase"):
        assert categories[kind] >= 10, kind


def test_recall_at_1(report: Report) -> None:
    assert report.recall_at_1 >= 0.95


def test_no_year_or_city_hard_negative_is_answered(report: Report) -> None:
    answered = [o.gold.question for o in report.outcomes if o.gold.category == "hard_negative" and o.answer.answered]
    assert answered == []


def test_few_unanswerable_questions_get_an_answer(report: Report) -> None:
    assert report.unanswerable_answered <= 0.03


def test_answers_are_rarely_wrong(report: Report) -> None:
    assert report.answered_wrong <= 0.04
    assert report.answered_correct >= 0.88


def test_every_answer_cites_a_source(report: Report) -> None:
    for outcome in report.outcomes:
        if outcome.answer.answered:
            assert outcome.answer.source_url, outcome.gold.question


def test_every_fact_of_the_sources_is_curated() -> None:
    """Each quote of facts.csv is in the base verbatim, as a passage or a ranking row's quote."""
    kb = load_knowledge(REPO / "knowledge")
    texts = [p.text for e in kb.entries for p in e.passages] + [r.quote for r in kb.rows]
    texts += [e.quote or "" for r in kb.rankings for e in r.editions]
    corpus = "\n".join(texts)
    with (REPO / "tests" / "data" / "facts.csv").open(encoding="utf-8", newline="") as handle:
        missing = [row["quote"] for row in csv.DictReader(handle) if row["quote"] not in corpus]
    assert missing == []


def test_the_founding_question(tmp_path: Path) -> None:
    store = Store(tmp_path / "foi.db")
    sync_knowledge(store, REPO / "knowledge")
    service = FoiService(store)
    answer = service.ask("Welchen Platz hatte Bochum 2021 im Smart City Index?")
    service.close()
    assert answer.answered
    assert "Platz 7" in answer.text
    assert answer.passages
    assert answer.source_url
