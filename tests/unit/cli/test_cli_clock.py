"""The command line runs wholly on the clock its root is given: time, zone, days and files.

``crampcoach.cli.main(argv, clock=...)`` is the command line's composition root;
with a FakeClock years away from the real date and in a zone far from the
machine's, every stamp, day and file name below must come from that clock.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crampcoach.cli import main
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType
from crampcoach.store import Store
from crampcoach.store.files import BACKUP_DIR
from crampcoach.store.store import device_folder, event_file_name

AUCKLAND = ZoneInfo("Pacific/Auckland")
#: 09:30 on the 14th in Auckland is 21:30 on the 13th in UTC.
NOW = datetime(2031, 7, 14, 9, 30, tzinfo=AUCKLAND)


def test_entries_carry_the_roots_time_and_zone(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FakeClock(NOW)
    assert main(["log", "water"], clock=clock) == 0
    assert "at 2031-07-14 09:30" in capsys.readouterr().out  # said in the clock's zone
    # A time without an offset is in the clock's zone, not the machine's.
    assert main(["log", "water", "--at", "2031-07-14T08:00", "--ml", "300"], clock=clock) == 0
    assert main(["log", "water", "--at", "2031-07-15T08:00"], clock=clock) == 2
    assert "in the future" in capsys.readouterr().err  # the future by the fake clock
    assert main(["log", "night", "--cramps", "0"], clock=clock) == 0
    with Store.open(data_dir, clock=clock, read_only=True) as store:
        water = store.events(types=[EventType.WATER])
        assert [(e.at, e.ml) for e in water] == [  # type: ignore[attr-defined]
            (datetime(2031, 7, 14, 8, 0, tzinfo=AUCKLAND), 300),
            (NOW, 250),
        ]
        (night,) = store.events(types=[EventType.NIGHT])
        assert night.night == date(2031, 7, 13) and night.at == NOW  # type: ignore[attr-defined]
    # The month file and today's backups are named by the fake clock's day (in UTC).
    own = device_folder(data_dir)
    assert (own / event_file_name("2031-07")).is_file()
    backups = [p.name for p in (own / BACKUP_DIR).iterdir()]
    assert backups and all(name.endswith(".2031-07-13") for name in backups)


def test_days_pauses_and_the_review_follow_the_roots_log_day(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FakeClock(NOW)
    assert main(["log", "water"], clock=clock) == 0
    assert main(["day", "rest", "--date", "yesterday"], clock=clock) == 0
    assert main(["reminders", "pause"], clock=clock) == 0
    assert "paused until Tue 15 Jul 04:00" in capsys.readouterr().out  # the next log day
    with Store.open(data_dir, clock=clock, read_only=True) as store:
        skips = store.events(types=[EventType.SKIP])
        assert {e.day for e in skips} == {date(2031, 7, 13)}  # type: ignore[attr-defined]
        paused = datetime.fromisoformat(store.settings().reminders_paused_until)
        assert paused == datetime(2031, 7, 15, 4, 0, tzinfo=AUCKLAND)
    assert main(["review", "--format", "json"], clock=clock) == 0
    review = json.loads(capsys.readouterr().out)
    assert review["week"] == "2031-W29"  # Monday the 14th begins it
    assert review["days"][0]["day"] == "2031-07-14" and review["days"][0]["water_ml"] == 250
    assert main(["review", "--week", "2031-W28", "--format", "json"], clock=clock) == 0
    sunday = json.loads(capsys.readouterr().out)["days"][-1]
    assert sunday["day"] == "2031-07-13" and sunday["bedtime"] == "skipped"


def test_a_local_time_that_does_not_exist_is_judged_in_the_clocks_zone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """02:30 on the last Sunday of March does not exist in Berlin, whatever the machine's zone."""
    berlin = FakeClock(datetime(2031, 3, 30, 12, 0, tzinfo=ZoneInfo("Europe/Berlin")))
    assert main(["log", "water", "--at", "2031-03-30T02:30"], clock=berlin) == 2
    err = capsys.readouterr().err
    assert "does not exist in your time zone" in err and "+0100" in err
    auckland = FakeClock(datetime(2031, 3, 30, 12, 0, tzinfo=AUCKLAND))
    assert main(["log", "water", "--at", "2031-03-30T02:30"], clock=auckland) == 0
