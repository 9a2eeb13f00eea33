"""``crampcoach import FILE`` (idempotent merge by id) and ``crampcoach devices``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach.cli import main
from crampcoach.core.clock import FakeClock, SystemClock
from crampcoach.core.events import WaterEvent
from crampcoach.store import Store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _water(n: int, ml: int = 250) -> WaterEvent:
    return WaterEvent(id=f"w{n}", at=T0 + timedelta(hours=n), ml=ml)


def _export(capsys: pytest.CaptureFixture[str], folder: Path) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["export", "--data-dir", str(folder)]) == 0
    out: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return out


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(["import", *args, "--format", "json"]) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_import_twice_changes_nothing_and_counts_what_differs(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    with Store.open(other, clock=FakeClock(T0)) as store:
        for n in range(4):
            store.add(_water(n))
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps(_export(capsys, other)))
    first = _report(capsys, str(exported))
    assert (first["new"], first["same"], first["newer_elsewhere"]) == (4, 0, 0)
    before = _export(capsys, data_dir)
    again = _report(capsys, str(exported))
    assert (again["new"], again["same"], again["newer_elsewhere"]) == (0, 4, 0)
    assert _export(capsys, data_dir) == before
    with Store.open(data_dir, clock=SystemClock()) as store:
        store.update(_water(1, ml=900))
        store.delete("w2")
    third = _report(capsys, str(exported))
    assert (third["new"], third["same"], third["newer_elsewhere"]) == (0, 2, 2)
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        assert store.events() == [_water(0), _water(1, ml=900), _water(3)]


def test_import_of_a_backup_file_restores_its_entries(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    with Store.open(other, clock=FakeClock(T0)) as store:
        store.add(_water(1, ml=777))
    backups = sorted(store.own_dir.glob("backups/events-*"))  # made at close
    assert backups
    capsys.readouterr()
    assert main(["import", str(backups[-1])]) == 0
    assert "1 new, 0 the same, 0 newer elsewhere" in capsys.readouterr().out
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        assert store.events() == [_water(1, ml=777)]


def test_a_bad_entry_imports_nothing_and_names_it(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    good = _water(1).to_dict()
    bad.write_text(json.dumps([good, {**_water(2).to_dict(), "ml": "lots"}]))
    capsys.readouterr()
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "entry 2 (id w2)" in err and "nothing" in err, err
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        assert store.events() == []
    bad.write_text("{not json")
    assert main(["import", str(bad)]) == 2
    assert "not JSON" in capsys.readouterr().err


def test_devices_lists_this_computer_and_renames_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(data_dir, clock=SystemClock()) as store:
        store.add(_water(1))
    capsys.readouterr()
    assert main(["devices", "--name", "Kitchen PC", "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["name"] == "Kitchen PC" and row["this_computer"] is True
    assert row["last_entry"] == _water(1).at.isoformat()
    assert main(["devices"]) == 0
    assert "Kitchen PC" in capsys.readouterr().out
