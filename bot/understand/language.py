"""Whether a question is German or English, by a language identifier (lingua) restricted to the two.

Names read the same in both languages and mislead any identifier ("Did Munich hire consultants?" looks German
for its city), so the caller passes the text without the cities and rankings it names. Names it cannot know
("Wer ist der Chef der Smart City Innovation Unit?") are written with capitals, as German nouns are: where enough
words without a capital remain (question words, verbs, articles), the language is judged by those alone. Too
little text to tell (`Bochum 2021`, `Top 10`) gives None: the caller then keeps the person's own language or
German. Function words decide before the identifier: an English question word or auxiliary first ("who is
sebastian kopietz", "Is Bochum a Modellprojekt Smart City?", where names mislead it) makes a question English
unless words only German has agree with a sure identifier ("is" for "ist" in chat), a word only German has ("im",
"ist") makes it German; where the identifier is unsure, an English question word or auxiliary anywhere makes it
English.
The base's own words decide keyword queries the identifier cannot judge: a word only its English texts write
("result", "winner") and none only its German texts write make a question English (`base_vocabulary`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from bot.folding import fold
from bot.models import Lang
from bot.understand.content import fillers

_LETTERS = re.compile(r"[^\W\d_]+")
MIN_WORDS = 2
# Words without a capital (the first word aside) enough to judge by them alone: three; two only where they are
# clearly English ("Who is Thomas Eiskirch?", where the names would make it German; not "Top … im Jahr").
MIN_SMALL_WORDS = 3
# English wins only when the identifier is fairly sure: most questions are German, and a German question
# answered in English is the costlier mistake. Chosen with benchmarks/bench_language.py.
ENGLISH_CONFIDENCE = 0.6
TWO_WORDS_ENGLISH = 0.7
# Below that but above this the identifier is unsure ("What was Bonn's rank in 2022?" without its names: 0.58):
# the function words only one of the two languages has decide.
UNSURE = 0.45


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
    # An English question word first is English whatever the identifier makes of names written small ("who is
    # sebastian kopietz", "since when is denes kücük CDO"); a German function word, German whatever it makes of a
    # loanword or name ("Was ist UniverCity?", "Motto der Smart City").
    folded = [fold(w) for w in words]
    german = not _german_only().isdisjoint(folded)
    small = [w for i, w in enumerate(words) if i == 0 or not w[0].isupper()]
    judged = small if len(small) >= MIN_SMALL_WORDS else words
    # Unless the identifier is sure of German by the words that are no names and German's own function words
    # agree: "is" is also how Germans say "ist" ("karlsruhe is 2022 doch voll abgestürzt oder", first once its city
    # is taken out), while "why did bochum crash in Gesellschaft und Bildung" names a German category.
    if folded[0] in _ENGLISH_FIRST and not (german and _english(judged) < CLEARLY_GERMAN):
        return "en"
    if german:
        return "de"
    if len(small) == MIN_SMALL_WORDS - 1 and _english(small) >= TWO_WORDS_ENGLISH:
        return "en"
    confidence = _english(judged)
    if confidence >= ENGLISH_CONFIDENCE:
        return "en"
    return "en" if confidence >= UNSURE and not _ENGLISH_ASKING.isdisjoint(folded) else "de"


# Words only English writes for what a ranking question asks: "bochum 2019 rank" is too short to tell a language
# by (`detect_language`), but these tell it, as an English name does ("munich 2023", "bochum mobility 2020").
_ENGLISH_RANKING = frozenset("rank ranked place placed placement position score scored points standing".split())


def written_in_english(text: str, english_names: frozenset[str]) -> bool:
    """Whether a text too short to judge (`detect_language` gives None) writes a word only English has: a word
    of the ranking questions above or one of `english_names` (the folded words of English names of cities,
    rankings and categories that their German names lack)."""
    words = {fold(w) for w in _LETTERS.findall(text)}
    return not words.isdisjoint(_ENGLISH_RANKING) or not words.isdisjoint(english_names)


MIN_VOCABULARY_WORD = 3  # "vs" and "pts" are no words to tell a language by
CLEARLY_GERMAN = 0.1  # the identifier's confidence in English for one word: "platz" 0.01, "ranking" 0.79
# A word the German texts write at least this many times as often as the English ones is German: English answers
# quote German names ("Stabsstelle Digitalisierung"), which makes no word of them English.
GERMAN_MAJORITY = 2


def base_vocabulary(english: Iterable[str], german: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The (folded) words only the base's English texts write, and those its German texts write far more often
    (with German function words): "result", "winner" against "Ergebnis", "Digitalisierung", "im". A word both
    write about as often ("Ranking", "Score", "App") is neither."""
    en = Counter(w for text in english for w in _LETTERS.findall(fold(text)))
    de = Counter(w for text in german for w in _LETTERS.findall(fold(text)))
    english_only = {w for w in en if w not in de and len(w) >= MIN_VOCABULARY_WORD}
    german_words = {w for w, n in de.items() if n >= GERMAN_MAJORITY * en[w]} | (fillers("de") - fillers("en"))
    return frozenset(english_only), frozenset(german_words)


def english_by_vocabulary(text: str, english: frozenset[str], german: frozenset[str]) -> bool:
    """Whether a text writes a word only the base's English texts have ("karlsruhe 2019 result", "Haselhorst
    ranking 2018 winner", or its singular: "results") and none its German texts write far more often or a German
    function word ("Wer war 2025 der biggest climber?", "Digitalisierung Bochum Test" are German)."""
    words = [fold(w) for w in _LETTERS.findall(text)]
    known = [w for w in words if w in english or w.removesuffix("s") in english]
    # Another word the identifier reads as clearly German ("Digitalisierung", which English answers quote in
    # names) makes it German too.
    others = [w for w in words if w not in known]
    return bool(known) and german.isdisjoint(words) and not any(_english([w]) < CLEARLY_GERMAN for w in others)


# Words only an English question starts with (not "was", German for "what", nor "will").
_ENGLISH_FIRST = frozenset(
    "what whats which who whom whose how why when where since did does do is are were has have can could would "
    "should".split()
)
_ENGLISH_ASKING = frozenset(
    "what which who whom whose how why when where did does do is are were has have can could would should the of "
    "my your tell".split()
)


def asks_in_english(text: str) -> bool:
    """Whether a text has an English question word, auxiliary or article ("What was the Kölner score?")."""
    return not _ENGLISH_ASKING.isdisjoint(fold(w) for w in _LETTERS.findall(text))


@lru_cache(maxsize=1)
def _german_only() -> frozenset[str]:
    return fillers("de") - fillers("en")


def _english(words: list[str]) -> float:
    return _detector().compute_language_confidence(" ".join(words), Language.ENGLISH)
