from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.folding import fold
from bot.models import Aliases, Ranking
from bot.service import FoiService
from bot.understand import normalize
from bot.understand.normalize import Normalizer, compound_parts, typo_budget

ALIASES = Aliases(
    synonyms=[
        ["platz", "rang", "platzierung", "rank"],
        ["ifg", "informationsfreiheitsgesetz", "freedom of information"],
    ],
    cities={
        "München": ["Munich", "Muenchen"],
        "Siegen": [],
        "Freiburg im Breisgau": ["Freiburg"],
        "Bochum": [],
    },
)
RANKINGS = [Ranking(id="bitkom-sci", name="Bitkom Smart City Index", aliases=["Smart City Index", "SCI"])]
N = Normalizer(ALIASES, RANKINGS)


def test_umlaut_and_ae_forms_meet() -> None:
    assert N.analyze("Städte Großstädte").tokens == N.analyze("Staedte Grossstaedte").tokens
    assert fold("GEBÜHREN") == "gebuehren"


def test_possessives_in_every_case_are_stop_words() -> None:
    """ "seines" counted as an informative word the base never writes, and so as one the best entry lacked."""
    for text in ("bei der Ausgabe seines Vergleichs", "in unserem Vergleich", "mit ihres Vergleichs"):
        assert N.analyze(text).tokens[-1:] == N.analyze("Vergleich").tokens, text
        assert len(N.analyze(text).tokens) <= 2, text


def test_synonyms_map_to_one_token() -> None:
    assert N.analyze("Platzierung").tokens == N.analyze("Rang").tokens == N.analyze("rank").tokens
    assert N.analyze("Freedom of Information").tokens == N.analyze("IFG").tokens


def test_ranking_names_and_compound_spellings_are_one_slot() -> None:
    for text in ("Smart City Index", "Smart-City-Index", "SmartCity Index", "SCI", "bitkom smart city index"):
        assert N.analyze(text).rankings == {"bitkom-sci"}, text


def test_cities_match_on_surface_words_not_stems() -> None:
    assert N.analyze("Wie schnitt Siegen ab?").cities == {"Siegen"}
    assert N.analyze("Wer ist der Sieger?").cities == frozenset()
    assert N.analyze("Munich and Bochums Platz").cities == {"München", "Bochum"}
    assert N.analyze("Freiburg im Breisgau").cities == N.analyze("Freiburg").cities == {"Freiburg im Breisgau"}


def test_years_are_slots_and_stop_words_go() -> None:
    analysis = N.analyze("Welchen Platz hatte Bochum 2021 im Ranking?")
    assert analysis.years == {2021}
    assert "welchen" not in analysis.tokens
    assert "hatte" not in analysis.tokens
    # English pronouns are function words as German ones are ("she", "her" as "sie", "ihre").
    assert N.analyze("When did she send her request?").tokens == N.analyze("When did they send the request?").tokens
    # "very" as "sehr": "bochum score in the very first index" was no ranking question for a word of its topic.
    assert "very" not in N.analyze("bochum score in the very first index").tokens
    # "irgendwann" as "jemals" ("je" is also "per": "Punkte je Kategorie").
    assert "irgendwann" not in N.analyze("Hat Bochum irgendwann Berater engagiert?").tokens


def test_a_year_after_before_or_after_is_a_boundary_not_the_year_asked() -> None:
    """ "Gab es einen Smart City Index vor 2019?" got Bochum's place of 2019."""
    assert N.analyze("Gab es einen Smart City Index vor 2019?").years == set()
    assert N.analyze("How did Bochum do after 2022?").years == set()
    assert N.analyze("Welche Stadt lag 2021 vor Bochum?").years == {2021}


def test_a_stop_word_in_capitals_is_an_abbreviation() -> None:
    assert "it" in N.analyze("Köln IT 2019 Punkte").tokens  # Informationstechnik
    assert "it" not in N.analyze("Did it rank well?").tokens
    for text in ("Wie schnitt Bochum ab? DANKE", "Wo lag Bochum IM Jahr 2024?", "Where did Bochum rank IN 2024?"):
        assert N.analyze(text).tokens == N.analyze(text.lower()).tokens, text  # emphasis, not abbreviations
    assert N.analyze("WIE HAT BOCHUM ABGESCHNITTEN?").tokens == N.analyze("Wie hat Bochum abgeschnitten?").tokens


def test_forms_of_sein_and_werden_and_per_are_function_words() -> None:
    """ "wie viele städte sind 2025 dabei gewesen" missed its entry for "gewesen", which no entry says."""
    assert N.analyze("wie viele städte sind 2025 dabei gewesen").tokens == N.analyze("wie viele städte 2025").tokens
    assert len(N.analyze("parameters per city").tokens) == 2
    # A review found "Ist Bochum pro Ranking?" and "Wie viele Punkte je Kategorie gibt es?" answered without them.
    assert len(N.analyze("Ist Bochum pro Ranking?").tokens) == 3
    assert len(N.analyze("Punkte je Kategorie").tokens) == 3
    assert N.analyze("Wann ist die Anfrage gestellt worden?").tokens == N.analyze("Wann Anfrage gestellt?").tokens


def test_points_abbreviated_are_points(real_service: FoiService) -> None:
    normalizer = real_service.answerer.understander.normalizer
    assert normalizer.analyze("munich 2025 pts").tokens == normalizer.analyze("munich 2025 points").tokens
    assert normalizer.analyze("Köln Pkt 2024").tokens == normalizer.analyze("Köln Punkte 2024").tokens


def test_ob_is_the_mayor_in_capitals_or_after_an_article_and_whether_otherwise() -> None:
    """ "Wie heißt der OB von Bochum?" lost its only content word as the stop word "ob" (whether)."""
    mayor = N.analyze("Oberbürgermeister").tokens[0]
    assert mayor in N.analyze("Wie heißt der OB von Bochum?").tokens
    assert mayor in N.analyze("hat der ob was vom ranking mitbekommen").tokens
    assert mayor in N.analyze("gabs nen vermerk für den ob").tokens
    assert mayor in N.analyze("wer ist eigentlich ob in bochum").tokens
    assert mayor in N.analyze("wer is der bochumer ob").tokens
    assert mayor not in N.analyze("Weißt du, ob Bochum Berater hatte?").tokens
    assert mayor not in N.analyze("Frage: ob es einen Vermerk gab").tokens


def test_fuzzy_city_needs_six_letters_and_first_letter() -> None:
    assert N.fuzzy_city("muenchn") == "München"
    assert N.fuzzy_city("bohcum") == "Bochum"
    assert N.fuzzy_city("siege") is None


def test_a_five_letter_word_is_a_city_with_a_letter_left_out_inside_its_own_name() -> None:
    assert N.fuzzy_city("bocum") == "Bochum"
    assert N.fuzzy_city("ochum") is None  # the first letter must be right
    assert N.fuzzy_city("bochu") is None  # the beginning of a name is no typo of it ("Kasse", "Kassel")
    assert N.fuzzy_city("bochumer") == "Bochum"
    assert N.fuzzy_city("bocher") is None  # one edit from a form ("Bochumer") only counts from six letters


def test_typo_budget_by_length_and_never_for_numbers() -> None:
    assert [typo_budget(w) for w in ("bonn", "bochum", "digitalisierung", "2021", "12345678")] == [
        0,
        1,
        2,
        0,
        0,
    ]


def test_compound_parts_use_known_words() -> None:
    vocabulary = {"ranking", "digitalisier"}
    assert compound_parts("digitalisierungsranking", vocabulary) == ["digitalisier", "ranking"]
    assert compound_parts("ranking", vocabulary) == []


def test_an_adjective_of_what_is_worth_doing_is_no_compound_of_wert() -> None:
    """ "Ranking der lebenswertesten Städte" was answered with Bochum's evaluation of its Bitkom result: "wert" as
    in "Wertet Bochum sein Ergebnis aus?"."""
    vocabulary = {"wert", "leb", "punkt"}
    assert compound_parts("lebenswert", vocabulary) == []
    assert compound_parts("sehenswert", vocabulary) == []
    assert compound_parts("punktwert", vocabulary) == ["punkt", "wert"]


@given(st.text(max_size=300))
def test_analysis_never_fails_and_yields_plain_tokens(text: str) -> None:
    analysis = N.analyze(text)
    assert all(re.fullmatch(r"[a-z0-9]+", t) for t in analysis.tokens)
    assert len(analysis.tokens) == len(analysis.surfaces)


def test_the_latest_year_moves_on_while_the_bot_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to next year a number is a year; later ones are names (`Strategie 2030`). A bot started in one year
    and still running in the next knows the new next year."""
    this_year = dt.date.today().year
    question = f"Platz {this_year + 2}"
    assert N.analyze(question).years == set()

    class NextYear(dt.date):
        @classmethod
        def today(cls) -> NextYear:
            return cls(this_year + 1, 1, 1)

    monkeypatch.setattr(normalize, "dt", SimpleNamespace(date=NextYear))
    assert N.analyze(question).years == {this_year + 2}


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("fuhrt", "fuhr"),
        ("geschafft", "schafft"),
        ("gespielt", "spielt"),
        ("liefert", "liefer"),
        ("vorgestellt", "vorstell"),  # the participle's "ge" after a separable particle
        ("ausgewert", "auswert"),
    ],
)
def test_verb_variants_bridge_the_t_forms_and_participles(word: str, form: str) -> None:
    assert form in normalize.verb_variants(word)


def test_a_noun_in_ung_is_bridged_to_its_verb_where_the_stemmer_keeps_the_ending() -> None:
    """ "Gründung" (stem "grundung") and "gegründet" (stem "gegrund") were two words: "SCIU Gründung" found the
    unit's text but did not cover it."""
    assert normalize.noun_variants(normalize.stem("gruendung")) >= {normalize.stem("gruenden"), "gegrund"}
    assert normalize.noun_variants(normalize.stem("bildeten")) == set()  # no verb is read as its noun


def test_a_question_word_is_no_form_of_a_verb() -> None:
    """ "gewann" without its "ge" is "wann": every text with a when-question matched a question of winning."""
    assert "wann" not in normalize.verb_variants("gewann")


def test_a_doubled_t_ends_the_root() -> None:
    """ "Pott" (the Ruhr) was read as a -t form of "pot", the funding pot of the model project's English text."""
    assert "pot" not in normalize.verb_variants("pott")
    assert "warte" in normalize.verb_variants("wartet")  # a single one still ends a -t form


@given(st.text(max_size=30))
def test_word_forms_never_include_the_word_itself(word: str) -> None:
    assert word not in normalize.verb_variants(word)
    assert word not in normalize.english_variants(word)
    assert word not in normalize.noun_variants(word)


@pytest.mark.parametrize(
    ("token", "form"),
    [("publish", "published"), ("published", "publish"), ("submitted", "submit"), ("draft", "drafting")],
)
def test_english_variants_bridge_what_the_german_stemmer_leaves_apart(token: str, form: str) -> None:
    assert form in normalize.english_variants(token)


def test_english_variants_leave_short_words_alone() -> None:
    assert normalize.english_variants("bei") == set()


def test_spoken_forms_of_haben_are_function_words(real_service: FoiService) -> None:
    """ "ham" in "wie viele städte ham 2020 ihre daten gecheckt" counted as a word the texts lack."""
    analyze = real_service.answerer.understander.normalizer.analyze
    assert "ham" not in analyze("wie viele städte ham 2020 ihre daten gecheckt").tokens
    assert "hams" not in analyze("wie viele datenpunkte hams 2025 gesammelt").tokens
    assert analyze("Wo lag Hamm 2024?").cities == {"Hamm"}


def test_inside_and_a_contraction_ask_nothing_of_their_own() -> None:
    """ "was stand so grob in dem vermerk an eiskirch drin" missed its entry for "drin" (and "grob"), which no
    entry says; "whats new …" for "whats"."""
    assert N.analyze("was stand in dem vermerk drin").tokens == N.analyze("was stand in dem vermerk").tokens
    assert N.analyze("whats new in the index").tokens == N.analyze("what is new in the index").tokens


def test_roughly_is_worth_little(real_service: FoiService) -> None:
    """ "grob" as "ungefähr": a word no entry says, which asks for nothing."""
    answer = real_service.ask("Was steht grob im Vermerk an den OB drin?")
    assert answer.answered, answer.text
    assert answer.entry_ids == ["257364-vermerk-2020"]


def test_a_publisher_in_front_of_its_ranking_is_part_of_the_name() -> None:
    """ "Which state came first in the eco Digitaler Länderkompass 2019?" kept "eco" as a word of its own, and the
    first place it asks for was not understood."""
    compass = Ranking(
        id="eco-laenderkompass",
        name="Digitaler Länderkompass",
        publisher="eco – Verband der Internetwirtschaft",
        aliases=["Länderkompass"],
    )
    normalizer = Normalizer(ALIASES, [compass])
    for text in ("eco Digitaler Länderkompass", "eco Länderkompass", "Digitaler Länderkompass"):
        analysis = normalizer.analyze(text)
        assert analysis.rankings == {"eco-laenderkompass"}, text
        assert len(analysis.tokens) == 1, text
    # Elsewhere the publisher's name stays a word of the question.
    assert "eco" in normalizer.analyze("Was macht eco?").tokens


def test_the_publishers_of_a_ranking_are_each_named_once() -> None:
    def names(publisher: str) -> list[str]:
        return Ranking(id="r", name="R", publisher=publisher).publisher_names()

    assert names("Bitkom e.V.") == ["Bitkom"]
    assert names("ÖFIT / Fraunhofer FOKUS") == ["ÖFIT", "Fraunhofer FOKUS"]
    assert names("Haselhorst Associates (2019 mit BILANZ)") == ["Haselhorst Associates"]
    assert names("eco – Verband der Internetwirtschaft") == ["eco", "Verband der Internetwirtschaft"]


def test_a_registered_association_is_named_without_its_form() -> None:
    assert Ranking(id="r", name="R", publisher="Bitkom E.V.").publisher_names() == ["Bitkom"]
