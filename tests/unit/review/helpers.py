"""Builders for fixture histories (local wall-clock times in a given zone)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from crampcoach.core.events import (
    CrampContext,
    CrampEvent,
    Leg,
    Muscle,
    NightEvent,
    SessionEvent,
    SkipEvent,
    SkipReason,
    WaterEvent,
    new_id,
)

TZ = ZoneInfo("Europe/Berlin")


def at(day: date, hhmm: str, tz: tzinfo = TZ) -> datetime:
    h, m = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(h, m), tz)


def session(
    day: date, hhmm: str = "22:30", kind: str = "bedtime", completed: bool = True, tz: tzinfo = TZ
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


def water(day: date, ml: int, hhmm: str = "12:00", tz: tzinfo = TZ) -> WaterEvent:
    return WaterEvent(id=new_id(), at=at(day, hhmm, tz), ml=ml)


def cramp(
    day: date,
    hhmm: str = "03:00",
    severity: int = 5,
    minutes: float | None = 2,
    tz: tzinfo = TZ,
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


def night(day: date, cramps: int | None = 0, worst: int | None = None) -> NightEvent:
    """A morning check-in for the night that began on ``day``."""
    return NightEvent(
        id=new_id(),
        at=at(day + timedelta(days=1), "08:00"),
        night=day,
        cramps=cramps,
        worst=worst,
    )


def skip(day: date, item: str = "bedtime", reason: SkipReason = SkipReason.SICK) -> SkipEvent:
    return SkipEvent(id=new_id(), at=at(day, "09:00"), item=item, day=day, reason=reason)


def days(first: date, n: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(n)]


def history(now: datetime, weeks: int, seed: int = 7) -> list:
    """A plausible few weeks before ``now`` (for screenshots): routine most nights,
    some stretching and water, cramps on fewer nights once the routine took hold."""
    import random

    rng = random.Random(seed)
    zone = now.tzinfo
    assert zone is not None
    events: list = []
    first = now.date() - timedelta(days=7 * weeks)
    for n in range(7 * weeks - 2):
        d = first + timedelta(days=n)
        if rng.random() < (0.55 if n < 14 else 0.85):
            events.append(session(d, "22:40", completed=rng.random() < 0.9, tz=zone))
        if rng.random() < 0.4:
            events.append(session(d, "18:10", kind="stretch", tz=zone))
        for k in range(rng.randint(2, 7)):
            events.append(water(d, 250, f"{9 + 2 * k:02d}:15", tz=zone))
        if rng.random() < (0.6 if n < 14 else 0.25):
            events.append(
                cramp(
                    d + timedelta(days=1),
                    f"0{rng.randint(1, 5)}:{rng.randint(10, 50)}",
                    severity=rng.randint(3, 8),
                    minutes=rng.choice([1, 2, 3, 5]),
                    tz=zone,
                )
            )
        elif rng.random() < 0.85:  # most quiet nights answered "no cramps" in the morning
            events.append(
                NightEvent(
                    id=new_id(),
                    at=at(d + timedelta(days=1), "08:10", zone),
                    night=d,
                    cramps=0,
                )
            )
    return events
