"""The reminder engine: plans reminders, shows them through a callback, records their fates.

Pure: no Qt, no threads, no global clock.  It reads time from its
:class:`~crampcoach.core.clock.Clock` (which carries the zone), the log
through the small :class:`ReminderLog` protocol (the store is one), the
settings through a callable, and does everything the user sees through the
plain callbacks of :class:`Callbacks`.  ``crampcoach.qt.reminders`` only
wires those to notifications, one timer and a dialog, so a whole evening of
reminders runs in a test in milliseconds on a fake clock.

Driving it
----------
* :meth:`ReminderEngine.start` once: logs nights missed while the app was
  closed (never shows them), shows what is due now (a late bedtime reminder
  at most), plans the rest.
* :meth:`ReminderEngine.check` when :meth:`~ReminderEngine.next_wakeup` is
  reached (one timer is enough) and after a resume.
* :meth:`ReminderEngine.check_clock` every minute or so: monotonic time stops
  while the machine sleeps and wall time does not, so a difference between
  them is a resume (or a clock change), and what became due is checked then.
* :meth:`ReminderEngine.on_action` / :meth:`ReminderEngine.on_closed` from
  the notifications.

Fates
-----
Every reminder shown is logged ``shown`` and then gets exactly one of:
``acted`` (a button that does the thing), ``snoozed`` (shown again
:data:`SNOOZE` later), ``dismissed`` (closed by the user, or "Skip tonight"),
``expired`` (it went away unanswered after its timeout: the user was away,
which is not the same as ignoring it), or, never shown at all, ``missed``
(the app was closed or the machine asleep for the whole night).  Each kind
has an explicit timeout (:class:`Presentation`): the bedtime reminder stays
until answered, the others go after a while.  A reminder acted on is taken
off the screen (``Callbacks.withdraw``).

apscheduler
-----------
The times come from apscheduler's triggers (``core.reminders``: CronTrigger
for bedtime and the weekly review, IntervalTrigger within the day's window
for hydration), which compute DST-correct fire times from an explicit
``now``.  Its schedulers are not used, for three reasons:

* they read the wall clock themselves (``datetime.now`` inside
  ``BaseScheduler._process_jobs``) and cannot be given ours, so they cannot
  run on a fake clock; a custom time source was asked for and declined
  (https://github.com/agronholm/apscheduler/issues/33), and the maintainers'
  advice for simulated time is to test the triggers, datetime in, datetime
  out (https://github.com/agronholm/apscheduler/issues/293);
* ``QtScheduler`` keeps the ``None`` that the static ``QTimer.singleShot``
  returns, so it can never cancel a wake-up (``shared/design/platform.md``);
* none notices a resume from suspend
  (https://github.com/agronholm/apscheduler/issues/794, open).

What ``coalesce=True`` and ``misfire_grace_time`` give a job is done here per
kind, in ``core.reminders.due_now``: after a gap only the latest time of a
kind counts (one reminder, never a burst), and only within the kind's grace;
past it a bedtime reminder is logged as missed.

The morning check-in
--------------------
"How was last night?" with three buttons that answer it: ``none`` (no
cramps) and ``unknown`` (don't remember) write the night at once, ``cramps``
asks how many and the worst (the adapter opens the small check-in in the
main window).  The night is the one the reminder asks about
(``core.reminders.checkin_night``), not whatever "last night" is when the
button is finally pressed.

A personal trial's schedule
---------------------------
On a trial night *without* the routine the bedtime reminder says so and
offers no "Start" (nor "Skip", nor a snooze): only :data:`NOTED_ACTION`,
gone after :data:`TRIAL_NOTICE_TIMEOUT_S`.  On a night *with* it, and
outside a trial, it prompts the routine as usual.

Adding a reminder kind
----------------------
Give it a ``ReminderKind``, a ``KindRule`` in
``core.reminders.RULES`` (its trigger, the setting that turns it on, what
makes it handled, its grace) and text in ``core.reminders.describe``; then a
:class:`Presentation` here in :data:`PRESENTATION` (its buttons and timeout).
A button whose key is not ``snooze`` or ``skip`` calls the callback of the
same key in ``Callbacks.actions`` (``{"checkin": open_checkin}``); the
adapter passes those in.  Planning, catch-up, pauses and fates need nothing
more.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, tzinfo

from crampcoach.core import day
from crampcoach.core import reminders as schedule
from crampcoach.core.clock import Clock
from crampcoach.core.context import ReminderLog
from crampcoach.core.events import (
    Event,
    EventType,
    NightEvent,
    ReminderEvent,
    ReminderFate,
    ReminderKind,
    SkipEvent,
    SkipReason,
    WaterEvent,
    new_id,
)
from crampcoach.core.settings import Settings
from crampcoach.core.text import QT_TRANSLATE_NOOP, Message, Translate, untranslated

log = logging.getLogger(__name__)

SNOOZE = timedelta(minutes=10)
SNOOZE_ACTION = ("snooze", QT_TRANSLATE_NOOP("Reminders", "Snooze 10 min"))
#: How far back the log is read to know what was handled (a bedtime night,
#: the last hydration slot, the weekly review).
LOOKBACK = timedelta(days=9)
#: No reminder in the first minutes after the very first launch: the user is
#: still finding their way around (the first-day welcome, the settings).
FIRST_LAUNCH_QUIET = timedelta(minutes=10)
#: Wall and monotonic time may drift apart this much between two checks
#: before it counts as a resume or a clock change (NTP slews far more gently).
JUMP_THRESHOLD_S = 5.0

Actions = tuple[tuple[str, str], ...]  # (key, label): as shown, translated
Buttons = tuple[tuple[str, Message], ...]  # (key, label): as worded, in English


@dataclass(frozen=True, slots=True)
class Presentation:
    """How a kind of reminder is shown: its buttons and how long it stays.

    ``timeout_s`` None: it stays until answered (the notification server is
    asked for no timeout); else the server (or the toast) closes it after that
    long and the fate is ``expired``.
    """

    actions: Buttons
    timeout_s: float | None


PRESENTATION: dict[ReminderKind, Presentation] = {
    ReminderKind.BEDTIME: Presentation(
        (
            ("start", QT_TRANSLATE_NOOP("Reminders", "Start bedtime routine")),
            SNOOZE_ACTION,
            ("skip", QT_TRANSLATE_NOOP("Reminders", "Skip tonight")),
        ),
        None,
    ),
    ReminderKind.HYDRATION: Presentation(
        (("glass", QT_TRANSLATE_NOOP("Reminders", "Log a glass")), SNOOZE_ACTION), 5 * 60
    ),
    ReminderKind.REVIEW: Presentation(
        (("open", QT_TRANSLATE_NOOP("Reminders", "Open the review")), SNOOZE_ACTION), 30 * 60
    ),
    # Three answers, no snooze: it stays the morning (the reminder's grace).
    ReminderKind.CHECKIN: Presentation(
        (
            ("none", QT_TRANSLATE_NOOP("Reminders", "No cramps")),
            ("cramps", QT_TRANSLATE_NOOP("Reminders", "Had cramps…")),
            ("unknown", QT_TRANSLATE_NOOP("Reminders", "Don't remember")),
        ),
        schedule.CHECKIN_GRACE.total_seconds(),
    ),
}
#: The one button of a trial night without the routine: seen, nothing to do.
NOTED_ACTION = ("noted", QT_TRANSLATE_NOOP("Reminders", "OK"))
TRIAL_NOTICE_TIMEOUT_S = 30 * 60
#: The check-in's answers that need no more than the click: key -> cramps.
CHECKIN_ANSWERS: dict[str, int | None] = {"none": 0, "unknown": None}
#: The tray tooltip's "next" line, per kind.
NEXT_LINE: dict[ReminderKind, Message] = {
    ReminderKind.BEDTIME: QT_TRANSLATE_NOOP("Reminders", "Next: bedtime reminder {when}"),
    ReminderKind.HYDRATION: QT_TRANSLATE_NOOP("Reminders", "Next: hydration reminder {when}"),
    ReminderKind.REVIEW: QT_TRANSLATE_NOOP("Reminders", "Next: review reminder {when}"),
    ReminderKind.CHECKIN: QT_TRANSLATE_NOOP("Reminders", "Next: morning check-in {when}"),
}
#: A time on another day than today: "Tue 22:30".
ON_DAY = QT_TRANSLATE_NOOP("Reminders", "{day} {time}")
#: Weekday abbreviations, Monday first (``strftime("%a")`` would follow the C locale).
WEEKDAYS: tuple[Message, ...] = (
    QT_TRANSLATE_NOOP("Reminders", "Mon"),
    QT_TRANSLATE_NOOP("Reminders", "Tue"),
    QT_TRANSLATE_NOOP("Reminders", "Wed"),
    QT_TRANSLATE_NOOP("Reminders", "Thu"),
    QT_TRANSLATE_NOOP("Reminders", "Fri"),
    QT_TRANSLATE_NOOP("Reminders", "Sat"),
    QT_TRANSLATE_NOOP("Reminders", "Sun"),
)


@dataclass(frozen=True, slots=True)
class Shown:
    """A reminder on screen: what the notifications need to show it."""

    token: str
    reminder: schedule.Reminder
    title: str
    body: str
    actions: Actions
    timeout_s: float | None
    snoozed: bool = False


def _nothing(*_args: object) -> None:
    return None


@dataclass
class Callbacks:
    """Everything the engine makes happen outside itself.

    ``show`` puts a reminder on screen and returns how ("dbus", "tray",
    "toast"); ``withdraw`` takes one off; ``changed`` says the plan, a pause
    or today's water changed (the tray's tooltip); ``actions`` does what a
    button says, by its key; ``ask_skip_reason`` offers to say why tonight is
    skipped (its answer comes back through :meth:`ReminderEngine.give_reason`).
    """

    show: Callable[[Shown], str]
    withdraw: Callable[[str], object] = _nothing
    changed: Callable[[], object] = _nothing
    actions: Mapping[str, Callable[[schedule.Reminder], object]] = field(default_factory=dict)
    ask_skip_reason: Callable[[SkipEvent], object] = _nothing
    #: a routine id -> (title, seconds), so the bedtime text says its real length
    routine_info: Callable[[str], tuple[str, int] | None] = lambda _rid: None
    #: puts core's messages into the user's language (the GUI passes Qt's translator)
    translate: Translate = untranslated


def _moment(text: str) -> datetime | None:
    """A stored moment setting ("" for none)."""
    return datetime.fromisoformat(text) if text else None


class ReminderEngine:
    """Plans, shows and records reminders; the Qt adapter and the tray talk to this."""

    def __init__(
        self,
        log_: ReminderLog,
        clock: Clock,
        settings: Callable[[], Settings],
        callbacks: Callbacks,
        *,
        failures: tuple[type[Exception], ...] = (OSError,),
    ) -> None:
        """``failures``: the log's errors, caught and logged (a reminder never crashes the app)."""
        self.log = log_
        self.clock = clock
        self._settings = settings
        self.callbacks = callbacks
        self._failures = failures
        self.paused_until: datetime | None = _moment(self.settings().reminders_paused_until)
        #: name -> when, on the clock: "bedtime", "hydration", "review" (the next
        #: of each kind), "snooze-<kind>", "extra" (a reminder asked for by hand).
        self.plan: dict[str, datetime] = {}
        self.active: dict[str, Shown] = {}
        self._later: dict[str, schedule.Reminder] = {}  # plan name -> what it shows
        #: When :meth:`check` last ran (None before the first run: what happened
        #: while the app was closed is not logged as missed).
        self._last_check: datetime | None = None
        self._last_wall = clock.now()
        self._last_mono = clock.monotonic()
        self.started = False

    @property
    def tz(self) -> tzinfo:
        """The clock's zone."""
        return self.clock.tz

    # -- lifecycle --------------------------------------------------------

    def start(self) -> None:
        """Log nights missed while closed, show what is due, plan the rest.

        Nights that ended while the app was closed (since it last quit, at most
        LOOKBACK ago) are logged as missed, never shown: the review can then
        tell "no reminder arrived" from "ignored".  On the very first launch
        (nothing in the log, never quit before) reminders wait
        :data:`FIRST_LAUNCH_QUIET`, as a pause the tray shows and can lift.
        """
        self.started = True
        self._last_wall, self._last_mono = self.clock.now(), self.clock.monotonic()
        now = self.clock.now()
        if self._last_check is None:
            self._last_check = _moment(self.settings().reminders_checked_until)
            if self._last_check is not None:
                self._last_check = max(self._last_check, now - LOOKBACK)
            elif self._first_launch(now):
                self.pause(now + FIRST_LAUNCH_QUIET)
        self.check()

    def _first_launch(self, now: datetime) -> bool:
        try:
            return not self.log.events(start=now - LOOKBACK)
        except self._failures:
            return False

    def stop(self) -> None:
        """Remember until when reminders were checked (for the missed-night log of the next start)."""
        if not self.started:
            return
        self.started = False
        if self._last_check is not None:
            try:
                self.log.set_setting("reminders_checked_until", self._last_check.isoformat())
            except self._failures as exc:  # costs only the missed-night log of the next start
                log.warning("could not store when reminders were last checked: %s", exc)

    def remind_at(self, kind: ReminderKind, when: datetime) -> None:
        """Show a reminder of ``kind`` at ``when`` whatever the settings say (a test hook)."""
        self._later["extra"] = schedule.Reminder(kind, when)
        self.plan["extra"] = when
        self.callbacks.changed()

    # -- what the log says --------------------------------------------------

    def settings(self) -> Settings:
        """The current settings (merged with defaults)."""
        return self._settings()

    def history(self, now: datetime | None = None) -> schedule.History:
        """What the log says was handled, plus the current pause."""
        now = now or self.clock.now()
        events = self.log.events(start=now - LOOKBACK)
        return schedule.history_from_events(
            events, self.settings(), self.tz, paused_until=self.paused_until
        )

    def water_today(self, now: datetime | None = None) -> int:
        """Millilitres logged today (log day with the day boundary)."""
        now = now or self.clock.now()
        events = self.log.events(start=now - timedelta(days=2), types=[EventType.WATER])
        return day.water_ml(events, now, self.settings(), self.tz)

    def next_reminder(self) -> schedule.Reminder | None:
        """The next reminder that will be shown, for the tooltip."""
        now = self.clock.now()
        return schedule.next_reminder(now, self.settings(), self.tz, self.history(now))

    def status_text(self) -> str:
        """A few lines for the tray tooltip: a pause, the next reminder, today's water."""
        settings = self.settings()
        lines: list[Message] = []
        now = self.clock.now()
        if self.paused_until is not None and self.paused_until > now:
            until = self.paused_until.astimezone(self.tz)
            lines.append(
                QT_TRANSLATE_NOOP("Reminders", "Reminders paused until {when}").format(
                    when=ON_DAY.format(day=WEEKDAYS[until.weekday()], time=f"{until:%H:%M}")
                )
            )
        nxt = self.next_reminder()
        if nxt is not None:
            when = nxt.due.astimezone(self.tz)
            today = when.date() == now.astimezone(self.tz).date()
            hhmm = f"{when:%H:%M}"
            at = hhmm if today else ON_DAY.format(day=WEEKDAYS[when.weekday()], time=hhmm)
            lines.append(NEXT_LINE[nxt.kind].format(when=at))
        else:
            lines.append(QT_TRANSLATE_NOOP("Reminders", "No reminder planned"))
        water, goal = self.water_today(now), settings.water_goal_ml
        if goal:
            line = QT_TRANSLATE_NOOP("Reminders", "Water today: {water} ml of {goal} ml")
        else:
            line = QT_TRANSLATE_NOOP("Reminders", "Water today: {water} ml")
        lines.append(line.format(water=water, goal=goal))
        translate = self.callbacks.translate
        return "\n".join(["CrampCoach", *(line.render(translate) for line in lines)])

    # -- planning ------------------------------------------------------------

    def next_wakeup(self) -> datetime | None:
        """When :meth:`check` should run next (None: nothing planned)."""
        return min(self.plan.values(), key=lambda at: at.astimezone(UTC), default=None)

    def check(self) -> list[schedule.Reminder]:
        """Show whatever is due now, then plan the next times; returns what was shown."""
        try:
            return self._check()
        except self._failures as exc:
            # Runs from timers: a closed or unreadable log must not take the
            # app down; the next check (or a restart) tries again.
            log.warning("reminders could not read the log: %s", exc)
            return []

    def _check(self) -> list[schedule.Reminder]:
        now = self.clock.now()
        settings = self.settings()
        history = self.history(now)
        if self._last_check is not None:
            # Slept through a whole night while running: log it, never show it.
            for missed in schedule.missed_bedtimes(
                self._last_check, now, settings, self.tz, history
            ):
                self._fate(
                    schedule.Reminder(ReminderKind.BEDTIME, missed, late=True), ReminderFate.MISSED
                )
            history = self.history(now)
        self._last_check = now
        due = schedule.due_now(now, settings, self.tz, history)
        for reminder in due:
            self.show(reminder)
        self._run_later(now)
        self._reschedule()
        return due

    def _run_later(self, now: datetime) -> None:
        """Show the snoozed and hand-planned reminders whose time has come."""
        for name, reminder in list(self._later.items()):
            when = self.plan.get(name)
            if when is None or when.astimezone(UTC) > now.astimezone(UTC):
                continue
            del self._later[name]
            self.plan.pop(name, None)
            if name.startswith("snooze-"):
                self._show_snoozed(reminder, now)
            else:
                self.show(reminder)

    def reschedule(self) -> None:
        """(Re)plan the next time of each kind from the settings and the log."""
        try:
            self._reschedule()
        except self._failures as exc:  # the plan stays as it was; the next check tries again
            log.warning("reminders could not read the log to plan: %s", exc)

    def _reschedule(self) -> None:
        now = self.clock.now()
        settings = self.settings()
        history = self.history(now)
        for rule in schedule.RULES:
            when = schedule.next_of(rule, now, settings, self.tz, history)
            if when is None:
                self.plan.pop(rule.kind.value, None)
            else:
                self.plan[rule.kind.value] = when
        self.callbacks.changed()

    def settings_changed(self) -> None:
        """A setting changed (dialog, CLI, IPC): re-plan without a restart."""
        self.paused_until = _moment(self.settings().reminders_paused_until)
        self.reschedule()

    def check_clock(self) -> float:
        """Compare wall and monotonic progress since the last call; check again on a jump.

        Returns the jump in seconds (0.0 when none).  Monotonic time stops
        during suspend on Linux, so a resume shows up as the wall clock running
        ahead; a manual clock change shows up either way.
        """
        wall, mono = self.clock.now(), self.clock.monotonic()
        wall_delta = (wall.astimezone(UTC) - self._last_wall.astimezone(UTC)).total_seconds()
        jump = wall_delta - (mono - self._last_mono)
        self._last_wall, self._last_mono = wall, mono
        if abs(jump) < JUMP_THRESHOLD_S:
            return 0.0
        log.info("clock moved %.0f s beyond monotonic time (resume or clock change)", jump)
        if self.started:
            self.check()
        return jump

    # -- pausing -----------------------------------------------------------

    def pause(self, until: datetime | None) -> None:
        """Pause reminders until a time (None resumes); kept across a restart."""
        self.paused_until = until
        try:
            self.log.set_setting(
                "reminders_paused_until", "" if until is None else until.isoformat()
            )
        except self._failures as exc:  # the pause still holds while the app runs
            log.warning("could not store the pause: %s", exc)
        self.reschedule()

    def pause_for(self, delta: timedelta) -> None:
        """Pause reminders for a while (tray: 1 h)."""
        self.pause(self.clock.now() + delta)

    def pause_until_tomorrow(self) -> None:
        """Pause until the next log day starts (the day boundary)."""
        self.pause(schedule.next_day_start(self.clock.now(), self.settings(), self.tz))

    # -- showing and recording ----------------------------------------------

    def _record(self, event: Event) -> None:
        try:
            self.log.add(event)
        except self._failures as exc:
            # The store keeps a failed write pending and retries it; a reminder
            # must never crash the app.
            log.warning("could not store %s: %s", event.type.value, exc)

    def _fate(self, reminder: schedule.Reminder, fate: ReminderFate) -> None:
        self._record(
            ReminderEvent(
                id=new_id(),
                at=self.clock.now(),
                reminder=reminder.kind,
                fate=fate,
                due=reminder.due,
            )
        )

    def text(self, reminder: schedule.Reminder) -> tuple[Message, Message]:
        """The reminder's title and body, in English until rendered.

        The weekly review's body is the week itself (plan done, cramps, any
        warning sign), so the reminder is worth reading even if never opened.
        """
        if reminder.kind is ReminderKind.REVIEW:
            from crampcoach.core import review

            return review.week_in_review(self.log, self.settings(), self.tz, self.clock.now())
        if reminder.kind is ReminderKind.BEDTIME:
            return self._bedtime_text(reminder)
        return schedule.describe(reminder, self.tz)

    def _trial_tonight(self, reminder: schedule.Reminder) -> bool | None:
        """A running personal trial's word on the reminder's night: routine or not (None: usual)."""
        from crampcoach.core import trial

        current = trial.latest(self.log.events(types=[EventType.TRIAL]))
        if current is None or not current.active:
            return None
        return current.design.routine_tonight(reminder.due.astimezone(self.tz).date())

    def presentation(self, reminder: schedule.Reminder) -> Presentation:
        """The buttons and timeout of ``reminder``: a trial night without the routine has no "Start"."""
        if reminder.kind is ReminderKind.BEDTIME and self._trial_tonight(reminder) is False:
            return Presentation((NOTED_ACTION,), TRIAL_NOTICE_TIMEOUT_S)
        return PRESENTATION[reminder.kind]

    def _bedtime_text(self, reminder: schedule.Reminder) -> tuple[Message, Message]:
        """A personal trial decides what tonight is; otherwise the routine and its real length."""
        from crampcoach.core import trial

        current = trial.latest(self.log.events(types=[EventType.TRIAL]))
        found = trial.bedtime_reminder(current, reminder.due.astimezone(self.tz).date())
        if found is not None:
            return found
        routine = self.callbacks.routine_info(self.settings().bedtime_routine)
        return schedule.describe(reminder, self.tz, routine)

    def show(self, reminder: schedule.Reminder, *, snoozed: bool = False) -> Shown:
        """Show a reminder now and record it as shown."""
        title, body = self.text(reminder)
        if snoozed and not reminder.late:
            title = QT_TRANSLATE_NOOP("Reminders", "{title} (snoozed)").format(title=title)
        look = self.presentation(reminder)
        translate = self.callbacks.translate
        shown = Shown(
            new_id(),
            reminder,
            title.render(translate),
            body.render(translate),
            tuple((key, label.render(translate)) for key, label in look.actions),
            look.timeout_s,
            snoozed,
        )
        self.active[shown.token] = shown
        self._fate(reminder, ReminderFate.SHOWN)
        self.callbacks.show(shown)
        self.callbacks.changed()
        return shown

    def on_action(self, token: str, key: str) -> None:
        """A button was pressed on a shown reminder; it is then taken off the screen."""
        shown = self.active.pop(token, None)
        if shown is None:
            return
        reminder = shown.reminder
        self.callbacks.withdraw(token)
        if key == SNOOZE_ACTION[0]:
            self._fate(reminder, ReminderFate.SNOOZED)
            name = f"snooze-{reminder.kind.value}"
            self._later[name] = reminder
            self.plan[name] = self.clock.now() + SNOOZE
        elif key == "skip" and reminder.kind is ReminderKind.BEDTIME:
            self._fate(reminder, ReminderFate.DISMISSED)
            self.skip_tonight(reminder)
        elif key == NOTED_ACTION[0]:
            self._fate(reminder, ReminderFate.DISMISSED)  # read; there is nothing to do
        else:
            self._fate(reminder, ReminderFate.ACTED)
            self._act(reminder, key)
        self.reschedule()

    def _act(self, reminder: schedule.Reminder, key: str) -> None:
        action = self.callbacks.actions.get(key)
        if action is not None:
            action(reminder)
        elif key == "glass":  # no app to log it through (tests, a bare engine): log it here
            self._record(WaterEvent(id=new_id(), at=self.clock.now(), ml=self.settings().glass_ml))
        elif reminder.kind is ReminderKind.CHECKIN and key in CHECKIN_ANSWERS:
            self._record(self.night_answer(reminder, CHECKIN_ANSWERS[key]))
        else:
            log.warning("no action for %r on a %s reminder", key, reminder.kind.value)

    def night_answer(self, reminder: schedule.Reminder, cramps: int | None) -> NightEvent:
        """The check-in event a button of ``reminder`` writes: for the night it asked about."""
        return NightEvent(
            id=new_id(),
            at=self.clock.now(),
            night=schedule.checkin_night(reminder.due, self.tz),
            cramps=cramps,
            source="app",  # the notification is the app's
        )

    def _show_snoozed(self, reminder: schedule.Reminder, now: datetime) -> None:
        if reminder.kind is ReminderKind.BEDTIME:
            end = schedule.night_end(reminder.due, self.settings(), self.tz)
            if now >= end:
                return  # the night is over: a snoozed bedtime reminder is stale
        self.show(reminder, snoozed=True)

    def skip_tonight(self, reminder: schedule.Reminder) -> SkipEvent:
        """Record tonight's bedtime routine as skipped and offer to give a reason."""
        night = schedule.night_of(reminder.due, self.settings(), self.tz)
        event = SkipEvent(
            id=new_id(), at=self.clock.now(), item="bedtime", day=night, reason=SkipReason.OTHER
        )
        self._record(event)
        self.callbacks.ask_skip_reason(event)
        return event

    def give_reason(self, event: SkipEvent, reason: SkipReason, note: str) -> None:
        """The reason (and note) the user gave for a skip."""
        try:
            self.log.update(replace(event, reason=reason, note=note))
        except self._failures as exc:
            log.warning("could not store the skip reason: %s", exc)

    def on_closed(self, token: str, reason: str) -> None:
        """A reminder went away without an action: ``"expired"`` or ``"dismissed"``.

        Expired means its timeout ran out (or the server closed it by its own
        rule): shown, unanswered, the user perhaps away; anything else is the
        user closing it.
        """
        shown = self.active.pop(token, None)
        if shown is None:
            return
        fate = ReminderFate.EXPIRED if reason == "expired" else ReminderFate.DISMISSED
        self._fate(shown.reminder, fate)
