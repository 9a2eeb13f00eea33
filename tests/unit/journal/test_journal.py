"""The journal: one schema per entry kind, idempotent writes, refusals that change nothing."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import WaterEvent
from crampcoach.core.journal import Change, EntryError, Journal, Store, parse_entries
from crampcoach.core.settings import SettingError
from crampcoach.store import Store as RealStore
from crampcoach.store import StoreWriteError
from tests.fakes import FailingStore, MemoryStore

NOW = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Any:
    s = RealStore.open(data_dir, clock=clock)
    yield s
    s.close()


def water(eid: str = "w1", ml: Any = 250, at: str = "2026-11-20T20:00:00+01:00") -> dict[str, Any]:
    return {"type": "water", "id": eid, "at": at, "ml": ml}


def cramp(**fields: Any) -> dict[str, Any]:
    base = {
        "type": "cramp",
        "id": "c1",
        "at": "2026-11-20T03:00:00+01:00",
        "leg": "left",
        "muscle": "calf",
        "severity": 5,
    }
    return {**base, **fields}


def session(**fields: Any) -> dict[str, Any]:
    base = {
        "type": "session",
        "id": "s1",
        "at": "2026-11-20T21:10:00+01:00",
        "routine_id": "bedtime",
        "routine_kind": "bedtime",
        "started": "2026-11-20T21:00:00+01:00",
        "completed": True,
        "steps_done": [0, 1, 2],
    }
    return {**base, **fields}


def _protocol_methods() -> list[str]:
    return [n for n, v in vars(Store).items() if callable(v) and not n.startswith("_")]


@pytest.mark.parametrize("fake", [RealStore, MemoryStore, FailingStore])
def test_the_real_store_and_every_fake_satisfy_the_store_protocol(fake: type) -> None:
    for name in _protocol_methods():
        expected = inspect.signature(getattr(Store, name))
        got = inspect.signature(getattr(fake, name))
        assert list(got.parameters) == list(expected.parameters), (fake.__name__, name)


# -- the schema ------------------------------------------------------------------


BAD = [
    ("id 7", water(eid=7), "id"),  # type: ignore[arg-type]
    ("empty id", water(eid=""), "id"),
    ("huge id", water(eid="x" * 500_000), "id"),
    ("ml true", water(ml=True), "ml"),
    ("ml float", water(ml=250.5), "ml"),
    ("ml zero", water(ml=0), "ml"),
    ("severity float", cramp(severity=5.5), "severity"),
    ("severity bool", cramp(severity=True), "severity"),
    ("note object", cramp(note={"a": 1}), "note"),
    ("note ESC", cramp(note="\x1b[31mred"), "note"),
    ("note BEL", cramp(note="ding\x07"), "note"),
    ("note CR", cramp(note="a\rb"), "note"),
    ("note RTL override", cramp(note="abc\u202edcb"), "note"),
    ("note lone surrogate", cramp(note="bad \udcff byte"), "note"),
    ("note too long", cramp(note="x" * 5000), "note"),
    ("minutes NaN", cramp(minutes=float("nan")), "minutes"),
    ("leg unknown", cramp(leg="middle"), "leg"),
    ("steps_done text", session(steps_done="123"), "steps_done"),
    ("steps_done bools", session(steps_done=[True]), "steps_done[0]"),
    ("completed text", session(completed="no"), "completed"),
    ("year 1", water(at="0001-01-01T00:00:00-01:00"), "at"),
    ("year 1 east", water(at="0001-01-01T00:30:00+01:00"), "at"),
    ("year 9999", water(at="9999-12-31T23:59:00-01:00"), "at"),
    ("1999", water(at="1999-12-31T12:00:00+00:00"), "at"),
    ("two days ahead", water(at="2026-11-22T22:00:00+00:00"), "at"),
    ("naive time", water(at="2026-11-20T20:00:00"), "at"),
    ("time not text", water(at=1_700_000_000), "at"),
    ("unknown field", {**water(), "extra": 1}, ""),
    ("unknown type", {**water(), "type": "beer"}, "type"),
    ("missing field", {"type": "water", "id": "w", "at": "2026-11-20T20:00:00+00:00"}, "ml"),
    ("not an object", ["water"], ""),
]


@pytest.mark.parametrize(("why", "data", "field"), BAD, ids=[b[0] for b in BAD])
def test_the_schema_refuses_and_names_the_field(
    why: str, data: Any, field: str, store: Any, clock: FakeClock
) -> None:
    journal = Journal(store, clock)
    before = sorted(p.read_bytes() for p in store.data_dir.glob("*.json"))
    with pytest.raises(EntryError) as caught:
        journal.add(journal.parse(data))
    assert caught.value.field == field
    assert len(str(caught.value)) < 400  # one readable line, even for a 500,000-character id
    assert store.events() == [] and store.pending == []
    assert sorted(p.read_bytes() for p in store.data_dir.glob("*.json")) == before


def test_good_entries_of_every_kind_are_accepted(store: Any, clock: FakeClock) -> None:
    journal = Journal(store, clock)
    entries = [
        water(),
        cramp(note="woke me\tup\nat 3", minutes=2.5, context="night"),
        session(source="cli"),
        {
            "type": "reminder",
            "id": "r1",
            "at": "2026-11-20T22:00:00+01:00",
            "reminder": "bedtime",
            "fate": "acted",
            "due": None,
        },
        {
            "type": "skip",
            "id": "k1",
            "at": "2026-11-20T22:00:00+01:00",
            "item": "bedtime",
            "day": "2026-11-20",
            "reason": "sick",
        },
    ]
    for data in entries:
        assert journal.add(journal.parse(data)) is True
    assert len(store.events()) == len(entries)


def test_a_message_with_an_int_id_after_a_string_one_no_longer_jams_the_store(
    store: Any, clock: FakeClock
) -> None:
    """The reported jam: the int id was written anyway, then every write failed."""
    journal = Journal(store, clock)
    journal.add(journal.parse(water(eid="a")))
    with pytest.raises(EntryError):
        journal.add(journal.parse(water(eid=7)))  # type: ignore[arg-type]
    # Even straight at the store (a door that forgot the journal) nothing is kept.
    bad = WaterEvent(id=7, at=datetime.fromisoformat(water()["at"]), ml=250)  # type: ignore[arg-type]
    with pytest.raises(EntryError):
        store.add(bad)
    journal.add(journal.parse(water(eid="b")))
    assert [e.id for e in store.events()] == ["a", "b"]


def test_a_built_event_meets_the_same_schema(store: Any, clock: FakeClock) -> None:
    journal = Journal(store, clock)
    at = NOW - timedelta(hours=1)
    for bad in (
        WaterEvent(id="w", at=at, ml=True),
        WaterEvent(id="w", at=at, ml=250.5),  # type: ignore[arg-type]
        WaterEvent(id="w", at=at.replace(year=1999), ml=250),
    ):
        with pytest.raises(EntryError):
            journal.add(bad)
    assert store.events() == []


# -- idempotence and faults ------------------------------------------------------------


def test_a_retried_id_is_a_no_op_and_a_reused_one_is_refused(store: Any, clock: FakeClock) -> None:
    journal = Journal(store, clock)
    assert journal.add(journal.parse(water())) is True
    assert journal.add(journal.parse(water())) is False
    with pytest.raises(EntryError, match="another entry"):
        journal.add(journal.parse(water(ml=300)))
    assert [e.to_dict()["ml"] for e in store.events()] == [250]


def test_a_failed_write_is_not_kept_so_a_retry_never_duplicates(clock: FakeClock) -> None:
    disk = FailingStore()
    journal = Journal(disk, clock)
    event = journal.parse(water())
    with pytest.raises(StoreWriteError):
        journal.add(event)
    assert disk.pending == {}
    disk.broken = False
    # The user retries: a new entry (a new id) is stored once, and the failed one never.
    journal.add(journal.parse(water(eid="w2")))
    assert [e.id for e in disk.saved] == ["w2"]


def test_keep_leaves_a_failed_write_for_the_windows_own_retry(clock: FakeClock) -> None:
    disk = FailingStore()
    journal = Journal(disk, clock)
    event = journal.parse(water())
    with pytest.raises(StoreWriteError):
        journal.add(event, keep=True)
    disk.broken = False
    disk.flush()
    assert journal.add(event) is False  # the retry of the same id is a no-op
    assert [e.id for e in disk.saved] == ["w1"]


def test_a_refused_setting_is_not_applied_later(clock: FakeClock) -> None:
    disk = FailingStore()
    journal = Journal(disk, clock)
    with pytest.raises(StoreWriteError):
        journal.set_setting("glass_ml", 300)
    disk.broken = False
    journal.add(journal.parse(water()))  # any later write flushes what is pending
    assert disk.settings()["glass_ml"] == 250
    with pytest.raises(SettingError):
        journal.set_setting("glass_ml", "lots")


def test_a_failed_delete_is_not_done_later(clock: FakeClock) -> None:
    disk = FailingStore()
    disk.broken = False
    journal = Journal(disk, clock)
    journal.add(journal.parse(water()))
    disk.broken = True
    with pytest.raises(StoreWriteError):
        journal.delete("w1")
    disk.broken = False
    journal.add(journal.parse(water(eid="w2")))
    assert sorted(e.id for e in disk.saved) == ["w1", "w2"]


def test_changed_is_told_after_each_write_and_only_then(store: Any, clock: FakeClock) -> None:
    journal = Journal(store, clock)
    seen: list[Change] = []
    journal.changed.connect(seen.append)
    event = journal.parse(water())
    journal.add(event)
    journal.add(event)  # no-op: nothing changed
    with pytest.raises(EntryError):
        journal.add(journal.parse(water(ml=True)))
    journal.set_setting("glass_ml", 300)
    removed = journal.delete("w1")
    journal.restore(removed)
    assert seen == [
        Change(event_id="w1"),
        Change(setting="glass_ml"),
        Change(event_id="w1", removed=True),
        Change(event_id="w1"),
    ]
    journal.changed.disconnect(seen.append)
    journal.delete("w1")
    assert len(seen) == 4


# -- import ------------------------------------------------------------------------


def test_import_merges_by_id_once_and_tells_one_change(store: Any, clock: FakeClock) -> None:
    journal = Journal(store, clock)
    journal.add(journal.parse(water(eid="here", ml=300)))
    seen: list[Change] = []
    journal.changed.connect(seen.append)
    entries = [water(eid="here", ml=500), water(eid="w2"), cramp(note="links")]
    counts = journal.import_events(parse_entries(entries))
    assert (counts.new, counts.same, counts.newer_elsewhere) == (2, 0, 1)
    again = journal.import_events(parse_entries(entries))
    assert (again.new, again.same, again.newer_elsewhere) == (0, 2, 1)
    assert seen == [Change()]  # one for the import that added, none for the repeat
    assert sorted((e.id, e.to_dict().get("ml")) for e in store.events()) == [
        ("c1", None),
        ("here", 300),
        ("w2", 250),
    ]


def test_an_import_is_checked_by_the_schema_and_names_the_entry() -> None:
    with pytest.raises(EntryError, match=r"entry 2 \(id w2\): ml"):
        parse_entries([water(), water(eid="w2", ml=True)])
    with pytest.raises(EntryError, match=r"entry 1: id"):  # an id that is no id is not shown
        parse_entries([water(eid="\x1b[31mred")])
    # An export from a computer whose clock ran ahead is still a backup of real entries.
    assert parse_entries([water(at="2031-01-01T08:00:00+01:00")])
