"""`kb`: maintain the knowledge base from the command line; every command calls the same core as the bot."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import getpass
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from bot.cli.common import CliError, database_errors, load_settings, open_service, open_store
from bot.importers.fragdenstaat import ApiRequest, FragDenStaatError, Reference, ReferenceKind, parse_reference
from bot.kb.export import knowledge_files
from bot.kb.loader import KnowledgeError, load_knowledge, parse_entry_documents
from bot.models import Entry, Kind
from bot.printable import printable
from bot.service import FoiService, ImportOutcome, ImportRefused, NotInSeries, WatchCheck, sync_knowledge
from bot.storage.database import BackupRefused
from bot.storage.knowledge import EntryExists, NoSuchEntry, ReadOnlyEntry

# Requests of a series from which their entries are indexed in a second process while the store is written.
INDEX_AHEAD_FROM = 20

CLI_ORIGIN = "cli"


def actor() -> str:
    """Who made a change from the command line: the operating-system user."""
    return f"cli:{getpass.getuser()}"


def register(commands: Any) -> None:
    parser = commands.add_parser("kb", help="maintain the knowledge base", description="Maintain the knowledge base.")
    sub = parser.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")

    sub.add_parser("check", help="validate the knowledge files; prints file:line: message").set_defaults(
        handler=check_files
    )
    sub.add_parser(
        "reach", help="curated questions and phrasings that name a city, year or ranking their entry is not tagged with"
    ).set_defaults(handler=list_unreached)
    build = sub.add_parser("build", help="rebuild the store from the knowledge files")
    build.add_argument("--force", action="store_true", help="rebuild even if the files did not change")
    build.set_defaults(handler=build_store)

    add = sub.add_parser("add", help="add entries from YAML files (several per file, separated by ---)")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE.yaml")
    add.set_defaults(handler=add_entries)

    listing = sub.add_parser("list", help="list entries")
    listing.add_argument("--kind", choices=[k.value for k in Kind], help="only entries of this kind")
    listing.set_defaults(handler=list_entries)

    show = sub.add_parser("show", help="show one entry as YAML")
    show.add_argument("id")
    show.set_defaults(handler=show_entry)

    edit = sub.add_parser("edit", help="replace an entry with the one in FILE.yaml")
    edit.add_argument("id")
    edit.add_argument("file", type=Path, metavar="FILE.yaml")
    edit.set_defaults(handler=edit_entry)

    remove = sub.add_parser("remove", help="remove an entry")
    remove.add_argument("id")
    remove.set_defaults(handler=remove_entry)

    history = sub.add_parser("history", help="who changed an entry, when, and what")
    history.add_argument("id")
    history.set_defaults(handler=show_history)

    export = sub.add_parser("export", help="write the whole base as a knowledge folder")
    export.add_argument("directory", type=Path, metavar="DIR")
    export.add_argument(
        "--force", action="store_true", help="replace the knowledge files in a folder that has some (comments are lost)"
    )
    export.set_defaults(handler=export_base)

    unanswered = sub.add_parser("unanswered", help="questions that got no answer, most frequent first")
    unanswered.add_argument("--since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    unanswered.add_argument("--limit", type=int, default=50)
    unanswered.set_defaults(handler=list_unanswered)

    sub.add_parser("feedback", help="entries with the most 👎").set_defaults(handler=list_feedback)

    backup = sub.add_parser("backup", help="copy the whole store consistently, even while the bot runs")
    backup.add_argument("path", type=Path, metavar="PATH")
    backup.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    backup.set_defaults(handler=backup_store)

    forget = sub.add_parser("forget-user", help="delete what the store holds about a Telegram user")
    forget.add_argument("user_id", type=int, metavar="ID")
    forget.set_defaults(handler=forget_user)

    _register_fragdenstaat(sub)


def _register_fragdenstaat(sub: Any) -> None:
    fds = sub.add_parser("import", help="import a FragDenStaat request by URL, #id or id")
    fds.add_argument("reference", metavar="URL_OR_ID")
    fds.add_argument(
        "--series", action="store_true", help="import every request of the request's series (sent to many bodies)"
    )
    fds.set_defaults(handler=import_request)

    watch = sub.add_parser("watch", help="re-read an imported request on a schedule (the bot does it)")
    watch.add_argument("request_id", type=int, nargs="?", metavar="ID")
    watch.add_argument("--remove", action="store_true", help="take the request off the watch list")
    watch.add_argument("--check", action="store_true", help="re-read every watched request now")
    watch.add_argument(
        "--series", action="store_true", help="follow the request's series: requests new in it are imported too"
    )
    watch.set_defaults(handler=watch_request)


def _nothing(message: str) -> None:
    """An empty listing says so (on stderr, so that pipes see an empty list)."""
    print(message, file=sys.stderr)


def _report(exc: KnowledgeError) -> CliError:
    for problem in exc.problems:
        print(problem)
    return CliError(f"{len(exc.problems)} problem(s); nothing was changed")


def check_files(_args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        kb = load_knowledge(settings.knowledge_dir)
    except KnowledgeError as exc:
        raise _report(exc) from None
    kinds = Counter(e.kind.value for e in kb.entries)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(
        f"{settings.knowledge_dir}: ok: {len(kb.entries)} entries ({summary}), "
        f"{len(kb.requests)} FOI requests, {len(kb.rankings)} rankings with {len(kb.rows)} rows, "
        f"{len(kb.aliases.cities)} places known"
    )
    return 0


def list_unreached(_args: argparse.Namespace) -> int:
    with open_service() as service:
        found = service.unreached()
    for item in found:
        print(f"{item.entry_id}\t{'; '.join(item.lacking)}\t{printable(item.text)}")
    if found:
        _nothing(f"{len(found)} text(s) name what their entry is not tagged with: no question naming it reaches it")
        return 1
    return 0


def build_store(args: argparse.Namespace) -> int:
    settings = load_settings()
    with open_store(settings, check=True) as store:
        try:
            with database_errors(settings):
                rebuilt = sync_knowledge(store, settings.knowledge_dir, force=args.force)
        except KnowledgeError as exc:
            raise _report(exc) from None
    print(f"{settings.database_path}: {'rebuilt' if rebuilt else 'up to date'}")
    return 0


def _read_entries(files: list[Path]) -> list[tuple[Entry, Path, int, bool]]:
    found: list[tuple[Entry, Path, int, bool]] = []
    problems = []
    for file in files:
        if not file.is_file():
            raise CliError(f"{file}: no such file; nothing was changed")
        try:
            found.extend((e, file, line, derived) for e, line, derived in parse_entry_documents(file, new=True))
        except KnowledgeError as exc:
            problems.extend(exc.problems)
    if problems:
        raise _report(KnowledgeError(problems))
    return found


def add_entries(args: argparse.Namespace) -> int:
    found = _read_entries(args.files)
    if not found:
        raise CliError(f"{', '.join(map(str, args.files))}: no entries found; nothing was changed")
    with open_service() as service:
        taken: set[str] = set()
        entries: list[Entry] = []
        for parsed, file, line, derived in found:
            same = service.same_entry(parsed, entries)
            if same is not None:
                raise CliError(
                    f"{file}:{line}: the same question and source as entry {same!r}; edit that one "
                    f"(kb edit {same} FILE) or change the question; nothing was changed"
                )
            entry = parsed.model_copy(update={"id": service.free_id(parsed.id, taken)}) if derived else parsed
            if entry.id in taken or service.entry(entry.id) is not None:
                raise CliError(f"{file}:{line}: id: {entry.id!r} exists already; nothing was changed")
            taken.add(entry.id)
            entries.append(entry)
        try:
            service.add_entries(entries, origin=CLI_ORIGIN, actor=actor())
        except EntryExists as exc:
            raise CliError(f"{exc}; nothing was changed") from None
    for entry in entries:
        print(entry.id)
    return 0


def list_entries(args: argparse.Namespace) -> int:
    with open_service() as service:
        for entry, origin in service.listing(Kind(args.kind) if args.kind else None):
            print(f"{entry.id}\t{entry.kind.value}\t{origin}\t{entry.title}")
    return 0


def _entry_or_fail(service: FoiService, entry_id: str) -> Entry:
    entry = service.entry(entry_id)
    if entry is None:
        raise CliError(f"no entry with id {entry_id!r}")
    return entry


def show_entry(args: argparse.Namespace) -> int:
    with open_service() as service:
        entry = _entry_or_fail(service, args.id)
        # The origin is a comment, so that `kb show ID > f.yaml; kb edit ID f.yaml` reads the file back.
        print(f"# origin: {service.origin(entry.id)}")
        data = entry.model_dump(mode="json", exclude_defaults=True)
        print(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), end="")
    return 0


def edit_entry(args: argparse.Namespace) -> int:
    found = _read_entries([args.file])
    if len(found) != 1:
        raise CliError(f"{args.file}: expected exactly one entry, found {len(found)}; nothing was changed")
    entry, file, line, derived = found[0]
    if not derived and entry.id != args.id:
        raise CliError(f"{file}:{line}: id: {entry.id!r} differs from {args.id!r}; nothing was changed")
    with open_service() as service:
        try:
            service.replace_entry(entry.model_copy(update={"id": args.id}), actor=actor())
        except (NoSuchEntry, ReadOnlyEntry) as exc:
            raise CliError(f"{exc}; nothing was changed") from None
    print(args.id)
    return 0


def remove_entry(args: argparse.Namespace) -> int:
    with open_service() as service:
        try:
            service.remove_entry(args.id, actor=actor())
        except (NoSuchEntry, ReadOnlyEntry) as exc:
            raise CliError(f"{exc}; nothing was changed") from None
    print(f"removed {args.id}")
    return 0


def _changed_fields(before: Entry | None, after: Entry | None) -> str:
    if before is None or after is None:
        return ""
    old, new = before.model_dump(), after.model_dump()
    return ", ".join(k for k in new if old.get(k) != new[k])


def show_history(args: argparse.Namespace) -> int:
    with open_service() as service:
        changes = service.history(args.id)
    if not changes:
        raise CliError(f"no history for {args.id!r}")
    for change in changes:
        fields = _changed_fields(change.before, change.after)
        print(f"{change.at}\t{change.action}\t{change.actor}" + (f"\t{fields}" if fields else ""))
    return 0


def export_base(args: argparse.Namespace) -> int:
    directory: Path = args.directory
    existing = knowledge_files(directory)
    if existing and not args.force:
        raise CliError(
            f"{directory} holds {len(existing)} knowledge file(s); export into an empty folder, or use --force "
            "to replace them (hand-written comments are lost)"
        )
    with open_service() as service:
        for file in existing:
            # Removed first: an exported request file has its own name and would otherwise sit beside the
            # hand-written one, with the same ids twice.
            file.unlink()
        written = service.export(directory)
    replaced = f", {len(existing)} replaced" if existing else ""
    print(f"{directory}: {len(written)} files{replaced}")
    return 0


def list_unanswered(args: argparse.Namespace) -> int:
    with open_service() as service:
        rows = service.unanswered(args.since.isoformat() if args.since else None, args.limit)
    if not rows:
        _nothing(f"no unanswered questions{f' since {args.since}' if args.since else ''}")
    for question, count, last in rows:
        print(f"{count}\t{last}\t{question}")
    return 0


def _imported(outcome: ImportOutcome) -> str:
    """One line for the entry, and one for each letter that has no text to quote (a scan: someone must read it)
    or was not read (a file too large, say: with why)."""
    how = "imported" if outcome.created else "updated"
    lines = [f"{outcome.entry.id}\t{how}\t{len(outcome.entry.passages)} response passage(s)"]
    lines += [
        f"{outcome.entry.id}\tneeds text\t{printable(letter.name)}\t{letter.url or '-'}"
        if letter.problem is None
        else f"{outcome.entry.id}\tnot read\t{printable(letter.name)}\t{letter.url or '-'}\t{letter.problem['en']}"
        for letter in outcome.needs_text
    ]
    return "\n".join(lines)


def _failed(exc: Exception) -> str:
    return f"{str(exc).rstrip('.')}; nothing was changed"


def import_request(args: argparse.Namespace) -> int:
    with open_service() as service:
        try:
            detail = service.fetch_request(parse_reference(args.reference))
            if args.series:
                return _import_series(service, detail)
            outcome = service.apply_import(detail, actor=actor())
        except (FragDenStaatError, ImportRefused) as exc:
            raise CliError(_failed(exc)) from None
    print(_imported(outcome))
    if detail.project is not None:
        count = f" of {detail.project_request_count} requests" if detail.project_request_count else ""
        # On stderr: standard output keeps one line per imported request.
        print(
            f"request #{detail.id} belongs to series #{detail.project}{count}, sent to many bodies; "
            f"`kb import {detail.id} --series` imports them all",
            file=sys.stderr,
        )
    return 0


def _import_series(service: FoiService, first: ApiRequest) -> int:
    """Each request of the series through the one-request import, one line each; a failed one changes nothing
    for itself and keeps no other from being imported."""
    if first.project is None:
        raise CliError(f"request #{first.id} belongs to no series; nothing was changed")
    listed = service.fetch_series(Reference(ReferenceKind.SERIES, first.project))
    ids = sorted({first.id, *(r.id for r in listed)})

    def fetched() -> Iterator[tuple[int, ApiRequest | FragDenStaatError]]:
        for request_id in ids:
            detail: ApiRequest | FragDenStaatError = first
            if request_id != first.id:
                try:
                    detail = service.fetch_request(Reference(ReferenceKind.REQUEST_ID, request_id))
                except FragDenStaatError as exc:
                    detail = exc
            yield request_id, detail

    failed = 0
    for request_id, outcome in service.import_all(fetched(), actor=actor(), ahead=len(ids) >= INDEX_AHEAD_FROM):
        if isinstance(outcome, ImportOutcome):
            print(_imported(outcome))
        else:
            failed += 1
            print(f"fds-{request_id}\tfailed\t{_failed(outcome)}")
    if failed:
        raise CliError(f"{failed} request(s) of series #{first.project} failed; the others were imported")
    return 0


def watch_request(args: argparse.Namespace) -> int:
    with open_service() as service:
        if args.check:
            if not service.watches() and not service.series_watches():
                _nothing("no request is watched; nothing to check")
            asyncio.run(_check_watches(service))
        elif args.request_id is None:
            if not service.watches() and not service.series_watches():
                _nothing("no request is watched; `kb watch ID` adds an imported one")
            for watch in service.watches():
                checked = watch.checked_at or "never"
                print(f"{watch.request_id}\tlast checked {checked}\t{len(watch.seen)} response(s) seen")
            for followed in service.series_watches():
                print(f"series #{followed.project}\tlast checked {followed.checked_at or 'never'}")
        elif args.series:
            _watch_series(service, args.request_id, remove=args.remove)
        elif args.remove:
            if not service.unwatch(args.request_id):
                raise CliError(f"request {args.request_id} is not on the watch list")
            print(f"{args.request_id}\tno longer watched")
        else:
            try:
                service.watch(args.request_id, actor=actor())
            except NoSuchEntry:
                raise CliError(
                    f"request {args.request_id} is not imported; run `kb import {args.request_id}` first"
                ) from None
            print(f"{args.request_id}\twatched")
    return 0


def _watch_series(service: FoiService, request_id: int, *, remove: bool) -> None:
    try:
        if remove:
            request = service.stored_request(request_id)
            if request is None or request.project is None or not service.unwatch_series(request.project):
                raise CliError(f"the series of request {request_id} is not followed")
            print(f"series #{request.project}\tno longer followed (its requests stay watched)")
            return
        project = service.watch_series(request_id, actor=actor())
    except NoSuchEntry:
        raise CliError(f"request {request_id} is not imported; run `kb import {request_id} --series` first") from None
    except NotInSeries as exc:
        raise CliError(f"{exc}; `kb watch {request_id}` watches it alone") from None
    print(f"series #{project}\tfollowed\t{len(service.series_requests(project))} request(s) stored")


async def _check_watches(service: FoiService) -> None:
    """Re-read every watched request and followed series (here, one after the other) and print what came of it."""

    async def fetch(reference: Reference) -> ApiRequest:
        return service.fetch_request(reference)

    async def list_series(reference: Reference) -> list[ApiRequest]:
        return service.fetch_series(reference)

    async for check in service.check_watches(fetch, list_series=list_series):
        print(_checked(check))


def _checked(check: WatchCheck) -> str:
    """One line per request: `ID<TAB>updated`, `ID<TAB>new in series #P`, `ID<TAB>failed<TAB>why`."""
    what = f"series #{check.series}" if check.request_id is None else str(check.request_id)
    if check.error is not None:
        return f"{what}\tfailed\t{check.error}"
    if check.series is not None:
        return f"{what}\tnew in series #{check.series}"
    return f"{what}\t{'updated' if check.outcome else 'unchanged'}"


def backup_store(args: argparse.Namespace) -> int:
    target: Path = args.path
    if target.exists() and not args.force:
        raise CliError(f"{target} exists; use --force to overwrite it")
    if not target.parent.is_dir():
        raise CliError(f"{target.parent}: no such folder")
    settings = load_settings()
    # A copy of a damaged file would look like a backup and restore the damage: refuse it.
    with open_store(settings, check=True) as store:
        try:
            store.backup(target)
        except BackupRefused as exc:
            raise CliError(str(exc)) from None
    print(f"{target}: {target.stat().st_size} bytes")
    return 0


def forget_user(args: argparse.Namespace) -> int:
    with open_store(load_settings()) as store:
        removed = store.forget_user(args.user_id)
    for kind, count in removed.items():
        print(f"{kind}\t{count}")
    return 0


def list_feedback(_args: argparse.Namespace) -> int:
    with open_service() as service:
        counts = service.feedback_counts()
    if not counts:
        _nothing("no feedback yet")
    for entry_id, up, down in counts:
        print(f"{entry_id}\t👍 {up}\t👎 {down}")
    return 0
