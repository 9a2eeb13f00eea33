"""The review's first open reads its week on a worker thread, never in the event loop."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from crampcoach.core.events import WaterEvent, new_id
from crampcoach.core.review import GRID_ROWS
from tests.gui.windows import opened_review

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _spy_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from crampcoach.qt import review_view

    readers: list[str] = []
    real = review_view.read_week

    def spy(*args: Any, **kwargs: Any) -> Any:
        readers.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(review_view, "read_week", spy)
    return readers


def test_the_week_is_read_on_a_worker_and_the_window_shows_what_it_read(
    make_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, fake_clock: Any
) -> None:
    app = make_app()
    app.store.add(WaterEvent(id=new_id(), at=fake_clock.now(), ml=400))
    readers = _spy_reads(monkeypatch)
    review = opened_review(app, qtbot)
    assert readers == ["crampcoach-preload"]  # read once, and not by the GUI thread
    shown = [[review.cell(item, day) for day in range(7)] for item in GRID_ROWS]
    review.refresh()  # the same week read in the GUI thread, as Page Up does
    assert readers[-1] == threading.current_thread().name
    assert [[review.cell(item, day) for day in range(7)] for item in GRID_ROWS] == shown
    assert any("400" in cell for row in shown for cell in row)
    assert review.chart is not None
    assert QApplication.overrideCursor() is None  # busy only while reading


def test_a_quit_while_the_week_is_read_opens_no_window(make_app: Any, qtbot: Any) -> None:
    app = make_app()
    app.open_review()
    app.quit()
    qtbot.waitUntil(lambda: "review" not in app._preparing)  # the worker's answer came back
    assert "review" not in app.windows
    assert QApplication.overrideCursor() is None  # the busy cursor went with it
