"""``crampcoach --hidden`` shows its tray icon before the store and the app's own modules load.

The icon comes right after the QApplication (``tray_icon.early_icon``), once
the store's lock is seen free; the store is opened after it, the App, the
store's readers, the routines and the reminders are imported on a worker
after that, and the tray then takes over that same icon: one icon, never
two, and the reminders still start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from crampcoach.core.clock import FakeClock
from crampcoach.qt import launch, tray_icon
from crampcoach.qt import tray as tray_mod
from crampcoach.store import Store

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)

# Records what is imported when the first tray icon is shown, then ends the process.
AT_FIRST_ICON = """
import json, os, sys
from PySide6.QtWidgets import QSystemTrayIcon
QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)
def show(self):
    import PySide6.QtCore
    names = sorted(sys.modules)
    if "Qt" in vars(PySide6.QtCore):  # PySide builds this namespace on its first import
        names.append("PySide6.QtCore.Qt")
    print(json.dumps(names), flush=True)
    os._exit(0)
QSystemTrayIcon.show = show
from crampcoach.cli import main
main(["--hidden"])
"""

NOT_BEFORE_THE_ICON = (
    "crampcoach.qt.app",
    "crampcoach.core.day",
    "crampcoach.core.library",
    "crampcoach.core.context",
    "crampcoach.qt.reminders",
    "crampcoach.qt.tray",
    "PySide6.QtCore.Qt",  # 17-66 ms: the first import of PySide's Qt namespace
    "crampcoach.store.store",  # the store itself (20 ms) and opening it (10 ms) come after
    "tinydb",
)


def test_the_hidden_start_shows_the_icon_before_the_apps_modules(data_dir: Path) -> None:
    env = dict(os.environ, CRAMPCOACH_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    env.pop("CRAMPCOACH_BENCH_EXIT_ON_SHOWN", None)
    env.pop("CRAMPCOACH_PROBE_DIR", None)
    out = subprocess.run(
        [sys.executable, "-c", AT_FIRST_ICON],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    loaded = set(json.loads(out.stdout.splitlines()[-1]))
    assert "crampcoach.qt.launch" in loaded  # it was the launch that showed it
    # The lock is looked at first: a second start hands over and shows no icon.
    assert "crampcoach.store.lock" in loaded
    early = sorted(m for m in NOT_BEFORE_THE_ICON if m in loaded)
    assert early == [], f"imported before the tray icon showed: {early}"


# Records what is imported once the tray and the reminders run, then ends the process.
AT_SERVICES = """
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSystemTrayIcon
QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)
from crampcoach.qt import tray
real = tray.start_background
def start_background(app):
    services = real(app)
    def report():
        print(json.dumps([services.controller.engine.started, sorted(sys.modules)]))
        sys.stdout.flush()
        os._exit(0)
    QTimer.singleShot(0, report)
    return services
tray.start_background = start_background
from crampcoach.cli import main
main(["--hidden"])
"""


def test_idle_in_the_tray_with_no_reminder_near_the_bus_library_is_not_loaded(
    data_dir: Path,
) -> None:
    # jeepney (about 1 MiB) is loaded when a routine may start or a reminder is
    # near (tests/gui/reminders/test_controller.py), not for a tray that waits.
    store = Store.open(
        data_dir, clock=FakeClock(datetime(2026, 1, 5, 12, 10, tzinfo=ZoneInfo("UTC")))
    )
    for key in ("bedtime_reminder", "hydration_reminder", "review_reminder", "morning_checkin"):
        store.set_setting(key, False)  # nothing due soon, whatever the time of day
    store.close()
    env = dict(os.environ, CRAMPCOACH_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    env.pop("CRAMPCOACH_BENCH_EXIT_ON_SHOWN", None)
    env.pop("CRAMPCOACH_PROBE_DIR", None)
    out = subprocess.run(
        [sys.executable, "-c", AT_SERVICES], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    running, loaded = json.loads(out.stdout.splitlines()[-1])
    assert running  # the reminders started: this is the idle tray, not an early exit
    assert "crampcoach.qt.notify" in loaded
    assert "jeepney" not in loaded


def test_the_tray_takes_over_the_early_icon_and_reminders_start(
    qtbot: Any, qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={data_dir}/no-bus")
    monkeypatch.setenv("CRAMPCOACH_PROBE_DIR", str(data_dir.parent / "probe"))  # the benchmark's
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(tray_mod, "tray_available", lambda: True)
    monkeypatch.setattr(tray_icon, "tray_available", lambda: True)
    shown: list[QSystemTrayIcon] = []
    real = tray_icon.early_icon

    def early() -> QSystemTrayIcon | None:
        icon = real()
        if icon is not None:
            shown.append(icon)
        return icon

    monkeypatch.setattr(tray_icon, "early_icon", early)
    clock = FakeClock(datetime(2026, 1, 5, 12, 10, tzinfo=ZoneInfo("UTC")))
    store = Store.open(data_dir, clock=clock)
    settled: list[bool] = []  # the cycle collector: start-up's objects set aside, then it runs
    started = launch._Launch(
        store,
        data_dir,
        clock,
        on_services=lambda: settled.append(
            started.app is not None and started.app.services is not None
        ),
    )
    try:
        started.start_hidden(qapp, tray_icon.early_icon())
        assert len(shown) == 1 and shown[0].isVisible()
        assert started.app is None  # its modules load on a worker, after the icon
        assert settled == []  # not while the worker imports: only once the services run
        qtbot.waitUntil(lambda: started.app is not None and started.app.services is not None)
        app = started.app
        assert app is not None and app.services is not None
        assert app.services.has_tray
        assert app.services.tray is not None and app.services.tray.icon is shown[0]
        assert shown[0].contextMenu() is app.services.tray.menu
        controller = app.services.controller
        assert controller.engine.started  # the reminders run
        assert (
            controller.alarm is not None and controller.clock_timer is None
        )  # on the kernel's clock
        qtbot.waitUntil(lambda: settled == [True])  # once, with the services up
        assert app.ipc_server is not None  # other launches are answered
        assert not app.main_window_built
        assert started.probe is not None and started.probe.app is app  # installed with the App
    finally:
        if started.app is not None and started.app.services is not None:
            started.app.services.stop()
        started.close()
        store.close()


def test_a_quit_before_the_app_is_built_ends_without_building_it(
    qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcoach.qt import preload

    monkeypatch.delenv("CRAMPCOACH_PROBE_DIR", raising=False)
    monkeypatch.setattr(tray_icon, "tray_available", lambda: True)
    arrived: list[Any] = []  # the worker's callback, called by hand below
    monkeypatch.setattr(preload, "import_then", lambda _mods, then, _parent: arrived.append(then))
    clock = FakeClock(datetime(2026, 1, 5, 12, 10, tzinfo=ZoneInfo("UTC")))
    store = Store.open(data_dir, clock=clock)
    started = launch._Launch(store, data_dir, clock)
    built: list[bool] = []
    monkeypatch.setattr(started, "build", lambda: built.append(True))
    try:
        started.start_hidden(qapp, tray_icon.early_icon())
        started.quit()  # SIGTERM at login, before the modules arrived
        assert started.quitting
        arrived[0](None)  # the modules arrive: dropped, nothing is built
        assert built == []
    finally:
        started.close()
        store.close()
