"""Alerts and digests fit Telegram's limits whatever the entry holds: every message valid HTML of at most 4,096
visible characters."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from bot.models import Entry, Passage, Source
from bot.sources import Citations
from bot.telegram.delivery import _digest_line, alert_html
from bot.telegram.render import MAX_TEXT, pack
from tests.e2e.fake_bot_api import telegram_html_problem, visible_text
from tests.telegram.test_render import parsed_length

_TEXT = st.text(min_size=1, max_size=6000).filter(str.strip)
URL = "https://fragdenstaat.de/a/424242/"


def entry(title: str, answer: str, passages: list[str]) -> Entry:
    return Entry(
        id="neu",
        title=title.strip(),
        questions=["Q?"],
        answer=answer.strip(),
        passages=[Passage(text=p.strip(), source_url=f"{URL}#nachricht-{i}") for i, p in enumerate(passages)],
        source_url=URL,
    )


@example(title="t" * 6000, answer="a" * 6000, passages=["p" * 6000], label="Antwort " * 800)
@given(title=_TEXT, answer=_TEXT, passages=st.lists(_TEXT, max_size=5), label=_TEXT)
def test_an_alert_and_a_digest_fit_one_message_each(title: str, answer: str, passages: list[str], label: str) -> None:
    item = entry(title, answer, passages)
    cite = Citations(Source(url=u, name=label.strip()) for u in {URL, *(p.source_url or URL for p in item.passages)})
    for key in ("neu", "neu#2"):
        html = alert_html(item, key, "foi_test_bot", cite, "de")
        assert telegram_html_problem(html) is None
        assert parsed_length(html) <= MAX_TEXT
    lines = [_digest_line(item, "foi_test_bot", cite, "de") for _ in range(40)]
    for html in pack([("<b>Neue Antworten</b>", 15), *lines]):
        assert telegram_html_problem(html) is None
        assert len(visible_text(html).encode("utf-16-le")) // 2 <= MAX_TEXT
