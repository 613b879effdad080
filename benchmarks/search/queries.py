"""The queries asked of each size: answerable ones built from an entry's words, unanswerable ones that look alike.

Answerable queries are an entry's question or some of its words, with typos and a stray word; unanswerable ones
swap a year the entry is not tagged with or a word the corpus lacks, or mix common words with such a word.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .corpus import (
    YEARS,
    Corpus,
    SynthEntry,
    Word,
    World,
    distinct,
    insert_stop_words,
    make_entry,
    question_start,
    slot_words,
)

ANSWERABLE = 200
UNANSWERABLE = 200
WARMUP = 20
TYPO_SHARE = 0.25
TYPO_MIN_LENGTH = 5
EXTRA_WORD_SHARE = 0.30


@dataclass(frozen=True)
class Query:
    """A query, the entry that answers it (None if none does), how it was made, and whether it holds a typo."""

    text: str
    expected: str | None
    kind: str
    typo: bool = False


def _typo(rng: random.Random, word: str) -> str:
    """One edit: substitute, delete, insert or swap a letter (plain a-z, so it stays one edit after folding)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    i = rng.randrange(len(word))
    op = rng.choice("sdit")
    if op == "t" and len(word) > 1:
        i = min(i, len(word) - 2)
        if word[i] != word[i + 1]:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "i":
        return word[:i] + rng.choice(letters) + word[i:]
    new = rng.choice([c for c in letters if c != word[i].lower()])
    return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1 :]


def _answerable_words(rng: random.Random, world: World, entry: SynthEntry, name_slots: bool) -> list[Word]:
    """An entry's question, or 3-6 of its words plus two stop words; its slots named or not; typos, noise.

    A question keeps its own stop words; keywords get two, as people type `Kosten der Stadtwerke`.
    """
    if rng.random() < 0.5:
        words = list(rng.choice(entry.questions))
    else:
        # Words an entry uses often are what it is about, so users name them more.
        count = min(rng.randint(3, 6), len(set(entry.content)))
        words = [Word(w, "content") for w in distinct(lambda: rng.choice(entry.content), count)]
        insert_stop_words(rng, words, 2)
    if name_slots:
        words += slot_words(entry.cities, entry.years)
    words = [
        replace(w, text=_typo(rng, w.text), base=w.text)
        if w.kind != "year" and len(w.text) >= TYPO_MIN_LENGTH and rng.random() < TYPO_SHARE
        else w
        for w in words
    ]
    if rng.random() < EXTRA_WORD_SHARE:
        own = set(entry.content)
        extra = world.sample(rng, 1)[0]
        while extra in own:
            extra = world.sample(rng, 1)[0]
        words.insert(rng.randrange(len(words) + 1), Word(extra, "extra"))
    return words


def _query(words: Sequence[Word], expected: str | None, kind: str) -> Query:
    return Query(" ".join(w.text for w in words), expected, kind, any(w.base for w in words))


def _entry_words(rng: random.Random, world: World, index: int) -> tuple[SynthEntry, list[Word]]:
    """Entry `index` and a query's words for it; half the queries of an entry with slots name them."""
    entry = make_entry(world, index)
    name = bool(entry.cities or entry.years) and rng.random() < 0.5
    return entry, _answerable_words(rng, world, entry, name)


def _answerable(rng: random.Random, world: World, index: int, kind: str = "answerable") -> Query:
    entry, words = _entry_words(rng, world, index)
    return _query(words, entry.id, kind)


def _year_swapped(rng: random.Random, world: World, index: int) -> Query:
    """An answerable query naming the entry's years, one of them replaced by a year it is not tagged with."""
    entry = make_entry(world, index)
    words = _answerable_words(rng, world, entry, name_slots=True)
    years = [i for i, w in enumerate(words) if w.kind == "year"]
    at = rng.choice(years)
    words[at] = Word(str(rng.choice([y for y in YEARS if y not in entry.years])), "year")
    return _query(words, None, "year swapped")


def _unseen_swapped(rng: random.Random, world: World, corpus: Corpus, index: int, unseen: str) -> Query:
    """An answerable query whose rarest content word is replaced by a word absent from the corpus."""
    _, words = _entry_words(rng, world, index)
    content = [i for i, w in enumerate(words) if w.kind == "content"]
    rarest = min(content, key=lambda i: corpus.df[(words[i].base or words[i].text).lower()])
    words[rarest] = Word(unseen, "unseen")
    return _query(words, None, "unseen word")


def _off_topic(rng: random.Random, world: World, unseen: str) -> Query:
    """Common words, a stop word or two and one word the corpus lacks."""
    words = question_start(rng)
    words += [Word(w, "content") for w in rng.sample(world.common(100), rng.randint(2, 4))]
    insert_stop_words(rng, words, rng.randint(1, 2), first=1)
    words.insert(rng.randrange(1, len(words) + 1), Word(unseen, "unseen"))
    return _query(words, None, "off-topic")


def make_queries(world: World, corpus: Corpus) -> tuple[list[Query], list[Query]]:
    """Warm-up queries and the measured ones, answerable and unanswerable interleaved."""
    rng = random.Random(f"{world.seed}:queries:{corpus.size}")
    hard = UNANSWERABLE // 2
    swapped_years = hard // 2
    picked = rng.sample(range(corpus.size), ANSWERABLE + WARMUP + hard - swapped_years)
    used = set(picked)
    year_pool = [i for i in corpus.with_years if i not in used]
    year_sources = rng.sample(year_pool, swapped_years)
    answerable_ids, rest = picked[:ANSWERABLE], picked[ANSWERABLE:]
    warmup_ids, unseen_ids = rest[:WARMUP], rest[WARMUP:]
    unseen = rng.sample(world.unseen, len(unseen_ids) + UNANSWERABLE - hard)
    warmup = [_answerable(rng, world, i, "warm-up") for i in warmup_ids]
    answerable = [_answerable(rng, world, i) for i in answerable_ids]
    unanswerable = [_year_swapped(rng, world, i) for i in year_sources]
    unanswerable += [_unseen_swapped(rng, world, corpus, i, w) for i, w in zip(unseen_ids, unseen, strict=False)]
    unanswerable += [_off_topic(rng, world, w) for w in unseen[len(unseen_ids) :]]
    rng.shuffle(unanswerable)
    measured = [q for pair in zip(answerable, unanswerable, strict=True) for q in pair]
    return warmup, measured


def save_queries(path: Path, warmup: Sequence[Query], measured: Sequence[Query]) -> None:
    data = {"warmup": [asdict(q) for q in warmup], "measured": [asdict(q) for q in measured]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_queries(path: Path) -> tuple[list[Query], list[Query]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Query(**q) for q in data["warmup"]], [Query(**q) for q in data["measured"]]
