"""Routines for the session engine's tests: steps with sensible defaults."""

from __future__ import annotations

from crampcoach.core.clock import FakeClock
from crampcoach.core.model import Citation, Routine, RoutineKind, Side, Step
from crampcoach.core.session import Session

CITE = (Citation(doc="spasm-in-leg", quote="stretch before and after excessive activity"),)


def step(
    name: str,
    duration: int = 20,
    side: Side = Side.BOTH,
    reps: int = 1,
    hold: int | None = None,
    rest: int = 0,
) -> Step:
    """A step; with ``reps`` > 1 its duration follows from hold and rest."""
    if reps > 1:
        assert hold is not None
        duration = reps * hold + (reps - 1) * rest
    return Step(
        name=name,
        instructions=f"Do {name}.",
        duration_s=duration,
        side=side,
        citations=CITE,
        repetitions=reps,
        hold_s=hold,
        rest_s=rest,
    )


def routine(*steps: Step) -> Routine:
    return Routine(
        id="test", title="Test", kind=RoutineKind.STRETCH, description="d", steps=tuple(steps)
    )


#: A routine with every kind of segment (sides, holds and rests), for random walks.
WALK_STEPS = (
    step("a", 12),
    step("b", side=Side.EACH, reps=3, hold=5, rest=2),
    step("c", 4, side=Side.EACH),
    step("d", side=Side.BOTH, reps=2, hold=6, rest=0),
)


def run_to(session: Session, clock: FakeClock, t: float) -> None:
    """Advance the fake clock to monotonic ``t`` stopping at every deadline, like the Qt host."""
    while True:
        nd = session.next_deadline()
        if nd is None or nd > t:
            break
        clock.advance(nd - clock.monotonic())
        session.tick()
    clock.advance(t - clock.monotonic())
    session.tick()
