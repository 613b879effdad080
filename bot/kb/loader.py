"""Reads and validates a knowledge folder; every problem is reported as `file:line: message`."""

from __future__ import annotations

import csv
import difflib
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.folding import slugify
from bot.kb.quotes import supports
from bot.kb.rankings import ranking_entries
from bot.models import MAX_ID, Aliases, Entry, FoiRequest, Kind, KnowledgeBase, Ranking, RankingRow, Source
from bot.sources import Citations

# libyaml's parser is several times faster; its constructor is the same Python code as SafeLoader's.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge folder has problems; nothing was loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class _Doc:
    """One parsed YAML document with the line of every node, by path."""

    file: Path
    data: Any
    lines: dict[Path_, int]

    def line(self, path: Iterable[str | int]) -> int:
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def _node_lines(node: yaml.Node, path: Path_, out: dict[Path_, int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                out[(*path, key.value)] = key.start_mark.line + 1
                _node_lines(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_lines(item, (*path, index), out)


def _refuse_aliases(file: Path, source: str) -> None:
    """A few hundred bytes of nested aliases expand to gigabytes, and an alias to itself never ends: the
    files are written by hand, so aliases are refused (found by a pass over the events, which expands nothing)."""
    try:
        for event in yaml.parse(source, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else 1
                message = f"YAML alias *{event.anchor} is not allowed in knowledge files; write the value out"
                raise KnowledgeError([Problem(file, line, message)])
    except yaml.MarkedYAMLError as exc:
        raise _invalid(file, exc) from None


def _invalid(file: Path, exc: yaml.MarkedYAMLError) -> KnowledgeError:
    mark = exc.problem_mark or exc.context_mark
    return KnowledgeError([Problem(file, mark.line + 1 if mark else 1, f"invalid YAML: {exc.problem or exc}")])


def read_yaml_documents(file: Path, text: str | None = None) -> list[_Doc]:
    """Parse every `---`-separated document of a YAML file, keeping line numbers."""
    try:
        source = file.read_text(encoding="utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError([Problem(file, 1, f"cannot read the file as UTF-8: {exc}")]) from None
    _refuse_aliases(file, source)
    loader = _BaseLoader(source)
    docs: list[_Doc] = []
    node: yaml.Node | None = None
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            lines: dict[Path_, int] = {}
            _node_lines(node, (), lines)
            docs.append(_Doc(file, loader.construct_document(node), lines))
    except yaml.MarkedYAMLError as exc:
        raise _invalid(file, exc) from None
    except (ValueError, TypeError) as exc:
        # A scalar PyYAML cannot build, e.g. the date 2022-09-31: blame the document it is in.
        line = node.start_mark.line + 1 if node is not None else 1
        raise KnowledgeError([Problem(file, line, f"invalid value: {exc}")]) from None
    finally:
        loader.dispose()
    return docs


def _pydantic_problems(doc: _Doc, base: Path_, exc: ValidationError) -> list[Problem]:
    """One problem per error, named by the field the person wrote: a misspelt field (`titel`, `quelle_url`)
    is told as unknown with the field it most likely means, instead of that field being "required"."""
    errors = exc.errors()
    unknown = {str(e["loc"][-1]) for e in errors if e["type"] == "extra_forbidden" and e["loc"]}
    missing = {str(e["loc"][-1]) for e in errors if e["type"] == "missing" and e["loc"]}
    meant = {k: match[0] for k in unknown if (match := difflib.get_close_matches(k, sorted(missing), n=1, cutoff=0.6))}
    problems = []
    for err in errors:
        loc = (*base, *err["loc"])
        field = ".".join(str(part) for part in err["loc"]) or "entry"
        name = str(err["loc"][-1]) if err["loc"] else ""
        if err["type"] == "missing" and name in meant.values():
            continue
        message = f"unknown field; did you mean `{meant[name]}`?" if name in meant else err["msg"]
        problems.append(Problem(doc.file, doc.line(loc), f"{field}: {message}"))
    return problems


def _validate(model: type[M], data: Any, doc: _Doc, base: Path_, out: list[Problem]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        out.extend(_pydantic_problems(doc, base, exc))
        return None


def _mapping(doc: _Doc, out: list[Problem], what: str) -> Mapping[str, Any] | None:
    if not isinstance(doc.data, Mapping):
        out.append(Problem(doc.file, doc.line(()), f"expected a mapping with {what}"))
        return None
    return doc.data


def _entries(
    doc: _Doc, items: Any, base: Path_, defaults: dict[str, Any], out: list[Problem], *, new: bool = False
) -> Iterator[tuple[Entry, int, bool]]:
    """(entry, line, whether its id was derived from the title) for each valid item; problems to `out`."""
    if not isinstance(items, list):
        out.append(Problem(doc.file, doc.line(base), "`entries` must be a list"))
        return
    for index, item in enumerate(items):
        path = (*base, index)
        if not isinstance(item, Mapping):
            out.append(Problem(doc.file, doc.line(path), "an entry must be a mapping"))
            continue
        entry = _validate(Entry, {**defaults, **(_as_new(item) if new else _one_question(item))}, doc, path, out)
        if entry is not None:
            yield entry, doc.line(path), new and "id" not in item


def _one_question(item: Mapping[str, Any]) -> dict[str, Any]:
    """`question: …` may stand for `questions: [...]` in any entry."""
    data = dict(item)
    if "question" in data and "questions" not in data:
        question = data.pop("question")
        data["questions"] = [question] if isinstance(question, str) else question
    return data


def _as_new(item: Mapping[str, Any]) -> dict[str, Any]:
    """What a maintainer may leave out of a new entry: the id, derived from the title."""
    data = _one_question(item)
    if "id" not in data and isinstance(data.get("title"), str):
        data["id"] = slugify(data["title"])[:MAX_ID].strip("-") or "entry"
    return data


def parse_entry_documents(file: Path, text: str | None = None, *, new: bool = False) -> list[tuple[Entry, int, bool]]:
    """Entries of a YAML file: an `entries:` list, or one entry per `---` document, with their lines.

    `new` accepts the short form of `kb add`: only `title`, `question`, `answer` and `source_url` needed;
    the third item then says whether the id was derived from the title.
    """
    out: list[Problem] = []
    found: list[tuple[Entry, int, bool]] = []
    for doc in read_yaml_documents(file, text):
        if doc.data is None:
            continue
        data = _mapping(doc, out, "`entries` or entry fields")
        if data is None:
            continue
        if "entries" in data:
            found.extend(_entries(doc, data["entries"], ("entries",), {"kind": Kind.FACT}, out, new=new))
        else:
            found.extend(_entries(doc, [data], (), {"kind": Kind.FACT}, out, new=new))
    if out:
        raise KnowledgeError(out)
    return found


def _float(value: str) -> float:
    return float(value.replace(",", "."))


def _read_rows(file: Path, ranking: str, out: list[Problem]) -> list[tuple[RankingRow, int]]:
    columns = set(RankingRow.model_fields) - {"ranking"}
    try:
        return _parse_rows(file, ranking, columns, out)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        out.append(Problem(file, 1, f"cannot read the table: {exc}"))
        return []


def _parse_rows(file: Path, ranking: str, columns: set[str], out: list[Problem]) -> list[tuple[RankingRow, int]]:
    rows: list[tuple[RankingRow, int]] = []
    with file.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        unknown = set(reader.fieldnames or []) - columns
        if unknown:
            out.append(Problem(file, 1, f"unknown columns: {', '.join(sorted(unknown))}"))
            return rows
        for record in reader:
            line = reader.line_num
            cells = {k: (v or "").strip() for k, v in record.items() if k is not None}
            try:
                data: dict[str, Any] = {
                    **{k: v for k, v in cells.items() if v},
                    "ranking": ranking,
                    "score": _float(cells["score"]) if cells.get("score") else None,
                }
            except ValueError:
                out.append(Problem(file, line, f"score: not a number: {cells.get('score')!r}"))
                continue
            try:
                row = RankingRow.model_validate(data)
            except ValidationError as exc:
                for err in exc.errors():
                    out.append(Problem(file, line, f"{'.'.join(map(str, err['loc']))}: {err['msg']}"))
                continue
            if row.place is None and row.score is None:
                out.append(Problem(file, line, "a row needs a place or a score"))
                continue
            if row.note and not row.note_en:
                out.append(Problem(file, line, "note_en: the note needs an English text (English replies show it)"))
                continue
            rows.append((row, line))
    return rows


class _Collector:
    """Gathers everything in a knowledge folder, remembering where each piece came from."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.entries: list[tuple[Entry, Path, int]] = []
        self.requests: list[FoiRequest] = []
        self.rankings: list[tuple[Ranking, Path]] = []
        self.rows: list[tuple[RankingRow, Path, int]] = []
        self.aliases = Aliases()
        self.aliases_file: Path | None = None
        self.sources: dict[str, Source] = {}
        self.sources_file: Path | None = None
        self.request_files: dict[int, Path] = {}

    def _docs(self, file: Path) -> list[_Doc]:
        try:
            return read_yaml_documents(file)
        except KnowledgeError as exc:
            self.problems.extend(exc.problems)
            return []

    def aliases_yaml(self, file: Path) -> None:
        self.aliases_file = file
        for doc in self._docs(file):
            found = _validate(Aliases, doc.data or {}, doc, (), self.problems)
            if found is not None:
                self.aliases = found

    def sources_yaml(self, file: Path) -> None:
        self.sources_file = file
        for doc in self._docs(file):
            data = _mapping(doc, self.problems, "`sources`")
            if data is None:
                continue
            items = data.get("sources")
            if not isinstance(items, list):
                self.problems.append(Problem(file, doc.line(()), "`sources` must be a list"))
                continue
            for index, item in enumerate(items):
                source = _validate(Source, item, doc, ("sources", index), self.problems)
                if source is None:
                    continue
                if source.url in self.sources:
                    self.problems.append(Problem(file, doc.line(("sources", index)), f"url listed twice: {source.url}"))
                self.sources[source.url] = source

    def facts_yaml(self, file: Path) -> None:
        try:
            self.entries.extend((e, file, line) for e, line, _ in parse_entry_documents(file))
        except KnowledgeError as exc:
            self.problems.extend(exc.problems)

    def request_yaml(self, file: Path) -> None:
        for doc in self._docs(file):
            data = _mapping(doc, self.problems, "`request` and `entries`")
            if data is None:
                continue
            request = _validate(FoiRequest, data.get("request"), doc, ("request",), self.problems)
            if request is None:
                continue
            self.requests.append(request)
            self.request_files[request.id] = file
            defaults = {
                "kind": Kind.FOI_ANSWER,
                "source_url": request.url,
                "public_body": request.public_body,
                "date": request.answered,
                "request_id": request.id,
            }
            found = _entries(doc, data.get("entries", []), ("entries",), defaults, self.problems)
            self.entries.extend((e, file, line) for e, line, _ in found)

    def ranking_yaml(self, file: Path) -> None:
        for doc in self._docs(file):
            ranking = _validate(Ranking, doc.data, doc, (), self.problems)
            if ranking is None:
                continue
            if ranking.id != file.stem:
                self.problems.append(Problem(file, doc.line(("id",)), f"id {ranking.id!r} must match the file name"))
                continue
            self.rankings.append((ranking, file))
            table = file.with_suffix(".csv")
            if table.exists():
                self.rows.extend((row, table, line) for row, line in _read_rows(table, ranking.id, self.problems))

    def _check_sources(self) -> None:
        """Every document quoted or linked is named in sources.yaml, so replies can cite it by name and date."""
        used: dict[str, tuple[Path, int]] = {}
        for entry, file, line in self.entries:
            if entry.ranking_ref is None:
                for url in (entry.source_url, *(p.source_url for p in entry.passages), *(k.url for k in entry.links)):
                    if url:
                        used.setdefault(url, (file, line))
        for row, file, line in self.rows:
            used.setdefault(row.source_url, (file, line))
        for ranking, file in self.rankings:
            for url in ranking.source_urls():
                used.setdefault(url, (file, 1))
        for request in self.requests:
            for url in (request.url, *(k.url for k in request.links)):
                used.setdefault(url, (self.request_files.get(request.id, Path("requests")), 1))
        where = self.sources_file.name if self.sources_file else "sources.yaml"
        for url, (file, line) in used.items():
            if url not in self.sources:
                self.problems.append(Problem(file, line, f"source {url} is not named in {where}"))

    def cross_checks(self) -> None:
        known_rankings = {r.id for r, _ in self.rankings}
        known_cities = set(self.aliases.cities)
        where = self.aliases_file or Path("aliases.yaml")
        seen: dict[str, tuple[Path, int]] = {}
        for entry, file, line in self.entries:
            if entry.id in seen:
                first, first_line = seen[entry.id]
                self.problems.append(Problem(file, line, f"duplicate id {entry.id!r} (first at {first}:{first_line})"))
            seen.setdefault(entry.id, (file, line))
            for ranking in entry.tags.rankings:
                if ranking not in known_rankings:
                    self.problems.append(Problem(file, line, f"tags.rankings: unknown ranking {ranking!r}"))
            for city in entry.tags.cities:
                if city not in known_cities:
                    self.problems.append(Problem(file, line, f"tags.cities: {city!r} is not in {where.name}"))
        for city in self.aliases.english:
            if city not in known_cities:
                self.problems.append(Problem(where, 1, f"english: {city!r} is not one of the cities"))
        placed: dict[str, str] = {}
        for state, cities in self.aliases.states.items():
            for city in (state, *cities):
                if city not in known_cities:
                    self.problems.append(Problem(where, 1, f"states: {city!r} is not one of the cities"))
            for city in cities:
                if placed.setdefault(city, state) != state:
                    self.problems.append(Problem(where, 1, f"states: {city!r} lies in {placed[city]!r} and {state!r}"))
        self._check_sources()
        defaults = [r.id for r in self.requests if r.default]
        for request_id in defaults[1:]:
            file = self.request_files[request_id]
            self.problems.append(Problem(file, 1, f"request {request_id}: only one request can be the default"))
        by_id = {r.id: r for r, _ in self.rankings}
        for row, file, line in self.rows:
            table = by_id.get(row.ranking)
            if row.category and table is not None and row.category not in table.categories_en:
                self.problems.append(
                    Problem(
                        file, line, f"category {row.category!r} has no English name in {row.ranking}.yaml categories_en"
                    )
                )
            if row.city not in known_cities:
                self.problems.append(Problem(file, line, f"city {row.city!r} is not in {where.name}"))
            if not supports(row, known_cities):
                self.problems.append(
                    Problem(
                        file,
                        line,
                        "quote: states neither the place nor the score of this row; quote the source's words for them",
                    )
                )


def load_knowledge(directory: Path) -> KnowledgeBase:
    """Read and validate every file of a knowledge folder; raise KnowledgeError listing all problems."""
    if not directory.is_dir():
        raise KnowledgeError([Problem(directory, 1, "knowledge folder not found")])
    collector = _Collector()
    aliases = directory / "aliases.yaml"
    if aliases.exists():
        collector.aliases_yaml(aliases)
    sources = directory / "sources.yaml"
    if sources.exists():
        collector.sources_yaml(sources)
    for file in sorted((directory / "rankings").glob("*.yaml")):
        collector.ranking_yaml(file)
    for file in sorted((directory / "requests").glob("*.yaml")):
        collector.request_yaml(file)
    for file in sorted((directory / "facts").glob("*.yaml")):
        collector.facts_yaml(file)
    rankings = [r for r, _ in collector.rankings]
    rows = [row for row, _, _ in collector.rows]
    generated = ranking_entries(rankings, rows, Citations(collector.sources.values()), collector.aliases.english)
    collector.entries.extend(
        (e, directory / "rankings" / f"{e.ranking_ref.ranking}.csv", 1) for e in generated if e.ranking_ref
    )
    collector.cross_checks()
    if collector.problems:
        raise KnowledgeError(collector.problems)
    return KnowledgeBase(
        entries=[e for e, _, _ in collector.entries],
        requests=collector.requests,
        rankings=rankings,
        rows=rows,
        aliases=collector.aliases,
        sources=list(collector.sources.values()),
    )


def knowledge_hash(directory: Path) -> str:
    """Content hash of every file in the folder, to skip rebuilding an unchanged base."""
    digest = hashlib.sha256()
    for file in sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in {".yaml", ".csv"}):
        digest.update(str(file.relative_to(directory)).encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
