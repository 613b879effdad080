"""The history of changes: every entry added, edited or removed, by whom and when, with its content before and
after (as the stored JSON)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from bot.models import Entry
from bot.storage.database import Part

FORGOTTEN = "telegram:forgotten"  # the actor of changes made by a person who asked to be forgotten


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
class Record:
    """A change as written (a row of `changes`): the entry's JSON before and after, None where there was none."""

    entry_id: str
    action: str
    actor: str
    at: str
    before: str | None = None
    after: str | None = None


class History(Part):
    """Who changed which entry, when, and how; kept for good (a forgotten person's changes name nobody)."""

    def record(self, changes: Iterable[Record]) -> None:
        with self.transaction():
            self.db.table("changes").insert_all((asdict(c) for c in changes), batch_size=1000)

    def changes(self, entry_id: str) -> list[Change]:
        rows = self.db.table("changes").rows_where(
            "entry_id = ?", [entry_id], order_by="id", select="action, actor, at, before, after"
        )
        return [
            Change(
                entry_id=entry_id,
                action=row["action"],
                actor=row["actor"],
                at=row["at"],
                before=Entry.model_validate_json(row["before"]) if row["before"] else None,
                after=Entry.model_validate_json(row["after"]) if row["after"] else None,
            )
            for row in rows
        ]

    def forget_actor(self, actor: str) -> int:
        """Changes made by `actor` are attributed to nobody in particular; how many."""
        return self._write("UPDATE changes SET actor = ? WHERE actor = ?", [FORGOTTEN, actor])
