"""Each night's outcome: a number of cramps when the log says so, otherwise unknown.

A night is named by the day it began (the evening).  Its outcome is known
from a morning check-in (``NightEvent``) or from night cramps logged in the
diary; a night with neither is *unknown* (None), never zero, and is left out
of every comparison (the review's and the trial's).

Rules, stated once:

- A night runs from noon of its day to noon of the next (``NIGHT_BOUNDARY``).
- A cramp is a *night* cramp when its context says "night", or, with no
  context or "resting"/"other", when it began between ``NIGHT_START_OFFSET``
  before the bedtime setting and ``NIGHT_END`` the next morning.  A cramp
  during exercise or stretching is a daytime cramp whatever the hour; so is
  one at 17:00.  Daytime cramps stay in the diary and the safety checks.
- When a night has a check-in, the outcome is the larger of the check-in's
  count and the night cramps logged for it (a diary entry is never
  discarded); "don't remember" leaves a night with no diary cramps unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from crampcoach.core.events import CrampContext, CrampEvent, Event, NightEvent, local_day

NIGHT_BOUNDARY = time(12, 0)
NIGHT_START_OFFSET = timedelta(hours=3)  # before the bedtime setting
NIGHT_END = time(10, 0)
DAYTIME_CONTEXTS = frozenset({CrampContext.EXERCISE, CrampContext.STRETCHING})


def night_of(at: datetime, tz: tzinfo) -> date:
    """The night (the day it began) a moment belongs to, noon to noon."""
    return local_day(at, tz, NIGHT_BOUNDARY)


def is_night_cramp(cramp: CrampEvent, tz: tzinfo, bedtime: time) -> bool:
    """True for a cramp in the night (see the module rules)."""
    if cramp.context is CrampContext.NIGHT:
        return True
    if cramp.context in DAYTIME_CONTEXTS:
        return False
    local = cramp.at.astimezone(tz)
    start = (datetime.combine(local.date(), bedtime) - NIGHT_START_OFFSET).time()
    clock = local.time()
    if start <= NIGHT_END:  # a bedtime in the morning (a night-shift sleeper)
        return start <= clock < NIGHT_END
    return clock >= start or clock < NIGHT_END


@dataclass(frozen=True, slots=True)
class NightOutcome:
    """One night: how many cramps (None: unknown) and where the answer came from."""

    night: date
    cramps: int | None
    worst: int | None
    source: str  # "check-in", "diary", "don't remember" or "unknown"

    @property
    def known(self) -> bool:
        """A number, not a guess."""
        return self.cramps is not None


def outcomes(
    events: Iterable[Event], tz: tzinfo, bedtime: time, first: date, last: date
) -> dict[date, NightOutcome]:
    """The outcome of every night from ``first`` to ``last`` (inclusive)."""
    checkins: dict[date, NightEvent] = {}
    diary: dict[date, list[CrampEvent]] = {}
    for ev in events:
        if isinstance(ev, NightEvent):
            if first <= ev.night <= last:
                prev = checkins.get(ev.night)
                if prev is None or (ev.at, ev.id) >= (prev.at, prev.id):
                    checkins[ev.night] = ev
        elif isinstance(ev, CrampEvent) and is_night_cramp(ev, tz, bedtime):
            night = night_of(ev.at, tz)
            if first <= night <= last:
                diary.setdefault(night, []).append(ev)
    out: dict[date, NightOutcome] = {}
    day = first
    while day <= last:
        out[day] = _outcome(day, checkins.get(day), diary.get(day, []))
        day += timedelta(days=1)
    return out


def _outcome(day: date, checkin: NightEvent | None, logged: list[CrampEvent]) -> NightOutcome:
    worst_logged = max((c.severity for c in logged), default=None)
    if checkin is not None and checkin.cramps is not None:
        count = max(checkin.cramps, len(logged))
        worsts = [w for w in (checkin.worst, worst_logged) if w is not None]
        return NightOutcome(day, count, max(worsts) if worsts else None, "check-in")
    if logged:
        return NightOutcome(day, len(logged), worst_logged, "diary")
    if checkin is not None:
        return NightOutcome(day, None, None, "don't remember")
    return NightOutcome(day, None, None, "unknown")


def describe_night(night: date) -> str:
    """E.g. "night of Tue 1 Dec to Wed 2 Dec" (so nobody wonders which date is meant)."""
    nxt = night + timedelta(days=1)
    return (
        f"night of {night.strftime('%a')} {night.day} {night.strftime('%b')} to "
        f"{nxt.strftime('%a')} {nxt.day} {nxt.strftime('%b')}"
    )


def unknown_count(nights: Mapping[date, NightOutcome]) -> int:
    """How many of the nights are unknown."""
    return sum(1 for o in nights.values() if not o.known)
