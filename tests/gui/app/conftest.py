"""Fixtures for the app-shell GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crampcoach.core.clock import FakeClock
from tests.fakes import MemoryStore


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
    from crampcoach.qt.app import App
    from crampcoach.qt.launch import setup_qapplication

    setup_qapplication()
    made: list[Any] = []

    def make(store: Any = None, **kwargs: Any) -> Any:
        if store is None:
            from crampcoach.store import Store

            # The app's one clock, the store's too: the whole app on fake time.
            store = Store.open(data_dir, clock=kwargs.get("clock", fake_clock))
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
        for w in [app.reader, app.player, *app.windows.values()]:
            if w is not None:
                w.close()
        app.store.close()
