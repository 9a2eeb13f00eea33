"""Letting Qt sleep while nothing of ours is on screen.

While Qt's pixmap cache holds anything (the style's button and frame
pixmaps, the icons), a timer of its own trims it every 10-30 s until it is
empty, minutes later.  Measured in ``benchmarks/bench_desktop.py`` (a local
copy counting voluntary switches per thread): those were the wake-ups of a
hidden player mid-hold, and, once the two minute timers of our own had gone,
all six of an idle tray's GUI-thread wake-ups in 130 s (none in 60 s with
the cache emptied once the services run; the bare PySide6 tray app: 2).
``clear()`` stops that timer; the next paint of any window fills the cache
again.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPixmapCache


def let_qt_sleep() -> None:
    """Empty Qt's pixmap cache (and so stop the timer that trims it)."""
    QPixmapCache.clear()


def when_nothing_shows(qapp: QGuiApplication) -> None:
    """Let Qt sleep each time the last of the app's windows closes (to the tray)."""
    qapp.lastWindowClosed.connect(let_qt_sleep)
