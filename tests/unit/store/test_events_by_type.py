"""A query by type reads only the months whose files can hold that type."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, TrialEvent, WaterEvent, new_id
from crampcoach.store import Store

NOW = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)


def trial(at: datetime, action: str = "start") -> TrialEvent:
    fields = (
        {"first_day": date(at.year, at.month, 1), "seed": 7, "baseline_days": 14}
        | {"block_days": 14, "washin_days": 3, "pairs": 4}
        if action == "start"
        else {}
    )
    return TrialEvent(id=new_id(), at=at, trial_id="t1", action=action, **fields)


def history(data_dir: Path) -> list[TrialEvent]:
    """Two years of water, a trial started and stopped in two of its months."""
    events: list[WaterEvent | TrialEvent] = [
        WaterEvent(id=new_id(), at=NOW - timedelta(days=d), ml=250) for d in range(0, 730, 5)
    ]
    trials = [trial(NOW - timedelta(days=400)), trial(NOW - timedelta(days=200), "stop")]
    with Store.open(data_dir, clock=FakeClock(NOW)) as store:
        store.add_many([*events, *trials])
    return trials


def test_the_trials_of_two_years_from_their_two_months(tmp_path: Path) -> None:
    trials = history(tmp_path)
    with Store.open(tmp_path, clock=FakeClock(NOW)) as store:
        opened = set(store.months_in_memory)
        found = store.events(types=[EventType.TRIAL])
        assert [e.id for e in found] == [t.id for t in trials]
        read = set(store.months_in_memory) - opened
        assert read == {"2025-10", "2026-05"}
        # Every other type is still found, from every month.
        assert len(store.events(types=[EventType.WATER])) == 146


def test_a_trial_not_yet_written_is_found(tmp_path: Path) -> None:
    history(tmp_path)
    with Store.open(tmp_path, clock=FakeClock(NOW)) as store:
        late = trial(NOW - timedelta(days=1))
        store.add(late)
        assert store.events(types=[EventType.TRIAL])[-1].id == late.id
    with Store.open(tmp_path, clock=FakeClock(NOW)) as store:
        assert store.events(types=[EventType.TRIAL])[-1].id == late.id


def test_asking_again_reads_no_file_until_one_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history(tmp_path)
    with Store.open(tmp_path, clock=FakeClock(NOW)) as store:
        store.events(types=[EventType.TRIAL])
        reads: list[Path] = []
        real = Path.read_bytes
        monkeypatch.setattr(Path, "read_bytes", lambda p: reads.append(p) or real(p))
        assert len(store.events(types=[EventType.TRIAL])) == 2
        assert reads == []
        # A month's file replaced (as a sync tool does): that one is looked at again.
        old = sorted((tmp_path / "devices").glob("*/events-2025-01.json"))[0]
        old.write_bytes(real(old))
        assert len(store.events(types=[EventType.TRIAL])) == 2
        assert reads == [old]
