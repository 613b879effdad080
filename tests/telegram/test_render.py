from __future__ import annotations

import re
from html import unescape

from hypothesis import example, given
from hypothesis import strategies as st

from bot.models import Answer, Decision, Link, Passage, Suggestion
from bot.telegram.render import (
    MAX_TEXT,
    answer_keyboard,
    answer_messages,
    inline_message,
    pack,
    parse_callback,
    visible_length,
)
from tests.e2e.fake_bot_api import telegram_html_problem


def parsed_length(html: str) -> int:
    """What Telegram counts against the limit: the text after its HTML entities are parsed."""
    return visible_length(unescape(re.sub(r"<[^>]*>", "", html)))


def answer(text: str, passages: list[str] | None = None) -> Answer:
    return Answer(
        question="q",
        lang="de",
        decision=Decision.ANSWER,
        text=text,
        entry_ids=["e-1"],
        passages=[Passage(text=p, source_url="https://example.org/a?x=1&y=2") for p in passages or []],
        source_url="https://example.org/a?x=1&y=2",
    )


def test_answer_first_then_quote_then_sources() -> None:
    [html] = answer_messages(answer("Platz 7 <b>", ["Zitat & mehr"]))
    assert html.startswith("Platz 7 &lt;b&gt;")
    assert "<blockquote>Zitat &amp; mehr</blockquote>" in html
    assert 'href="https://example.org/a?x=1&amp;y=2"' in html
    assert telegram_html_problem(html) is None


def test_long_answers_split_on_paragraphs_under_the_limit() -> None:
    paragraphs = "\n\n".join(f"Absatz {i} " + "wort " * 150 for i in range(12))
    messages = answer_messages(answer(paragraphs, ["x" * 5000]))
    assert len(messages) > 2
    for html in messages:
        assert telegram_html_problem(html) is None
        assert parsed_length(html) <= MAX_TEXT
    assert messages[0].startswith("Absatz 0")


def test_pack_keeps_pieces_whole() -> None:
    assert pack([("a", 3000), ("b", 1000), ("c", 1000)]) == ["a\n\nb", "c"]


def test_keyboards() -> None:
    markup = answer_keyboard(answer("x"))
    assert markup is not None
    assert [b.callback_data for b in markup.inline_keyboard[0]] == ["fb:e-1:+", "fb:e-1:-"]
    unknown = Answer(
        question="q",
        lang="de",
        decision=Decision.UNKNOWN,
        suggestions=[Suggestion(id="a-b", question="Eine sehr lange Frage " * 10)],
    )
    markup = answer_keyboard(unknown)
    assert markup is not None
    button = markup.inline_keyboard[0][0]
    assert button.callback_data == "ans:a-b"
    assert len(button.text) <= 60


def test_callback_data_is_parsed_strictly() -> None:
    assert parse_callback("ans:bitkom-sci-2021-bochum") == ("ans", "bitkom-sci-2021-bochum", None)
    assert parse_callback("fb:x-1:+") == ("fb", "x-1", "+")
    for forged in ["", None, "ans:", "ans:../x", "fb:x", "ans:x:+", "fb:x:*", "del:x", "ans:" + "a" * 80, "ANS:x"]:
        assert parse_callback(forged) is None, forged


@given(st.text(max_size=9000), st.lists(st.text(min_size=1, max_size=3000), max_size=6))
def test_any_text_renders_to_valid_messages(text: str, quotes: list[str]) -> None:
    quotes = [q for q in quotes if q.strip()]
    body = text if text.strip() else "x"
    for html in answer_messages(answer(body.strip(), [q.strip() for q in quotes])):
        assert telegram_html_problem(html) is None
        assert 0 < parsed_length(html) <= MAX_TEXT


def test_a_huge_source_name_cannot_stall_the_splitter() -> None:
    passage = Passage(text="Zitat " * 2000, source_url="http://@/" + "a" * 5000)
    messages = answer_messages(answer("x").model_copy(update={"passages": [passage]}))
    assert messages
    for html in messages:
        assert parsed_length(html) <= MAX_TEXT


def cited(text: str, quotes: list[tuple[str, str]], source: str = "https://s.de/0") -> Answer:
    """An answer whose quotes come from the given URLs, each named "Quelle N, 2024"."""
    urls = list(dict.fromkeys([*(u for _, u in quotes), source]))
    return answer(text).model_copy(
        update={
            "passages": [Passage(text=t, source_url=u) for t, u in quotes],
            "source_url": source,
            "citations": {u: f"Quelle {i}, 2024" for i, u in enumerate(urls)},
        }
    )


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_sources_are_named_and_linked_once() -> None:
    reply = cited("Kurz.", [("Erstes Zitat", "https://s.de/1"), ("Zweites Zitat", "https://s.de/1")], "https://s.de/0")
    [html] = answer_messages(reply)
    assert sorted(hrefs(html)) == ["https://s.de/0", "https://s.de/1"]
    assert ">Quelle 0, 2024</a>" in html
    assert ">Quelle 1, 2024</a>" in html
    assert "s.de<" not in html


def test_a_quote_the_short_answer_already_says_is_not_repeated() -> None:
    quote = "Die Stadt hat keine externen Berater beauftragt."
    [html] = answer_messages(cited(f"Nein. {quote}", [(quote, "https://s.de/1")]))
    assert "<blockquote" not in html
    assert hrefs(html) == ["https://s.de/1", "https://s.de/0"]


def test_the_first_screen_is_short_and_the_rest_folds_away() -> None:
    quotes = [(f"Platz {i} laut Bericht {i}", f"https://s.de/{i}") for i in range(1, 17)]
    [html] = answer_messages(cited("Bochum: 2019 bis 2025.", quotes))
    assert telegram_html_problem(html) is None
    first_screen = html.split("<blockquote expandable>")[0]
    assert first_screen.count("<blockquote>") == 2
    assert "Weitere Belege (14)" in first_screen
    assert parsed_length(first_screen) < 400
    assert len(hrefs(html)) == len(set(hrefs(html))) == 17


def test_a_long_list_of_sources_is_folded() -> None:
    links = [Link(title=f"Bericht {i}", url=f"https://s.de/l{i}") for i in range(6)]
    [html] = answer_messages(cited("Kurz.", []).model_copy(update={"links": links}))
    assert "<b>Quellen (7):</b>\n<blockquote expandable>• " in html
    assert telegram_html_problem(html) is None


def test_a_long_quote_opens_on_a_tap() -> None:
    [html] = answer_messages(cited("Kurz.", [("lang " * 100, "https://s.de/1")]))
    assert html.count("<blockquote expandable>") == 1
    assert "— <a" in html.split("</blockquote>")[1]


_URLS = st.builds(lambda n, path: f"https://s{n}.de/{path}", st.integers(0, 400), st.text("ab/-_", max_size=40))
_LABELS = st.text(min_size=1, max_size=5000).filter(str.strip)


@example(text="x", quotes=[], links=[("t" * 5000, "https://s1.de/")], label="q")
@example(text="x", quotes=[], links=[(f"Antwort {i}", f"https://s{i}.de/") for i in range(300)], label="q")
@example(text="x", quotes=[("z" * 5000, "https://s1.de/")] * 3, links=[], label="q" * 5000)
@given(
    text=st.text(min_size=1, max_size=9000).filter(str.strip),
    quotes=st.lists(st.tuples(st.text(min_size=1, max_size=5000).filter(str.strip), _URLS), max_size=30),
    links=st.lists(st.tuples(_LABELS, _URLS), max_size=300),
    label=_LABELS,
)
def test_every_part_of_any_reply_fits_telegram(
    text: str, quotes: list[tuple[str, str]], links: list[tuple[str, str]], label: str
) -> None:
    """Whatever the data (300 links, a 5,000-character link title or source name), every message is valid HTML
    within 4,096 characters."""
    reply = cited(text, quotes).model_copy(
        update={
            "links": [Link(title=t, url=u) for t, u in links],
            "citations": {u: label for _, u in [*quotes, *links]} | {"https://s.de/0": label},
        }
    )
    for html in [*answer_messages(reply), inline_message(reply)]:
        assert telegram_html_problem(html) is None
        assert 0 < parsed_length(html) <= MAX_TEXT


def test_a_nearest_entry_is_rendered_after_saying_it_may_not_answer_exactly() -> None:
    nearest = answer("1,1 Millionen Euro für die Strategiephase", ["Zitat"]).model_copy(
        update={"decision": Decision.NEAREST, "title": "Förderung <Modellprojekt>"}
    )
    [html] = answer_messages(nearest)
    assert html.startswith("Ob das genau Ihre Frage beantwortet, ist nicht sicher.")
    assert "„Förderung &lt;Modellprojekt&gt;“" in html
    assert "1,1 Millionen Euro" in html
    assert telegram_html_problem(html) is None
