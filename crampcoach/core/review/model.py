"""What a weekly review is made of: the week, each day's plan items, adherence, cramps.

Plain frozen data with the numbers that follow from it (percentages, the
with/without comparison's interval); ``stats.py`` computes it from the log
and ``wording.py`` says it in words.  The rules are in the package docstring.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from typing import Any

from crampcoach.core import safety, stats
from crampcoach.core.events import CrampEvent, SkipReason

SERIES_WEEKS = 12  # the chart: this week and the 11 before it
# The with/without comparison and the safety rules look this far back.
HISTORY_DAYS = max(SERIES_WEEKS * 7, safety.ROUTINE_NIGHTS + 7)
MIN_NIGHTS_PER_GROUP = 7
STRETCH_KINDS = frozenset({"stretch", "warmup", "cooldown"})
BEDTIME_KIND = "bedtime"
EXCUSED = frozenset({SkipReason.REST, SkipReason.SICK})

_WEEK_RE = re.compile(r"^(\d{4})-?W(\d{2})$", re.IGNORECASE)


class ReviewError(ValueError):
    """Bad review input (for example an ISO week that does not exist)."""


class Status(enum.StrEnum):
    """A plan item's state on one day."""

    DONE = "done"
    PARTIAL = "partial"
    MISSED = "missed"
    SKIPPED = "skipped"
    PENDING = "pending"  # today, not done yet
    FUTURE = "future"
    NOT_PLANNED = "not-planned"
    BEFORE_START = "before-start"  # before the user started: never "missed"


class PlanItem(enum.StrEnum):
    """The plan items a week is measured against."""

    BEDTIME = "bedtime"
    STRETCH = "stretch"
    WATER = "water"


@dataclass(frozen=True, slots=True, order=True)
class IsoWeek:
    """An ISO 8601 week, e.g. ``2026-W05``."""

    year: int
    week: int

    def __post_init__(self) -> None:
        if not 2000 <= self.year <= 2200:  # the log holds nothing older than 2000
            raise ReviewError(
                f"the week {self.year:04d}-W{self.week:02d} is outside the log; "
                "give a week from 2000-W01 to 2200-W52"
            )
        try:
            date.fromisocalendar(self.year, self.week, 1)
        except ValueError:
            raise ReviewError(
                f"there is no ISO week {self.year}-W{self.week:02d} (weeks run 01 to 52 or 53)"
            ) from None

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """Parse ``YYYY-Www`` (``2026-W05``); raises ReviewError saying what is expected."""
        m = _WEEK_RE.match(text.strip())
        if not m:
            raise ReviewError(f"expected a week as YYYY-Www (for example 2026-W05), got {text!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        """The ISO week a day is in."""
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def monday(self) -> date:
        """The week's first day."""
        return date.fromisocalendar(self.year, self.week, 1)

    def days(self) -> list[date]:
        """Monday to Sunday."""
        first = self.monday
        return [first + timedelta(days=i) for i in range(7)]

    def shift(self, weeks: int) -> IsoWeek:
        """The week ``weeks`` later (negative: earlier)."""
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@dataclass(frozen=True, slots=True)
class DayRow:
    """One day of the week grid."""

    day: date
    bedtime: Status
    bedtime_skip: SkipReason | None
    stretch: Status  # DONE when a full session was done, PARTIAL for a partial one
    stretch_sessions: int  # completed stretch / warm-up / cool-down sessions
    stretch_partial: int
    stretch_skip: SkipReason | None
    water: Status
    water_ml: int
    water_goal_ml: int
    cramps: int | None  # the night's outcome: night cramps, or None when unknown
    max_severity: int | None
    night_source: str = "unknown"  # "check-in", "diary", "don't remember", "unknown"
    day_cramps: int = 0  # daytime cramps that day (not in the night's outcome)
    trial_off: bool = False  # a personal trial's night without the routine

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "day": self.day.isoformat(),
            "weekday": self.day.strftime("%a"),
            "bedtime": self.bedtime.value,
            "bedtime_skip": self.bedtime_skip.value if self.bedtime_skip else None,
            "trial_off": self.trial_off,
            "stretch": self.stretch.value,
            "stretch_sessions": self.stretch_sessions,
            "stretch_partial": self.stretch_partial,
            "stretch_skip": self.stretch_skip.value if self.stretch_skip else None,
            "water": self.water.value,
            "water_ml": self.water_ml,
            "water_goal_ml": self.water_goal_ml,
            "cramps": self.cramps,
            "max_severity": self.max_severity,
            "night_known_from": self.night_source,
            "day_cramps": self.day_cramps,
        }


@dataclass(frozen=True, slots=True)
class Adherence:
    """How much of one plan item was done, against how much was planned so far."""

    item: PlanItem
    done: int
    planned: int

    @property
    def percent(self) -> float | None:
        """Done / planned, capped at 100; None when nothing was planned."""
        if self.planned <= 0:
            return None
        return min(100.0, 100.0 * self.done / self.planned)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        pct = self.percent
        return {
            "done": self.done,
            "planned": self.planned,
            "percent": None if pct is None else round(pct, 1),
        }


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """One week in the comparison series."""

    week: IsoWeek
    overall: float | None
    bedtime: float | None
    cramp_nights: int
    cramps: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "week": str(self.week),
            "overall_percent": rounded(self.overall),
            "bedtime_percent": rounded(self.bedtime),
            "cramp_nights": self.cramp_nights,
            "cramps": self.cramps,
        }


@dataclass(frozen=True, slots=True)
class RoutineEffect:
    """Cramps per night after nights with the bedtime routine vs without, known nights only.

    ``with_counts`` / ``without_counts`` are the night cramps of each *known*
    night; ``unknown_with`` / ``unknown_without`` the nights left out because
    nobody said how they went.
    """

    with_counts: tuple[int, ...]
    without_counts: tuple[int, ...]
    unknown_with: int
    unknown_without: int
    first_night: date | None
    last_night: date | None
    min_nights: int = MIN_NIGHTS_PER_GROUP
    trial: bool = False  # a personal trial is (or was) on: its result is the fair one

    @property
    def nights_with(self) -> int:
        """Known nights after the routine."""
        return len(self.with_counts)

    @property
    def nights_without(self) -> int:
        """Known nights without it."""
        return len(self.without_counts)

    @property
    def cramps_with(self) -> int:
        """Night cramps on the known nights after the routine."""
        return sum(self.with_counts)

    @property
    def cramps_without(self) -> int:
        """Night cramps on the known nights without it."""
        return sum(self.without_counts)

    @property
    def unknown(self) -> int:
        """Nights in either group with no known outcome (left out)."""
        return self.unknown_with + self.unknown_without

    @property
    def enough(self) -> bool:
        """Both groups have at least ``min_nights`` known nights."""
        return self.nights_with >= self.min_nights and self.nights_without >= self.min_nights

    @property
    def per_night_with(self) -> float | None:
        """Cramps per known night after the routine, when there is enough data."""
        return self.cramps_with / self.nights_with if self.enough else None

    @property
    def per_night_without(self) -> float | None:
        """Cramps per known night without the routine, when there is enough data."""
        return self.cramps_without / self.nights_without if self.enough else None

    @property
    def difference(self) -> stats.Difference | None:
        """With minus without and its 95 % interval, when there is enough data."""
        if not self.enough:
            return None
        return stats.two_groups(self.with_counts, self.without_counts)

    @property
    def verdict(self) -> stats.Verdict:
        """The words the numbers allow."""
        diff = self.difference
        return stats.Verdict.NOT_ENOUGH if diff is None else diff.verdict


@dataclass(frozen=True, slots=True)
class CrampStats:
    """The week's cramps."""

    episodes: int  # the week's night cramps (known nights)
    nights: int  # nights with at least one cramp
    mean_severity: float | None
    longest_minutes: float | None
    effect: RoutineEffect
    log: tuple[CrampEvent, ...]  # the week's diary, night and daytime, oldest first
    unknown_nights: int = 0  # the week's finished nights with no known outcome
    known_nights: int = 0
    day_episodes: int = 0  # daytime cramps (exercise, 17:00 ...), not in the nights
    night_ids: frozenset[str] = frozenset()  # which log entries are night cramps


@dataclass(frozen=True, slots=True)
class Streak:
    """Consecutive nights with the bedtime routine; REST / SICK days neither break nor add."""

    current: int
    best: int  # within the reviewed history (HISTORY_DAYS)
    capped: bool  # the current streak reaches back to the start of the history read


@dataclass(frozen=True, slots=True)
class WeekReview:
    """Everything the review shows for one week."""

    week: IsoWeek
    today: date
    in_progress: bool
    days: tuple[DayRow, ...]
    adherence: Mapping[PlanItem, Adherence]
    overall: float | None
    streak: Streak
    previous: WeekSummary
    series: tuple[WeekSummary, ...]  # oldest first, ending with this week
    cramps: CrampStats
    warnings: tuple[safety.SafetyWarning, ...]
    tz: tzinfo = field(repr=False)


def rounded(value: float | None, digits: int = 1) -> float | None:
    """``value`` rounded for the JSON form (None stays None)."""
    return None if value is None else round(value, digits)
