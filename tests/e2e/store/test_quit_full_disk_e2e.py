"""Quitting the running app on a full disk (a small tmpfs), with an entry it could not save.

The app is a real process with a routine running; the disk fills; the app is
told to quit (SIGTERM, or ``quit`` over its socket), which records the
stopped session and cannot save it.  It must say which entry was not saved,
in one line and without a traceback, keep it where the disk allows (or say
that it cannot, and print it), and, once space is freed, the next start saves
it exactly once and tells the user.

No sleeps: every wait polls a condition against a deadline, pausing on the
child process itself between polls.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crampcoach import exits, ipc
from tests.e2e import running
from tests.e2e.store.conftest import SmallDisk

pytestmark = pytest.mark.e2e

CITE = '{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }'
ROUTINE = f"""title = "Long one"
kind = "stretch"
description = "Runs until the app quits."

[[steps]]
name = "Stand"
instructions = "Stand still."
duration_s = 600
citations = [{CITE}]
"""


def _cli(disk: SmallDisk, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return disk.run([sys.executable, "-m", "crampcoach", "--data-dir", str(folder), *args])


def _app(disk: SmallDisk, folder: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("CRAMPCOACH_BENCH_EXIT_ON_SHOWN", None)
    return disk.popen(
        [sys.executable, "-m", "crampcoach", "--data-dir", str(folder), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _said(stderr: str) -> list[str]:
    """The app's own messages (Qt's platform plugin and the log module add other lines)."""
    return [line for line in stderr.splitlines() if line.startswith("crampcoach: ")]


def _told(folder: Path, words: str) -> list[str]:
    """The main window's notices that contain ``words``."""
    return [n for n in (running.status(folder) or {}).get("notices", []) if words in n]


def _export(disk: SmallDisk, folder: Path) -> list[dict[str, Any]]:
    done = _cli(disk, folder, "export")
    assert done.returncode == 0, done.stderr
    entries: list[dict[str, Any]] = json.loads(done.stdout)
    return entries


def _quit_mid_session_on_a_full_disk(
    disk: SmallDisk, folder: Path, how: str
) -> subprocess.CompletedProcess[str]:
    disk.write_text(folder / "routines" / "long.toml", ROUTINE)
    assert _cli(disk, folder, "log", "water", "--ml", "200").returncode == 0
    app = _app(disk, folder, "start", "long")
    try:
        running.wait_for(
            lambda: (running.status(folder) or {}).get("session") == "long", app, "the session"
        )
        disk.fill()
        # A hand-over the app cannot save is refused as such: never saved later.
        refused = _cli(disk, folder, "log", "water", "--ml", "555")
        assert refused.returncode == exits.NOT_SAVED, refused.stderr
        if how == "sigterm":
            os.kill(app.pid, signal.SIGTERM)
        else:
            assert ipc.send(folder, {"cmd": "quit"}, timeout=10)["ok"]
        out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate(timeout=30)
    return subprocess.CompletedProcess(app.args, app.returncode, out, err)


@pytest.mark.parametrize("how", ["sigterm", "quit"])
def test_quitting_on_a_full_disk_keeps_the_entry_and_the_next_start_saves_it_once(
    small_disk: SmallDisk, how: str
) -> None:
    folder = small_disk.path / "data"
    quit_ = _quit_mid_session_on_a_full_disk(small_disk, folder, how)
    assert quit_.returncode == exits.NOT_SAVED, quit_.stderr
    assert "Traceback" not in quit_.stderr
    (line,) = _said(quit_.stderr)
    # kept in this computer's state folder, the first place not on the full disk
    (kept,) = (Path(os.environ["XDG_STATE_HOME"]) / "crampcoach").glob("unsaved-*.json")
    assert "1 entry not saved (the session long (stopped early) at " in line, line
    assert f"kept in {kept} and saved at the next start" in line and "Free some space" in line
    # still full: the next start cannot save it, says so, and keeps the file
    blocked = _app(small_disk, folder)
    try:
        running.wait_for(lambda: _told(folder, "still cannot be saved"), blocked, "the notice")
        assert str(kept) in _told(folder, "still cannot be saved")[0]
        ipc.send(folder, {"cmd": "quit"}, timeout=10)
        blocked.communicate(timeout=60)
    finally:
        if blocked.poll() is None:
            blocked.kill()
            blocked.communicate(timeout=30)
    assert kept.is_file()

    small_disk.free()
    app = _app(small_disk, folder)
    try:
        told = running.wait_for(lambda: _told(folder, "saved now"), app, "the notice")
        assert len(told) == 1 and "the session long (stopped early) at " in told[0], told
        assert ipc.send(folder, {"cmd": "quit"}, timeout=10)["ok"]
        _out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate(timeout=30)
    assert app.returncode == 0 and "Traceback" not in err, err
    assert not kept.exists()
    entries = _export(small_disk, folder)
    sessions = [e for e in entries if e["type"] == "session"]
    assert len(sessions) == 1 and sessions[0]["routine_id"] == "long"
    assert sessions[0]["completed"] is False
    assert sorted(e["ml"] for e in entries if e["type"] == "water") == [200]  # 555 was refused
    # and a later writer neither saves it again nor tells it again
    again = _cli(small_disk, folder, "log", "water", "--ml", "300")
    assert again.returncode == 0 and "saved now" not in again.stderr
    assert len([e for e in _export(small_disk, folder) if e["type"] == "session"]) == 1


def test_quitting_when_nothing_can_keep_the_entry_says_so_and_prints_it(
    small_disk: SmallDisk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every place unsaved entries may be kept is on the full disk: the data
    # folder, the state folder; no runtime folder (the socket goes to TMPDIR).
    monkeypatch.setenv("XDG_STATE_HOME", str(small_disk.path / "state"))
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    folder = small_disk.path / "data"
    quit_ = _quit_mid_session_on_a_full_disk(small_disk, folder, "sigterm")
    assert quit_.returncode == exits.NOT_SAVED and "Traceback" not in quit_.stderr
    (line,) = _said(quit_.stderr)
    assert "1 entry not saved (the session long (stopped early) at " in line, line
    assert "could not be kept anywhere else either" in line
    entry = json.loads(line[line.index("{") : line.rindex("}") + 1])
    assert entry["type"] == "session" and entry["routine_id"] == "long"
    small_disk.free()
    assert [e for e in _export(small_disk, folder) if e["type"] == "session"] == []


def test_a_full_disk_while_the_app_runs_refuses_and_a_retry_never_duplicates(
    small_disk: SmallDisk,
) -> None:
    """The issue's case: the running app takes the hand-overs; the user retries after freeing space."""
    folder = small_disk.path / "data"
    assert _cli(small_disk, folder, "log", "water", "--ml", "200").returncode == 0
    app = _app(small_disk, folder)
    try:
        running.wait_for(lambda: running.status(folder), app, "the app to listen")
        small_disk.fill()
        failed = _cli(small_disk, folder, "log", "water", "--ml", "555")
        assert failed.returncode == exits.NOT_SAVED and "Traceback" not in failed.stderr
        refused = _cli(small_disk, folder, "settings", "set", "glass_ml", "300")
        assert refused.returncode == exits.NOT_SAVED and "Traceback" not in refused.stderr
        small_disk.free()
        retried = _cli(small_disk, folder, "log", "water", "--ml", "555")
        assert retried.returncode == 0, retried.stderr
        assert ipc.send(folder, {"cmd": "quit"}, timeout=10)["ok"]
        _out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate(timeout=30)
    assert app.returncode == 0 and "Traceback" not in err, err
    entries = _export(small_disk, folder)
    assert sorted(e["ml"] for e in entries if e["type"] == "water") == [200, 555]
    shown = _cli(small_disk, folder, "settings", "show", "--format", "json")
    assert json.loads(shown.stdout)["glass_ml"] == 250  # refused, so never applied later
