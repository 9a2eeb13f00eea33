"""Untrusted text stays plain: CSV formulas neutralised, deep routine files refused alone."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core import routines
from crampcoach.core.events import CrampEvent, Leg, Muscle
from crampcoach.core.export import rows, to_csv, to_json

AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize("note", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(note: str) -> None:
    event = CrampEvent(id="c", at=AT, leg=Leg.LEFT, muscle=Muscle.CALF, severity=3, note=note)
    (row,) = list(csv.DictReader(io.StringIO(to_csv(rows([event])), newline="")))
    assert row["note"] == "'" + note
    assert json.loads(to_json(rows([event])))[0]["note"] == note  # JSON keeps the text as is


def test_plain_cells_and_numbers_are_unchanged() -> None:
    event = CrampEvent(id="c", at=AT, leg=Leg.LEFT, muscle=Muscle.CALF, severity=3, note="ok")
    (row,) = list(csv.DictReader(io.StringIO(to_csv(rows([event])), newline="")))
    assert row["note"] == "ok" and row["severity"] == "3"


def test_one_deeply_nested_routine_file_is_one_problem_and_the_rest_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user = tmp_path / "routines"
    user.mkdir()
    bad = user / "deep.toml"
    bad.write_text("x = " + "[" * 60_000 + "]" * 60_000 + "\n", encoding="utf-8")
    inline = user / "inline.toml"
    inline.write_text("x = " + "[1," * 3000 + "1" + "]" * 3000 + "\n", encoding="utf-8")
    result = routines.load_all(user_dir=user)
    assert {r.id for r in result.routines} >= {"bedtime", "warmup"}  # the built-ins
    problems = {p.file: str(p) for p in result.problems}
    assert "levels deep" in problems[str(bad)] and "levels deep" in problems[str(inline)]
    code = main(["routines", "check", str(bad)])
    err = capsys.readouterr().err
    assert code != 0 and "levels deep" in err and "Traceback" not in err
