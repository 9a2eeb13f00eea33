"""The application context: what every part of the running app shares, made once.

The composition root (``crampcoach.qt.launch.run``, or a test) builds one
:class:`AppContext` and passes it down; nothing below it looks up the clock,
the zone or the settings on its own, so the whole app runs on a fake clock in
a test by handing it a context with a ``FakeClock``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any, Protocol

from crampcoach.core.clock import Clock
from crampcoach.core.events import Event, EventSource
from crampcoach.core.settings import LiveSettings, Settings


class ReminderLog(EventSource, Protocol):
    """What the reminder engine needs of the log (the Store is one)."""

    def add(self, event: Event) -> object:
        """Append an event."""
        ...

    def update(self, event: Event) -> object:
        """Replace the event with the same id."""
        ...

    def set_setting(self, key: str, value: Any) -> object:
        """Validate and store one setting."""
        ...


class EventLog(ReminderLog, Protocol):
    """The log as the app's parts use it (``crampcoach.store.Store`` is one)."""

    def settings(self) -> Settings:
        """The stored settings merged with the defaults."""
        ...


@dataclass(frozen=True, slots=True)
class AppContext:
    """One clock (with the zone), the live settings, the log and the data folder."""

    clock: Clock
    settings: LiveSettings
    log: EventLog
    data_dir: Path

    @property
    def tz(self) -> tzinfo:
        """The user's zone (the clock's)."""
        return self.clock.tz

    @classmethod
    def for_log(cls, log: EventLog, data_dir: Path, clock: Clock) -> AppContext:
        """A context whose settings are read from ``log``."""
        return cls(clock, LiveSettings(log.settings), log, data_dir)
