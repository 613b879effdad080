"""The assembled core, the one facade every channel (CLI, Telegram) talks to: keeps the store in step with the
knowledge files, answers questions from it, and reads and changes what it holds."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ParamSpec, Protocol, Self, TypeVar

from bot.alerts import Alerts, entry_key, response_key
from bot.answer import Answerer, answer_from_entry
from bot.config import FETCH_DEADLINE, FETCH_TIMEOUT, Settings
from bot.folding import fold
from bot.importers.attachments import Unread
from bot.importers.fragdenstaat import (
    DEFAULT_API_URL,
    ApiRequest,
    FragDenStaatClient,
    FragDenStaatError,
    Reference,
    ReferenceKind,
    import_sources,
    response_ids,
    to_knowledge,
    unread_letters,
)
from bot.kb.export import export_knowledge
from bot.kb.loader import KnowledgeError, Problem, knowledge_hash, load_knowledge
from bot.kb.rankings import Standing
from bot.models import MAX_ID, Answer, Entry, FoiRequest, Kind, Lang, Ranking, Tags
from bot.search.ahead import IndexAhead
from bot.search.confidence import Calibration
from bot.search.engine import SearchEngine
from bot.search.index import index_entries
from bot.search.reach import Unreached, unreached
from bot.series import SeriesAnswers
from bot.sources import Citations
from bot.storage.database import is_busy
from bot.storage.history import Change
from bot.storage.knowledge import FILES, IndexFields, NoSuchEntry, SeriesWatch, Watch
from bot.storage.people import Unanswered, Votes
from bot.storage.store import Store
from bot.tables import Tables
from bot.understand import language, semantic
from bot.understand.lexicon import Lexicon
from bot.understand.normalize import Normalizer
from bot.understand.question import Understander
from bot.understand.spelling import umlaut_spellings

log = logging.getLogger(__name__)

IMPORT_ORIGIN = "import"
WATCH_ACTOR = "watch"


class ImportRefused(Exception):
    """The request may not be imported (it is curated in the reviewed files); nothing was written."""

    def __init__(self, request_id: int) -> None:
        super().__init__(f"request #{request_id} is curated in the knowledge files; change it there (reviewed in git)")
        self.request_id = request_id


class NotInSeries(Exception):
    """The request belongs to no series (froide's project), so there is no series to import or follow."""

    def __init__(self, request_id: int) -> None:
        super().__init__(f"request #{request_id} belongs to no series")
        self.request_id = request_id


@dataclass(frozen=True)
class ImportOutcome:
    """`needs_text`: letters without any text to quote (scans nobody read yet), for the maintainer."""

    entry: Entry
    created: bool
    changed: bool
    new_passages: int
    needs_text: tuple[Unread, ...] = ()


P = ParamSpec("P")
T = TypeVar("T")


class Runner(Protocol):
    """Where the store's work of an async caller runs: `await run(call, *args)`."""

    def __call__(self, call: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Awaitable[T]: ...


async def _here(call: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    return call(*args, **kwargs)


@dataclass(frozen=True)
class Indexed:
    """An entry with its index fields and written words, worked out before it is written."""

    entry: Entry
    fields: IndexFields
    words: dict[str, str]


@dataclass(frozen=True)
class _Pending:
    """A request of `import_all` fetched (or failed) and waiting to be written, its entry perhaps being indexed."""

    request_id: int
    detail: ApiRequest | FragDenStaatError
    entry: Entry | None = None
    indexing: Future[tuple[IndexFields, dict[str, str]]] | None = None


@dataclass(frozen=True)
class WatchCheck:
    """What re-reading one watched request came to: its changes (None: nothing changed), or why it failed.
    `series`: the followed series the request is new in; without `request_id`, reading the series failed."""

    request_id: int | None
    outcome: ImportOutcome | None = None
    error: Exception | None = None
    series: int | None = None


@dataclass(frozen=True)
class Stats:
    """How much the store holds: entries of each kind, FOI requests, ranking rows, unanswered questions, votes."""

    entries: dict[Kind, int]
    requests: int
    ranking_rows: int
    unanswered: int
    up: int
    down: int


_SHAPING_MODULES = (
    "folding.py",
    "messages/__init__.py",  # the sentences of the entries generated from the ranking tables
    "messages/fragdenstaat.py",  # the texts of imported requests' entries and sources
    "models.py",
    "kb/loader.py",
    "kb/rankings.py",
    "understand/normalize.py",
    "search/index.py",
)


@cache  # the running code does not change; the reload job asks every few seconds
def _code_version() -> str:
    """Hash of the code that shapes stored rows, so an upgrade of it rebuilds every store once."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for name in _SHAPING_MODULES:
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]


def announce(entries: Iterable[Entry]) -> list[tuple[str, Entry]]:
    """The alerts for newly added entries: FOI answers and facts, not the entries generated per table row
    (a new year of a ranking would otherwise send dozens of alerts at once)."""
    return [(entry_key(e.id), e) for e in entries if e.kind is not Kind.RANKING]


def sync_knowledge(store: Store, directory: Path, *, force: bool = False) -> bool:
    """Rebuild the store from the knowledge files if they changed; True if it rebuilt.

    A file with problems raises KnowledgeError before anything is written, so the previous store stays.
    """
    content_hash = f"{_code_version()}:{knowledge_hash(directory)}"
    knowledge = store.knowledge
    if not force and knowledge.content_hash() == content_hash:
        return False
    kb = load_knowledge(directory)
    normalizer = Normalizer(kb.aliases, kb.rankings)
    # Inside the write transaction: an entry another process adds meanwhile must be re-indexed too.
    with store.transaction():
        origins = knowledge.origins()
        clashes = [
            Problem(
                directory,
                1,
                f"entry {e.id!r} exists in the store, added by {origins[e.id]}: "
                f"remove it there (kb remove {e.id}) or give the file's entry another id",
            )
            for e in kb.entries
            if origins.get(e.id, FILES) != FILES
        ]
        clashes += [
            Problem(
                directory,
                1,
                f"FOI request #{r.id} was imported into the store: remove its entry "
                f"fds-{r.id} (kb remove fds-{r.id}) or drop the request file",
            )
            for r in kb.requests
            if knowledge.request_origin(r.id) not in (None, FILES)
        ]
        if clashes:
            raise KnowledgeError(clashes)
        others = [e for e in knowledge.all_entries() if origins.get(e.id) != FILES]
        every = [*kb.entries, *others]
        indexed, words = index_entries(every, normalizer)
        added = knowledge.replace_knowledge(
            entries=indexed[: len(kb.entries)],
            requests=kb.requests,
            rankings=kb.rankings,
            rows=kb.rows,
            aliases=kb.aliases,
            words=words,
            sources=kb.sources,
            reindexed=[(e.id, fields) for e, fields in indexed[len(kb.entries) :]],
            content_hash=content_hash,
            language_words=_language_words(every, kb.rankings),
            spellings=umlaut_spellings(t for e in every for t in _texts_of(e)),
        )
        Alerts(store, normalizer).enqueue(announce(added))
    log.info("knowledge rebuilt from %s: %d entries, %d ranking rows", directory, len(kb.entries), len(kb.rows))
    return True


def _language_words(entries: Sequence[Entry], rankings: Sequence[Ranking]) -> tuple[frozenset[str], frozenset[str]]:
    """The words only the base's English texts write, and those its German ones write far more often: its answers
    and titles in each language and its rankings' names (its questions mix the two)."""
    english = [t for e in entries for t in (e.answer_en or "", e.title_en or "")]
    german = [t for e in entries for t in (e.answer, e.title, *(p.text for p in e.passages))]
    return language.base_vocabulary(
        [*english, *(r.name_en or "" for r in rankings)], [*german, *(r.name for r in rankings)]
    )


def _texts_of(entry: Entry) -> list[str]:
    return [entry.title, entry.answer, *entry.questions, *(p.text for p in entry.passages)]


class FoiService:
    """What every channel (CLI, Telegram) talks to; closes its store when used as a context manager."""

    def __init__(
        self,
        store: Store,
        calibration: Calibration | None = None,
        knowledge_dir: Path | None = None,
        fragdenstaat_api_url: str = DEFAULT_API_URL,
        fetch_limits: tuple[float, float] = (FETCH_TIMEOUT, FETCH_DEADLINE),
    ) -> None:
        """`fetch_limits`: seconds for each call to FragDenStaat, and for all calls of one fetch together."""
        self.store = store
        self._deferred: list[Callable[[], None]] = []
        self.calibration = calibration or Calibration.load()
        self.knowledge_dir = knowledge_dir
        self.fragdenstaat_api_url = fragdenstaat_api_url
        self.fetch_timeout, self.fetch_deadline = fetch_limits
        self._batching = self._stale = False
        self.refresh()

    @classmethod
    def open(cls, settings: Settings, *, busy_timeout: float = 5.0, check: bool | None = None) -> FoiService:
        """The core over the settings' database, brought up to date with the knowledge files (KnowledgeError if
        they have problems). `check`: SQLite's integrity check first (see Database). The database is closed again if
        anything fails."""
        store = Store(settings.database_path, busy_timeout=busy_timeout, check=check)
        try:
            sync_knowledge(store, settings.knowledge_dir)
            return cls(
                store,
                knowledge_dir=settings.knowledge_dir,
                fragdenstaat_api_url=settings.fragdenstaat_api_url,
                fetch_limits=(settings.fragdenstaat_timeout, settings.fragdenstaat_deadline),
            )
        except BaseException:
            store.close()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @staticmethod
    def warm_up() -> None:
        """Load the language models and word vectors now, so the first question does not wait for them."""
        language.warm_up()
        semantic.warm_up()

    def refresh(self) -> None:
        """Pick up changes in the store (new entries, another base) for the next question; within `batch()`,
        once at its end."""
        if self._batching:
            self._stale = True
            return
        knowledge = self.store.knowledge
        self._seen_version = self.store.data_version()
        self.normalizer = Normalizer(knowledge.aliases(), knowledge.rankings())
        self.lexicon = Lexicon(
            knowledge.vocabulary(),
            knowledge.words(),
            knowledge.count_entries(),
            knowledge.words_containing,
            synonyms=self.normalizer.synonym_words,
        )
        self.citations = Citations(find=knowledge.source)
        tables = Tables(knowledge, self.citations)
        default = tables.default_ranking()
        understander = Understander(
            self.normalizer,
            self.lexicon,
            tables.categories(),
            default.id if default else None,
            first_editions={r.id: r.first_edition.year for r in tables.rankings.values() if r.first_edition},
            language_words=knowledge.language_words(),
            spellings=knowledge.spellings(),
            has_tagged=knowledge.has_tagged,
        )
        engine = SearchEngine(knowledge, self.lexicon)
        self.answerer = Answerer(
            knowledge,
            understander,
            engine,
            tables=tables,
            calibration=self.calibration,
            cite=self.citations,
            series=SeriesAnswers(knowledge, self.normalizer, self.citations),
        )
        self.alerts = Alerts(self.store, self.normalizer)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes in a row (a series import): each is committed on its own, and the answering catches up once,
        after the last, instead of after each (which grows with the store: minutes for a long series)."""
        if self._batching:  # within another batch: that one refreshes at its end
            yield
            return
        self._batching, self._stale = True, False
        try:
            yield
        finally:
            self._batching = False
            if self._stale:
                self.refresh()

    def reload_if_changed(self) -> bool:
        """Answer from what another process (the command line) committed, or from changed knowledge
        files; True if anything was reloaded. Cheap when nothing changed: one pragma and a file hash.
        Also retries writes that found the store locked."""
        self.flush_deferred()
        rebuilt = self.knowledge_dir is not None and sync_knowledge(self.store, self.knowledge_dir)
        if rebuilt or self.store.data_version() != self._seen_version:
            self.refresh()
            return True
        return False

    def ask(self, question: str, lang: Lang | None = None, fallback: Lang | None = None) -> Answer:
        """The answer in `lang`, or else in the question's language, or where the text cannot tell in `fallback`
        (the person's own language), or else German."""
        return self.answerer.ask(question, lang, fallback)

    def entry(self, entry_id: str) -> Entry | None:
        return self.store.knowledge.entry(entry_id)

    def entries(self, ids: Iterable[str]) -> dict[str, Entry]:
        """The stored entries among `ids`, by id."""
        return self.store.knowledge.entries(ids)

    def listing(self, kind: Kind | None = None) -> list[tuple[Entry, str]]:
        """Every entry (of one kind) with its origin, by id."""
        origins = self.store.knowledge.origins()
        return [(e, origins.get(e.id, "")) for e in self.store.knowledge.all_entries(kind)]

    def unreached(self) -> list[Unreached]:
        """Curated texts (of facts and FOI answers; ranking entries are written from the tables) that their own
        entry's tags keep from it: a maintainer adds the tag, or words the text without the slot."""
        curated = [e for e, _ in self.listing() if e.kind is not Kind.RANKING]
        return unreached(curated, self.answerer.understander.understand)

    def origin(self, entry_id: str) -> str | None:
        """Where an entry came from: `files`, or how it was added (`cli`, `chat`, `import`)."""
        return self.store.knowledge.origin(entry_id)

    def history(self, entry_id: str) -> list[Change]:
        return self.store.history.changes(entry_id)

    def export(self, directory: Path) -> list[Path]:
        """Write the whole base as a knowledge folder (see bot/kb/export.py); the files written."""
        return export_knowledge(self.store.knowledge, directory)

    def entry_answer(self, entry: Entry, lang: Lang) -> Answer:
        """An entry as a reply (a deep link, a button, an inline result), its sources named."""
        return answer_from_entry(entry, lang, self.citations)

    def record_feedback(self, entry_id: str, user_id: int, *, helpful: bool) -> bool:
        """Store a 👍/👎; False (and nothing stored) if the entry does not exist."""
        if self.entry(entry_id) is None:
            return False
        self._write_or_defer(lambda: self.store.people.record_feedback(entry_id, user_id, 1 if helpful else -1))
        return True

    def record_unanswered(self, answer: Answer, user_id: int | None, chat_type: str) -> None:
        """Keep a question the base could not answer, so maintainers see what to add next."""
        normalized = " ".join(self.normalizer.analyze(answer.question).tokens)
        if normalized:
            question, lang = answer.question, answer.lang
            self._write_or_defer(
                lambda: self.store.people.record_unanswered(question, normalized, user_id, chat_type, lang)
            )

    def _write_or_defer(self, write: Callable[[], None]) -> None:
        """Write now, or, while another process holds the write lock, keep the write for `flush_deferred`."""
        if self.flush_deferred():
            self._deferred.append(write)
            return
        try:
            write()
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            self._deferred.append(write)
            log.warning("store busy; %d write(s) kept for later", len(self._deferred))

    def flush_deferred(self) -> int:
        """Retry writes that found the store locked; how many are still waiting."""
        while self._deferred:
            try:
                self._deferred[0]()
            except sqlite3.OperationalError as error:
                if is_busy(error):
                    break
                log.exception("a kept write failed for good and is dropped")
            self._deferred.pop(0)
        return len(self._deferred)

    def unanswered(self, since: str | None = None, limit: int = 50) -> list[Unanswered]:
        """The questions asked since an ISO date that got no answer, most frequent first."""
        return self.store.people.unanswered(since, limit)

    def prune_unanswered(self, before: str) -> int:
        """Delete unanswered questions asked before an ISO date (retention); how many."""
        return self.store.people.prune_unanswered(before)

    def feedback_counts(self) -> list[Votes]:
        """The votes per entry, most 👎 first."""
        return self.store.people.feedback_counts()

    def stats(self) -> Stats:
        """Counted in SQL, so that it stays quick however large the base grows."""
        knowledge = self.store.knowledge
        up, down = self.store.people.vote_totals()
        return Stats(
            entries=knowledge.count_by_kind(),
            requests=knowledge.count_requests(),
            ranking_rows=knowledge.count_ranking_rows(),
            unanswered=self.store.people.count_unanswered(),
            up=up,
            down=down,
        )

    def requests(self) -> list[FoiRequest]:
        return self.store.knowledge.requests()

    def default_ranking(self) -> Ranking | None:
        return self.answerer.default_ranking()

    def ranking_years(self, ranking_id: str) -> list[int]:
        """The years a ranking has rows for, oldest first."""
        return self.store.knowledge.ranking_years(ranking_id)

    def find_cities(self, text: str) -> list[str]:
        """The cities a short text names, in its order, also misspelt (`Bohcum`)."""
        found = list(dict.fromkeys(c for word in text.split() for c in self._city_of(word)))
        return found or sorted(self.normalizer.analyze(text, fuzzy=True).cities)

    def _city_of(self, word: str) -> list[str]:
        named = sorted(self.normalizer.analyze(word).cities)
        fuzzy = self.normalizer.fuzzy_city(fold(word))
        return named or ([fuzzy] if fuzzy else [])

    def chart_series(self, cities: Sequence[str]) -> list[list[Standing]]:
        """Each city's overall standings in one ranking, oldest first: the default ranking, or the one ranking
        that lists every city (a federal state is only in the states' index). A city ranked only in categories
        gets a line per category. Empty if no ranking lists them all."""
        tables = self.answerer.tables
        ranking = tables.default_ranking()
        listing = [r for r in tables.rankings.values() if all(tables.lists(r, c) for c in cities)]
        if ranking is None or ranking not in listing:
            ranking = listing[0] if listing else None
        if ranking is None or not cities:
            return []
        series: list[list[Standing]] = []
        for city in cities:
            own = [s for s in tables.standings[ranking.id] if s.city == city]
            overall = [s for s in own if not s.category]
            categories = sorted({s.category for s in own})
            series += [overall] if overall else [[s for s in own if s.category == c] for c in categories]
        return series

    def _indexed(
        self, entries: Sequence[Entry], ahead: Indexed | None = None
    ) -> tuple[list[tuple[Entry, IndexFields]], dict[str, str]]:
        if ahead is not None and [ahead.entry] == list(entries):
            return [(ahead.entry, ahead.fields)], ahead.words
        return index_entries(entries, self.normalizer, self.lexicon.df)

    def with_inferred_tags(self, entry: Entry) -> Entry:
        """An entry added without tags is tagged with the cities, years and rankings its text names, so the
        slot guard lets it answer questions about them."""
        if entry.tags != Tags():
            return entry
        texts = [entry.title, *entry.questions, entry.answer]
        found = [self.normalizer.analyze(text) for text in texts]
        tags = Tags(
            cities=sorted({c for a in found for c in a.cities}),
            years=sorted({y for a in found for y in a.years}),
            rankings=sorted({r for a in found for r in a.rankings}),
        )
        return entry.model_copy(update={"tags": tags})

    def add_entries(self, entries: Sequence[Entry], *, origin: str, actor: str) -> list[Entry]:
        """Add entries in one transaction (EntryExists if any id is taken) and answer them at once."""
        added = self._add_entries(entries, origin=origin, actor=actor)
        self.refresh()
        return added

    def replace_entry(self, entry: Entry, *, actor: str) -> Entry:
        """Replace an entry maintainers added (NoSuchEntry, ReadOnlyEntry); returns the old one."""
        old = self._replace_entry(entry, actor=actor)
        self.refresh()
        return old

    def remove_entry(self, entry_id: str, *, actor: str) -> Entry:
        """Remove an entry maintainers added, and the votes on it (NoSuchEntry, ReadOnlyEntry); returns it."""
        with self.store.transaction():
            old = self.store.knowledge.remove_entry(entry_id, actor=actor)
            self.store.people.forget_entry(entry_id)
        self.refresh()
        return old

    # Without a refresh: the callers refresh once their transaction is committed, so that a rollback never
    # leaves the answering ahead of the store.

    def _add_entries(
        self, entries: Sequence[Entry], *, origin: str, actor: str, indexed: Indexed | None = None
    ) -> list[Entry]:
        entries = [self.with_inferred_tags(e) for e in entries]
        items, words = self._indexed(entries, indexed)
        with self.store.transaction():
            self.store.knowledge.add_entries(items, origin=origin, actor=actor, words=words)
            self.alerts.enqueue(announce(entries))
        return entries

    def _replace_entry(self, entry: Entry, *, actor: str, indexed: Indexed | None = None) -> Entry:
        items, words = self._indexed([self.with_inferred_tags(entry)], indexed)
        tagged, fields = items[0]
        return self.store.knowledge.replace_entry(tagged, fields, actor=actor, words=words)

    # FragDenStaat

    def fetch_request(self, reference: Reference) -> ApiRequest:
        """Read a request from FragDenStaat's API; FragDenStaatError on any failure. Touches no store,
        so the bot can run it in a worker thread."""
        with FragDenStaatClient(
            self.fragdenstaat_api_url, timeout=self.fetch_timeout, deadline=self.fetch_deadline
        ) as client:
            return client.fetch(reference)

    def fetch_series(self, reference: Reference) -> list[ApiRequest]:
        """The requests of a series (a `ReferenceKind.SERIES` reference) as FragDenStaat lists them, without their
        messages; FragDenStaatError on any failure. Touches no store."""
        with FragDenStaatClient(
            self.fragdenstaat_api_url, timeout=self.fetch_timeout, deadline=self.fetch_deadline
        ) as client:
            return client.fetch_series(reference)

    def stored_request(self, request_id: int) -> FoiRequest | None:
        return self.store.knowledge.request(request_id)

    def series_requests(self, project: int) -> list[FoiRequest]:
        """The stored requests of one series, by id."""
        return self.store.knowledge.requests_in_series(project)

    def apply_import(self, detail: ApiRequest, *, actor: str, indexed: Indexed | None = None) -> ImportOutcome:
        """Add the request and its entry, or update them (new responses become new passages).
        FragDenStaatError if the API's data cannot make a valid entry; nothing is written then. `indexed`: the
        entry's index worked out ahead (`import_all`); used if it is that of the entry written."""
        request, entry = to_knowledge(detail)
        knowledge = self.store.knowledge
        if knowledge.request_origin(request.id) == FILES or knowledge.origin(entry.id) == FILES:
            raise ImportRefused(request.id)
        old = knowledge.entry(entry.id)
        known = knowledge.request(request.id)
        quoted = {p.source_url for p in old.passages} if old else set()
        new = [p for p in entry.passages if p.source_url not in quoted]
        with self.store.transaction():
            knowledge.add_sources(import_sources(detail), origin=IMPORT_ORIGIN)
            if request != known:
                knowledge.upsert_request(request, origin=IMPORT_ORIGIN)
            if old is None:
                [saved] = self._add_entries([entry], origin=IMPORT_ORIGIN, actor=actor, indexed=indexed)
            else:
                saved = self.with_inferred_tags(entry)
                if saved != old:
                    self._replace_entry(saved, actor=actor, indexed=indexed)
                if new:
                    # Each new response is news of its own, keyed by its address: at the cap on quoted
                    # responses a new one replaces the oldest, and the number of passages does not grow.
                    # A page of a letter is keyed by its whole address: every letter has a page 1.
                    url = new[-1].source_url or ""
                    anchor = url.rsplit("#", 1)[-1] if new[-1].page is None else url
                    self.alerts.enqueue([(response_key(saved.id, anchor), saved)])
        if saved != old:
            self.refresh()
        return ImportOutcome(
            saved,
            created=old is None,
            changed=saved != old or request != known,
            new_passages=len(new),
            needs_text=tuple(unread_letters(detail)),
        )

    def import_all(
        self, fetched: Iterable[tuple[int, ApiRequest | FragDenStaatError]], *, actor: str, ahead: bool
    ) -> Iterator[tuple[int, ImportOutcome | FragDenStaatError | ImportRefused]]:
        """Import many requests in a row (a series), each as `apply_import` does, in the order fetched; a request
        that cannot be read or written gives its error and keeps no other from being imported. The answering
        catches up once, after the last. `ahead`: the next request's entry is indexed in a second process while
        this one writes the one before (worth its start, about a second, from some tens of requests on)."""
        with self.batch():
            knowledge = self.store.knowledge
            known = frozenset(self.lexicon.df)
            indexer = IndexAhead(knowledge.aliases(), knowledge.rankings(), known) if ahead else None
            waiting: deque[_Pending] = deque()
            try:
                for request_id, detail in fetched:
                    entry = future = None
                    if indexer is not None and isinstance(detail, ApiRequest):
                        try:
                            entry = self.with_inferred_tags(to_knowledge(detail)[1])
                            future = indexer.submit(entry)
                        except FragDenStaatError:
                            entry = None  # reported when it is written
                        except BrokenProcessPool:
                            entry = future = None  # indexed here when it is written
                    waiting.append(_Pending(request_id, detail, entry, future))
                    if len(waiting) > 1:
                        yield self._import_waiting(waiting.popleft(), actor)
                while waiting:
                    yield self._import_waiting(waiting.popleft(), actor)
            finally:
                if indexer is not None:
                    indexer.close()

    def _import_waiting(
        self, pending: _Pending, actor: str
    ) -> tuple[int, ImportOutcome | FragDenStaatError | ImportRefused]:
        request_id, detail, entry, future = pending.request_id, pending.detail, pending.entry, pending.indexing
        if isinstance(detail, FragDenStaatError):
            return request_id, detail
        indexed = None
        if future is not None and entry is not None:
            try:
                fields, words = future.result()
                indexed = Indexed(entry, fields, words)
            except BrokenProcessPool:
                log.warning("the indexing process ended; request %s is indexed here", request_id)
        try:
            return request_id, self.apply_import(detail, actor=actor, indexed=indexed)
        except (FragDenStaatError, ImportRefused) as exc:
            return request_id, exc

    def watch(self, request_id: int, *, actor: str) -> None:
        """Put an imported request on the watch list."""
        if self.entry(f"fds-{request_id}") is None:
            raise NoSuchEntry(f"fds-{request_id}")
        # The first check re-reads the request; an unchanged entry is not rewritten and sends no alert.
        # `seen` records the responses each check found, for `kb watch` to show.
        self.store.knowledge.watch(request_id, actor=actor, seen=[])

    def watch_series(self, request_id: int, *, actor: str) -> int:
        """Follow the series of an imported request: its stored requests are watched, and a check imports and
        watches the requests new in it. Returns the series' id; NoSuchEntry, NotInSeries."""
        if self.entry(f"fds-{request_id}") is None:
            raise NoSuchEntry(f"fds-{request_id}")
        request = self.stored_request(request_id)
        if request is None or request.project is None:
            raise NotInSeries(request_id)
        knowledge = self.store.knowledge
        watched = {w.request_id for w in knowledge.watches()}
        with self.store.transaction():
            knowledge.watch_series(request.project, actor=actor)
            for member in knowledge.requests_in_series(request.project):
                # Curated requests are reviewed in the files, never re-imported.
                if member.id not in watched and knowledge.request_origin(member.id) != FILES:
                    knowledge.watch(member.id, actor=actor, seen=[])
        return request.project

    def unwatch_series(self, project: int) -> bool:
        """Stop following a series (its requests stay watched); False if it was not followed."""
        return self.store.knowledge.unwatch_series(project)

    def series_watches(self) -> list[SeriesWatch]:
        return self.store.knowledge.series_watches()

    def unwatch(self, request_id: int) -> bool:
        """Take a request off the watch list; False if it was not on it."""
        return self.store.knowledge.unwatch(request_id)

    def watches(self) -> list[Watch]:
        return self.store.knowledge.watches()

    async def check_watches(
        self,
        fetch: Callable[[Reference], Awaitable[ApiRequest]],
        run: Runner | None = None,
        list_series: Callable[[Reference], Awaitable[list[ApiRequest]]] | None = None,
    ) -> AsyncIterator[WatchCheck]:
        """Re-read each watched request and apply it: new responses become passages, a new status is recorded.
        Then, with `list_series`, import and watch the requests new in each followed series.
        `fetch` and `list_series` read from FragDenStaat where they may block (the bot: on threads of their own);
        `run` runs the store's work (the bot: on the core's thread; by default here). One request's failure, even
        an unforeseen one (a locked store, say), does not keep the others from being checked."""
        run = run or _here
        for watch in await run(self.watches):
            try:
                detail = await fetch(Reference(ReferenceKind.REQUEST_ID, watch.request_id))
                outcome = await run(self._apply_watched, watch, detail)
            except (FragDenStaatError, ImportRefused) as exc:
                yield WatchCheck(watch.request_id, error=exc)
                continue
            except Exception as exc:
                log.exception("watched request %s not updated", watch.request_id)
                yield WatchCheck(watch.request_id, error=exc)
                continue
            yield WatchCheck(watch.request_id, outcome)
        if list_series is None:
            return
        for followed in await run(self.series_watches):
            try:
                members = await list_series(Reference(ReferenceKind.SERIES, followed.project))
            except FragDenStaatError as exc:
                yield WatchCheck(None, error=exc, series=followed.project)
                continue
            known = await run(self.store.knowledge.stored_requests, [m.id for m in members])
            for member in members:
                if member.id in known:
                    continue
                try:
                    detail = await fetch(Reference(ReferenceKind.REQUEST_ID, member.id))
                    outcome = await run(self._apply_new_in_series, detail)
                except (FragDenStaatError, ImportRefused) as exc:
                    yield WatchCheck(member.id, error=exc, series=followed.project)
                    continue
                except Exception as exc:
                    log.exception("request %s new in series %s not imported", member.id, followed.project)
                    yield WatchCheck(member.id, error=exc, series=followed.project)
                    continue
                yield WatchCheck(member.id, outcome, series=followed.project)
            await run(self.store.knowledge.mark_series_checked, followed.project)

    def _apply_new_in_series(self, detail: ApiRequest) -> ImportOutcome:
        """Import a request new in a followed series and watch it, both or neither (the answering catches up
        after the commit); the import announces it."""
        with self.batch(), self.store.transaction():
            outcome = self.apply_import(detail, actor=WATCH_ACTOR)
            self.store.knowledge.watch(detail.id, actor=WATCH_ACTOR, seen=response_ids(detail))
        return outcome

    def _apply_watched(self, watch: Watch, detail: ApiRequest) -> ImportOutcome | None:
        """None if nothing changed."""
        outcome = self.apply_import(detail, actor=WATCH_ACTOR)
        self.store.knowledge.mark_checked(watch.request_id, response_ids(detail))
        return outcome if outcome.changed else None

    def same_entry(self, entry: Entry, also: Sequence[Entry] = ()) -> str | None:
        """The id of an entry (stored, or among `also`) with the same first question and the same source:
        adding this one again would be a duplicate under another id."""

        def question(e: Entry) -> str:
            return fold(" ".join(e.questions[0].split()))

        for other in (*also, *self.store.knowledge.entries_with_source(entry.source_url)):
            if other.source_url == entry.source_url and question(other) == question(entry):
                return other.id
        return None

    def free_id(self, wanted: str, taken: set[str]) -> str:
        """`wanted`, or `wanted-2`, `wanted-3`, … whichever is neither in the store nor in `taken`."""
        candidate, n = wanted, 1
        while candidate in taken or self.entry(candidate) is not None:
            n += 1
            candidate = f"{wanted[: MAX_ID - len(str(n)) - 1]}-{n}"
        return candidate

    def close(self) -> None:
        """Write what waited for a lock (if the store is free now), then close."""
        if self.flush_deferred():
            log.warning("%d write(s) could not be stored before closing", len(self._deferred))
        self.store.close()
