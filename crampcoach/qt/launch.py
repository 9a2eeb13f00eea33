"""Launching the GUI: the QApplication, the hand-over to a running app, and the event loop.

``run(args)`` is what ``crampcoach`` (and ``crampcoach start ROUTINE``) calls.
It takes the store's single-writer lock, or hands the request to the app that
holds it (``crampcoach.ipc``) and exits 0.  It is the app's composition root:
it takes the one clock the command line's root made (``args.clock``: a
``SystemClock``, which finds the zone, or a test's ``FakeClock``), opens the
store with it and builds the :class:`~crampcoach.qt.app.App` around them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from crampcoach import __version__, ipc, paths, resources
from crampcoach.core.clock import Clock
from crampcoach.exits import Exit
from crampcoach.qt import theme
from crampcoach.qt.app import App
from crampcoach.qt.gc_timer import GuiThreadCollector
from crampcoach.qt.signals import SignalWaker

if TYPE_CHECKING:
    import argparse

    from crampcoach.store import Store

APP_ID = "crampcoach"  # matches assets/crampcoach.desktop
ICON_SIZES = resources.ICON_SIZES


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
    from crampcoach import exits
    from crampcoach.store import Store, StoreError, StoreLockedError

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
    for _attempt in range(3):
        try:
            store = Store.open(data_dir, clock=clock)
        except StoreLockedError:
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
        code = _run_with_store(store, data_dir, routine_id, clock, hidden=hidden)
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


def _run_with_store(
    store: Store, data_dir: Path, routine_id: str | None, clock: Clock, *, hidden: bool = False
) -> int:
    from crampcoach.qt.display import HINT, display_problem

    problem = display_problem()  # Qt itself would abort with a misleading message
    if problem is not None:
        print(f"crampcoach: {problem}. {HINT}.", file=sys.stderr)
        return Exit.FAILED
    qapp = setup_qapplication()
    # Before any worker thread starts: cycles are collected on the GUI thread only.
    collector = GuiThreadCollector(qapp)
    app = App(store, data_dir, clock=clock)
    if routine_id is not None and routine_id not in app.routines:
        known = ", ".join(sorted(app.routines)) or "none"
        print(f"crampcoach: unknown routine {routine_id!r}; known: {known}", file=sys.stderr)
        return Exit.USAGE

    def listen() -> None:
        if app.quitting:  # asked to quit before the loop came round to it: nothing to answer
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

    waker = SignalWaker(lambda _num: app.quit())
    probe = None
    if os.environ.get("CRAMPCOACH_PROBE_DIR"):  # benchmarks/bench_desktop.py only
        from crampcoach.qt import probe as probe_mod

        probe = probe_mod.install(app)
    try:
        if hidden:
            listen()  # no paint to wait for; the tray menu and other launches need it
            app.start_hidden()
        else:
            # Listen just after the first paint, not before: we already hold the
            # store lock, and a second launch or a CLI command retries until we
            # answer, so the socket need not delay the
            # window.  (A hidden start builds no window to connect to.)
            app.main_window.shown.connect(lambda: QTimer.singleShot(0, listen))
            app.show_main_window()
        if routine_id is not None:
            app.start_routine(routine_id)
        # A signal that came before the loop ran asked QApplication.quit() to stop
        # a loop that did not exist yet, which does nothing: do not start one.
        if not app.quitting:
            qapp.exec()
    finally:
        if probe is not None:
            probe.close()
        waker.close()
        if app.ipc_server is not None:
            app.ipc_server.close()
        collector.stop()
    return 0
