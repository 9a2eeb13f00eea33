"""Builders for fixture histories (local wall-clock times in a given zone)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from crampcoach.core.events import (
    CrampContext,
    CrampEvent,
    Leg,
    Muscle,
    SessionEvent,
    SkipEvent,
    SkipReason,
    WaterEvent,
    new_id,
)

TZ = ZoneInfo("Europe/Berlin")


def at(day: date, hhmm: str, tz: ZoneInfo = TZ) -> datetime:
    h, m = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(h, m), tz)


def session(
    day: date, hhmm: str = "22:30", kind: str = "bedtime", completed: bool = True, tz: ZoneInfo = TZ
) -> SessionEvent:
    end = at(day, hhmm, tz)
    return SessionEvent(
        id=new_id(),
        at=end,
        routine_id=kind,
        routine_kind=kind,
        started=end - timedelta(minutes=4),
        completed=completed,
        steps_done=(0, 1) if completed else (0,),
        steps_skipped=() if completed else (1,),
    )


def water(day: date, ml: int, hhmm: str = "12:00", tz: ZoneInfo = TZ) -> WaterEvent:
    return WaterEvent(id=new_id(), at=at(day, hhmm, tz), ml=ml)


def cramp(
    day: date,
    hhmm: str = "03:00",
    severity: int = 5,
    minutes: float | None = 2,
    tz: ZoneInfo = TZ,
    context: CrampContext | None = CrampContext.NIGHT,
) -> CrampEvent:
    return CrampEvent(
        id=new_id(),
        at=at(day, hhmm, tz),
        leg=Leg.LEFT,
        muscle=Muscle.CALF,
        severity=severity,
        minutes=minutes,
        context=context,
    )


def skip(day: date, item: str = "bedtime", reason: SkipReason = SkipReason.SICK) -> SkipEvent:
    return SkipEvent(id=new_id(), at=at(day, "09:00"), item=item, day=day, reason=reason)


def days(first: date, n: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(n)]
