"""Fakes for the app's public seams: a timer factory whose timers fire only when told."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject


@dataclass
class FakeTimer:
    """A timer that records how it was armed; :meth:`fire` runs its callback."""

    callback: Callable[[], object]
    single_shot: bool = True
    precise: bool = False
    coarse: bool = False
    ms: int | None = None  # the last start()'s interval
    active: bool = False
    starts: int = 0

    def start(self, msec: int) -> None:
        self.ms, self.active = msec, True
        self.starts += 1

    def stop(self) -> None:
        self.active = False

    def isActive(self) -> bool:
        return self.active

    def fire(self) -> None:
        """What Qt does when the interval ran out."""
        assert self.active, "fired a timer that is not running"
        if self.single_shot:
            self.active = False
        self.callback()


@dataclass
class FakeTimers:
    """A timer factory (``crampcoach.qt.timers.TimerFactory``) that keeps what it made, in order."""

    made: list[FakeTimer] = field(default_factory=list)

    def __call__(
        self,
        parent: QObject,
        callback: Callable[[], object],
        *,
        single_shot: bool = True,
        precise: bool = False,
        coarse: bool = False,
    ) -> FakeTimer:
        timer = FakeTimer(callback, single_shot, precise, coarse)
        self.made.append(timer)
        return timer
