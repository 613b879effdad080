"""Indexing ahead in a second process gives the store exactly what indexing here gives, and a request that
fails keeps its place and its error."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from bot.importers.fragdenstaat import FragDenStaatError, Reference, ReferenceKind
from bot.models import Entry
from bot.search.ahead import IndexAhead
from bot.service import FoiService, ImportOutcome, sync_knowledge
from bot.storage.knowledge import IndexFields
from bot.storage.store import Store
from tests.fakes.froide import FakeFroide

IDS = list(range(500_000, 500_006))


def _stored(store: Store) -> dict[str, Any]:
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in store.db.execute(sql).fetchall()]

    return {
        "entries": rows("SELECT id, question_terms, question_parts, body_terms, tags, vector FROM entries ORDER BY id"),
        "passages": rows("SELECT entry_id, position, terms FROM passage_terms ORDER BY entry_id, position"),
        "words": rows("SELECT word, token FROM words ORDER BY word"),
        "terms": rows("SELECT term, df FROM terms ORDER BY term"),
    }


def _not_here(*_: object) -> None:
    raise AssertionError("indexed here, not ahead")


def _import(
    tmp_path: Path, kb_dir: Path, froide: FakeFroide, *, ahead: pytest.MonkeyPatch | None
) -> tuple[list[str], dict[str, Any]]:
    """The requests imported into a new store, indexed here or (with `ahead`, which forbids indexing here once
    the base is built) in the second process."""
    store = Store(tmp_path / f"ahead-{ahead is not None}.db")
    sync_knowledge(store, kb_dir)
    if ahead is not None:
        ahead.setattr("bot.service.index_entries", _not_here)
    with FoiService(store, fragdenstaat_api_url=froide.api_url) as service:

        def fetched() -> Any:
            for request_id in [*IDS, 999_999]:
                try:
                    yield request_id, service.fetch_request(Reference(ReferenceKind.REQUEST_ID, request_id))
                except FragDenStaatError as exc:
                    yield request_id, exc

        lines = [
            f"{rid} {'ok' if isinstance(out, ImportOutcome) else 'failed'}"
            for rid, out in service.import_all(fetched(), actor="t", ahead=ahead is not None)
        ]
        if ahead is not None:
            ahead.undo()
        assert service.ask("Was schreibt Stadt Nummer 3 zur Beratung?").text
        return lines, _stored(store)


def test_indexing_ahead_stores_what_indexing_here_stores(
    tmp_path: Path, kb_dir: Path, froide: FakeFroide, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n, request_id in enumerate(IDS):
        froide.add_request(request_id, "Externe Beratung", public_body=f"Stadt Nummer {n}", project=5)
        message = froide.add_message(request_id, is_response=True, content=f"Antwort {n} zur Beratung.")
        pages = [f"Seite {p} der Stadt Nummer {n}: externe Beratungsleistungen und Kosten." for p in range(3)]
        froide.add_attachment(message, "antwort.pdf", b"%PDF-1.4\n", pages=pages)
    here = _import(tmp_path, kb_dir, froide, ahead=None)
    ahead = _import(tmp_path, kb_dir, froide, ahead=monkeypatch)
    assert here[0] == ahead[0] == [*(f"{i} ok" for i in IDS), "999999 failed"]
    assert here[1] == ahead[1]
    assert any(row[0] == f"fds-{IDS[0]}" for row in ahead[1]["passages"])


@pytest.mark.parametrize("where", ["submit", "result"])
def test_a_lost_indexing_process_leaves_the_indexing_here(
    tmp_path: Path, kb_dir: Path, froide: FakeFroide, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    for n, request_id in enumerate(IDS[:2]):
        froide.add_request(request_id, "Externe Beratung", public_body=f"Stadt Nummer {n}", project=5)
        froide.add_message(request_id, is_response=True, content=f"Antwort {n} zur Beratung.")

    def lost(_self: IndexAhead, _entry: Entry) -> Future[tuple[IndexFields, dict[str, str]]]:
        if where == "submit":
            raise BrokenProcessPool("gone")
        future: Future[tuple[IndexFields, dict[str, str]]] = Future()
        future.set_exception(BrokenProcessPool("gone"))
        return future

    monkeypatch.setattr(IndexAhead, "submit", lost)
    store = Store(tmp_path / "s.db")
    sync_knowledge(store, kb_dir)
    with FoiService(store, fragdenstaat_api_url=froide.api_url) as service:
        fetched = [(i, service.fetch_request(Reference(ReferenceKind.REQUEST_ID, i))) for i in IDS[:2]]
        outcomes = [out for _, out in service.import_all(fetched, actor="t", ahead=True)]
    assert all(isinstance(out, ImportOutcome) and out.created for out in outcomes)
