"""What kind of answer a question asks for, and which kinds an entry can give.

A question's kind comes from its question words (`wann`, `who`, `wie viele`, `warum`, `welchen Platz`, a verb
first for yes/no). An entry gives the kinds its curated questions ask for, plus what its short answer visibly
contains (a date, a figure, a reason, a place or score). Who did something is not read off the text: an entry
naming "Oberbürgermeister Eiskirch" says who received a memo, not who wrote it; it answers only who is in that
role ("Wer ist Oberbürgermeister?") or after that preposition ("Für wen …?"). A question that asks for a kind
the best entry does not give is answered with "the source does not say", never with the entry as if it did.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.folding import fold, spell_out_umlauts
from bot.models import AnswerType, Entry, Lang, RankingView
from bot.understand.content import content_words
from bot.understand.normalize import (
    OFFICES,
    STOP_WORDS,
    Analysis,
    city_token,
    separable_particle,
    typo_budget,
)
from bot.understand.ranking import counts_places

_WORD = re.compile(r"[a-z0-9]+")

# Question phrases, longest first where one contains another; matched on folded words.
_PHRASES: tuple[tuple[tuple[str, ...], AnswerType], ...] = tuple(
    (tuple(phrase.split()), kind)
    for kind, phrases in (
        (
            AnswerType.POINTS,
            "welche punktzahl|what score|which score|what scores|what was the score|what was its score",
        ),
        # A time of day: before "wie viel", which "um wie viel Uhr" contains.
        (
            AnswerType.TIME,
            "um wie viel uhr|um wieviel uhr|zu welcher uhrzeit|welche uhrzeit|what time|at what time|time of day",
        ),
        (
            AnswerType.DAY,
            "an welchem tag|welches datum|welchem datum|in welchem monat|welcher monat|what date|which date|"
            "wann genau|when exactly|exact date|genaues datum|genaue datum|"
            "what day|which day|which month|what month|on what date",
        ),
        (AnswerType.DATE, "in welchem jahr|seit wann|bis wann|ab wann|wann|since when|when|what year|which year"),
        # A keyword query asking for a date: "Shortlist 2022 Datum".
        (AnswerType.DAY, "datum|von welchem tag|welchem tag"),
        (
            AnswerType.PERSON,
            # A person's name, before "wie heisst" asking a title: "Wie heißt die Person, die … gestellt hat?"
            "wie heisst die person|wie hiess die person|wie heisst die frau|wie hiess die frau|wie heisst der mann|"
            "wie hiess der mann|what is the name of the person|what was the name of the person|"
            "von wem|durch wen|wer|wem|wen|who|whom|welche stelle|welches amt|welche aemter|"
            "welche behoerde|"
            "welche abteilung|welche firma|welches unternehmen|welche person|welche personen|which office|"
            "which department|which company|which agency|which person|which unit",
        ),
        (
            AnswerType.NAME,
            "wie heisst|wie hiess|wie heissen|wie hiessen|welchen titel|welcher titel|welchen namen|welcher name|"
            "unter welcher ueberschrift|welche ueberschrift|what is the title|what was the title|"
            "what title|what is the name|what was the name|what name|which title|"
            # A title asked in other words: "Wie lautete die Überschrift …?", "… überschrieben?", "headline".
            "ueberschrift|ueberschrieben|betreff|headline|headlined",
        ),
        (
            AnswerType.COUNT,
            # How often, counted in times: before "wie viele" and "how many", which they contain.
            "wie viele male|wie viele mal|wievielmal|how many times|"
            # "wie vielen" after a preposition: "Aus wie vielen Parametern …?", "In wie vielen Kategorien …?"
            "wie viele|wieviele|wie vielen|wievielen|wie viel|wieviel|how many|how much|wie hoch|wie teuer|"
            # A size is a number too: "Wie groß war der Abstand …?", "How big was the funding pot?"
            "wie gross|how big|how large|"
            "was kostet|was kosteten|"
            # Pay: "Was verdient der CDO?" asks for an amount, not what the CDO is.
            "was verdient|was verdiente|was verdienen|"
            "was hat gekostet|anzahl|number of|wie oft|how often|wie haeufig",
        ),
        (
            AnswerType.REASON,
            "warum|wieso|weshalb|aus welchem grund|why|wozu|what for|"
            # How it came to be: "Wie kam es dazu, dass …?", "Woran lag es …?", "How come …?"
            "wie kam es|wie kommt es|woran lag|woran liegt|how come",
        ),
        (
            AnswerType.PLACE,
            "welchen platz|welcher platz|welchem platz|welchen rang|welche platzierung|what place|which place|"
            "what rank|what position|which position",
        ),
        # "How", in so many words: it asks for no particular kind, and its noun is not what it is about.
        (
            AnswerType.OPEN,
            "auf welche weise|auf welchem weg|in welcher weise|in welcher form|in what way|by what means",
        ),
    )
    for phrase in phrases.split("|")
)

# A yes/no question starts with its verb: "Hat Bochum …?", "Did Bochum …?" (not "was": in German it asks "what").
_VERB_FIRST = frozenset(
    """
    hat hatte hatten haben hast ist war waren sind bist gibt gab gibts gabs wird wurde wurden werden kann
    konnte koennen muss musste darf durfte soll sollte sollten will wollte stimmt liegt lag steht stand kam
    kommt bekam bekommt nutzt nutzte plant plante arbeitet veroeffentlicht
    do does did is are were has have had can could will would should
    """.split()
)
_LEAD_IN = frozenset("und also aber sag mal weisst du wissen sie kannst koennen mir bitte and so".split())


# "Stimmt es, dass …", "Is it true that …": a claim to check; what follows is the question. (The entry's own "Ja."
# or "Nein." answers its question, not the claim: "… dass Bochum nie Berater hatte?")
_CLAIM = re.compile(
    r"^\W*(?:(?:sag mal|sagt mal|und|also|hey)\W+)?"
    r"(?:(?:stimmt(?: es| das)?|(?:ist|war) (?:es|das) (?:wahr|richtig|korrekt)|trifft es zu)"
    r"(?:\s+(?:eigentlich|wirklich))?\s*,?\s*(?:dass|daß)\s+"
    r"|is it (?:really |actually )?(?:true|correct|right|the case)\s*,?\s*(?:that\s+)?(?=\w))",
    re.IGNORECASE,
)


# "… und was soll er bewirken?", "… and how often?": a second question joined to the first.
_JOINED = re.compile(
    r",?\s+(?:und|and)\s+(?=(?:was|wie|wer|wann|wo|warum|wozu|welche[mnrs]?|what|how|who|when|where|why|which)\b)",
    re.IGNORECASE,
)
_OWN_QUESTION = 3


def questions_in(text: str) -> list[str]:
    """The questions a text asks, each on its own: "Was ist der Index und was soll er bewirken?" asks what the
    index is, and what it is meant to do; "Wann und wo wurde er vorgestellt?" one thing (its first part is no
    question of its own, which takes a verb and what it asks of: three words at least)."""
    parts = [p.strip() for p in _JOINED.split(text) if p.strip()]
    if len(parts) < 2 or len(parts[0].split()) < _OWN_QUESTION:
        return [text]
    return [p if p.endswith("?") else p + "?" for p in parts]


def claim(text: str) -> str | None:
    """The claim a question asks to check ("Stimmt es, dass Bochum 2021 Erster war?" → "Bochum 2021 Erster
    war?"), or None if it asks none."""
    found = _CLAIM.match(text)
    return text[found.end() :] if found and found.end() < len(text) else None


# A tag that asks for yes or no at the end ("…, oder nicht?", "… oder nich", "… or not?", "ja oder nein?", "…,
# oder?") adds nothing to what is asked: its negation denies nothing of the question's. A bare "oder" is no tag
# after "der" or "entweder" ("Frankfurt an der Oder", "entweder oder").
_TAG = re.compile(
    r"(?:[\s?!.]*(?:[,;:-]\s*)?\b(?:(?:oder|or)\s+(?:etwa\s+)?(?:nicht|nich|net|not|no|nein)|(?:ja|yes)\s+(?:oder|or)\s+"
    r"(?:nein|no))\b|[\s?!.,;:-]*(?<!\bder )(?<!\bentweder )(?<!\bentweder-)\b(?:oder|or)\b)+[\s?!.,]*$",
    re.IGNORECASE,
)
# Thanks or greetings after the question ("…? Danke für die Hilfe", "…? Grüße", "…, thanks!") ask nothing.
_SIGN_OFF = re.compile(
    r"(?<=[?!.,])\s*(?:(?:vielen\s+)?dank\w*|danke(?:\s*sch(?:ö|oe)n|\s+sehr)?|"
    r"(?:viele\s+|liebe\s+|beste\s+)?gr(?:ü|ue)(?:ß|ss)e?|lg|vg|mfg|thanks?(?:\s+you)?(?:\s+(?:a\s+lot|so\s+much))?|thx|"
    r"cheers|(?:best\s+|kind\s+)?regards)(?:\s+f(?:ü|ue)r\s+\w+\s+\w+|\s+for\s+\w+\s+\w+)?[\s!.:)]*$",
    re.IGNORECASE,
)
# A tag asking the reader to confirm, after the question ("…?? stimmt das", "…, right?"), and chat laughter at the
# end ("… lol"): a bare "richtig" or "right" is a tag only after a break, not in "War das richtig?".
_CONFIRM = re.compile(
    r"(?<=[?!.,;:-])\s*(?:stimmt\s+das|stimmt['’]?s|ist\s+das\s+(?:so|richtig|wahr)|oder\s+wie|richtig|gell|ne|"
    r"right|correct|true|is\s+(?:that|this|it)\s+(?:so|right|true|correct))[\s?!.]*$"
    r"|\s(?:lol|haha+|hihi|xd|lmao|rofl)[\s?!.]*$",
    re.IGNORECASE,
)
_CLOSING_ENDS = " \t\n,;:-"
# Closings are short: the patterns read only the end of a text, as a long run of punctuation takes them long.
_CLOSING_TAIL = 100


def _closing_cut(text: str) -> str:
    start = max(len(text) - _CLOSING_TAIL, 0)
    return (text[:start] + _TAG.sub("", _CONFIRM.sub("", _SIGN_OFF.sub("", text[start:])))).rstrip(_CLOSING_ENDS)


def without_closing(text: str) -> str:
    """The question without what closes it but asks nothing: a tag asking for yes or no ("Did Bochum improve in
    2021 or not?" → "Did Bochum improve in 2021?") or to confirm ("…?? stimmt das"), thanks or greetings ("…? Danke
    für die Hilfe")."""
    stripped = text
    while (cut := _closing_cut(stripped)) != stripped.rstrip(_CLOSING_ENDS):
        stripped = cut
    if stripped == text or not stripped.strip(_CLOSING_ENDS + "?!."):
        return text
    return stripped if stripped[-1] in "?!." else f"{stripped}?"


# Question words that open a question asking for something else than yes or no ("Wie hat …", "Worum ging es …",
# "In welcher …", "What did …"). "was" asks only in German: in English it is a verb ("Was there a memo?").
_INTERROGATIVE = re.compile(
    r"wie|wo|wo[hr]?(?:an|auf|aus|bei|durch|fuer|gegen|her|hin|mit|nach|ueber|um|unter|von|vor|zu)|welche[mnrs]?|"
    r"what|how|which|where|whose"
)
_PREPOSITIONS = frozenset("in an auf aus bei fuer mit nach seit von vor zu zum zur um on at for from to by".split())


def yes_or_no(text: str, written_in: Callable[[], Lang]) -> bool:
    """Whether "yes" or "no" can answer the question: not if it asks for a kind of answer ("Wann …?") or
    opens with a question word ("Wie hat …?"); a question word further on ("Gab es einen Vermerk, wie …?")
    leaves it a yes/no question. `written_in` tells the language the question is written in; it is asked only
    for a question opening with "was", as telling costs more than the rest."""
    kind = asked(text)[0]
    if kind is not AnswerType.OPEN:
        return kind is AnswerType.YESNO
    words = [w for w in _WORD.findall(fold(text)) if w not in _LEAD_IN]
    opening = words[:2] if words and words[0] in _PREPOSITIONS else words[:1]
    return not any(_INTERROGATIVE.fullmatch(w) or (w == "was" and written_in() == "de") for w in opening)


_HOW_OFTEN = frozenset(
    frozenset(phrase.split())
    for phrase in (
        "wie oft",
        "how often",
        "wie haeufig",
        "wie viele male",
        "wie viele mal",
        "wievielmal",
        "how many times",
    )
)


def asks_how_often(text: str) -> bool:
    """Whether a question asks how often ("Wie oft war Bochum in den Top 10?"): a count of times, not a
    difference of places or points."""
    return asked(text)[1] in _HOW_OFTEN


def asked_type(text: str) -> AnswerType:
    """The kind of answer a question asks for; `OPEN` when it asks for no particular kind."""
    return asked(text)[0]


def _by_first_word() -> dict[str, list[tuple[tuple[str, ...], AnswerType]]]:
    """The phrases by their first word, each list in the order of `_PHRASES` (which breaks ties)."""
    out: dict[str, list[tuple[tuple[str, ...], AnswerType]]] = {}
    for phrase, kind in _PHRASES:
        out.setdefault(phrase[0], []).append((phrase, kind))
    return out


_BY_FIRST = _by_first_word()


def figure_words() -> frozenset[str]:
    """The words that ask for a ranking's figure: "Punktzahl", "Platzierung", "Punkte", "places"."""
    asking = {AnswerType.POINTS, AnswerType.PLACE}
    return frozenset(w for phrase, kind in _PHRASES if kind in asking for w in phrase) | frozenset(_COUNTED_KINDS)


# What a how-many phrase counts when it asks for a ranking's figure.
_COUNTED_KINDS = {
    **dict.fromkeys("punkte punkten punkt points point zaehler".split(), AnswerType.POINTS),
    **dict.fromkeys("plaetze plaetzen places spots raenge raengen ranks".split(), AnswerType.PLACE),
}


# Words that make points or places the ranking's own ("index points", "Gesamtpunkte"), apart or in one compound;
# other nouns before them count other things ("data points", "Datenpunkte", "Schwerpunkte").
_OF_THE_RANKING = ("index", "ranking", "gesamt", "total", "overall")


def _counted(rest: Sequence[str]) -> tuple[AnswerType, tuple[str, ...]] | None:
    """The ranking's figure a how-many phrase counts, from the words after it, with the words that name it: "mit
    wie viel Punkten", "how many places", "how many index points", "wie viele Indexpunkte"; None for anything else
    counted, and for a difference ("wie viel mehr Punkte")."""
    first = rest[0] if rest else ""
    if first in _COUNTED_KINDS:
        return _COUNTED_KINDS[first], (first,)
    if first in _OF_THE_RANKING and len(rest) > 1 and rest[1] in _COUNTED_KINDS:
        return _COUNTED_KINDS[rest[1]], (first, rest[1])
    head = next((first[len(q) :] for q in _OF_THE_RANKING if first.startswith(q)), "")
    return (_COUNTED_KINDS[head], (first,)) if head in _COUNTED_KINDS else None


# How someone got to a standing asks what got them there, not the standing: "How did Bochum end up 7th?", "How did
# Bochum make it into the top 10?", "Wie hat Bochum es auf Platz 4 geschafft?", "Wie kam Bochum in die Top 10?".
_GOT_THERE = re.compile(
    r"^(?:\w+ )?(how did|how has|how have) (?:\w+ ){1,4}?(?:end(?:ed)? up|get|got|make it|made it|manage[ds]?|"
    r"climb(?:ed)?)\b|"
    r"^(?:\w+ )?(wie hat|wie haben|wie konnte|wie schaffte) (?:\w+ ){1,8}?(?:geschafft|schaffen)\b|"
    r"^(?:\w+ )?(wie kam) (?:\w+ ){1,3}?(?:in die|auf platz|auf den|auf rang)\b"
)


# English question words after which "when" is a conjunction ("which", "who", "why" ask on their own).
_OPENING_ELSE = frozenset("what how where whose".split())
# "who" or "which" right after an article and a noun opens a relative clause ("Did Bochum give the memo to the
# person who asked?"), not a question of its own.
_RELATIVE = frozenset({"who", "which"})
_ARTICLE_EN = frozenset("the a an any those this that every".split())


# "wer" closing a sentence after a word of it ("nutzt das überhaupt wer?", "weiß das wer") is "jemand": someone,
# not a question who. Not after "und" or "oder", which join a question of its own ("… und wer?").
_SOMEONE = re.compile(r"\b(?!und\b|oder\b|aber\b)[a-z0-9]+\s+wer\s*(?:[?!.]|$)")


@lru_cache(maxsize=8192)
def asked(text: str) -> tuple[AnswerType, frozenset[str]]:
    """The kind of answer asked for, and the (folded) words that ask for it ("an welchem Tag", "wie oft"):
    they say what kind of answer is wanted, not what it is about. Cached: every search asks it of the curated
    questions of its best entries too."""
    folded = fold(text)
    words = _WORD.findall(folded)
    someone = "wer" in words and _SOMEONE.search(folded) is not None
    got_there = _GOT_THERE.match(" ".join(words))
    if got_there:
        return AnswerType.REASON, frozenset(next(g for g in got_there.groups() if g).split())
    # The first question word decides: "In welchem Jahr war Bochum auf Platz 7?" asks for a date.
    for i, word in enumerate(words):
        if word == "when" and i > 0 and words[0] in _OPENING_ELSE:
            # "What was Bochum working on when the index came out?": "when" opens a clause, not the question.
            continue
        if word in _RELATIVE and i >= 2 and words[0] in _VERB_FIRST and words[i - 2] in _ARTICLE_EN:
            continue
        if word == "wer" and i > 0 and someone:
            continue
        for phrase, kind in _BY_FIRST.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                counted = _counted(words[i + len(phrase) :]) if kind is AnswerType.COUNT else None
                if counted is not None:
                    return counted[0], frozenset((*phrase, *counted[1]))
                return _asked_again(words[i + len(phrase) :], kind, frozenset(phrase))
    first = next((w for w in words if w not in _LEAD_IN), "")
    if first in _VERB_FIRST:
        return AnswerType.YESNO, frozenset()
    # "Was hat die Beratung gekostet?", "What did the app cost?", "Kosten Datenlieferung": no question word asks
    # how much, but the costs are what is asked (not after another question word: "Wofür …?", "Welche …?").
    if (first in ("was", "what") or not _INTERROGATIVE.fullmatch(first)) and any(map(_COSTS_ASKED.fullmatch, words)):
        return AnswerType.COUNT, frozenset()
    return AnswerType.OPEN, frozenset()


_DATES = frozenset({AnswerType.DATE, AnswerType.DAY})


def _asked_again(rest: list[str], kind: AnswerType, asking: frozenset[str]) -> tuple[AnswerType, frozenset[str]]:
    """A date asked a second time, after the first question word ("Von wann war die Anfrage, welches Datum?"):
    its words ask too, and a day asked is the more precise."""
    if kind not in _DATES:
        return kind, asking
    for i, word in enumerate(rest):
        for phrase, other in _BY_FIRST.get(word, ()):
            if other in _DATES and tuple(rest[i : i + len(phrase)]) == phrase:
                return (AnswerType.DAY if AnswerType.DAY in (kind, other) else kind), asking | frozenset(phrase)
    return kind, asking


_MONTHS = (
    "januar|februar|maerz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "january|february|march|may|june|july|october|december"
)
# A day or a month ("20.09.2022", "15. Oktober", "September 2022"), and a year.
_DAY = re.compile(rf"\b(?:\d{{1,2}}\.\s?\d{{1,2}}\.(?:\d{{2,4}})?|\d{{1,2}}\.?\s(?:{_MONTHS})|(?:{_MONTHS}))\b")
_DATE = re.compile(r"\b(?:19|20)\d\d\b")
# A time of day: "um 20:00", "20 Uhr", "8 pm" (not "12.09", a day).
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:[.:]\d{2})?\s?uhr\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|o'clock")
_MONTH = re.compile(_MONTHS)
# A day or month with its year ("20.09.2022", "6. Oktober 2021", "6 October 2021", "October 6, 2021").
_DATED = re.compile(
    rf"\b(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?|(?:\d{{1,2}}\.?\s)?(?:{_MONTHS})\s(?:\d{{1,2}},?\s)?)((?:19|20)\d\d)\b"
)
_SEVERAL = "zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zwoelf|zwanzig|hundert"
# "fünf Themenbereiche", "two categories"; after "ein" only a plural ("einem von zehn"), as "eine Liste" counts none.
_COUNT = re.compile(
    rf"\b(?:\d+(?:[.,]\d+)?\s?(?:%|prozent|euro|eur|mio|millionen|milliarden|million|billion|[a-z]+)|"
    rf"(?:ein|eine|einem|one)\s[a-z]+en\b|(?:{_SEVERAL})mal\b|"
    rf"(?:{_SEVERAL}|two|three|four|five|six|seven|eight|nine|ten)\s(?!(?:oder|und|bis|or|and|to)\b)[a-z]+)"
)
# What occasioned something is its reason too: "2020, nachdem Bochum 14 Plätze aufgestiegen war, wurde ein Vermerk
# verfasst" tells why the memo was written ("after Bochum had climbed …").
_REASON = re.compile(
    r"\b(?:weil|da die|da der|da das|da sie|um\s.+\szu|deshalb|daher|darum|grund|because|so that|in order to|reason|"
    r"nachdem|after(?:\s\w+){1,3}\shad)\b"
)
_POSITION = (
    r"\b(?:platz|rang|place|rank)\s\d+|\b\d+\.\s?(?:platz|rang)|\b\d+(?:st|nd|rd|th)\b|"
    r"\b(?:erste|zweite|dritte|vierte|fuenfte|sechste|siebte|achte|neunte|zehnte|letzte)[nrs]?\s(?:platz|rang)\b|"
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s(?:place|rank)\b|"
    r"\bschlusslicht|\bspitzenreiter"
)
# A place held, or places gained or lost: "um 27 bzw. 21 Plätze", "climbed 27 places".
_PLACE = re.compile(rf"{_POSITION}|\b\d+\s(?:plaetze|plaetzen|places|spots)\b")
_POSITION_HELD = re.compile(_POSITION)
# A title in quotation marks ("Bochum laut Bitkom smarteste City im Ruhrgebiet"): a name the entry gives.
_TITLE = re.compile(r"(?<!\w)[„“\"'‚‘»«]\w[^„“\"‚‘»«]*\s[^„“\"‚‘»«]*\w[“”\"'‘’«»](?!\w)")
_POINTS = re.compile(r"\d\s?(?:punkte|punkten|points|indexpunkte)\b|\bpunktzahl|\bindexwert|\bscore")
# A decimal in brackets, in a text that gives scores, is one: "Hamburg 73,5 von 100 Punkten vor Berlin (71,5) und
# Bayern (66,9)", "2020 (79,2)". Places and changes are written otherwise there ("(Platz 6)", "(+3)").
_BRACKETED_SCORE = re.compile(r"\(\d{1,3}[,.]\d\)")


# A short answer that says the thing is not known: it is a "the source does not say" reply in itself.
_ABSENT = re.compile(
    r"liegt\b.*\bnicht vor|liegen\b.*\bnicht vor|nicht bekannt|nicht genannt|nennt (?:keine|keinen|kein)\b|"
    r"nennen (?:keine|keinen|kein)\b|nenn(?:t|en) die (?:\w+ )?quellen? nicht|keine quelle|not available|"
    r"not known|no source|does not say|do not say"
)
# Asking for particulars ("Welche Fachämter genau …?") that an answer may only sum up ("verschiedene Fachämter").
_PARTICULARS = re.compile(r"\b(?:genau|konkret|namentlich|im einzelnen|exactly|specifically|in detail|by name)\b")
_VAGUE = re.compile(r"\b(?:verschiedene|verschiedenen|mehrere|mehreren|einige|einigen|bestimmte|various|several)\b")


_OTHERS = re.compile(r"\b(?:uebrige[nrs]?|restliche[nrs]?|other|remaining)\b")
# Two words sharing their first letters are one thing said twice ("Punkte", "Punktzahl").
_SHARED_PREFIX = 5
# The words an absence is said with, which a question may use too ("Welche Quelle nennt …?").
_SOURCES = re.compile(r"\b(?:quelle\w*|source\w*|nennt|nennen|genannt|bekannt|known|vorliegend\w*)\b")


def states_absence(entry: Entry, asked: Iterable[str]) -> bool:
    """Whether the entry's answer is that the sources do not say what the question asks: its first clause says
    nothing is known (a request whose answer is missing), or a later one says so of a word the question asks
    about, `asked` being the question's words besides its names and years ("einen Indexwert (Punktzahl) … nennt
    keine der Quellen" is no answer to the points, but the place before it answers the place)."""
    clauses = [c for s in SENTENCE_END.split(fold(entry.answer)) for c in s.split(";")]
    if _ABSENT.search(clauses[0]):
        return True
    stems = {w[:_SHARED_PREFIX] for w in content_words(fold(a) for a in asked) if not w.isdigit()}
    # Not where it lacks only the others of what it gave: "Die Sieger der übrigen Kategorien 2023 nennen die
    # Quellen nicht" after Trier's category answers which city won a category.
    return any(
        _ABSENT.search(c)
        and not _OTHERS.search(c)
        and stems & {w[:_SHARED_PREFIX] for w in _WORD.findall(_SOURCES.sub(" ", c))}
        for c in clauses[1:]
    )


def asks_particulars(text: str) -> bool:
    return bool(_PARTICULARS.search(fold(text)))


def sums_up(text: str) -> bool:
    """Whether the text only sums up ("verschiedene Fachämter")."""
    return bool(_VAGUE.search(fold(text)))


def is_vague(entry: Entry) -> bool:
    """Whether the entry only sums up ("verschiedene Fachämter") where particulars may be asked."""
    return sums_up(" ".join(p.text for p in entry.passages) or entry.answer)


_SHORT_WORD = 3  # "der", "die", "the": not a thing asked for
# The noun after "welche", past an adjective written before a capitalised word: "Welche städtischen Ämter …?",
# "Welche Bochumer Fachämter …?" (a capitalised one only as a city's adjective in -er, not "Welche Projekte Bochum").
_WHICH_THING = re.compile(
    r"\b(?:[Ww]elche[nrs]?|WELCHE[NRS]?|[Ww]hich|WHICH)\s(?:(?!(?:der|die|das|den|dem|des|the)\s)(?:[^\W\d_A-ZÄÖÜ]\w*|[A-ZÄÖÜ]\w*er)\s(?=[A-ZÄÖÜ]))?(\w+)"
)
# What an answer leaves unnamed: "verschiedene Fachämter", "various departments" (its word after, or the noun after
# its adjective), and what it joins to them ("verschiedene Fachämter und in Teilen städtische
# Beteiligungsunternehmen"), not followed by a list of them in the same sentence ("verschiedene Städte: Bochum, …").
_JOINING = "(?:und|sowie|oder|and|or)"
_SUMMED_THING = re.compile(
    rf"\b(?:verschiedene[nr]?|various)((?:\s(?!{_JOINING}\b)\w+){{1,2}}(?:\s{_JOINING}(?:\s\w+){{1,4}})?)"
    r"(?![^.;]*(?::|,[^.;]*,))"
)


def asks_which_of_summed(question: str, entry: Entry) -> bool:
    """Whether a which-question asks for the members of what the entry only sums up: "Welche Fachämter liefern
    die Daten?" against "verschiedene Fachämter" (its particulars, as "genau" asks them)."""
    asked = things_asked(question)
    # Both languages: "Which decision-makers …?" asks what the English answer sums up as "various decision-makers".
    summed = [w for words in _SUMMED_THING.findall(all_said(entry)) for w in words.split() if len(w) > _SHORT_WORD]
    return any(_same_thing(s, a) for a in asked for s in summed)


def things_asked(question: str) -> list[str]:
    """The (folded) things a which-question asks for: "Welche Projekte …?" → "projekte"."""
    # Not "Welche der …": an article is no thing asked for.
    return [fold(w) for w in _WHICH_THING.findall(question) if len(w) > _SHORT_WORD]


def _same_thing(said: str, asked: str) -> bool:
    """Whether a word of an answer names the thing a question's word asks for: the same word in another form,
    or the head of a compound ("Ämter" of "Fachämter")."""
    return said[:_SHARED_PREFIX] == asked[:_SHARED_PREFIX] or said.endswith(asked)


_NUMBER_WORD = rf"(?:\d+|{_SEVERAL}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# "Welche fünf Bereiche …?", "Which 28 indicators …?": the members of a counted thing.
_WHICH_COUNTED = re.compile(rf"\b(?:welche[nrs]?|which|what)\s{_NUMBER_WORD}\s(\w+)(?:\s(\w+))?(?:\s(\w+))?")
# A whole number in a text, not a part of "2,7".
_COUNTING = re.compile(rf"(?<![\d.,])\b{_NUMBER_WORD}\b(?![.,]\d)")
# What may follow a count that names its members: a colon, a dash or a bracket, or a list in the same sentence.
_LIST_OPENS = re.compile(r"^(?:\s\w+){0,2}\s*(?:[:–—]|-\s|\((?!\d))")
_LIST_SEPARATORS = re.compile(rf",\s|;\s|\s{_JOINING}\s")


def _lists_after(rest: str, count: int) -> bool:
    """Whether the text after a count names its members: it opens a list, or its sentence goes on with one."""
    sentence = SENTENCE_END.split(rest, maxsplit=1)[0]
    return bool(_LIST_OPENS.match(rest)) or len(_LIST_SEPARATORS.findall(sentence)) >= count - 1


def counts_without_naming(question: str, entry: Entry) -> bool:
    """Whether a question asking which of a counted thing ("Welche 28 Indikatoren …?") meets an entry that counts
    it without naming its members ("haufe.de nennt 38 Indikatoren, de.digital 28 Indikatoren"), where "fünf
    Themenbereiche: Verwaltung, …" names them."""
    asked = _WHICH_COUNTED.search(fold(question))
    if asked is None:
        return False
    # The thing is one of the next words: "Which five municipal online services …?"
    things = [w for w in asked.groups() if w and w.isalpha() and len(w) > _SHORT_WORD]
    said = all_said(entry)
    counted = []
    for number in _COUNTING.finditer(said):
        # The thing counted comes within a few words ("fünf untersuchten kommunalen Onlineleistungen").
        for word in itertools.islice(_WORD.finditer(said, number.end()), _COUNTED_WITHIN):
            if any(_same_thing(word.group(0), t) for t in things):
                counted.append(_lists_after(said[word.end() :], _count(number.group(0))))
                break
    return bool(counted) and not any(counted)


_NUMBER_VALUES = {
    **{w: n for n, w in enumerate("zwei drei vier fuenf sechs sieben acht neun zehn elf zwoelf".split(), 2)},
    **{w: n for n, w in enumerate("two three four five six seven eight nine ten eleven twelve".split(), 2)},
}


def _count(number: str) -> int:
    return int(number) if number.isdigit() else _NUMBER_VALUES.get(number, 2)


def _is_year(match: re.Match[str]) -> bool:
    token = match.group(0).split()[0]
    return token.isdigit() and len(token) == 4 and token[:2] in {"19", "20"}


def _short_answers(entry: Entry) -> str:
    """The entry's short answers in both languages, folded (quotation marks stay as written)."""
    return fold(" ".join(t for t in (entry.answer, entry.answer_en) if t))


def states_places(entry: Entry, first: int, second: int) -> bool:
    """Whether the entry's short answer names two places together ("Platz 4 und 10", "places 4 to 10", "1st and
    3rd"), as a text on the points between them does."""
    a, b = sorted((first, second))
    ordinal = r"(?:st|nd|rd|th)"
    together = re.compile(
        rf"\b(?:platz|plaetze|rang|raenge|places?|ranks?)\s{a}\s(?:und|bis|and|to|-|–)\s(?:platz\s|place\s)?{b}\b"
        rf"|\b{a}{ordinal}\s(?:and|to)\s{b}{ordinal}\b"
    )
    return bool(together.search(_short_answers(entry)))


def all_said(entry: Entry) -> str:
    """The entry's short answers in both languages and its passages, folded: all it says."""
    return fold(" ".join(t for t in (entry.answer, entry.answer_en, *(p.text for p in entry.passages)) if t))


def _answers_as_written(entry: Entry) -> list[str]:
    """The entry's short answers in both languages, capitals kept, umlauts spelt out as folding writes them."""
    return [spell_out_umlauts(t) for t in (entry.answer, entry.answer_en) if t]


_LAST_PLACE = re.compile(r"\b(?:letzte[nmrs]?|schlusslicht\w*|last|bottom|ganz hinten)\b")
# "for the first time" is no first place: "examining AI use for the first time" names no winner.
_FIRST_PLACE = re.compile(
    r"\b(?:sieger\w*|gewann|gewinnt|gewonnen|spitze\w*|vorn|vorne|fuehrt\w*|fuehren|first(?!\stime)|won|wins|"
    r"top spot|lead|leading|led|leads|erste[nr]? (?:platz|rang)|(?:platz|rang) eins)\b"
)


_WINNER = re.compile(r"\b(?:gewann|gewinnt|gewonnen|gewinner\w*|sieger\w*|siegte|won|wins?|winners?)\b")


def asks_winner(text: str) -> bool:
    """Whether a question speaks of winning ("Welches Bundesland gewann …?"): asking who or which, it is not
    answered by a text that names no first place, whoever else it names. Places won are gained, not a win."""
    folded = fold(text)
    return bool(_WINNER.search(folded)) and not counts_places(folded)


# A first place asked in other words than winning: "Wer schnitt am besten ab?", "Who came out on top?", "Who topped
# the study?", "Wer lag vorn?".
_FIRST_ASKED = re.compile(
    rf"{_WINNER.pattern}|\b(?:am besten|best|topped|tops|on top|vorn|vorne|an der spitze|first place|"
    r"(?:platz|place|rang) (?:1|eins|one)|erste[nr]? platz|nummer eins|number one)\b"
)


def asks_first_place(text: str) -> bool:
    """Whether a question asks who came first, in any words ("Who came out best …?"); not places gained."""
    folded = fold(text)
    return bool(_FIRST_ASKED.search(folded)) and not counts_places(folded)


# "Wer war vor Denes Kücük CDO?", "Who was CDO before Kücük?": someone before or after a person the question
# names, whom a text naming that person does not name unless it says who came before or after.
_BEFORE_OR_AFTER = r"\b(?:vor|nach|before|after)\s(?:herrn?\s|frau\s|mr\.?\s|ms\.?\s)?"
_AROUND = re.compile(rf"{_BEFORE_OR_AFTER}([A-ZÄÖÜ][^\W\d_]+)")
# Typed in lower case ("before eiskirch"), a word is a person's only where the text writes it as the end of a
# full name ("Thomas Eiskirch"): "vor der", "nach beginn" name nobody.
_AROUND_LOWER = re.compile(rf"{_BEFORE_OR_AFTER}([a-zäöüß]+)")
# Endings of nouns of things, which no text names as a person ("nach Veröffentlichung", "vor Auswertung").
_ABSTRACT_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "taet", "ismus", "nis", "tum")
_SUCCESSION = re.compile(r"\b(?:vorgaenger\w*|nachfolger\w*|predecessors?|successors?|folgte|succeeded)\b")


def around_someone_named(entry: Entry, text: str, places: Iterable[str]) -> bool:
    """Whether a question asks for someone before or after a person that the entry names ("vor Kücük"), but not
    after a place (`places`, the question's cities: "vor Bochum" is a ranking's order), and the entry does not
    say who came before or after."""
    answers = " ".join(_answers_as_written(entry))
    named = {fold(p) for p in places}
    # Read off the text's full names only where a lower-case word follows "vor", "after" … at all.
    lower = {fold(m.group(1)) for m in _AROUND_LOWER.finditer(text)} - named
    return (
        any(
            fold(m.group(1)) not in named
            and not fold(m.group(1)).endswith(_ABSTRACT_ENDINGS)
            and re.search(rf"\b{re.escape(spell_out_umlauts(m.group(1)))}\b", answers)
            for m in _AROUND.finditer(text)
        )
        or (bool(lower) and not lower.isdisjoint(fold(name.split()[-1]) for name in re.findall(_NAME, answers)))
    ) and not _SUCCESSION.search(fold(answers))


def names_place(entry: Entry, last: bool, place: int) -> bool:
    """Whether the entry's short answer names the place asked: a last place, or the place's number ("Platz 3",
    "3.", "3rd"), the first also in words ("gewann", "an der Spitze")."""
    text = _short_answers(entry)
    if last:
        return bool(_LAST_PLACE.search(text))
    if re.search(rf"\b(?:platz|rang|place) {place}\b|(?<![\d,.]){place}\.\s|\b{place}(?:st|nd|rd|th)\b", text):
        return True
    return place == 1 and bool(_FIRST_PLACE.search(text))


# Who a text names is read off it only where it names someone in the role asked: "Für wen …?" by the same
# preposition before a name ("für Oberbürgermeister Thomas Eiskirch"), "Wer ist Oberbürgermeister …?" by that title
# before a name. Who did something ("Wer hat den Vermerk geschrieben?") is not read off a text that names someone.
_WHO_BY = re.compile(r"\b(fuer|an|mit|von|vor) (?:wen|wem)\b|\b(for|to|with) whom\b|^\W*who\b.*\b(for|to|with)\W*$")
_WHO_IS = re.compile(
    r"^\W*(?:wer|who)(?:\s(?:ist|war|is|was)|['’]s),?\s(?:eigentlich\s|denn\s)?|^\W*wie\s(?:heisst|hiess)\s"
    r"|^\W*what\sis\sthe\sname\sof\s"
)
# The role is the last word before the place or source it is of ("Oberbürgermeister von Bochum", "der Bochumer
# OB laut der Antwort").
_ROLE_END = re.compile(r"\s(?:von|vom|in|im|der|des|bei|laut|of|at|for|according)\s.*$|\W*$")
# A source cited before the role ("Wer war laut der Antwort Oberbürgermeister?") is not the role.
_CITED = re.compile(r"^\W*(?:laut|gemaess|according\sto)\s(?:(?:der|dem|des|den|the|its|their)\s)?[\w-]+,?\s")
_ARTICLES = frozenset("der die das den the a an current derzeit derzeitige aktuelle".split())
# A name: two or three words written with a capital ("Thomas Eiskirch", "Mayor Thomas Eiskirch").
_NAME = r"(?:[A-ZÄÖÜ][\w-]*\s){1,2}[A-ZÄÖÜ][\w-]+"
_TITLED = re.compile(rf"([\w-]+)(?=\s{_NAME})")
# An office before a name ("Oberbürgermeister Thomas Eiskirch", "Mayor …", "Stadtdirektor …"): someone, where
# capitals alone are no sign of a person ("Smart Country Convention").
_OFFICE_NAME = re.compile(
    r"(?i:\b\w*(?:meister|direktor|dezernent|leiter|leiterin|chef|chefin|praesident|praesidentin|mayor|officer|"
    rf"director|head))\s{_NAME}"
)
# "Wem …?" with no preposition before it: to whom something was done.
_TO_WHOM = re.compile(r"^\W*wem\b")
# "Wer hat … vorgestellt?": who did something, told by a sentence whose subject is someone in office.
_WHO_DID = re.compile(r"^\W*wer\s(?:hat|haben|hatte|hatten)\s")
# "… vorgestellt bekommen": the one who did receives what the participle before says (a recipient passive).
_RECEIVE = frozenset({"bekommen", "gekriegt", "erhalten"})
_MIN_ROOT = 4  # "stell" of "vorgestellt"; not "geh" of "gegeht"
_MIN_PARTICIPLE = 6  # "vorgestellt", "mitgeteilt", "übergeben"; not "App"


# Who leads something ("Wer leitet die Stabsstelle?", "Who heads the unit?"): a text on the thing led that says
# nothing of its lead does not tell, however well it matches.
_LEADS = re.compile(
    r"\b(?:leitet|leiten|leitete|geleitet|leiter|leiterin|leitung|chef|chefin|head|heads|headed|runs|in charge)\b"
)
_LEADER = re.compile(r"leit|chef|head|officer|\bcdo\b|in charge|\bled\b|zustaendig|verantwortlich")


def lacks_the_lead(entry: Entry, text: str) -> bool:
    """Whether a question asks who leads something and the entry's short answer says nothing of leading:
    "Wer leitet die Stabsstelle Digitalisierung?" is not answered by what the unit does."""
    return bool(_LEADS.search(fold(text))) and not _LEADER.search(_short_answers(entry))


def _has_verb(words: list[str], participle: str) -> bool:
    """Whether (folded) words hold a weak verb's participle in any form, its particle apart ("stellten … vor"
    for "vorgestellt") or not."""
    if len(participle) < _MIN_PARTICIPLE or not participle.endswith("t"):
        return False
    particle = separable_particle(participle)
    root = participle[len(particle) :].removeprefix("ge").removesuffix("t").removesuffix("e")
    if len(root) < _MIN_ROOT:
        return False
    if any(w.startswith(particle + root) or w == participle for w in words):
        return True
    return any(w.startswith(root) for w in words) and (not particle or particle in words)


def names_person(entry: Entry, text: str) -> bool:
    """Whether the entry's short answer names the person a who-question asks for in the role it asks: after the
    same preposition ("Für wen wurde der Vermerk geschrieben?"), behind the title asked ("Wer ist
    Oberbürgermeister von Bochum?"), for "Wem …?" behind an office in a sentence with the question's verb, and for
    "Wer hat … getan?" as the subject, in office, of a sentence with that verb."""
    folded = fold(text)
    answers = _answers_as_written(entry)
    by = _WHO_BY.search(folded)
    if by:
        preposition = next(g for g in by.groups() if g)
        return any(re.search(rf"(?i:\b{preposition})\s{_NAME}", a) for a in answers)
    closing = [w for w in _WORD.findall(folded) if w not in STOP_WORDS]  # not "worden"
    received = _WHO_DID.match(folded) and len(closing) > 1 and closing[-1] in _RECEIVE
    if _TO_WHOM.match(folded) or received:
        # "Wem wurde das Ranking vorgestellt?", "Wer hat das Ranking vorgestellt bekommen?": a sentence naming
        # someone with the question's closing verb, the one before "bekommen".
        verb = closing[-2] if received else closing[-1] if closing else ""
        if len(verb) < _MIN_PARTICIPLE or not verb.endswith(("t", "en")):
            return False
        # Named once with the office, someone is named by the surname alone after it: "für Oberbürgermeister Thomas
        # Eiskirch wurde ein Vermerk verfasst … Der Vermerk wurde Eiskirch in einem Termin vorgestellt."
        surnames = {m.group(0).split()[-1] for a in answers for m in _OFFICE_NAME.finditer(a)}
        return any(
            (_OFFICE_NAME.search(sentence) or not surnames.isdisjoint(sentence.split()))
            and verb in _WORD.findall(fold(sentence))
            for a in answers
            for sentence in SENTENCE_END.split(a)
        )
    if _WHO_DID.match(folded):
        # "Wer hat das Portal vorgestellt?": "Oberbürgermeister Thomas Eiskirch … stellten das Portal … vor."
        verb = next((w for w in reversed(_WORD.findall(folded)) if w not in STOP_WORDS), "")
        return any(
            _OFFICE_NAME.match(sentence.strip()) and _has_verb(_WORD.findall(fold(sentence)), verb)
            for a in answers
            for sentence in SENTENCE_END.split(a)
        )
    opening = _WHO_IS.match(folded)
    if not opening:
        return False
    asked = _CITED.sub("", folded[opening.end() :])
    words = [w for w in _WORD.findall(_ROLE_END.sub("", asked)) if w not in _ARTICLES and len(w) > 1]
    if not words or len(words) > 2:
        return False
    role = OFFICES.get(words[-1], words[-1])
    # The title before a name, as written or misspelt ("Oberbürgermeiser").
    titles = (fold(m.group(1)) for a in answers for m in _TITLED.finditer(a))
    return any(OSA.distance(role, title, score_cutoff=typo_budget(role)) <= typo_budget(role) for title in titles)


# A ranking's figures, which count nothing a how-many question may name in other words: "Platz 18", "14 Plätze",
# "71,2 Punkte".
_STANDING_FIGURES = re.compile(rf"{_PLACE.pattern}|\d+(?:[.,]\d+)?\s?(?:punkte|punkten|points|indexpunkte)\b")


def counts_something(entry: Entry) -> bool:
    """Whether the entry's short answer gives a number that may count something: not a year, a day, a place or a
    score."""
    return _gives_a_number(_STANDING_FIGURES.sub(" ", _DAY.sub(" ", _short_answers(entry))))


def _gives_a_number(text: str) -> bool:
    """Whether the text holds a number that is no year (days taken out before)."""
    return any(not _is_year(m) for m in _COUNT.finditer(text))


def given_types(entry: Entry) -> frozenset[AnswerType]:
    """The kinds of answer an entry gives: those its questions ask for and those its short answer shows."""
    kinds = {AnswerType.OPEN, AnswerType.YESNO}
    kinds.update(asked_type(q) for q in entry.questions)
    text = _short_answers(entry)
    if _DAY.search(text):
        kinds.update({AnswerType.DAY, AnswerType.DATE})
    if _DATE.search(text):
        kinds.add(AnswerType.DATE)
    if _CLOCK.search(text):
        kinds.add(AnswerType.TIME)
    if _gives_a_number(_DAY.sub(" ", text)):
        kinds.add(AnswerType.COUNT)
    if _REASON.search(text):
        kinds.add(AnswerType.REASON)
    # A top list or a city's course over the years is made of places, written as "1. Hamburg".
    ranked = entry.ranking_ref is not None and entry.ranking_ref.view in {RankingView.TOP, RankingView.TREND}
    if ranked or _PLACE.search(text):
        kinds.add(AnswerType.PLACE)
    if AnswerType.PERSON in kinds or _TITLE.search(text):
        kinds.add(AnswerType.NAME)
    if _POINTS.search(text):
        kinds.update({AnswerType.POINTS, AnswerType.COUNT})
    return frozenset(kinds)


# Words that refer back: a sentence with one goes on about the thing of the one before ("…; vorgestellt wurde
# sie am 12. September 2022"); not "es", mostly a dummy ("gab es").
_REFERRING = frozenset("sie er ihn ihm ihr dies diese dieser dieses it its they them this these".split())


def continued_sentences(text: str) -> list[str]:
    """The sentences of an answer as written, each joined to the one before where it refers back to it."""
    out: list[str] = []
    for sentence in SENTENCE_END.split(text):
        if out and not _REFERRING.isdisjoint(_WORD.findall(fold(sentence))):
            out[-1] += " " + sentence
        else:
            out.append(sentence)
    return out


# What a sentence's day dates comes before "ahead of", "vor der" …: what follows, to the end of its clause, is a
# point of reference, not the thing dated ("presented on 11 September 2025 ahead of the Smart Country Convention").
_REFERENCE = re.compile(
    r"\s(?=(?:ahead of|prior to|before|after|vor|nach|im vorfeld)\s(?:the|der|dem|den|des)\s)", re.I
)
_CLAUSE_END = re.compile(r"[,;:]\s")
_NOUN = re.compile(r"\b[A-ZÄÖÜ][\w-]*")  # in German, a noun or a name


def dated_and_referred(sentence: str, lang: Lang) -> tuple[str, str]:
    """A sentence as what its day dates and the point of reference after the day ("" if there is none), to the end
    of its clause; in German its nouns only, as the verb at the end belongs to the day ("am 12. Oktober 2023 im
    Vorfeld der Smart Country Convention veröffentlicht")."""
    head, *reference = _REFERENCE.split(sentence, maxsplit=1)
    if not reference or not gives_a_day(head):
        return sentence, ""
    clause = _CLAUSE_END.split(reference[0], maxsplit=1)[0]
    return head, clause if lang == "en" else " ".join(_NOUN.findall(clause))


def gives_a_day(sentence: str) -> bool:
    """Whether a sentence, as written, names a day or a month ("am 6. Oktober 2021", "vom 20.09.2022")."""
    return bool(_DAY.search(fold(sentence)))


_SINCE_YEAR = re.compile(r"\b(?:seit|since|ab|from)\s(?:\w+\s){0,2}?((?:19|20)\d\d)\b")


def gives_time_for(entry: Entry, kind: AnswerType, years: frozenset[int], *, since: bool = False) -> bool:
    """Whether the entry can tell when, for a question that names `years`: a day asked needs a day of those
    years (the press release of 2020 has a day, that does not date the one of 2022) or one without its year;
    a date asked ("Ab wann stand 2022 fest …?") needs more than the years the question already names and the
    year something goes on from, unless `since` when is asked; a number
    asked, one of those years or of none; anything else, a sentence of those years or of none."""
    if not years:
        return True
    if kind is AnswerType.COUNT:
        return not _counts_of_other_years(entry, years)
    if kind not in (AnswerType.DAY, AnswerType.DATE):
        return not _all_of_other_years(entry, years)
    text = _short_answers(entry)
    if kind is AnswerType.DATE:
        # "seit 2019 einmal jährlich" does not date what was done in 2021 (that it goes on is no time of its own),
        # unless since when is asked.
        ongoing = set() if since else {int(y) for y in _SINCE_YEAR.findall(text) if int(y) < min(years)}
        return bool(_DAY.search(text)) or any(int(y) not in years | ongoing for y in _DATE.findall(text))
    dated = {int(m.group(1)) for m in _DATED.finditer(text)}
    undated = len(_DAY.findall(text)) > len(_DATED.findall(text))
    return not dated or undated or bool(dated & years)


# A year a time reaches from or to, or one compared with: "seit 2019 81 Städte" counts the cities of 2024 too,
# "2,7 …, mehr als doppelt so viele wie 2021" are of the entry's year.
_SPAN_YEAR = re.compile(
    r"\b(?:seit|since|ab|from|bis|until|nach|after|wie|als|than|gegenueber|compared with)\s(?:\w+\s){0,3}?"
    r"(?:19|20)\d\d\b"
)


def figure_years(sentence: str) -> set[int]:
    """The years a sentence's figures are of: those it names, but not one a time reaches from or to or one it
    compares with."""
    return {int(y) for y in _DATE.findall(_SPAN_YEAR.sub(" ", fold(sentence)))}


def _counts_of_other_years(entry: Entry, years: frozenset[int]) -> bool:
    """Whether every sentence of the entry's short answers that gives a number gives it for other years than
    `years`: "2022 arbeiteten dort 16 Mitarbeiter" tells nothing of 2021."""
    other = False
    for sentence in _short_sentences(entry):
        if not any(not _is_year(m) for m in _COUNTING.finditer(sentence)):
            continue
        named = figure_years(sentence)
        if not named or named & years:
            return False
        other = True
    return other


def _all_of_other_years(entry: Entry, years: frozenset[int]) -> bool:
    """Whether every sentence of the entry's short answers is of other years than `years`: "Bochums beste
    Gesamtplatzierung ist Platz 4 im Jahr 2024, die höchste seit Beginn des Index 2019" tells nothing of 2019.
    A sentence that names no year goes on with the years of the one before it ("2023 lagen die Stadtstaaten an
    der Spitze … Von fünf Onlineleistungen waren im Schnitt 2,7 verfügbar, doppelt so viele wie 2021"); the first
    may speak of any."""
    sentences = [s for s in _short_sentences(entry) if s]
    before: set[int] = set()
    for sentence in sentences:
        named = figure_years(sentence) or before
        if not named or named & years:
            return False
        before = named
    return bool(sentences)


def _short_sentences(entry: Entry) -> list[str]:
    """The folded sentences of the entry's short answers in both languages."""
    return [s for text in (entry.answer, entry.answer_en or "") for s in SENTENCE_END.split(fold(text))]


# "Seit wann …?" asks when something began; a year the answer names in passing does not say it ("Seit wann ist
# Eiskirch Oberbürgermeister?": the memo of 2020 for him).
_SINCE = frozenset({("seit", "wann"), ("ab", "wann"), ("since", "when")})
_START = re.compile(
    r"\b(?:(?:seit|since|ab|from)\s(?:\w+\s){0,2}?(?:19|20)\d\d|erstmal[si]g?|zum ersten mal|first time|"
    r"(?:der|die|das|the)\s(?:erste[nrs]?|first)\s(?:\w+\s){0,3}?(?:index|ausgabe|version|edition|studie|ranking)|"
    r"beginn\w*|begann|began|begun|start\w*|gestartet|launch\w*|eingefuehrt|introduced|gegruendet|founded)\b"
)
# A list of this many years tells the first of them ("2021, 2022, 2024 und 2025"); the years of full dates do not
# count, as they date documents ("laut Antwort vom 20.09.2022 …, ein Bericht vom 4. September 2023 …").
_LISTED_YEARS = 3
# "Bis wann …?" asks when something ended or had to be done; a date the answer names of something else does not
# say it ("Bis wann musste Bochum antworten?": the day it was asked and the day it answered, not its deadline).
# A deadline asked ("Frist", "fristgerecht", "Antwortfrist", "deadline") asks until when too.
_UNTIL = re.compile(
    r"\b(?:bis|until|till|by)\s(?:wann|when)\b|\bfrist\w*|\w+frist\b|\bdeadline\w*|"
    # "Bis zu welchem Datum …?", "By what date …?": a deadline asked in other words.
    r"\bbis\s(?:zu\s)?(?:welchem|welchen)\s(?:datum|tag|termin|zeitpunkt)\b|\bby\s(?:what|which)\s(?:date|day)\b"
)
_END = re.compile(
    rf"\b(?:(?:bis|until|till|by)\s(?:zum\s|zur\s|ende\s|end\sof\s|voraussichtlich\s|the\s)*"
    rf"(?:\d{{1,2}}\.?\s|(?:19|20)\d\d|{_MONTHS})|frist\w*|\w*frist\b|deadline\w*|endet\w*|ended|ends|"
    r"lief\s(?:\w+\s){0,4}?ab|expired?)\b"
)


# "Wie viel hat … gekostet?", "How much did … cost?": an amount of money, which no count of other things gives
# ("five guiding themes, over 100 projects" for the cost of the concept).
_COST = re.compile(
    r"\b(?:\w*kost\w*|cost\w*|teuer\w*|preis\w*|price\w*|bezahl\w*|gezahlt|paid|ausgegeben|spen[dt]\w*|\w*geld\w*|"
    r"money|\w*budget\w*|kohle|knete|cash|verdien\w*|gehalt|gehaelter|salar\w*|earns?|earning\w*|verguetung|"
    # Paying and funding: "Wie viel zahlt der Bund …?", "How much funding …?" (not "zahlen", also numbers).
    r"zahlt|zahlte|zahlten|pays?|paying|fund(?:s|ed|ing)|zuschuss\w*|zuschuesse\w*|foerder(?:ung|geld|mittel|summe)\w*|"
    r"grants?|subsid\w*)\b|"
    # Spending as German splits it, its particle last: "Wie viel gibt Bochum für IT aus?"
    r"\b(?:gibt|geben|gab|gaben)\b.*\saus\W*$"
)
# Words naming an amount of money as the thing a question asks for (not "Geld", which is also what money is spent
# on: "Was wird mit den Fördergeldern gemacht?").
_COSTS_ASKED = re.compile(
    r"\w*kosten|gekostet|kostete[n]?|kostet|\w*budget\w*|preisgeld\w*|\w*honorare?|gehalt|gehaelter|cost|costs|salary"
)
_MONEY = re.compile(r"(?:\d[\d.,]*\s?(?:€|euro\b|eur\b|mio\b|millionen|milliarden|million|billion|tausend)|€\s?\d)")


def asks_money(text: str, counted: Iterable[str]) -> bool:
    """Whether a question of an amount (how much, or costs with no question word: "Was hat … gekostet?") asks for
    money: it speaks of costs and counts no thing (the `counted` tokens of "Wie viele Projekte wurden bezahlt?")
    but money."""
    if asked(text)[0] is not AnswerType.COUNT or not _COST.search(fold(text)):
        return False
    return all(_COST.search(c) for c in counted)


def gives_money(entry: Entry) -> bool:
    """Whether the entry's short answer names an amount of money ("15,2 Millionen Euro", "120.000 Euro")."""
    return bool(_MONEY.search(_short_answers(entry)))


# How often something happens: a number of times ("viermal", "four times", "50.000 Mal") or a rhythm ("jährlich",
# "alle zwei Jahre", "every year"); a number alone ("Platz 6", "81 Städte") is not how often.
_TIMES_WORD = rf"(?:ein|{_SEVERAL}|\d[\d.]*)\s?mal"
_FREQUENCY = re.compile(
    rf"\b(?:{_TIMES_WORD}|(?:once|twice|{_NUMBER_WORD}\s(?:more\s)?times)|jaehrlich\w*|halbjaehrlich\w*|"
    r"(?:jedes|jeden|pro)\s(?:jahr|monat)|alle\s\w+\s(?:jahre|monate)|annual\w*|yearly|every\s(?:\w+\s)?(?:year|month)s?|"
    r"hintereinander|nacheinander|in\sfolge|in\sa\srow|consecutive\w*|regelmaessig\w*|regular\w*)\b"
)


def gives_frequency(entry: Entry) -> bool:
    """Whether the entry's short answer tells how often: a number of times or a rhythm."""
    return bool(_FREQUENCY.search(_short_answers(entry)))


# Who changed the most: "am stärksten", "die meisten Plätze", "den größten Sprung", "the biggest jump", "improved
# the most". An answer names such an extreme in the same words ("die größten Verbesserungen", "der größte Sprung",
# "Aufsteiger des Jahres", "the biggest one-year jump"); a list of risers does not say which rose most.
_SUPERLATIVE_STEMS = r"groesst|staerkst|hoechst|weitest|tiefst|meist|deutlichst"
_MOST = re.compile(
    rf"\b(?:am\s\w+sten|die\smeisten|\w*(?:{_SUPERLATIVE_STEMS})\w*|biggest|largest|most|furthest|farthest|"
    r"strongest|steepest|greatest)\b"
)
_EXTREME_SAID = re.compile(rf"{_MOST.pattern}|\b(?:des\sjahres|of\sthe\syear|rekord\w*|record)\b")


def asks_the_most(text: str) -> bool:
    """Whether a question asks for the most of something ("Wer ist 2023 am stärksten abgestürzt?")."""
    return bool(_MOST.search(fold(text)))


def tells_an_extreme(entry: Entry) -> bool:
    """Whether the entry names the most of something, in its short answer or in a question it answers ("Wer war
    2020 der Aufsteiger des Jahres?")."""
    return bool(_EXTREME_SAID.search(_short_answers(entry) + " " + fold(" ".join(entry.questions))))


# Which end of a ranking a short answer speaks of: its first places, or its last. An answer naming only one end
# does not answer a question asking for the other ("Welche Ruhrgebietsstadt war 2019 am besten?" is not
# answered by "Oberhausen war … Schlusslicht").
_TOP_END = re.compile(
    rf"{_FIRST_PLACE.pattern}|\b(?:gewinner\w*|beste[nrs]?|smarteste[nrs]?|digitalste[nrs]?|erste[nrs]?|top|best|"
    r"smartest|most digital|leader)\b"
)
_BOTTOM_END = re.compile(rf"{_LAST_PLACE.pattern}|\b(?:schlechteste[nrs]?|hinten|am ende|worst|lowest)\b")


def names_only_the(entry: Entry, *, top: bool) -> bool:
    """Whether the entry's short answer speaks only of a ranking's first places (`top`) or only of its last."""
    said = _short_answers(entry)
    tops, bottoms = bool(_TOP_END.search(said)), bool(_BOTTOM_END.search(said))
    return tops and not bottoms if top else bottoms and not tops


# Who a question asks the words or opinion of: "Was hat Eiskirch zum Vermerk gesagt?", "What did the mayor think of
# the ranking?", "Was hält der OB vom Ranking?". Not "Sag mir …", and no question of what a text says.
_TOPIC = r"(?:\s(?:zum|zur|zu|ueber|von|vom|dazu|davon)\b.*)?"
_SPEAKER = re.compile(
    r"\bwhat\s(?:did|does|do|has|have)\s(.+?)\s(?:say|says|said|think|thinks|thought)\b|"
    rf"\bwas\s(?:hat|hatte|haben)\s(.+?){_TOPIC}\s(?:gesagt|gemeint)\b|"
    rf"\bwas\s(?:sagt|sagte|sagten|haelt|hielt|meint|meinte)\s(.+?){_TOPIC}\W*$"
)
# A text or a body speaks through its texts: "Was sagt die Antwort …?", "What did the city of Bochum say …?"
_NO_PERSON = re.compile(
    r"\b(?:antwort|answer|reply|vermerk|memo|bericht|report|text|quelle\w*|sources?|studie|study|"
    r"stadt|city|verwaltung|administration|rathaus|town hall|kommune|municipality)\b"
)


def speaker_asked(text: str) -> str | None:
    """The someone whose words or opinion a question asks ("der OB", "the mayor"), unless a text or body ("die
    Antwort", "the city")."""
    found = _SPEAKER.search(fold(text))
    speaker = next((g for g in found.groups() if g), None) if found else None
    return None if speaker is None or _NO_PERSON.search(speaker) else speaker


# A text reporting what someone said: a verb of speech, "(so CDO Denes Kücük)", or "laut"/"according to" someone (not
# the request's answer, which is the source of most texts: "Laut Antwort vom 20.09.2022 …").
_SPEECH = re.compile(
    r"\(so\s|"
    r"\b(?:sagt|sagte|sagten|gesagt|erklaert\w*|betont\w*|meint\w*|kommentiert\w*|aeusserte?\w*|zitiert\w*|"
    r"kritisiert\w*|says|said|stated|explained|commented|told|noted|criticis\w*|criticiz\w*|"
    r"wies\s(?:\w+\s){0,4}?darauf\shin|weist\s(?:\w+\s){0,4}?darauf\shin|pointed\sout|points\sout|"
    r"(?:laut|according to)\s(?!(?:der\s|dem\s|its\s|the\s)?(?:ifg-)?(?:antwort|answer|reply)))"
)


def reports_speech(entry: Entry) -> bool:
    """Whether the entry's short answer reports what someone said."""
    return bool(_SPEECH.search(_short_answers(entry)))


def asks_since(text: str) -> bool:
    """Whether the question asks since when ("Seit wann …?", "Since when …?")."""
    asking = asked(text)[1]
    return any(set(phrase) <= asking for phrase in _SINCE)


# When someone or something became what a noun names: "Wann wurde Eiskirch Oberbürgermeister?" (the noun last,
# written with a capital: not "Wann wurde der Vermerk erstellt?"), "When did Bochum become a model project?".
_BECAME_DE = re.compile(r"^\s*[Ww]ann wurde\s(?:\S+\s)*?(\S+)\s([A-ZÄÖÜ]\w+)\W*$")
_BECAME_EN = re.compile(r"\bwhen did\s(?:\S+\s)*?(\S+)\sbecome\s(?:an?\s|the\s)?(\w+)", re.I)


def role_become(text: str) -> tuple[str, str] | None:
    """Who or what a question asks when became what (the last word of each, folded): ("eiskirch",
    "oberbuergermeister") for "Wann wurde Thomas Eiskirch Oberbürgermeister?"."""
    found = _BECAME_DE.match(text) or _BECAME_EN.search(text)
    return (fold(found.group(1)), fold(found.group(2))) if found else None


_TITLE_TO_NAME = 3  # "Oberbürgermeister Dr. Thomas Eiskirch": the name this many words after the title at most


def names_only_as_title(said: str, became: tuple[str, str]) -> bool:
    """Whether `said` names the role only as the title of whom the question names, right before the name ("für
    Oberbürgermeister Thomas Eiskirch", "for Mayor Thomas Eiskirch"): it takes the role as given and does not
    tell when it began. False where it does not name the role at all."""
    who, role = became
    words = _WORD.findall(fold(said))
    found = [i for i, w in enumerate(words) if w.startswith(role)]
    return bool(found) and all(who in words[i + 1 : i + 1 + _TITLE_TO_NAME] for i in found)


def tells_a_start(entry: Entry) -> bool:
    """Whether the entry says when something began: one of its questions asks since when (as for the other
    kinds, the curator's word), or its short answer says so: "seit 2019", "startete im November 2023", "der
    erste Index … 2019", or the years from the first on ("2021, 2022, 2024 und 2025")."""
    if any(asks_since(q) for q in entry.questions):
        return True
    text = _short_answers(entry)
    return bool(_START.search(text)) or len(set(_DATE.findall(_DATED.sub(" ", text)))) >= _LISTED_YEARS


def asks_until(text: str) -> bool:
    """Whether the question asks until when ("Bis wann …?", "Von wann bis wann …?", "By when …?") or for a
    deadline."""
    return bool(_UNTIL.search(fold(text)))


def tells_an_end(entry: Entry) -> bool:
    """Whether the entry says until when: one of its questions asks so, or its short answer names a deadline or
    an end ("lief bis zum 20. September 2022", "bis voraussichtlich September 2026", "Frist")."""
    return any(asks_until(q) for q in entry.questions) or bool(_END.search(_short_answers(entry)))


# A change from the year before: "gewann 6,1 Punkte hinzu", "Plus von 14,8 Punkten", "Platz 4 (Vorjahr: 11)",
# "rose 11 places", "+3.8".
_CHANGED = re.compile(
    r"\b(?:plus|minus|vorjahr\w*|previous year|year before|gewann|hinzu\w*|dazu\w*|zugelegt|legte|verlor\w*|"
    r"eingebuesst|buesste|gestiegen|stieg|aufgestiegen|gefallen|fiel|rutschte|\w*gerutscht|zurueck\w*|"
    r"verbessert\w*|verschlechtert\w*|gut|gutgemacht|rueckte|vorgerueckt|\w*kletter\w*|aufgeholt|"
    r"gained|gains?|lost|rose|risen|fell|fallen|dropped|climbed|improved|worsened|up|down)\b|[+−]\s?\d"
)


# The dot ending a sentence: the dot of an ordinal ("vom 150. auf den 16. Platz") ends none; after a number ending
# a sentence ("unter den Top 20. In der Kategorie …") it does.
# Not after "bzw.", "resp.": "um 27 bzw. 21 Plätze" is one clause.
_SENTENCE_DOT = r"(?<!\bbzw)(?<!\bresp)\.\s(?!(?<=\d\.\s)(?:[a-zäöü]|Platz\b|Rang\b))"
# Statements of an answer: what lies between semicolons and sentence ends says one thing of all the cities it
# names ("Dortmund, Bottrop, Hamm und Moers erzielten schlechtere Gesamtwerte als im Vorjahr").
_STATEMENT_END = re.compile(rf";\s|{_SENTENCE_DOT}")


def change_statements(entry: Entry) -> list[str]:
    """The statements of the entry's answer that say how something changed from the year before, as written."""
    return [s for s in _STATEMENT_END.split(entry.answer) if _CHANGED.search(fold(s))]


# A change in points: "gewann 6,1 Punkte hinzu", "Plus von 14,8 Punkten", "+3.8 points", "6,3 Punkte mehr".
_AMOUNT = r"\d+(?:[.,]\d+)?"
_POINTS_WORD = r"(?:punkte?n?|points?|zaehler)"
_POINTS_CHANGED = re.compile(
    rf"(?:\b(?:plus|minus|gewann|verlor|legte|gained|lost|up|down)\s(?:\w+\s){{0,3}}[+−]?\s?{_AMOUNT}\s{_POINTS_WORD}\b"
    rf"|[+−]?\s?{_AMOUNT}\s{_POINTS_WORD}\s(?:hinzu|mehr|weniger|zu|more|fewer|less)\b"
    rf"|[+−]\s?{_AMOUNT}\s{_POINTS_WORD}\b)"
)


def tells_a_change(entry: Entry, *, points: bool = False) -> bool:
    """Whether the entry's short answer says how something changed from the year before (in points, if asked), as
    a question of how much a city gained or lost in a year needs: a course of places and points ("2023 Platz 11,
    2024 Platz 4 (82,3)") does not tell the points gained when the year before has none, nor does a change of
    places ("71,2 Punkten (+11 Plätze)")."""
    return bool((_POINTS_CHANGED if points else _CHANGED).search(_short_answers(entry)))


# "Wann erscheint der nächste Index?" asks of a time to come, which a text on past editions does not tell (that
# one appears every two years is no date of the next).
_NEXT_WORDS = r"naechste[nmrs]?|kommende[nmrs]?|next|upcoming"
_NEXT = re.compile(rf"\b(?:{_NEXT_WORDS})\b")
_COMING = re.compile(
    rf"\b(?:{_NEXT_WORDS}|voraussichtlich\w*|geplant\w*|planned|soll|sollen|will|expected|scheduled|"
    r"angekuendigt|(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)announced)\b"
)


def asks_next(text: str) -> bool:
    """Whether the question asks when the next one comes ("Wann erscheint der nächste Index?")."""
    return asked(text)[0] in (AnswerType.DATE, AnswerType.DAY) and bool(_NEXT.search(fold(text)))


def tells_what_comes(entry: Entry) -> bool:
    """Whether the entry's short answer speaks of a time to come: the next, planned or expected."""
    return bool(_COMING.search(_short_answers(entry)))


_CARDINALS = "zwei|drei|vier|fuenf|sechs|sieben|acht|neun|zehn"
# A number, a number of times ("viermal") or an ordinal ("die dritte Ausgabe": three so far).
_NUMBER = re.compile(
    rf"\d+|(?:{_CARDINALS})(?:mal)?|elf|zwoelf|zwanzig|dreissig|hundert|tausend|dutzend|"
    r"(?:erst|zweit|dritt|viert|fuenft|sechst|siebt|acht|neunt|zehnt)e[mnrs]?|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|dozen|twice|"
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
)
# How far after a number the thing counted may come: "11.000 Datenpunkte", "81 deutsche Großstädte".
_COUNTED_WITHIN = 3
_MIN_COMPOUND_PART = 4


_PERCENT = frozenset({"prozent", "percent"})
_PLACE_WORDS = frozenset("platz rang position place rank".split())
_CITIES = frozenset({"stadt", "citi"})  # "Städte", "Großstädte", "cities" as the normaliser writes them
_SHARE = re.compile(r"\d\s?%|\d\s(?:prozent|percent)\b")


# Not after a digit: "die 7. Ausgabe" goes on.
SENTENCE_END = re.compile(r"(?<=[^\d][.!?;])\s+")


def _is_counted(token: str, counted: frozenset[str]) -> bool:
    return token in counted or any(
        len(c) >= _MIN_COMPOUND_PART and (token.startswith(c) or token.endswith(c)) for c in counted
    )


def mentions(analysis: Analysis, counted: frozenset[str]) -> bool:
    """Whether the analysed text names one of the `counted` tokens (or a compound of one)."""
    return counts_a_share(counted) or any(_is_counted(t, counted) for t in _things(analysis))


def _things(analysis: Analysis) -> list[str]:
    """The tokens of the analysed text, with its cities' names blanked: "Darmstadt" is no compound of "Stadt"."""
    names = {city_token(c) for c in analysis.cities}
    return ["" if t in names else t for t in analysis.tokens]


def counts_cities(counted: frozenset[str]) -> bool:
    """Whether a how-many question counts cities ("Wie viele Städte …?", "How many cities …?")."""
    return bool(counted & _CITIES)


def counts_a_share(counted: frozenset[str]) -> bool:
    """Whether a how-many question counts a share ("Wie viel Prozent …?"), which any percentage seems to give."""
    return bool(counted & _PERCENT)


def has_figures(analysis: Analysis) -> bool:
    """Whether the analysed text gives any number but a year."""
    return any(_NUMBER.fullmatch(s) and not _DATE.fullmatch(s) for s in analysis.surfaces)


# Cities named as those ahead or behind ("hinter Nürnberg und Bremen den dritten Platz") are no list of them.
_CITIES_AHEAD_OR_BEHIND = re.compile(r"\b(?:hinter|behind|vor|ahead of)\s[\w-]+(?:\s[\w-]+)?\s(?:und|and)\s")


def counts(sentence: str, analysis: Analysis, counted: frozenset[str], *, in_all: bool = False) -> bool:
    """Whether a sentence (and its `analysis`) gives a number of one of the `counted` tokens, or of a compound of
    one ("12 Projektideen" counts projects), and so do a share of it and a list of them; a number standing alone
    counts what the sentence named before it ("all German cities …: 81 in 2019"). A share asked for needs a
    percentage. How many there are `in_all` (the cities of a ranking) needs the number itself: a share or a list
    is of some of them."""
    folded = fold(sentence)
    share = bool(_SHARE.search(folded))
    if counts_a_share(counted):
        return share
    tokens, surfaces = _things(analysis), analysis.surfaces
    named = any(_is_counted(t, counted) for t in tokens)
    # "83 Prozent der abgefragten OZG-Leistungen" answers how many of them (a share is taken for a count), and
    # so does a list: "Nürnberg, Aachen und Düsseldorf" for cities, „Digitaler Tourismus“ und „…“ for categories.
    if not in_all and named and (share or len(_TITLE.findall(sentence)) > 1):
        return True
    if not in_all and counted & _CITIES and len(analysis.cities) > 1 and not _CITIES_AHEAD_OR_BEHIND.search(folded):
        return True
    for i, surface in enumerate(surfaces):
        if not _NUMBER.fullmatch(surface):
            continue
        if i and _DATE.fullmatch(surface) and _MONTH.fullmatch(surfaces[i - 1]):
            continue  # the year of a month counts nothing: "since August 2024 residents can re-register"
        # Cities in all are a whole number, not an edition's year ("seit 2019 einmal jährlich bei deutschen
        # Großstädten"), a place ("auf Platz 18 und war damit laut Stadt …") nor a decimal's digits ("all cities …
        # 70,8 Punkten"), as an average may be ("im Schnitt 2,7").
        if in_all and (
            _DATE.fullmatch(surface) or (i and surfaces[i - 1] in _PLACE_WORDS) or _is_fraction(sentence, surfaces, i)
        ):
            continue
        following = range(i + 1, min(i + 1 + _COUNTED_WITHIN, len(tokens)))
        if in_all and re.search(rf"\b{surface}\s?(?:%|prozent|percent)", folded):
            continue  # "43 Prozent der Städte": some of them
        # "three NRW cities were ahead of Bonn": cities of a state or region named between are some of them.
        of_some = {city_token(c) for c in analysis.cities} if in_all else set()
        if any(
            _is_counted(tokens[j], counted)
            and not _per(folded, surfaces[j])
            and of_some.isdisjoint(analysis.tokens[i + 1 : j])
            for j in following
        ):
            return True
        alone = i + 1 == len(surfaces) or bool(_DATE.fullmatch(surfaces[i + 1]))
        if alone and any(_is_counted(t, counted) for t in tokens[:i]):
            return True
    return False


def _per(folded: str, surface: str) -> bool:
    """Whether a (folded) sentence names a thing as what a number is per ("133 Parametern pro Stadt" counts
    parameters)."""
    return bool(re.search(rf"\b(?:pro|per|je)\s{re.escape(surface)}\b", folded))


def _is_fraction(sentence: str, surfaces: Sequence[str], i: int) -> bool:
    """Whether the number at `i` is the decimals of the one before ("67.6" read as "67", "6"), which count nothing;
    not the thousands of a number ("10.773")."""
    before = surfaces[i - 1] if i else ""
    return before.isdigit() and len(surfaces[i]) <= 2 and bool(re.search(rf"\b{before}[.,]{surfaces[i]}\b", sentence))


# Clauses of an answer: a place or a score belongs to the city named in the same clause ("Bonn (Platz 7)").
_CLAUSE = re.compile(rf"[,;:!?]\s|{_SENTENCE_DOT}|\s(?:und|and|sowie|while|während)\s")


def figure_clauses(entry: Entry, kind: AnswerType, *, held: bool = False) -> list[tuple[str, bool]] | None:
    """The clauses of the entry's answer, as written, each with whether it gives a place (or a score, for
    `POINTS`); None for other kinds and for ranking rows, which are about one city anyway. That Bielefeld was
    "unter den Top 20" next to Bonn's place 7 is no place for Bielefeld. With `held`, a place held, not places
    gained ("Potsdam (+21)" is no place of Potsdam's)."""
    pattern = {AnswerType.PLACE: _POSITION_HELD if held else _PLACE, AnswerType.POINTS: _POINTS}.get(kind)
    if pattern is None or entry.ranking_ref is not None:
        return None
    scores = kind is AnswerType.POINTS and bool(_POINTS.search(fold(entry.answer)))
    return [
        (c, bool(pattern.search(fold(c)) or (scores and _BRACKETED_SCORE.search(c))))
        for c in _CLAUSE.split(entry.answer)
    ]


# Figures given in the order of the things listed before: "um 27 bzw. 21 Plätze", "27 and 21 places respectively".
_RESPECTIVELY = re.compile(r"\d\s*(?:bzw\.|beziehungsweise|resp\.)\s*\d|\brespectively\b", re.IGNORECASE)


def respectively(clause: str) -> bool:
    """Whether a clause gives its figures in the order of the things listed before it."""
    return bool(_RESPECTIVELY.search(clause))


YES_NO_LEAD = re.compile(r"^(?:Ja|Nein|Yes|No)[.,:;!]\s+")


def without_yes_no(text: str) -> str:
    """A short answer without its leading "Ja." or "No.", for a question that did not ask yes or no."""
    stripped = YES_NO_LEAD.sub("", text, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped != text else text
