"""Sound cues on time while the GUI thread is busy: their timer and sounds live on a worker thread.

A user following a routine looks at their legs, not the screen: the step
boundary they perceive is the sound.  The player's own deadline timer runs
on the GUI thread, so a boundary that falls inside some other main-thread
work (a repaint, a chart, another window) is handled when that work ends.
``CueClock`` takes the sound cues off that path:

* The player hands it the engine's plan after every change (start, tick,
  pause, resume, skip, back, restart, stop) with ``schedule()``: the sound
  cues still to come, each with its monotonic due time and a key that names
  it uniquely (``Session.planned_cues``).  The plan is stored under a lock,
  so a pause or a skip takes effect at once, not when the worker next runs.
* The worker, a QObject in its own QThread, keeps one single-shot
  ``Qt.PreciseTimer`` armed for the earliest cue not yet played.  When it
  fires, the worker claims every cue that is due, plays it, and emits
  ``fired(key, sound, at)`` with the clock reading taken as it played.
* A cue is played once: whoever claims its key first plays it.  When the
  engine's event for a cue reaches the GUI thread, the player calls
  ``play()``, which claims the key and has the worker play it, or does
  nothing when the worker already has.  Cues that only the GUI thread knows
  of (the step a skip lands on, the start) take the same way, so every
  sound comes from the one set of QSoundEffects, created in the worker
  thread because a QSoundEffect plays from the thread it was created in.

What the GIL still costs: the worker's slot is Python, so while the GUI
thread runs pure-Python code the worker waits for the interpreter to switch
threads, up to ``sys.getswitchinterval()`` (5 ms by default) each time it
needs the GIL back.  C++ work on the GUI thread (layout, painting) releases
the GIL and costs nothing.  So the firing path does as little as it can:
nothing is imported or created there (an import in the worker's first
firing, each file read waiting for the GIL again, once cost 300 ms).

With sound off, or no audio device, the worker still fires and emits
``fired`` but plays nothing, so the timing is the same and can be measured.
"""

from __future__ import annotations

import functools
import math
import threading
import weakref
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from shiboken6 import isValid

from crampcoach.core.clock import Clock
from crampcoach.qt.cues import load_sounds, play_sound

#: How long ``shutdown()`` waits for the worker thread; its slots take microseconds.
STOP_WAIT_MS = 2000


@dataclass(frozen=True, slots=True)
class SoundCue:
    """One sound to play at monotonic ``due``; ``key`` tells it from every other cue."""

    due: float
    key: Hashable
    sound: str


def _stop(thread: QThread) -> None:
    # A thread Qt has deleted (with its owner) was stopped before it went.
    if isValid(thread) and thread.isRunning():
        thread.quit()
        thread.wait(STOP_WAIT_MS)


class _Plan:
    """The cues to come and the keys already claimed, shared by both threads under one lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cues: tuple[SoundCue, ...] = ()
        self._claimed: set[Hashable] = set()

    def replace(self, cues: Iterable[SoundCue]) -> None:
        ordered = tuple(sorted(cues, key=lambda c: c.due))
        with self._lock:
            self._cues = ordered

    def claim(self, key: Hashable) -> bool:
        """True for the first caller with ``key``, False for any later one."""
        with self._lock:
            if key in self._claimed:
                return False
            self._claimed.add(key)
            return True

    def take_due(self, now: float, stale_s: float) -> list[SoundCue]:
        """Claim and return the unclaimed cues due by ``now``; drop those more than ``stale_s`` late."""
        with self._lock:
            due = [
                c
                for c in self._cues
                if c.due <= now and now - c.due <= stale_s and c.key not in self._claimed
            ]
            self._claimed.update(c.key for c in due)
            self._cues = tuple(c for c in self._cues if c.due > now)
            return due

    def next_due(self) -> float | None:
        with self._lock:
            return next((c.due for c in self._cues if c.key not in self._claimed), None)


class _Worker(QObject):
    """Lives in the cue thread: the timer, the sounds, the firing."""

    fired = Signal(object, str, float)

    def __init__(self, clock: Clock, plan: _Plan, sounds: bool, stale_s: float) -> None:
        super().__init__()
        self._clock = clock
        self._plan = plan
        self._sounds = sounds
        self._stale_s = stale_s
        self._effects: dict[str, Any] = {}
        self._timer: QTimer | None = None

    @Slot()
    def setup(self) -> None:
        """Create the timer and the sounds in this thread (QThread.started calls it there)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._fire)
        if self._sounds:
            self._effects = load_sounds(self)

    @Slot()
    def rearm(self) -> None:
        """Arm the timer for the earliest cue not yet played (the plan changed, or one fired)."""
        assert self._timer is not None
        due = self._plan.next_due()
        if due is None:
            self._timer.stop()
            return
        # Rounded up: Qt counts whole milliseconds, and a cue must not fire before it is due.
        self._timer.start(max(0, math.ceil((due - self._clock.monotonic()) * 1000)))

    @Slot()
    def _fire(self) -> None:
        now = self._clock.monotonic()
        for cue in self._plan.take_due(now, self._stale_s):
            self._play(cue.key, cue.sound, now)
        self.rearm()

    @Slot(object, str)
    def play_claimed(self, key: Hashable, sound: str) -> None:
        """Play a cue the GUI thread claimed (an event it handled before this timer fired)."""
        self._play(key, sound, self._clock.monotonic())

    def _play(self, key: Hashable, sound: str, at: float) -> None:
        play_sound(self._effects, sound)
        self.fired.emit(key, sound, at)

    @Slot()
    def silence(self) -> None:
        """Stop every sound still playing."""
        for effect in self._effects.values():
            effect.stop()


class CueClock(QObject):
    """Plays scheduled sound cues from a worker thread; see the module docstring.

    Create it on the GUI thread; it starts its thread at once.  Call
    ``shutdown()`` before its owner goes away (the player does on close).
    """

    #: (key, sound, at): a cue was played (or would have been, with sound off) at monotonic ``at``.
    fired = Signal(object, str, float)
    _rearm = Signal()
    _play_claimed = Signal(object, str)
    _silence = Signal()

    def __init__(
        self,
        clock: Clock,
        *,
        sounds: bool,
        stale_s: float,
        parent: QObject | None = None,
    ) -> None:
        """``sounds``: play them (only when ``cues.sound_available()``); ``stale_s``: skip cues this late."""
        super().__init__(parent)
        self.sound_on = sounds
        self._plan = _Plan()
        self._thread = QThread(self)
        self._thread.setObjectName("CueClock")
        self._worker = _Worker(clock, self._plan, sounds, stale_s)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.setup)
        # The worker and its sounds are deleted in their own thread as it ends.
        self._thread.finished.connect(self._worker.deleteLater)
        # Queued: these run in the worker thread.
        self._rearm.connect(self._worker.rearm)
        self._play_claimed.connect(self._worker.play_claimed)
        self._silence.connect(self._worker.silence)
        # Queued the other way: ``fired`` is emitted on this (the GUI) thread.
        self._worker.fired.connect(self.fired)
        # Qt aborts the process when a running QThread is deleted, and the worker
        # must not be deleted outside its thread while that runs.  If the owner
        # goes without shutdown() (no close event), stop the thread first, on
        # whichever comes first: Qt deleting this object (``destroyed`` comes
        # before its children, the thread, are deleted), or Python releasing
        # this wrapper, which drops the worker's (finalizers run before that).
        self.destroyed.connect(functools.partial(_stop, self._thread))
        weakref.finalize(self, _stop, self._thread)
        self._thread.start()

    @property
    def running(self) -> bool:
        """Whether the worker thread is running (False once shut down)."""
        return self._thread.isRunning()

    def schedule(self, cues: Iterable[SoundCue]) -> None:
        """Replace the plan: these cues, and no others, will be played when due unless claimed."""
        self._plan.replace(cues)
        self._rearm.emit()

    def play(self, key: Hashable, sound: str) -> bool:
        """Play the cue ``key`` now unless it was played already; True when this call played it."""
        if not self._plan.claim(key):
            return False
        self._play_claimed.emit(key, sound)
        return True

    def silence(self) -> None:
        """Stop the sounds still playing (the session was stopped)."""
        self._silence.emit()

    def shutdown(self) -> None:
        """Forget the plan and stop the worker thread (safe to call more than once)."""
        self._plan.replace(())
        _stop(self._thread)
