"""Fixtures for the app-shell GUI tests."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crampcoach.core import settings as settings_mod
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import Event, EventType, SessionEvent


class MemoryStore:
    """The Store contract in memory, for tests that must not depend on disk timing."""

    def __init__(self) -> None:
        self.recovery: list[str] = []
        self._events: dict[str, Event] = {}
        self._settings: dict[str, Any] = {}
        self.closed = False

    def add(self, event: Event) -> None:
        self._events[event.id] = event

    def update(self, event: Event) -> None:
        self._events[event.id] = event

    def delete(self, event_id: str) -> Event:
        return self._events.pop(event_id)

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

    def last_sessions(self, since: datetime) -> dict[str, datetime]:
        last: dict[str, datetime] = {}
        for e in self.events(start=since, types=[EventType.SESSION]):
            assert isinstance(e, SessionEvent)
            last[e.routine_id] = max(e.at, last.get(e.routine_id, e.at))
        return last

    def settings(self) -> dict[str, Any]:
        return settings_mod.merged(self._settings)

    def set_setting(self, key: str, value: Any) -> Any:
        converted = settings_mod.validate(key, value)
        self._settings[key] = converted
        return converted

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def memory_store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def fake_clock() -> FakeClock:
    # Local wall time of the test machine, so "today" matches the app's idea of it.
    return FakeClock(datetime(2026, 3, 10, 20, 0).astimezone())


@pytest.fixture
def make_app(qtbot: Any, data_dir: Path, fake_clock: FakeClock) -> Iterator[Any]:
    """Build an App around a store (the real one by default) and tear it down after."""
    from crampcoach.qt.app import App, setup_qapplication

    setup_qapplication()
    made: list[Any] = []

    def make(store: Any = None, **kwargs: Any) -> Any:
        if store is None:
            from crampcoach.store import Store

            store = Store.open(data_dir)
        kwargs.setdefault("clock", fake_clock)
        kwargs.setdefault("background", False)  # no tray/reminder timers in these tests
        app = App(store, data_dir, **kwargs)
        qtbot.addWidget(app.main_window)
        made.append(app)
        return app

    yield make
    for app in made:
        if app.ipc_server is not None:
            app.ipc_server.close()
        for w in [app.reader, app.player, *app._windows.values()]:
            if w is not None:
                w.close()
        app.store.close()
