import pytest

from bot.models import Entry
from bot.understand.identity import (
    asks_what_it_is,
    asks_who_makes,
    describes,
    may_ask_what_it_is,
    thing_asked,
    titled_by,
)
from bot.understand.normalize import Analysis


@pytest.mark.parametrize(
    "rest", ["Was ist der", "Was genau ist eigentlich das", "What's the", "Wer ist", "What does stand for"]
)
def test_a_frame_alone_asks_what_the_named_ranking_is(rest: str) -> None:
    assert asks_what_it_is(rest)


@pytest.mark.parametrize(
    "rest", ["Was ist der Zweck des", "What is the score of", "Wer ist der Sieger im", "ist der", ""]
)
def test_a_frame_with_more_asks_something_else(rest: str) -> None:
    assert not asks_what_it_is(rest)


def _entry(answer: str) -> Entry:
    return Entry(id="x", title="x", questions=["x?"], answer=answer, source_url="https://example.org/x")


def _a_ranking(text: str) -> bool:
    return "index" in text


@pytest.mark.parametrize(
    "answer",
    [
        "Der Index bewertet fünf Themenbereiche.",
        "Mit 500 Datenpunkten erfasst und qualifiziert der Länderindex die Bundesländer.",
        "Der neue Index wurde am 3. Mai 2024 von einem Ministerium in Düsseldorf vorgestellt.",
        # What it is for: "Was ist der Smart City Index?" is answered by its purpose.
        "Laut Bitkom soll der Index die Arbeit vor Ort sichtbar machen.",
    ],
)
def test_a_ranking_that_rates_or_was_presented_is_described(answer: str) -> None:
    assert describes(_entry(answer), "de", _a_ranking)


@pytest.mark.parametrize(
    "answer",
    [
        "2021 lag der Index bei 70,2 Punkten.",
        "Index 2020, Spitze: 1. Hamburg (45 %); 2. Köln.",
        "Der Vermerk wurde dem Oberbürgermeister in einem Termin vorgestellt.",
        # When its first edition was made: "Was ist der Bitkom Smart City Index?" got the 2019 partners.
        "Der erste Index wurde 2019 mit zwei Partnern erhoben.",
    ],
)
def test_figures_or_another_subject_describe_no_ranking(answer: str) -> None:
    assert not describes(_entry(answer), "de", _a_ranking)


@pytest.mark.parametrize(
    "rest",
    ["Wer gibt den heraus", "Who is behind the", "Von wem stammt der", "who runs the index", "Wer steckt hinter dem"],
)
def test_a_maker_frame_alone_asks_who_makes_the_ranking(rest: str) -> None:
    assert asks_who_makes(rest)


@pytest.mark.parametrize("rest", ["Wer gewann den", "Who is the", "Wer macht beim mit", "Who came last in the"])
def test_a_frame_without_making_or_with_more_asks_something_else(rest: str) -> None:
    assert not asks_who_makes(rest)


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Was ist eigentlich das Landesportal?", "landesportal"),
        ("what's the open data portal", "open data portal"),
        ("Was bedeutet DSGVO?", "dsgvo"),
        ("What does GDPR stand for?", "gdpr"),
        ("Was genau ist eigentlich das Landesportal?", "landesportal"),
    ],
)
def test_a_question_of_what_a_thing_is_names_the_thing(question: str, thing: str) -> None:
    assert thing_asked(question) == thing


@pytest.mark.parametrize(
    "question",
    [
        "Was ist das Budget des Portals?",  # a thing of another
        "Was war der beste Wert?",  # a figure of the past
        "Was hat das Amt erreicht?",
        "What does the portal measure?",  # what it does
        "Was ist aus dem Antrag geworden?",
        "Wie teuer ist das Portal?",
    ],
)
def test_other_questions_ask_no_definition(question: str) -> None:
    assert thing_asked(question) is None


_PORTAL = Analysis(tokens=("portal",), surfaces=("portal",))


@pytest.mark.parametrize(
    ("title", "tokens", "surfaces", "english", "about"),
    [
        ("Das Portal der Stadt", ("portal", "stadt"), ("portal", "stadt"), False, True),
        ("Portal: wie es entstand", ("portal", "entstand"), ("portal", "entstand"), False, True),
        ("Die Portal-Nutzer 2024", ("portal", "nutz", "2024"), ("portal", "nutzer", "2024"), False, False),
        ("The portal of the city", ("portal", "city"), ("portal", "city"), True, True),
        ("Portal users in 2024", ("portal", "user", "2024"), ("portal", "users", "2024"), True, False),
        # An alias of two words read as the thing: the title is about a request under the portal, not it.
        ("Der Portal-Antrag", ("portal",), ("portal antrag",), False, False),
        # Written apart, a name of two words is the thing itself ("Stabsstelle Digitalisierung").
        ("Das Portal Nord", ("portal",), ("portal nord",), False, True),
    ],
)
def test_a_title_is_about_a_thing_it_names_on_its_own(
    title: str, tokens: tuple[str, ...], surfaces: tuple[str, ...], english: bool, about: bool
) -> None:
    titled = Analysis(tokens=tokens, surfaces=surfaces)
    assert titled_by(title, titled, _PORTAL, english=english) is about


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("Was ist der Smart City Index?", True),
        ("What's the Zukunftsatlas?", True),
        ("Wofür steht der Index?", True),
        ("Wie viele Städte hat der Index?", False),
        ("", False),
    ],
)
def test_a_question_opening_as_one_asking_what_something_is_may_ask_it(text: str, may: bool) -> None:
    assert may_ask_what_it_is(text) is may
