"""Rest and sick days: one decision that excuses every plan item of a log day.

A rest or sick day is recorded as one SkipEvent per plan item (bedtime routine,
stretching, water) for that day, the events the review already treats as
excused (they neither count as missed nor break a streak).  Used by the main
window and by ``crampcoach day rest|sick``.  Pure: no Qt, no store.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from crampcoach.core.day import log_day
from crampcoach.core.events import SkipEvent, SkipReason, new_id

if TYPE_CHECKING:
    from crampcoach.core.settings import Settings

#: The plan items a day off excuses (``core.review.PlanItem`` values).
PLAN_ITEMS = ("bedtime", "stretch", "water")
#: How far back a day can still be marked (the review keeps weeks, not years).
OLDEST_DAYS = 366
REASONS = {"rest": SkipReason.REST, "sick": SkipReason.SICK}


class DayError(ValueError):
    """A day that cannot be marked; the message says why and what to do."""


def today(now: datetime, settings: Settings, tz: tzinfo) -> date:
    """The log day ``now`` is in, by the ``day_boundary`` setting."""
    return log_day(now, settings, tz)


def day_off(
    day: date, reason: SkipReason, now: datetime, current: date, note: str = ""
) -> list[SkipEvent]:
    """The events that mark ``day`` as a rest or sick day; ``current`` is today's log day."""
    if reason not in (SkipReason.REST, SkipReason.SICK):
        raise DayError(f"a day off is a rest or a sick day, not {reason.value!r}")
    if day > current:
        raise DayError(f"{day.isoformat()} has not come yet; mark today or a past day")
    if day < current - timedelta(days=OLDEST_DAYS):
        raise DayError(f"{day.isoformat()} is more than a year ago")
    return [
        SkipEvent(id=new_id(), at=now, item=item, day=day, reason=reason, note=note)
        for item in PLAN_ITEMS
    ]


def parse_day(text: str, current: date) -> date:
    """``--date``: ``today``, ``yesterday`` or YYYY-MM-DD."""
    word = text.strip().lower()
    if word == "today":
        return current
    if word == "yesterday":
        return current - timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise DayError(
            f"--date: expected YYYY-MM-DD, 'today' or 'yesterday', got {text!r}"
        ) from None
