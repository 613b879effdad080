"""The store's schema as migrations (sqlite-utils), applied in order at every start."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("foi-bot")


@migrations()
def m001_knowledge(db: Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("entries").create(
        {
            "id": str,
            "kind": str,
            "origin": str,
            "title": str,
            "data": str,
            "q": str,
            "x": str,
            "b": str,
            "tags": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"kind", "origin", "title", "data"},
    )
    db.table("entries").create_index(["origin"])
    db.table("words").create({"word": str, "token": str}, pk="word", not_null={"token"})
    db.table("entries").enable_fts(["q", "x", "b", "tags"], fts_version="FTS5", create_triggers=True)
    db.table("requests").create({"id": int, "origin": str, "data": str}, pk="id", not_null={"data"})
    db.table("rankings").create({"id": str, "origin": str, "data": str}, pk="id", not_null={"data"})
    db.table("ranking_rows").create(
        {
            "id": int,
            "ranking": str,
            "year": int,
            "city": str,
            "place": int,
            "score": float,
            "category": str,
            "change": int,
            "source_url": str,
            "quote": str,
            "note": str,
        },
        pk="id",
        not_null={"ranking", "year", "city", "source_url", "quote"},
        foreign_keys=[("ranking", "rankings", "id")],
    )
    db.table("ranking_rows").create_index(["ranking", "city", "year"])


@migrations()
def m002_feedback_and_unanswered(db: Database) -> None:
    db.table("feedback").create(
        {"entry_id": str, "user_id": int, "vote": int, "at": str},
        pk=("entry_id", "user_id"),
        not_null={"vote", "at"},
    )
    db.table("unanswered").create(
        {
            "id": int,
            "question": str,
            "normalized": str,
            "user_id": int,
            "chat_type": str,
            "lang": str,
            "at": str,
        },
        pk="id",
        not_null={"question", "normalized", "at"},
    )
    db.table("unanswered").create_index(["normalized"])
    db.table("unanswered").create_index(["at"])


@migrations()
def m003_history_and_watches(db: Database) -> None:
    db.table("changes").create(
        {"id": int, "entry_id": str, "action": str, "actor": str, "at": str, "before": str, "after": str},
        pk="id",
        not_null={"entry_id", "action", "actor", "at"},
    )
    db.table("changes").create_index(["entry_id"])
    db.table("watches").create(
        {"request_id": int, "added_by": str, "added_at": str, "checked_at": str, "seen": str},
        pk="request_id",
        not_null={"added_by", "added_at", "seen"},
    )


@migrations()
def m004_term_counts(db: Database) -> None:
    """Document frequencies kept up to date on every write: fts5vocab scans the whole index to count them,
    which made every start of a large base slow."""
    db.execute("DROP TABLE IF EXISTS entries_fts_vocab")
    db.table("terms").create({"term": str, "df": int}, pk="term", not_null={"df"})
    db.execute("DELETE FROM meta WHERE key = 'knowledge_hash'")  # rebuild once, which fills the counts


@migrations()
def m005_subscriptions_and_outbox(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            topic TEXT NOT NULL DEFAULT '',
            tokens TEXT NOT NULL DEFAULT '',
            daily INTEGER NOT NULL DEFAULT 0 CHECK (daily IN (0, 1)),
            created_by INTEGER,
            created_at TEXT NOT NULL,
            UNIQUE (chat_id, tokens, daily)
        )
        """
    )
    db.execute("CREATE INDEX subscriptions_chat ON subscriptions (chat_id)")
    # One row per (alert, chat): the unique key is what makes a fan-out never send an alert to a chat twice.
    # The states are OutboxState in bot/storage/alerts.py (a test keeps them in step); a migration stays as it ran.
    db.execute(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            alert TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            chat_id INTEGER NOT NULL,
            daily INTEGER NOT NULL DEFAULT 0 CHECK (daily IN (0, 1)),
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
            attempts INTEGER NOT NULL DEFAULT 0,
            due_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            error TEXT,
            UNIQUE (alert, chat_id)
        )
        """
    )
    db.execute("CREATE INDEX outbox_due ON outbox (state, daily, due_at)")


@migrations()
def m006_vectors_and_english_notes(db: Database) -> None:
    """Each entry's meaning as a vector (semantic signal of the search), English notes of ranking rows, and the
    written words by their trigrams: a word the base has only inside compounds (`Freiheit` in
    `Informationsfreiheitsgesetz`) is found without scanning every word (benchmarks/README.md)."""
    db.table("entries").add_column("v", bytes)
    db.table("ranking_rows").add_column("note_en", str)
    db.table("words").enable_fts(["word"], fts_version="FTS5", tokenize="trigram", create_triggers=True)


@migrations()
def m007_sources(db: Database) -> None:
    """How each quoted or linked document is named in replies (from knowledge/sources.yaml, or by an import)."""
    db.table("sources").create({"url": str, "origin": str, "data": str}, pk="url", not_null={"origin", "data"})


@migrations()
def m008_subscription_language(db: Database) -> None:
    """The language each subscription was made in: a chat's alerts and digests are written in it. Subscriptions
    made before were all served in German."""
    db.execute("ALTER TABLE subscriptions ADD COLUMN lang TEXT NOT NULL DEFAULT 'de' CHECK (lang IN ('de', 'en'))")


@migrations()
def m009_named_index_columns(db: Database) -> None:
    """The search columns of `entries` say what they hold (they were `q`, `x`, `b` and `v`). Their full-text
    index is made anew under the new names."""
    entries = db.table("entries")
    entries.disable_fts()
    for old, new in (("q", "question_terms"), ("x", "question_parts"), ("b", "body_terms"), ("v", "vector")):
        db.execute(f"ALTER TABLE entries RENAME COLUMN {old} TO {new}")
    entries.enable_fts(
        ["question_terms", "question_parts", "body_terms", "tags"], fts_version="FTS5", create_triggers=True
    )


@migrations()
def m010_series_watches(db: Database) -> None:
    """Series of FOI requests (the same request sent to many bodies) followed on a schedule: requests new in a
    series are imported and watched."""
    db.table("series_watches").create(
        {"project": int, "added_by": str, "added_at": str, "checked_at": str},
        pk="project",
        not_null={"added_by", "added_at"},
    )


@migrations()
def m011_passage_index(db: Database) -> None:
    """Each quoted passage's terms on their own: a question across a series finds the page of each body's answer
    that speaks to it without reading every answer. Filled by the next rebuild."""
    db.execute("CREATE TABLE passage_terms (entry_id TEXT NOT NULL, position INTEGER NOT NULL, terms TEXT NOT NULL)")
    db.execute("CREATE INDEX passage_terms_entry ON passage_terms (entry_id)")
    db.table("passage_terms").enable_fts(["terms"], fts_version="FTS5", create_triggers=True)
    db.execute("DELETE FROM meta WHERE key = 'knowledge_hash'")


@migrations()
def m012_phrasing_terms(db: Database) -> None:
    """The terms of an entry's phrasings in a column of their own, searched but not counted as the base's words.
    Filled by the next rebuild."""
    entries = db.table("entries")
    entries.disable_fts()
    entries.add_column("phrasing_terms", str)
    entries.enable_fts(
        ["question_terms", "question_parts", "body_terms", "tags", "phrasing_terms"],
        fts_version="FTS5",
        create_triggers=True,
    )
    db.execute("DELETE FROM meta WHERE key = 'knowledge_hash'")


@migrations()
def m013_phrasings_apart(db: Database) -> None:
    """The phrasings' terms separated like the questions' (one phrasing after another, not one run of words), so
    that a question can be compared with each. Filled by the next rebuild."""
    db.execute("DELETE FROM meta WHERE key = 'knowledge_hash'")
