"""Session timing under load: 60 one-second steps in the real player, real clock, busy loop.

The real ``PlayerWindow`` (offscreen, no sound) plays a routine of sixty
1-second steps while a timer on the same main thread burns 5-30 ms of CPU
every 50 ms, like a sluggish desktop.  For every step boundary we compare:

* when the engine dated the boundary (its schedule): any drift would show
  here, and the deadline design says it must be zero;
* when the player actually handled it (the step change reached the widgets):
  a boundary that falls inside a burst of busy work is handled when the burst
  ends, so this is the lateness a user could see;
* how much of that lateness is ours: the time from the main thread coming
  free (the end of the burst the boundary fell in, if any) to the handling.

Total drift is when the session was seen to finish minus start + 60 s.
Goals (issue 4): largest step-boundary error <= 20 ms, total drift <= 50 ms.
The goal is checked on the player's own error and on the schedule; the raw
lateness is printed beside them and is bounded by the longest burst (30 ms),
which no single-threaded GUI can beat.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

from benchmarks.common import Row

STEPS = 60
BURN_EVERY_MS = 50
BURN_MS = (5, 30)
SEED = 4


def _routine():  # type: ignore[no-untyped-def]
    from crampcoach.core.model import Citation, Routine, RoutineKind, Side, Step

    cite = (Citation(doc="spasm-in-leg", quote="stretch before and after excessive activity"),)
    steps = tuple(
        Step(
            name=f"Step {n + 1}",
            instructions="Hold.",
            duration_s=1,
            side=Side.BOTH,
            citations=cite,
        )
        for n in range(STEPS)
    )
    return Routine(
        id="timing", title="Timing", kind=RoutineKind.STRETCH, description="bench", steps=steps
    )


def measure() -> dict[str, float]:
    """Play the routine once; return the figures in milliseconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from crampcoach.core.clock import SystemClock
    from crampcoach.core.session import Finished, StepStarted
    from crampcoach.qt.player import PlayerWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = SystemClock()
    player = PlayerWindow(
        _routine(),
        None,
        {"sounds": False, "voice": False},
        clock,
        autostart=False,
        keep_awake=False,
        lead_in_s=0,
    )
    rng = random.Random(SEED)
    burns: list[tuple[float, float]] = []  # (start, end), monotonic seconds

    def burn() -> None:
        ms = rng.uniform(*BURN_MS)
        start = clock.monotonic()
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end:
            pass
        burns.append((start, clock.monotonic()))
        # Random gaps (50 ms on average), so bursts fall at every phase of the
        # second; a fixed 50 ms period would line up with 1 s boundaries and
        # always miss (or always hit) them.
        burner.start(rng.randint(BURN_EVERY_MS - 25, BURN_EVERY_MS + 25))

    starts: list[tuple[float, float]] = []  # (engine's due, handled at)
    finished_at: list[float] = []

    def seen(event: object) -> None:
        if isinstance(event, StepStarted):
            starts.append((event.due, clock.monotonic()))
        elif isinstance(event, Finished):
            finished_at.append(clock.monotonic())

    player.session.subscribe(seen)
    loop = QEventLoop()
    player.finished.connect(lambda _event: loop.quit())
    burner = QTimer()
    burner.setSingleShot(True)
    burner.timeout.connect(burn)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)

    player.show()
    app.processEvents()
    burner.start(BURN_EVERY_MS)
    guard.start((STEPS + 15) * 1000)
    player.start()
    t0 = starts[0][0]
    loop.exec()
    burner.stop()
    guard.stop()
    outcome = player.session.outcome()
    player.close()
    player.deleteLater()
    app.processEvents()

    if len(starts) != STEPS or not finished_at:
        raise RuntimeError(f"session did not finish: {len(starts)} steps seen")
    boundaries = starts[1:]  # the first start is "now", not a boundary
    ideal = [t0 + k + 1 for k in range(len(boundaries))]
    schedule_err = [abs(due - b) * 1000 for b, (due, _) in zip(ideal, boundaries, strict=True)]
    handled_late = [(at - b) * 1000 for b, (_, at) in zip(ideal, boundaries, strict=True)]

    def free_at(b: float, at: float) -> float:
        """When the main thread was free for us after boundary ``b``: the end of any burst
        that ran between the boundary and its handling (Qt runs an earlier-due burst
        first even when it wakes up after ``b``)."""
        ends = [end for start, end in burns if start < at and end > b]
        return max([b, *ends])

    own_late = [(at - free_at(b, at)) * 1000 for b, (_, at) in zip(ideal, boundaries, strict=True)]
    hit = sum(1 for b, (_, at) in zip(ideal, boundaries, strict=True) if free_at(b, at) > b)
    return {
        "schedule_max": max(schedule_err),
        "late_max": max(handled_late),
        "late_p95": statistics.quantiles(handled_late, n=20)[-1],
        "own_max": max(own_late),
        "hit": float(hit),
        "drift": (finished_at[0] - (t0 + STEPS)) * 1000,
        "engine_drift": abs(outcome.active_s - STEPS) * 1000,
        "busy_share": sum(e - s for s, e in burns) / (finished_at[0] - t0),
    }


def run() -> list[Row]:
    """One 60-second run; rows for the issue's two goals and the detail behind them."""
    m = measure()
    area = "timing"
    return [
        # A boundary that falls inside a burst of someone else's work on the
        # main thread cannot be handled before the burst ends, so the raw
        # worst case is bounded by the longest burst, not by the player.
        Row(
            area,
            "step boundary handled late, max",
            m["late_max"],
            "ms",
            # The goal, judged as written.  A boundary that falls inside
            # a burst of other main-thread work waits for the burst to end, so
            # with bursts up to BURN_MS[1] this can miss it; the next row shows
            # the player's own part.
            "<= 20 ms (issue)",
            m["late_max"] <= 20,
        ),
        Row(
            area,
            "step boundary handled late, p95",
            m["late_p95"],
            "ms",
            "(detail)",
            True,
        ),
        Row(
            area,
            "step boundary late beyond the busy burst it fell in, max",
            m["own_max"],
            "ms",
            "<= 20 ms",
            m["own_max"] <= 20,
        ),
        Row(
            area,
            f"step boundaries that fell inside a busy burst (of {STEPS - 1})",
            m["hit"],
            "",
            "(load)",
            True,
        ),
        Row(
            area,
            "step boundary schedule error, max",
            m["schedule_max"],
            "ms",
            "<= 20 ms",
            m["schedule_max"] <= 20,
        ),
        Row(
            area,
            "total drift (60 s seen end)",
            abs(m["drift"]),
            "ms",
            "<= 50 ms",
            abs(m["drift"]) <= 50,
        ),
        Row(
            area,
            f"main thread busy share ({BURN_MS[0]}-{BURN_MS[1]} ms every {BURN_EVERY_MS} ms)",
            100 * m["busy_share"],
            "%",
            "(load)",
            True,
        ),
    ]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
