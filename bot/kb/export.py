"""Writes the stored knowledge back as a knowledge folder, so that loading the folder gives the same base."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from bot.folding import slugify
from bot.models import Entry, RankingRow, Source
from bot.sources import source_label
from bot.storage.knowledge import FILES, Knowledge

_ROW_COLUMNS = ["year", "city", "place", "score", "category", "change", "source_url", "quote", "note", "note_en"]


def _dump(data: Any, file: Path) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, allow_unicode=True, sort_keys=False, width=110)


def _entry_data(entry: Entry) -> dict[str, Any]:
    return entry.model_dump(mode="json", exclude_defaults=True)


def _row_cells(row: RankingRow) -> dict[str, Any]:
    data = row.model_dump(exclude={"ranking"})
    return {k: "" if data[k] is None else data[k] for k in _ROW_COLUMNS}


def _sources(knowledge: Knowledge) -> list[Source]:
    """The named sources, and every other URL an entry, a request or a ranking uses, named by its web site
    (an entry added by `kb add` names none) so that `kb check` accepts the export; rename them there."""
    named = {s.url: s for s in knowledge.sources()}
    used: list[str | None] = [url for r in knowledge.requests() for url in (r.url, *(k.url for k in r.links))]
    used += [url for r in knowledge.rankings() for url in r.source_urls()]
    used += [row.source_url for row in knowledge.ranking_rows()]
    for entry in knowledge.all_entries():
        used += [entry.source_url, *(p.source_url for p in entry.passages), *(k.url for k in entry.links)]
    for url in used:
        if url and url not in named:
            named[url] = Source(url=url, name=source_label(url))
    return sorted(named.values(), key=lambda s: s.url)


def knowledge_files(directory: Path) -> list[Path]:
    """The files of a knowledge folder that an export writes: aliases, sources, rankings, requests and facts."""
    if not directory.is_dir():
        return []
    found = [directory / name for name in ("aliases.yaml", "sources.yaml") if (directory / name).is_file()]
    for folder in ("rankings", "requests", "facts"):
        found += sorted(p for p in (directory / folder).glob("*") if p.is_file() and p.suffix in {".yaml", ".csv"})
    return found


def export_knowledge(knowledge: Knowledge, directory: Path) -> list[Path]:
    """Write aliases, sources, rankings (YAML + CSV), one file per FOI request with its entries, and the
    other entries grouped by where they came from. Entries generated from ranking tables are not written:
    loading regenerates them from the CSV files."""
    written: list[Path] = []
    _dump(knowledge.aliases().model_dump(mode="json"), directory / "aliases.yaml")
    written.append(directory / "aliases.yaml")
    _dump(
        {"sources": [s.model_dump(mode="json", exclude_none=True) for s in _sources(knowledge)]},
        directory / "sources.yaml",
    )
    written.append(directory / "sources.yaml")
    rows_by_ranking: dict[str, list[RankingRow]] = defaultdict(list)
    for row in knowledge.ranking_rows():
        rows_by_ranking[row.ranking].append(row)
    for ranking in knowledge.rankings():
        file = directory / "rankings" / f"{ranking.id}.yaml"
        _dump(ranking.model_dump(mode="json", exclude_defaults=True), file)
        written.append(file)
        if rows_by_ranking[ranking.id]:
            table = file.with_suffix(".csv")
            with table.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=_ROW_COLUMNS)
                writer.writeheader()
                writer.writerows(_row_cells(r) for r in rows_by_ranking[ranking.id])
            written.append(table)
    origins = knowledge.origins()
    by_request: dict[int, list[Entry]] = defaultdict(list)
    by_origin: dict[str, list[Entry]] = defaultdict(list)
    for entry in knowledge.all_entries():
        if entry.ranking_ref is not None and origins.get(entry.id) == FILES:
            continue
        if entry.request_id is not None:
            by_request[entry.request_id].append(entry)
        else:
            by_origin[origins.get(entry.id, FILES)].append(entry)
    for request in knowledge.requests():
        file = directory / "requests" / f"{request.id}-{slugify(request.title)[:40]}.yaml"
        listed = [_entry_data(e) for e in by_request.pop(request.id, [])]
        _dump({"request": request.model_dump(mode="json", exclude_defaults=True), "entries": listed}, file)
        written.append(file)
    orphans = [e for entries in by_request.values() for e in entries]
    for origin, entries in sorted(by_origin.items()):
        file = directory / "facts" / f"{origin}.yaml"
        _dump({"entries": [_entry_data(e) for e in entries]}, file)
        written.append(file)
    if orphans:
        file = directory / "facts" / "requests-without-file.yaml"
        _dump({"entries": [_entry_data(e) for e in orphans]}, file)
        written.append(file)
    return written
