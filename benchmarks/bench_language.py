"""Benchmark: which language a short question is in, German or English.

Methods on the 1,133 distinct gold questions, labelled by hand in `tests/gold/language.csv`:

- markers: counting German and English function words (the engine's method before lingua)
- lingua: lingua-language-detector restricted to German and English, on the whole question
- lingua without names: the same on the question without the cities and rankings it names, at several
  confidence levels for English; fewer than two words left gives German
- the engine (`detect_language`): without names; an English question word first makes it English and a word
  only German has makes it German; else by the words without a capital alone where three remain (two if clearly
  English); between 0.45 and 0.6 an English question word or auxiliary decides

Accuracy is shown separately on the questions of the sets the engine was tuned on (questions.csv, dev.csv)
and on the others (calib.csv, unseen.csv). Also the detector's load time and RSS and the time per question.
Run `python benchmarks/bench_language.py`.
"""

from __future__ import annotations

import csv
import re
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from lingua import Language, LanguageDetectorBuilder

from bot.cli.common import open_service
from bot.folding import fold
from bot.models import Lang
from bot.understand.language import MIN_WORDS, detect_language
from bot.understand.question import without_names

GOLD = Path("tests/gold/language.csv")
TUNED = {"questions", "dev"}
_WORD = re.compile(r"[a-z0-9]+")
# The word lists of the engine before this benchmark (its `detect_language`).
_EN_MARKERS = frozenset(
    "the what which who whom whose when where why how did does do is are was were has have had of in "
    "rank ranked place city cities answer request consultants paid pay did ever year most best "
    "compare compared development developed over years points".split()
)
_DE_MARKERS = frozenset(
    "der die das wer wie was welche welchen welcher wann wo warum hat hatte haben ist sind war im in "
    "den dem des und oder nicht kein keine platz stadt staedte jahr jahre punkte antwort anfrage "
    "abgeschnitten entwickelt berater bezahlt beim vom zum zur ueber fuer mit auf".split()
)


def markers(text: str) -> Lang:
    words = _WORD.findall(fold(text))
    en = sum(w in _EN_MARKERS for w in words)
    de = sum(w in _DE_MARKERS for w in words)
    return "en" if en > de else "de"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    with GOLD.open(encoding="utf-8", newline="") as handle:
        rows = [(r["question"], r["lang"], r["source"]) for r in csv.DictReader(handle)]

    def builder() -> LanguageDetectorBuilder:
        return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.GERMAN)

    before = _rss_mb()
    start = time.perf_counter()
    low = builder().with_low_accuracy_mode().with_preloaded_language_models().build()
    load_low, rss_low = time.perf_counter() - start, _rss_mb() - before
    before = _rss_mb()
    start = time.perf_counter()
    high = builder().with_preloaded_language_models().build()
    load_high, rss_high = time.perf_counter() - start, _rss_mb() - before
    detectors = {"high": high, "low": low}

    def lingua(text: str, level: float = 0.5, mode: str = "high") -> Lang:
        return "en" if detectors[mode].compute_language_confidence(text, Language.ENGLISH) >= level else "de"

    service = open_service()
    understander = service.answerer.understander

    def names_left_out(level: float, mode: str = "high") -> Callable[[str], Lang]:
        def detect(text: str) -> Lang:
            question = understander.understand(text)
            slots = {t.token for t in question.terms if t.slot is not None}
            kept = without_names(text, question.analysis, slots)
            return lingua(kept, level, mode) if len(kept.split()) >= MIN_WORDS else "de"

        return detect

    methods: list[tuple[str, Callable[[str], Lang]]] = [
        ("markers (before)", markers),
        ("lingua, whole question", lingua),
    ]
    methods += [(f"lingua without names, English from {lvl}", names_left_out(lvl)) for lvl in (0.5, 0.6, 0.7)]

    def engine(text: str) -> Lang:
        question = understander.understand(text)
        slots = {t.token for t in question.terms if t.slot is not None}
        return detect_language(without_names(text, question.analysis, slots)) or "de"

    methods += [("engine: function words first, then without names and capitals from 0.6 (0.45)", engine)]
    methods += [("lingua low-accuracy mode, without names, from 0.6", names_left_out(0.6, "low"))]
    print(f"lingua (German, English, preloaded): load {load_high:.2f} s, peak RSS +{rss_high:.0f} MB;")
    print(f"in low-accuracy mode: load {load_low:.2f} s, peak RSS +{rss_low:.0f} MB\n")
    print("| method | accuracy, tuned sets | accuracy, other sets | English found | German kept | ms per question |")
    print("|---|---|---|---|---|---|")
    for name, method in methods:
        times, right = [], {True: [0, 0], False: [0, 0]}
        en_hit = en_all = de_hit = de_all = 0
        for question, lang, source in rows:
            start = time.perf_counter()
            got = method(question)
            times.append(1000 * (time.perf_counter() - start))
            tuned = source in TUNED
            right[tuned][0] += got == lang
            right[tuned][1] += 1
            en_all += lang == "en"
            en_hit += lang == "en" and got == "en"
            de_all += lang == "de"
            de_hit += lang == "de" and got == "de"
        print(
            f"| {name} | {right[True][0] / right[True][1]:.3f} | {right[False][0] / right[False][1]:.3f} | "
            f"{en_hit}/{en_all} | {de_hit}/{de_all} | {statistics.median(times):.2f} |"
        )
    service.close()


if __name__ == "__main__":
    main()
