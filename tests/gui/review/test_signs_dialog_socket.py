"""Every warning sign fires from the cramp dialog and over the socket, at night and in the day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from crampcoach.core import safety
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import CrampEvent, Leg, Muscle, new_id
from crampcoach.core.journal import Journal
from crampcoach.qt.cramp_dialog import CrampDialog
from crampcoach.store import Store
from tests.unit.review.helpers import at
from tests.unit.review.test_signs import HOURS, SIGNS

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("hhmm", HOURS)
@pytest.mark.parametrize(("fields", "wid", "level"), SIGNS)
def test_sign_fires_in_the_dialog(
    qtbot, data_dir: Path, fields: dict, wid: str, level: safety.Level, hhmm: str
) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(at(date(2026, 3, 11), hhmm))
    store = Store.open(data_dir, clock=clock)
    try:
        dialog = CrampDialog(store, clock=clock, journal=Journal(store, clock))
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.warning_label.isVisible()
        dialog.leg_combo.setCurrentIndex(
            dialog.leg_combo.findData(fields.get("leg", Leg.LEFT).value)
        )
        if "minutes" in fields:
            dialog.minutes_spin.setValue(fields["minutes"])
        for sign in fields.get("symptoms", ()):
            dialog.symptom_boxes[sign].setChecked(True)
        assert dialog.warning_label.isVisible()
        text = dialog.warning_label.text()
        assert text.startswith(safety.LEVEL_LABELS[level])  # the most urgent first
        assert dialog.warning_label.property("level") == level.value
        dialog.save()
        (saved,) = store.events()
        assert isinstance(saved, CrampEvent)
        assert saved.symptoms == tuple(fields.get("symptoms", ()))
    finally:
        store.close()


@pytest.fixture
def app(
    qtbot, qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from crampcoach.qt.app import App

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={data_dir}/no-bus")
    clock = FakeClock(at(date(2026, 3, 11), "12:00"))
    store = Store.open(data_dir, clock=clock)
    a = App(store, data_dir, clock=clock, routines=[])
    qtbot.addWidget(a.main_window)
    yield a
    if a.services is not None:
        a.services.stop()
    store.close()


@pytest.mark.parametrize("hhmm", HOURS)
@pytest.mark.parametrize(("fields", "wid", "level"), SIGNS)
def test_sign_fires_over_the_socket(
    app: Any, fields: dict, wid: str, level: safety.Level, hhmm: str
) -> None:
    when: datetime = at(date(2026, 3, 10), hhmm)
    base: dict = {"leg": Leg.LEFT, "muscle": Muscle.CALF, "severity": 6}
    event = CrampEvent(id=new_id(), at=when, **{**base, **fields})
    reply = app.handle_request({"cmd": "log", "event": event.to_dict()})
    assert reply["ok"] is True
    assert reply["warnings"][0]["level"] == level.value
    assert wid in [w["id"] for w in reply["warnings"]]
    stored = app.store.get(event.id)
    assert stored is not None and stored.symptoms == event.symptoms
