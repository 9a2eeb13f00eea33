"""Fixtures: a real Store on the test's data folder, a fake clock, fake timers, the toast."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from crampcoach.core.clock import FakeClock
from crampcoach.qt.notify import Notifications
from crampcoach.qt.reminders import Hooks, ReminderController
from crampcoach.qt.wall_alarm import AlarmFactory
from crampcoach.store import Store
from tests.fakes import FakeAlarms, FakeTimers

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Calls:
    started: list[str] = field(default_factory=list)
    windows: int = 0
    reviews: int = 0


@dataclass
class Rig:
    store: Store
    clock: FakeClock
    controller: ReminderController
    notifications: Notifications
    window: QWidget
    calls: Calls
    timers: FakeTimers
    alarms: FakeAlarms


def make_rig(qtbot, data_dir: Path, store: Store, clock: FakeClock, *, alarms: bool = True) -> Rig:  # type: ignore[no-untyped-def]
    """``alarms=False``: a system without a wall-clock alarm (the reminders poll)."""
    window = QWidget()
    window.resize(600, 400)
    qtbot.addWidget(window)
    calls = Calls()
    timers = FakeTimers()
    notes = Notifications(use_dbus=False, toast_parent=lambda: window, timers=timers)
    hooks = Hooks(
        start_routine=calls.started.append,
        show_main_window=lambda: (window.show(), setattr(calls, "windows", calls.windows + 1)),
        open_review=lambda: setattr(calls, "reviews", calls.reviews + 1),
        dialog_parent=lambda: window,
    )
    made = FakeAlarms()
    factory: AlarmFactory = made if alarms else (lambda _parent, _callback: None)
    controller = ReminderController(
        store, store.settings, notes, clock=clock, hooks=hooks, timers=timers, alarms=factory
    )
    return Rig(store, clock, controller, notes, window, calls, timers, made)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 1, 5, 12, 0, tzinfo=BERLIN))


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Iterator[Store]:
    s = Store.open(data_dir, clock=clock)
    yield s
    s.close()


@pytest.fixture
def rig(qtbot, qapp: QApplication, data_dir: Path, store: Store, clock: FakeClock) -> Iterator[Rig]:  # type: ignore[no-untyped-def]
    r = make_rig(qtbot, data_dir, store, clock)
    yield r
    r.controller.stop()
