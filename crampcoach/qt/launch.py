"""Launching the GUI: the QApplication, the hand-over to a running app, and the event loop.

``run(args)`` is what ``crampcoach`` (and ``crampcoach start ROUTINE``) calls.
It takes the store's single-writer lock, or hands the request to the app that
holds it (``crampcoach.ipc``) and exits 0.  It is the app's composition root:
it takes the one clock the command line's root made (``args.clock``: a
``SystemClock``, which finds the zone, or a test's ``FakeClock``), opens the
store with it and builds the :class:`~crampcoach.qt.app.App` around them.

A ``--hidden`` start (the login entry) that finds the lock free shows its
tray icon right after the QApplication, and only then opens the store and
imports and builds the App (:class:`_Launch`): what the user waits for at
login is the icon.
"""

from __future__ import annotations

import builtins
import linecache
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from crampcoach import __version__, ipc, paths, resources
from crampcoach.core.clock import Clock
from crampcoach.exits import Exit
from crampcoach.qt import quiet, theme
from crampcoach.qt.collector import GuiThreadCollector
from crampcoach.qt.signals import SignalWaker

if TYPE_CHECKING:
    import argparse

    from crampcoach.qt.app import App
    from crampcoach.store import Store

APP_ID = "crampcoach"  # matches assets/crampcoach.desktop
ICON_SIZES = resources.ICON_SIZES
# What a --hidden start imports on a worker once its tray icon shows: the App
# and what it imports (the store's readers, core.day, core.library, ...).
APP_MODULES = ("crampcoach.qt.app",)


def plain_imports() -> bool:
    """Take PySide6's ``__feature__`` hook back out of ``import``; whether it was in.

    Importing PySide6 replaces ``builtins.__import__`` with its own
    ``__feature_import__``, for the opt-in ``from __feature__ import
    snake_case``, which this app never uses.  After every import it reads the
    new module's whole source through :func:`inspect.getsource`, to see
    whether it names PySide6, and that source stays in :mod:`linecache` for
    the life of the process.  Measured over the modules the app imports after
    PySide6 (the App, main window, tray, player and review): 141-168 ms with
    the hook, 123-126 ms without, and 5.4 MiB more RSS with it
    (``benchmarks/README.md``).  The function it wrapped, PySide's own lazy
    import (``__orig_import__``), is put back; PySide6 reads the feature
    table for a module it has not seen as "no feature".

    What the hook read until now goes too: by then about 30 files (``typing``,
    ``enum``, ``pathlib`` among them: every module an ``import`` statement
    named after PySide6 was loaded, already imported or not), 18,000 lines
    kept as Python strings.  :mod:`linecache` is only a cache; a traceback
    reads its lines again.
    """
    original = getattr(builtins, "__orig_import__", None)
    hook = getattr(builtins, "__feature_import__", None)
    if original is None or hook is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = original
    linecache.clearcache()
    return True


def window_icon() -> QIcon:
    """The app icon from its PNG renderings (``scripts/make_icons.py`` says why not the SVG)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(
            str(resources.path("assets", f"icons/crampcoach-{size}.png")), QSize(size, size)
        )
    return icon


def setup_qapplication(argv: Sequence[str] | None = None) -> QApplication:
    """Create (or reuse) the QApplication with name, icon, desktop file and stylesheet."""
    existing = QApplication.instance()
    qapp = (
        existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv[:1]))
    )
    qapp.setApplicationName("CrampCoach")
    qapp.setApplicationDisplayName("CrampCoach")
    qapp.setOrganizationName("CrampCoach")
    qapp.setApplicationVersion(__version__)
    if existing is None:  # a new application: follow the system's language
        from crampcoach.qt import i18n

        i18n.install(qapp)
    QGuiApplication.setDesktopFileName(APP_ID)
    qapp.setWindowIcon(window_icon())
    # The stylesheet is generated from the palette (light, dark, high contrast);
    # the App re-applies it with the user's ``theme`` setting once it is read.
    theme.apply(qapp)
    # The main window decides when to quit (the tray may keep us running).
    qapp.setQuitOnLastWindowClosed(False)
    return qapp


def hand_over(data_dir: Path, request: dict[str, Any], timeout: float | None = None) -> int:
    """Another process holds the store: pass ``request`` to it; the exit code to return.

    The holder may be an app still starting (lock taken, not listening yet) or
    a short CLI command: wait for its answer, or for the lock to come free
    (-1: the caller should start normally).
    """
    from crampcoach.exits import BUSY, UNTRUSTED
    from crampcoach.store.lock import is_free

    try:
        reply = ipc.send_when_ready(data_dir, request, lambda: is_free(data_dir), wait=timeout)
    except ipc.UntrustedPeer as exc:
        print(f"crampcoach: {exc}", file=sys.stderr)
        return UNTRUSTED
    except ipc.IpcError as exc:
        print(f"crampcoach: the data folder is in use and no app answered: {exc}", file=sys.stderr)
        return BUSY
    if reply is None:
        return -1
    if reply.get("ok"):
        return 0
    print(f"crampcoach: {reply.get('error', 'the running app refused')}", file=sys.stderr)
    return Exit.REFUSED


def run(args: argparse.Namespace) -> int:
    """Start the GUI (or hand over to the running one); returns the exit code."""
    plain_imports()  # before the store, the App and every window are imported
    from crampcoach import exits
    from crampcoach.store.errors import StoreError, StoreLockedError
    from crampcoach.store.lock import is_free

    try:
        data_dir = paths.data_dir(getattr(args, "data_dir", None))
    except paths.DataFolderError as exc:
        print(f"crampcoach: {exc}", file=sys.stderr)
        return exits.DATA_FOLDER
    routine_id: str | None = getattr(args, "routine", None)
    hidden = bool(getattr(args, "hidden", False)) and routine_id is None
    request: dict[str, Any]
    if routine_id:
        request = {"cmd": "start", "routine": routine_id}
    else:
        # A hidden start (at login) finding the app already running leaves it as it is.
        request = {"cmd": "status"} if hidden else {"cmd": "activate"}
    # The one clock (and zone) the whole app is given: made by the command
    # line's root (crampcoach.cli.main), a FakeClock in tests.
    clock: Clock = args.clock
    qapp: QApplication | None = None
    icon: QSystemTrayIcon | None = None
    if hidden and is_free(data_dir):
        # What the user waits for at login is the icon: it shows before the
        # store is imported and opened (20 and 10 ms of a --hidden start).
        # The lock is only looked at here; another start that takes it first
        # is answered below, and the icon goes.
        qapp = _qapplication()
        if qapp is None:
            return Exit.FAILED
        from crampcoach.qt import tray_icon

        icon = tray_icon.early_icon()
    from crampcoach.store import Store

    for _attempt in range(3):
        try:
            store = Store.open(data_dir, clock=clock)
        except StoreLockedError:
            if icon is not None:
                icon.hide()
                icon = None
            code = hand_over(data_dir, request)
            if code >= 0:
                return code
            continue
        except StoreError as exc:  # one line naming the folder or file, never a traceback
            print(f"crampcoach: {exc}", file=sys.stderr)
            return exits.for_error(exc)
        break
    else:
        print("crampcoach: could not take the data folder's lock; try again", file=sys.stderr)
        return Exit.BUSY
    try:
        code = _run_with_store(
            store, data_dir, routine_id, clock, hidden=hidden, qapp=qapp, icon=icon
        )
    finally:
        closed = _close(store)
    return code if closed == 0 else closed


def _close(store: Store) -> int:
    """Close the log; entries a full disk kept unsaved are said plainly and kept for next time."""
    from crampcoach import exits
    from crampcoach.store import StoreWriteError

    try:
        store.close()
    except StoreWriteError as exc:  # its message says where the entries are kept
        print(f"crampcoach: {exc}", file=sys.stderr)
        return exits.NOT_SAVED
    return 0


def _qapplication() -> QApplication | None:
    """The set-up QApplication, or None when there is no display to use (said on stderr)."""
    from crampcoach.qt.display import HINT, display_problem

    problem = display_problem()  # Qt itself would abort with a misleading message
    if problem is not None:
        print(f"crampcoach: {problem}. {HINT}.", file=sys.stderr)
        return None
    return setup_qapplication()


def _run_with_store(
    store: Store,
    data_dir: Path,
    routine_id: str | None,
    clock: Clock,
    *,
    hidden: bool = False,
    qapp: QApplication | None = None,
    icon: QSystemTrayIcon | None = None,
) -> int:
    """``qapp`` and ``icon``: made by a --hidden start before it opened the store."""
    early = qapp is not None
    if qapp is None:
        qapp = _qapplication()
        if qapp is None:
            return Exit.FAILED
    # Before any worker thread starts: cycles are collected on the GUI thread only.
    collector = GuiThreadCollector(qapp)
    quiet.when_nothing_shows(qapp)

    def services_up() -> None:
        collector.settle()
        # Start-up's pixmaps (the tray icon's, the windows readied on a worker)
        # kept Qt's cache trimming itself, and the idle tray waking for it.
        quiet.let_qt_sleep()

    launch = _Launch(store, data_dir, clock, on_services=services_up)
    # Python runs a signal's handler between any two bytecodes: quitting right
    # there could land inside an import or a half-built window (the player's
    # modules loading in turns, say).  The quit runs at the loop's next turn.
    waker = SignalWaker(lambda _num: QTimer.singleShot(0, launch.quit))
    try:
        if hidden:
            if not early:  # the lock was held when run() looked: no icon yet
                from crampcoach.qt import tray_icon

                icon = tray_icon.early_icon()
            launch.start_hidden(qapp, icon)
        else:
            app = launch.build()
            if routine_id is not None and routine_id not in app.routines:
                known = ", ".join(sorted(app.routines)) or "none"
                print(
                    f"crampcoach: unknown routine {routine_id!r}; known: {known}", file=sys.stderr
                )
                return Exit.USAGE
            # Listen just after the first paint, not before: we already hold the
            # store lock, and a second launch or a CLI command retries until we
            # answer, so the socket need not delay the
            # window.  (A hidden start builds no window to connect to.)
            app.main_window.shown.connect(lambda: QTimer.singleShot(0, launch.listen))
            app.show_main_window()
            if routine_id is not None:
                app.start_routine(routine_id)
        # A quit asked before the loop ran (the build failed, say) called
        # QApplication.quit() for a loop that did not exist yet, which does
        # nothing: do not start one.
        if not launch.quitting:
            qapp.exec()
        if launch.error is not None:  # building the app failed: the traceback, as before
            raise launch.error
    finally:
        launch.close()
        waker.close()
        collector.stop()
    return 0


class _Launch:
    """The :class:`~crampcoach.qt.app.App` being started, and what a start owns beside it.

    A shown start builds it at once.  A ``--hidden`` start shows the tray
    icon first (:func:`crampcoach.qt.tray_icon.early_icon`), imports the
    app's modules (the store's readers, the routines, the main window's
    wiring: about a third of the start) on a worker, builds the App in the
    next rounds of the loop and hands it the icon, which the tray takes over.
    """

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        clock: Clock,
        on_services: Callable[[], object] = lambda: None,
    ) -> None:
        self.store, self.data_dir, self.clock = store, data_dir, clock
        self._on_services = on_services
        self.app: App | None = None
        self.error: BaseException | None = None
        self._quit_asked = False
        self.probe: Any = None

    @property
    def quitting(self) -> bool:
        """A quit was asked (of the app, or before it was built)."""
        return self._quit_asked or (self.app is not None and self.app.quitting)

    def quit(self) -> None:
        """SIGTERM/SIGINT: the app quits cleanly; before it is built, the loop just ends."""
        if self.app is not None:
            self.app.quit()
            return
        self._quit_asked = True
        QApplication.quit()

    def build(self) -> App:
        """The App around the store (in the GUI thread)."""
        from crampcoach.qt.app import App

        app = App(self.store, self.data_dir, clock=self.clock)
        self.app = app
        # A later turn (a 1 ms timer, see app._next_turn): the collector's settle()
        # is a full collection (14-18 ms), not to run back to back with the services'.
        app.services_started.connect(lambda: QTimer.singleShot(1, self._on_services))
        if os.environ.get("CRAMPCOACH_PROBE_DIR"):  # benchmarks/bench_desktop.py only
            from crampcoach.qt import probe as probe_mod

            # With the App, as before: after a --hidden start's icon, so the
            # benchmark's start does not pay the probe's imports (PySide's Qt
            # namespace) before the icon when a user's does not.
            self.probe = probe_mod.install(app)
        return app

    def listen(self) -> None:
        """Answer other launches; a failure is told in the window, the app works on."""
        app = self.app
        if app is None or app.quitting:  # asked to quit before the loop came round to it
            return
        try:
            app.listen()
        except OSError as exc:  # the app still works; only hand-over from other launches fails
            app.notices.append(
                QCoreApplication.translate(
                    "App", "Other CrampCoach commands cannot reach this window: {error}"
                ).format(error=exc)
            )
            app.show_notices()

    def start_hidden(self, qapp: QApplication, icon: QSystemTrayIcon | None) -> None:
        """The app after its modules load on a worker (see the class), with the icon shown.

        ``icon``: :func:`crampcoach.qt.tray_icon.early_icon`'s, None while the
        desktop shows no tray (yet).
        """
        from crampcoach.qt import preload

        def then(error: BaseException | None) -> None:
            if self.quitting:
                return
            try:
                if error is not None:
                    raise error
                app = self.build()
            except BaseException as exc:  # ends the loop; run() raises it (a bug: a traceback)
                self.error = exc
                if icon is not None:
                    icon.hide()
                qapp.exit(Exit.FAILED)
                return
            app.tray_icon = icon
            # The next round: building the App and starting its services are two.
            QTimer.singleShot(0, self._serve_hidden)

        if icon is None:
            # No tray yet: nothing to show early; the app looks for one (App.start_hidden).
            then(None)
            return
        preload.import_then(APP_MODULES, then, qapp)

    def _serve_hidden(self) -> None:
        app = self.app
        if app is None or app.quitting:
            return
        self.listen()  # no paint to wait for; the tray menu and other launches need it
        app.start_hidden()

    def close(self) -> None:
        """After the loop: the probe, the socket."""
        if self.probe is not None:
            self.probe.close()
        if self.app is not None and self.app.ipc_server is not None:
            self.app.ipc_server.close()
