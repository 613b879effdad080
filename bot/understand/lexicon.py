"""The base's vocabulary as a question is read against it: rarity of words, typo corrections, verb forms and the
compounds a word is part of."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.folding import with_umlauts
from bot.understand.normalize import (
    LOW_INFORMATION,
    QUESTION_WORDS,
    english_variants,
    noun_variants,
    stem,
    typo_budget,
    verb_variants,
)
from bot.understand.spelling import one_slip

LOW_INFORMATION_WEIGHT = 0.25
TYPO_WEIGHT = {1: 0.85, 2: 0.7}
VERB_FORM_WEIGHT = 0.9
PART_WEIGHT = 0.8
CONTAINED_WEIGHT = 0.9  # above a part: the whole word found in a compound says more than one of its parts
MIN_CONTAINED = 6  # shorter words would be found inside too many others ("gut" in "Gutachten")
MIN_REST = 3  # what a compound adds to the word must be a word-like piece, not a stray syllable ("o|range")
MAX_CONTAINING = 8
CONTAINING_LOOKUP = 200  # words looked at: a part found in more compounds than this says little anyway
RELATED_WEIGHT = 0.6
MIN_RELATED = 5
MIN_SHARED = 5  # letters at the start two forms of one word share at least ...
RELATED_SHARE = 0.8  # ... and at least this share of the shorter one
INTO_TAIL = 4  # ... and, for a compound of a known first word, this many letters of what follows it
# A four-letter word has no typo budget of its own ("Hamm", "gut" are one edit from too much), but one edit from
# a word that a twentieth of the entries write ("Plaz", "Indx") it is that word: people ask with those words.
SHORT_TYPO = 4
SHORT_TYPO_SHARE = 0.05
_LINKING = ("s", "es", "n", "en", "e", "er")  # Fugenelemente: Freiheit|s|gesetz, Stadt|e|ranking
_VOWELS = frozenset("aeiouy")


def _word_like(piece: str) -> bool:
    return len(piece) >= MIN_REST and any(c in _VOWELS for c in piece)


def is_compound_part(part: str, word: str, at: int) -> bool:
    """Whether `part`, found in `word` at `at`, is one of the words the compound is made of: what precedes it
    and what follows it (after a linking element) are word-like pieces or nothing."""
    before, after = word[:at], word[at + len(part) :]
    if before and not _word_like(before):
        return False
    if not after:
        return True
    return _word_like(after) or any(
        after.startswith(link) and (len(after) == len(link) or _word_like(after[len(link) :])) for link in _LINKING
    )


# Endings of inflection and derivation: what follows a word in another form of it ("Information|en",
# "digital|isierung"), not another word.
_ENDINGS = frozenset(
    """
    ung ungen ige igen iger iges lich liche lichen licher lichkeit lichkeiten isch ische ischen ischer keit keiten
    heit heiten schaft schaften ation ationen ierung ierungen isierung isierungen iert ierte ierten ieren isten
    ismus bare baren lose losen
    """.split()
)


def heads_a_compound(word: str, surface: str, known: Container[str]) -> bool:
    """Whether a known word is the first part of a longer word whose rest is a word the base does not know
    ("Bundes|liga"), not an ending nor a word it knows ("Durchschnitts|punktzahl"): the longer word then speaks
    of something the base does not, and is no form of the known one."""
    rest = surface.removeprefix(word)
    pieces = [rest[len(link) :] for link in ("", *_LINKING) if rest.startswith(link)]
    return rest != surface and not any(not _word_like(piece) or piece in _ENDINGS or piece in known for piece in pieces)


class Lexicon:
    """Built from the store's vocabulary (`df`: term → number of entries) and its written words (word → token)."""

    def __init__(
        self,
        df: Mapping[str, int],
        words: Mapping[str, str],
        total: int,
        containing: Callable[[str, int], list[str]],
        synonyms: Mapping[str, str] | None = None,
    ) -> None:
        """`containing(part, limit)` lists written words that contain `part` (the store's trigram index);
        `synonyms` maps words the aliases know to their tokens: typos of them are corrected too."""
        self.df = df
        self.words = words
        # What a typo may be of: the written words, and the synonyms no text writes.
        self._spelled = {**(synonyms or {}), **words}
        self.total = max(total, 1)
        self._containing = containing
        self._low_information = {stem(w) for w in LOW_INFORMATION}
        # Its verbs, whose other forms say as little: not "wer", whose "wert" says a lot.
        self._verbs = {stem(w) for w in LOW_INFORMATION - QUESTION_WORDS}
        self._idf: dict[str, float] = {}
        # Typo candidates by (first letter, length): people rarely mistype the first letter.
        self._pool: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for word in self._spelled:
            self._pool[(word[0], len(word))].append(word)
        for word in words:
            self._by_prefix[word[:MIN_SHARED]].append(word)
        # The same words with their umlauts as one letter, for words of five to eight letters typed without one:
        # forms of six to nine letters, from words up to three letters longer.
        self._umlaut_pool: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
        for word in words:
            if 7 <= len(word) <= 12 and (form := with_umlauts(word)) != word and len(form) <= 9:
                # Filed under the folded first letter: questions are folded too ("uebrigen", not "übrigen").
                self._umlaut_pool[(word[0], len(form))][form] = word
        self._written: frozenset[str] | None = None  # the tokens the base writes as words of their own
        self._common: dict[str, list[str]] = defaultdict(list)
        for word, token in words.items():
            if abs(len(word) - SHORT_TYPO) <= 1 and df.get(token, 0) >= SHORT_TYPO_SHARE * self.total:
                self._common[word[0]].append(word)

    def __contains__(self, token: str) -> bool:
        return token in self.df

    def writes(self, word: str) -> bool:
        """Whether the base writes this folded word."""
        return word in self.words

    def informative(self, token: str) -> bool:
        """Whether a question's word says something: not a low-information word, nor such a verb in its -t form
        or without it ("Woher bekommt …?" as "bekommen"); a participle may ("Wer hat den Index gemacht?")."""
        other_form = token[:-1] if token.endswith("t") else token + "t"
        return token not in self._low_information and other_form not in self._verbs

    def idf(self, term: str) -> float:
        found = self._idf.get(term)
        if found is None:
            df = self.df.get(term, 0)
            weight = LOW_INFORMATION_WEIGHT if term in self._low_information else 1.0
            found = self._idf[term] = weight * math.log(1.0 + (self.total - df + 0.5) / (df + 0.5))
        return found

    def typos(self, surface: str) -> dict[str, float]:
        """Tokens of written words within the typo budget; the first letter must match, as people rarely
        mistype it and a different first letter usually means a different word."""
        own = typo_budget(surface)
        if len(surface) == SHORT_TYPO and surface.isalpha():
            budget, pool = 1, self._common.get(surface[0], [])
        elif not own or " " in surface:
            return {}
        else:
            budget = own
            pool = self._sized(surface[0], range(len(surface) - budget, len(surface) + budget + 1))
        found = _nearest(surface, pool, budget, limit=4)
        if own == 1:
            # An umlaut left out ("Stdte") is two edits from the folded word ("staedte"), one from "städte";
            # longer words have a budget of two anyway.
            forms = self._umlauted(surface[0], (len(surface) + 1,))
            found += [(forms[form], d) for form, d in _nearest(surface, list(forms), 1, limit=4)]
        out: dict[str, float] = {}
        for word, distance in found:
            token = self._spelled[word]
            if distance > 0 and token in self.df:
                out[token] = max(out.get(token, 0.0), TYPO_WEIGHT[distance])
        return out

    def misspelt(self, surface: str) -> str | None:
        """The written word a folded word the base does not write is, typed with one slip (see `one_slip`:
        "Paramter", "beschlosen", "Stdte"), where exactly one written word is so; not a letter replaced, which
        makes one word the base writes of another it does not too often ("angefragt", "abgefragt")."""
        if not typo_budget(surface) or not surface.isalpha():
            return None
        first, size = surface[0], len(surface)
        pool = self._sized(first, (size - 1, size, size + 1))
        found = {
            word
            for word, _ in _nearest(surface, pool, 1, limit=None)
            if word in self.words and one_slip(surface, word, replaced=False)
        }
        # With its umlauts as one letter, a word typed without one ("Stdte") or with one swapped ("Sätdte").
        typed = with_umlauts(surface)
        forms = self._umlauted(first, (len(typed) - 1, len(typed), len(typed) + 1))
        found |= {
            forms[form]
            for form, _ in _nearest(typed, list(forms), 1, limit=None)
            if one_slip(typed, form, replaced=False)
        }
        return found.pop() if len(found) == 1 else None

    def _sized(self, first: str, sizes: Iterable[int]) -> list[str]:
        """The typo candidates with this first letter and one of these lengths."""
        return [w for n in sizes for w in self._pool.get((first, n), ())]

    def _umlauted(self, first: str, sizes: Iterable[int]) -> dict[str, str]:
        """The written words with this first letter, by their form with umlauts as one letter of these lengths."""
        return {form: word for n in sizes for form, word in self._umlaut_pool.get((first, n), {}).items()}

    def verb_forms(self, token: str) -> dict[str, float]:
        """Other forms of the same verb that the base writes (`liefert` for `liefern`, `spielen` for `gespielt`,
        `gegründet` for `Gründung`)."""
        forms = verb_variants(token) | english_variants(token) | noun_variants(token)
        return {form: VERB_FORM_WEIGHT for form in sorted(forms) if form in self.df}

    def related(self, surface: str) -> dict[str, float]:
        """Tokens of written words that share most of a long beginning with an unknown or rare word: other forms of
        the same word (`kritisiert` and `Kritik`), not the first part of a compound
        (`Bundes` of `Bundesliga`)."""
        if len(surface) < MIN_RELATED or not surface.isalpha():
            return {}
        out: dict[str, float] = {}
        head = self._known_head(surface)
        for word in self._by_prefix.get(surface[:MIN_SHARED], ()):
            shorter = min(len(surface), len(word))
            shared = next((i for i, (a, b) in enumerate(zip(surface, word, strict=False)) if a != b), shorter)
            if shared < RELATED_SHARE * shorter or word == surface or heads_a_compound(word, surface, self.words):
                continue
            if head and shared < head + INTO_TAIL:
                # Another compound of the same first word ("Digitalisierungsgrad" for "Digitalisierungsbeirat",
                # "Bürgerkonferenz" for "Bürgerkonto"), or a form of that word alone: no form of this one.
                continue
            token = self.words[word]
            if token in self.df:
                out[token] = RELATED_WEIGHT
        return out

    def ends_in(self, surface: str, part: str) -> bool:
        """Whether a (folded) word the base does not know, after a first part it does not know either, ends in the
        word `part` stands for: one that says something and, where the word ends in "-er", the base writes so
        (or never alone: "Geld" only in compounds). Stemmed, "-er" goes: "Aaaaliefer" and "Aaaalieger" end in
        "Lieferer"- and "Lieger"-like nouns, not in "lief" ("Wie lief es?") nor "liegen"."""
        if not self.informative(part):
            return False
        if not surface.endswith("er"):
            return True
        if self._written is None:
            self._written = frozenset(self.words.values())
        return part not in self._written or any(
            self.words.get(surface[cut:]) == part for cut in range(1, len(surface) - MIN_REST + 1)
        )

    def _known_head(self, surface: str) -> int:
        """The length of the known word an unknown compound opens with, its linking element included ("Bürger" of
        "Bürgerkonto", "Digitalisierungs" of "Digitalisierungsbeirat"), where a word-like piece the base does not
        know follows; 0 where none does, or where the word is a compound of known words (searched for by its
        parts)."""
        found = 0
        for cut in range(len(surface) - MIN_REST, MIN_SHARED - 1, -1):
            rest = surface[cut:]
            if not _word_like(rest) or rest in _ENDINGS:
                continue
            head = surface[:cut]
            if any(head.endswith(link) and head[: len(head) - len(link)] in self.words for link in ("", *_LINKING)):
                if rest in self.words or self.typos(rest):  # a known word, or one misspelt ("Digitalstuide")
                    return 0
                found = found or cut
        return found

    def containing(self, surface: str) -> dict[str, float]:
        """Tokens of the base's compounds that contain a word the base never writes alone: `Freiheit` in
        `Informationsfreiheitsgesetz`, `Medienentwicklung` in `Medienentwicklungskonzept`."""
        if len(surface) < MIN_CONTAINED or not surface.isalpha():
            return {}
        out: dict[str, float] = {}
        for word in self._containing(surface, CONTAINING_LOOKUP):
            token = self.words.get(word, "")
            at = word.find(surface)
            if len(word) > len(surface) and token in self.df and at >= 0 and is_compound_part(surface, word, at):
                out[token] = CONTAINED_WEIGHT
                if len(out) == MAX_CONTAINING:
                    break
        return out


def _nearest(typed: str, pool: Sequence[str], budget: int, *, limit: int | None) -> list[tuple[str, int]]:
    """The words of `pool` within `budget` edits of `typed` (letters swapped count once), nearest first."""
    found = process.extract(typed, pool, scorer=OSA.distance, score_cutoff=budget, limit=limit)
    return [(word, int(distance)) for word, distance, _ in found]
