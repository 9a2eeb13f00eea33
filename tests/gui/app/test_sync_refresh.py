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


def test_the_apps_own_writes_arm_no_refresh_but_a_new_file_in_its_folder_does(
    make_app: Any, data_dir: Path, fake_clock: FakeClock
) -> None:
    # Issue 17: the debounce timer for the app's own write woke a hidden player
    # 700 ms later.  The signal is emitted here as the watcher emits it, so the
    # test does not wait on the file system's timing.
    store = Store.open(data_dir, clock=fake_clock)
    app = make_app(store)
    sync = app.sync_watcher
    own = str(store.own_dir)
    assert own in sync.watcher.directories()
    # This month's first entry and the first setting: new files in this computer's
    # folder, looked at once (a new name could be a sync tool's).
    app.log_water()
    app.journal.set_setting("water_goal_ml", 2000)
    sync.watcher.directoryChanged.emit(own)
    assert sync.timer.isActive()
    sync.timer.stop()
    app.log_water()  # the same two files replaced: the app's own writes
    app.journal.set_setting("water_goal_ml", 2100)
    sync.watcher.directoryChanged.emit(own)
    assert not sync.timer.isActive()
    # A sync tool's conflict copy appears next to them: that is news.
    (store.own_dir / "events-2026-01.sync-conflict-20260105-121000-ABCDEF.json").write_text("{}")
    sync.watcher.directoryChanged.emit(own)
    assert sync.timer.isActive()
