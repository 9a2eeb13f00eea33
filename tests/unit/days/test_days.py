"""Rest and sick days (today and past days) and pausing reminders, from the command line."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core import days
from crampcoach.core.clock import SystemClock
from crampcoach.core.events import EventType, SkipEvent, SkipReason
from crampcoach.core.settings import Settings
from crampcoach.store import Store

NOW = datetime(2026, 3, 10, 2, 30).astimezone()  # before the 04:00 boundary: still the 9th


def test_a_day_off_excuses_every_plan_item_of_that_day() -> None:
    current = days.today(NOW, Settings(), NOW.tzinfo)
    assert current == date(2026, 3, 9)
    events = days.day_off(current - timedelta(days=2), SkipReason.SICK, NOW, current, "flu")
    assert {e.item for e in events} == {"bedtime", "stretch", "water"}
    assert {(e.day, e.reason, e.note) for e in events} == {
        (date(2026, 3, 7), SkipReason.SICK, "flu")
    }
    with pytest.raises(days.DayError, match="has not come yet"):
        days.day_off(current + timedelta(days=1), SkipReason.REST, NOW, current)
    with pytest.raises(days.DayError, match="rest or a sick day"):
        days.day_off(current, SkipReason.OTHER, NOW, current)
    assert days.parse_day("yesterday", current) == date(2026, 3, 8)
    with pytest.raises(days.DayError, match="YYYY-MM-DD"):
        days.parse_day("last tuesday", current)


def test_cli_marks_a_past_sick_day_and_the_store_keeps_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "day", "sick", "--date", "2026-01-05"]) == 0
    assert main(["--data-dir", str(data_dir), "day", "rest"]) == 0
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        skips = [e for e in store.events(types=[EventType.SKIP]) if isinstance(e, SkipEvent)]
    sick = [e for e in skips if e.reason is SkipReason.SICK]
    assert {e.day for e in sick} == {date(2026, 1, 5)} and len(sick) == 3
    assert len([e for e in skips if e.reason is SkipReason.REST]) == 3
    assert "sick day (bedtime) for 2026-01-05" in capsys.readouterr().out


def test_cli_refuses_a_future_or_unreadable_date_and_writes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "day", "rest", "--date", "2999-01-01"]) == 2
    assert "has not come yet" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "day", "rest", "--date", "soon"]) == 2
    assert "--date: expected YYYY-MM-DD" in capsys.readouterr().err
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        assert store.events(types=[EventType.SKIP]) == []


def test_cli_pauses_and_resumes_reminders(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = datetime.now().astimezone()
    assert main(["--data-dir", str(data_dir), "reminders", "pause", "--hours", "2"]) == 0
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        until = datetime.fromisoformat(store.settings()["reminders_paused_until"])
    assert timedelta(hours=1, minutes=58) < until - before <= timedelta(hours=2, minutes=1)
    assert "reminders paused until" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "reminders", "pause"]) == 0  # until tomorrow
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        until = datetime.fromisoformat(store.settings()["reminders_paused_until"])
    assert until > before and until.strftime("%H:%M") == "04:00"
    assert main(["--data-dir", str(data_dir), "reminders", "resume"]) == 0
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        assert store.settings()["reminders_paused_until"] == ""
    assert (
        main(["--data-dir", str(data_dir), "reminders", "pause", "--until", "2000-01-01T10:00"])
        == 2
    )
    assert "has passed" in capsys.readouterr().err


def test_cli_day_off_as_json_is_one_document_of_the_stored_entries(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    args = ["--data-dir", str(data_dir), "day", "sick", "--date", "2026-01-05", "--format", "json"]
    assert main(args) == 0
    entries = json.loads(capsys.readouterr().out)  # one JSON value, not a line per entry
    assert [e["item"] for e in entries] == ["bedtime", "stretch", "water"]
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        stored = {e.id: e.to_dict() for e in store.events(types=[EventType.SKIP])}
    assert [stored[e["id"]] for e in entries] == entries  # as they were stored
