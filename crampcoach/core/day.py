"""The log day in core: "today" for the main window and the tray, and "last done" in words.

Imports nothing heavy: the main window uses it before its first paint.

One implementation, one zone (the clock's): the main window's water and the
tray's "Water today" are the same sum over the same day, so they cannot
disagree on a daylight-saving day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from crampcoach.core import profile
from crampcoach.core.events import Event, SessionEvent, WaterEvent, local_day
from crampcoach.core.settings import Settings, parse_hhmm


def wall_time(day: date, at: time, tz: tzinfo) -> datetime:
    """The instant the wall clock in ``tz`` shows ``at`` on ``day`` (DST-safe).

    A nonexistent time is moved forward by the gap; an ambiguous one is its
    first occurrence.  The result is in ``tz`` with the right ``fold``.
    """
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=tz, fold=0)
    # Round-tripping through UTC normalises a time in the spring gap: fold=0
    # uses the offset from before the change, which lands after the gap.
    return first.astimezone(UTC).astimezone(tz)


@dataclass(frozen=True, slots=True)
class Today:
    """Today's summary as the main window shows it."""

    sessions_done: int
    sessions_partial: int
    water_ml: int
    water_goal_ml: int


def log_day(now: datetime, settings: Settings, tz: tzinfo) -> date:
    """The log day of ``now`` (the local day, starting at the ``day_boundary``)."""
    return local_day(now, tz, parse_hhmm(settings.day_boundary))


def bounds(now: datetime, settings: Settings, tz: tzinfo) -> tuple[datetime, datetime]:
    """When the log day of ``now`` began and when it ends (23 or 25 hours on a DST day)."""
    boundary = parse_hhmm(settings.day_boundary)
    day = local_day(now, tz, boundary)
    return wall_time(day, boundary, tz), wall_time(day + timedelta(days=1), boundary, tz)


def water_ml(events: Iterable[Event], now: datetime, settings: Settings, tz: tzinfo) -> int:
    """Millilitres logged on the log day of ``now``."""
    today = log_day(now, settings, tz)
    boundary = parse_hhmm(settings.day_boundary)
    return sum(
        e.ml for e in events if isinstance(e, WaterEvent) and local_day(e.at, tz, boundary) == today
    )


def summary(events: Iterable[Event], now: datetime, settings: Settings, tz: tzinfo) -> Today:
    """Sessions done and stopped early, and water, on the log day of ``now``."""
    today = log_day(now, settings, tz)
    boundary = parse_hhmm(settings.day_boundary)
    mine = [e for e in events if local_day(e.at, tz, boundary) == today]
    return Today(
        sum(1 for e in mine if isinstance(e, SessionEvent) and e.completed),
        # Stopped early means some of it was done: a session ended before its
        # first step (a stray key, a closed window) was not "stopped", only begun.
        sum(1 for e in mine if isinstance(e, SessionEvent) and not e.completed and e.steps_done),
        water_ml(mine, now, settings, tz),
        profile.water_goal(settings),  # never above a fluid limit the clinician set
    )


def days_ago(when: datetime, now: datetime, settings: Settings, tz: tzinfo) -> int:
    """How many log days ago ``when`` was (0: today, 1: yesterday; never below 0).

    A number, not words: the GUI words it in the user's language.
    """
    return max(0, (log_day(now, settings, tz) - log_day(when, settings, tz)).days)
