"""The ranking grammar: questions about places without the words Platz or Rang, comparisons of years and cities,
changes, and misspelt ranking names, all answered from the tables."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import messages
from bot.folding import fold
from bot.kb.rankings import entry_id
from bot.models import AnswerType, Decision, Lang
from bot.service import FoiService
from bot.tables import _gap
from bot.understand.normalize import stem
from bot.understand.ranking import (
    RankingAsk,
    asks_which_city,
    claims_ahead,
    counts_places,
    first_edition,
    grammar_form,
    kin,
    ordinal_things,
    outside_bounds,
    top_size,
)


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Wie stand Dortmund 2023 da?", RankingAsk.PLACE),
        ("Mit welchem Platz schloss Dresden 2023 ab?", RankingAsk.PLACE),
        ("How did Hanover fare in 2025?", RankingAsk.PLACE),
        ("Leipzig 2024 – wie war das Ergebnis?", RankingAsk.PLACE),
        ("Wie viele Punkte holte Köln 2023?", RankingAsk.POINTS),
        ("Hat sich Münster von 2023 auf 2024 verbessert?", RankingAsk.COMPARE),
        ("Essen 2023 gegen 2024", RankingAsk.COMPARE),
        ("Dortmund oder Essen 2024 – wer lag vorn?", RankingAsk.COMPARE),
        ("Um wie viele Plätze hat sich Essen 2024 verbessert?", RankingAsk.CHANGE),
        ("Wer war 2022 ganz hinten?", RankingAsk.LAST),
        ("Wer lag 2023 auf dem dritten Platz?", RankingAsk.NTH),
        ("die besten zehn 2021", RankingAsk.TOP),
        ("Wie hat sich Bonn über die Jahre geschlagen?", RankingAsk.TREND),
        ("Wie erfolgreich war Dortmund 2021?", RankingAsk.PLACE),
        ("Wie lautete das Resultat von Köln 2022?", RankingAsk.PLACE),
        ("Wie stark war Leipzig 2024 aufgestellt?", RankingAsk.PLACE),
        ("Schaffte es Kiel 2021 unter die ersten 30?", RankingAsk.PLACE),
        ("War Essen 2023 schwächer als 2022?", RankingAsk.COMPARE),
        ("Wie knapp war es 2020 zwischen Bonn und Köln?", RankingAsk.COMPARE),
        ("Welche Städte führen den Smart City Index 2023 an?", RankingAsk.TOP),
        ("Wer führte 2021 den Smart City Index an?", RankingAsk.NTH),
        ("Wer gewann 2019?", RankingAsk.NTH),
        ("Which city ended up last in 2022?", RankingAsk.LAST),
        ("Wo befand sich Essen 2021 im Index?", RankingAsk.PLACE),
        ("Hat Essen 2024 Plätze gutgemacht?", RankingAsk.CHANGE),
        ("Who topped the index in 2020?", RankingAsk.NTH),
        ("Bochum 2024 im Vergleich zum Vorjahr", RankingAsk.COMPARE),
        ("Was Essen worse in 2023 than the year before?", RankingAsk.COMPARE),
        ("Sag mir, welchen Platz Bochum 2021 hatte", RankingAsk.PLACE),
        ("Wie hat sich Bochum von 2019 bis 2025 entwickelt?", RankingAsk.COMPARE),  # with the years between
        ("Was war Bochums beste Platzierung?", RankingAsk.BEST),
        ("Nenne die Top 10 von 2025", RankingAsk.TOP),
        ("List the top 10 of 2024", RankingAsk.TOP),
        ("What was Bochum's worst place ever?", RankingAsk.WORST),
        ("How did Essen develop between 2021 and 2024?", RankingAsk.COMPARE),
        ("Wie hat sich Ulm von 2022 auf 2023 verändert?", RankingAsk.COMPARE),  # two years, not a span
        # "improve" is read as "verbessern" (a synonym), which the grammar lacked: only its forms were there.
        ("Did Bochum improve in 2021?", RankingAsk.CHANGE),
        ("Konnte sich Bochum 2021 verbessern?", RankingAsk.CHANGE),
        ("How much did Hamburg's score improve from 2023 to 2024?", RankingAsk.COMPARE),
        # Hedges say how sure or exact the answer should be, not what it is about.
        ("Wie viele Punkte hatte Dresden 2024 ungefähr?", RankingAsk.POINTS),
        ("Kiel 2023 – welcher Platz exakt?", RankingAsk.PLACE),
        ("What was Leipzig's exact place in 2024?", RankingAsk.PLACE),
        ("Who came first in 2021 again?", RankingAsk.NTH),
        ("War Essen 2022 echt Zehnter?", RankingAsk.PLACE),
        # A verb written apart from its particle, as people type it.
        ("Wie viele Plätze hat Essen 2024 gut gemacht?", RankingAsk.CHANGE),
        ("Ist Köln 2023 zurück gefallen?", RankingAsk.CHANGE),
        # The first ones counted are a top list, not the first place.
        ("Welche Städte waren 2021 die ersten zehn?", RankingAsk.TOP),
        ("Who were the first 5 in 2023?", RankingAsk.TOP),
        ("Which city came first in 2019?", RankingAsk.NTH),
        ("Which cities made the top five in 2024?", RankingAsk.TOP),
        ("Top vier 2023", RankingAsk.TOP),
        ("War Ulm 2024 besser als im Jahr davor?", RankingAsk.COMPARE),
        ("Köln 2021 vs. 2022 – was hat sich geändert?", RankingAsk.COMPARE),
        # Better or worse than nothing named: than the year before.
        ("Ist Bonn 2023 besser geworden?", RankingAsk.CHANGE),
        ("Did Kiel get worse in 2024?", RankingAsk.CHANGE),
        ("War Bonn 2023 besser als Platz 10?", RankingAsk.PLACE),
        # Overtaking compares two cities; "gehabt", "stay", "geblieben" only frame; "down" is a fall.
        ("Hat Köln Stuttgart 2024 überholt?", RankingAsk.COMPARE),
        ("Did Leipzig overtake Dresden in 2022?", RankingAsk.COMPARE),
        ("hatte kiel 2024 weniger punkte gehabt als 2023?", RankingAsk.COMPARE),
        ("Did Kiel score more points in 2023 than in 2022?", RankingAsk.COMPARE),
        ("Essen 2022 vs 2023, up or down?", RankingAsk.COMPARE),
        ("Did Darmstadt go down in 2021?", RankingAsk.CHANGE),
        ("Did Ulm stay in the top 10 in 2024?", RankingAsk.PLACE),
        ("Ist Münster 2023 in den Top 20 geblieben?", RankingAsk.PLACE),
        # Falls and jumps in other words, beating a city, still holding a place, a way over years, a list in order.
        ("Köln crashed in 2023, from where to where?", RankingAsk.CHANGE),
        ("How far has Kiel slipped in 2022?", RankingAsk.CHANGE),
        ("Essener Absturz 2023?", RankingAsk.CHANGE),
        ("How far did Potsdam jump in 2024?", RankingAsk.CHANGE),
        ("Did Hamburg beat Munich in 2024?", RankingAsk.COMPARE),
        ("Is Munich still number 1 in 2024?", RankingAsk.PLACE),
        ("Hat Darmstadt 2023 die Top 10 verpasst?", RankingAsk.PLACE),
        ("Kölns Weg von 2019 bis 2022?", RankingAsk.COMPARE),
        ("top 10 2021 in order", RankingAsk.TOP),
        ("Münster went down a lot in 2022, didn't it?", RankingAsk.CHANGE),
        ("Kölns Aufstieg von 2019 bis 2021 in Zahlen", RankingAsk.COMPARE),
        # The most points are the first place.
        ("Welche Stadt hatte 2022 die meisten Punkte?", RankingAsk.NTH),
        ("Which city scored the most points in 2021?", RankingAsk.NTH),
        # The index ranks the country's cities: nationwide is overall.
        ("Wo lag Kiel 2023 bundesweit?", RankingAsk.PLACE),
        ("Kiel's nationwide rank in 2022", RankingAsk.PLACE),
        # A closing tag or thanks ask nothing.
        ("kiel 2023 abgerutscht oder nich", RankingAsk.CHANGE),
        # Adverbs that only say how much ask nothing.
        ("Kiel ist 2023 ziemlich abgerutscht – auf welchen Platz eigentlich?", RankingAsk.CHANGE),
        ("Kiel dropped quite a lot in 2023, to which place?", RankingAsk.CHANGE),
        ("Wo landete Kiel 2023? Danke für die Hilfe", RankingAsk.PLACE),
        # A number sign or "Nr." before a place: "who was #1" was answered from another ranking's 2021.
        ("who was #1 in 2021", RankingAsk.NTH),
        ("Wer war 2021 Nr. 3?", RankingAsk.NTH),
        # Taking over the top is holding it.
        ("Wann hat Kiel erstmals die Spitze übernommen?", RankingAsk.TIMES),
        ("Wer übernahm 2023 die Spitze?", RankingAsk.NTH),
        ("Where did Kiel come in 2022?", RankingAsk.PLACE),
    ],
)
def test_ranking_questions_in_own_words(real_service: FoiService, question: str, ask: RankingAsk) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None, question
    assert intent.ask is ask


@pytest.mark.parametrize(
    ("question", "places"),
    [("How close were places 3 to 10 in 2023?", (3, 10)), ("Punkte zwischen Platz 2 und 9 im Jahr 2024", (2, 9))],
)
def test_two_places_named_are_a_span_not_the_first_of_them(
    real_service: FoiService, question: str, places: tuple[int, int]
) -> None:
    """ "How close were places 4 to 10 in 2022?" got who was fourth: the second number had no place word by it.
    Both places are compared, in points."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None
    assert intent.ask is RankingAsk.COMPARE
    assert (intent.place, intent.other) == places
    assert intent.points


@pytest.mark.parametrize("question", ["Wer steckt hinter dem Deutschland-Index?", "Who is behind the Länderindex?"])
def test_behind_no_city_compares_nothing(real_service: FoiService, question: str) -> None:
    assert real_service.answerer.understander.understand(question).ranking is None


@pytest.mark.parametrize(
    "question", ["Which cities were new in the top 10 in 2023?", "Who was newly in the top ten in 2024?"]
)
def test_new_in_the_top_list_is_no_top_list_in_english_either(real_service: FoiService, question: str) -> None:
    """ "Which cities were new in the top 10 in 2021?" got the whole top list, as "neu" did before it was read."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is None or intent.ask is not RankingAsk.TOP


@pytest.mark.parametrize(
    "question",
    [
        "Was macht Bochum mit dem Ranking?",
        "Wie geht Bochum mit dem Ergebnis um?",
        "What does Bonn do with the results?",
        "What does Kiel do with its Smart City Index results?",  # the result named in more words
        "What did Essen do with the 2022 result?",
    ],
)
def test_what_is_done_with_the_ranking_is_no_standing(real_service: FoiService, question: str) -> None:
    """ "Was macht Bochum mit dem Ranking?" got Bochum's places since 2019."""
    assert real_service.answerer.understander.understand(question).ranking is None


@pytest.mark.parametrize(
    "question", ["Mit Platz 7 im Ranking 2021: wer lag vor Bochum?", "Who came up with the Haselhorst ranking?"]
)
def test_a_place_in_the_ranking_or_coming_up_with_it_is_nothing_done_with_it(
    real_service: FoiService, question: str
) -> None:
    assert not real_service.answerer.understander.understand(question).done_with


def test_with_which_result_still_asks_the_standing(real_service: FoiService) -> None:
    understood = real_service.answerer.understander.understand("Mit welchem Ergebnis schloss Bochum 2021 ab?")
    assert understood.ranking is not None


def test_what_the_city_does_with_the_ranking_is_its_evaluation(real_service: FoiService) -> None:
    assert real_service.ask("Was macht Bochum mit dem Ranking?").hits[0].id == "257364-auswertung"


@pytest.mark.parametrize(
    "question", ["What's the point of the Länderindex?", "What is the point of the Bitkom ranking anyway?"]
)
def test_the_point_of_a_ranking_is_its_purpose_not_a_score(real_service: FoiService, question: str) -> None:
    assert real_service.answerer.understander.understand(question).ranking is None


def test_the_point_of_a_ranking_gets_no_score(real_service: FoiService) -> None:
    """ "What's the point of the Länderindex?" got North Rhine-Westphalia's 61.9 points; no text says its aim."""
    assert not real_service.ask("What's the point of the Länderindex?").answered
    answer = real_service.ask("What is the point of the Bitkom ranking anyway?")
    assert answer.answered
    assert answer.hits[0].id == "bitkom-sci-zweck"


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Who was 2nd in 2022?", 2),
        ("Which city came 11th in 2021?", 11),
        ("Wer war 2023 der 3te?", 3),
        ("Wer war 2022 auf Platz zehn?", 10),  # a number in words after "Platz" names a place, not a top list
        ("Wer war 2021 die Nummer 1?", 1),  # "Nummer eins" was read, "Nummer 1" was not
        ("which city was number 3 in 2024", 3),
    ],
)
def test_an_ordinal_written_in_digits_asks_who_held_that_place(
    real_service: FoiService, question: str, place: int
) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None, question
    assert (intent.ask, intent.place) == (RankingAsk.NTH, place)


def test_a_request_number_is_no_place(real_service: FoiService) -> None:
    assert (
        real_service.answerer.understander.understand("Wann kam die Antwort auf Anfrage Nummer 257364?").ranking is None
    )


@pytest.mark.parametrize(
    "question",
    ["Welche Stadt war 2024 die beste in NRW?", "Which NRW city was best in 2024?", "Welche NRW-Stadt lag 2024 vorn?"],
)
def test_a_state_named_in_a_question_for_a_city_is_not_the_answer(real_service: FoiService, question: str) -> None:
    """The state is where to look; its own place in the states' index answers another question."""
    answer = real_service.ask(question)
    assert not any(i.startswith("bitkom-laenderindex") for i in answer.entry_ids), answer.text
    assert real_service.ask("Welchen Platz hatte NRW 2024?").entry_ids == [
        "bitkom-laenderindex-2024-nordrhein-westfalen"
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Warum ist Bochum 2023 abgerutscht?",  # a reason: for the texts, not the tables
        "Wie oft war Bochum im Ranking?",  # a count of nothing the tables hold
        "Wie schneidet Bochum in anderen Rankings ab?",  # not the default ranking
        "Welche Berater hatte Bochum 2021?",  # another topic
        "Welche Städte sind 2022 neu in die Top 10 gekommen?",  # who entered the list: a change, not the list
        "Was hat die Stadt 2021 mit dem Ergebnis gemacht?",  # a participle of a verb that says little
        "Was hat Dortmund zum Ranking gesagt?",  # what someone said of it
        "Was sagt Ulm zum Ranking?",
        "What did Ulm say about the ranking?",
    ],
)
def test_questions_that_only_mention_a_ranking_are_not_for_the_tables(real_service: FoiService, question: str) -> None:
    understood = real_service.answerer.understander.understand(question)
    assert real_service.answerer.tables.answer(understood) is None


def test_a_best_category_the_tables_hold_too_little_of_is_a_texts_to_tell(real_service: FoiService) -> None:
    """The tables hold one of Bochum's categories of 2024: they tell nothing themselves; the text on its 2024
    categories does."""
    question = "In welcher Kategorie war Bochum 2024 am besten?"
    reply = real_service.answerer.tables.answer(real_service.answerer.understander.understand(question))
    assert reply is None or reply.refuse
    assert real_service.ask(question).entry_ids == ["bochum-sci-2024-kategorien"]


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Wie stand Dortmund 2023 da?", "bitkom-sci-2023-dortmund", "Platz 18"),
        ("How did Hanover fare in 2025?", "bitkom-sci-2025-hannover", "7th place"),
        ("smrt city idex bochum 2023", "bitkom-sci-2023-bochum", "Platz 11"),
        ("Bochumer Platzierung im Smart-City-Ranking 2022", "bitkom-sci-2022-bochum", "Platz 8"),
    ],
)
def test_places_are_answered_from_the_tables(real_service: FoiService, question: str, entry: str, says: str) -> None:
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER
    assert answer.entry_ids[0] == entry
    assert says in answer.text


def test_which_city_held_a_place_asks_for_the_city_not_for_a_place(real_service: FoiService) -> None:
    """Before, the entry naming the last city got "a place is not in my sources"."""
    answer = real_service.ask("Welche Stadt lag 2020 ganz hinten?")
    assert answer.decision is Decision.ANSWER
    assert answer.entry_ids == ["bitkom-sci-2020-schlusslicht"]
    assert "Salzgitter" in answer.text


def test_how_many_more_points_is_a_difference_the_tables_give_or_say_they_lack(real_service: FoiService) -> None:
    answer = real_service.ask("Köln 2023 gegen 2024, wie viel mehr Punkte?")
    assert answer.decision is Decision.ANSWER
    assert "83,2 Punkte" in answer.text
    # Both years known, neither with a score: not an answer that lists "keine Punktzahl bekannt" twice.
    lacking = real_service.ask("Dortmund 2023 gegen 2024, wie viel mehr Punkte?")
    assert lacking.decision is Decision.NOT_STATED
    assert lacking.missing is AnswerType.POINTS


def test_two_years_of_a_city_are_compared(real_service: FoiService) -> None:
    answer = real_service.ask("Hat sich Münster von 2023 auf 2024 verbessert?")
    assert answer.answered
    assert answer.entry_ids[0] == "bitkom-sci-2024-muenster"  # the later year carries the change
    assert "14 Plätze besser" in answer.text
    english = real_service.ask("Was Münster better in 2024 than in 2023?")
    assert "14 places higher" in english.text


def test_places_gained_where_sources_differ_on_a_year_are_both_told(real_service: FoiService) -> None:
    # Two sources place Bochum 32nd and 39th in 2019: the reply gave the points gained, not the places.
    answer = real_service.ask("Um wie viele Plätze hat sich Bochum von 2019 bis 2021 verbessert?")
    assert "2021 lag Bochum 25 oder 32 Plätze besser als 2019, je nach Quelle für 2019." in answer.text
    english = real_service.ask("how many places did bochum climb from 2019 to 2021")
    assert "25 or 32 places higher than in 2019, depending on the source for 2019" in english.text


def test_points_lost_against_the_year_before_are_told_by_a_text_where_a_score_is_missing(
    real_service: FoiService,
) -> None:
    """The tables lack Bochum's score of 2023, but its text says it lost only 0.8 points: naming the year before
    ("gegenüber 2022") asks that change, which was told "no score is known"."""
    for question in (
        "wie viele Punkte hat Bochum 2023 gegenüber 2022 verloren",
        "Punkte verloren Bochum 2022 bis 2023",
    ):
        answer = real_service.ask(question)
        assert answer.answered, question
        assert "0,8 Punkte" in answer.text, question
    # Both scores asked, with no change named: the missing score is said.
    assert real_service.ask("Wie viele Punkte hatte Bochum 2022 und 2023?").decision is Decision.NOT_STATED


def test_a_year_the_tables_lack_is_said_plainly(real_service: FoiService) -> None:
    answer = real_service.ask("War Aachen 2020 besser als 2019?")
    assert answer.decision is Decision.NOT_STATED
    assert "2019: nicht in den Quellen" in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("War Bonn 2021 besser als 2020?", "Platz 12 (+1 Platz gegenüber dem Vorjahr)"),
        ("hat sich bonn 2021 gegenüber 2020 verbessert", "Platz 12 (+1 Platz gegenüber dem Vorjahr)"),
        ("Did Bonn do better in 2021 than 2020?", "12th place in the Bitkom Smart City Index 2021 (+1 place"),
    ],
)
def test_the_year_before_missing_is_told_by_the_later_years_change(
    real_service: FoiService, question: str, said: str
) -> None:
    """The tables lack Bonn's place of 2020, but 2021's row says it rose one place: that compares the two."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert said in answer.text


def test_points_asked_where_only_a_place_is_known(real_service: FoiService) -> None:
    answer = real_service.ask("Wie viele Punkte hatte Essen 2021?")
    assert answer.decision is Decision.NOT_STATED
    assert not answer.answered
    assert "Platz 39" in answer.text
    assert answer.hits


@pytest.mark.parametrize(
    "question",
    [
        "Wie hat Bremerhaven 2023 beim Smart City Index abgeschnitten?",
        "Wie schlug sich Bremerhaven 2023?",
        "Bremerhaven Ergebnis 2023",
        "Magdeburg Ranking 2023",
        "Wie hat Bochum 2023 bei Energie und Umwelt abgeschnitten?",
    ],
)
def test_how_a_city_did_is_answered_by_its_score_where_no_place_is_known(
    real_service: FoiService, question: str
) -> None:
    """Asking how a city did is not asking for its place: the score the sources give answers it."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert "Punkte" in answer.text


@pytest.mark.parametrize("question", ["Welchen Platz hatte Bremerhaven 2023?", "Bremerhaven Platzierung 2023"])
def test_a_place_asked_where_only_a_score_is_known_is_said_to_be_missing(
    real_service: FoiService, question: str
) -> None:
    answer = real_service.ask(question)
    assert answer.decision is Decision.NOT_STATED
    assert answer.missing is AnswerType.PLACE
    assert "35,4 Punkte" in answer.text


def test_another_year_or_city_is_never_answered(real_service: FoiService) -> None:
    for question in ("Wo lag Essen 2022?", "How did Leipzig do in 2023?", "Wie gut war Bonn 2020?"):
        answer = real_service.ask(question)
        assert not answer.answered, question


@pytest.mark.parametrize(
    "question",
    [
        "Wer war 2021 in der Kategorie Mobilität besser, Köln oder Bonn?",
        "Hat sich Bochum in der Kategorie Verwaltung von 2020 auf 2021 verbessert?",
        "Wie hat sich Hamburg in der Kategorie Energie über die Jahre entwickelt?",
        "War Bochum 2024 in der Verwaltung besser als 2023?",
        "Wie hat sich Bochum bei der Mobilität entwickelt?",
    ],
)
def test_a_category_is_never_answered_with_overall_figures(real_service: FoiService, question: str) -> None:
    """Comparisons and courses in a category rest on that category's rows only; once these got the overall
    places."""
    understood = real_service.answerer.understander.understand(question)
    assert understood.categories
    answer = real_service.ask(question)
    slugs = ("-mobilitaet", "-verwaltung", "-energie-und-umwelt")
    assert not answer.answered or all(e.endswith(slugs) for e in answer.entry_ids)


def test_a_category_course_is_composed_from_its_rows(real_service: FoiService) -> None:
    answer = real_service.ask("Wie hat sich Bochum in der Kategorie Verwaltung entwickelt?")
    assert answer.answered
    assert answer.entry_ids == ["bitkom-sci-bochum-verlauf-verwaltung"]
    assert (
        "Kategorie Verwaltung: 2019: Platz 58 (44,2 Punkte); 2023: Platz 6; 2024: Platz 4; 2025: Platz 2" in answer.text
    )
    assert "Platz 32" not in answer.text  # the overall place of 2019
    english = real_service.ask("How did Bochum do in mobility over the years?")
    assert "(category Mobility): 2019: 42nd place (43.4 points); 2020: 9th place; 2021: 3rd place." in english.text


def test_two_years_compared_without_places_are_told_by_the_points(real_service: FoiService) -> None:
    """ "Hat sich Ulm von 2021 auf 2022 verbessert?" was told a place is not in the sources, beside "2022 hatte
    Ulm 13,4 Punkte mehr als 2021": 2021 is known by its points only."""
    answer = real_service.ask("Ist Ulm zwischen 2021 und 2022 besser geworden?")
    assert answer.decision is Decision.ANSWER
    assert "13,4 Punkte mehr" in answer.text
    # Places asked in so many words: 2022's row tells how many Ulm rose, though 2021's place is not known.
    places = real_service.ask("Um wie viele Plätze hat sich Ulm von 2021 auf 2022 verbessert?")
    assert places.answered
    assert "+13 Plätze gegenüber dem Vorjahr" in places.text


def test_two_years_in_a_category_are_compared(real_service: FoiService) -> None:
    answer = real_service.ask("War Bochum 2025 in der Verwaltung besser als 2024?")
    assert answer.answered
    assert answer.entry_ids == ["bitkom-sci-2025-bochum-verwaltung", "bitkom-sci-2024-bochum-verwaltung"]
    assert "2024: Platz 4; 2025: Platz 2. 2025 lag Bochum 2 Plätze besser als 2024." in answer.text


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        # The category set against the whole: both standings of 2024.
        (
            "War Bochum 2024 in der Verwaltung besser als insgesamt?",
            ["bitkom-sci-2024-bochum", "bitkom-sci-2024-bochum-verwaltung"],
        ),
        ("War Bochum 2022 besser als Platz 10?", ["bitkom-sci-2022-bochum"]),
    ],
)
def test_better_alone_is_no_comparison_with_the_year_before(
    real_service: FoiService, question: str, entries: list[str]
) -> None:
    """Only words that name the year before bring it in; "besser als insgesamt" is about one year."""
    answer = real_service.ask(question)
    assert answer.entry_ids == entries


def test_points_against_the_year_before_are_compared_in_points(real_service: FoiService) -> None:
    for question in (
        "Hatte Bochum 2022 mehr Punkte als im Vorjahr?",
        "Um wie viele Punkte hat sich Bochum 2022 verbessert?",
    ):
        answer = real_service.ask(question)
        assert "2021: 71,2 Punkte; 2022: 77 Punkte. 2022 hatte Bochum 5,8 Punkte mehr als 2021." in answer.text, (
            question
        )


def test_a_renamed_category_is_one_category(real_service: FoiService) -> None:
    """ "Gesellschaft" became "Gesellschaft und Bildung" in 2023: one category over the years, not two set
    against each other."""
    answer = real_service.ask("Hat sich Bochum 2023 in der Kategorie Gesellschaft verbessert?")
    assert answer.answered
    assert answer.entry_ids == [
        "bitkom-sci-2023-bochum-gesellschaft-und-bildung",
        "bitkom-sci-2022-bochum-gesellschaft",
    ]
    assert "2022: Platz 11; 2023: Platz 37" in answer.text


def test_a_city_year_in_two_categories_gets_both(real_service: FoiService) -> None:
    """ "Welche Plätze hatte Düsseldorf 2022 in Verwaltung und Gesellschaft?" got Verwaltung alone."""
    answer = real_service.ask("Düsseldorf 2022 Verwaltung und Gesellschaft: welche Plätze?")
    assert answer.answered
    assert answer.entry_ids == ["bitkom-sci-2022-duesseldorf-verwaltung", "bitkom-sci-2022-duesseldorf-gesellschaft"]
    english = real_service.ask("Hamburg's points in mobility and society in 2021?")
    assert english.title == "Hamburg (Bitkom Smart City Index 2021, Mobility, Society)"
    assert "98.6 points" in english.text


def test_the_overall_standing_asked_beside_a_category_is_given_too(real_service: FoiService) -> None:
    """ "Gelsenkirchen 2024 gesamt und IT" got the IT category alone."""
    answer = real_service.ask("Bochum 2021 insgesamt und in Mobilität?")
    assert answer.entry_ids == ["bitkom-sci-2021-bochum", "bitkom-sci-2021-bochum-mobilitaet"]
    assert answer.title == "Bochum (Bitkom Smart City Index 2021, gesamt, Mobilität)"


def test_two_categories_set_against_each_other_are_left_to_the_texts(real_service: FoiService) -> None:
    understood = real_service.answerer.understander.understand(
        "Wie hat sich Bochum in Verwaltung und Mobilität entwickelt?"
    )
    assert understood.ranking is None


def test_two_cities_in_a_category_are_compared(real_service: FoiService) -> None:
    answer = real_service.ask("Wer war in der Verwaltung besser, Bochum oder Dortmund?")
    assert answer.answered
    assert answer.entry_ids == ["bitkom-sci-2024-bochum-verwaltung", "bitkom-sci-2024-dortmund-verwaltung"]
    assert "in der Kategorie Verwaltung Platz 4" in answer.text
    english = real_service.ask("Who did better in administration, Bochum or Dortmund?")
    assert english.title == "Bochum – Dortmund (Bitkom Smart City Index 2024, Administration)"


def test_cities_known_by_their_scores_only_are_compared_by_their_scores(real_service: FoiService) -> None:
    """The bottom of 2023's table is known by scores alone: the comparison got "I don't know"."""
    answer = real_service.ask("Wer lag 2023 weiter vorn, Bremerhaven oder Magdeburg?")
    assert answer.answered
    assert answer.entry_ids == ["bitkom-sci-2023-magdeburg", "bitkom-sci-2023-bremerhaven"]
    assert "38,5 Punkte" in answer.text
    assert "35,4 Punkte" in answer.text
    assert "Platz" not in answer.text
    # A city with a place but no score is not set against one with a score only.
    assert not real_service.ask("Wer lag 2023 weiter vorn, Bochum oder Magdeburg?").answered


def test_english_replies_title_generated_entries_in_english(real_service: FoiService) -> None:
    answer = real_service.ask("How many points did Bochum get in administration in 2024?")
    assert answer.decision is Decision.NOT_STATED
    assert answer.title == "Bochum in the Bitkom Smart City Index 2024 – Administration"


def test_a_comparison_with_the_year_before(real_service: FoiService) -> None:
    """One city and one year with "im Vergleich zum Vorjahr": that year against the one before."""
    answer = real_service.ask("Bochum Verwaltung 2024 im Vergleich zum Vorjahr")
    assert answer.answered
    assert "2023: Platz 6; 2024: Platz 4" in answer.text
    english = real_service.ask("How did Bochum compare in 2022 with the previous year?")
    assert "In 2022 Bochum was one place lower than in 2021." in english.text


@pytest.mark.parametrize(
    ("token", "form"),
    [("fuhrt", "fuhrt"), ("geschafft", "schaff"), ("gekomm", "kommt"), ("gemacht", None), ("berat", None)],
)
def test_grammar_words_in_other_forms(token: str, form: str | None) -> None:
    assert grammar_form(token) == form


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("Gesamtplatz", "platz"),
        ("Endplatzierung", "platz"),
        ("Gesamtpunktzahl", "punkt"),
        ("Parkplatz", None),  # no word of the grammar in front
        ("Vorschlag", None),  # nor one that only compares
        ("Kategoriesieger", None),  # who won a category, not overall
        ("Deutschlandindex", None),
    ],
)
def test_a_compound_of_grammar_words_naming_a_place_or_score_is_read_as_it(word: str, form: str | None) -> None:
    assert grammar_form(stem(fold(word))) == form


def test_a_place_asked_by_a_compound_is_answered_and_a_score_so_asked_is_not_given_a_place(
    real_service: FoiService,
) -> None:
    assert "Platz 8" in real_service.ask("Welchen Gesamtplatz hatte Bochum 2022?").text
    answer = real_service.ask("Bonn Gesamtpunktzahl 2021")  # the sources give its place, not its score
    assert answer.decision is Decision.NOT_STATED
    assert answer.missing is AnswerType.POINTS


def test_every_category_answer_rests_on_that_category_alone(real_service: FoiService) -> None:
    """For every city and category of the tables: a course, a comparison of two of its years and one with the
    year before, in both languages, answer from that category's entries only (or not at all)."""
    tables = real_service.answerer.tables
    ranking = tables.default_ranking()
    assert ranking is not None
    standings = [s for s in tables.standings[ranking.id] if s.category]
    for city, category in sorted({(s.city, s.category) for s in standings}):
        years = sorted({s.year for s in standings if s.city == city and s.category == category})
        english = ranking.category_in(category, "en")
        questions = [
            f"Wie hat sich {city} in der Kategorie {category} entwickelt?",
            f"How did {city} do in {english} over the years?",
            f"{city} {category} {years[-1]} im Vergleich zum Vorjahr",
        ]
        if len(years) > 1:
            questions.append(f"War {city} {years[-1]} in der Kategorie {category} besser als {years[0]}?")
        slug = entry_id("", category)
        for question in questions:
            answer = real_service.ask(question)
            if answer.answered:
                assert all(e.endswith(slug) for e in answer.entry_ids), (question, answer.entry_ids)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Wer gewann 2022 die Kategorie Verwaltung, war das Nürnberg?", "bitkom-sci-2022-nuernberg-verwaltung"),
        (
            "Wer hat 2020 die Kategorie Verwaltung gewonnen, Karlsruhe oder München?",
            "bitkom-sci-2020-karlsruhe-verwaltung",
        ),
        ("Who won in 2021, Hamburg or Munich?", "bitkom-sci-2021-hamburg"),
    ],
)
def test_who_won_with_the_cities_guessed_names_the_winner(real_service: FoiService, question: str, entry: str) -> None:
    """These had no answer at all: a who-question naming cities was read as asking for those cities' places."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert answer.entry_ids == [entry]


def test_who_won_with_a_wrong_guess_gives_the_place_of_the_city_named(real_service: FoiService) -> None:
    """The winner is another city than the one named: the reply keeps to the city named."""
    answer = real_service.ask("Wer gewann 2022, war das Bochum?")
    assert answer.entry_ids == ["bitkom-sci-2022-bochum"]
    assert "Platz 8" in answer.text


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Wer ist 2024 um 7 Plätze gestiegen, Bochum oder Stuttgart?", RankingAsk.COMPARE),
        ("Wer kam 2022 zum ersten Mal auf Platz 2, München oder Hamburg?", RankingAsk.COMPARE),
        ("Wer war 2021 unter den ersten 15, Hamburg oder Bonn?", RankingAsk.COMPARE),
        ("Wer hat 2024 Plätze gewonnen, Bochum oder Essen?", RankingAsk.COMPARE),
        ("Wer verbesserte sich 2024 um 7 Plätze?", RankingAsk.CHANGE),
    ],
)
def test_only_who_came_first_is_asked_of_the_first(real_service: FoiService, question: str, ask: RankingAsk) -> None:
    """Gaining places, a place given, "unter den ersten 15": not who came first. A review found each of these
    answered with the city in first place (or the place named by "um 7 Plätze")."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None
    assert intent.ask is ask


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Welche Städte fielen 2023 aus den Top 10?", "fielen"),
        ("Which city scored 100 points in Mobilität in 2025?", "scored"),
    ],
)
def test_words_of_the_ranking_grammar_are_not_named_as_missing(
    real_service: FoiService, question: str, word: str
) -> None:
    """The texts say "fielen aus den Top 10" or "scored" in other words: "Etwas zu „fielen“ steht nicht in meinen
    Quellen" above the very answer contradicts itself."""
    answer = real_service.ask(question)
    assert word not in answer.missing_words, answer.text


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Wer war Letzter im Länderindex 2024?", "Thüringen"),
        ("Wer war Letzter im Deutschland-Index 2019?", "Thüringen"),
        ("Who was last in 2023?", "Bremerhaven"),
        ("Which city came last in 2023?", "Bremerhaven"),
        ("Which city led the Haselhorst ranking in 2023?", "Hamburg"),  # a year the tables do not have
    ],
)
def test_who_held_a_place_is_answered_by_a_text_that_names_it(
    real_service: FoiService, question: str, holder: str
) -> None:
    """Where the tables do not know the place (the last, or a year they lack), a text that names its holder
    ("Schlusslicht war Thüringen") answers: the "who" of a place is a city or state, not a person to be stated."""
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, answer.text
    assert holder in answer.text


def test_a_course_between_two_years_shows_the_years_between(real_service: FoiService) -> None:
    answer = real_service.ask("Wie hat sich Bochum von 2019 bis 2025 entwickelt?")
    assert all(f"{year}: Platz" in answer.text for year in range(2019, 2026)), answer.text


def test_a_best_or_worst_place_is_one_place_with_its_years(real_service: FoiService) -> None:
    best = real_service.ask("Was war Bochums beste Platzierung?")
    assert best.text == "Die beste bekannte Platzierung von Bochum im Bitkom Smart City Index: Platz 4 (2024)."
    assert best.entry_ids == ["bitkom-sci-2024-bochum"]
    # 2019 is the worst year whichever source is right (32nd or 39th): both versions are named.
    worst = real_service.ask("What was Bochum's worst place ever?")
    assert "2019: 32nd place" in worst.text
    assert "39th place" in worst.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Köln IT 2019 Punkte", "bitkom-sci-2019-koeln-it-und-kommunikation"),
        ("Gelsenkirchen IT 2024", "bitkom-sci-2024-gelsenkirchen-it-und-kommunikation"),
    ],
)
def test_it_in_capitals_names_the_category(real_service: FoiService, question: str, entry: str) -> None:
    """ "IT" alone was dropped as the English "it", and the overall place answered as the category's."""
    assert real_service.ask(question).entry_ids == [entry]


@pytest.mark.parametrize(
    ("question", "says"),
    [
        (
            "Wie hat sich Bochum zwischen 2021 und 2023 entwickelt?",
            "2022: Platz 8 (77 Punkte); 2023: Platz 11. 2023 lag Bochum 4",
        ),
        ("Punkteentwicklung Bochum 2021 bis 2024", "2024 hatte Bochum 11,1 Punkte mehr als 2021."),
    ],
)
def test_a_span_of_years_lists_the_years_between_and_the_difference(
    real_service: FoiService, question: str, says: str
) -> None:
    """A review found the first version answering these with the whole course and without the difference."""
    assert says in real_service.ask(question).text


@pytest.mark.parametrize(
    "question",
    [
        "Bochum highest score",  # points, not places
        "Was war Bochums beste und schlechteste Platzierung?",  # both: the whole course
    ],
)
def test_a_superlative_of_points_or_of_both_kinds_is_no_single_place(real_service: FoiService, question: str) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is None or intent.ask not in (RankingAsk.BEST, RankingAsk.WORST), question


@pytest.mark.parametrize(
    "question",
    [
        "Wer war 2023 Zweiter im Deutschland-Index?",  # a place after the first: only the tables know it
    ],
)
def test_who_held_a_place_is_not_guessed_from_any_text(real_service: FoiService, question: str) -> None:
    assert real_service.ask(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Wer hat gewonnen?", "München belegte im Bitkom Smart City Index 2025 Platz 1"),
        ("Sag mal, wer hat gewonnen?", "München belegte im Bitkom Smart City Index 2025 Platz 1"),
        ("Which city is the best?", "Munich took 1st place in the Bitkom Smart City Index 2025"),  # no text guesses
        ("Who came second in the Smart City Index?", "Hamburg took 2nd place in the Bitkom Smart City Index 2025"),
        ("Top 10 Smart City Index", "Bitkom Smart City Index 2025, Spitze: 1. München"),
        # A category named is no second thing asked: its latest year is told, not "who that was is not stated".
        ("Wer gewann die Kategorie Mobilität?", "München belegte im Bitkom Smart City Index 2025 in der Kategorie"),
        ("Wer war Sieger in der Kategorie Verwaltung?", "Nürnberg belegte im Bitkom Smart City Index 2025"),
    ],
)
def test_who_held_a_place_in_no_year_is_told_for_the_latest(real_service: FoiService, question: str, says: str) -> None:
    """They got the categories of 2020 or the top list of whichever year scored highest."""
    answer = real_service.ask(question)
    assert answer.answered
    assert says in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Wer hat den ersten Smart City Index gewonnen?",  # the first edition, not the latest
        "Wer gewann den zweiten Smart City Index?",
        "Wer war vor zwei Jahren Erster?",
        "Welche Städte haben den Smart City Index schon mal gewonnen?",  # every year
        "Wer war immer in den Top 10?",
        "Wer war bis jetzt Erster?",
        "Wer war vor einem Jahr Erster?",  # a year counted back
        "Wer war mal Erster?",
    ],
)
def test_a_question_speaking_of_an_edition_or_of_every_year_is_not_told_the_latest(
    real_service: FoiService, question: str
) -> None:
    text = real_service.ask(question).text
    assert "2025 Platz" not in text
    assert "2025, Spitze" not in text


@pytest.mark.parametrize(
    "question", ["Wer war Letzter?", "Wer war Schlusslicht?", "Wer war Letzter im Smart City Index?"]
)
def test_who_came_last_in_no_year_is_told_from_the_latest_text(real_service: FoiService, question: str) -> None:
    """The tables know no last place of 2025; of the texts on each year's last place the best-scoring one was
    2020's or 2023's."""
    answer = real_service.ask(question)
    assert answer.answered
    assert "2025 Schlusslicht" in answer.text


def test_who_came_last_in_an_earlier_edition_is_not_told_the_latest(real_service: FoiService) -> None:
    answer = real_service.ask("Wer war schon mal Letzter?")
    assert answer.answered
    assert "2025" not in answer.text
    assert "Salzgitter" in answer.text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Welche Stadt kam 2023 zum ersten Mal in die Top 10?", "Ulm"),  # got München's first place
        ("Which city made the top 10 for the first time in 2023?", "Ulm"),
        ("Wer war 2023 zum ersten Mal Erster?", "München belegte im Bitkom Smart City Index 2023 Platz 1"),
    ],
)
def test_a_first_time_is_no_first_place(real_service: FoiService, question: str, says: str) -> None:
    answer = real_service.ask(question)
    assert answer.answered
    assert says in answer.text


def test_points_asked_of_cities_compared_are_not_answered_with_places(real_service: FoiService) -> None:
    """It gave both places as if they answered how many points lay between; a text may know the gap."""
    assert not real_service.ask("Wie viele Punkte hatten Dortmund und Essen 2023?").answered
    assert real_service.ask("Wie viele Punkte hatten Bochum und Hamburg 2021?").answered
    assert "0,5 Punkte" in real_service.ask("Wie viele Punkte lag Bochum 2025 hinter Köln?").text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Gab es einen Smart City Index vor 2019?", "bitkom-sci-2019-start"),
        ("Welchen Platz hatte Bochum vor 2021?", "bitkom-sci-bochum-verlauf"),
    ],
)
def test_the_years_before_one_are_not_that_year(real_service: FoiService, question: str, entry: str) -> None:
    answer = real_service.ask(question)
    assert answer.answered
    assert answer.entry_ids == [entry]


def test_who_came_first_before_a_year_is_not_told_the_latest(real_service: FoiService) -> None:
    answer = real_service.ask("Wer war vor 2020 Erster?")
    assert "2025" not in answer.text
    assert "2019" in answer.text


def test_a_ranking_question_naming_no_ranking_is_about_the_default_one(real_service: FoiService) -> None:
    """ "Wer landete 2024 ganz hinten?" got Thüringen, last in the states' index: the tables read it for the
    Smart City Index, which names no last place of 2024."""
    answer = real_service.ask("Wer landete 2024 ganz hinten?")
    assert "Thüringen" not in answer.text
    assert real_service.answerer.understander.understand("Wer war 2019 Erster?").implied_ranking == "bitkom-sci"
    assert "Thüringen" in real_service.ask("Wer war Letzter im Länderindex 2024?").text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Ist Bochum 2021 raufgestiegen?", "Platz 7"),  # a particle before a verb of the grammar
        ("Ist Bochum 2022 runtergefallen?", "2022: Platz 8"),
        ("Wer gewann die Kategorie Mobiliät?", "München belegte im Bitkom Smart City Index 2025"),  # misspelt
        ("Wer war 2023 erstmals Erster?", "München belegte im Bitkom Smart City Index 2023 Platz 1"),
    ],
)
def test_what_a_code_review_found(real_service: FoiService, question: str, says: str) -> None:
    answer = real_service.ask(question)
    assert answer.answered
    assert says in answer.text


def test_a_place_the_latest_table_lacks_is_left_to_the_texts(real_service: FoiService) -> None:
    """The c't table of 2022 holds Bonn only; its text says Bonn came third behind Nürnberg and Bremen."""
    assert "Bremen" in real_service.ask("Welche Stadt lag im c't-Ranking auf Platz 2?").text


def test_the_latest_year_of_the_tables_is_not_taken_where_a_text_knows_a_later_one(real_service: FoiService) -> None:
    """Haselhorst's tables end in 2021; who led in 2023 a text says."""
    assert "2021" not in real_service.ask("Wer gewann das Haselhorst-Ranking?").text


def test_which_city_still_compares_the_cities_of_another_ranking(real_service: FoiService) -> None:
    """Only a ranking of states is set aside for a question asking which city (Haselhorst ranks cities)."""
    answer = real_service.ask("Welche Stadt lag 2020 vorn, Darmstadt oder Wolfsburg?")
    assert answer.entry_ids == ["haselhorst-2020-darmstadt", "haselhorst-2020-wolfsburg"]


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Bochum Energie und Umwelt 2023", "66,9 Punkte"),  # a category known by its score only
        ("eGovernment Monitor 2022 Hamburg", "in Hamburg waren es 64 Prozent"),  # a ranking without places
    ],
)
def test_a_city_and_a_year_alone_ask_for_whatever_the_sources_say(
    real_service: FoiService, question: str, says: str
) -> None:
    """Not "Ein Platz dafür steht nicht in meinen Quellen": no place was asked."""
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, answer.text
    assert says in answer.text
    assert real_service.ask("Welchen Platz hatte Bochum 2023 in Energie und Umwelt?").decision is Decision.NOT_STATED


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("In welchem Jahr war Bochum am schlechtesten?", "2019: Platz 32"),  # when: the years of that place
        ("Was war Bochums höchste Platzierung?", "Platz 4 (2024)"),
        ("Bochum schlechteste Platzierung Gesellschaft", "Platz 37 (2023)"),  # the category under both its names
        ("Who took 1st place in 2025?", "Munich took 1st place"),
        ("Was hat Bitkom gesagt über Hamburg 2021?", "Platz 1 mit 88,1 Punkten"),  # with a year: the figures
        ("Hat Bochum jemals Punkte verloren?", "0,8 Punkte verloren"),  # "jemals" asks the texts, not the course
    ],
)
def test_what_a_second_review_found(real_service: FoiService, question: str, says: str) -> None:
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, answer.text
    assert says in answer.text


def test_a_ranking_question_of_a_year_is_not_answered_by_a_text_of_no_year(real_service: FoiService) -> None:
    """bidt's "jüngste Ausgabe" of the Deutschland-Index names who is last, but not in which year."""
    assert real_service.ask("Who came last in the Deutschland-Index 2023?").decision is not Decision.ANSWER
    assert real_service.ask("Wer führt den aktuellen Deutschland-Index an?").decision is Decision.ANSWER


def test_which_rankings_a_city_won_lists_its_best_place_in_each(real_service: FoiService) -> None:
    """Köln won the Haselhorst ranking 2019 and the PwC study 2015; its course in the Smart City Index alone read
    as "never"."""
    answer = real_service.ask("Welches Ranking hat Köln gewonnen?")
    assert answer.decision is Decision.ANSWER
    assert "Digitales Städteranking von Haselhorst Associates: Platz 1 (2019)" in answer.text
    assert "Bitkom Smart City Index: Platz 2 (2021)" in answer.text
    english = real_service.ask("Which rankings did Cologne win?")
    assert english.text.startswith("Cologne in the rankings of my sources")


def test_which_rankings_a_city_won_names_its_category_wins_too(real_service: FoiService) -> None:
    """Mannheim was 20th overall in 2019 but first in the category Verwaltung; a win the sources contest (Nürnberg
    2022, whose press release Bitkom's "every category a different winner" contradicts) is left out."""
    assert "Verwaltung: Platz 1 (2019)" in real_service.ask("Welche Rankings hat Mannheim gewonnen?").text
    assert "2022" not in real_service.ask("Welche Rankings hat Nürnberg gewonnen?").text


@pytest.mark.parametrize("question", ["Welche Rankings hat Salzgitter gewonnen?", "Beste Platzierung von Salzgitter"])
def test_a_city_known_by_its_scores_only_still_gets_its_course(real_service: FoiService, question: str) -> None:
    assert "2019: 20,5 Punkte" in real_service.ask(question).text


def test_a_spot_is_a_place(real_service: FoiService) -> None:
    """ "which cities lost their top ten spot in 2022" missed the word for the place and got only suggestions."""
    answer = real_service.ask("which cities lost their top ten spot in 2022")
    assert answer.answered
    assert "Karlsruhe" in answer.text
    assert "Munich" in real_service.ask("Who took the top spot in 2023?").text


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Welche Stadt war 2024 am digitalsten?", RankingAsk.NTH),
        ("Welche Stadt war 2021 die smarteste?", RankingAsk.NTH),
        ("Which was the smartest city in 2021?", RankingAsk.NTH),
        ("Welche Stadt hatte 2023 die höchste Punktzahl?", RankingAsk.NTH),
        ("Welche Stadt schnitt 2024 am schlechtesten ab?", RankingAsk.LAST),
        # Of a state, a superlative asks its best or worst city, not whether the state did worse than the year
        # before: "Welche NRW-Stadt war 2024 am schlechtesten?" was told no place is known.
        ("Welche NRW-Stadt war 2024 am schlechtesten?", RankingAsk.PLACE),
        ("Which city did worst in 2022?", RankingAsk.LAST),
    ],
)
def test_a_superlative_of_no_city_asks_who_came_first_or_last(
    real_service: FoiService, question: str, ask: RankingAsk
) -> None:
    """ "am digitalsten" and "am schlechtesten" ask for the top or the bottom of the ranking: the stem of the
    superlative is that of a frame word, and the texts then answered with a region's worst city or with Bochum's
    200 digital services."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None, question
    assert intent.ask is ask, question
    if ask is RankingAsk.NTH:
        assert intent.place == 1, question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Welche Stadt war 2024 am digitalsten?", "München"),
        ("Welche Stadt war 2021 die smarteste?", "Hamburg"),
        ("Wer ist die smarteste Stadt Deutschlands?", "Index 2025 Platz 1"),  # no year: the latest edition
        ("Welche Stadt war 2020 am schlechtesten?", "Salzgitter"),  # "Schlusslicht" in the text
        ("Welche NRW-Stadt war 2024 am schlechtesten?", "Remscheid"),
        ("Which city did worst in 2019?", "Salzgitter"),
    ],
)
def test_the_most_digital_or_the_worst_city_is_named(real_service: FoiService, question: str, says: str) -> None:
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


@pytest.mark.parametrize(
    "question",
    [
        "Welche Stadt schnitt 2024 am schlechtesten ab?",  # the sources name NRW's worst (80th of 82), not the last
        "Which city did worst in 2024?",
    ],
)
def test_the_worst_city_is_not_a_regions_worst(real_service: FoiService, question: str) -> None:
    answer = real_service.ask(question)
    assert not (answer.answered and "Remscheid" in answer.text), question


@pytest.mark.parametrize(
    "question",
    [
        "Welche Stadt war 2021 die smarteste im Ruhrgebiet?",  # a region named: the texts that speak of it
        "Was war Bochums beste Platzierung?",  # one city: its best place over the years, as before
        "Wer hat 2024 am meisten Plätze gutgemacht?",  # a superlative of a change, not a place
        "Was macht Hamburg zur smartesten Stadt?",  # the index's word with a city named: why, not its best place
    ],
)
def test_a_superlative_with_a_region_a_city_or_a_change_is_not_the_first_or_last(
    real_service: FoiService, question: str
) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is None or intent.ask not in (RankingAsk.NTH, RankingAsk.LAST), question


@pytest.mark.parametrize(
    "question",
    [
        "Welches Bundesland war 2024 am besten?",
        "Welches Bundesland ist am digitalsten?",
        "Welches ist das digitalste Bundesland?",
        "Welches Bundesland war 2024 Erster?",
        "Which state came first in 2024?",
        # A review found these answered with München: a superlative before the noun asks which state too.
        "bestes Bundesland 2024",
        "best state 2024",
    ],
)
def test_which_state_is_answered_from_a_ranking_of_states(real_service: FoiService, question: str) -> None:
    """München won the cities' index; it is no state. With no ranking named, the one ranking of states with a
    table of that year (of the latest year, if none is asked) answers: the Länderindex of 2024, Hamburg first."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert answer.entry_ids[0].startswith("bitkom-laenderindex-2024"), question
    assert "Hamburg" in answer.text, question


def test_a_ranking_of_states_named_answers_as_before(real_service: FoiService) -> None:
    answer = real_service.ask("Welches Bundesland war 2024 Schlusslicht im Länderindex?")
    assert answer.answered
    assert "Thüringen" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Which sources state Dortmund's place in 2024?",  # the verb
        "Aus welchem Bundesland kommt der Sieger 2024?",  # where a city lies
        "Welches Bundesland hatte 2024 die beste Stadt?",  # of cities
    ],
)
def test_not_every_state_word_asks_which_state(real_service: FoiService, question: str) -> None:
    assert not real_service.answerer.understander.understand(question).which_state, question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("wer war beim länderindex ganz hinten?", "Thüringen"),
        ("Who came last in the Länderindex?", "Thuringia"),
    ],
)
def test_who_came_last_in_no_year_is_read_off_the_latest_text_naming_it(
    real_service: FoiService, question: str, says: str
) -> None:
    """The reply said "Wer das war, steht nicht in meinen Quellen" and then quoted the text naming Thüringen
    last: with no year asked, the latest edition's text may name who held the place, as with a year."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Wer belegte im Smart City Index 2023 den Spitzenplatz?", "München belegte"),
        ("Wer war 2022 Spitzenreiter?", "Hamburg belegte"),
        ("Wer stand 2024 auf dem Treppchen?", "3. Köln"),  # the first three: a top list
        ("Who was runner-up in 2022?", "2nd place"),
        ("Wer war 2021 Vize?", "Platz 2"),
    ],
)
def test_words_for_the_top_places(real_service: FoiService, question: str, says: str) -> None:
    """ "Spitzenplatz" got Trier's 13th place with "Wer das war, steht nicht …"; "Treppchen" and "runner-up"
    found nothing."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


@pytest.mark.parametrize(
    "question",
    [
        "Wie oft hat Bochum bis 2025 den Sprung unter die Top 10 geschafft?",
        "Wie oft hat sich Bochum zwischen 2019 und 2025 verbessert?",
    ],
)
def test_how_often_is_no_difference_of_places(real_service: FoiService, question: str) -> None:
    """ "Wie oft … bis 2025 den Sprung unter die Top 10" got 2025 against 2024 ("einen Platz schlechter"): a count
    of years, which the course shows."""
    answer = real_service.ask(question)
    assert "schlechter als 2024" not in answer.text, question
    assert answer.answered, question
    assert "2021: Platz 7" in answer.text, question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("wie viele punkte hat essen 2025 gekriegt", "Platz 15"),  # points not known: the place, said so
        ("Welche Position nahm Essen 2025 ein?", "Platz 15"),
        ("Welchen Platz hatte Bochum laut Bitkom 2021?", "Platz 7"),
        ("Wie viele Punkte erhielt Bochum 2021?", "71,2 Punkten"),
    ],
)
def test_verbs_of_getting_a_place_or_score_frame_a_ranking_question(
    real_service: FoiService, question: str, says: str
) -> None:
    """ "gekriegt", "erhielt", "nahm … ein" and "laut Bitkom" are words of how a place is asked, not of a subject
    the tables lack: they made the question one for the texts, which found nothing."""
    assert says in real_service.ask(question).text, question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("essen 2023 was war da los", "Essen belegte im Bitkom Smart City Index 2023 Platz"),
        ("Düsseldorf 2022, irgendwas Besonderes?", "Düsseldorf belegte im Bitkom Smart City Index 2022 Platz 9"),
        ("leipzig 2024 anything notable", "Leipzig took"),
    ],
)
def test_what_went_on_with_a_city_in_a_year_is_its_standing(real_service: FoiService, question: str, says: str) -> None:
    """ "los", "Besonderes", "anything notable" say as little of what is asked as "passiert" does: they made the
    question one for the texts, which found none sure enough."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert answer.text.startswith(says), question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Welche Stadt hat 2020 ganz vorne gelegen?", "Hamburg"),
        ("Welche Städte standen 2019 am Ende der Tabelle?", "Salzgitter"),
        ("Wer war 2024 bei Energie und Umwelt am stärksten?", "Ingolstadt"),
        ("wer hat 2025 in der verwaltung abgeräumt", "Nürnberg"),
    ],
)
def test_other_words_for_first_and_last_ask_who_held_the_place(
    real_service: FoiService, question: str, says: str
) -> None:
    """ "gelegen", "am Ende der Tabelle", "am stärksten" and "abgeräumt" got suggestions or a text on another
    category's last place."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


def test_a_change_since_a_year_is_the_course_from_it(real_service: FoiService) -> None:
    """ "seit 2019" got the change of 2019 against 2018, which says nothing of the years since."""
    answer = real_service.ask("Hat sich Essen seit 2021 verbessert?")
    assert answer.entry_ids == ["bitkom-sci-essen-verlauf"]
    assert "2025: Platz 15" in answer.text
    # Since the year before is that year's change (a review found the first version of the rule refusing it).
    assert "+7 Plätze" in real_service.ask("Um wie viele Plätze ist Bochum 2024 seit dem letzten Jahr gestiegen?").text


def test_places_counted_name_no_place(real_service: FoiService) -> None:
    """A review found "Welche Städte haben 2022 zehn Plätze gewonnen?" answered with the tenth, Darmstadt."""
    assert "Freiburg" not in real_service.ask("Welche Städte haben 2021 zehn Plätze gewonnen?").text
    assert "Freiburg" in real_service.ask("Wer war 2021 auf Platz zehn?").text  # a place in words
    # Nor a win, nor a change where no verb says one ("zehn Plätze vor Bochum": a review found Bochum's change).
    assert not real_service.ask("Wer hat 2021 zehn Plätze gewonnen?").answered
    assert not real_service.ask("Welche Stadt lag 2021 zehn Plätze vor Bochum?").answered


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # A second review found these answered with the city right there or with Bochum's course.
        ("Welche Stadt lag 2022 fünf Plätze vor Bochum?", "5 Plätze vor Bochum lag 2022 Dresden."),
        ("Welche Stadt lag 2023 zwei Plätze hinter München?", "2 Plätze hinter München lag 2023 Köln."),
        ("Which city was 2 places ahead of Bochum in 2025?", "2 places ahead of Bochum in 2025 came Stuttgart."),
    ],
)
def test_a_number_of_places_away_from_a_city_names_who_held_that_place(
    real_service: FoiService, question: str, said: str
) -> None:
    assert said in real_service.ask(question).text


def test_how_to_improve_is_no_change_of_places(real_service: FoiService) -> None:
    """A review found "verbessern" read as a change of places: the course answered how Bochum means to improve."""
    for question in ("Wie kann Bochum sich im Ranking verbessern?", "How can Essen improve?"):
        answer = real_service.ask(question)
        assert not any(i.endswith("-verlauf") for i in answer.entry_ids), question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Um wie viele Punkte legte Hamburg 2024 zu?", "2,3 Punkte mehr als 2023"),  # "legte … zu"
        ("Um wie viele Plätze kletterte Dresden 2021?", "+18 Plätze"),
        ("Wie ist Salzgitter 2020 so weggekommen?", "17,7 Punkte"),
    ],
)
def test_verbs_of_changing_places_ask_for_the_change(real_service: FoiService, question: str, says: str) -> None:
    """ "legte … zu", "klettern" and "weggekommen" made the question one for the texts, which had
    nothing as fitting: "I don't know" or only suggestions."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


@pytest.mark.parametrize(
    ("question", "not_said"),
    [
        ("Welche Stadt war vor München die beste?", "beste bekannte Platzierung von München"),  # another city
        ("Welche Stadt war im ersten Jahr die smarteste?", "2025"),  # the first edition, not the latest
        ("Wer war in der Kategorie Gesellschaft Letzter?", "Hamburg"),  # a course naming no last place
    ],
)
def test_a_place_asked_of_all_is_not_read_off_a_text_that_does_not_name_it(
    real_service: FoiService, question: str, not_said: str
) -> None:
    """Found by a review: the city a question names as a reference got its own best place, "im ersten Jahr"
    the latest edition, and a course of all places was read as naming the last."""
    answer = real_service.ask(question)
    assert not (answer.answered and not_said in answer.text), question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Welche Städte waren 2024 die digitalsten?", "3. Köln"),  # several cities: the top list
        ("Was sind die digitalsten Städte Deutschlands?", "2. Hamburg"),
        ("Beste Stadt in NRW 2024", "Köln"),  # a keyword query asking which city, with the state to look in
    ],
)
def test_a_superlative_of_cities_asks_which_ones(real_service: FoiService, question: str, says: str) -> None:
    """The plural got only the winner; "Beste Stadt in NRW 2024" got NRW's place in the states' index."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question
    assert "Länderindex" not in answer.text, question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Wie viele Plätze gewann Essen 2024 hinzu?", "Plätze gegenüber dem Vorjahr"),  # places counted and won
        ("Wie viele Plätze büßte Karlsruhe 2022 ein?", "2022 lag Karlsruhe 11 Plätze schlechter als 2021."),
        ("How many points did Hamburg gain in 2024?", "points more than in 2023"),
        ("Wie viele Punkte trennten Köln und München 2020?", "München hatte 1,4 Punkte mehr als Köln."),
    ],
)
def test_changes_and_gaps_in_verbs_of_their_own(real_service: FoiService, question: str, says: str) -> None:
    """Found by fresh questions: "hinzu", "büßte … ein", "gain" and "trennten" left these to the texts."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


def test_a_place_held_with_other_points_says_how_the_points_moved(real_service: FoiService) -> None:
    """ "Hat sich Hamburg verbessert?" got "lag in beiden Jahren gleich" though its score rose by 2.3 points."""
    answer = real_service.ask("Hat sich Hamburg von 2023 auf 2024 verbessert?")
    assert answer.answered
    assert "Platz 2 (83,9 Punkte)" in answer.text
    assert "2024 hatte Hamburg 2,3 Punkte mehr als 2023." in answer.text
    english = real_service.ask("Was Hamburg better in 2024 than in 2023?")
    assert "In 2024 Hamburg had 2.3 points more than in 2023." in english.text


def test_a_change_of_place_the_tables_cannot_tell_is_said_to_be_missing(real_service: FoiService) -> None:
    """Münster's row of 2023 has no change and the tables no 2022: it got 2023's place as if that answered."""
    answer = real_service.ask("Wie viele Plätze büßte Münster 2023 ein?")
    assert answer.decision is Decision.NOT_STATED
    assert "2022: nicht in den Quellen; 2023: Platz 30" in answer.text


def test_points_gained_that_neither_scores_nor_a_note_tell_are_not_answered_with_the_total(
    real_service: FoiService,
) -> None:
    """The tables have no score of Bochum's for 2023: the 2024 total (82,3) was given as the points gained. The
    text of Bochum's 2024 says what it gained ("gewann 6,1 Punkte hinzu")."""
    answer = real_service.ask("Um wie viele Punkte verbesserte sich Bochum 2024?")
    assert answer.answered
    assert "6,1 Punkte hinzu" in answer.text
    assert "3,8 Punkte mehr" in real_service.ask("Wie viele Punkte hat München 2024 dazugewonnen?").text


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Wie viele Punkte hatte Essen 2024 insgesammt?", RankingAsk.POINTS),  # a long frame word misspelt
        ("Welche Punktzahl erziehlte Köln 2023?", RankingAsk.POINTS),
        ("Welchen Plats hatte Kiel 2021?", RankingAsk.PLACE),  # "Platz" and "Plan" as close: the grammar's word
    ],
)
def test_misspelt_words_of_the_grammar_are_read_as_corrected(
    real_service: FoiService, question: str, ask: RankingAsk
) -> None:
    """Found by fresh questions: "insgesammt" and "erziehlte" were kept as unknown words, "Plats" read as "Plan"."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None, question
    assert intent.ask is ask


def test_a_short_word_is_not_read_as_a_frame_word_it_resembles(real_service: FoiService) -> None:
    assert real_service.answerer.understander.understand("Wie ist das Wetter in Bochum 2024?").ranking is None


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("War Bochum 2021 besser als Bonn?", "Ja. "),
        ("War Bonn 2021 besser als Bochum?", "Nein. "),
        ("Lag Bonn 2021 hinter Bochum?", "Ja. "),
        ("Stimmt es, dass Köln 2024 vor München lag?", "Nein. "),  # a claim to check
        ("Was Munich ahead of Cologne in 2024?", "Yes. "),
        ("Lag Essen 2024 vor Dortmund?", "Ja. "),  # Dortmund's sources say 21 or 22: both behind Essen's 20
        ("War Magdeburg 2023 besser als Bremerhaven?", "Ja. "),  # known by scores only: 38.5 against 35.4
    ],
)
def test_a_yes_no_comparison_of_two_cities_is_answered_yes_or_no_first(
    real_service: FoiService, question: str, says: str
) -> None:
    """Found by fresh questions: the places of both cities came without a yes or no."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert answer.text.startswith(says), question


@pytest.mark.parametrize(
    "question",
    ["Wer lag 2024 vorn, Köln oder München?", "Köln und München 2024 im Vergleich"],
)
def test_a_comparison_that_claims_nothing_gets_no_yes_or_no(real_service: FoiService, question: str) -> None:
    text = real_service.ask(question).text
    assert not text.startswith(("Ja.", "Nein.", "Yes.", "No.")), question


@given(st.text(max_size=80))
def test_a_claim_is_read_without_failing(text: str) -> None:
    assert claims_ahead(text) in (True, False, None)


def test_which_way_a_comparison_claims() -> None:
    assert claims_ahead("war bochum besser als bonn") is True
    assert claims_ahead("lag bochum hinter bonn") is False
    assert claims_ahead("war bochum nicht besser als bonn") is None  # denied: left without a yes or no
    assert claims_ahead("lag bochum vor oder hinter bonn") is None
    assert claims_ahead("lag bochum vor 2022 hinter bonn") is False  # "vor 2022" is a time


def test_a_change_a_source_states_against_the_scores_is_said_beside_them(real_service: FoiService) -> None:
    """Found by the review: Hamburg 2025 got "3,4 Punkte mehr" from 86,2 and 89,6, while the press release
    says "plus 5,7"; the sources differ, and the reply says both."""
    text = real_service.ask("Um wie viele Punkte legte Hamburg 2025 zu?").text
    assert "3,4 Punkte mehr" in text
    assert "Eine Quelle nennt für 2025 dagegen: plus 5,7 Punkte." in text
    agreed = real_service.ask("Um wie viele Punkte legte München 2024 zu?").text
    assert "3,8 Punkte mehr" in agreed
    assert "dagegen" not in agreed  # the note says the same "plus 3,8 Punkte"


def test_two_cities_with_the_same_score_have_no_gap(real_service: FoiService) -> None:
    """Found by the review: equal scores would have read "hatte 0 Punkte mehr"."""
    tables = real_service.answerer.tables
    ranking = tables.default_ranking()
    assert ranking is not None
    same = [s for s in tables.standings[ranking.id] if s.year == 2024 and s.scores == [83.2] and not s.category]
    assert same, "Köln's 83,2 points of 2024 are in the table"
    twin = [same[0], same[0]]
    assert _gap(twin, "de") == "Beide hatten gleich viele Punkte."


def test_how_close_two_were_is_asked_in_points(real_service: FoiService) -> None:
    """Places next to each other may lie far apart: "Wie knapp lag Bochum 2025 hinter Köln?" got both places
    from the tables, though Bochum's points for 2025 are not in them and a text says "0,5 Punkte hinter Köln"."""
    intent = real_service.answerer.understander.understand("Wie knapp landete Essen 2023 hinter Dortmund?").ranking
    assert intent is not None
    assert (intent.ask, intent.points) == (RankingAsk.COMPARE, True)
    answer = real_service.ask("Wie knapp landete Bochum 2025 hinter Köln?")
    assert answer.entry_ids == ["bochum-sci-2025"], answer.text
    assert "0,5 Punkte" in answer.text
    # Where the tables know both scores, they still tell the gap.
    assert "0,1 Punkte mehr als Köln" in real_service.ask("Wie knapp lag Stuttgart 2025 vor Köln?").text


@pytest.mark.parametrize(
    ("question", "which"),
    [
        ("Welche Stadt war 2021 vorne?", True),
        ("Which city came first in 2021?", True),
        ("Which city-owned companies supply the data?", False),  # the companies, not a city
        ("worst Saxon city 2023", True),
        ("die schlechteste bayerische Stadt 2022", True),
        ("Bochum's best smart city result", False),  # the index's name, not a city asked
        ("top Bavarian city 2022", True),
    ],
)
def test_which_city_is_asked_only_of_a_city(question: str, which: bool) -> None:
    assert asks_which_city(fold(question)) is which


def test_a_city_of_a_state_is_not_the_states_standing(real_service: FoiService) -> None:
    # "worst NRW city 2024" was told North Rhine-Westphalia's place in the states' index.
    answer = real_service.ask("worst NRW city 2024")
    assert "federal states" not in answer.text
    assert "Remscheid" in answer.text
    # So were these, found by a review; the state alone still asks of the state.
    for question in (
        "top NRW city 2024",
        "how many NRW cities in top 10 2024",
        "Wie viele NRW-Städte waren 2024 vorn?",
    ):
        assert "federal states" not in real_service.ask(question).text, question
    assert "Länderindex 2024 Platz 6" in real_service.ask("Wie schnitt NRW 2024 ab?").text


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Wo lag Kiel im allerersten Smart City Index?", {"allerersten"}),
        ("Kiels Punkte bei der ersten Ausgabe des Index", {"ersten", "ausgabe"}),
        ("Where did Kiel place in the very first index?", {"first", "index"}),
        ("Wie viele Städte waren bei der Premiere dabei?", {"premiere"}),
        ("Welche Städte waren die ersten zehn im Index 2020?", set()),  # a top list, not the first index
        ("Wer war 2021 Erster im Smart City Index?", set()),
        ("Wer war zum ersten Mal im Index dabei?", set()),
        ("Wann hat Bitkom den Index zum allerersten Mal veröffentlicht?", {"allerersten", "mal"}),
        ("When was the index published for the first time?", {"first"}),
    ],
)
def test_words_of_a_first_edition(question: str, words: set[str]) -> None:
    assert first_edition(fold(question), ["smart city index"]) == words


def test_a_city_doing_something_for_the_first_time_is_no_first_edition() -> None:
    folded = fold("Wann hat Kiel zum ersten Mal eine Meldung zum Index veröffentlicht?")
    assert first_edition(folded, [], of_a_city=True) == set()
    assert first_edition(folded, []) == {"ersten", "mal"}


def test_a_ranking_made_for_the_first_time_is_its_first_edition(real_service: FoiService) -> None:
    """It got the date of the latest edition's presentation."""
    question = real_service.answerer.understander.understand(
        "Wann hat Bitkom die Ergebnisse des Index zum allerersten Mal vorgestellt?"
    )
    assert question.years == {2019}


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # The ordinal read as a first place, or a word outside the grammar, left these to the texts.
        ("Stuttgarts Rang im allerersten Index", "Stuttgart belegte im Bitkom Smart City Index 2019 Platz 3"),
        ("Wie viele Punkte hatte Hamburg bei der ersten Ausgabe des Index?", "2019"),
        ("Where did Heidelberg land in the first edition of the index?", "Heidelberg took 6th place"),
        ("Wie schnitt Köln bei der Premiere des Smart City Index ab?", "Köln belegte im Bitkom Smart City Index 2019"),
    ],
)
def test_the_first_edition_is_its_year(real_service: FoiService, question: str, says: str) -> None:
    answer = real_service.ask(question)
    assert answer.answered
    assert says in answer.text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # An edition of no ranking named is the default one's, as "the index" is: these got no year and failed on
        # the word for the edition ("who were the partners of the first edition" was offered only as the nearest).
        ("who were the partners of the first edition", "Deutsche Telekom and Vodafone"),
        ("Wer war bei der ersten Ausgabe vorne?", "Hamburg"),
        ("Bochums Platz bei der Premiere", "2019"),
    ],
)
def test_an_edition_of_no_ranking_named_is_the_default_rankings(
    real_service: FoiService, question: str, says: str
) -> None:
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


def test_the_words_of_a_first_edition_are_its_year_and_no_topic(real_service: FoiService) -> None:
    """Read as the year, "ersten" and "Ausgabe" are no words an answer must hold: "Wie viele Städte waren in der
    ersten Ausgabe?" was answered with Bochum's standing of that year, which holds "erste". "der erste Index" keeps
    its ordinal, which the texts on the first index write."""
    edition = real_service.ask("Wie viele Städte waren in der ersten Ausgabe?")
    assert not edition.answered or "81 Städte" in edition.text
    question = real_service.answerer.understander.understand("Wie viele Städte waren in der ersten Ausgabe?")
    assert all(t.framing for t in question.terms if t.surface in ("ersten", "ausgabe"))
    index = real_service.answerer.understander.understand("Mit welchen Firmen hat Bitkom den ersten Index erhoben?")
    assert not any(t.framing for t in index.terms if t.surface == "ersten")


def test_the_first_edition_of_a_ranking_without_its_year_in_the_tables_is_not_another_year(
    real_service: FoiService,
) -> None:
    """The Zukunftsatlas first appeared in 2004, which no text nor table of the base holds."""
    question = real_service.answerer.understander.understand("Wer lag beim ersten Zukunftsatlas vorn?")
    assert question.years == {2004}
    assert not real_service.ask("Wer lag beim ersten Zukunftsatlas vorn?").answered


def test_a_first_edition_with_its_year_written_keeps_the_year(real_service: FoiService) -> None:
    question = real_service.answerer.understander.understand("Welchen Rang hatte Kiel bei der Premiere des Index 2019?")
    assert question.years == {2019}
    assert question.ranking is not None
    assert question.ranking.ask is RankingAsk.PLACE


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # Nothing named after "how much": the city's score, not a text that names the city beside others' scores.
        ("How much did Munich get in 2024?", "88.3 points"),
        ("Wie viel hat Dresden 2023 bekommen?", "78,5 Punkten"),
    ],
)
def test_how_much_a_city_got_is_its_score(real_service: FoiService, question: str, says: str) -> None:
    assert says in real_service.ask(question).text


def test_how_much_a_city_got_with_no_score_known_is_said_to_be_missing(real_service: FoiService) -> None:
    assert real_service.ask("Wie viel hat Leipzig 2025 geholt?").decision is Decision.NOT_STATED


def test_how_often_a_city_got_somewhere_is_no_score(real_service: FoiService) -> None:
    question = real_service.answerer.understander.understand("Wie oft war Ulm 2023 in den Top 10?")
    assert question.answer_type is not AnswerType.POINTS


def test_a_study_beside_the_rankings_name_is_part_of_it(real_service: FoiService) -> None:
    understand = real_service.answerer.understander.understand
    named = understand("Which city led the 2022 study by Haselhorst?").ranking
    assert named is not None
    assert named.ask is RankingAsk.NTH
    # A study of no ranking named is not the default ranking's.
    assert understand("Wer gewann 2019 die Studie?").ranking is None


@given(st.text(max_size=80))
def test_the_words_of_a_first_edition_are_words_of_the_question(text: str) -> None:
    folded = fold(text)
    assert first_edition(folded, ["smart city index"]) <= set(re.findall(r"\w+", folded))


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Um wie viele Ränge kletterte Potsdam 2024?", "bitkom-sci-2024-aufsteiger", "21 Plätze"),
        ("Wie viele Punkte hat Bochum 2024 zugelegt?", "bochum-sci-2024", "6,1 Punkte"),
        ("Wer war beim Zukunftsatlas 2016 Spitzenreiter?", "zukunftsatlas-2016", "München"),
        ("Wer lag im Haselhorst-Ranking 2023 an der Spitze?", "haselhorst-2023", "Hamburg"),
        ("Wie oft in Folge gewann Hamburg bis 2022?", "bitkom-sci-hamburg-serie", "zum vierten Mal"),  # no table's
    ],
)
def test_a_ranking_question_the_tables_leave_to_texts_finds_them_in_other_words_of_its_ask(
    real_service: FoiService, question: str, entry: str, says: str
) -> None:
    """The texts word a gain as "verbessert" or "gewann … hinzu", a lead as "an der Spitze" or "vorn": a question
    in another word of the same ask found no text at all."""
    answer = real_service.ask(question)
    assert answer.answered, question
    assert answer.entry_ids[:1] == [entry], question
    assert says in answer.text, question


def test_the_words_of_one_ask_are_kin_and_a_rise_is_no_fall() -> None:
    assert {stem("verbessert"), stem("aufsteiger")} <= kin(stem("kletterte"))
    assert stem("gefallen") not in kin(stem("kletterte"))
    assert stem("verschlechtert") in kin(stem("rutschte"))
    assert stem("gestiegen") not in kin(stem("rutschte"))
    assert stem("sieger") in kin(stem("spitzenreiter"))
    assert not kin(stem("platz"))
    assert stem("kletterte") not in kin(stem("kletterte"))


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Wer lag im neusten Deutschland-Index vorne?", 1),  # "neusten" was read as "neunten": the ninth, of 2021
        ("Auf welchem Rang lag Bayern im neusten Deutschland-Index?", None),
        ("Which state leads the most recent Deutschland-Index?", 1),
    ],
)
def test_the_latest_edition_in_other_words_is_the_latest(
    real_service: FoiService, question: str, place: int | None
) -> None:
    """ "neuste", "jüngste", "most recent": the latest edition, which the text of no year on it answers."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None, question
    assert intent.place == place, question
    answer = real_service.ask(question)
    assert answer.answered, question
    assert answer.entry_ids == ["deutschland-index-aktuell"], question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # Which of two years: the comparison of the years names the better one.
        ("In welchem Jahr lag Essen besser, 2021 oder 2024?", "2024 lag Essen 19 Plätze besser als 2021"),
        ("Mit wie viel Punkten landete Ulm 2023?", "76,8 Punkten"),  # "mit wie viel Punkten" asks for points
        ("Wie viele Punkte hat Dresden 2023 gesammelt?", "78,5 Punkten"),  # points collected: a frame word
    ],
)
def test_ranking_figures_asked_in_other_phrases_come_from_the_tables(
    real_service: FoiService, question: str, says: str
) -> None:
    answer = real_service.ask(question)
    assert answer.answered, question
    assert says in answer.text, question


@pytest.mark.parametrize(
    "question",
    ["Abstand zwischen Köln und Düsseldorf 2024", "What was the gap between Dresden and Leipzig in 2023?"],
)
def test_the_gap_between_two_cities_is_a_comparison(real_service: FoiService, question: str) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None, question
    assert intent.ask is RankingAsk.COMPARE, question


@pytest.mark.parametrize(
    "question",
    [
        "Welche Städte fehlten 2024 im Smart City Index?",
        "Was fehlt Dortmund noch zur Smart City?",
        "Welche Fehler hatte das Ranking 2024 für Bochum?",  # "Fehler" shares the stem of "fehlen"
    ],
)
def test_what_is_missing_is_no_gap(real_service: FoiService, question: str) -> None:
    """A review found these told figures: "fehlen" is a gap only against a city, the winner or the first place."""
    assert real_service.answerer.understander.understand(question).ranking is None


@pytest.mark.parametrize(
    "question", ["Welche Stadt aus Hessen kam 2022 nach vorn?", "Welche NRW-Stadt gewann 2022 die meisten Plätze?"]
)
def test_moving_forward_or_winning_places_is_not_being_in_front(real_service: FoiService, question: str) -> None:
    """A review found these told the state's best city: the question asks who climbed."""
    assert not real_service.ask(question).text.startswith("Beste Stadt")


@pytest.mark.parametrize(
    "question",
    [
        "Wie groß war 2023 der Abstand zwischen Kiel und Ulm?",  # "groß" asks, it is no topic
        "Wie groß war Leipzigs Rückstand auf Dresden im Jahr 2023?",
        "How big was the margin between Munich and Hamburg in 2024?",
        "Wie viel fehlte Dresden 2023 auf Leipzig?",
        "How many points was Kiel short of Ulm in 2023?",
    ],
)
def test_the_gap_between_two_cities_is_asked_in_points(real_service: FoiService, question: str) -> None:
    """A gap or a lead between two cities is told by their scores: places next to each other may lie far apart."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None, question
    assert intent.ask is RankingAsk.COMPARE, question
    assert intent.points, question


def test_the_gap_between_two_cities_gives_the_difference_of_their_scores(real_service: FoiService) -> None:
    answer = real_service.ask("Wie groß war der Vorsprung von München auf Hamburg 2024?")
    assert answer.answered
    assert "München hatte 2,1 Punkte mehr als Hamburg." in answer.text


def test_a_gap_the_tables_cannot_give_comes_from_a_text_that_tells_it(real_service: FoiService) -> None:
    """The tables know Bochum's 2025 place but not its score; a text says how far it lay behind Köln."""
    answer = real_service.ask("Wie groß war 2025 der Abstand zwischen Bochum und Köln?")
    assert answer.answered
    assert "0,5 Punkte hinter" in answer.text


@pytest.mark.parametrize(
    ("question", "entry", "said"),
    [
        ("Wer war 2022 Zweiter und Dritter?", "bitkom-sci-2022-top", "2. München (85,3 Punkte); 3. Dresden"),
        ("who was 2nd and 3rd in 2020", "bitkom-sci-2020-top", "2. Munich (74.4 points); 3. Cologne"),
        ("Who came first and third in 2023?", "bitkom-sci-2023-top", "3. Cologne"),
    ],
)
def test_who_held_two_places_is_read_off_the_years_top_list(
    real_service: FoiService, question: str, entry: str, said: str
) -> None:
    """ "Wer war 2022 Zweiter und Dritter?" got the 2022 category winners' text: two places asked of who held them
    are both in the year's top list."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert answer.entry_ids == [entry]
    assert said in answer.text


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        (
            "Wer war 2024 Erster in IT und Kommunikation und in Energie und Umwelt?",
            ["bitkom-sci-2024-muenchen-it-und-kommunikation", "bitkom-sci-2024-ingolstadt-energie-und-umwelt"],
        ),
        (
            "who won administration and mobility in 2022",
            ["bitkom-sci-2022-nuernberg-verwaltung", "bitkom-sci-2022-nuernberg-mobilitaet"],
        ),
    ],
)
def test_who_held_a_place_in_two_categories_is_told_for_each(
    real_service: FoiService, question: str, entries: list[str]
) -> None:
    """ "who won IT und Kommunikation and energy 2024" got the winner of the first category only."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert answer.entry_ids == entries


def test_two_categories_one_without_a_holder_are_not_answered_by_the_other_alone(real_service: FoiService) -> None:
    """The tables hold no holder of Mobilität in 2024: Köln's first place in Verwaltung alone dropped it silently."""
    answer = real_service.ask("Wer gewann 2024 Verwaltung und Mobilität?")
    assert answer.entry_ids != ["bitkom-sci-2024-koeln-verwaltung"]


def test_one_category_under_two_names_is_one_category(real_service: FoiService) -> None:
    """ "Gesellschaft" names "Gesellschaft" and its later name "Gesellschaft und Bildung": one category a year."""
    question = "Wer war 2021 Erster in Gesellschaft?"
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None
    assert len(intent.categories) == 2
    assert real_service.ask(question).entry_ids == ["bitkom-sci-2021-hamburg-gesellschaft"]


@pytest.mark.parametrize(
    ("question", "entries", "said"),
    [
        (
            "How close were second and fourth place in 2023?",
            ["bitkom-sci-2023-hamburg", "bitkom-sci-2023-nuernberg"],
            "Hamburg had 3.8 points more than Nuremberg.",
        ),
        (
            "Wie viele Punkte lagen 2021 zwischen Platz 1 und Platz 3?",
            ["bitkom-sci-2021-hamburg", "bitkom-sci-2021-karlsruhe"],
            "Hamburg hatte 14,9 Punkte mehr als Karlsruhe.",
        ),
    ],
)
def test_the_points_between_two_places_are_those_of_their_holders(
    real_service: FoiService, question: str, entries: list[str], said: str
) -> None:
    """What lies between two places is no row of the one who held the first of them (München's place was the
    reply to how close the first and the third were), nor a text's on other places or years: both holders' rows
    tell it."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert answer.entry_ids == entries
    assert said in answer.text


def test_a_text_naming_the_two_places_tells_their_gap(real_service: FoiService) -> None:
    """The text on the gaps at the top names 2022's fourth and tenth place: it, not the tables' rows, is the source
    of "Wie viele Punkte trennten 2022 die Plätze vier und zehn?"."""
    understood = real_service.answerer.understander.understand(
        "Wie viele Punkte trennten 2022 die Plätze vier und zehn?"
    )
    found = real_service.answerer.assess(understood)
    assert found.table is None
    assert found.top is not None
    assert found.top.id == "bitkom-sci-abstand-spitze"


def test_the_points_between_two_places_are_not_told_by_other_places(real_service: FoiService) -> None:
    """The tables give no score for 2024's fifth place; the text on the gaps between the fourth and the tenth
    answered "Wie viele Punkte lagen 2024 zwischen Rang 2 und Rang 5?" with those."""
    assert not real_service.ask("Wie viele Punkte lagen 2024 zwischen Rang 2 und Rang 5?").answered


@pytest.mark.parametrize(
    ("question", "offset"),
    [
        ("Wer lag 2022 direkt hinter Bochum?", 1),
        ("Welche Stadt war 2024 unmittelbar vor Köln?", -1),
        ("Wer landete 2023 einen Platz vor Ulm?", -1),
        ("Who came right after Munich in 2023?", 1),
        ("Which city was just ahead of Bonn in 2024?", -1),
        ("Who was right above Bochum in 2022?", -1),
        ("Which city came just below Munich in 2023?", 1),
        # Asked of one city, behind or ahead of it is right there.
        ("Wer war 2022 Zweiter hinter Hamburg?", 1),
        ("Who finished behind Munich in 2025?", 1),
        # English numbers in words are no topic of their own (a blind review found the first told Bochum's year).
        ("which city was one place behind bochum in 2021", 1),
        ("Which city was two places ahead of Bochum in 2022?", -2),
    ],
)
def test_who_came_right_behind_or_ahead_of_a_city(real_service: FoiService, question: str, offset: int) -> None:
    understood = real_service.answerer.understander.understand(question)
    assert understood.ranking is not None
    assert understood.ranking.ask is RankingAsk.NEIGHBOUR
    assert understood.ranking.offset == offset


@pytest.mark.parametrize(
    "question",
    [
        "Wie knapp lag Bochum 2025 hinter Köln?",
        "Lag Bochum 2022 vor Essen?",
        "Welche Stadt lag vor 2020 vorn?",
        # Cities in the plural: more than the one right behind.
        "Welche Städte lagen 2021 hinter Bochum?",
    ],
)
def test_behind_or_ahead_alone_is_no_neighbour(real_service: FoiService, question: str) -> None:
    understood = real_service.answerer.understander.understand(question)
    assert understood.ranking is None or understood.ranking.ask is not RankingAsk.NEIGHBOUR


def test_the_tables_name_who_came_right_behind_beside_the_citys_own_place(real_service: FoiService) -> None:
    answer = real_service.ask("Wer lag 2022 direkt hinter Bochum?")
    assert answer.answered, answer.text
    assert answer.text.startswith("Direkt hinter Bochum lag 2022 Düsseldorf.")
    assert "Platz 9" in answer.text
    assert "Platz 8" in answer.text
    # Sources differ on Bochum's place of 2019 (32 and 39): the one behind 32 is known, Duisburg.
    assert "Duisburg" in real_service.ask("Welche Stadt lag 2019 direkt hinter Bochum?").text


def test_a_neighbour_the_tables_do_not_hold_is_said_to_be_missing(real_service: FoiService) -> None:
    answer = real_service.ask("Wer lag 2021 direkt hinter Essen?")
    assert answer.decision is Decision.NOT_STATED


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Direkt vor Bochum lag 2021 in der Kategorie Mobilität Köln."),
        ("en", "Right ahead of Bochum in 2021 (category Mobility) came Köln."),
    ],
)
def test_the_neighbour_lead_names_the_category(lang: Lang, said: str) -> None:
    category = "Mobilität" if lang == "de" else "Mobility"
    assert messages.next_to("Bochum", 2021, ["Köln"], behind=False, category=category, lang=lang) == said


@pytest.mark.parametrize(
    "question",
    [
        "Welche Städte lagen 2024 vor Bochum?",
        "Which cities finished ahead of Cologne in 2023?",
        "Welche Städte waren besser als Dortmund 2022?",
        "Welche Städte lagen vor Bochum?",  # no year: the latest edition, as who came right ahead
        # In the singular too, with nothing to say that it came right there.
        "wer lag 2024 vor bochum",
        "Who was ahead of Bochum in 2023?",
    ],
)
def test_every_city_ahead_of_one_is_asked_for(real_service: FoiService, question: str) -> None:
    """ "Welche Städte lagen 2024 vor Bochum?" was told Bochum's own place and "Which cities were ahead of Bochum
    in 2023?" got nothing."""
    understood = real_service.answerer.understander.understand(question)
    assert understood.ranking is not None
    assert understood.ranking.ask is RankingAsk.AHEAD


@pytest.mark.parametrize("question", ["Welche Städte lagen vor 2020 vorne?", "Which cities were ahead in 2023?"])
def test_ahead_of_no_city_asks_no_cities_ahead_of_one(real_service: FoiService, question: str) -> None:
    understood = real_service.answerer.understander.understand(question)
    assert understood.ranking is None or understood.ranking.ask is not RankingAsk.AHEAD


def test_the_one_right_ahead_answers_where_the_tables_lack_the_others(real_service: FoiService) -> None:
    """2020's places down to Bochum's 18th are not all known, the 18th is: "Wer lag vor Duisburg?" in the
    singular is then told who came right ahead, as before."""
    answer = real_service.ask("Wer lag 2020 vor Duisburg?")
    assert answer.answered, answer.text
    assert answer.text.startswith("Direkt vor Duisburg lag 2020 Bochum.")


def test_the_tables_name_every_city_ahead_of_one(real_service: FoiService) -> None:
    answer = real_service.ask("Welche Städte lagen 2024 vor Bochum?")
    assert answer.answered, answer.text
    assert answer.text.startswith(
        "Vor Bochum (Platz 4) lagen 2024 München (Platz 1), Hamburg (Platz 2) und Köln (Platz 3)."
    )
    first = real_service.ask("Which cities were ahead of Munich in 2024?")
    assert first.answered, first.text
    assert first.text.startswith("Munich was first in 2024: no city came ahead of it.")


def test_cities_ahead_the_tables_do_not_all_hold_are_left_to_a_text(real_service: FoiService) -> None:
    """The tables hold Bonn's third place in the c't ranking alone, a text the two cities ahead: naming none of
    them, or only those the tables hold, would pass for the whole list."""
    answer = real_service.ask("Welche Städte lagen im c't-Ranking vor Bonn?")
    assert answer.answered, answer.text
    assert "Nürnberg und Bremen" in answer.text
    # The tables hold the first of mobility in 2021, not the second; the text on Bochum's year names the cities
    # it came ahead of, not those ahead of it.
    behind = real_service.ask("Which cities were ahead of Bochum in the mobility category in 2021?")
    assert behind.decision is Decision.NOT_STATED


@pytest.mark.parametrize(
    ("place", "said"),
    [
        (3, "Vor Bochum (Platz 3) lagen 2021 in der Kategorie Mobilität Hamburg (Platz 1) und Köln (Platz 2)."),
        (1, "Bochum lag 2021 in der Kategorie Mobilität auf Platz 1: keine Stadt lag davor."),
    ],
)
def test_the_cities_ahead_are_told_with_their_places(place: int, said: str) -> None:
    holders = [("Hamburg", "Platz 1"), ("Köln", "Platz 2")][: place - 1]
    assert messages.all_ahead("Bochum", 2021, place, holders, category="Mobilität", lang="de") == said


@pytest.mark.parametrize(
    "question",
    [
        "Wie weit lag Bochum 2024 hinter dem ersten Platz?",
        "How far behind the winner was Bochum in 2024?",
        "Wie groß war Bochums Rückstand auf den Sieger 2024?",
        # What a city lacked for first place is the same gap: these were told Bochum's year, or nothing.
        "Wie viele Punkte fehlten Bochum 2024 zum ersten Platz?",
        "How many points short of the top spot was Bochum in 2024?",
    ],
)
def test_how_far_a_city_lay_behind_the_first_is_the_gap_in_points(real_service: FoiService, question: str) -> None:
    """These were told Bochum's own place, or nothing."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert "München" in answer.text or "Munich" in answer.text
    assert "6 Punkte mehr als Bochum" in answer.text or "6 points more than Bochum" in answer.text


def test_points_behind_the_first_where_a_score_is_missing_are_said_to_be_missing(real_service: FoiService) -> None:
    """The tables have no score of Bochum's for 2023: the places stand, the gap in points is not told."""
    answer = real_service.ask("How many points was Bochum behind the winner in 2023?")
    assert answer.decision is Decision.NOT_STATED
    assert answer.missing is AnswerType.POINTS
    assert "11th place" in answer.text


@pytest.mark.parametrize(("question", "change"), [("Did Bochum lose places in 2022?", True), ("was war da los", False)])
def test_losing_places_asks_for_a_change_and_los_does_not(
    real_service: FoiService, question: str, change: bool
) -> None:
    """ "lose" is stemmed "los", the German "Was ist los?": "Did Bochum lose places in 2022?" was told the year's
    place alone."""
    answer = real_service.ask(question if change else f"Bochum 2022 {question}")
    assert answer.answered, answer.text
    assert ("one place lower than in 2021" in answer.text) is change


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Welche Stadt in Bayern war 2022 die beste?", "Beste Stadt aus Bayern war 2022 München (Platz 2)."),
        ("best city in Lower Saxony 2025", "The best city of Lower Saxony in 2025 was Hanover (7th place)."),
        ("smarteste Stadt in Hessen 2021", "Beste Stadt aus Hessen war 2021 Darmstadt (Platz 5)."),
        # In front of the state's cities is their best: these got nothing.
        ("Welche hessische Stadt lag 2021 vorne?", "Beste Stadt aus Hessen war 2021 Darmstadt (Platz 5)."),
        ("which city in Lower Saxony was on top in 2025", "The best city of Lower Saxony in 2025 was Hanover"),
        (
            "Wie viele NRW-Städte waren 2022 in den Top 10?",
            "2022 waren 4 Städte aus Nordrhein-Westfalen unter den ersten 10: Köln (Platz 4), Aachen (Platz 7), "
            "Bochum (Platz 8) und Düsseldorf (Platz 9).",
        ),
        (
            "How many Bavarian cities were in the top 10 in 2023?",
            "2 cities of Bavaria were in the top 10 in 2023: Munich (1st place) and Nuremberg (4th place).",
        ),
    ],
)
def test_the_best_of_a_states_cities_and_those_in_a_top_list_come_from_the_tables(
    real_service: FoiService, question: str, said: str
) -> None:
    """These got nothing, or one city's own text ("best NRW city 2025" was told Bochum's year)."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert answer.text.startswith(said)


def test_the_best_of_a_state_below_the_places_the_tables_hold_is_not_told(real_service: FoiService) -> None:
    """No city of Thüringen is among the places the tables hold in full: one further down may be its best."""
    assert not real_service.ask("Welche Stadt in Thüringen war 2023 am besten?").answered


@pytest.mark.parametrize(
    ("places", "said"),
    [
        ([], "2021 war keine Stadt aus Sachsen unter den ersten 10."),
        ([("Dresden", "Platz 6")], "2021 war 1 Stadt aus Sachsen unter den ersten 10: Dresden (Platz 6)."),
    ],
)
def test_the_cities_of_a_state_in_a_top_list_are_counted(places: list[tuple[str, str]], said: str) -> None:
    assert messages.of_a_state("Sachsen", 2021, places, top=10, category="", lang="de") == said


def test_a_word_split_for_the_search_is_read_whole_by_the_grammar(real_service: FoiService) -> None:
    """ "zurückgefallen" is searched as "zurück" and "gefallen", which the grammar read as a topic of its own."""
    understood = real_service.answerer.understander.understand("Wohin ist Essen 2021 zurückgefallen?")
    assert understood.ranking is not None
    answer = real_service.ask("Wohin ist Essen 2021 zurückgefallen?")
    assert answer.decision is Decision.NOT_STATED  # the tables have Essen's 2021 place, not the one before it
    assert "Platz 39" in answer.text


@pytest.mark.parametrize(
    "question",
    ["Könntest du mir bitte sagen, wo Essen 2021 lag?", "where had Dresden landed in 2024?", "Leipzig placement 2023"],
)
def test_a_polite_or_past_tense_ranking_question_is_still_one(real_service: FoiService, question: str) -> None:
    """ "Kannst du mir sagen wie Bochum 2023 abgeschnitten hat?", "rank of munich in 2025 pls" and "any idea where
    cologne landed in 2023" were no ranking questions: a word beyond the grammar made them about something else."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None
    assert intent.ask is RankingAsk.PLACE


@pytest.mark.parametrize(
    ("question", "place", "top"),
    [
        ("Wie oft war Köln in den Top 3?", 3, True),
        ("How many times was Dresden among the top ten?", 10, True),
        ("Wie oft stand Stuttgart auf dem Treppchen?", 3, True),
        ("Wie oft war Leipzig unter den zwanzig besten Städten?", 20, True),
        ("Wie oft hat Hamburg gewonnen?", 1, False),
        ("How often did Munich win the Smart City Index?", 1, False),
        ("Wie oft war Hamburg Zweiter?", 2, False),
        ("Wie oft war Bochum zwischen 2020 und 2023 in den Top 10?", 10, True),
    ],
)
def test_how_often_a_city_held_a_place_is_counted(
    real_service: FoiService, question: str, place: int, top: bool
) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None, question
    assert (intent.ask, intent.place, intent.top) == (RankingAsk.TIMES, place, top), question


@pytest.mark.parametrize(
    ("question", "says", "entry"),
    [
        # Darmstadt was tenth in 2019; the text on 2020's climbers, which says it rose to fourth, answered 2020.
        (
            "In welchem Jahr war Darmstadt zum ersten Mal in den Top 10?",
            "Darmstadt lag im Bitkom Smart City Index erstmals 2019 unter den ersten 10 (Platz 10). Das war die "
            "erste Ausgabe.",
            "bitkom-sci-2019-darmstadt",
        ),
        (
            "When did Dresden first make the top 10?",
            "Dresden was in the top 10 (6th place) in the Bitkom Smart City Index for the first time in 2021.",
            "bitkom-sci-2021-dresden",
        ),
        (
            "Wann hat München zum ersten Mal gewonnen?",
            "München lag im Bitkom Smart City Index erstmals 2023 auf Platz 1.",
            "bitkom-sci-2023-muenchen",
        ),
        # Never: how often says so.
        ("Wann war Bonn zum ersten Mal Erster?", "Bonn lag im Bitkom Smart City Index 2019–2025 in keinem Jahr", ""),
    ],
)
def test_when_a_city_first_held_a_place_is_the_first_year_counted(
    real_service: FoiService, question: str, says: str, entry: str
) -> None:
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert answer.text.startswith(says)
    assert not entry or answer.entry_ids == [entry]


def test_a_first_year_the_tables_cannot_tell_is_not_answered_by_another_text(real_service: FoiService) -> None:
    """Bochum's places in Verwaltung are not known for every year: the text on its overall top-10 years answered."""
    answer = real_service.ask("Wann war Bochum erstmals unter den Top 10 in Verwaltung?")
    assert not answer.answered
    assert "bochum-sci-top10" not in answer.entry_ids or answer.decision is Decision.NOT_STATED


@pytest.mark.parametrize(
    "question",
    [
        "War Darmstadt 2020 zum ersten Mal in den Top 10?",  # a year named: whether it was new then
        "Wer kam 2023 zum ersten Mal in die Top 10?",  # who was new, which no year's list tells
        "Wie oft war Darmstadt in den Top 10?",  # how often, not when first
    ],
)
def test_only_when_a_city_first_held_a_place_asks_the_first_year(real_service: FoiService, question: str) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is None or not intent.first, question


@pytest.mark.parametrize(
    "question",
    [
        "Wie oft hat sich Bochum zwischen 2019 und 2025 verbessert?",  # a count of changes, from the course
        "Wie oft hat Bochum Plätze gewonnen?",  # gained, not won
        "Wie oft hintereinander haben Hamburg und München gewonnen?",  # a run of two cities
        "Wie oft war Hamburg 2022 Erster?",  # one year
        "Wie oft war Bochum im Ranking?",  # nothing counted
    ],
)
def test_how_often_of_other_things_is_not_a_count_of_places(real_service: FoiService, question: str) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is None or intent.ask is not RankingAsk.TIMES, question


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # Hamburg won 2019–2022, München 2023–2025 (not Hamburg's streak, which a text tells).
        (
            "How many times did Munich win the Smart City Index?",
            "Munich was in 1st place in the Bitkom Smart City Index three times in 2019–2025: 2023, 2024, 2025.",
        ),
        ("Wie oft war Hamburg Zweiter?", "Hamburg lag im Bitkom Smart City Index 2019–2025 dreimal auf Platz 2"),
        ("Wie oft war Köln auf dem Podium?", "viermal unter den ersten 3: 2020 (Platz 3), 2021 (Platz 2)"),
        ("Wie oft war Essen in den Top 10?", "Essen lag im Bitkom Smart City Index 2019–2025 in keinem Jahr"),
        ("Wie oft war Bochum zwischen 2020 und 2023 in den Top 10?", "2020–2023 zweimal unter den ersten 10"),
    ],
)
def test_how_often_is_counted_from_the_tables(real_service: FoiService, question: str, says: str) -> None:
    """ "How many times did Munich win?" got Hamburg's winning streak; "Wie oft war Köln auf dem Podium?" the 2020
    podium. Every edition's first places (and top ten) are in the tables, so the count is theirs."""
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, question
    assert says in answer.text, question


def test_how_often_with_years_not_known_says_the_number_is_not_in_the_sources(real_service: FoiService) -> None:
    """Haselhorst's tables hold Kiel's 2020 place and no full top ten of the other years: how often is not known,
    and the reply says what is."""
    answer = real_service.ask("Wie oft war Kiel in den Top 10?")
    assert answer.decision is Decision.NOT_STATED
    assert answer.missing is AnswerType.COUNT
    assert "2020 (Platz 6)" in answer.text
    assert "für 2018, 2019 und 2021 nennen die Quellen keinen solchen Platz" in answer.text


def test_how_often_of_a_category_counts_its_years_without_rows_as_not_known(real_service: FoiService) -> None:
    answer = real_service.ask("Wie oft hat Hamburg die Kategorie Mobilität gewonnen?")
    assert answer.decision is Decision.NOT_STATED
    assert "auf Platz 1: 2020, 2021; für 2023 und 2024" in answer.text


def test_a_text_telling_how_often_of_the_city_it_is_about_is_preferred(real_service: FoiService) -> None:
    """Bochum's top-ten entry counts the same four years and says it missed out in 2023; "Hamburgs Siegesserie"
    names München too, who ended it, and is no answer to how often München won."""
    assert real_service.ask("Wie oft war Bochum schon in den Top 10?").entry_ids[0] == "bochum-sci-top10"
    assert real_service.ask("Wie oft hat Hamburg gewonnen?").entry_ids[0] == "bitkom-sci-hamburg-serie"
    assert "dreimal" in real_service.ask("Wie oft hintereinander hat München gewonnen?").text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("How many times in a row has Munich won?", "three times in a row: 2023, 2024, 2025."),
        ("How many consecutive wins does Munich have?", "three times in a row: 2023, 2024, 2025."),
        # Two runs of two: both are named; Bochum's top-ten text counts the years, not a run.
        ("Wie oft war Bochum in Folge in den Top 10?", "zweimal in Folge unter den ersten 10: 2021 (Platz 7)"),
    ],
)
def test_how_often_in_a_row_is_the_longest_run(real_service: FoiService, question: str, says: str) -> None:
    """ "How many times in a row has Munich won?" got Hamburg's streak (its text names both cities)."""
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, question
    assert says in answer.text, question


def test_a_run_up_to_a_year_ends_there(real_service: FoiService) -> None:
    intent = real_service.answerer.understander.understand("Wie oft hintereinander hat Hamburg bis 2022 gewonnen?")
    assert intent.ranking is not None
    assert (intent.ranking.ask, intent.ranking.streak) == (RankingAsk.TIMES, True)
    assert "2019–2022" in real_service.ask("Wie oft hintereinander hat Hamburg bis 2022 gewonnen?").text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Bochum lag im Index zweimal in Folge unter den ersten 10: 2021, 2022 und 2024, 2025."),
        ("en", "Bochum was in the top 10 in the Index twice in a row: 2021, 2022 and 2024, 2025."),
    ],
)
def test_a_run_is_told_without_the_span_searched(lang: Lang, said: str) -> None:
    within = "im Index" if lang == "de" else "in the Index"
    shown = "2021, 2022 und 2024, 2025" if lang == "de" else "2021, 2022 and 2024, 2025"
    assert (
        messages.times_held(
            "Bochum", within, "2019–2025", lang, count=2, shown=shown, place=10, top=True, category="", in_a_row=True
        )
        == said
    )


@pytest.mark.parametrize(
    ("folded", "size"),
    [
        ("wie oft war koeln in den top 3", 3),
        ("top10 platzierungen", 10),
        ("among the best five", 5),
        ("unter den zehn digitalsten staedten", 10),
        ("auf dem treppchen", 3),
        ("wie oft war koeln erster", None),
    ],
)
def test_the_size_of_a_top_list_named(folded: str, size: int | None) -> None:
    assert top_size(folded) == size


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # A text on Hamburg's wins is no answer to how often it made the top five.
        ("Wie oft war Hamburg in den Top 5?", "siebenmal unter den ersten 5"),
        ("Wie oft war Hamburg zwischen 2023 und 2025 in den Top 3?", "2023–2025 dreimal unter den ersten 3"),
        # Runs of one year each.
        ("Wie oft in Folge war München Zweiter?", "nie zweimal in Folge auf Platz 2 (nur 2020 und 2022)"),
        # Bochum's 2019 place is disputed (32 or 39): it tells neither place taken by Bochum alone.
        ("Wie oft war Essen auf Platz 39?", "für 2019, 2020 und 2022 nennen die Quellen keinen solchen Platz"),
        # One edition in the span: not "in keinem Jahr".
        ("Wie oft war Bochum zwischen 2015 und 2019 in den Top 10?", "2019 nicht unter den ersten 10"),
        # "zum vierten Mal": which time, not the fourth place.
        ("Hat Hamburg bis 2022 zum vierten Mal in Folge gewonnen?", "vier"),
    ],
)
def test_how_often_reads_the_question_it_counts(real_service: FoiService, question: str, says: str) -> None:
    """A review found a text on Hamburg's wins preferred to the count of its top-five years, a run of none told
    as "einmal: 2020 und 2022", and another city's disputed place read as taken."""
    assert says in real_service.ask(question).text, question


@pytest.mark.parametrize(
    "question",
    [
        "Wie oft war Köln unter den Besten?",  # a top list of no size
        "Wie oft war Bochum auf Platz 0?",
        "Wie oft in Folge war Köln seit 2023 in den Top 3?",  # a run from a year: for the texts
    ],
)
def test_how_often_without_a_place_to_count_is_not_counted(real_service: FoiService, question: str) -> None:
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is None or intent.ask is not RankingAsk.TIMES, question


def test_the_strongest_is_worded_as_the_best(real_service: FoiService) -> None:
    """Texts call a city's strongest category its best ("Das beste Einzelergebnis …"): "am stärksten" finds it."""
    answer = real_service.ask("Wo war Bochum 2024 in den Kategorien am stärksten?")
    assert answer.answered
    assert answer.hits[0].id == "bochum-sci-2024-kategorien"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Wer lag 2024 noch vor Köln?", "Vor Köln (Platz 3) lagen 2024 München (Platz 1) und Hamburg (Platz 2)."),
        (
            "Welche Stadt war 2025 in der Verwaltung vor Bochum?",
            "Vor Bochum (Platz 2) lag 2025 in der Kategorie Verwaltung Nürnberg (Platz 1).",
        ),
    ],
)
def test_vor_a_city_asks_who_came_ahead(real_service: FoiService, question: str, said: str) -> None:
    """ "vor 2020" bounds a time; "vor Bochum" names who came ahead: every city there, the one right ahead among
    them, where the tables hold them all (a blind review found "wer lag 2024 vor bochum" told Köln alone)."""
    intent = real_service.answerer.understander.understand(question).ranking
    assert intent is not None
    assert (intent.ask, intent.offset) == (RankingAsk.AHEAD, -1)
    assert real_service.ask(question).text.startswith(said)


def test_every_category_of_a_city_in_a_year_comes_from_the_tables(real_service: FoiService) -> None:
    """ "Wie schnitt Bochum 2019 in den Kategorien ab?" got the overall course; the tables hold all five."""
    answer = real_service.ask("Wie schnitt Bochum 2019 in den Kategorien ab?")
    assert answer.answered
    for category in ("Verwaltung", "IT und Kommunikation", "Energie und Umwelt", "Mobilität", "Gesellschaft"):
        assert f"Kategorie {category} Platz" in answer.text
    english = real_service.ask("Bochum's results in the categories in 2019")
    assert "category Mobility" in english.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Welche Kategorien hatte Bochum 2020?",
            ("Kategorie IT und Kommunikation Platz 5", "Kategorie Mobilität Platz 9"),
        ),
        ("Which categories did Bochum place in in 2019?", ("category Society", "category Mobility")),
    ],
)
def test_which_categories_in_the_plural_asks_for_every_one(
    real_service: FoiService, question: str, said: tuple[str, ...]
) -> None:
    """ "Welche Kategorien hatte Bochum 2020?" got the text on one of them, Mobilität."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert all(part in answer.text for part in said), answer.text


@pytest.mark.parametrize(
    "question", ["In welcher Kategorie war Bochum 2020 am stärksten?", "In welcher Kategorie war Köln 2021 am besten?"]
)
def test_a_best_category_among_some_known_is_not_told_as_the_best(real_service: FoiService, question: str) -> None:
    """The tables hold two of Bochum's five categories of 2020 and one of Köln's of 2021: the best may be another."""
    assert not real_service.ask(question).answered


def test_which_category_is_no_list_of_every_category(real_service: FoiService) -> None:
    intent = real_service.answerer.understander.understand("In welcher Kategorie lag Bochum 2019 vorn?").ranking
    assert intent is None or not intent.every_category


@pytest.mark.parametrize(
    ("question", "best", "last"),
    [
        ("In welcher Kategorie war Bochum 2019 am stärksten?", "Kategorie Gesellschaft Platz 9", "Kategorie Energie"),
        ("Bochums beste Kategorie 2019", "Kategorie Gesellschaft Platz 9", "Kategorie Energie"),
        ("Which category was Bochum best in 2019?", "9th place", "category Energy"),
    ],
)
def test_the_category_a_city_did_best_in_is_told_by_all_of_them(
    real_service: FoiService, question: str, best: str, last: str
) -> None:
    """Every category the tables give, the best place first; the weakest is not told so (the tables may lack
    it)."""
    answer = real_service.ask(question)
    assert answer.answered
    first, *_, final = answer.text.split(". Bochum ")
    assert best in first
    assert last in final
    weakest = real_service.answerer.understander.understand("In welcher Kategorie war Bochum 2019 am schwächsten?")
    assert weakest.ranking is None or not weakest.ranking.every_category


@pytest.mark.parametrize(
    ("folded", "years", "outside"),
    [
        ("wer war vor 2020 sieger", [2022], True),
        ("wer war vor 2020 sieger", [2019], False),
        ("gab es einen index vor 2019", [2019], False),  # the bound's own year may tell what came before
        ("who won after 2023", [2019, 2021], True),
        ("who won after 2023", [2023, 2024], False),
        ("wer war 2020 sieger", [2022], False),  # a year asked, no bound
        ("wer war vor 2020 sieger", [], False),  # a text of no year
    ],
)
def test_years_on_the_other_side_of_a_bound(folded: str, years: list[int], outside: bool) -> None:
    assert outside_bounds(folded, years) is outside


def test_a_text_of_years_outside_the_bound_answers_nothing(real_service: FoiService) -> None:
    """ "Wer war vor 2020 Sieger?" got 2022's top list: "vor 2020" drops the year, and a question of no year
    took the best text of any."""
    for question in ("Wer war vor 2020 Sieger?", "Wer gewann den Smart City Index vor 2021?"):
        answer = real_service.ask(question)
        bound = int(question.split("vor ")[1][:4])
        for answered in answer.entry_ids if answer.answered else []:
            assert min(_years_of(real_service, answered), default=0) <= bound, (question, answered)


def _years_of(service: FoiService, entry_id: str) -> list[int]:
    entry = service.answerer.knowledge.entries([entry_id])[entry_id]
    return list(entry.tags.years)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Um wie viele Plätze stieg Bergisch Gladbach 2022?", "Bergisch Gladbach machte 14 Plätze gut"),
        ("how many places did bergisch gladbach gain in 2022", "Bergisch Gladbach 14"),
    ],
)
def test_a_change_the_tables_lack_is_told_by_a_text_on_several_cities(
    real_service: FoiService, question: str, said: str
) -> None:
    """The tables hold no 2022 row of Bergisch Gladbach; the text on the year's climbers names it in a clause with
    its 14 places. It was said not to be in the sources while the reply quoted it."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert said in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Hat Dortmund 2020 zugelegt?", "schlechtere Gesamtwerte als im Vorjahr"),
        ("did dortmund improve in 2020 or not", "scored lower than the year before"),
    ],
)
def test_whether_a_city_got_better_is_told_by_a_statement_without_a_figure(
    real_service: FoiService, question: str, said: str
) -> None:
    """The tables hold no 2020 row of Dortmund; the text on the Ruhr cities says it scored lower than the year
    before, in a statement naming it with three other cities and no figure. It was said no place is given."""
    answer = real_service.ask(question)
    assert answer.answered, answer.text
    assert said in answer.text


def test_how_far_a_city_moved_is_not_told_by_a_statement_without_a_figure(real_service: FoiService) -> None:
    answer = real_service.ask("Wie viele Plätze verlor Dortmund 2020?")
    assert not answer.answered


def test_a_request_s_number_is_no_place(real_service: FoiService) -> None:
    assert real_service.answerer.understander.understand("Wer stellte #257364 im Jahr 2022?").ranking is None


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # A review found these told the year's score or place alone.
        ("Wie viele Punkte hat Köln 2025 gewonnen?", "2025 hatte Köln 4,7 Punkte mehr als 2024."),
        ("How many points did Cologne win in 2025?", "In 2025 Cologne had 4.7 points more than in 2024."),
        ("Darmstadt 2020 Punkte gewonnen", "2020 hatte Darmstadt 10,6 Punkte mehr als 2019."),
        ("Aachen 2024 wie viele Plätze runter", "2024 lag Aachen 6 Plätze schlechter als 2023."),
        # A sign or a noun of a gain is a change too.
        ("Nürnberg 2023 punkte plus", "2023 hatte Nürnberg 2,5 Punkte mehr als 2022."),
        ("Hamburg 2022 minus punkte", "2022 hatte Hamburg 2 Punkte weniger als 2021."),
        ("score increase Munich 2024", "In 2024 Munich had 3.8 points more than in 2023."),
    ],
)
def test_points_won_and_places_counted_in_a_year_are_a_change(
    real_service: FoiService, question: str, said: str
) -> None:
    assert said in real_service.ask(question).text


@pytest.mark.parametrize(
    ("question", "starts"),
    [
        ("Mit wie vielen Punkten gewann Hamburg 2020?", "Hamburg belegte im Bitkom Smart City Index 2020 Platz 1 mit"),
        # A second review found these told the change after the last commit.
        ("With how many points did Hamburg win in 2020?", "Hamburg took 1st place in the Bitkom Smart City Index"),
        ("How many points did Hamburg win with in 2022?", "Hamburg took 1st place in the Bitkom Smart City Index"),
        # Points won in the first edition: nothing was gained on a year before, so they are the score.
        ("Wie viele Punkte hat Hamburg 2019 gewonnen?", "Hamburg belegte im Bitkom Smart City Index 2019 Platz 1"),
    ],
)
def test_the_score_a_city_won_with_is_its_score(real_service: FoiService, question: str, starts: str) -> None:
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER
    assert answer.text.startswith(starts)


def test_points_gained_are_not_told_by_places_gained(real_service: FoiService) -> None:
    # Dresden's score of 2020 is not in the sources: "+18 Plätze" was the answer.
    answer = real_service.ask("Dresden 2021 Punkte gewonnen")
    assert answer.decision is Decision.NOT_STATED
    assert answer.missing is AnswerType.POINTS


def test_a_note_on_the_year_before_is_no_other_source_for_a_span(real_service: FoiService) -> None:
    # "plus 1,9 Punkte" on München's row of 2025 is on 2024; from 2019 it was told as a source disagreeing.
    answer = real_service.ask("Wie viele Punkte hat München von 2019 bis 2025 zugelegt?")
    assert "2025 hatte München 22,5 Punkte mehr als 2019." in answer.text
    assert "Eine Quelle nennt" not in answer.text
    # Of two years in a row, a note giving another change than the scores is still said.
    assert "Eine Quelle nennt für 2025 dagegen: plus 5,7 Punkte." in real_service.ask("Hamburg 2024 2025 Punkte").text


def test_places_counted_in_chat_are_counted() -> None:
    assert counts_places(fold("wie viel platz hat bochum 2021 gemacht"), asked=True)
    assert counts_places(fold("Wie viel Plätze ging es nach oben?"), asked=True)
    assert not counts_places(fold("Welchen Platz hatte Bochum 2021?"))
    assert not counts_places(fold("Bochum 2021 Platz"))  # a year before "Platz" counts nothing


def test_things_counted_by_ordinal_are_read_with_their_number() -> None:
    assert ordinal_things("Wie viel Geld bekam Bochum in der zweiten Staffel?") == {(2, stem("staffel"))}
    assert ordinal_things("Who applied for the fourth round?") == {(4, stem("round"))}
    # Ordinals listed before their noun, or after it with the noun left out, each count it.
    assert ordinal_things("Bochum war in der zweiten und dritten Staffel") == {
        (2, stem("staffel")),
        (3, stem("staffel")),
    }
    assert ordinal_things("Was it funded in the second round or the third?") == {(2, stem("round")), (3, stem("round"))}


def test_the_first_places_and_function_words_count_nothing_by_ordinal() -> None:
    # "zum ersten Mal" is a first time; places are the ranking grammar's; "Vize" has no ordinal ending; an ordinal
    # before a function word or a full stop names no thing ("Zweiter im Index", "Bonn was second. Hamburg …").
    for text in (
        "Wann erschien die erste Ausgabe?",
        "Wer war Vizemeister?",
        "Welche Stadt lag auf dem dritten Platz?",
        "War Bochum 2023 Zweiter im Index?",
        "Bonn was second. Hamburg won.",
        "Hamburg gewann zum vierten Mal.",
    ):
        assert ordinal_things(text) == set(), text


@given(st.text(max_size=80))
def test_ordinals_are_read_from_any_text_past_the_first(text: str) -> None:
    assert all(number > 1 for number, _ in ordinal_things(text))
