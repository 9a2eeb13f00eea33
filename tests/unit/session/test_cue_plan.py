"""The engine's cue plan (``Session.planned_cues``), driven by a fake clock only.

The plan is what a host times sound cues from on a thread of its own, so the
one property that matters is: left untouched, the session delivers exactly the
planned cues, in order, each at its planned time and with its planned key.
"""

from __future__ import annotations

import random

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.model import Side, Step
from crampcoach.core.session import (
    CueKey,
    CueKind,
    Finished,
    PlannedCue,
    Session,
    SessionEventT,
    State,
)
from tests.unit.session.helpers import WALK_STEPS, routine, run_to, step

K = CueKind


class Heard:
    """Every cue event as the PlannedCue it fulfils: (when it was due, its key)."""

    def __init__(self, session: Session, clock: FakeClock) -> None:
        self.cues: list[PlannedCue] = []
        self.clock = clock
        session.subscribe(self._on)

    def _on(self, e: SessionEventT) -> None:
        if isinstance(e, Finished):
            # Delivered by a tick at the end's deadline exactly (run_to stops there).
            self.cues.append(PlannedCue(self.clock.monotonic(), e.key))
        elif hasattr(e, "key"):
            self.cues.append(PlannedCue(e.due, e.key))  # type: ignore[union-attr]


def make(*steps: Step, lead: float = 0) -> tuple[Session, FakeClock, Heard]:
    clock = FakeClock()
    session = Session(routine(*steps), clock, lead_in_s=lead)
    return session, clock, Heard(session, clock)


def run_out(session: Session, clock: FakeClock, heard: Heard) -> list[PlannedCue]:
    """Let the session run to its end untouched; the cues it delivered on the way."""
    heard.cues.clear()
    run_to(session, clock, clock.monotonic() + session.total_remaining_s())
    assert session.state is State.FINISHED
    return list(heard.cues)


def test_plan_after_start_lists_every_cue_to_the_end_in_order() -> None:
    s, clock, heard = make(step("a", 12), step("b", 4, side=Side.EACH))
    t0 = clock.monotonic()
    s.start()
    assert heard.cues == [PlannedCue(t0, CueKey(1, 0, K.STEP))]  # delivered now, not planned
    plan = s.planned_cues()
    assert plan == (
        PlannedCue(t0 + 6, CueKey(1, 0, K.HALFWAY)),
        PlannedCue(t0 + 9, CueKey(1, 0, K.COUNTDOWN, 3)),
        PlannedCue(t0 + 10, CueKey(1, 0, K.COUNTDOWN, 2)),
        PlannedCue(t0 + 11, CueKey(1, 0, K.COUNTDOWN, 1)),
        PlannedCue(t0 + 12, CueKey(2, 1, K.STEP)),  # b, left
        PlannedCue(t0 + 13, CueKey(2, 1, K.COUNTDOWN, 3)),
        PlannedCue(t0 + 14, CueKey(2, 1, K.COUNTDOWN, 2)),
        PlannedCue(t0 + 15, CueKey(2, 1, K.COUNTDOWN, 1)),
        PlannedCue(t0 + 16, CueKey(3, 2, K.SWITCH_SIDES)),  # b, right: switch, then the step
        PlannedCue(t0 + 16, CueKey(3, 2, K.STEP)),
        PlannedCue(t0 + 17, CueKey(3, 2, K.COUNTDOWN, 3)),
        PlannedCue(t0 + 18, CueKey(3, 2, K.COUNTDOWN, 2)),
        PlannedCue(t0 + 19, CueKey(3, 2, K.COUNTDOWN, 1)),
        PlannedCue(t0 + 20, CueKey(3, 2, K.FINISHED)),
    )
    assert run_out(s, clock, heard) == list(plan)


def test_plan_covers_reps_rests_and_the_lead_in_exactly() -> None:
    s, clock, heard = make(
        step("a", side=Side.EACH, reps=3, hold=5, rest=2),
        step("b", side=Side.BOTH, reps=2, hold=10, rest=0),  # half-way on the rep-2 boundary
        lead=5,
    )
    s.start()
    plan = s.planned_cues()
    kinds = [c.key.kind for c in plan]
    assert kinds.count(K.REST) == 4 and kinds.count(K.REP) == 5 and kinds.count(K.HALFWAY) == 3
    assert kinds.count(K.SWITCH_SIDES) == 1 and kinds[-1] is K.FINISHED
    assert run_out(s, clock, heard) == list(plan)


def test_plan_is_empty_unless_running() -> None:
    s, _, _ = make(step("a", 10))
    assert s.planned_cues() == ()  # ready
    s.start()
    s.pause()
    assert s.planned_cues() == ()
    s.resume()
    s.stop()
    assert s.planned_cues() == ()
    s2, clock2, heard2 = make(step("a", 10))
    s2.start()
    run_out(s2, clock2, heard2)
    assert s2.planned_cues() == ()


def test_resume_shifts_the_plan_by_the_pause_exactly() -> None:
    s, clock, heard = make(step("a", 20), step("b", 10))
    s.start()
    clock.advance(4.5)
    s.tick()
    before = s.planned_cues()
    assert s.pause()
    clock.advance(73.25)
    assert s.planned_cues() == ()
    assert s.resume()
    after = s.planned_cues()
    assert [c.key for c in after] == [c.key for c in before]  # the same cues, still to come
    assert [c.due for c in after] == pytest.approx([c.due + 73.25 for c in before])
    assert run_out(s, clock, heard) == list(after)


def test_cues_passed_during_a_blocked_loop_stay_planned_until_delivered() -> None:
    s, clock, heard = make(step("a", 10), step("b", 10))
    t0 = clock.monotonic()
    s.start()
    clock.advance(11)  # nobody ticked through the countdown or the boundary
    plan = s.planned_cues()
    assert plan[0] == PlannedCue(t0 + 5, CueKey(1, 0, K.HALFWAY))
    assert plan[4] == PlannedCue(t0 + 10, CueKey(2, 1, K.STEP))
    heard.cues.clear()
    s.tick()
    assert heard.cues == list(plan[:5])
    assert s.planned_cues() == plan[5:]


def test_skip_back_and_restart_replan_and_replayed_cues_get_new_keys() -> None:
    s, clock, heard = make(step("a", 10), step("b", reps=2, hold=5, rest=3), step("c", 10))
    s.start()
    clock.advance(2)
    s.tick()
    delivered = [c.key for c in heard.cues]
    for op in (s.skip, s.back, s.restart_step, s.skip):  # to b, back to a, a again, to b
        heard.cues.clear()
        assert op()
        [entered] = heard.cues  # the new step's start, delivered by the operation itself
        assert entered == PlannedCue(clock.monotonic(), entered.key)
        assert entered.key.kind is K.STEP and entered.key not in delivered
        delivered.append(entered.key)
        plan = s.planned_cues()
        assert plan[0].due > clock.monotonic()
        assert not set(delivered) & {c.key for c in plan}
        clock.advance(1)
    assert [k.position for k in delivered[1:]] == [1, 0, 0, 1]
    rest = run_out(s, clock, heard)
    assert rest == list(plan)
    delivered += [c.key for c in rest]
    assert len(set(delivered)) == len(delivered)  # a session never repeats a key


def test_first_step_back_and_last_step() -> None:
    s, clock, heard = make(step("a", 10), step("b", 4))
    t0 = clock.monotonic()
    s.start()
    clock.advance(1)
    assert s.back()  # first step: restarts it
    assert s.planned_cues()[0] == PlannedCue(t0 + 6, CueKey(2, 0, K.HALFWAY))
    assert s.skip()  # to the last step
    last = s.planned_cues()
    assert [c.key.kind for c in last] == [K.COUNTDOWN] * 3 + [K.FINISHED]
    assert last[-1] == PlannedCue(clock.monotonic() + 4, CueKey(3, 1, K.FINISHED))
    heard.cues.clear()
    assert s.skip()  # skipping the last step finishes now, as a cue of its own
    assert heard.cues == [PlannedCue(clock.monotonic(), CueKey(3, 1, K.FINISHED))]
    assert s.planned_cues() == ()


def test_each_sides_plan_one_switch_at_the_right_sides_start() -> None:
    s, clock, heard = make(step("calf", 10, side=Side.EACH), step("end", 10))
    t0 = clock.monotonic()
    s.start()
    plan = s.planned_cues()
    switches = [c for c in plan if c.key.kind is K.SWITCH_SIDES]
    assert switches == [PlannedCue(t0 + 10, CueKey(2, 1, K.SWITCH_SIDES))]
    nxt = plan[plan.index(switches[0]) + 1]
    assert nxt == PlannedCue(t0 + 10, CueKey(2, 1, K.STEP))
    ends = [c for c in plan if c.key.kind is K.STEP]
    assert [c.due for c in ends] == [t0 + 10, t0 + 20]  # the right side, then "end"
    clock.advance(3)
    heard.cues.clear()
    s.skip()  # skipping the left side switches now, and the plan follows
    assert [c.key.kind for c in heard.cues] == [K.SWITCH_SIDES, K.STEP]
    plan = s.planned_cues()
    assert not any(c.key.kind is K.SWITCH_SIDES for c in plan)
    assert run_out(s, clock, heard) == list(plan)


def test_horizon_keeps_only_the_near_cues() -> None:
    s, clock, _ = make(*(step(f"s{i}", 10) for i in range(6)))
    t0 = clock.monotonic()
    s.start()
    full = s.planned_cues()
    near = s.planned_cues(horizon_s=21)
    assert near == tuple(c for c in full if c.due <= t0 + 21)
    assert near[-1].due == t0 + 20 and near[-1].key.kind is K.STEP
    clock.advance(15)
    assert s.planned_cues(horizon_s=0) == tuple(c for c in full if c.due <= t0 + 15)


def test_random_walks_deliver_exactly_what_was_planned() -> None:
    """After any operation, ticking with no further operation delivers the plan's prefix."""
    ops = ["pause", "resume", "toggle", "skip", "back", "restart"]
    for seed in range(60):
        rng = random.Random(seed)
        s, clock, heard = make(
            *WALK_STEPS,
            lead=rng.choice([0, 0, 5]),
        )
        s.start()
        delivered = [c.key for c in heard.cues]
        for _ in range(60):
            if s.state not in (State.RUNNING, State.PAUSED):
                break
            plan = s.planned_cues()
            heard.cues.clear()
            run_to(s, clock, clock.monotonic() + rng.choice([0.0, 0.3, 1.0, 4.0, 9.0]))
            assert heard.cues == list(plan[: len(heard.cues)]), seed
            assert all(c.due > clock.monotonic() for c in plan[len(heard.cues) :])
            delivered += [c.key for c in heard.cues]
            op = rng.choice(ops)
            heard.cues.clear()
            getattr(s, {"toggle": "toggle_pause", "restart": "restart_step"}.get(op, op))()
            delivered += [c.key for c in heard.cues]
        assert len(set(delivered)) == len(delivered), seed  # every cue is told apart
