"""Series of FOI requests (one text sent to many bodies): reading them from the fake froide, and questions across
their bodies answered from the stored data, one line per body; the slot guard for public bodies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.importers.fragdenstaat import (
    MAX_SERIES,
    SERIES_PAGE,
    FragDenStaatClient,
    FragDenStaatError,
    Reference,
    ReferenceKind,
)
from bot.models import Decision, Entry, Kind
from bot.series import MAX_LINES
from bot.service import FoiService, sync_knowledge
from bot.storage.store import Store
from tests.fakes.froide import (
    BOCHUM_QUESTION,
    BOCHUM_REQUEST_ID,
    BOCHUM_SLUG,
    BONN_REQUEST_ID,
    SERIES_PROJECT,
    ULM_REQUEST_ID,
    FakeFroide,
)

SERIES = [BOCHUM_REQUEST_ID, BONN_REQUEST_ID, ULM_REQUEST_ID]
EBERSBERG = 257500


def _series_ref(project: int = SERIES_PROJECT) -> Reference:
    return Reference(ReferenceKind.SERIES, project)


@pytest.fixture
def core(tmp_path: Path, kb_dir: Path, froide: FakeFroide) -> Iterator[FoiService]:
    """The core over the fixture base (without its curated #257364), with the series of #257364 imported."""
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()
    store = Store(tmp_path / "foi.db")
    sync_knowledge(store, kb_dir)
    froide.add_series()
    with FoiService(store, fragdenstaat_api_url=froide.api_url) as service:
        for request_id in SERIES:
            service.apply_import(service.fetch_request(Reference(ReferenceKind.REQUEST_ID, request_id)), actor="t")
        yield service


# reading a series


def test_a_series_is_read_over_pages_and_only_its_own_requests_count(froide: FakeFroide) -> None:
    froide.add_series()
    froide.add_request(7, "Andere Serie", project=SERIES_PROJECT + 1)
    for n in range(SERIES_PAGE):
        froide.add_request(300_000 + n, "Abschneiden in Digitalisierungsrankings", project=SERIES_PROJECT)
    with FragDenStaatClient(froide.api_url) as client:
        listed = client.fetch_series(_series_ref())
    assert [r.id for r in listed][:3] == SERIES
    assert len(listed) == len(SERIES) + SERIES_PAGE
    assert all(r.project == SERIES_PROJECT and not r.messages for r in listed)
    assert listed[0].project_request_count == len(listed)
    pages = [c for c in froide.calls if c.path == "/api/v1/request/"]
    assert [c.query["offset"] for c in pages] == ["0", str(SERIES_PAGE)]


def test_the_list_filters_and_pages_like_froide(froide: FakeFroide) -> None:
    froide.add_series()
    url = f"{froide.api_url}/request/"
    waiting = httpx.get(url, params={"project": SERIES_PROJECT, "status": "awaiting_response"}).json()
    assert [o["id"] for o in waiting["objects"]] == [ULM_REQUEST_ID]
    assert waiting["meta"] == {"limit": 50, "next": None, "offset": 0, "previous": None, "total_count": 1}
    first = httpx.get(url, params={"project": SERIES_PROJECT, "limit": 2}).json()
    assert [o["id"] for o in first["objects"]] == SERIES[:2]
    assert "messages" not in first["objects"][0]
    second = httpx.get(first["meta"]["next"]).json()
    assert [o["id"] for o in second["objects"]] == SERIES[2:]
    assert second["meta"]["next"] is None
    assert second["meta"]["previous"].startswith(froide.api_url)


def test_a_server_ignoring_the_filter_lists_nothing_foreign(froide: FakeFroide) -> None:
    froide.add_request(8, "Ohne Serie")
    froide.inject("/api/v1/request/", payload={"meta": {"next": None}, "objects": [{"id": 8, "project": None}]})
    with FragDenStaatClient(froide.api_url) as client:
        assert client.fetch_series(_series_ref()) == []


def test_a_series_over_the_cap_is_refused_with_a_clear_message(froide: FakeFroide) -> None:
    froide.inject("/api/v1/request/", payload={"meta": {"next": "x", "total_count": MAX_SERIES + 1}, "objects": []})
    with FragDenStaatClient(froide.api_url) as client, pytest.raises(FragDenStaatError) as caught:
        client.fetch_series(_series_ref())
    assert str(caught.value) == (
        f"FragDenStaat lists {MAX_SERIES + 1} requests in series #{SERIES_PROJECT}; at most {MAX_SERIES} are read."
    )
    assert caught.value.text("de").startswith("FragDenStaat führt 1001 Anfragen in Anfragenserie #4711")


def test_an_empty_series_is_an_empty_list(froide: FakeFroide) -> None:
    with FragDenStaatClient(froide.api_url) as client:
        assert client.fetch_series(_series_ref(99)) == []
        with pytest.raises(ValueError, match="is a series"):
            client.fetch(_series_ref())


# questions across a series


def test_which_cities_is_answered_per_body_from_the_answers(core: FoiService) -> None:
    answer = core.ask("Welche Städte haben externe Berater beauftragt?")
    assert answer.decision is Decision.ANSWER
    lead, *lines = answer.text.split("\n")
    assert lead == "Was die Antworten auf die Anfrage „Abschneiden in Digitalisierungsrankings“ dazu sagen:"
    assert lines == [
        "Stadt Bochum: „Die Stadt Bochum hat in keinem Jahr externe Beratungen oder sonstige Dienstleister damit "
        "betraut, ein Abschneiden der Stadt im Bitkom Smart City Index oder anderen Digitalrankings zu bewerten oder "
        "zu verbessern.“ (20.09.2022)",
        "Kommunalverwaltung Bonn: „Die Bundesstadt Bonn hat einen externen Berater beauftragt, die Ergebnisse im "
        "Bitkom Smart City Index einzuordnen; der Vertrag wird Ihnen in Auszügen übersandt.“ (29.09.2022)",
        "Stadt Ulm: noch keine Antwort",
    ]
    assert [(p.source_url or "").rsplit("/", 2)[-2] for p in answer.passages] == [
        BOCHUM_SLUG,
        "abschneiden-in-digitalisierungsrankings-bonn",
    ]
    assert all("#nachricht-" in (p.source_url or "") for p in answer.passages)
    assert answer.entry_ids == [f"fds-{n}" for n in SERIES]
    assert answer.title == "Anfragenserie „Abschneiden in Digitalisierungsrankings“ (3 Anfragen)"


def test_who_has_not_answered_names_each_body_with_its_date(core: FoiService) -> None:
    assert core.ask("Wer hat noch nicht geantwortet?").text == (
        "Geantwortet haben 2 von 3: Stadt Bochum (am 20.09.2022) und Kommunalverwaltung Bonn (am 29.09.2022). "
        "Noch keine Antwort von Stadt Ulm (gefragt am 18.08.2022)."
    )
    assert core.ask("Who has not answered yet?", "en").text == (
        "2 of 3 have answered: Stadt Bochum (on 20 September 2022) and Kommunalverwaltung Bonn (on 29 September "
        "2022). No answer yet from Stadt Ulm (asked on 18 August 2022)."
    )


def test_which_bodies_were_asked_and_their_status(core: FoiService) -> None:
    assert core.ask("Welche Behörden wurden gefragt?").text == (
        "Die Anfrage „Abschneiden in Digitalisierungsrankings“ ging gleichlautend an 3 Behörden: Stadt Bochum, "
        "Kommunalverwaltung Bonn und Stadt Ulm."
    )
    assert core.ask("Welchen Status haben die Anfragen an die Städte?").text.split("\n")[1:] == [
        "Stadt Bochum: abgeschlossen (erfolgreich)",
        "Kommunalverwaltung Bonn: abgeschlossen (teilweise erfolgreich)",
        "Stadt Ulm: wartet auf Antwort",
    ]


def test_a_subject_no_answer_mentions_is_left_to_the_usual_composition(core: FoiService) -> None:
    answer = core.ask("Welche Städte haben einen Glasfaserausbau geplant?")
    assert "Anfragenserie" not in answer.title
    assert "noch keine Antwort" not in answer.text


def test_a_question_naming_one_body_is_answered_from_its_answer_only(core: FoiService, froide: FakeFroide) -> None:
    froide.add_request(
        EBERSBERG,
        "Abschneiden in Digitalisierungsrankings",
        public_body="Landratsamt Ebersberg",
        project=SERIES_PROJECT,
    )
    froide.add_message(EBERSBERG, is_response=False, content=BOCHUM_QUESTION)
    froide.add_message(EBERSBERG, is_response=True, content="Das Landratsamt nimmt an keinem Ranking teil.")
    core.apply_import(core.fetch_request(Reference(ReferenceKind.REQUEST_ID, EBERSBERG)), actor="t")
    for question in (
        "Hat Ebersberg externe Berater für das Ranking beauftragt?",
        "Hat das Landratsamt Ebersberg externe Beratungen beauftragt?",
    ):
        answer = core.ask(question)
        assert answer.entry_ids == [f"fds-{EBERSBERG}"], question
        assert all("Bochum" not in p.text and "Bonn" not in p.text for p in answer.passages)
    bonn = core.ask("Hat Bonn externe Berater beauftragt?")
    assert bonn.entry_ids == [f"fds-{BONN_REQUEST_ID}"]
    assert all("Bochum" not in p.text for p in bonn.passages)


def test_the_guard_replaces_another_bodys_answer(core: FoiService) -> None:
    series = core.answerer.series
    assert series is not None
    question = core.answerer.understander.understand("Was hat Ulm auf die Anfrage geantwortet?")
    from_bochum = core.entry_answer(core.entry(f"fds-{BOCHUM_REQUEST_ID}"), "de")  # type: ignore[arg-type]
    guarded = series.guard(question, from_bochum)
    assert guarded.entry_ids == [f"fds-{ULM_REQUEST_ID}"]
    assert "noch keine Antwort" in guarded.text
    hit = core.ask("Hat Bochum externe Berater beauftragt?")
    assert series.guard(question, hit).entry_ids == [f"fds-{ULM_REQUEST_ID}"]
    unrelated = core.answerer.understander.understand("Hallo, wie geht es?")
    assert series.guard(unrelated, from_bochum) is from_bochum


# odd input


def test_without_a_series_nothing_is_answered_as_one(tmp_path: Path, kb_dir: Path, froide: FakeFroide) -> None:
    """A request without a project, and a series of which only one request is stored, make no series."""
    (kb_dir / "requests" / "257364-bochum.yaml").unlink()
    store = Store(tmp_path / "foi.db")
    sync_knowledge(store, kb_dir)
    froide.add_series()
    froide.set_project(ULM_REQUEST_ID, None)
    with FoiService(store, fragdenstaat_api_url=froide.api_url) as service:
        for request_id in (BOCHUM_REQUEST_ID, ULM_REQUEST_ID):
            service.apply_import(service.fetch_request(Reference(ReferenceKind.REQUEST_ID, request_id)), actor="t")
        assert service.series_requests(SERIES_PROJECT)[0].id == BOCHUM_REQUEST_ID
        assert service.stored_request(ULM_REQUEST_ID).project is None  # type: ignore[union-attr]
        assert service.answerer.series is not None
        assert service.answerer.series.series == {}
        for question in ("Wer hat noch nicht geantwortet?", "Welche Städte haben externe Berater beauftragt?"):
            assert "Anfragenserie" not in service.ask(question).title


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.text(max_size=80)
    | st.lists(
        st.sampled_from(
            [
                "Welche",
                "Städte",
                "wer",
                "noch",
                "nicht",
                "geantwortet",
                "Bonn",
                "Ulm",
                "Landratsamt",
                "extern",
                "Berater",
                "which",
                "cities",
                "who",
                "yet",
                "Status",
                "gefragt",
                "",
                "?",
                "Ümläut",
                "2022",
            ]
        ),
        max_size=8,
    ).map(" ".join)
)
def test_odd_questions_never_break_and_never_name_a_body_not_asked(core: FoiService, text: str) -> None:
    answer = core.ask(text)
    if answer.title.startswith("Anfragenserie"):
        for line in answer.text.split("\n")[1:]:
            if ":" in line:
                assert line.split(":", 1)[0] in {"Stadt Bochum", "Kommunalverwaltung Bonn", "Stadt Ulm"}


def test_a_large_series_quotes_its_best_answers_and_counts_the_rest(
    tmp_path: Path, kb_dir: Path, froide: FakeFroide
) -> None:
    """More bodies than a reply can name: answers that speak to the question are quoted (at most MAX_LINES), the
    reply says that only those are, and names who has not answered; the passage index finds them without reading
    every answer."""
    store = Store(tmp_path / "foi.db")
    sync_knowledge(store, kb_dir)
    ids = list(range(400_000, 400_000 + MAX_LINES + 8))
    for n, request_id in enumerate(ids):
        froide.add_request(request_id, "Externe Beratung", public_body=f"Stadt Musterhausen {n}", project=77)
        froide.add_message(request_id, is_response=False, content="Bitte um Auskunft.")
        if n < 3:
            continue  # not answered yet
        said = "Wir haben keine externen Berater beauftragt." if n % 2 else "Die Akte ist vollständig beigefügt."
        froide.add_message(request_id, is_response=True, content=f"Sehr geehrte Damen und Herren, {said}")
    with FoiService(store, fragdenstaat_api_url=froide.api_url) as service:
        for request_id in ids:
            service.apply_import(service.fetch_request(Reference(ReferenceKind.REQUEST_ID, request_id)), actor="t")
        answer = service.ask("Welche Städte haben externe Berater beauftragt?")
    _, *lines = answer.text.split("\n")
    quoted = [line for line in lines if "„" in line]
    mentioning = [n for n in range(3, len(ids)) if n % 2]
    assert len(quoted) == min(MAX_LINES, len(mentioning))
    assert all("keine externen Berater beauftragt" in line for line in quoted)
    assert lines[-1] == (
        f"Zitiert sind nur die ersten {len(quoted)} Antworten, die dazu etwas sagen; noch keine Antwort von "
        "Stadt Musterhausen 0, Stadt Musterhausen 1 und Stadt Musterhausen 2."
    )
    assert len(answer.passages) == len(quoted)


def test_a_body_is_never_said_to_say_nothing_when_pages_were_left_unread(
    tmp_path: Path, kb_dir: Path, froide: FakeFroide
) -> None:
    """Pages that share the question's words without a sentence that answers it come first: the answer further
    back is quoted from its sentence start (not cut after "z. B."), or the body's line says that nothing was
    found in the pages read, never that its answer says nothing."""
    store = Store(tmp_path / "foi.db")
    sync_knowledge(store, kb_dir)
    near_miss = "Externe Stellen prüfen vieles. Berater gibt es viele. Beauftragt wurde die Post."
    for n, (request_id, misses) in enumerate(((410_000, 2), (410_001, 40), (410_002, 0))):
        froide.add_request(request_id, "Externe Beratung", public_body=f"Stadt Probe {n}", project=78)
        message = froide.add_message(request_id, is_response=True, content="Anbei unsere Antwort.")
        pages = [near_miss] * misses + ["Die Stadt hat, wie z. B. Köln, externe Berater beauftragt."]
        froide.add_attachment(message, "antwort.pdf", b"%PDF-1.4\n", pages=pages)
    with FoiService(store, fragdenstaat_api_url=froide.api_url) as service:
        for request_id in (410_000, 410_001, 410_002):
            service.apply_import(service.fetch_request(Reference(ReferenceKind.REQUEST_ID, request_id)), actor="t")
        answer = service.ask("Welche Städte haben externe Berater beauftragt?")
    _, *lines = answer.text.split("\n")
    assert lines[0].startswith("Stadt Probe 0: „Die Stadt hat, wie z. B. Köln, externe Berater beauftragt.“")
    assert lines[1] == "Stadt Probe 1: in den gelesenen Seiten der Antwort nichts dazu gefunden"
    assert lines[2].startswith("Stadt Probe 2: „Die Stadt hat, wie z. B. Köln")
    assert not any("steht nichts" in line for line in lines)


def test_a_curated_answer_of_another_body_gives_way_to_the_named_bodys(core: FoiService) -> None:
    """The guard covers every FOI answer, not only the series' own: a question naming Ulm is not answered
    from the curated answer of Bochum."""
    series = core.answerer.series
    assert series is not None
    [curated] = core.add_entries(
        [
            Entry(
                id="bochum-berater",
                kind=Kind.FOI_ANSWER,
                title="Antwort der Stadt Bochum zu Beratern",
                questions=["Hat Bochum externe Berater beauftragt?"],
                answer="Bochum hat keine externen Berater beauftragt.",
                source_url="https://example.org/bochum",
            )
        ],
        origin="cli",
        actor="t",
    )
    question = core.answerer.understander.understand("Was hat Ulm auf die Anfrage geantwortet?")
    guarded = series.guard(question, core.entry_answer(curated, "de"))
    assert guarded.entry_ids == [f"fds-{ULM_REQUEST_ID}"]
