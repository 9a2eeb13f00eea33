"""The player's big type is laid out once, at its scaled size (issue 17: Qt's font cache).

Qt's font cache keeps two font engines (about 200 KiB of its 4 MiB budget)
for every size a widget was ever given; past the budget its clean-up timer
wakes the app every 10 s, and that timer woke a player hidden mid-hold.  The
four labels that scale with the window used to get the stylesheet's design
size first and the scaled one at the first resize: four sizes measured and
thrown away per player.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from crampcoach.core.clock import FakeClock
from crampcoach.qt import theme
from crampcoach.qt.player import SCALED_TYPE
from tests.gui.player.test_player import open_player

#: The big labels by object name (``ui/player.ui``) and their attribute.
NAMES = {
    "countdownLabel": "countdown",
    "sideBanner": "side_banner",
    "stepNameLabel": "step_name",
    "repLabel": "rep",
}


class FontChanges(QObject):
    """Every font the big labels are given, application-wide."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: dict[str, set[float]] = {name: set() for name in NAMES}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QWidget):
            name = watched.objectName()
            if name in self.sizes:
                self.sizes[name].add(round(watched.font().pointSizeF(), 1))
        return False


def test_the_big_labels_only_ever_get_their_scaled_size(qtbot: Any) -> None:
    changes = FontChanges()
    qapp = QApplication.instance()
    qapp.installEventFilter(changes)
    try:
        p = open_player(qtbot, FakeClock())
        p.grab()  # laid out and painted
    finally:
        qapp.removeEventFilter(changes)
    base = QGuiApplication.font().pointSizeF()
    assert p._type_scale != 1.0  # the test screen is smaller than the design size
    for name, attribute in NAMES.items():
        scaled = round(base * SCALED_TYPE[attribute] / 100 * p._type_scale, 1)
        assert getattr(p, attribute).font().pointSizeF() == scaled
        assert changes.sizes[name] == {scaled}, name  # never the design size first


def test_the_player_stylesheet_leaves_the_big_labels_size_to_the_player() -> None:
    qss = theme.player_qss()
    for name in NAMES:
        start = qss.index(f"QLabel#{name} {{")
        rule = qss[start : qss.index("}", start)]
        assert "font-size" not in rule, name
