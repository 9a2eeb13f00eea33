"""The shared window rules: fit the screen, centre on it, remember the size on this computer."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from crampcoach.qt import screens
from tests.gui.player.staging import staged_player

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_window_larger_than_the_screen_is_shrunk_and_centred(qtbot: Any) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    w.setMinimumSize(5000, 5000)
    screens.fit_window(w, "big", QSize(9000, 9000))
    w.show()
    area = screens.available(w)
    assert area.contains(w.frameGeometry())
    assert w.width() <= area.width() and w.height() <= area.height()


def test_the_size_is_remembered_per_computer_and_bounded_on_return(
    qtbot: Any, data_dir: Path
) -> None:
    w = QDialog()
    qtbot.addWidget(w)
    screens.fit_window(w, "thing", QSize(400, 300))
    w.show()
    w.resize(520, 410)
    w.reject()  # a dialog saves when it finishes; windows call remember() when they close
    saved = json.loads(
        (Path(os.environ["XDG_STATE_HOME"]) / "crampcoach" / "windows.json").read_text()
    )
    assert saved["thing"] == [520, 410]
    again = QWidget()
    qtbot.addWidget(again)
    screens.fit_window(again, "thing", QSize(400, 300))
    again.show()
    assert again.size() == QSize(520, 410)
    again.resize(480, 400)
    screens.remember(again)
    assert screens.saved_size("thing") == QSize(480, 400)
    # A size from a bigger screen (or a hand-edited file) never exceeds this one.
    screens.save_size("thing", QSize(20000, 20000))
    third = QWidget()
    qtbot.addWidget(third)
    screens.fit_window(third, "thing", QSize(400, 300))
    third.show()
    assert screens.available(third).contains(third.frameGeometry())


def test_a_broken_sizes_file_costs_only_the_remembered_size(qtbot: Any, data_dir: Path) -> None:
    path = Path(os.environ["XDG_STATE_HOME"]) / "crampcoach" / "windows.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert screens.saved_size("main") is None
    path.write_text(json.dumps({"main": ["wide", 3], "other": [0, 5]}))
    assert screens.saved_size("main") is None and screens.saved_size("other") is None
    screens.save_size("main", QSize(300, 200))
    assert screens.saved_size("main") == QSize(300, 200)


def _countdown_points(player: Any) -> float:
    label: QLabel = player.countdown
    return label.font().pointSizeF()


def test_the_countdown_grows_with_the_window_and_f11_fills_the_screen(qtbot: Any) -> None:
    from tests.gui.player.test_player import make_routine

    player = staged_player(make_routine(), make_routine().steps[0].side, seconds_in=1)
    qtbot.addWidget(player)
    player.show()
    player.resize(800, 500)
    qtbot.waitUntil(lambda: player.width() == 800)
    small = _countdown_points(player)
    player.resize(1800, 1150)
    qtbot.waitUntil(lambda: player.width() == 1800)
    assert _countdown_points(player) > 1.8 * small
    player.toggle_full_screen()
    assert player.isFullScreen()
    player.escape()  # Esc first leaves full screen; the session goes on
    assert not player.isFullScreen()
    assert not player.ended
