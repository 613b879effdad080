from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.messages import turnaround as say
from bot.models import Decision, FoiRequest
from bot.service import FoiService
from bot.turnaround import asks_order, asks_request_number, asks_turnaround, asks_when_sent

_REQUEST = FoiRequest(id=1, title="Akten", url="https://fragdenstaat.de/a/1/", public_body="Stadt Kiel")


@pytest.mark.parametrize(
    "question",
    [
        "Wie lange hat Kiel für die Antwort gebraucht?",
        "wie lang hat die stadt gebraucht um zu antworten",
        "How long did it take Kiel to reply?",
        "how many days did the city need to respond",
        "Wie lange dauerte die Anfrage?",
        "How long did the FOI request take?",
        # When it came is told from the same dates.
        "Wann kam die Antwort aus Kiel?",
        "When did Kiel reply?",
    ],
)
def test_how_long_an_answer_took_is_asked(question: str) -> None:
    assert asks_turnaround(question)


@pytest.mark.parametrize(
    "question",
    [
        # How long a body may take is the law's period, a deadline the request's.
        "Wie lange darf sich eine Behörde mit der Antwort Zeit lassen?",
        "How long may a city take to answer an FOI request?",
        "Wie lange ist die Frist für die Antwort?",
        # Another duration, or when rather than how long.
        "Wie lange läuft das Programm?",
        "Wann wurde die Anfrage gestellt?",
        "Bis wann muss Kiel antworten?",
        # A deadline or a period a body had, also in a compound; requests in general.
        "How long did Kiel have to answer the request?",
        "Wie lang war die Antwortfrist für Kiel?",
        "Wie lange dauert eine Anfrage?",
        "How long does an FOI request take?",
    ],
)
def test_other_questions_of_time_do_not_ask_how_long_an_answer_took(question: str) -> None:
    assert not asks_turnaround(question)


@given(st.text(max_size=80))
def test_a_period_a_body_may_take_is_never_read_as_the_time_it_took(text: str) -> None:
    assert not asks_turnaround(f"Wie lange darf die Antwort dauern? {text}")


def test_the_days_are_counted_from_the_request_to_the_answer() -> None:
    sent, answered = dt.date(2022, 8, 18), dt.date(2022, 9, 20)
    assert "vom 18.08.2022 am 20.09.2022 beantwortet, nach 33 Tagen." in say.took(_REQUEST, sent, answered, "de")
    assert "of 18 August 2022 on 20 September 2022, after 33 days." in say.took(_REQUEST, sent, answered, "en")
    assert say.took(_REQUEST, sent, sent, "de").endswith("am selben Tag.")
    assert say.took(_REQUEST, sent, sent + dt.timedelta(days=1), "en").endswith("after 1 day.")


def test_texts_write_a_day_in_three_forms() -> None:
    assert say.day_forms(dt.date(2022, 8, 1)) == ("01.08.2022", "1. August 2022", "1 August 2022")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Wie lange hat Bochum für die Antwort gebraucht?", "vom 18.08.2022 am 20.09.2022 beantwortet, nach 33 Tagen"),
        ("how long did it take bochum to respond", "of 18 August 2022 on 20 September 2022, after 33 days"),
        # No body named: the request the base is founded on.
        ("Wie viele Tage brauchte die Stadt für die Antwort?", "nach 33 Tagen"),
        # A typo is read as its correction.
        ("Wie lange hat Bochum für die Antwrot gebraucht?", "nach 33 Tagen"),
    ],
)
def test_how_long_a_request_took_is_told_by_its_dates(real_service: FoiService, question: str, said: str) -> None:
    """The request's text gives both days, in other words than people ask in ("wie lang hat bochum für die antwort
    gebraucht" got the programme's duration as its nearest question)."""
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, answer.text
    assert said in answer.text
    assert answer.entry_ids == ["257364-anfrage"]
    assert answer.source_url == "https://fragdenstaat.de/a/257364/"


@pytest.mark.parametrize("question", ["An welchem Tag kam die Antwort aus Bochum?", "Wann wurde #257364 beantwortet?"])
def test_when_a_request_was_answered_is_told_by_its_dates(real_service: FoiService, question: str) -> None:
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, answer.text
    assert "am 20.09.2022 beantwortet" in answer.text


@pytest.mark.parametrize("question", ["How long did Ulm take to answer?", "When did Ulm respond?"])
def test_a_request_whose_answer_date_is_unknown_is_told_so(real_service: FoiService, question: str) -> None:
    """Ulm's deadline was given as the answer to when Ulm replied."""
    answer = real_service.ask(question)
    assert answer.decision is Decision.NOT_STATED
    assert "19 August 2022" in answer.text
    assert "not recorded" in answer.text
    assert answer.entry_ids
    assert all(i.startswith("257451-") for i in answer.entry_ids)


def test_a_question_of_the_law_s_period_is_left_to_the_texts(real_service: FoiService) -> None:
    answer = real_service.ask("Wie lange darf sich eine Behörde nach dem IFG NRW mit der Antwort Zeit lassen?")
    assert "33 Tagen" not in answer.text


@pytest.mark.parametrize(
    "question", ["How long did Bitkom take to respond?", "Wie lange hat die Stadt für die Shortlist gebraucht?"]
)
def test_how_long_something_else_took_is_left_to_the_texts(real_service: FoiService, question: str) -> None:
    assert "33" not in real_service.ask(question).text


@pytest.mark.parametrize(
    ("question", "sent"),
    [
        ("Wann wurde die Anfrage an Kiel gestellt?", True),
        ("date of the first request to Kiel", True),
        ("When was Kiel contacted?", True),
        ("Wann hat Kiel geantwortet?", False),  # answered, not sent
        ("Bis wann muss die Anfrage beantwortet sein?", False),
        ("Welche Anfrage ging an Kiel?", False),  # which, not when
    ],
)
def test_when_a_request_was_sent_is_asked(question: str, sent: bool) -> None:
    assert asks_when_sent(question) is sent


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Von wann ist die ursprüngliche Anfrage an Ulm?", "ging am 19.08.2022 an Stadt Ulm"),
        ("When was the Bonn request filed?", "was sent to Kommunalverwaltung Bonn on 18 August 2022"),
        # "send" and words that say little ("actually", "her") ask nothing else: this got suggestions.
        (
            "When did the requester actually send her request to Bochum?",
            "was sent to Stadt Bochum on 18 August 2022",
        ),
    ],
)
def test_when_a_request_was_sent_is_told_by_its_date(real_service: FoiService, question: str, said: str) -> None:
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, answer.text
    assert said in answer.text


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("Welche Nummer hat die Anfrage an Kiel?", True),
        ("kiel foi request number", True),
        ("Aktenzeichen der Stadt Kiel für die Anfrage", False),  # the body's own file number
        ("Welche Nummer hatte die Antwort?", False),
        ("What is the number of FOI requests?", False),  # how many, not which
    ],
)
def test_a_request_s_number_is_asked(question: str, number: bool) -> None:
    assert asks_request_number(question) is number


def test_a_request_s_number_is_told_with_the_day_it_was_sent(real_service: FoiService) -> None:
    answer = real_service.ask("Welche Nummer hat die Anfarge an Ulm?")
    assert answer.decision is Decision.ANSWER, answer.text
    assert "#257451" in answer.text
    assert "#257451" not in real_service.ask("Welches Aktenzeichen hat Ulm der Anfrage gegeben?").text


@pytest.mark.parametrize(
    "question",
    [
        # Two bodies: the reply would tell of one only.
        "Wie lange haben Bochum und Ulm für die Antwort gebraucht?",
        # A year the request is not of.
        "Wie lange hat Bochum 2024 für die Antwort gebraucht?",
        # Other kinds of request: the press's, a council's.
        "Wann kam die Antwort auf die Presseanfrage?",
        "Wann wurde die Ratsanfrage gestellt?",
    ],
)
def test_a_question_of_another_request_is_left_to_the_texts(real_service: FoiService, question: str) -> None:
    text = real_service.ask(question).text
    assert "nach 33 Tagen" not in text
    assert "ging am 18.08.2022" not in text


def test_thanks_after_the_question_ask_nothing(real_service: FoiService) -> None:
    """The "answer" in "Thanks for the answer" made a question of when the request was sent one of when it was
    answered."""
    answer = real_service.ask("When was the request sent? Thanks for the answer")
    assert "was sent to Stadt Bochum on 18 August 2022" in answer.text
    assert "33 days" not in answer.text


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("Welche der Anfragen wurde als letzte gestellt?", True),
        ("which came first, the Kiel or the Ulm request", True),
        ("Welche Anfrage ging früher raus?", True),
        ("Wer hat die erste Anfrage gestellt?", False),  # who asked, not which request
        ("Welche Anfrage wurde zuerst beantwortet?", False),  # answered, not sent
        ("Welche Stadt war zuerst in den Top 10?", False),  # no request
        ("Welche Anfrage wurde nach dem IFG gestellt?", False),  # "nach" of the law, not of a day
    ],
)
def test_which_request_came_first_is_asked(question: str, order: bool) -> None:
    assert asks_order(question) is order


@pytest.mark.parametrize(
    ("question", "order"),
    [
        # A review found these answered with the campaign's description.
        ("Was the Kiel request sent before the Ulm request?", True),
        ("wurde kiel vor ulm angefragt", True),
        ("Anfrage an Kiel oder Ulm zuerst", True),
        ("War Kiel 2021 vor Ulm?", False),  # places, no request
        ("Wie viele Tage nach der Kieler Anfrage kam die Ulmer?", False),  # how long after, not which first
    ],
)
def test_whether_one_request_came_before_another_is_asked(question: str, order: bool) -> None:
    assert asks_order(question, cities=2) is order


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # These got suggestions: the requests' own days tell the order.
        (
            "Welche der Anfragen an Bochum, Bonn und Ulm wurde als letzte gestellt?",
            "am 18.08.2022 an Stadt Bochum (#257364) und Kommunalverwaltung Bonn (#257374); am 19.08.2022 an Stadt "
            "Ulm (#257451). Zuletzt gestellt: an Stadt Ulm (#257451).",
        ),
        ("which came first, the bonn or ulm request", "Sent first: to Kommunalverwaltung Bonn (#257374)."),
        ("Which was sent first, the Bochum or the Bonn request?", "Both were sent on the same day, 18 August 2022"),
    ],
)
def test_which_request_came_first_is_told_by_their_days(real_service: FoiService, question: str, said: str) -> None:
    answer = real_service.ask(question)
    assert answer.decision is Decision.ANSWER, answer.text
    assert said in answer.text


def test_which_request_on_a_subject_came_first_is_not_told_by_days(real_service: FoiService) -> None:
    # The days order the requests, not what each asked about.
    assert not real_service.ask("Welche Anfrage wurde zuerst zu Beratern gestellt?").text.startswith("Nach ihren")
