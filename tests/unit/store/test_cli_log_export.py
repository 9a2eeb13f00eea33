"""``crampcoach log ...`` and ``crampcoach export``: durable before exit 0, one-line errors, exit 2."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core.clock import SystemClock
from crampcoach.core.events import CrampEvent, SessionEvent, WaterEvent
from crampcoach.store import Store
from crampcoach.store.store import device_folder


def _events(folder: Path) -> list[object]:
    with Store.open(folder, clock=SystemClock()) as store:
        return list(store.events())


def _one_line_error(capsys: pytest.CaptureFixture[str], *words: str) -> None:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    for word in words:
        assert word in err, err


def test_log_water_uses_the_glass_setting(data_dir: Path) -> None:
    with Store.open(data_dir, clock=SystemClock()) as store:
        store.set_setting("glass_ml", 330)
    assert main(["log", "water"]) == 0
    assert main(["log", "water", "--ml", "150"]) == 0
    (a, b) = _events(data_dir)
    assert isinstance(a, WaterEvent) and isinstance(b, WaterEvent)
    assert (a.ml, b.ml) == (330, 150)
    assert abs(a.at - datetime.now(UTC)) < timedelta(minutes=1)


def test_log_at_naive_is_local_time_and_offsets_are_kept(data_dir: Path) -> None:
    assert main(["log", "water", "--at", "2026-02-03T07:15"]) == 0
    assert main(["log", "water", "--at", "2026-02-03T07:15:00-05:00"]) == 0
    naive, aware = sorted(_events(data_dir), key=lambda e: e.id)  # type: ignore[attr-defined]
    at = {e.at for e in (naive, aware)}  # type: ignore[attr-defined]
    assert datetime(2026, 2, 3, 7, 15).astimezone() in at
    assert datetime(2026, 2, 3, 12, 15, tzinfo=UTC) in at


def test_log_cramp_with_every_field(data_dir: Path) -> None:
    argv = ["log", "cramp", "--leg", "both", "--muscle", "hamstring", "--severity", "8"]
    argv += ["--minutes", "3.5", "--context", "exercise", "--note", "after the run"]
    argv += ["--symptom", "numbness,weakness"]
    assert main(argv) == 0
    (ev,) = _events(data_dir)
    assert isinstance(ev, CrampEvent)
    assert ev.to_dict() | {"id": "", "at": ""} == {
        "type": "cramp",
        "id": "",
        "at": "",
        "leg": "both",
        "muscle": "hamstring",
        "severity": 8,
        "minutes": 3.5,
        "context": "exercise",
        "note": "after the run",
        "symptoms": ["numbness", "weakness"],
    }


def test_log_session_checks_the_routine(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["log", "session", "bedtime", "--at", "2026-02-03T22:40"]) == 0
    assert main(["log", "session", "leg-stretch", "--partial"]) == 0
    full, partial = _events(data_dir)
    assert isinstance(full, SessionEvent) and isinstance(partial, SessionEvent)
    assert (full.routine_id, full.routine_kind, full.source, full.completed) == (
        "bedtime",
        "bedtime",
        "cli",
        True,
    )
    assert full.started < full.at and full.steps_done
    assert (partial.completed, partial.steps_done) == (False, ())
    capsys.readouterr()
    assert main(["log", "session", "no-such-routine"]) == 2
    _one_line_error(capsys, "unknown routine 'no-such-routine'", "bedtime")
    assert len(_events(data_dir)) == 2


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["log", "water", "--ml", "0"], ("--ml", "1 to 5000")),
        (["log", "water", "--ml", "lots"], ("--ml",)),
        (["log", "water", "--at", "yesterday"], ("--at", "ISO-8601")),
        (["log", "water", "--at", "2999-01-01T00:00"], ("--at", "future")),
        (["log", "cramp", "--leg", "left", "--muscle", "calf", "--severity", "11"], ("0 to 10",)),
        (["log", "cramp", "--leg", "middle", "--muscle", "calf", "--severity", "3"], ("--leg",)),
        (["log", "cramp", "--leg", "left", "--muscle", "calf"], ("--severity",)),
        (
            [
                "log",
                "cramp",
                "--leg",
                "left",
                "--muscle",
                "calf",
                "--severity",
                "2",
                "--minutes",
                "-1",
            ],
            ("--minutes",),
        ),
        (["log", "session"], ("routine",)),
    ],
)
def test_bad_values_exit_2_with_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: tuple[str, ...]
) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors exit from inside parse_args
        code = int(exc.code or 0)
    assert code == 2
    _one_line_error(capsys, *words)
    assert not list(device_folder(data_dir).glob("events-*.json"))


def test_disk_refusing_the_write_exits_1_and_says_not_saved(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_space(*args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", no_space)
    assert main(["log", "water"]) == 1
    _one_line_error(capsys, "not saved", "disk is full")
    monkeypatch.undo()
    assert _events(data_dir) == []


def _seed(folder: Path) -> None:
    assert main(["log", "water", "--ml", "200", "--at", "2026-02-03T08:00+00:00"]) == 0
    argv = ["log", "cramp", "--leg", "left", "--muscle", "calf", "--severity", "4"]
    assert main([*argv, "--note", 'said "ouch", twice', "--at", "2026-02-03T09:00+00:00"]) == 0
    assert main(["log", "session", "bedtime", "--at", "2026-02-03T22:00+00:00"]) == 0


def test_export_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _seed(data_dir)
    capsys.readouterr()
    assert main(["export"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["type"] for r in records] == ["water", "cramp", "session"]
    for record in records:
        assert list(record)[:3] == ["id", "type", "at"]
    assert records[0]["ml"] == 200 and records[1]["note"] == 'said "ouch", twice'
    assert records[2]["steps_done"] and records[2]["source"] == "cli"


def test_export_csv_to_file(data_dir: Path, tmp_path: Path) -> None:
    _seed(data_dir)
    out = tmp_path / "log.csv"
    assert main(["export", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["type"] for r in rows] == ["water", "cramp", "session"]
    assert {"id", "type", "at", "ml", "severity", "routine_id"} <= set(rows[0])
    assert rows[0]["ml"] == "200" and rows[0]["severity"] == ""
    assert rows[1]["note"] == 'said "ouch", twice'
    assert rows[2]["completed"] == "true"


def test_export_of_an_empty_log(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_export_to_a_missing_folder_is_a_one_line_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "-o", str(tmp_path / "nope" / "log.json")]) == 2
    _one_line_error(capsys, "does not exist")
