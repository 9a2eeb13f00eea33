"""The tray icon and its menu, and what the app does when there is no tray.

Stock GNOME has no tray unless the AppIndicator extension is installed
(``QSystemTrayIcon.isSystemTrayAvailable()`` is False there).  Then the app
stays fully usable from its window: closing the window quits, and the window
says why (:data:`NO_TRAY_NOTICE`).  Reminders still arrive as desktop
notifications or as an in-app toast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from crampcoach import resources
from crampcoach.qt.forms import plain_mnemonic, plain_tip
from crampcoach.qt.reminders import ReminderController
from crampcoach.qt.tray_icon import app_icon, tray_available

NO_TRAY_NOTICE: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # typed as object
    "Tray",
    "No system tray was found on this desktop, so closing this window quits CrampCoach and reminders only arrive while it runs. (On GNOME, the AppIndicator extension adds a tray.)",
)


@dataclass
class TrayHooks:
    """What the tray menu asks the app to do."""

    routines: Callable[[], Sequence[tuple[str, str]]]  # (id, title)
    start_routine: Callable[[str], object]
    log_water: Callable[[], object]
    log_cramp: Callable[[], object]
    open_review: Callable[[], object]
    show_main_window: Callable[[], object]
    open_settings: Callable[[], object]
    quit: Callable[[], object]
    #: last night's check-in: a number of cramps, None for "don't remember", -1 to ask
    checkin: Callable[[int | None], object] = lambda _answer: None
    #: the menu opened: a routine may start from it soon
    prepare_player: Callable[[], object] = lambda: None


class Tray(QObject):
    """The tray icon: a menu of the everyday actions and a tooltip with the next reminder."""

    def __init__(
        self,
        controller: ReminderController,
        hooks: TrayHooks,
        parent: QObject | None = None,
        *,
        icon: QSystemTrayIcon | None = None,
    ) -> None:
        """``icon``: the one a ``--hidden`` start already showed (``tray_icon.early_icon``)."""
        super().__init__(parent)
        self.controller, self.hooks = controller, hooks
        if icon is None:
            icon = QSystemTrayIcon(app_icon())
        icon.setParent(self)
        self.icon = icon
        self.menu = QMenu()
        self.menu.aboutToShow.connect(lambda: hooks.prepare_player())
        # For someone in pain right now: the first entry.
        self._add(self.menu, self.tr("Cramping now"), lambda: hooks.start_routine("cramp-relief"))
        self.routines_menu = self.menu.addMenu(self.tr("Start a routine"))
        self.routines_menu.aboutToShow.connect(self._fill_routines)
        self._fill_routines()
        self.action_water = self._add(self.menu, self.tr("Log a glass of water"), self._log_water)
        self.action_cramp = self._add(self.menu, self.tr("Log a cramp…"), hooks.log_cramp)
        self.checkin_menu = self.menu.addMenu(self.tr("How was last night?"))
        self._add(self.checkin_menu, self.tr("No cramps"), lambda: hooks.checkin(0))
        self._add(self.checkin_menu, self.tr("Had cramps…"), lambda: hooks.checkin(-1))
        self._add(self.checkin_menu, self.tr("Don't remember"), lambda: hooks.checkin(None))
        self.pause_menu = self.menu.addMenu(self.tr("Pause reminders"))
        self.action_pause_hour = self._add(
            self.pause_menu, self.tr("For 1 hour"), lambda: controller.pause_for(timedelta(hours=1))
        )
        self.action_pause_tomorrow = self._add(
            self.pause_menu, self.tr("Until tomorrow"), controller.pause_until_tomorrow
        )
        self.action_resume = self._add(self.pause_menu, self.tr("Resume reminders"), self._resume)
        self.action_review = self._add(self.menu, self.tr("Weekly review"), hooks.open_review)
        self.action_settings = self._add(self.menu, self.tr("Settings…"), hooks.open_settings)
        self._add(self.menu, self.tr("Open CrampCoach"), hooks.show_main_window)
        self.menu.addSeparator()
        self.action_quit = self._add(self.menu, self.tr("Quit"), hooks.quit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        controller.status_changed.connect(self.update_status)
        self.update_status()

    @staticmethod
    def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _fill_routines(self) -> None:
        self.routines_menu.clear()
        items = list(self.hooks.routines())
        if not items:
            self.routines_menu.addAction(self.tr("(no routines)")).setEnabled(False)
        for rid, title in items:
            action = self.routines_menu.addAction(plain_mnemonic(title))
            action.setToolTip(plain_tip(title))  # its default, the text, would be read as markup
            action.setData(rid)
            action.triggered.connect(lambda _c=False, r=rid: self.hooks.start_routine(r))

    def routine_actions(self) -> list[QAction]:
        """The 'Start a routine' entries (for tests and accessibility)."""
        return [a for a in self.routines_menu.actions() if a.data()]

    def _log_water(self) -> None:
        self.hooks.log_water()
        self.controller.reschedule()  # a drink moves the next hydration reminder

    def _resume(self) -> None:
        self.controller.pause(None)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.hooks.show_main_window()

    def update_status(self) -> None:
        """Refresh the tooltip (next reminder, today's water) and the pause entries."""
        self.icon.setToolTip(self.controller.status_text())
        paused = self.controller.paused_until is not None
        self.action_resume.setEnabled(paused)

    def show(self) -> bool:
        """Put the icon in the tray; False when the desktop has none."""
        if not tray_available():
            return False
        self.icon.show()
        return True

    def hide(self) -> None:
        """Take the icon out of the tray."""
        self.icon.hide()


@dataclass
class Services:
    """The running reminder services (kept by the app so they live as long as it)."""

    controller: ReminderController
    tray: Tray | None
    has_tray: bool

    def stop(self) -> None:
        """Stop timers, hide the icon, release the bus."""
        self.controller.stop()
        if self.tray is not None:
            self.tray.hide()


def _sync_autostart(settings: object) -> None:
    """Keep the login entry in step with the setting (it may change over IPC or the CLI)."""
    import logging

    from crampcoach.qt import autostart

    wanted = bool(getattr(settings, "get", lambda _k, _d=None: False)("autostart", False))
    if wanted != autostart.is_enabled():
        try:
            autostart.set_enabled(wanted)
        except OSError as exc:
            logging.getLogger(__name__).warning("could not change the login entry: %s", exc)


def start_background(app: object) -> Services:
    """Build notifications, reminders and the tray for the running :class:`App`.

    ``app`` is :class:`crampcoach.qt.app.App` (typed loosely to keep this
    module free of an import cycle).  Without a tray, closing the main window
    quits and the window shows :data:`NO_TRAY_NOTICE`.
    """
    from typing import Any, cast

    from crampcoach.qt.notify import Notifications
    from crampcoach.qt.reminders import Hooks

    a = cast(Any, app)
    has_tray = tray_available()
    early = getattr(a, "tray_icon", None)  # shown by a --hidden start before the app was built
    tray: Tray | None = None
    notifications = Notifications(
        tray=lambda: None if tray is None else tray.icon,
        toast_parent=lambda: a.main_window,  # built if it is not (a toast needs a window)
        # A PNG path: every notification server loads PNG, not all load SVG.
        icon=str(resources.path("assets", "icons/crampcoach-128.png")),
        parent=a,
    )

    def routine_info(routine_id: str) -> tuple[str, int] | None:
        routine = a.routines.get(routine_id)
        return None if routine is None else (routine.title, routine.duration_s)

    hooks = Hooks(
        start_routine=a.start_routine,
        routine_info=routine_info,
        log_water=a.log_water,
        show_main_window=a.show_main_window_for_notice,
        open_review=a.open_review,
        log_night=lambda night, cramps: a.log_night(cramps, night=night),
        ask_night=a.ask_night_from_notification,
        # A dialog from a notification needs no hidden window built behind it.
        dialog_parent=lambda: a.main_window if a.main_window_built else None,
    )
    controller = ReminderController(
        a.journal,  # reads pass through; every write is checked
        lambda: a.settings,
        notifications,
        hooks=hooks,
        clock=a.clock,
        parent=a,
    )
    # Per key: the reminders re-plan on any change (their rules read most
    # keys, and a pause is a setting); the login entry follows "autostart" only.
    a.live.subscribe(lambda _settings, _changed: controller.settings_changed())
    a.live.subscribe(lambda settings, _changed: _sync_autostart(settings), "autostart")
    if has_tray:
        tray = Tray(
            controller,
            TrayHooks(
                routines=lambda: [(r.id, r.title) for r in a.routines.values()],
                start_routine=a.start_routine,
                log_water=a.log_water,
                log_cramp=a.open_cramp_dialog,
                open_review=a.open_review,
                show_main_window=a.open_main_window,
                open_settings=a.open_settings,
                quit=a.quit,
                checkin=a.answer_checkin,
                prepare_player=a.prepare_player,
            ),
            parent=a,
            icon=early,
        )
        has_tray = tray.show()
    elif early is not None:  # the tray went away meanwhile
        early.hide()
    a.hide_on_close = has_tray
    if not has_tray:
        notice = QCoreApplication.translate("Tray", NO_TRAY_NOTICE)
        if notice not in a.notices:
            a.notices.append(notice)
        a.show_notices()
    controller.start()
    return Services(controller, tray, has_tray)
