"""``Store.last_sessions``: the same answer as a full scan, without reading a year of files."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, SessionEvent, WaterEvent, new_id
from crampcoach.store import Store
from crampcoach.store.store import SESSIONS_CACHE

NOW = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
SINCE = NOW - timedelta(days=366)
ROUTINES = ("warmup", "bedtime", "leg-stretch", "rarely")


def session(at: datetime, routine: str) -> SessionEvent:
    return SessionEvent(
        id=new_id(),
        at=at,
        routine_id=routine,
        routine_kind="stretch",
        started=at - timedelta(minutes=5),
        completed=True,
    )


def scan(store: Store) -> dict[str, datetime]:
    """The obvious answer: read every session since SINCE."""
    out: dict[str, datetime] = {}
    for ev in store.events(start=SINCE, types=[EventType.SESSION]):
        assert isinstance(ev, SessionEvent)
        out[ev.routine_id] = max(ev.at, out.get(ev.routine_id, ev.at))
    return out


@pytest.fixture
def history(data_dir: Path) -> Path:
    """Two years of sessions and water; "rarely" only once, eleven months ago."""
    rng = random.Random(7)
    events: list[SessionEvent | WaterEvent] = []
    for day in range(730):
        at = NOW - timedelta(days=day, hours=rng.randint(0, 5))
        events.append(WaterEvent(id=new_id(), at=at, ml=250))
        if day % 3 == 0:
            events.append(session(at, rng.choice(ROUTINES[:3])))
    events.append(session(NOW - timedelta(days=330), "rarely"))
    events.append(session(NOW - timedelta(days=400), "too-old"))
    with Store.open(data_dir, clock=FakeClock(NOW)) as store:
        store.add_many(events)
    return data_dir


def test_same_answer_as_a_full_scan_cold_and_cached(history: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW)) as store:
        first = store.last_sessions(SINCE)
    with Store.open(history, clock=FakeClock(NOW)) as store:
        cached = store.last_sessions(SINCE)
        # Answered from the summary: only the current month was read (at open).
        assert len(store._months) == 1
        expected = scan(store)
    assert first == cached == expected
    assert set(expected) == {"warmup", "bedtime", "leg-stretch", "rarely"}


def test_a_session_added_to_an_old_month_is_seen_next_time(history: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW)) as store:
        store.last_sessions(SINCE)
    late_entry = session(NOW - timedelta(days=200), "logged-late")
    older = session(NOW - timedelta(days=340), "rarely")  # not newer: must not win
    with Store.open(history, clock=FakeClock(NOW)) as store:
        store.add(late_entry)  # e.g. `crampcoach log session --at ...`
        store.add(older)
    with Store.open(history, clock=FakeClock(NOW)) as store:
        last = store.last_sessions(SINCE)
        assert last == scan(store)
    assert last["logged-late"] == late_entry.at
    assert last["rarely"] == NOW - timedelta(days=330)


def test_a_deleted_session_is_gone_next_time(history: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW)) as store:
        assert "rarely" in store.last_sessions(SINCE)  # summarised here
    with Store.open(history, clock=FakeClock(NOW)) as store:
        sessions = store.events(start=SINCE, types=[EventType.SESSION])
        only = next(e for e in sessions if isinstance(e, SessionEvent) and e.routine_id == "rarely")
        store.delete(only.id)
    with Store.open(history, clock=FakeClock(NOW)) as store:
        assert "rarely" not in store.last_sessions(SINCE)


def test_sessions_of_this_run_count_at_once(history: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW)) as store:
        store.last_sessions(SINCE)
        done = session(NOW + timedelta(minutes=1), "rarely")
        store.add(done)
        assert store.last_sessions(SINCE)["rarely"] == done.at


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage",
        b"[]",
        b'{"format": 1, "months": []}',
        b'{"format": 99, "months": {}}',
    ],
)
def test_a_damaged_summary_is_ignored_and_rewritten(history: Path, content: bytes) -> None:
    with Store.open(history, clock=FakeClock(NOW)) as store:
        expected = store.last_sessions(SINCE)
    (history / SESSIONS_CACHE).write_bytes(content)
    with Store.open(history, clock=FakeClock(NOW)) as store:
        assert store.last_sessions(SINCE) == expected
    assert json.loads((history / SESSIONS_CACHE).read_bytes())["format"] == 2


def test_a_summary_with_wrong_entries_is_not_believed(history: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW)) as store:
        expected = store.last_sessions(SINCE)
    cache = history / SESSIONS_CACHE
    data = json.loads(cache.read_bytes())
    for entry in data["months"].values():
        entry["last"] = {"warmup": "not a time"}
    cache.write_text(json.dumps(data), encoding="utf-8")
    with Store.open(history, clock=FakeClock(NOW)) as store:
        assert store.last_sessions(SINCE) == expected


def test_read_only_store_answers_and_writes_nothing(history: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW), read_only=True) as store:
        assert store.last_sessions(SINCE) == scan(store)
    assert not (history / SESSIONS_CACHE).exists()


def test_naive_since_is_refused(history: Path) -> None:
    with (
        Store.open(history, clock=FakeClock(NOW)) as store,
        pytest.raises(ValueError, match="since"),
    ):
        store.last_sessions(datetime(2026, 1, 1))  # naive on purpose
