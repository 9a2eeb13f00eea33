"""Time as a dependency: the engine and reminders never read a global clock."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """What the core needs to know about time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for deadlines)."""
        ...

    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware (for timestamps)."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        """``time.monotonic()``."""
        return time.monotonic()

    def now(self) -> datetime:
        """Aware local time."""
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock that moves only when told; for tests and simulations."""

    def __init__(self, start: datetime | None = None, monotonic: float = 1000.0) -> None:
        self._now = start or datetime(2026, 1, 5, 21, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._mono = monotonic

    def monotonic(self) -> float:
        """The fake monotonic reading."""
        return self._mono

    def now(self) -> datetime:
        """The fake wall-clock time."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move both clocks forward."""
        self._mono += seconds
        self._now += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock (a clock change or NTP correction)."""
        self._now += timedelta(seconds=seconds)
