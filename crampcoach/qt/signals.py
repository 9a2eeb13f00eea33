"""Python signal handlers that run promptly while Qt's C++ event loop waits (SIGTERM, SIGINT)."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier


class SignalWaker(QObject):
    """Run Python signal handlers promptly while Qt's C++ loop is waiting.

    Python queues a handler until the interpreter runs again, which may be
    never while ``exec()`` sits in C++.  ``signal.set_wakeup_fd`` writes a byte
    to a pipe on each signal; a QSocketNotifier on the other end wakes
    the loop, and any Python code running lets the handler run.  No polling
    timer, so no idle wake-ups.
    """

    def __init__(self, on_signal: Callable[[int], None]) -> None:
        super().__init__()
        # A pipe, not a socket pair: same effect, and no ``socket`` import at start-up.
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous_fd = signal.set_wakeup_fd(self._write)
        self._previous: dict[int, Any] = {}
        for sig in (signal.SIGTERM, signal.SIGINT):
            self._previous[sig] = signal.signal(sig, lambda num, _frame: on_signal(num))

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError, OSError):
            os.read(self._read, 256)

    def close(self) -> None:
        """Restore the previous handlers and wake-up fd."""
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        os.close(self._read)
        os.close(self._write)
