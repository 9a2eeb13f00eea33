"""A damaged file is moved aside (never deleted), the newest good backup restored, and reported."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import CrampContext, CrampEvent, Leg, Muscle, WaterEvent
from crampcoach.store import Store, storage
from crampcoach.store.storage import encode
from crampcoach.store.store import device_folder

T0 = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
MONTH = "events-2026-03.json"

EVENTS = [
    WaterEvent(id="w1", at=T0, ml=250),
    CrampEvent(
        id="c1",
        at=T0 + timedelta(hours=3),
        leg=Leg.RIGHT,
        muscle=Muscle.CALF,
        severity=7,
        minutes=2.5,
        context=CrampContext.NIGHT,
        note="woke me ✓",
    ),
]


def _build(data_dir: Path, clock: FakeClock) -> bytes:
    with Store.open(data_dir, clock=clock) as store:
        for ev in EVENTS:
            store.add(ev)
        store.set_setting("glass_ml", 300)
    return (device_folder(data_dir) / MONTH).read_bytes()


def _corrupt_files(data_dir: Path, name: str = MONTH) -> list[Path]:
    return sorted(device_folder(data_dir).glob(f"{name}.corrupt-*"))


def _check_recovers(data_dir: Path, clock: FakeClock, damaged: bytes, good: bytes) -> None:
    path = device_folder(data_dir) / MONTH
    path.write_bytes(damaged)
    with Store.open(data_dir, clock=clock) as store:
        assert store.events() == EVENTS, damaged
        assert len(store.recovery) == 1, store.recovery
        (message,) = store.recovery
        assert MONTH in message and "moved aside" in message and "2026-03-10" in message
    (moved,) = _corrupt_files(data_dir)
    assert moved.read_bytes() == damaged  # kept exactly as found
    assert path.read_bytes() == good
    moved.unlink()


def test_truncated_at_every_offset(data_dir: Path) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    good = _build(data_dir, clock)
    assert len(good) > 250
    for cut in range(len(good)):
        _check_recovers(data_dir, clock, good[:cut], good)


def test_every_byte_flipped(data_dir: Path) -> None:
    # Flipping the lowest bit keeps most characters in their class (digit to
    # digit, letter to letter), the case plain JSON parsing cannot notice:
    # the checksum must.
    clock = FakeClock(T0 + timedelta(hours=3))
    good = _build(data_dir, clock)
    for offset in range(len(good)):
        damaged = bytearray(good)
        damaged[offset] ^= 0x01
        _check_recovers(data_dir, clock, bytes(damaged), good)


@pytest.mark.parametrize(
    "damaged",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"   \n", id="blank"),
        pytest.param(b"\x00" * 512, id="nuls"),
        pytest.param(b"[]", id="list"),
        pytest.param(b"null", id="null"),
        pytest.param(b'"text"', id="string"),
        pytest.param(b"{}", id="no-schema"),
        pytest.param(b'{"events": []}', id="table-not-object"),
        pytest.param(encode({"events": {}}, schema=2), id="future-schema"),
        pytest.param(encode({"events": {}}, schema=0), id="unknown-old-schema"),
        pytest.param(
            json.dumps({"_meta": {"1": {"schema": 1}}, "events": {}}).encode(), id="no-checksum"
        ),
    ],
)
def test_named_damage(data_dir: Path, damaged: bytes) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    good = _build(data_dir, clock)
    _check_recovers(data_dir, clock, damaged, good)


def test_nuls_written_over_the_middle(data_dir: Path) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    good = _build(data_dir, clock)
    for start in range(0, len(good) - 8, 37):
        damaged = good[:start] + b"\x00" * 8 + good[start + 8 :]
        _check_recovers(data_dir, clock, damaged, good)


def test_future_schema_is_reported_as_newer(data_dir: Path) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    _build(data_dir, clock)
    (device_folder(data_dir) / MONTH).write_bytes(encode({"events": {}}, schema=9))
    with Store.open(data_dir, clock=clock) as store:
        assert "newer CrampCoach (schema 9" in store.recovery[0]


def test_quarantine_never_overwrites(data_dir: Path) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    _build(data_dir, clock)
    for n in range(3):
        (device_folder(data_dir) / MONTH).write_bytes(b"{broken %d" % n)
        Store.open(data_dir, clock=clock).close()  # same clock: same timestamp each time
    moved = _corrupt_files(data_dir)
    assert sorted(p.read_bytes() for p in moved) == [b"{broken 0", b"{broken 1", b"{broken 2"]
    assert [p.name.rsplit("-", 1)[-1] for p in moved][1:] == ["2", "3"]


def test_newest_good_backup_wins_and_bad_backups_are_skipped(data_dir: Path) -> None:
    clock = FakeClock(T0)
    with Store.open(data_dir, clock=clock) as store:
        store.add(EVENTS[0])
    clock.advance(24 * 3600)
    with Store.open(data_dir, clock=clock) as store:  # backs up day 1's state as 03-11
        store.add(EVENTS[1])  # closing refreshes 03-11 to hold both
    clock.advance(24 * 3600)
    backups = device_folder(data_dir) / "backups"
    newest = backups / f"{MONTH}.2026-03-11"
    newest.write_bytes(b"{damaged backup")
    (device_folder(data_dir) / MONTH).write_bytes(b"")
    with Store.open(data_dir, clock=clock) as store:
        assert store.events() == [EVENTS[0]]
        assert "backup from 2026-03-10" in store.recovery[0]
        assert (
            "entries logged after that backup are only in the moved-aside file"
            in (store.recovery[0])
        )


def test_no_backup_starts_empty_and_keeps_the_damaged_file(data_dir: Path) -> None:
    clock = FakeClock(T0)
    (device_folder(data_dir) / MONTH).write_bytes(b'{"_default": {"1": ')
    with Store.open(data_dir, clock=clock) as store:
        assert store.events() == []
        assert "no good backup was found" in store.recovery[0]
        store.add(EVENTS[0])  # the log carries on
    assert _corrupt_files(data_dir)[0].read_bytes() == b'{"_default": {"1": '


def test_missing_file_with_a_backup_is_restored(data_dir: Path) -> None:
    # What a crash between "move aside" and "restore" would leave.
    clock = FakeClock(T0 + timedelta(hours=3))
    good = _build(data_dir, clock)
    (device_folder(data_dir) / MONTH).unlink()
    with Store.open(data_dir, clock=clock) as store:
        assert store.events() == EVENTS
        assert "was missing" in store.recovery[0]
    assert (device_folder(data_dir) / MONTH).read_bytes() == good


def test_damaged_settings_are_restored(data_dir: Path) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    _build(data_dir, clock)
    (device_folder(data_dir) / "settings.json").write_bytes(b'{"settings": {"1": {"glass_ml": 3')
    with Store.open(data_dir, clock=clock) as store:
        assert store.settings()["glass_ml"] == 300
        assert "settings.json was damaged" in store.recovery[0]


def test_damaged_past_month_is_found_at_open_or_first_read(data_dir: Path) -> None:
    clock = FakeClock(T0 - timedelta(days=40))
    with Store.open(data_dir, clock=clock) as store:
        store.add(WaterEvent(id="old", at=clock.now(), ml=100))
    old = device_folder(data_dir) / "events-2026-01.json"
    good = old.read_bytes()
    clock = FakeClock(T0)
    # Cut short: the cheap check at open notices it.
    old.write_bytes(good[:-3])
    with Store.open(data_dir, clock=clock) as store:
        assert store.recovery and "events-2026-01.json" in store.recovery[0]
    # A flipped digit keeps the shape: noticed when a query first reads the month.
    flipped = bytearray(good)
    flipped[good.index(b'"ml":100') + 6] ^= 0x01
    old.write_bytes(bytes(flipped))
    with Store.open(data_dir, clock=clock) as store:
        assert store.recovery == []
        assert [e.id for e in store.events()] == ["old"]
        assert "checksum" in store.recovery[0]
    assert len(_corrupt_files(data_dir, old.name)) == 2


def test_read_only_open_shows_backup_and_moves_nothing(data_dir: Path) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    _build(data_dir, clock)
    (device_folder(data_dir) / MONTH).write_bytes(b"[]")
    with Store.open(data_dir, read_only=True, clock=clock) as view:
        assert view.events() == EVENTS
        assert "is shown instead" in view.recovery[0]
    assert (device_folder(data_dir) / MONTH).read_bytes() == b"[]"
    assert _corrupt_files(data_dir) == []


def test_unreadable_entry_is_kept_and_reported(data_dir: Path) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    tables = {
        "events": {
            "1": EVENTS[0].to_dict(),
            "2": {"id": "x", "type": "teleport", "at": T0.isoformat()},
            "3": {"no": "id"},
        }
    }
    (device_folder(data_dir) / MONTH).write_bytes(encode(tables))
    with Store.open(data_dir, clock=clock) as store:
        assert store.events() == [EVENTS[0]]
        assert "could not be read" in store.recovery[0]
        store.add(EVENTS[1])
    kept = json.loads((device_folder(data_dir) / MONTH).read_text())["events"]
    assert kept["2"]["type"] == "teleport" and kept["3"] == {"no": "id"}


def test_migration_hook_upgrades_old_files(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock(T0 + timedelta(hours=3))
    _build(data_dir, clock)

    def v1_to_v2(tables: storage.Tables) -> storage.Tables:
        for doc in tables.get("events", {}).values():
            doc["migrated"] = True
        return tables

    monkeypatch.setattr(storage, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(storage.MIGRATIONS, 1, v1_to_v2)
    with Store.open(data_dir, clock=clock) as store:
        assert "updated from data format 1 to 2" in store.recovery[0]
        assert store.events() == EVENTS
    raw = json.loads((device_folder(data_dir) / MONTH).read_text())
    assert raw["_meta"]["1"]["schema"] == 2
    assert all(doc["migrated"] for doc in raw["events"].values())
