"""The reminder controller: plans jobs from settings, shows reminders, records their fates.

It glues the pure math (:mod:`crampcoach.core.reminders`) to the
:class:`~crampcoach.qt.scheduler.GuiScheduler` and to
:class:`~crampcoach.qt.notify.Notifications`:

* one scheduler job per reminder kind, at the next time the math gives; each
  job (and a resume or clock jump, and start-up) calls :meth:`check`, which
  asks ``core.reminders.due_now`` what to show, so a reminder is shown once,
  late ones are marked, and nothing bursts after a sleep;
* every reminder shown, acted on, snoozed, dismissed or expired is a
  ``ReminderEvent`` in the log; the log is also the memory of what was shown
  (``history_from_events``), so restarting the app does not repeat one;
* actions do the thing: start the bedtime routine, log a glass, snooze,
  skip tonight (with an optional reason the review shows), open the review.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from crampcoach.core import reminders as schedule
from crampcoach.core.clock import Clock, SystemClock
from crampcoach.core.events import (
    Event,
    EventType,
    ReminderEvent,
    ReminderFate,
    ReminderKind,
    SkipEvent,
    SkipReason,
    new_id,
)
from crampcoach.qt.notify import Actions, Notifications
from crampcoach.qt.scheduler import GuiScheduler

log = logging.getLogger(__name__)

SNOOZE = timedelta(minutes=10)
#: How far back the log is read to know what was handled (a bedtime night,
#: the last hydration slot, the weekly review).
LOOKBACK = timedelta(days=9)
#: Test hook for the end-to-end test: ``"hydration:3"`` shows a hydration
#: reminder 3 s after start-up, whatever the settings say.
DEBUG_ENV = "CRAMPCOACH_DEBUG_REMINDER"

ACTIONS: dict[ReminderKind, Actions] = {
    ReminderKind.BEDTIME: (
        ("start", "Start bedtime routine"),
        ("snooze", "Snooze 10 min"),
        ("skip", "Skip tonight"),
    ),
    ReminderKind.HYDRATION: (("glass", "Log a glass"), ("snooze", "Snooze")),
    ReminderKind.REVIEW: (("open", "Open the review"), ("snooze", "Snooze")),
}


def local_zone() -> tzinfo:
    """The machine's time zone as a real zone (with its DST rules), not a fixed offset."""
    try:
        import tzlocal  # apscheduler's own dependency

        zone: tzinfo = tzlocal.get_localzone()
        return zone
    except Exception:
        fallback = datetime.now(UTC).astimezone().tzinfo
        return fallback if fallback is not None else UTC


@dataclass
class Hooks:
    """What the reminders can ask the app to do (all optional)."""

    start_routine: Callable[[str], object] = lambda _rid: None
    log_water: Callable[[], object] | None = None
    show_main_window: Callable[[], object] = lambda: None
    open_review: Callable[[], object] = lambda: None
    dialog_parent: Callable[[], QWidget | None] = lambda: None


@dataclass
class _Shown:
    reminder: schedule.Reminder
    snoozed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


class ReminderController(QObject):
    """Plans, shows and records reminders; the tray and the app talk to this."""

    status_changed = Signal()  # the next reminder or today's water changed
    reminder_shown = Signal(str, str)  # token, kind

    def __init__(
        self,
        store: Any,
        settings: Callable[[], dict[str, Any]],
        notifications: Notifications,
        *,
        hooks: Hooks | None = None,
        clock: Clock | None = None,
        tz: tzinfo | None = None,
        scheduler: GuiScheduler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._settings = settings
        self.notifications = notifications
        self.hooks = hooks or Hooks()
        self.clock: Clock = clock or SystemClock()
        self.tz = tz or local_zone()
        # Parented to us, so its timers die with the app (no timer outlives it).
        self.scheduler = scheduler or GuiScheduler(timezone=self.tz, clock=self.clock, parent=self)
        self.scheduler.clock_jumped.connect(self._on_clock_jump)
        # A pause survives a restart: it is kept in the store's settings.
        self.paused_until: datetime | None = self._stored_pause()
        #: job id -> when it is planned, on our clock ("bedtime", "hydration",
        #: "review", "snooze-<kind>", "debug").
        self.plan: dict[str, datetime] = {}
        self.active: dict[str, _Shown] = {}
        #: When :meth:`check` last ran (None before the first run: what happened
        #: while the app was closed is not logged as missed).
        self._last_check: datetime | None = None
        self._skip_dialog: SkipDialog | None = None
        notifications.action_invoked.connect(self.on_action)
        notifications.closed.connect(self.on_closed)

    # -- lifecycle --------------------------------------------------------

    def start(self) -> None:
        """Start the scheduler, show anything due (a late bedtime), plan the next jobs.

        Nights that ended while the app was closed (since it last quit, at most
        LOOKBACK ago) are logged as missed, never shown: the review can then
        tell "no reminder arrived" from "ignored".
        """
        if not self.scheduler.running:
            self.scheduler.start()
        if self._last_check is None:
            self._last_check = self._stored_moment("reminders_checked_until")
            if self._last_check is not None:
                self._last_check = max(self._last_check, self.clock.now() - LOOKBACK)
        self.check()
        debug = os.environ.get(DEBUG_ENV, "")
        if debug:
            self._debug_reminder(debug)

    def stop(self) -> None:
        """Stop every timer, remember until when reminders were checked, release the bus."""
        from crampcoach.store import StoreError

        if self.scheduler.running:
            self.scheduler.shutdown()
            if self._last_check is not None:
                try:
                    self.store.set_setting("reminders_checked_until", self._last_check.isoformat())
                except StoreError as exc:  # costs only the missed-night log of the next start
                    log.warning("could not store when reminders were last checked: %s", exc)
        self.notifications.shutdown()

    def _debug_reminder(self, spec: str) -> None:
        kind, _, seconds = spec.partition(":")
        due = self.clock.now() + timedelta(seconds=float(seconds or 0))
        reminder = schedule.Reminder(ReminderKind(kind), due)
        self._add_job(self.show, due, "debug", (reminder,))

    # -- what the log says --------------------------------------------------

    def _events(self, now: datetime) -> list[Event]:
        events: list[Event] = self.store.events(start=now - LOOKBACK)
        return events

    def history(self, now: datetime | None = None) -> schedule.History:
        """What the log says was handled, plus the current pause."""
        now = now or self.clock.now()
        return schedule.history_from_events(
            self._events(now), self._settings(), self.tz, paused_until=self.paused_until
        )

    def water_today(self, now: datetime | None = None) -> int:
        """Millilitres logged today (log day with the day boundary)."""
        now = now or self.clock.now()
        events = self.store.events(start=now - timedelta(days=2), types=[EventType.WATER])
        return schedule.water_today(events, now, self._settings(), self.tz)

    def next_reminder(self) -> schedule.Reminder | None:
        """The next reminder that will be shown, for the tooltip."""
        now = self.clock.now()
        return schedule.next_reminder(now, self._settings(), self.tz, self.history(now))

    def status_text(self) -> str:
        """One or two lines for the tray tooltip."""
        settings = self._settings()
        lines = ["CrampCoach"]
        now = self.clock.now()
        if self.paused_until is not None and self.paused_until > now:
            until = self.paused_until.astimezone(self.tz).strftime("%a %H:%M")
            lines.append(f"Reminders paused until {until}")
        nxt = self.next_reminder()
        if nxt is not None:
            when = nxt.due.astimezone(self.tz)
            day = "" if when.date() == now.astimezone(self.tz).date() else when.strftime("%a ")
            lines.append(f"Next: {nxt.kind.value} reminder {day}{when:%H:%M}")
        else:
            lines.append("No reminder planned")
        water, goal = self.water_today(now), int(settings["water_goal_ml"])
        lines.append(f"Water today: {water} ml" + (f" of {goal} ml" if goal else ""))
        return "\n".join(lines)

    # -- planning ------------------------------------------------------------

    def _run_date(self, when: datetime) -> datetime:
        """Where to put a job on the scheduler's clock for a time on ours.

        apscheduler always reads the real wall clock.  With the real clock the
        two agree (a sub-second difference is ignored, so a job never fires a
        hair before its time); with a fake clock (tests, simulations) the job
        goes the same distance ahead on the real clock, so it never fires at
        once just because the fake date lies in the real past.
        """
        offset = datetime.now(UTC) - self.clock.now()
        if abs(offset) < timedelta(seconds=1):
            return when
        return when + offset

    def _add_job(
        self, func: Callable[..., object], when: datetime, job_id: str, args: tuple[Any, ...] = ()
    ) -> None:
        self.plan[job_id] = when
        self.scheduler.add_job(
            func, "date", run_date=self._run_date(when), args=args, id=job_id, replace_existing=True
        )

    def check(self) -> list[schedule.Reminder]:
        """Show whatever is due now, then plan the next jobs; returns what was shown."""
        from crampcoach.store import StoreError

        try:
            return self._check()
        except StoreError as exc:
            # Runs from timers: a closed or unreadable log must not take the
            # app down; the next check (or a restart) tries again.
            log.warning("reminders could not read the log: %s", exc)
            return []

    def _check(self) -> list[schedule.Reminder]:
        now = self.clock.now()
        settings = self._settings()
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
        self.reschedule()
        return due

    def reschedule(self) -> None:
        """(Re)plan one job per reminder kind from the settings and the log."""
        now = self.clock.now()
        settings = self._settings()
        history = self.history(now)
        plan = {
            "bedtime": schedule.next_bedtime(now, settings, self.tz, history),
            "hydration": schedule.next_hydration(now, settings, self.tz, history),
            "review": schedule.next_review(now, settings, self.tz, history),
        }
        for job_id, when in plan.items():
            if when is None:
                self.plan.pop(job_id, None)
                if self.scheduler.get_job(job_id) is not None:
                    self.scheduler.remove_job(job_id)
                continue
            self._add_job(self.check, when, job_id)
        self.status_changed.emit()

    def settings_changed(self, *_args: object) -> None:
        """A setting changed (dialog, CLI, IPC): re-plan without a restart."""
        self.paused_until = self._stored_pause()
        self.reschedule()

    def _stored_pause(self) -> datetime | None:
        return self._stored_moment("reminders_paused_until")

    def _stored_moment(self, key: str) -> datetime | None:
        text = str(self._settings().get(key) or "")
        return datetime.fromisoformat(text) if text else None

    def _on_clock_jump(self, seconds: float) -> None:
        log.info("clock moved %.0f s beyond monotonic time (resume or clock change)", seconds)
        self.check()

    # -- pausing -----------------------------------------------------------

    def pause(self, until: datetime | None) -> None:
        """Pause reminders until a time (None resumes); kept across a restart."""
        from crampcoach.store import StoreWriteError

        self.paused_until = until
        try:
            self.store.set_setting(
                "reminders_paused_until", "" if until is None else until.isoformat()
            )
        except StoreWriteError as exc:  # the pause still holds while the app runs
            log.warning("could not store the pause: %s", exc)
        self.reschedule()

    def pause_for(self, delta: timedelta) -> None:
        """Pause reminders for a while (tray: 1 h)."""
        self.pause(self.clock.now() + delta)

    def pause_until_tomorrow(self) -> None:
        """Pause until the next log day starts (the day boundary)."""
        now = self.clock.now()
        self.pause(schedule.next_day_start(now, self._settings(), self.tz))

    # -- showing and recording ----------------------------------------------

    def _record(self, event: Event) -> None:
        from crampcoach.store import StoreWriteError

        try:
            self.store.add(event)
        except StoreWriteError as exc:
            # The store keeps the event pending and retries; a reminder must
            # never crash the app.
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

    def _text(self, reminder: schedule.Reminder) -> tuple[str, str]:
        """The notification's title and body.

        The weekly review's body is the week itself (plan done, cramps, any
        warning sign), so the reminder is worth reading even if never opened.
        """
        if reminder.kind is ReminderKind.REVIEW:
            from crampcoach.core import review

            return review.week_in_review(self.store, self._settings(), self.tz, self.clock.now())
        return schedule.describe(reminder, self.tz)

    def show(self, reminder: schedule.Reminder, *, snoozed: bool = False) -> str:
        """Show a reminder now and record it as shown; returns its token."""
        token = new_id()
        title, body = self._text(reminder)
        if snoozed and not reminder.late:
            title = title + " (snoozed)"
        self.active[token] = _Shown(reminder, snoozed)
        self._fate(reminder, ReminderFate.SHOWN)
        backend = self.notifications.show(
            token,
            title,
            body,
            ACTIONS[reminder.kind],
            persistent=reminder.kind is ReminderKind.BEDTIME,
        )
        if backend == "toast":
            # Neither a notification server nor a tray: the toast lives in the
            # main window, so the window must be on screen to show it.
            self.hooks.show_main_window()
        self.reminder_shown.emit(token, reminder.kind.value)
        self.status_changed.emit()
        return token

    def on_action(self, token: str, key: str) -> None:
        """A button was pressed on a notification (or toast)."""
        shown = self.active.get(token)
        if shown is None:
            return
        reminder = shown.reminder
        if key == "default":
            # Clicked the balloon/body: open the window with the buttons in a toast.
            self.hooks.show_main_window()
            title, body = self._text(reminder)
            self.notifications.show_toast(token, title, body, ACTIONS[reminder.kind])
            return
        self.active.pop(token, None)
        # Acted on: take it off the screen (a persistent bedtime notification
        # would otherwise stay over the player it just started).
        self.notifications.withdraw(token)
        if key == "snooze":
            self._fate(reminder, ReminderFate.SNOOZED)
            when = self.clock.now() + SNOOZE
            self._add_job(self._snoozed, when, f"snooze-{reminder.kind.value}", (reminder,))
        elif key == "skip" and reminder.kind is ReminderKind.BEDTIME:
            self._fate(reminder, ReminderFate.DISMISSED)
            self.skip_tonight(reminder)
        else:
            self._fate(reminder, ReminderFate.ACTED)
            self._act(reminder, key)
        self.reschedule()

    def _act(self, reminder: schedule.Reminder, key: str) -> None:
        settings = self._settings()
        if reminder.kind is ReminderKind.BEDTIME and key == "start":
            self.hooks.start_routine(str(settings["bedtime_routine"]))
        elif reminder.kind is ReminderKind.HYDRATION and key == "glass":
            if self.hooks.log_water is not None:
                self.hooks.log_water()
            else:
                from crampcoach.core.events import WaterEvent

                self._record(
                    WaterEvent(id=new_id(), at=self.clock.now(), ml=int(settings["glass_ml"]))
                )
        elif reminder.kind is ReminderKind.REVIEW and key == "open":
            self.hooks.open_review()

    def _snoozed(self, reminder: schedule.Reminder) -> None:
        now = self.clock.now()
        if reminder.kind is ReminderKind.BEDTIME:
            end = schedule.night_end(reminder.due, self._settings(), self.tz)
            if now >= end:
                return  # the night is over: a snoozed bedtime reminder is stale
        self.show(reminder, snoozed=True)

    def skip_tonight(self, reminder: schedule.Reminder) -> SkipEvent:
        """Record tonight's bedtime routine as skipped and offer to give a reason."""
        night = schedule.night_of(reminder.due, self._settings(), self.tz)
        event = SkipEvent(
            id=new_id(), at=self.clock.now(), item="bedtime", day=night, reason=SkipReason.OTHER
        )
        self._record(event)
        dialog = SkipDialog(event, self.hooks.dialog_parent())
        dialog.reason_given.connect(self._update_skip)
        self._skip_dialog = dialog
        dialog.show()
        return event

    def _update_skip(self, event: SkipEvent) -> None:
        try:
            self.store.update(event)
        except Exception as exc:
            log.warning("could not store the skip reason: %s", exc)

    def on_closed(self, token: str, reason: str) -> None:
        """A notification went away without an action."""
        shown = self.active.pop(token, None)
        if shown is None:
            return
        fate = ReminderFate.MISSED if reason == "expired" else ReminderFate.DISMISSED
        self._fate(shown.reminder, fate)


class SkipDialog(QDialog):
    """Skip tonight: an optional reason (rest day, unwell, other) and a note."""

    reason_given = Signal(object)  # the updated SkipEvent

    def __init__(self, event: SkipEvent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Skip tonight's stretches")
        self.skip_event = event
        form = QFormLayout(self)
        form.addRow(QLabel("Skipped for tonight. You can say why (optional):"))
        self.reason = QComboBox()
        for label, value in (
            ("No reason given", SkipReason.OTHER),
            ("Rest day", SkipReason.REST),
            ("Unwell", SkipReason.SICK),
        ):
            self.reason.addItem(label, value)
        form.addRow("Reason", self.reason)
        self.note = QLineEdit()
        self.note.setPlaceholderText("a few words, if you like")
        form.addRow("Note", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        form.addRow(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def accept(self) -> None:
        """Store the reason and note given."""
        from dataclasses import replace

        reason = self.reason.currentData()
        note = self.note.text().strip()
        if reason is not SkipReason.OTHER or note:
            self.reason_given.emit(replace(self.skip_event, reason=reason, note=note))
        super().accept()
