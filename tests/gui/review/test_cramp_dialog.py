from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import CrampContext, CrampEvent, EventType, Leg, Muscle
from crampcoach.core.journal import Journal
from crampcoach.qt.cramp_dialog import CrampDialog, last_night
from crampcoach.store import Store, StoreWriteError
from tests.unit.review.helpers import TZ, at, cramp

NOW = at(date(2026, 3, 11), "20:15")  # the conftest clock's time

# The offscreen platform warns on every shown top-level window
# (QPlatformWindow::propagateSizeHints is not implemented there); not our bug.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def cramps(store: Store) -> list[CrampEvent]:
    return [e for e in store.events(types=[EventType.CRAMP]) if isinstance(e, CrampEvent)]


def test_two_clicks_log_a_cramp_now(qtbot, store: Store, clock: FakeClock) -> None:
    dialog = CrampDialog(store, clock=clock, journal=Journal(store, clock))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.saved) as sig:
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    (saved,) = cramps(store)
    assert saved == sig.args[0]
    assert saved.at == NOW and saved.severity == 5 and saved.minutes is None
    assert dialog.result() == dialog.DialogCode.Accepted


def test_values_entered_reach_the_store(qtbot, store: Store, clock: FakeClock) -> None:
    dialog = CrampDialog(store, clock=clock, journal=Journal(store, clock))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.last_night_radio.click()
    dialog.leg_combo.setCurrentIndex(dialog.leg_combo.findData("right"))
    dialog.muscle_combo.setCurrentIndex(dialog.muscle_combo.findData("hamstring"))
    dialog.severity_slider.setValue(7)
    assert dialog.severity_spin.value() == 7
    dialog.minutes_spin.setValue(3.5)
    qtbot.keyClicks(dialog.note_edit, "woke me up")
    dialog.save()
    (saved,) = cramps(store)
    assert saved.at == datetime(2026, 3, 11, 3, 0, tzinfo=TZ)
    assert (saved.leg, saved.muscle, saved.severity, saved.minutes) == (
        Leg.RIGHT,
        Muscle.HAMSTRING,
        7,
        3.5,
    )
    assert saved.context is CrampContext.NIGHT  # "last night" fills it in
    assert saved.note == "woke me up"


def test_other_time_is_kept_in_the_local_zone(qtbot, store: Store, clock: FakeClock) -> None:
    dialog = CrampDialog(store, clock=clock, journal=Journal(store, clock))
    qtbot.addWidget(dialog)
    dialog.other_radio.click()
    assert dialog.when_edit.isEnabled()
    qdt = dialog.when_edit.dateTime()
    dialog.when_edit.setDateTime(qdt.addDays(-2).addSecs(-3600))
    dialog.save()
    assert cramps(store)[0].at == at(date(2026, 3, 9), "19:15")


def test_last_night_is_the_most_recent_three_oclock() -> None:
    assert last_night(at(date(2026, 3, 11), "02:00")) == at(date(2026, 3, 10), "03:00")
    assert last_night(at(date(2026, 3, 11), "08:00")) == at(date(2026, 3, 11), "03:00")


def test_long_duration_shows_the_urgent_prompt_at_once(qtbot, store: Store, clock) -> None:
    dialog = CrampDialog(store, clock=clock, journal=Journal(store, clock))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.warning_label.isVisible()
    dialog.minutes_spin.setValue(10)
    assert not dialog.warning_label.isVisible()
    dialog.minutes_spin.setValue(15)
    assert dialog.warning_label.isVisible()
    assert "more than 10 minutes" in dialog.warning_label.text()
    assert "15 minutes" in dialog.warning_label.text()
    assert "urgent appointment the same day" in dialog.warning_label.text()
    assert dialog.warning_label.property("level") == "urgent"
    dialog.minutes_spin.setValue(2)
    assert not dialog.warning_label.isVisible()


def test_defaults_follow_the_last_entry(qtbot, store: Store, clock) -> None:
    store.add(dataclasses.replace(cramp(date(2026, 3, 10)), leg=Leg.BOTH, muscle=Muscle.FOOT))
    dialog = CrampDialog(store, clock=clock, journal=Journal(store, clock))
    qtbot.addWidget(dialog)
    assert dialog.leg_combo.currentData() == "both"
    assert dialog.muscle_combo.currentData() == "foot"


def test_edit_replaces_the_entry(qtbot, store: Store, clock) -> None:
    wrong = cramp(date(2026, 3, 10), severity=9, minutes=4)
    store.add(wrong)
    dialog = CrampDialog(store, event=wrong, clock=clock, journal=Journal(store, clock))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit a cramp"
    assert dialog.severity_spin.value() == 9 and dialog.minutes_spin.value() == 4
    dialog.severity_spin.setValue(3)
    dialog.save()
    (fixed,) = cramps(store)
    assert fixed.id == wrong.id and fixed.severity == 3 and fixed.at == wrong.at


def test_write_error_is_shown_and_retry_does_not_duplicate(
    qtbot, store: Store, clock, monkeypatch
) -> None:
    dialog = CrampDialog(store, clock=clock, journal=Journal(store, clock))
    qtbot.addWidget(dialog)
    dialog.show()

    def full_disk() -> None:  # as the real store does: the entry stays pending
        raise StoreWriteError("disk full")

    monkeypatch.setattr(store, "flush", full_disk)
    updates = []
    monkeypatch.setattr(store, "update", updates.append)
    dialog.save()
    assert dialog.isVisible()
    assert dialog.status_label.isVisible() and "disk full" in dialog.status_label.text()
    dialog.save()  # the retry replaces, never adds a second copy
    assert len(updates) == 1 and dialog.result() == dialog.DialogCode.Accepted
    monkeypatch.undo()  # the store saves what is pending when it closes


def test_a_time_before_a_dst_change_gets_that_dates_offset(qtbot, store: Store) -> None:
    summer = FakeClock(at(date(2026, 3, 30), "20:00"))  # CEST, UTC+2
    dialog = CrampDialog(store, clock=summer, journal=Journal(store, summer), tz=TZ)
    qtbot.addWidget(dialog)
    dialog.other_radio.click()
    dialog.when_edit.setDateTime(dialog.when_edit.dateTime().addDays(-2).addSecs(2 * 3600))
    dialog.save()
    (saved,) = cramps(store)
    assert saved.at.astimezone(TZ).utcoffset().total_seconds() == 3600  # CET on the 28th
    assert (saved.at.astimezone(TZ).day, saved.at.astimezone(TZ).hour) == (28, 22)
