"""The running app notices another computer's entries arriving and redraws."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import WaterEvent, new_id
from crampcoach.store import Store


def test_entries_synced_in_from_another_computer_show_without_a_restart(
    make_app: Any,
    data_dir: Path,
    tmp_path: Path,
    fake_clock: FakeClock,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(Store.open(data_dir, clock=fake_clock))
    assert app.main_window.water_label.text().startswith("Water logged: 0 ml")
    # The other computer: its own state folder (device id), the same data folder.
    monkeypatch.setenv("CRAMPCOACH_STATE_DIR", str(tmp_path / "other-computer"))
    monkeypatch.delenv("XDG_RUNTIME_DIR")  # and its own lock, not this computer's
    with Store.open(data_dir, clock=fake_clock) as other:
        other.add(WaterEvent(id=new_id(), at=fake_clock.now(), ml=777))
        other.set_setting("water_goal_ml", 2000)
    # No call from the test: the file watcher sees the new folder and files.
    qtbot.waitUntil(
        lambda: app.main_window.water_label.text() == "Water logged: 777 ml of your 2000 ml goal",
        timeout=10_000,
    )
