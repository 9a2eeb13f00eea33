"""Python's cycle collector, run on the GUI thread only, as the thread goes to sleep.

Left automatic, a collection starts wherever an allocation trips the
threshold: on the cue thread or the import thread, which then deletes
widgets outside the GUI thread, or inside a paint event, which deletes a
window Qt is painting ("QPaintDevice: Cannot destroy paint device that is
being painted", then a crash in QPainter; seen in the GUI tests, and gone
with automatic collection off).  PySide's own advice (PYSIDE-79) is to keep
collection on the GUI thread: automatic collection off, and collections run
between events, where no paint and no other thread is inside Qt.

calibre and qutebrowser run that check from a timer.  Here it runs when the
GUI thread's event loop is about to wait for the next event (the
dispatcher's ``aboutToBlock``): between events as well, as soon as a
collection is due rather than up to a timer's period later, and without a
timer of its own, so an app idle in the tray, or a player nobody sees, is
never woken to find nothing to collect.  Allocation happens only while the
app works, and the app works only when something woke it.
"""

from __future__ import annotations

import contextlib
import gc

from PySide6.QtCore import QAbstractEventDispatcher, QObject, SignalInstance


class GuiThreadCollector(QObject):
    """Turns automatic collection off while it lives; collects on the GUI thread once settled."""

    def __init__(self, parent: QObject, sleeping: SignalInstance | None = None) -> None:
        """``sleeping``: emitted as the GUI thread is about to wait (default: the dispatcher's)."""
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._sleeping = sleeping
        self._stopped = False
        self._settled = False
        gc.disable()

    def collect_due(self) -> int:
        """Collect what Python would collect now, had it been left automatic.

        Python collects once the young generation's count passes its
        threshold: the oldest generation whose count passed its own, with the
        younger ones.  Returns how many unreachable objects were found.
        Called on every turn of the loop that ends in a wait, so the common
        case (nothing due) is one call and one comparison.
        """
        counts = gc.get_count()
        if counts[0] <= self._threshold[0]:
            return 0
        for generation in (2, 1):
            if counts[generation] > self._threshold[generation]:
                return gc.collect(generation)
        return gc.collect(0)

    def settle(self) -> None:
        """Start-up is over: collect once, keep what lives on out of every later collection, start.

        What exists once the services run (the modules, the App, its tray and
        reminders) lives as long as the process, yet every check went over it
        again: the first scanned the 57,000 objects made since QApplication in
        16.6 ms (the desktop benchmark, Xvfb); after this, 8 ms for the 40,000
        made since.  ``gc.freeze()`` moves them to a generation no collection
        scans; the collection before it (14-18 ms, in a turn of its own)
        keeps start-up's garbage out of it.  Nothing is collected before
        this: start-up's turns are short and many, and each would have walked
        everything made so far.  Once; not after :meth:`stop`.
        """
        if self._settled or self._stopped:
            return
        self._settled = True
        gc.collect()
        gc.freeze()
        sleeping = self._sleeping
        if sleeping is None:
            dispatcher = QAbstractEventDispatcher.instance()
            if dispatcher is None:  # no event loop in this thread: nothing to hook
                return
            sleeping = dispatcher.aboutToBlock
            self._sleeping = sleeping
        sleeping.connect(self.collect_due)

    def stop(self) -> None:
        """Stop collecting and give collection back to Python (the app is quitting)."""
        if self._settled and not self._stopped:
            gc.unfreeze()  # what settle() set aside is collectable again
            if self._sleeping is not None:
                with contextlib.suppress(RuntimeError):  # the loop's dispatcher is gone
                    self._sleeping.disconnect(self.collect_due)
        self._stopped = True
        if self._was_enabled:
            gc.enable()
