"""Python's cycle collector, run on the GUI thread only (the calibre and qutebrowser remedy).

A closed player is freed by the cycle collector, not by reference counts:
its window, its cue clock and the clock's worker in the cue thread hold one
another.  Left automatic, a collection starts wherever an allocation trips
the threshold: on the cue thread or the import thread, which then deletes
widgets outside the GUI thread, or inside a paint event, which deletes a
window Qt is painting ("QPaintDevice: Cannot destroy paint device that is
being painted", then a crash in QPainter; seen in the GUI tests, and gone
with automatic collection off).  PySide's own advice (PYSIDE-79) is to keep
collection on the GUI thread: automatic collection off, and this timer
collecting between events, where no paint and no other thread is inside Qt.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from crampcoach.qt.timers import Timer, TimerFactory, qt_timer

#: How often the GUI thread checks whether a collection is due.  Coarse and
#: rare, so a tray app idle all day wakes for it about once a minute.
CHECK_MS = 60_000


class GuiThreadCollector(QObject):
    """Turns automatic collection off while it lives and collects from its timer."""

    def __init__(self, parent: QObject, timers: TimerFactory = qt_timer) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._stopped = False
        self._settled = False
        gc.disable()
        self._timers = timers
        self._timer: Timer | None = None

    def arm(self) -> None:
        """Start checking (once the App is built; later calls do nothing).

        Not at construction, nor from the loop's first round: a coarse timer's
        type is in PySide's ``Qt`` namespace, whose first import (17-27 ms) a
        --hidden start makes after its tray icon shows, on the worker that
        imports the App's modules.  PySide builds that namespace lazily and not
        thread-safely: read from the GUI thread while the worker was building
        it, ``Qt.TimerType`` was missing (an AttributeError in 2 of 5 hidden
        starts under Xvfb with the test suite running beside, none in 8 on a
        quiet machine), and the collector never ran.  Nothing is due sooner.
        """
        if self._timer is None and not self._stopped:
            self._timer = self._timers(self, self.collect_due, single_shot=False, coarse=True)
            self._timer.start(CHECK_MS)

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds, as Python would.

        Returns how many unreachable objects were found.
        """
        found = 0
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] > self._threshold[generation]:
                found += gc.collect(generation)
        return found

    def settle(self) -> None:
        """Start-up is over: collect once, then keep what lives on out of every later collection.

        What exists once the services run (the modules, the App, its tray and
        reminders) lives as long as the process, yet every check went over it
        again: the first, a minute after a --hidden start, scanned the 57,000
        objects made since QApplication in 16.6 ms (the desktop benchmark,
        Xvfb); after this, 8 ms for the 40,000 made since.  ``gc.freeze()``
        moves them to a generation no collection scans; the collection before
        it (14-18 ms, in a turn of its own) keeps start-up's garbage out of
        it.  Once; not after :meth:`stop`.
        """
        if self._settled or self._stopped:
            return
        self._settled = True
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        """Stop the timer and give collection back to Python (the app is quitting)."""
        self._stopped = True
        if self._settled:
            gc.unfreeze()  # what settle() set aside is collectable again
        if self._timer is not None:
            self._timer.stop()
        if self._was_enabled:
            gc.enable()
