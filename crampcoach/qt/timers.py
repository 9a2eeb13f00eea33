"""Timers as a seam: widgets and adapters ask a factory for their timers.

The app passes :func:`qt_timer` (a parented ``QTimer``); tests pass a fake
that records how each timer was armed and fires it when told, so no test
reaches into a widget's private timers or waits for real time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer


class Timer(Protocol):
    """The part of ``QTimer`` the app uses."""

    def start(self, msec: int) -> None:
        """(Re)start: fire after ``msec`` (and every ``msec`` unless single-shot)."""
        ...

    def stop(self) -> None:
        """Stop; nothing fires until started again."""
        ...

    def isActive(self) -> bool:
        """Whether it will fire."""
        ...


class TimerFactory(Protocol):
    """Makes a timer owned by ``parent`` that calls ``callback`` when it fires.

    ``single_shot``: fires once per start.  ``precise``: millisecond accuracy
    (deadlines); otherwise the platform may coalesce it with other wake-ups
    (``coarse``: to the second, for periodic checks).
    """

    def __call__(
        self,
        parent: QObject,
        callback: Callable[[], object],
        *,
        single_shot: bool = ...,
        precise: bool = ...,
        coarse: bool = ...,
    ) -> Timer:
        """A new, stopped timer."""
        ...


#: Qt timers take an int of milliseconds.
MAX_MS = 2**31 - 1


def qt_timer(
    parent: QObject,
    callback: Callable[[], object],
    *,
    single_shot: bool = True,
    precise: bool = False,
    coarse: bool = False,
) -> QTimer:
    """A ``QTimer`` owned by ``parent`` (it dies with it)."""
    timer = QTimer(parent)
    timer.setSingleShot(single_shot)
    if precise or coarse:
        # Here, not at the top: PySide builds the whole ``Qt`` namespace on its
        # first import (17-27 ms), which a --hidden start pays after its tray
        # icon shows, not before.
        from PySide6.QtCore import Qt
    if precise:
        timer.setTimerType(Qt.TimerType.PreciseTimer)
    elif coarse:
        timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
    timer.timeout.connect(callback)
    return timer
