"""The main window's "Sessions done today": stopped early only when something was done."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crampcoach.core import day
from crampcoach.core.events import SessionEvent, new_id
from crampcoach.core.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 10, 20, 30, tzinfo=BERLIN)


def session(completed: bool, steps_done: tuple[int, ...]) -> SessionEvent:
    return SessionEvent(
        id=new_id(),
        at=NOW - timedelta(hours=1),
        routine_id="bedtime",
        routine_kind="bedtime",
        started=NOW - timedelta(hours=1, minutes=5),
        completed=completed,
        steps_done=steps_done,
    )


def test_a_session_ended_before_its_first_step_is_not_stopped_early() -> None:
    today = day.summary([session(False, ())], NOW, Settings.from_stored({}), BERLIN)
    assert (today.sessions_done, today.sessions_partial) == (0, 0)


def test_a_session_stopped_after_some_steps_is_stopped_early() -> None:
    events = [session(False, (0, 1)), session(True, (0, 1, 2)), session(False, ())]
    today = day.summary(events, NOW, Settings.from_stored({}), BERLIN)
    assert (today.sessions_done, today.sessions_partial) == (1, 1)
