from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.alerts import GIVE_UP_AFTER, Alerts, Delivery, Outcome, parse_topic
from bot.models import Entry, Tags
from bot.service import FoiService, sync_knowledge
from bot.storage.alerts import OutboxState
from bot.storage.knowledge import EntryExists


def entry(entry_id: str, city: str = "Bochum", **extra: object) -> Entry:
    return Entry(
        id=entry_id,
        title=f"Neue Antwort aus {city}",
        questions=[f"Was hat {city} geantwortet?"],
        answer="Nichts Neues.",
        source_url="https://fragdenstaat.de/a/1/",
        tags=Tags(cities=[city], rankings=["bitkom-sci"], years=[2022]),
        **extra,
    )


def states(alerts: Alerts) -> dict[OutboxState, int]:
    return alerts.stats()


def test_topics_and_daily() -> None:
    assert parse_topic(["Bochum", "daily"]) == ("Bochum", True)
    assert parse_topic([]) == ("", False)
    assert parse_topic(["Smart", "City", "Index"]) == ("Smart City Index", False)


def test_subscriptions_per_chat(service: FoiService) -> None:
    alerts = service.alerts
    assert alerts.subscribe(-100, "Bochum", daily=False, by=1)
    assert not alerts.subscribe(-100, "bochum", daily=False, by=1), "same topic after normalisation"
    assert alerts.subscribe(-100, "", daily=True, by=1)
    assert [s.topic for s in alerts.subscriptions(-100)] == ["Bochum", ""]
    with pytest.raises(ValueError, match="searchable"):
        alerts.subscribe(-100, "die der das", daily=False, by=1)
    assert alerts.unsubscribe(-100, "Bochum") == 1
    assert alerts.unsubscribe(-100) == 1
    assert alerts.subscriptions() == []


def test_matching_uses_the_search_normalisation_and_one_alert_per_chat(service: FoiService) -> None:
    alerts = service.alerts
    alerts.subscribe(1, "Bochums", daily=False, by=1)  # genitive still names Bochum
    alerts.subscribe(1, "Smart-City-Index", daily=False, by=1)  # a second match in the same chat
    alerts.subscribe(2, "Dortmund", daily=False, by=2)
    alerts.subscribe(3, "", daily=True, by=3)
    service.add_entries([entry("neu-bochum")], origin="cli", actor="test")
    due = alerts.due(10)
    assert [(a.chat_id, a.entry_id) for a in due] == [(1, "neu-bochum")]
    assert [(a.chat_id, a.daily) for a in alerts.digest(3)] == [(3, True)]


def test_a_failed_write_queues_no_alert(service: FoiService) -> None:
    service.alerts.subscribe(1, "", daily=False, by=1)
    with pytest.raises(EntryExists):
        service.add_entries([entry("sci-2021-methodik")], origin="cli", actor="test")
    assert service.alerts.due(10) == []


def test_files_alert_for_new_facts_but_not_for_table_rows(service: FoiService, kb_dir: Path) -> None:
    service.alerts.subscribe(1, "", daily=False, by=1)
    table = kb_dir / "rankings" / "bitkom-sci.csv"
    row = "2023,Bochum,11,,,,https://example.org/bochum-2022,Platz 11,\n"
    table.write_text(table.read_text(encoding="utf-8") + row)
    (kb_dir / "facts" / "new.yaml").write_text(
        "entries:\n  - id: neu-aus-datei\n    title: T\n    questions: [Q?]\n    answer: A\n"
        "    source_url: https://example.org/method-2021\n",
        encoding="utf-8",
    )
    assert sync_knowledge(service.store, kb_dir)
    assert [a.entry_id for a in service.alerts.due(10)] == ["neu-aus-datei"]


def test_delivery_outcomes(service: FoiService) -> None:
    alerts = service.alerts
    for chat in (1, 2, 3, 4, 5):
        alerts.subscribe(chat, "", daily=False, by=chat)
    service.add_entries([entry("neu-1")], origin="cli", actor="test")
    by_chat = {a.chat_id: a for a in alerts.due(10)}
    for alert in by_chat.values():
        assert alerts.claim(alert)
        assert not alerts.claim(alert), "a claimed alert is not claimed twice"
    alerts.record(by_chat[1], Delivery(Outcome.SENT))
    alerts.record(by_chat[2], Delivery(Outcome.GONE, error="blocked"))
    alerts.record(by_chat[3], Delivery(Outcome.MOVED, new_chat_id=-1003))
    alerts.record(by_chat[4], Delivery(Outcome.RETRY, retry_after=3600))
    alerts.record(by_chat[5], Delivery(Outcome.FAILED, error="too long"))
    assert {s.chat_id for s in alerts.subscriptions()} == {1, -1003, 4, 5}
    assert [(a.chat_id, a.entry_id) for a in alerts.due(10)] == [(-1003, "neu-1")], "moved ones go at once"
    assert states(alerts) == {"sent": 1, "dropped": 1, "pending": 2, "failed": 1}


def test_retries_back_off_and_give_up_only_after_days(service: FoiService) -> None:
    alerts = service.alerts
    alerts.subscribe(1, "", daily=False, by=1)
    service.add_entries([entry("neu-2")], origin="cli", actor="test")
    waits = []
    for _ in range(12):
        service.store.db.execute("UPDATE outbox SET due_at = '2000-01-01'")
        [alert] = alerts.due(10)
        assert alerts.claim(alert)
        alerts.record(alert, Delivery(Outcome.RETRY, error="network"))
        waits.append(service.store.db.execute("SELECT due_at FROM outbox").fetchone()[0])
    assert states(alerts) == {"pending": 1}, "a long outage is waited out"
    assert waits == sorted(waits), "each retry waits longer"
    old = (dt.datetime.now(dt.UTC) - GIVE_UP_AFTER - dt.timedelta(minutes=1)).isoformat()
    service.store.db.execute("UPDATE outbox SET due_at = '2000-01-01', created_at = ?", [old])
    [alert] = alerts.due(10)
    assert alerts.claim(alert)
    alerts.record(alert, Delivery(Outcome.RETRY, error="network"))
    assert states(alerts) == {"failed": 1}


def test_only_alerts_in_flight_are_sent_again_after_a_crash(service: FoiService) -> None:
    alerts = service.alerts
    for chat in (1, 2, 3):
        alerts.subscribe(chat, "", daily=False, by=chat)
    service.add_entries([entry("neu-3")], origin="cli", actor="test")
    first, second, _ = alerts.due(10)
    alerts.claim(first)
    alerts.record(first, Delivery(Outcome.SENT))
    alerts.claim(second)  # in flight when the process dies
    assert alerts.recover() == 1
    assert sorted(a.chat_id for a in alerts.due(10)) == [2, 3]


def test_ending_a_chat_drops_its_pending_alerts(service: FoiService) -> None:
    alerts = service.alerts
    alerts.subscribe(9, "", daily=False, by=9)
    service.add_entries([entry("neu-4")], origin="cli", actor="test")
    alerts.end_chat(9, "kicked")
    assert alerts.subscriptions() == []
    assert alerts.due(10) == []
