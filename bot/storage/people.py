"""What people said: their votes on answers and the questions the base could not answer."""

from __future__ import annotations

from typing import NamedTuple

from bot.storage.database import Part, now


class Votes(NamedTuple):
    """The 👍 and 👎 of one entry."""

    entry_id: str
    up: int
    down: int


class Unanswered(NamedTuple):
    """A question the base could not answer, grouped by its normalised form: an example, how often, last asked."""

    question: str
    times: int
    last: str


class People(Part):
    """Feedback and unanswered questions, the data of Telegram users (see SECURITY.md)."""

    def record_feedback(self, entry_id: str, user_id: int, vote: int) -> None:
        """One vote per person and entry; voting again replaces the earlier vote."""
        with self.transaction():
            self.db.table("feedback").upsert(
                {"entry_id": entry_id, "user_id": user_id, "vote": 1 if vote > 0 else -1, "at": now()},
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
                    "at": now(),
                }
            )

    def feedback_counts(self) -> list[Votes]:
        """The votes per entry, most 👎 first."""
        rows = self.db.query(
            "SELECT entry_id, sum(vote > 0) AS up, sum(vote < 0) AS down FROM feedback GROUP BY entry_id "
            "ORDER BY down DESC, entry_id"
        )
        return [Votes(r["entry_id"], int(r["up"]), int(r["down"])) for r in rows]

    def vote_totals(self) -> tuple[int, int]:
        """All 👍 and all 👎."""
        row = next(self.db.query("SELECT total(vote > 0) AS up, total(vote < 0) AS down FROM feedback"))
        return int(row["up"]), int(row["down"])

    def unanswered(self, since: str | None = None, limit: int = 50) -> list[Unanswered]:
        """The unanswered questions asked since an ISO date, most frequent first."""
        rows = self.db.query(
            "SELECT max(question) AS question, count(*) AS n, max(at) AS last_at FROM unanswered WHERE at >= ? "
            "GROUP BY normalized ORDER BY n DESC, last_at DESC LIMIT ?",
            [since or "", limit],
        )
        return [Unanswered(r["question"], int(r["n"]), r["last_at"]) for r in rows]

    def count_unanswered(self) -> int:
        return self.db.table("unanswered").count

    def prune_unanswered(self, before: str) -> int:
        """Delete unanswered questions asked before an ISO date (retention)."""
        return self._write("DELETE FROM unanswered WHERE at < ?", [before])

    def forget_entry(self, entry_id: str) -> None:
        """The votes on an entry that is removed."""
        self._write("DELETE FROM feedback WHERE entry_id = ?", [entry_id])

    def forget_user(self, user_id: int) -> dict[str, int]:
        """Delete a person's votes and questions; how many of each."""
        return {
            "feedback": self._write("DELETE FROM feedback WHERE user_id = ?", [user_id]),
            "unanswered questions": self._write("DELETE FROM unanswered WHERE user_id = ?", [user_id]),
        }
