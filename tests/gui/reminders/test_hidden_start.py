"""``crampcoach --hidden``: straight to the tray, or the window (saying why) when there is none."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from crampcoach.core.clock import FakeClock
from crampcoach.qt import tray as tray_mod
from crampcoach.qt.app import HIDDEN_NO_TRAY_NOTICE, HIDDEN_TRAY_POLL_MS
from crampcoach.store import Store

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)
UTC_ZONE = ZoneInfo("UTC")


@pytest.fixture
def app(
    qtbot, qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from crampcoach.qt.app import App

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={data_dir}/no-bus")
    clock = FakeClock(datetime(2026, 1, 5, 12, 10, tzinfo=UTC_ZONE))
    store = Store.open(data_dir, clock=clock)
    a = App(store, data_dir, clock=clock, routines=[])
    qtbot.addWidget(a.main_window)
    yield a
    if a.services is not None:
        a.services.stop()
    store.close()


def _tray(monkeypatch: pytest.MonkeyPatch, answers: list[bool]) -> list[bool]:
    """Make the desktop report a tray per call, in order (the last answer repeats)."""
    asked: list[bool] = []

    def available() -> bool:
        asked.append(answers[min(len(asked), len(answers) - 1)])
        return asked[-1]

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(available))
    monkeypatch.setattr(tray_mod, "tray_available", available)
    return asked


def test_with_a_tray_the_window_stays_closed(
    app: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    _tray(monkeypatch, [True])
    app.start_hidden()
    qtbot.waitUntil(lambda: app.services is not None)  # its modules load off the GUI thread
    assert app.services.has_tray
    assert app.services.tray.icon.isVisible()
    assert not app.main_window.isVisible()
    assert app.main_window.hide_on_close  # closing it later hides it into the tray again
    assert HIDDEN_NO_TRAY_NOTICE not in app.notices


def test_without_a_tray_the_window_opens_and_says_why(
    app: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    _tray(monkeypatch, [False])
    app.tray_wait_ms = 0
    app.start_hidden()
    qtbot.waitUntil(lambda: app.services is not None)
    assert app.main_window.isVisible()
    assert app.services is not None and not app.services.has_tray
    assert app.notices[0] == HIDDEN_NO_TRAY_NOTICE
    assert HIDDEN_NO_TRAY_NOTICE in app.main_window.notice_label.text()
    assert not app.main_window.hide_on_close  # with no tray, closing the window quits


def test_a_tray_that_appears_while_logging_in_is_waited_for(
    app: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    asked = _tray(monkeypatch, [False, False, True])
    app.tray_wait_ms = 10 * HIDDEN_TRAY_POLL_MS
    app.start_hidden()
    assert app.services is None  # still looking for the panel's tray
    qtbot.waitUntil(lambda: app.services is not None, timeout=5_000)
    assert app.services.has_tray and not app.main_window.isVisible()
    assert asked[:3] == [False, False, True]


def test_hidden_is_a_top_level_option() -> None:
    from crampcoach.cli import build_parser

    assert build_parser().parse_args(["--hidden"]).hidden is True
    assert build_parser().parse_args([]).hidden is False
