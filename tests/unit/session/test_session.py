"""The session engine, driven by a fake clock only."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, SessionEvent
from crampcoach.core.model import Side, Step
from crampcoach.core.session import (
    Countdown,
    Finished,
    HalfWay,
    Paused,
    Resumed,
    SegmentKind,
    Session,
    State,
    StepStarted,
    Stopped,
    SwitchSides,
)
from tests.unit.session.helpers import WALK_STEPS, routine, run_to, step


class Recorder:
    def __init__(self, session: Session) -> None:
        self.events: list[object] = []
        session.subscribe(self.events.append)

    def kinds(self) -> list[str]:
        out = []
        for e in self.events:
            name = type(e).__name__
            if isinstance(e, Countdown):
                name += str(e.n)
            out.append(name)
        return out

    def clear(self) -> None:
        self.events.clear()


def make(*steps: Step) -> tuple[Session, FakeClock, Recorder]:
    clock = FakeClock()
    session = Session(routine(*steps), clock)
    return session, clock, Recorder(session)


# --- segments ---------------------------------------------------------------


def test_repeated_step_becomes_hold_rest_hold_rest_hold() -> None:
    s, _, _ = make(step("calf", reps=3, hold=10, rest=5))
    kinds = [(seg.kind, seg.rep, seg.duration_s) for seg in s.segments]
    assert kinds == [
        (SegmentKind.HOLD, 1, 10),
        (SegmentKind.REST, 2, 5),
        (SegmentKind.HOLD, 2, 10),
        (SegmentKind.REST, 3, 5),
        (SegmentKind.HOLD, 3, 10),
    ]
    assert s.total_duration_s() == 40


def test_repeated_step_without_rest_has_no_rest_segments() -> None:
    s, _, _ = make(step("calf", reps=2, hold=10, rest=0))
    assert [seg.kind for seg in s.segments] == [SegmentKind.HOLD, SegmentKind.HOLD]


def test_each_step_splits_left_then_right() -> None:
    s, _, _ = make(step("a"), step("b", side=Side.EACH, reps=2, hold=10, rest=5))
    assert [(seg.step_position, seg.side) for seg in s.segments] == [
        (0, Side.BOTH),
        (1, Side.LEFT),
        (1, Side.LEFT),
        (1, Side.LEFT),
        (2, Side.RIGHT),
        (2, Side.RIGHT),
        (2, Side.RIGHT),
    ]
    assert s.step_count == 3


# --- transitions ------------------------------------------------------------


def test_ready_state_before_start() -> None:
    s, _, rec = make(step("a", 20))
    assert s.state is State.READY
    assert s.remaining_s() == 20
    assert s.total_remaining_s() == 20
    assert s.next_deadline() is None
    assert not s.pause() and not s.resume() and not s.skip() and not s.back() and not s.stop()
    assert rec.events == []


def test_start_twice_raises() -> None:
    s, _, _ = make(step("a"))
    s.start()
    with pytest.raises(RuntimeError, match="already started"):
        s.start()


def test_plain_steps_run_to_finish_with_events_in_order() -> None:
    s, clock, rec = make(step("a", 20), step("b", 4))
    t0 = clock.monotonic()
    s.start()
    assert s.state is State.RUNNING
    assert s.step_number == 1 and s.step_count == 2
    run_to(s, clock, t0 + 24)
    assert rec.kinds() == [
        "StepStarted",
        "HalfWay",
        "Countdown3",
        "Countdown2",
        "Countdown1",
        "StepStarted",
        "Countdown3",
        "Countdown2",
        "Countdown1",
        "Finished",
    ]
    assert s.state is State.FINISHED
    dues = [e.due for e in rec.events if not isinstance(e, Finished)]  # type: ignore[attr-defined]
    assert dues == [t0, t0 + 10, t0 + 17, t0 + 18, t0 + 19, t0 + 20, t0 + 21, t0 + 22, t0 + 23]
    out = rec.events[-1].outcome  # type: ignore[attr-defined]
    assert out.completed and out.steps_done == (0, 1) and out.steps_skipped == ()
    assert out.active_s == 24
    assert out.ended - out.started == timedelta(seconds=24)


def test_repeated_step_events_and_rep_queries() -> None:
    s, clock, rec = make(step("calf", reps=3, hold=10, rest=5))
    t0 = clock.monotonic()
    s.start()
    assert s.repetition() == (1, 3)
    run_to(s, clock, t0 + 10)
    assert s.segment.kind is SegmentKind.REST and s.repetition() == (2, 3)
    run_to(s, clock, t0 + 15)
    assert s.segment.kind is SegmentKind.HOLD and s.repetition() == (2, 3)
    assert s.step_elapsed_s() == 15 and s.step_remaining_s() == 25
    run_to(s, clock, t0 + 40)
    starts = [type(e).__name__ for e in rec.events if not isinstance(e, Countdown | HalfWay)]
    assert starts == [
        "StepStarted",
        "RestStarted",
        "RepStarted",
        "RestStarted",
        "RepStarted",
        "Finished",
    ]


def test_plain_step_has_no_repetition() -> None:
    s, _, _ = make(step("a", 20))
    s.start()
    assert s.repetition() is None


def test_halfway_and_countdown_fire_exactly_once_each() -> None:
    s, clock, rec = make(step("a", 30))
    t0 = clock.monotonic()
    s.start()
    # Tick far more often than needed, and twice at the same instant.
    for _ in range(300):
        clock.advance(0.1)
        s.tick()
        s.tick()
    assert clock.monotonic() == pytest.approx(t0 + 30)
    assert [type(e) for e in rec.events].count(HalfWay) == 1
    counts = [e.n for e in rec.events if isinstance(e, Countdown)]
    assert counts == [3, 2, 1]
    assert isinstance(rec.events[-1], Finished)
    half = next(e for e in rec.events if isinstance(e, HalfWay))
    assert half.due == t0 + 15


def test_halfway_lands_in_the_right_segment_of_a_repeated_step() -> None:
    # 3 x 10 s holds with 10 s rests: 50 s, half-way at 25 s = the middle of hold 2.
    s, clock, rec = make(step("calf", reps=3, hold=10, rest=10))
    t0 = clock.monotonic()
    s.start()
    run_to(s, clock, t0 + 50)
    half = [e for e in rec.events if isinstance(e, HalfWay)]
    assert len(half) == 1 and half[0].due == t0 + 25 and half[0].segment.rep == 2
    assert half[0].segment.kind is SegmentKind.HOLD


def test_short_steps_get_no_halfway_and_only_fitting_countdowns() -> None:
    s, clock, rec = make(step("a", 3), step("b", 1))
    t0 = clock.monotonic()
    s.start()
    run_to(s, clock, t0 + 4)
    assert rec.kinds() == [
        "StepStarted",
        "Countdown2",
        "Countdown1",
        "StepStarted",
        "Finished",
    ]


def test_next_deadline_is_the_next_cue_or_boundary() -> None:
    s, clock, _ = make(step("a", 20))
    t0 = clock.monotonic()
    s.start()
    assert s.next_deadline() == t0 + 10  # half-way
    clock.advance(10)
    s.tick()
    assert s.next_deadline() == t0 + 17  # 3
    clock.advance(9.5)
    s.tick()
    assert s.next_deadline() == t0 + 20  # the boundary
    s.pause()
    assert s.next_deadline() is None


# --- pause / resume ---------------------------------------------------------


def test_pause_and_resume_keep_remaining_time_exactly() -> None:
    s, clock, rec = make(step("a", 20), step("b", 20))
    t0 = clock.monotonic()
    s.start()
    clock.advance(7.25)
    assert s.pause()
    assert s.state is State.PAUSED
    assert s.remaining_s() == pytest.approx(12.75)
    clock.advance(300)  # a long pause changes nothing
    s.tick()
    assert s.remaining_s() == pytest.approx(12.75)
    assert s.total_remaining_s() == pytest.approx(32.75)
    assert s.elapsed_s() == pytest.approx(7.25)
    assert not s.pause()
    assert s.resume()
    assert not s.resume()
    assert s.remaining_s() == pytest.approx(12.75)
    clock.advance(2.75)
    assert s.remaining_s() == pytest.approx(10)
    assert s.next_deadline() == pytest.approx(t0 + 300 + 10)  # half-way, due now
    run_to(s, clock, t0 + 300 + 40)
    assert s.state is State.FINISHED
    assert s.outcome().active_s == pytest.approx(40)
    assert s.outcome().ended - s.outcome().started == timedelta(seconds=340)
    paused = [e for e in rec.events if isinstance(e, Paused | Resumed)]
    assert [type(e) for e in paused] == [Paused, Resumed]
    assert paused[0].remaining_s == pytest.approx(12.75)


def test_cues_in_a_pause_wait_for_the_resume() -> None:
    s, clock, rec = make(step("a", 20))
    s.start()
    clock.advance(16.5)  # 3.5 s left: the 3-2-1 has not begun
    s.pause()
    clock.advance(100)
    s.tick()
    assert not any(isinstance(e, Countdown) for e in rec.events)
    s.resume()
    clock.advance(0.5)
    s.tick()
    assert [e.n for e in rec.events if isinstance(e, Countdown)] == [3]


def test_toggle_pause() -> None:
    s, _clock, _ = make(step("a", 20))
    s.start()
    assert s.toggle_pause() and s.state is State.PAUSED
    assert s.toggle_pause() and s.state is State.RUNNING


def test_pause_after_a_missed_boundary_first_catches_up() -> None:
    s, clock, rec = make(step("a", 10), step("b", 10))
    s.start()
    clock.advance(12)  # the timer never came
    s.pause()
    assert s.step_number == 2
    assert s.remaining_s() == pytest.approx(8)
    assert isinstance(rec.events[-1], Paused)


# --- skip / back / restart / stop ---------------------------------------------


def test_skip_from_first_step_and_mid_repetition() -> None:
    s, clock, rec = make(step("a", 20), step("b", reps=3, hold=10, rest=5), step("c", 20))
    t0 = clock.monotonic()
    s.start()
    clock.advance(4)
    assert s.skip()
    assert s.step_number == 2 and s.segment.rep == 1 and s.remaining_s() == 10
    clock.advance(17)  # into hold 2 of 3
    s.tick()
    assert s.repetition() == (2, 3) and s.segment.kind is SegmentKind.HOLD
    assert s.skip()  # skips all remaining holds of the step
    assert s.step_number == 3 and s.step.name == "c"
    assert s.remaining_s() == 20
    assert s.total_remaining_s() == 20
    # The schedule restarts from the skip, not from the old deadline.
    assert s.next_deadline() == pytest.approx(t0 + 21 + 10)
    starts = [e for e in rec.events if isinstance(e, StepStarted)]
    assert [e.segment.step.name for e in starts] == ["a", "b", "c"]
    assert starts[2].due == pytest.approx(t0 + 21)


def test_skip_last_step_finishes_as_not_completed() -> None:
    s, clock, rec = make(step("a", 20), step("b", 20))
    s.start()
    run_to(s, clock, clock.monotonic() + 25)
    assert s.skip()
    assert s.state is State.FINISHED
    assert isinstance(rec.events[-1], Finished)
    out = rec.events[-1].outcome
    assert not out.completed
    assert out.steps_done == (0,) and out.steps_skipped == (1,)
    assert not s.skip()  # nothing left to skip


def test_skip_while_paused_stays_paused_with_full_time() -> None:
    s, clock, _rec = make(step("a", 20), step("b", 15))
    s.start()
    clock.advance(5)
    s.pause()
    assert s.skip()
    assert s.state is State.PAUSED
    assert s.step_number == 2 and s.remaining_s() == 15
    clock.advance(50)
    s.tick()
    assert s.remaining_s() == 15
    s.resume()
    clock.advance(15)
    s.tick()
    assert s.state is State.FINISHED


def test_back_early_goes_to_previous_step() -> None:
    s, clock, _rec = make(step("a", 20), step("b", 20))
    s.start()
    run_to(s, clock, clock.monotonic() + 22)  # 2 s into b
    assert s.step_number == 2
    assert s.back()
    assert s.step_number == 1 and s.remaining_s() == 20


def test_back_late_restarts_the_current_step() -> None:
    s, clock, rec = make(step("a", 20), step("b", reps=3, hold=10, rest=5))
    s.start()
    run_to(s, clock, clock.monotonic() + 20 + 17)  # hold 2 of b
    assert s.repetition() == (2, 3)
    rec.clear()
    assert s.back()
    assert s.step_number == 2 and s.repetition() == (1, 3) and s.remaining_s() == 10
    assert rec.kinds() == ["StepStarted"]


def test_back_on_first_step_restarts_it() -> None:
    s, clock, _rec = make(step("a", 20), step("b", 20))
    s.start()
    clock.advance(1)
    assert s.back()
    assert s.step_number == 1 and s.remaining_s() == 20


def test_back_on_last_step() -> None:
    s, clock, _ = make(step("a", 20), step("b", 20))
    s.start()
    s.skip()
    clock.advance(10)
    assert s.back()  # 10 s in: restart b
    assert s.step_number == 2 and s.remaining_s() == 20
    clock.advance(1)
    assert s.back()  # 1 s in: back to a
    assert s.step_number == 1


def test_restart_step_rearms_its_cues() -> None:
    s, clock, rec = make(step("a", 20))
    s.start()
    run_to(s, clock, clock.monotonic() + 18.5)
    assert [type(e) for e in rec.events].count(HalfWay) == 1
    assert s.restart_step()
    assert s.remaining_s() == 20
    run_to(s, clock, clock.monotonic() + 20)
    assert [type(e) for e in rec.events].count(HalfWay) == 2
    assert [e.n for e in rec.events if isinstance(e, Countdown)] == [3, 2, 3, 2, 1]
    assert s.state is State.FINISHED


def test_stop_records_a_partial_outcome() -> None:
    s, clock, rec = make(step("a", 10), step("b", 10), step("c", 10))
    s.start()
    run_to(s, clock, clock.monotonic() + 5)
    s.skip()  # a skipped
    run_to(s, clock, clock.monotonic() + 10)  # b done
    clock.advance(3)
    assert s.stop()
    assert s.state is State.STOPPED
    assert isinstance(rec.events[-1], Stopped)
    out = rec.events[-1].outcome
    assert not out.completed
    assert out.steps_done == (1,) and out.steps_skipped == (0,)
    assert out.active_s == pytest.approx(18)
    assert s.outcome() is out
    assert not s.stop() and not s.pause() and not s.skip() and not s.restart_step()
    assert s.remaining_s() == 0 and s.total_remaining_s() == 0 and s.next_deadline() is None


def test_stop_while_paused_counts_only_running_time() -> None:
    s, clock, _ = make(step("a", 30))
    s.start()
    clock.advance(4)
    s.pause()
    clock.advance(100)
    s.stop()
    assert s.outcome().active_s == pytest.approx(4)
    assert s.outcome().ended - s.outcome().started == timedelta(seconds=104)


def test_going_back_and_redoing_a_skipped_step_counts_it_done() -> None:
    s, clock, _ = make(step("a", 10), step("b", 10))
    s.start()
    s.skip()
    s.back()  # back to a, it has barely begun
    run_to(s, clock, clock.monotonic() + 20)
    out = s.outcome()
    assert out.completed and out.steps_done == (0, 1) and out.steps_skipped == ()


# --- each sides ---------------------------------------------------------------


def test_each_sides_run_left_then_right_with_one_switch_cue() -> None:
    s, clock, rec = make(step("calf", side=Side.EACH, reps=2, hold=10, rest=5), step("end", 10))
    s.start()
    assert s.side is Side.LEFT
    assert s.next_step is not None and s.next_step.side is Side.RIGHT
    run_to(s, clock, clock.monotonic() + 25)
    assert s.side is Side.RIGHT
    run_to(s, clock, clock.monotonic() + 35)
    sides = [
        (type(e).__name__, e.segment.side)
        for e in rec.events
        if isinstance(e, StepStarted | SwitchSides)
    ]
    assert sides == [
        ("StepStarted", Side.LEFT),
        ("SwitchSides", Side.RIGHT),
        ("StepStarted", Side.RIGHT),
        ("StepStarted", Side.BOTH),
    ]
    switch = next(e for e in rec.events if isinstance(e, SwitchSides))
    assert switch.to is Side.RIGHT
    # The switch comes right after the left side's countdown, before the right side starts.
    i = rec.events.index(switch)
    assert isinstance(rec.events[i - 1], Countdown) and rec.events[i - 1].segment.side is Side.LEFT
    assert isinstance(rec.events[i + 1], StepStarted)
    out = s.outcome()
    assert out.completed and out.steps_done == (0, 1)


def test_skipping_one_side_marks_the_routine_step_skipped() -> None:
    s, clock, rec = make(step("calf", 10, side=Side.EACH), step("end", 10))
    s.start()
    clock.advance(2)
    s.skip()  # skip LEFT: a switch cue, then RIGHT
    assert s.side is Side.RIGHT
    assert any(isinstance(e, SwitchSides) for e in rec.events)
    run_to(s, clock, clock.monotonic() + 20)
    out = s.outcome()
    assert s.state is State.FINISHED and not out.completed
    assert out.steps_done == (1,) and out.steps_skipped == (0,)


def test_stopping_between_sides_counts_the_step_as_neither() -> None:
    s, clock, _ = make(step("calf", 10, side=Side.EACH))
    s.start()
    run_to(s, clock, clock.monotonic() + 15)  # left done, half of right
    s.stop()
    assert s.outcome().steps_done == () and s.outcome().steps_skipped == ()


# --- blocked loop, drift ----------------------------------------------------------


def test_blocked_loop_catches_up_segment_by_segment_without_drift() -> None:
    s, clock, rec = make(*(step(f"s{i}", 5) for i in range(8)))
    t0 = clock.monotonic()
    s.start()
    clock.advance(5 * 5 + 1.5)  # the loop was blocked across 5 boundaries
    s.tick()
    assert s.step_number == 6
    starts = [e for e in rec.events if isinstance(e, StepStarted)]
    assert [e.due for e in starts] == [t0 + 5 * k for k in range(6)]
    assert [e.segment.step.name for e in starts] == [f"s{k}" for k in range(6)]
    # Every countdown of the passed steps came, in time order, before the next step's start.
    dues = [e.due for e in rec.events]  # type: ignore[attr-defined]
    assert dues == sorted(dues)
    assert [e.n for e in rec.events if isinstance(e, Countdown)] == [3, 2, 1] * 5
    # No drift: the current step ends on its original schedule.
    assert s.remaining_s() == pytest.approx(3.5)
    run_to(s, clock, t0 + 40)
    assert s.state is State.FINISHED
    assert rec.events[-1].outcome.active_s == pytest.approx(40)


def test_ten_minute_routine_ends_within_50_ms_of_ten_minutes() -> None:
    r = (
        step("warm", 60),
        step("calf", side=Side.EACH, reps=3, hold=30, rest=15),  # 120 s a side
        step("ham", 60, side=Side.EACH),
        step("quad", 60),
        step("feet", 120),
    )
    s, clock, rec = make(*r)
    assert s.total_duration_s() == 600
    t0 = clock.monotonic()
    s.start()
    # An irregular, often late host: ticks 0-400 ms after each deadline, sometimes blocked for 7 s.
    lateness = [0.0, 0.013, 0.4, 0.051, 7.0, 0.2, 0.0009]
    k = 0
    while s.state is State.RUNNING:
        nd = s.next_deadline()
        assert nd is not None
        clock.advance(max(0.0, nd - clock.monotonic()) + lateness[k % len(lateness)])
        k += 1
        s.tick()
    finished = rec.events[-1]
    assert isinstance(finished, Finished)
    end_mono = t0 + finished.outcome.active_s
    assert abs(end_mono - (t0 + 600)) <= 0.05
    # The recorded end time is dated when the end came, not when the late tick noticed it.
    assert abs((finished.outcome.ended - finished.outcome.started).total_seconds() - 600) <= 0.05


# --- subscribers and the log event ---------------------------------------------


def test_unsubscribe_and_reentrant_operations() -> None:
    s, _clock, rec = make(step("a", 10), step("b", 10), step("c", 10))
    seen: list[str] = []

    def skipper(event: object) -> None:
        seen.append(type(event).__name__)
        if isinstance(event, StepStarted) and event.segment.step.name == "a":
            s.skip()  # an operation from inside a callback

    unsubscribe = s.subscribe(skipper)
    s.start()
    assert s.step.name == "b"
    assert seen == ["StepStarted", "StepStarted"]
    unsubscribe()
    s.skip()
    assert seen == ["StepStarted", "StepStarted"]
    assert [e.segment.step.name for e in rec.events if isinstance(e, StepStarted)] == [
        "a",
        "b",
        "c",
    ]


def test_a_failing_subscriber_does_not_break_the_session() -> None:
    s, clock, rec = make(step("a", 10), step("b", 10))

    def broken(event: object) -> None:
        raise ValueError("boom")

    s.subscribe(broken)
    with pytest.raises(ValueError, match="boom"):
        s.start()
    assert s.state is State.RUNNING and len(rec.events) == 1  # others still heard it
    clock.advance(10)
    with pytest.raises(ValueError):
        s.tick()
    assert s.step_number == 2


def test_outcome_becomes_a_session_event() -> None:
    s, clock, _ = make(step("a", 10), step("b", 10))
    s.start()
    run_to(s, clock, clock.monotonic() + 10)
    s.stop()
    event = s.outcome().to_event()
    assert isinstance(event, SessionEvent) and event.type is EventType.SESSION
    assert event.routine_id == "test" and event.routine_kind == "stretch"
    assert not event.completed and event.steps_done == (0,) and event.steps_skipped == ()
    assert event.at == s.outcome().ended and event.started == s.outcome().started
    assert event.at.tzinfo is not None
    assert event.source == "app" and s.outcome().to_event("cli").source == "cli"
    assert event.id != s.outcome().to_event().id


def test_empty_routine_is_refused() -> None:
    with pytest.raises(ValueError, match="no steps"):
        Session(routine(), FakeClock())


def test_skip_last_step_while_paused_finishes() -> None:
    s, clock, rec = make(step("a", 10))
    s.start()
    clock.advance(3)
    s.pause()
    clock.advance(50)
    assert s.skip()
    assert s.state is State.FINISHED and isinstance(rec.events[-1], Finished)
    assert s.outcome().active_s == pytest.approx(3)


WALK_OPS = ["tick", "tick", "tick", "pause", "resume", "toggle", "skip", "back", "restart"]


def _walk_step(s: Session, clock: FakeClock, rng: random.Random) -> float:
    """One random clock move and operation, with the invariants checked; returns running time."""
    dt = rng.choice([0.0, 0.05, 0.4, 1.0, 2.5, 7.0])
    ran = dt if s.state is State.RUNNING else 0.0
    clock.advance(dt)
    op = rng.choice(WALK_OPS)
    before = s.state
    {
        "tick": s.tick,
        "pause": s.pause,
        "resume": s.resume,
        "toggle": s.toggle_pause,
        "skip": s.skip,
        "back": s.back,
        "restart": s.restart_step,
    }[op]()
    if s.state in (State.RUNNING, State.PAUSED):
        seg = s.segment
        assert 0 <= s.remaining_s() <= seg.duration_s + 1e-9
        assert s.total_remaining_s() >= s.remaining_s() - 1e-9
        assert 0 <= s.step_elapsed_s() <= s.step_duration_s() + 1e-9
    if before is State.RUNNING and s.state is State.RUNNING and op == "tick":
        nd = s.next_deadline()
        assert nd is not None and nd > clock.monotonic()  # nothing due is left behind
    return ran


def _check_walk_end(s: Session, rec: Recorder, running_time: float) -> None:
    out = s.outcome()
    assert not set(out.steps_done) & set(out.steps_skipped)
    assert set(out.steps_done) | set(out.steps_skipped) <= {0, 1, 2, 3}
    assert out.completed == (s.state is State.FINISHED and out.steps_done == (0, 1, 2, 3))
    # Running time is exactly what the clock ran while not paused.
    if s.state is State.STOPPED:
        assert out.active_s == pytest.approx(running_time, abs=1e-6)
    else:  # finished part-way through the last clock move
        assert 0 <= out.active_s <= running_time + 1e-6
    # Timed events come in time order; countdowns never repeat within one run of a segment.
    dues = [e.due for e in rec.events if hasattr(e, "due")]
    assert dues == sorted(dues)
    ends = [e for e in rec.events if isinstance(e, Finished | Stopped)]
    assert len(ends) == 1 and ends[0] is rec.events[-1]


def test_random_walks_keep_the_invariants() -> None:
    """Seeded random sequences of operations and clock moves; the bookkeeping must always add up."""

    for seed in range(60):
        rng = random.Random(seed)
        s, clock, rec = make_lead(*WALK_STEPS, lead=rng.choice([0, 0, 5]))
        s.start()
        running_time = 0.0
        for _ in range(400):
            if s.state not in (State.RUNNING, State.PAUSED):
                break
            running_time += _walk_step(s, clock, rng)
        if s.state in (State.RUNNING, State.PAUSED):
            s.stop()
        _check_walk_end(s, rec, running_time)


# --- get-ready lead-in ------------------------------------------------------------


def make_lead(*steps: Step, lead: float = 5) -> tuple[Session, FakeClock, Recorder]:
    clock = FakeClock()
    session = Session(routine(*steps), clock, lead_in_s=lead)
    return session, clock, Recorder(session)


def test_lead_in_counts_down_then_starts_the_first_step() -> None:
    s, clock, rec = make_lead(step("a", 20, side=Side.EACH), step("b", 4))
    t0 = clock.monotonic()
    s.start()
    assert s.segment.kind is SegmentKind.GET_READY
    assert s.side is Side.LEFT and s.step_number == 1  # it shows what comes first
    assert s.remaining_s() == 5 and s.total_remaining_s() == 5 + 20 + 20 + 4
    assert s.repetition() is None and s.step_elapsed_s() == 0
    assert s.step_remaining_s() == 20
    run_to(s, clock, t0 + 5)
    assert rec.kinds() == ["GetReady", "Countdown3", "Countdown2", "Countdown1", "StepStarted"]
    assert rec.events[-1].due == t0 + 5
    assert s.segment.kind is SegmentKind.HOLD and s.remaining_s() == 20
    run_to(s, clock, t0 + 5 + 44)
    out = s.outcome()
    assert out.completed and out.steps_done == (0, 1) and out.steps_skipped == ()
    assert out.active_s == 49  # the lead-in is running time, not a step


def test_skip_during_lead_in_starts_the_first_step_and_skips_nothing() -> None:
    s, clock, _ = make_lead(step("a", 10), step("b", 10))
    s.start()
    clock.advance(1)
    assert s.skip()
    assert s.segment.kind is SegmentKind.HOLD and s.step.name == "a" and s.remaining_s() == 10
    run_to(s, clock, clock.monotonic() + 20)
    assert s.outcome().steps_skipped == () and s.outcome().completed


def test_back_and_restart_in_lead_in_start_it_again_and_never_return_to_it() -> None:
    s, clock, _ = make_lead(step("a", 10), step("b", 10))
    s.start()
    clock.advance(2)
    assert s.back()
    assert s.segment.kind is SegmentKind.GET_READY and s.remaining_s() == 5
    clock.advance(2)
    assert s.restart_step()
    assert s.segment.kind is SegmentKind.GET_READY and s.remaining_s() == 5
    run_to(s, clock, clock.monotonic() + 5 + 1)  # 1 s into step a
    assert s.back()  # first step: restarts it, not the lead-in
    assert s.segment.kind is SegmentKind.HOLD and s.step.name == "a"
    s.skip()
    clock.advance(1)
    assert s.back()  # back from b to a, not to the lead-in
    assert s.segment.kind is SegmentKind.HOLD and s.step.name == "a"


def test_pause_during_lead_in() -> None:
    s, clock, _ = make_lead(step("a", 10))
    s.start()
    clock.advance(1.5)
    s.pause()
    clock.advance(60)
    s.resume()
    assert s.remaining_s() == pytest.approx(3.5)
    clock.advance(3.5)
    s.tick()
    assert s.segment.kind is SegmentKind.HOLD


def test_negative_lead_in_is_refused() -> None:
    with pytest.raises(ValueError, match="lead_in_s"):
        Session(routine(step("a")), FakeClock(), lead_in_s=-1)
