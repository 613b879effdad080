"""The synthetic knowledge base: a German-looking vocabulary, cities, a ranking and the fact entries.

Every size draws from the same world, and entry `i` is the same in every size (its own seeded generator),
so sizes differ only in how many entries they hold. Written in the real knowledge file format.
"""

from __future__ import annotations

import csv
import json
import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, Literal

VOCABULARY_SIZE = 30_000
ZIPF_S = 1.05
CITY_COUNT = 80
RANKED_CITIES = 20
RANKING_YEARS = (2021, 2022, 2023)
YEARS = tuple(range(2015, 2026))
FILE_ENTRIES = 2_000
STOP_SHARE = 0.35
RANKING_TAG_SHARE = 0.10
UNSEEN_POOL = 400

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


def _within(word: str, pool: Sequence[str], edits: int) -> bool:
    """Whether some word of `pool` is at most `edits` edits (optimal string alignment) from `word`."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    return process.extractOne(word, pool, scorer=OSA.distance, score_cutoff=edits) is not None


def _unseen_words(rng: random.Random, words: Sequence[str], excluded: set[str]) -> list[str]:
    """Plain words whose stem is neither in the corpus nor a typo or compound of a corpus stem.

    Otherwise a "word absent from the corpus" could be read as a typo of a present one, and the
    unanswerable query built with it would in fact be answerable.
    """
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
        if not _within(token, pool, budget):
            taken.add(token)
            found.append(word)
    return found


def _city_names(rng: random.Random, words: Sequence[str]) -> list[str]:
    """City names far (4+ edits) from every corpus word and from each other.

    The engine reads a misspelt word of 6+ letters as a city within its typo budget; names this far
    apart keep a typo in a query word from turning into a city only because the generator was careless.
    """
    from bot.folding import fold

    folded = [fold(w) for w in words]
    names: list[str] = []
    keys: list[str] = []
    while len(names) < CITY_COUNT:
        core = (_syllables(rng, rng.choice((1, 2))) + rng.choice(CITY_SUFFIXES)).capitalize()
        roll = rng.random()
        name = f"Bad {core}" if roll < 0.12 else f"Neu{core.lower()}" if roll < 0.2 else core
        key = fold(core)
        if len(key) < 6 or any(_within(k, pool, 3) for k, pool in ((key, folded), (key + "s", folded), (key, keys))):
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
        slots = slot_words(self.cities, self.years)
        return [_render(q + slots if named else q) + "?" for q, named in zip(self.questions, self.named, strict=True)]


def _render(words: Sequence[Word]) -> str:
    text = " ".join(w.text for w in words)
    return text[:1].upper() + text[1:]


def slot_words(cities: Sequence[str], years: Sequence[int]) -> list[Word]:
    """`in Bergstadt und Bad Klinghausen 2019`: how a question names the cities and years."""
    out: list[Word] = []
    for index, city in enumerate(cities):
        out.append(Word("in" if index == 0 else "und", "stop"))
        out.extend(Word(part, "city") for part in city.split())
    out.extend(Word(str(year), "year") for year in years)
    return out


def distinct(draw: Callable[[], str], count: int) -> list[str]:
    """`count` different words from `draw`, in the order drawn."""
    out: list[str] = []
    while len(out) < count:
        word = draw()
        if word not in out:
            out.append(word)
    return out


def insert_stop_words(rng: random.Random, words: list[Word], count: int, first: int = 0) -> None:
    """Puts `count` stop words into `words` at random places, none before position `first`."""
    for _ in range(count):
        words.insert(rng.randrange(first, len(words) + 1), Word(rng.choice(TEXT_STOP_WORDS), "stop"))


def question_start(rng: random.Random) -> list[Word]:
    """`Wie viele`, `Seit wann gibt es`: the words a question starts with."""
    return [Word(w, "qword") for w in rng.choice(QUESTION_STARTS).split()]


def _zipf_words(world: World, rng: random.Random) -> Iterator[str]:
    while True:
        # Drawing in batches is several times faster than one `choices` call per word.
        yield from world.sample(rng, 128)


def make_entry(world: World, index: int) -> SynthEntry:
    """Entry `index`, the same for every corpus size (its own seeded generator)."""
    rng = random.Random(f"{world.seed}:entry:{index}")
    general = _zipf_words(world, rng)
    topic = distinct(lambda: next(general), rng.randint(5, 8))
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
        words = [Word(w, "content") for w in distinct(lambda: content(0.75), rng.randint(3, 5))]
        insert_stop_words(rng, words, rng.randint(1, 3))
        questions.append(question_start(rng) + words)
        # The canonical question names the entry's cities and years, other phrasings only sometimes.
        named.append(number == 0 or rng.random() < 0.5)
    title = rng.sample(topic, rng.randint(2, 4))
    title_words = [Word(w, "content") for w in title] + slot_words(cities, years)
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


def _fact_url(entry_id: str) -> str:
    return f"https://example.org/fakten/{entry_id}"


def _ranking_url(year: int) -> str:
    return f"https://example.org/ranking/{year}"


def _dump(value: object) -> str:
    # JSON strings and lists are valid YAML flow scalars and sequences, and far faster to write.
    return json.dumps(value, ensure_ascii=False)


PHRASINGS = 6  # per entry, as the curated facts of the real base have


def _phrasings(entry: SynthEntry) -> list[str]:
    """Other ways to ask the entry: its own content words in other orders. Drawn from a generator of their own,
    so the corpus and the queries stay those of the rounds before phrasings existed."""
    rng = random.Random(entry.id)
    return [
        _render([Word(w, "content") for w in rng.sample(entry.content, min(4, len(entry.content)))]) + "?"
        for _ in range(PHRASINGS)
    ]


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
        "    phrasings:",
        *(f"      - {_dump(p)}" for p in _phrasings(entry)),
        f"    answer: {_dump(entry.answer)}",
        "    passages:",
        f"      - text: {_dump(entry.passage)}",
        f"    source_url: {_fact_url(entry.id)}",
    ]
    if tags:
        lines.append("    tags: {" + ", ".join(f"{k}: {_dump(v)}" for k, v in tags.items()) + "}")
    return "\n".join(lines) + "\n"


def _write_ranking(folder: Path, world: World) -> None:
    rng = random.Random(f"{world.seed}:ranking")
    rankings = folder / "rankings"
    rankings.mkdir(parents=True)
    editions = "\n".join(
        f"  - {{year: {y}, cities: {RANKED_CITIES}, source_url: {_ranking_url(y)}}}" for y in RANKING_YEARS
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
                url = _ranking_url(year)
                writer.writerow([year, city, place, score, url, f"{city} auf Platz {place}"])


@dataclass(frozen=True)
class Corpus:
    """What query generation needs to know about a written corpus."""

    size: int
    df: Counter[str]
    with_years: list[int]


def write_knowledge(folder: Path, world: World, size: int) -> Corpus:
    """A knowledge folder of `size` fact entries, aliases, one ranking and the sources they cite; counts document
    frequencies."""
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
    # The loader refuses a source that sources.yaml does not name: a reply cites it by that name.
    sources = [(_ranking_url(y), f"Synthetischer Verlag {y}") for y in RANKING_YEARS]
    sources += [(_fact_url(f"f-{index:06d}"), f"Quelle f-{index:06d}") for index in range(size)]
    lines = "".join(f"  - {{url: {_dump(url)}, name: {_dump(name)}}}\n" for url, name in sources)
    (folder / "sources.yaml").write_text("sources:\n" + lines, encoding="utf-8")
    return Corpus(size, df, with_years)
