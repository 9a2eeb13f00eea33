"""Sound cues from the cue clock's worker thread: on time, each once, re-planned on every change.

These run on the real clock (the worker waits on real time), and wait with
``qtbot.waitSignal`` / ``waitUntil``, never a sleep.  Timing bounds are loose
on purpose (a shared CI machine): the benchmark measures the real figures.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QThread

from crampcoach.core.clock import FakeClock, SystemClock
from crampcoach.core.model import Citation, Routine, RoutineKind, Side, Step
from crampcoach.core.session import CueKey, CueKind, State
from crampcoach.qt.cue_clock import CueClock, SoundCue
from crampcoach.qt.player import STALE_CUE_S, PlayerWindow
from tests.fakes import FakeTimers
from tests.gui.player.staging import make_player

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

QUIET = {"sounds": False, "voice": False}
CITE = (Citation(doc="spasm-in-leg", quote="stretch before and after excessive activity"),)


def routine(*steps: Step) -> Routine:
    return Routine(id="r", title="R", kind=RoutineKind.STRETCH, description="d", steps=steps)


def step(name: str, duration: int, side: Side = Side.BOTH, **kw: Any) -> Step:
    return Step(
        name=name, instructions="Hold.", duration_s=duration, side=side, citations=CITE, **kw
    )


#: 1.5 s get-ready (a "1" tick), a 1 s step on each leg (next, switch), then
#: 2 holds of 1 s with a 1 s rest (next, next, next), then done: 6.5 s.
SHORT = routine(
    step("each", 1, Side.EACH),
    step("reps", 3, repetitions=2, hold_s=1, rest_s=1),
)
SHORT_LEAD_IN_S = 1.5
SHORT_SOUNDS = ["tick", "next", "switch", "next", "next", "next", "done"]


class Fired:
    """Every ``fired(key, sound, at)`` of a cue clock, in the order the worker played them."""

    def __init__(self, clock: CueClock) -> None:
        self.cues: list[tuple[Any, str, float]] = []
        clock.fired.connect(lambda key, sound, at: self.cues.append((key, sound, at)))

    def cue_keys(self) -> list[Any]:
        return [k for k, _, _ in self.cues]

    def sounds(self) -> list[str]:
        return [s for _, s, _ in self.cues]


def real_player(qtbot: Any, r: Routine = SHORT, **kw: Any) -> PlayerWindow:
    kw.setdefault("lead_in_s", SHORT_LEAD_IN_S)
    p = make_player(r, None, QUIET, SystemClock(), keep_awake=False, autostart=False, **kw)
    qtbot.addWidget(p)
    return p


# --- the cue clock alone ------------------------------------------------------------


def test_cue_clock_plays_each_cue_once_when_due_in_order(qtbot: Any) -> None:
    clock = SystemClock()
    cc = CueClock(clock, sounds=False, stale_s=STALE_CUE_S)
    try:
        fired = Fired(cc)
        t0 = clock.monotonic()
        plan = [SoundCue(t0 + 0.05 * n, ("cue", n), "tick") for n in (3, 1, 2)]  # any order
        cc.schedule(plan)
        with qtbot.waitSignal(cc.fired, timeout=5000):
            assert cc.play(("cue", 2), "next")  # claimed now: played now, not again when due
        qtbot.waitUntil(lambda: len(fired.cues) == 3, timeout=5000)
        assert fired.cue_keys() == [("cue", 2), ("cue", 1), ("cue", 3)]
        assert fired.sounds() == ["next", "tick", "tick"]
        for (key, _, at), due in zip(fired.cues[1:], (t0 + 0.05, t0 + 0.15), strict=True):
            assert due <= at < due + STALE_CUE_S, key  # never early
        assert not cc.play(("cue", 1), "tick")  # the worker played it: nobody plays it again
        qtbot.assertNotEmitted(cc.fired, wait=100)
    finally:
        cc.shutdown()
    assert not cc.running


def test_a_replaced_plan_is_forgotten(qtbot: Any) -> None:
    clock = SystemClock()
    cc = CueClock(clock, sounds=False, stale_s=STALE_CUE_S)
    try:
        t0 = clock.monotonic()
        cc.schedule([SoundCue(t0 + 0.1, "old", "tick")])
        cc.schedule([SoundCue(t0 + 0.15, "new", "tick")])
        with qtbot.waitSignal(cc.fired, timeout=5000) as blocker:
            pass
        assert blocker.args[0] == "new"
        cc.schedule([SoundCue(t0 + 0.25, "paused", "tick")])
        cc.schedule(())  # a pause: nothing is due any more
        qtbot.assertNotEmitted(cc.fired, wait=400)
    finally:
        cc.shutdown()


def test_cue_clock_lives_on_its_own_thread_and_stops_cleanly(qtbot: Any) -> None:
    cc = CueClock(SystemClock(), sounds=False, stale_s=STALE_CUE_S)
    thread = cc.findChild(QThread)
    assert thread is not None and thread is not QThread.currentThread()
    qtbot.waitUntil(thread.isRunning)
    cc.shutdown()
    assert thread.isFinished() and not cc.running
    cc.shutdown()  # twice is harmless
    with qtbot.assertNotEmitted(cc.fired, wait=50):
        cc.schedule([SoundCue(0.0, "late", "tick")])  # no worker any more: nothing, no crash
        cc.play("later", "tick")


# --- the player -----------------------------------------------------------------------


def test_the_player_uses_a_cue_thread_only_with_the_real_clock(qtbot: Any) -> None:
    p = real_player(qtbot)
    assert p.sink.cue_clock is not None and p.sink.cue_clock.running
    assert not p.sink.cues.sound_on  # the sounds are the worker's, never the GUI thread's too
    fake = make_player(SHORT, None, QUIET, FakeClock(), keep_awake=False, autostart=False)
    qtbot.addWidget(fake)
    assert fake.sink.cue_clock is None
    opted_out = real_player(qtbot, cue_thread=False)
    assert opted_out.sink.cue_clock is None


def expected_sounds() -> list[str]:
    """What the GUI thread alone plays for SHORT (no worker, fake clock, ticked at each deadline)."""
    clock = FakeClock()
    p = make_player(
        SHORT, None, QUIET, clock, keep_awake=False, lead_in_s=SHORT_LEAD_IN_S, autostart=False
    )
    heard: list[str] = []
    p.sink.cues.cued.connect(lambda kind, _text: kind == "say" or heard.append(kind))
    p.start()
    while (nd := p.session.next_deadline()) is not None:
        clock.advance(nd - clock.monotonic())
        p.tick()
    p.close()
    p.deleteLater()
    return heard


@pytest.mark.slow
def test_a_whole_routine_plays_every_cue_once_in_order_from_the_worker(qtbot: Any) -> None:
    assert expected_sounds() == SHORT_SOUNDS  # the same cues as without a worker
    p = real_player(qtbot)
    assert p.sink.cue_clock is not None
    fired = Fired(p.sink.cue_clock)
    p.show()
    p.start()
    planned = {c.key: c.due for c in p.sound_plan()}
    with qtbot.waitSignal(p.finished, timeout=15000):
        pass
    qtbot.waitUntil(lambda: "done" in fired.sounds(), timeout=5000)
    assert fired.sounds() == SHORT_SOUNDS
    assert len(set(fired.cue_keys())) == len(fired.cue_keys())  # each once
    assert all(isinstance(k, CueKey) for k in fired.cue_keys())
    # Every cue was planned at the start, and played when due (never early).
    assert [k for k in fired.cue_keys() if k not in planned] == []
    for key, _, at in fired.cues:
        assert planned[key] <= at < planned[key] + STALE_CUE_S, key
    assert p.session.outcome().completed


@pytest.mark.slow
def test_the_sounds_come_on_time_even_if_the_gui_thread_never_ticks(qtbot: Any) -> None:
    # The screen side never learns of a boundary: only the worker can play these.
    # Fake timers: the deadline timer never fires, so the GUI thread never ticks.
    p = real_player(qtbot, routine(step("a", 2), step("b", 1)), lead_in_s=0, timers=FakeTimers())
    assert p.sink.cue_clock is not None
    fired = Fired(p.sink.cue_clock)
    p.start()
    planned = p.sound_plan()
    assert [c.sound for c in planned] == ["tick", "next", "done"]
    qtbot.waitUntil(lambda: len(fired.cues) == 4, timeout=10000)  # the start's "next" + 3
    assert fired.cue_keys()[1:] == [c.key for c in planned]
    for cue, (_, _, at) in zip(planned, fired.cues[1:], strict=True):
        assert cue.due <= at < cue.due + STALE_CUE_S
    assert p.session.step_number == 1  # the GUI thread is still on the first step


class Plans:
    """Every plan the player handed its cue clock."""

    def __init__(self, p: PlayerWindow, monkeypatch: pytest.MonkeyPatch) -> None:
        assert p.sink.cue_clock is not None
        self.sent: list[list[SoundCue]] = []
        real = p.sink.cue_clock.schedule

        def schedule(cues: Any) -> None:
            self.sent.append(list(cues))
            real(cues)

        monkeypatch.setattr(p.sink.cue_clock, "schedule", schedule)

    @property
    def last(self) -> list[SoundCue]:
        return self.sent[-1]


def test_pause_resume_skip_back_and_stop_replan(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = routine(step("a", 20), step("b", 20), step("c", 20))
    p = real_player(qtbot, r, lead_in_s=0)
    plans = Plans(p, monkeypatch)
    p.start()
    first = plans.last
    assert [c.sound for c in first[:4]] == ["tick", "tick", "tick", "next"]
    assert first[0].key == CueKey(1, 0, CueKind.COUNTDOWN, 3)
    p.toggle_pause()
    assert p.session.state is State.PAUSED and plans.last == []
    p.toggle_pause()
    resumed = plans.last
    assert [c.key for c in resumed] == [c.key for c in first]
    assert all(b.due > a.due for a, b in zip(first, resumed, strict=True))  # later by the pause
    p.skip()  # to b: its cues, under a new entry
    assert plans.last[0].key == CueKey(2, 1, CueKind.COUNTDOWN, 3)
    assert not {c.key for c in plans.last} & {c.key for c in first[:4]}
    p.back()  # within 3 s: back to a, a third entry
    assert plans.last[0].key == CueKey(3, 0, CueKind.COUNTDOWN, 3)
    p.restart_step()
    assert plans.last[0].key == CueKey(4, 0, CueKind.COUNTDOWN, 3)
    p.stop()
    assert plans.last == []


def test_a_skip_plays_its_cue_once_through_the_worker(qtbot: Any) -> None:
    r = routine(step("a", 20), step("b", 20, Side.EACH))
    p = real_player(qtbot, r, lead_in_s=0)
    assert p.sink.cue_clock is not None
    fired = Fired(p.sink.cue_clock)
    p.start()
    p.skip()  # to b, left
    p.skip()  # to b, right: a switch, and no "next" on top of it
    qtbot.waitUntil(lambda: len(fired.cues) == 3, timeout=5000)
    assert fired.sounds() == ["next", "next", "switch"]
    assert [k.kind for k in fired.cue_keys()] == [CueKind.STEP, CueKind.STEP, CueKind.SWITCH_SIDES]
    qtbot.assertNotEmitted(p.sink.cue_clock.fired, wait=100)


def test_closing_the_player_stops_the_cue_thread(qtbot: Any) -> None:
    p = real_player(qtbot)
    assert p.sink.cue_clock is not None
    thread = p.sink.cue_clock.findChild(QThread)
    p.show()
    p.start()
    qtbot.waitUntil(thread.isRunning)
    with qtbot.waitSignal(p.finished):
        p.close()
    assert thread.isFinished() and not p.sink.cue_clock.running
    assert p.session.state is State.STOPPED


def test_a_player_deleted_on_close_takes_its_thread_down_cleanly(qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    p = make_player(
        SHORT, None, QUIET, SystemClock(), keep_awake=False, lead_in_s=0
    )  # the app's way
    p.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    assert p.sink.cue_clock is not None
    p.show()
    with qtbot.waitSignal(p.destroyed, timeout=5000):
        p.close()


def test_a_player_deleted_without_a_close_does_not_abort_the_app(qtbot: Any) -> None:
    # Qt aborts the whole process when a running QThread is deleted.
    p = make_player(
        SHORT, None, QUIET, SystemClock(), keep_awake=False, lead_in_s=0, autostart=False
    )
    assert p.sink.cue_clock is not None and p.sink.cue_clock.running
    p.start()
    with qtbot.waitSignal(p.destroyed, timeout=5000):
        p.deleteLater()
