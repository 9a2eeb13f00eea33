"""Reminder math: when the bedtime, hydration and review reminders are due.

Pure: every function takes an explicit aware ``now``, the merged settings dict
(``core.settings.merged``) and a timezone.  Nothing here reads a clock, so
schedules across daylight-saving changes, midnight, clock jumps and a sleeping
laptop can be tested with plain datetimes.

Rules
-----
* Reminder times are *wall-clock* times in ``tz``.  A wall time that does not
  exist (the skipped spring hour) fires when the clock reaches it after the
  jump (02:30 becomes 03:30); a wall time that happens twice (the repeated
  autumn hour) fires once, at the first occurrence.  This is what cron does.
* Quiet hours (``quiet_start``-``quiet_end``, may wrap midnight; equal times
  mean none) drop a reminder: it is not postponed.
* "Exactly once": what has already been handled comes in as a
  :class:`History` built from the log (:func:`history_from_events`).  A
  bedtime reminder is handled for a *night* (the local day with the
  ``day_boundary``) once it was shown, skipped, or the bedtime routine was
  done; a hydration slot is handled once a later or equal slot was shown.
  So a clock set back two hours does not repeat a reminder.
* After a gap (suspend, app closed, clock forward): :func:`due_now` returns at
  most one *late* bedtime reminder, and only while its night is not over (the
  next day boundary has not passed); missed hydration slots are dropped, never
  shown as a burst.

Datetimes are compared in UTC throughout: two aware datetimes that share a
tzinfo compare by wall time and ignore ``fold``, which is wrong inside the
repeated hour.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from crampcoach.core.events import (
    Event,
    ReminderEvent,
    ReminderFate,
    ReminderKind,
    SessionEvent,
    SkipEvent,
    WaterEvent,
    local_day,
)
from crampcoach.core.settings import parse_hhmm

#: A reminder shown later than this after its due time is marked late.
LATE_AFTER = timedelta(minutes=2)
#: A hydration slot is still shown this long after it was due (a blocked event
#: loop, a slow wake-up); later than that it is dropped, never shown late.
HYDRATION_GRACE = timedelta(minutes=5)
#: A weekly review reminder is still shown this long after it was due.
REVIEW_GRACE = timedelta(hours=3)
#: How far ahead the next-time functions look (a week and a day covers the
#: weekly review and any setting).
_HORIZON_DAYS = 9

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder to show now: its kind, when it was due, and whether it is late."""

    kind: ReminderKind
    due: datetime
    late: bool = False


@dataclass(frozen=True, slots=True)
class History:
    """What the log says has already happened, as far as reminders care."""

    handled_nights: frozenset[date] = frozenset()
    last_water_at: datetime | None = None
    last_hydration_due: datetime | None = None
    goal_met_days: frozenset[date] = frozenset()
    last_review_due: datetime | None = None
    paused_until: datetime | None = None


def _utc(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"reminder math needs timezone-aware datetimes, got {at!r}")
    return at.astimezone(UTC)


def wall_time(day: date, at: time, tz: tzinfo) -> datetime:
    """The instant the wall clock in ``tz`` shows ``at`` on ``day`` (DST-safe).

    A nonexistent time is moved forward by the gap; an ambiguous one is its
    first occurrence.  The result is in ``tz`` with the right ``fold``.
    """
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=tz, fold=0)
    # Round-tripping through UTC normalises a time in the spring gap: fold=0
    # uses the offset from before the change, which lands after the gap.
    return _utc(first).astimezone(tz)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _t(settings: Mapping[str, Any], key: str) -> time:
    return parse_hhmm(str(settings[key]))


def in_quiet_hours(at: datetime, settings: Mapping[str, Any], tz: tzinfo) -> bool:
    """True when ``at`` falls in the quiet hours (start inclusive, end exclusive)."""
    start, end = _minutes(_t(settings, "quiet_start")), _minutes(_t(settings, "quiet_end"))
    if start == end:
        return False
    local = _utc(at).astimezone(tz)
    m = local.hour * 60 + local.minute
    if start < end:
        return start <= m < end
    return m >= start or m < end


def bedtime_reminder_time(settings: Mapping[str, Any]) -> time:
    """Bedtime minus the lead time, as a wall-clock time (may wrap to the evening before)."""
    minutes = (_minutes(_t(settings, "bedtime")) - int(settings["bedtime_lead_min"])) % (24 * 60)
    return time(minutes // 60, minutes % 60)


def night_of(due: datetime, settings: Mapping[str, Any], tz: tzinfo) -> date:
    """The night (log day, with the day boundary) a bedtime reminder belongs to."""
    return local_day(due, tz, _t(settings, "day_boundary"))


def night_end(due: datetime, settings: Mapping[str, Any], tz: tzinfo) -> datetime:
    """When the night of ``due`` is over: the first day boundary after it."""
    night = night_of(due, settings, tz)
    return wall_time(night + timedelta(days=1), _t(settings, "day_boundary"), tz)


def _days_around(now: datetime, tz: tzinfo) -> Iterator[date]:
    today = _utc(now).astimezone(tz).date()
    for offset in range(-2, _HORIZON_DAYS):
        yield today + timedelta(days=offset)


def _bedtime_occurrences(
    now: datetime, settings: Mapping[str, Any], tz: tzinfo
) -> Iterator[datetime]:
    """Bedtime reminder instants from two days before ``now`` onwards, in order."""
    at = bedtime_reminder_time(settings)
    for day in _days_around(now, tz):
        due = wall_time(day, at, tz)
        if not in_quiet_hours(due, settings, tz):
            yield due


def _after_pause(now: datetime, history: History) -> datetime:
    if history.paused_until is not None and _utc(history.paused_until) > _utc(now):
        return history.paused_until
    return now


def next_bedtime(
    now: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History | None = None
) -> datetime | None:
    """The next bedtime reminder strictly after ``now`` whose night is not handled yet."""
    history = history or History()
    if not settings["bedtime_reminder"]:
        return None
    start = _utc(_after_pause(now, history))
    for due in _bedtime_occurrences(now, settings, tz):
        if _utc(due) > start and night_of(due, settings, tz) not in history.handled_nights:
            return due
    return None


def _hydration_slots(day: date, settings: Mapping[str, Any], tz: tzinfo) -> list[datetime]:
    """One day's hydration slots: from the start every interval up to the end time."""
    start, end = _t(settings, "hydration_start"), _t(settings, "hydration_end")
    step = int(settings["hydration_interval_min"])
    slots: list[datetime] = []
    minute = _minutes(start)
    last = _minutes(end)
    if last < minute:  # a window across midnight ends the next day
        last += 24 * 60
    while minute <= last:
        slot_day = day + timedelta(days=minute // (24 * 60))
        m = minute % (24 * 60)
        due = wall_time(slot_day, time(m // 60, m % 60), tz)
        # Two wall times in the spring gap can land on the same instant.
        if not slots or _utc(due) > _utc(slots[-1]):
            slots.append(due)
        minute += step
    return slots


def _hydration_wanted(
    slot: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History
) -> bool:
    if in_quiet_hours(slot, settings, tz):
        return False
    slot_utc = _utc(slot)
    if history.last_hydration_due is not None and slot_utc <= _utc(history.last_hydration_due):
        return False
    interval = timedelta(minutes=int(settings["hydration_interval_min"]))
    # Skipped when the user logged water within an interval before the slot.
    if history.last_water_at is not None and _utc(history.last_water_at) > slot_utc - interval:
        return False
    return local_day(slot, tz, _t(settings, "day_boundary")) not in history.goal_met_days


def _hydration_candidates(
    now: datetime, settings: Mapping[str, Any], tz: tzinfo
) -> Iterator[datetime]:
    seen: datetime | None = None
    for day in _days_around(now, tz):
        for slot in _hydration_slots(day, settings, tz):
            if seen is None or _utc(slot) > _utc(seen):
                seen = slot
                yield slot


def next_hydration(
    now: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History | None = None
) -> datetime | None:
    """The next hydration slot strictly after ``now`` that would be shown."""
    history = history or History()
    if not settings["hydration_reminder"]:
        return None
    start = _utc(_after_pause(now, history))
    for slot in _hydration_candidates(now, settings, tz):
        if _utc(slot) > start and _hydration_wanted(slot, settings, tz, history):
            return slot
    return None


def _review_occurrences(
    now: datetime, settings: Mapping[str, Any], tz: tzinfo
) -> Iterator[datetime]:
    weekday = _WEEKDAYS.index(str(settings["review_day"]))
    at = _t(settings, "review_time")
    for day in _days_around(now, tz):
        if day.weekday() == weekday:
            due = wall_time(day, at, tz)
            if not in_quiet_hours(due, settings, tz):
                yield due


def _review_wanted(due: datetime, history: History) -> bool:
    return history.last_review_due is None or _utc(due) > _utc(history.last_review_due)


def next_review(
    now: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History | None = None
) -> datetime | None:
    """The next weekly review reminder strictly after ``now``."""
    history = history or History()
    if not settings["review_reminder"]:
        return None
    start = _utc(_after_pause(now, history))
    for due in _review_occurrences(now, settings, tz):
        if _utc(due) > start and _review_wanted(due, history):
            return due
    return None


def next_reminder(
    now: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History | None = None
) -> Reminder | None:
    """The soonest upcoming reminder of any kind (for the tray tooltip)."""
    candidates = [
        (due, kind)
        for kind, due in (
            (ReminderKind.BEDTIME, next_bedtime(now, settings, tz, history)),
            (ReminderKind.HYDRATION, next_hydration(now, settings, tz, history)),
            (ReminderKind.REVIEW, next_review(now, settings, tz, history)),
        )
        if due is not None
    ]
    if not candidates:
        return None
    due, kind = min(candidates, key=lambda c: _utc(c[0]))
    return Reminder(kind, due)


def due_now(
    now: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History | None = None
) -> list[Reminder]:
    """What to show at ``now``: at most one reminder of each kind, never a burst.

    Call it when a scheduled job fires, after a resume or clock jump, and at
    start-up.  A bedtime reminder is returned (marked ``late`` past
    :data:`LATE_AFTER`) while its night is not over; a hydration slot only
    within :data:`HYDRATION_GRACE`; the weekly review within
    :data:`REVIEW_GRACE`.  Nothing during quiet hours or a pause.
    """
    history = history or History()
    now_utc = _utc(now)
    if in_quiet_hours(now, settings, tz):
        return []
    if history.paused_until is not None and _utc(history.paused_until) > now_utc:
        return []
    out = [
        reminder
        for enabled, due in (
            ("bedtime_reminder", _due_bedtime),
            ("hydration_reminder", _due_hydration),
            ("review_reminder", _due_review),
        )
        if settings[enabled] and (reminder := due(now_utc, now, settings, tz, history)) is not None
    ]
    return out


def _latest_until(occurrences: Iterable[datetime], now_utc: datetime) -> datetime | None:
    """The last of ascending ``occurrences`` at or before ``now_utc``."""
    latest: datetime | None = None
    for due in occurrences:
        if _utc(due) > now_utc:
            break
        latest = due
    return latest


def _due_bedtime(
    now_utc: datetime, now: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History
) -> Reminder | None:
    latest = _latest_until(_bedtime_occurrences(now, settings, tz), now_utc)
    if (
        latest is not None
        and night_of(latest, settings, tz) not in history.handled_nights
        and now_utc < _utc(night_end(latest, settings, tz))
    ):
        return Reminder(ReminderKind.BEDTIME, latest, now_utc - _utc(latest) > LATE_AFTER)
    return None


def _due_hydration(
    now_utc: datetime, now: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History
) -> Reminder | None:
    latest = _latest_until(_hydration_candidates(now, settings, tz), now_utc)
    if (
        latest is not None
        and now_utc - _utc(latest) <= HYDRATION_GRACE
        and _hydration_wanted(latest, settings, tz, history)
    ):
        return Reminder(ReminderKind.HYDRATION, latest)
    return None


def _due_review(
    now_utc: datetime, now: datetime, settings: Mapping[str, Any], tz: tzinfo, history: History
) -> Reminder | None:
    latest = _latest_until(_review_occurrences(now, settings, tz), now_utc)
    if (
        latest is not None
        and now_utc - _utc(latest) <= REVIEW_GRACE
        and _review_wanted(latest, history)
    ):
        return Reminder(ReminderKind.REVIEW, latest, now_utc - _utc(latest) > LATE_AFTER)
    return None


def missed_bedtimes(
    since: datetime,
    now: datetime,
    settings: Mapping[str, Any],
    tz: tzinfo,
    history: History | None = None,
) -> list[datetime]:
    """Bedtime reminders that were due after ``since`` and whose night ended by ``now`` unshown.

    For a machine that slept (or an app that was blocked) through a whole
    night: such a reminder is never shown late, but it is logged as missed so
    the review can tell "no reminder arrived" from "ignored".  Nights already
    handled, and reminders falling in a pause, are left out.
    """
    history = history or History()
    if not settings["bedtime_reminder"]:
        return []
    lo, hi = _utc(since), _utc(now)
    out: list[datetime] = []
    for due in _bedtime_occurrences(since, settings, tz):
        if _utc(due) > hi:
            break
        if _utc(due) <= lo or night_of(due, settings, tz) in history.handled_nights:
            continue
        if history.paused_until is not None and _utc(due) < _utc(history.paused_until):
            continue
        if _utc(night_end(due, settings, tz)) <= hi:
            out.append(due)
    return out


def history_from_events(
    events: Iterable[Event],
    settings: Mapping[str, Any],
    tz: tzinfo,
    *,
    paused_until: datetime | None = None,
) -> History:
    """Build the :class:`History` the reminder math needs from logged events.

    A bedtime night is handled by any bedtime ReminderEvent for it (shown,
    acted, snoozed, dismissed or missed), a SkipEvent for item ``"bedtime"``,
    or a completed session of the bedtime routine (``settings["bedtime_routine"]``
    or any routine of kind ``"bedtime"``).
    """
    nights: set[date] = set()
    water_by_day: dict[date, int] = {}
    last_water: datetime | None = None
    last_hydration: datetime | None = None
    last_review: datetime | None = None
    boundary = _t(settings, "day_boundary")

    def later(a: datetime | None, b: datetime) -> datetime:
        return b if a is None or _utc(b) > _utc(a) else a

    for ev in events:
        if isinstance(ev, ReminderEvent):
            due = ev.due or ev.at
            if ev.reminder is ReminderKind.BEDTIME:
                nights.add(night_of(due, settings, tz))
            elif ev.reminder is ReminderKind.HYDRATION and ev.fate is not ReminderFate.SNOOZED:
                last_hydration = later(last_hydration, due)
            elif ev.reminder is ReminderKind.REVIEW:
                last_review = later(last_review, due)
        elif isinstance(ev, SkipEvent):
            if ev.item == "bedtime":
                nights.add(ev.day)
        elif isinstance(ev, SessionEvent):
            is_bedtime = (
                ev.routine_kind == "bedtime" or ev.routine_id == settings["bedtime_routine"]
            )
            if is_bedtime and ev.completed:
                nights.add(local_day(ev.at, tz, boundary))
        elif isinstance(ev, WaterEvent):
            last_water = later(last_water, ev.at)
            day = local_day(ev.at, tz, boundary)
            water_by_day[day] = water_by_day.get(day, 0) + ev.ml
    goal = int(settings["water_goal_ml"])
    met = frozenset(d for d, ml in water_by_day.items() if goal > 0 and ml >= goal)
    return History(
        handled_nights=frozenset(nights),
        last_water_at=last_water,
        last_hydration_due=last_hydration,
        goal_met_days=met,
        last_review_due=last_review,
        paused_until=paused_until,
    )


def water_today(
    events: Iterable[Event], now: datetime, settings: Mapping[str, Any], tz: tzinfo
) -> int:
    """Millilitres logged on the log day of ``now``."""
    boundary = _t(settings, "day_boundary")
    today = local_day(now, tz, boundary)
    return sum(
        ev.ml
        for ev in events
        if isinstance(ev, WaterEvent) and local_day(ev.at, tz, boundary) == today
    )


def next_day_start(now: datetime, settings: Mapping[str, Any], tz: tzinfo) -> datetime:
    """When the next log day begins ("until tomorrow" for a pause)."""
    boundary = _t(settings, "day_boundary")
    return wall_time(local_day(now, tz, boundary) + timedelta(days=1), boundary, tz)


def describe(reminder: Reminder, tz: tzinfo) -> tuple[str, str]:
    """Title and body text for a reminder, in plain words."""
    hhmm = _utc(reminder.due).astimezone(tz).strftime("%H:%M")
    if reminder.kind is ReminderKind.BEDTIME:
        title = "Time for your bedtime stretches"
        body = "About three minutes of gentle calf and hamstring stretching before sleep."
        if reminder.late:
            title = f"You missed your {hhmm} reminder"
            body = "There is still time for your bedtime stretches tonight. " + body
        return title, body
    if reminder.kind is ReminderKind.HYDRATION:
        return "A glass of water?", "A regular drink through the day; no need to force it."
    title = "Your week in review"
    if reminder.late:
        title = f"Your week in review (due {hhmm})"
    return title, "See how your stretching week went."
