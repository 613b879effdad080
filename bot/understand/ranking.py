"""A small grammar of ranking questions: what a question asks of the ranking tables, if that is all it asks.

It reads normalised tokens (typos and synonyms already resolved). A question is a ranking question when every
word besides its slots (city, year, ranking, category) belongs to the grammar: words that ask for a place, points,
a winner, a top list, a trend, a change or a comparison, and words that only frame such a question ("Wo lag …",
"How did … do", "Wie gut war …"). Any other word makes it a question for the texts instead.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.folding import fold
from bot.kb.rankings import TOP_SIZE
from bot.understand.normalize import BOUNDARY, LOW_INFORMATION, STOP_WORDS, stem, verb_variants


class RankingAsk(StrEnum):
    PLACE = "place"
    POINTS = "points"
    NTH = "nth"  # who was N-th
    LAST = "last"  # who was last
    TOP = "top"
    TREND = "trend"
    CHANGE = "change"  # how many places up or down
    COMPARE = "compare"  # two cities in one year, or one city in two years
    BEST = "best"  # a city's best place over the years
    WORST = "worst"  # a city's worst place over the years
    RANKINGS = "rankings"  # a city's best place in each ranking ("Welche Rankings hat Köln gewonnen?")
    NEIGHBOUR = "neighbour"  # who held the place right behind or ahead of a city ("Wer lag direkt hinter Bochum?")
    TIMES = "times"  # how often a city held a place or made a top list ("Wie oft war Köln in den Top 3?")
    AHEAD = "ahead"  # every city ahead of one ("Welche Städte lagen 2024 vor Bochum?")


_SPELT: set[str] = set()  # the grammar's words as written, which a typo of one is read as


def _stems(words: str) -> frozenset[str]:
    _SPELT.update(words.split())
    return frozenset(stem(w) for w in words.split())


def grammar_words() -> frozenset[str]:
    """The (folded) words the ranking grammar reads, as written."""
    return frozenset(_SPELT)


# Tokens as the normaliser emits them (synonym groups map to their first member's stem).
_PLACE = _stems("platz abschneiden ranking platzierung geschlagen schlagen schlug beat beaten")
# Words that ask how a city did, not for its place alone: "Wie hat Remscheid 2019 abgeschnitten?" is answered by a
# score where no place is known.
_STANDING = _stems("abschneiden ranking geschlagen schlagen schlug beat beaten")
_POINTS = _stems("punkte")
_WINNER = _stems(
    "sieger vorne spitze fuehrt fuehrte anfuehrer gewinnen gewann lead led leader leading win wins topped beste "
    "besten best spitzenplatz spitzenreiter abgeraeumt staerkste staerksten strongest"
)
# The words texts use for a last place: searched for too where a superlative asks it ("am schlechtesten").
LAST_PLACE = _stems("letzter schlusslicht")
_LAST = LAST_PLACE | _stems("unten last")
# "Welche Länder führen …?": the plural of leading asks for the list, not for the first.
# "Treppchen", "podium": the first three, a top list.
_TOP = frozenset({"top", "top10", stem("fuehren"), *_stems("treppchen podest podium")})
_TREND = _stems("entwicklung seit since weg")
# Places gained and places lost: either asks for a change ("Um wie viele Plätze kletterte …?"), and texts word
# each in any of its class's words ("verbessert", "gestiegen", "Aufsteiger").
_RISE = _stems(
    "aufsteiger gestiegen steigen stieg aufgestiegen verbessern verbessert verbesserte climbed climb rose risen rise "
    "improved improve gained gewonnen zugelegt gutgemacht aufgeholt klettern kletterte geklettert "
    # "legte … zu": the separable verb leaves its stem alone, "zu" being a stop word.
    "legte gain gains "
    # "gewann … hinzu", "dazugewonnen": something gained, not won.
    "hinzu hinzugewonnen dazugewonnen "
    "jump jumped jumps sprang gesprungen springen "
    # "Nürnberg 2023 Punkte plus", "München 2022 Punkte Zuwachs": the sign or the noun of a gain.
    "plus zuwachs increase"
)
_FALL = _stems(
    "absteiger gefallen fallen fiel verschlechtert verschlechterte rutschte fell dropped drop worsened lost verloren "
    "verlor eingebuesst zurueckgefallen zurueckfallen zurueckgerutscht buesste buessen einbuessen down crashed "
    "crash slipped slip slid tumbled plunged absturz abgestuerzt stuerzte abstieg abgestiegen minus decrease"
)
_CHANGE = _RISE | _FALL
# "verbessern" ("improve") is a change of a year asked ("Konnte sich Bochum 2021 verbessern?"); with no year it
# asks how to improve ("Wie kann Bochum sich im Ranking verbessern?"), which no table row tells.
_TO_IMPROVE = _stems("verbessern")
# What lies between two cities: with none named, between two places, which no one row gives.
_GAP = _stems("trennten trennt trennen separated separate abstand abstaende gap gaps rueckstand vorsprung margin")
# What a city lacked is a gap where it is one to the first, a winner or another city ("Wie viele Punkte fehlten
# Bochum auf Platz 1?", "short of the top spot"); else "fehlen" says that something is missing ("Welche Städte
# fehlten 2024?"), and the word is a topic ("Fehler" shares its stem).
_LACKED = _stems("fehlen fehlten fehlte fehlt short")
_A_GAP = stem("rueckstand")
_NO_GAP = "fehlen"  # no stem, so outside the grammar: a topic
_COMPARE = _GAP | _stems(
    "besser schlechter vergleich vergleichen verglichen vorne vorn vor hinter oder versus vs gegen gegenueber als "
    "compare compared comparison better worse ahead behind above below than nase weiter oben hoeher higher lower "
    "vorjahr vorjahres previous before davor ueberholt ueberholte ueberholen overtook overtaken overtake weniger "
    "fewer less more"
)
_BEHIND_OR_AHEAD = _stems("hinter behind ahead")
# Better or worse with nothing to compare with but the year before: "Ist Bochum 2022 besser geworden?" ("geworden"
# being a stop word), "Did Essen get worse in 2023?" ask for the change, as "verbessert" does.
_BETTER_OR_WORSE = _stems("besser schlechter better worse")
_THAN = re.compile(r"\b(?:als|than)\b")


# The ranking or its result as the thing something is done with: "Was macht Bochum mit dem Ranking?", "What does
# Bochum do with its Smart City Index results?" ask what the city does, not where it stands. Not "Mit welchem
# Ergebnis …?", nor "Who came up with the ranking?".
_DONE_WITH = re.compile(
    r"(?<!\bup\s)\b(?:mit|with)\s"
    r"(?:(?:dem|den|der|diesem|diesen|seinem|seinen|ihrem|ihren|the|its|their|these|this)\s)?"
    # Up to three words before the result ("its Smart City Index results"), not a place or a question word.
    r"(?:(?!welch|which|what|im\b|in\b|bei\b|auf\b|platz|rang|place)[\w-]+\s){0,3}?"
    r"[\w-]*(?:ranking|ergebnis|result|platzierung)\w*"
)


def names_done_with(folded: str) -> bool:
    """Whether a (folded) question speaks of doing something with a ranking or its result."""
    return bool(_DONE_WITH.search(folded))


def names_comparand(folded: str) -> bool:
    """Whether a (folded) question names what it compares with: "besser als insgesamt", "better than Platz 10"."""
    return bool(_THAN.search(folded))


# How close two were ("Wie knapp lag Bochum 2025 hinter Köln?") is told by their points: places next to each other
# may lie far apart.
_CLOSE = _stems("knapp knappe close closely")
# With one city and one year, words that name the year before ask for a comparison with it: "Bochum 2024 im
# Vergleich zum Vorjahr". "besser" alone does not ("besser als insgesamt", "besser als Platz 10").
_YEAR_BEFORE = _stems("vorjahr vorjahres previous")
# "the year before", "im Jahr davor": the year before, word by word.
_YEAR_AND_BEFORE = (frozenset({stem("before"), stem("year")}), frozenset({stem("davor"), stem("jahr")}))
# Words that only frame a ranking question: "Wo lag Essen 2022?", "How did Kiel do?", "Wie gut war Aachen?".
_FRAME = _stems(
    "kategorie category categories einzelnen individual stadt staedte cities jahr index bitkom wieviel belegt "
    "belegte erreicht erreichte landete gelandet lag "
    "liegt lagen gelegen kam kommt got get finish finished came come comes end ended placed stand bundesland kreis "
    "landkreis land region nummer number wert smartcity deutschland germany german bundesweit deutschlandweit "
    "nationwide digitalste digitalsten overall gesamt "
    "insgesamt gesamtwertung gesamtranking gut gute guten schlecht well badly good bad do doing does did fare "
    "fared perform performed reach reached achieve achieved hold held stehen steht abgeschnitten schneiden "
    "schnitt rangiert rangierte ranked rank plaetze places viele many much um by jahr jahren year years "
    "aktuell aktuelle current latest juengste neuesten newest lief laeuft gelaufen lauf go went going gone up ganz "
    "eigentlich ende end holte holen geholt erzielt erzielte erzielen score scored zwischen between unter among "
    "stark schwach strong weak erfolgreich successful knapp close lauten schaffen aufgestellt out befinden befand "
    "sah aussehen nenne nennen zeig zeige zeigen liste auflisten list show give gib took take takes over uebernommen "
    "uebernahm uebernehmen "
    "until till through hoechste hoechsten hoechster niedrigste niedrigsten niedrigster tiefste tiefsten tiefster "
    "erstmals erstmalig smarteste bekam bekommen bekommt erhielt erhalten kriegt kriegte gekriegt nahm nimmt "
    "eingenommen laut according weggekommen schloss abschliessen abgeschlossen sammelte sammelt sammeln gesammelt "
    "collected collect direkt unmittelbar right just directly immediately after landed placement ausgabe edition "
    # "Hatte Bochum 2022 mehr Punkte gehabt …?", "Did Bochum stay in the top 10?".
    "gehabt stay stayed remain remained bleiben blieb geblieben bleibt most still lot order reihenfolge sachen zahlen "
    "verpasst missed"
)
_ORDINALS = {
    **{stem(w): n for n, w in enumerate("zweiter dritter vierter fuenfter sechster siebter".split(), 2)},
    **{stem(w): n for n, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth".split(), 2)},
    stem("erster"): 1,
    stem("first"): 1,
    stem("zuerst"): 1,
    # "Vize", "runner-up" ("runner" and "up", a frame word): second.
    stem("vize"): 2,
    stem("runner"): 2,
    stem("neunter"): 9,
    stem("zehnter"): 10,
}
_NUMBER = re.compile(r"^(\d{1,3})(?:st|nd|rd|th|te|ter)?$")
# Numbers in words after a first or a top: "die ersten zehn", "the top three" are a top list.
_CARDINALS = _stems(
    "zwei drei vier fuenf sechs sieben acht neun zehn elf zwoelf zwanzig one two three four five six seven eight "
    "nine ten eleven twelve twenty"
)
_WORDS = _PLACE | _POINTS | _WINNER | _LAST | _TOP | _TREND | _CHANGE | _COMPARE | _FRAME | set(_ORDINALS)
GRAMMAR = _WORDS | {stem(w) for w in LOW_INFORMATION} | _LACKED

# The words that ask for a standing in a ranking: a place, points, the first or last, a list, a change. Not the
# ones that only compare ("hinter", "behind"), which with no city compare nothing ("Who is behind the index?").
_STANDING_ASKED = (_PLACE | _POINTS | _WINNER | _LAST | _TOP | _TREND | _CHANGE | set(_ORDINALS)) - (_COMPARE - _WINNER)


def asks_a_standing(tokens: Iterable[str]) -> bool:
    """Whether a question's tokens ask for a standing in a ranking ("Wer war Letzter?", "Wer führt …?")."""
    return any(form in _STANDING_ASKED for t in tokens if (form := grammar_form(t)) is not None)


def asks_a_change(tokens: Iterable[str]) -> bool:
    """Whether a question's tokens name a change of standing ("verloren", "gained", "zugelegt")."""
    return any((grammar_form(t) or t) in _CHANGE for t in tokens)


# Words that make a winner word ask for something else: gaining places, a place, a list, the last.
_NOT_WON = _PLACE | _CHANGE | _TREND | _TOP | _LAST
# "neu in die Top 10": who entered the list, a change no table row states (unlike "die Top 10").
_NEW = _stems("neu new newly newcomer newcomers neueinsteiger")
# "zum ersten Mal in die Top 10", "erstmals": a first time, which no one year's row states (of one city, the first
# year that counts tells it); its "ersten" is no place.
# "When did Dresden first make the top 10?": "first" before a verb of getting there is a first time too.
_FIRST_TIME = re.compile(
    r"\b(?:zum (?:aller)?ersten mal|das (?:aller)?erste mal|first time|erstmal(?:s|ig)|"
    r"first (?=(?:make|made|get|got|reach|reached|enter|entered|win|won|break|broke|crack|cracked)\b))"
)


def first_time(tokens: Sequence[str], folded: str) -> tuple[list[str], bool]:
    """Whether a (folded) question says "for the first time", and its tokens without that phrase's ordinal: the
    "ersten" of "zum ersten Mal" is no place, the "Erster" of "zum ersten Mal Erster" is."""
    found = _FIRST_TIME.search(folded)
    if found is None or found.group(0).startswith("erstmal"):
        return list(tokens), found is not None
    at = next((i for i, t in enumerate(tokens) if _ORDINALS.get(t) == 1), None)
    return [t for i, t in enumerate(tokens) if i != at], True


# A ranking's first edition: "im allerersten Smart City Index", "bei der ersten Ausgabe", "the first index", "die
# Erstausgabe", "bei der Premiere". The ordinal must stand right before the edition or the ranking's name: "die
# ersten zehn im Index" asks for a top list.
_FIRST = re.compile(r"^(?:aller|very)?(?:erste[nmrs]?|first)$")
_EDITION_NOUNS = frozenset("ausgabe auflage edition studie erhebung runde jahrgang".split())
_EDITION = _EDITION_NOUNS | {"index", "ranking"}
_FIRST_EDITION = frozenset("erstausgabe erstauflage premiere debut inaugural".split())


def names_an_edition(words: Iterable[str]) -> bool:
    """Whether a first edition's (folded) words name an edition ("die erste Ausgabe", "the premiere"), not the
    ranking itself ("der erste Index", whose "erste" texts write: "Der erste Smart City Index wurde …")."""
    return any(w in _EDITION_NOUNS or w in _FIRST_EDITION for w in words)


# A ranking made or published for the first time ("Wann hat Bitkom zum ersten Mal Ergebnisse vorgestellt?") is its
# first edition; a city that did something for the first time is not.
_MADE = re.compile(
    r"\b(?:veroeffentlicht\w*|vorgestellt|vorgelegt|erhoben|erschienen|erschien|herausgebracht|herausgegeben|"
    r"published|released|compiled|presented|launched|came out)\b"
)


def first_edition(folded: str, names: Iterable[str], *, of_a_city: bool = False) -> frozenset[str]:
    """The (folded) words with which a question speaks of a ranking's first edition, none if it does not;
    `names` are the (folded) names of the rankings it names as written, `of_a_city` whether it names a city."""
    words = re.findall(r"\w+", folded)
    found = {w for w in words if w in _FIRST_EDITION}
    once = _FIRST_TIME.search(folded)
    if once is not None and not of_a_city and _MADE.search(folded):
        found.update(w for w in once.group(0).split() if w not in ("zum", "das", "time"))
    for i, word in enumerate(words[:-1]):
        if not _FIRST.match(word):
            continue
        if words[i + 1] in _EDITION:
            found.update(words[i : i + 2])
        elif any(" ".join(words[i + 1 :]).startswith(name) for name in names if name):
            found.add(word)
    return frozenset(found)


# What someone said of a ranking ("Was sagt Ulm zum Ranking?", "Was hat Dortmund dazu gesagt?"): no table row
# answers it. Read on the folded text: the normaliser drops "sagt" as a filler ("Sag mir …") and takes "gesagt"
# for a form of it, so the grammar would let them pass; "Sagt mir, …" still asks the tables.
_STATEMENT = re.compile(r"\b(?:sagt|sagte|sagten|gesagt|say|says|said)\b(?!\s(?:mir|uns|me|us)\b)")


def asks_a_statement(folded: str) -> bool:
    """Whether a (folded) question asks what someone said, rather than for figures."""
    return bool(_STATEMENT.search(folded))


# "mal" alone ("Wer war mal Erster?"), not in "sag mal"; a year counted back ("vor einem Jahr", "letztes Jahr").
_OTHER_YEARS = re.compile(
    r"\b(?:jemals|je|immer|(?<!sag )mal|schon einmal|bisher|bislang|bis jetzt|jedes jahr|jedes mal|vor \w+ jahre?n?|"
    r"letztes jahr|vorjahr|ever|always|so far|until now|every year|each year|last year|years? ago|"
    r"(?:im|in der|beim|bei der|in the|the) (?:erste[nrs]?|first) (?:jahr|ausgabe|index|year|edition))\b"
)
# A year that bounds a question's time: the years on one side of it ("vor 2020", "after 2022").
_BOUND = re.compile(rf"\b({'|'.join(sorted(BOUNDARY))}) ((?:19|20)\d\d)\b")
_BEFORE = frozenset({"vor", "before"})


def outside_bounds(folded: str, years: Iterable[int]) -> bool:
    """Whether years (an entry's, none: no) all lie beyond a year a (folded) question bounds its time by: "Wer war
    vor 2020 Sieger?" is not answered by 2022's top list. The bound's own year may tell what came before it ("Gab
    es einen Smart City Index vor 2019?": the first was of 2019)."""
    years = list(years)
    bounds = [(word in _BEFORE, int(year)) for word, year in _BOUND.findall(folded)]
    if not years or not bounds:
        return False
    return all(any((y > bound) if before else (y < bound) for before, bound in bounds) for y in years)


def asks_other_years(folded: str) -> bool:
    """Whether a (folded) question asks about every year or one counted back, not the latest ("Wer hat schon
    mal gewonnen?", "Wer war vor einem Jahr Erster?", "Wer war vor 2020 Erster?")."""
    return bool(_OTHER_YEARS.search(folded) or _BOUND.search(folded))


# One word may stand between: "Welche NRW-Stadt", "Which German city".
# A superlative before the noun asks it too, in a keyword query: "Beste Stadt in NRW 2024".
_WHICH_CITY = re.compile(
    r"\b(?:welche[mnrs]?\s(?:\w+[\s-])?(?:gross)?(?:stadt|staedte)|which\s(?:\w+[\s-])?(?:city|cities|town|towns)|"
    # A word may stand between ("worst NRW city", "beste bayerische Stadt"), but not the index's "smart".
    r"(?:beste|digitalste|smarteste|schlechteste|top)[nrs]?[\s-](?:(?!smart)\w+[\s-])?(?:gross)?(?:stadt|staedte)|"
    r"(?:best|smartest|worst|top)\s(?:(?!smart)\w+[\s-])?(?:city|cities))(?![\w-])"  # not "city-owned"
)
# Several cities asked for ("Welche Städte waren die digitalsten?"): a superlative then asks for the top list.
_CITIES = re.compile(r"\b(?:\w*staedte|cities|towns)\b")


def asks_many_cities(folded: str) -> bool:
    """Whether a (folded) question asks for cities in the plural."""
    return bool(_CITIES.search(folded))


def asks_which_city(folded: str) -> bool:
    """Whether a (folded) question asks which city: a place it names is then where to look, not the answer
    ("Welche Stadt war 2024 die beste in NRW?")."""
    return bool(_WHICH_CITY.search(folded))


# "Welches Bundesland …", "Welches ist das digitalste Bundesland?", "Which state …"; not where a city lies ("Aus
# welchem Bundesland kommt der Sieger?"), nor "Land" alone (a country, too), nor the verb ("which sources state").
_WHICH_STATE = re.compile(
    r"(?<!\baus )(?<!\bin )(?<!\bvon )\bwelche[mnrs]?\s(?:\w+[\s-]){0,3}(?:bundeslaender|bundesland)\b|"
    r"\bwhich\s(?:german\s|federal\s)*states?\b|"
    # A superlative before the noun asks it too, in a keyword query ("bestes Bundesland 2024", "best state").
    r"\b(?:beste|digitalste|smarteste|schlechteste|top)[nrs]?\s(?:\w+[\s-])?(?:bundeslaender|bundesland)\b|"
    r"\b(?:best|smartest|worst|top|most\sdigital)\s(?:german\s|federal\s)*states?\b"
)
_CITY_WORD = re.compile(r"\b(?:\w*stadt|\w*staedte|city|cities|towns?)\b")


_SMART_CITY = re.compile(r"\bsmart[\s-]?cit(?:y|ies)\b")


def speaks_of_cities(folded: str) -> bool:
    """Whether a (folded) question speaks of a city or cities, not only of the index's "Smart City"."""
    return bool(_CITY_WORD.search(_SMART_CITY.sub(" ", folded)))


def asks_which_state(folded: str) -> bool:
    """Whether a (folded) question asks which (federal) state, and not of cities: a question for a ranking of
    states, which a city's place does not answer ("Welches Bundesland war 2024 am besten?" is not München;
    "Welches Bundesland hatte die beste Stadt?" asks of cities)."""
    return bool(_WHICH_STATE.search(folded)) and not _CITY_WORD.search(folded)


# A superlative of places: of one city's ("Was war Bochums beste Platzierung?", "Bochum's worst place") or, with no
# city, of all ("Welche Stadt war am digitalsten?": the first, as the index ranks the digital and smart cities).
# Read on the folded text, as the stems of "beste", "digitalste" and "schlechteste" are those of frame words.
_BEST = re.compile(
    r"\b(?:beste[nrs]?|hoechste[nrs]?|staerkste[nrs]?|best|highest|strongest|am (?:besten|staerksten|meisten)|"
    r"(?:die )?meisten punkte|(?:the )?most points)\b"
)
# The index's own words, a best place only of all cities: "Was macht Hamburg zur smartesten Stadt?" asks why.
_MOST = re.compile(r"\b(?:digitalste[nrs]?|am digitalsten|smarteste[nrs]?|am smartesten|smartest|most digital)\b")
_WORST = re.compile(
    r"\b(?:schlechteste[nrs]?|niedrigste[nrs]?|tiefste[nrs]?|schwaechste[nrs]?|worst|lowest|weakest|"
    r"am schlechtesten)\b"
)


# Where the first of some cities stands or what it did, as "Welche Stadt in Bayern war 2021 vorn?" asks: the best.
_IN_FRONT = re.compile(
    r"\b(?:(?<!nach )vorne?|ganz oben|an der spitze|spitzenreiter\w*|fuehrte|fuehrt|gewinner\w*|sieger\w*|"
    r"on top|topped|led|leading|winner)\b"
)


def names_the_front(folded: str) -> bool:
    """Whether a (folded) question speaks of being in front: ahead of all the cities it asks among. Not of
    moving forward ("nach vorn"), nor of winning something, which may be places ("gewann die meisten Plätze")."""
    return bool(_IN_FRONT.search(folded))


def superlative(folded: str, *, of_all: bool = False) -> RankingAsk | None:
    """`BEST` or `WORST` for a question with one superlative of places, else None (both: the whole course);
    `of_all`: the question names no city, so the index's own words ("am digitalsten") count too."""
    best = bool(_BEST.search(folded) or (of_all and _MOST.search(folded)))
    worst = bool(_WORST.search(folded))
    if best == worst:
        return None
    return RankingAsk.BEST if best else RankingAsk.WORST


# "von 2019 bis 2025", "zwischen 2020 und 2024", "between 2020 and 2024": the years between too ("von 2022 auf
# 2023" sets two years against each other).
_SPAN = re.compile(r"\b(?:bis|zwischen|between|until|till|through)\b|\bfrom (?:19|20)\d\d to\b")


def names_span(folded: str) -> bool:
    """Whether a (folded) question names a span of years rather than two years set against each other."""
    return bool(_SPAN.search(folded))


_SINCE_YEAR = re.compile(r"\b(?:seit|since)\s(?:19|20)\d\d\b")


def names_since(folded: str) -> bool:
    """Whether a (folded) question names a year from which to now ("seit 2019"; not "seit dem Vorjahr")."""
    return bool(_SINCE_YEAR.search(folded))


# "zehn Plätze", "wie viele Plätze", "10 places": places counted, a change, where "Platz zehn" names one.
_COUNTED_PLACES = re.compile(
    r"\b(?:\d+|wie viele|how many|zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf|zwanzig|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s(?:plaetze|raenge|positionen|places|ranks|positions|"
    r"spots)\b"
    # Said as in chat: "wie viel platz hat bochum gemacht".
    r"|\bwie viele?\s(?:platz|plaetze)\b"
)


# Who came right behind or ahead of a city: "Wer lag 2022 direkt hinter Bochum?", "einen Platz vor Köln", "Who
# came right after Munich?". Plain "hinter" or "vor" compares two cities or bounds a time ("vor 2020").
_NEXT_TO = re.compile(
    r"\b(?:direkt|unmittelbar|gleich|knapp|(?:einen|ein|1) platz|right|just|directly|immediately|(?:one|a) place)"
    r"\s(?:(hinter|nach|behind|after|below)|(vor|ahead of|before|above))\b"
)


# Asked of one city, who came behind or ahead of it is who came right there: "Wer war 2022 Zweiter hinter Hamburg?",
# "Who finished behind Munich?". Not "vor" (it bounds a time) nor "nach", "after" (what is asked after).
_BEHIND_OR_AHEAD_OF = re.compile(r"\b(?:(hinter|behind)|(ahead of))\b")


# Who came a number of places behind or ahead of a city: "Welche Stadt lag 2022 fünf Plätze vor Bochum?".
_AWAY = {"zwei": 2, "drei": 3, "vier": 4, "fuenf": 5, "two": 2, "three": 3, "four": 4, "five": 5}
_PLACES_AWAY = re.compile(
    rf"\b(\d|{'|'.join(_AWAY)})\s(?:plaetze|raenge|places|ranks|spots)\s"
    r"(?:(hinter|nach|behind|after|below)|(vor|ahead of|before|above))\b"
)


# Not places counted ("zehn Plätze vor Bochum"): who was that far ahead, which no neighbour nor list of those ahead
# tells.
_NOT_COUNTED = r"(?<!plaetze )(?<!punkte )(?<!places )(?<!points )"
# One city ahead of another, with nothing to say it came right there: "Wer lag 2024 vor Bochum?"; in the plural
# better too: "Welche Städte waren besser als Dortmund?".
_JUST_AHEAD_OF = r"(?:vor|ahead of|before|above|in front of)"
_AHEAD_OF = rf"(?:{_JUST_AHEAD_OF}|besser als|better than)"


def names_all_ahead(folded: str, named: Collection[str]) -> bool:
    """Whether a (folded) question asks for the cities ahead of one of the cities `named` (as written, folded):
    in the plural ("Welche Städte lagen 2024 vor Bochum?"), or in the singular with nothing to say that it came
    right there ("Wer lag 2024 vor Bochum?", not "direkt vor", "zwei Plätze vor"); "vor" right before the city,
    as it bounds a time elsewhere ("vor 2020")."""
    cities = "|".join(re.escape(name) for name in named)
    if not cities:
        return False
    if asks_many_cities(folded):
        return bool(re.search(rf"{_NOT_COUNTED}\b{_AHEAD_OF}\s(?:{cities})\b", folded))
    right_there = _NEXT_TO.search(folded) or _PLACES_AWAY.search(folded)
    return not right_there and bool(re.search(rf"{_NOT_COUNTED}\b{_JUST_AHEAD_OF}\s(?:{cities})\b", folded))


def names_neighbour(folded: str, named: Collection[str] = ()) -> int:
    """+1 for a question of who came right behind a city, -1 of who came right ahead of it, +n or -n of who came
    n places behind or ahead (up to nine), else 0; a question of cities in the plural ("Welche Städte lagen hinter
    Bochum?") asks more than the one right there. "vor" right before one of the cities `named` (as written,
    folded) bounds no time: "Wer lag 2025 noch vor Bochum?"."""
    away = None if asks_many_cities(folded) else _PLACES_AWAY.search(folded)
    if away is not None:
        places = _AWAY.get(away.group(1)) or int(away.group(1))
        return places if away.group(2) else -places
    found = _NEXT_TO.search(folded) or (None if asks_many_cities(folded) else _BEHIND_OR_AHEAD_OF.search(folded))
    if found is None:
        before = "|".join(re.escape(name) for name in named)
        ahead = before and not asks_many_cities(folded) and re.search(rf"{_NOT_COUNTED}\bvor (?:{before})\b", folded)
        return -1 if ahead else 0
    return 1 if found.group(1) else -1


# The size of a top list named: "Top 10", "top ten", "unter den ersten drei", "unter den zehn digitalsten",
# "among the best five"; a podium is the first three.
_SIZES = {"drei": 3, "fuenf": 5, "zehn": 10, "zwanzig": 20, "three": 3, "five": 5, "ten": 10, "twenty": 20}
_TOP_SIZE = re.compile(
    r"\b(?:top|(?:unter|in) den(?: besten| ersten)?|among the(?: best| first| top)?)[\s-]?"
    rf"(\d{{1,2}}|{'|'.join(_SIZES)})\b"
)
_PODIUM = re.compile(r"\b(?:treppchen|podest|podium)\w*")
_PODIUM_SIZE = 3


def top_size(folded: str) -> int | None:
    """The size of the top list a (folded) question names ("in den Top 10", "on the podium"), if any."""
    found = _TOP_SIZE.search(folded)
    if found is not None:
        size = found.group(1)
        return int(size) if size.isdigit() else _SIZES[size]
    return _PODIUM_SIZE if _PODIUM.search(folded) else None


# "zum dritten Mal", "for the third time": which time, not which place ("zum ersten Mal": `first_time`).
_NTH_TIME = re.compile(r"\b(?:zum\s(?!(?:aller)?ersten\s)(\w+)\s(?:mal|male)|for\sthe\s(?!first\s)(\w+)\stime)\b")


# How ordinals end as written: "sechs" shares the stem of "sechster", "Vize" stands for a second place.
_ORDINAL_ENDING = re.compile(r"(?:te[mnrs]?|th|nd|rd)$")


def ordinal(token: str, surface: str) -> int | None:
    """The number an ordinal word stands for ("vierten": 4), past the first, by its token and its (folded) form as
    written; None for any other word."""
    number = _ORDINALS.get(token)
    return number if number is not None and number > 1 and _ORDINAL_ENDING.search(surface) else None


def nth_time(folded: str) -> int | None:
    """The ordinal with which a (folded) question counts times ("zum dritten Mal gewonnen": 3), which names no
    place; None if it has none."""
    found = _NTH_TIME.search(folded)
    return _ORDINALS.get(stem(found.group(1) or found.group(2))) if found else None


_TOKEN = re.compile(r"\w+|[^\w\s]")
_OR_AND = frozenset({"und", "oder", "bzw", "and", "or"})
# Places are the ranking grammar's and `names_place`'s to read, with their numbers as digits too.
_PLACE_WORDS = _stems("platz plaetze platzierung rang raenge position place places spot")


# Kept per text: the ordinal guard reads the same entries' texts for question after question.
@lru_cache(maxsize=4096)
def ordinal_things(text: str) -> frozenset[tuple[int, str]]:
    """What a text counts by ordinal, past the first and other than places, as the number and the stem of
    the noun after it: "in der zweiten Staffel" (2, "staffel"), "der zweiten und dritten Staffel" (2 and 3), "in
    the second round or the third" (2 and 3), "for the third time" (3, "time"). An ordinal before a function word
    counts nothing ("Zweiter im Index", "zum vierten Mal")."""
    found: set[tuple[int, str]] = set()
    waiting: list[int] = []  # ordinals of a list whose noun comes after the last ("zweiten und dritten Staffel")
    last = ""  # the noun counted last, which an ordinal after "or" may leave out ("the second round or the third")
    joined = False  # whether "or"/"and" came after that noun
    for token in [*_TOKEN.findall(fold(text)), "."]:
        if (number := ordinal(stem(token), token)) is not None:
            waiting.append(number)
        elif token in _OR_AND:
            joined = joined or (bool(last) and not waiting)
        elif token in STOP_WORDS:
            waiting = []
        elif token.isalpha():
            noun = stem(token)
            counted = bool(waiting) and noun not in _PLACE_WORDS
            found.update((n, noun) for n in waiting if counted)
            last, joined, waiting = (noun if counted else ""), False, []
        else:
            found.update((n, last) for n in waiting if joined)
            waiting = []
    return frozenset(found)


# "Wie viele Punkte … gewonnen?", "points won": not "Mit wie vielen Punkten gewann …?" nor "With how many points did
# … win?", "… win with", which ask the score.
_COUNTED_POINTS = re.compile(
    r"(?<!\bwith )\b(?:wie ?viele|how many)\s(?:punkte|points)\b(?!.*\bw[io]n\swith\b)|"
    r"\b(?:punkte|points)\s(?:gewonnen|won)\b"
)


def _counts_a_change(words: set[str], counted: bool, *, points: bool, moved: bool, one: bool) -> bool:
    """Whether what a question counts is a change: places counted and won ("zehn Plätze gewonnen") are gained,
    not a win. Of one city in one year (`one`), so are the points won (`points`: "Wie viele Punkte hat Köln 2025
    gewonnen?"), which the year's score beside the one before tells either way, and how many places it counts
    (`moved`: "Aachen 2024 wie viele Plätze runter", "runter" being too common a word to read); a number of places
    may be those to another city ("zehn Plätze vor Bochum")."""
    return (moved and one) or ((counted or (points and one)) and bool(words & _WINNER))


def counts_points(folded: str) -> bool:
    """Whether a (folded) question counts points ("wie viele Punkte", "Punkte gewonnen")."""
    return bool(_COUNTED_POINTS.search(folded))


def counts_places(folded: str, *, asked: bool = False) -> bool:
    """Whether a (folded) question counts places ("um zehn Plätze"), which names no place; `asked`: whether it
    asks how many ("wie viele Plätze")."""
    found = _COUNTED_PLACES.search(folded)
    return found is not None and (not asked or found.group(0).startswith(("wie viel", "how many")))


# A yes/no comparison claims the city it names first ahead ("War Bochum besser als Bonn?") or behind.
# "vor" before a year is a time ("vor 2022"), not a place ahead.
_AHEAD = re.compile(r"\b(?:besser|vor(?!\s(?:19|20)\d\d)|vorn|vorne|hoeher|better|ahead|higher|above)\b")
_BEHIND = re.compile(r"\b(?:schlechter|hinter|worse|behind|lower|below)\b")
_NEGATED = re.compile(r"\b(?:nicht|kein|keine|not|never|nie)\b")


def claims_ahead(folded: str) -> bool | None:
    """Whether a (folded) comparison claims the city it names first ahead of the other (True) or behind it
    (False); None where it says neither, both, or denies it ("War Bochum nicht besser …?")."""
    if _NEGATED.search(folded):
        return None
    ahead, behind = bool(_AHEAD.search(folded)), bool(_BEHIND.search(folded))
    return ahead if ahead != behind else None


_WHICH_RANKING = re.compile(r"\b(?:welche[mnrs]?|which)\s(?:\w+\s)?(?:rankings?|indizes|indices|indexes)\b")


def asks_which_ranking(folded: str) -> bool:
    """Whether a (folded) question asks which rankings ("In welchen Rankings war Hamburg vorne?")."""
    return bool(_WHICH_RANKING.search(folded))


# In the singular: "Welche Kategorien hatte Bochum 2020?" asks for them all.
_WHICH_CATEGORY = re.compile(r"\b(?:welche[mnrs]?|which|what)\s(?:\w+\s)?(?:kategorie|category)\b")


def asks_which_category(folded: str) -> bool:
    """Whether a (folded) question asks which one category ("In welcher Kategorie war Bochum 2024 vorn?")."""
    return bool(_WHICH_CATEGORY.search(folded))


# "In welcher Kategorie …", "Welche Kategorien …": asks about the categories, which no table row answers; only a
# city's standings in every category of a year are read off the tables ("Bochum 2019 Kategorien").
_CATEGORY = _stems("kategorie category categories")


def is_frame_word(token: str) -> bool:
    """Whether the token only frames a ranking question ("came", "lag", "How did … do"): it says nothing of
    what an entry must contain."""
    return (grammar_form(token) or token) in _FRAME


_WEAK = (_FRAME | _COMPARE) - (_PLACE | _POINTS | _WINNER | _LAST | _TOP | _CHANGE)


def is_weak(token: str) -> bool:
    """Whether a grammar word only frames or compares ("weiter", "gut"): no sign by itself that a ranking
    figure is asked."""
    return grammar_form(token) in _WEAK


_COMPARATIVE = _COMPARE - (_PLACE | _POINTS | _WINNER | _LAST | _TOP | _CHANGE)


def is_comparative(token: str) -> bool:
    """Whether a token is one of the little words that compare ("weiter", "besser", "vor"): a typo of one says
    too little to be read as it."""
    return token in _COMPARATIVE


# Words of one sense: a text may word a ranking question's ask in any of them. A gap is told as one city behind or
# ahead of another ("nur 0,5 Punkte hinter Köln").
_KIN = (_RISE, _FALL, _WINNER, LAST_PLACE, _GAP | _stems("hinter behind ahead"))


def kin(token: str, beside: Collection[str] = ()) -> frozenset[str]:
    """The other words of the grammar that ask what a token asks ("kletterte": "gestiegen", "Aufsteiger"), beside
    the question's other tokens: a word of winning beside a place or a change ("zehn Plätze gewonnen") is none."""
    form = grammar_form(token) or token
    if form in _WINNER and _NOT_WON & {grammar_form(t) or t for t in beside}:
        return frozenset()
    return frozenset[str]().union(*(words for words in _KIN if form in words)) - {form}


# English forms of the grammar's words that the German stemmer writes as a German word ("lose" as "los", as in
# "Was ist los?"): read as the form it knows.
ENGLISH_FORMS = {"lose": stem("lost"), "loses": stem("lost"), "losing": stem("lost")}


def grammar_form(token: str) -> str | None:
    """The token as the grammar knows it: itself, or another form of one of its verbs (`führt` for `führen`,
    `geschafft` for `schaffen`; not of the verbs that say little, as "gemacht" may say a lot); None for a word
    outside the grammar."""
    if token in GRAMMAR:
        return token
    return next((form for form in sorted(verb_variants(token)) if form in _WORDS), None) or _grammar_compound(token)


_MIN_COMPOUND_PART = 3  # "end" of "Endplatzierung"
# The nouns a compound's head may name, and the words of the grammar it may have in front: not one that only
# compares ("Vorplatz", "Vorschlag").
_NAMED_HEADS = sorted((_PLACE - _STANDING) | _POINTS)
_ANY_NAMED_HEAD = tuple(_NAMED_HEADS)
_MODIFIERS = _WORDS - _COMPARATIVE


def _grammar_compound(token: str) -> str | None:
    """The place or score a compound of a word of the grammar and one of those names: "Gesamtplatz" is a place.
    Not a compound with another word in front (a "Parkplatz" is no place in a ranking), nor one whose head is
    another word of the grammar ("Kategoriesieger" is not who won overall)."""
    for cut in range(_MIN_COMPOUND_PART, len(token) - _MIN_COMPOUND_PART + 1):
        modifier, head = token[:cut], token[cut:]
        # Asked of every unknown word at every cut: one test of all heads at once rules out nearly all of them.
        if not head.startswith(_ANY_NAMED_HEAD):
            continue
        named = next(w for w in _NAMED_HEADS if head.startswith(w))  # "punktzahl": "punkt"
        if modifier in _MODIFIERS or stem(modifier) in _MODIFIERS:
            return named
    return None


@dataclass(frozen=True)
class RankingIntent:
    ask: RankingAsk
    place: int | None = None
    other: int | None = None  # for the points between two places ("Platz 4 und 10"), the second
    categories: tuple[str, ...] = ()
    points: bool = False  # a comparison or trend asked in points rather than places
    span: bool = False  # a comparison of two years that asks for the years between too ("von 2019 bis 2022")
    # A place asked in so many words ("Platz", "rank"; not "abgeschnitten"), not only a city and a year named.
    explicit: bool = True
    offset: int = 0  # for a neighbour, the place asked relative to the city's own: +1 right behind, -1 ahead
    top: bool = False  # for how often: any of the places down to `place`, not that place alone
    streak: bool = False  # for how often: the longest run of editions in a row ("in Folge", "in a row")
    first: bool = False  # for how often: the first of the years it held the place ("Wann zum ersten Mal …?")
    # Every category of one city in one year ("Bochum 2019 Kategorien"), none named.
    every_category: bool = False


_FEW = re.compile(r"^\d{1,2}$")  # not a year: "first in 2015"
_WON = stem("gewonnen")
_BEST_WORDS = _stems("beste besten best")
# "in Folge", "hintereinander", "nacheinander", "in a row", "consecutive" as the normaliser writes them (one
# synonym group of knowledge/aliases.yaml, written as its first member's stem).
_IN_A_ROW = "infolg"


def _times(
    words: set[str], place: int | None, top: int | None, categories: tuple[str, ...], *, streak: bool, first: bool
) -> RankingIntent | None:
    """How often a city made a top list, held a place or won ("Wie oft hat Hamburg gewonnen?"), in a row
    (`streak`), or when for the `first` time; None where the question counts something else ("Wie oft hat sich
    Bochum verbessert?")."""
    if top == 0 or place == 0:
        return None
    held = _times_held(words, place, top)
    if held is None:
        return None
    # "Top 1" is the first place.
    over_top = top is not None and top > 1
    return RankingIntent(RankingAsk.TIMES, place=held, categories=categories, top=over_top, streak=streak, first=first)


def _times_held(words: set[str], place: int | None, top: int | None) -> int | None:
    """The place (or top list's size) whose times `_times` counts, if any."""
    if top is not None:
        return top
    # "Wie oft hat Hamburg gewonnen?" won; "Wie oft hat Bochum Plätze gewonnen?" gained.
    won = _WON in words and not words & _PLACE
    if words & (_CHANGE - ({_WON} if won else set()) | _TREND | _LAST | _COMPARE - _WINNER):
        return None
    if place is not None:
        return place
    # "unter den Besten", "among the best" name a top list of no size, not the first place.
    return 1 if (won or words & (_WINNER - _BEST_WORDS)) and not words & _PLACE else None


def _first_ones(tokens: Sequence[str]) -> list[str]:
    """The tokens with a first or a top followed by a number ("die ersten zehn", "the first 3", "top three")
    read as a top list; the number as the grammar reads it too ("zehn" as a form of "zehnter")."""
    out: list[str] = []
    for token in tokens:
        first = bool(out) and (_ORDINALS.get(out[-1]) == 1 or out[-1] == "top")
        if first and (token.removesuffix("t") in _CARDINALS or _FEW.match(token)):
            out[-1] = "top"
            continue
        out.append(token)
    return out


_NUMBER_WORDS = _stems("nummer number")
_MOST_PLACES = 500  # more than any ranking has places (Haselhorst: 403 cities)


def _place_numbers(tokens: Sequence[str]) -> list[int]:
    """`Platz 3`, `3. Platz`, `3rd`, `Dritter`: the numbers next to a place word, in the order written."""
    out: list[int] = []
    for i, token in enumerate(tokens):
        if token in _ORDINALS:
            out.append(_ORDINALS[token])
            continue
        match = _NUMBER.match(token)
        if match and not (1900 <= int(match.group(1)) <= 2100):
            near = tokens[max(0, i - 1) : i + 2]
            # The second of two places is a place too: "places 4 to 10", "Platz 4 und 10" ("to", "und" being
            # stop words).
            after_place = bool(out) and i > 0 and tokens[i - 1] == str(out[-1])
            # "die Nummer 1", "number 3": a place; not "Anfrage Nummer 257364".
            numbered = i > 0 and tokens[i - 1] in _NUMBER_WORDS and int(match.group(1)) <= _MOST_PLACES
            if token != match.group(1) or any(t in _PLACE for t in near) or after_place or numbered:
                out.append(int(match.group(1)))
    return out


def topic_words(
    tokens: Iterable[str], slot_tokens: set[str], category_tokens: Mapping[str, Sequence[str]]
) -> list[str]:
    """Words beyond the slots and the grammar of ranking questions: what else the question is about. A number, in
    digits or words, is none: "one place behind Bochum" counts places."""
    return [
        t
        for t in tokens
        if grammar_form(t) is None
        and t not in slot_tokens
        and t not in category_tokens
        and not _NUMBER.match(t)
        and t not in _CARDINALS
    ]


def _contrasted(tokens: Sequence[str], category_tokens: Mapping[str, Sequence[str]]) -> bool:
    """Whether two words name different categories ("Verwaltung oder Mobilität"), not one category and the
    name it had before ("Gesellschaft" names "Gesellschaft" and "Gesellschaft und Bildung")."""
    named = [set(category_tokens[t]) for t in tokens if t in category_tokens]
    return any(not (a & b) for i, a in enumerate(named) for b in named[i + 1 :])


def asks_newcomers(tokens: Iterable[str], *, first_time: bool) -> bool:
    """Whether a question's tokens ask who came new into a top list ("Wer kam 2023 neu in die Top 10?", "Wer war
    2023 erstmals in den Top 10?"): one year's list does not tell it."""
    words = {grammar_form(t) or t for t in tokens}
    return bool(words & _TOP) and (bool(words & _NEW) or first_time)


def _every_category(words: set[str], extreme: RankingAsk | None, *, which_category: bool) -> RankingIntent | None:
    """Every category of one city in one year, for a question that names categories but none of them: "Wie schnitt
    Bochum 2019 in den Kategorien ab?". "In welcher Kategorie …?" asks which one, for the texts; the one a city
    did best in ("In welcher Kategorie war Bochum 2020 am stärksten?") is told by the list, best first."""
    if words & (_CHANGE | _TREND):
        return None
    if extreme is RankingAsk.BEST:
        return RankingIntent(RankingAsk.BEST, explicit=False, every_category=True)
    if extreme is not None or which_category or words & _WINNER:
        return None
    return RankingIntent(RankingAsk.PLACE, explicit=False, every_category=True)


def _several_places(
    places: list[int], words: set[str], categories: tuple[str, ...], *, who: bool, years: int
) -> RankingIntent | None:
    """Several places of one year and no city: "Who was 2nd and 3rd in 2020?" asks for their holders, whom the
    year's top list names; "Wie viele Punkte lagen zwischen Platz 1 und Platz 10?", "How close were first and
    third place?" for the points between two (not the first one's holder's row)."""
    if years != 1:
        return None
    gap = words & (_GAP | _CLOSE | _POINTS)
    if len(places) == 2 and gap:
        return RankingIntent(RankingAsk.COMPARE, place=places[0], other=places[1], categories=categories, points=True)
    return RankingIntent(RankingAsk.TOP, categories=categories) if who and max(places) <= TOP_SIZE and not gap else None


def _without_ordinal(tokens: list[str], nth: int | None) -> list[str]:
    """The tokens without the first ordinal `nth` (which counts times, "zum dritten Mal", and names no place)."""
    at = next((i for i, t in enumerate(tokens) if _ORDINALS.get(t) == nth), None) if nth is not None else None
    return [t for i, t in enumerate(tokens) if i != at]


def _lacked_as_gap(tokens: list[str], cities: int) -> list[str]:
    """The tokens with what a city lacked read as a gap where it lacked it to something (another city, the winner,
    the first place); else with no word of the grammar for it: "fehlen" is then a topic."""
    if _LACKED.isdisjoint(tokens):
        return tokens
    words = {grammar_form(t) or t for t in tokens}
    against = cities >= 2 or bool(words & _WINNER) or 1 in _place_numbers(tokens) or _names_top_spot(tokens)
    return [(_A_GAP if against else _NO_GAP) if t in _LACKED else t for t in tokens]


_TOP_SPOT = ("top", stem("platz"))


def _names_top_spot(tokens: Sequence[str]) -> bool:
    """Whether the tokens name the top place of no top list: "the top spot", "den Top-Platz" (first place)."""
    return any(pair == _TOP_SPOT for pair in itertools.pairwise(tokens))


def _beside_others(
    words: set[str],
    categories: tuple[str, ...],
    *,
    ahead: bool,
    neighbour: int,
    first: bool,
) -> RankingIntent | None:
    """Of one city in one year at most: every city ahead of it (`ahead`, `names_all_ahead`; asked in the
    singular, with the one right ahead, `neighbour`, to tell where the tables do not hold them all), or how far it
    lay behind the first (`first`: it names the first place; "Wie weit lag Bochum 2024 hinter dem Sieger?",
    "Rückstand auf Platz 1")."""
    if ahead:
        return RankingIntent(RankingAsk.AHEAD, categories=categories, offset=min(neighbour, 0))
    if words & (_BEHIND_OR_AHEAD | _GAP) and (words & _WINNER or first):
        return RankingIntent(RankingAsk.COMPARE, place=1, categories=categories, points=bool(words & _POINTS))
    return None


def detect(
    tokens: Sequence[str],
    slot_tokens: set[str],
    category_tokens: Mapping[str, Sequence[str]],
    *,
    cities: int,
    years: int,
    who: bool = False,
    extreme: RankingAsk | None = None,
    span: bool = False,
    which_ranking: bool = False,
    which_category: bool = False,
    first_time: bool = False,
    many: bool = False,
    since: bool = False,
    counted: bool = False,
    counted_points: bool = False,
    how_many_places: bool = False,
    neighbour: int = 0,
    ahead: bool = False,
    than: bool = False,
    done_with: bool = False,
    how_often: bool = False,
    top: int | None = None,
    nth: int | None = None,
    when: bool = False,
) -> RankingIntent | None:
    """The ranking question asked, if the question is nothing but one; `cities` and `years` count its slots,
    `who` says whether it asks who ("Wer …", "Who …"), `extreme` whether it has a superlative (`superlative`),
    `span` whether it names a span of years (`names_span`), `which_ranking` whether it asks which rankings,
    `which_category` whether it asks which category (`asks_which_category`), which no list of them all answers,
    `first_time` whether it says "for the first time" (`first_time`, which also takes its ordinal out of the
    tokens): "zum ersten Mal in den Top 10" asks who entered the list, which no table row states; `many` whether
    it asks for cities in the plural (`asks_many_cities`), which a superlative's first place does not answer;
    `since` whether it names a year to now (`names_since`); `counted` whether it counts places (`counts_places`),
    whose number is no place ("Welche Städte haben zehn Plätze gewonnen?" is not who was tenth); `counted_points`
    whether it counts points won (`counts_points`), `how_many_places` whether it asks how many places
    (`counts_places`); `neighbour`
    whether it asks who came right behind (+1) or ahead (-1) of a city (`names_neighbour`), `ahead` whether it
    asks for every city ahead of one (`names_all_ahead`); `than` whether it
    names what it compares with (`names_comparand`); `done_with` whether it speaks of doing something with the
    ranking or its result (`names_done_with`); `how_often` whether it asks how often (`asks_how_often`), `top`
    the size of a top list it names (`top_size`), `nth` the ordinal with which it counts times (`nth_time`),
    which names no place, and `when` whether it asks when."""
    tokens = _lacked_as_gap(_first_ones(tokens), cities)
    # "Wie oft hintereinander …?", "How many consecutive wins …?": a run of editions, counted as how often is.
    streak = _IN_A_ROW in tokens
    tokens = [t for t in tokens if t != _IN_A_ROW]
    if (how_often or streak) and top is not None:
        # The size of the top list is read: "Wie oft war Leipzig unter den zwanzig besten?" names no topic.
        tokens = [t for t in tokens if t.removesuffix("t") not in _CARDINALS]
    if not tokens or topic_words(tokens, slot_tokens, category_tokens):
        return None
    categories = tuple(dict.fromkeys(c for t in tokens for c in category_tokens.get(t, ())))
    words = {grammar_form(t) or t for t in tokens}
    if not years and words & _TO_IMPROVE:
        return None
    if _CATEGORY & words and not categories:
        one = cities == 1 and years == 1 and not who
        return _every_category(words, extreme, which_category=which_category) if one else None
    tokens = _without_ordinal(tokens, nth)
    places = [] if counted else list(dict.fromkeys(_place_numbers(tokens)))
    if len(places) > 1 and not cities:
        return _several_places(places, words, categories, who=who, years=years)
    place = places[0] if places else None
    points = bool(words & _POINTS)
    asks = words & (_PLACE | _POINTS | _WINNER | _LAST | _TOP | _TREND | _CHANGE | _COMPARE | set(_ORDINALS))
    # "short of the top spot": the top place of no top list ("Top-Platzierung" alone is a city's best place).
    first = place == 1 or (top is None and _names_top_spot(tokens))
    if (
        cities == 1
        and years <= 1
        and (beside := _beside_others(words, categories, ahead=ahead, neighbour=neighbour, first=first)) is not None
    ):
        return beside
    if not asks and extreme is None and not categories and place is None and not (cities and years):
        return None  # "Bochum" alone, or "2021": not yet a question about a ranking
    if not cities and asks and asks <= _BEHIND_OR_AHEAD and place is None:
        return None  # "Who is behind the index?", "Wer steht hinter …?": behind no city, nothing is compared
    if done_with and asks <= _STANDING and place is None:
        return None  # "Was macht Bochum mit dem Ranking?": what the city does, for the texts
    # A run may be asked up to a year: "Wie oft hintereinander hat Hamburg bis 2022 gewonnen?" (not "seit 2023").
    counted_years = not years or (span and years == 2) or (streak and years == 1 and not since)
    # "Wann war Darmstadt zum ersten Mal in den Top 10?": the first of the years that count.
    first = first_time and when and not years
    if (how_often or streak or first) and cities == 1 and counted_years:
        times = _times(words, place, top, categories, streak=streak, first=first)
        if times is not None:
            return times
    if streak:
        return None  # a run of something else, or of several cities: for the texts
    if who and cities and years == 1 and place is None and words & (_WINNER - _COMPARE) and not words & _NOT_WON:
        # "Wer gewann 2022 die Kategorie Verwaltung, war das Nürnberg?", "… Karlsruhe oder München?": who came
        # first, which the tables give only if it is a city named (else what they say of the cities named).
        # Not "Wer hat 2024 Plätze gewonnen, …?" (a change) nor "Wer lag vor Bochum auf Platz 7?".
        return RankingIntent(RankingAsk.NTH, place=1, categories=categories)
    if words & _GAP and not cities:
        return None  # "Wie groß war der Abstand an der Spitze?": for a text
    if neighbour and cities == 1 and years <= 1:
        return RankingIntent(RankingAsk.NEIGHBOUR, categories=categories, offset=neighbour)
    if which_ranking and cities == 1 and not years:
        return RankingIntent(RankingAsk.RANKINGS)
    if extreme is not None and cities == 1 and not years and not points and not words & (_CHANGE | _TOP | _LAST):
        # "Was war Bochums beste Platzierung?": one place over all years, not the whole course.
        return RankingIntent(extreme, categories=categories)
    year_before = bool(words & _YEAR_BEFORE) or any(pair <= words for pair in _YEAR_AND_BEFORE)
    across = cities >= 2 or (cities == 1 and years >= 2) or (cities == 1 and years == 1 and year_before)
    if (across or words & (_CHANGE | _TREND)) and _contrasted(tokens, category_tokens):
        return None  # two categories set against each other: no table row compares them
    if (
        cities == 1
        and years == 1
        and not than
        and asks
        and asks <= _BETTER_OR_WORSE
        and not year_before
        and extreme is None  # "am schlechtesten" is a superlative, not "schlechter" than the year before
    ):
        return RankingIntent(RankingAsk.CHANGE, categories=categories, points=points)
    if across:
        # "Wie hat sich Bochum von 2019 bis 2025 entwickelt?": the years between too, not only those two.
        between = span and cities == 1 and years == 2
        # The gap between two cities ("Abstand", "Rückstand") is told in points, as a lead in places says little.
        close = bool(words & _CLOSE) or (cities >= 2 and bool(words & _GAP))
        return RankingIntent(RankingAsk.COMPARE, categories=categories, points=points or close, span=between)
    if (
        words & _CHANGE
        or _counts_a_change(
            words, counted, points=counted_points, moved=how_many_places, one=cities == 1 and years == 1
        )
    ) and not (since and years == 1):
        # "Hat sich Bonn seit 2019 verschlechtert?": the course from that year, not that year's change.
        return RankingIntent(RankingAsk.CHANGE, categories=categories, points=points)
    if words & _TREND:
        return RankingIntent(RankingAsk.TREND, categories=categories, points=points)
    if words & _LAST and not cities:
        return RankingIntent(RankingAsk.LAST, categories=categories)
    if extreme is RankingAsk.WORST and not cities and not words & _TOP:
        # "Welche Stadt schnitt am schlechtesten ab?": the last, not the worst of the cities a text speaks of.
        return RankingIntent(RankingAsk.LAST, categories=categories)
    if asks_newcomers(words, first_time=first_time):
        return None
    if words & _TOP and (place is None or place > 3) and not cities:
        return RankingIntent(RankingAsk.TOP, categories=categories)
    if extreme is RankingAsk.BEST and many and place is None and not cities:
        return RankingIntent(RankingAsk.TOP, categories=categories)
    if (words & _WINNER or place is not None or extreme is RankingAsk.BEST) and not cities:
        return RankingIntent(RankingAsk.NTH, place=place or 1, categories=categories)
    if points:
        return RankingIntent(RankingAsk.POINTS, categories=categories)
    return RankingIntent(RankingAsk.PLACE, categories=categories, explicit=bool(words & (_PLACE - _STANDING)))
