"""`/import` of an answer given as PDF letters: the reply says which letters have no text to quote, and which
were not read and why."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.telegram.state import App
from tests.e2e.botctl import start_bot, stop_bot
from tests.e2e.fake_bot_api import FakeBotApi, telegram_html_problem, to
from tests.fakes.froide import BOCHUM_ANSWER_ID, BOCHUM_REQUEST_ID, BOCHUM_SLUG, FakeFroide
from tests.fakes.pdfs import pdf

MAINTAINER = 777


@pytest.fixture
async def froide() -> AsyncIterator[FakeFroide]:
    async with FakeFroide() as fake:
        fake.add_bochum_request()
        fake.add_attachment(BOCHUM_ANSWER_ID, "antwort.pdf", pdf("Keine externen Berater."))
        fake.add_attachment(BOCHUM_ANSWER_ID, "scan<1>.pdf", pdf(None))
        fake.add_attachment(BOCHUM_ANSWER_ID, "riesig.pdf", pdf("Zu groß."), size=25_000_000)
        yield fake


@pytest.fixture
async def importing_bot(fake_api: FakeBotApi, tmp_path: Path, kb_dir: Path, froide: FakeFroide) -> AsyncIterator[App]:
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()  # imported, not curated, in these tests
    app = await start_bot(fake_api, tmp_path, kb_dir, maintainer_ids=[MAINTAINER], fragdenstaat_api_url=froide.api_url)
    yield app
    await stop_bot(app)


@pytest.mark.parametrize(
    ("language_code", "said"),
    [("de", "Ohne Text und deshalb nicht zitiert"), ("en", "No text, so not quoted")],
)
async def test_letters_without_text_are_named_in_the_reply(
    fake_api: FakeBotApi, importing_bot: App, language_code: str, said: str
) -> None:
    await fake_api.deliver(
        fake_api.private_message(f"/import {BOCHUM_REQUEST_ID}", user_id=MAINTAINER, language_code=language_code)
    )
    calls = await fake_api.wait_for("sendMessage", to(MAINTAINER), count=2)
    text = calls[0].params["text"]
    assert telegram_html_problem(text) is None
    assert said in text
    scan = f"https://fragdenstaat.de/anfrage/{BOCHUM_SLUG}/{BOCHUM_ANSWER_ID}/anhang/scan&lt;1&gt;.pdf"
    assert f'\n• <a href="{scan}">scan&lt;1&gt;.pdf</a>\n' in text
    big = "20 MB" + (" geschickt" if language_code == "de" else " for attachment")
    assert text.splitlines()[-1].startswith('• <a href="https://fragdenstaat.de/anfrage/')
    assert "riesig.pdf</a> – FragDenStaat " in text
    assert big in text
    assert "antwort.pdf" not in text
    assert "S. 1 (PDF)" in calls[1].params["text"] or "p. 1 (PDF)" in calls[1].params["text"]
