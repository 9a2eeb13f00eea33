"""Days start at the boundary (default 04:00) in local time, across daylight-saving weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import Event, WaterEvent
from crampcoach.store import Store

# Weeks (Monday..Sunday) that contain a clock change.
WEEKS = [
    pytest.param("Europe/Berlin", date(2026, 3, 23), id="berlin-spring"),  # 29 Mar
    pytest.param("Europe/Berlin", date(2026, 10, 19), id="berlin-autumn"),  # 25 Oct
    pytest.param("America/New_York", date(2026, 3, 2), id="newyork-spring"),  # 8 Mar
    pytest.param("America/New_York", date(2026, 10, 26), id="newyork-autumn"),  # 1 Nov
]


def _local(tzname: str, day: date, hh: int, mm: int, fold: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm, fold=fold), tzinfo=ZoneInfo(tzname))


def _week_of_events(tzname: str, monday: date) -> dict[date, list[Event]]:
    """For each day, events that belong to it by construction (not by local_day)."""
    expected: dict[date, list[Event]] = {}
    n = 0
    for offset in range(-1, 8):
        day = monday + timedelta(days=offset)
        for at in (
            _local(tzname, day, 4, 0),  # the boundary itself: this day
            _local(tzname, day, 12, 0),
            _local(tzname, day, 23, 30),
            _local(tzname, day + timedelta(days=1), 0, 30),  # bedtime after midnight
            _local(tzname, day + timedelta(days=1), 1, 30),  # twice on autumn nights
            _local(tzname, day + timedelta(days=1), 1, 30, fold=1),
            _local(tzname, day + timedelta(days=1), 3, 59),  # still this day
        ):
            n += 1
            expected.setdefault(day, []).append(WaterEvent(id=f"e{n:03d}", at=at, ml=100 + n))
    return expected


@pytest.mark.parametrize(("tzname", "monday"), WEEKS)
def test_events_by_local_day_across_dst(data_dir: Path, tzname: str, monday: date) -> None:
    tz = ZoneInfo(tzname)
    expected = _week_of_events(tzname, monday)
    sunday = monday + timedelta(days=6)
    with Store.open(data_dir, clock=FakeClock(datetime(2026, 12, 1, tzinfo=UTC))) as store:
        for events in expected.values():
            for ev in events:
                store.add(ev)
        by_day = store.events_by_day(monday, sunday, tz)
        assert list(by_day) == [monday + timedelta(days=k) for k in range(7)]
        for day, events in by_day.items():
            # Fold-0/1 duplicates of 01:30 collapse to one instant outside autumn
            # nights, so compare as sets of ids, sorted by time.
            assert {e.id for e in events} == {e.id for e in expected[day]}, day
            assert events == sorted(events, key=lambda e: e.at.timestamp())
        week = store.events_for_days(monday, sunday, tz)
        assert {e.id for e in week} == {e.id for d in by_day.values() for e in d}
        # Neighbouring days stay out of the week.
        outside = expected[monday - timedelta(days=1)] + expected[sunday + timedelta(days=1)]
        assert not {e.id for e in outside} & {e.id for e in week}


def test_clock_change_days_have_23_and_25_hours(data_dir: Path) -> None:
    tz = ZoneInfo("Europe/Berlin")
    with Store.open(data_dir, clock=FakeClock(datetime(2026, 12, 1, tzinfo=UTC))) as store:
        # An event every 30 minutes over the spring change weekend.
        start = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
        for k in range(4 * 48):
            store.add(WaterEvent(id=f"h{k}", at=start + timedelta(minutes=30 * k), ml=100))
        by_day = store.events_by_day(date(2026, 3, 28), date(2026, 3, 29), tz)
        # Saturday 28th 04:00 CET .. Sunday 29th 04:00 CEST is 23 hours.
        assert len(by_day[date(2026, 3, 28)]) == 46
        assert len(by_day[date(2026, 3, 29)]) == 48


def test_custom_boundary(data_dir: Path) -> None:
    tz = ZoneInfo("America/New_York")
    ev = WaterEvent(id="late", at=_local("America/New_York", date(2026, 6, 2), 1, 15), ml=200)
    with Store.open(data_dir, clock=FakeClock(datetime(2026, 12, 1, tzinfo=UTC))) as store:
        store.add(ev)
        assert store.events_for_days(date(2026, 6, 1), date(2026, 6, 1), tz) == [ev]
        midnight = time(0, 0)
        assert store.events_for_days(date(2026, 6, 1), date(2026, 6, 1), tz, midnight) == []
        assert store.events_for_days(date(2026, 6, 2), date(2026, 6, 2), tz, midnight) == [ev]


def test_range_is_start_inclusive_end_exclusive(data_dir: Path) -> None:
    at = datetime(2026, 1, 31, 23, 0, tzinfo=UTC)
    with Store.open(data_dir, clock=FakeClock(at)) as store:
        a = WaterEvent(id="a", at=at, ml=100)
        b = WaterEvent(id="b", at=at + timedelta(hours=1), ml=100)  # next month's file
        store.add(a)
        store.add(b)
        assert store.events(start=at, end=at + timedelta(hours=1)) == [a]
        assert store.events(start=at + timedelta(hours=1)) == [b]
        assert store.events(end=at) == []
        # The same instant in another zone is the same bound.
        berlin = at.astimezone(ZoneInfo("Europe/Berlin"))
        assert store.events(start=berlin, end=berlin + timedelta(hours=2)) == [a, b]
