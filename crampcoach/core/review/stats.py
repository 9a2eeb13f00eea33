"""Computing a weekly review from the log: days, adherence, streaks, cramp statistics.

Pure: events, settings, a timezone and an ISO week in; a frozen
``model.WeekReview`` out.  The rules are in the package docstring.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo

from crampcoach.core import nights as nights_mod
from crampcoach.core import profile, safety
from crampcoach.core import trial as trial_mod
from crampcoach.core.events import (
    CrampEvent,
    Event,
    EventSource,
    EventType,
    NightEvent,
    SessionEvent,
    SkipEvent,
    SkipReason,
    WaterEvent,
    local_day,
)
from crampcoach.core.nights import NightOutcome
from crampcoach.core.review.model import (
    BEDTIME_KIND,
    EXCUSED,
    HISTORY_DAYS,
    SERIES_WEEKS,
    STRETCH_KINDS,
    Adherence,
    CrampStats,
    DayRow,
    IsoWeek,
    PlanItem,
    RoutineEffect,
    Status,
    Streak,
    WeekReview,
    WeekSummary,
)
from crampcoach.core.review.wording import notification
from crampcoach.core.settings import Settings, parse_hhmm
from crampcoach.core.text import Message


def _plan_done(adherence: Mapping[PlanItem, Adherence]) -> float | None:
    """The "plan done" figure: bedtime routine and stretching; water is shown beside it."""
    return _overall([a for item, a in adherence.items() if item is not PlanItem.WATER])


def _overall(items: Iterable[Adherence]) -> float | None:
    items = list(items)
    done = sum(min(a.done, a.planned) for a in items if a.planned > 0)
    planned = sum(a.planned for a in items if a.planned > 0)
    return None if planned == 0 else 100.0 * done / planned


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


def _group(row: DayRow) -> bool | None:
    """True: a night with the bedtime routine; False: without it; None: in neither group."""
    if row.bedtime is Status.DONE:
        return True
    if (
        row.bedtime is Status.MISSED
        or (row.bedtime is Status.NOT_PLANNED and row.trial_off)
        or (row.bedtime is Status.SKIPPED and row.bedtime_skip not in EXCUSED)
    ):
        return False
    return None


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
        group_with = _group(row)
        if group_with is None:
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
    return notification(load(source, settings, tz, reviewed_week(today), today))
