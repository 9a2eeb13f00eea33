"""The real app as a subprocess: hand-over, signals, stale sockets, a whole session.

No sleeps: every wait polls a condition against a deadline, pausing on the
child process itself (``proc.wait(timeout=...)``) between polls.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from crampcoach import ipc
from crampcoach.core.events import EventType, SessionEvent, WaterEvent
from tests.e2e import running

pytestmark = pytest.mark.e2e

CITE = '{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }'


def _routine_file(data_dir: Path, rid: str, seconds: int, steps: int = 2) -> None:
    folder = data_dir / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    body = [f'title = "Test {rid}"', 'kind = "stretch"', 'description = "For the end-to-end test."']
    for n in range(steps):
        body += [
            "",
            "[[steps]]",
            f'name = "Step {n + 1}"',
            'instructions = "Stand still."',
            f"duration_s = {seconds}",
            f"citations = [{CITE}]",
        ]
    (folder / f"{rid}.toml").write_text("\n".join(body) + "\n", encoding="utf-8")


def _env(data_dir: Path, platform: str = "offscreen") -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CRAMPCOACH_DATA_DIR=str(data_dir),
        QT_QPA_PLATFORM=platform,
        XDG_CONFIG_HOME=str(data_dir / "xdg-config"),
        XDG_DATA_HOME=str(data_dir / "xdg-data"),
    )
    # Start-up benchmarks must not leak into these runs.
    env.pop("CRAMPCOACH_BENCH_EXIT_ON_SHOWN", None)
    return env


@pytest.fixture
def launch(data_dir: Path) -> Iterator[Callable[..., subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []

    def start(
        *args: str, cmd: list[str] | None = None, platform: str = "offscreen"
    ) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            cmd or running.crampcoach(*args),
            env=_env(data_dir, platform),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def _ready(data_dir: Path, proc: subprocess.Popen[str]) -> dict[str, Any]:
    status: dict[str, Any] = running.wait_for(
        lambda: running.status(data_dir), proc, "the app to listen", timeout=60
    )
    return status


def _sessions(data_dir: Path) -> list[SessionEvent]:
    from crampcoach.core.clock import SystemClock
    from crampcoach.store import Store

    store = Store.open(data_dir, clock=SystemClock(), read_only=True)
    try:
        return [e for e in store.events(types=[EventType.SESSION]) if isinstance(e, SessionEvent)]
    finally:
        store.close()


def _terminate(proc: subprocess.Popen[str], pid: int | None = None) -> str:
    os.kill(pid or proc.pid, signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return err


def test_second_launch_brings_the_running_app_forward(launch: Any, data_dir: Path) -> None:
    first = launch()
    assert _ready(data_dir, first)["activations"] == 0
    second = subprocess.run(
        running.crampcoach(), env=_env(data_dir), capture_output=True, text=True, timeout=60
    )
    assert second.returncode == 0, second.stderr
    status = running.status(data_dir)
    assert status is not None and status["activations"] == 1 and status["window_visible"]
    assert status["pid"] == first.pid
    _terminate(first)


def test_start_while_running_opens_the_player_in_the_running_app(
    launch: Any, data_dir: Path
) -> None:
    _routine_file(data_dir, "long", 300)
    first = launch()
    _ready(data_dir, first)
    started = subprocess.run(
        running.crampcoach("start", "long"),
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode == 0, started.stderr
    assert running.status(data_dir)["session"] == "long"  # type: ignore[index]
    unknown = subprocess.run(
        running.crampcoach("start", "nope"),
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert unknown.returncode == 2 and "unknown routine 'nope'" in unknown.stderr
    _terminate(first)


def test_cli_log_while_the_app_runs_is_stored_by_the_app(launch: Any, data_dir: Path) -> None:
    app = launch()
    _ready(data_dir, app)
    logged = subprocess.run(
        running.crampcoach("log", "water", "--ml", "321"),
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert logged.returncode == 0, logged.stderr
    _terminate(app)
    from crampcoach.core.clock import SystemClock
    from crampcoach.store import Store

    with Store.open(data_dir, clock=SystemClock()) as store:
        water = [e for e in store.events(types=[EventType.WATER]) if isinstance(e, WaterEvent)]
    assert [w.ml for w in water] == [321]


def test_sigterm_mid_session_records_a_partial_session(launch: Any, data_dir: Path) -> None:
    _routine_file(data_dir, "long", 300)
    app = launch("start", "long")
    assert running.wait_for(
        lambda: (running.status(data_dir) or {}).get("session") == "long",
        app,
        "the session to start",
        timeout=60,
    )
    _terminate(app)
    sessions = _sessions(data_dir)
    assert len(sessions) == 1
    assert sessions[0].routine_id == "long" and sessions[0].completed is False


def test_a_sigkilled_app_does_not_block_the_next_start(launch: Any, data_dir: Path) -> None:
    first = launch()
    _ready(data_dir, first)
    first.kill()
    first.communicate(timeout=30)
    assert ipc.socket_path(data_dir).exists()  # left behind by the killed app
    second = launch()
    status = _ready(data_dir, second)
    assert status["pid"] == second.pid
    _terminate(second)
    assert not ipc.socket_path(data_dir).exists()


@pytest.mark.skipif(
    not (shutil.which("xvfb-run") and shutil.which("dbus-run-session")),
    reason="needs xvfb-run and dbus-run-session (scripts/dev.sh installs them)",
)
def test_a_short_routine_runs_to_the_end_under_xvfb(launch: Any, data_dir: Path) -> None:
    """The issue's acceptance test: a real window on an X server, a whole session, the log."""
    _routine_file(data_dir, "e2e-short", 1)
    cmd = [
        "dbus-run-session",
        "--",
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1280x800x24",
        *running.crampcoach("start", "e2e-short"),
    ]
    wrapper = launch(cmd=cmd, platform="xcb")
    status = _ready(data_dir, wrapper)
    sessions = running.wait_for(
        lambda: _sessions(data_dir), wrapper, "the session to be recorded", timeout=60
    )
    assert len(sessions) == 1
    done = sessions[0]
    assert done.routine_id == "e2e-short" and done.completed
    assert done.steps_done == (0, 1) and done.steps_skipped == ()
    assert 1.5 <= (done.at - done.started).total_seconds() <= 30
    # SIGTERM to the app itself (the wrappers do not forward it); the wrappers then end.
    _terminate(wrapper, status["pid"])
    assert len(_sessions(data_dir)) == 1  # quitting after the end adds nothing


def test_start_up_imports_no_secondary_screen_or_service(data_dir: Path) -> None:
    """Import what a screen needs when it first opens: nothing heavy before the window."""
    probe = (
        "import atexit, runpy, sys\n"
        "atexit.register(lambda: print('MODULES', ' '.join(sorted(sys.modules)), flush=True))\n"
        "sys.argv = ['crampcoach']\n"
        "runpy.run_module('crampcoach', run_name='__main__')\n"
    )
    env = _env(data_dir)
    env["CRAMPCOACH_BENCH_EXIT_ON_SHOWN"] = "1"  # leave at the first paint

    def modules_at_first_paint() -> set[str]:
        out = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
        )
        assert out.returncode == 0, out.stderr
        assert "shown " in out.stdout
        line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES "))
        return set(line.split()[1:])

    first = modules_at_first_paint()  # validates the routine files and caches the result
    loaded = modules_at_first_paint()
    assert "crampcoach.qt.main_window" in loaded  # the probe saw the real start-up
    heavy = {
        "PySide6.QtMultimedia",
        "PySide6.QtTextToSpeech",
        "PySide6.QtCharts",
        "PySide6.QtSvg",
        "apscheduler",
        "jeepney",
        "hashlib",
        "crampcoach.qt.player",
        "crampcoach.qt.review_view",
        "crampcoach.qt.documents_view",
        "crampcoach.qt.tray",
    }
    assert first & heavy == set()
    # With the library cached, no routine file is parsed or validated, and what
    # only logging or the command line needs stays out too.
    validation_and_cli = {
        "crampcoach.core.routines",
        "msgspec",
        "tomllib",
        "crampcoach.cli._parser",
        "uuid",
        "socket",
    }
    assert "msgspec" in first
    assert loaded & (heavy | validation_and_cli) == set()


def test_start_an_unknown_routine_fails_fast_without_opening_the_app(data_dir: Path) -> None:
    out = subprocess.run(
        running.crampcoach("start", "nope"),
        env=_env(data_dir),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "unknown routine 'nope'" in out.stderr and "bedtime" in out.stderr
    assert not ipc.socket_path(data_dir).exists()


def test_sigterm_after_a_flood_of_bad_messages_exits_cleanly(launch: Any, data_dir: Path) -> None:
    import socket

    app = launch()
    _ready(data_dir, app)
    path = ipc.socket_path(data_dir)
    bad = [
        b"[" * 60_000 + b"\n",
        b"x" * (ipc.MAX_REQUEST * 2) + b"\n",
        b'{"cmd":"log","event":{"type":"water","id":7,"at":"2026-01-01T00:00:00+00:00","ml":1}}\n',
        b"\xff\n",
        b'{"cmd":"set","key":"glass_ml","value":true}\n',
    ]
    replies = 0
    for n in range(100):
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(30)
            s.connect(str(path))
            with contextlib.suppress(BrokenPipeError):
                s.sendall(bad[n % len(bad)])
            out = b""
            while not out.endswith(b"\n"):
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
            replies += ipc.decode(out)["ok"] is False
    assert replies == 100  # every message answered, every one refused
    assert running.status(data_dir) is not None  # still answering
    err = _terminate(app)
    assert "Traceback" not in err
