"""A player already running on a given side, on a fake clock: for tests and screenshots."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crampcoach.core.clock import FakeClock
from crampcoach.core.model import Routine, Side
from crampcoach.qt.player import PlayerWindow
from tests.fakes import FakeTimers


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
    player = PlayerWindow(
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
