"""``Store.last_sessions``: the same answer as a full scan, without reading a year of files."""

from __future__ import annotations

import json
import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, SessionEvent, WaterEvent, new_id
from crampcoach.store import Store
from crampcoach.store.caches import SESSIONS_CACHE_FORMAT, sessions_cache_path

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
    for ev in store.events(start=SINCE):  # every type: no shortcut of the code under test
        if isinstance(ev, SessionEvent):
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
        assert len(store.months_in_memory) == 1
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
    sessions_cache_path().write_bytes(content)
    with Store.open(history, clock=FakeClock(NOW)) as store:
        assert store.last_sessions(SINCE) == expected
    assert json.loads(sessions_cache_path().read_bytes())["format"] == SESSIONS_CACHE_FORMAT


def test_a_summary_with_wrong_entries_is_not_believed(history: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW)) as store:
        expected = store.last_sessions(SINCE)
    cache = sessions_cache_path()
    data = json.loads(cache.read_bytes())
    for entries in data["months"].values():
        for entry in entries:
            entry["last"] = {"warmup": "not a time"}
    cache.write_text(json.dumps(data), encoding="utf-8")
    with Store.open(history, clock=FakeClock(NOW)) as store:
        assert store.last_sessions(SINCE) == expected


def test_read_only_store_answers_and_writes_nothing(history: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW), read_only=True) as store:
        assert store.last_sessions(SINCE) == scan(store)
    assert not sessions_cache_path().exists()


def test_naive_since_is_refused(history: Path) -> None:
    with (
        Store.open(history, clock=FakeClock(NOW)) as store,
        pytest.raises(ValueError, match="since"),
    ):
        store.last_sessions(datetime(2026, 1, 1))  # naive on purpose


# -- the cache is the computer's, keyed on content -------------------------------


def _only_current_month_read(store: Store) -> bool:
    return store.months_in_memory == {"2026-11"}


def test_a_copied_data_folder_hits_the_cache(history: Path, tmp_path: Path) -> None:
    with Store.open(history, clock=FakeClock(NOW)) as store:
        expected = store.last_sessions(SINCE)
    copy = tmp_path / "moved" / "crampcoach"
    shutil.copytree(history, copy)  # new inodes and times, same bytes
    with Store.open(copy, clock=FakeClock(NOW)) as store:
        assert store.device != device_of(history)  # a new folder is a new device here
        assert store.last_sessions(SINCE) == expected
        assert _only_current_month_read(store)


def test_a_changed_file_misses_the_cache(history: Path, tmp_path: Path) -> None:
    copy = tmp_path / "other-computer"
    shutil.copytree(history, copy)
    with Store.open(copy, clock=FakeClock(NOW)) as store:
        store.last_sessions(SINCE)
    # The first computer logs a session in an old month; the sync tool
    # brings the new month file over the copy's old one (mtime kept).
    late = session(NOW - timedelta(days=200), "logged-late")
    with Store.open(history, clock=FakeClock(NOW)) as store:
        store.add(late)
        changed = store.own_dir / f"events-{late.at:%Y-%m}.json"
    target = copy / changed.relative_to(history)
    shutil.copy2(changed, target)
    with Store.open(copy, clock=FakeClock(NOW)) as store:
        last = store.last_sessions(SINCE)
        assert f"{late.at:%Y-%m}" in store.months_in_memory  # that month was read again
        assert last == scan(store)
    assert last["logged-late"] == late.at


def test_two_data_folders_keep_their_own_summaries(history: Path, tmp_path: Path) -> None:
    other = tmp_path / "second-log"
    with Store.open(other, clock=FakeClock(NOW)) as store:
        store.add_many([session(NOW - timedelta(days=d), "other-only") for d in range(40, 300, 20)])
    answers: dict[Path, dict[str, datetime]] = {}
    for _round in range(2):
        for folder in (history, other):
            with Store.open(folder, clock=FakeClock(NOW)) as store:
                answers[folder] = store.last_sessions(SINCE)
                assert _only_current_month_read(store) == bool(_round)
                assert answers[folder] == scan(store)
    assert "other-only" not in answers[history]
    assert set(answers[other]) == {"other-only"}


def test_nothing_but_this_computers_files_is_written_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    folder = tmp_path / "Sync" / "crampcoach"
    with Store.open(folder, clock=FakeClock(NOW)) as store:
        store.add_many([session(NOW - timedelta(days=d), "warmup") for d in range(0, 90, 7)])
        store.set_setting("glass_ml", 300)
        own = store.device
    with Store.open(folder, clock=FakeClock(NOW)) as store:
        store.last_sessions(SINCE)
    written = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
    assert written
    assert all(p.parts[:2] == ("devices", own) for p in written), written
    assert sessions_cache_path().is_relative_to(tmp_path / "cache-home")
    assert sessions_cache_path().exists()


def test_the_old_cache_in_the_data_folder_is_removed_at_open(history: Path) -> None:
    old = history / "cache"
    old.mkdir()
    (old / "sessions.json").write_text('{"format": 2, "months": {}}', encoding="utf-8")
    with Store.open(history, clock=FakeClock(NOW), read_only=True):
        pass
    assert (old / "sessions.json").exists()  # a reader never writes
    (old / "keep-me.txt").write_text("not ours", encoding="utf-8")
    with Store.open(history, clock=FakeClock(NOW)):
        pass
    assert sorted(p.name for p in old.iterdir()) == ["keep-me.txt"]  # only our file goes
    (old / "keep-me.txt").unlink()
    with Store.open(history, clock=FakeClock(NOW)):
        pass
    assert not old.exists()


def device_of(folder: Path) -> str:
    with Store.open(folder, clock=FakeClock(NOW), read_only=True) as store:
        return store.device


def test_only_sessions_are_parsed_to_answer(history: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The current month's water entries (most of it) are skipped on their stored type, unparsed."""
    from crampcoach.store import months

    parsed: list[str] = []
    real = months.event_from_dict

    def counting(doc: dict[str, object]) -> object:
        parsed.append(str(doc["type"]))
        return real(doc)

    monkeypatch.setattr(months, "event_from_dict", counting)
    with Store.open(history, clock=FakeClock(NOW)) as store:
        last = store.last_sessions(SINCE)
        assert parsed and set(parsed) == {EventType.SESSION.value}
        parsed.clear()
        water = store.events(start=NOW - timedelta(days=20), types=[EventType.WATER])
        assert water and set(parsed) == {EventType.WATER.value}
        assert last == scan(store)
