"""The player's modules imported ahead, in short turns of the event loop, so a start imports nothing.

The first start of a routine imports the player, its cue clock, the session
engine and jeepney (for the screen saver inhibitor), about 45 ms, and reads
the cited documents' catalogue: done in the start's own round, with the
player's first build, that was one 80-90 ms stall.  Two ways round it:

* :meth:`PlayerPreparation.prepare` when a routine may start soon (the main
  window on screen, the tray menu open): from ``delay_ms`` on, a few modules
  a turn (:data:`TURN_BUDGET_S`);
* :meth:`PlayerPreparation.when_ready` when one is asked to start (the
  command line's ``start``, a notification's button): the steps left run at
  once, in turns, and the player opens in the turn after the last.

In the GUI thread, not on a worker: a worker's imports hold the interpreter
lock in slices of the switch interval (5 ms), and each time Qt called back into
Python meanwhile (a paint, an event filter) it waited for one, so the main
window's first layout and paint took 55-70 ms instead of 25 (measured with a
heartbeat timer, offscreen).  A turn here is the budget plus at most the
largest module, about 15 ms.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

#: A 1 ms timer between turns, not ``singleShot(0)``: posted events run before
#: due timers and input, so turns chained that way ran back to back.
TURN_MS = 1
#: A turn runs steps until this much time has gone (the step that crosses it
#: finishes): one module a turn made a first start wait for thirteen turns,
#: 105-161 ms from the command line to the player painted where the goal is 150.
TURN_BUDGET_S = 0.010


class PlayerPreparation(QObject):
    """Runs its steps in turns of about :data:`TURN_BUDGET_S`, once; then calls whoever waits."""

    def __init__(
        self,
        modules: Sequence[str],
        after: Sequence[Callable[[], object]],
        parent: QObject,
        *,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._modules = tuple(modules)
        self._steps: list[str | Callable[[], object]] = [*self._modules, *after]
        self._waiting: list[Callable[[], object]] = []
        self._started = False
        self._stopped = False
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._turn)

    @property
    def ready(self) -> bool:
        """Whether starting a routine now imports nothing of the player's."""
        return not self._steps or all(name in sys.modules for name in self._modules)

    def prepare(self, delay_ms: int) -> None:
        """Begin the steps ``delay_ms`` from now (once; later calls do nothing)."""
        if self._started or self._stopped:
            return
        self._started = True
        self._delay.start(delay_ms)

    def when_ready(self, then: Callable[[], object]) -> None:
        """Call ``then`` once every step has run: now if they have, else after the last."""
        if self.ready:
            then()
            return
        self._waiting.append(then)
        if self._delay.isActive() or not self._started:
            self._started = True
            self._delay.start(TURN_MS)  # someone waits: no more delay

    def stop(self) -> None:
        """The app is quitting: no more steps, nobody called."""
        self._stopped = True
        self._delay.stop()
        self._waiting.clear()

    def _turn(self) -> None:
        if self._stopped:
            return
        if self._steps:
            end = self._clock() + TURN_BUDGET_S
            while self._steps:  # at least one step a turn, then while the budget lasts
                step = self._steps.pop(0)
                try:
                    importlib.import_module(step) if isinstance(step, str) else step()
                except Exception:  # the start imports it again and says what failed
                    log.debug("preparing the player failed", exc_info=True)
                    self._steps.clear()
                if self._clock() >= end:
                    break
            if self._steps or self._waiting:  # who waits goes in a turn of its own
                self._delay.start(TURN_MS)
            return
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()
