"""The morning check-in notification in the real app: each button writes the night it asked about."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, NightEvent, ReminderEvent, ReminderKind
from crampcoach.qt import i18n
from crampcoach.qt import tray as tray_mod
from crampcoach.store import Store
from tests.fakes import RecordingTray

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_NIGHT = date(2026, 1, 5)


@pytest.fixture
def app(
    qtbot, qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """The app at Tue 07:59, no notification server and no tray: reminders come as a toast."""
    from crampcoach.qt.app import App

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={data_dir}/no-bus")
    monkeypatch.setattr(tray_mod, "tray_available", lambda: False)
    clock = FakeClock(datetime(2026, 1, 6, 7, 59, tzinfo=BERLIN))
    store = Store.open(data_dir, clock=clock)
    store.set_setting("reminders_checked_until", clock.now().isoformat())  # used before
    store.set_setting("first_day", "2026-01-01")
    for key in ("hydration_reminder", "bedtime_reminder", "review_reminder"):
        store.set_setting(key, False)
    a = App(store, data_dir, clock=clock, routines=[])
    qtbot.addWidget(a.main_window)
    yield a
    if a.services is not None:
        a.services.stop()
    store.close()


def _morning(app: Any) -> Any:
    """Start the reminders and reach 08:00: the check-in's toast."""
    app.services = tray_mod.start_background(app)
    app.clock.advance(60)
    app.services.controller.check()
    toast = app.services.controller.notifications.toast
    assert toast is not None and toast.isVisible()
    return toast


def _nights(app: Any) -> list[tuple[date, int | None, int | None]]:
    return [
        (e.night, e.cramps, e.worst)
        for e in app.store.events(types=[EventType.NIGHT])
        if isinstance(e, NightEvent)
    ]


def _fates(app: Any) -> list[str]:
    return sorted(
        e.fate.value
        for e in app.store.events(types=[EventType.REMINDER])
        if isinstance(e, ReminderEvent) and e.reminder is ReminderKind.CHECKIN
    )


@pytest.mark.parametrize(("key", "cramps"), [("none", 0), ("unknown", None)])
def test_no_cramps_and_dont_remember_act_straight_from_the_notification(
    app: Any, key: str, cramps: int | None
) -> None:
    toast = _morning(app)
    assert toast.title.text() == "How was last night?"
    assert toast.body.text().startswith("Night of Mon 5 Jan to Tue 6 Jan\nOne tap answers")
    assert [b.text() for b in toast.buttons().values()] == [
        "No cramps",
        "Had cramps…",
        "Don't remember",
    ]
    app.clock.advance(3 * 3600)  # answered at 11:00: still Monday's night
    toast.buttons()[key].click()
    assert _nights(app) == [(MONDAY_NIGHT, cramps, None)]
    assert _fates(app) == ["acted", "shown"]
    assert not toast.isVisible()
    # the main window's row says so, and the answer can be taken back
    assert app.main_window.checkin.label.text().startswith("Last night: ")
    app.main_window.undo_button.click()
    assert _nights(app) == []


def test_had_cramps_opens_the_small_check_in_in_the_window(
    app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcoach.qt import checkin

    asked: list[str] = []

    def answer(dialog: checkin.NightDialog) -> int:
        asked.append(dialog.findChildren(type(dialog.count))[0].objectName())
        dialog.count.setValue(2)
        dialog.worst.setValue(7)
        return checkin.NightDialog.DialogCode.Accepted.value

    monkeypatch.setattr(checkin.NightDialog, "exec", answer)
    toast = _morning(app)
    app.main_window.hide()
    toast.buttons()["cramps"].click()
    assert app.main_window.isVisible()  # the window comes forward for the question
    qtbot.waitUntil(lambda: bool(_nights(app)))  # asked once the click's handler returned
    assert asked == ["nightCramps"]
    assert _nights(app) == [(MONDAY_NIGHT, 2, 7)]
    assert "2 cramps, the worst 7/10" in app.main_window.checkin.label.text()


def test_an_answered_night_brings_no_notification(app: Any) -> None:
    app.main_window.checkin.none_button.click()  # answered in the window at 07:59
    app.services = tray_mod.start_background(app)
    app.clock.advance(60)
    assert app.services.controller.check() == []
    assert "Next: morning check-in Wed 08:00" in app.services.controller.status_text()


def test_no_notification_server_the_tray_balloon_then_its_buttons(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    balloon = RecordingTray()
    app.services = tray_mod.start_background(app)
    controller = app.services.controller
    controller.notifications._tray = lambda: balloon
    app.clock.advance(60)
    controller.check()
    assert balloon.balloons and balloon.balloons[0][0] == "How was last night?"
    balloon.messageClicked.emit()  # a click on the balloon: the window with the three answers
    toast = controller.notifications.toast
    assert toast is not None and toast.isVisible()
    toast.buttons()["none"].click()
    assert _nights(app) == [(MONDAY_NIGHT, 0, None)]


def test_the_check_in_speaks_german(app: Any, qapp: QApplication) -> None:
    loaded = i18n.install(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        toast = _morning(app)
        assert toast.title.text() == "Wie war die letzte Nacht?"
        assert toast.body.text().startswith("Nacht von Mo. 5 Jan. bis Di. 6 Jan.\nEin Klick")
        assert [b.text() for b in toast.buttons().values()] == [
            "Keine Krämpfe",
            "Hatte Krämpfe…",
            "Weiß nicht mehr",
        ]
    finally:
        QLocale.setDefault(previous)
        for translator in loaded:
            qapp.removeTranslator(translator)
