"""Rolling daily backups, temp-file clean-up at open, and the bulk path."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import WaterEvent
from crampcoach.store import Store, StoreWriteError
from crampcoach.store.storage import decode
from crampcoach.store.store import device_folder

T0 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
MONTH = "events-2026-03.json"


def test_one_backup_per_day_and_only_the_last_seven(data_dir: Path) -> None:
    clock = FakeClock(T0)
    for day in range(10):
        with Store.open(data_dir, clock=clock) as store:
            for n in range(3):  # several writes a day: still one backup that day
                store.add(WaterEvent(id=f"d{day}n{n}", at=clock.now(), ml=100))
        clock.advance(24 * 3600)
    backups = sorted((device_folder(data_dir) / "backups").glob(f"{MONTH}.*"))
    assert [p.name.rsplit(".", 1)[-1] for p in backups] == [
        f"2026-03-{d:02d}" for d in range(4, 11)
    ]
    # Each day's backup was refreshed at close: it holds that day's entries.
    tables, _version = decode(backups[-1].read_bytes(), backups[-1].name)
    assert len(tables["events"]) == 30
    settings_backups = list((device_folder(data_dir) / "backups").glob("settings.json.*"))
    assert settings_backups == []  # no settings file yet, nothing to back up


def test_open_makes_todays_backup_of_the_current_month(data_dir: Path) -> None:
    clock = FakeClock(T0)
    with Store.open(data_dir, clock=clock) as store:
        store.add(WaterEvent(id="a", at=T0, ml=100))
    today = device_folder(data_dir) / "backups" / f"{MONTH}.2026-03-01"
    today.unlink()
    Store.open(data_dir, clock=clock).close()  # open alone, no write
    assert today.read_bytes() == (device_folder(data_dir) / MONTH).read_bytes()


def test_leftover_temp_files_are_removed_by_the_writer_only(data_dir: Path) -> None:
    clock = FakeClock(T0)
    with Store.open(data_dir, clock=clock) as store:
        store.add(WaterEvent(id="a", at=T0, ml=100))
    leftovers = [
        device_folder(data_dir) / f".{MONTH}.x1y2.tmp",
        device_folder(data_dir) / "backups" / f".{MONTH}.q.tmp",
    ]
    for p in leftovers:
        p.write_bytes(b'{"half')
    unrelated = device_folder(data_dir) / "notes.tmp"
    unrelated.write_text("mine")
    # A reader never touches the writer's files (they may be mid-write).
    with Store.open(data_dir, read_only=True, clock=clock) as view:
        assert [e.id for e in view.events()] == ["a"]
    assert all(p.exists() for p in leftovers)
    with Store.open(data_dir, clock=clock) as store:
        assert store.recovery == []
    assert not any(p.exists() for p in leftovers)
    assert unrelated.read_text() == "mine"


def test_add_many_writes_each_month_once(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = [WaterEvent(id=f"e{n}", at=T0 - timedelta(days=n), ml=100) for n in range(90)]
    replaced: list[str] = []
    real_replace = os.replace

    def counting_replace(src: str, dst: str) -> None:
        replaced.append(Path(dst).name)
        real_replace(src, dst)

    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        monkeypatch.setattr(os, "replace", counting_replace)
        store.add_many(events)
        monkeypatch.undo()
        assert sorted(replaced) == [
            "events-2025-12.json",
            "events-2026-01.json",
            "events-2026-02.json",
            "events-2026-03.json",
        ]
        with pytest.raises(ValueError, match="e5"):
            store.add_many([WaterEvent(id="e5", at=T0 - timedelta(days=5), ml=1)])
        with pytest.raises(ValueError, match="new"):
            store.add_many([WaterEvent(id="new", at=T0, ml=1)] * 2)
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        assert [e.id for e in store.events()] == [f"e{n}" for n in reversed(range(90))]


def test_add_many_failure_keeps_the_rest_pending(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = [WaterEvent(id=f"e{n}", at=T0 - timedelta(days=20 * n), ml=100) for n in range(3)]

    def full(*args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        with monkeypatch.context() as m:
            m.setattr(os, "write", full)
            with pytest.raises(StoreWriteError):
                store.add_many(events)
        assert {e.id for e in store.pending} == {"e0", "e1", "e2"}
        store.flush()
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        assert {e.id for e in store.events()} == {"e0", "e1", "e2"}


def test_files_are_private_to_the_user(data_dir: Path) -> None:
    # Health data: the temp file's 0600 mode is kept through the rename.
    with Store.open(data_dir, clock=FakeClock(T0)) as store:
        store.add(WaterEvent(id="a", at=T0, ml=100))
    assert (device_folder(data_dir) / MONTH).stat().st_mode & 0o077 == 0


def test_old_months_keep_their_two_newest_backups(data_dir: Path) -> None:
    clock = FakeClock(datetime(2026, 1, 20, 12, 0, tzinfo=UTC))
    for day in range(10):  # January written on ten days
        with Store.open(data_dir, clock=clock) as store:
            store.add(WaterEvent(id=f"jan{day}", at=clock.now(), ml=100))
        clock.advance(24 * 3600)
    jan = "events-2026-01.json"
    assert len(list((device_folder(data_dir) / "backups").glob(f"{jan}.*"))) == 7
    clock.advance(60 * 24 * 3600)  # two months on, January is never written again
    Store.open(data_dir, clock=clock).close()
    kept = sorted(p.name for p in (device_folder(data_dir) / "backups").glob(f"{jan}.*"))
    assert kept == [f"{jan}.2026-01-28", f"{jan}.2026-01-29"]
    # ... and they still restore January if its file is damaged.
    (device_folder(data_dir) / jan).write_bytes(b"")
    with Store.open(data_dir, clock=clock) as store:
        assert len(store.events(end=datetime(2026, 2, 1, tzinfo=UTC))) == 10
        assert "backup from 2026-01-29" in store.recovery[0]
