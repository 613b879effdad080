"""A question as the base would write it: people type without umlauts ("fur", "Stadte") or spell them out
("Mobilitaet"), and mistype the words that frame a question ("Wlchen Platz …", "eigentich"). Stems meet either
way, but the function words, the question grammar and the semantic vector read the words as typed: "Fur wen …?"
asked for no person, and "Wlchen Platz hatte Bochum 2021?" had a word the base lacks."""

from __future__ import annotations

import itertools
import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA, Hamming

from bot.folding import fold, with_umlauts
from bot.understand.answer_types import figure_words
from bot.understand.content import is_noun
from bot.understand.normalize import QUESTION_WORDS, STOP_WORDS, stem, typo_budget
from bot.understand.ranking import grammar_words

_UMLAUT_OF = {"a": "ä", "o": "ö", "u": "ü"}
_HAS_UMLAUT = re.compile("[äöüÄÖÜß]")
_PLAIN_WORD = re.compile(r"[A-Za-z]+")
_WRITTEN_WORD = re.compile(r"[^\W\d_]+")
_SPELT_OUT = re.compile("ae|oe|ue|ss")
_MAX_PLACES = 4  # a/o/u of a word tried as umlauts: 15 forms at most
_ABBREVIATION = 3  # "EUR" is no "EÜR"


def umlaut_spellings(texts: Iterable[str]) -> dict[str, str]:
    """How the texts write words with umlauts or ß, by their folded forms (`mobilitaet` → `mobilität`), where
    they do so more often than they write the folded form itself (in a link, in an English name)."""
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for word in _WRITTEN_WORD.findall(text.lower()):
            if _HAS_UMLAUT.search(word) or _SPELT_OUT.search(word):
                written[fold(word)][word] += 1
    spellings = {}
    for folded, forms in written.items():
        form, count = forms.most_common(1)[0]
        if form != folded and count > forms[folded]:
            spellings[folded] = form
    return spellings


def restore_umlauts(text: str, spellings: Mapping[str, str], known: Callable[[str], bool]) -> str:
    """A text typed without any umlaut, as the base writes it: a word it writes with umlauts or ß in that form
    (`Mobilitaet`, `Strasse`), and a word `known` does not know in its form with umlauts that it knows, the fewest
    letters changed (`fur Munchen` → `für München`); a short word in capitals is an abbreviation, as typed."""
    if _HAS_UMLAUT.search(text):
        return text

    def restored(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if word.isupper() and len(word) <= _ABBREVIATION:
            return word
        form = spellings.get(lower)
        if form is None and not known(lower):
            form = _known_umlaut_form(lower, known)
        if form is None:
            return word
        if word.isupper():
            return form.upper()
        return form[0].upper() + form[1:] if word[0].isupper() else form

    return _PLAIN_WORD.sub(restored, text)


def _known_umlaut_form(word: str, known: Callable[[str], bool]) -> str | None:
    places = [i for i, c in enumerate(word) if c in "aou"]
    if len(places) > _MAX_PLACES:
        return None
    for size in range(1, len(places) + 1):
        for chosen in itertools.combinations(places, size):
            form = "".join(_UMLAUT_OF[c] if i in chosen else c for i, c in enumerate(word))
            if known(fold(form)):
                return form
    return None


# The words a typo is read as, by their first letters (people rarely mistype the first). Words asking for a
# figure ("Punkte", "Platzierung", "score"): "Wie viele Pukte hatte …?" was no question of points, and got a
# place. Long function words ("eigentlich", "ueberhaupt") and the question words ("welchen", "weshalb"): their
# typos were words the base lacks. Shorter function words are one edit from too many words a question means
# ("seinen" from "seiten").
_LONG_FUNCTION_WORD = 7
_SHORT_FIGURE = 5
_ASKING = frozenset(w for w in QUESTION_WORDS | {"welche", "welchem", "welchen", "welcher", "welches"} if len(w) >= 5)


def _by_first_letter(words: Iterable[str]) -> dict[str, list[str]]:
    pool: dict[str, list[str]] = defaultdict(list)
    for word in sorted(words):
        pool[word[0]].append(word)
    return pool


_FIGURE = _by_first_letter(w for w in figure_words() - _ASKING if len(w) >= 5)
_FRAMING = _by_first_letter(w for w in STOP_WORDS | _ASKING if len(w) >= _LONG_FUNCTION_WORD or w in _ASKING)
# Words of four letters that ask ("what", "wann", "how many"): too short for an edit, but two letters swapped
# ("Waht was …?") leave a word the base lacks and a question that asks nothing.
_SHORT_ASKING = frozenset("what when whom wann many much viel".split())
# "Worin …?" is a question word of its own, not "wohin" mistyped.
_OTHER_ASKING = frozenset("worin woran worauf woraus womit wobei wodurch wovon wozu worum worunter".split())


# The ranking grammar's longer words, as written: a slip in one ("hiter", "glandet") is read as that word.
_MIN_GRAMMAR_SLIP = 6  # shorter words of the grammar are one slip from too many others
_GRAMMAR = _by_first_letter(w for w in grammar_words() if len(w) >= _MIN_GRAMMAR_SLIP)


def grammar_slip(word: str) -> str | None:
    """The one word of the ranking grammar a folded word is typed with a slip (see `one_slip`), if any."""
    if not word:
        return None
    # Umlauts as one letter: "Stdäte" and "Stdte" are one slip from "Städte", not from "staedte".
    typed = with_umlauts(word)
    found = [w for w in _GRAMMAR.get(word[0], ()) if one_slip(typed, with_umlauts(w))]
    return found[0] if len(found) == 1 else None


def correct_slips(
    text: str, written: Callable[[str], bool], misspelt: Callable[[str], str | None], spellings: Mapping[str, str]
) -> str:
    """The text with each word of five letters or more the base does not write (`written`, folded) read as the
    word `misspelt` finds it a slip of ("Paramter" → "Parameter", `grammar_slip`: "hiter" → "hinter"), as
    `spellings` writes it; not a part of a hyphenated compound."""

    def corrected(match: re.Match[str]) -> str:
        word = match.group(0)
        folded = fold(word)
        if not typo_budget(folded) or written(folded) or folded in _OTHER_ASKING:
            return word
        if "-" in (text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]):
            return word
        found = misspelt(folded)
        return word if found is None else _as_typed(spellings.get(found, found), word)

    return _WRITTEN_WORD.sub(corrected, text)


def correct_typos(text: str, known: Callable[[str], bool], spellings: Mapping[str, str]) -> str:
    """A word with a typo budget (five letters or more) that `known` does not know (folded; a form of a known
    word is known), one edit from exactly one word asking for a figure, or else from exactly one function or
    question word, with its first letter right, is that word (`Pukte` → `Punkte`, `Wlchen` → `welchen`), as
    `spellings` writes it; not a part of a hyphenated compound (`runner-up`), and a noun (capitalised within a
    sentence) is no function word. A shorter unknown word is only a four-letter asking word with two letters
    swapped (`Waht` → `What`)."""

    def corrected(match: re.Match[str]) -> str:
        word = match.group(0)
        folded = fold(word)
        if not typo_budget(folded):
            swapped = next((w for w in _SHORT_ASKING if _swapped(folded, w)), None)
            return word if swapped is None or known(folded) else _as_typed(swapped, word)
        if folded in _OTHER_ASKING or known(folded):
            return word
        if "-" in (text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]):
            return word
        found = _one_edit_from(folded, _FIGURE)
        if found is not None and len(found) <= _SHORT_FIGURE and not _dropped_or_swapped(folded, found):
            found = None  # "sports", "store", "Spott" are no "spots", "score"
        if found is None and not is_noun(match):
            found = _one_edit_from(folded, _FRAMING)
        if found is None:
            return word
        return _as_typed(spellings.get(found, found), word)

    return _WRITTEN_WORD.sub(corrected, text)


def _as_typed(form: str, typed: str) -> str:
    return form[0].upper() + form[1:] if typed[0].isupper() else form.lower()


def _swapped(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with two neighbouring letters after the first swapped."""
    return (
        len(typed) == len(word)
        and typed[0] == word[0]
        and any(typed == word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1))
    )


_MIN_REPLACED = 7  # shorter words with a letter replaced are real words of their own too often ("Wetter")


def one_slip(typed: str, word: str, *, replaced: bool = True) -> bool:
    """Whether `typed` is `word` with one letter left out (neither the first nor the last: "month" is no slip of
    "months"), doubled, swapped with the next or, in a word of seven letters or more, replaced (none of these the
    first letter; not replaced unless `replaced`: "Wetter" is no "weiter"), and not a form of it (of the same
    stem)."""
    if not typed or not word:
        return False
    if len(typed) == len(word) - 1:
        slipped = any(typed == word[:i] + word[i + 1 :] for i in range(1, len(word) - 1))
    elif len(typed) == len(word) + 1:
        slipped = any(typed[i] == typed[i - 1] and typed[:i] + typed[i + 1 :] == word for i in range(2, len(typed)))
    else:
        slipped = (_swapped(typed, word) and typed != word) or (
            replaced and len(word) >= _MIN_REPLACED and typed[0] == word[0] and Hamming.distance(typed, word) == 1
        )
    return slipped and stem(typed) != stem(word)


def slips_undone(typed: str) -> set[str]:
    """The folded words `typed` may be with one slip of the finger undone: a letter put back (not as the first or
    the last), a doubled letter single again, two letters swapped back (not the first). Candidates for words the
    base knows only by their stem, which no list of written words holds ("Instrumnte": "Instrumente" beside the
    base's "Instrument")."""
    size = len(typed)
    put_back = {typed[:i] + letter + typed[i:] for i in range(1, size) for letter in string.ascii_lowercase}
    single = {typed[:i] + typed[i + 1 :] for i in range(2, size) if typed[i] == typed[i - 1]}
    swapped = {typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :] for i in range(1, size - 1)}
    return (put_back | single | swapped) - {typed}


def _dropped_or_swapped(typed: str, word: str) -> bool:
    return len(typed) == len(word) - 1 or (len(typed) == len(word) and sorted(typed) == sorted(word))


def _one_edit_from(word: str, pool: Mapping[str, list[str]]) -> str | None:
    found = process.extract(word, pool.get(word[0], []), scorer=OSA.distance, score_cutoff=1, limit=2)
    return str(found[0][0]) if len(found) == 1 and found[0][1] == 1 else None


def as_written(
    text: str, spellings: Mapping[str, str], written: Callable[[str], bool], known: Callable[[str], bool]
) -> str:
    """The question with its umlauts back (`written`: whether the base or the grammar writes a folded word) and
    its typos of the words that frame it corrected (`known`: whether a folded word or its stem is known)."""
    return correct_typos(restore_umlauts(text, spellings, written), known, spellings)
