"""Answer quality on the real knowledge base, on the gold sets: none of it may regress.

The engine is tuned on the `tune` parts of questions.csv and dev.csv; the confidence's operating point is chosen
on dev.csv's `report` part, calib.csv and fresh.csv's `choose` part; questions.csv's and fresh.csv's `report`
parts, unseen.csv and unseen2.csv (written from the sources only, by someone who never saw the base) are only ever
reported. benchmarks/README.md has the figures.
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from bot.evaluation import ABSENT_DETAIL, CHOOSE, HARD_NEGATIVE, REPORT, TUNE, Report, evaluate, read_gold
from bot.kb.loader import load_knowledge
from bot.service import FoiService
from tests.conftest import REPO

GOLD = REPO / "tests" / "gold"
# The sets the bounds below hold for, each of (file, part) pairs: the operating point is chosen on "chosen-on".
SETS = {
    "questions-tune": [("questions.csv", TUNE)],
    "questions-report": [("questions.csv", REPORT)],
    "dev-tune": [("dev.csv", TUNE)],
    "chosen-on": [("dev.csv", REPORT), ("calib.csv", REPORT), ("fresh.csv", CHOOSE)],
    "unseen": [("unseen.csv", "")],
    "fresh-report": [("fresh.csv", REPORT)],
}
# Answered correctly, at least: measured at the chosen operating point, rounded down. The targets of the
# answer-quality issue (0.93 on unseen and questions-report) are not reached yet; see benchmarks/README.md.
CORRECT = {
    "questions-tune": 0.92,
    "questions-report": 0.86,
    "dev-tune": 0.80,
    "chosen-on": 0.75,
    "unseen": 0.73,
    "fresh-report": 0.86,
}
HELD_OUT = ("questions-report", "chosen-on", "unseen")


@pytest.fixture(scope="module")
def reports(real_service: FoiService) -> dict[str, Report]:
    out = {}
    for name, parts in SETS.items():
        gold = [g for file, part in parts for g in read_gold(GOLD / file) if not part or g.part == part]
        out[name] = evaluate(gold, real_service.ask)
    return out


GOLD_FILES = (
    "questions.csv",
    "dev.csv",
    "calib.csv",
    "unseen.csv",
    "unseen2.csv",
    "fresh.csv",
    "fresh2.csv",
    "fresh3.csv",
    "fresh4.csv",
    "fresh5.csv",
)


def test_gold_sets_are_big_and_hard_enough() -> None:
    for file in GOLD_FILES:
        gold = read_gold(GOLD / file)
        categories = Counter(q.category for q in gold)
        assert len(gold) >= 150, file
        assert sum(not q.answerable for q in gold) / len(gold) >= 0.30, file
        assert categories[HARD_NEGATIVE] >= 20, file
    unseen = Counter(q.category for q in read_gold(GOLD / "unseen.csv"))
    unanswerable = sum(n for c, n in unseen.items() if c in {ABSENT_DETAIL, HARD_NEGATIVE, "neighbour", "offtopic"})
    assert unseen[ABSENT_DETAIL] >= unanswerable / 3
    for kind in ("colloquial", "keyword", "english", "typo", "adjective_city", "comparison", "ranking_free"):
        assert unseen[kind] >= 10, kind


def test_the_gold_sets_name_only_entries_the_base_has(real_service: FoiService) -> None:
    known = {e.id for e in real_service.answerer.knowledge.all_entries()}
    for path in sorted(GOLD.glob("*.csv")):
        if path.name == "language.csv":
            continue
        named = {i for g in read_gold(path) for i in g.expected | g.about}
        assert named <= known, (path.name, sorted(named - known))


def test_the_split_of_questions_csv_keeps_a_reported_part() -> None:
    parts = Counter(q.part for q in read_gold(GOLD / "questions.csv"))
    assert parts[REPORT] >= 100
    assert set(parts) == {TUNE, REPORT}


# fresh.csv: 246 questions two helpers wrote from the sources only in the thirty-eighth round (none that another set
# holds), labelled by two others from the knowledge files, without the bot's replies; nine comparison labels that
# left out the table rows of a reply judged right were mended. Every third row of each writer's questions is only
# reported, the rest choose the operating point. Its reported unanswerable questions answered (7.9 % when it was
# written, as on unseen2.csv) are bounded by the measured figure.
FRESH_REPORT_UNANSWERABLE = 0.08


# fresh3.csv was split before the questions other sets hold were left out: 78 of its 239 are reported.
@pytest.mark.parametrize(
    ("file", "reported"), [("fresh.csv", 80), ("fresh2.csv", 80), ("fresh3.csv", 78), ("fresh4.csv", 78)]
)
def test_the_split_of_the_fresh_sets_keeps_a_reported_part(file: str, reported: int) -> None:
    parts = Counter(q.part for q in read_gold(GOLD / file))
    assert parts[REPORT] >= reported
    assert set(parts) == {CHOOSE, REPORT}


def test_the_reported_part_of_fresh_csv_answers_few_unanswerable_questions(reports: dict[str, Report]) -> None:
    assert reports["fresh-report"].unanswerable_answered <= FRESH_REPORT_UNANSWERABLE


@pytest.mark.parametrize("name", list(SETS))
def test_answers_are_rarely_wrong(reports: dict[str, Report], name: str) -> None:
    assert reports[name].answered_wrong <= 0.02


@pytest.mark.parametrize("name", list(SETS))
def test_answered_correctly_does_not_regress(reports: dict[str, Report], name: str) -> None:
    assert reports[name].answered_correct >= CORRECT[name]


@pytest.mark.parametrize("name", HELD_OUT)
def test_few_unanswerable_questions_get_an_answer(reports: dict[str, Report], name: str) -> None:
    assert reports[name].unanswerable_answered <= 0.03


@pytest.mark.parametrize("name", list(SETS))
def test_no_year_city_or_ranking_hard_negative_is_answered(reports: dict[str, Report], name: str) -> None:
    answers = reports[name].answers
    assert [o.gold.question for o in answers if o.gold.category == HARD_NEGATIVE and o.answer.answered] == []


def test_recall_at_1_on_the_tuned_set(reports: dict[str, Report]) -> None:
    assert reports["questions-tune"].recall_at_1 >= 0.95


def test_absent_details_are_rarely_answered_as_if_stated(reports: dict[str, Report]) -> None:
    """The hardest unanswerable questions (the entry is about the subject, only the detail is missing): at most
    one in sixteen gets an answer on the held-out sets."""
    for name in HELD_OUT:
        absent = [o for o in reports[name].answers if o.gold.category == ABSENT_DETAIL]
        assert sum(o.answer.answered for o in absent) * 16 <= max(len(absent), 16), name


# Absent details told "the source does not say" (with what it does say), at least: measured, rounded down. Down
# from 0.44 and 0.37 since only nouns the entry has in no form are named as missing: naming verbs ("Etwas zu
# „fiel“ …") also denied what the sources say, twice as often as it was right (answerable questions told "not
# stated": DENIED below, 0.088 and 0.069 before). Up from 0.41 and 0.31 since the subject of a reply that answers
# nothing is judged without the words its text lacks (forty-fourth round: 0.526 and 0.483).
NOT_SAID = {"chosen-on": 0.52, "unseen": 0.48}
# Answerable questions told "the source does not say", at most: measured, rounded up.
DENIED = {"questions-report": 0.07, "chosen-on": 0.02, "unseen": 0.04}


@pytest.mark.parametrize("name", list(NOT_SAID))
def test_absent_details_are_told_the_source_does_not_say(reports: dict[str, Report], name: str) -> None:
    assert reports[name].absent_said >= NOT_SAID[name]


@pytest.mark.parametrize("name", list(DENIED))
def test_what_the_sources_say_is_rarely_denied(reports: dict[str, Report], name: str) -> None:
    assert reports[name].answerable_denied <= DENIED[name]


# probe.csv to probe4.csv: 537, 539, 496 and 508 questions three helpers each wrote from the sources only and asked
# the bot (seventh, ninth, tenth and eleventh rounds), labelled afterwards; every failure was looked at, so they
# are sets to tune rules on, bounded here by their measured figures. probe4.csv's unanswerable questions answered
# (8.0 % when it was written, 6.2 % after the eleventh round, 5.1 % after the twelfth: most of them absent
# details answered with the entry on their subject) are what the next rounds must bring down; the bound only
# keeps them from growing. probe5.csv: 308 questions two helpers wrote from the sources only in the forty-sixth round,
# more than half of them near misses (106 hard negatives: a fact of the sources asked of another year, city,
# country, round or measure), labelled by two others from the knowledge files without the bot's replies (32 that
# other sets hold left out); a set to read and tune on. Measured before any change: 4 hard negatives answered, 4.7 %
# of its unanswerable questions; after the forty-sixth round's guards (the people of a country, an ordinal asked):
# 1 and 2.9 %; answered correctly 0.818 -> 0.839 with the scores in brackets, the adverbs of degree and the
# person named by the surname. probe6.csv: 292 questions two more helpers wrote from the sources only in the
# forty-ninth round (a hurried journalist's phone German; a student's and researcher's half English), labelled by two
# others from the knowledge files without the bot's replies (25 that other sets hold left out); a set to read and
# tune on. Measured before any change: 0.788 answered correctly, 2 of 179 wrongly, 4 of 113 unanswerable answered.
PROBES = {
    "probe.csv": {"questions": 537, "correct": 0.62, "wrong": 0.02, "unanswerable": 0.04, "hard_negatives": 1},
    "probe2.csv": {"questions": 539, "correct": 0.64, "wrong": 0.02, "unanswerable": 0.02, "hard_negatives": 0},
    "probe3.csv": {"questions": 496, "correct": 0.64, "wrong": 0.01, "unanswerable": 0.04, "hard_negatives": 1},
    "probe4.csv": {"questions": 508, "correct": 0.69, "wrong": 0.016, "unanswerable": 0.052, "hard_negatives": 3},
    "probe5.csv": {"questions": 308, "correct": 0.835, "wrong": 0.015, "unanswerable": 0.03, "hard_negatives": 1},
    "probe6.csv": {"questions": 292, "correct": 0.787, "wrong": 0.012, "unanswerable": 0.036, "hard_negatives": 0},
}

# unseen2.csv: 312 questions three helpers wrote from the sources only in the twenty-third round (none that another
# set holds word for word), labelled by three judges who saw the bot's replies; 20 labels that left out the table
# rows of a reply judged right were mended. In the forty-seventh round two more helpers checked every label against
# the knowledge files alone, without the bot's replies (122 rows mended: 95 gained ids of texts that state the fact,
# two lost an id of a text that does not, 21 questions of a year, city or ranking the base has no such fact for moved
# from neighbour to hard negative and 3 to absent detail, one hard negative is answerable); the shipped code's
# figures moved from 0.849 / 0.024 / 6.0 % / 2 to 0.850 / 0.019 / 6.1 % / 2. Like unseen.csv it is only reported:
# its failures are not read to change the engine. It shows that fresh questions find more unanswerable answers than
# the sets the operating point is chosen on (6.0 % when it was written); bounded by the figures measured since.
# fresh2.csv: 264 questions two helpers wrote from the sources only in the forty-first round (6 that other sets
# hold left out), labelled by two others from the knowledge files without the bot's replies; split as fresh.csv.
# Not among the choosing sets yet (see benchmarks/answer-quality-rounds.md, "Forty-first round"): bounded as a
# whole by the figures measured before any change, 11.6 % of its unanswerable questions answered.
# fresh3.csv: 239 questions two more helpers wrote from the sources only in the forty-second round (21 that other
# sets hold left out), labelled by two others from the knowledge files without the bot's replies; seven comparison
# labels were widened to each side's own entries, as the earlier sets label them. Split as fresh.csv, not among
# the choosing sets; bounded as a whole by the figures measured when it was written (the same on the code before
# the round's changes and after them): 7.5 % of its unanswerable questions answered, one hard negative.
# fresh4.csv: 236 questions two more helpers wrote from the sources only in the forty-fifth round (34 that other
# sets hold left out), labelled by two others from the knowledge files without the bot's replies (one category
# changed: a question naming the departments that supply Bochum's data asks a detail no entry gives). Split as
# fresh.csv, not among the choosing sets, not read question by question; bounded as a whole by the figures measured
# before any change: 0.829 answered correctly, 3 of 164 wrongly, 2 of 72 unanswerable answered, no hard negative;
# 1 of 72 since the answers of Bonn and Ulm say that the documents they released are not known either.
# fresh5.csv: 336 questions two more helpers wrote from the sources only in the forty-seventh round (48 that other
# sets hold left out), labelled by two others from the knowledge files without the bot's replies (two categories
# changed: Bochum's points of years the base gives none for are hard negatives), the labels then checked by two more
# (18 mended: ids of texts that state the fact added, of texts giving a place only by a list's order removed, one
# such place relabelled a hard negative). Split as fresh.csv, not among the choosing sets, not read question by
# question; bounded as a whole by the figures measured before any change: 0.789 answered correctly, 2 of 185
# wrongly, 4 of 103 unanswerable answered, no hard negative.
FRESH = {
    "unseen2.csv": {"questions": 312, "correct": 0.80, "wrong": 0.02, "unanswerable": 0.07, "hard_negatives": 2},
    "fresh2.csv": {"questions": 264, "correct": 0.83, "wrong": 0.018, "unanswerable": 0.116, "hard_negatives": 1},
    "fresh3.csv": {"questions": 239, "correct": 0.81, "wrong": 0.0, "unanswerable": 0.075, "hard_negatives": 1},
    "fresh4.csv": {"questions": 236, "correct": 0.82, "wrong": 0.019, "unanswerable": 0.014, "hard_negatives": 0},
    "fresh5.csv": {"questions": 288, "correct": 0.78, "wrong": 0.011, "unanswerable": 0.04, "hard_negatives": 0},
}


@pytest.mark.parametrize("name", [*PROBES, *FRESH])
def test_the_probe_and_fresh_sets_hold(real_service: FoiService, name: str) -> None:
    probe, bounds = evaluate(read_gold(GOLD / name), real_service.ask), {**PROBES, **FRESH}[name]
    assert len(probe.answers) == bounds["questions"]
    assert probe.answered_correct >= bounds["correct"]
    assert probe.answered_wrong <= bounds["wrong"]
    assert probe.unanswerable_answered <= bounds["unanswerable"]
    assert probe.hard_negatives_answered <= bounds["hard_negatives"]


def test_every_answer_cites_a_source(reports: dict[str, Report]) -> None:
    for report in reports.values():
        for graded in report.answers:
            if graded.answer.answered:
                assert graded.answer.source_url, graded.gold.question


def test_every_fact_of_the_sources_is_curated() -> None:
    """Each quote of facts.csv is in the base verbatim, as a passage or a ranking row's quote."""
    kb = load_knowledge(REPO / "knowledge")
    texts = [p.text for e in kb.entries for p in e.passages] + [r.quote for r in kb.rows]
    texts += [e.quote or "" for r in kb.rankings for e in r.editions]
    corpus = "\n".join(texts)
    with (REPO / "tests" / "data" / "facts.csv").open(encoding="utf-8", newline="") as handle:
        missing = [row["quote"] for row in csv.DictReader(handle) if row["quote"] not in corpus]
    assert missing == []


def test_the_founding_question(real_service: FoiService) -> None:
    answer = real_service.ask("Welchen Platz hatte Bochum 2021 im Smart City Index?")
    assert answer.answered
    assert "Platz 7" in answer.text
    assert answer.passages
    assert answer.source_url
