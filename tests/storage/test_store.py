from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.kb.loader import KnowledgeError
from bot.models import Entry, Passage
from bot.service import FoiService, sync_knowledge
from bot.storage.database import is_busy
from bot.storage.knowledge import IndexFields, entry_row
from bot.storage.store import Store


def test_unchanged_files_do_not_rebuild(tmp_path: Path, kb_dir: Path) -> None:
    store = Store(tmp_path / "s.db")
    assert sync_knowledge(store, kb_dir) is True
    assert sync_knowledge(store, kb_dir) is False
    (kb_dir / "facts" / "method.yaml").write_text(
        (kb_dir / "facts" / "method.yaml").read_text(encoding="utf-8").replace("36 Indikatoren,", "36 Indikatoren;"),
        encoding="utf-8",
    )
    assert sync_knowledge(store, kb_dir) is True
    store.close()


def test_a_broken_file_leaves_the_previous_store_intact(store: Store, kb_dir: Path) -> None:
    before = store.knowledge.count_entries()
    (kb_dir / "facts" / "method.yaml").write_text("entries: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        sync_knowledge(store, kb_dir)
    assert store.knowledge.count_entries() == before
    assert store.knowledge.entry("sci-2021-methodik") is not None


def test_entries_added_by_other_means_survive_a_rebuild(store: Store, kb_dir: Path) -> None:
    entry = Entry(id="cli-added", title="T", questions=["Q?"], answer="A", source_url="https://example.org/method-2021")
    with store.transaction():
        store.db.table("entries").insert(
            entry_row(
                entry,
                IndexFields(question_terms="q", question_parts="", body_terms="a", tags="xyany"),
                "cli",
                "2026-01-01",
            )
        )
    sync_knowledge(store, kb_dir, force=True)
    assert store.knowledge.entry("cli-added") == entry


def test_reads_round_trip(store: Store) -> None:
    assert [r.id for r in store.knowledge.rankings()] == ["bitkom-sci"]
    assert [r.id for r in store.knowledge.requests()] == [257364]
    rows = store.knowledge.ranking_rows("bitkom-sci", "Bochum")
    assert {(r.year, r.place) for r in rows} >= {(2021, 7), (2019, 32), (2019, 39)}
    assert store.knowledge.aliases().cities["München"] == ["Munich", "Muenchen"]


def test_entries_are_found_by_their_index_tags(store: Store) -> None:
    """Bochum's place of 2021 is tagged with the ranking and the year; nothing in the fixture speaks of 2030."""
    assert store.knowledge.has_tagged("xrbitkomsci", ["xy2030", "xy2021"])
    assert not store.knowledge.has_tagged("xrbitkomsci", ["xy2030"])
    assert not store.knowledge.has_tagged("xrbitkomsci", [])


def test_a_file_entry_may_not_take_an_id_added_by_other_means(store: Store, kb_dir: Path) -> None:
    from bot.service import FoiService

    service = FoiService(store)
    clash = Entry(
        id="neu-doppelt", title="T", questions=["Q?"], answer="A", source_url="https://example.org/method-2021"
    )
    service.add_entries([clash], origin="cli", actor="test")
    (kb_dir / "facts" / "clash.yaml").write_text(
        "entries:\n  - id: neu-doppelt\n    title: T\n    questions: [Q?]\n    answer: B\n"
        "    source_url: https://example.org/method-2021\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"neu-doppelt.*added by cli"):
        sync_knowledge(store, kb_dir)
    assert store.knowledge.entry("neu-doppelt") == service.with_inferred_tags(clash)


def test_editing_keeps_the_inferred_tags(store: Store) -> None:
    from bot.service import FoiService

    service = FoiService(store)
    entry = Entry(id="neu-tags", title="Antwort aus Bochum", questions=["Q?"], answer="A", source_url="https://e.org/")
    [added] = service.add_entries([entry], origin="cli", actor="test")
    assert added.tags.cities == ["Bochum"]
    service.replace_entry(entry.model_copy(update={"answer": "B"}), actor="test")
    stored = store.knowledge.entry("neu-tags")
    assert stored is not None
    assert stored.tags.cities == ["Bochum"]


def test_busy_is_told_by_sqlites_error_code_not_by_the_message(tmp_path: Path) -> None:
    holder, waiter = Store(tmp_path / "s.db"), Store(tmp_path / "s.db", busy_timeout=0)
    try:
        with holder.transaction(), pytest.raises(sqlite3.OperationalError) as locked:
            waiter.people.record_feedback("sci-2021-methodik", 7, 1)
        assert is_busy(locked.value)
        with pytest.raises(sqlite3.OperationalError) as fault:
            waiter.db.execute("SELECT * FROM no_such_table")
        assert not is_busy(fault.value)
        assert not is_busy(sqlite3.OperationalError("database is locked")), "raised by Python, not by SQLite"
    finally:
        waiter.close()
        holder.close()


def test_the_passage_index_follows_every_change_of_an_entry(store: Store) -> None:
    service = FoiService(store)
    entry = Entry(
        id="akte",
        title="Akte",
        questions=["Was steht in der Akte?"],
        answer="Siehe Akte.",
        source_url="https://example.org/akte",
        passages=[Passage(text="Über Beratung nichts."), Passage(text="Der Vermerk ging an den Oberbürgermeister.")],
    )
    service.add_entries([entry], origin="cli", actor="t")
    [hit] = store.knowledge.passages_matching('"vermerk"*', ["akte"], 5)
    assert (hit.entry_id, hit.position, hit.text) == ("akte", 1, "Der Vermerk ging an den Oberbürgermeister.")
    assert store.knowledge.passages_matching('"vermerk"*', ["other"], 5) == []
    service.replace_entry(entry.model_copy(update={"passages": [Passage(text="Kein Vermerk.")]}), actor="t")
    assert [(h.position, h.text) for h in store.knowledge.passages_matching('"vermerk"*', ["akte"], 5)] == [
        (0, "Kein Vermerk.")
    ]
    service.remove_entry("akte", actor="t")
    assert store.db.table("passage_terms").count_where("entry_id = ?", ["akte"]) == 0


def test_the_default_request_is_the_one_marked_in_its_file(tmp_path: Path, kb_dir: Path) -> None:
    db = Store(tmp_path / "foi.db")
    try:
        sync_knowledge(db, kb_dir)
        assert db.knowledge.default_request() is None  # the fixture marks none
        request_file = kb_dir / "requests" / "257364-bochum.yaml"
        text = request_file.read_text(encoding="utf-8")
        request_file.write_text(text.replace("request:\n", "request:\n  default: true\n", 1), encoding="utf-8")
        sync_knowledge(db, kb_dir)
        assert db.knowledge.default_request() == 257364
    finally:
        db.close()


def test_a_request_s_entries_are_found_by_its_id(store: Store) -> None:
    found = store.knowledge.request_entries(257364)
    assert [e.id for e in found] == ["257364-externe-beratung"]
    assert store.knowledge.request_entries(1) == []


def test_a_candidate_reads_back_every_index_field_it_was_stored_with(store: Store) -> None:
    """The search reads candidates as rows of values in column order: each value must land in its own field."""
    entry = Entry(id="fields", title="T", questions=["Q?"], answer="A", source_url="https://example.org/fields")
    stored = IndexFields(
        question_terms="zyxqu",
        question_parts="zyxpa",
        body_terms="zyxbo",
        tags="zyxta",
        vector=b"\x01\x02",
        phrasing_terms="zyxph",
    )
    store.knowledge.add_entries([(entry, stored)], origin="cli", actor="test", words={})
    assert store.knowledge.candidates('"zyxqu"', 5, ranked=False) == {"fields": stored}
