"""The reminders in Qt: a thin adapter around :class:`crampcoach.core.reminder_engine.ReminderEngine`.

The engine decides what is shown when and records every fate; this module
only connects it to the desktop:

* one single-shot timer armed for the engine's next wake-up, and a wall-clock
  alarm (:mod:`crampcoach.qt.wall_alarm`) for
  :meth:`ReminderEngine.check_clock`: it fires a little before that wake-up
  and at it by the wall clock, so a resume from suspend or a clock change is
  noticed without polling (where there is no such alarm, a coarse one-minute
  timer polls);
* :class:`~crampcoach.qt.notify.Notifications` for showing, withdrawing and
  the buttons' answers;
* the skip dialog, and the app's hooks for what buttons do;
* the words of the morning check-in in the user's language: its question,
  the night it is about (dates by the locale) and its three answers
  (:meth:`ReminderController.localise`).

Timers come from a factory (``timers``), so tests drive the engine on a fake
clock and never wait for real time.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, Signal
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
from crampcoach.core.clock import Clock
from crampcoach.core.context import ReminderLog
from crampcoach.core.events import ReminderKind, SkipEvent, SkipReason
from crampcoach.core.reminder_engine import Callbacks, ReminderEngine, Shown
from crampcoach.core.reminders import checkin_night
from crampcoach.core.settings import Settings
from crampcoach.qt.forms import describe_buttons
from crampcoach.qt.notify import Notifications
from crampcoach.qt.timers import MAX_MS, Timer, TimerFactory, qt_timer
from crampcoach.qt.wall_alarm import AlarmFactory
from crampcoach.qt.wall_alarm import make as wall_alarm

log = logging.getLogger(__name__)

#: Test hook for the end-to-end test: ``"hydration:3"`` shows a hydration
#: reminder 3 s after start-up, whatever the settings say.
DEBUG_ENV = "CRAMPCOACH_DEBUG_REMINDER"
#: Without a wall-clock alarm: how often wall and monotonic time are compared
#: (a resume is noticed within this).
CLOCK_CHECK_S = 60
#: A reminder due within this long has its notification code loaded ahead
#: (``Notifications.prepare``): the alarm fires this long before it; more than
#: one clock check, so a poll always sees it too.
PREPARE_AHEAD_S = 2 * CLOCK_CHECK_S
#: The alarm's lead is skipped when less than this is left of it (it has fired).
LEAD_MIN_S = 1.0


@dataclass
class Hooks:
    """What the reminders can ask the app to do (all optional)."""

    start_routine: Callable[[str], object] = lambda _rid: None
    #: a routine id -> (title, seconds), for the bedtime text; None if unknown
    routine_info: Callable[[str], tuple[str, int] | None] = lambda _rid: None
    log_water: Callable[[], object] | None = None
    show_main_window: Callable[[], object] = lambda: None
    open_review: Callable[[], object] = lambda: None
    dialog_parent: Callable[[], QWidget | None] = lambda: None
    #: write a night's check-in (night, cramps or None for "don't remember");
    #: None: the engine writes it itself
    log_night: Callable[[date, int | None], object] | None = None
    #: ask how many cramps a night had, and the worst (the main window's check-in)
    ask_night: Callable[[date], object] = lambda _night: None


class ReminderController(QObject):
    """The engine, its timers, the notifications and the skip dialog; the tray talks to this."""

    status_changed = Signal()  # the next reminder, a pause or today's water changed
    reminder_shown = Signal(str, str)  # token, kind

    def __init__(
        self,
        store: ReminderLog,
        settings: Callable[[], Settings],
        notifications: Notifications,
        *,
        clock: Clock,
        hooks: Hooks | None = None,
        timers: TimerFactory = qt_timer,
        alarms: AlarmFactory = wall_alarm,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from crampcoach.store import StoreError

        self.notifications = notifications
        self.hooks = hooks or Hooks()
        self.clock = clock
        self._skip_dialog: SkipDialog | None = None
        actions: dict[str, Callable[[schedule.Reminder], object]] = {
            "start": lambda _r: self.hooks.start_routine(settings().bedtime_routine),
            "open": lambda _r: self.hooks.open_review(),
        }
        if self.hooks.log_water is not None:
            log_water = self.hooks.log_water
            actions["glass"] = lambda _r: log_water()
        if self.hooks.log_night is not None:
            log_night = self.hooks.log_night
            actions["none"] = lambda r: log_night(checkin_night(r.due, clock.tz), 0)
            actions["unknown"] = lambda r: log_night(checkin_night(r.due, clock.tz), None)
        actions["cramps"] = lambda r: self.hooks.ask_night(checkin_night(r.due, clock.tz))
        self.engine = ReminderEngine(
            store,
            clock,
            settings,
            Callbacks(
                show=self._show,
                withdraw=notifications.withdraw,
                changed=self._changed,
                actions=actions,
                ask_skip_reason=self._ask_skip_reason,
                routine_info=self.hooks.routine_info,
                translate=QCoreApplication.translate,
            ),
            failures=(StoreError,),
        )
        self.wake_timer = timers(self, self.engine.check, single_shot=True, precise=True)
        self.alarm = alarms(self, self._check_clock)
        self.clock_timer: Timer | None = None
        if self.alarm is None:
            self.clock_timer = timers(self, self._check_clock, single_shot=False, coarse=True)
        notifications.action_invoked.connect(self.on_action)
        notifications.closed.connect(self.engine.on_closed)

    # -- what the tray and the app use --------------------------------------

    @property
    def paused_until(self) -> datetime | None:
        """Until when reminders are paused (None: not paused)."""
        return self.engine.paused_until

    @property
    def plan(self) -> dict[str, datetime]:
        """Name -> when, of every planned reminder (see ``ReminderEngine.plan``)."""
        return self.engine.plan

    def status_text(self) -> str:
        """The tray tooltip."""
        return self.engine.status_text()

    def start(self) -> None:
        """Start the timers and the engine (which shows anything due, then plans)."""
        if self.clock_timer is not None:
            self.clock_timer.start(CLOCK_CHECK_S * 1000)
        self.engine.start()
        debug = os.environ.get(DEBUG_ENV, "")
        if debug:
            kind, _, seconds = debug.partition(":")
            self.engine.remind_at(
                ReminderKind(kind), self.clock.now() + timedelta(seconds=float(seconds or 0))
            )

    def stop(self) -> None:
        """Stop every timer, let the engine remember its state, release the bus."""
        self.wake_timer.stop()
        if self.clock_timer is not None:
            self.clock_timer.stop()
        if self.alarm is not None:
            self.alarm.close()
        self.engine.stop()
        self.notifications.shutdown()

    def check(self) -> list[schedule.Reminder]:
        """Show what is due now and plan the rest (the wake-up timer calls this)."""
        return self.engine.check()

    def reschedule(self) -> None:
        """Plan again (a glass logged from the tray moves the next hydration reminder)."""
        self.engine.reschedule()

    def settings_changed(self, *_args: object) -> None:
        """A setting changed (dialog, CLI, IPC): plan again without a restart."""
        self.engine.settings_changed()

    def pause(self, until: datetime | None) -> None:
        """Pause until a moment (None resumes)."""
        self.engine.pause(until)

    def pause_for(self, delta: timedelta) -> None:
        """Pause for a while."""
        self.engine.pause_for(delta)

    def pause_until_tomorrow(self) -> None:
        """Pause until the next log day starts."""
        self.engine.pause_until_tomorrow()

    # -- the engine's callbacks -----------------------------------------------

    def _check_clock(self) -> None:
        self.engine.check_clock()
        nxt = self.engine.next_wakeup()
        self._prepare_if_near(nxt)
        self._arm_alarm(self._seconds_until(nxt))

    def _seconds_until(self, nxt: datetime | None) -> float | None:
        if nxt is None:
            return None
        return (nxt.astimezone(UTC) - self.clock.now().astimezone(UTC)).total_seconds()

    def _arm_alarm(self, wait: float | None) -> None:
        """The alarm, ``wait`` s before the next wake-up: a lead before it (to prepare), then at it."""
        if self.alarm is None:
            return
        if wait is None or wait <= 0:
            self.alarm.arm(None)  # nothing planned, or due now: the wake-up timer fires
        elif wait - PREPARE_AHEAD_S > LEAD_MIN_S:
            self.alarm.arm(wait - PREPARE_AHEAD_S)
        else:
            self.alarm.arm(wait)

    def _prepare_if_near(self, nxt: datetime | None) -> None:
        """Load what showing a notification needs once the next one (at ``nxt``) is near."""
        if nxt is not None and nxt - self.clock.now() <= timedelta(seconds=PREPARE_AHEAD_S):
            self.notifications.prepare()

    def _changed(self) -> None:
        """Re-arm the wake-up timer for the engine's next time, and tell the tray."""
        nxt = self.engine.next_wakeup()
        wait = self._seconds_until(nxt)
        if wait is None:
            self.wake_timer.stop()
        else:
            # +1 ms: Qt rounds down, and a hair early means a pass that finds nothing.
            self.wake_timer.start(min(max(int(wait * 1000) + 1, 0), MAX_MS))
            self._prepare_if_near(nxt)
        self._arm_alarm(wait)
        self.status_changed.emit()

    def localise(self, shown: Shown) -> Shown:
        """The check-in's question, night and answers in the user's language (others as given)."""
        labels = {
            "none": self.tr("No cramps"),
            "cramps": self.tr("Had cramps…"),
            "unknown": self.tr("Don't remember"),
            "noted": self.tr("OK"),
        }
        actions = tuple((key, labels.get(key, label)) for key, label in shown.actions)
        if shown.reminder.kind is not ReminderKind.CHECKIN:
            return replace(shown, actions=actions)
        night = checkin_night(shown.reminder.due, self.clock.tz)
        locale = QLocale()
        start, end = (
            locale.toString(QDate(d.year, d.month, d.day), "ddd d MMM")
            for d in (night, night + timedelta(days=1))
        )
        body = self.tr(
            "Night of {start} to {end}\nOne tap answers; a night with no answer stays "
            "unknown, never cramp-free."
        ).format(start=start, end=end)
        return replace(shown, title=self.tr("How was last night?"), body=body, actions=actions)

    def _show(self, shown: Shown) -> str:
        shown = self.localise(shown)
        backend = self.notifications.show(
            shown.token, shown.title, shown.body, shown.actions, timeout_s=shown.timeout_s
        )
        if backend == "toast":
            # Neither a notification server nor a tray: the toast lives in the
            # main window, so the window must be on screen to show it.
            self.hooks.show_main_window()
        self.reminder_shown.emit(shown.token, shown.reminder.kind.value)
        return backend

    def on_action(self, token: str, key: str) -> None:
        """A button was pressed on a notification (or toast)."""
        if key == "default":
            # Clicked the balloon/body: open the window with the buttons in a toast.
            shown = self.engine.active.get(token)
            if shown is not None:
                shown = self.localise(shown)
                self.hooks.show_main_window()
                self.notifications.show_toast(token, shown.title, shown.body, shown.actions)
            return
        self.engine.on_action(token, key)

    def _ask_skip_reason(self, event: SkipEvent) -> None:
        dialog = SkipDialog(self.hooks.dialog_parent())
        dialog.reason_given.connect(
            lambda reason, note: self.engine.give_reason(event, reason, note)
        )
        self._skip_dialog = dialog
        dialog.show()


class SkipDialog(QDialog):
    """Skip tonight: an optional reason (rest day, unwell, other) and a note."""

    reason_given = Signal(object, str)  # SkipReason, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skip tonight's stretches"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Skipped for tonight. You can say why (optional):")))
        self.reason = QComboBox()
        for label, value in (
            (self.tr("No reason given"), SkipReason.OTHER),
            (self.tr("Rest day"), SkipReason.REST),
            (self.tr("Unwell"), SkipReason.SICK),
        ):
            self.reason.addItem(label, value)
        form.addRow(self.tr("Reason"), self.reason)
        self.reason.setAccessibleDescription(self.tr("Why tonight is skipped, if you want to say"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("a few words, if you like"))
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        describe_buttons(
            buttons, {QDialogButtonBox.StandardButton.Ok: self.tr("Keep the reason and close")}
        )
        buttons.accepted.connect(self.accept)
        form.addRow(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def accept(self) -> None:
        """Store the reason and note given."""
        reason = self.reason.currentData()
        note = self.note.text().strip()
        if reason is not SkipReason.OTHER or note:
            self.reason_given.emit(reason, note)
        super().accept()
