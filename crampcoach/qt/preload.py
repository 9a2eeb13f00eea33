"""Import heavy modules on a worker thread, then carry on in the GUI thread.

Importing the reminder services (apscheduler's triggers, without the asyncio
and importlib.metadata they would pull in: ``core.triggers``) takes 0.1–0.2 s on an
idle machine and over a second on a loaded one.  Done in the GUI thread that
is a frozen window and a tray menu that does not open.  On a worker thread
the GUI thread only waits for the interpreter lock, which Python hands over
every few milliseconds (``sys.getswitchinterval``), so the loop keeps
running; the objects are then built in the GUI thread as before.

Off the GUI thread only modules are imported and the log read (a window's data,
``call_then``): no QObject is created there.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject, Signal, Slot

T = TypeVar("T")


class _Relay(QObject):
    """Carries the worker's result into the GUI thread: a queued signal to a slot of its own."""

    done = Signal(object, object)  # the work's result, and None or the exception it raised

    def __init__(
        self, then: Callable[[object, BaseException | None], None], parent: QObject
    ) -> None:
        super().__init__(parent)  # lives in the GUI thread, so ``done`` is queued to it
        self._then = then
        self.done.connect(self._finish)

    @Slot(object, object)
    def _finish(self, result: object, error: BaseException | None) -> None:
        self.deleteLater()
        self._then(result, error)


def call_then(
    work: Callable[[], T],
    then: Callable[[T | None, BaseException | None], None],
    parent: QObject,
) -> threading.Thread:
    """Run ``work()`` on a worker thread; call ``then(result, error)`` in the GUI thread after.

    ``work`` may import modules and read the log (the store locks itself), never
    create a QObject.  ``error`` is None when it returned, else what it raised
    (``result`` is then None: the caller decides what the user sees).
    ``parent`` owns the relay, so a result arriving after the app is gone is dropped.
    """
    relay = _Relay(then, parent)  # type: ignore[arg-type]  # T is erased in the signal

    def run() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = work()
        except BaseException as exc:  # reported to the GUI thread, never lost in a thread
            error = exc
        # RuntimeError: the relay went with its parent, because the app quit while
        # this thread was working (a quit during start-up); nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            relay.done.emit(result, error)

    thread = threading.Thread(target=run, name="crampcoach-preload", daemon=True)
    thread.start()
    return thread


def import_then(
    modules: Sequence[str],
    then: Callable[[BaseException | None], None],
    parent: QObject,
    *,
    forms: bool = False,
) -> threading.Thread:
    """Import ``modules`` on a worker thread; call ``then(error)`` in the GUI thread after.

    ``error`` is None when every import worked, else the first exception.
    ``forms``: see :func:`load`.
    """
    return call_then(lambda: load(modules, forms=forms), lambda _none, error: then(error), parent)


def load(modules: Sequence[str], *, forms: bool = False) -> None:
    """Import ``modules`` (on a worker: the work of :func:`import_then`, or part of a ``call_then``).

    ``forms``: a window with a form comes next, so also build the Python types
    its first load would build in the GUI thread (``forms.warm_window_types``).
    """
    for name in modules:
        importlib.import_module(name)
    if forms:
        importlib.import_module("crampcoach.qt.forms").warm_window_types()
