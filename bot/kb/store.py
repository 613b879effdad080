"""The SQLite store (through sqlite-utils): knowledge rows, their history, search index columns."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.kb.schema import migrations
from bot.models import Aliases, Entry, FoiRequest, Kind, Ranking, RankingRow, Source

FILES = "files"
CREATION_WAIT_MS = 30_000  # creating and migrating a store takes a second; others starting at once wait
QUESTION_SEPARATOR = " | "  # between an entry's questions in the `q` column; `|` is not a term


@dataclass(frozen=True)
class IndexFields:
    """Normalised text of an entry for search: questions (`q`), their compound forms (`x`), body, slot tags."""

    q: str
    x: str
    b: str
    tags: str
    v: bytes = b""  # the vector of its meaning (float16), see bot/understand/semantic.py


@dataclass(frozen=True)
class CandidateRow:
    id: str
    q: str
    x: str
    b: str
    tags: str
    v: bytes | None = None


@dataclass(frozen=True)
class Change:
    """One change of an entry: who (`cli:<os user>`, `telegram:<user id>`, `files`), when, before and after."""

    entry_id: str
    action: str
    actor: str
    at: str
    before: Entry | None
    after: Entry | None


@dataclass(frozen=True)
class Watch:
    """A FragDenStaat request re-read on a schedule; `seen` are the response messages already imported."""

    request_id: int
    seen: tuple[int, ...]
    checked_at: str | None


class EntryExists(Exception):
    def __init__(self, ids: Sequence[str]) -> None:
        super().__init__(f"these ids exist already: {', '.join(ids)}")
        self.ids = list(ids)


class BackupRefused(Exception):
    """Writing the backup there would overwrite the live database."""


class NoSuchEntry(Exception):
    def __init__(self, entry_id: str) -> None:
        super().__init__(f"no entry with id {entry_id!r}")
        self.entry_id = entry_id


class ReadOnlyEntry(Exception):
    def __init__(self, entry_id: str) -> None:
        super().__init__(f"entry {entry_id!r} comes from the knowledge files: change it there (reviewed in git)")
        self.entry_id = entry_id


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """One SQLite file shared by the bot and the command line (WAL: readers never wait for the writer)."""

    def __init__(self, path: Path | str, *, busy_timeout: float = 5.0) -> None:
        """`busy_timeout`: seconds a write waits for another process's write to finish; the bot keeps it
        short, since waiting blocks every chat, and retries what could not be written later."""
        self.path = None if str(path) == ":memory:" else Path(path)
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.db = Database(path)
            # Before anything else: several processes may open a new file at once, and must wait, not fail.
            self.db.execute(f"PRAGMA busy_timeout = {max(int(busy_timeout * 1000), CREATION_WAIT_MS)}")
            self.db.enable_wal()
            # In WAL mode NORMAL still survives a crash of the process (kill -9): only a power loss can
            # drop the last commits. FULL would fsync every small write, and the outbox writes two per alert.
            self.db.execute("PRAGMA synchronous = NORMAL")
        else:
            self.db = Database(memory=True)
        self.db.execute("PRAGMA foreign_keys = ON")
        self._migrate()
        self.db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")

    def _migrate(self) -> None:
        """Bring the schema up to date under the write lock, deciding what is pending only once it is held:
        two processes starting on a new file would otherwise both create the same tables."""
        if not migrations.pending(self.db):
            return
        with self.transaction():
            migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    @staticmethod
    def is_busy(error: sqlite3.OperationalError) -> bool:
        """Another connection holds the write lock (`database is locked`), as opposed to a real fault."""
        return "locked" in str(error) or "busy" in str(error)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested blocks become savepoints. The outermost takes the write lock at once
        (BEGIN IMMEDIATE), so two processes never deadlock upgrading a read to a write."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        self.db.execute("COMMIT")

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
        sources: Sequence[Source] = (),
        reindexed: Sequence[tuple[str, IndexFields]] = (),
        content_hash: str,
    ) -> list[Entry]:
        """Swap in a new base from files in one transaction; entries added by other means stay.

        Records each added, changed and removed entry in the history, and returns the added ones.
        """
        now = _now()
        with self.transaction():
            before = {
                row[0]: row[1] for row in self.db.execute("SELECT id, data FROM entries WHERE origin = ?", [FILES])
            }
            after = {e.id: e.model_dump_json(exclude_defaults=True) for e, _ in entries}
            added = [e for e, _ in entries if e.id not in before]
            for entry_id in sorted(before.keys() | after.keys()):
                old, new = before.get(entry_id), after.get(entry_id)
                if old != new:
                    action = "add" if old is None else "remove" if new is None else "edit"
                    self._record(entry_id, action, FILES, now, before=old, after=new)
            self.db.execute("DELETE FROM ranking_rows")
            self.db.execute("DELETE FROM rankings WHERE origin = ?", [FILES])
            self.db.execute("DELETE FROM requests WHERE origin = ?", [FILES])
            self.db.execute("DELETE FROM entries WHERE origin = ?", [FILES])
            self.db.execute("DELETE FROM words")
            self.add_words(words)
            self.db.execute("DELETE FROM sources WHERE origin = ?", [FILES])
            self.add_sources(sources, origin=FILES)
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
                    entry_id, {"q": fields.q, "x": fields.x, "b": fields.b, "tags": fields.tags, "v": fields.v}
                )
            self.db.execute("DELETE FROM terms")
            self._count_terms([f for _, f in entries] + [f for _, f in reindexed], +1)
            self.set_meta("aliases", aliases.model_dump_json())
            self.set_meta("knowledge_hash", content_hash)
        return added

    def _count_terms(self, fields: Iterable[IndexFields], sign: int) -> None:
        """Add (or with sign -1 remove) the entries' terms to the document frequencies."""
        counts: Counter[str] = Counter()
        for f in fields:
            counts.update(set(f.q.split()) | set(f.x.split()) | set(f.b.split()))
        counts.pop(QUESTION_SEPARATOR.strip(), None)
        self.db.conn.executemany(
            "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            [(term, sign * n) for term, n in counts.items()],
        )
        if sign < 0:
            self.db.execute("DELETE FROM terms WHERE df <= 0")

    def _fields(self, entry_id: str) -> IndexFields:
        row = self.db.execute("SELECT q, x, b, tags, v FROM entries WHERE id = ?", [entry_id]).fetchone()
        q, x, b, tags = (value or "" for value in row[:4])
        return IndexFields(q, x, b, tags, v=row[4] or b"")

    # entries added, changed and removed by maintainers

    def _record(
        self, entry_id: str, action: str, actor: str, at: str, *, before: str | None, after: str | None
    ) -> None:
        self.db.table("changes").insert(
            {"entry_id": entry_id, "action": action, "actor": actor, "at": at, "before": before, "after": after}
        )

    def origin(self, entry_id: str) -> str | None:
        row = self.db.execute("SELECT origin FROM entries WHERE id = ?", [entry_id]).fetchone()
        return None if row is None else str(row[0])

    def add_entries(
        self, items: Sequence[tuple[Entry, IndexFields]], *, origin: str, actor: str, words: dict[str, str]
    ) -> None:
        """Add new entries in one transaction; an id that exists already changes nothing and raises."""
        now = _now()
        with self.transaction():
            taken = sorted(self.entries(e.id for e, _ in items))
            if taken:
                raise EntryExists(taken)
            self.db.table("entries").insert_all(
                (self._entry_row(e, f, origin, now) for e, f in items), pk="id", batch_size=1000
            )
            self.db.table("changes").insert_all(
                (
                    {"entry_id": e.id, "action": "add", "actor": actor, "at": now, "after": e.model_dump_json()}
                    for e, _ in items
                ),
                batch_size=1000,
            )
            self._count_terms((f for _, f in items), +1)
            self.add_words(words)

    def replace_entry(self, entry: Entry, fields: IndexFields, *, actor: str, words: dict[str, str]) -> Entry:
        """Replace an entry that maintainers added (not one from the reviewed files); returns the old one."""
        with self.transaction():
            old = self._editable(entry.id)
            origin = self.origin(entry.id) or ""
            now = _now()
            self._count_terms([self._fields(entry.id)], -1)
            self._count_terms([fields], +1)
            self.db.table("entries").upsert(self._entry_row(entry, fields, origin, now), pk="id")
            self._record(entry.id, "edit", actor, now, before=old.model_dump_json(), after=entry.model_dump_json())
            self.add_words(words)
        return old

    def remove_entry(self, entry_id: str, *, actor: str) -> Entry:
        with self.transaction():
            old = self._editable(entry_id)
            self._count_terms([self._fields(entry_id)], -1)
            self.db.execute("DELETE FROM entries WHERE id = ?", [entry_id])
            self.db.execute("DELETE FROM feedback WHERE entry_id = ?", [entry_id])
            if old.request_id is not None and entry_id == f"fds-{old.request_id}":
                # An imported request taken out of the base is no longer watched (or re-imported by the watch).
                self.db.execute("DELETE FROM watches WHERE request_id = ?", [old.request_id])
                self.db.execute("DELETE FROM requests WHERE id = ? AND origin != ?", [old.request_id, FILES])
            self._record(entry_id, "remove", actor, _now(), before=old.model_dump_json(), after=None)
        return old

    def _editable(self, entry_id: str) -> Entry:
        entry = self.entry(entry_id)
        if entry is None:
            raise NoSuchEntry(entry_id)
        if self.origin(entry_id) == FILES:
            raise ReadOnlyEntry(entry_id)
        return entry

    def history(self, entry_id: str) -> list[Change]:
        rows = self.db.execute(
            "SELECT action, actor, at, before, after FROM changes WHERE entry_id = ? ORDER BY id", [entry_id]
        ).fetchall()
        return [
            Change(
                entry_id=entry_id,
                action=row[0],
                actor=row[1],
                at=row[2],
                before=Entry.model_validate_json(row[3]) if row[3] else None,
                after=Entry.model_validate_json(row[4]) if row[4] else None,
            )
            for row in rows
        ]

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
            "v": fields.v,
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

    def entries_with_source(self, url: str) -> list[Entry]:
        rows = self.db.execute("SELECT data FROM entries WHERE json_extract(data, '$.source_url') = ?", [url])
        return [Entry.model_validate_json(row[0]) for row in rows.fetchall()]

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

    # imported FOI requests and the watch list

    def upsert_request(self, request: FoiRequest, *, origin: str) -> None:
        with self.transaction():
            self.db.table("requests").upsert(
                {"id": request.id, "origin": origin, "data": request.model_dump_json()}, pk="id"
            )

    def request_origin(self, request_id: int) -> str | None:
        row = self.db.execute("SELECT origin FROM requests WHERE id = ?", [request_id]).fetchone()
        return None if row is None else str(row[0])

    def watch(self, request_id: int, *, actor: str, seen: Sequence[int]) -> None:
        with self.transaction():
            self.db.table("watches").upsert(
                {"request_id": request_id, "added_by": actor, "added_at": _now(), "seen": json.dumps(list(seen))},
                pk="request_id",
            )

    def unwatch(self, request_id: int) -> bool:
        with self.transaction():
            return self.db.execute("DELETE FROM watches WHERE request_id = ?", [request_id]).rowcount > 0

    def watches(self) -> list[Watch]:
        rows = self.db.execute("SELECT request_id, seen, checked_at FROM watches ORDER BY request_id").fetchall()
        return [Watch(row[0], tuple(json.loads(row[1])), row[2]) for row in rows]

    def mark_checked(self, request_id: int, seen: Sequence[int]) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE watches SET seen = ?, checked_at = ? WHERE request_id = ?",
                [json.dumps(list(seen)), _now(), request_id],
            )

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

    # data safety and privacy

    def integrity(self, *, full: bool = True) -> list[str]:
        """What SQLite finds wrong with the file (`PRAGMA integrity_check`, or the faster `quick_check` that
        skips comparing indexes with their tables); empty when it is sound."""
        pragma = "integrity_check" if full else "quick_check"
        found = [str(row[0]) for row in self.db.execute(f"PRAGMA {pragma}").fetchall()]
        return [] if found == ["ok"] else found

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole store while others keep reading and writing (SQLite online backup),
        written under a temporary name and renamed into place, so a failed backup leaves no half a file.
        BackupRefused for a target that is the store itself or its `-wal`/`-shm` file."""
        if self.path is not None:
            live = [Path(f"{self.path}{suffix}") for suffix in ("", "-wal", "-shm")]
            if target.resolve() in {f.resolve() for f in live} or any(
                f.exists() and target.exists() and os.path.samefile(f, target) for f in live
            ):
                raise BackupRefused(f"{target} is the database itself (or its -wal/-shm file); choose another path")
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        destination = sqlite3.connect(partial)
        try:
            self.db.conn.backup(destination)
            destination.close()
            os.replace(partial, target)
        finally:
            destination.close()
            partial.unlink(missing_ok=True)

    def forget_user(self, user_id: int) -> dict[str, int]:
        """Delete what the store holds about one Telegram user; how many rows of each kind."""
        removed: dict[str, int] = {}
        with self.transaction():
            for name, sql in (
                ("feedback", "DELETE FROM feedback WHERE user_id = ?"),
                ("unanswered questions", "DELETE FROM unanswered WHERE user_id = ?"),
                ("private subscriptions", "DELETE FROM subscriptions WHERE chat_id = ?"),
                ("private alerts", "DELETE FROM outbox WHERE chat_id = ?"),
                ("group subscriptions made", "UPDATE subscriptions SET created_by = NULL WHERE created_by = ?"),
            ):
                removed[name] = self.db.execute(sql, [user_id]).rowcount
            removed["changes attributed"] = self.db.execute(
                "UPDATE changes SET actor = 'telegram:forgotten' WHERE actor = ?", [f"telegram:{user_id}"]
            ).rowcount
        return removed

    def prune_unanswered(self, before: str) -> int:
        """Delete unanswered questions asked before an ISO date (retention)."""
        with self.transaction():
            return int(self.db.execute("DELETE FROM unanswered WHERE at < ?", [before]).rowcount)

    # search support

    def add_words(self, words: dict[str, str]) -> None:
        """Remember how words are written, for typo correction on what people type."""
        self.db.table("words").upsert_all(
            ({"word": w, "token": t} for w, t in words.items()), pk="word", batch_size=5000
        )

    def add_sources(self, sources: Iterable[Source], *, origin: str) -> None:
        """Name documents for citations; a name from the knowledge files is never replaced by an import's."""
        rows = [{"url": s.url, "origin": origin, "data": s.model_dump_json(exclude_none=True)} for s in sources]
        if origin == FILES:
            self.db.table("sources").upsert_all(rows, pk="url")
        else:
            self.db.table("sources").insert_all(rows, pk="url", ignore=True)

    def sources(self) -> list[Source]:
        return [Source.model_validate_json(row[0]) for row in self.db.execute("SELECT data FROM sources")]

    def words(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT word, token FROM words").fetchall())

    def words_containing(self, part: str, limit: int) -> list[str]:
        """Written words that contain `part` (letters only, three or more), by the trigram index."""
        if len(part) < 3 or not part.isalpha():
            return []
        rows = self.db.execute(
            "SELECT word FROM words_fts WHERE words_fts MATCH ? LIMIT ?", [f'"{part}"', limit]
        ).fetchall()
        return [str(row[0]) for row in rows]

    def vocabulary(self) -> dict[str, int]:
        """Document frequency of every term of the questions and bodies."""
        return dict(self.db.execute("SELECT term, df FROM terms").fetchall())

    def candidates(self, match: str, limit: int, *, ranked: bool = True) -> list[CandidateRow]:
        """Entries for an FTS5 MATCH expression: the best `limit` by BM25 (questions weighted over body), or,
        unranked, the first `limit` matches, which saves scoring when all matches fit anyway."""
        order = " ORDER BY bm25(entries_fts, 4.0, 2.0, 1.0, 0.0)" if ranked else ""
        rows = self.db.execute(
            "SELECT e.id, e.q, e.x, e.b, e.tags, e.v FROM entries_fts f JOIN entries e ON e.rowid = f.rowid "
            f"WHERE entries_fts MATCH ?{order} LIMIT ?",
            [match, limit],
        ).fetchall()
        return [CandidateRow(*row) for row in rows]
