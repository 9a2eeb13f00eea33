"""apscheduler inside the Qt event loop, with the stock QtScheduler's defects fixed.

``apscheduler.schedulers.qt.QtScheduler`` (3.11) has four problems for a
reminder app (see ``shared/design/platform.md``, "apscheduler inside Qt"):

1. It stores the return value of the *static* ``QTimer.singleShot``, which is
   ``None``, so it can never cancel a pending wake-up: every ``add_job`` /
   ``wakeup()`` starts another timer chain that keeps firing, even after
   ``shutdown()``.  Here one persistent single-shot ``QTimer`` is restarted.
2. Its default executor is a thread pool, so jobs run off the GUI thread where
   touching a widget or the tray is unsafe.  Here jobs run inline on the GUI
   thread (``DebugExecutor``).
3. ``misfire_grace_time`` defaults to 1 s: a reminder more than a second late
   (after a suspend, or a blocked loop) is silently dropped.  Here jobs have
   no grace limit and are coalesced: a late job runs once, and the job itself
   (the reminder controller, through ``core.reminders.due_now``) decides what
   a late reminder shows.
4. It computes waits from the wall clock but waits on Qt's monotonic timers,
   which stop while the machine is suspended, and it never notices a wall
   clock change.  Here a coarse check every ``check_interval_s`` compares wall
   and monotonic progress; a mismatch means a resume or clock jump, and the
   scheduler emits ``clock_jumped`` and re-plans.  That check is the only
   periodic wake-up while idle.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from crampcoach.core.clock import Clock, SystemClock

#: Qt timers take an int of milliseconds.
_MAX_WAIT_MS = 2**31 - 1
#: Wall and monotonic time may drift apart this much between checks before
#: we call it a jump (NTP slews far more gently than this).
JUMP_THRESHOLD_S = 5.0


class _Signals(QObject):
    clock_jumped = Signal(float)  # seconds the wall clock moved beyond the monotonic one
    jobs_processed = Signal()


class GuiScheduler(QtScheduler):  # type: ignore[misc]  # apscheduler is untyped
    """A QtScheduler that runs jobs on the GUI thread and notices suspend and clock jumps.

    Connect to :attr:`clock_jumped` (a Qt signal carrying the jump in seconds)
    to re-check what is due after a resume.
    """

    def __init__(
        self,
        *,
        timezone: tzinfo | None = None,
        clock: Clock | None = None,
        check_interval_s: float = 60.0,
        parent: QObject | None = None,
        **options: Any,
    ) -> None:
        self._signals = _Signals(parent)
        self._qtimer = QTimer(self._signals)
        self._qtimer.setSingleShot(True)
        # The default CoarseTimer may fire up to 5 % early: apscheduler would
        # then find nothing due and wait again, a second wake-up per job.
        self._qtimer.setTimerType(Qt.TimerType.PreciseTimer)
        self._qtimer.timeout.connect(self._process_jobs)
        self._clock: Clock = clock or SystemClock()
        self._check = QTimer(self._signals)
        self._check.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._check.setInterval(int(check_interval_s * 1000))
        self._check.timeout.connect(self.check_clock)
        self._last_wall = self._clock.now()
        self._last_mono = self._clock.monotonic()
        options.setdefault("executors", {"default": DebugExecutor()})
        defaults = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}
        defaults.update(options.pop("job_defaults", {}))
        options["job_defaults"] = defaults
        if timezone is not None:
            options["timezone"] = timezone
        super().__init__(**options)

    # -- signals ----------------------------------------------------------

    @property
    def clock_jumped(self) -> Any:
        """Qt signal ``(float)``: the wall clock moved this many seconds more than monotonic time."""
        return self._signals.clock_jumped

    @property
    def jobs_processed(self) -> Any:
        """Qt signal: a scheduler pass ran (for tests and diagnostics)."""
        return self._signals.jobs_processed

    # -- lifecycle --------------------------------------------------------

    def start(self, paused: bool = False) -> None:
        """Start the scheduler and the resume/clock-jump check."""
        super().start(paused)
        self._last_wall, self._last_mono = self._clock.now(), self._clock.monotonic()
        self._check.start()

    def shutdown(self, wait: bool = True) -> None:
        """Stop the scheduler; no timer of ours is left running."""
        self._check.stop()
        super().shutdown(wait)
        self._qtimer.stop()

    # -- the fixed timer --------------------------------------------------

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._stop_timer()
        if wait_seconds is not None:
            # +1 ms: Qt rounds down, and firing a hair early means a wasted pass.
            wait_ms = min(int(wait_seconds * 1000) + 1, _MAX_WAIT_MS)
            self._qtimer.start(max(wait_ms, 0))

    def _stop_timer(self) -> None:
        self._qtimer.stop()

    def wakeup(self) -> None:
        """Re-plan now (after adding a job, or after a resume)."""
        self._start_timer(0)

    def _process_jobs(self) -> None:
        # BaseScheduler's pass, not QtScheduler's: that one restarts its own
        # (broken) timer and returns None.
        wait_seconds = BaseScheduler._process_jobs(self)
        self._start_timer(wait_seconds)
        self._signals.jobs_processed.emit()

    @property
    def timer_active(self) -> bool:
        """Whether a scheduler pass is pending (for tests)."""
        return self._qtimer.isActive()

    @property
    def pending_ms(self) -> int:
        """Milliseconds until the next pass, -1 when none (for tests)."""
        return self._qtimer.remainingTime() if self._qtimer.isActive() else -1

    # -- suspend / clock jumps -------------------------------------------

    def check_clock(self) -> float:
        """Compare wall and monotonic progress since the last check; re-plan on a jump.

        Returns the jump in seconds (0.0 when none).  Monotonic time stops
        during suspend on Linux, so a resume shows up as the wall clock
        running ahead; a manual clock change shows up either way.
        """
        wall, mono = self._clock.now(), self._clock.monotonic()
        wall_delta = (wall.astimezone(UTC) - self._last_wall.astimezone(UTC)).total_seconds()
        jump = wall_delta - (mono - self._last_mono)
        self._last_wall, self._last_mono = wall, mono
        if abs(jump) < JUMP_THRESHOLD_S:
            return 0.0
        self.clock_jumped.emit(jump)
        if self.running:
            self.wakeup()
        return jump
