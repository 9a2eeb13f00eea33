"""Several computers sharing one data folder through a file-sync tool.

Each "computer" here is a store opened with its own state folder (its device
id and lock live there), over one data folder: what Syncthing gives two
computers once it has carried the files.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import WaterEvent
from crampcoach.store import Store
from crampcoach.store.storage import encode
from crampcoach.store.store import DEVICES

T0 = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
MONTH = "events-2026-12.json"

Opener = Callable[..., Store]


@pytest.fixture
def computer(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Store]:
    """``computer("laptop")`` opens the shared folder as that computer."""

    def open_as(name: str, *, read_only: bool = False, clock: FakeClock | None = None) -> Store:
        monkeypatch.setenv("CRAMPCOACH_STATE_DIR", str(tmp_path / f"state-{name}"))
        # Two computers: each its own lock, so none in the one shared runtime folder.
        monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
        return Store.open(data_dir, read_only=read_only, clock=clock or FakeClock(T0))

    return open_as


def water(n: int, ml: int = 250, at: datetime = T0) -> WaterEvent:
    return WaterEvent(id=f"w{n}", at=at + timedelta(minutes=n), ml=ml)


def _files(data_dir: Path) -> dict[str, set[str]]:
    return {
        d.name: {p.name for p in d.iterdir() if p.is_file()} for d in (data_dir / DEVICES).iterdir()
    }


def test_each_computer_writes_only_its_own_files_and_reads_all(
    computer: Opener, data_dir: Path
) -> None:
    laptop = computer("laptop")
    desktop = computer("desktop")  # both writers at once: the locks are per computer
    laptop.add(water(1))
    desktop.add(water(2, ml=777))
    assert desktop.refresh() and laptop.refresh()
    assert laptop.events() == desktop.events() == [water(1), water(2, ml=777)]
    assert {frozenset(names) for names in _files(data_dir).values()} == {
        frozenset({"device.json", MONTH})
    }
    laptop.close()
    desktop.close()


def test_an_edit_and_a_delete_on_another_computer_win_by_revision(computer: Opener) -> None:
    with computer("laptop") as laptop:
        laptop.add(water(1))
        laptop.add(water(2))
    with computer("desktop") as desktop:
        desktop.update(water(1, ml=500))
        desktop.delete("w2")
    with computer("laptop") as laptop:
        assert laptop.events() == [water(1, ml=500)]
        # Editing again on the laptop outranks the desktop's edit.
        laptop.update(water(1, ml=600))
    with computer("desktop", read_only=True) as desktop:
        assert desktop.events() == [water(1, ml=600)]


def test_concurrent_edits_of_one_entry_end_the_same_on_both(computer: Opener) -> None:
    with computer("laptop") as laptop:
        laptop.add(water(1))
    laptop, desktop = computer("laptop"), computer("desktop")
    laptop.update(water(1, ml=300))  # neither has seen the other's edit
    desktop.update(water(1, ml=400, at=T0 - timedelta(days=45)))  # moved to October
    laptop.refresh()
    desktop.refresh()
    assert laptop.events() == desktop.events()
    assert len(laptop.events()) == 1
    laptop.close()
    desktop.close()


def test_a_conflict_copy_is_merged_then_archived_never_lost(
    computer: Opener, data_dir: Path
) -> None:
    with computer("laptop") as laptop:
        laptop.add(water(1))
        own = laptop.own_dir
    # The sync tool kept another version of the laptop's file: it has 777 ml.
    copy = own / "events-2026-12.sync-conflict-20261201-101500-ABCDEFG.json"
    copy.write_bytes(encode({"events": {"1": water(1).to_dict(), "2": water(7, 777).to_dict()}}))
    with computer("desktop") as desktop:
        assert desktop.events() == [water(1), water(7, 777)]
        assert any("conflict copy" in line for line in desktop.recovery)
    assert not copy.exists()
    archived = [p for p in (data_dir / DEVICES).glob("*/archive/*") if p.is_file()]
    assert [p.name.endswith(copy.name) for p in archived] == [True]
    for name in ("laptop", "desktop"):
        with computer(name, read_only=True) as store:
            assert store.events() == [water(1), water(7, 777)]


def test_a_damaged_or_arriving_file_of_another_computer_is_left_alone(
    computer: Opener, data_dir: Path
) -> None:
    with computer("laptop") as laptop:
        laptop.add(water(1))
        theirs = laptop.own_dir / MONTH
    good = theirs.read_bytes()
    theirs.write_bytes(good[: len(good) // 2])  # cut short mid-transfer
    (theirs.parent / f".syncthing.{MONTH}.tmp").write_bytes(b"{half")
    with computer("desktop") as desktop:
        desktop.add(water(2))
        assert desktop.events() == [water(2)]
        assert any("cannot be read yet" in line for line in desktop.recovery)
    assert theirs.read_bytes() == good[: len(good) // 2]  # not quarantined, not moved
    assert not list(theirs.parent.glob("*.corrupt-*"))
    theirs.write_bytes(good)  # the transfer finishes
    with computer("desktop") as desktop:
        assert desktop.events() == [water(1), water(2)]


def test_settings_merge_per_key_and_computer_state_stays_local(
    computer: Opener, data_dir: Path
) -> None:
    clock = FakeClock(T0)
    with computer("laptop", clock=clock) as laptop:
        laptop.set_setting("bedtime", "22:00")
        laptop.set_setting("glass_ml", 300)
        laptop.set_setting("reminders_checked_until", T0.isoformat())
    # The desktop's clock is an hour slow, but it saw the laptop's change.
    slow = FakeClock(T0 - timedelta(hours=1))
    with computer("desktop", clock=slow) as desktop:
        assert desktop.settings()["bedtime"] == "22:00"
        assert desktop.settings()["reminders_checked_until"] == ""
        desktop.set_setting("bedtime", "23:15")
    with computer("laptop", clock=clock) as laptop:
        got = laptop.settings()
        assert (got["bedtime"], got["glass_ml"]) == ("23:15", 300)
        assert got["reminders_checked_until"] == T0.isoformat()
    shared = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"reminders_checked_until" not in shared


def _legacy_folder(data_dir: Path) -> list[WaterEvent]:
    """A data folder as the one-folder store wrote it, with a half-moved entry."""
    events = [water(n, at=T0 - timedelta(days=31 * (n % 4))) for n in range(40)]
    months: dict[str, dict[str, dict[str, object]]] = {}
    for n, ev in enumerate(events):
        months.setdefault(ev.at.strftime("%Y-%m"), {})[str(n + 1)] = ev.to_dict()
    # A crash mid-move left a marked copy of w1 in December: w1 is in November.
    stale = {**water(1).to_dict(), "_moving_to": events[1].at.strftime("%Y-%m")}
    months["2026-12"]["999"] = stale
    for period, table in months.items():
        (data_dir / f"events-{period}.json").write_bytes(encode({"events": table}))
    (data_dir / "settings.json").write_bytes(
        encode({"settings": {"1": {"glass_ml": 333, "reminders_checked_until": T0.isoformat()}}})
    )
    (data_dir / "backups").mkdir()
    (data_dir / "backups" / "settings.json.2026-11-30").write_bytes(b"{}")
    (data_dir / "store.lock").write_text("123\n")
    return events


def test_an_old_layout_folder_is_migrated_once_with_everything_kept(
    computer: Opener, data_dir: Path
) -> None:
    events = _legacy_folder(data_dir)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    with computer("laptop") as laptop:
        assert sorted(laptop.events(), key=lambda e: e.id) == sorted(events, key=lambda e: e.id)
        assert laptop.settings()["glass_ml"] == 333
        assert laptop.settings()["reminders_checked_until"] == T0.isoformat()
        assert any("before-sync-" in line for line in laptop.recovery)
    (kept,) = data_dir.glob("before-sync-*")
    # The backup is the old files themselves, byte for byte.
    assert {p.name: p.read_bytes() for p in kept.iterdir() if p.is_file()} == before
    assert (kept / "backups" / "settings.json.2026-11-30").exists()
    assert not [p for p in data_dir.iterdir() if p.is_file()]  # nothing old left on top
    with computer("laptop") as laptop:  # a second start migrates nothing more
        assert len(laptop.events()) == len(events)
        assert laptop.recovery == []


def test_an_old_layout_file_reappearing_is_merged_by_id(computer: Opener, data_dir: Path) -> None:
    with computer("laptop") as laptop:
        laptop.add(water(1))
        laptop.update(water(1, ml=900))
    # An old CrampCoach on another computer wrote the old layout again.
    (data_dir / MONTH).write_bytes(
        encode({"events": {"1": water(1).to_dict(), "2": water(2).to_dict()}})
    )
    with computer("laptop") as laptop:
        assert laptop.events() == [water(1, ml=900), water(2)]
    assert not (data_dir / MONTH).exists()


def test_two_computers_each_name_themselves(computer: Opener) -> None:
    with computer("laptop") as laptop:
        laptop.set_device_name("Anna's laptop")
        laptop.add(water(1))
    with computer("desktop") as desktop:
        seen = {d.name: d for d in desktop.devices()}
        assert seen["Anna's laptop"].last_entry == water(1).at
        assert not seen["Anna's laptop"].this
        assert [d.this for d in seen.values()].count(True) == 1


def test_copying_a_computer_folder_into_place_twice_changes_nothing(
    computer: Opener, data_dir: Path, tmp_path: Path
) -> None:
    with computer("laptop") as laptop:
        for n in range(5):
            laptop.add(water(n))
        own = laptop.own_dir
    snapshot = tmp_path / "snap"
    shutil.copytree(own, snapshot)
    with computer("laptop") as laptop:
        laptop.delete("w3")
    # The sync tool re-delivers an old version of the file as a conflict copy.
    shutil.copy(snapshot / MONTH, own / "events-2026-12 (conflicted copy 2026-12-01 101500).json")
    with computer("desktop") as desktop:
        assert [e.id for e in desktop.events()] == ["w0", "w1", "w2", "w4"]
    docs = json.loads((own / MONTH).read_bytes())["events"]
    assert len(docs) == 5
