"""Reminder math: when the bedtime, hydration, review and morning check-in reminders are due.

Pure: every function takes an explicit aware ``now``, the typed settings
(``core.settings.Settings``) and a timezone.  Nothing here reads a clock, so
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
* The morning check-in ("how was last night?") asks about the night that
  began the evening before (:func:`checkin_night`), once: not when that night
  is already answered (a check-in, "don't remember" included, or a night
  cramp in the diary), not about a night before the first day CrampCoach ran,
  and not on a rest or sick day (a day off from the plan's prompts; the main
  window and the tray still take the answer).  It is shown late for up to
  :data:`CHECKIN_GRACE` (the laptop opened at 10:00 still asks).

Datetimes are compared in UTC throughout: two aware datetimes that share a
tzinfo compare by wall time and ignore ``fold``, which is wrong inside the
repeated hour.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from crampcoach.core import nights as night_rules
from crampcoach.core.day import wall_time
from crampcoach.core.events import (
    CrampEvent,
    Event,
    NightEvent,
    ReminderEvent,
    ReminderFate,
    ReminderKind,
    SessionEvent,
    SkipEvent,
    SkipReason,
    WaterEvent,
    local_day,
)
from crampcoach.core.settings import Settings, parse_hhmm
from crampcoach.core.text import QT_TRANSLATE_NOOP, Message, plural
from crampcoach.core.triggers import BaseTrigger, CronTrigger, IntervalTrigger

#: A reminder shown later than this after its due time is marked late.
LATE_AFTER = timedelta(minutes=2)
#: A hydration slot is still shown this long after it was due (a blocked event
#: loop, a slow wake-up); later than that it is dropped, never shown late.
HYDRATION_GRACE = timedelta(minutes=5)
#: A weekly review reminder is still shown this long after it was due.
REVIEW_GRACE = timedelta(hours=3)
#: A morning check-in is still shown this long after its time (a morning).
CHECKIN_GRACE = timedelta(hours=4)
#: Skip reasons that make a day a day off (``core.days``).
DAY_OFF = frozenset({SkipReason.REST, SkipReason.SICK})
#: How far ahead the next-time functions look (a week and a day covers the
#: weekly review and any setting).
_HORIZON_DAYS = 9


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
    #: nights with an answer: a check-in (any, "don't remember" too) or a night cramp
    answered_nights: frozenset[date] = frozenset()
    #: nights a check-in reminder was already shown for (or snoozed, closed ...)
    asked_nights: frozenset[date] = frozenset()
    #: log days marked as a rest or sick day
    days_off: frozenset[date] = frozenset()


def _utc(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"reminder math needs timezone-aware datetimes, got {at!r}")
    return at.astimezone(UTC)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def in_quiet_hours(at: datetime, settings: Settings, tz: tzinfo) -> bool:
    """True when ``at`` falls in the quiet hours (start inclusive, end exclusive)."""
    start, end = (
        _minutes(parse_hhmm(settings.quiet_start)),
        _minutes(parse_hhmm(settings.quiet_end)),
    )
    if start == end:
        return False
    local = _utc(at).astimezone(tz)
    m = local.hour * 60 + local.minute
    if start < end:
        return start <= m < end
    return m >= start or m < end


def bedtime_reminder_time(settings: Settings) -> time:
    """Bedtime minus the lead time, as a wall-clock time (may wrap to the evening before)."""
    minutes = (_minutes(parse_hhmm(settings.bedtime)) - settings.bedtime_lead_min) % (24 * 60)
    return time(minutes // 60, minutes % 60)


def night_of(due: datetime, settings: Settings, tz: tzinfo) -> date:
    """The night (log day, with the day boundary) a bedtime reminder belongs to."""
    return local_day(due, tz, parse_hhmm(settings.day_boundary))


def night_end(due: datetime, settings: Settings, tz: tzinfo) -> datetime:
    """When the night of ``due`` is over: the first day boundary after it."""
    night = night_of(due, settings, tz)
    return wall_time(night + timedelta(days=1), parse_hhmm(settings.day_boundary), tz)


def _window(now: datetime, tz: tzinfo) -> tuple[datetime, datetime]:
    """From the start of the day before yesterday to the end of the look-ahead (local days)."""
    today = _utc(now).astimezone(tz).date()
    return (
        wall_time(today - timedelta(days=2), time(0), tz),
        wall_time(today + timedelta(days=_HORIZON_DAYS), time(0), tz),
    )


def _once_a_day(
    trigger: BaseTrigger, since: datetime, until: datetime, tz: tzinfo
) -> Iterator[datetime]:
    """A daily or weekly trigger's fire times from ``since`` to ``until``, at most one per local day.

    apscheduler's CronTrigger fires a wall time in the repeated autumn hour
    twice (cron's rule; ours is once, at the first), and 3.11 can return the
    same time again when asked from inside that hour
    (https://github.com/agronholm/apscheduler/issues/1021, open).  So after each
    fire the search goes on from the next local midnight, which is both the
    once-a-day rule and the guard.  Each fire is normalised into ``tz`` (a time
    in the skipped spring hour comes back with the offset from before the jump).
    """
    cursor = since
    while True:
        fire = trigger.get_next_fire_time(None, cursor)
        if fire is None or _utc(fire) > _utc(until):
            return
        fire = _utc(fire).astimezone(tz)
        yield fire
        cursor = wall_time(fire.date() + timedelta(days=1), time(0), tz)


def _bedtime_occurrences(now: datetime, settings: Settings, tz: tzinfo) -> Iterator[datetime]:
    """Bedtime reminder instants from two days before ``now`` onwards, in order."""
    at = bedtime_reminder_time(settings)
    trigger = CronTrigger(hour=at.hour, minute=at.minute, timezone=tz)
    for due in _once_a_day(trigger, *_window(now, tz), tz):
        if not in_quiet_hours(due, settings, tz):
            yield due


def checkin_night(due: datetime, tz: tzinfo) -> date:
    """The night a morning check-in at ``due`` asks about: the one that began the day before."""
    return _utc(due).astimezone(tz).date() - timedelta(days=1)


def _checkin_occurrences(now: datetime, settings: Settings, tz: tzinfo) -> Iterator[datetime]:
    at = parse_hhmm(settings.morning_checkin_time)
    trigger = CronTrigger(hour=at.hour, minute=at.minute, timezone=tz)
    for due in _once_a_day(trigger, *_window(now, tz), tz):
        if not in_quiet_hours(due, settings, tz):
            yield due


def _checkin_wanted(due: datetime, settings: Settings, tz: tzinfo, history: History) -> bool:
    night = checkin_night(due, tz)
    if night in history.answered_nights or night in history.asked_nights:
        return False
    first = settings.first_day
    if first and night < date.fromisoformat(first):
        return False  # the user had not started yet: nothing to compare it with
    return local_day(due, tz, parse_hhmm(settings.day_boundary)) not in history.days_off


def _after_pause(now: datetime, history: History) -> datetime:
    if history.paused_until is not None and _utc(history.paused_until) > _utc(now):
        return history.paused_until
    return now


def _hydration_slots(day: date, settings: Settings, tz: tzinfo) -> list[datetime]:
    """One day's hydration slots: from the start every interval up to the end time.

    apscheduler's IntervalTrigger within the day's window (``hydration_start``
    to ``hydration_end``, which may end the next day): the interval is
    elapsed time, so a window across a daylight-saving change keeps its
    spacing.
    """
    start, end = parse_hhmm(settings.hydration_start), parse_hhmm(settings.hydration_end)
    first = wall_time(day, start, tz)
    last = wall_time(day + timedelta(days=1 if end < start else 0), end, tz)
    trigger = IntervalTrigger(
        minutes=settings.hydration_interval_min,
        start_date=first,
        end_date=last,
        timezone=tz,
    )
    slots: list[datetime] = []
    fire = trigger.get_next_fire_time(None, first)
    while fire is not None:
        slots.append(_utc(fire).astimezone(tz))
        fire = trigger.get_next_fire_time(fire, fire)
    return slots


def _hydration_wanted(slot: datetime, settings: Settings, tz: tzinfo, history: History) -> bool:
    if in_quiet_hours(slot, settings, tz):
        return False
    slot_utc = _utc(slot)
    if history.last_hydration_due is not None and slot_utc <= _utc(history.last_hydration_due):
        return False
    interval = timedelta(minutes=settings.hydration_interval_min)
    # Skipped when the user logged water within an interval before the slot.
    if history.last_water_at is not None and _utc(history.last_water_at) > slot_utc - interval:
        return False
    return local_day(slot, tz, parse_hhmm(settings.day_boundary)) not in history.goal_met_days


def _hydration_candidates(now: datetime, settings: Settings, tz: tzinfo) -> Iterator[datetime]:
    since, until = _window(now, tz)
    seen: datetime | None = None
    day = since.date()
    while day < until.date():
        for slot in _hydration_slots(day, settings, tz):
            if seen is None or _utc(slot) > _utc(seen):
                seen = slot
                yield slot
        day += timedelta(days=1)


def _review_occurrences(now: datetime, settings: Settings, tz: tzinfo) -> Iterator[datetime]:
    at = parse_hhmm(settings.review_time)
    trigger = CronTrigger(
        day_of_week=settings.review_day, hour=at.hour, minute=at.minute, timezone=tz
    )
    for due in _once_a_day(trigger, *_window(now, tz), tz):
        if not in_quiet_hours(due, settings, tz):
            yield due


def _bedtime_wanted(due: datetime, settings: Settings, tz: tzinfo, history: History) -> bool:
    return night_of(due, settings, tz) not in history.handled_nights


def _bedtime_shown_until(due: datetime, settings: Settings, tz: tzinfo) -> datetime:
    return night_end(due, settings, tz) - timedelta(microseconds=1)  # the night's last moment


def _review_wanted(due: datetime, settings: Settings, tz: tzinfo, history: History) -> bool:
    return history.last_review_due is None or _utc(due) > _utc(history.last_review_due)


def _grace(span: timedelta) -> Callable[[datetime, Settings, tzinfo], datetime]:
    return lambda due, _settings, _tz: due + span


Occurrences = Callable[[datetime, Settings, tzinfo], Iterator[datetime]]
Wanted = Callable[[datetime, Settings, tzinfo, History], bool]


@dataclass(frozen=True, slots=True)
class KindRule:
    """When one kind of reminder is due: the whole schedule of a kind in one place.

    ``occurrences(now, settings, tz)``: its fire times in order, from two days
    before ``now`` (an apscheduler trigger; quiet hours already left out).
    ``wanted(due, settings, tz, history)``: False when the log says it is handled.
    ``shown_until(due, settings, tz)``: the last moment a due reminder is
    still shown (late); after that it is dropped (the misfire grace).
    ``marks_late``: a reminder shown more than :data:`LATE_AFTER` after its time says so.

    Adding a kind (say a morning check-in): add it to
    ``core.events.ReminderKind``, write its trigger as an ``occurrences``
    function, add a ``KindRule`` to :data:`RULES` with the setting that turns
    it on, give it a title and body in :func:`describe`, and its buttons in
    ``core.reminder_engine.PRESENTATION``.  The engine, the tray's "next
    reminder" and the catch-up after a sleep then handle it like the others.
    """

    kind: ReminderKind
    enabled: Callable[[Settings], bool]
    occurrences: Occurrences
    wanted: Wanted
    shown_until: Callable[[datetime, Settings, tzinfo], datetime]
    marks_late: bool = True


RULES: tuple[KindRule, ...] = (
    KindRule(
        ReminderKind.BEDTIME,
        lambda s: s.bedtime_reminder,
        _bedtime_occurrences,
        _bedtime_wanted,
        _bedtime_shown_until,
    ),
    KindRule(
        ReminderKind.HYDRATION,
        lambda s: s.hydration_reminder,
        _hydration_candidates,
        _hydration_wanted,
        _grace(HYDRATION_GRACE),
        marks_late=False,
    ),
    KindRule(
        ReminderKind.REVIEW,
        lambda s: s.review_reminder,
        _review_occurrences,
        _review_wanted,
        _grace(REVIEW_GRACE),
    ),
    KindRule(
        ReminderKind.CHECKIN,
        lambda s: s.morning_checkin,
        _checkin_occurrences,
        _checkin_wanted,
        _grace(CHECKIN_GRACE - timedelta(microseconds=1)),  # 08:00 up to, not at, 12:00
        marks_late=False,
    ),
)
RULE_OF: dict[ReminderKind, KindRule] = {rule.kind: rule for rule in RULES}


def next_of(
    rule: KindRule,
    now: datetime,
    settings: Settings,
    tz: tzinfo,
    history: History | None = None,
) -> datetime | None:
    """The next reminder of ``rule``'s kind strictly after ``now`` (and after a pause)."""
    history = history or History()
    if not rule.enabled(settings):
        return None
    start = _utc(_after_pause(now, history))
    for due in rule.occurrences(now, settings, tz):
        if _utc(due) > start and rule.wanted(due, settings, tz, history):
            return due
    return None


def next_bedtime(
    now: datetime, settings: Settings, tz: tzinfo, history: History | None = None
) -> datetime | None:
    """The next bedtime reminder strictly after ``now`` whose night is not handled yet."""
    return next_of(RULE_OF[ReminderKind.BEDTIME], now, settings, tz, history)


def next_hydration(
    now: datetime, settings: Settings, tz: tzinfo, history: History | None = None
) -> datetime | None:
    """The next hydration slot strictly after ``now`` that would be shown."""
    return next_of(RULE_OF[ReminderKind.HYDRATION], now, settings, tz, history)


def next_review(
    now: datetime, settings: Settings, tz: tzinfo, history: History | None = None
) -> datetime | None:
    """The next weekly review reminder strictly after ``now``."""
    return next_of(RULE_OF[ReminderKind.REVIEW], now, settings, tz, history)


def next_reminder(
    now: datetime, settings: Settings, tz: tzinfo, history: History | None = None
) -> Reminder | None:
    """The soonest upcoming reminder of any kind (for the tray tooltip)."""
    candidates = [
        (due, rule.kind)
        for rule in RULES
        if (due := next_of(rule, now, settings, tz, history)) is not None
    ]
    if not candidates:
        return None
    due, kind = min(candidates, key=lambda c: _utc(c[0]))
    return Reminder(kind, due)


def due_now(
    now: datetime, settings: Settings, tz: tzinfo, history: History | None = None
) -> list[Reminder]:
    """What to show at ``now``: at most one reminder of each kind, never a burst.

    Call it when a planned time is reached, after a resume or clock jump, and
    at start-up.  Of each kind only the latest time at or before ``now``
    counts (apscheduler's ``coalesce=True``), and only until its rule's
    ``shown_until`` (its ``misfire_grace_time``): a bedtime reminder while its
    night is not over (marked ``late`` past :data:`LATE_AFTER`), a hydration
    slot within :data:`HYDRATION_GRACE`, the weekly review within
    :data:`REVIEW_GRACE`.  Nothing during quiet hours or a pause.
    """
    history = history or History()
    now_utc = _utc(now)
    if in_quiet_hours(now, settings, tz):
        return []
    if history.paused_until is not None and _utc(history.paused_until) > now_utc:
        return []
    out: list[Reminder] = []
    for rule in RULES:
        if not rule.enabled(settings):
            continue
        latest = _latest_until(rule.occurrences(now, settings, tz), now_utc)
        if (
            latest is not None
            and rule.wanted(latest, settings, tz, history)
            and now_utc <= _utc(rule.shown_until(latest, settings, tz))
        ):
            late = rule.marks_late and now_utc - _utc(latest) > LATE_AFTER
            out.append(Reminder(rule.kind, latest, late))
    return out


def _latest_until(occurrences: Iterable[datetime], now_utc: datetime) -> datetime | None:
    """The last of ascending ``occurrences`` at or before ``now_utc``."""
    latest: datetime | None = None
    for due in occurrences:
        if _utc(due) > now_utc:
            break
        latest = due
    return latest


def missed_bedtimes(
    since: datetime,
    now: datetime,
    settings: Settings,
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
    if not settings.bedtime_reminder:
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
    settings: Settings,
    tz: tzinfo,
    *,
    paused_until: datetime | None = None,
) -> History:
    """Build the :class:`History` the reminder math needs from logged events.

    A bedtime night is handled by any bedtime ReminderEvent for it (shown,
    acted, snoozed, dismissed or missed), a SkipEvent for item ``"bedtime"``,
    or a completed session of the bedtime routine (``settings.bedtime_routine``
    or any routine of kind ``"bedtime"``).  A night is answered by a
    NightEvent for it or a night cramp (``core.nights``); asked by any
    check-in ReminderEvent; a day is off by a rest or sick SkipEvent.
    """
    events = list(events)
    nights: set[date] = set()
    water_by_day: dict[date, int] = {}
    last_water: datetime | None = None
    last_hydration: datetime | None = None
    last_review: datetime | None = None
    boundary = parse_hhmm(settings.day_boundary)

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
            is_bedtime = ev.routine_kind == "bedtime" or ev.routine_id == settings.bedtime_routine
            if is_bedtime and ev.completed:
                nights.add(local_day(ev.at, tz, boundary))
        elif isinstance(ev, WaterEvent):
            last_water = later(last_water, ev.at)
            day = local_day(ev.at, tz, boundary)
            water_by_day[day] = water_by_day.get(day, 0) + ev.ml
    goal = settings.water_goal_ml
    met = frozenset(d for d, ml in water_by_day.items() if goal > 0 and ml >= goal)
    return History(
        handled_nights=frozenset(nights),
        last_water_at=last_water,
        last_hydration_due=last_hydration,
        goal_met_days=met,
        last_review_due=last_review,
        paused_until=paused_until,
        **_checkin_history(events, settings, tz),
    )


def _checkin_history(
    events: Iterable[Event], settings: Settings, tz: tzinfo
) -> dict[str, frozenset[date]]:
    """The check-in's part of :class:`History`: nights answered and asked, days off."""
    answered: set[date] = set()
    asked: set[date] = set()
    days_off: set[date] = set()
    bedtime = parse_hhmm(settings.bedtime)
    for ev in events:
        if isinstance(ev, NightEvent):
            answered.add(ev.night)
        elif isinstance(ev, CrampEvent) and night_rules.is_night_cramp(ev, tz, bedtime):
            answered.add(night_rules.night_of(ev.at, tz))
        elif isinstance(ev, ReminderEvent) and ev.reminder is ReminderKind.CHECKIN:
            asked.add(checkin_night(ev.due or ev.at, tz))
        elif isinstance(ev, SkipEvent) and ev.reason in DAY_OFF:
            days_off.add(ev.day)
    return {
        "answered_nights": frozenset(answered),
        "asked_nights": frozenset(asked),
        "days_off": frozenset(days_off),
    }


def next_day_start(now: datetime, settings: Settings, tz: tzinfo) -> datetime:
    """When the next log day begins ("until tomorrow" for a pause)."""
    boundary = parse_hhmm(settings.day_boundary)
    return wall_time(local_day(now, tz, boundary) + timedelta(days=1), boundary, tz)


#: The check-in's body; ``{night}`` is "Night of Mon 4 Jan to Tue 5 Jan".
CHECKIN_BODY = QT_TRANSLATE_NOOP(
    "Reminders", "{night}. One tap answers; a night with no answer stays unknown, never cramp-free."
)


def routine_length_words(seconds: int) -> Message:
    """A routine's real length in words: "about 10 minutes", "under a minute"."""
    if seconds < 60:
        return QT_TRANSLATE_NOOP("Reminders", "under a minute")
    return plural(
        max(1, round(seconds / 60)),
        QT_TRANSLATE_NOOP("Reminders", "about {n} minute"),
        QT_TRANSLATE_NOOP("Reminders", "about {n} minutes"),
    )


def describe(
    reminder: Reminder,
    tz: tzinfo,
    routine: tuple[str, int] | None = None,
) -> tuple[Message, Message]:
    """Title and body text for a reminder, in plain words (translated when shown).

    ``routine`` is the bedtime routine's (title, seconds), so the text says its
    real length; without it the body names no length rather than a wrong one.
    """
    hhmm = _utc(reminder.due).astimezone(tz).strftime("%H:%M")
    if reminder.kind is ReminderKind.BEDTIME:
        title = QT_TRANSLATE_NOOP("Reminders", "Time for your bedtime stretches")
        if routine is not None:
            name, seconds = routine
            body = QT_TRANSLATE_NOOP("Reminders", "{routine}: {length}, before sleep.").format(
                routine=name, length=routine_length_words(seconds)
            )
        else:
            body = QT_TRANSLATE_NOOP("Reminders", "Your bedtime routine, before sleep.")
        if reminder.late:
            title = QT_TRANSLATE_NOOP("Reminders", "You missed your {time} reminder").format(
                time=hhmm
            )
            body = QT_TRANSLATE_NOOP(
                "Reminders", "There is still time for your bedtime stretches tonight. {body}"
            ).format(body=body)
        return title, body
    if reminder.kind is ReminderKind.HYDRATION:
        return (
            QT_TRANSLATE_NOOP("Reminders", "A glass of water?"),
            QT_TRANSLATE_NOOP("Reminders", "A regular drink through the day; no need to force it."),
        )
    if reminder.kind is ReminderKind.CHECKIN:
        night = night_rules.describe_night(checkin_night(reminder.due, tz))
        return QT_TRANSLATE_NOOP("Reminders", "How was last night?"), CHECKIN_BODY.format(
            night=night[0].upper() + night[1:]
        )
    title = QT_TRANSLATE_NOOP("Reminders", "Your week in review")
    if reminder.late:
        title = QT_TRANSLATE_NOOP("Reminders", "Your week in review (due {time})").format(time=hhmm)
    return title, QT_TRANSLATE_NOOP("Reminders", "See how your stretching week went.")
