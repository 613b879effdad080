"""Whether a question is German or English, by a language identifier (lingua) restricted to the two.

Names read the same in both languages and mislead any identifier ("Did Munich hire consultants?" looks German
for its city), so the caller passes the text without the cities and rankings it names. Names it cannot know
("Wer ist der Chef der Smart City Innovation Unit?") are written with capitals, as German nouns are: where enough
words without a capital remain (question words, verbs, articles), the language is judged by those alone. Too
little text to tell (`Bochum 2021`, `Top 10`) gives None: the caller then keeps the person's own language or
German.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from bot.models import Lang

_LETTERS = re.compile(r"[^\W\d_]+")
MIN_WORDS = 2
# Words without a capital (the first word aside) enough to judge by them alone: three; two only where they are
# clearly English ("Who is Thomas Eiskirch?", where the names would make it German; not "Top … im Jahr").
MIN_SMALL_WORDS = 3
# English wins only when the identifier is fairly sure: most questions are German, and a German question
# answered in English is the costlier mistake. Chosen with benchmarks/bench_language.py.
ENGLISH_CONFIDENCE = 0.6
TWO_WORDS_ENGLISH = 0.7


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Preloaded: two languages' models take about 0.2 s and 60 MB once, instead of a pause at the first question.
    return (
        LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.GERMAN)
        .with_preloaded_language_models()
        .build()
    )


def warm_up() -> None:
    """Load the models now (the first question would otherwise wait for them)."""
    _detector()


@lru_cache(maxsize=4096)
def detect_language(text: str) -> Lang | None:
    """`en` or `de`; None when the text has fewer than two words to judge by. Cached: the entries' questions
    offered as suggestions are asked again and again."""
    words = _LETTERS.findall(text)
    if len(words) < MIN_WORDS:
        return None
    small = [w for i, w in enumerate(words) if i == 0 or not w[0].isupper()]
    if len(small) == MIN_SMALL_WORDS - 1 and _english(small) >= TWO_WORDS_ENGLISH:
        return "en"
    return "en" if _english(small if len(small) >= MIN_SMALL_WORDS else words) >= ENGLISH_CONFIDENCE else "de"


def _english(words: list[str]) -> float:
    return _detector().compute_language_confidence(" ".join(words), Language.ENGLISH)
