"""German-first text analysis: folding, words, stop words, stems, synonyms, compounds and slots.

Slots are the things a question must not be answered wrongly about: the years, cities and rankings it names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.folding import fold, slugify, strip_umlauts
from bot.models import Aliases, Ranking
from bot.understand.cities import NOT_CITY_FORMS, adjectives, city_forms, short_name
from bot.understand.content import fillers

_WORD = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"^(19|20)\d\d$")
_CAPITALS = re.compile(r"\b[A-Z]{2}\b")
# Stop words that name something when written in capitals.
ABBREVIATIONS = frozenset({"it", "ob"})
# "OB", and "ob" after an article ("der ob", "vom ob"), is the Oberbürgermeister, not "whether".
OFFICES = {"ob": "oberbuergermeister"}
_OFFICE_ARTICLES = frozenset("der den dem des vom zum beim unser unseren unserem ihr ihren ihrem".split())
# "wer ist ob …", "wer war eigentlich ob …": after these, "ob" cannot be "whether".
_ASKING_WHO = ("wer", "ist"), ("wer", "war"), ("wer", "is")
_FILLERS = frozenset({"eigentlich", "denn", "jetzt", "aktuell"})


def _office_follows(before: Sequence[str]) -> bool:
    """Whether the words before an "ob" make it the Oberbürgermeister: an article (and a city's adjective), or
    "wer ist" (fillers aside)."""
    if before and before[-1] in _OFFICE_ARTICLES:
        return True
    if len(before) >= 2 and before[-2] in _OFFICE_ARTICLES and before[-1].endswith("er"):
        return True  # "der bochumer ob"
    kept = [w for w in before if w not in _FILLERS]
    return tuple(kept) in _ASKING_WHO


_MAX_PHRASE = 5
# Shorter names are matched exactly only: too many words are one or two edits away from `Hamm` or `Kiel`.
_MIN_FUZZY_WORD = 6
_MIN_FUZZY_PHRASE = 8
_MAX_FUZZY_WORDS = 4

# Function words of German and English; words that tell questions apart (wer, wann, warum, kein) stay. Chat's
# interjections and shorthand ("lol", "boah", "eig" for eigentlich, "voll" as "very") and "jeweils"/"each" say as
# little, as do the adverbs that only say how much ("ziemlich abgerutscht", "quite a jump"; not those that are
# also other words: "richtig", "recht", "total", "pretty").
STOP_WORDS = frozenset(
    """
    a ab aber alle allem allen aller alles als also am an ans auch auf aus bei beim bin bis bitte bist da
    dabei dadurch dafuer dagegen daher damit dann darauf darf darueber das dass dem den denen denn der
    deren des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem
    einen einer eines einmal er es etwa etwas euch euer fuer gab gibt ging habe haben hat hatte hatten
    hast hier ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden jeder jedes
    jetzt kann koennen konnte mal man mich mir mit muss nach nachdem noch nun nur ob oder ohne sehr sei
    seid sein seine seinem seinen seiner seines ihres unsere unserem unseren unserer unseres sich sie sind so
    sollte sondern sowie ueber um und uns unser
    unter vom von vor war waren warst was weil welche welchem welchen welcher welches wenn werde werden
    wie wieder will wir wird wirst wo wurde wurden zu zum zur zwar eigentlich genau denn hallo hi hey
    moin servus danke bitteschoen mal gerne sag sagen sagt mir uns erzaehl erzaehle weisst wisst
    solch solche solchem solchen solcher solches ueberhaupt eben schon wohl irgendwie irgendwas nochmal
    bereits immer ganz denn dazu davon darum deshalb deswegen jemand jemanden etwas oft mehr
    ever even just very some any there here s jemals niemals irgendwann gewesen worden geworden per
    gibts gabs wars nen ne nem ner ums aufs fuers uebers durchs unters vors hinters raus rein rauf runter sowas drin
    ham hams hamse hab habs isses hats eig
    lol lmao haha hahaha hehe boah krass wow omg na naja tja btw voll jeweils each quick q
    ziemlich extrem mega heftig massiv enorm gewaltig bisschen derart dermassen quite rather extremely
    the of and or to in on at by for with from is are was were be been being do does did has have had
    a an it its this that these those what which how me my we our you your i tell please can could would
    should will about into than then there their they them he him his she her hers hello thanks
    t didn doesn don isn aren wasn weren hasn haven hadn wouldn couldn shouldn
    whats thats theres heres
    """.split()
)

# German separable verb particles, longest first: "vorgestellt" is "stellten … vor", "zugeliefert" "geliefert".
PARTICLES = tuple(
    sorted(
        "ab an auf aus bei ein mit nach vor weg zu zurueck zusammen dazu hinzu heraus hinaus herum rum raus rein "
        "hoch runter rauf vorbei weiter fest los".split(),
        key=len,
        reverse=True,
    )
)

# Words that make the year after them a boundary ("vor 2019", "nach 2020", "before 2021", "after 2022").
BOUNDARY = frozenset({"vor", "nach", "before", "after"})

# Content words that say little about what is asked ("Welche Rolle spielt …", "Was macht …"): they still
# count, but far less than their rarity in a small base would suggest.
QUESTION_WORDS = frozenset("wer wann wo woher wohin warum wieso weshalb who when where why whom whose".split())
LOW_INFORMATION = QUESTION_WORDS | frozenset(
    """
    rolle spielt spielen spielte macht machen machte gibt gab geht ging steht stand bekommen bekam bedeutet
    heisst passiert eigentlich wirklich genau gerne interessiert erfahren wissen weiss tun tut sagen sagt aufgabe
    lief laeuft gelaufen geworden
    aufgaben laut ungefaehr circa ca exakt echt grob
    role play plays played make makes made get gets got know tell say says said really actually happen happened
    mean means task tasks according exact exactly precisely roughly approximately again
    kannst koenntest bitte haette moechte pls plz please idea
    meisten meiste
    los anything notable noteworthy special besonderes besondere auffaellig
    """.split()
)


def _last_year() -> int:
    """The latest year a question can be about, next year: later "years" are names (`Bochum Strategie 2030`).
    Asked each time, so that a bot running over New Year moves on."""
    return dt.date.today().year + 1


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("german")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball German stem of a folded word; numbers stay as they are."""
    if word.isdigit():
        return word
    return str(_stemmer().stemWord(word))


_PARTICLES_GE = tuple(p + "ge" for p in PARTICLES)


def separable_particle(participle: str) -> str:
    """The separable particle a participle has before its "ge" ("vor" of "vorgestellt"), or ""."""
    # Asked of most words of every question: one test of all prefixes at once rules out nearly all of them.
    if not participle.startswith(_PARTICLES_GE):
        return ""
    return next(p for p, prefix in zip(PARTICLES, _PARTICLES_GE, strict=True) if participle.startswith(prefix))


def verb_variants(token: str) -> set[str]:
    """Stems the same verb may have in another form: Snowball leaves `liefert` and `liefern` (→ `lief`) apart,
    and participles (`gespielt`, `geschafft`) apart from their verb. Bridges the -t forms and the ge- prefix."""
    if len(token) < 4 or token.isdigit():
        return set()
    # A doubled "t" ends the root, never a -t form (a root in t takes "-et": "wartet"): "Pott" is no "pot".
    forms = {token[:-1] if token.endswith("t") and not token.endswith("tt") else token + "t"}
    # The participle's "ge" follows a separable particle: "vorgestellt" of "vorstellen", "ausgewertet".
    particle = separable_particle(token)
    if token[len(particle) :].startswith("ge") and len(token) - len(particle) >= 6:
        bare = particle + token[len(particle) + 2 :]
        forms |= {bare, stem(bare), bare[:-1] if bare.endswith("t") else bare + "t"}
    forms.discard(token)
    # A question word is no form of a verb: "wann" of "gewann".
    return forms - QUESTION_WORDS


def noun_variants(token: str) -> set[str]:
    """Stems of the verb a noun in -ung is made of where Snowball keeps the ending (short roots): `Gründung` and
    `gegründet`, `gründete`. (Not the other way: "bildeten" is no "Bildung".)"""
    if not token.endswith("ung") or len(token) < 7:
        return set()
    root = token[:-3]
    return {root, "ge" + root}


_MIN_ENGLISH = 5  # "checked", "drafting"; not "red", "ring"


def english_variants(token: str) -> set[str]:
    """Stems the same English verb may have in another form, which the German stemmer leaves apart:
    `published` and `publish`, `submitted` and `submit`, `drafting` and `draft`."""
    if len(token) < _MIN_ENGLISH - 1 or not token.isalpha():
        return set()
    for ending in ("ed", "ing"):
        bare = token.removesuffix(ending)
        if bare != token and len(bare) >= _MIN_ENGLISH - 1:
            undoubled = bare[:-1] if len(bare) > 2 and bare[-1] == bare[-2] else bare
            return {bare, undoubled} - {token}
    return {token + "ed", token + "ing", token + token[-1] + "ed"}


def city_token(city: str) -> str:
    return slugify(city).replace("-", "")


def ranking_token(ranking_id: str) -> str:
    return ranking_id.replace("-", "")


# Slot tags in the index: a question naming a year, city or ranking only matches entries carrying its tag.
ANY_YEAR = "xyany"


def city_tag(city: str) -> str:
    return "xc" + city_token(city)


def year_tag(year: int) -> str:
    return f"xy{year}"


def ranking_tag(ranking: str) -> str:
    return "xr" + ranking_token(ranking)


@dataclass(frozen=True)
class Analysis:
    """A text reduced to comparable tokens, and the slots it names."""

    tokens: tuple[str, ...]
    years: frozenset[int] = frozenset()
    cities: frozenset[str] = frozenset()
    rankings: frozenset[str] = frozenset()
    surfaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Slot:
    """A name the question is about: a city or a ranking, and the token that stands for it."""

    token: str
    city: str | None = None
    ranking: str | None = None


class Normalizer:
    """Built once from the aliases and rankings of a base; `analyze` is pure and thread-safe."""

    def __init__(self, aliases: Aliases, rankings: Sequence[Ranking] = ()) -> None:
        self._phrases: dict[tuple[str, ...], Slot] = {}
        self._stem_synonyms: dict[str, str] = {}
        # Every one-word synonym as written (folded) and the token it stands for: a misspelling of one may be
        # corrected even where no text writes it ("treshold" for "threshold").
        self.synonym_words: dict[str, str] = {}
        self.city_names: dict[str, str] = {}
        # Names a misspelling may still find: single words by the word's typo budget, phrases by their length.
        self._fuzzy_words: dict[str, Slot] = {}
        self._fuzzy_phrases: dict[str, Slot] = {}
        synonyms: list[tuple[tuple[str, ...], Slot]] = []
        for group in aliases.synonyms:
            canonical = self._canonical(group[0])
            for term in group:
                if len(alone := _WORD.findall(fold(term))) == 1:
                    self.synonym_words[alone[0]] = canonical
                for words in _stemmed_variants(term):
                    if len(words) == 1:
                        self._stem_synonyms[words[0]] = canonical
                    else:
                        self._phrases[words] = Slot(canonical)
                synonyms.append((tuple(_WORD.findall(fold(term))), Slot(canonical)))
        # The words of each ranking's names: "Bitkom" alone names the Smart City Index, but not beside "Länderindex",
        # whose names have it too.
        self._ranking_words: dict[str, set[str]] = {}
        self._state_of = {city: state for state, cities in aliases.states.items() for city in cities if city != state}
        self.states = frozenset(aliases.states)
        self._of_states = frozenset(r.id for r in rankings if r.states)
        for ranking in rankings:
            phrase = Slot(ranking_token(ranking.id), ranking=ranking.id)
            names = [ranking.name, ranking.name_en or "", ranking.id.replace("-", " "), *ranking.aliases]
            for term in names:
                for words in _stemmed_variants(term):
                    self._phrases[words] = phrase
                self._add_fuzzy(tuple(_WORD.findall(fold(term))), phrase)
                self._ranking_words.setdefault(ranking.id, set()).update(_WORD.findall(fold(term)))
            # Its publisher in front is part of its name ("eco Digitaler Länderkompass"), not a word of the question.
            for publisher in ranking.publisher_names():
                first = _WORD.findall(fold(publisher))
                for term in names:
                    if term and _WORD.findall(fold(term))[: len(first)] != first:
                        for words in _stemmed_variants(f"{publisher} {term}"):
                            self._phrases.setdefault(words, phrase)
        self.english_names = _english_only(
            [*aliases.english.values(), *(n for r in rankings for n in (r.name_en or "", *r.categories_en.values()))],
            [*aliases.english, *(n for r in rankings for n in (r.name, *r.categories_en))],
        )
        # Generated city forms must not take over words that already mean something (Siegen → "Sieger").
        taken = STOP_WORDS | {w for group in aliases.synonyms for term in group for w in _WORD.findall(fold(term))}
        for city, others in aliases.cities.items():
            phrase = Slot(city_token(city), city=city)
            english = [aliases.english[city]] if city in aliases.english else []
            for form in sorted(city_forms(city, [*others, *english], taken)):
                for variant in dict.fromkeys([form, strip_umlauts(form)]):
                    words = tuple(_WORD.findall(fold(variant)))
                    if not words or (variant != form and " ".join(words) in NOT_CITY_FORMS):
                        continue
                    self.city_names.setdefault(" ".join(words), city)
                    # Cities match on surface words: their stems collide with common words (Siegen/Sieger).
                    self._phrases[("=", *words)] = phrase
                    self._add_fuzzy(words, phrase)
        # A city named as a German adjective ("Kölner", "Münsteraner") is written in German, whatever the words
        # around it read as ("Münsteraner Performance im Smart City Index").
        self.adjective_forms = frozenset(
            form
            for city in aliases.cities
            for adjective in adjectives(short_name(city))
            for form in (fold(adjective), fold(strip_umlauts(adjective)))
            if form in self.city_names
        )
        # Every word this normaliser reads as something: a question's word outside them and the base's own words
        # may be one typed without its umlauts.
        self.known_words = (
            taken
            | LOW_INFORMATION
            | fillers()
            | {w for words in self._ranking_words.values() for w in words}
            | {w for name in self.city_names for w in name.split()}
        )
        # Names of rankings and cities come first: "smart city index" is both a ranking's name and a synonym.
        for written, slot in synonyms:
            if len(written) > 1:
                self._add_fuzzy(written, slot)
        self._fuzzy_names = list(self._fuzzy_phrases)

    def _add_fuzzy(self, words: tuple[str, ...], phrase: Slot) -> None:
        written = " ".join(words)
        if len(words) == 1 and len(written) >= _MIN_FUZZY_WORD and not written.isdigit():
            self._fuzzy_words.setdefault(written, phrase)
        elif len(words) > 1 and len(written) >= _MIN_FUZZY_PHRASE:
            self._fuzzy_phrases.setdefault(written, phrase)

    def _canonical(self, term: str) -> str:
        return "".join(stem(w) for w in _WORD.findall(fold(term)))

    def _match(self, words: Sequence[str], stems: Sequence[str], i: int) -> tuple[int, Slot] | None:
        for size in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
            surface = ("=", *words[i : i + size])
            if surface in self._phrases:
                return size, self._phrases[surface]
            key = tuple(stems[i : i + size])
            if key in self._phrases:
                return size, self._phrases[key]
        return None

    def _fuzzy_match(self, words: Sequence[str], i: int, longer_than: int = 1) -> tuple[int, Slot] | None:
        """A misspelt name of several words (`smart sity indx`, `Frankfrut am Main`): the window of words
        within one edit (8 to 11 characters) or two (longer) of a known name, with its first letter right."""
        if not self._fuzzy_names:
            return None
        for size in range(min(_MAX_FUZZY_WORDS, len(words) - i), longer_than, -1):
            written = " ".join(words[i : i + size])
            if len(written) < _MIN_FUZZY_PHRASE or any(w.isdigit() for w in words[i : i + size]):
                continue
            budget = 1 if len(written) < 12 else 2
            found = process.extractOne(written, self._fuzzy_names, scorer=OSA.distance, score_cutoff=budget)
            if found is None or found[0][0] != written[0]:
                continue
            # A small word is written as meant: "und Bonn" is no misspelt "Uni Bonn", and "in den" no split "Index"
            # ("in Deutschland in den letzten Jahren"); a stray letter may go: the "s" of "Bochum's smart city".
            named = found[0].split()
            window = words[i : i + size]
            # Nor does a name begin with a stray one: the "s smart city" of "Bochum's Smart City Innovation Unit" is
            # no "Smart City" (that would hide the longer name that begins with the next word).
            if window[0] in STOP_WORDS and window[0] != named[0]:
                continue
            if len(named) == size:
                if any(w != n for w, n in zip(window, named, strict=True) if w in STOP_WORDS):
                    continue
            elif any(w in STOP_WORDS and len(w) > 1 and w not in named for w in window):
                continue
            return size, self._fuzzy_phrases[found[0]]
        return None

    def analyze(self, text: str, *, fuzzy: bool = False) -> Analysis:
        """Tokens and slots of a text; `fuzzy` also finds misspelt names of several words (for questions,
        not for the base's own texts)."""
        words = _WORD.findall(fold(text))
        stems = [stem(w) for w in words]
        # "IT" in capitals is Informationstechnik, not "it"; unless a text of several words is in capitals
        # throughout ("WIE HAT BOCHUM ABGESCHNITTEN"). Other stop words in capitals are emphasis ("IM", "NUR").
        shouted = len(words) > 1 and not any(c.islower() for c in text)
        capitals = set() if shouted else {fold(w) for w in _CAPITALS.findall(text)} & ABBREVIATIONS
        tokens: list[str] = []
        surfaces: list[str] = []
        years: set[int] = set()
        cities: set[str] = set()
        rankings: set[str] = set()
        named: dict[str, set[str]] = {}
        i = 0
        while i < len(words):
            found = self._match(words, stems, i)
            if fuzzy:
                # A misspelt longer name beats an exact shorter one: `Smart City Inovation Unit`.
                found = self._fuzzy_match(words, i, found[0] if found else 1) or found
            if found:
                size, phrase = found
                if not (phrase.ranking and phrase.ranking in rankings):  # "PwC-Studie der Uni Bonn": one slot
                    tokens.append(phrase.token)
                    surfaces.append(" ".join(words[i : i + size]))
                if phrase.city:
                    cities.add(phrase.city)
                if phrase.ranking:
                    rankings.add(phrase.ranking)
                    named.setdefault(phrase.ranking, set()).update(words[i : i + size])
                i += size
                continue
            word, stemmed = words[i], stems[i]
            i += 1
            if word in OFFICES and (word in capitals or _office_follows(words[: i - 1])):
                word = OFFICES[word]
                stemmed = stem(word)
            if word in STOP_WORDS and word not in capitals:
                continue
            if _YEAR.match(word) and int(word) <= _last_year():
                if i >= 2 and words[i - 2] in BOUNDARY:
                    # "vor 2019", "after 2020": the years on one side of it, not that year (the course tells them).
                    continue
                years.add(int(word))
            tokens.append(self._stem_synonyms.get(stemmed, stemmed))
            surfaces.append(word)
        implied = {ranking_token(r) for r in self.implied_rankings(named)}
        if implied:
            kept = [(t, s) for t, s in zip(tokens, surfaces, strict=True) if t not in implied]
            tokens, surfaces = [t for t, _ in kept], [s for _, s in kept]
            rankings = {r for r in rankings if ranking_token(r) not in implied}
        return Analysis(tuple(tokens), frozenset(years), frozenset(cities), frozenset(rankings), tuple(surfaces))

    def implied_rankings(self, named: Mapping[str, set[str]]) -> set[str]:
        """Of the rankings named (each with the words that name it), those named only by words of another one
        named beside them: "Bitkom" beside "Länderindex" is the publisher, not its Smart City Index."""
        return {
            ranking
            for ranking, words in named.items()
            if any(other != ranking and words <= self._ranking_words.get(other, set()) for other in named)
        }

    def locating_states(self, cities: Iterable[str], rankings: Iterable[str]) -> dict[str, set[str]]:
        """Of the places named, the states that other named places lie in, each with those cities ("Ulm in
        Baden-Württemberg", "Bochum (NRW)"); none where a ranking of states is named, which ranks the states
        themselves."""
        if self._of_states & set(rankings):
            return {}
        named = set(cities)
        located: dict[str, set[str]] = {}
        for city in named:
            state = self._state_of.get(city)
            if state in named:
                located.setdefault(state, set()).add(city)
        return located

    def fuzzy_name(self, word: str) -> Slot | None:
        """The city or ranking a misspelt word most likely names (`Dortmnud`, `Haselhorts`), or None; words
        under five letters never match, and the first letter must be right."""
        budget = typo_budget(word)
        if not budget:
            return None
        # A key held too long ("Bonnn", "Kiell", "Bochummm"): a city's name with a letter tripled or more, or its
        # last letter doubled (names under five letters are not matched by edits at all).
        held = (_HELD_KEY.sub(r"\1\1", word), _HELD_KEY.sub(r"\1", word), word[:-1] if word[-1] == word[-2] else word)
        for meant in held:
            if meant != word and (city := self.city_names.get(meant)) is not None:
                return Slot(city_token(city), city=city)
        # A word shorter than any name matched is a city's own name with a letter left out inside it ("Aachn",
        # "Bochm"): not its beginning ("Kasse" is no "Kassel"), nor a generated form ("tries" no "Triers").
        short = len(word) < _MIN_FUZZY_WORD
        best: tuple[int, str] | None = None
        for name in self._fuzzy_words:
            if name[0] != word[0] or abs(len(name) - len(word)) > budget:
                continue
            if short and (len(name) <= len(word) or name.startswith(word) or not self._city_itself(name)):
                continue
            distance = OSA.distance(word, name, score_cutoff=budget)
            if distance <= budget and (best is None or distance < best[0]):
                best = (distance, name)
        if best is None:
            return None
        phrase = self._fuzzy_words[best[1]]
        return Slot(phrase.token, city=phrase.city, ranking=phrase.ranking)

    def _city_itself(self, name: str) -> bool:
        """Whether a written name is a city's own name (folded, umlauts spelt out or not), not another form."""
        city = self._fuzzy_words[name].city
        return city is not None and name in (fold(city), strip_umlauts(fold(city)))

    def fuzzy_city(self, word: str) -> str | None:
        """The city a misspelt word most likely names, or None."""
        found = self.fuzzy_name(word)
        return found.city if found else None


_HELD_KEY = re.compile(r"(.)\1\1+")


def _joined_variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every way of writing a phrase with neighbours joined: `smart city` and `smartcity`."""
    if len(words) <= 1:
        return [words]
    rest = _joined_variants(words[1:])
    return [(words[0], *r) for r in rest] + [(words[0] + r[0], *r[1:]) for r in rest]


def _stemmed_variants(term: str) -> list[tuple[str, ...]]:
    words = tuple(_WORD.findall(fold(term)))
    if not words or len(words) > _MAX_PHRASE:
        return [tuple(stem(w) for w in words)] if words else []
    return [tuple(stem(w) for w in variant) for variant in _joined_variants(words)]


def _english_only(english: Iterable[str], german: Iterable[str]) -> frozenset[str]:
    """The (folded) words of English names that their German names do not have: "munich", "mobility", "germany",
    not "smart" or "index"."""
    words = {w for name in german for w in _WORD.findall(fold(name))}
    return frozenset(w for name in english for w in _WORD.findall(fold(name)) if w not in words and not w.isdigit())


def typo_budget(word: str) -> int:
    """Edits tolerated in a word: none below 5 characters or in numbers, 1 from 5, 2 from 9."""
    if len(word) < 5 or any(c.isdigit() for c in word):
        return 0
    return 1 if len(word) < 9 else 2


def compound_parts(token: str, vocabulary: Container[str], min_part: int = 4) -> list[str]:
    """Known parts of a compound stem: `digitalisierungsranking` → `digitalisier`, `ranking`."""
    if len(token) < 2 * min_part or token.isdigit():
        return []
    for cut in range(min_part, len(token) - min_part + 1):
        tail = token[cut:]
        if tail not in vocabulary:
            tail = stem(tail)  # `datenlieferung`: the tail `lieferung` is indexed as its stem `liefer`
            if len(tail) < min_part or tail not in vocabulary:
                continue
        head = token[:cut]
        if tail == "wert" and head.endswith("ens"):
            # "lebenswert", "sehenswert", "nennenswert": an adjective of what is worth doing, no value ("Wert") and
            # no form of "werten" ("Wertet Bochum sein Ergebnis aus?" is not about the most liveable cities).
            return []
        for candidate in (head, head[:-1] if head.endswith("s") else ""):
            if len(candidate) >= min_part and (candidate in vocabulary or stem(candidate) in vocabulary):
                return [candidate if candidate in vocabulary else stem(candidate), tail]
        # A word ending in an English function word is no compound of it: "Bbbbwher" is not "where" (German ones
        # end compounds: "Teilnahme"); nor, with a head the base does not know, one of a number word: "Bbbbvier"
        # is no "vier", which would ask for the fourth place.
        if tail not in _english_function_stems() and tail not in _number_stems():
            return [tail]
    return []


@lru_cache(maxsize=1)
def _english_function_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in fillers("en"))


@lru_cache(maxsize=1)
def _number_stems() -> frozenset[str]:
    return frozenset(
        stem(w)
        for w in (
            "eins zwei drei vier fuenf sechs sieben acht neun zehn elf zwoelf zwanzig hundert tausend one two three "
            "four five six seven eight nine ten eleven twelve twenty hundred thousand"
        ).split()
    )
