"""Import heavy modules on a worker thread, then carry on in the GUI thread.

Importing the reminder services (apscheduler's triggers, without the asyncio
and importlib.metadata they would pull in: ``core.triggers``; jeepney) takes 0.1–0.2 s on an
idle machine and over a second on a loaded one.  Done in the GUI thread that
is a frozen window and a tray menu that does not open.  On a worker thread
the GUI thread only waits for the interpreter lock, which Python hands over
every few milliseconds (``sys.getswitchinterval``), so the loop keeps
running; the objects are then built in the GUI thread as before.

Only modules are imported off the GUI thread: no QObject is created there.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal, Slot


class _Relay(QObject):
    """Carries the worker's result into the GUI thread: a queued signal to a slot of its own."""

    done = Signal(object)  # None, or the exception an import raised

    def __init__(self, then: Callable[[BaseException | None], None], parent: QObject) -> None:
        super().__init__(parent)  # lives in the GUI thread, so ``done`` is queued to it
        self._then = then
        self.done.connect(self._finish)

    @Slot(object)
    def _finish(self, error: BaseException | None) -> None:
        self.deleteLater()
        self._then(error)


def import_then(
    modules: Sequence[str], then: Callable[[BaseException | None], None], parent: QObject
) -> threading.Thread:
    """Import ``modules`` on a worker thread; call ``then(error)`` in the GUI thread after.

    ``error`` is None when every import worked, else the first exception (the
    caller decides what the user sees).  ``parent`` owns the relay, so a
    result arriving after the app is gone is dropped.
    """
    relay = _Relay(then, parent)

    def work() -> None:
        error: BaseException | None = None
        try:
            for name in modules:
                importlib.import_module(name)
        except BaseException as exc:  # reported to the GUI thread, never lost in a thread
            error = exc
        # RuntimeError: the relay went with its parent, because the app quit while
        # this thread was importing (a quit during start-up); nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            relay.done.emit(error)

    thread = threading.Thread(target=work, name="crampcoach-preload", daemon=True)
    thread.start()
    return thread
