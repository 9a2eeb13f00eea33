"""A hold counting down redraws its two clocks, not a relayout of the whole window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from crampcoach.core.clock import FakeClock
from crampcoach.qt import steady
from tests.gui.player.test_player import open_player


class LayoutRequests(QObject):
    """Counts LayoutRequest events per widget, application-wide."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and isinstance(watched, QWidget):
            self.seen.append(watched.objectName())
        return False


def tick(p: Any, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    p.repaint_timer.fire()
    QApplication.processEvents()


def test_a_hold_ticks_without_a_layout_request(qtbot: Any) -> None:
    clock = FakeClock()
    p = open_player(qtbot, clock)
    tick(p, clock, 1.001)  # the first tick holds the clocks at their size,
    for _ in range(10):  # which the layouts above take in once, one level per pass
        QApplication.processEvents()
    requests = LayoutRequests()
    QApplication.instance().installEventFilter(requests)
    try:
        for _ in range(5):
            tick(p, clock, 1.0)
    finally:
        QApplication.instance().removeEventFilter(requests)
    assert p.countdown.text() == "00:14"
    assert "left" in p.total_left.text()
    assert requests.seen == []


def test_a_resize_lets_the_clocks_grow_with_the_window(qtbot: Any) -> None:
    clock = FakeClock()
    p = open_player(qtbot, clock)
    tick(p, clock, 1.001)
    held = p.countdown.size()
    assert p.countdown.minimumSize() == p.countdown.maximumSize() == held
    p.resize(p.width() - 8, p.height())  # a little narrower: the same type scale
    QApplication.processEvents()
    assert p.countdown.maximumSize() != held  # let go: the layout sizes it again
    p.resize(p.size() * 1.4)
    QApplication.processEvents()
    tick(p, clock, 1.0)
    assert p.countdown.size() != held  # the layout gave it the bigger type's room
    assert p.countdown.fontMetrics().horizontalAdvance("00:18") <= p.countdown.width()


def test_a_text_too_wide_is_let_go_and_shown_whole(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    label = QLabel("9", host)
    host.show()
    qtbot.waitExposed(host)
    steady.set_text(label, "8")
    assert label.minimumSize() == label.maximumSize()
    steady.set_text(label, "a much longer text than the label was given")
    assert label.maximumSize() == QSize((1 << 24) - 1, (1 << 24) - 1)
    assert label.text().startswith("a much longer")
