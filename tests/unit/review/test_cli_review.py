from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store
from tests.unit.review.helpers import cramp, session, water

W = "2026-W10"  # Mon 2 - Sun 8 March 2026


@pytest.fixture
def filled(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    with Store.open(data_dir, clock=SystemClock()) as store:
        for d in range(2, 9):
            store.add(session(date(2026, 3, d)))
        store.add(water(date(2026, 3, 2), 1500))
        store.add(cramp(date(2026, 3, 4), "02:00", severity=7, minutes=15))
    return data_dir


def test_json_has_the_promised_keys(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--week", W, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"week", "days", "adherence", "cramps", "warnings"} <= data.keys()
    assert data["week"] == W and len(data["days"]) == 7
    assert data["adherence"]["bedtime"] == {"done": 7, "planned": 7, "percent": 100.0}
    assert data["cramps"]["episodes"] == 1 and data["cramps"]["log"][0]["severity"] == 7
    assert [w["id"] for w in data["warnings"]] == ["long-cramp"]


def test_text_and_csv(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--week", W]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Week 2026-W10: Mon 2 Mar – Sun 8 Mar 2026")
    assert "Bedtime routine: 7 of 7 nights" in out and "URGENT" in out
    assert "not medical advice" in out
    assert main(["review", "--week", W, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["day"] == "2026-03-02" and len(rows) == 7
    assert rows[0]["water"] == "done" and rows[1]["cramps"] == "1"


def test_works_while_the_app_holds_the_lock(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(filled, clock=SystemClock()):  # the running app
        assert main(["review", "--week", W, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["week"] == W


@pytest.mark.parametrize(
    ("week", "message"),
    [("2026-10", "expected a week as YYYY-Www"), ("2025-W53", "no ISO week 2025-W53")],
)
def test_bad_week_is_one_clear_line(
    week: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "--week", week]) == 2
    err = capsys.readouterr().err
    assert err.startswith("crampcoach: --week: ") and message in err
    assert err.count("\n") == 1


def test_empty_log_this_week(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cramps"]["episodes"] == 0 and data["warnings"] == []
