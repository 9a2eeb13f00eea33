"""The whole app runs on the clock its root gives it: no part reads the system clock.

A FakeClock years from the real date, in a zone far from the machine's: the
store's files, the entries, "today", the night asked about, the review's week
and the cramp dialog's time must all follow it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType
from crampcoach.core.review import IsoWeek
from crampcoach.store.store import device_folder, event_file_name
from tests.gui.windows import opened_review

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

AUCKLAND = ZoneInfo("Pacific/Auckland")
#: Monday 09:30 in Auckland; 21:30 on Sunday the 13th in UTC.
NOW = datetime(2031, 7, 14, 9, 30, tzinfo=AUCKLAND)


def test_the_app_and_its_store_run_wholly_on_the_fake_clock(
    qtbot: Any, make_app: Any, data_dir: Path
) -> None:
    clock = FakeClock(NOW)
    app = make_app(clock=clock)
    water = app.log_water()
    assert water is not None and water.at == NOW
    own = device_folder(data_dir)
    assert (own / event_file_name("2031-07")).is_file()
    assert app.today().water_ml == 250
    assert app.last_night() == date(2031, 7, 13)
    night = app.answer_checkin(0)
    assert night is not None and night.at == NOW and night.night == date(2031, 7, 13)
    clock.advance(3600)
    later = app.log_water()
    assert later is not None and later.at == datetime(2031, 7, 14, 10, 30, tzinfo=AUCKLAND)
    assert [e.at for e in app.store.events(types=[EventType.WATER])] == [NOW, later.at]

    review = opened_review(app, qtbot)
    assert review.week == IsoWeek(2031, 29)  # read on a worker, on the app's clock
    dialog = app.open_cramp_dialog()
    assert dialog is not None and dialog.clock is clock


def test_the_app_gives_the_player_its_session_cues_and_journal(qtbot: Any, make_app: Any) -> None:
    clock = FakeClock(NOW)
    app = make_app(clock=clock)
    assert app.start_routine("bedtime")
    player = app.player
    qtbot.waitUntil(player.isVisible)  # shown, and so started, a turn after it is built
    assert player.session.clock is clock and player.session.routine.id == "bedtime"
    assert player.recorder is not None and player.recorder.journal is app.journal
    assert player.sink.cue_clock is None  # a fake clock: no worker thread reads it
    heard: list[object] = []
    app.journal.changed.connect(heard.append)
    clock.advance(90)
    player.tick()
    player.stop()
    (session,) = app.store.events(types=[EventType.SESSION])
    assert session.id == player.session_event.id
    assert session.at == NOW + timedelta(seconds=90)  # ended on the app's clock
    assert len(heard) == 1 and player.recorded
