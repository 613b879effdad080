"""Benchmark of the search engine on synthetic German-looking knowledge bases.

Generates knowledge folders of 1k, 10k and 100k fact entries in the real file format, then measures
for each size, each in fresh processes: build time, restart time on the existing store, query latency,
peak RSS and answer quality, next to a naive rapidfuzz baseline. Run `python benchmarks/bench_search.py`
(`--quick` for 1k only, `--sizes 1000,10000`, `--profile` for cProfile summaries of the engine).

The corpus is synthetic: compare methods and sizes with it, do not read its quality as a prediction.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import importlib.util
import json
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from bot.service import FoiService

# Only the standard library is imported at module level, and the parent process never loads the bot or
# generates data: on Linux ru_maxrss survives fork+exec, so every worker starts with its parent's peak RSS.
# A small parent keeps the workers' numbers their own; a worker reads its start RSS before it loads the bot.

SIZES = (1_000, 10_000, 100_000)
VOCABULARY_SIZE = 30_000
ZIPF_S = 1.05
CITY_COUNT = 80
RANKED_CITIES = 20
RANKING_YEARS = (2021, 2022, 2023)
YEARS = tuple(range(2015, 2026))
FILE_ENTRIES = 2_000
ANSWERABLE = 200
UNANSWERABLE = 200
WARMUP = 20
STOP_SHARE = 0.35
TYPO_SHARE = 0.25
TYPO_MIN_LENGTH = 5
EXTRA_WORD_SHARE = 0.30
RANKING_TAG_SHARE = 0.10
UNSEEN_POOL = 400
BASELINE_CAP = 100
BASELINE_BUDGET_S = 60.0
PROFILE_LINES = 12

# (size, p95 ms, restart s, peak RSS MB); None where the brief sets no target.
TARGETS: tuple[tuple[int, float | None, float | None, float | None], ...] = (
    (10_000, 10.0, None, None),
    (100_000, 30.0, 1.0, 300.0),
)

WordKind = Literal["content", "stop", "qword", "city", "year", "ranking", "extra", "unseen"]

# Syllable pieces of German-looking words; umlauts and ß included so folding is exercised.
ONSETS = (
    *("", "", "", "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z"),
    *("br", "dr", "fr", "gr", "kr", "pr", "tr", "bl", "fl", "gl", "kl", "pf", "sch", "schl", "schw"),
    *("sp", "st", "str", "zw"),
)
VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "ä", "ö", "ü", "ei", "au", "ie", "eu")
CODAS = (
    *("", "", "", "", "", "n", "r", "l", "s", "t", "m", "ch", "ck", "ng", "nd", "nt", "rt", "lt", "st"),
    *("ß", "tz", "ff", "ll", "rn", "cht"),
)
NOUN_SUFFIXES = ("ung", "keit", "schaft", "heit", "ung", "nis", "tum")
OTHER_ENDINGS = ("en", "er", "el", "lich", "ig", "isch", "e")
CITY_SUFFIXES = (
    *("hausen", "burg", "dorf", "stedt", "ingen", "heim", "feld", "bach", "berg", "hagen", "furt"),
    *("rode", "büttel", "brück", "walde", "münde", "weiler", "kirchen", "leben"),
)
TEXT_STOP_WORDS = tuple(
    "der die das und in zu den von mit ist im für auf dem nicht ein eine als auch es an werden aus er hat "
    "dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor "
    "zur bis mehr durch man sein wurde sei seit unter sowie bereits jedoch".split()
)
QUESTION_STARTS = (
    *("Wie viele", "Wann wurde", "Wer ist für", "Welche", "Warum gibt es", "Was kostet", "Wo liegt"),
    *("Gibt es", "Hat", "Wie hoch ist", "Seit wann gibt es", "Was ist", "Wie lange dauert"),
)


def _rss_mb() -> float:
    """Peak resident set size of this process so far; Linux reports KiB, macOS bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _start_rss_mb() -> float:
    """Current RSS, for a worker's baseline: at its start ru_maxrss still holds the parent's peak."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return _rss_mb()
    return next(int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:"))


# ---------------------------------------------------------------- synthetic world


@dataclass(frozen=True)
class Word:
    """One word of a generated question or query; `base` keeps the word before a typo."""

    text: str
    kind: WordKind
    base: str = ""


@dataclass(frozen=True)
class World:
    """What every size shares: vocabulary, cities, synonyms, the ranking and words the corpus lacks."""

    seed: int
    words: list[str]
    cum_weights: list[float]
    unseen: list[str]
    cities: list[str]
    city_aliases: dict[str, list[str]]
    synonyms: list[list[str]]
    ranking_id: str
    ranking_name: str
    ranking_alias: str

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=k)

    def common(self, count: int) -> list[str]:
        return self.words[:count]


def _syllables(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(count))


def _simple_word(rng: random.Random) -> str:
    root = _syllables(rng, rng.choices((1, 2, 3), weights=(55, 40, 5))[0])
    roll = rng.random()
    if roll < 0.35:
        return (root + rng.choice(NOUN_SUFFIXES)).capitalize()
    word = root + rng.choice(OTHER_ENDINGS) if roll < 0.65 else root
    return word.capitalize() if rng.random() < 0.5 else word


def _word(rng: random.Random) -> str:
    """A German-looking word; one in eight is a compound, sometimes with a linking `s`."""
    if rng.random() < 1 / 8:
        head = _simple_word(rng).lower()
        link = "s" if rng.random() < 0.3 else ""
        return (head + link + _simple_word(rng).lower()).capitalize()
    return _simple_word(rng)


def _vocabulary(rng: random.Random, excluded: set[str]) -> list[str]:
    from bot.folding import fold

    seen: set[str] = set()
    words: list[str] = []
    while len(words) < VOCABULARY_SIZE:
        word = _word(rng)
        key = fold(word)
        if len(key) >= 4 and key not in seen and key not in excluded:
            seen.add(key)
            words.append(word)
    return words


def _unseen_words(rng: random.Random, words: Sequence[str], excluded: set[str]) -> list[str]:
    """Plain words whose stem is neither in the corpus nor a typo or compound of a corpus stem.

    Otherwise a "word absent from the corpus" could be read as a typo of a present one, and the
    unanswerable query built with it would in fact be answerable.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from bot.folding import fold
    from bot.understand.normalize import compound_parts, stem, typo_budget

    stems = {stem(fold(w)) for w in words}
    by_length: dict[int, list[str]] = {}
    for s in stems:
        by_length.setdefault(len(s), []).append(s)
    found: list[str] = []
    taken: set[str] = set()
    while len(found) < UNSEEN_POOL:
        word = _simple_word(rng)
        key = fold(word)
        token = stem(key)
        budget = typo_budget(token)
        if not budget or key in excluded or token in stems or token in taken:
            continue
        if compound_parts(token, stems):
            continue
        pool = [s for n in range(len(token) - budget, len(token) + budget + 1) for s in by_length.get(n, ())]
        if process.extractOne(token, pool, scorer=OSA.distance, score_cutoff=budget) is None:
            taken.add(token)
            found.append(word)
    return found


def _city_names(rng: random.Random, words: Sequence[str]) -> list[str]:
    """City names far (4+ edits) from every corpus word and from each other.

    The engine reads a misspelt word of 6+ letters as a city within its typo budget; names this far
    apart keep a typo in a query word from turning into a city only because the generator was careless.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from bot.folding import fold

    folded = [fold(w) for w in words]
    names: list[str] = []
    keys: list[str] = []
    while len(names) < CITY_COUNT:
        core = (_syllables(rng, rng.choice((1, 2))) + rng.choice(CITY_SUFFIXES)).capitalize()
        roll = rng.random()
        name = f"Bad {core}" if roll < 0.12 else f"Neu{core.lower()}" if roll < 0.2 else core
        key = fold(core)
        if len(key) < 6 or any(
            process.extractOne(k, pool, scorer=OSA.distance, score_cutoff=3) is not None
            for k, pool in ((key, folded), (key + "s", folded), (key, keys))
        ):
            continue
        names.append(name)
        keys.append(key)
    return names


def build_world(seed: int) -> World:
    """The shared vocabulary (Zipf-weighted), city names, synonym groups and ranking."""
    from bot.folding import fold
    from bot.understand.normalize import STOP_WORDS

    rng = random.Random(f"{seed}:world")
    excluded = set(STOP_WORDS) | {fold(w) for w in TEXT_STOP_WORDS}
    for start in QUESTION_STARTS:
        excluded.update(fold(start).split())
    words = _vocabulary(rng, excluded)
    # Rank order is random, so a word's frequency does not depend on its length.
    rng.shuffle(words)
    cum_weights = list(accumulate(1.0 / rank**ZIPF_S for rank in range(1, len(words) + 1)))
    unseen = _unseen_words(rng, words, excluded)
    cities = _city_names(rng, words)
    city_aliases = {city: [city.removeprefix("Bad ")] if city.startswith("Bad ") else [] for city in cities}
    # Synonym groups of mid-frequency words: frequent enough to occur, rare enough to matter.
    middle = words[100:2_000]
    synonyms = [rng.sample(middle, rng.choice((2, 3))) for _ in range(6)]
    name_word = unseen[-1]
    return World(
        seed=seed,
        words=words,
        cum_weights=cum_weights,
        unseen=unseen[:-1],
        cities=cities,
        city_aliases=city_aliases,
        synonyms=synonyms,
        ranking_id="synth-index",
        ranking_name=f"{name_word}-Index",
        ranking_alias=f"{name_word}ranking",
    )


# ---------------------------------------------------------------- entries


@dataclass(frozen=True)
class SynthEntry:
    """A generated fact entry, with its questions kept as words so queries can be built from them."""

    id: str
    title: str
    questions: list[list[Word]]
    named: list[bool]
    answer: str
    passage: str
    cities: list[str]
    years: list[int]
    ranked: bool
    content: list[str]

    def question_texts(self) -> list[str]:
        slots = _slot_words(self.cities, self.years)
        return [_render(q + slots if named else q) + "?" for q, named in zip(self.questions, self.named, strict=True)]


def _render(words: Sequence[Word]) -> str:
    text = " ".join(w.text for w in words)
    return text[:1].upper() + text[1:]


def _slot_words(cities: Sequence[str], years: Sequence[int]) -> list[Word]:
    """`in Bergstadt und Bad Klinghausen 2019`: how a question names the cities and years."""
    out: list[Word] = []
    for index, city in enumerate(cities):
        out.append(Word("in" if index == 0 else "und", "stop"))
        out.extend(Word(part, "city") for part in city.split())
    out.extend(Word(str(year), "year") for year in years)
    return out


def _distinct(draw: Callable[[], str], count: int) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        word = draw()
        if word not in out:
            out.append(word)
    return out


def _zipf_words(world: World, rng: random.Random) -> Iterator[str]:
    while True:
        # Drawing in batches is several times faster than one `choices` call per word.
        yield from world.sample(rng, 128)


def make_entry(world: World, index: int) -> SynthEntry:
    """Entry `index`, the same for every corpus size (its own seeded generator)."""
    rng = random.Random(f"{world.seed}:entry:{index}")
    general = _zipf_words(world, rng)
    topic = _distinct(lambda: next(general), rng.randint(5, 8))
    cities = rng.sample(world.cities, rng.choices((0, 1, 2), weights=(40, 45, 15))[0])
    years = sorted(rng.sample(YEARS, rng.choices((0, 1, 2), weights=(40, 45, 15))[0]))
    ranked = rng.random() < RANKING_TAG_SHARE

    def content(topic_share: float) -> str:
        return rng.choice(topic) if rng.random() < topic_share else next(general)

    def text(length: int, topic_share: float) -> list[Word]:
        return [
            Word(rng.choice(TEXT_STOP_WORDS), "stop")
            if rng.random() < STOP_SHARE
            else Word(content(topic_share), "content")
            for _ in range(length)
        ]

    questions: list[list[Word]] = []
    named: list[bool] = []
    for number in range(rng.randint(2, 4)):
        words = [Word(w, "content") for w in _distinct(lambda: content(0.75), rng.randint(3, 5))]
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words) + 1), Word(rng.choice(TEXT_STOP_WORDS), "stop"))
        start = [Word(w, "qword") for w in rng.choice(QUESTION_STARTS).split()]
        questions.append(start + words)
        # The canonical question names the entry's cities and years, other phrasings only sometimes.
        named.append(number == 0 or rng.random() < 0.5)
    title = rng.sample(topic, rng.randint(2, 4))
    title_words = [Word(w, "content") for w in title] + _slot_words(cities, years)
    if ranked:
        title_words += [Word("im", "stop"), Word(world.ranking_name, "ranking")]
    answer = text(rng.randint(15, 40), 0.4)
    passage = text(rng.randint(20, 60), 0.25)
    fields = [title_words, *questions, answer, passage]
    return SynthEntry(
        id=f"f-{index:06d}",
        title=_render(title_words),
        questions=questions,
        named=named,
        answer=_render(answer) + ".",
        passage=_render(passage) + ".",
        cities=cities,
        years=years,
        ranked=ranked,
        content=[w.text for f in fields for w in f if w.kind == "content"],
    )


def _dump(value: object) -> str:
    # JSON strings and lists are valid YAML flow scalars and sequences, and far faster to write.
    return json.dumps(value, ensure_ascii=False)


def _entry_yaml(entry: SynthEntry, world: World) -> str:
    tags: dict[str, list[Any]] = {}
    if entry.cities:
        tags["cities"] = entry.cities
    if entry.years:
        tags["years"] = entry.years
    if entry.ranked:
        tags["rankings"] = [world.ranking_id]
    lines = [
        f"  - id: {entry.id}",
        f"    title: {_dump(entry.title)}",
        "    questions:",
        *(f"      - {_dump(q)}" for q in entry.question_texts()),
        f"    answer: {_dump(entry.answer)}",
        "    passages:",
        f"      - text: {_dump(entry.passage)}",
        f"    source_url: https://example.org/fakten/{entry.id}",
    ]
    if tags:
        lines.append("    tags: {" + ", ".join(f"{k}: {_dump(v)}" for k, v in tags.items()) + "}")
    return "\n".join(lines) + "\n"


def _write_ranking(folder: Path, world: World) -> None:
    rng = random.Random(f"{world.seed}:ranking")
    rankings = folder / "rankings"
    rankings.mkdir(parents=True)
    editions = "\n".join(
        f"  - {{year: {y}, cities: {RANKED_CITIES}, source_url: https://example.org/ranking/{y}}}"
        for y in RANKING_YEARS
    )
    (rankings / f"{world.ranking_id}.yaml").write_text(
        f"id: {world.ranking_id}\nname: {_dump(world.ranking_name)}\npublisher: Synthetischer Verlag\n"
        f"score_unit: Punkte\naliases: {_dump([world.ranking_alias])}\neditions:\n{editions}\n",
        encoding="utf-8",
    )
    with (rankings / f"{world.ranking_id}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["year", "city", "place", "score", "source_url", "quote"])
        for year in RANKING_YEARS:
            places = rng.sample(range(1, RANKED_CITIES + 1), RANKED_CITIES)
            for city, place in zip(world.cities[:RANKED_CITIES], places, strict=True):
                score = f"{90 - 2 * place + rng.random():.1f}".replace(".", ",")
                url = f"https://example.org/ranking/{year}"
                writer.writerow([year, city, place, score, url, f"{city} auf Platz {place}"])


@dataclass(frozen=True)
class Corpus:
    """What query generation needs to know about a written corpus."""

    size: int
    df: Counter[str]
    with_years: list[int]


def write_knowledge(folder: Path, world: World, size: int) -> Corpus:
    """A knowledge folder of `size` fact entries plus aliases and one ranking; counts document frequencies."""
    folder.mkdir(parents=True)
    aliases = ["synonyms:", *(f"  - {_dump(group)}" for group in world.synonyms), "cities:"]
    aliases += [f"  {_dump(city)}: {_dump(world.city_aliases[city])}" for city in world.cities]
    (folder / "aliases.yaml").write_text("\n".join(aliases) + "\n", encoding="utf-8")
    _write_ranking(folder, world)
    facts = folder / "facts"
    facts.mkdir()
    df: Counter[str] = Counter()
    with_years: list[int] = []
    for first in range(0, size, FILE_ENTRIES):
        chunk = []
        for index in range(first, min(first + FILE_ENTRIES, size)):
            entry = make_entry(world, index)
            df.update({w.lower() for w in entry.content})
            if entry.years:
                with_years.append(index)
            chunk.append(_entry_yaml(entry, world))
        name = f"part-{first // FILE_ENTRIES + 1:03d}.yaml"
        (facts / name).write_text("entries:\n" + "".join(chunk), encoding="utf-8")
    return Corpus(size, df, with_years)


# ---------------------------------------------------------------- queries


@dataclass(frozen=True)
class Query:
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
        words = [Word(w, "content") for w in _distinct(lambda: rng.choice(entry.content), count)]
        for _ in range(2):
            words.insert(rng.randrange(len(words) + 1), Word(rng.choice(TEXT_STOP_WORDS), "stop"))
    if name_slots:
        words += _slot_words(entry.cities, entry.years)
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


def _answerable(rng: random.Random, world: World, index: int, kind: str = "answerable") -> Query:
    entry = make_entry(world, index)
    name = bool(entry.cities or entry.years) and rng.random() < 0.5
    return _query(_answerable_words(rng, world, entry, name), entry.id, kind)


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
    entry = make_entry(world, index)
    name = bool(entry.cities or entry.years) and rng.random() < 0.5
    words = _answerable_words(rng, world, entry, name)
    content = [i for i, w in enumerate(words) if w.kind == "content"]
    rarest = min(content, key=lambda i: corpus.df[(words[i].base or words[i].text).lower()])
    words[rarest] = Word(unseen, "unseen")
    return _query(words, None, "unseen word")


def _off_topic(rng: random.Random, world: World, unseen: str) -> Query:
    """Common words, a stop word or two and one word the corpus lacks."""
    words = [Word(w, "qword") for w in rng.choice(QUESTION_STARTS).split()]
    words += [Word(w, "content") for w in rng.sample(world.common(100), rng.randint(2, 4))]
    for _ in range(rng.randint(1, 2)):
        words.insert(rng.randrange(1, len(words) + 1), Word(rng.choice(TEXT_STOP_WORDS), "stop"))
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


def _save_queries(path: Path, warmup: Sequence[Query], measured: Sequence[Query]) -> None:
    data = {"warmup": [asdict(q) for q in warmup], "measured": [asdict(q) for q in measured]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _load_queries(path: Path) -> tuple[list[Query], list[Query]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Query(**q) for q in data["warmup"]], [Query(**q) for q in data["measured"]]


# ---------------------------------------------------------------- workers (each in a fresh process)


@dataclass(frozen=True)
class Build:
    seconds: float
    entries: int
    db_mb: float
    rss_start_mb: float
    rss_peak_mb: float


@dataclass(frozen=True)
class Outcome:
    """One measured query: latency, top hit and the entry answered with ("" if no id, None if abstained)."""

    ms: float
    top: str | None
    answered: str | None


@dataclass(frozen=True)
class Run:
    """A serving process: import time, time from opening to the first answer, per-query outcomes, memory."""

    imports_s: float
    restart_s: float
    rss_start_mb: float
    rss_peak_mb: float
    outcomes: list[Outcome]

    @classmethod
    def from_json(cls, data: Any) -> Run:
        return cls(**{**data, "outcomes": [Outcome(**o) for o in data["outcomes"]]})


@dataclass(frozen=True)
class ProfileLine:
    name: str
    calls: int
    self_share: float
    total_share: float


@dataclass(frozen=True)
class Profile:
    """Where the time of a restart and of the measured queries goes, as shares of the profiled total."""

    restart_s: float
    queries_s: float
    terms: int
    restart_self: list[ProfileLine]
    restart_bot: list[ProfileLine]
    queries_self: list[ProfileLine]
    queries_bot: list[ProfileLine]

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        lists = ("restart_self", "restart_bot", "queries_self", "queries_bot")
        return cls(**{**data, **{k: [ProfileLine(**line) for line in data[k]] for k in lists}})


def build_worker(db: Path, knowledge: Path) -> Build:
    rss_start = _start_rss_mb()
    from bot.kb.store import Store
    from bot.service import sync_knowledge

    start = time.perf_counter()
    store = Store(db)
    sync_knowledge(store, knowledge)
    seconds = time.perf_counter() - start
    entries = store.count_entries()
    store.close()
    return Build(seconds, entries, db.stat().st_size / 2**20, rss_start, _rss_mb())


def _open_service(
    db: Path, knowledge: Path, first: str, profiler: cProfile.Profile | None = None
) -> tuple[FoiService, float, float]:
    """Import time of the bot, then `FoiService.open` and the first answer, timed.

    Fails if opening rebuilt the store instead of finding its content hash up to date.
    """
    start = time.perf_counter()
    from bot.config import Settings
    from bot.service import FoiService

    imported = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    service = FoiService.open(Settings(database_path=db, knowledge_dir=knowledge))
    service.ask(first)
    if profiler is not None:
        profiler.disable()
    answered = time.perf_counter()
    # A rebuild writes rows through this connection; an up-to-date store is only read.
    if service.store.db.conn.total_changes:
        raise SystemExit("FoiService.open rebuilt the store: knowledge files or bot code changed since the build")
    return service, imported - start, answered - imported


def serve_worker(db: Path, knowledge: Path, queries: Path) -> Run:
    rss_start = _start_rss_mb()
    warmup, measured = _load_queries(queries)
    service, imports, restart = _open_service(db, knowledge, warmup[0].text)
    for query in warmup[1:]:
        service.ask(query.text)
    outcomes = []
    for query in measured:
        start = time.perf_counter()
        answer = service.ask(query.text)
        ms = 1000 * (time.perf_counter() - start)
        answered = (answer.entry_ids[0] if answer.entry_ids else "") if answer.answered else None
        outcomes.append(Outcome(ms, answer.hits[0].id if answer.hits else None, answered))
    rss_peak = _rss_mb()
    service.close()
    return Run(imports, restart, rss_start, rss_peak, outcomes)


def baseline_worker(db: Path, queries: Path) -> Run:
    """Brute-force `token_set_ratio` over every entry's questions, read from the same store."""
    rss_start = _start_rss_mb()
    warmup, measured = _load_queries(queries)
    started = time.perf_counter()
    from rapidfuzz import fuzz, process, utils

    from bot.folding import fold
    from bot.kb.store import Store

    start = time.perf_counter()
    imports = start - started
    store = Store(db)
    choices = {e.id: fold(" ".join(e.questions)) for e in store.all_entries()}

    def top(question: str) -> str | None:
        found = process.extract(
            fold(question), choices, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=5
        )
        return str(found[0][2]) if found else None

    top(warmup[0].text)
    restart = time.perf_counter() - start
    started = time.perf_counter()
    for query in warmup[1:]:
        top(query.text)
    per_query = (time.perf_counter() - started) / max(len(warmup) - 1, 1)
    if per_query * len(measured) > BASELINE_BUDGET_S:
        # Queries alternate answerable/unanswerable, so a prefix keeps the mix.
        measured = measured[:BASELINE_CAP]
    outcomes = []
    for query in measured:
        started = time.perf_counter()
        found = top(query.text)
        outcomes.append(Outcome(1000 * (time.perf_counter() - started), found, None))
    rss_peak = _rss_mb()
    store.close()
    return Run(imports, restart, rss_start, rss_peak, outcomes)


def _profile_lines(profiler: cProfile.Profile, key: str, only_bot: bool) -> list[ProfileLine]:
    stats: dict[tuple[str, int, str], tuple[int, int, float, float, Any]]
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # undocumented but stable
    total = sum(tt for _, _, tt, _, _ in stats.values()) or 1.0
    lines = []
    for (file, line, func), (_, calls, tt, ct, _) in stats.items():
        if only_bot and "/bot/" not in file:
            continue
        name = f"{Path(file).parent.name}/{Path(file).name}:{line}({func})" if line else func
        lines.append(ProfileLine(name, calls, tt / total, ct / total))
    lines.sort(key=lambda p: -(p.self_share if key == "self" else p.total_share))
    return lines[:PROFILE_LINES]


def profile_worker(db: Path, knowledge: Path, queries: Path) -> Profile:
    """The serving run again under cProfile (its own timings are inflated, so only shares are reported)."""
    warmup, measured = _load_queries(queries)
    restart_profiler = cProfile.Profile()
    service, _, restart = _open_service(db, knowledge, warmup[0].text, restart_profiler)
    for query in warmup[1:]:
        service.ask(query.text)
    query_profiler = cProfile.Profile()
    start = time.perf_counter()
    query_profiler.enable()
    for query in measured:
        service.ask(query.text)
    query_profiler.disable()
    queries_s = time.perf_counter() - start
    # The engine holds every index term in memory (for IDF and typo expansion): a driver of RSS and latency.
    terms = len(service.lexicon.df)
    service.close()
    return Profile(
        restart_s=restart,
        queries_s=queries_s,
        terms=terms,
        restart_self=_profile_lines(restart_profiler, "self", only_bot=False),
        restart_bot=_profile_lines(restart_profiler, "total", only_bot=True),
        queries_self=_profile_lines(query_profiler, "self", only_bot=False),
        queries_bot=_profile_lines(query_profiler, "total", only_bot=True),
    )


@dataclass(frozen=True)
class Generated:
    seconds: float


def generate_worker(work: Path, size: int, seed: int) -> Generated:
    """Writes the knowledge folder and the queries of one size into `work`."""
    start = time.perf_counter()
    world = build_world(seed)
    corpus = write_knowledge(work / "knowledge", world, size)
    _save_queries(work / "queries.json", *make_queries(world, corpus))
    return Generated(time.perf_counter() - start)


def _run_worker(mode: str, work: Path, *args: str | Path) -> Any:
    """Runs this script as a worker in a fresh interpreter and returns the JSON it prints."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, *map(str, args)]
    # cwd is the size's temp folder, so a `.env` where the benchmark was started cannot reach Settings.
    # The worker's stderr passes through, so its errors and the bot's warnings stay visible.
    proc = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False, cwd=work)
    if proc.returncode:
        raise SystemExit(f"{mode} worker failed with exit code {proc.returncode}")
    return json.loads(proc.stdout)


def _worker_main(mode: str, paths: Sequence[str], size: int, seed: int) -> None:
    args = [Path(p) for p in paths]
    result: Generated | Build | Run | Profile
    if mode == "generate":
        result = generate_worker(args[0], size, seed)
    elif mode == "build":
        result = build_worker(*args)
    elif mode == "serve":
        result = serve_worker(*args)
    elif mode == "baseline":
        result = baseline_worker(*args)
    else:
        result = profile_worker(*args)
    print(json.dumps(asdict(result)))


# ---------------------------------------------------------------- report


@dataclass(frozen=True)
class Row:
    size: int
    method: str
    build_s: float | None
    run: Run
    queries: list[Query]

    def answerable(self) -> list[tuple[Query, Outcome]]:
        return [(q, o) for q, o in zip(self.queries, self.run.outcomes, strict=False) if q.expected]

    def unanswerable(self) -> list[tuple[Query, Outcome]]:
        return [(q, o) for q, o in zip(self.queries, self.run.outcomes, strict=False) if not q.expected]


def _percentile(values: Sequence[float], percent: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _share(pairs: Sequence[tuple[Query, Outcome]], hit: Callable[[Query, Outcome], bool]) -> float | None:
    return sum(hit(q, o) for q, o in pairs) / len(pairs) if pairs else None


def _fmt(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _size_label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def _answered_correct(query: Query, outcome: Outcome) -> bool:
    return outcome.answered == query.expected


def render_table(rows: Sequence[Row]) -> str:
    head = (
        "| N | method | build s | restart s | p50 ms | p95 ms | peak RSS MB | RSS Δ MB | R@1 "
        "| answered-correct | unanswerable-answered | n |"
    )
    lines = [head, "|" + "---|" * 12]
    for row in rows:
        ms = [o.ms for o in row.run.outcomes]
        answerable, unanswerable = row.answerable(), row.unanswerable()
        engine = row.method == "engine"
        cells = [
            _size_label(row.size),
            row.method,
            _fmt(row.build_s, 2),
            _fmt(row.run.restart_s, 2),
            _fmt(statistics.median(ms), 1),
            _fmt(_percentile(ms, 95), 1),
            _fmt(row.run.rss_peak_mb, 0),
            _fmt(row.run.rss_peak_mb - row.run.rss_start_mb, 0),
            _fmt(_share(answerable, _top_correct), 3),
            _fmt(_share(answerable, _answered_correct) if engine else None, 3),
            _fmt(_share(unanswerable, _answered) if engine else None, 3),
            f"{len(ms)} ({len(answerable)}+{len(unanswerable)})",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_targets(rows: Sequence[Row]) -> list[str]:
    """Each target with the measured value, for the sizes that ran."""
    engine = {row.size: row for row in rows if row.method == "engine"}
    out = []
    for size, p95, restart, rss in TARGETS:
        row = engine.get(size)
        if row is None:
            out.append(f"- at {_size_label(size)}: not run")
            continue
        measured = (
            ("p95", p95, "ms", _percentile([o.ms for o in row.run.outcomes], 95)),
            ("restart", restart, "s", row.run.restart_s),
            ("peak RSS", rss, "MB", row.run.rss_peak_mb),
        )
        for what, limit, unit, value in measured:
            if limit is not None:
                verdict = "met" if value <= limit else "MISSED"
                out.append(f"- {what} <= {limit:g} {unit} at {_size_label(size)}: {value:.2f} {unit}, {verdict}")
    return out


def _top_correct(query: Query, outcome: Outcome) -> bool:
    return outcome.top == query.expected


def _answered(_query: Query, outcome: Outcome) -> bool:
    return outcome.answered is not None


def render_breakdown(row: Row, build: Build) -> str:
    """Size of the built base, and quality by query kind, for reading the totals."""

    def part(label: str, pairs: Sequence[tuple[Query, Outcome]], hit: Callable[[Query, Outcome], bool]) -> str:
        return f"{label} {_fmt(_share(pairs, hit), 2)} (n={len(pairs)})"

    answerable, unanswerable = row.answerable(), row.unanswerable()
    recall = [
        part("with a typo", [p for p in answerable if p[0].typo], _top_correct),
        part("without", [p for p in answerable if not p[0].typo], _top_correct),
    ]
    kinds = sorted({q.kind for q, _ in unanswerable})
    answered = [part(k, [p for p in unanswerable if p[0].kind == k], _answered) for k in kinds]
    return (
        f"- {_size_label(row.size)}: {build.entries} entries ({row.size} facts + generated ranking entries), "
        f"DB {build.db_mb:.0f} MB, build peak RSS {build.rss_peak_mb:.0f} MB, bot imports {row.run.imports_s:.2f} s "
        f"(before restart); RSS at worker start {row.run.rss_start_mb:.0f} MB; "
        f"R@1 {', '.join(recall)}; unanswerable answered: {', '.join(answered)}"
    )


def render_profile(size: int, profile: Profile) -> str:
    def block(title: str, lines: Sequence[ProfileLine]) -> list[str]:
        body = [f"    {p.self_share:6.1%} self {p.total_share:6.1%} incl {p.calls:>9} calls  {p.name}" for p in lines]
        return [f"  {title}:", *body]

    out = [
        f"Profile at {_size_label(size)}: restart {profile.restart_s:.2f} s, "
        f"{profile.queries_s:.2f} s for the measured queries (under cProfile); "
        f"{profile.terms} index terms in memory",
        *block("restart, by self time", profile.restart_self),
        *block("restart, bot functions by inclusive time", profile.restart_bot),
        *block("queries, by self time", profile.queries_self),
        *block("queries, bot functions by inclusive time", profile.queries_bot),
    ]
    return "\n".join(out)


# ---------------------------------------------------------------- main


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def engine_version() -> str:
    """Which `bot` package the workers import, and its git commit: the engine changes often."""
    spec = importlib.util.find_spec("bot")  # locates the package without importing it
    if spec is None or spec.origin is None:
        raise SystemExit("the bot package is not importable: install the project (make install)")
    package = Path(spec.origin).parent

    def git(*args: str) -> str:
        proc = subprocess.run(["git", "-C", str(package), *args], capture_output=True, text=True, check=False)
        return proc.stdout.strip() if proc.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"{package} (not in a git checkout)"
    dirty = ", with uncommitted changes" if git("status", "--porcelain", "--", ".") else ""
    return f"{package} (git {commit}{dirty})"


def run(sizes: Sequence[int], seed: int, profile: bool) -> None:
    version = engine_version()
    rows: list[Row] = []
    notes: list[str] = []
    profiles: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        for size in sizes:
            work = Path(tmp) / f"n{size}"
            knowledge, db, queries = work / "knowledge", work / "foi.db", work / "queries.json"
            work.mkdir()
            generated = Generated(**_run_worker("generate", work, work, "--sizes", str(size), "--seed", str(seed)))
            _, measured = _load_queries(queries)
            _log(f"{_size_label(size)}: corpus written ({generated.seconds:.1f} s); building")
            build = Build(**_run_worker("build", work, db, knowledge))
            _log(f"{_size_label(size)}: built in {build.seconds:.1f} s; serving")
            engine = Row(
                size,
                "engine",
                build.seconds,
                Run.from_json(_run_worker("serve", work, db, knowledge, queries)),
                measured,
            )
            rows.append(engine)
            notes.append(render_breakdown(engine, build))
            _log(f"{_size_label(size)}: baseline")
            baseline = Run.from_json(_run_worker("baseline", work, db, queries))
            rows.append(Row(size, "rapidfuzz token_set_ratio", None, baseline, measured))
            if profile:
                _log(f"{_size_label(size)}: profiling")
                found = Profile.from_json(_run_worker("profile", work, db, knowledge, queries))
                profiles.append(render_profile(size, found))
            # Sizes run one after another; drop each one's files (the 100k DB is large) before the next.
            shutil.rmtree(work)
    print(f"Engine: {version}; seed {seed}\n")
    print(render_table(rows))
    print("\nTargets:")
    print("\n".join(render_targets(rows)))
    print("\nNotes (engine):")
    print("\n".join(notes))
    if profiles:
        print()
        print("\n\n".join(profiles))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated entry counts")
    parser.add_argument("--quick", action="store_true", help="only 1,000 entries: a smoke test")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus and queries")
    parser.add_argument("--profile", action="store_true", help="also profile restart and queries with cProfile")
    parser.add_argument(
        "--worker", choices=("generate", "build", "serve", "baseline", "profile"), help=argparse.SUPPRESS
    )
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [1_000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if args.worker:
        _worker_main(args.worker, args.paths, sizes[0], args.seed)
        return
    run(sizes, args.seed, args.profile)


if __name__ == "__main__":
    main()
