"""A day in the tray: the main window is built when first opened and released when closed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType
from crampcoach.core.routines import load_all
from crampcoach.qt import tray as tray_mod
from crampcoach.qt.app import MAIN_WINDOW_MODULES
from crampcoach.store import Store
from tests.gui.windows import opened_review

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)
UTC_ZONE = ZoneInfo("UTC")


@pytest.fixture
def app(
    qtbot: Any, qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    from crampcoach.qt.app import App

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={data_dir}/no-bus")
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(tray_mod, "tray_available", lambda: True)
    clock = FakeClock(datetime(2026, 1, 5, 12, 10, tzinfo=UTC_ZONE))
    store = Store.open(data_dir, clock=clock)
    a = App(store, data_dir, clock=clock, routines=load_all().routines)
    yield a
    if a.services is not None:
        a.services.stop()
    for w in [a.player, *a.windows.values()]:
        if w is not None:
            w.close()
    if a.main_window_built:
        a.main_window.hide_on_close = False
        a.main_window.close()
    store.close()


def _start_hidden(app: Any, qtbot: Any) -> None:
    app.start_hidden()
    qtbot.waitUntil(lambda: app.services is not None)  # its modules load off the GUI thread


def test_a_hidden_start_builds_no_main_window(app: Any, qtbot: Any) -> None:
    _start_hidden(app, qtbot)
    assert app.services.has_tray
    assert not app.main_window_built
    # Asking about it over IPC does not build it either.
    assert app.handle_request({"cmd": "status"})["window_visible"] is False
    assert not app.main_window_built


def test_closing_into_the_tray_releases_it_and_opening_builds_a_new_one(
    app: Any, qtbot: Any
) -> None:
    _start_hidden(app, qtbot)
    app.services.tray.hooks.show_main_window()  # the tray's "Open CrampCoach"
    qtbot.waitUntil(lambda: app.main_window_built and app.main_window.isVisible())
    first = app.main_window
    assert first.isVisible() and first.hide_on_close
    assert first.routine_ids()  # filled with its routines when built
    gone: list[bool] = []
    first.destroyed.connect(lambda *_: gone.append(True))
    first.close()
    assert not app.main_window_built
    qtbot.waitUntil(lambda: gone == [True])  # deleted, not just hidden
    app.services.tray.hooks.show_main_window()
    qtbot.waitUntil(lambda: app.main_window_built and app.main_window.isVisible())
    second = app.main_window
    assert second.isVisible() and second.hide_on_close
    assert second.routine_ids() == [r for r in app.routines]


def test_tray_actions_need_no_main_window(app: Any, qtbot: Any) -> None:
    _start_hidden(app, qtbot)
    event = app.log_water()  # "Log a glass of water" from the tray menu
    assert event is not None
    assert len(app.store.events(types=[EventType.WATER])) == 1
    review = opened_review(app, qtbot)
    assert review.isVisible() and review.parent() is None
    assert not app.main_window_built
    # What the app wanted to say while it had no window is shown when it has one.
    app.start_routine("no-such-routine")
    assert not app.main_window_built
    app.show_main_window()
    assert "no-such-routine" in app.main_window.statusBar().currentMessage()


def test_a_hidden_start_measures_the_cards_pictures_before_the_first_click(
    app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcoach.core import poses

    monkeypatch.setattr(poses, "_MOVE_BOUNDS", {})
    measured_on: list[str] = []
    real = poses.figure

    def counting(*args: Any, **kwargs: Any) -> Any:
        measured_on.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(poses, "figure", counting)
    _start_hidden(app, qtbot)
    pictures = [
        p
        for r in app.routines.values()
        for s in r.steps
        if (p := poses.for_step(s.pose, s.frames, s.cycle_s)) is not None
    ]
    assert any(p.moves for p in pictures)  # the built-in routines have moving pictures
    every = {f"16 {p!r}" for p in pictures}  # move_bounds' keys
    qtbot.waitUntil(lambda: every <= set(poses._MOVE_BOUNDS))
    assert set(measured_on) == {"crampcoach-preload"}  # measured off the GUI thread
    known = dict(poses._MOVE_BOUNDS)
    app.show_main_window()  # the tray's first click
    app.main_window.grab()  # its first paint draws every card's pictures
    assert known == poses._MOVE_BOUNDS  # nothing left to measure while painting


def test_a_hidden_start_readies_the_main_windows_modules_before_the_first_click(
    app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    from crampcoach.qt import forms

    done_on: list[tuple[str, str]] = []
    real_import, real_warm = importlib.import_module, forms.warm_window_types

    def spy(name: str, package: str | None = None) -> Any:
        done_on.append((name, threading.current_thread().name))
        return real_import(name, package)

    def warm() -> None:
        done_on.append(("form types", threading.current_thread().name))
        real_warm()

    monkeypatch.setattr(importlib, "import_module", spy)
    monkeypatch.setattr(forms, "warm_window_types", warm)
    _start_hidden(app, qtbot)
    wanted = {*MAIN_WINDOW_MODULES, "form types"}
    qtbot.waitUntil(lambda: wanted <= {name for name, _thread in done_on})
    assert {thread for name, thread in done_on if name in wanted} == {"crampcoach-preload"}
    assert not app.main_window_built  # ready to build, not built


def test_the_trays_click_builds_the_main_window_in_rounds_and_once(
    app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcoach.qt import preload

    _start_hidden(app, qtbot)
    imported_on: list[str] = []
    real = preload.importlib.import_module

    def spy(name: str) -> Any:
        if name in MAIN_WINDOW_MODULES:
            imported_on.append(threading.current_thread().name)
        return real(name)

    monkeypatch.setattr(preload.importlib, "import_module", spy)
    built: list[Any] = []
    monkeypatch.setattr(app, "_build_main_window", _recording(app._build_main_window, built))
    app.services.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    app.services.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)  # again
    assert not app.main_window_built  # nothing built in the click's own round
    qtbot.waitUntil(lambda: app.main_window_built and app.main_window.isVisible())
    assert set(imported_on) == {"crampcoach-preload"}
    assert len(built) == 1  # the second click waited for the same window
    assert app.main_window.routine_ids() == list(app.routines)  # filled from the log


def test_the_trays_click_draws_the_cards_pictures_before_the_window_shows(
    app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a round of their own, not in the first paint (which they made the longest round)."""
    from crampcoach.qt import pose_view

    _start_hidden(app, qtbot)
    shown_when_drawn: list[bool] = []
    real = pose_view.paint_pose

    def counting(*args: Any, **kwargs: Any) -> None:
        shown_when_drawn.append(app.main_window_built and app.main_window.isVisible())
        real(*args, **kwargs)

    monkeypatch.setattr(pose_view, "paint_pose", counting)
    app.services.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    qtbot.waitUntil(lambda: app.main_window_built and app.main_window.isVisible())
    pictures = sum(len(r.steps) for r in app.routines.values())
    assert shown_when_drawn == [False] * pictures
    app.main_window.resize(1280, 800)
    app.main_window.grab()  # its first paint copies them
    assert len(shown_when_drawn) == pictures


def _recording(fn: Any, calls: list[Any]) -> Any:
    def wrapper() -> Any:
        calls.append(fn)
        return fn()

    return wrapper


def test_a_closed_player_is_freed_by_reference_counts_not_the_cycle_collector(
    app: Any, qtbot: Any
) -> None:
    """With automatic collection off, a played-and-closed player goes at once.

    Left to the cycle collector, a closed player was freed wherever a
    collection happened to start: inside another window's paint event, which
    deleted a widget Qt was painting (a crash in QPainter).
    """
    import gc
    import weakref

    _start_hidden(app, qtbot)
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        assert app.start_routine("bedtime")
        qtbot.waitUntil(lambda: app.player is not None and app.player.isVisible())
        player = weakref.ref(app.player)
        gone: list[bool] = []
        app.player.destroyed.connect(lambda *_: gone.append(True))
        app.player.close()
        qtbot.waitUntil(lambda: gone == [True])  # Qt deleted it
        qtbot.waitUntil(lambda: player() is None)  # and no cycle keeps the Python side
    finally:
        if was_enabled:
            gc.enable()
