"""A repair of an older month, found after start, reaches the user once: window and CLI."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crampcoach.cli import main
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import WaterEvent
from crampcoach.store import Store

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _damage_an_old_month(data_dir: Path, now: datetime) -> Path:
    old = now - timedelta(days=70)
    with Store.open(data_dir, clock=FakeClock(old)) as store:  # makes that month's backup
        store.add(WaterEvent(id="old", at=old, ml=300))
    (month,) = [
        p for p in data_dir.glob("devices/*/events-*.json") if old.strftime("%Y-%m") in p.name
    ]
    month.write_bytes(b'{"_meta": "bit rot"}')  # looks whole: found only when read
    return month


def test_the_window_tells_a_repair_found_after_start(
    make_app: Any, data_dir: Path, fake_clock: FakeClock
) -> None:
    month = _damage_an_old_month(data_dir, fake_clock.now())
    app = make_app()
    assert not any(month.name in n for n in app.notices)  # not read yet
    app.store.events()  # the review (or any query) reaches the older month
    app.refresh()
    told = [n for n in app.notices if month.name in n and "moved aside" in n]
    assert len(told) == 1
    app.refresh()
    assert len([n for n in app.notices if month.name in n]) == 1  # once


def test_the_cli_tells_a_repair_on_stderr(
    data_dir: Path, fake_clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    month = _damage_an_old_month(data_dir, fake_clock.now())
    assert main(["export", "--data-dir", str(data_dir)]) == 0
    err = capsys.readouterr().err
    assert month.name in err and "damaged" in err
