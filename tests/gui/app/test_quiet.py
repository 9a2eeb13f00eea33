"""Qt's pixmap cache is emptied once nothing of ours shows, so its trimming timer stops."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPixmap, QPixmapCache

from crampcoach.qt import quiet


def test_the_last_window_closing_empties_qts_pixmap_cache(qapp: Any) -> None:
    key = QPixmapCache.insert(QPixmap(8, 8))
    assert QPixmapCache.find(key) is not None
    quiet.when_nothing_shows(qapp)
    try:
        qapp.lastWindowClosed.emit()  # what Qt emits when the last window closes to the tray
        assert QPixmapCache.find(key) is None
    finally:
        qapp.lastWindowClosed.disconnect(quiet.let_qt_sleep)
