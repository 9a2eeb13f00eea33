"""A kind first day and calmer flows in the main window: welcome, days off, pauses, Cramping now."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from crampcoach.core.events import EventType, SkipEvent, SkipReason

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_welcome_saves_its_choices_once_and_skip_keeps_the_defaults(
    qtbot: Any, make_app: Any
) -> None:
    from crampcoach.qt.welcome import WelcomeDialog

    app = make_app()
    dialog = app.open_welcome()
    assert isinstance(dialog, WelcomeDialog)
    dialog.bedtime.setTime(dialog.bedtime.time().fromString("23:15", "HH:mm"))
    dialog.reminders.setChecked(False)
    dialog.sounds.setChecked(False)
    with qtbot.waitSignal(dialog.settings_changed):
        dialog.save_and_close()
    s = app.store.settings()
    assert s["bedtime"] == "23:15" and s["welcome_done"] is True
    assert not s["bedtime_reminder"] and not s["hydration_reminder"] and not s["sounds"]
    assert app.settings["bedtime"] == "23:15"  # the app re-read them


def test_skipping_the_welcome_changes_nothing_but_the_flag(qtbot: Any, make_app: Any) -> None:
    app = make_app()
    before = app.store.settings()
    dialog = app.open_welcome()
    dialog.skip()
    after = app.store.settings()
    assert after["welcome_done"] is True
    assert {k: v for k, v in after.items() if k != "welcome_done"} == {
        k: v for k, v in before.items() if k != "welcome_done"
    }


def test_rest_and_sick_days_today_or_past_with_undo(make_app: Any, fake_clock: Any) -> None:
    app = make_app()
    today = fake_clock.now().date()
    events = app.mark_day_off("sick")
    assert {(e.item, e.day, e.reason) for e in events} == {
        (item, today, SkipReason.SICK) for item in ("bedtime", "stretch", "water")
    }
    assert "Today is marked as a sick day" in app.main_window.statusBar().currentMessage()
    app.main_window.undo_button.click()
    assert app.store.events(types=[EventType.SKIP]) == []
    past = app.mark_day_off("rest", date(2026, 3, 2))
    stored = [e for e in app.store.events(types=[EventType.SKIP]) if isinstance(e, SkipEvent)]
    assert {e.day for e in stored} == {date(2026, 3, 2)} and len(past) == 3
    assert app.mark_day_off("rest", date(2026, 4, 1)) == []  # the future: refused, said why
    assert "has not come yet" in app.main_window.statusBar().currentMessage()


def test_pausing_reminders_from_the_main_window(make_app: Any, fake_clock: Any) -> None:
    app = make_app()
    seen: list[Any] = []
    app.settings_changed.connect(seen.append)
    app.pause_reminders("hour")
    until = datetime.fromisoformat(app.store.settings()["reminders_paused_until"])
    assert (until - fake_clock.now()).total_seconds() == pytest.approx(3600)
    assert seen and "No reminders until" in app.main_window.statusBar().currentMessage()
    app.pause_reminders("tomorrow")
    until = datetime.fromisoformat(app.store.settings()["reminders_paused_until"])
    assert until.strftime("%H:%M") == "04:00" and until.date() > fake_clock.now().date()
    app.pause_reminders(None)
    assert app.store.settings()["reminders_paused_until"] == ""


def test_cramping_now_is_one_click_from_the_top_of_the_main_window(
    qtbot: Any, make_app: Any
) -> None:
    app = make_app()
    button = app.main_window.cramp_now_button
    assert button.text() == "Cramping now"
    from PySide6.QtWidgets import QHBoxLayout

    header = app.main_window.form.findChild(QHBoxLayout, "headerLayout")
    assert header is not None and header.indexOf(button) == 1  # beside the title
    button.click()
    assert app.player is not None and app.player.routine.id == "cramp-relief"


def test_the_first_close_to_the_tray_says_so_once(make_app: Any) -> None:
    app = make_app()
    w = app.main_window
    w.hide_on_close = True
    w.show()
    w.close()
    assert "still running in the tray" in w.statusBar().currentMessage()
    assert app.store.settings()["told_close_to_tray"] is True
    w.statusBar().clearMessage()
    w.show()
    w.close()
    assert w.statusBar().currentMessage() == ""


def test_a_saved_cramp_is_confirmed_with_undo_and_warm_up_has_one_spelling(
    qtbot: Any, make_app: Any
) -> None:
    app = make_app()
    assert app.main_window.card("warmup").facts.text().startswith("Warm-up ·")
    dialog = app.open_cramp_dialog()
    dialog.save()
    assert app.main_window.statusBar().currentMessage() == "Cramp saved in your diary."
    assert len(app.store.events(types=[EventType.CRAMP])) == 1
    app.main_window.undo_button.click()
    assert app.store.events(types=[EventType.CRAMP]) == []


def test_the_welcome_offers_the_menu_entry_and_saving_installs_it(
    qtbot: Any, make_app: Any
) -> None:
    from crampcoach import desktop

    app = make_app()
    assert not desktop.is_installed()
    dialog = app.open_welcome()
    assert dialog is not None and dialog.install_box is not None
    assert dialog.install_box.isChecked()  # offered, on by default
    with qtbot.waitSignal(dialog.settings_changed):
        dialog.save_and_close()
    assert desktop.is_installed()
    # Installed already: the next welcome does not offer it again.
    qtbot.waitUntil(lambda: "welcome" not in app.windows)
    again = app.open_welcome()
    assert again is not None and again.install_box is None


def test_the_first_close_to_the_tray_is_told_by_the_desktops_notifications(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a notification server (or a tray balloon) the message goes there, once."""
    from types import SimpleNamespace

    told: list[tuple[str, str, float]] = []

    class Notes:
        def tell_soon(self, title: str, body: str, timeout_s: float, otherwise: Any) -> None:
            told.append((title, body, timeout_s))  # shown: ``otherwise`` is not called

    app = make_app()
    monkeypatch.setattr(
        app, "services", SimpleNamespace(controller=SimpleNamespace(notifications=Notes()))
    )
    w = app.main_window
    w.hide_on_close = True
    w.show()
    w.close()
    assert [(t, timeout) for t, _body, timeout in told] == [("CrampCoach keeps running", 8.0)]
    assert "still running in the tray" in told[0][1]
    assert "still running" not in w.statusBar().currentMessage()  # said once, where it shows
    assert app.store.settings()["told_close_to_tray"] is True
