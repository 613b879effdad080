"""The typed question: understood once, whatever the input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.folding import fold
from bot.models import AnswerType, Decision
from bot.service import FoiService
from bot.understand.answer_types import claim
from bot.understand.question import MAX_UNDERSTOOD
from bot.understand.spelling import one_slip


def test_a_question_is_understood_once_with_everything_later_steps_need(real_service: FoiService) -> None:
    question = real_service.answerer.understander.understand("Wann war Kölns Platzierung im Bitkom-Index am besten?")
    assert question.cities == {"Köln"}
    assert question.rankings == {"bitkom-sci"}
    assert question.answer_type is AnswerType.DATE
    assert question.lang == "de"
    assert question.vector is not None
    assert {t.token for t in question.terms if t.slot is not None} == question.slot_tokens()


def test_the_index_means_the_default_ranking_unless_others_are_asked_about(real_service: FoiService) -> None:
    understand = real_service.answerer.understander.understand
    assert understand("Wie viele Indikatoren hat der Index?").implied_ranking == "bitkom-sci"
    assert understand("Wie schneidet Bochum in anderen Rankings ab?").implied_ranking is None
    assert understand("Wie viele Indikatoren hat der Deutschland-Index?").implied_ranking is None


@pytest.mark.parametrize(
    "question",
    ["Wie viele Indikatoren hat der Länderindex von Bitkom?", "Wie viele Indikatoren hat der Ländrindex von Bitkom?"],
)
def test_the_publisher_beside_a_ranking_misspelt_or_not_is_no_second_ranking(
    real_service: FoiService, question: str
) -> None:
    understood = real_service.answerer.understander.understand(question)
    assert understood.rankings == {"bitkom-laenderindex"}
    assert len([t for t in understood.terms if t.slot is not None]) == 1


def test_a_question_phrase_frames_the_question_and_is_never_a_missing_word(real_service: FoiService) -> None:
    """ "Wie viele" and "how many" ask for a count; an entry that does not write them still answers the question."""
    understand = real_service.answerer.understander.understand
    for text in ("Wie viele Mitarbeiter hat die Stabsstelle?", "How many people work in the staff unit?"):
        framing = {t.surface for t in understand(text).terms if t.framing}
        assert framing == {"wie viele" if text.startswith("Wie") else "how many"}


@given(st.text(max_size=3000))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_is_understood(real_service: FoiService, text: str) -> None:
    question = real_service.answerer.understander.understand(text)
    assert question.lang in {"de", "en"}
    assert len(question.text) <= MAX_UNDERSTOOD
    assert question.cities <= set(real_service.normalizer.city_names.values())
    assert all(t.idf > 0 for t in question.terms if t.token)


@pytest.mark.parametrize(
    ("question", "in_all"),
    [
        ("Wie viele Städte waren 2022 im Index vertreten?", True),
        ("How many cities were assessed in 2024?", True),
        ("Städteanzahl Smart City Index 2023", True),
        ("Wie viele Städte haben ihre Daten geprüft?", False),  # some of them
        ("How many cities from NRW made the top 10?", False),
        ("Wie viele Projekte hat Bochum gemeldet?", False),
    ],
)
def test_a_question_of_cities_with_nothing_else_counts_them_all(
    real_service: FoiService, question: str, in_all: bool
) -> None:
    assert real_service.answerer.understander.understand(question).counts_all is in_all


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("Wie viele Projekte hat Bochum gemeldet?", "projekt"),
        ("How many staff does the unit have?", "mitarbeit"),  # staff by the token of its synonyms
        ("Wie viele Städte waren 2019 dabei?", "stadt"),  # a word of the ranking grammar is counted too
        ("Wie viel Prozent der Bürger nutzen die App?", "prozent"),  # an amount in a unit
        ("Wie viel Geld bekam Bochum?", None),  # an amount: any sum will do
        ("Wie viele Leute arbeiten dort?", None),  # people in general: staff and members are counted too
        ("Wie viele Punkte hatte Bochum 2024?", None),  # points are a kind of answer of their own
        ("Wie oft fragt der Bitkom?", None),
        # English writes its nouns small: a German word after the thing counted is not it
        ("how many pages has the Vermerk", "pag"),
        ("How many files does the Stabsstelle keep?", "fil"),
        # A noun written large right after an adjective is the thing counted, in English too.
        ("How many new Modellprojekte were chosen in 2021?", "modellprojektsmartciti"),
        ("Wie viele neue Kategorien gab es 2023?", "kategori"),
    ],
)
def test_a_how_many_question_knows_what_it_counts(real_service: FoiService, question: str, counted: str | None) -> None:
    found = real_service.answerer.understander.understand(question).counted
    assert (counted in found) if counted else not found, found


@pytest.mark.parametrize(
    "question",
    [
        "Wer ist Hauptgeschäftsführer des Bitkom?",  # "führer" is a part of the word, no form of "führen"
        "Wie ist das Wetter in Bochum?",  # "Wetter" one typo from "weiter", which asks for no figure by itself
        "Wie schneidet Bochum im Ranking der lebenswertesten Städte ab?",  # "Wert" only a part of it
    ],
)
def test_an_unknown_word_is_no_ranking_word_by_a_part_or_a_weak_neighbour(
    real_service: FoiService, question: str
) -> None:
    """They got the top list of 2025 or Bochum's course: the unknown word was read as a word of the grammar."""
    assert real_service.answerer.understander.understand(question).ranking is None


def test_a_typo_of_a_word_asking_for_a_figure_is_still_read_as_it(real_service: FoiService) -> None:
    assert real_service.answerer.understander.understand("Bochum Platzirung 2021").ranking is not None


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Stimmt es, dass Bochum 2021 Erster war?", "Platz 7"),  # a claim checked: the tables tell it is not so
        ("Is it true that Bochum came first in 2021?", "7th"),
        ("Ist es richtig, dass Hamburg 2022 Erster war?", "Platz 1"),
        ("Stimmt es, dass Bochum externe Berater bezahlt hat?", "in keinem Jahr"),
    ],
)
def test_a_claim_to_check_is_read_as_the_claim(real_service: FoiService, question: str, says: str) -> None:
    """ "Stimmt es, dass …" asks whether what follows holds: the lead-in is no word of the subject ("stimmt" was
    read as a typo of "stammt")."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


@pytest.mark.parametrize(
    ("tagged", "plain"),
    [
        ("Did Bochum improve in 2021 or not?", "Did Bochum improve in 2021?"),
        ("Hat sich Dortmund 2020 verbessert, oder nicht?", "Hat sich Dortmund 2020 verbessert?"),
        ("War Bochum 2021 in den Top 10, ja oder nein?", "War Bochum 2021 in den Top 10?"),
        ("Was Cologne ahead of Bonn in 2022 - yes or no", "Was Cologne ahead of Bonn in 2022?"),
    ],
)
def test_a_closing_yes_or_no_tag_is_no_part_of_what_is_asked(real_service: FoiService, tagged: str, plain: str) -> None:
    """The negation of "… or not?" denies nothing: "Did Bochum improve in 2021 or not?" was no ranking question
    and was answered, confidently, by the text on external consultants ("No. … in no year commissioned …")."""
    understand = real_service.answerer.understander.understand
    with_tag, without = understand(tagged), understand(plain)
    assert with_tag.ranking == without.ranking
    assert with_tag.answer_type is without.answer_type
    assert with_tag.yes_no


def test_a_claim_to_check_is_read_without_its_lead_in(real_service: FoiService) -> None:
    understood = real_service.answerer.understander.understand("Stimmt es, dass Bochum Berater hatte?")
    assert understood.answer_type is AnswerType.YESNO
    assert "stimmt" not in {t.token for t in understood.terms}


@pytest.mark.parametrize(
    "question",
    [
        "Ist es wahr, dass Bochum nie externe Berater hatte?",  # the entry's "Nein." would deny a true claim
        "Is it true that Bochum did not hire consultants?",
        "Stimmt es, dass Bochum externe Berater bezahlt hat?",
    ],
)
def test_a_claim_is_answered_with_the_facts_not_the_entrys_yes_or_no(real_service: FoiService, question: str) -> None:
    """The entry's "Ja."/"Nein." answers its own question, which a claim may negate."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert not answer.text.startswith(("Ja", "Nein", "Yes", "No")), question
    assert "20.09.2022" in answer.text or "20 September 2022" in answer.text, question


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("Stimmt es, dass Bochum Berater hatte?", "Bochum Berater hatte?"),
        ("Sag mal, stimmt es eigentlich, dass X?", "X?"),
        ("Is it true Bochum was 7th?", "Bochum was 7th?"),
        ("Stimmt die Zahl?", None),  # no claim: a question about the number
        ("Stimmt es?", None),
        ("Is it true?", None),
    ],
)
def test_the_claim_a_question_checks(text: str, claimed: str | None) -> None:
    assert claim(text) == claimed


def test_a_part_of_a_compound_stands_in_for_no_other_part(real_service: FoiService) -> None:
    """ "Bürgerhaushalt" is read as "Bürger" and "Haushalt"; the whole word is also a form of "Bürger", which let
    the "Haushalt" part be found in the citizen service portal's entry, which has no "Haushalt"."""
    answerer = real_service.answerer
    question = answerer.understander.understand("Gibt es in Bochum einen Bürgerhaushalt?")
    parts = [t for t in question.terms if t.surface == "buergerhaushalt"]
    assert [t.token for t in parts] == ["burg", "haushalt"]
    assert "burg" not in parts[1].alternatives
    found = answerer.assess(question)
    assert found.top is not None
    assert "buergerhaushalt" in found.top.missing


@pytest.mark.parametrize(
    "question",
    ["Wer lag 2015 in der PwC-Studie der Uni Bonn vorne?", "Which city led the 2015 study by the University of Bonn?"],
)
def test_a_city_in_the_name_of_a_rankings_publisher_is_no_city_asked(real_service: FoiService, question: str) -> None:
    understood = real_service.answerer.understander.understand(question)
    assert understood.cities == frozenset()
    assert understood.rankings == {"pwc-staedtestudie"}
    assert len([t for t in understood.terms if t.slot is not None and t.slot.startswith("xr")]) == 1


@pytest.mark.parametrize(
    ("question", "answered_with"),
    [
        ("Welchen Status hat die Anfrage an die Stadt Ulm (Baden-Württemberg)?", "abgeschlossen"),
        ("Platz von Karlsruhe in Baden-Wuerttemberg im Smart City Index 2019", "Platz 2"),
        ("What place did Karlsruhe, Baden-Württemberg, take in 2019?", "2nd place"),
    ],
)
def test_a_state_named_beside_one_of_its_cities_only_says_where_the_city_lies(
    real_service: FoiService, question: str, answered_with: str
) -> None:
    """No entry tells of Ulm or Karlsruhe together with their state: as a second place the state found nothing
    ("I do not know"), and a ranking question read as a comparison of the city with its state."""
    understood = real_service.answerer.understander.understand(question)
    assert "Baden-Württemberg" not in understood.cities
    assert all(t.slot != "xcbadenwuerttemberg" for t in understood.terms)
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER
    assert answered_with in answer.text


def test_a_state_an_entry_tells_of_with_its_city_stays_a_place_asked_about(real_service: FoiService) -> None:
    """Entries tell how Bochum did among the cities of NRW; and a ranking of states ranks the state itself."""
    understand = real_service.answerer.understander.understand
    assert understand("Wo lag Bochum 2024 innerhalb von NRW?").cities == {"Bochum", "Nordrhein-Westfalen"}
    assert understand("Bayern und München im Länderindex 2024").cities == {"Bayern", "München"}


def test_a_small_word_is_not_read_as_a_misspelt_part_of_a_name(real_service: FoiService) -> None:
    """ "und Bonn" is one edit from "Uni Bonn", a name of the PwC study: Bonn's place was said to be missing."""
    understood = real_service.answerer.understander.understand("Welchen Platz hatten Köln und Bonn 2024?")
    assert "Bonn" in understood.cities
    assert "pwc-staedtestudie" not in understood.rankings


def test_a_word_written_small_by_one_who_writes_names_large_is_no_misspelt_name(real_service: FoiService) -> None:
    """ "ergangen" is one edit from "Erlangen": "Wie ist es Münster ergangen?" asked of two cities, and the guard
    kept every text away. Written small by one who writes names large, it is the verb; a misspelt name is still one
    where it is written large, or where nothing is."""
    understand = real_service.answerer.understander.understand
    assert understand("Wie ist es Münster 2024 ergangen?").cities == {"Münster"}
    assert understand("Wie ist es Dortmnud 2024 ergangen?").cities == {"Dortmund"}
    assert "Dortmund" in understand("wie ist es dortmnud 2024 ergangen").cities


def test_a_correction_that_asks_for_another_kind_of_answer_is_no_second_reading(real_service: FoiService) -> None:
    """ "heißen" is one letter from "heißten", a form of "heißt", which the base writes: corrected, "Wie heißen die
    Leitthemen …?" no longer asked for names and was answered by a text that names none."""
    understander = real_service.answerer.understander
    question = understander.understand("Wie heißen die Leitthemen in Bochum?")
    assert question.answer_type is AnswerType.NAME
    assert understander.reread(question) is None
    slipped = understander.understand("Wie viele Paramter hatte der Index 2021?")
    reread = understander.reread(slipped)
    assert reread is not None
    assert reread.text == "Wie viele Parameter hatte der Index 2021?"


def test_small_words_are_not_read_as_a_misspelt_word_of_a_name(real_service: FoiService) -> None:
    """ "in den" is two edits from "index": "in Deutschland in den letzten Jahren" named the Deutschland-Index, and
    its guard kept away the entry on e-government use over the years."""
    understand = real_service.answerer.understander.understand
    assert not understand("Ist die Nutzung in Deutschland in den letzten Jahren gestiegen?").rankings
    assert understand("deutschland indx 2021").rankings == {"deutschland-index"}


def test_a_name_after_a_possessive_is_read_whole(real_service: FoiService) -> None:
    """The "s" of "Bochum's" began a misspelt "Smart City" that hid the name of the Smart City Innovation Unit."""
    assert real_service.ask("What is Bochum's Smart City Innovation Unit?").entry_ids[:1] == ["bochum-sciu"]
    assert real_service.ask("Who takes part in Bochum's Smart City Innovation Unit?").answered


def test_a_word_only_one_text_writes_finds_the_others_form_of_it_too(real_service: FoiService) -> None:
    """ "funktioniert" is written once: as a known word it would find no "funktionieren". ("kritisiert", written
    once too, found no "Kritik" this way before an alias joined them.)"""
    understood = real_service.answerer.understander.understand("Bewertet der Index, ob ein Dienst funktioniert?")
    assert "funktioni" in next(t for t in understood.terms if t.token == "funktioniert").alternatives
    assert real_service.ask("Was hat der WDR am Smart City Index kritisiert?").entry_ids == ["bitkom-sci-kritik"]
    # A word many texts write stays itself: "Stadt" is no "Stadtrat" nor "Stadtwerke".
    assert real_service.lexicon.related("stadt")
    stadt = real_service.answerer.understander.understand("Welche Stadt?").terms
    assert [t.alternatives for t in stadt if t.token == "stadt"] == [{"stadt": 1.0}]


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("Bochum Einwohnerzahl", "einwohn"),
        ("Teilnehmerzahl Smart City Index 2023", "teilnehm"),
        ("Städteanzahl Smart City Index 2021", "stadt"),  # "Anzahl" as the number noun
    ],
)
def test_a_noun_naming_a_number_asks_how_many(real_service: FoiService, question: str, counted: str) -> None:
    """A keyword question with "Einwohnerzahl" asks how many residents, as "Wie viele Einwohner …?" does: the
    text on Bochum's projects, whose numbers count documents, spoke for it as if it answered."""
    understood = real_service.answerer.understander.understand(question)
    assert understood.answer_type is AnswerType.COUNT
    assert counted in understood.counted


def test_a_number_noun_tells_an_entry_counting_other_things_apart(real_service: FoiService) -> None:
    understood = real_service.answerer.understander.understand("Bochum Einwohnerzahl")
    found = real_service.answerer.assess(understood)
    assert found.signals is not None
    assert found.signals.counted == 0.0


@pytest.mark.parametrize("question", ["Punktzahl Bochum 2024", "Kennzahlen Deutschland-Index"])
def test_a_score_or_indicators_are_no_number_of_things(real_service: FoiService, question: str) -> None:
    assert real_service.answerer.understander.understand(question).answer_type is not AnswerType.COUNT


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Fur wen hat die Stadt 2020 den Vermerk geschrieben?", "Für wen hat die Stadt 2020 den Vermerk geschrieben?"),
        ("Uber welche Themen hat Bochum 2022 informiert?", "Über welche Themen hat Bochum 2022 informiert?"),
        ("Wie viele Stadte hat der Bitkom 2023 gepruft?", "Wie viele Städte hat der Bitkom 2023 geprüft?"),
        ("Wie schnitt Bochum 2021 bei Mobilitaet ab?", "Wie schnitt Bochum 2021 bei Mobilität ab?"),
        ("Welcher Oberbuergermeister bekam den Vermerk?", "Welcher Oberbürgermeister bekam den Vermerk?"),
    ],
)
def test_a_question_typed_without_umlauts_is_read_as_written_with_them(
    real_service: FoiService, typed: str, written: str
) -> None:
    """On a keyboard without umlauts people drop them ("fur") or spell them out ("Mobilitaet"): "fur" was a word
    the base lacks, not the function word "für", and "Fur wen …?" asked for no person."""
    understand = real_service.answerer.understander.understand
    without, with_them = understand(typed), understand(written)
    assert without.text == with_them.text
    assert [t.token for t in without.terms] == [t.token for t in with_them.terms]
    assert without.answer_type is with_them.answer_type


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Welhe Städte lagen 2021 vor Bochum?", "Welche Städte lagen 2021 vor Bochum?"),
        ("Welcen Rang hatte Dortmund 2024?", "Welchen Rang hatte Dortmund 2024?"),
        ("wer hat bochum eigentich die daten geliefert", "wer hat bochum eigentlich die daten geliefert"),
        ("Waht place did Dresden reach in 2022?", "What place did Dresden reach in 2022?"),
    ],
)
def test_a_typo_in_a_question_word_is_read_as_the_word(real_service: FoiService, typed: str, written: str) -> None:
    """Function words are no words of the base, so their typos were words it lacks: "Welcen Rang hatte Dortmund
    2024?" was no ranking question and got only suggestions."""
    understand = real_service.answerer.understander.understand
    mistyped, meant = understand(typed), understand(written)
    assert [t.token for t in mistyped.terms] == [t.token for t in meant.terms]
    assert mistyped.ranking == meant.ranking
    assert real_service.ask(typed).answered


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Lag Dresden 2022 hinetr Hamburg?", "Lag Dresden 2022 hinter Hamburg?"),
        ("Wo ist Karlsruhe 2019 gelanddet?", "Wo ist Karlsruhe 2019 gelandet?"),
        ("Wer war 2021 beser, Essen oder Dortmund?", "Wer war 2021 besser, Essen oder Dortmund?"),
        ("Was Köln behnid Bonn in 2019?", "Was Köln behind Bonn in 2019?"),
        ("Wo ist Aachen 2022 gelandat?", "Wo ist Aachen 2022 gelandet?"),
    ],
)
def test_a_slip_in_a_word_of_the_ranking_grammar_still_asks_for_a_standing(
    real_service: FoiService, typed: str, written: str
) -> None:
    """A letter left out, doubled or swapped in a word only the ranking grammar reads ("hinter", "gelandet") left
    a word the base lacks and no ranking question: "Lag Dresden 2022 hinetr Hamburg?" got suggestions."""
    understand = real_service.answerer.understander.understand
    assert understand(written).ranking is not None
    assert understand(typed).ranking == understand(written).ranking
    assert real_service.ask(typed).answered


@pytest.mark.parametrize(
    "question", ["Wie ist das Wetter in Bochum?", "Wie viele Kita-Plätze fehlen in Bochum?", "Was ist ein Hintergrund?"]
)
def test_a_word_that_is_no_slip_of_the_ranking_grammar_asks_for_no_standing(
    real_service: FoiService, question: str
) -> None:
    """ "Wetter" is one letter from "weiter", "fehlen" another form of "fehlten": words of their own."""
    assert real_service.answerer.understander.understand(question).ranking is None


@pytest.mark.parametrize(
    ("typed", "corrected"),
    [
        ("Wann wurde die Strategei beschlossen?", "Wann wurde die Strategie beschlossen?"),
        ("Wie viele Paramter wurden 2023 untersucht?", "Wie viele Parameter wurden 2023 untersucht?"),
        ("Wie viele Stdte wurden untersucht?", "Wie viele Städte wurden untersucht?"),
        # A word the base knows only in another form (by its stem): "Strategien" beside "Strategie".
        ("Welche Strateigen hat Bochum beschlossen?", "Welche Strategien hat Bochum beschlossen?"),
        ("Wurde mit Bertaern gesprochen?", "Wurde mit Beratern gesprochen?"),
        ("Welche Instrummente nutzt Bochum?", "Welche Instrumente nutzt Bochum?"),
        # Not a shorter word: it is too often a word of its own one slip from a form of another.
        ("Who will write the next memo?", None),
        ("Wo sitzen die Leute der Unit?", None),
        # Not the last letter, not a letter replaced, not a German word in an English question, not a word the
        # base writes: each is a word of its own.
        ("In which month was the memo written?", None),
        ("Wer hat in Bochum angefragt?", None),
        ("What does the letter say?", None),
        ("Wann wurde die Strategie beschlossen?", None),
        # A form of a word the base writes is no slip of another: "Stellen" is no "Stellten".
        ("Welche Stellen liefern die Daten an Bitkom?", None),
    ],
)
def test_a_slip_of_the_finger_is_corrected_to_the_one_word_the_base_knows(
    real_service: FoiService, typed: str, corrected: str | None
) -> None:
    assert real_service.answerer.understander.corrected(typed) == corrected


@given(st.text(alphabet="abdeginrstuwäWSP ?", max_size=40))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_correcting_slips_changes_only_words_the_base_does_not_write(real_service: FoiService, text: str) -> None:
    understander = real_service.answerer.understander
    corrected = understander.corrected(text)
    assert corrected is None or (corrected != text and len(corrected.split()) == len(text.split()))
    for before, after in zip(text.split(), (corrected or text).split(), strict=True):
        if before != after:
            assert one_slip(fold(before), fold(after), replaced=False)


def test_a_typo_in_a_word_asking_for_a_figure_still_asks_for_it(real_service: FoiService) -> None:
    """No source gives Bochum's points of 2020: with "Punkte" mistyped, the question was no question of points and
    was answered with Bochum's place."""
    answer = real_service.ask("Wie viele Pnkte bekam Bochum 2020?")
    assert real_service.answerer.understander.understand("Wie viele Pnkte bekam Bochum 2020?").answer_type is (
        AnswerType.POINTS
    )
    assert not answer.answered


@pytest.mark.parametrize("question", ["Was Munich ahead of Bonn in 2021?", "Wie schnitt Bochum 2021 ab, schon besser?"])
def test_a_word_the_base_knows_keeps_its_spelling(real_service: FoiService, question: str) -> None:
    """ "schon" is a word of its own, not "schön" typed without its umlaut; English stays English."""
    assert real_service.answerer.understander.understand(question).text == question


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # Both got no answer or the course of places without the points: no text of 2023 tells 2024's gain.
        ("how many points did bochum gain from 2023 to 2024", "It gained 6.1 points"),
        ("Wie viele Punkte hat Bochum von 2023 auf 2024 zugelegt?", "gewann 6,1 Punkte hinzu"),
    ],
)
def test_a_change_from_one_year_to_the_next_asks_of_the_later_year(
    real_service: FoiService, question: str, said: str
) -> None:
    assert real_service.answerer.understander.understand(question).years == {2024}
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER
    assert said in answer.text


def test_two_years_set_side_by_side_or_apart_stay_two(real_service: FoiService) -> None:
    understand = real_service.answerer.understander.understand
    assert understand("War Bochum 2024 besser als 2023?").years == {2023, 2024}
    assert understand("Wie viele Punkte hat Bochum von 2021 auf 2024 zugelegt?").years == {2021, 2024}
    assert understand("Wie viele Punkte hatten Bochum und Köln 2023 und 2024?").years == {2023, 2024}


@pytest.mark.parametrize(
    ("chatty", "plain"),
    [
        ("haha wer war 2021 erster", "wer war 2021 erster"),
        ("hat köln eig 2023 nen top platz gehabt", "hat köln 2023 nen top platz gehabt"),
        ("lol how many points did kiel get in 2022", "how many points did kiel get in 2022"),
        ("ist dortmund 2022 voll abgestürzt", "ist dortmund 2022 abgestürzt"),
        ("na und wer war 2022 letzter", "wer war 2022 letzter"),
        ("quick q: who won in 2023", "who won in 2023"),
        ("Welche Städte stiegen 2021 jeweils um zehn Plätze?", "Welche Städte stiegen 2021 um zehn Plätze?"),
        ("How many points did each of the top five get in 2022?", "How many points did the top five get in 2022?"),
    ],
)
def test_chat_interjections_shorthand_and_each_change_nothing_asked(
    real_service: FoiService, chatty: str, plain: str
) -> None:
    """ "haha", "lol", "na", "quick q", "eig" (eigentlich), "jeweils" are no topic: with them a question lost its
    ranking intent."""
    understand = real_service.answerer.understander.understand
    said, meant = understand(chatty), understand(plain)
    assert said.ranking == meant.ranking
    assert meant.ranking is not None
    assert [t.token for t in said.terms] == [t.token for t in meant.terms]


def test_a_city_name_with_a_key_held_too_long_is_that_city(real_service: FoiService) -> None:
    """ "Bonnn" found no city: names under five letters are not matched by edits, and the word is longer than the
    name, which the rule for letters left out needs."""
    understand = real_service.answerer.understander.understand
    assert understand("Was hat FragDenStaat die Stadt Bonnn gefragt?").cities == {"Bonn"}
    assert understand("Wie lag Kiell 2023 im Index?").cities == {"Kiel"}
    assert understand("Wie lag Bochummm 2023 im Index?").cities == {"Bochum"}
