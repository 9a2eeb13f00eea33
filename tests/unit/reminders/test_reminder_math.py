"""Pure next-fire-time tests with an explicit ``now`` (issue 5 acceptance, first point)."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from crampcoach.core import day
from crampcoach.core import reminders as r
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import (
    ReminderEvent,
    ReminderFate,
    ReminderKind,
    SessionEvent,
    SkipEvent,
    SkipReason,
    WaterEvent,
    new_id,
)
from crampcoach.core.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def cfg(**over: Any) -> Settings:
    return dataclasses.replace(Settings(), **over)


def at(tz: ZoneInfo, y: int, mo: int, d: int, h: int, mi: int = 0, fold: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz, fold=fold)


def utc(x: datetime | None) -> datetime:
    assert x is not None
    return x.astimezone(UTC)


def wall(x: datetime | None, tz: ZoneInfo) -> str:
    assert x is not None
    return x.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")


# --- defaults and midnight -------------------------------------------------


def test_default_bedtime_reminder_is_bedtime_minus_lead() -> None:
    nxt = r.next_bedtime(at(BERLIN, 2026, 1, 5, 12), cfg(), BERLIN)
    assert wall(nxt, BERLIN) == "2026-01-05 22:15 CET"


def test_bedtime_after_todays_reminder_is_tomorrow() -> None:
    nxt = r.next_bedtime(at(BERLIN, 2026, 1, 5, 22, 16), cfg(), BERLIN)
    assert wall(nxt, BERLIN) == "2026-01-06 22:15 CET"


def test_bedtime_lead_wraps_across_midnight() -> None:
    s = cfg(bedtime="00:10", bedtime_lead_min=20, quiet_start="01:00", quiet_end="07:00")
    nxt = r.next_bedtime(at(BERLIN, 2026, 1, 5, 23, 0), s, BERLIN)
    assert wall(nxt, BERLIN) == "2026-01-05 23:50 CET"
    # 23:50 belongs to the night of the 5th, and that night ends at 04:00 on the 6th.
    assert r.night_of(nxt, s, BERLIN) == date(2026, 1, 5)  # type: ignore[arg-type]
    assert wall(r.night_end(nxt, s, BERLIN), BERLIN) == "2026-01-06 04:00 CET"  # type: ignore[arg-type]


def test_hydration_across_midnight_goes_to_next_morning() -> None:
    nxt = r.next_hydration(at(BERLIN, 2026, 1, 5, 20, 30), cfg(), BERLIN)
    assert wall(nxt, BERLIN) == "2026-01-06 08:00 CET"


def test_hydration_slots_every_interval_within_window() -> None:
    s, now, seen = cfg(), at(BERLIN, 2026, 1, 5, 7, 0), []
    while True:
        nxt = r.next_hydration(now, s, BERLIN)
        assert nxt is not None
        if nxt.astimezone(BERLIN).date() != date(2026, 1, 5):
            break
        seen.append(nxt.astimezone(BERLIN).strftime("%H:%M"))
        now = nxt
    assert seen == ["08:00", "09:30", "11:00", "12:30", "14:00", "15:30", "17:00", "18:30", "20:00"]


def test_hydration_window_across_midnight() -> None:
    s = cfg(
        hydration_start="22:00",
        hydration_end="01:00",
        hydration_interval_min=60,
        quiet_start="03:00",
        quiet_end="03:00",
    )
    times = []
    now = at(BERLIN, 2026, 1, 5, 21, 0)
    for _ in range(5):
        now = r.next_hydration(now, s, BERLIN)  # type: ignore[assignment]
        times.append(wall(now, BERLIN))
    assert times == [
        "2026-01-05 22:00 CET",
        "2026-01-05 23:00 CET",
        "2026-01-06 00:00 CET",
        "2026-01-06 01:00 CET",
        "2026-01-06 22:00 CET",
    ]


# --- daylight saving -------------------------------------------------------

# (tz, date of the change, the wall time that is skipped in spring / repeated in autumn)
SPRING = [(BERLIN, (2026, 3, 29), "02:30", "03:30"), (NEW_YORK, (2026, 3, 8), "02:30", "03:30")]
AUTUMN = [(BERLIN, (2026, 10, 25), "02:30"), (NEW_YORK, (2026, 11, 1), "01:30")]


@pytest.mark.parametrize(("tz", "day", "skipped", "fires"), SPRING)
def test_bedtime_in_the_skipped_spring_hour_fires_once_after_the_jump(
    tz: ZoneInfo, day: tuple[int, int, int], skipped: str, fires: str
) -> None:
    h, m = map(int, skipped.split(":"))
    s = cfg(
        bedtime=f"{h:02d}:{m + 15:02d}", bedtime_lead_min=15, quiet_start="05:00", quiet_end="05:00"
    )
    before = datetime(*day, 0, 0, tzinfo=tz)
    nxt = r.next_bedtime(before, s, tz)
    assert nxt is not None
    assert nxt.astimezone(tz).strftime("%H:%M") == fires
    assert nxt.astimezone(tz).date() == date(*day)
    # exactly once: the following one is the next day at the normal time
    after = r.next_bedtime(nxt, s, tz)
    assert wall(after, tz).startswith(f"{date(*day) + timedelta(days=1)} {skipped}")
    # 03:30 (shifted) to 02:30 the next day: 23 real hours, nothing in between.
    assert utc(after) - utc(nxt) == timedelta(hours=23)


@pytest.mark.parametrize(("tz", "day", "repeated"), AUTUMN)
def test_bedtime_in_the_repeated_autumn_hour_fires_once(
    tz: ZoneInfo, day: tuple[int, int, int], repeated: str
) -> None:
    h, m = map(int, repeated.split(":"))
    s = cfg(
        bedtime=f"{h:02d}:{m + 15:02d}", bedtime_lead_min=15, quiet_start="05:00", quiet_end="05:00"
    )
    first = r.next_bedtime(datetime(*day, 0, 0, tzinfo=tz), s, tz)
    assert first is not None
    assert first.astimezone(tz).strftime("%H:%M") == repeated
    assert first.astimezone(tz).fold == 0  # the first occurrence
    # One minute after the first occurrence, still in the repeated hour: the
    # second 02:30 must not count as another reminder.
    nxt = r.next_bedtime(first + timedelta(minutes=1), s, tz)
    assert nxt is not None
    assert nxt.astimezone(tz).date() == date(*day) + timedelta(days=1)
    # 25 hours between the two, because the day had 25 hours.
    assert utc(nxt) - utc(first) == timedelta(hours=25)


@pytest.mark.parametrize("tz", [BERLIN, NEW_YORK])
@pytest.mark.parametrize("day", [(2026, 3, 29), (2026, 3, 8), (2026, 10, 25), (2026, 11, 1)])
def test_default_evening_reminder_keeps_its_wall_time_across_any_change(
    tz: ZoneInfo, day: tuple[int, int, int]
) -> None:
    before = datetime(*day, 12, 0, tzinfo=tz) - timedelta(days=1)
    times = []
    now = before
    for _ in range(3):
        now = r.next_bedtime(now, cfg(), tz)  # type: ignore[assignment]
        times.append(now.astimezone(tz).strftime("%H:%M"))
    assert times == ["22:15", "22:15", "22:15"]


@pytest.mark.parametrize(("tz", "day"), [(BERLIN, (2026, 3, 29)), (NEW_YORK, (2026, 3, 8))])
def test_hydration_through_the_spring_gap_has_no_duplicate(
    tz: ZoneInfo, day: tuple[int, int, int]
) -> None:
    s = cfg(
        hydration_start="00:00",
        hydration_end="05:00",
        hydration_interval_min=30,
        quiet_start="06:00",
        quiet_end="06:00",
    )
    now, seen = datetime(*day, 0, 0, tzinfo=tz) - timedelta(minutes=1), []
    while True:
        now = r.next_hydration(now, s, tz)  # type: ignore[assignment]
        if now.astimezone(tz).date() != date(*day):
            break
        seen.append(now.astimezone(tz).strftime("%H:%M"))
    # 02:00 and 02:30 do not exist: they become 03:00 and 03:30, which are slots anyway.
    assert seen == ["00:00", "00:30", "01:00", "01:30", "03:00", "03:30", "04:00", "04:30", "05:00"]


@pytest.mark.parametrize(
    ("tz", "day", "hour"), [(BERLIN, (2026, 10, 25), 2), (NEW_YORK, (2026, 11, 1), 1)]
)
def test_hydration_through_the_repeated_hour_keeps_its_spacing(
    tz: ZoneInfo, day: tuple[int, int, int], hour: int
) -> None:
    """Hydration is every interval of elapsed time (apscheduler's IntervalTrigger).

    In the repeated autumn hour the slots stay 30 real minutes apart, so that
    hour's wall times come twice, once in each offset; never a burst, always
    forwards, and the window still ends at its wall time.
    """
    s = cfg(
        hydration_start="00:00",
        hydration_end="04:00",
        hydration_interval_min=30,
        quiet_start="06:00",
        quiet_end="06:00",
    )
    now, fired = datetime(*day, 0, 0, tzinfo=tz) - timedelta(minutes=1), []
    while True:
        nxt = r.next_hydration(now, s, tz)
        assert nxt is not None and utc(nxt) > utc(now)  # always forwards
        now = nxt
        if now.astimezone(tz).date() != date(*day):
            break
        fired.append(now)
    seen = [f.astimezone(tz).strftime("%H:%M") for f in fired]
    twice = [f"{hour:02d}:00", f"{hour:02d}:30"]
    before = ["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30", "04:00"]
    expected = before[: before.index(twice[1]) + 1] + twice + before[before.index(twice[1]) + 1 :]
    assert seen == expected
    gaps = {utc(b) - utc(a) for a, b in itertools.pairwise(fired)}
    assert gaps == {timedelta(minutes=30)}


# --- quiet hours -----------------------------------------------------------


def test_quiet_hours_wrap_midnight() -> None:
    s = cfg(quiet_start="23:30", quiet_end="07:00")
    assert r.in_quiet_hours(at(BERLIN, 2026, 1, 5, 23, 30), s, BERLIN)
    assert r.in_quiet_hours(at(BERLIN, 2026, 1, 6, 3, 0), s, BERLIN)
    assert not r.in_quiet_hours(at(BERLIN, 2026, 1, 6, 7, 0), s, BERLIN)
    assert not r.in_quiet_hours(at(BERLIN, 2026, 1, 5, 23, 29), s, BERLIN)
    assert not r.in_quiet_hours(
        at(BERLIN, 2026, 1, 5, 12), cfg(quiet_start="09:00", quiet_end="09:00"), BERLIN
    )


def test_quiet_hours_drop_hydration_slots() -> None:
    s = cfg(quiet_start="12:00", quiet_end="15:00")
    nxt = r.next_hydration(at(BERLIN, 2026, 1, 5, 11, 1), s, BERLIN)
    assert wall(nxt, BERLIN) == "2026-01-05 15:30 CET"


def test_quiet_hours_drop_a_bedtime_reminder_inside_them() -> None:
    s = cfg(quiet_start="22:00", quiet_end="07:00")
    assert r.next_bedtime(at(BERLIN, 2026, 1, 5, 12), s, BERLIN) is None
    assert r.due_now(at(BERLIN, 2026, 1, 5, 22, 15), s, BERLIN) == []


def test_nothing_is_due_during_quiet_hours_even_late() -> None:
    s = cfg(quiet_start="23:00", quiet_end="07:00")
    assert r.due_now(at(BERLIN, 2026, 1, 5, 23, 30), s, BERLIN) == []


# --- due_now, clock jumps, sleep --------------------------------------------


def test_on_time_bedtime_is_not_late() -> None:
    due = r.due_now(at(BERLIN, 2026, 1, 5, 22, 15), cfg(), BERLIN)
    assert [(x.kind, x.late) for x in due] == [(ReminderKind.BEDTIME, False)]


def test_clock_jump_forward_two_hours_gives_one_late_bedtime_and_no_hydration() -> None:
    clock = FakeClock(at(BERLIN, 2026, 1, 5, 21, 0))
    s = cfg()
    assert r.due_now(clock.now(), s, BERLIN) == []
    clock.jump_wall(2 * 3600)  # 23:00: the 22:15 reminder was never shown
    due = r.due_now(clock.now(), s, BERLIN)
    assert len(due) == 1
    assert due[0].kind is ReminderKind.BEDTIME and due[0].late
    assert str(r.describe(due[0], BERLIN)[0]) == "You missed your 22:15 reminder"
    # once shown it is handled: asking again gives nothing
    hist = r.history_from_events([_shown(ReminderKind.BEDTIME, due[0].due, clock.now())], s, BERLIN)
    assert r.due_now(clock.now(), s, BERLIN, hist) == []
    assert wall(r.next_bedtime(clock.now(), s, BERLIN, hist), BERLIN) == "2026-01-06 22:15 CET"


def test_clock_jump_back_two_hours_does_not_repeat_the_bedtime_reminder() -> None:
    s = cfg()
    shown_at = at(BERLIN, 2026, 1, 5, 22, 15)
    hist = r.history_from_events([_shown(ReminderKind.BEDTIME, shown_at, shown_at)], s, BERLIN)
    back = shown_at + timedelta(minutes=5) - timedelta(hours=2)  # 20:20
    assert wall(r.next_bedtime(back, s, BERLIN, hist), BERLIN) == "2026-01-06 22:15 CET"
    assert r.due_now(shown_at + timedelta(minutes=1), s, BERLIN, hist) == []


def test_clock_jump_back_two_hours_does_not_repeat_hydration_slots() -> None:
    s = cfg()
    slot = at(BERLIN, 2026, 1, 5, 12, 30)
    hist = r.history_from_events([_shown(ReminderKind.HYDRATION, slot, slot)], s, BERLIN)
    back = slot - timedelta(hours=2)  # 10:30: the 11:00 and 12:30 slots are behind us
    assert wall(r.next_hydration(back, s, BERLIN, hist), BERLIN) == "2026-01-05 14:00 CET"


def test_clock_jump_forward_two_hours_drops_missed_hydration() -> None:
    s = cfg(morning_checkin=False)  # its grace covers noon (tested on its own)
    now = at(BERLIN, 2026, 1, 5, 10, 0) + timedelta(hours=2)  # 12:00, 11:00 was missed
    assert r.due_now(now, s, BERLIN) == []
    assert wall(r.next_hydration(now, s, BERLIN), BERLIN) == "2026-01-05 12:30 CET"


def test_eight_hour_sleep_gives_exactly_one_late_bedtime_and_no_hydration_burst() -> None:
    s = cfg()
    clock = FakeClock(at(BERLIN, 2026, 1, 5, 15, 0))
    clock.advance(8 * 3600)  # the laptop slept through 15:30 ... 20:00 and 22:15
    due = r.due_now(clock.now(), s, BERLIN)
    assert [(x.kind, x.late) for x in due] == [(ReminderKind.BEDTIME, True)]
    assert wall(due[0].due, BERLIN) == "2026-01-05 22:15 CET"


def test_sleep_past_the_end_of_the_night_shows_nothing() -> None:
    s = cfg(quiet_start="00:00", quiet_end="00:00")  # no quiet hours: the night end alone decides
    woke = at(BERLIN, 2026, 1, 6, 4, 0)  # the day boundary: the night of the 5th is over
    assert r.due_now(woke, s, BERLIN) == []
    assert r.due_now(woke - timedelta(minutes=1), s, BERLIN)[0].late


def test_sleep_over_several_nights_shows_only_the_current_one() -> None:
    s = cfg()
    woke = at(BERLIN, 2026, 1, 8, 22, 40)  # asleep since the 5th
    due = r.due_now(woke, s, BERLIN)
    assert [wall(x.due, BERLIN) for x in due] == ["2026-01-08 22:15 CET"]


def test_hydration_within_grace_is_shown_once() -> None:
    s = cfg(morning_checkin=False)
    slot = at(BERLIN, 2026, 1, 5, 9, 30)
    due = r.due_now(slot + timedelta(minutes=3), s, BERLIN)
    assert [(x.kind, wall(x.due, BERLIN)) for x in due] == [
        (ReminderKind.HYDRATION, "2026-01-05 09:30 CET")
    ]
    hist = r.history_from_events([_shown(ReminderKind.HYDRATION, slot, slot)], s, BERLIN)
    assert r.due_now(slot + timedelta(minutes=3), s, BERLIN, hist) == []


def test_hydration_skipped_after_recent_water_and_when_goal_met() -> None:
    s = cfg(glass_ml=250, water_goal_ml=500)
    drank = WaterEvent(id=new_id(), at=at(BERLIN, 2026, 1, 5, 9, 0), ml=250)
    hist = r.history_from_events([drank], s, BERLIN)
    # 9:30 is skipped (water 30 min before), 11:00 is 2 h after: shown
    assert (
        wall(r.next_hydration(at(BERLIN, 2026, 1, 5, 9, 0), s, BERLIN, hist), BERLIN)
        == "2026-01-05 11:00 CET"
    )
    more = WaterEvent(id=new_id(), at=at(BERLIN, 2026, 1, 5, 9, 5), ml=250)
    hist = r.history_from_events([drank, more], s, BERLIN)
    # goal met for today: next is tomorrow morning
    assert (
        wall(r.next_hydration(at(BERLIN, 2026, 1, 5, 9, 5), s, BERLIN, hist), BERLIN)
        == "2026-01-06 08:00 CET"
    )


def test_done_or_skipped_bedtime_routine_handles_the_night() -> None:
    s = cfg()
    ended = at(BERLIN, 2026, 1, 6, 0, 30)  # after midnight: still the night of the 5th
    session = SessionEvent(
        id=new_id(),
        at=ended,
        routine_id="bedtime",
        routine_kind="bedtime",
        started=ended - timedelta(minutes=4),
        completed=True,
    )
    hist = r.history_from_events([session], s, BERLIN)
    assert date(2026, 1, 5) in hist.handled_nights
    skip = SkipEvent(
        id=new_id(),
        at=at(BERLIN, 2026, 1, 6, 12),
        item="bedtime",
        day=date(2026, 1, 6),
        reason=SkipReason.SICK,
    )
    hist = r.history_from_events([skip], s, BERLIN)
    assert (
        wall(r.next_bedtime(at(BERLIN, 2026, 1, 6, 12), s, BERLIN, hist), BERLIN)
        == "2026-01-07 22:15 CET"
    )


def test_pause_until_tomorrow_suppresses_and_then_resumes() -> None:
    s = cfg()
    now = at(BERLIN, 2026, 1, 5, 20, 0)
    until = r.next_day_start(now, s, BERLIN)
    assert wall(until, BERLIN) == "2026-01-06 04:00 CET"
    hist = r.History(paused_until=until)
    assert r.due_now(at(BERLIN, 2026, 1, 5, 22, 15), s, BERLIN, hist) == []
    nxt = r.next_reminder(now, s, BERLIN, hist)
    assert nxt is not None and nxt.kind is ReminderKind.HYDRATION
    assert wall(nxt.due, BERLIN) == "2026-01-06 08:00 CET"


def test_disabled_reminders_never_fire() -> None:
    s = cfg(
        bedtime_reminder=False,
        hydration_reminder=False,
        review_reminder=False,
        morning_checkin=False,
    )
    assert r.next_reminder(at(BERLIN, 2026, 1, 5, 12), s, BERLIN) is None
    assert r.due_now(at(BERLIN, 2026, 1, 5, 22, 15), s, BERLIN) == []


def test_weekly_review() -> None:
    s = cfg(review_day="sun", review_time="19:00")
    nxt = r.next_review(at(BERLIN, 2026, 1, 5, 12), s, BERLIN)  # a Monday
    assert wall(nxt, BERLIN) == "2026-01-11 19:00 CET"
    assert r.due_now(at(BERLIN, 2026, 1, 11, 19, 0), s, BERLIN)[0].kind is ReminderKind.REVIEW


def test_water_today_uses_day_boundary() -> None:
    s = cfg()
    evs = [
        WaterEvent(id=new_id(), at=at(BERLIN, 2026, 1, 5, 3, 0), ml=100),  # the 4th's day
        WaterEvent(id=new_id(), at=at(BERLIN, 2026, 1, 5, 9, 0), ml=250),
        WaterEvent(id=new_id(), at=at(BERLIN, 2026, 1, 6, 1, 0), ml=250),  # still the 5th
    ]
    assert day.water_ml(evs, at(BERLIN, 2026, 1, 5, 23, 0), s, BERLIN) == 500


def test_a_dst_day_is_25_hours_and_its_water_counts_once() -> None:
    s = cfg()
    noon = at(BERLIN, 2026, 10, 24, 12, 0)  # clocks go back at 03:00 on the 25th
    start, end = day.bounds(noon, s, BERLIN)
    assert utc(end) - utc(start) == timedelta(hours=25)
    late = WaterEvent(id=new_id(), at=at(BERLIN, 2026, 10, 25, 3, 30), ml=250)  # before 04:00
    assert day.water_ml([late], noon, s, BERLIN) == 250


def test_days_ago_go_by_log_days() -> None:
    s = cfg()
    now = at(BERLIN, 2026, 1, 5, 12, 0)
    assert day.days_ago(at(BERLIN, 2026, 1, 5, 2, 0), now, s, BERLIN) == 1  # before 04:00
    assert day.days_ago(at(BERLIN, 2026, 1, 5, 9, 0), now, s, BERLIN) == 0
    assert day.days_ago(at(BERLIN, 2026, 1, 2, 9, 0), now, s, BERLIN) == 3
    assert day.days_ago(at(BERLIN, 2026, 1, 6, 9, 0), now, s, BERLIN) == 0  # a clock set back


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        r.next_bedtime(datetime(2026, 1, 5, 12), cfg(), BERLIN)


def test_wall_time_normalises_gap_and_picks_first_of_repeat() -> None:
    gap = r.wall_time(date(2026, 3, 29), time(2, 30), BERLIN)
    assert wall(gap, BERLIN) == "2026-03-29 03:30 CEST"
    rep = r.wall_time(date(2026, 10, 25), time(2, 30), BERLIN)
    assert utc(rep) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def _shown(kind: ReminderKind, due: datetime, when: datetime) -> ReminderEvent:
    return ReminderEvent(id=new_id(), at=when, reminder=kind, fate=ReminderFate.SHOWN, due=due)


def test_a_night_slept_through_is_missed_once_not_shown() -> None:
    s = cfg()
    since = at(BERLIN, 2026, 1, 5, 21, 0)
    woke = at(BERLIN, 2026, 1, 6, 7, 30)  # the night of the 5th ended at 04:00
    assert r.due_now(woke, s, BERLIN) == []
    assert [wall(d, BERLIN) for d in r.missed_bedtimes(since, woke, s, BERLIN)] == [
        "2026-01-05 22:15 CET"
    ]
    # still within the night: not missed (it is shown late instead)
    assert r.missed_bedtimes(since, at(BERLIN, 2026, 1, 6, 1, 0), s, BERLIN) == []
    # handled nights and reminders before `since` are not missed
    hist = r.History(handled_nights=frozenset({date(2026, 1, 5)}))
    assert r.missed_bedtimes(since, woke, s, BERLIN, hist) == []
    assert r.missed_bedtimes(at(BERLIN, 2026, 1, 5, 22, 30), woke, s, BERLIN) == []
