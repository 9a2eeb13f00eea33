"""The shared window rules: fit the screen, centre on it, remember the size on this computer."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
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


def test_save_and_cancel_stay_in_view_below_a_scrolling_form(qtbot: Any, data_dir: Path) -> None:
    """Settings and the cramp dialog: squeezed to a netbook's height, the form scrolls
    but its Save and Cancel do not (they are outside the scrolled content)."""
    from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

    from tests.gui.windows import open_every_window, settle

    opened = open_every_window(data_dir)
    try:
        for name in ("settings", "cramp"):
            dialog = opened.windows[name]
            dialog.resize(dialog.width(), 300)
            settle()
            boxes = dialog.findChildren(QDialogButtonBox)
            assert boxes, name
            for box in boxes:
                node = box.parentWidget()
                while node is not None and node is not dialog:
                    assert not isinstance(node, QScrollArea), f"{name}: buttons scroll away"
                    node = node.parentWidget()
                assert box.isVisible(), name
                shown = QRect(box.mapTo(dialog, box.rect().topLeft()), box.size())
                assert dialog.rect().contains(shown), name
    finally:
        opened.close()
