"""What the benchmark prints: the table of every size and method, the targets, the notes and the profiles."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .queries import Query
from .runners import Build, Outcome, Profile, ProfileLine, Run

# (size, p95 ms, restart s, peak RSS MB); None where the brief sets no target.
TARGETS: tuple[tuple[int, float | None, float | None, float | None], ...] = (
    (10_000, 10.0, None, None),
    (100_000, 30.0, 1.0, 300.0),
)

Hit = Callable[[Query, Outcome], bool]


@dataclass(frozen=True)
class Row:
    """One method at one size: its serving run and the queries it was asked, in the same order."""

    size: int
    method: str
    build_s: float | None
    run: Run
    queries: list[Query]

    def latencies(self) -> list[float]:
        return [o.ms for o in self.run.outcomes]

    def answerable(self) -> list[tuple[Query, Outcome]]:
        return self._pairs(answerable=True)

    def unanswerable(self) -> list[tuple[Query, Outcome]]:
        return self._pairs(answerable=False)

    def _pairs(self, answerable: bool) -> list[tuple[Query, Outcome]]:
        # The baseline may have been cut to a prefix of the queries: zip stops at its last outcome.
        return [(q, o) for q, o in zip(self.queries, self.run.outcomes, strict=False) if bool(q.expected) == answerable]


def size_label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def _percentile(values: Sequence[float], percent: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _share(pairs: Sequence[tuple[Query, Outcome]], hit: Hit) -> float | None:
    return sum(hit(q, o) for q, o in pairs) / len(pairs) if pairs else None


def _fmt(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _top_correct(query: Query, outcome: Outcome) -> bool:
    return outcome.top == query.expected


def _answered_correct(query: Query, outcome: Outcome) -> bool:
    return outcome.answered == query.expected


def _answered(_query: Query, outcome: Outcome) -> bool:
    return outcome.answered is not None


def render_table(rows: Sequence[Row]) -> str:
    head = (
        "| N | method | build s | restart s | p50 ms | p95 ms | peak RSS MB | RSS Δ MB | R@1 "
        "| answered-correct | unanswerable-answered | n |"
    )
    lines = [head, "|" + "---|" * 12]
    for row in rows:
        ms = row.latencies()
        answerable, unanswerable = row.answerable(), row.unanswerable()
        engine = row.method == "engine"
        cells = [
            size_label(row.size),
            row.method,
            _fmt(row.build_s, 2),
            _fmt(row.run.restart_s, 2),
            _fmt(statistics.median(ms), 1),
            _fmt(_percentile(ms, 95), 1),
            _fmt(row.run.rss_peak_mb, 0),
            _fmt(row.run.rss_peak_mb - row.run.rss_start_mb, 0),
            _fmt(_share(answerable, _top_correct), 3),
            _fmt(_share(answerable, _answered_correct) if engine else None, 3),
            _fmt(_share(unanswerable, _answered) if engine else None, 3),
            f"{len(ms)} ({len(answerable)}+{len(unanswerable)})",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_targets(rows: Sequence[Row]) -> list[str]:
    """Each target with the measured value, for the sizes that ran."""
    engine = {row.size: row for row in rows if row.method == "engine"}
    out = []
    for size, p95, restart, rss in TARGETS:
        row = engine.get(size)
        if row is None:
            out.append(f"- at {size_label(size)}: not run")
            continue
        measured = (
            ("p95", p95, "ms", _percentile(row.latencies(), 95)),
            ("restart", restart, "s", row.run.restart_s),
            ("peak RSS", rss, "MB", row.run.rss_peak_mb),
        )
        for what, limit, unit, value in measured:
            if limit is not None:
                verdict = "met" if value <= limit else "MISSED"
                out.append(f"- {what} <= {limit:g} {unit} at {size_label(size)}: {value:.2f} {unit}, {verdict}")
    return out


def render_breakdown(row: Row, build: Build) -> str:
    """Size of the built base, and quality by query kind, for reading the totals."""

    def part(label: str, pairs: Sequence[tuple[Query, Outcome]], hit: Hit) -> str:
        return f"{label} {_fmt(_share(pairs, hit), 2)} (n={len(pairs)})"

    answerable, unanswerable = row.answerable(), row.unanswerable()
    recall = [
        part("with a typo", [p for p in answerable if p[0].typo], _top_correct),
        part("without", [p for p in answerable if not p[0].typo], _top_correct),
    ]
    kinds = sorted({q.kind for q, _ in unanswerable})
    answered = [part(k, [p for p in unanswerable if p[0].kind == k], _answered) for k in kinds]
    return (
        f"- {size_label(row.size)}: {build.entries} entries ({row.size} facts + generated ranking entries), "
        f"DB {build.db_mb:.0f} MB, build peak RSS {build.rss_peak_mb:.0f} MB, bot imports {row.run.imports_s:.2f} s "
        f"(before restart); RSS at worker start {row.run.rss_start_mb:.0f} MB; "
        f"R@1 {', '.join(recall)}; unanswerable answered: {', '.join(answered)}"
    )


def render_profile(size: int, profile: Profile) -> str:
    def block(title: str, lines: Sequence[ProfileLine]) -> list[str]:
        body = [f"    {p.self_share:6.1%} self {p.total_share:6.1%} incl {p.calls:>9} calls  {p.name}" for p in lines]
        return [f"  {title}:", *body]

    out = [
        f"Profile at {size_label(size)}: restart {profile.restart_s:.2f} s, "
        f"{profile.queries_s:.2f} s for the measured queries (under cProfile); "
        f"{profile.terms} index terms in memory",
        *block("restart, by self time", profile.restart_self),
        *block("restart, bot functions by inclusive time", profile.restart_bot),
        *block("queries, by self time", profile.queries_self),
        *block("queries, bot functions by inclusive time", profile.queries_bot),
    ]
    return "\n".join(out)
