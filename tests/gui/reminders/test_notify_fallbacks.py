"""The fallback chain: no notification server -> tray balloon (click opens the toast) -> toast."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from crampcoach.qt.notify import Notifications
from tests.fakes import RecordingTray

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ACTIONS = (("glass", "Log a glass"), ("snooze", "Snooze 10 min"))


def _without_a_bus(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """No session bus answers: no notification server."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")


@pytest.fixture
def balloon_tray(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> RecordingTray:
    """No notification server, and a visible tray icon that shows balloons."""
    _without_a_bus(monkeypatch, tmp_path)
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    return RecordingTray()


def test_no_bus_with_a_tray_uses_the_balloon_and_a_click_opens_the_toast(
    qtbot, qapp: QApplication, balloon_tray: RecordingTray
) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    tray = balloon_tray
    notes = Notifications(tray=lambda: tray, toast_parent=lambda: window)
    got: list[tuple[str, str]] = []
    notes.action_invoked.connect(lambda token, key: got.append((token, key)))
    assert notes.show("t1", "A glass of water?", "body", ACTIONS) == "tray"
    assert tray.balloons == [("A glass of water?", "body")]
    tray.messageClicked.emit()
    assert got == [("t1", "default")]
    # the app answers "default" by opening its window with the buttons in a toast
    toast = notes.show_toast("t1", "A glass of water?", "body", ACTIONS)
    assert toast.isVisible() and list(toast.buttons()) == ["glass", "snooze"]
    toast.buttons()["glass"].click()
    assert got[-1] == ("t1", "glass")


def test_a_message_without_buttons_uses_the_balloon_without_a_bus_and_nothing_without_a_tray(
    qtbot, qapp: QApplication, balloon_tray: RecordingTray
) -> None:  # type: ignore[no-untyped-def]
    tray = balloon_tray
    told = Notifications(tray=lambda: tray)
    got: list[tuple[str, str]] = []
    told.action_invoked.connect(lambda token, key: got.append((token, key)))
    assert told.show("t1", "A glass of water?", "body", ACTIONS) == "tray"
    assert told.tell("Title", "Body", 8.0) == "tray"
    assert tray.balloons == [("A glass of water?", "body"), ("Title", "Body")]
    tray.messageClicked.emit()  # the message's balloon: nothing to answer
    assert got == []
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    notes = Notifications(toast_parent=lambda: window)
    assert notes.tell("Title", "Body", 8.0) is None  # the caller says it in its window
    assert notes.toast is None  # and no toast builds one
    otherwise: list[bool] = []
    notes.tell_soon("Title", "Body", 8.0, lambda: otherwise.append(True))
    qtbot.waitUntil(lambda: otherwise == [True])


def test_neither_bus_nor_tray_uses_the_toast(
    qtbot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:  # type: ignore[no-untyped-def]
    _without_a_bus(monkeypatch, tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    notes = Notifications(toast_parent=lambda: window)
    closed: list[tuple[str, str]] = []
    notes.closed.connect(lambda token, why: closed.append((token, why)))
    assert notes.show("t2", "Title", "Body", ACTIONS) == "toast"
    assert notes.toast is not None and notes.toast.parentWidget() is window
    assert notes.toast.title.text() == "Title" and notes.toast.body.text() == "Body"
    notes.toast.close_button.click()  # the "×" a person clicks
    assert closed == [("t2", "dismissed")]
    assert not notes.toast.isVisible()


@pytest.mark.parametrize("styled", [True, False], ids=["app-stylesheet", "plain"])
@pytest.mark.parametrize("width", [1180, 700, 320])
def test_toast_buttons_show_their_whole_text(
    qtbot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
    width: int,
    styled: bool,
) -> None:  # type: ignore[no-untyped-def]
    """Bedtime's three long labels once came out as "'t bedtime rou" and "Snooze 10 mir"."""
    from crampcoach.core.reminder_engine import PRESENTATION
    from crampcoach.core.reminders import ReminderKind
    from crampcoach.qt.forms import stylesheet

    before = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet() if styled else "")
    try:
        _check_toast_buttons(
            qtbot,
            monkeypatch,
            tmp_path,
            width,
            tuple((key, str(label)) for key, label in PRESENTATION[ReminderKind.BEDTIME].actions),
        )
    finally:
        qapp.setStyleSheet(before)


def _check_toast_buttons(qtbot, monkeypatch, tmp_path, width, actions) -> None:  # type: ignore[no-untyped-def]
    _without_a_bus(monkeypatch, tmp_path)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(width, 600)
    window.show()
    notes = Notifications(toast_parent=lambda: window)
    notes.show("t3", "You missed your 22:15 reminder", "There is still time.", actions)
    toast = notes.toast
    assert toast is not None
    qtbot.waitUntil(lambda: toast.isVisible())
    buttons = toast.buttons()
    assert [buttons[k].text() for k, _ in actions] == [label for _, label in actions]
    for button in buttons.values():
        assert button.width() >= button.sizeHint().width(), button.text()
        assert toast.rect().contains(button.geometry())
    assert window.rect().contains(toast.geometry())


def test_a_toast_whose_window_was_deleted_is_never_touched_again(
    qtbot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:  # type: ignore[no-untyped-def]
    from tests.fakes import FakeTimers

    _without_a_bus(monkeypatch, tmp_path)
    window = QWidget()
    timers = FakeTimers()
    notes = Notifications(toast_parent=lambda: window, timers=timers)
    closed: list[tuple[str, str]] = []
    notes.closed.connect(lambda token, why: closed.append((token, why)))
    assert notes.show("t3", "Title", "Body", ACTIONS, timeout_s=30) == "toast"
    (expiry,) = timers.made
    assert expiry.active
    window.deleteLater()  # the window goes (and its toast with it) before the expiry
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert notes.toast is None
    assert not expiry.active
    notes.withdraw("t3")  # nothing to take down, and no error
    assert closed == []


def test_prepare_imports_the_bus_library_on_a_worker_once_and_only_when_the_bus_is_used(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcoach.qt import dbus, preload

    asked: list[tuple[str, ...]] = []
    monkeypatch.setattr(
        preload, "import_then", lambda modules, _then, _parent: asked.append(tuple(modules))
    )
    Notifications(use_dbus=False).prepare()
    assert asked == []  # no bus wanted: nothing to load
    notes = Notifications()
    notes.prepare()
    notes.prepare()  # the next clock check while the first import runs
    assert asked == [dbus.MODULES]
    assert "jeepney.io.blocking" in dbus.MODULES  # what dbus.connect imports
