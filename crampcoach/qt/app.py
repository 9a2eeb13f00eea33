"""The wiring: the App holds the context, the windows and the background services.

``crampcoach.qt.launch.run`` builds it (the composition root).  It shows the
main window first and starts background services (tray, reminders) only once
that window has been painted, and imports each secondary screen only when it first opens, so
nothing heavy delays the window (``benchmarks/bench_startup.py``; figures and
what is left in ``benchmarks/README.md``).

Other modules call the :class:`App` methods (``start_routine``,
``show_main_window``, ``show_document``, ``open_review``, ``open_cramp_dialog``,
``open_settings``, ``log_water``, ``quit``) and listen to ``settings_changed``.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crampcoach import __version__, ipc
from crampcoach.core import day, documents, library
from crampcoach.core.clock import Clock
from crampcoach.core.context import AppContext
from crampcoach.core.day import Today
from crampcoach.core.events import (
    EventType,
    NightEvent,
    SkipEvent,
    WaterEvent,
)
from crampcoach.core.journal import Change, Journal
from crampcoach.core.library import Library
from crampcoach.core.model import LoadProblem, PlannedStep, Routine
from crampcoach.core.settings import SettingError, Settings
from crampcoach.qt import dbus, screens, theme
from crampcoach.qt.day_log import DayLog
from crampcoach.qt.player_prep import PlayerPreparation
from crampcoach.qt.sync_watch import SyncWatcher

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

    from crampcoach.qt.documents_view import DocumentReader
    from crampcoach.qt.ipc_server import IpcServer
    from crampcoach.qt.main_window import MainWindow
    from crampcoach.qt.tray import Services
    from crampcoach.store import Store

CRAMP_NOW_ROUTINE = "cramp-relief"  # "Cramping now": first in the window and the tray
BENCH_ENV = "CRAMPCOACH_BENCH_EXIT_ON_SHOWN"
# At login the panel that hosts the tray may start after us: a ``--hidden``
# start looks for a tray this long before it gives up and opens the window.
HIDDEN_TRAY_WAIT_MS = 10_000
HIDDEN_TRAY_POLL_MS = 500
HIDDEN_NO_TRAY_NOTICE: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # typed as object
    "App",
    "CrampCoach was asked to start hidden in the system tray, but this desktop has no tray, so the window opened instead.",
)
LAST_DONE_LOOKBACK_DAYS = 366
# What the main window imports, loaded off the GUI thread when the tray asks for it.
MAIN_WINDOW_MODULES = (
    "crampcoach.qt.main_window",
    "crampcoach.qt.pose_view",
    "crampcoach.qt.checkin",
)
# What starting a routine imports, in the order of their imports, in short
# turns (``crampcoach.qt.player_prep``); then jeepney for the screen saver inhibitor, which
# talks D-Bus.  tests/gui/app/test_main_window.py checks that no step imports
# another of ours.
PLAYER_STEPS = (
    "crampcoach.core.session",
    "crampcoach.core.session_log",
    "crampcoach.qt.steady",
    "crampcoach.qt.cues",
    "crampcoach.qt.cue_clock",
    "crampcoach.qt.cue_sink",
    "crampcoach.qt.screensaver",
    "crampcoach.qt.quiet",  # (the launch has loaded it already)
    "crampcoach.qt.player",
    *dbus.MODULES,
)
# The player's preparation waits this long: the window's first layout and
# paints (the tray click's) come first, and a person needs longer to reach a
# Start button or a menu entry.
PREPARE_AFTER_MS = 250
# What the background services import, loaded off the GUI thread before they start.
# jeepney is not among them: idle in the tray nothing talks to D-Bus, so it is
# loaded when a routine may start (``PLAYER_STEPS``: the screen saver
# inhibitor) or a reminder is near (``Notifications.prepare``).
BACKGROUND_MODULES = ("crampcoach.qt.tray",)


# --------------------------------------------------------------------------- the app


class App(QObject):
    """Holds the store, the routines and every window; the thing other parts call."""

    settings_changed = Signal(object)  # the full merged settings dict after a change
    # A window was built ("main", "player", "review", "settings", ...), not yet
    # shown.  The desktop benchmark's probe watches that window's first paint
    # through it, instead of an application-wide event filter, which made
    # PySide build a Python type for every class of object it saw (about 40 ms
    # of the first main window's round that a user never pays).
    window_built = Signal(str, QWidget)
    services_started = Signal()  # the tray and reminders run (or failed and said so)

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        *,
        clock: Clock,
        routines: Sequence[Routine] | None = None,
        problems: Sequence[LoadProblem | str] = (),
        background: bool = True,
    ) -> None:
        """``background=False`` keeps tray and reminders off (tests, screenshots)."""
        super().__init__()
        self.background = background
        self.store = store
        self.data_dir = data_dir
        # The one context every part is given: clock (with the zone), settings, log.
        self.context = AppContext.for_log(store, data_dir, clock)
        self.clock: Clock = clock
        self.live = self.context.settings
        # Every write (windows, socket, undo) goes through this one journal.
        self.journal = Journal(store, self.clock)
        self.day_log = DayLog(self)
        if routines is None:
            library = load_library(data_dir)
            routines, problems = library.routines, library.problems
            self.document_list = library.documents
        else:
            self.document_list = documents.catalogue()
        self.routines: dict[str, Routine] = {r.id: r for r in routines}
        self.problems: list[str] = [str(p) for p in problems]
        self.notices: list[str] = []
        self._tell_repairs()
        if self.problems:
            self.notices.append(
                self.tr(
                    "1 problem in your routine files; that routine is not listed "
                    "(check it with: crampcoach routines check):"
                )
                if len(self.problems) == 1
                else self.tr(
                    "%n problems in your routine files; those routines are not listed "
                    "(check them with: crampcoach routines check):",
                    "",
                    len(self.problems),
                )
            )
            self.notices.extend(f"  {p}" for p in self.problems)
        self.player: QWidget | None = None
        self.reader: DocumentReader | None = None
        self._windows: dict[str, QWidget] = {}
        self._background_started = False
        self._preparing: set[str] = set()  # windows whose first open is read on a worker
        self._main_window_coming = False  # open_main_window is building it in rounds
        self._player_prep = PlayerPreparation(
            PLAYER_STEPS,
            [
                lambda: documents.bundled(),
                lambda: importlib.import_module("crampcoach.qt.forms").warm_window_types(),
            ],
            self,
        )
        self._player_coming: str | None = None  # a start waits for the player's modules
        self._player_unshown: QWidget | None = None  # built, shown at the next turn
        self.services: Services | None = None  # reminders and tray, once started
        # The icon a --hidden start showed before the App was built; the tray takes it over.
        self.tray_icon: QSystemTrayIcon | None = None
        self._quitting = False
        self.ipc_server: IpcServer | None = None
        self.activations = 0  # how often another launch asked us to come forward
        self.tray_wait_ms = HIDDEN_TRAY_WAIT_MS  # see start_hidden()
        self._apply_theme()
        self._main_window: MainWindow | None = None
        self._hide_on_close = False
        self._pending_status: str | None = None
        self.remember_first_day()
        self.sync_watcher = SyncWatcher(store, self.on_synced_change, parent=self)
        self.journal.changed.connect(lambda _change: self._repairs_after_write())

    # -- the main window: built when first shown, released when closed to the tray

    @property
    def windows(self) -> Mapping[str, QWidget]:
        """The secondary windows open now, by name ("review", "cramp", "settings", ...)."""
        return MappingProxyType(self._windows)

    @property
    def main_window(self) -> MainWindow:
        """The main window, built (and filled) on first use.

        A ``--hidden`` start builds none: the form, its widgets and the reading
        of the log for "last done" wait until the user opens it.  Closed into
        the tray it is released (:meth:`_release_main_window`) and built again
        the next time.
        """
        if self._main_window is None:
            self._build_main_window()
            self.refresh()
        assert self._main_window is not None
        return self._main_window

    def _build_main_window(self) -> None:
        """The main window's form and wiring, not yet filled (:meth:`refresh` fills it)."""
        from crampcoach.qt.main_window import MainWindow

        self._main_window = MainWindow()
        self.window_built.emit("main", self._main_window)
        self._main_window.hide_on_close = self._hide_on_close
        self._connect_main_window(self._main_window)
        if self._pending_status:
            self._status(self._pending_status)
            self._pending_status = None

    def open_main_window(self) -> None:
        """The tray's click: show the main window, built in short rounds when it is not built.

        Its modules are imported on a worker thread (:mod:`preload`); then
        building the form, filling it from the log, drawing the cards' pictures
        and showing it are four rounds of the event loop, so none of them
        freezes it for long (the
        "tray click" rows of ``benchmarks/bench_desktop.py``).  A click while
        it is coming waits for the same window.
        """
        if self._main_window is not None:
            self.show_main_window()
            return
        if self._main_window_coming:
            return
        self._main_window_coming = True
        from crampcoach.qt import preload

        def rounds(error: BaseException | None) -> None:
            steps = [
                self._build_main_window,
                self.refresh,
                lambda: self.main_window.prepare_pictures(),
                self.show_main_window,
            ]
            if error is not None or self._main_window is not None:
                steps = [self.show_main_window]  # built meanwhile, or it says what failed
            next_round(steps)

        def next_round(steps: list[Callable[[], None]]) -> None:
            if self._quitting:
                self._main_window_coming = False
                return
            step = steps.pop(0)
            if not steps:
                self._main_window_coming = False
            step()
            if steps:
                _next_turn(lambda: next_round(steps))

        preload.import_then(MAIN_WINDOW_MODULES, rounds, self, forms=True)

    @property
    def main_window_built(self) -> bool:
        """Whether the main window exists now (it does not after a --hidden start)."""
        return self._main_window is not None

    @property
    def hide_on_close(self) -> bool:
        """Closing the main window hides it into the tray (True) or quits (False)."""
        return self._hide_on_close

    @hide_on_close.setter
    def hide_on_close(self, value: bool) -> None:
        self._hide_on_close = value
        if self._main_window is not None:
            self._main_window.hide_on_close = value

    def show_notices(self) -> None:
        """Put :attr:`notices` in the main window, if it is built (it reads them when it is)."""
        if self._main_window is not None:
            self._main_window.set_notices(self.notices)

    def _release_main_window(self) -> None:
        """Closed into the tray: let the window go; the tray builds a new one when asked."""
        window = self._main_window
        if window is None or window.isVisible():
            return
        self._main_window = None
        window.destroyed.connect(_give_back_soon)
        window.deleteLater()

    # -- wiring ---------------------------------------------------------------

    def _connect_main_window(self, w: MainWindow) -> None:
        w.start_requested.connect(self.start_routine)
        w.print_requested.connect(lambda routine_id: self.print_sheet(routine_id))
        w.document_requested.connect(lambda doc_id: self.show_document(doc_id))
        w.log_water_requested.connect(lambda: self.log_water())
        w.log_cramp_requested.connect(self.open_cramp_dialog)
        w.review_requested.connect(self.open_review)
        w.settings_requested.connect(self.open_settings)
        w.quit_requested.connect(self.quit)
        w.about_requested.connect(self.show_about)
        w.checkin.answered.connect(self.answer_checkin)
        w.shown.connect(self._on_main_window_shown)
        w.cramp_now_requested.connect(self.cramp_now)
        w.day_off_requested.connect(lambda reason, day: self.mark_day_off(reason, day))
        w.pause_requested.connect(self.pause_reminders)
        w.hidden_to_tray.connect(self._told_about_tray)
        w.hidden_to_tray.connect(self._release_main_window)

    @property
    def settings(self) -> Settings:
        """The current settings (typed, frozen, merged with the defaults)."""
        return self.live.current

    def listen(self) -> None:
        """Start answering :mod:`crampcoach.ipc` requests (we hold the store lock)."""
        if self.ipc_server is not None:
            return  # already listening (the window was shown again)
        from crampcoach.qt.ipc_server import IpcServer

        server = IpcServer(ipc.socket_path(self.data_dir), self.handle_request)
        server.listen()
        self.ipc_server = server

    def _on_main_window_shown(self) -> None:
        if os.environ.get(BENCH_ENV):
            # The start-up benchmark's mark: the window is painted; report and leave
            # before background services, which bench_idle measures separately.
            self._bench_mark()
            return
        # After the first paint so that tray, scheduler and notifications
        # (apscheduler, the reminder triggers) never delay the window.
        if self.background:
            QTimer.singleShot(0, self._services_then_player)
            if not self.settings.welcome_done:
                QTimer.singleShot(0, self.open_welcome)

    def _services_then_player(self) -> None:
        """The background services if not started yet (their worker), then the player prepared."""
        if self._background_started:
            self.prepare_player()
        else:
            self._start_background(then=self.prepare_player)

    def prepare_player(self) -> None:
        """A routine may start soon: import the player ahead, in short turns (``player_prep``).

        Called when the main window is on screen (its Start buttons) and when
        the tray menu opens; from :data:`PREPARE_AFTER_MS` on, so the window's
        own first layout and paints come first.  Once per process.
        """
        if not self._quitting:
            self._player_prep.prepare(PREPARE_AFTER_MS)

    def _bench_mark(self) -> None:
        print(f"shown {time.perf_counter():.6f}", flush=True)
        QTimer.singleShot(0, self.quit)

    def start_hidden(self) -> None:
        """Start in the tray without showing the main window (``crampcoach --hidden``).

        Background services start at once, as there is no window paint to wait
        for.  While the desktop shows no tray, look again every
        ``HIDDEN_TRAY_POLL_MS`` for up to :attr:`tray_wait_ms` (the panel may
        still be starting at login); with none by then, open the window with
        :data:`HIDDEN_NO_TRAY_NOTICE`, because an app with neither a tray icon
        nor a window cannot be reached.
        """
        from PySide6.QtWidgets import QSystemTrayIcon

        waited = 0

        def attempt() -> None:
            nonlocal waited
            if self._quitting:
                return
            if not QSystemTrayIcon.isSystemTrayAvailable() and waited < self.tray_wait_ms:
                waited += HIDDEN_TRAY_POLL_MS
                QTimer.singleShot(HIDDEN_TRAY_POLL_MS, attempt)
                return
            self._start_background(then=started)

        def started() -> None:
            if self.services is not None and self.services.has_tray:
                if os.environ.get(BENCH_ENV):
                    self._bench_mark()  # the hidden start's mark: the tray icon is up
                return
            notice = QCoreApplication.translate("App", HIDDEN_NO_TRAY_NOTICE)
            if notice not in self.notices:
                self.notices.insert(0, notice)
            self.show_notices()
            self.show_main_window()

        attempt()

    def _start_background(self, then: Callable[[], None] | None = None) -> None:
        """Start background services (tray, reminders) once the main window is on screen.

        Their modules (apscheduler's triggers, the tray, ...) are imported on a worker
        thread first (:mod:`crampcoach.qt.preload`), so the window and the
        event loop never wait for them; the services are then built in the GUI
        thread, and ``then()`` runs.

        ---- BACKGROUND SERVICES: the reminders/tray engineer wires in here. ----
        Keep each service's imports inside this method (start-up cost), and
        make each one optional: a failure is shown, never fatal.
        """
        if self._background_started:
            return
        self._background_started = True
        from crampcoach.qt import preload

        def loaded(error: BaseException | None) -> None:
            if self._quitting:
                return
            # -- reminders, notifications and tray (owner: crampcoach/qt/tray.py) --
            try:
                if error is not None:
                    raise error
                from crampcoach.qt.tray import start_background

                self.services = start_background(self)
            except Exception as exc:  # a failed service is shown, never fatal
                self.notices.append(self.tr("Reminders could not start: {error}").format(error=exc))
                self.show_notices()
            # ---- end of background services ----
            if then is not None:
                then()
            if self._main_window is None:
                self._prepare_main_window()
            self.services_started.emit()

        preload.import_then(BACKGROUND_MODULES, loaded, self)

    def _prepare_main_window(self) -> None:
        """Ready the main window's first open on a worker while the app waits in the tray.

        Its modules are imported, with the Python types its form needs
        (``forms.warm_window_types``), and the cards' moving pictures are
        measured (``poses.move_bounds``).  The tray's first click then builds,
        fills and paints the window without waiting for them.  Measured in
        quick desktop runs: the click 80.6 -> 64.6 ms, for 2.6 MiB more PSS in
        the idle tray (1.15x -> 1.20x of the floor, whose goal is 1.25x); the
        modules alone were 4 ms of it and 0.7 MiB, the types the rest, and the
        click's build round then made one stall of 51 ms.
        """
        from crampcoach.qt import preload

        pictures = [(s.pose, s.frames, s.cycle_s) for r in self.routines.values() for s in r.steps]

        def ready() -> None:
            preload.load(MAIN_WINDOW_MODULES, forms=True)
            importlib.import_module("crampcoach.core.poses").measure_moves(pictures)

        preload.call_then(ready, lambda *_: None, self)

    # -- data for the main window -------------------------------------------

    def _tell_repairs(self) -> bool:
        """Add each repair of the log not told yet to the notices (True if there was one).

        Older months are read (and repaired) only when something first needs
        them, so this runs at every refresh and after every write, not only at start.
        """
        untold = getattr(self.store, "untold", None)
        lines: list[str] = untold() if callable(untold) else []
        if lines:
            self.notices.append(self.tr("Your log was repaired when it was opened:"))
            self.notices.extend(f"  {line}" for line in lines)
        return bool(lines)

    def _repairs_after_write(self) -> None:
        if self._tell_repairs():
            self.show_notices()

    def refresh(self) -> None:
        """Re-read what the main window shows from the store (nothing while it is not built)."""
        self._tell_repairs()
        window = self._main_window
        if window is None:
            return
        now = self.clock.now()
        last = self.store.last_sessions(now - timedelta(days=LAST_DONE_LOOKBACK_DAYS))
        last_done = {
            rid: day.days_ago(at, now, self.settings, self.clock.tz) for rid, at in last.items()
        }
        window.set_routines(list(self.routines.values()), last_done)
        window.set_documents(self.document_list)
        window.set_today(self.today())
        window.set_notices(self.notices)
        self.day_log.show_checkin()

    def remember_first_day(self) -> None:
        """Note the first day CrampCoach ran: the review never calls days before it missed."""
        from crampcoach.store import StoreWriteError

        if self.settings.first_day:
            return
        today = day.log_day(self.clock.now(), self.settings, self.clock.tz)
        with contextlib.suppress(StoreWriteError, SettingError):
            self.journal.set_setting("first_day", today.isoformat())
            self.live.reload()

    # -- what the user logs about a day (day_log.py) ------------------------------

    @property
    def built_window(self) -> MainWindow | None:
        """The main window if it is built (never builds it)."""
        return self._main_window

    def say(self, message: str) -> None:
        """Say ``message`` in the main window's status line (kept until it is built)."""
        self._status(message)

    def last_night(self) -> date:
        """The night a morning check-in is about (``DayLog.last_night``)."""
        return self.day_log.last_night()

    def answer_checkin(self, cramps: int | None, night: date | None = None) -> NightEvent | None:
        """The check-in from the window, the tray or a notification (``DayLog.answer_checkin``)."""
        return self.day_log.answer_checkin(cramps, night)

    def ask_night_from_notification(self, night: date) -> None:
        """The morning notification's "Had cramps…" (``DayLog.ask_night_from_notification``)."""
        self.day_log.ask_night_from_notification(night)

    def log_night(
        self, cramps: int | None, worst: int | None = None, *, night: date | None = None
    ) -> NightEvent | None:
        """Record how a night went (``DayLog.log_night``)."""
        return self.day_log.log_night(cramps, worst, night=night)

    def today(self) -> Today:
        """Sessions and water in today's log day (``core.day``, the same sum as the tray's)."""
        now = self.clock.now()
        start, end = day.bounds(now, self.settings, self.clock.tz)
        events = self.store.events(start=start, end=end, types=[EventType.SESSION, EventType.WATER])
        return day.summary(events, now, self.settings, self.clock.tz)

    # -- the public API --------------------------------------------------------

    def show_main_window(self) -> None:
        """Show the main window and bring it to the front."""
        _raise(self.main_window)

    def show_main_window_for_notice(self) -> None:
        """Show the main window for a reminder's in-app toast, never over a session in progress.

        During a session the toast waits in the main window behind the player and
        is seen when the session ends: a reminder must not cover the countdown.
        """
        if self.player is not None and self.player.isVisible():
            self.main_window.show()
            return
        self.show_main_window()

    def start_routine(self, routine_id: str) -> bool:
        """Open the player on ``routine_id``; False (and a message) when it cannot."""
        routine = self.routines.get(routine_id)
        if routine is None:
            self._status(self.tr("There is no routine called “{id}”.").format(id=routine_id))
            return False
        if self.player is not None and self.player.isVisible():
            self._status(self.tr("A session is already running; stop it before starting another."))
            _raise(self.player)
            return False
        if self._player_coming is not None:
            self._status(self.tr("A session is already starting."))
            return False
        if not self._player_prep.ready:
            # The first start with nothing prepared (the command line's start to
            # an app in the tray): the player's modules in short turns, then it.
            self._player_coming = routine.id
            self._player_prep.when_ready(lambda: self._open_coming_player(routine))
            return True
        return self._open_player(routine)

    def _open_coming_player(self, routine: Routine) -> None:
        if self._player_coming == routine.id and not self._quitting:  # not stopped meanwhile
            self._player_coming = None
            self._open_player(routine)

    def _open_player(self, routine: Routine) -> bool:
        try:  # imported on first use: the player loads sounds and speech
            player_mod = importlib.import_module("crampcoach.qt.player")
        except ImportError as exc:
            self._status(self.tr("The player is not available ({error}).").format(error=exc))
            return False

        player = self._player_for(player_mod, routine)
        player.finished.connect(self._on_session_finished)
        player.citation_requested.connect(self.show_document)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        player.destroyed.connect(lambda *_: self._forget_player(player))
        player.destroyed.connect(_give_back_soon)
        player.setProperty("routineId", routine.id)
        self.player = player
        self.window_built.emit("player", player)
        # Shown (and so started: ``autostart``) a turn later: built, laid out
        # and painted in one round, the first start was 50-70 ms of frozen loop.
        self._player_unshown = player
        _next_turn(lambda: self._show_player(player))
        return True

    def _show_player(self, player: QWidget) -> None:
        if self._player_unshown is player and not self._quitting:
            self._player_unshown = None
            _raise(player)

    def _player_for(self, player_mod: Any, routine: Routine) -> Any:
        """The player wired here: the session on our clock, cues from the settings, our journal."""
        from crampcoach.core.profile import HealthProfile
        from crampcoach.core.session import Session
        from crampcoach.core.session_log import SessionRecorder
        from crampcoach.qt.cue_sink import cue_sink
        from crampcoach.store import StoreError, StoreWriteError

        settings = self.settings
        return player_mod.PlayerWindow(
            Session(routine, self.clock, lead_in_s=player_mod.LEAD_IN_S),
            cue_sink(settings, self.clock),
            recorder=SessionRecorder(
                self.journal, failures=(StoreError,), retryable=(StoreWriteError,)
            ),
            health=HealthProfile.of(settings),
        )

    def _forget_player(self, player: QWidget) -> None:
        if self.player is player:
            self.player = None
        if self._player_unshown is player:
            self._player_unshown = None

    def _on_session_finished(self, event: object) -> None:
        self.refresh()

    def stop_session(self) -> None:
        """Stop a session in progress; the player records it as partial."""
        self._player_coming = None  # one still on its way does not open
        player = self.player
        if player is None:
            return
        if self._player_unshown is player:  # built, not yet shown: it never began
            self._player_unshown = None
            player.close()
            return
        stop = getattr(player, "stop", None)
        if callable(stop):
            stop()
        else:  # the player records a partial session when its window closes
            player.close()

    def show_document(
        self, doc_id: str, quote: str | None = None, evidence: object = None, step: object = None
    ) -> bool:
        """Open the reader on ``doc_id`` with ``quote`` highlighted; False if unknown.

        ``step``: the PlannedStep that cites it, shown with its picture.
        """
        try:
            doc = documents.get(doc_id)
        except documents.DocumentError as exc:
            self._status(str(exc))
            return False
        if self.reader is None:
            from crampcoach.qt.documents_view import DocumentReader

            self.reader = DocumentReader()
        self.reader.show_document(
            doc,
            quote,
            str(evidence) if evidence else None,
            step if isinstance(step, PlannedStep) else None,
        )
        _raise(self.reader)
        return True

    def print_sheet(self, routine_id: str, path: Path | None = None) -> Path | None:
        """Save the printable sheet of a routine (asking where, unless ``path``); None if not."""
        routine = self.routines.get(routine_id)
        if routine is None:
            self._status(self.tr("Unknown routine {id}.").format(id=repr(routine_id)))
            return None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getSaveFileName(
                self.main_window,
                self.tr("Save a printable sheet of “{title}”").format(title=routine.title),
                str(Path.home() / f"crampcoach-{routine.id}.pdf"),
                self.tr("PDF (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from crampcoach.qt.routine_sheet import print_routine

        try:
            pages = print_routine(routine, path)
        except OSError as exc:
            self._status(
                self.tr("Could not save the sheet to {path}: {error}").format(path=path, error=exc)
            )
            return None
        self._status(
            self.tr("Saved the sheet of “{title}” to {path} ({pages} pages, A4).").format(
                title=routine.title, path=path, pages=pages
            )
        )
        return path

    def open_review(self) -> QWidget | None:
        """Open the weekly review window; None while its first week is being read.

        Its module and the week's reading of the log (month files,
        the trial) run on a worker thread (:meth:`_prepare_then_open`): done in
        the GUI thread they froze the event loop for a third of a second.  The
        window is built with what was read.
        """
        store, settings, clock = self.store, self.settings, self.clock  # read here, not there

        def read() -> object:
            module = importlib.import_module("crampcoach.qt.review_view")
            importlib.import_module("crampcoach.qt.forms").warm_window_types()
            return module.read_week(store, settings, clock)

        def open_(loaded: object) -> QWidget | None:
            return self._open_window(
                "review",
                "crampcoach.qt.review_view",
                "ReviewWindow",
                (self.store, self.live),
                {"clock": self.clock, **({"loaded": loaded} if loaded is not None else {})},
                show_soon=loaded is not None,
            )

        return self._prepare_then_open("review", read, open_)

    def _prepare_then_open(
        self, key: str, prepare: Callable[[], object], open_: Callable[[object], QWidget | None]
    ) -> QWidget | None:
        """Run ``prepare()`` on a worker thread, then ``open_(its result)`` in the GUI thread.

        For a window whose first open imports modules and reads files: the
        event loop goes on meanwhile (a busy cursor says it is coming), and
        the window appears when it is ready (``windows[key]``); None until
        then.  A second request meanwhile waits for the same one; an open
        window is raised at once.  If ``prepare`` failed, ``open_(None)``
        does the work itself and says what failed.
        """
        if key in self._windows:
            return open_(None)
        if key in self._preparing:
            return None
        from crampcoach.qt import preload

        def then(result: object, error: BaseException | None) -> None:
            self._preparing.discard(key)
            QApplication.restoreOverrideCursor()
            if not self._quitting:
                open_(None if error is not None else result)

        self._preparing.add(key)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        preload.call_then(prepare, then, self)
        return None

    def open_cramp_dialog(self) -> QWidget | None:
        """Open the dialog that logs a cramp."""
        dialog = self._open_window(
            "cramp",
            "crampcoach.qt.cramp_dialog",
            "CrampDialog",
            (self.store,),
            {"clock": self.clock},
        )
        if dialog is not None and hasattr(dialog, "finished"):
            dialog.finished.connect(lambda *_: self.refresh())
        if dialog is not None and hasattr(dialog, "saved"):
            # Like a glass of water: say it is saved, and offer to take it back.
            dialog.saved.connect(
                lambda event: self.main_window.show_undoable(
                    self.tr("Cramp saved in your diary."),
                    lambda: self.day_log.take_back(event.id, self.tr("the cramp")),
                )
            )
        return dialog

    def open_welcome(self) -> QWidget | None:
        """The first-day welcome (shown once; skipping it keeps the defaults).

        It offers the applications-menu entry unless one is installed already.
        """
        from crampcoach import desktop

        offer = None if desktop.is_installed() else desktop.install
        return self._open_window(
            "welcome",
            "crampcoach.qt.welcome",
            "WelcomeDialog",
            (self.store,),
            {"desktop_install": offer, "settings": self.live},
        )

    def open_settings(self) -> QWidget | None:
        """Open the settings dialog (None while its modules load on a worker, as for the review).

        Expects ``crampcoach.qt.settings_dialog.SettingsDialog(store, parent=None, *, journal,
        settings)``;
        if it has a ``settings_changed`` signal, the app re-reads the settings from
        the store when it fires and emits :attr:`settings_changed` to everyone.
        """
        routines = [(r.id, r.title) for r in self.routines.values()]

        def prepare() -> None:
            importlib.import_module("crampcoach.qt.settings_dialog")
            importlib.import_module("crampcoach.qt.forms").warm_window_types()
            importlib.import_module("crampcoach.qt.cues").probe_off_gui_thread()

        def open_(_none: object) -> QWidget | None:
            # The routines this app offers everywhere else (its data folder, its
            # language): the dialog no longer parses every routine file again.
            return self._open_window(
                "settings",
                "crampcoach.qt.settings_dialog",
                "SettingsDialog",
                (self.store,),
                {"settings": self.live, "routines": lambda: routines},
                show_soon=True,
            )

        return self._prepare_then_open("settings", prepare, open_)

    def _open_window(
        self,
        key: str,
        module: str,
        cls: str,
        ctor: tuple[Any, ...],
        kwargs: dict[str, Any] | None = None,
        *,
        show_soon: bool = False,
    ) -> QWidget | None:
        """Import a secondary screen when it first opens (start-up cost) and show it.

        ``show_soon``: show it from the event loop's next round, so building it
        and its first polish and layout are two short stalls, not one long one.
        """
        existing = self._windows.get(key)
        if existing is not None:
            _raise(existing)
            return existing
        try:
            factory = getattr(importlib.import_module(module), cls)
        except (ImportError, AttributeError) as exc:
            self._status(
                self.tr("This part of CrampCoach is not available yet ({what}: {error}).").format(
                    what=f"{module}.{cls}", error=exc
                )
            )
            return None
        # Parented to the main window when it is up (centring); never to one that
        # is not built, and never embedded.  The app keeps it alive meanwhile.
        window: QWidget = factory(
            *ctor, parent=self._main_window, journal=self.journal, **(kwargs or {})
        )
        if not window.isWindow():
            window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._windows[key] = window
        self.window_built.emit(key, window)
        window.destroyed.connect(lambda *_: self._windows.pop(key, None))
        window.destroyed.connect(_give_back_soon)
        if hasattr(window, "settings_changed"):
            window.settings_changed.connect(lambda *_: self.reload_settings())
        if show_soon:
            _next_turn(lambda: self._show_window(key, window))
        else:
            _raise(window)
        return window

    def _show_window(self, key: str, window: QWidget) -> None:
        if self._windows.get(key) is window and not self._quitting:
            _raise(window)

    def cramp_now(self) -> bool:
        """Start the routine that eases a cramp, at once (the main window's first button)."""
        if CRAMP_NOW_ROUTINE in self.routines:
            return self.start_routine(CRAMP_NOW_ROUTINE)
        self.open_cramp_dialog()
        return False

    def mark_day_off(self, reason: str, day: date | None = None) -> list[SkipEvent]:
        """Record ``day`` (today by default) as a rest or sick day, with Undo (``DayLog``)."""
        return self.day_log.mark_day_off(reason, day)

    def pause_reminders(self, how: str | None) -> None:
        """Pause reminders for an hour or until tomorrow, or resume (None)."""
        from crampcoach.core.reminders import next_day_start
        from crampcoach.store import StoreWriteError

        now = self.clock.now()
        tz = now.tzinfo
        assert tz is not None
        until = {
            "hour": now + timedelta(hours=1),
            "tomorrow": next_day_start(now, self.settings, tz),
        }.get(how or "")
        try:
            self.journal.set_setting(
                "reminders_paused_until", "" if until is None else until.isoformat()
            )
        except (SettingError, StoreWriteError) as exc:
            self._status(self.tr("Could not pause reminders: {error}").format(error=exc))
            return
        self.reload_settings()  # the reminder engine re-reads the pause
        self._status(
            self.tr("Reminders are on again.")
            if until is None
            else self.tr("No reminders until {time}.").format(
                time=until.astimezone(tz).strftime("%a %H:%M")
            )
        )

    def _told_about_tray(self) -> None:
        """The first close-to-tray says so once; later ones are silent."""
        if self.settings.told_close_to_tray:
            return
        message = self.tr(
            "CrampCoach is still running in the tray, so your reminders keep coming. "
            "Quit it from the tray menu or with Ctrl+Q."
        )
        controller = getattr(self.services, "controller", None)
        notifications = getattr(controller, "notifications", None)
        if notifications is None:
            self._status(message)
        else:
            notifications.tell_soon(
                self.tr("CrampCoach keeps running"), message, 8.0, lambda: self._status(message)
            )
        with contextlib.suppress(Exception):
            self.journal.set_setting("told_close_to_tray", True)
            self.live.reload()

    def log_water(self, ml: int | None = None) -> WaterEvent | None:
        """Log a glass (``glass_ml`` by default) with Undo (``DayLog.log_water``)."""
        return self.day_log.log_water(ml)

    def on_synced_change(self) -> None:
        """Another computer's changes arrived: redraw the main window and an open review."""
        if self._quitting:
            return
        self.reload_settings()
        if self._main_window is not None:  # a hidden start builds it when it is opened
            self.refresh()
        self.journal.changed.emit(Change())  # anyone who follows the log's changes
        review = self._windows.get("review")
        if review is not None and hasattr(review, "refresh"):
            review.refresh()

    def _apply_theme(self) -> None:
        qapp = QApplication.instance()
        if isinstance(qapp, QApplication):
            theme.apply(qapp, self.settings.theme)

    def reload_settings(self) -> None:
        """Re-read settings from the store and tell everyone."""
        old_theme = self.settings.theme
        self.live.reload()
        if self.settings.theme != old_theme:
            self._apply_theme()
            if self.player is not None:
                self.player.setStyleSheet(theme.player_stylesheet())
        self.settings_changed.emit(self.settings)
        if self._main_window is not None:
            self._main_window.set_today(self.today())

    def show_about(self) -> None:
        """The About box."""
        QMessageBox.about(
            self.main_window,
            self.tr("About CrampCoach"),
            self.tr(
                "CrampCoach {version}\n\nGuided leg stretching, reminders and a weekly review for people whose legs cramp.\n\nGeneral information, not medical advice. See a doctor if cramps are frequent, disturb your sleep, or come with swelling, numbness or weakness."
            ).format(version=__version__),
        )

    @property
    def quitting(self) -> bool:
        """True once :meth:`quit` has been called."""
        return self._quitting

    def quit(self) -> None:
        """Quit cleanly: a session in progress is recorded as partial first."""
        if self._quitting:
            return
        self._player_prep.stop()
        coming = self.routines.get(self._player_coming or "")
        if coming is not None:
            # ``status`` already called it the session: it is one, and is
            # recorded as stopped early like any other.
            self._open_coming_player(coming)
        if self._player_unshown is not None:
            self._show_player(self._player_unshown)  # so that its session has begun
        self._quitting = True
        self.stop_session()
        if self.player is not None:  # after stop(): releases its timers and screen-saver hold
            self.player.close()
        if self.services is not None:  # reminders/tray: stop timers, release the bus
            self.services.stop()
        elif self.tray_icon is not None:  # quit before the tray took it over
            self.tray_icon.hide()
        for window in [self.reader, *self._windows.values()]:
            if window is not None:
                window.close()
        if self._main_window is not None:
            self._main_window.hide_on_close = False
            if self._main_window.isVisible():
                screens.remember(self._main_window)
            self._main_window.hide()
        QApplication.quit()

    def _status(self, message: str) -> None:
        if self._main_window is None:  # shown when the window is next built
            self._pending_status = message
            return
        self._main_window.statusBar().showMessage(message, 10_000)

    # -- IPC (the replies are decided in commands.py) ----------------------------

    def handle_request(self, request: dict[str, Any]) -> dict[str, Any]:
        """Answer one :mod:`crampcoach.ipc` request (runs in the GUI thread)."""
        from crampcoach.qt import commands  # on the first request, not at start-up

        return commands.answer(self, request)

    def activate(self) -> None:
        """Another launch asked us to come forward."""
        self.activations += 1
        self.show_main_window()

    def status(self) -> dict[str, Any]:
        """What ``crampcoach status`` (and the tests) learn of the running app."""
        return {
            "pid": os.getpid(),
            # A session still on its way (its modules loading) is already the session.
            "session": self._player_coming
            or (None if self.player is None else self.player.property("routineId")),
            "window_visible": self._main_window is not None and self._main_window.isVisible(),
            "activations": self.activations,
            # None until the background services have started after the first paint.
            "tray": None if self.services is None else self.services.has_tray,
            # What the main window's notice area tells the user (repairs, faults).
            "notices": list(self.notices),
        }

    def quit_soon(self) -> None:
        """Quit from the event loop, once the reply that asked for it is sent."""
        QTimer.singleShot(0, self.quit)


def _next_turn(step: Callable[[], object]) -> None:
    """Run ``step`` in a later turn of the event loop, after the timers and input due by then.

    ``QTimer.singleShot(0)`` posts an event, and Qt's dispatcher delivers posted
    events before the timers that are due: a window built in rounds chained that
    way ran them back to back, and input (and the benchmark's heartbeat) waited
    for all of them, one 58 ms stall where two rounds took 22 and 28 ms.  A 1 ms
    timer takes its turn with the other timers instead.
    """
    QTimer.singleShot(1, step)


def _give_back_soon(*_args: object) -> None:
    """A window is being deleted: once it and its children are gone, free pages go back.

    ``destroyed`` comes before the children are deleted, hence the next round
    of the loop.  :mod:`crampcoach.qt.heap` (ctypes) is imported then, not at start.
    """
    from crampcoach.qt import heap

    QTimer.singleShot(0, heap.give_back)


def _raise(window: QWidget) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    # The offscreen platform (tests, benchmarks, screenshots) has no stacking
    # order and logs a warning for raise(); there is nothing to raise there.
    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
        window.activateWindow()


def load_library(data_dir: Path) -> Library:
    """Routines, problem lines and documents for the main window (never raises).

    The routines' text is in the system's language where their files translate it.
    """
    from PySide6.QtCore import QLocale

    from crampcoach.core.model import preferred_languages

    try:
        return library.load(data_dir, preferred_languages(QLocale.system().uiLanguages()))
    except Exception as exc:  # a bug in loading must not keep the app from opening
        return Library(
            routines=[],
            problems=[
                QCoreApplication.translate(
                    "App", "The routines could not be loaded: {error}"
                ).format(error=repr(exc))
            ],
            documents=[],
        )
