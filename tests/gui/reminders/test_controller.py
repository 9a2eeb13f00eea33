"""The Qt adapter: the engine's reminders in a toast, its buttons, one timer, the skip dialog.

What is shown when, and every fate, is the engine's (tests/unit/reminders/test_engine.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from crampcoach.core.events import (
    EventType,
    ReminderEvent,
    ReminderKind,
    SkipEvent,
    SkipReason,
    WaterEvent,
)
from crampcoach.qt.reminders import CLOCK_CHECK_S, PREPARE_AHEAD_S, SkipDialog
from crampcoach.store import Store

from .conftest import BERLIN, Rig, make_rig

# The offscreen platform logs this for any top-level dialog shown
# (QPlatformWindow::propagateSizeHints is not implemented there); not our bug.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def fates(store: Store) -> list[tuple[str, str]]:
    """The reminder fates in the log, sorted (several share one fake instant)."""
    return sorted(
        (e.reminder.value, e.fate.value)
        for e in store.events(types=[EventType.REMINDER])
        if isinstance(e, ReminderEvent)
    )


def at(h: int, m: int = 0, d: int = 5) -> datetime:
    return datetime(2026, 1, d, h, m, tzinfo=BERLIN)


def to(rig: Rig, when: datetime) -> None:
    rig.clock.advance((when - rig.clock.now()).total_seconds())


def test_the_wake_timer_is_armed_for_the_next_reminder_and_runs_the_check(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.store.set_setting("reminders_checked_until", at(11, 0).isoformat())  # not the first launch
    rig.controller.start()
    (wake,) = rig.timers.made  # no clock poll: the wall-clock alarm watches for a resume
    assert wake.single_shot and wake.precise and wake.active
    assert wake.ms == 30 * 60 * 1000 + 1  # 12:30, the next hydration slot, +1 ms
    to(rig, at(12, 30))
    wake.fire()  # what Qt does at 12:30
    toast = rig.notifications.toast
    assert toast is not None and toast.isVisible()
    assert toast.title.text() == "A glass of water?"
    assert wake.active and wake.ms == 90 * 60 * 1000 + 1  # re-armed for 14:00
    (alarm,) = rig.alarms.made
    assert alarm.after_s == 90 * 60 - PREPARE_AHEAD_S  # and the alarm, a lead before it
    rig.controller.stop()
    assert not wake.active and alarm.closed


def test_the_alarm_fires_a_lead_before_the_next_reminder_then_at_it(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared: list[datetime] = []
    monkeypatch.setattr(rig.notifications, "prepare", lambda: prepared.append(rig.clock.now()))
    rig.store.set_setting("reminders_checked_until", at(11, 0).isoformat())  # not the first launch
    rig.controller.start()
    (alarm,) = rig.alarms.made
    assert alarm.after_s == 30 * 60 - PREPARE_AHEAD_S  # 12:28, by the wall clock
    assert prepared == []  # 12:30 is half an hour away: idle, nothing loaded
    to(rig, at(12, 28))
    alarm.fire()
    assert prepared == [at(12, 28)]  # loaded before it is due
    assert alarm.after_s == PREPARE_AHEAD_S  # then at 12:30 itself, should the machine sleep
    assert fates(rig.store) == []  # the alarm only looked: nothing was due
    rig.controller.pause_for(timedelta(minutes=1))
    prepared.clear()
    rig.controller.pause(None)  # planning again near a reminder prepares at once
    assert prepared == [at(12, 28)]
    rig.controller.stop()
    assert alarm.closed


def test_the_alarm_catches_up_after_a_suspend_and_a_clock_change(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.store.set_setting("reminders_checked_until", at(11, 0).isoformat())
    to(rig, at(15, 0))
    rig.controller.start()
    (alarm,) = rig.alarms.made
    (wake,) = rig.timers.made
    wake_ms = wake.ms
    rig.clock.jump_wall(8 * 3600)  # the laptop slept: wall time moved, monotonic did not
    alarm.fire()  # its wall time passed in the sleep: the kernel fires it on resume
    assert rig.notifications.toast.title.text() == "You missed your 22:15 reminder"  # type: ignore[union-attr]
    assert fates(rig.store) == [("bedtime", "shown")]
    assert wake.ms != wake_ms and alarm.after_s is not None  # both planned again
    before = fates(rig.store)
    rig.clock.jump_wall(-3600)  # the clock set back an hour: the alarm's read says so
    alarm.fire()
    assert fates(rig.store) == before  # looked again, and nothing new was due
    assert alarm.after_s is not None


def test_without_an_alarm_a_minute_poll_prepares_and_catches_up(
    qtbot, data_dir, store: Store, clock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    rig = make_rig(qtbot, data_dir, store, clock, alarms=False)
    prepared: list[datetime] = []
    monkeypatch.setattr(rig.notifications, "prepare", lambda: prepared.append(rig.clock.now()))
    rig.store.set_setting("reminders_checked_until", at(11, 0).isoformat())
    rig.controller.start()
    wake, clock_check = rig.timers.made
    assert clock_check.active and clock_check.coarse and not clock_check.single_shot
    assert clock_check.ms == CLOCK_CHECK_S * 1000
    to(rig, at(12, 27))
    clock_check.fire()
    assert prepared == []  # three minutes: still more than the lead
    to(rig, at(12, 28))
    clock_check.fire()
    assert prepared == [at(12, 28)]  # two minutes ahead: loaded before it is due
    assert PREPARE_AHEAD_S > CLOCK_CHECK_S  # so one clock check always falls in the lead
    to(rig, at(15, 0))
    rig.clock.jump_wall(8 * 3600)  # asleep past bedtime
    clock_check.fire()
    assert rig.notifications.toast.title.text() == "You missed your 22:15 reminder"  # type: ignore[union-attr]
    rig.controller.stop()
    assert not wake.active and not clock_check.active


def test_bedtime_toast_start_button_starts_the_routine_and_closes_it(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    to(rig, at(22, 15))
    assert [r.kind for r in rig.controller.check()] == [ReminderKind.BEDTIME]
    toast = rig.notifications.toast
    assert toast is not None and toast.isVisible()
    assert toast.title.text() == "Time for your bedtime stretches"
    buttons = toast.buttons()
    assert [b.text() for b in buttons.values()] == [
        "Start bedtime routine",
        "Snooze 10 min",
        "Skip tonight",
    ]
    qtbot.mouseClick(buttons["start"], Qt.MouseButton.LeftButton)
    assert rig.calls.started == ["bedtime"]
    assert not toast.isVisible()
    assert fates(rig.store) == [("bedtime", "acted"), ("bedtime", "shown")]


def test_hydration_toast_logs_a_glass_and_times_out_as_expired(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.store.set_setting("glass_ml", 300)
    to(rig, at(12, 30))
    rig.controller.check()
    buttons = rig.notifications.toast.buttons()  # type: ignore[union-attr]
    assert [b.text() for b in buttons.values()] == ["Log a glass", "Snooze 10 min"]
    qtbot.mouseClick(buttons["glass"], Qt.MouseButton.LeftButton)
    water = rig.store.events(types=[EventType.WATER])
    assert [(type(e), e.ml) for e in water] == [(WaterEvent, 300)]  # type: ignore[attr-defined]
    assert "Water today: 300 ml of 1500 ml" in rig.controller.status_text()
    # The next slot's toast closes itself after its 5 minutes: expired, not missed.
    rig.store.set_setting("hydration_interval_min", 15)
    to(rig, at(14, 0))
    rig.controller.check()
    toast = rig.notifications.toast
    assert toast is not None and toast.isVisible()
    toast_timer = rig.timers.made[-1]  # the toast's own, made with its first timeout
    assert toast_timer.active and toast_timer.ms == 5 * 60 * 1000
    toast_timer.fire()
    assert not toast.isVisible()
    assert ("hydration", "expired") in fates(rig.store)
    assert ("hydration", "missed") not in fates(rig.store)


def test_snooze_in_the_toast_shows_it_again_when_the_timer_fires(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    to(rig, at(22, 15))
    rig.controller.check()
    qtbot.mouseClick(rig.notifications.toast.buttons()["snooze"], Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    wake = rig.timers.made[0]
    assert wake.ms == 10 * 60 * 1000 + 1
    to(rig, at(22, 25))
    wake.fire()
    assert rig.notifications.toast.isVisible()  # type: ignore[union-attr]
    assert rig.notifications.toast.title.text().endswith("(snoozed)")  # type: ignore[union-attr]


def test_skip_tonight_opens_the_reason_dialog(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    to(rig, at(22, 15))
    rig.controller.check()
    qtbot.mouseClick(rig.notifications.toast.buttons()["skip"], Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    [skip] = rig.store.events(types=[EventType.SKIP])
    assert isinstance(skip, SkipEvent) and skip.day == date(2026, 1, 5)
    dialog = rig.window.findChild(SkipDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reason.setCurrentIndex(dialog.reason.findData(SkipReason.SICK))
    dialog.note.setText("flu")
    dialog.accept()
    updated = rig.store.get(skip.id)
    assert isinstance(updated, SkipEvent)
    assert (updated.reason, updated.note) == (SkipReason.SICK, "flu")


def test_dismissing_the_toast_records_dismissed(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.store.set_setting("morning_checkin", False)  # the hydration toast alone at 09:30
    to(rig, at(9, 30, d=6))
    rig.controller.check()
    rig.notifications.toast.close_button.click()  # type: ignore[union-attr]
    assert fates(rig.store) == [("hydration", "dismissed"), ("hydration", "shown")]


def test_a_timer_firing_after_the_log_closed_does_not_raise(rig: Rig, data_dir) -> None:  # type: ignore[no-untyped-def]
    rig.store.close()
    assert rig.controller.check() == []  # logged, not raised into the event loop
    rig.controller.pause_for(timedelta(hours=1))
    rig.store = Store.open(data_dir, clock=rig.clock)  # for the fixture's close


def test_reminders_worded_in_core_arrive_in_german(qtbot, qapp, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from crampcoach.qt import i18n

    loaded = i18n.install(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        to(rig, at(22, 15))
        rig.controller.check()
        toast = rig.notifications.toast
        assert toast is not None
        assert toast.title.text() == "Zeit für Ihre Dehnübungen vor dem Schlafen"
        assert [b.text() for b in toast.buttons().values()] == [
            "Übungsfolge vor dem Schlafen starten",
            "In 10 Min. erneut",
            "Heute auslassen",
        ]
        rig.store.set_setting("water_goal_ml", 1500)
        tooltip = rig.controller.status_text().splitlines()
        assert tooltip[1:] == [
            "Nächste: Trinkerinnerung Di 08:00",
            "Wasser heute: 0 ml von 1500 ml",
        ]
    finally:
        for translator in loaded:
            qapp.removeTranslator(translator)
    assert rig.controller.status_text().splitlines()[-1] == "Water today: 0 ml of 1500 ml"
