"""The SQLite store (through sqlite-utils): schema and migrations, knowledge rows, search index columns."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.models import Aliases, Entry, FoiRequest, Kind, Ranking, RankingRow

FILES = "files"
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
    db.execute("CREATE VIRTUAL TABLE entries_fts_vocab USING fts5vocab(entries_fts, 'col')")
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


@dataclass(frozen=True)
class IndexFields:
    """Normalised text of an entry for search: questions (`q`), their compound forms (`x`), body, slot tags."""

    q: str
    x: str
    b: str
    tags: str


@dataclass(frozen=True)
class CandidateRow:
    id: str
    q: str
    x: str
    b: str
    tags: str


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """One SQLite file shared by the bot and the command line (WAL: readers never wait for the writer)."""

    def __init__(self, path: Path | str) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.db = Database(path)
            self.db.enable_wal()
        else:
            self.db = Database(memory=True)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 5000")
        migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db.conn:
            yield

    # meta

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.table("meta").upsert({"key": key, "value": value}, pk="key")

    def data_version(self) -> int:
        """Changes whenever another connection commits: a cheap poll for live reload."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    # knowledge from files

    def replace_knowledge(
        self,
        *,
        entries: Sequence[tuple[Entry, IndexFields]],
        requests: Sequence[FoiRequest],
        rankings: Sequence[Ranking],
        rows: Sequence[RankingRow],
        aliases: Aliases,
        words: dict[str, str],
        reindexed: Sequence[tuple[str, IndexFields]] = (),
        content_hash: str,
    ) -> None:
        """Swap in a new base from files in one transaction; entries added by other means stay."""
        now = _now()
        with self.transaction():
            self.db.execute("DELETE FROM ranking_rows")
            self.db.execute("DELETE FROM rankings WHERE origin = ?", [FILES])
            self.db.execute("DELETE FROM requests WHERE origin = ?", [FILES])
            self.db.execute("DELETE FROM entries WHERE origin = ?", [FILES])
            self.db.execute("DELETE FROM words")
            self.add_words(words)
            self.db.table("rankings").insert_all(
                ({"id": r.id, "origin": FILES, "data": r.model_dump_json()} for r in rankings), pk="id"
            )
            self.db.table("requests").insert_all(
                ({"id": r.id, "origin": FILES, "data": r.model_dump_json()} for r in requests), pk="id"
            )
            self.db.table("ranking_rows").insert_all((row.model_dump(mode="json") for row in rows), batch_size=1000)
            self.db.table("entries").insert_all(
                (self._entry_row(e, f, FILES, now) for e, f in entries), pk="id", batch_size=1000
            )
            for entry_id, fields in reindexed:
                self.db.table("entries").update(
                    entry_id, {"q": fields.q, "x": fields.x, "b": fields.b, "tags": fields.tags}
                )
            self.set_meta("aliases", aliases.model_dump_json())
            self.set_meta("knowledge_hash", content_hash)

    @staticmethod
    def _entry_row(entry: Entry, fields: IndexFields, origin: str, now: str) -> dict[str, Any]:
        return {
            "id": entry.id,
            "kind": entry.kind.value,
            "origin": origin,
            "title": entry.title,
            "data": entry.model_dump_json(exclude_defaults=True),
            "q": fields.q,
            "x": fields.x,
            "b": fields.b,
            "tags": fields.tags,
            "updated_at": now,
        }

    # reads

    def aliases(self) -> Aliases:
        raw = self.meta("aliases")
        return Aliases.model_validate_json(raw) if raw else Aliases()

    def rankings(self) -> list[Ranking]:
        return [Ranking.model_validate_json(r["data"]) for r in self.db.query("SELECT data FROM rankings ORDER BY id")]

    def requests(self) -> list[FoiRequest]:
        return [
            FoiRequest.model_validate_json(r["data"]) for r in self.db.query("SELECT data FROM requests ORDER BY id")
        ]

    def ranking_rows(self, ranking: str | None = None, city: str | None = None) -> list[RankingRow]:
        where, params = [], []
        if ranking is not None:
            where.append("ranking = ?")
            params.append(ranking)
        if city is not None:
            where.append("city = ?")
            params.append(city)
        sql = "SELECT * FROM ranking_rows" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        return [
            RankingRow.model_validate({k: v for k, v in r.items() if k != "id" and v is not None})
            for r in self.db.query(sql, params)
        ]

    def entry(self, entry_id: str) -> Entry | None:
        row = self.db.execute("SELECT data FROM entries WHERE id = ?", [entry_id]).fetchone()
        return None if row is None else Entry.model_validate_json(row[0])

    def entries(self, ids: Iterable[str]) -> dict[str, Entry]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self.db.execute(f"SELECT id, data FROM entries WHERE id IN ({marks})", wanted).fetchall()
        return {row[0]: Entry.model_validate_json(row[1]) for row in rows}

    def all_entries(self, kind: Kind | None = None) -> list[Entry]:
        sql, params = "SELECT data FROM entries", []
        if kind is not None:
            sql += " WHERE kind = ?"
            params.append(kind.value)
        return [Entry.model_validate_json(r[0]) for r in self.db.execute(sql + " ORDER BY id", params).fetchall()]

    def entry_origins(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, origin FROM entries").fetchall()}

    def count_entries(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM entries").fetchone()[0])

    # what people said

    def record_feedback(self, entry_id: str, user_id: int, vote: int) -> None:
        """One vote per person and entry; voting again replaces the earlier vote."""
        with self.transaction():
            self.db.table("feedback").upsert(
                {"entry_id": entry_id, "user_id": user_id, "vote": 1 if vote > 0 else -1, "at": _now()},
                pk=("entry_id", "user_id"),
            )

    def record_unanswered(self, question: str, normalized: str, user_id: int | None, chat_type: str, lang: str) -> None:
        with self.transaction():
            self.db.table("unanswered").insert(
                {
                    "question": question[:1000],
                    "normalized": normalized[:1000],
                    "user_id": user_id,
                    "chat_type": chat_type,
                    "lang": lang,
                    "at": _now(),
                }
            )

    def feedback_counts(self) -> list[tuple[str, int, int]]:
        """(entry id, 👍, 👎) per entry, most 👎 first."""
        rows = self.db.execute(
            "SELECT entry_id, sum(vote > 0), sum(vote < 0) FROM feedback GROUP BY entry_id "
            "ORDER BY sum(vote < 0) DESC, entry_id"
        ).fetchall()
        return [(r[0], int(r[1]), int(r[2])) for r in rows]

    def unanswered(self, since: str | None = None, limit: int = 50) -> list[tuple[str, int, str]]:
        """(an example question, how often, last asked) per normalised question, most frequent first."""
        rows = self.db.execute(
            "SELECT max(question), count(*), max(at) FROM unanswered WHERE at >= ? GROUP BY normalized "
            "ORDER BY count(*) DESC, max(at) DESC LIMIT ?",
            [since or "", limit],
        ).fetchall()
        return [(r[0], int(r[1]), r[2]) for r in rows]

    # search support

    def add_words(self, words: dict[str, str]) -> None:
        """Remember how words are written, for typo correction on what people type."""
        self.db.table("words").upsert_all(
            ({"word": w, "token": t} for w, t in words.items()), pk="word", batch_size=5000
        )

    def words(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT word, token FROM words").fetchall())

    def vocabulary(self) -> dict[str, int]:
        """Document frequency of every term in the question and body columns."""
        rows = self.db.execute(
            "SELECT term, max(doc) FROM entries_fts_vocab WHERE col IN ('q', 'x', 'b') GROUP BY term"
        ).fetchall()
        return {term: int(doc) for term, doc in rows}

    def candidates(self, match: str, limit: int) -> list[CandidateRow]:
        """Best `limit` entries for an FTS5 MATCH expression, questions weighted over body."""
        rows = self.db.execute(
            "SELECT e.id, e.q, e.x, e.b, e.tags FROM entries_fts f JOIN entries e ON e.rowid = f.rowid "
            "WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts, 4.0, 2.0, 1.0, 0.0) LIMIT ?",
            [match, limit],
        ).fetchall()
        return [CandidateRow(*row) for row in rows]


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
