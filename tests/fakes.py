"""Fakes for the app's public seams.

A timer factory whose timers fire only when told, wall-clock alarms likewise, a tray icon that records
its balloons, and fake stores that each
satisfy ``crampcoach.core.journal.Store`` (``tests/unit/journal/test_journal.py``
proves it: every method of the protocol is here with the real store's signature).
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from crampcoach.core import settings as settings_mod
from crampcoach.core.events import Event, EventType, SessionEvent
from crampcoach.core.journal import ImportCounts
from crampcoach.store import StoreWriteError


@dataclass
class FakeTimer:
    """A timer that records how it was armed; :meth:`fire` runs its callback.

    A bound method is held by a weak reference to its object, as a QTimer's
    connection holds a QObject's slot: a window keeps its timers, and a timer
    holding the window would make a cycle the real one does not.
    """

    callback: Callable[[], object] | weakref.WeakMethod[Callable[[], object]]
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
        callback = self.callback
        if isinstance(callback, weakref.WeakMethod):
            callback = callback()
            assert callback is not None, "fired a timer whose owner is gone"
        callback()


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
        held = weakref.WeakMethod(callback) if inspect.ismethod(callback) else callback
        timer = FakeTimer(held, single_shot, precise, coarse)
        self.made.append(timer)
        return timer


@dataclass
class FakeAlarm:
    """A wall-clock alarm (``crampcoach.qt.wall_alarm.Alarm``) that fires only when told."""

    callback: Callable[[], object]
    after_s: float | None = None  # the last arm(); None: disarmed
    arms: int = 0
    closed: bool = False

    def arm(self, after_s: float | None) -> None:
        assert not self.closed, "armed a closed alarm"
        self.after_s = after_s
        self.arms += 1

    def close(self) -> None:
        self.closed, self.after_s = True, None

    def fire(self) -> None:
        """What the kernel does at the armed wall time, on resume past it, or on a clock set."""
        assert not self.closed, "fired a closed alarm"
        self.after_s = None
        self.callback()


@dataclass
class FakeAlarms:
    """An alarm factory (``crampcoach.qt.wall_alarm.AlarmFactory``) that keeps what it made."""

    made: list[FakeAlarm] = field(default_factory=list)

    def __call__(self, parent: QObject, callback: Callable[[], object]) -> FakeAlarm:
        alarm = FakeAlarm(callback)
        self.made.append(alarm)
        return alarm


class MemoryStore:
    """The Store contract in memory, for tests that must not depend on disk timing."""

    def __init__(self) -> None:
        self.recovery: list[str] = []
        self._events: dict[str, Event] = {}
        self._settings: dict[str, Any] = {}
        self.closed = False
        self.own_dir = Path("/nonexistent/crampcoach-memory-store")  # no folder: nothing to watch

    def add(self, event: Event) -> None:
        self._events[event.id] = event

    def update(self, event: Event) -> None:
        self._events[event.id] = event

    def delete(self, event_id: str) -> Event:
        return self._events.pop(event_id)

    def discard(self, event_id: str) -> None:
        """Nothing is ever pending in memory."""

    def flush(self) -> None:
        """Nothing is ever pending in memory."""

    def untold(self) -> list[str]:
        """Repair lines not handed out yet, as the real store gives them: each once."""
        told = getattr(self, "_told", 0)
        self._told = len(self.recovery)
        return self.recovery[told:]

    def get(self, event_id: str) -> Event | None:
        return self._events.get(event_id)

    def events(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        types: Collection[EventType] | None = None,
    ) -> list[Event]:
        out = [
            e
            for e in self._events.values()
            if (start is None or e.at >= start)
            and (end is None or e.at < end)
            and (types is None or e.type in types)
        ]
        return sorted(out, key=lambda e: e.at)

    def import_events(self, events: Sequence[Event]) -> ImportCounts:
        """New ids are added (through ``add``, so a broken disk refuses them), known ones counted."""
        counts = ImportCounts()
        for event in events:
            here = self.get(event.id)
            if here is None:
                self.add(event)
                counts.new += 1
            elif here.to_dict() == event.to_dict():
                counts.same += 1
            else:
                counts.newer_elsewhere += 1
        return counts

    def last_sessions(self, since: datetime) -> dict[str, datetime]:
        last: dict[str, datetime] = {}
        for e in self.events(start=since, types=[EventType.SESSION]):
            assert isinstance(e, SessionEvent)
            last[e.routine_id] = max(e.at, last.get(e.routine_id, e.at))
        return last

    def settings(self) -> settings_mod.Settings:
        return settings_mod.merged(self._settings)

    def set_setting(self, key: str, value: Any) -> Any:
        converted = settings_mod.validate(key, value)
        self._settings[key] = converted
        return converted

    def discard_setting(self, key: str) -> None:
        """Nothing is ever pending in memory."""

    def refresh(self) -> bool:
        """Nothing else writes to memory: never a change from outside."""
        return False

    def watch_paths(self) -> list[Path]:
        """No folders to watch."""
        return []

    def close(self) -> None:
        self.closed = True


class FailingStore(MemoryStore):
    """A store whose disk is full until ``broken`` is cleared; keeps changes pending like the real one."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: dict[str, Event | None] = {}
        self.pending_settings: dict[str, Any] = {}
        self.broken = True

    @property
    def saved(self) -> list[Event]:
        return list(self._events.values())

    def add(self, event: Event) -> None:
        self.pending[event.id] = event
        self.flush()

    def update(self, event: Event) -> None:
        self.add(event)

    def delete(self, event_id: str) -> Event:
        existing = self.get(event_id)
        if existing is None:
            raise KeyError(event_id)
        self.pending[event_id] = None
        self.flush()
        return existing

    def get(self, event_id: str) -> Event | None:
        if event_id in self.pending:
            return self.pending[event_id]
        return super().get(event_id)

    def discard(self, event_id: str) -> None:
        self.pending.pop(event_id, None)

    def set_setting(self, key: str, value: Any) -> Any:
        converted = settings_mod.validate(key, value)
        self.pending_settings[key] = converted
        self.flush()
        return converted

    def discard_setting(self, key: str) -> None:
        self.pending_settings.pop(key, None)

    def settings(self) -> settings_mod.Settings:
        return settings_mod.merged({**self._settings, **self.pending_settings})

    def flush(self) -> None:
        if self.broken:
            raise StoreWriteError("no space left on device", 28)
        for eid, ev in self.pending.items():
            if ev is None:
                self._events.pop(eid, None)
            else:
                self._events[eid] = ev
        self._settings.update(self.pending_settings)
        self.pending.clear()
        self.pending_settings.clear()


class RecordingTray(QSystemTrayIcon):
    """A tray icon that is 'visible' and records balloons (offscreen has no tray host)."""

    def __init__(self) -> None:
        super().__init__(QIcon())
        self.balloons: list[tuple[str, str]] = []

    def isVisible(self) -> bool:
        return True

    def showMessage(self, title: str, body: str, *args: Any) -> None:  # type: ignore[override]
        self.balloons.append((title, body))
