"""One step from the text of a question to a typed `Question`: its words with their typo corrections, its slots
(years, cities, rankings, categories), its language, the kind of answer it asks for and its ranking intent.

Retrieval and composition read this object; nothing after this step looks at the raw text again.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from bot.folding import fold
from bot.models import AnswerType, Lang
from bot.understand.answer_types import (
    asked,
    asks_how_often,
    asks_particulars,
    claim,
    counts_cities,
    without_closing,
    yes_or_no,
)
from bot.understand.content import nouns, written_small
from bot.understand.identity import asks_what_it_is, asks_who_makes, thing_asked
from bot.understand.language import asks_in_english, detect_language, english_by_vocabulary, written_in_english
from bot.understand.lexicon import PART_WEIGHT, Lexicon
from bot.understand.normalize import (
    PARTICLES,
    Analysis,
    Normalizer,
    city_tag,
    city_token,
    compound_parts,
    ranking_tag,
    ranking_token,
    stem,
    year_tag,
)
from bot.understand.ranking import (
    ENGLISH_FORMS,
    LAST_PLACE,
    RankingAsk,
    RankingIntent,
    asks_a_change,
    asks_a_statement,
    asks_many_cities,
    asks_newcomers,
    asks_which_category,
    asks_which_city,
    asks_which_ranking,
    asks_which_state,
    counts_places,
    counts_points,
    detect,
    first_edition,
    first_time,
    grammar_form,
    is_comparative,
    is_frame_word,
    is_weak,
    kin,
    names_all_ahead,
    names_an_edition,
    names_comparand,
    names_done_with,
    names_neighbour,
    names_since,
    names_span,
    nth_time,
    ordinal,
    superlative,
    top_size,
)
from bot.understand.semantic import Vector, embed
from bot.understand.spelling import as_written, correct_slips, grammar_slip, one_slip, slips_undone

LAST_WEIGHT = 0.9  # the words for a last place, searched for a superlative: another form of the same word
# Another word of the same ranking ask ("kletterte" for "verbessert"): below a body match of the word itself, so
# that a text with the question's own word ranks first.
KIN_WEIGHT = 0.4
ORDINAL_WEIGHT = 0.9  # a place in digits: the same word written otherwise
# Characters of a question that are understood; the rest is noise (and Telegram caps messages at 4096 anyway).
MAX_UNDERSTOOD = 2000
MAX_QUERY_TERMS = 32
JOIN_WEIGHT = 0.9
_WORDS = re.compile(r"[^\W_]+")
GENERIC_RANKING = frozenset({stem("index"), stem("ranking")})
# Words by which a ranking has cities at all: a how-many question of cities with no other words ("Wie viele Städte
# waren 2021 dabei?", "How many cities does the index cover?") asks how many it has in all.
_TAKING_PART = frozenset(
    stem(w)
    for w in "dabei teil nahmen teilgenommen gibt gab gerankt bewertet untersucht erfasst gelistet vertreten insgesamt "
    "rank ranked rate rated assess assessed cover covered include included list listed total".split()
)
# "#1", "#12": a place written as a number sign, as chat and lists write it; a request's number is longer
# ("#257364").
_NUMBER_SIGN = re.compile(r"#\s?(\d{1,3})(?!\d)")
_STUDY = frozenset(stem(w) for w in "studie study staedtestudie".split())
_GREETINGS = frozenset(
    "hallo hello hi hey moin servus gruezi tag guten morgen abend good morning evening danke dankeschoen vielen "
    "dank thanks thank you bye tschuess ciao".split()
)
_OTHER = frozenset(stem(w) for w in "andere anderen anderer weitere weiteren other others".split())
# "zugeliefert", "dazugewonnen", "rumgeschickt" are the verb without their particle ("geliefert", "gewonnen",
# "geschickt") when the base only writes that; so is a noun made from such a verb ("Zulieferung"). What is left
# must be long enough to be a word of its own, not "other" of "another".
_MIN_REST = 6
# Shorter words are one slip from a form of another word the base knows too often: "write" of "written", "sitzen"
# of "Spitze", "filed" of "field".
_MIN_SLIP_OF_A_FORM = 7


@dataclass
class QueryTerm:
    """One token of the question and the index terms that count as matching it."""

    token: str
    alternatives: dict[str, float]
    idf: float
    slot: str | None = None
    surface: str = ""
    framing: bool = False  # asks for a kind of answer ("an welchem Tag") or names the ranking asked about

    @property
    def likely(self) -> str:
        """The token this word most likely is: itself if the base knows it, else its best correction."""
        if self.token in self.alternatives or not self.alternatives:
            return self.token
        return max(sorted(self.alternatives.items()), key=lambda kv: kv[1])[0]


@dataclass(frozen=True)
class Question:
    """A question as the core understands it."""

    text: str
    lang: Lang
    analysis: Analysis
    terms: tuple[QueryTerm, ...] = ()
    answer_type: AnswerType = AnswerType.OPEN
    ranking: RankingIntent | None = None
    categories: tuple[str, ...] = field(default=())
    vector: Vector | None = field(default=None, compare=False, repr=False)
    particulars: bool = False  # asks for names or items in particular ("Welche Ämter genau …?")
    yes_no: bool = False  # yes or no can answer it ("Gab es einen Vermerk?", not "Wie hat … reagiert?")
    # A ranking meant without being named ("der Index"): entries about other rankings cannot answer.
    implied_ranking: str | None = None
    greeting: bool = False  # nothing but a greeting or thanks ("hallo", "hi", "danke")
    which_city: bool = False  # asks which city ("Welche Stadt …?", "Which cities …?")
    which_state: bool = False  # asks which state ("Welches Bundesland …?"): for a ranking of states
    # What a how-many question counts ("Wie viele Projekte …?"): the word's tokens, with its corrections.
    counted: frozenset[str] = frozenset()
    # The words that name the ranking categories asked about ("Mobilität"): slots of the ranking grammar.
    category_words: frozenset[str] = frozenset()
    # Asks what a ranking it names is, and nothing else ("Was ist der Deutschland-Index?").
    what_it_is: bool = False
    # Asks what a thing that is no ranking, city or year is, and nothing else ("Was ist das OZG?"): its analysis.
    defined: Analysis | None = None
    # Asks who makes a ranking it names or means, and nothing else ("Wer gibt den Deutschland-Index heraus?").
    who_makes: bool = False
    # Asks who came new into a top list ("Wer war 2023 erstmals in den Top 10?"), which one year's list does not tell.
    newcomers: bool = False
    # Counts the cities a ranking has in all ("Wie viele Städte waren 2021 dabei?"), not some of them.
    counts_all: bool = False
    # Asks what is done with a ranking or its result ("What does Bochum do with the results?").
    done_with: bool = False

    @property
    def years(self) -> frozenset[int]:
        return self.analysis.years

    @property
    def cities(self) -> frozenset[str]:
        return self.analysis.cities

    @property
    def rankings(self) -> frozenset[str]:
        return self.analysis.rankings

    @property
    def has_slots(self) -> bool:
        return bool(self.years or self.cities or self.rankings)

    def slot_tokens(self) -> set[str]:
        return {t.token for t in self.terms if t.slot is not None}

    def unguarded(self) -> list[QueryTerm]:
        """The terms without their slots: to find what is near, whatever year or city it is about."""
        return [replace(t, slot=None) for t in self.terms]


def _over_one_year(intent: RankingIntent, analysis: Analysis, tokens: Sequence[str]) -> bool:
    """Whether a question asks how one city changed from one year to the next."""
    years = sorted(analysis.years)
    return (
        intent.ask in (RankingAsk.COMPARE, RankingAsk.CHANGE)
        and len(analysis.cities) == 1
        and len(years) == 2
        and years[1] == years[0] + 1
        and asks_a_change(tokens)
    )


def _of_later_year(
    analysis: Analysis, terms: list[QueryTerm], tokens: list[str]
) -> tuple[Analysis, list[QueryTerm], list[str]]:
    """The question without the earlier of its two years."""
    earlier = str(min(analysis.years))
    kept = [(t, s) for t, s in zip(analysis.tokens, analysis.surfaces, strict=True) if t != earlier]
    pairs = [(t, r) for t, r in zip(terms, tokens, strict=True) if not (t.slot is not None and t.token == earlier)]
    later = replace(
        analysis,
        tokens=tuple(t for t, _ in kept),
        surfaces=tuple(s for _, s in kept),
        years=frozenset({max(analysis.years)}),
    )
    return later, [t for t, _ in pairs], [r for _, r in pairs]


def _written_cities(analysis: Analysis) -> list[str]:
    """The cities a question names, as it writes them (folded)."""
    named = {city_token(c) for c in analysis.cities}
    return [surface for token, surface in zip(analysis.tokens, analysis.surfaces, strict=True) if token in named]


def without_names(text: str, analysis: Analysis, slots: set[str]) -> str:
    """The text without the cities and rankings it names (and without numbers)."""
    names = {
        w
        for token, surface in zip(analysis.tokens, analysis.surfaces, strict=True)
        if token in slots
        for w in surface.split()
    }
    return " ".join(w for w in _WORDS.findall(text) if fold(w) not in names and not w.isdigit())


def category_tokens(categories: Iterable[str], normalizer: Normalizer) -> dict[str, list[str]]:
    """Token → the ranking categories it names: the whole name ("IT und Kommunikation") and each word
    ("Kommunikation")."""
    out: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(categories)):
        tokens = [*normalizer.analyze(name).tokens]
        tokens += [t for word in name.split() for t in normalizer.analyze(word).tokens]
        for token in dict.fromkeys(tokens):
            if name not in out[token]:
                out[token].append(name)
    return dict(out)


# "Welche Stadt war 2020 Letzter?" asks who held a place (as "Wer war 2020 Letzter?" does), not for a place.
_KIND_OF_ASK = {
    RankingAsk.POINTS: AnswerType.POINTS,
    RankingAsk.NTH: AnswerType.PERSON,
    RankingAsk.LAST: AnswerType.PERSON,
    RankingAsk.TOP: AnswerType.PERSON,
    RankingAsk.NEIGHBOUR: AnswerType.PERSON,
    RankingAsk.AHEAD: AnswerType.PERSON,
}


# Phrases that count things ("wie viele Projekte"); "wie viel" and "how much" ask for amounts.
_COUNTING = frozenset({"viele", "wieviele", "vielen", "wievielen", "many", "anzahl", "number"})
_HOW_MUCH = frozenset({"wie", "viel", "viele", "wieviel", "wieviele", "how", "much", "many"})
# Units an amount is asked in ("Wie viel Prozent …?"); other amounts ("wie viel Geld") take any figure.
_UNITS = frozenset(stem(w) for w in "prozent percent euro".split())
# People in general: staff, members and inhabitants are all counted as "Leute".
_ANYONE = frozenset(stem(w) for w in "leute menschen personen people persons".split())
# Years counted are times ("In wie vielen Jahren war Bochum in den Top 10?"): "viermal" answers, as for "wie oft".
_TIMES = frozenset(stem(w) for w in "jahr jahre jahren mal year years times".split())


# Where a question says its answer is to come from: the answer of the request ("laut IFG-Antwort", "according to
# the city's reply", "according to the bochum answer", "gemäß der Antwort der Stadt Bochum"); a city keeps its slot.
_CITES = re.compile(r"\b(?:laut|gemaess|according to|per)\s")
_CITING = (
    rf"{_CITES.pattern}(?:(?:der|dem|den|ihrer|seiner|its|the|their|her)\s)?"
    r"(?:(?:city'?s?|stadt|ifg|foi|fds|fragdenstaat{cities})[\s-])*(?:antwort|answer|reply|auskunft)\b"
    r"(?:\s(?:der|of\sthe)\s(?:stadt|city)(?:\s\w+)?)?"
)


def _cited_source(folded: str, cities: Iterable[str]) -> frozenset[str]:
    """The words of a question that name the source its answer is to come from, with the word that cites it;
    `cities`: the question's cities as written, which may name whose answer it is ("laut Bochums Antwort")."""
    if not _CITES.search(folded):
        return frozenset()  # most questions cite nothing: no pattern of their cities to build
    named = "".join(f"|{re.escape(c)}['’]?s?" for c in cities)
    citing = re.compile(_CITING.format(cities=named))
    return frozenset(w for m in citing.finditer(folded) for w in re.split(r"[\s-]", m.group(0)) if w)


def _counted(terms: list[QueryTerm], asking: frozenset[str], text: str) -> frozenset[str]:
    """The thing a how-many question counts: the word after the asking phrase, or the noun after it and its
    adjective ("Wie viele neue Kategorien"), unless a name."""
    at = next((i for i, t in enumerate(terms) if set(t.surface.split()) <= asking), None)
    following = terms[at + 1 : at + 3] if at is not None else []
    # A noun written large right after an adjective is the thing ("Wie viele neue Kategorien", "How many new
    # Modellprojekte"); one further on is not ("how many pages is the Vermerk": the memo is no thing counted).
    capitals = nouns(text)
    thing = following[0] if following else None
    if thing is not None and thing.surface not in capitals and len(following) > 1:
        after = following[1]
        adjacent = re.search(rf"\b{re.escape(thing.surface)}\s+{re.escape(after.surface)}\b", fold(text))
        thing = after if after.surface in capitals and adjacent else thing
    if thing is None or thing.slot is not None or thing.token in _ANYONE | _TIMES:
        return frozenset()
    if not (asking & _COUNTING or thing.token in _UNITS):
        return frozenset()
    return frozenset({thing.token, *thing.alternatives})


# A noun that names the number of something ("Einwohnerzahl", "Teilnehmerzahl", "population"); not a score
# ("Punktzahl") nor indicators ("Kennzahlen").
_NUMBER_END = r"s?(?:an)?zahl(?:en)?$"
_NUMBER_NOUN = re.compile(rf"^(?!.*(?:punkt|kenn)zahl)\w{{3,}}{_NUMBER_END}|^population$")


def _count_noun(terms: Sequence[QueryTerm]) -> QueryTerm | None:
    """The term of a question naming the number of something where no question word asks for it."""
    return next((t for t in terms if t.slot is None and _NUMBER_NOUN.match(t.surface)), None)


def _numbered_thing(term: QueryTerm) -> frozenset[str]:
    """What a number noun counts: the word before "zahl" ("Teilnehmerzahl": participants), or what a synonym
    says the noun stands for ("population": residents)."""
    root = re.sub(_NUMBER_END, "", term.surface)
    return frozenset({term.token, *term.alternatives} if root == term.surface else {stem(root)})


# A misspelt word this long is rarely another word: read as its correction even where that says little.
LONG_TYPO = 7


def _grammar_token(term: QueryTerm, vocabulary: Container[str]) -> str:
    """The token the ranking grammar reads for a term. A word of the grammar the base never writes ("gegen") is
    that word, not a typo of another; a word the base does not know is read as its correction, but not as the
    known end of a compound ("Hauptgeschäftsführer" is no form of "führen", "lebenswert" none of "Wert"; a verb
    after its particle is: "raufgestiegen") nor, for a short word, as a word that by itself asks for no figure
    ("Wetter" is no "weiter"; "insgesammt" is "insgesamt"). Of two corrections as close, the grammar's ("Plats":
    "Platz", not "Plan"). A part of a word split for the search is read as the whole word where the grammar knows
    that ("zurückgefallen" is no "zurück" and "gefallen")."""
    if (english := ENGLISH_FORMS.get(fold(term.surface))) is not None:
        return english
    whole = stem(fold(term.surface)) if term.surface and " " not in term.surface else term.token
    form = grammar_form(term.token) or grammar_form(whole)
    likely = term.likely
    if form is not None or likely == term.token:
        return form or likely
    closest = term.alternatives[likely]
    likely = next(
        (a for a in sorted(term.alternatives) if term.alternatives[a] == closest and grammar_form(a) is not None),
        likely,
    )
    head = term.token.removesuffix(likely)
    if head not in ("", *PARTICLES) and compound_parts(term.token, vocabulary) == [likely]:
        return term.token
    if is_weak(likely) and len(term.token) < LONG_TYPO:
        return term.token
    return likely


def _joined(read: list[tuple[QueryTerm, str]]) -> list[str]:
    """The grammar's tokens, with a verb written apart from its particle read as the one word it knows: "Plätze
    gut gemacht" as "gutgemacht", "zurück gefallen" as "zurückgefallen"."""
    out: list[str] = []
    i = 0
    while i < len(read):
        (term, token), after = read[i], read[i + 1] if i + 1 < len(read) else None
        if after is not None and term.slot is None and after[0].slot is None:
            joined = grammar_form(stem(fold(term.surface + after[0].surface)))
            if joined is not None and joined not in (token, after[1]):
                out.append(joined)
                i += 2
                continue
        out.append(token)
        i += 1
    return out


class Understander:
    """Reads questions against one base: its names (normaliser), its vocabulary (lexicon), its categories."""

    def __init__(
        self,
        normalizer: Normalizer,
        lexicon: Lexicon,
        categories: Iterable[str] = (),
        default_ranking: str | None = None,
        *,
        first_editions: Mapping[str, int] | None = None,
        language_words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
        spellings: Mapping[str, str] | None = None,
        has_tagged: Callable[[str, Sequence[str]], bool] | None = None,
    ) -> None:
        """`first_editions`: the year each ranking first appeared, where a source says it; `language_words`: the
        words only the base's English texts write and those its German ones write far more often; `spellings`: how
        it writes its words with umlauts, by their folded forms; `has_tagged(tag, any_of)`: whether an entry of the
        base carries the index tag `tag` and one of `any_of`."""
        self.normalizer = normalizer
        self.lexicon = lexicon
        self.category_tokens = category_tokens(categories, normalizer)
        self.default_ranking = default_ranking
        self.first_editions = dict(first_editions or {})
        self.english_words, self.german_words = language_words
        self.spellings = dict(spellings or {})
        self._has_tagged = has_tagged or (lambda _tag, _any_of: True)

    def understand(self, text: str, lang: Lang | None = None, *, fallback: Lang | None = None) -> Question:
        """The typed question; `lang` is the reply language if the caller knows it, else the one detected; where
        the text is too short to tell, `fallback` (the person's own language, if known), or else German."""
        text = as_written(text.strip()[:MAX_UNDERSTOOD], self.spellings, self._knows, self._knows_a_form)
        question = self._read(text, lang, fallback)
        if question.ranking is None:
            # A slip of the finger in a word of the ranking grammar ("Lag Bonn vor oder hiter Köln?") is read as
            # that word where it makes a ranking question; elsewhere the search matches typos as it does.
            slipped = correct_slips(text, self._knows_a_form, grammar_slip, self.spellings)
            if slipped != text and (other := self._read(slipped, lang, fallback)).ranking is not None:
                return other
        return question

    def corrected(self, text: str) -> str | None:
        """The text with every slip of the finger in a word the base does not write read as the one word it writes
        that the slip makes ("Wie viele Paramter …?"); in an English question no German word ("letter" is no
        "letzter"). None where it has none."""
        english = asks_in_english(text)

        def misspelt(word: str) -> str | None:
            found = self.lexicon.misspelt(word) or self._slip_of_a_form(word)
            return None if found is None or (english and found in self.german_words) else found

        # A form of a word the base writes ("Stellen" beside "Stelle") is no slip of another one ("Stellten").
        slipped = correct_slips(text, self._knows_a_form, misspelt, self.spellings)
        return slipped if slipped != text else None

    def reread(self, question: Question, lang: Lang | None = None, *, fallback: Lang | None = None) -> Question | None:
        """The question read again with its slips of the finger corrected (`corrected`); None where it has none, or
        where the correction asks for another kind of answer: then it undid no slip but changed a word of the
        question's frame ("Wie heißen …?" is no "Wie heißten …?")."""
        corrected = self.corrected(question.text)
        if corrected is None:
            return None
        other = self.understand(corrected, lang, fallback=fallback)
        return other if other.answer_type is question.answer_type else None

    def _slip_of_a_form(self, typed: str) -> str | None:
        """The word a folded word is typed from with one slip, where the base knows it by its stem only (writes
        another form of it) and exactly one stem fits: the word as the base writes it, if it does, else as folded."""
        if len(typed) < _MIN_SLIP_OF_A_FORM:
            return None
        known = [w for w in slips_undone(typed) if self._knows_a_form(w) and one_slip(typed, w, replaced=False)]
        if len({stem(w) for w in known}) != 1:
            return None
        return min(known, key=lambda w: (not self._knows(w), w))

    def _read(self, text: str, lang: Lang | None, fallback: Lang | None) -> Question:
        """The typed question of a text put into the base's spelling."""
        checked = claim(text)
        # A claim to check is asked as the claim itself, but yes or no answers it.
        subject = _NUMBER_SIGN.sub(r"number \1", without_closing(checked or text))
        folded = fold(subject)
        analysis, edition = self._first_edition(self.normalizer.analyze(subject, fuzzy=True), folded)
        analysis, terms = self._terms(analysis, written_small(subject))
        # "laut IFG-Antwort", "according to the city's reply": where the answer is to come from, not what about.
        cited = _cited_source(folded, (t.surface for t in terms if t.slot in {city_tag(c) for c in analysis.cities}))
        terms = [t for t in terms if t.slot is not None or not set(t.surface.split()) <= cited]
        slots = {t.token for t in terms if t.slot is not None}
        tokens = [_grammar_token(t, self.lexicon.df) for t in terms]
        kind, asking = asked(subject)
        which_city = asks_which_city(folded)
        numbered = _count_noun(terms) if kind is AnswerType.OPEN else None
        if numbered is not None:
            # "Bochum Einwohnerzahl", "What's Bochum's population?": how many, as "Wie viele Einwohner …?" asks.
            kind = AnswerType.COUNT
        if checked is not None and kind is AnswerType.OPEN:
            kind = AnswerType.YESNO
        read, firstly = first_time(
            _joined(
                [
                    (t, r)
                    for t, r in zip(terms, tokens, strict=True)
                    if (t.surface not in edition or r in GENERIC_RANKING)
                    # "the Haselhorst study": a word for a study beside the ranking's name is part of it.
                    and not (analysis.rankings and r in _STUDY)
                    # The question's own words ask, they are no topic: "Wie groß war der Abstand …?"
                    and not (asking and grammar_form(r) is None and set(t.surface.split()) <= asking)
                ]
            ),
            folded,
        )
        done_with = names_done_with(folded)
        intent = (
            None
            # With a year, "Was hat Bitkom über Hamburg 2021 gesagt?" asks for the figures.
            if asks_a_statement(folded) and not analysis.years
            else detect(
                read,
                slots,
                self.category_tokens,
                cities=len(analysis.cities),
                years=len(analysis.years),
                who=kind in (AnswerType.PERSON, AnswerType.NAME),
                extreme=superlative(folded, of_all=not analysis.cities),
                span=names_span(folded),
                which_ranking=asks_which_ranking(folded),
                which_category=asks_which_category(folded),
                first_time=firstly,
                many=asks_many_cities(folded),
                since=names_since(folded),
                counted=counts_places(folded),
                counted_points=counts_points(folded),
                how_many_places=counts_places(folded, asked=True),
                # Who came right behind a city: a city, asked as "Wer …?" or "Welche Stadt …?".
                neighbour=(
                    names_neighbour(folded, _written_cities(analysis))
                    if kind in (AnswerType.PERSON, AnswerType.NAME) or which_city
                    else 0
                ),
                ahead=(kind in (AnswerType.PERSON, AnswerType.NAME) or which_city)
                and names_all_ahead(folded, _written_cities(analysis)),
                than=names_comparand(folded),
                done_with=done_with,
                how_often=asks_how_often(subject),
                top=top_size(folded),
                nth=nth_time(folded),
                when=kind in (AnswerType.DATE, AnswerType.DAY),
            )
        )
        if intent is not None and _over_one_year(intent, analysis, tokens):
            # "Wie viele Punkte hat Bochum von 2023 auf 2024 zugelegt?" asks what 2024 gained on the year before,
            # which the tables and texts of 2024 tell ("gewann 6,1 Punkte hinzu"), and those of 2023 do not.
            analysis, terms, tokens = _of_later_year(analysis, terms, tokens)
        which_state = asks_which_state(folded)
        categories = intent.categories if intent else ()
        implied = self._implied_ranking(analysis, tokens, intent, which_state=which_state)
        about_ranking = bool(analysis.rankings) or implied is not None
        if intent is not None and intent.ask is RankingAsk.LAST:
            # "am schlechtesten" asks for the last, which texts call "Schlusslicht" or "letzter Platz".
            for term in terms:
                if superlative(term.surface) is RankingAsk.WORST:
                    term.alternatives.update({t: LAST_WEIGHT for t in sorted(LAST_PLACE) if t in self.lexicon})
        for term, token in zip(terms, tokens, strict=True):
            # Texts word a gain or a lead in any of the grammar's words for it: "Um wie viele Plätze kletterte
            # Reutlingen?" is answered by "am stärksten verbessert", "Spitzenplätze" by "vorn".
            kindred = {w: KIN_WEIGHT for w in sorted(kin(token, tokens)) if w in self.lexicon}
            # Texts write places in digits: "zwischen dem vierten und dem zehnten Platz" is "zwischen Platz 4 und 10".
            if (number := ordinal(term.token, term.surface)) is not None and str(number) in self.lexicon:
                kindred[str(number)] = ORDINAL_WEIGHT
            term.alternatives.update({**kindred, **term.alternatives})
        for term in terms:
            # A phrase ("wie viele", "how many") asks for a kind of answer as its single words do.
            asks = bool(asking) and set(term.surface.split()) <= asking
            term.framing = (
                asks
                or (about_ranking and term.token in GENERIC_RANKING)
                # "die erste Ausgabe" read as its year: the edition is the year's now, no topic of its own.
                or (term.surface in edition and names_an_edition(edition) and bool(analysis.years))
                or (intent is not None and is_frame_word(term.token))
            )
        if numbered is not None:
            counted = _numbered_thing(numbered)
        else:
            counted = _counted(terms, asking, text) if kind is AnswerType.COUNT else frozenset()
        how_much = bool(asking) and asking <= _HOW_MUCH and not counted
        if intent is not None and intent.ask is RankingAsk.PLACE and how_much and len(analysis.years) == 1:
            # "Wie viel hat Hamburg 2025 geholt?": how much, of nothing named, a city got in a year is its score
            # (not "wie oft", nor "wie viele Jahre": counts of years).
            intent = replace(intent, ask=RankingAsk.POINTS, points=True, explicit=True)
            kind = AnswerType.POINTS
        if kind is AnswerType.REASON:
            intent = None  # "Warum war Bochum 2021 in den Top 10?": no table tells why, the texts may
        if intent is not None and kind in (AnswerType.OPEN, AnswerType.YESNO) and intent.explicit:
            # "Bochum Energie und Umwelt 2023" asks for whatever the sources say: a score will do.
            # Points gained ask for points: "Dresden 2021 Punkte gewonnen" is not told by places gained.
            kind = _KIND_OF_ASK.get(intent.ask, AnswerType.POINTS if intent.points else AnswerType.PLACE)
        # The language the question is written in; told only where needed, as telling costs more than the rest.
        written = functools.cache(lambda: self.language(text, analysis, slots, fallback))
        lang = lang or written() or "de"
        return Question(
            text=text,
            lang=lang,
            analysis=analysis,
            terms=tuple(terms),
            answer_type=kind,
            ranking=intent,
            categories=categories,
            vector=embed([subject])[0] if subject else None,
            particulars=asks_particulars(subject),
            # The entry's "Ja."/"Nein." answers its own question, not a claim ("… dass Bochum nie Berater hatte?").
            yes_no=checked is None and yes_or_no(text, lambda: written() or lang),
            implied_ranking=implied,
            greeting=bool(_WORDS.findall(text)) and all(fold(w) in _GREETINGS for w in _WORDS.findall(text)),
            which_city=which_city,
            which_state=which_state,
            counted=counted,
            category_words=frozenset(
                t.token
                for t, read in zip(terms, tokens, strict=True)
                if set(self.category_tokens.get(read, ())) & set(categories)
            ),
            newcomers=asks_newcomers(read, first_time=firstly),
            counts_all=counts_cities(counted)
            and all(
                t.token in counted or t.token in _TAKING_PART or t is numbered
                for t in terms
                if t.slot is None and not t.framing
            ),
            who_makes=about_ranking and not analysis.cities and asks_who_makes(without_names(subject, analysis, slots)),
            what_it_is=bool(analysis.rankings)
            and not analysis.cities
            and asks_what_it_is(without_names(subject, analysis, slots)),
            # Only of a question that asks for no amount or number: "Was sind die Kosten?" asks how much.
            defined=self._defined(subject, analysis, implied) if kind is AnswerType.OPEN else None,
            done_with=done_with,
        )

    def _defined(self, subject: str, analysis: Analysis, implied: str | None) -> Analysis | None:
        """The analysis of the thing a question asks to be defined, where it is no ranking, city or year."""
        if analysis.rankings or analysis.cities or analysis.years or implied is not None:
            return None
        thing = thing_asked(subject)
        defined = self.normalizer.analyze(thing, fuzzy=True) if thing else None
        return defined if defined is not None and defined.tokens else None

    def _knows(self, word: str) -> bool:
        return self.lexicon.writes(word) or word in self.normalizer.known_words

    def _knows_a_form(self, word: str) -> bool:
        return self._knows(word) or stem(word) in self.lexicon

    def _first_edition(self, analysis: Analysis, folded: str) -> tuple[Analysis, frozenset[str]]:
        """A question of a ranking's first edition ("Platz im allerersten Smart City Index") asks of the year it
        first appeared, where a source says it: the analysis with that year, and the words that said it, which
        the ranking grammar does not read ("ersten" is no first place). The ranking is the one named, or the
        default one for "the index". Texts still find the words ("Der erste Smart City Index …")."""
        names = {ranking_token(r) for r in analysis.rankings}
        named = [s for t, s in zip(analysis.tokens, analysis.surfaces, strict=True) if t in names]
        words = first_edition(folded, named, of_a_city=bool(analysis.cities))
        if not words or analysis.years:
            return analysis, words
        ranking = next(iter(analysis.rankings)) if len(analysis.rankings) == 1 else None
        if not analysis.rankings and (set(analysis.tokens) & GENERIC_RANKING or names_an_edition(words)):
            # "the index", or an edition of none named ("die erste Ausgabe", "the premiere"): the default ranking's.
            ranking = self.default_ranking
        year = self.first_editions.get(ranking or "")
        if year is None:
            return analysis, frozenset()  # no year to read them as: the grammar reads them as written
        return replace(
            analysis,
            tokens=(*analysis.tokens, str(year)),
            surfaces=(*analysis.surfaces, str(year)),
            years=frozenset({year}),
        ), words

    def _implied_ranking(
        self, analysis: Analysis, tokens: list[str], intent: RankingIntent | None, *, which_state: bool
    ) -> str | None:
        """The default ranking, for a question that speaks of "the index" or "the ranking" without naming one, or
        asks a ranking question naming neither a ranking nor a city ("Wer landete 2024 ganz hinten?": as the
        tables read it, not of any ranking); not for one of "other rankings", nor for one asking which state (the
        default ranking is of cities)."""
        if analysis.rankings or self.default_ranking is None or set(tokens) & _OTHER or which_state:
            return None
        generic = bool(set(tokens) & GENERIC_RANKING)
        return self.default_ranking if generic or (intent is not None and not analysis.cities) else None

    def language(self, text: str, analysis: Analysis, slots: set[str], fallback: Lang | None = None) -> Lang | None:
        """The question's language, judged without the names in it, which read alike in both; where too little
        is left to judge, the person's own language (`fallback`), else a word only English writes (an English
        name among them) makes it English: "Ulm 2024 score" from someone whose Telegram speaks German is German.
        Keyword queries the identifier does not call English ("Haselhorst ranking 2018 winner") are English where
        they write a word only the base's English texts have and none that is German by its texts or clearly
        German to the identifier (`english_by_vocabulary`), unless the person speaks German."""
        rest = without_names(text, analysis, slots)
        if not self.normalizer.adjective_forms.isdisjoint(analysis.surfaces) and not asks_in_english(rest):
            return "de"
        found = detect_language(rest)
        if found is None and fallback is None and written_in_english(text, self.normalizer.english_names):
            return "en"
        if found != "en" and fallback != "de" and english_by_vocabulary(rest, self.english_words, self.german_words):
            return "en"
        return found or fallback

    def _unknown(self, token: str, surface: str) -> list[QueryTerm]:
        """Terms for a word the base does not have: its corrections, the compounds that contain it, or, for a
        compound of known words (`Datenlieferung`), one term per part, so an entry must have both parts to
        match it fully."""
        lexicon = self.lexicon
        # A short word is not read as a typo of a word that only compares: "Wetter" is no "weiter" (it found the
        # memo's text, which has "weiter"), as in the grammar.
        typos = {t: w for t, w in lexicon.typos(surface).items() if len(surface) >= LONG_TYPO or not is_comparative(t)}
        around = {
            **lexicon.related(surface),
            **lexicon.verb_forms(token),
            **typos,
            **lexicon.containing(surface),
        }
        parts = compound_parts(token, lexicon.df)
        if len(parts) == 1 and not lexicon.ends_in(fold(surface), parts[0]):
            parts = []  # after a first part the base does not know, no word of its own: a stem shared by chance
        if not parts and not around:
            around = self._without_particle(surface)
        if len(parts) > 1:
            # A part the whole word is read as a form of ("Bürgerhaushalt" of "Bürger") stands in for no other
            # part: an entry with "Bürger" and no "Haushalt" lacks half of what is asked.
            shared = {a: w for a, w in around.items() if a not in parts}
            return [QueryTerm(part, {part: PART_WEIGHT, **shared}, lexicon.idf(part), None, surface) for part in parts]
        alternatives = {**dict.fromkeys(parts, PART_WEIGHT), **around}
        # A misspelt word weighs what the word it most likely is weighs, not what an unknown word would.
        likely = max(sorted(alternatives), key=lambda a: (alternatives[a], lexicon.idf(a)), default=token)
        return [QueryTerm(token, alternatives, lexicon.idf(likely), None, surface)]

    def _without_particle(self, surface: str) -> dict[str, float]:
        """Known forms of the verb an unknown word is with a separable particle in front."""
        lexicon = self.lexicon
        folded = fold(surface)
        for particle in PARTICLES:
            rest = folded[len(particle) :]
            if not folded.startswith(particle) or len(rest) < _MIN_REST:
                continue
            token = stem(rest)
            found = {f: PART_WEIGHT for f in [token, *lexicon.verb_forms(token)] if f in lexicon}
            if found:
                return found
        return {}

    def _slot_term(self, token: str, slot: str, surface: str) -> QueryTerm:
        return QueryTerm(token, {token: 1.0}, self.lexicon.idf(token), slot, surface)

    def _terms(self, analysis: Analysis, small: frozenset[str]) -> tuple[Analysis, list[QueryTerm]]:
        """The query terms of an analysed question; `small`: the words its writer wrote as no name."""
        lexicon = self.lexicon
        cities, rankings = set(analysis.cities), set(analysis.rankings)
        slots = {city_token(c): city_tag(c) for c in cities}
        slots.update({ranking_token(r): ranking_tag(r) for r in rankings})
        slots.update({str(y): year_tag(y) for y in analysis.years})
        terms: list[QueryTerm] = []
        for token, surface in zip(analysis.tokens[:MAX_QUERY_TERMS], analysis.surfaces, strict=False):
            if token in slots:
                terms.append(self._slot_term(token, slots[token], surface))
                continue
            if token in lexicon:
                # A word only one text writes is likely that text's form of a word others write in another:
                # "kritisiert" (said once of Hamburg) is "Kritik" too.
                related = lexicon.related(surface) if lexicon.df.get(token, 0) <= 1 else {}
                alternatives = {**related, **lexicon.verb_forms(token), token: 1.0}
                terms.append(QueryTerm(token, alternatives, lexicon.idf(token), None, surface))
                continue
            named = None if surface in small else self.normalizer.fuzzy_name(surface)
            if named is not None:
                if named.city:
                    cities.add(named.city)
                    terms.append(self._slot_term(named.token, city_tag(named.city), surface))
                elif named.ranking:
                    rankings.add(named.ranking)
                    terms.append(self._slot_term(named.token, ranking_tag(named.ranking), surface))
                continue
            terms.extend(self._unknown(token, surface))
        if rankings != analysis.rankings:
            # A misspelt name beside its publisher's ("Ländreindex von Bitkom") names one ranking, not two.
            tags = {ranking_tag(r): r for r in rankings}
            written: dict[str, set[str]] = {}
            for term in terms:
                if term.slot in tags:
                    written.setdefault(tags[term.slot], set()).update(term.surface.split())
            implied = self.normalizer.implied_rankings(written)
            terms = [t for t in terms if tags.get(t.slot or "") not in implied]
            rankings -= implied
        located = {
            state
            for state, named in self.normalizer.locating_states(cities, rankings).items()
            if not self._has_tagged(city_tag(state), [city_tag(c) for c in sorted(named)])
        }
        if located:
            # A state beside one of its cities that no entry tells of together ("Ulm in Baden-Württemberg") says
            # where the city lies, not a second place asked about (as "Bochum in NRW" may: its place there). As a
            # word it would be one the city's entries lack, and no word of the ranking grammar.
            where = {city_tag(s) for s in located}
            terms = [t for t in terms if t.slot not in where]
            cities -= located
        for left, right in itertools.pairwise(terms):
            joined = stem(left.token + right.token)
            if joined in lexicon:
                left.alternatives.setdefault(joined, JOIN_WEIGHT)
                right.alternatives.setdefault(joined, JOIN_WEIGHT)
        return replace(analysis, cities=frozenset(cities), rankings=frozenset(rankings)), terms
