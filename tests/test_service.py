"""The core as the channels use it: a context manager over its store, counts in SQL, refreshed after commits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import bot.service
from bot.config import Settings
from bot.importers.fragdenstaat import ApiRequest
from bot.models import Kind
from bot.service import FoiService
from bot.understand.normalize import Normalizer


def request(*contents: str) -> ApiRequest:
    """A FragDenStaat request with one response per text."""
    messages: list[dict[str, Any]] = [
        {"id": n, "is_response": True, "content": text, "timestamp": f"2023-03-0{n}T10:00:00+01:00"}
        for n, text in enumerate(contents, 1)
    ]
    return ApiRequest.model_validate({"id": 5, "title": "Testanfrage", "url": "/anfrage/t/", "messages": messages})


def test_an_import_refreshes_once_and_only_after_its_commit(
    service: FoiService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the entry was taken into the answers inside the import's transaction, so a rollback after it left
    the answers ahead of the store."""
    in_transaction: list[bool] = []
    monkeypatch.setattr(service, "refresh", lambda: in_transaction.append(service.store.db.conn.in_transaction))
    assert service.apply_import(request("Die Antwort."), actor="test").created
    assert service.apply_import(request("Die Antwort.", "Eine zweite Antwort."), actor="test").new_passages == 1
    assert in_transaction == [False, False]


def test_stats_count_what_the_store_holds(service: FoiService) -> None:
    before = service.stats()
    assert before.entries[Kind.FACT] == len(service.listing(Kind.FACT))
    assert before.ranking_rows > 0
    service.record_feedback("sci-2021-methodik", 7, helpful=False)
    after = service.stats()
    assert (after.up, after.down) == (before.up, before.down + 1)
    assert after.entries == before.entries


def test_the_service_closes_its_store_as_a_context_manager(tmp_path: Path, kb_dir: Path) -> None:
    with FoiService.open(Settings(database_path=tmp_path / "s.db", knowledge_dir=kb_dir)) as service:
        assert service.entry("sci-2021-methodik") is not None
    with pytest.raises(Exception, match="closed"):
        service.entry("sci-2021-methodik")


def test_a_batch_within_a_batch_leaves_the_refresh_to_the_outer_one(
    service: FoiService, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []
    real = Normalizer

    def counted(*args: Any) -> Normalizer:
        built.append(args)
        return real(*args)

    monkeypatch.setattr(bot.service, "Normalizer", counted)
    with service.batch():
        with service.batch():
            service.refresh()
        service.refresh()
        assert built == []
    assert len(built) == 1
