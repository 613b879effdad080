"""What kind of answer a question asks for, and which kinds an entry gives."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bot.models import AnswerType, Entry, Lang
from bot.service import FoiService
from bot.understand.answer_types import (
    SENTENCE_END,
    around_someone_named,
    asked,
    asked_type,
    asks_first_place,
    asks_how_often,
    asks_money,
    asks_next,
    asks_since,
    asks_the_most,
    asks_until,
    asks_which_of_summed,
    asks_winner,
    change_statements,
    continued_sentences,
    counts,
    counts_something,
    counts_without_naming,
    figure_clauses,
    given_types,
    gives_frequency,
    gives_money,
    gives_time_for,
    lacks_the_lead,
    mentions,
    names_only_as_title,
    names_only_the,
    names_person,
    names_place,
    questions_in,
    reports_speech,
    respectively,
    role_become,
    speaker_asked,
    states_absence,
    states_places,
    tells_a_change,
    tells_a_start,
    tells_an_end,
    tells_an_extreme,
    tells_what_comes,
    things_asked,
    without_closing,
    without_yes_no,
    yes_or_no,
)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Seit wann arbeitet die Stabsstelle?", AnswerType.DATE),
        ("An welchem Tag kam die Antwort?", AnswerType.DAY),
        ("In which month was the memo written?", AnswerType.DAY),
        ("Von wem stammt der Vermerk?", AnswerType.PERSON),
        ("Wie heißt die zuständige Dezernentin?", AnswerType.NAME),
        ("Unter welcher Überschrift erschien die Pressemitteilung?", AnswerType.NAME),
        ("What was the title of the request?", AnswerType.NAME),
        ("Wie viel hat die Smart City App gekostet?", AnswerType.COUNT),
        ("How often is the index published?", AnswerType.COUNT),
        ("Weshalb nutzte Bochum das Ranking?", AnswerType.REASON),
        ("Wie kam es dazu, dass Kiel 2023 aufstieg?", AnswerType.REASON),  # how it came to be
        ("How come Kiel rose in 2023?", AnswerType.REASON),
        # How a city got to a standing: what got it there.
        ("How did Freiburg end up 10th in 2021?", AnswerType.REASON),
        ("How did Kiel manage to climb in 2023?", AnswerType.REASON),
        ("Wie hat es Dresden 2021 in die Top 10 geschafft?", AnswerType.REASON),
        ("Wie kam Aachen 2022 auf Platz 7?", AnswerType.REASON),
        ("How did Kiel do in 2023?", AnswerType.OPEN),  # how it did: its standing
        # "when" after another question word opens a clause: what is asked is the thing, not a date.
        ("What did Kiel plan when the 2023 index came out?", AnswerType.OPEN),
        ("Where did Kiel stand when the memo was written?", AnswerType.OPEN),
        ("Can you tell me when the memo was written?", AnswerType.DATE),
        ("How did Kiel go from 2023 to 2024?", AnswerType.OPEN),
        ("Hat Dresden es 2021 in die Top 10 geschafft?", AnswerType.YESNO),
        ("Wie viele Punkte fehlten zur Spitze?", AnswerType.POINTS),
        ("Welchen Platz belegte Kiel?", AnswerType.PLACE),
        ("Hat Bochum Berater bezahlt?", AnswerType.YESNO),
        ("Did Bonn answer?", AnswerType.YESNO),
        ("Was steht im Vermerk?", AnswerType.OPEN),  # German "was" asks "what"
        ("Smart City Konzept Bochum", AnswerType.OPEN),
        ("Aus wie vielen Indikatoren bestand der Index?", AnswerType.COUNT),  # "wie vielen" after a preposition
        ("Mit wie vielen Punkten lag Köln vorne?", AnswerType.POINTS),
        ("What score did Hamburg get in 2019?", AnswerType.POINTS),  # a score, not a place (Hamburg came last)
        ("Wie war die Pressemitteilung überschrieben?", AnswerType.NAME),  # a title in other words
        ("What was the headline of the press release?", AnswerType.NAME),
        ("Shortlist 2022 Datum", AnswerType.DAY),  # a keyword query for a date
        ("exact date of the vermerk 2020", AnswerType.DAY),
        ("Von welchem Tag stammt der Vermerk?", AnswerType.DAY),
        ("Wann genau kam die Antwort?", AnswerType.DAY),  # "genau": the day, not the year
        ("Wie groß war der Fördertopf?", AnswerType.COUNT),  # a size is a number
        ("How big was the funding pot?", AnswerType.COUNT),
        # Costs asked with no how-much: the amount is what is asked.
        ("Was hat das Gutachten zur Verwaltung gekostet?", AnswerType.COUNT),
        ("What did the new portal cost?", AnswerType.COUNT),
        ("Personalkosten Stabsstelle 2023", AnswerType.COUNT),
        ("Jahresbudget Innovationsbüro", AnswerType.COUNT),
        ("Wofür wurden die Kosten verbucht?", AnswerType.OPEN),  # what for, not how much
        ("Was wird mit den Fördergeldern gebaut?", AnswerType.OPEN),  # what the money buys
        ("Hat das Gutachten etwas gekostet?", AnswerType.YESNO),
    ],
)
def test_question_words_give_the_kind_asked(question: str, kind: AnswerType) -> None:
    assert asked_type(question) is kind


def test_the_first_question_word_decides_and_its_words_are_framing() -> None:
    kind, words = asked("In welchem Jahr war Bochum auf Platz 7?")
    assert kind is AnswerType.DATE
    assert words == {"in", "welchem", "jahr"}


def _entry(answer: str, questions: list[str], answer_en: str | None = None) -> Entry:
    return Entry(
        id="x", title="x", questions=questions, answer=answer, answer_en=answer_en, source_url="https://example.org/x"
    )


def test_an_entry_gives_what_its_questions_ask_and_its_answer_shows() -> None:
    entry = _entry("Am 20.09.2022 antwortete die Stadt, weil die Frist ablief.", ["Was antwortete die Stadt?"])
    kinds = given_types(entry)
    assert {AnswerType.DAY, AnswerType.DATE, AnswerType.REASON} <= kinds
    assert AnswerType.COUNT not in kinds
    assert AnswerType.PERSON not in kinds
    assert AnswerType.PERSON in given_types(_entry("Die Stabsstelle.", ["Wer sammelt die Daten?"]))
    assert AnswerType.COUNT in given_types(_entry("Es waren 81 Städte.", ["Welche Städte?"]))
    assert AnswerType.DAY not in given_types(_entry("Das war 2020.", ["Gab es einen Vermerk?"]))


@pytest.mark.parametrize(
    "answer",
    [
        "Nachdem Kiel 2023 um zwölf Plätze gefallen war, schrieb das Amt eine Analyse.",
        "After Kiel had fallen twelve places in 2023, the office wrote an analysis.",
        "In 2023, after the city had fallen, the office wrote an analysis.",
    ],
)
def test_what_occasioned_something_is_its_reason(answer: str) -> None:
    assert AnswerType.REASON in given_types(_entry(answer, ["Gab es eine Analyse?"]))
    assert AnswerType.REASON not in given_types(_entry("Kiel fiel 2023 um zwölf Plätze.", ["Fiel Kiel?"]))


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Did Kiel fall in 2023 or not?", "Did Kiel fall in 2023?"),
        ("Ist Kiel 2023 gefallen oder etwa nicht", "Ist Kiel 2023 gefallen?"),
        ("Kiel 2023 gefallen, ja oder nein?!", "Kiel 2023 gefallen?"),
        ("kiel 2023 abgestürzt oder nich", "kiel 2023 abgestürzt?"),
        ("Kiel ist 2023 gefallen, oder?", "Kiel ist 2023 gefallen?"),
        # A negation inside the question, or a choice of two, is its own.
        ("Welche Städte waren 2023 nicht dabei?", "Welche Städte waren 2023 nicht dabei?"),
        ("War Kiel oder nicht Lübeck vorn?", "War Kiel oder nicht Lübeck vorn?"),
        ("oder nicht?", "oder nicht?"),
        # A word ending in one is no tag.
        ("Who was the memo written for?", "Who was the memo written for?"),
        ("Wo lag Kiel im Jahr davor", "Wo lag Kiel im Jahr davor"),
        # Thanks and greetings ask nothing either.
        ("Wo lag Kiel 2023? Danke für die Hilfe!", "Wo lag Kiel 2023?"),
        ("Wann kam die Antwort? Viele Grüße", "Wann kam die Antwort?"),
        ("where was kiel in 2023, thanks", "where was kiel in 2023?"),
        ("Wie viel Dank bekam Kiel?", "Wie viel Dank bekam Kiel?"),
        # A tag before thanks, "or no", and what only looks like a tag.
        ("did kiel improve in 2020 or not, thanks", "did kiel improve in 2020?"),
        ("Ist Kiel 2023 gefallen, oder nicht, danke!", "Ist Kiel 2023 gefallen?"),
        ("did kiel improve in 2020 or no", "did kiel improve in 2020?"),
        ("Liegt Frankfurt an der Oder?", "Liegt Frankfurt an der Oder?"),
        ("Entweder-oder?", "Entweder-oder?"),
        ("? danke", "? danke"),
        ("Did Kiel fall in 2023? Or not? Yes or no?", "Did Kiel fall in 2023?"),
        # Asking to confirm, and chat laughter: "boah bochum war 2024 echt auf 4?? stimmt das" missed "stimmt".
        ("kiel war 2023 echt auf 4?? stimmt das", "kiel war 2023 echt auf 4??"),
        ("Kiel fiel 2023, richtig?", "Kiel fiel 2023?"),
        ("Kiel won in 2025, is that true?", "Kiel won in 2025?"),
        ("kiel 2025 how many pts lol", "kiel 2025 how many pts?"),
        ("War Kiels Platz richtig?", "War Kiels Platz richtig?"),
        ("Is that right", "Is that right"),
    ],
)
def test_a_closing_that_asks_nothing_is_left_out(question: str, plain: str) -> None:
    assert without_closing(question) == plain


@given(st.text(max_size=60))
@example("x, oder nicht, danke!")
@example("? danke")
def test_leaving_out_a_tag_keeps_a_question(text: str) -> None:
    stripped = without_closing(text)
    assert stripped == text or (stripped[-1] in "?!." and len(stripped) <= len(text) and stripped.strip("?"))
    assert without_closing(stripped) == stripped


def test_statements_of_a_change_say_how_their_cities_moved() -> None:
    entry = _entry(
        "Kiel stieg 2023 um zwölf Plätze. Lübeck, Husum und Flensburg verloren gegenüber 2022; Rostock blieb Neunter.",
        ["Wie schnitten die Städte im Norden ab?"],
    )
    assert change_statements(entry) == [
        "Kiel stieg 2023 um zwölf Plätze",
        "Lübeck, Husum und Flensburg verloren gegenüber 2022",
    ]


def test_an_entry_s_phrasings_claim_no_kind_of_answer() -> None:
    """Phrasings help the search; only the questions and the answer say what an entry gives."""
    entry = _entry("Die Stabsstelle sammelt die Daten.", ["Wer sammelt die Daten?"])
    phrased = entry.model_copy(update={"phrasings": ["Seit wann sammelt die Stabsstelle die Daten?"]})
    assert AnswerType.DATE in given_types(_entry("Die Stabsstelle.", ["Seit wann sammelt die Stabsstelle?"]))
    assert given_types(phrased) == given_types(entry)
    assert AnswerType.DATE not in given_types(phrased)


def test_a_place_in_words_is_a_place() -> None:
    """ "belegte den letzten Platz" answers "Welchen Platz …?": a place needs no digit."""
    for answer in (
        "Hamburg belegte 2019 den letzten Platz.",
        "Thuringia came last place.",
        "Berlin war Spitzenreiter.",
        "Essen und Kiel verbesserten sich um 12 bzw. 9 Plätze.",  # places gained
        "Kiel climbed 9 places.",
    ):
        assert AnswerType.PLACE in given_types(_entry(answer, ["Was war 2019?"])), answer
    assert AnswerType.PLACE not in given_types(_entry("Hamburg lag vorne.", ["Was war 2019?"]))


def test_a_name_is_given_by_a_quoted_title_or_by_an_entry_that_says_who() -> None:
    assert AnswerType.NAME in given_types(_entry("Sie hieß „Bochum ist smart“.", ["Gab es eine Mitteilung?"]))
    assert AnswerType.NAME in given_types(_entry("Die Stabsstelle.", ["Wer sammelt die Daten?"]))
    # An apostrophe is no quotation mark, and a title quoted is no person.
    titled = _entry("Bochum's 7th place among Germany's most digital cities.", ["What did Bochum publish?"])
    assert AnswerType.NAME not in given_types(titled)
    assert AnswerType.PERSON not in given_types(_entry("Sie hieß „Bochum ist smart“.", ["Gab es eine?"]))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Mit wie viel Punkten landete Ulm 2023?", AnswerType.POINTS),
        ("Wieviel Punkte hatte Kiel?", AnswerType.POINTS),
        ("How many points did Kiel get?", AnswerType.POINTS),
        ("Um wie viele Ränge stieg Essen?", AnswerType.PLACE),
        ("How many places did Essen climb?", AnswerType.PLACE),
        ("Wie viel mehr Punkte hatte Köln als Bonn?", AnswerType.COUNT),  # a difference, which the tables compute
        ("Wie viele Projekte nennt die Stadt?", AnswerType.COUNT),
        # Points or places qualified as the ranking's own, apart or in one word; other points are other things.
        ("How many index points did Kiel get?", AnswerType.POINTS),
        ("Wie viele Gesamtpunkte hatte Kiel?", AnswerType.POINTS),
        ("How many overall places did Essen climb?", AnswerType.PLACE),
        ("How many data points did the index use?", AnswerType.COUNT),
        ("Wie viele Schwerpunkte hat die Strategie?", AnswerType.COUNT),
    ],
)
def test_a_how_many_phrase_before_points_or_places_asks_for_them(question: str, kind: AnswerType) -> None:
    """ "mit wie viel Punkten" asked for a count, which the tables do not give: no reply at all."""
    assert asked_type(question) is kind


def test_a_day_of_another_year_is_no_day_for_the_year_asked() -> None:
    dated = _entry("Meldungen erschienen am 9. Oktober 2020 und am 06.10.2021, eine dritte 2022.", ["Welche?"])
    day = AnswerType.DAY
    assert gives_time_for(dated, day, frozenset({2021}))
    assert not gives_time_for(dated, day, frozenset({2022}))
    assert gives_time_for(dated, day, frozenset())  # no year asked: any day may be the one
    undated = _entry("Die Meldung erschien am 6. Oktober, eine weitere 2022.", ["Wann?"])
    assert gives_time_for(undated, day, frozenset({2022}))  # a day without its year may be of any year


def test_a_date_is_more_than_the_year_the_question_names() -> None:
    same = _entry("Bochum lag 2022 auf Platz 8.", ["Wie war Bochum 2022?"])
    assert not gives_time_for(same, AnswerType.DATE, frozenset({2022}))
    assert gives_time_for(same, AnswerType.DATE, frozenset())
    since = _entry("Seit 2019, auch 2022.", ["Seit wann?"])
    assert gives_time_for(since, AnswerType.DATE, frozenset({2022}), since=True)
    assert gives_time_for(_entry("Am 12.09.2022.", ["Wann?"]), AnswerType.DATE, frozenset({2022}))


def test_places_scores_years_and_days_count_nothing_else() -> None:
    assert not counts_something(_entry("2020 stieg Bochum um 14 Plätze auf Platz 18 (71,2 Punkte).", ["Wie?"]))
    assert not counts_something(_entry("Am 20.09.2022 antwortete die Stadt.", ["Wann?"]))
    assert counts_something(_entry("Die Unit hat 16 Mitarbeitende.", ["Wie viele?"]))
    assert counts_something(_entry("402 Kreise wurden untersucht.", ["Wie viele?"]))


def test_the_name_of_a_person_asks_for_a_person() -> None:
    assert asked_type("Wie heißt die Person, die die Anfrage gestellt hat?") is AnswerType.PERSON
    assert asked_type("What is the name of the person who filed it?") is AnswerType.PERSON
    assert asked_type("Wie heißt die Pressemitteilung von 2021?") is AnswerType.NAME


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "wer" closing a sentence after a word of it is "someone": no question who.
        ("Nutzt die Dokumentenausgabebox überhaupt wer?", AnswerType.YESNO),
        ("die box da, benutzt die eigentlich wer?", AnswerType.OPEN),
        ("seit wann gibt es die box, weiß das wer", AnswerType.DATE),
        # A question who stays one, also after another and after "und".
        ("Ist das die Stabsstelle? Wer leitet sie?", AnswerType.PERSON),
        ("Was ist der Digitalkompass und wer?", AnswerType.PERSON),
        ("Weiß jemand, wer den Index macht?", AnswerType.PERSON),
    ],
)
def test_wer_closing_a_sentence_is_someone(question: str, kind: AnswerType) -> None:
    assert asked_type(question) is kind


def test_a_time_of_day_is_asked_and_given_as_its_own_kind() -> None:
    """ "Um wie viel Uhr …?" asked for a count ("wie viel") and a text with a day but no time answered it."""
    for question in ("Um wie viel Uhr kam die Shortlist?", "At what time was the request sent?", "Welche Uhrzeit?"):
        assert asked_type(question) is AnswerType.TIME, question
    assert AnswerType.TIME in given_types(_entry("Die Anfrage ging am 19.08.2022 um 20:00 Uhr raus.", ["Wann?"]))
    assert AnswerType.TIME in given_types(_entry("The call starts at 10 am.", ["When?"]))
    assert AnswerType.TIME not in given_types(_entry("Die Shortlist erschien am 12.09.2022.", ["Wann?"]))


def test_a_year_something_goes_on_from_does_not_date_what_was_done_later() -> None:
    """ "When was the data for the 2021 index collected?" was answered with "Bitkom has asked German cities once a
    year since 2019"."""
    yearly = _entry("Seit 2019 werden die Daten einmal jährlich erhoben.", ["Wie werden die Daten erhoben?"])
    assert not gives_time_for(yearly, AnswerType.DATE, frozenset({2021}))
    assert gives_time_for(yearly, AnswerType.DATE, frozenset({2021}), since=True)  # "Seit wann … (noch) 2021?"
    assert gives_time_for(yearly, AnswerType.DATE, frozenset({2018}))  # a start after the year asked is news
    assert gives_time_for(_entry("Erhoben im Mai 2021.", ["Wann?"]), AnswerType.DATE, frozenset({2021}))


def test_a_place_belongs_to_the_clause_that_names_it() -> None:
    entry = _entry("Vorn lagen Kiel (Platz 5) und Jena (Platz 9); auch Gera war unter den Top 30.", ["Welche?"])
    clauses = figure_clauses(entry, AnswerType.PLACE)
    assert clauses is not None
    assert [c for c, figure in clauses if figure and "Gera" in c] == []
    assert any(figure and "Kiel" in c for c, figure in clauses)
    assert figure_clauses(entry, AnswerType.DATE) is None  # only places and scores are tied to a city


def test_a_score_in_brackets_is_a_score_where_the_text_gives_scores() -> None:
    """ "Laenderindex 2024 Bayern Punkte" was told no score was given: "… vor Berlin (71,5) und Bayern (66,9)"."""
    scored = _entry("Hamburg erreichte 73,5 von 100 Punkten vor Berlin (71,5) und Bayern (66,9).", ["Wer?"])
    assert any(figure and "Bayern" in c for c, figure in figure_clauses(scored, AnswerType.POINTS) or [])
    # Without a score anywhere, a bracket holds any other figure: a share, a change.
    shares = _entry("Hamburg lag mit 64 Prozent vorn, vor Berlin (61,5) und Bayern (58,0).", ["Wer?"])
    assert not any(figure for _, figure in figure_clauses(shares, AnswerType.POINTS) or [])


def test_places_gained_are_no_place_held() -> None:
    """ "Potsdam Platz 2024" got "Reutlingen und Potsdam, die sich um 27 bzw. 21 Plätze nach oben arbeiteten"."""
    entry = _entry("Am stärksten verbesserten sich Jena und Gera, um 30 bzw. 12 Plätze.", ["Wer stieg auf?"])
    assert any(figure for _, figure in figure_clauses(entry, AnswerType.PLACE) or [])
    assert not any(figure for _, figure in figure_clauses(entry, AnswerType.PLACE, held=True) or [])


@pytest.mark.parametrize(
    ("answer", "named"),
    [
        ("Der Index bewertet fünf Themenbereiche: Verwaltung, IT, Energie, Mobilität und Gesellschaft.", True),
        ("Das Konzept folgt fünf Themenbereichen – Infrastruktur, Verwaltung, Gesellschaft, Umwelt, Wirtschaft.", True),
        ("Es wurden fünf Themenbereiche Verwaltung, IT, Energie, Mobilität sowie Gesellschaft untersucht.", True),
        ("Two new categories (tourism; retail) joined the eight existing ones.", True),
        ("Von fünf untersuchten Themenbereichen waren im Schnitt 2,7 erfüllt, mehr als 2021 (1,2).", False),
        ("Die Quellen weichen ab: haufe.de nennt 38 Themenbereiche, de.digital 28 Themenbereiche.", False),
    ],
)
def test_a_count_names_its_members_only_with_a_list(answer: str, named: bool) -> None:
    """ "Welche fünf Themenbereiche …?" asks for the members; a count alone does not name them."""
    entry = _entry(answer, ["Wie viele Themenbereiche?"])
    assert counts_without_naming("Welche fünf Themenbereiche gibt es?", entry) is not named
    assert not counts_without_naming("Wie viele Themenbereiche gibt es?", entry)  # the count is asked: it is given


def test_answers_that_say_the_sources_do_not_know() -> None:
    assert states_absence(_entry("Der Inhalt der Antwort liegt hier nicht vor.", ["Was antwortete Ulm?"]), ["Ulm"])
    assert not states_absence(_entry("Nein, die Stadt hat keine Berater beauftragt.", ["Berater?"]), ["Berater"])


def test_a_later_absence_holds_only_for_what_it_names() -> None:
    """ "Welchen Platz hatte Bochum 2020 unter den Ruhrgebietsstädten?" got "not stated" for the points the entry
    says no source gives, above the place it does give."""
    entry = _entry(
        "2020 lag Bochum auf Platz 18. In der Mobilität lag es auf Platz 9; eine Punktzahl nennt keine Quelle.",
        ["Wie schnitt Bochum 2020 ab?"],
    )
    assert states_absence(entry, ["Welche", "Punktzahl", "hatte"])
    assert states_absence(entry, ["Wie", "viele", "Punkte", "hatte"])  # the same thing in another form
    assert not states_absence(entry, ["Welchen", "Platz", "hatte"])
    assert not states_absence(entry, ["Welche", "Quelle", "nennt", "den", "Platz"])  # the words of the absence


def test_an_absence_said_with_the_sources_as_subject_is_an_absence() -> None:
    entry = _entry(
        "Köln führte 2021 die Verwaltung an; einen Sieger bei der Mobilität nennen die Quellen nicht.",
        ["Wer gewann 2021 die Kategorien?"],
    )
    assert states_absence(entry, ["Wer", "gewann", "Mobilität"])
    assert not states_absence(entry, ["Wer", "gewann", "Verwaltung"])


def test_an_absence_of_the_others_leaves_what_was_given() -> None:
    """Which city won a category is answered by the one the entry names, though it lacks the other winners."""
    entry = _entry(
        "Ulm gewann 2023 die Kategorie Mobilität. Die Sieger der übrigen Kategorien nennen die Quellen nicht.",
        ["Wer gewann 2023 eine Kategorie?"],
    )
    assert not states_absence(entry, ["Welche", "Stadt", "gewann", "eine", "Kategorie"])
    alone = _entry("Ulm gewann 2023. Die Sieger der Kategorien nennen die Quellen nicht.", ["Wer gewann 2023?"])
    assert states_absence(alone, ["Welche", "Stadt", "gewann", "eine", "Kategorie"])
    later = _entry("Essen lag 2022 vorn. Die Punktzahl nennt die vorliegende Quelle nicht.", ["Wer lag vorn?"])
    assert states_absence(later, ["Wie", "viele", "Punkte"])


def test_a_yes_or_no_is_dropped_where_none_was_asked() -> None:
    assert without_yes_no("Ja. 2020 wurde ein Vermerk verfasst.") == "2020 wurde ein Vermerk verfasst."
    assert without_yes_no("Nein, nie.") == "Nie."
    assert without_yes_no("Jahrelang nicht.") == "Jahrelang nicht."


@pytest.mark.parametrize(
    ("question", "lang", "asks"),
    [
        ("Wie hat der Oberbürgermeister reagiert?", "de", True),
        ("Worum ging es im Vermerk?", "de", True),
        ("Wann kam die Antwort?", "de", True),
        ("What did the memo say?", "en", True),
        ("Gab es einen Vermerk?", "de", False),
        ("Bochum externe Berater bezahlt?", "de", False),
        ("vermerk eiskirch 2020", "de", False),
        ("Was there a memo for the mayor?", "en", False),  # a verb in English, a question word in German
        ("Und was stand im Vermerk?", "de", True),
        ("In welchem Termin wurde das Ranking vorgestellt?", "de", True),
        ("Gab es 2020 einen Vermerk darüber, wie Bochum abgeschnitten hat?", "de", False),  # "wie" further on
        ("Hat Bochum was für externe Berater ausgegeben?", "de", False),
        ("Did the mayor get a memo about where Bochum ranked?", "en", False),
    ],
)
def test_a_question_word_asks_for_more_than_yes_or_no(question: str, lang: Lang, asks: bool) -> None:
    assert yes_or_no(question, lambda: lang) is not asks


@given(st.text(max_size=200))
def test_any_text_has_a_kind(text: str) -> None:
    kind, words = asked(text)
    assert isinstance(kind, AnswerType)
    assert all(w.isascii() for w in words)


@pytest.mark.parametrize(
    ("sentence", "counted", "gives"),
    [
        ("Bitkom Research erfasste knapp 11.000 Datenpunkte.", "datenpunkt", True),
        ("2022 arbeiteten dort 16 Mitarbeiterinnen und Mitarbeiter.", "mitarbeit", True),
        ("Es wurden 12 Projektideen eingereicht.", "projekt", True),  # a compound of the word counted
        ("The index covers all German cities: 81 in 2019 and 82 in 2024.", "citi", True),  # a number alone
        ("Der Bitkom fragt Informationen zu Projekten in fünf Kategorien ab.", "projekt", False),
        ("Bitkom Research erfasste knapp 11.000 Datenpunkte.", "indikator", False),
        ("81 Großstädte wurden verglichen.", "prozent", False),  # a share needs a percentage
        ("Die App nutzen 12 % der Einwohner.", "prozent", True),
        ("Der Zukunftsatlas 2022 ist die 7. Ausgabe.", "Ausgaben", True),
        ("Es war die dritte Ausgabe.", "Ausgaben", True),  # an ordinal: three so far
        ("Köln hatte 83 Prozent der abgefragten OZG-Leistungen umgesetzt.", "leistung", True),  # a share
        ("Nürnberg, Aachen und Düsseldorf verbesserten sich jeweils um zehn Plätze.", "stadt", True),  # a list
        ("Kiel landete hinter Jena und Gera auf Platz drei.", "stadt", False),  # those ahead: no list of cities
        ("Neu kamen die Kategorien „Digitaler Tourismus“ und „Digitale Wirtschaft“ hinzu.", "kategori", True),
        ("Neu kam die Kategorie „Digitaler Tourismus“ hinzu.", "kategori", False),
        ("Since August 2024 residents can re-register online.", "Einwohner", False),  # a month's year
        ("Im August 2024 kamen 371 Einwohner.", "Einwohner", True),
    ],
)
def test_a_number_counts_the_word_that_follows_it(
    real_service: FoiService, sentence: str, counted: str, gives: bool
) -> None:
    analyze = real_service.normalizer.analyze
    things = frozenset(analyze(counted).tokens) if counted[0].isupper() else frozenset({counted})
    assert counts(sentence, analyze(sentence), things) is gives


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("Der Index umfasst alle Großstädte: 2019 waren es 81, 2025 dann 83.", True),
        ("2020 untersuchte der Bitkom 81 deutsche Großstädte.", True),
        ("Ihre Daten prüften 2021 genau 79 Prozent der Städte.", False),  # a share is some of them
        ("Aufsteiger waren Osnabrück, Darmstadt und Aachen.", False),  # a list too
        ("Seit 2019 fragt der Bitkom jedes Jahr bei den Großstädten nach.", False),  # a year
        ("Essen kam auf Platz 18 und war damit laut Stadt vorn.", False),  # a place
        ("Im Mittel aller Städte lag der Wert bei 61,5 in 2022.", False),  # a decimal's digits
        ("Laut Bonn lagen 2021 drei NRW-Städte vor Bonn.", False),  # the cities of a state
        ("According to Bonn, three NRW cities were ahead of it.", False),
    ],
)
def test_the_cities_in_all_are_counted_by_a_whole_number_of_them(
    real_service: FoiService, sentence: str, gives: bool
) -> None:
    analyze = real_service.normalizer.analyze
    assert counts(sentence, analyze(sentence), frozenset({"stadt"}), in_all=True) is gives


def test_what_a_number_is_per_is_not_what_it_counts(real_service: FoiService) -> None:
    sentence = "Pro Jahr fließen 120 Parameter pro Stadt in den Index ein."
    assert not counts(sentence, real_service.normalizer.analyze(sentence), frozenset({"stadt"}))


def test_sentences_end_at_a_stop_not_inside_a_number() -> None:
    assert SENTENCE_END.split("Es waren 11.000 Datenpunkte; dann 82 Städte. Die 7. Ausgabe") == [
        "Es waren 11.000 Datenpunkte;",
        "dann 82 Städte.",
        "Die 7. Ausgabe",
    ]


@pytest.mark.parametrize(
    "question",
    ["Auf welche Weise wurde der Oberbürgermeister informiert?", "In welcher Form kam die Antwort?", "In what way?"],
)
def test_how_in_so_many_words_asks_no_kind_and_its_noun_frames_it(question: str) -> None:
    """ "Weise", a word the base never writes, weighed as the question's rarest word and was missing from the memo
    entry, which says how: "in einem Termin vorgestellt"."""
    kind, asking = asked(question)
    assert kind is AnswerType.OPEN
    assert {"weise", "form", "way"} & asking


def test_since_when_needs_an_answer_that_tells_a_start() -> None:
    """ "Seit wann ist Eiskirch Oberbürgermeister?" got the memo written for him in 2020."""
    assert asks_since("Seit wann ist Eiskirch im Amt?")
    assert asks_since("Since when has the index existed?")
    assert not asks_since("Wann wurde der Vermerk geschrieben?")
    assert not tells_a_start(_entry("2020 wurde für Oberbürgermeister Eiskirch ein Vermerk verfasst.", ["Vermerk?"]))
    assert tells_a_start(_entry("Der Bitkom fragt seit 2019 jährlich die Großstädte.", ["Daten?"]))
    assert tells_a_start(_entry("Im November 2023 startete die erste Version.", ["App?"]))
    assert tells_a_start(_entry("Bochum war 2021, 2022 und 2024 in den Top 10.", ["Top 10?"]))  # from the first
    assert not tells_a_start(_entry("Die Quellen weichen ab: 2020 Platz 18, 2019 Platz 32.", ["Platz?"]))
    assert not tells_a_start(_entry("Bochum lag 2021 auf dem ersten Platz im Ruhrgebiet.", ["Platz?"]))
    assert tells_a_start(_entry("Im Frühjahr.", ["Seit wann gibt es die Stelle?"]))  # its question says so


@pytest.mark.parametrize(
    ("question", "became"),
    [
        ("Wann wurde Frau Weber Kämmerin?", ("weber", "kaemmerin")),
        ("When did Anna Weber become the treasurer?", ("weber", "treasurer")),
        ("When did Ulm become a model city?", ("ulm", "model")),
        ("Wann wurde der Bericht veröffentlicht?", None),  # a participle: what was done, not what it became
        ("When did the survey start?", None),
    ],
)
def test_when_someone_became_something_is_read_from_the_question(question: str, became: tuple[str, str] | None) -> None:
    assert role_become(question) == became


def test_a_role_named_only_as_a_title_does_not_tell_when_it_began() -> None:
    """ "When did Eiskirch become mayor?" got the memo written "for Mayor Thomas Eiskirch" in 2020."""
    became = ("weber", "kaemmerin")
    assert names_only_as_title("2021 schrieb das Amt für Kämmerin Anna Weber einen Bericht.", became)
    assert not names_only_as_title("Anna Weber ist seit 2019 Kämmerin der Stadt.", became)
    assert not names_only_as_title("Die Kämmerin Weber wurde 2019 gewählt; Kämmerin Schmidt ging.", became)
    assert not names_only_as_title(
        "Ulm wurde 2021 als eines von 28 Modellprojekten Smart Cities gewählt.", ("ulm", "modell")
    )
    assert not names_only_as_title("Der Bericht nennt keine Rolle.", became)  # the role not named at all


def test_years_of_full_dates_are_no_list_telling_a_start() -> None:
    """The Stabsstelle entry cites an answer of 20.09.2022 and a report of 4 September 2023 and names 2020: three
    years, read as a list from the first, so "Seit wann gibt es die Stabsstelle?" was answered with it."""
    dated = "Laut Antwort vom 12.03.2021 leitet das Amt die Daten weiter. Ein Bericht vom 2. Mai 2024 lobt 2019."
    assert not tells_a_start(_entry(dated, ["Was macht das Amt?"]))
    assert tells_a_start(_entry("Das Amt war 2019, 2020 und 2023 beteiligt.", ["Was macht das Amt?"]))


def test_until_when_needs_an_answer_that_tells_an_end() -> None:
    """ "Bis wann musste Bochum antworten?" got the day the request was made and the day it was answered."""
    assert asks_until("Bis wann musste die Stadt antworten?")
    assert asks_until("Von wann bis wann lief die Umfrage?")
    assert asks_until("By when did the city have to reply?")
    assert not asks_until("Wann kam die Antwort?")
    assert not asks_until("Seit wann gibt es das Amt?")
    # A deadline asked: "Was war Bochums Frist?" got the request's description, which names none.
    assert asks_until("What was the city's deadline for the reply?")
    assert asks_until("Kam die Antwort fristgerecht?")
    assert asks_until("Wie lang war die Antwortfrist?")
    asked_and_answered = _entry("Gefragt am 3. März 2021, beantwortet am 9. April 2021.", ["Wann kam die Antwort?"])
    assert not tells_an_end(asked_and_answered)
    assert tells_an_end(_entry("Die Frist lief am 30. Juni 2021 ab.", ["Frist?"]))
    assert tells_an_end(_entry("Das Programm läuft bis voraussichtlich Mai 2027.", ["Laufzeit?"]))
    assert tells_an_end(_entry("The survey ran until March 2024.", ["Survey?"]))
    assert tells_an_end(_entry("Im Sommer.", ["Bis wann läuft das Programm?"]))  # its question says so


def test_a_sentence_referring_back_continues_the_one_before() -> None:
    text = "Die Liste nannte fünf Städte; veröffentlicht wurde sie am 3. Mai. Außerdem gab es am 9. Mai eine Feier."
    assert continued_sentences(text) == [
        "Die Liste nannte fünf Städte; veröffentlicht wurde sie am 3. Mai.",
        "Außerdem gab es am 9. Mai eine Feier.",
    ]


def test_a_how_much_question_on_costs_asks_money_unless_it_counts_a_thing() -> None:
    assert asks_money("Wie viel hat die Datensammlung gekostet?", [])
    assert asks_money("How much did the concept cost?", [])
    assert not asks_money("Wie viele Projekte wurden bezahlt?", ["projekt"])
    assert not asks_money("Hat Bochum Berater bezahlt?", [])  # yes or no
    assert asks_money("Wie viel Kohle gab es vom Land für die App?", [])  # money in everyday words
    assert asks_money("Wie hoch ist das Digitalbudget der Stadt?", [])  # a compound of budget
    assert asks_money("Wie viel gab die Stadt 2023 für Software aus?", [])  # spending, its particle last
    assert not asks_money("Wie viele Städte gibt es aus Bayern?", ["stadt"])
    # Paying and funding are money too ("Wie viel zahlt der Bund …?" got how many cities applied).
    assert asks_money("Wie viel zahlt der Bund für das Projekt?", [])
    assert asks_money("How much funding did Kiel get?", [])
    assert asks_money("Wie hoch ist die Fördersumme?", [])
    assert not asks_money("Wie viele Zahlen nennt der Bericht?", ["zahl"])
    assert gives_money(_entry("Bis 2026 sind 15,2 Millionen Euro veranschlagt.", ["Kosten?"]))
    assert not gives_money(_entry("Das Konzept hat fünf Leitthemen und über 100 Projekte.", ["Inhalt?"]))


def test_who_is_read_off_a_text_only_for_the_role_or_preposition_asked() -> None:
    """ "Für wen wurde der Vermerk geschrieben?" was told "who that was is not in the answer" while the text named
    him; who did something is still not read off a text naming someone else."""
    memo = _entry(
        "Ja. 2020 wurde für Oberbürgermeister Thomas Eiskirch ein Vermerk verfasst.",
        ["Gab es einen Vermerk?"],
    ).model_copy(update={"answer_en": "Yes. In 2020 a memo was written for Mayor Thomas Eiskirch."})
    assert names_person(memo, "Für wen wurde der Vermerk verfasst?")
    assert names_person(memo, "Who was the memo written for?")
    assert names_person(memo, "For whom was the memo written?")
    assert names_person(memo, "wer is eigentlich oberbürgermeister in bochum")
    assert names_person(memo, "Wie heißt der Bochumer Oberbürgermeister?")
    assert names_person(memo, "Who is the mayor of Bochum?")
    assert names_person(memo, "Wie heißt der OB von Bochum?")
    assert names_person(memo, "Wer ist Oberbürgermeiser von Bochum?")  # misspelt
    assert names_person(memo, "Who is Bochum's mayor?")
    assert names_person(memo, "who's the mayor of bochum")  # "who's" was read as no who-is question
    # A source cited before the role is not the role: "wer war laut der antwort oberbürgermeister in bochum" was told
    # that the answer names nobody.
    assert names_person(memo, "wer war laut der antwort oberbürgermeister in bochum")
    assert names_person(memo, "Who was, according to the answer, mayor of Bochum?")
    assert not names_person(memo, "Wer war laut der Antwort Dezernent in Bochum?")
    assert not names_person(memo, "Wer hat den Vermerk geschrieben?")
    # "Wem …?" with no preposition: a sentence naming someone with the question's closing verb.
    assert names_person(memo, "Wem ist der Vermerk verfasst worden?")
    # Named with the office once, the person is named by the surname after it: "Wem wurde der Vermerk von 2020
    # vorgestellt?" was told the answer names nobody.
    presented = _entry(
        "2020 wurde für Oberbürgermeister Thomas Eiskirch ein Vermerk verfasst. Der Vermerk wurde Eiskirch in einem "
        "Termin vorgestellt.",
        ["Vermerk?"],
    )
    assert names_person(presented, "Wem wurde der Vermerk vorgestellt?")
    assert not names_person(presented, "Wem wurde der Vermerk gezeigt?")
    assert not names_person(memo, "Wem wurde der Vermerk gezeigt?")
    assert not names_person(memo, "Wem gehört der Vermerk?")
    # Who received what another did ("Wer hat den Vermerk verfasst bekommen?") is asked like "Wem …?": "wer hat
    # 2021 das ranking vorgestellt bekommen" was told the text names nobody who presented it.
    assert names_person(memo, "wer hat den vermerk verfasst bekommen")
    assert not names_person(memo, "Wer hat den Vermerk gezeigt bekommen?")
    assert not names_person(memo, "Wer hat den Vermerk bekommen?")  # no deed before "bekommen": who did receive
    # Capitals alone are no person: "Wem wurde der Index vorgestellt?" got a press conference's venue.
    venue = _entry("Die Ergebnisse wurden im Vorfeld der Smart Country Convention vorgestellt.", ["Wann?"])
    assert not names_person(venue, "Wem wurde der Index vorgestellt?")
    unnamed = _entry("Der Vermerk wurde dem Bürgermeister in einem Termin vorgestellt.", ["Vermerk?"])
    assert not names_person(unnamed, "Wem wurde der Vermerk vorgestellt?")  # an office, but no name after it
    assert not names_person(memo, "Who wrote the memo for the mayor?")
    assert not names_person(memo, "Von wem stammt der Vermerk?")  # no "von" before the name
    assert not names_person(memo, "Wer ist Dezernent für Digitales?")  # a title the text does not give
    assert not names_person(_entry("Der Vermerk ging an die Fachämter.", ["Vermerk?"]), "An wen ging der Vermerk?")


def test_winning_is_asked_in_any_form() -> None:
    for text in ("Wer gewann 2019?", "Welches Land hat gewonnen?", "Who won in 2020?", "Wer war Sieger?"):
        assert asks_winner(text), text
    assert not asks_winner("Wann wurde der Gewinn bekannt gegeben?")
    assert not asks_winner("Wer war 2020 Letzter?")
    assert not asks_winner("Wer hat 2022 zehn Plätze gewonnen?")  # places gained


def test_a_first_place_is_asked_in_other_words_than_winning() -> None:
    for text in ("Wer schnitt am besten ab?", "Who came out on top?", "Who topped the study?", "Wer lag vorn?"):
        assert asks_first_place(text), text
    assert asks_first_place("Wer hat gewonnen?")
    assert not asks_first_place("Wer hat 2022 zehn Plätze gewonnen?")  # places gained
    assert not asks_first_place("Wer leitet die Stabsstelle Digitalisierung?")


def test_someone_before_or_after_a_person_named_is_not_that_person() -> None:
    """ "Wer war vor Denes Kücük CDO?" got Kücük's own former post."""
    cdo = _entry("Denes Kücük ist seit 2020 CDO der Stadt Bochum; zuvor war er in Dortmund.", ["Wer ist CDO?"])
    assert around_someone_named(cdo, "Wer war vor Denes Kücük CDO?", [])
    assert around_someone_named(cdo, "Who was CDO after Kücük?", [])
    assert not around_someone_named(cdo, "Wer ist CDO in Bochum?", [])
    assert not around_someone_named(cdo, "Wer lag 2021 vor Bochum?", ["Bochum"])  # a place: a ranking's order
    after = _entry("Nach der Veröffentlichung prüft die Stadt das Ergebnis.", ["Was tut die Stadt?"])
    assert not around_someone_named(after, "Wer prüft nach Veröffentlichung das Ergebnis?", [])
    told = _entry("Kücük folgte 2020 auf Max Muster als CDO.", ["Wer ist CDO?"])
    assert not around_someone_named(told, "Wer war vor Kücük CDO?", [])


def test_a_person_typed_in_lower_case_is_known_by_the_full_name_in_the_text() -> None:
    """ "who was mayor of bochum before eiskirch" got the memo for Mayor Thomas Eiskirch: the name typed in lower
    case escaped the rule. A lower-case word is a person's only where the text writes it ending a full name."""
    memo = _entry("2020 wurde für Oberbürgermeister Thomas Eiskirch ein Vermerk verfasst.", ["Für wen?"])
    assert around_someone_named(memo, "who was mayor of bochum before eiskirch", ["Bochum"])
    assert around_someone_named(memo, "wer war vor eiskirch ob", [])
    assert not around_someone_named(memo, "wer bekam den vermerk nach der wahl", [])
    assert not around_someone_named(memo, "wer war vor bochum", ["Bochum"])


def test_a_number_in_words_counts_a_plural_of_any_ending() -> None:
    """ "fünf Themenbereiche" gave no count: only number words before a noun in -en did."""
    assert AnswerType.COUNT in given_types(_entry("Er bewertet fünf Themenbereiche.", ["Was bewertet der Index?"]))
    assert AnswerType.COUNT not in given_types(_entry("Es gibt eine Liste.", ["Was gibt es?"]))
    assert AnswerType.COUNT not in given_types(_entry("Es nannte zwei oder drei.", ["Was gibt es?"]))


def test_which_of_what_the_answer_only_sums_up() -> None:
    summed = _entry("Verschiedene Fachämter und städtische Unternehmen liefern die Informationen.", ["Wer liefert?"])
    assert asks_which_of_summed("Welche Fachämter liefern die Daten?", summed)
    assert asks_which_of_summed("Welche Ämter liefern zu?", summed)  # the head of the compound
    assert not asks_which_of_summed("Wer liefert die Daten?", summed)
    assert not asks_which_of_summed("Welche der Ämter?", _entry("Verschiedene Länder liefern.", ["Wer?"]))
    listed = _entry("Die Anfrage ging an verschiedene Städte: Bochum, Bonn und Ulm.", ["An wen ging sie?"])
    assert not asks_which_of_summed("An welche Städte ging die Anfrage?", listed)  # the sentence lists them


def test_what_is_joined_to_a_summed_up_thing_is_summed_up_too() -> None:
    """ "verschiedene Fachämter und in Teilen städtische Beteiligungsunternehmen": "Welche
    Beteiligungsunternehmen …?" was answered with that sentence, which names none."""
    joined = _entry("Verschiedene Schulen und zum Teil private Träger melden die Zahlen.", ["Wer meldet?"])
    assert asks_which_of_summed("Welche Träger melden die Zahlen?", joined)
    assert asks_which_of_summed("Welche Schulen melden?", joined)
    english = _entry("Various schools and some private providers report the figures.", ["Who reports?"])
    assert asks_which_of_summed("Which providers report the figures?", english)
    assert not asks_which_of_summed("Welche Zahlen werden gemeldet?", joined)


def test_an_english_question_reads_what_the_english_answer_sums_up() -> None:
    """ "Which decision-makers were told …?" was answered with "… was communicated to various decision-makers":
    only the German answer ("verschiedene Entscheidungsträger") was read for what it sums up."""
    both = _entry(
        "Das Ergebnis ging an verschiedene Entscheidungsträger.",
        ["Wer wurde informiert?"],
        answer_en="The result went to various decision-makers.",
    )
    assert asks_which_of_summed("Which decision-makers got the result?", both)
    assert asks_which_of_summed("Welche Entscheidungsträger bekamen das Ergebnis?", both)


@given(st.text(max_size=60))
def test_which_of_summed_takes_any_question(text: str) -> None:
    assert asks_which_of_summed(text, _entry("Verschiedene Fachämter liefern zu.", ["Wer?"])) in (True, False)


def test_pay_is_asked_as_an_amount_of_money() -> None:
    """ "Was verdient der CDO?" was answered with who the CDO is."""
    assert asked_type("Was verdient die Leiterin der Stabsstelle?") is AnswerType.COUNT
    assert asks_money("Was verdient die Leiterin der Stabsstelle?", ())
    assert asks_money("Wie hoch ist das Gehalt des CDO?", ())
    assert not asks_money("Wer ist die Leiterin der Stabsstelle?", ())


def test_a_change_in_a_year_needs_an_answer_that_tells_one() -> None:
    """A course of places and points tells no gain where the year before has no points."""
    course = _entry("2022 Platz 8 (77,0), 2023 Platz 11, 2024 Platz 4 (82,3).", ["Wie lief es?"])
    assert not tells_a_change(course)
    assert tells_a_change(_entry("Die Stadt gewann 6,1 Punkte hinzu.", ["Wie lief es?"]))
    assert tells_a_change(_entry("Platz 4 (Vorjahr: 11).", ["Wie lief es?"]))
    assert tells_a_change(_entry("It rose seven places.", ["How did it go?"]))
    assert tells_a_change(_entry("Ein Plus von 14,8 Punkten.", ["Wie lief es?"]))


@pytest.mark.parametrize(
    ("text", "in_points"),
    [
        ("Die Stadt gewann 6,1 Punkte hinzu.", True),
        ("Ein Plus von 14,8 Punkten.", True),
        ("2024 hatte München 3,8 Punkte mehr als 2023.", True),
        ("It gained 3.8 points.", True),
        ("Platz 7 mit 71,2 Punkten (+11 Plätze gegenüber dem Vorjahr).", False),  # places gained, a total
        ("Platz 4 (Vorjahr: 11).", False),
    ],
)
def test_points_gained_are_told_only_by_a_change_in_points(text: str, in_points: bool) -> None:
    """ "Um wie viele Punkte verbesserte sich Bochum 2021?" got the 2021 total, whose text tells places gained."""
    assert tells_a_change(_entry(text, ["Wie lief es?"]), points=True) is in_points


def test_a_count_of_another_year_is_no_count_of_the_year_asked() -> None:
    """ "How many people worked in the SCIU in 2021?" got "2022 arbeiteten dort 16 Mitarbeiter"."""
    staff = _entry("Die Einheit entstand 2021 im Rathaus. 2022 arbeiteten dort 16 Leute.", ["Was ist sie?"])
    assert not gives_time_for(staff, AnswerType.COUNT, frozenset({2021}))
    assert gives_time_for(staff, AnswerType.COUNT, frozenset({2022}))
    assert gives_time_for(staff, AnswerType.COUNT, frozenset())
    # A year a time runs from, or one compared with, is not the year of the number.
    assert gives_time_for(_entry("Seit 2019 werden 81 Städte bewertet.", ["?"]), AnswerType.COUNT, frozenset({2024}))
    compared = _entry("2023 waren im Schnitt 3 online, doppelt so viele wie 2021.", ["?"])
    assert gives_time_for(compared, AnswerType.COUNT, frozenset({2023}))
    assert gives_time_for(_entry("Es waren 16 Leute.", ["?"]), AnswerType.COUNT, frozenset({2021}))


def test_the_next_one_needs_an_answer_that_speaks_of_what_comes() -> None:
    """ "Wann erscheint der nächste Deutschland-Index?" got that it appears every two years since 2017."""
    assert asks_next("Wann kommt der nächste Bericht heraus?")
    assert asks_next("When is the next report due?")
    assert not asks_next("Welche Maßnahmen sollten beim nächsten Ranking helfen?")  # no time asked
    assert not asks_next("Wann kam der erste Bericht heraus?")
    assert not tells_what_comes(_entry("Der Bericht erscheint seit 2017 alle zwei Jahre.", ["Wann erscheint er?"]))
    assert tells_what_comes(_entry("Der nächste Bericht erscheint im Mai 2027.", ["?"]))
    assert tells_what_comes(_entry("Die Ergebnisse sollen im Herbst vorgestellt werden.", ["?"]))


def test_what_had_been_announced_is_no_time_to_come() -> None:
    """ "When will Bitkom publish the next index?" got the day of 2024's placings, which came "after the top-10 list
    had been announced"."""
    english = "The placings came out on 3 May 2024, after the shortlist had been announced."
    assert not tells_what_comes(_entry("Die Plätze kamen am 3. Mai 2024.", ["?"], english))
    assert not tells_what_comes(
        _entry("Die Plätze kamen am 3. Mai 2024.", ["?"], "The shortlist was announced in May.")
    )
    assert tells_what_comes(_entry("Die Plätze kommen im Mai.", ["?"], "The placings will be announced in May."))
    assert tells_what_comes(_entry("Die Plätze kommen im Mai.", ["?"], "The date is announced for May."))
    assert not tells_what_comes(_entry("Die Plätze kamen im Mai.", ["?"], "The placings have been announced."))


def test_the_things_a_which_question_asks_for() -> None:
    assert things_asked("Was lief gut, welche Projekte?") == ["projekte"]
    assert things_asked("Which newspaper reported it?") == ["newspaper"]
    assert things_asked("Welche der Städte?") == []  # an article is no thing
    # The thing past its adjective: a city's, or one in lower case before the capitalised noun.
    assert things_asked("Welche Dortmunder Ämter liefern zu?") == ["aemter"]
    assert things_asked("Welche städtischen Gesellschaften liefern zu?") == ["gesellschaften"]
    assert things_asked("Welche Projekte Dortmunds wurden gelobt?") == ["projekte"]
    assert things_asked("Welche Städte lagen vorn?") == ["staedte"]


@pytest.mark.parametrize(
    ("question", "answer", "lacks"),
    [
        ("wer leitet das amt fuer statistik?", "Das Amt für Statistik erhebt die Daten der Stadt.", True),
        ("who heads the statistics office?", "The statistics office collects the city's data.", True),
        ("wer leitet das amt fuer statistik?", "Das Amt wird von Erika Muster geleitet.", False),
        ("wer ist chef des amts?", "Leiterin des Amts ist Erika Muster.", False),
        ("wer erhebt die daten?", "Das Amt für Statistik erhebt die Daten der Stadt.", False),  # no lead asked
    ],
)
def test_who_leads_needs_a_text_that_speaks_of_leading(question: str, answer: str, lacks: bool) -> None:
    assert lacks_the_lead(_entry(answer, ["Was macht das Amt?"]), question) is lacks


def test_who_leads_a_unit_is_not_answered_by_what_the_unit_does(real_service: FoiService) -> None:
    """It answered with the Stabsstelle's task, which names no one leading it."""
    answer = real_service.ask("Wer ist Leiter der Stabsstelle Digitalisierung in Bochum?")
    assert not answer.answered
    assert answer.entry_ids[:1] == ["bochum-stabsstelle"]
    assert real_service.ask("Wer leitet in Ulm die Geschäftsstelle Digitale Agenda?").answered


@pytest.mark.parametrize(
    ("answer", "question", "named"),
    [
        ("Stadtdirektor Erik Muster stellte den Bericht im Rat vor.", "Wer hat den Bericht vorgestellt?", True),
        ("Stadtdirektor Erik Muster stellte den Bericht im Rat vor.", "Wer hat den Bericht zugestellt?", False),
        ("Bürgermeister Max Muster eröffnete die Ausstellung.", "Wer hat die Ausstellung eröffnet?", True),
        # Someone in office who is not the subject did not do it.
        ("Der Bericht wurde für Stadtdirektor Erik Muster erstellt.", "Wer hat den Bericht erstellt?", False),
        ("Stadtdirektor Erik Muster las den Bericht.", "Wer hat den Bericht geschrieben?", False),
    ],
)
def test_who_did_something_is_the_office_holder_doing_it(answer: str, question: str, named: bool) -> None:
    assert names_person(_entry(answer, ["Was geschah?"]), question) is named


@pytest.mark.parametrize(
    "question", ["How much did the city spend on the app?", "How much does Bochum spend on consultants?"]
)
def test_spending_asks_for_money(question: str) -> None:
    assert asks_money(question, [])


def test_an_answer_all_of_other_years_tells_nothing_of_the_year_asked() -> None:
    best = _entry("Die beste Platzierung war Platz 4 im Jahr 2024, die höchste seit Beginn des Index 2019.", ["Wann?"])
    mixed = _entry("2020 gab es einen Vermerk. 2021 wurde das Ranking vorgestellt.", ["Was geschah?"])
    undated = _entry("Die Stadt prüft das Ergebnis.", ["Was tut die Stadt?"])
    assert not gives_time_for(best, AnswerType.OPEN, frozenset({2019}))
    assert gives_time_for(best, AnswerType.OPEN, frozenset({2024}))
    assert gives_time_for(mixed, AnswerType.OPEN, frozenset({2021}))
    assert gives_time_for(undated, AnswerType.OPEN, frozenset({2019}))
    # A sentence naming no year goes on with the one before: "Welches Land lag 2021 auf Platz 2?" got a text of 2023.
    going_on = _entry("2023 lag Sachsen vorn. Im Schnitt waren 3,1 Dienste online, doppelt so viele wie 2021.", ["?"])
    assert not gives_time_for(going_on, AnswerType.OPEN, frozenset({2021}))
    assert gives_time_for(going_on, AnswerType.OPEN, frozenset({2023}))


def test_an_answer_may_speak_of_one_end_of_a_ranking_only() -> None:
    last = _entry("Schlusslicht war 2019 Hagen auf Platz 81.", ["Wer war 2019 Letzter?"])
    first = _entry("2019 war Essen die smarteste Stadt im Revier, vor Hagen.", ["Wie lag Essen?"])
    both = _entry("Essen lag vorn, Schlusslicht war Hagen.", ["Wie lagen die Städte?"])
    assert [names_only_the(e, top=True) for e in (last, first, both)] == [False, True, False]
    assert [names_only_the(e, top=False) for e in (last, first, both)] == [True, False, False]


@pytest.mark.parametrize(
    "question", ["Wie oft war Kiel vorn?", "How many times did Kiel come first?", "Wie viele Male lag Kiel vorn?"]
)
def test_how_often_is_asked_in_times_too(question: str) -> None:
    assert asks_how_often(question)
    assert asked_type(question) is AnswerType.COUNT


def test_the_most_is_told_by_a_superlative_in_the_answer_or_its_questions() -> None:
    assert asks_the_most("Welche Stadt hat 2022 am meisten Plätze verloren?")
    assert asks_the_most("Who made the biggest jump?")
    assert not asks_the_most("Welche Städte sind 2022 aus den Top 10 gefallen?")
    assert tells_an_extreme(_entry("Den größten Sprung machte Kiel mit 20 Plätzen.", ["Wer stieg auf?"]))
    assert tells_an_extreme(_entry("Kiel stieg 20 Plätze.", ["Wer war 2022 der Aufsteiger des Jahres?"]))
    assert not tells_an_extreme(_entry("Kiel und Ulm stiegen um 20 und 13 Plätze.", ["Wer stieg 2022 auf?"]))


@pytest.mark.parametrize(
    ("answer", "tells"),
    [
        ("Der Index erscheint jährlich im Herbst.", True),
        ("Bochum schaffte es viermal in die Top 10.", True),
        ("The study has been published every two years since 2017.", True),
        ("Kiel kam 2020 auf Platz 6 (31,3 Prozent).", False),  # a place is not how often
        ("Der erste Index wurde 2019 mit 81 Städten erhoben.", False),
    ],
)
def test_how_often_is_a_number_of_times_or_a_rhythm(answer: str, tells: bool) -> None:
    assert gives_frequency(_entry(answer, ["Was ist der Index?"])) is tells


@pytest.mark.parametrize("question", ["Was hat das Gutachten gekostet?", "Beratungskosten Smart-City-Strategie"])
def test_costs_asked_without_how_much_ask_for_money(question: str) -> None:
    assert asks_money(question, [])


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("Was hat Eiskirch zum Vermerk gesagt?", "eiskirch"),
        ("Was hält der OB vom Ranking?", "der ob"),
        ("What does the mayor think of rankings?", "the mayor"),
        ("Was hat die App gekostet?", None),  # no words asked
        ("Was sagt die Antwort zu Beratern?", None),  # what a text says
    ],
)
def test_a_question_of_someones_words_names_the_speaker(question: str, speaker: str | None) -> None:
    assert speaker_asked(question) == speaker


def test_reported_words_are_a_verb_of_speech_or_an_attribution() -> None:
    assert reports_speech(_entry("Der OB sagte, das Ranking sei wichtig.", ["Was sagte der OB?"]))
    assert reports_speech(_entry("Platz 11, nur 0,8 Punkte verloren (so CDO Max Muster).", ["Platz?"]))
    assert not reports_speech(_entry("Laut Antwort vom 20.09.2022 gab es einen Vermerk.", ["Vermerk?"]))
    # Pointing something out reports it too: "what do critics say about the index" was told that is not stated.
    assert reports_speech(_entry("Der WDR wies 2022 darauf hin, dass die Städte die Daten liefern.", ["Kritik?"]))
    assert reports_speech(_entry("WDR pointed out in 2022 that the cities deliver the data.", ["Criticism?"]))


def test_who_after_an_article_and_a_noun_opens_a_relative_clause() -> None:
    """ "did bochum give the memo to the person who asked" was read as asking who, and told the text names nobody."""
    assert asked("did bochum give the memo to the person who asked")[0] is AnswerType.YESNO
    assert asked("Did Bitkom rank the city which won in 2019 again?")[0] is AnswerType.YESNO
    assert asked("Does the answer say who wrote the memo?")[0] is AnswerType.PERSON  # who, after a verb


def test_a_date_asked_twice_asks_with_both_phrases() -> None:
    """ "von wann …, welches Datum?": "Datum" asks as "wann" does, it is no topic an answer must name."""
    kind, asking = asked("Von wann ist der Vermerk für den OB, welches Datum?")
    assert kind is AnswerType.DAY
    assert {"wann", "welches", "datum"} <= asking
    assert asked("Wann kam der Index raus, in welchem Monat?")[0] is AnswerType.DAY
    assert asked("Wann kam der Index raus?") == (AnswerType.DATE, frozenset({"wann"}))


def test_the_request_asked_for_its_date_twice_is_answered(real_service: FoiService) -> None:
    assert real_service.ask("Von wann ist die Anfrage an Bochum eigentlich, welches Datum?").answered


@pytest.mark.parametrize(
    ("answer", "first"),
    [
        ("The index has appeared since 2017; in 2025 it examined AI use for the first time.", False),
        ("Hamburg came first in 2021.", True),
        ("München gewann 2023 zum ersten Mal.", True),
        ("Köln landete 2015 von 25 Großstädten auf dem ersten Platz.", True),
        ("Im Jahr davor lag Berlin auf Platz eins.", True),
    ],
)
def test_a_first_time_is_no_first_place(answer: str, first: bool) -> None:
    """ "deutschland-index 2017 who was first" was answered by the index's methodology, which did something "for
    the first time"."""
    assert names_place(_entry(answer, ["Was?"]), False, 1) is first


def test_a_closing_is_read_at_the_end_only() -> None:
    """A long run of punctuation took the patterns most of a second; they read the text's end only."""
    long = "?" * 1999 + "x"
    assert without_closing(long) == long
    assert without_closing("Wo lag Kiel 2023?" + " oder nicht" * 150) == "Wo lag Kiel 2023?"


def test_two_places_are_named_together_or_not_at_all() -> None:
    gaps = _entry(
        "Zwischen Platz 4 und 10 lagen 2022 nur 4,1 Punkte; 2025 trennten Platz 1 und 3 nur 2,2 Punkte.", ["Abstand?"]
    )
    english = _entry("x", ["Gap?"]).model_copy(
        update={"answer": None, "answer_en": "2.2 points separated 1st and 3rd."}
    )
    assert states_places(gaps, 10, 4)
    assert states_places(gaps, 1, 3)
    assert states_places(english, 1, 3)
    assert not states_places(gaps, 2, 5)
    assert not states_places(gaps, 1, 10)  # "Platz 1 und 3", "10 lagen": no pair


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Was ist der Index und was soll er bewirken?", ["Was ist der Index?", "was soll er bewirken?"]),
        ("Who publishes the index, and how often?", ["Who publishes the index?", "how often?"]),
        ("Wann und wo wurde der Index vorgestellt?", ["Wann und wo wurde der Index vorgestellt?"]),
        ("Welche Kategorien und welche Städte gibt es?", ["Welche Kategorien und welche Städte gibt es?"]),
        ("Hat Bochum Berater und Agenturen bezahlt?", ["Hat Bochum Berater und Agenturen bezahlt?"]),
    ],
)
def test_a_question_joined_to_another_is_asked_on_its_own(text: str, parts: list[str]) -> None:
    assert questions_in(text) == parts


@given(st.text(max_size=80))
def test_the_questions_in_a_text_are_never_empty(text: str) -> None:
    parts = questions_in(text)
    assert parts
    assert all(p.strip() for p in parts) or parts == [text]


@pytest.mark.parametrize(
    "sentence",
    [
        "The earlier report said 29. Darmstadt rose six places to 4th.",
        "Auf Platz 4 kam 2020 Darmstadt, dahinter Ingolstadt.",
    ],
)
def test_a_city_named_in_stadt_is_no_compound_of_it(real_service: FoiService, sentence: str) -> None:
    """ "anzahl städte 2020 im index" was answered with 2020's climbers: "29. Darmstadt" read as 29 "-stadt"s."""
    analysis = real_service.answerer.understander.normalizer.analyze(sentence)
    assert not counts(sentence, analysis, frozenset({"stadt"}), in_all=True)
    assert not mentions(analysis, frozenset({"stadt"}))
    said = "2024 wurden alle 82 Großstädte untersucht, darunter Darmstadt."
    assert counts(said, real_service.answerer.understander.normalizer.analyze(said), frozenset({"stadt"}), in_all=True)


@pytest.mark.parametrize(
    ("clause", "given"),
    [
        ("die sich um 27 bzw. 21 Plätze nach oben arbeiteten", True),
        ("which climbed 27 and 21 places respectively", True),
        ("Köln bzw. Bonn lagen vorn", False),
        ("die sich um 27 Plätze verbesserte", False),
    ],
)
def test_figures_given_in_the_order_of_a_list(clause: str, given: bool) -> None:
    assert respectively(clause) is given
