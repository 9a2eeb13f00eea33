"""The weekly adherence review: plan items per day, adherence, streaks, cramp statistics.

Pure: events, settings, a timezone and an ISO week in; a frozen ``WeekReview``
out.  The Qt review window, the PDF export and ``crampcoach review`` all show
the same object.

Rules, stated once:

- A week is an ISO week (Monday first) in local time.  A plan item's day is
  ``events.local_day`` with the ``day_boundary`` setting, so a bedtime routine
  at 00:30 counts for the evening before.
- Night cramps belong to a *night*: the 24 hours from noon of a day to noon of
  the next (``NIGHT_BOUNDARY``), so a cramp at 05:30 follows the bedtime routine
  of the evening before whatever the day boundary is.  Each night's outcome is
  known (a check-in or diary night cramps) or unknown, never guessed as zero
  (``core.nights``); a cramp during exercise or at 17:00 is a daytime cramp.
- Plan items: the bedtime routine every night; ``plan_stretch_per_week``
  stretch / warm-up / cool-down sessions a week.  "Plan done" is those two;
  water up to the goal is shown beside it, not in it, because the evidence
  for drinking more is weak (evidence.md).  The goal follows a fluid limit.
- Days before the user started (the ``first_day`` setting, or the first
  entry in the log) are "before you started", never "missed".
- A REST or SICK skip excuses the day (not planned, does not break a streak);
  an OTHER skip is shown as skipped but counts as missed.  Today is "pending"
  until done; later days are "future".  Neither counts against you.
- On a personal trial's night *without* the routine (``core.trial``) the
  bedtime routine is not planned: not "missed", no break in the streak, and
  the night counts in the "without" group; while a trial is on, the
  comparison says the trial's result is the fairer answer.
- A bedtime session that was only partly done (some steps skipped) keeps the
  streak going and counts in it; tonight is not over until the day ends.
- Cramps after nights with the bedtime routine vs without are compared over
  *known* nights only (rest / sick skips and partial routines in neither
  group), with the difference and a 95 % interval (``core.stats``, a normal
  approximation), and no verdict until each group has at least
  ``MIN_NIGHTS_PER_GROUP`` known nights.  The text always says it is the
  user's own log, not proof.
"""

from __future__ import annotations

import enum
import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Protocol

from crampcoach.core import nights as nights_mod
from crampcoach.core import profile, safety, stats
from crampcoach.core import trial as trial_mod
from crampcoach.core.events import (
    SYMPTOM_LABELS,
    CrampEvent,
    Event,
    EventType,
    NightEvent,
    SessionEvent,
    SkipEvent,
    SkipReason,
    WaterEvent,
    local_day,
)
from crampcoach.core.nights import NIGHT_BOUNDARY as NIGHT_BOUNDARY  # re-exported
from crampcoach.core.nights import NightOutcome
from crampcoach.core.settings import Settings, parse_hhmm
from crampcoach.core.text import QT_TRANSLATE_NOOP, Message, plural

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


class EventSource(Protocol):
    """What the review needs from the store (``Store.events``)."""

    def events(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        types: Collection[EventType] | None = None,
    ) -> list[Event]:
        """Events with start <= at < end, sorted by time."""
        ...


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


def _plan_done(adherence: Mapping[PlanItem, Adherence]) -> float | None:
    """The "plan done" figure: bedtime routine and stretching; water is shown beside it."""
    return _overall([a for item, a in adherence.items() if item is not PlanItem.WATER])


def _overall(items: Iterable[Adherence]) -> float | None:
    items = list(items)
    done = sum(min(a.done, a.planned) for a in items if a.planned > 0)
    planned = sum(a.planned for a in items if a.planned > 0)
    return None if planned == 0 else 100.0 * done / planned


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
            "overall_percent": _round(self.overall),
            "bedtime_percent": _round(self.bedtime),
            "cramp_nights": self.cramp_nights,
            "cramps": self.cramps,
        }


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


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

    def summary(self) -> str:
        """A few plain sentences; never a claim the counts cannot carry."""
        counts = (
            f"{_n(self.nights_with, 'known night')} with the bedtime routine "
            f"({_n(self.cramps_with, 'cramp')}), {self.nights_without} without "
            f"({_n(self.cramps_without, 'cramp')})"
        )
        unknown = (
            f" {_n(self.unknown, 'night')} with no check-in or night cramp logged "
            f"{'are' if self.unknown != 1 else 'is'} unknown and left out."
            if self.unknown
            else ""
        )
        diff = self.difference
        if diff is None or diff.low is None or diff.high is None:
            return (
                f"Not enough nights yet to compare: it needs at least {self.min_nights} known "
                f"nights in each group. So far: {counts}.{unknown}"
            )
        words = {
            stats.Verdict.FEWER: "Clearer fewer cramps after nights with the routine.",
            stats.Verdict.MORE: "Clearer more cramps after nights with the routine.",
            stats.Verdict.NO_CLEAR: "No clear difference between nights with and without it.",
        }[diff.verdict]
        return (
            f"{words} With the bedtime routine: {self.per_night_with:.2f} cramps a night; "
            f"without: {self.per_night_without:.2f}; difference {diff.estimate:+.2f} "
            f"(95 % interval {diff.low:+.2f} to {diff.high:+.2f}, {stats.TWO_GROUPS_METHOD}). "
            f"From {counts}.{unknown} Your own log, not proof; "
            + (
                "your personal trial's result is the fairer answer."
                if self.trial
                else "a personal trial is fairer."
            )
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        diff = self.difference
        return {
            "nights_with_routine": self.nights_with,
            "cramps_with_routine": self.cramps_with,
            "nights_without_routine": self.nights_without,
            "cramps_without_routine": self.cramps_without,
            "unknown_nights_with_routine": self.unknown_with,
            "unknown_nights_without_routine": self.unknown_without,
            "per_night_with_routine": _round(self.per_night_with, 2),
            "per_night_without_routine": _round(self.per_night_without, 2),
            "difference": None if diff is None else diff.to_dict(),
            "verdict": self.verdict.value,
            "min_nights_per_group": self.min_nights,
            "enough_data": self.enough,
            "from": self.first_night.isoformat() if self.first_night else None,
            "to": self.last_night.isoformat() if self.last_night else None,
            "summary": self.summary(),
        }


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

    def to_dict(self, tz: tzinfo) -> dict[str, Any]:
        """JSON-ready form; episode times in local time."""
        return {
            "episodes": self.episodes,
            "nights": self.nights,
            "known_nights": self.known_nights,
            "unknown_nights": self.unknown_nights,
            "daytime_episodes": self.day_episodes,
            "mean_severity": _round(self.mean_severity, 1),
            "longest_minutes": self.longest_minutes,
            "with_vs_without_routine": self.effect.to_dict(),
            "log": [
                {
                    "id": c.id,
                    "at": c.at.astimezone(tz).isoformat(timespec="minutes"),
                    "leg": c.leg.value,
                    "muscle": c.muscle.value,
                    "severity": c.severity,
                    "minutes": c.minutes,
                    "context": c.context.value if c.context else None,
                    "note": c.note,
                    "symptoms": [s.value for s in c.symptoms],
                    "night": c.id in self.night_ids,
                }
                for c in self.log
            ],
        }


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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the ``crampcoach review --format json`` output)."""
        return {
            "week": str(self.week),
            "from": self.week.monday.isoformat(),
            "to": (self.week.monday + timedelta(days=6)).isoformat(),
            "in_progress": self.in_progress,
            "days": [d.to_dict() for d in self.days],
            "adherence": {
                **{item.value: a.to_dict() for item, a in self.adherence.items()},
                "overall_percent": _round(self.overall),
            },
            "streak": {
                "current": self.streak.current,
                "best": self.streak.best,
                "best_within_days": HISTORY_DAYS,
                "current_at_least": self.streak.capped,
            },
            "previous_week": self.previous.to_dict(),
            "series": [s.to_dict() for s in self.series],
            "cramps": self.cramps.to_dict(self.tz),
            "warnings": [w.to_dict() for w in self.warnings],
            "checklist": [{"level": c.level.value, "text": c.text} for c in safety.CHECKLIST],
            "note": safety.NOT_MEDICAL_ADVICE,
        }

    def to_json(self) -> str:
        """``to_dict`` as indented JSON."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def headline(self) -> list[str]:
        """The headline numbers as short plain lines."""
        lines: list[str] = []
        overall = _pct(self.overall)
        prev = self.previous.overall
        trend = ""
        if self.overall is not None and prev is not None:
            diff = round(self.overall - prev)
            trend = f" ({'+' if diff >= 0 else ''}{diff} points on last week)"
        water = self.adherence[PlanItem.WATER]
        beside = (
            f"; water goal reached {water.done} of {water.planned} days (not in plan done)"
            if water.planned
            else ""
        )
        lines.append(
            f"Plan done{' so far' if self.in_progress else ''}: {overall}{trend}"
            f" (bedtime routine and stretching){beside}"
        )
        lines.extend(self._plan_lines())
        c = self.cramps
        if not (c.known_nights or c.episodes or c.day_episodes):
            # The first days: say what to do instead of "0 on 0 nights of 0 known".
            lines.append(
                "Night cramps: no night known yet. Each morning, answer "
                "“How was last night?”; log a cramp when one comes."
            )
            return lines
        sev = "" if c.mean_severity is None else f", mean severity {c.mean_severity:.1f}/10"
        unknown = f"; {_n(c.unknown_nights, 'night')} unknown" if c.unknown_nights else ""
        day = f"; daytime cramps: {c.day_episodes}" if c.day_episodes else ""
        lines.append(
            f"Night cramps: {c.episodes} on {_n(c.nights, 'night')} of "
            f"{c.known_nights} known{sev}{unknown}{day}"
        )
        return lines

    def _plan_lines(self) -> list[str]:
        """Bedtime routine, stretching and the streak; words, not "0 of 0", when none is due."""
        bed = self.adherence[PlanItem.BEDTIME]
        st = self.adherence[PlanItem.STRETCH]
        off = sum(1 for row in self.days if row.trial_off and row.bedtime is Status.NOT_PLANNED)
        trial = f" ({_n(off, 'trial night')} without it, as planned)" if off else ""
        lines = [
            f"Bedtime routine: {bed.done} of {bed.planned} nights{trial}"
            if bed.planned or off
            else (
                "Bedtime routine: no night to count yet; the first is the coming bedtime."
                if self.in_progress
                else "Bedtime routine: no night to count this week."
            ),
            f"Stretch / warm-up sessions: {st.done} of {st.planned}"
            if st.planned
            # Early in the week the prorated target is still 0: "1 of 0" would read as nonsense.
            else f"Stretch / warm-up sessions: {st.done} (none due yet this week)"
            if st.done
            else "Stretch / warm-up sessions: none planned this week.",
        ]
        if self.streak.best or self.streak.current:
            streak = f"{self.streak.current}{'+' if self.streak.capped else ''}"
            lines.append(f"Bedtime streak: {streak} nights (best {self.streak.best})")
        else:
            lines.append("Bedtime streak: none yet; it begins with the first bedtime routine done.")
        return lines

    def notification(self) -> tuple[Message, Message]:
        """Title and body for the weekly "your week in review" reminder (translated when shown)."""
        bed = self.adherence[PlanItem.BEDTIME]
        done = (
            QT_TRANSLATE_NOOP("Reminders", "nothing planned")
            if self.overall is None
            else QT_TRANSLATE_NOOP("Reminders", "{percent}%").format(percent=f"{self.overall:.0f}")
        )
        known = self.cramps.known_nights
        body = plural(
            known,
            QT_TRANSLATE_NOOP(
                "Reminders",
                "Bedtime routine on {done} of {planned} nights, plan done {overall}, "
                "cramps on {cramps} of {n} known night.",
            ),
            QT_TRANSLATE_NOOP(
                "Reminders",
                "Bedtime routine on {done} of {planned} nights, plan done {overall}, "
                "cramps on {cramps} of {n} known nights.",
            ),
        ).format(done=bed.done, planned=bed.planned, overall=done, cramps=self.cramps.nights)
        if self.warnings:
            body = QT_TRANSLATE_NOOP(
                "Reminders", "{week} Your log matches a warning sign: please open the review."
            ).format(week=body)
        return QT_TRANSLATE_NOOP("Reminders", "Your week in review"), body


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _pct(value: float | None) -> str:
    return "nothing planned" if value is None else f"{value:.0f}%"


# --------------------------------------------------------------------------- text


GRID_ROWS: tuple[str, ...] = ("bedtime", "stretch", "water", "cramps")
GRID_LABELS: dict[str, str] = {
    "bedtime": "Bedtime routine",
    "stretch": "Stretch / warm-up",
    "water": "Water",
    "cramps": "Cramps that night",
}


def _skip_text(reason: SkipReason | None) -> str:
    return f"skipped ({reason.value})" if reason else "skipped"


def cell_text(row: DayRow, item: str) -> str:
    """The grid cell for ``item`` (one of GRID_ROWS) on ``row``'s day, in plain words."""
    if item == "bedtime":
        if row.trial_off and row.bedtime in (Status.NOT_PLANNED, Status.PENDING, Status.FUTURE):
            return "trial: none"
        return {
            Status.DONE: "✓ done",
            Status.PARTIAL: "½ partial",
            Status.MISSED: "✗ missed",
            Status.SKIPPED: _skip_text(row.bedtime_skip),
            Status.PENDING: "tonight",
            Status.BEFORE_START: "before you started",
        }.get(row.bedtime, "")
    if item == "stretch":
        if row.stretch_sessions:
            extra = f" +{row.stretch_partial}½" if row.stretch_partial else ""
            return f"✓ {row.stretch_sessions}{extra}"
        if row.stretch is Status.PARTIAL:
            return "½ partial"
        if row.stretch is Status.SKIPPED:
            return _skip_text(row.stretch_skip)
        return ""
    if item == "water":
        if row.water is Status.FUTURE:
            return ""
        if row.water is Status.SKIPPED:
            return _skip_text(None)
        if row.water is Status.NOT_PLANNED:
            return f"{row.water_ml} ml" if row.water_ml else ""
        # The goal is in the row label (grid_label): cells stay short enough for a narrow grid.
        mark = {Status.DONE: "✓ ", Status.MISSED: "✗ "}.get(row.water, "")
        return f"{mark}{row.water_ml} ml"
    if item == "cramps":
        if row.bedtime in (Status.FUTURE, Status.BEFORE_START, Status.PENDING):
            return ""
        if row.cramps is None:
            return "don't remember" if row.night_source == "don't remember" else "not logged"
        if row.cramps:
            worst = "" if row.max_severity is None else f" (worst {row.max_severity}/10)"
            return f"{row.cramps}{worst}"
        return "none"
    raise ValueError(f"unknown grid row {item!r}; expected one of {GRID_ROWS}")


def grid_label(item: str, r: WeekReview) -> str:
    """A grid row's label; the water row names the daily goal."""
    goal = r.days[0].water_goal_ml
    if item == "water" and goal > 0:
        return f"Water (goal {goal} ml)"
    return GRID_LABELS[item]


def cell_status(row: DayRow, item: str) -> Status | None:
    """The status a grid cell is coloured by (None for the cramp row)."""
    return {"bedtime": row.bedtime, "stretch": row.stretch, "water": row.water}.get(item)


def week_title(week: IsoWeek) -> str:
    """E.g. "Week 2026-W10: Mon 2 Mar – Sun 8 Mar 2026"."""
    first, last = week.monday, week.monday + timedelta(days=6)
    return (
        f"Week {week}: {first.strftime('%a')} {first.day} {first.strftime('%b')} – "
        f"{last.strftime('%a')} {last.day} {last.strftime('%b %Y')}"
    )


def diary_line(c: CrampEvent, r: WeekReview) -> str:
    """One cramp of the diary in plain words."""
    local = c.at.astimezone(r.tz)
    mins = "" if c.minutes is None else f", {c.minutes:g} min"
    ctx = f", {c.context.value}" if c.context else ""
    when = "" if c.id in r.cramps.night_ids else " (daytime)"
    signs = f"; signs: {', '.join(SYMPTOM_LABELS[s] for s in c.symptoms)}" if c.symptoms else ""
    note = f" — {c.note}" if c.note else ""
    return (
        f"  {local.strftime('%a %d %b %H:%M')}  {c.leg.value} {c.muscle.value}, "
        f"severity {c.severity}/10{mins}{ctx}{when}{signs}{note}"
    )


def _grid_lines(r: WeekReview) -> list[str]:
    width = max(len(grid_label(i, r)) for i in GRID_ROWS)
    header = " " * width + "".join(f"  {d.day.strftime('%a %d'):<16}" for d in r.days)
    lines = [header.rstrip()]
    for item in GRID_ROWS:
        cells = "".join(f"  {cell_text(d, item):<16}" for d in r.days)
        lines.append(f"{grid_label(item, r):<{width}}{cells}".rstrip())
    return lines


def _checklist_lines() -> list[str]:
    lines: list[str] = []
    for level in safety.Level:
        lines.append("")
        lines.append(safety.CHECKLIST_HEADINGS[level])
        lines.extend(f"  - {item.text}" for item in safety.CHECKLIST if item.level is level)
    return lines


def to_text(r: WeekReview) -> str:
    """The review as plain text (``crampcoach review``)."""
    lines = [week_title(r.week) + (" (in progress)" if r.in_progress else ""), ""]
    # The urgent signs come first, before any number, with what to do before why.
    first = [w for w in r.warnings if w.level is not safety.Level.SEE_DOCTOR]
    lines.extend(f"{safety.LEVEL_LABELS[w.level]}: {w.title}. {w.action} {w.reason}" for w in first)
    if first:
        lines.append("")
    lines.extend(_grid_lines(r))
    lines.append("")
    lines.extend(r.headline())
    lines.append("")
    lines.append(r.cramps.effect.summary())
    if r.cramps.log:
        lines.extend(["", "Cramp diary:"])
        lines.extend(diary_line(c, r) for c in r.cramps.log)
    later = [w for w in r.warnings if w.level is safety.Level.SEE_DOCTOR]
    if later:
        lines.append("")
        lines.extend(
            f"{safety.LEVEL_LABELS[w.level]}: {w.title}. {w.reason} {w.action}" for w in later
        )
    lines.extend(_checklist_lines())
    lines.append("")
    lines.append(safety.NOT_MEDICAL_ADVICE)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- computing


@dataclass(frozen=True, slots=True)
class _Config:
    tz: tzinfo
    boundary: time
    bedtime: time
    water_goal: int
    stretch_per_week: int
    first_day: date | None
    health: profile.HealthProfile


def _config(settings: Settings, tz: tzinfo) -> _Config:
    first = settings.first_day
    try:
        first_day = date.fromisoformat(first) if first else None
    except ValueError:
        first_day = None
    return _Config(
        tz=tz,
        boundary=parse_hhmm(settings.day_boundary),
        bedtime=parse_hhmm(settings.bedtime),
        water_goal=profile.water_goal(settings),
        stretch_per_week=settings.plan_stretch_per_week,
        first_day=first_day,
        health=profile.HealthProfile.of(settings),
    )


def query_range(week: IsoWeek, tz: tzinfo) -> tuple[datetime, datetime]:
    """The time span of events a review of ``week`` needs (with a day's margin each side).

    Only these weeks are read, so a review costs the same after ten years of history.
    """
    first = week.monday + timedelta(days=7) - timedelta(days=HISTORY_DAYS)
    start = datetime.combine(first - timedelta(days=1), time(0), tz)
    end = datetime.combine(week.monday + timedelta(days=9), time(0), tz)
    return start, end


# Skips are written when the user decides (maybe weeks ahead), but name their day;
# a check-in names its night and may come days later.
_SKIP_MARGIN = timedelta(days=60)


def load(
    source: EventSource,
    settings: Settings,
    tz: tzinfo,
    week: IsoWeek,
    today: date,
) -> WeekReview:
    """Read only the events the review needs from ``source`` and compute it."""
    start, end = query_range(week, tz)
    others = [
        EventType.SESSION,
        EventType.WATER,
        EventType.CRAMP,
    ]
    events: list[Event] = list(source.events(start, end, types=others))
    events.extend(
        source.events(
            start - _SKIP_MARGIN, end + _SKIP_MARGIN, types=[EventType.SKIP, EventType.NIGHT]
        )
    )
    # A trial's start may be months before the week: its schedule says which nights are off.
    events.extend(source.events(start - trial_mod.REACH, end, types=[EventType.TRIAL]))
    return compute(events, settings, tz, week, today)


@dataclass
class _Day:
    bedtime_done: bool = False
    bedtime_partial: bool = False
    stretch_done: int = 0
    stretch_partial: int = 0
    water_ml: int = 0
    skips: dict[str, SkipReason] = field(default_factory=dict)
    day_cramps: int = 0

    def add(self, ev: Event) -> None:
        """Count one session, glass or skip of this log day."""
        if isinstance(ev, SessionEvent):
            if ev.routine_kind == BEDTIME_KIND:
                if ev.completed:
                    self.bedtime_done = True
                else:
                    self.bedtime_partial = True
            elif ev.routine_kind in STRETCH_KINDS:
                if ev.completed:
                    self.stretch_done += 1
                else:
                    self.stretch_partial += 1
        elif isinstance(ev, WaterEvent):
            self.water_ml += ev.ml
        elif isinstance(ev, SkipEvent):
            self.skips[ev.item] = ev.reason


def _event_day(ev: Event, cfg: _Config) -> date:
    if isinstance(ev, SkipEvent):
        return ev.day
    if isinstance(ev, NightEvent):
        return ev.night
    if isinstance(ev, CrampEvent):
        return nights_mod.night_of(ev.at, cfg.tz)
    return local_day(ev.at, cfg.tz, cfg.boundary)


@dataclass
class _Log:
    """The events of the history read, sorted into days and cramps."""

    days: dict[date, _Day] = field(default_factory=lambda: defaultdict(_Day))
    cramps: list[CrampEvent] = field(default_factory=list)  # oldest first
    night_ids: set[str] = field(default_factory=set)
    first_logged: date | None = None

    def add(self, ev: Event, cfg: _Config) -> None:
        """Count one event of the history."""
        day = _event_day(ev, cfg)
        if self.first_logged is None or day < self.first_logged:
            self.first_logged = day
        if isinstance(ev, CrampEvent):
            self.cramps.append(ev)
            if nights_mod.is_night_cramp(ev, cfg.tz, cfg.bedtime):
                self.night_ids.add(ev.id)
            else:
                self.days[local_day(ev.at, cfg.tz, cfg.boundary)].day_cramps += 1
        else:
            self.days[day].add(ev)

    def nights(self, tz: tzinfo) -> dict[date, list[CrampEvent]]:
        """Night cramps by the night they belong to."""
        out: dict[date, list[CrampEvent]] = defaultdict(list)
        for c in self.cramps:
            if c.id in self.night_ids:
                out[nights_mod.night_of(c.at, tz)].append(c)
        return out

    def day_of(self, c: CrampEvent, cfg: _Config) -> date:
        """A night cramp's night, a daytime cramp's log day."""
        if c.id in self.night_ids:
            return nights_mod.night_of(c.at, cfg.tz)
        return local_day(c.at, cfg.tz, cfg.boundary)


def _collect(events: Sequence[Event], cfg: _Config, first: date, last: date) -> _Log:
    log = _Log()
    for ev in events:
        if first <= _event_day(ev, cfg) <= last:
            log.add(ev, cfg)
    log.cramps.sort(key=lambda c: c.at)
    return log


def _severity_and_length(
    nights: Mapping[date, Sequence[CrampEvent]],
    week_rows: Sequence[DayRow],
    over: Sequence[DayRow],
) -> tuple[float | None, float | None]:
    """The week's mean severity and longest cramp (minutes), None when there is none."""
    week_night = [c for row in week_rows for c in nights.get(row.day, ())]
    # A check-in's worst severity counts when no diary entry covers that night.
    checked = [r for r in over if r.night_source == "check-in" and not nights.get(r.day)]
    severities = [c.severity for c in week_night]
    severities += [r.max_severity for r in checked if r.max_severity]
    minutes = [c.minutes for c in week_night if c.minutes is not None]
    return (
        sum(severities) / len(severities) if severities else None,
        max(minutes) if minutes else None,
    )


def _cramp_stats(
    log: _Log,
    cfg: _Config,
    week: IsoWeek,
    week_rows: Sequence[DayRow],
    over: Sequence[DayRow],
    effect: RoutineEffect,
) -> CrampStats:
    mean_severity, longest = _severity_and_length(log.nights(cfg.tz), week_rows, over)
    week_days = set(week.days())
    week_log = [c for c in log.cramps if log.day_of(c, cfg) in week_days]
    return CrampStats(
        episodes=sum(row.cramps or 0 for row in over),
        nights=sum(1 for row in over if row.cramps),
        mean_severity=mean_severity,
        longest_minutes=longest,
        effect=effect,
        log=tuple(week_log),
        unknown_nights=sum(1 for row in over if row.cramps is None),
        known_nights=sum(1 for row in over if row.cramps is not None),
        day_episodes=sum(row.day_cramps for row in week_rows),
        night_ids=frozenset(c.id for c in week_log if c.id in log.night_ids),
    )


def compute(
    events: Iterable[Event],
    settings: Settings,
    tz: tzinfo,
    week: IsoWeek,
    today: date,
) -> WeekReview:
    """The review of ``week`` from ``events`` (any order; extra events are ignored).

    ``today`` is the local day (by the day boundary) the review is made on; it
    decides which days are pending or future.
    """
    cfg = _config(settings, tz)
    events = list(events)
    week_end = week.monday + timedelta(days=6)
    history_start = week_end - timedelta(days=HISTORY_DAYS - 1)
    log = _collect(events, cfg, history_start, week_end)
    # The user started on the first_day setting or their first entry, whichever is earlier.
    started = min((d for d in (cfg.first_day, log.first_logged) if d is not None), default=None)
    outcome = nights_mod.outcomes(events, tz, cfg.bedtime, history_start, week_end)
    current_trial = trial_mod.latest(e for e in events if e.type is EventType.TRIAL)
    off = _trial_off(current_trial, history_start, week_end)

    rows_by_week: dict[IsoWeek, list[DayRow]] = {}
    all_rows: list[DayRow] = []
    for n in range(HISTORY_DAYS):
        day = history_start + timedelta(days=n)
        row = _row(day, log.days.get(day) or _Day(), outcome[day], cfg, today, started, day in off)
        all_rows.append(row)
        rows_by_week.setdefault(IsoWeek.of(day), []).append(row)

    week_rows = rows_by_week[week]
    adherence = _adherence(week_rows, cfg, today)
    series = tuple(
        _summary(w, rows_by_week[w], cfg, today, started)
        for w in (week.shift(-i) for i in range(SERIES_WEEKS - 1, -1, -1))
    )
    previous = _summary(week.shift(-1), rows_by_week[week.shift(-1)], cfg, today, started)

    # The last night that is over: the one before today (or the week's end, for a past week).
    last_night = min(week_end, today - timedelta(days=1))
    effect = replace(_effect(all_rows, started, last_night), trial=current_trial is not None)
    over = [row for row in week_rows if row.day <= last_night and _begun(row, started)]
    cramps = _cramp_stats(log, cfg, week, week_rows, over, effect)
    routine_nights = {row.day for row in all_rows if row.bedtime in (Status.DONE, Status.PARTIAL)}
    # Every episode up to now counts for the per-episode signs, today's and daytime ones too.
    recent = [c for c in log.cramps if local_day(c.at, tz, cfg.boundary) <= max(today, week_end)]
    warnings = safety.check_log(
        log.nights(tz), routine_nights, last_night, episodes=recent, health=cfg.health
    )

    return WeekReview(
        week=week,
        today=today,
        in_progress=week.monday <= today <= week_end,
        days=tuple(week_rows),
        adherence=adherence,
        overall=_plan_done(adherence),
        streak=_streak(all_rows, today),
        previous=previous,
        series=series,
        cramps=cramps,
        warnings=tuple(warnings),
        tz=tz,
    )


def _trial_off(current: trial_mod.Trial | None, first: date, last: date) -> frozenset[date]:
    """The nights from ``first`` to ``last`` a personal trial kept without the routine."""
    if current is None:
        return frozenset()
    design = current.design
    off: set[date] = set()
    for block in design.blocks():
        if block.routine is not False:
            continue
        day = max(block.first, first)
        end = min(block.last, last)
        while day <= end:
            if current.stopped is None or day < current.stopped:
                off.add(day)
            day += timedelta(days=1)
    return frozenset(off)


def _begun(row: DayRow, started: date | None) -> bool:
    return started is not None and row.day >= started


def _bedtime_status(
    rec: _Day, day: date, today: date, before: bool, trial_off: bool = False
) -> Status:
    skip = rec.skips.get(PlanItem.BEDTIME.value)
    if rec.bedtime_done:
        return Status.DONE
    if trial_off and not rec.bedtime_partial:
        # The trial asks for a night without it: not planned once over; tonight and
        # later nights stay pending / future (the grid says "trial: none").
        if day > today:
            return Status.FUTURE
        return Status.PENDING if day == today else Status.NOT_PLANNED
    if day > today:
        return Status.SKIPPED if skip else Status.FUTURE
    if skip is not None:
        return Status.SKIPPED
    if rec.bedtime_partial:
        return Status.PARTIAL
    if day == today:
        return Status.PENDING
    return Status.BEFORE_START if before else Status.MISSED


def _stretch_status(rec: _Day, day: date, today: date, before: bool) -> Status:
    if rec.stretch_done:
        return Status.DONE
    if rec.stretch_partial:
        return Status.PARTIAL
    if rec.skips.get(PlanItem.STRETCH.value) is not None:
        return Status.SKIPPED
    if day > today:
        return Status.FUTURE
    # Stretching is planned per week, not per day: a day without is not "missed".
    return Status.BEFORE_START if before else Status.NOT_PLANNED


def _water_status(rec: _Day, day: date, today: date, before: bool, goal: int) -> Status:
    skip = rec.skips.get(PlanItem.WATER.value)
    if goal <= 0:
        return Status.NOT_PLANNED
    if rec.water_ml >= goal:
        return Status.DONE
    if day > today:
        return Status.SKIPPED if skip else Status.FUTURE
    if skip is not None:
        return Status.SKIPPED
    if day == today:
        return Status.PENDING
    if rec.water_ml > 0:
        return Status.PARTIAL
    return Status.BEFORE_START if before else Status.MISSED


def _row(
    day: date,
    rec: _Day,
    night: NightOutcome,
    cfg: _Config,
    today: date,
    started: date | None,
    trial_off: bool = False,
) -> DayRow:
    before = started is None or day < started
    return DayRow(
        day=day,
        bedtime=_bedtime_status(rec, day, today, before, trial_off),
        bedtime_skip=rec.skips.get(PlanItem.BEDTIME.value),
        stretch=_stretch_status(rec, day, today, before),
        stretch_sessions=rec.stretch_done,
        stretch_partial=rec.stretch_partial,
        stretch_skip=rec.skips.get(PlanItem.STRETCH.value),
        water=_water_status(rec, day, today, before, cfg.water_goal),
        water_ml=rec.water_ml,
        water_goal_ml=cfg.water_goal,
        cramps=night.cramps,
        max_severity=night.worst,
        night_source=night.source,
        day_cramps=rec.day_cramps,
        trial_off=trial_off,
    )


def _daily(
    item: PlanItem,
    rows: Sequence[DayRow],
    status_of: Callable[[DayRow], Status],
    skip_of: Callable[[DayRow], SkipReason | None],
) -> Adherence:
    done = planned = 0
    for row in rows:
        status = status_of(row)
        skip = skip_of(row)
        if status is Status.DONE:
            done += 1
            planned += 1
        elif status in (Status.MISSED, Status.PARTIAL) or (
            status is Status.SKIPPED and skip not in EXCUSED
        ):
            planned += 1  # an OTHER skip is shown as skipped but counts as missed
    return Adherence(item, done, planned)


def _adherence(rows: Sequence[DayRow], cfg: _Config, today: date) -> dict[PlanItem, Adherence]:
    bedtime = _daily(PlanItem.BEDTIME, rows, lambda r: r.bedtime, lambda r: r.bedtime_skip)
    water = _daily(PlanItem.WATER, rows, lambda r: r.water, lambda r: None)
    # The weekly stretch target, prorated over the days that have begun (since the
    # user started), less the days excused by a rest or sick skip.
    elapsed = [r for r in rows if r.day <= today and r.stretch is not Status.BEFORE_START]
    excused = sum(1 for r in elapsed if r.stretch_skip in EXCUSED and not r.stretch_sessions)
    available = len(elapsed) - excused
    # Rounded down: on a Monday nobody is behind a three-a-week plan yet.
    target = cfg.stretch_per_week * max(available, 0) // 7
    stretch = Adherence(PlanItem.STRETCH, sum(r.stretch_sessions for r in rows), target)
    return {PlanItem.BEDTIME: bedtime, PlanItem.STRETCH: stretch, PlanItem.WATER: water}


def _summary(
    week: IsoWeek, rows: Sequence[DayRow], cfg: _Config, today: date, started: date | None
) -> WeekSummary:
    adherence = _adherence(rows, cfg, today)
    if started is None or rows[-1].day < started:
        # Nothing logged yet by then: "no data", not "0 % done".
        return WeekSummary(week=week, overall=None, bedtime=None, cramp_nights=0, cramps=0)
    return WeekSummary(
        week=week,
        overall=_plan_done(adherence),
        bedtime=adherence[PlanItem.BEDTIME].percent,
        cramp_nights=sum(1 for r in rows if r.cramps),
        cramps=sum(r.cramps or 0 for r in rows),
    )


def _streak(rows: Sequence[DayRow], today: date) -> Streak:
    """Current and best bedtime streak over ``rows`` (oldest first)."""
    best = run = 0
    run_from_start = True
    for row in rows:
        if row.day > today:
            break
        if row.bedtime in (Status.DONE, Status.PARTIAL):
            run += 1  # a routine done in part (optional steps skipped) still counts
        elif (row.bedtime is Status.SKIPPED and row.bedtime_skip in EXCUSED) or row.trial_off:
            pass  # a planned rest or sick day, or a trial night without: the streak carries on
        elif row.bedtime in (Status.PENDING, Status.FUTURE):
            pass  # tonight is not over yet
        elif row.bedtime is Status.BEFORE_START:
            run_from_start = False  # the history read starts before the user did
        else:
            run = 0
            run_from_start = False
        best = max(best, run)
    return Streak(current=run, best=best, capped=run_from_start and run > 0)


def _effect(rows: Sequence[DayRow], started: date | None, last_night: date) -> RoutineEffect:
    """Known nights after the routine vs without, from the day the user started on."""
    with_: list[int] = []
    without: list[int] = []
    unknown_with = unknown_without = 0
    first: date | None = None
    for row in rows:
        if started is None or row.day < started or row.day > last_night:
            continue
        first = first or row.day
        if row.bedtime is Status.DONE:
            group_with = True
        elif (
            row.bedtime is Status.MISSED
            or (row.bedtime is Status.NOT_PLANNED and row.trial_off)
            or (row.bedtime is Status.SKIPPED and row.bedtime_skip not in EXCUSED)
        ):
            group_with = False
        else:
            continue  # partial, rest or sick nights are in neither group
        if row.cramps is None:
            if group_with:
                unknown_with += 1
            else:
                unknown_without += 1
        elif group_with:
            with_.append(row.cramps)
        else:
            without.append(row.cramps)
    return RoutineEffect(
        with_counts=tuple(with_),
        without_counts=tuple(without),
        unknown_with=unknown_with,
        unknown_without=unknown_without,
        first_night=first,
        last_night=last_night if first else None,
    )


def reviewed_week(today: date) -> IsoWeek:
    """The week a "your week in review" reminder on ``today`` is about.

    On a Sunday the week is all but over, so it is this week; on any other day
    the last whole week.
    """
    week = IsoWeek.of(today)
    return week if today.weekday() == 6 else week.shift(-1)


def week_in_review(
    source: EventSource, settings: Settings, tz: tzinfo, now: datetime
) -> tuple[Message, Message]:
    """Title and body of the weekly review reminder (the reminders call this when it fires).

    Reads only the weeks it needs from ``source`` (the Store); pure otherwise.
    """
    today = local_day(now, tz, parse_hhmm(settings.day_boundary))
    return load(source, settings, tz, reviewed_week(today), today).notification()
