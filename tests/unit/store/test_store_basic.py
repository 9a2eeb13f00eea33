from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB

from crampcoach.core.clock import FakeClock, SystemClock
from crampcoach.core.events import (
    CrampEvent,
    EventType,
    Leg,
    Muscle,
    SessionEvent,
    WaterEvent,
    new_id,
)
from crampcoach.core.settings import SettingError
from crampcoach.store import Store, StoreLockedError, StoreReadOnlyError
from crampcoach.store.store import device_folder

T0 = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)


def water(at: datetime, ml: int = 250) -> WaterEvent:
    return WaterEvent(id=new_id(), at=at, ml=ml)


def test_add_get_events_and_reopen(data_dir: Path) -> None:
    clock = FakeClock(T0)
    w = water(T0)
    c = CrampEvent(
        id=new_id(), at=T0 - timedelta(days=40), leg=Leg.LEFT, muscle=Muscle.CALF, severity=6
    )
    s = SessionEvent(
        id=new_id(),
        at=T0 + timedelta(hours=1),
        routine_id="bedtime",
        routine_kind="bedtime",
        started=T0,
        completed=True,
        steps_done=(0, 1),
    )
    with Store.open(data_dir, clock=clock) as store:
        assert store.recovery == []
        for ev in (w, c, s):
            store.add(ev)
        assert store.get(w.id) == w
        assert [e.id for e in store.events()] == [c.id, w.id, s.id]
    # A fresh process view: everything comes back from disk, sorted by time.
    with Store.open(data_dir, clock=clock) as store:
        assert store.events() == [c, w, s]
        assert store.events(types=[EventType.WATER]) == [w]
        assert store.events(start=T0, end=T0 + timedelta(hours=1)) == [w]
        assert store.events(start=T0 - timedelta(days=41), end=T0) == [c]
        assert store.get(c.id) == c
        assert store.get("nope") is None
    # One file per UTC month, each a plain TinyDB file with a schema version.
    assert sorted(p.name for p in device_folder(data_dir).glob("events-*.json")) == [
        "events-2026-01.json",
        "events-2026-03.json",
    ]
    raw = json.loads((device_folder(data_dir) / "events-2026-03.json").read_text())
    assert raw["_meta"]["1"]["schema"] == 1
    db = TinyDB(device_folder(data_dir) / "events-2026-03.json")
    assert {d["id"] for d in db.table("events").all()} == {w.id, s.id}
    db.close()


def test_update_delete_and_move_between_months(data_dir: Path) -> None:
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        w = water(T0)
        store.add(w)
        moved = WaterEvent(id=w.id, at=T0 - timedelta(days=60), ml=500)
        store.update(moved)
        assert store.get(w.id) == moved
        assert store.events(start=T0 - timedelta(days=1)) == []
        assert store.events() == [moved]
        with pytest.raises(KeyError):
            store.update(water(T0))
        assert store.delete(w.id) == moved
        assert store.get(w.id) is None
        with pytest.raises(KeyError):
            store.delete(w.id)
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        assert store.events() == []


def test_add_same_event_twice_is_idempotent_and_conflicts_are_refused(data_dir: Path) -> None:
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        w = water(T0)
        store.add(w)
        store.add(w)
        assert store.events() == [w]
        with pytest.raises(ValueError, match="exists already"):
            store.add(WaterEvent(id=w.id, at=T0, ml=100))


def test_naive_bounds_are_refused(data_dir: Path) -> None:
    with (
        Store.open(data_dir, clock=FakeClock(T0)) as store,
        pytest.raises(ValueError, match="aware"),
    ):
        store.events(start=datetime(2026, 1, 1))


def test_settings_roundtrip_and_validation(data_dir: Path) -> None:
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        assert store.settings()["glass_ml"] == 250
        assert store.set_setting("glass_ml", "300") == 300
        with pytest.raises(SettingError, match="glass_ml"):
            store.set_setting("glass_ml", 5)
        with pytest.raises(SettingError, match="unknown setting"):
            store.set_setting("nope", 1)
        store.set_setting("bedtime", "23:15")
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        s = store.settings()
        assert (s["glass_ml"], s["bedtime"], s["water_goal_ml"]) == (300, "23:15", 1500)


def test_second_writer_in_same_process_is_locked_out(data_dir: Path) -> None:
    import os

    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        with pytest.raises(StoreLockedError) as info:
            Store.open(data_dir, clock=FakeClock(T0))
        assert info.value.pid == os.getpid()
        assert str(os.getpid()) in str(info.value)
        store.add(water(T0))
    # Released on close: the next open works.
    Store.open(data_dir, clock=FakeClock(T0)).close()


def test_read_only_beside_writer(data_dir: Path) -> None:
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        w = water(T0)
        store.add(w)
        with Store.open(data_dir, read_only=True, clock=FakeClock(T0)) as ro:
            assert ro.events() == [w]
            with pytest.raises(StoreReadOnlyError):
                ro.add(water(T0))
        store.add(water(T0 + timedelta(minutes=1)))


def test_closed_store_refuses_use(data_dir: Path) -> None:
    store = Store.open(data_dir, clock=FakeClock(T0))
    store.close()
    store.close()
    with pytest.raises(Exception, match="closed"):
        store.events()


def test_unusable_data_folder_is_a_store_error(tmp_path: Path) -> None:
    from crampcoach.store import StoreError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="is not a folder"):
        Store.open(blocker / "data", clock=SystemClock())


def test_get_reads_only_the_month_that_holds_the_id(data_dir: Path) -> None:
    old = [water(T0 - timedelta(days=31 * k)) for k in range(1, 13)]
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        store.add_many(old)
        # A note quoting an id is escaped in the file: no false hit.
        store.add(
            CrampEvent(
                id=new_id(),
                at=T0 - timedelta(days=200),
                leg=Leg.LEFT,
                muscle=Muscle.FOOT,
                severity=1,
                note='"id":"fresh"',
            )
        )
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        loaded_at_open = set(store.months_in_memory)
        assert store.get("fresh") is None
        assert set(store.months_in_memory) == loaded_at_open
        assert store.get(old[5].id) == old[5]
        assert set(store.months_in_memory) - loaded_at_open == {"2025-09"}
