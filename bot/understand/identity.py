"""Questions about a ranking itself: what it is ("Was ist der Deutschland-Index?", "What is the Digital-Index
Ruhr?") and who makes it ("Wer gibt den Deutschland-Index heraus?", "Who is behind the index?"), and the texts
that tell what a ranking is.

Such a question names a ranking and nothing else: what remains without the name is the question's frame. A text
of one edition's figures ("2021 lag der Deutschland-Index bei 70,2 Punkten") or a top list names the ranking
too, but says nothing of what it is or who makes it. A text describes a ranking where the ranking does something
that describes it (it rates, compares, covers, is based on, appears, was compiled or presented), or where the
entry's own questions ask what it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.folding import fold
from bot.models import Entry, Lang
from bot.understand.answer_types import continued_sentences
from bot.understand.normalize import Analysis, stem

_WORDS = re.compile(r"[a-z]+")
# What asks what (or who) a thing is, with the articles and particles around it: "Was genau ist der …?",
# "What's the …?", "Wer ist …?", "What does … stand for?", "Wofür steht …?".
_ASKING = frozenset("was what whats wer who wofuer".split())
_FRAME = _ASKING | frozenset(
    "ist sind war waren is are were s der die das den des the a an genau eigentlich ueberhaupt denn exactly "
    "actually does do stand stands for mean means bedeutet bedeuten steht stehen".split()
)

# Verbs by which a ranking is described, finite, as texts write them; a passive with its participle up to ten
# words on ("wurde am 24. Juni 2025 vom NRW-Ministerium MHKBD vorgestellt").
_PARTICIPLE_GAP = r"(?:[\w.,-]+\s){0,10}?"
_DESCRIBING = (
    r"(?:bewertet|bewertete|vergleicht|verglich|misst|erfasst|erfasste|untersucht|untersuchte|umfasst|umfasste|"
    r"beruht|beruhte|basiert|erscheint|erschien|ist\s(?:ein|eine)|soll|sollen|"
    rf"wurde\s{_PARTICIPLE_GAP}(?:erstellt|erhoben|entwickelt|herausgegeben|vorgestellt|gegruendet)|"
    r"rates|rated|ranks|compares|covers|assesses|assessed|evaluates|examines|appears|has\sappeared|is\smeant\sto|"
    rf"is\san?|(?:is|was)\sbased\son|(?:is|was)\s{_PARTICIPLE_GAP}(?:compiled|created|developed|published|presented))"
)
# The ranking as the subject, with its article: before the verb ("Der Index bewertet …", "The 2016 Zukunftsatlas
# rated …") or after it, as German puts it ("Mit mehr als 1.200 Datenpunkten erfasst und qualifiziert der
# Länderindex die Bundesländer").
_SUBJECT_FIRST = re.compile(rf"\b(?:der|die|das|the)\s((?:[\w.,/()-]+\s){{1,6}}?){_DESCRIBING}\b")
_VERB_FIRST = re.compile(rf"\b{_DESCRIBING}\s(?:und\s\w+\s)?(?:der|die|das)\s((?:[\w/-]+\s?){{1,3}})")


# Who makes a ranking, as its frame says it: "Wer gibt den … heraus?", "Who is behind the index?", "Von wem stammt …?"
_MAKING = frozenset(
    "macht machen erstellt erstellen veroeffentlicht veroeffentlichen gibt heraus steckt hinter stammt entwickelt "
    "verantwortlich makes make made publishes published behind runs compiles compiled produces created creates "
    "developed".split()
)
_MAKER_FRAME = _FRAME | _MAKING | frozenset("dem von wem by whom index ranking fuer of".split())


def may_ask_what_it_is(text: str) -> bool:
    """Whether a question opens as one asking what something is does ("Was ist …", "What's …"): a cheap first
    look before it is understood."""
    words = _WORDS.findall(fold(text))
    return bool(words) and words[0] in _ASKING


def asks_what_it_is(rest: str) -> bool:
    """Whether a question that names a ranking, as `rest` (its text without the names), asks only what it is."""
    words = _WORDS.findall(fold(rest))
    return bool(words) and words[0] in _ASKING and set(words) <= _FRAME


# "Was ist der Indexwert von 100?", "What is the role of the unit?": a thing of something, not a thing alone.
_OF_SOMETHING = frozenset(
    "von vom des im in am an auf aus bei beim mit nach fuer zu zum zur ueber um unter vor hinter gegen ohne durch "
    "aller of for in at on by with to from about all".split()
)
_DEFINING = frozenset("was what whats wofuer".split())
# In the present: "Was war Bochums bestes Ergebnis?" asks for a figure, "Was hat Bonn erreicht?" for a deed.
_IS = frozenset("ist sind is are s bedeutet bedeuten means mean steht stehen stands does do".split())
_PARTICLES = frozenset("genau eigentlich denn ueberhaupt exactly actually".split())


def thing_asked(text: str) -> str | None:
    """The thing a question asks to be defined, and nothing else, as written ("onlinezugangsgesetz" of "Was ist
    das Onlinezugangsgesetz?"): None where it asks about a thing of something, or asks more than what it is."""
    words = _WORDS.findall(fold(text))
    if len(words) > 3 and words[1] in _PARTICLES:
        words = [words[0], *words[2:]]  # "Was genau ist …?", "What exactly is …?"
    if len(words) < 3 or words[0] not in _DEFINING or words[1] not in _IS:
        return None
    if words[1] in ("does", "do") and words[-1] not in ("mean", "stand", "for", "do"):
        return None  # "What does the unit measure?" asks what it does, which only some texts say
    thing = [w for w in words if w not in _FRAME]
    if not thing or len(thing) > 4 or not _OF_SOMETHING.isdisjoint(thing):
        return None
    start = words.index(thing[0])
    # One phrase, its words in a row: "Was ist das Konzept, das Bochum hat?" asks more.
    return " ".join(thing) if words[start : start + len(thing)] == thing else None


# An English noun before another names a kind of that other ("OZG services", "FragDenStaat requests").
_ENGLISH_HEAD_FOLLOWS = re.compile(r"\s+(?!(?:of|for|in|and|at|on|by|the|to|from|with|vs)\b)[a-z]")


def titled_by(title: str, titled: Analysis, thing: Analysis, *, english: bool) -> bool:
    """Whether a title (`titled`, its analysis) is about the thing (`thing`, the analysis of its words in the
    question): names it as a thing of its own ("Die Stabsstelle Digitalisierung der Stadt Bochum"), not as what
    qualifies another ("OZG-Leistungen", "OZG services"), nor by a name for another thing read as it ("IFG-Anfrage",
    whose alias stands for the IFG)."""
    n = len(thing.tokens)
    folded = fold(title)
    for i in range(len(titled.tokens) - n + 1):
        if titled.tokens[i : i + n] != thing.tokens:
            continue
        said = titled.surfaces[i : i + n]
        # Of a name of several words written as one compound ("IFG-Anfrage"), the last is the thing; written
        # apart ("Stabsstelle Digitalisierung", "Chief Digital Officer"), the name is the thing.
        other_head = stem(said[-1].split()[-1]) != stem(thing.surfaces[-1].split()[-1])
        written = r"[\s-]+".join(re.escape(w) for surface in said for w in surface.split())
        for m in re.finditer(rf"\b{written}\w*", folded):
            after = folded[m.end() :]
            compound = other_head and "-" in m.group(0)
            if not compound and not after.startswith("-") and not (english and _ENGLISH_HEAD_FOLLOWS.match(after)):
                return True
    return False


def asks_who_makes(rest: str) -> bool:
    """Whether a question about a ranking, as `rest` (its text without the names), asks only who makes it."""
    words = _WORDS.findall(fold(rest))
    asks = bool(words) and (words[0] in ("wer", "who") or words[:2] == ["von", "wem"])
    return asks and set(words) <= _MAKER_FRAME and not _MAKING.isdisjoint(words)


# "Der erste Smart City Index wurde 2019 … erhoben": when the first edition was made, not what the ranking is.
_FIRST_EDITION = frozenset("erste ersten allererste first".split())


def describes(entry: Entry, lang: Lang, names_a_ranking: Callable[[str], bool]) -> bool:
    """Whether the entry's answer in `lang` has a sentence in which a ranking is described: its subject names
    one (`names_a_ranking`: "der Index", "the 2016 Zukunftsatlas"; not "der Vermerk wurde … vorgestellt", nor
    its first edition)."""
    return any(
        names_a_ranking(m.group(1)) and m.group(1).split()[0] not in _FIRST_EDITION
        for sentence in map(fold, continued_sentences(entry.answer_in(lang)))
        for m in (*_SUBJECT_FIRST.finditer(sentence), *_VERB_FIRST.finditer(sentence))
    )
