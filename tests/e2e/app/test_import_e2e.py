"""``crampcoach import FILE`` while the real app runs: handed over, written by the app.

The app is a real process on its own session bus (``dbus-run-session``) with
a temporary data folder in a "synced" place and every per-user folder
(cache, config, state, runtime) outside it.  The import is larger than one
socket request, so it goes over in parts; the app merges each by id through
its journal.  No sleeps: waits poll against a deadline, pausing on the child.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crampcoach import ipc
from crampcoach.core.clock import SystemClock
from crampcoach.core.events import CrampContext, CrampEvent, Leg, Muscle, WaterEvent
from crampcoach.store import Store
from tests.e2e import running

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        shutil.which("dbus-run-session") is None,
        reason="needs dbus-run-session (scripts/dev.sh installs dbus)",
    ),
]

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
COUNT = 3000


def _water(n: int, ml: int = 250) -> WaterEvent:
    return WaterEvent(id=f"imp-{n}", at=T0 + timedelta(minutes=37 * n), ml=ml)


def _cramp() -> CrampEvent:
    return CrampEvent(
        id="imp-cramp",
        at=T0 + timedelta(days=3, hours=19),
        leg=Leg.LEFT,
        muscle=Muscle.CALF,
        severity=7,
        minutes=2.0,
        context=CrampContext.NIGHT,
        note="Wadenkrampf nach dem Laufen — links",
    )


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A data folder in a synced place; everything per-computer outside it."""
    data = tmp_path / "Sync" / "crampcoach"
    values = {
        "CRAMPCOACH_DATA_DIR": str(data),
        "XDG_CACHE_HOME": str(tmp_path / "home-cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "home-config"),
        "XDG_DATA_HOME": str(tmp_path / "home-data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)  # this process (the test's Store) and the children
    monkeypatch.delenv("CRAMPCOACH_BENCH_EXIT_ON_SHOWN", raising=False)
    return dict(os.environ)


@pytest.fixture
def app(env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        ["dbus-run-session", "--", sys.executable, "-m", "crampcoach"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crampcoach", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_import_while_the_app_runs_is_merged_by_the_app(
    env: dict[str, str], app: subprocess.Popen[str], tmp_path: Path
) -> None:
    data = Path(env["CRAMPCOACH_DATA_DIR"])
    # The log already has one entry as exported and one changed since.
    with Store.open(data, clock=SystemClock()) as store:
        store.add(_water(0))
        store.add(_water(1, ml=900))
        device = store.device
    exported = [*(_water(n).to_dict() for n in range(COUNT)), _cramp().to_dict()]
    file = tmp_path / "laptop-export.json"
    file.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    assert len(file.read_bytes()) > 3 * ipc.MAX_REQUEST  # more than one request

    pid = running.wait_for(lambda: running.status(data), app, "the app to listen")["pid"]
    first = _cli(env, "import", str(file), "--format", "json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert (report["new"], report["same"], report["newer_elsewhere"]) == (COUNT - 1, 1, 1)
    again = _cli(env, "import", str(file))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == (
        f"imported {file.name}: 0 new, {COUNT} the same, 1 newer elsewhere (kept as they are)"
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([_water(COUNT).to_dict(), {**_water(1).to_dict(), "ml": -5}]))
    refused = _cli(env, "import", str(bad))
    assert refused.returncode == 2 and "entry 2 (id imp-1)" in refused.stderr, refused.stderr
    # The same app held the log the whole time: it wrote every entry.
    assert (running.status(data) or {}).get("pid") == pid

    assert ipc.send(data, {"cmd": "quit"})["ok"]
    _out, err = app.communicate(timeout=60)
    assert app.returncode == 0, err
    with Store.open(data, clock=SystemClock(), read_only=True) as view:
        events = view.events()
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids)) == COUNT + 1  # nothing twice, the bad file added nothing
    by_id = {e.id: e for e in events}
    assert by_id["imp-1"] == _water(1, ml=900)  # changed here since: kept
    assert by_id["imp-cramp"] == _cramp()
    # The app, the CLI and the caches wrote nothing in the synced folder but
    # this computer's own files (and the empty folder for the user's routines).
    written = sorted(p.relative_to(data) for p in data.rglob("*") if p.is_file())
    assert written and all(p.parts[:2] == ("devices", device) for p in written), written
    assert (Path(env["XDG_CACHE_HOME"]) / "crampcoach" / "library.json").exists()


def test_devices_name_while_the_app_runs_is_renamed_by_the_app(
    env: dict[str, str], app: subprocess.Popen[str]
) -> None:
    data = Path(env["CRAMPCOACH_DATA_DIR"])
    pid = running.wait_for(lambda: running.status(data), app, "the app to listen")["pid"]
    renamed = _cli(env, "devices", "--name", "  Kitchen   PC ", "--format", "json")
    assert renamed.returncode == 0, renamed.stderr
    (this,) = [d for d in json.loads(renamed.stdout) if d["this_computer"]]
    assert this["name"] == "Kitchen PC"
    # A bad name is refused before anything is handed over, as without the app.
    blank = _cli(env, "devices", "--name", "   ")
    assert blank.returncode == 2 and "--name: a computer's name" in blank.stderr, blank.stderr
    assert (running.status(data) or {}).get("pid") == pid  # the app renamed it, and still runs
    listed = _cli(env, "devices")
    assert listed.returncode == 0 and "Kitchen PC" in listed.stdout, listed.stderr

    assert ipc.send(data, {"cmd": "quit"})["ok"]
    _out, err = app.communicate(timeout=60)
    assert app.returncode == 0, err
    with Store.open(data, clock=SystemClock(), read_only=True) as view:
        assert [d.name for d in view.devices() if d.this] == ["Kitchen PC"]
