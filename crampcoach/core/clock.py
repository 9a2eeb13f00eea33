"""Time as a dependency: nothing below the composition root reads a global clock.

A clock carries the user's time zone (``tz``) with its daylight-saving rules,
so "today", the log day, the reminders and the review all agree on one zone.
The zone is found in one place, :func:`local_zone`, and only for the clock
the composition root makes (``crampcoach.cli.main``: ``SystemClock()``);
tests hand the root a :class:`FakeClock` and its zone instead.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    """What the core needs to know about time."""

    @property
    def tz(self) -> tzinfo:
        """The user's time zone (a real zone with DST rules, e.g. Europe/Berlin)."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for deadlines)."""
        ...

    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware, in :attr:`tz`."""
        ...


def local_zone() -> tzinfo:
    """The machine's time zone as a real zone (with its DST rules), not today's fixed offset.

    tzlocal reads ``$TZ``, then the system's settings (``/etc/localtime``,
    ``/etc/timezone``, systemd's timedated); a fixed offset only as the very
    last resort, when no zone name can be found.
    """
    try:
        import tzlocal  # apscheduler's own dependency

        # Read afresh, not tzlocal's process-wide cache: each root (one per
        # command, or per test) sees the zone as it is now, ``$TZ`` included.
        zone: tzinfo = tzlocal.reload_localzone()
        return zone
    except Exception:  # an unreadable or unknown zone name: never keep the app from starting
        fallback = datetime.now(UTC).astimezone().tzinfo
        return fallback if fallback is not None else UTC


class SystemClock:
    """The real clock, in the machine's zone (looked up once, by the composition root)."""

    def __init__(self, tz: tzinfo | None = None) -> None:
        """``tz`` defaults to :func:`local_zone`, looked up the first time it is needed.

        Lazily, so a command that never asks the time (``routines list``)
        does not pay for tzlocal.
        """
        self._tz = tz

    @property
    def tz(self) -> tzinfo:
        """The zone times are given in."""
        if self._tz is None:
            self._tz = local_zone()
        return self._tz

    def monotonic(self) -> float:
        """``time.monotonic()``."""
        return time.monotonic()

    def now(self) -> datetime:
        """Aware local time in :attr:`tz`."""
        return datetime.now(self.tz)


class FakeClock:
    """A clock that moves only when told; for tests and simulations.

    Its zone is ``tz``, else the start time's own zone.
    """

    def __init__(
        self, start: datetime | None = None, monotonic: float = 1000.0, tz: tzinfo | None = None
    ) -> None:
        self._now = start or datetime(2026, 1, 5, 21, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._tz: tzinfo = tz if tz is not None else self._now.tzinfo
        self._now = self._now.astimezone(self._tz)
        self._mono = monotonic

    @property
    def tz(self) -> tzinfo:
        """The zone times are given in."""
        return self._tz

    def monotonic(self) -> float:
        """The fake monotonic reading."""
        return self._mono

    def now(self) -> datetime:
        """The fake wall-clock time."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move both clocks forward."""
        self._mono += seconds
        self._wall(seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock (a clock change or NTP correction)."""
        self._wall(seconds)

    def _wall(self, seconds: float) -> None:
        # In UTC: adding to a zoned time adds wall time, an hour off across DST.
        self._now = (self._now.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(self._tz)
