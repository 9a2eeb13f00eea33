"""The tray menu drives the real app; without a tray the window is the app."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, WaterEvent
from crampcoach.qt import tray as tray_mod
from crampcoach.store import Store

# Both are the offscreen platform's, not ours: it implements neither
# QPlatformWindow::propagateSizeHints nor the native interface's tray signal
# that QSystemTrayIcon.show() connects to (the tray is simulated here).
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)

UTC_ZONE = ZoneInfo("UTC")  # the clock carries the zone: tzlocal is never asked


@pytest.fixture
def app(
    qtbot, qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from crampcoach.qt.app import App

    # No session bus: notifications fall back to the tray balloon or the toast.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={data_dir}/no-bus")
    clock = FakeClock(datetime(2026, 1, 5, 12, 10, tzinfo=UTC_ZONE))
    store = Store.open(data_dir, clock=clock)
    # Not the very first launch (whose quiet minutes tests/unit/reminders covers).
    store.set_setting("reminders_checked_until", clock.now().isoformat())
    a = App(store, data_dir, clock=clock, routines=[])
    qtbot.addWidget(a.main_window)
    a.calls = []  # type: ignore[attr-defined]
    for name in (
        "start_routine",
        "open_cramp_dialog",
        "open_review",
        "open_settings",
        "quit",
        "prepare_player",
    ):
        monkeypatch.setattr(a, name, lambda *args, _n=name: a.calls.append((_n, *args)))
    yield a
    if a.services is not None:
        a.services.stop()
    store.close()


def _services(app: Any, monkeypatch: pytest.MonkeyPatch, *, tray: bool) -> tray_mod.Services:
    monkeypatch.setattr(tray_mod, "tray_available", lambda: tray)
    app.services = tray_mod.start_background(app)
    return app.services


def test_tray_check_in_writes_last_night(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    services = _services(app, monkeypatch, tray=True)
    assert services.tray is not None
    (none, _cramps, _unknown) = services.tray.checkin_menu.actions()
    assert none.text() == "No cramps"
    none.trigger()
    (night,) = app.store.events(types=[EventType.NIGHT])
    assert night.cramps == 0


def test_tray_menu_actions(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    app.routines = {"bedtime": type("R", (), {"id": "bedtime", "title": "Bedtime stretches"})()}
    services = _services(app, monkeypatch, tray=True)
    assert services.has_tray and services.tray is not None
    t = services.tray
    assert not t.icon.icon().isNull()
    menu_texts = [a.text() for a in t.menu.actions() if not a.isSeparator()]
    assert menu_texts == [
        "Cramping now",
        "Start a routine",
        "Log a glass of water",
        "Log a cramp…",
        "How was last night?",
        "Pause reminders",
        "Weekly review",
        "Settings…",
        "Open CrampCoach",
        "Quit",
    ]
    assert "Next: hydration reminder 12:30" in t.icon.toolTip()
    assert "Water today: 0 ml of 1500 ml" in t.icon.toolTip()

    [start] = t.routine_actions()
    assert start.text() == "Bedtime stretches"
    start.trigger()
    t.action_cramp.trigger()
    t.action_review.trigger()
    t.action_settings.trigger()
    assert app.calls == [
        ("start_routine", "bedtime"),
        ("open_cramp_dialog",),
        ("open_review",),
        ("open_settings",),
    ]

    t.action_water.trigger()
    water = app.store.events(types=[EventType.WATER])
    assert [(type(e), e.ml) for e in water] == [(WaterEvent, 250)]
    assert "Water today: 250 ml of 1500 ml" in t.icon.toolTip()
    # the drink at 12:10 skips the 12:30 slot
    assert "Next: hydration reminder 14:00" in t.icon.toolTip()

    assert not t.action_resume.isEnabled()
    t.action_pause_hour.trigger()
    assert services.controller.paused_until == app.clock.now() + timedelta(hours=1)
    assert "Reminders paused until Mon 13:10" in t.icon.toolTip()
    assert t.action_resume.isEnabled()
    t.action_pause_tomorrow.trigger()
    assert services.controller.paused_until == datetime(2026, 1, 6, 4, 0, tzinfo=UTC_ZONE)
    t.action_resume.trigger()
    assert services.controller.paused_until is None

    t.action_quit.trigger()
    assert app.calls[-1] == ("quit",)


def test_opening_the_tray_menu_prepares_the_player(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A routine may start from the menu soon: the player's modules load off the
    # GUI thread now, not in the start's own round (issue 17's stalls).
    services = _services(app, monkeypatch, tray=True)
    assert services.tray is not None
    services.tray.menu.aboutToShow.emit()
    assert app.calls == [("prepare_player",)]


def test_with_a_tray_closing_the_window_hides_it(
    qtbot, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _services(app, monkeypatch, tray=True)
    app.main_window.show()
    assert app.main_window.hide_on_close
    quits: list[bool] = []
    app.main_window.quit_requested.connect(lambda: quits.append(True))
    app.main_window.close()
    assert not app.main_window.isVisible()
    assert quits == []


def test_without_a_tray_the_window_is_the_app(
    qtbot, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    services = _services(app, monkeypatch, tray=False)
    app.main_window.show()
    assert services.tray is None and not services.has_tray
    assert not app.main_window.hide_on_close
    notice = app.main_window.notice_label
    assert notice.isVisible() and "No system tray was found" in notice.text()
    assert "closing this window quits" in notice.text()
    # reminders still arrive, as a toast in the window, with their buttons
    app.clock.advance(20 * 60)  # 12:30, a hydration slot
    shown = services.controller.check()
    assert len(shown) == 1
    toast = services.controller.notifications.toast
    assert services.controller.notifications.last_backend == "toast"
    assert toast is not None and toast.isVisible() and toast.parentWidget() is app.main_window
    toast.buttons()["glass"].click()
    assert len(app.store.events(types=[EventType.WATER])) == 1
    # closing the window quits
    with qtbot.waitSignal(app.main_window.quit_requested, timeout=1000):
        app.main_window.close()


def test_without_a_tray_a_reminder_never_covers_a_running_session(
    qtbot, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The toast waits in the main window behind the player; it is raised only after."""
    from PySide6.QtWidgets import QWidget

    import crampcoach.qt.app as app_mod

    services = _services(app, monkeypatch, tray=False)
    raised: list[QWidget] = []
    monkeypatch.setattr(app_mod, "_raise", raised.append)
    player = QWidget()  # stands in for the player window of a session in progress
    qtbot.addWidget(player)
    player.show()
    app.player = player
    app.clock.advance(20 * 60)  # 12:30, a hydration slot
    assert len(services.controller.check()) == 1
    toast = services.controller.notifications.toast
    assert toast is not None and toast.parentWidget() is app.main_window
    assert app.main_window.isVisible() and raised == []
    player.close()
    app.player = None
    app.clock.advance(90 * 60)  # 14:00, the next slot, with no session running
    assert len(services.controller.check()) == 1
    assert raised == [app.main_window]


def test_a_setting_changed_over_ipc_replans_the_running_app(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = _services(app, monkeypatch, tray=True)
    plan = services.controller.plan
    assert plan["bedtime"] == datetime(2026, 1, 5, 22, 15, tzinfo=UTC_ZONE)
    # what `crampcoach settings set bedtime 23:30` sends when the app holds the lock
    reply = app.handle_request({"cmd": "set", "key": "bedtime", "value": "23:30"})
    assert reply == {"ok": True, "key": "bedtime", "value": "23:30"}
    assert plan["bedtime"] == datetime(2026, 1, 5, 23, 15, tzinfo=UTC_ZONE)
    assert "Next: hydration reminder 12:30" in services.tray.icon.toolTip()  # type: ignore[union-attr]
    app.handle_request({"cmd": "set", "key": "hydration_reminder", "value": False})
    assert "hydration" not in plan
    assert "Next: bedtime reminder 23:15" in services.tray.icon.toolTip()  # type: ignore[union-attr]


def test_a_settings_change_reaches_the_reminders_through_its_subscription(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = _services(app, monkeypatch, tray=False)
    assert "Next: hydration reminder 12:30" in services.controller.status_text()
    synced: list[bool] = []
    monkeypatch.setattr(tray_mod, "_sync_autostart", lambda s: synced.append(s.autostart))
    app.store.set_setting("hydration_reminder", False)
    app.reload_settings()  # what the dialog, the CLI over IPC and `settings set` end in
    assert "hydration" not in services.controller.plan
    assert synced == []  # the login entry is told only about "autostart"
    app.store.set_setting("autostart", True)
    app.reload_settings()
    assert synced == [True]
