"""What the user logs about a day from the main window, the tray or a notification, with Undo.

A glass of water, a rest or sick day, last night's check-in: each is written
through the app's journal, said in the main window with an Undo (or in the
status line when it is not built), and taken back by deleting it.  The rules
are core's (``core.day``, ``core.days``, ``core.nights``); this is the glue
between them and the windows.  Its words keep the ``App`` translation
context they had when this lived in ``app.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from datetime import time as wall_time
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QTimer

from crampcoach.core.clock import Clock
from crampcoach.core.day import Today
from crampcoach.core.events import EventType, NightEvent, SkipEvent, WaterEvent, new_id
from crampcoach.core.journal import EntryError, Journal
from crampcoach.core.settings import Settings

if TYPE_CHECKING:
    from crampcoach.qt.main_window import MainWindow
    from crampcoach.store import Store


class DayHost(Protocol):
    """What the day's logging needs of the app."""

    @property
    def clock(self) -> Clock:
        """The app's clock (with the zone)."""
        ...

    @property
    def journal(self) -> Journal:
        """Every write and undo goes through it."""
        ...

    @property
    def store(self) -> Store:
        """The log, for last night's answer."""
        ...

    @property
    def settings(self) -> Settings:
        """The current settings."""
        ...

    @property
    def built_window(self) -> MainWindow | None:
        """The main window if it is built (never builds it)."""
        ...

    @property
    def main_window(self) -> MainWindow:
        """The main window, built if need be."""
        ...

    def show_main_window(self) -> None:
        """Bring the main window up."""
        ...

    def say(self, message: str) -> None:
        """Say ``message`` in the status line (kept until the window is built)."""
        ...

    def today(self) -> Today:
        """Today's sessions and water."""
        ...


class DayLog:
    """Water, days off and the morning check-in, written through the app's journal."""

    def __init__(self, host: DayHost) -> None:
        self.host = host

    # -- the morning check-in ------------------------------------------------------

    def last_night(self) -> date:
        """The night a morning check-in is about: the one that began yesterday evening."""
        clock = self.host.clock
        return clock.now().astimezone(clock.tz).date() - timedelta(days=1)

    def show_checkin(self) -> None:
        """Show last night's answer (or the question) in the main window, if it is built."""
        window = self.host.built_window
        if window is None:  # shown when the window is built (refresh)
            return
        night = self.last_night()
        start = datetime.combine(night, wall_time(12), self.host.clock.tz)
        events = self.host.store.events(start=start, types=[EventType.NIGHT])
        answers = [e for e in events if isinstance(e, NightEvent) and e.night == night]
        from crampcoach.qt.checkin import NightWords

        window.checkin.show_answer(night, NightWords().of(answers[-1]) if answers else None)

    def answer_checkin(self, cramps: int | None, night: date | None = None) -> NightEvent | None:
        """The main window's, tray's or notification's check-in: -1 asks how many first.

        ``night`` is the night asked about (a notification's); None: last night.
        """
        worst: int | None = None
        night = night or self.last_night()
        if cramps is not None and cramps < 0:
            from crampcoach.qt.checkin import NightDialog

            dialog = NightDialog(night, self.host.built_window)
            if dialog.exec() != NightDialog.DialogCode.Accepted.value:
                return None
            cramps, worst = dialog.count.value(), dialog.worst.value()
        return self.log_night(cramps, worst, night=night)

    def ask_night_from_notification(self, night: date) -> None:
        """The morning notification's "Had cramps…": the window, then how many and the worst.

        Deferred to the event loop: the dialog waits for the user, the
        notification's signal handler must not.
        """
        self.host.show_main_window()
        QTimer.singleShot(0, lambda: self.answer_checkin(-1, night))

    def log_night(
        self, cramps: int | None, worst: int | None = None, *, night: date | None = None
    ) -> NightEvent | None:
        """Record how a night went (None: don't remember); None if it was not stored.

        ``night``: the night it is about (None: last night).
        """
        event = NightEvent(
            id=new_id(),
            at=self.host.clock.now(),
            night=night or self.last_night(),
            cramps=cramps,
            worst=worst,
        )
        failed = QCoreApplication.translate(
            "App", "Could not save last night's check-in: {error}. It will be retried."
        )
        if not self._keep(event, failed):
            return None

        def undo() -> None:
            self.take_back(event.id, QCoreApplication.translate("App", "the check-in"))
            self.show_checkin()

        window = self.host.built_window
        if window is not None:  # from the tray: nothing to show it in
            from crampcoach.qt.checkin import NightWords

            window.show_undoable(
                QCoreApplication.translate("App", "Last night: {answer}.").format(
                    answer=NightWords().of(event)
                ),
                undo,
            )
        self.show_checkin()
        return event

    # -- days off -------------------------------------------------------------------

    def mark_day_off(self, reason: str, day: date | None = None) -> list[SkipEvent]:
        """Record ``day`` (today by default) as a rest or sick day, with Undo."""
        from crampcoach.core import days
        from crampcoach.store import StoreWriteError

        now = self.host.clock.now()
        tz = now.tzinfo
        assert tz is not None
        current = days.today(now, self.host.settings, tz)
        try:
            events = days.day_off(day or current, days.REASONS[reason], now, current)
            for event in events:
                self.host.journal.add(event)
        except (days.DayError, EntryError, StoreWriteError) as exc:
            self.host.say(
                QCoreApplication.translate("App", "Could not mark the day: {error}").format(
                    error=exc
                )
            )
            return []
        marked = day or current
        sick = reason == "sick"
        if marked == current:
            message = (
                QCoreApplication.translate(
                    "App", "Today is marked as a sick day: nothing that day counts as missed."
                )
                if sick
                else QCoreApplication.translate(
                    "App", "Today is marked as a rest day: nothing that day counts as missed."
                )
            )
        else:
            message = (
                QCoreApplication.translate(
                    "App", "{day} is marked as a sick day: nothing that day counts as missed."
                )
                if sick
                else QCoreApplication.translate(
                    "App", "{day} is marked as a rest day: nothing that day counts as missed."
                )
            ).format(day=marked.strftime("%a %d %b"))
        what = (
            QCoreApplication.translate("App", "the sick day")
            if sick
            else QCoreApplication.translate("App", "the rest day")
        )
        self.host.main_window.show_undoable(message, lambda: self._take_back_all(events, what))
        return events

    def _take_back_all(self, events: Sequence[SkipEvent], what: str) -> None:
        for event in events:
            self.take_back(event.id, what)

    # -- water ----------------------------------------------------------------------

    def log_water(self, ml: int | None = None) -> WaterEvent | None:
        """Log a glass (``glass_ml`` by default); returns the event, None if it was not stored."""
        amount = int(ml if ml is not None else self.host.settings.glass_ml)
        event = WaterEvent(id=new_id(), at=self.host.clock.now(), ml=amount)
        failed = QCoreApplication.translate(
            "App", "Could not save the glass of water: {error}. It will be retried."
        )
        if not self._keep(event, failed):
            return None
        window = self.host.built_window
        if window is not None:  # from the tray: nothing to show it in
            window.show_undoable(
                QCoreApplication.translate("App", "Logged {ml} ml of water.").format(ml=amount),
                lambda: self.take_back(event.id, QCoreApplication.translate("App", "the glass")),
            )
            window.set_today(self.host.today())
        return event

    def _keep(self, event: NightEvent | WaterEvent, failed: str) -> bool:
        """Write ``event``; if the disk refuses it is kept and retried, and ``failed`` says so."""
        from crampcoach.store import StoreWriteError

        try:
            self.host.journal.add(event, keep=True)
        except StoreWriteError as exc:
            self.host.say(failed.format(error=exc))
            return False
        return True

    # -- undo -----------------------------------------------------------------------

    def take_back(self, event_id: str, what: str) -> None:
        """Undo: delete the entry ``event_id`` (``what`` names it in the status line)."""
        from crampcoach.store import StoreWriteError

        try:
            self.host.journal.delete(event_id)
        except (KeyError, StoreWriteError) as exc:
            self.host.say(
                QCoreApplication.translate("App", "Could not take back {what}: {error}").format(
                    what=what, error=exc
                )
            )
            return
        self.host.say(QCoreApplication.translate("App", "Took back {what}.").format(what=what))
        window = self.host.built_window
        if window is not None:  # from the tray: nothing to show it in
            window.set_today(self.host.today())
