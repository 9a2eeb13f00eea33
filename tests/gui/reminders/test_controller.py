"""The reminder controller: shows due reminders once, acts on buttons, records fates."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from crampcoach.core.events import (
    EventType,
    ReminderEvent,
    ReminderFate,
    ReminderKind,
    SkipEvent,
    SkipReason,
    WaterEvent,
)
from crampcoach.qt.reminders import SkipDialog
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


def test_bedtime_reminder_start_button_starts_the_routine(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.controller.reschedule()
    assert rig.controller.plan["bedtime"] == at(22, 15)
    rig.clock.advance((at(22, 15) - rig.clock.now()).total_seconds())
    shown = rig.controller.check()
    assert [(r.kind, r.late) for r in shown] == [(ReminderKind.BEDTIME, False)]
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
    assert fates(rig.store) == [("bedtime", "acted"), ("bedtime", "shown")]
    # the next bedtime job is tomorrow; asking again tonight shows nothing
    assert rig.controller.plan["bedtime"] == at(22, 15, d=6)
    assert rig.controller.check() == []


def test_hydration_log_a_glass_records_water(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.store.set_setting("glass_ml", 300)
    rig.clock.advance((at(12, 30) - rig.clock.now()).total_seconds())
    assert [r.kind for r in rig.controller.check()] == [ReminderKind.HYDRATION]
    buttons = rig.notifications.toast.buttons()  # type: ignore[union-attr]
    assert [b.text() for b in buttons.values()] == ["Log a glass", "Snooze"]
    qtbot.mouseClick(buttons["glass"], Qt.MouseButton.LeftButton)
    water = rig.store.events(types=[EventType.WATER])
    assert [(type(e), e.ml) for e in water] == [(WaterEvent, 300)]  # type: ignore[attr-defined]
    assert fates(rig.store) == [("hydration", "acted"), ("hydration", "shown")]
    assert "Water today: 300 ml of 1500 ml" in rig.controller.status_text()
    # the drink at 12:30 is a full interval before the 14:00 slot, so 14:00 stays
    assert rig.controller.plan["hydration"] == at(14, 0)


def test_snooze_shows_again_ten_minutes_later(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.clock.advance((at(22, 15) - rig.clock.now()).total_seconds())
    rig.controller.check()
    qtbot.mouseClick(rig.notifications.toast.buttons()["snooze"], Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    job = rig.controller.scheduler.get_job("snooze-bedtime")
    assert rig.controller.plan["snooze-bedtime"] == at(22, 25)
    rig.clock.advance(600)
    job.func(*job.args)  # what the scheduler runs at 22:25
    assert rig.notifications.toast.isVisible()  # type: ignore[union-attr]
    assert rig.notifications.toast.title.text().endswith("(snoozed)")  # type: ignore[union-attr]
    assert fates(rig.store) == [("bedtime", "shown"), ("bedtime", "shown"), ("bedtime", "snoozed")]


def test_skip_tonight_records_a_skip_with_an_optional_reason(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.clock.advance((at(22, 15) - rig.clock.now()).total_seconds())
    rig.controller.check()
    qtbot.mouseClick(rig.notifications.toast.buttons()["skip"], Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    skips = rig.store.events(types=[EventType.SKIP])
    assert len(skips) == 1 and isinstance(skips[0], SkipEvent)
    assert (skips[0].item, skips[0].day, skips[0].reason) == (
        "bedtime",
        date(2026, 1, 5),
        SkipReason.OTHER,
    )
    dialog = rig.window.findChild(SkipDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reason.setCurrentIndex(dialog.reason.findData(SkipReason.SICK))
    dialog.note.setText("flu")
    dialog.accept()
    updated = rig.store.get(skips[0].id)
    assert isinstance(updated, SkipEvent)
    assert (updated.reason, updated.note) == (SkipReason.SICK, "flu")
    assert fates(rig.store) == [("bedtime", "dismissed"), ("bedtime", "shown")]
    assert rig.controller.check() == []


def test_dismissing_the_toast_records_dismissed(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.clock.advance((at(9, 30) - rig.clock.now()).total_seconds() + 24 * 3600)
    rig.controller.check()
    rig.notifications.toast._dismiss()  # type: ignore[union-attr]
    assert fates(rig.store) == [("hydration", "dismissed"), ("hydration", "shown")]


def test_app_started_after_bedtime_shows_one_late_reminder_and_not_again_after_restart(
    qtbot, rig: Rig, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    rig.clock.advance((at(23, 0) - rig.clock.now()).total_seconds())
    rig.controller.start()  # the app was closed at 22:15
    assert rig.notifications.toast.title.text() == "You missed your 22:15 reminder"  # type: ignore[union-attr]
    assert fates(rig.store) == [("bedtime", "shown")]
    # a restart: a new controller on the same log shows nothing more tonight
    rig.controller.stop()
    rig.store.close()
    store2 = Store.open(data_dir, clock=rig.clock)
    try:
        rig2 = make_rig(qtbot, data_dir, store2, rig.clock)
        rig2.controller.start()
        assert rig2.notifications.toast is None
        assert fates(store2) == [("bedtime", "shown")]
        rig2.controller.stop()
    finally:
        store2.close()
        rig.store = Store.open(data_dir, clock=rig.clock)  # for the fixture's close


def test_resume_after_eight_hours_shows_one_late_bedtime_no_hydration(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.clock.advance((at(15, 0) - rig.clock.now()).total_seconds())
    rig.controller.start()
    assert fates(rig.store) == []
    # the laptop sleeps 8 h: the wall clock moves, monotonic time does not
    rig.clock.jump_wall(8 * 3600)
    jumped = rig.controller.scheduler.check_clock()
    assert jumped == 8 * 3600
    assert fates(rig.store) == [("bedtime", "shown")]
    assert rig.notifications.toast.title.text() == "You missed your 22:15 reminder"  # type: ignore[union-attr]


def test_pause_holds_reminders_and_tooltip_says_so(rig: Rig) -> None:
    rig.clock.advance((at(20, 0) - rig.clock.now()).total_seconds())
    rig.controller.pause_until_tomorrow()
    text = rig.controller.status_text()
    assert "Reminders paused until Tue 04:00" in text
    assert "Next: hydration reminder Tue 08:00" in text
    rig.clock.advance((at(22, 15) - rig.clock.now()).total_seconds())
    assert rig.controller.check() == []
    rig.controller.pause(None)
    assert [r.kind for r in rig.controller.check()] == [ReminderKind.BEDTIME]


def test_settings_change_replans_without_restart(rig: Rig) -> None:
    rig.controller.reschedule()
    assert rig.controller.plan["bedtime"] == at(22, 15)
    rig.store.set_setting("bedtime", "23:00")
    rig.store.set_setting("bedtime_lead_min", 30)
    rig.controller.settings_changed(rig.store.settings())
    assert rig.controller.plan["bedtime"] == at(22, 30)
    rig.store.set_setting("hydration_reminder", False)
    rig.controller.settings_changed(rig.store.settings())
    assert "hydration" not in rig.controller.plan
    assert rig.controller.scheduler.get_job("hydration") is None
    assert fates(rig.store) == []
    assert len(rig.store.events(types=[EventType.REMINDER])) == 0
    assert rig.controller.plan["review"] == at(19, 0, d=11)
    assert rig.controller.plan["bedtime"] - rig.clock.now() == timedelta(hours=10, minutes=30)


def test_a_timer_firing_after_the_log_closed_does_not_raise(rig: Rig, data_dir: Path) -> None:
    rig.store.close()
    assert rig.controller.check() == []  # logged, not raised into the event loop
    rig.store = Store.open(data_dir, clock=rig.clock)  # for the fixture's close


def test_a_night_slept_through_while_running_is_logged_as_missed(rig: Rig) -> None:
    rig.clock.advance((at(21, 0) - rig.clock.now()).total_seconds())
    rig.controller.start()
    rig.clock.jump_wall(10.5 * 3600)  # suspended until 07:30: the night is over
    rig.controller.scheduler.check_clock()
    assert fates(rig.store) == [("bedtime", "missed")]
    assert rig.notifications.toast is None  # nothing stale shown
    rig.controller.check()
    assert fates(rig.store) == [("bedtime", "missed")]  # logged once


def test_weekly_review_reminder_tells_the_week_and_a_warning_sign(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    from crampcoach.core.events import CrampContext, CrampEvent, Leg, Muscle, new_id

    rig.store.set_setting("hydration_reminder", False)
    rig.store.set_setting("bedtime_reminder", False)
    # A cramp that lasted 15 minutes is an urgent warning sign (evidence.md).
    rig.store.add(
        CrampEvent(
            id=new_id(),
            at=at(3, 0, d=6),
            leg=Leg.LEFT,
            muscle=Muscle.CALF,
            severity=8,
            minutes=15,
            context=CrampContext.NIGHT,
        )
    )
    rig.controller.reschedule()
    assert rig.controller.plan["review"] == at(19, 0, d=11)
    rig.clock.advance((at(19, 0, d=11) - rig.clock.now()).total_seconds())
    assert [r.kind for r in rig.controller.check()] == [ReminderKind.REVIEW]
    toast = rig.notifications.toast
    assert toast is not None
    assert toast.title.text() == "Your week in review"
    body = toast.body.text()
    assert "cramps on 1 night." in body
    assert "Your log matches a warning sign" in body
    assert [b.text() for b in toast.buttons().values()] == ["Open the review", "Snooze"]


def test_nights_missed_while_the_app_was_closed_are_logged_once_never_shown(  # type: ignore[no-untyped-def]
    qtbot, rig: Rig, data_dir: Path
) -> None:
    rig.clock.advance((at(21, 0) - rig.clock.now()).total_seconds())
    rig.controller.start()
    rig.controller.stop()  # quit at 21:00 on the 5th, before tonight's 22:15
    assert rig.store.settings()["reminders_checked_until"] == at(21, 0).isoformat()
    # Started again three days later at 20:00: the nights of the 5th, 6th and
    # 7th are over; the 8th's reminder is still to come.
    rig.clock.advance((at(20, 0, d=8) - rig.clock.now()).total_seconds())
    again = make_rig(qtbot, data_dir, rig.store, rig.clock)
    again.controller.start()
    missed = sorted(
        e.due
        for e in rig.store.events(types=[EventType.REMINDER])
        if isinstance(e, ReminderEvent) and e.fate is ReminderFate.MISSED and e.due is not None
    )
    assert missed == [at(22, 15, d=5), at(22, 15, d=6), at(22, 15, d=7)]
    assert ("bedtime", "shown") not in fates(rig.store)  # logged, not shown
    before = fates(rig.store)
    again.controller.stop()
    third = make_rig(qtbot, data_dir, rig.store, rig.clock)
    third.controller.start()  # a restart at once logs nothing more
    assert fates(rig.store) == before
    third.controller.stop()


def test_a_first_start_logs_no_missed_nights(qtbot, rig: Rig) -> None:  # type: ignore[no-untyped-def]
    rig.clock.advance(5 * 86400)
    rig.controller.start()
    assert ("bedtime", "missed") not in fates(rig.store)


def test_a_pause_survives_a_restart_and_the_cli_can_lift_it(  # type: ignore[no-untyped-def]
    qtbot, rig: Rig, data_dir: Path
) -> None:
    rig.clock.advance((at(20, 0) - rig.clock.now()).total_seconds())
    rig.controller.pause_until_tomorrow()
    assert rig.store.settings()["reminders_paused_until"] == "2026-01-06T04:00:00+01:00"
    # A new controller on the same log (the app restarted) is still paused.
    again = make_rig(qtbot, data_dir, rig.store, rig.clock)
    assert again.controller.paused_until == at(4, 0, d=6)
    rig.clock.advance((at(22, 15) - rig.clock.now()).total_seconds())
    assert again.controller.check() == []
    # `crampcoach settings set reminders_paused_until ""` reaches the app as a settings change.
    rig.store.set_setting("reminders_paused_until", "")
    again.controller.settings_changed(rig.store.settings())
    assert again.controller.paused_until is None
    assert [r.kind for r in again.controller.check()] == [ReminderKind.BEDTIME]
