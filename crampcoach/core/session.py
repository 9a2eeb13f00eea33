"""The session engine: a state machine that plays a routine against a clock.

Pure Python, no Qt.  A host (the Qt player, a benchmark, a test) drives it:

* it calls the operations (``start``, ``pause``, ``skip`` ...) when the user
  asks for them;
* it calls ``tick()`` when ``next_deadline()`` (a reading of the injected
  clock's ``monotonic()``) has come, e.g. from one precise single-shot timer;
* it asks ``remaining_s()`` whenever it repaints.

Timing rule: remaining time is always ``deadline - clock.monotonic()``; it is
never decremented, so a late or missed timer can never make the session drift.
Each segment's deadline is the previous segment's deadline plus its duration
(not "now" plus its duration), so when the event loop was blocked across
several boundaries, ``tick()`` catches up segment by segment and the rest of
the session keeps its schedule.  Pausing stores the remaining time; resuming
sets a fresh deadline from it.

Segments: every planned step (``Routine.expanded()``: ``each`` steps already
split into LEFT then RIGHT) is cut into segments.  A step with
``repetitions`` > 1 becomes hold, rest, hold, rest, hold (rests only when
``rest_s`` > 0); any other step is one HOLD segment of ``duration_s``.

Navigation, like a music player:

* ``skip`` leaves the current *step* (all its remaining holds and rests) and
  starts the next step; skipping the last step ends the session.
* ``back`` restarts the current step when more than ``BACK_RESTART_S`` seconds
  of it have run, otherwise it goes to the start of the previous step (on the
  first step it restarts it).
* ``skip``, ``back`` and ``restart_step`` while paused move the position but
  stay paused, showing the new step's full time.

An optional lead-in (``lead_in_s``) runs a GET_READY segment with its own
3-2-1 before the first step: ``skip`` ends it early (nothing counts as
skipped), ``back`` and ``restart_step`` start it again.

Events are small frozen dataclasses passed to every subscriber.  An operation
first brings the engine to its final state, then delivers its events in
order, so a subscriber that queries the engine sees the state after the whole
operation (each event still carries the segment it is about).

Cue plan: ``planned_cues()`` lists the cue events still to come, with the
monotonic time each is due if nobody pauses or navigates, so a host can time
sound cues on a thread of its own instead of waiting for ``tick()``.  Every
cue event carries a ``key`` (``CueKey``) equal to the key of the planned cue
it fulfils, so a cue played from the plan is recognised when its event
arrives and is not played twice.  A key names one *entry* into a segment:
each segment entered (by time, skip, back or restart) gets the next entry
number, so a replayed segment's cues get new keys and play again.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from crampcoach.core.clock import Clock
from crampcoach.core.events import SessionEvent, new_id
from crampcoach.core.model import PlannedStep, Routine, Side

#: ``back`` restarts the current step once more than this much of it has run.
BACK_RESTART_S = 3.0
#: Steps shorter than this get no half-way cue: it would crowd the 3-2-1.
HALFWAY_MIN_S = 10.0
#: The countdown cues: n seconds before a segment ends (only when n < its length).
COUNTDOWN = (3, 2, 1)


class State(enum.StrEnum):
    """Where the session is."""

    READY = "ready"  # built, not started
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # reached the end of the routine
    STOPPED = "stopped"  # the user stopped it early


class SegmentKind(enum.StrEnum):
    """A hold (the work of a step), a rest between two holds, or the get-ready lead-in."""

    HOLD = "hold"
    REST = "rest"
    GET_READY = "get_ready"  # only before the first step, when a lead-in was asked for


class CueKind(enum.StrEnum):
    """What a cue announces; one per cue event type (``Finished`` included)."""

    GET_READY = "get_ready"
    STEP = "step"
    SWITCH_SIDES = "switch_sides"
    REP = "rep"
    REST = "rest"
    HALFWAY = "halfway"
    COUNTDOWN = "countdown"
    FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class CueKey:
    """Names one cue of one session uniquely (see "Cue plan" in the module docstring)."""

    entry: int  # 1 for the first segment entered, +1 for every segment entered after it
    position: int  # the segment's position
    kind: CueKind
    n: int = 0  # the countdown's 3, 2 or 1; 0 for other kinds


@dataclass(frozen=True, slots=True)
class PlannedCue:
    """A cue event still to come: ``due`` is its monotonic time if nothing intervenes."""

    due: float
    key: CueKey


@dataclass(frozen=True, slots=True)
class Segment:
    """One timed stretch of a session: a hold, or a rest between holds."""

    position: int  # index in the session's segment list
    step_position: int  # index in the planned (expanded) steps, 0-based
    step: PlannedStep
    kind: SegmentKind
    rep: int  # 1-based hold number; for a REST, the hold that comes next
    reps: int  # holds in the step (1 for a plain step)
    duration_s: float
    offset_s: float  # where the segment starts within its step

    @property
    def side(self) -> Side:
        """LEFT, RIGHT or BOTH."""
        return self.step.side

    @property
    def step_end_s(self) -> float:
        """Offset (within the step) at which this segment ends."""
        return self.offset_s + self.duration_s


# --- events -----------------------------------------------------------------
# ``due`` is the monotonic time the event belongs to: for a boundary, the
# deadline that passed (it can lie in the past when the loop was blocked, so a
# host may choose not to play a stale sound); for a user action, "now".


@dataclass(frozen=True, slots=True)
class Cue:
    """What every cue event carries: its segment, its monotonic time and its key."""

    segment: Segment
    due: float
    key: CueKey


@dataclass(frozen=True, slots=True)
class GetReady(Cue):
    """The lead-in before the first step began (only with ``lead_in_s`` > 0)."""


@dataclass(frozen=True, slots=True)
class StepStarted(Cue):
    """The first segment of a planned step began (also after skip, back, restart)."""


@dataclass(frozen=True, slots=True)
class RepStarted(Cue):
    """A hold after the first began (rep 2 of 3, ...)."""


@dataclass(frozen=True, slots=True)
class RestStarted(Cue):
    """A rest between two holds began."""


@dataclass(frozen=True, slots=True)
class HalfWay(Cue):
    """Half of the current step's time has run (steps of ``HALFWAY_MIN_S`` or more)."""


@dataclass(frozen=True, slots=True)
class Countdown(Cue):
    """``n`` seconds (3, 2, 1) are left in the current segment."""

    n: int


@dataclass(frozen=True, slots=True)
class SwitchSides(Cue):
    """The next step is the same routine step on the other leg; delivered just before its StepStarted."""

    to: Side


@dataclass(frozen=True, slots=True)
class Paused:
    """The session was paused."""

    segment: Segment
    remaining_s: float


@dataclass(frozen=True, slots=True)
class Resumed:
    """The session was resumed."""

    segment: Segment
    remaining_s: float


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a session came to.

    ``steps_done`` / ``steps_skipped`` are routine-file step indexes
    (``PlannedStep.index``).  A step is done when every side of it ran to its
    end (at least once: going back and replaying does not undo it); it is
    skipped when some side of it was skipped and it is not done.  A step the
    session never reached, or was in the middle of when stopped, is neither.
    ``completed`` is True only when the session reached the end of the
    routine with every step done.  ``active_s`` is the running time, pauses
    excluded.
    """

    routine_id: str
    routine_kind: str
    completed: bool
    started: datetime
    ended: datetime
    steps_done: tuple[int, ...]
    steps_skipped: tuple[int, ...]
    active_s: float

    def to_event(self, source: str = "app") -> SessionEvent:
        """The log entry for this outcome (a fresh id; ``at`` is when it ended)."""
        return SessionEvent(
            id=new_id(),
            at=self.ended,
            routine_id=self.routine_id,
            routine_kind=self.routine_kind,
            started=self.started,
            completed=self.completed,
            steps_done=self.steps_done,
            steps_skipped=self.steps_skipped,
            source=source,
        )


@dataclass(frozen=True, slots=True)
class Finished:
    """The session reached the end of the routine (by time or by skipping the last step)."""

    outcome: Outcome
    key: CueKey


@dataclass(frozen=True, slots=True)
class Stopped:
    """The user stopped the session before the end."""

    outcome: Outcome


SessionEventT = (
    GetReady
    | StepStarted
    | RepStarted
    | RestStarted
    | HalfWay
    | Countdown
    | SwitchSides
    | Paused
    | Resumed
    | Finished
    | Stopped
)
Callback = Callable[[SessionEventT], None]


def segments_for(steps: tuple[PlannedStep, ...], lead_in_s: float = 0.0) -> tuple[Segment, ...]:
    """Cut planned steps into hold / rest segments, in playing order.

    With ``lead_in_s`` > 0 a GET_READY segment comes first; it belongs to the
    first step (so it shows that step and its side) but is not part of it:
    it counts in no step's length and ``back`` / ``restart_step`` skip it.
    """
    out: list[Segment] = []
    if lead_in_s > 0 and steps:
        out.append(
            Segment(
                position=0,
                step_position=0,
                step=steps[0],
                kind=SegmentKind.GET_READY,
                rep=0,
                reps=1,
                duration_s=float(lead_in_s),
                offset_s=0.0,
            )
        )
    for step_position, step in enumerate(steps):
        parts: list[tuple[SegmentKind, int, float]] = []
        if step.repetitions > 1 and step.hold_s is not None:
            for rep in range(1, step.repetitions + 1):
                if rep > 1 and step.rest_s > 0:
                    parts.append((SegmentKind.REST, rep, float(step.rest_s)))
                parts.append((SegmentKind.HOLD, rep, float(step.hold_s)))
            reps = step.repetitions
        else:
            parts.append((SegmentKind.HOLD, 1, float(step.duration_s)))
            reps = 1
        offset = 0.0
        for kind, rep, duration in parts:
            out.append(
                Segment(
                    position=len(out),
                    step_position=step_position,
                    step=step,
                    kind=kind,
                    rep=rep,
                    reps=reps,
                    duration_s=duration,
                    offset_s=offset,
                )
            )
            offset += duration
    return tuple(out)


class Session:
    """Plays one routine; see the module docstring for the rules."""

    def __init__(self, routine: Routine, clock: Clock, *, lead_in_s: float = 0.0) -> None:
        """Prepare a session (state READY); nothing runs until ``start()``.

        ``lead_in_s`` > 0 puts a "get ready" countdown before the first step
        (time to get into position after pressing Start); it is part of the
        running session, not of any step.
        """
        if lead_in_s < 0:
            raise ValueError(f"lead_in_s must be 0 or more, got {lead_in_s}")
        self.routine = routine
        self.clock = clock
        self.steps: tuple[PlannedStep, ...] = routine.expanded()
        if not self.steps:
            raise ValueError(f"routine {routine.id!r} has no steps to play")
        self.segments: tuple[Segment, ...] = segments_for(self.steps, lead_in_s)
        self._step_length = [0.0] * len(self.steps)
        self._first_segment = [0] * len(self.steps)
        for seg in reversed(self.segments):
            if seg.kind is SegmentKind.GET_READY:
                continue
            self._step_length[seg.step_position] += seg.duration_s
            self._first_segment[seg.step_position] = seg.position
        self._state = State.READY
        self._pos = 0
        self._deadline = 0.0  # monotonic; meaningful while RUNNING
        self._remaining = self.segments[0].duration_s  # meaningful while READY/PAUSED
        self._entry = 0  # segments entered so far: the current entry's number (CueKey.entry)
        # Cues still to come in the current segment: (seconds before the
        # segment's deadline, kind, n), latest-first so pop() gives the earliest.
        self._cues: list[tuple[float, CueKind, int]] = []
        self._done: set[int] = set()  # planned-step positions that ran to their end
        self._skipped: set[int] = set()  # planned-step positions skipped at least once
        self._started: datetime | None = None
        self._ended: datetime | None = None
        self._active_before = 0.0  # running time banked at the last pause
        self._running_since = 0.0
        self._outcome: Outcome | None = None
        self._subscribers: list[Callback] = []
        self._queue: list[SessionEventT] = []
        self._delivering = False

    # --- subscribing --------------------------------------------------------

    def subscribe(self, callback: Callback) -> Callable[[], None]:
        """Call ``callback(event)`` for every event; returns a function that unsubscribes."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    # --- operations ---------------------------------------------------------

    def start(self) -> None:
        """Begin the first step; raises RuntimeError when already started."""
        if self._state is not State.READY:
            raise RuntimeError(f"session already started (state {self._state})")
        now = self.clock.monotonic()
        self._started = self.clock.now()
        self._state = State.RUNNING
        self._running_since = now
        self._enter(0, start=now, previous_step=None)
        self._deliver()

    def pause(self) -> bool:
        """Pause a running session; False when it was not running."""
        self._catch_up()
        if self._state is not State.RUNNING:
            self._deliver()
            return False
        now = self.clock.monotonic()
        self._remaining = max(0.0, self._deadline - now)
        self._active_before += now - self._running_since
        self._state = State.PAUSED
        self._queue.append(Paused(self.segment, self._remaining))
        self._deliver()
        return True

    def resume(self) -> bool:
        """Resume a paused session; False when it was not paused."""
        if self._state is not State.PAUSED:
            return False
        now = self.clock.monotonic()
        self._deadline = now + self._remaining
        self._running_since = now
        self._state = State.RUNNING
        self._queue.append(Resumed(self.segment, self._remaining))
        self._deliver()
        return True

    def toggle_pause(self) -> bool:
        """Pause when running, resume when paused; False when neither applied."""
        if self._state is State.PAUSED:
            return self.resume()
        return self.pause()

    def skip(self) -> bool:
        """Leave the current step (all its remaining holds and rests) for the next one.

        Skipping the last step ends the session (Finished).  False when the
        session is not running or paused.
        """
        self._catch_up()
        if not self._active():
            self._deliver()
            return False
        now = self.clock.monotonic()
        if self.segment.kind is SegmentKind.GET_READY:  # ready early: begin the first step
            self._enter(self._first_segment[0], start=now, previous_step=None)
            self._deliver()
            return True
        step_position = self.segment.step_position
        self._skipped.add(step_position)
        if step_position + 1 >= len(self.steps):
            self._finish(now)
        else:
            self._enter(
                self._first_segment[step_position + 1], start=now, previous_step=step_position
            )
        self._deliver()
        return True

    def back(self) -> bool:
        """Restart the current step, or go to the previous one when it has barely begun.

        More than ``BACK_RESTART_S`` seconds into the current step (or on the
        first step) the step restarts; otherwise the previous step starts from
        its beginning.  False when the session is not running or paused.
        """
        self._catch_up()
        if not self._active():
            self._deliver()
            return False
        step_position = self.segment.step_position
        if self.segment.kind is SegmentKind.GET_READY:
            position = self.segment.position  # nothing before it: the lead-in again
        elif self.step_elapsed_s() <= BACK_RESTART_S and step_position > 0:
            position = self._first_segment[step_position - 1]
        else:
            position = self._first_segment[step_position]
        self._enter(position, start=self.clock.monotonic(), previous_step=step_position)
        self._deliver()
        return True

    def restart_step(self) -> bool:
        """Start the current step again from its first hold; False when not running or paused."""
        self._catch_up()
        if not self._active():
            self._deliver()
            return False
        step_position = self.segment.step_position
        target = self._first_segment[step_position]
        if self.segment.kind is SegmentKind.GET_READY:
            target = self.segment.position  # the lead-in again
        self._enter(target, start=self.clock.monotonic(), previous_step=step_position)
        self._deliver()
        return True

    def stop(self) -> bool:
        """End the session early (Stopped, a partial outcome); False when not running or paused."""
        self._catch_up()
        if not self._active():
            self._deliver()
            return False
        now = self.clock.monotonic()
        if self._state is State.RUNNING:
            self._active_before += now - self._running_since
        self._state = State.STOPPED
        self._ended = self.clock.now()
        self._queue.append(Stopped(self._make_outcome()))
        self._deliver()
        return True

    def tick(self) -> None:
        """Handle every cue and boundary whose time has come; call it at ``next_deadline()``.

        Several boundaries passed at once (a blocked event loop) are handled
        one by one, each from the previous deadline, so nothing drifts.
        """
        self._catch_up()
        self._deliver()

    # --- queries ------------------------------------------------------------

    @property
    def state(self) -> State:
        """READY, RUNNING, PAUSED, FINISHED or STOPPED."""
        return self._state

    @property
    def segment(self) -> Segment:
        """The current segment (the last one once the session has ended)."""
        return self.segments[self._pos]

    @property
    def step(self) -> PlannedStep:
        """The current planned step."""
        return self.segment.step

    @property
    def step_number(self) -> int:
        """1-based number of the current planned step (both sides of an ``each`` step count)."""
        return self.segment.step_position + 1

    @property
    def step_count(self) -> int:
        """How many planned steps the session has."""
        return len(self.steps)

    @property
    def side(self) -> Side:
        """The current step's side: LEFT, RIGHT or BOTH."""
        return self.segment.side

    @property
    def next_step(self) -> PlannedStep | None:
        """The planned step after the current one, or None on the last."""
        nxt = self.segment.step_position + 1
        return self.steps[nxt] if nxt < len(self.steps) else None

    def repetition(self) -> tuple[int, int] | None:
        """(hold number, holds) for a repeated step, e.g. (2, 3); None for a plain step."""
        seg = self.segment
        return (seg.rep, seg.reps) if seg.reps > 1 else None

    def remaining_s(self) -> float:
        """Seconds left in the current segment, from its deadline (never below 0)."""
        if self._state is State.RUNNING:
            return max(0.0, self._deadline - self.clock.monotonic())
        if self._state in (State.READY, State.PAUSED):
            return self._remaining
        return 0.0

    def step_remaining_s(self) -> float:
        """Seconds left in the current planned step."""
        if self._state in (State.FINISHED, State.STOPPED):
            return 0.0
        seg = self.segment
        if seg.kind is SegmentKind.GET_READY:
            return self._step_length[0]
        return self.remaining_s() + self._step_length[seg.step_position] - seg.step_end_s

    def step_elapsed_s(self) -> float:
        """Seconds of the current planned step that have run."""
        seg = self.segment
        if seg.kind is SegmentKind.GET_READY:
            return 0.0
        # Clamped: deadline arithmetic in floats can leave -1e-13 at a step's start.
        return max(0.0, seg.offset_s + seg.duration_s - self.remaining_s())

    def step_duration_s(self) -> float:
        """Full length of the current planned step."""
        return self._step_length[self.segment.step_position]

    def total_remaining_s(self) -> float:
        """Seconds left in the whole session if nothing is skipped."""
        if self._state in (State.FINISHED, State.STOPPED):
            return 0.0
        later = sum(s.duration_s for s in self.segments[self._pos + 1 :])
        return self.remaining_s() + later

    def total_duration_s(self) -> float:
        """Length of the whole session if nothing is skipped."""
        return sum(s.duration_s for s in self.segments)

    def elapsed_s(self) -> float:
        """Running time so far, pauses excluded."""
        if self._state is State.RUNNING:
            return self._active_before + self.clock.monotonic() - self._running_since
        return self._active_before

    def next_deadline(self) -> float | None:
        """Monotonic time of the next cue or boundary while running, else None."""
        if self._state is not State.RUNNING:
            return None
        if self._cues:
            return self._deadline - self._cues[-1][0]
        return self._deadline

    def planned_cues(self, horizon_s: float | None = None) -> tuple[PlannedCue, ...]:
        """The cue events still to come, in delivery order, with when each is due.

        Dues assume the session runs on untouched (no pause, skip, back,
        restart or stop).  Empty unless RUNNING.  ``horizon_s`` keeps only the cues due within
        that many seconds from now.  A cue already due whose ``tick()`` has not
        run yet is included (first), since its event has not been delivered.
        Each key is the one the cue's event will carry when it is delivered.
        """
        if self._state is not State.RUNNING:
            return ()
        limit = math.inf if horizon_s is None else self.clock.monotonic() + horizon_s
        out: list[PlannedCue] = []
        entry, seg, deadline = self._entry, self.segment, self._deadline
        inner = list(reversed(self._cues))  # earliest first
        while True:
            out.extend(
                PlannedCue(deadline - before, CueKey(entry, seg.position, kind, n))
                for before, kind, n in inner
            )
            if deadline > limit:
                break
            if seg.position + 1 >= len(self.segments):
                out.append(PlannedCue(deadline, CueKey(entry, seg.position, CueKind.FINISHED)))
                break
            # The same move _catch_up makes when this segment's deadline passes.
            nxt = self.segments[seg.position + 1]
            entry += 1
            out.extend(
                PlannedCue(deadline, CueKey(entry, nxt.position, kind))
                for kind in self._entry_kinds(nxt, seg.step_position)
            )
            inner = list(reversed(self._inner_cues(nxt)))
            seg, deadline = nxt, deadline + nxt.duration_s
        return tuple(cue for cue in out if cue.due <= limit)

    def outcome(self) -> Outcome:
        """The outcome so far (final once FINISHED or STOPPED)."""
        if self._outcome is not None:
            return self._outcome
        return self._make_outcome(final=False)

    # --- internals ----------------------------------------------------------

    def _active(self) -> bool:
        return self._state in (State.RUNNING, State.PAUSED)

    def _enter(self, position: int, *, start: float, previous_step: int | None) -> None:
        """Make ``position`` current, starting at monotonic ``start``, and queue its events."""
        seg = self.segments[position]
        self._pos = position
        self._entry += 1
        if self._state is State.RUNNING:
            self._deadline = start + seg.duration_s
        else:
            self._remaining = seg.duration_s
        self._cues = self._inner_cues(seg)
        for kind in self._entry_kinds(seg, previous_step):
            key = CueKey(self._entry, position, kind)
            event: SessionEventT
            if kind is CueKind.GET_READY:
                event = GetReady(seg, start, key)
            elif kind is CueKind.SWITCH_SIDES:
                event = SwitchSides(seg, start, key, to=seg.step.side)
            elif kind is CueKind.STEP:
                event = StepStarted(seg, start, key)
            elif kind is CueKind.REST:
                event = RestStarted(seg, start, key)
            else:
                event = RepStarted(seg, start, key)
            self._queue.append(event)

    def _entry_kinds(self, seg: Segment, previous_step: int | None) -> tuple[CueKind, ...]:
        """The cues that entering ``seg`` from planned step ``previous_step`` announces."""
        if seg.kind is SegmentKind.GET_READY:
            return (CueKind.GET_READY,)
        if seg.position == self._first_segment[seg.step_position]:
            prev = self.steps[previous_step] if previous_step is not None else None
            if (
                prev is not None
                and previous_step != seg.step_position
                and prev.index == seg.step.index
                and prev.side is not seg.step.side
            ):
                return (CueKind.SWITCH_SIDES, CueKind.STEP)
            return (CueKind.STEP,)
        return (CueKind.REST,) if seg.kind is SegmentKind.REST else (CueKind.REP,)

    def _inner_cues(self, seg: Segment) -> list[tuple[float, CueKind, int]]:
        """Cues within ``seg`` as (seconds before its deadline, kind, n), latest first."""
        cues: list[tuple[float, CueKind, int]] = [
            (float(n), CueKind.COUNTDOWN, n) for n in COUNTDOWN if n < seg.duration_s
        ]
        step_len = self._step_length[seg.step_position]
        if step_len >= HALFWAY_MIN_S and seg.kind is not SegmentKind.GET_READY:
            half = step_len / 2
            if seg.offset_s <= half < seg.step_end_s:
                cues.append((seg.step_end_s - half, CueKind.HALFWAY, 0))
        cues.sort()  # ascending "before deadline" = latest first; pop() takes the earliest
        return cues

    def _catch_up(self) -> None:
        """Fire every cue and cross every boundary that lies at or before now."""
        if self._state is not State.RUNNING:
            return
        now = self.clock.monotonic()
        while self._state is State.RUNNING:
            while self._cues and self._deadline - self._cues[-1][0] <= now:
                before, kind, n = self._cues.pop()
                due = self._deadline - before
                key = CueKey(self._entry, self._pos, kind, n)
                if kind is CueKind.COUNTDOWN:
                    self._queue.append(Countdown(self.segment, due, key, n=n))
                else:
                    self._queue.append(HalfWay(self.segment, due, key))
            if self._deadline > now:
                return
            boundary = self._deadline
            seg = self.segment
            if seg.position + 1 < len(self.segments) and (
                self.segments[seg.position + 1].step_position == seg.step_position
            ):
                self._enter(seg.position + 1, start=boundary, previous_step=seg.step_position)
                continue
            self._done.add(seg.step_position)
            if seg.position + 1 >= len(self.segments):
                self._finish(boundary)
                return
            self._enter(seg.position + 1, start=boundary, previous_step=seg.step_position)

    def _finish(self, at_monotonic: float) -> None:
        """Reach the end of the routine at monotonic ``at_monotonic`` (possibly in the past)."""
        now = self.clock.monotonic()
        if self._state is State.RUNNING:
            self._active_before += at_monotonic - self._running_since
        self._state = State.FINISHED
        self._cues = []
        # When the loop was blocked, the end lies in the past: date it when it happened.
        self._ended = self.clock.now() - timedelta(seconds=max(0.0, now - at_monotonic))
        self._queue.append(
            Finished(self._make_outcome(), CueKey(self._entry, self._pos, CueKind.FINISHED))
        )

    def _make_outcome(self, final: bool = True) -> Outcome:
        done_idx: set[int] = set()
        skipped_idx: set[int] = set()
        by_index: dict[int, list[int]] = {}
        for position, step in enumerate(self.steps):
            by_index.setdefault(step.index, []).append(position)
        for index, positions in by_index.items():
            if all(p in self._done for p in positions):
                done_idx.add(index)
            elif any(p in self._skipped and p not in self._done for p in positions):
                skipped_idx.add(index)
        started = self._started or self.clock.now()
        ended = self._ended if self._ended is not None else self.clock.now()
        outcome = Outcome(
            routine_id=self.routine.id,
            routine_kind=str(self.routine.kind),
            completed=self._state is State.FINISHED and len(done_idx) == len(by_index),
            started=started,
            ended=ended,
            steps_done=tuple(sorted(done_idx)),
            steps_skipped=tuple(sorted(skipped_idx)),
            active_s=self.elapsed_s(),
        )
        if final:
            self._outcome = outcome
        return outcome

    def _deliver(self) -> None:
        """Hand queued events to subscribers, in order; re-entrant calls just queue.

        A subscriber that raises does not stop the others or corrupt the
        session: the first exception is re-raised once the queue is drained.
        """
        if self._delivering:
            return
        self._delivering = True
        error: BaseException | None = None
        try:
            while self._queue:
                event = self._queue.pop(0)
                for callback in list(self._subscribers):
                    try:
                        callback(event)
                    except Exception as exc:
                        if error is None:
                            error = exc
        finally:
            self._delivering = False
        if error is not None:
            raise error
