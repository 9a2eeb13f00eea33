"""Session timing under load: 60 one-second steps in the real player, real clock, busy loop.

The real ``PlayerWindow`` (offscreen, sound off, real clock) plays a routine
of sixty 1-second steps while a timer on the same main thread burns 5-30 ms
of CPU (a pure-Python busy loop) at random gaps averaging 50 ms, like a
sluggish desktop.

What the issue's 20 ms is judged on: the *sound cue* of each step boundary.
The user follows with eyes on their legs, so the boundary they perceive is
the sound, and the player plays it from its cue clock's worker thread
(``crampcoach/qt/cue_clock.py``) at the engine's planned time, whatever the
main thread is doing.  The worker records the clock as it plays each cue and
says so in its ``fired`` signal; "cue fired late" is that reading minus the
ideal boundary (start + k s), for the 59 step starts and the end.  With sound
off (no audio device here) the worker does everything but the
``QSoundEffect.play()`` call.  Left in it: the timer's wake-up (under 1 ms)
and the wait for the GIL while the main thread runs Python (up to the 5 ms
switch interval, now and then twice).

Detail, for the screen: when the player's GUI thread handled each boundary
(the step change reached the widgets).  A boundary that falls inside a burst
of other main-thread work is drawn when the burst ends, so "screen updated
late" is bounded by the longest burst (30 ms), which no single-threaded GUI
can beat; "beyond the busy burst" is the player's own part of it, from the
main thread coming free to the handling.  The engine's own dating of each
boundary ("schedule error") shows any drift, which the deadline design says
must be zero.

Total drift is when the session was seen to finish minus start + 60 s.
Goals (issue 4): largest step-boundary error <= 20 ms, total drift <= 50 ms.
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
    from crampcoach.core.session import CueKey, CueKind, Finished, Session, StepStarted
    from crampcoach.core.settings import Settings
    from crampcoach.qt.cue_sink import cue_sink
    from crampcoach.qt.player import PlayerWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = SystemClock()
    player = PlayerWindow(
        Session(_routine(), clock),
        cue_sink(Settings(sounds=False, voice=False), clock),
        autostart=False,
        keep_awake=False,
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
    fired: dict[int, list[float]] = {}  # boundary k (1..STEPS) -> when its sound cue was played

    def cue(key: CueKey, _sound: str, at: float) -> None:
        if key.kind is CueKind.STEP and key.position > 0:  # position 0: the start, not a boundary
            fired.setdefault(key.position, []).append(at)
        elif key.kind is CueKind.FINISHED:
            fired.setdefault(STEPS, []).append(at)

    if player.sink.cue_clock is None:
        raise RuntimeError("the player has no cue clock with the real clock")
    player.sink.cue_clock.fired.connect(cue)

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
    # ``fired`` is queued to this thread: the end's cue may still be on its way.
    until = time.monotonic() + 1
    while STEPS not in fired and time.monotonic() < until:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    outcome = player.session.outcome()
    player.close()
    player.deleteLater()
    app.processEvents()

    if len(starts) != STEPS or not finished_at:
        raise RuntimeError(f"session did not finish: {len(starts)} steps seen")
    if sorted(fired) != list(range(1, STEPS + 1)) or any(len(v) != 1 for v in fired.values()):
        raise RuntimeError(f"not one cue per boundary: {fired}")
    cue_late = [(fired[k][0] - (t0 + k)) * 1000 for k in range(1, STEPS + 1)]
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
        "cue_max": max(cue_late),
        "cue_p95": statistics.quantiles(cue_late, n=20)[-1],
        "cue_min": min(cue_late),
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
    """One 60-second run; the row for the issue's goal first, then the detail behind it."""
    m = measure()
    area = "timing"
    return [
        # The goal, judged as written, on what the user perceives.
        Row(
            area,
            f"step-boundary cue fired late, max (of {STEPS})",
            m["cue_max"],
            "ms",
            "<= 20 ms (issue)",
            m["cue_max"] <= 20,
        ),
        Row(area, "step-boundary cue fired late, p95", m["cue_p95"], "ms", "—", True, context=True),
        # Never early: the worker's timer is armed in whole milliseconds, rounded up.
        Row(
            area,
            "step-boundary cue fired late, min",
            m["cue_min"],
            "ms",
            ">= 0 ms",
            m["cue_min"] >= 0,
        ),
        # The screen: bounded by the longest burst of someone else's work.
        Row(area, "screen updated late, max", m["late_max"], "ms", "—", True, context=True),
        Row(area, "screen updated late, p95", m["late_p95"], "ms", "—", True, context=True),
        Row(
            area,
            "screen updated late beyond the busy burst it fell in, max",
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
            "—",
            True,
            context=True,
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
            "—",
            True,
            context=True,
        ),
    ]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
