"""The knowledge: entries with their search index columns, FOI requests and their watch list, rankings and their
rows, named sources, written words and term counts. Every change of an entry is recorded in the history."""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.models import Aliases, Entry, FoiRequest, Kind, Lang, Ranking, RankingRow, Source
from bot.storage.database import Database, Part, now
from bot.storage.history import History, Record

FILES = "files"
# The search index columns of `entries`: normalised texts (searched with FTS5), then the vector of the meaning.
TEXT_COLUMNS = ("question_terms", "question_parts", "body_terms", "tags", "phrasing_terms")
INDEX_COLUMNS = (*TEXT_COLUMNS, "vector")
# The columns a question's words are searched in (the tags hold the slots), and each text column's weight in the
# BM25 order of candidates: questions over their parts over body and phrasings.
WORD_COLUMNS = tuple(c for c in TEXT_COLUMNS if c != "tags")
_BM25_WEIGHTS = {"question_terms": 4.0, "question_parts": 2.0, "body_terms": 1.0, "tags": 0.0, "phrasing_terms": 1.0}
_BM25 = "bm25(entries_fts, " + ", ".join(str(_BM25_WEIGHTS[c]) for c in TEXT_COLUMNS) + ")"
QUESTION_SEPARATOR = " | "  # between an entry's questions in `question_terms`; `|` is not a term


@dataclass(frozen=True)
class IndexFields:
    """Normalised text of an entry for search: the terms of its questions, the parts of their compounds, the terms
    of its body (with their parts), its slot tags, the terms of its phrasings (each with its parts, separated like
    the questions)."""

    question_terms: str
    question_parts: str
    body_terms: str
    tags: str
    vector: bytes = b""  # of its meaning (float16), see bot/understand/semantic.py
    # The terms of each passage, in order (a table of their own, not columns of `entries`); empty when read back.
    passage_terms: tuple[str, ...] = ()
    # Searched like the body, but not counted in the document frequencies: a base rich in phrasings of "Wer war
    # Sieger?" would make "Sieger" too common to select, and words no text of the base writes known.
    phrasing_terms: str = ""

    @classmethod
    def of_row(cls, row: Mapping[str, Any]) -> IndexFields:
        """The fields as a row of `entries` holds them (a column may be NULL)."""
        return cls.of_values([row[name] for name in INDEX_COLUMNS])

    @classmethod
    def of_values(cls, values: Sequence[Any]) -> IndexFields:
        """The fields from a row's values in the order of `INDEX_COLUMNS` (a column may be NULL)."""
        question_terms, question_parts, body_terms, tags, phrasing_terms, vector = values
        return cls(
            question_terms or "",
            question_parts or "",
            body_terms or "",
            tags or "",
            vector=vector or b"",
            phrasing_terms=phrasing_terms or "",
        )

    def columns(self) -> dict[str, str | bytes]:
        """The fields as columns of `entries`."""
        return {column: getattr(self, column) for column in INDEX_COLUMNS}


@dataclass(frozen=True, eq=False)
class PassageHit:
    """A passage a search of the passage index found: its entry, its place in the entry, its text and address."""

    entry_id: str
    position: int
    text: str
    source_url: str | None
    terms: frozenset[str]  # its normalised words, as indexed

    @functools.cached_property
    def ordered_terms(self) -> tuple[str, ...]:
        return tuple(sorted(self.terms))


@dataclass(frozen=True)
class EntryHead:
    """What a list of entries shows of each, read without its passages."""

    id: str
    title: str
    answer: str
    answer_en: str | None
    source_url: str
    passages: int

    def answer_in(self, lang: Lang) -> str:
        return self.answer_en if lang == "en" and self.answer_en else self.answer


@dataclass(frozen=True)
class Watch:
    """A FragDenStaat request re-read on a schedule; `seen` are the response messages already imported."""

    request_id: int
    seen: tuple[int, ...]
    checked_at: str | None


@dataclass(frozen=True)
class SeriesWatch:
    """A series of FragDenStaat requests whose new requests are imported and watched."""

    project: int
    checked_at: str | None


class EntryExists(Exception):
    def __init__(self, ids: Sequence[str]) -> None:
        super().__init__(f"these ids exist already: {', '.join(ids)}")
        self.ids = list(ids)


class NoSuchEntry(Exception):
    def __init__(self, entry_id: str) -> None:
        super().__init__(f"no entry with id {entry_id!r}")
        self.entry_id = entry_id


class ReadOnlyEntry(Exception):
    def __init__(self, entry_id: str) -> None:
        super().__init__(f"entry {entry_id!r} comes from the knowledge files: change it there (reviewed in git)")
        self.entry_id = entry_id


def _passage_hit(row: Mapping[str, Any]) -> PassageHit:
    passage = json.loads(row["p"]) if row["p"] else {}
    terms = frozenset(row["terms"].split())
    return PassageHit(row["entry_id"], row["position"], passage.get("text", ""), passage.get("source_url"), terms)


def entry_row(entry: Entry, fields: IndexFields, origin: str, at: str) -> dict[str, Any]:
    """An entry as a row of `entries`."""
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "origin": origin,
        "title": entry.title,
        "data": entry.model_dump_json(exclude_defaults=True),
        **fields.columns(),
        "updated_at": at,
    }


class Knowledge(Part):
    """What the bot answers from; written by the knowledge files, the command line, the chat and imports."""

    def __init__(self, database: Database, history: History) -> None:
        super().__init__(database)
        self.history = history

    # the base from the knowledge files

    def content_hash(self) -> str | None:
        """What the base was last built from (see bot/service.py: sync_knowledge)."""
        return self._meta("knowledge_hash")

    def aliases(self) -> Aliases:
        raw = self._meta("aliases")
        return Aliases.model_validate_json(raw) if raw else Aliases()

    def language_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words only the base's English texts write and those its German ones write far more often, as the
        last build from the files found them (see `bot.understand.language.base_vocabulary`); none before one."""
        raw = self._meta("language_words")
        if not raw:
            return frozenset(), frozenset()
        words = json.loads(raw)
        return frozenset(words["en"]), frozenset(words["de"])

    def spellings(self) -> dict[str, str]:
        """How the base writes its words with umlauts or ß, by their folded forms, as the last build from the files
        found them (see `bot.understand.spelling.umlaut_spellings`); none before one."""
        raw = self._meta("spellings")
        return dict(json.loads(raw)) if raw else {}

    def _meta(self, key: str) -> str | None:
        return self._one("meta", "value", "key = ?", key)

    def _one(self, table: str, column: str, where: str, *args: object) -> str | None:
        """A text column of the first row that matches, None if none does."""
        row = next(self.db.table(table).rows_where(where, args, select=column, limit=1), None)
        return None if row is None else str(row[column])

    def _set_meta(self, key: str, value: str) -> None:
        self.db.table("meta").upsert({"key": key, "value": value}, pk="key")

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
        language_words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
        spellings: Mapping[str, str] | None = None,
    ) -> list[Entry]:
        """Swap in a new base from files in one transaction; entries added by other means stay.

        Records each added, changed and removed entry in the history, and returns the added ones.
        """
        at = now()
        with self.transaction():
            stored = self.db.table("entries").rows_where("origin = ?", [FILES], select="id, data")
            before = {r["id"]: r["data"] for r in stored}
            after = {e.id: e.model_dump_json(exclude_defaults=True) for e, _ in entries}
            added = [e for e, _ in entries if e.id not in before]
            changes = []
            for entry_id in sorted(before.keys() | after.keys()):
                old, new = before.get(entry_id), after.get(entry_id)
                if old != new:
                    action = "add" if old is None else "remove" if new is None else "edit"
                    changes.append(Record(entry_id, action, FILES, at, before=old, after=new))
            self.history.record(changes)
            self.db.table("ranking_rows").delete_where()
            for table in ("rankings", "requests", "entries"):
                self.db.table(table).delete_where("origin = ?", [FILES])
            self.db.table("words").delete_where()
            self.add_words(words)
            self.db.table("sources").delete_where("origin = ?", [FILES])
            self.add_sources(sources, origin=FILES)
            self.db.table("rankings").insert_all(
                ({"id": r.id, "origin": FILES, "data": r.model_dump_json()} for r in rankings), pk="id"
            )
            self.db.table("requests").insert_all(
                ({"id": r.id, "origin": FILES, "data": r.model_dump_json()} for r in requests), pk="id"
            )
            self.db.table("ranking_rows").insert_all((row.model_dump(mode="json") for row in rows), batch_size=1000)
            self.db.table("entries").insert_all(
                (entry_row(e, f, FILES, at) for e, f in entries), pk="id", batch_size=1000
            )
            for entry_id, fields in reindexed:
                self.db.table("entries").update(entry_id, fields.columns())
            self.db.execute("DELETE FROM passage_terms WHERE entry_id NOT IN (SELECT id FROM entries)")
            self._index_passages([(e.id, f) for e, f in entries] + list(reindexed))
            self.db.table("terms").delete_where()
            self._count_terms([f for _, f in entries] + [f for _, f in reindexed], +1)
            self._set_meta("aliases", aliases.model_dump_json())
            english, german = language_words
            self._set_meta("language_words", json.dumps({"en": sorted(english), "de": sorted(german)}))
            self._set_meta("spellings", json.dumps(dict(sorted((spellings or {}).items())), ensure_ascii=False))
            self._set_meta("knowledge_hash", content_hash)
        return added

    def _count_terms(self, fields: Iterable[IndexFields], sign: int) -> None:
        """Add (or with sign -1 remove) the entries' terms to the document frequencies; not their phrasings'
        (see `IndexFields`)."""
        counts: Counter[str] = Counter()
        for f in fields:
            counts.update(set(f.question_terms.split()) | set(f.question_parts.split()) | set(f.body_terms.split()))
        counts.pop(QUESTION_SEPARATOR.strip(), None)
        self.db.conn.executemany(
            "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            [(term, sign * n) for term, n in counts.items()],
        )
        if sign < 0:
            self.db.table("terms").delete_where("df <= 0")

    def _index_passages(self, items: Sequence[tuple[str, IndexFields]]) -> None:
        """The passages' terms of these entries, replacing what was indexed for them."""
        self.db.conn.executemany("DELETE FROM passage_terms WHERE entry_id = ?", [(entry_id,) for entry_id, _ in items])
        self.db.table("passage_terms").insert_all(
            (
                {"entry_id": entry_id, "position": position, "terms": terms}
                for entry_id, fields in items
                for position, terms in enumerate(fields.passage_terms)
            ),
            batch_size=1000,
        )

    def _fields(self, entry_id: str) -> IndexFields:
        row = next(self.db.table("entries").rows_where("id = ?", [entry_id], select=", ".join(INDEX_COLUMNS)))
        return IndexFields.of_row(row)

    # entries added, changed and removed by maintainers

    def add_entries(
        self, items: Sequence[tuple[Entry, IndexFields]], *, origin: str, actor: str, words: dict[str, str]
    ) -> None:
        """Add new entries in one transaction; an id that exists already changes nothing and raises."""
        at = now()
        with self.transaction():
            taken = sorted(self.entries(e.id for e, _ in items))
            if taken:
                raise EntryExists(taken)
            self.db.table("entries").insert_all(
                (entry_row(e, f, origin, at) for e, f in items), pk="id", batch_size=1000
            )
            self.history.record(Record(e.id, "add", actor, at, after=e.model_dump_json()) for e, _ in items)
            self._index_passages([(e.id, f) for e, f in items])
            self._count_terms((f for _, f in items), +1)
            self.add_words(words)

    def replace_entry(self, entry: Entry, fields: IndexFields, *, actor: str, words: dict[str, str]) -> Entry:
        """Replace an entry that maintainers added (not one from the reviewed files); returns the old one."""
        with self.transaction():
            old = self._editable(entry.id)
            origin = self.origin(entry.id) or ""
            at = now()
            self._count_terms([self._fields(entry.id)], -1)
            self._count_terms([fields], +1)
            self.db.table("entries").upsert(entry_row(entry, fields, origin, at), pk="id")
            self._index_passages([(entry.id, fields)])
            self.history.record(
                [Record(entry.id, "edit", actor, at, before=old.model_dump_json(), after=entry.model_dump_json())]
            )
            self.add_words(words)
        return old

    def remove_entry(self, entry_id: str, *, actor: str) -> Entry:
        """Remove an entry that maintainers added; returns it. Its votes are people's data: the caller removes
        them in the same transaction."""
        with self.transaction():
            old = self._editable(entry_id)
            self._count_terms([self._fields(entry_id)], -1)
            self.db.table("entries").delete(entry_id)
            self.db.table("passage_terms").delete_where("entry_id = ?", [entry_id])
            if old.request_id is not None and entry_id == f"fds-{old.request_id}":
                # An imported request taken out of the base is no longer watched (or re-imported by the watch).
                self.db.table("watches").delete_where("request_id = ?", [old.request_id])
                self.db.table("requests").delete_where("id = ? AND origin != ?", [old.request_id, FILES])
            self.history.record([Record(entry_id, "remove", actor, now(), before=old.model_dump_json())])
        return old

    def _editable(self, entry_id: str) -> Entry:
        entry = self.entry(entry_id)
        if entry is None:
            raise NoSuchEntry(entry_id)
        if self.origin(entry_id) == FILES:
            raise ReadOnlyEntry(entry_id)
        return entry

    # entries

    def entry(self, entry_id: str) -> Entry | None:
        data = self._one("entries", "data", "id = ?", entry_id)
        return None if data is None else Entry.model_validate_json(data)

    def has_tagged(self, tag: str, any_of: Sequence[str]) -> bool:
        """Whether an entry carries the index tag `tag` and one of `any_of` (`xrhaselhorst`, `xy2023`)."""
        if not any_of:
            return False
        match = f"tags : {tag} AND tags : ({' OR '.join(any_of)})"
        return bool(list(self.db.query("SELECT 1 FROM entries_fts WHERE entries_fts MATCH ? LIMIT 1", [match])))

    def entries(self, ids: Iterable[str]) -> dict[str, Entry]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        rows = self.db.query(f"SELECT id, data FROM entries WHERE id IN ({','.join('?' * len(wanted))})", wanted)
        return {row["id"]: Entry.model_validate_json(row["data"]) for row in rows}

    def heads(self, ids: Iterable[str]) -> dict[str, EntryHead]:
        """The stored entries among `ids` as a list shows them, by id: an imported letter's passages are many."""
        rows = self.db.query(
            "SELECT id, title, json_extract(data, '$.answer') AS answer, json_extract(data, '$.answer_en') AS en, "
            "json_extract(data, '$.source_url') AS url, json_array_length(data, '$.passages') AS passages "
            "FROM entries WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(ids))],
        )
        return {
            r["id"]: EntryHead(r["id"], r["title"], r["answer"], r["en"], r["url"], r["passages"] or 0) for r in rows
        }

    def _entries_where(self, where: str | None, args: Sequence[object], order_by: str | None = None) -> list[Entry]:
        rows = self.db.table("entries").rows_where(where, args, order_by=order_by, select="data")
        return [Entry.model_validate_json(row["data"]) for row in rows]

    def entries_with_source(self, url: str) -> list[Entry]:
        return self._entries_where("json_extract(data, '$.source_url') = ?", [url])

    def request_entries(self, request_id: int) -> list[Entry]:
        """The entries quoting one request's answer, by id."""
        return self._entries_where("json_extract(data, '$.request_id') = ?", [request_id], order_by="id")

    def all_entries(self, kind: Kind | None = None) -> list[Entry]:
        where, args = ("kind = ?", [kind.value]) if kind is not None else (None, [])
        return self._entries_where(where, args, order_by="id")

    def origin(self, entry_id: str) -> str | None:
        """Where an entry came from: `files`, or how it was added (`cli`, `chat`, `import`)."""
        return self._one("entries", "origin", "id = ?", entry_id)

    def origins(self) -> dict[str, str]:
        """The origin of every entry."""
        return {r["id"]: r["origin"] for r in self.db.table("entries").rows_where(select="id, origin")}

    def count_entries(self) -> int:
        return self.db.table("entries").count

    def count_by_kind(self) -> dict[Kind, int]:
        """How many entries of each kind (the kinds the base has none of included)."""
        rows = self.db.query("SELECT kind, count(*) AS n FROM entries GROUP BY kind")
        return dict.fromkeys(Kind, 0) | {Kind(r["kind"]): int(r["n"]) for r in rows}

    # FOI requests and the watch list

    def requests(self) -> list[FoiRequest]:
        return [
            FoiRequest.model_validate_json(r["data"])
            for r in self.db.table("requests").rows_where(order_by="id", select="data")
        ]

    def request(self, request_id: int) -> FoiRequest | None:
        data = self._one("requests", "data", "id = ?", request_id)
        return FoiRequest.model_validate_json(data) if data is not None else None

    def default_request(self) -> int | None:
        """The id of the request a question naming no body means (`default: true` in its file), if any."""
        found = self._one("requests", "id", "json_extract(data, '$.default') = 1")
        return int(found) if found is not None else None

    def requests_in_series(self, project: int) -> list[FoiRequest]:
        """The stored requests of one series (froide's project), by id."""
        rows = self.db.table("requests").rows_where(
            "json_extract(data, '$.project') = ?", [project], order_by="id", select="data"
        )
        return [FoiRequest.model_validate_json(r["data"]) for r in rows]

    def stored_requests(self, ids: Iterable[int]) -> set[int]:
        """Those of `ids` that are stored requests (from the files or imported)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self.db.query(f"SELECT id FROM requests WHERE id IN ({','.join('?' * len(wanted))})", wanted)
        return {int(row["id"]) for row in rows}

    def count_requests(self) -> int:
        return self.db.table("requests").count

    def upsert_request(self, request: FoiRequest, *, origin: str) -> None:
        with self.transaction():
            self.db.table("requests").upsert(
                {"id": request.id, "origin": origin, "data": request.model_dump_json()}, pk="id"
            )

    def request_origin(self, request_id: int) -> str | None:
        return self._one("requests", "origin", "id = ?", request_id)

    def watch(self, request_id: int, *, actor: str, seen: Sequence[int]) -> None:
        with self.transaction():
            self.db.table("watches").upsert(
                {"request_id": request_id, "added_by": actor, "added_at": now(), "seen": json.dumps(list(seen))},
                pk="request_id",
            )

    def unwatch(self, request_id: int) -> bool:
        return self._write("DELETE FROM watches WHERE request_id = ?", [request_id]) > 0

    def watches(self) -> list[Watch]:
        rows = self.db.table("watches").rows_where(order_by="request_id")
        return [Watch(r["request_id"], tuple(json.loads(r["seen"])), r["checked_at"]) for r in rows]

    def mark_checked(self, request_id: int, seen: Sequence[int]) -> None:
        self._write(
            "UPDATE watches SET seen = ?, checked_at = ? WHERE request_id = ?",
            [json.dumps(list(seen)), now(), request_id],
        )

    def watch_series(self, project: int, *, actor: str) -> None:
        with self.transaction():
            self.db.table("series_watches").upsert(
                {"project": project, "added_by": actor, "added_at": now()}, pk="project"
            )

    def unwatch_series(self, project: int) -> bool:
        return self._write("DELETE FROM series_watches WHERE project = ?", [project]) > 0

    def series_watches(self) -> list[SeriesWatch]:
        rows = self.db.table("series_watches").rows_where(order_by="project")
        return [SeriesWatch(r["project"], r["checked_at"]) for r in rows]

    def mark_series_checked(self, project: int) -> None:
        self._write("UPDATE series_watches SET checked_at = ? WHERE project = ?", [now(), project])

    # rankings

    def rankings(self) -> list[Ranking]:
        return [
            Ranking.model_validate_json(r["data"])
            for r in self.db.table("rankings").rows_where(order_by="id", select="data")
        ]

    def ranking_rows(self, ranking: str | None = None, city: str | None = None) -> list[RankingRow]:
        wanted = {"ranking": ranking, "city": city}
        where = " AND ".join(f"{column} = :{column}" for column, value in wanted.items() if value is not None)
        rows = self.db.table("ranking_rows").rows_where(where or None, wanted, order_by="id")
        return [RankingRow.model_validate({k: v for k, v in r.items() if k != "id" and v is not None}) for r in rows]

    def ranking_years(self, ranking: str) -> list[int]:
        """The years a ranking has rows for, oldest first."""
        rows = self.db.query("SELECT DISTINCT year FROM ranking_rows WHERE ranking = ? ORDER BY year", [ranking])
        return [int(r["year"]) for r in rows]

    def count_ranking_rows(self) -> int:
        return self.db.table("ranking_rows").count

    # sources

    def add_sources(self, sources: Iterable[Source], *, origin: str) -> None:
        """Name documents for citations; a name from the knowledge files is never replaced by an import's."""
        rows = [{"url": s.url, "origin": origin, "data": s.model_dump_json(exclude_none=True)} for s in sources]
        if origin == FILES:
            self.db.table("sources").upsert_all(rows, pk="url")
        else:
            self.db.table("sources").insert_all(rows, pk="url", ignore=True)

    def sources(self) -> list[Source]:
        return [Source.model_validate_json(r["data"]) for r in self.db.table("sources").rows_where(select="data")]

    def source(self, url: str) -> Source | None:
        # One statement, not a sqlite-utils table call: a reply citing a letter names each of its pages.
        row = self.db.execute("SELECT data FROM sources WHERE url = ?", [url]).fetchone()
        return Source.model_validate_json(row[0]) if row is not None else None

    # search support

    def add_words(self, words: dict[str, str]) -> None:
        """Remember how words are written, for typo correction on what people type."""
        # A word already known with the same token is left alone: rewriting it would re-index its trigrams
        # (the words' full-text index), which made this most of the time of a long import.
        with self.transaction():
            self.db.conn.executemany(
                "INSERT INTO words (word, token) VALUES (?, ?) "
                "ON CONFLICT(word) DO UPDATE SET token = excluded.token WHERE token != excluded.token",
                list(words.items()),
            )

    def words(self) -> dict[str, str]:
        return {r["word"]: r["token"] for r in self.db.table("words").rows_where(select="word, token")}

    def words_containing(self, part: str, limit: int) -> list[str]:
        """Written words that contain `part` (letters only, three or more), by the trigram index."""
        if len(part) < 3 or not part.isalpha():
            return []
        rows = self.db.query("SELECT word FROM words_fts WHERE words_fts MATCH ? LIMIT ?", [f'"{part}"', limit])
        return [str(r["word"]) for r in rows]

    def vocabulary(self) -> dict[str, int]:
        """Document frequency of every term of the questions and bodies."""
        return {r["term"]: r["df"] for r in self.db.table("terms").rows_where(select="term, df")}

    def passages_matching(self, match: str, entry_ids: Sequence[str], limit: int) -> list[PassageHit]:
        """The first `limit` passages of these entries that an FTS5 MATCH expression finds, in the index's order:
        ranking every match of a question's common words would cost more than the search."""
        rows = self.db.query(
            "SELECT first.entry_id, first.position, first.terms, "
            "json_extract(e.data, '$.passages[' || first.position || ']') AS p "
            "FROM (SELECT t.entry_id, t.position, t.terms FROM passage_terms_fts f "
            "JOIN passage_terms t ON t.rowid = f.rowid "
            "WHERE passage_terms_fts MATCH ? AND t.entry_id IN (SELECT value FROM json_each(?)) LIMIT ?) AS first "
            "JOIN entries e ON e.id = first.entry_id",
            [match, json.dumps(list(entry_ids)), limit],
        )
        return [_passage_hit(r) for r in rows]

    def passages_of(self, entry_ids: Sequence[str]) -> list[PassageHit]:
        """Every passage of a few entries, in order (a search of the whole index would be slower for them)."""
        rows = self.db.query(
            "SELECT t.entry_id, t.position, t.terms, json_extract(e.data, '$.passages[' || t.position || ']') AS p "
            "FROM passage_terms t JOIN entries e ON e.id = t.entry_id "
            "WHERE t.entry_id IN (SELECT value FROM json_each(?)) ORDER BY t.entry_id, t.position",
            [json.dumps(list(entry_ids))],
        )
        return [_passage_hit(r) for r in rows]

    def candidates(self, match: str, limit: int, *, ranked: bool = True) -> dict[str, IndexFields]:
        """Entries for an FTS5 MATCH expression, by id: the best `limit` by BM25 (questions weighted over body),
        or, unranked, the first `limit` matches, which saves scoring when all matches fit anyway."""
        order = f" ORDER BY {_BM25}" if ranked else ""
        rows = self.db.rows(
            f"SELECT e.id, {', '.join(f'e.{c}' for c in INDEX_COLUMNS)} FROM entries_fts f "
            "JOIN entries e ON e.rowid = f.rowid "
            f"WHERE entries_fts MATCH ?{order} LIMIT ?",
            [match, limit],
        )
        return {r[0]: IndexFields.of_values(r[1:]) for r in rows}
