"""Players for tests and screenshots, wired as the app's root wires them.

:func:`make_player` takes the old one-call arguments (routine, store,
settings, clock) and builds what the window is given: the session, the cue
sink from the settings, a recorder over a journal when there is a store, and
the health profile.  :func:`staged_player` is one already running on a side.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crampcoach.core.clock import Clock, FakeClock
from crampcoach.core.journal import Journal
from crampcoach.core.model import Routine, Side
from crampcoach.core.profile import HealthProfile
from crampcoach.core.session import Session
from crampcoach.core.session_log import SessionRecorder
from crampcoach.core.settings import Settings
from crampcoach.qt.cue_sink import cue_sink
from crampcoach.qt.player import LEAD_IN_S, PlayerWindow
from crampcoach.store import StoreError, StoreWriteError
from tests.fakes import FakeTimers


def make_player(
    routine: Routine,
    store: Any,
    settings: Mapping[str, Any],
    clock: Clock,
    parent: Any = None,
    *,
    lead_in_s: float = LEAD_IN_S,
    speech_engine: str | None = None,
    cue_thread: bool | None = None,
    journal: Journal | None = None,
    **kwargs: Any,
) -> PlayerWindow:
    """A PlayerWindow on ``routine``; ``store`` None records nothing (no log is open)."""
    typed = Settings.from_stored(settings)
    recorder = None
    if store is not None:
        recorder = SessionRecorder(
            journal or Journal(store, clock), failures=(StoreError,), retryable=(StoreWriteError,)
        )
    return PlayerWindow(
        Session(routine, clock, lead_in_s=lead_in_s),
        cue_sink(typed, clock, speech_engine=speech_engine, cue_thread=cue_thread),
        parent,
        recorder=recorder,
        health=HealthProfile.of(typed),
        **kwargs,
    )


def staged_player(
    routine: Routine,
    side: Side,
    *,
    seconds_in: float = 4.0,
    clock: FakeClock | None = None,
    settings: Mapping[str, Any] | None = None,
) -> PlayerWindow:
    """A player on the first step on ``side``, ``seconds_in`` into it.

    A fake clock (time only moves when told) and fake timers, no store, no
    sound or voice, and the screen saver left alone.  Raises ValueError when
    the routine has no step on that side.
    """
    clock = clock or FakeClock()
    player = make_player(
        routine,
        None,
        settings or {"sounds": False, "voice": False},
        clock,
        autostart=False,
        keep_awake=False,
        lead_in_s=0,
        timers=FakeTimers(),
    )
    if not any(step.side is side for step in player.session.steps):
        raise ValueError(f"routine {routine.id!r} has no step on side {side}")
    player.start()
    while player.session.side is not side:
        player.skip()
    clock.advance(seconds_in)
    player.tick()
    return player
