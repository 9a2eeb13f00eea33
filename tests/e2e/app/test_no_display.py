"""With no display the app says so in one line and exits 1 (Qt alone aborts with a core dump)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crampcoach.qt.display import display_problem

pytestmark = pytest.mark.e2e


def _bare_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"}
    }
    return {**env, "CRAMPCOACH_DATA_DIR": str(data_dir), **extra}


@pytest.mark.parametrize(
    ("args", "extra", "says"),
    [
        ([], {}, "neither DISPLAY nor WAYLAND_DISPLAY is set"),
        (["--hidden"], {"DISPLAY": ":4711"}, "no X server is running on DISPLAY=:4711"),
        (["start", "bedtime"], {"QT_QPA_PLATFORM": "xcb"}, "DISPLAY is not set"),
    ],
    ids=["nothing", "dead-x-server", "xcb-asked"],
)
def test_no_display_is_one_clear_line_and_status_1(
    data_dir: Path, args: list[str], extra: dict[str, str], says: str
) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "crampcoach", *args],
        env=_bare_env(data_dir, **extra),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1, out
    assert out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("crampcoach: cannot open a window: ")
    assert says in lines[0] and "crampcoach --help" in lines[0]
    assert "xcb" not in lines[0].replace("QT_QPA_PLATFORM", "")  # no plugin talk


def test_the_commands_still_work_without_a_display(data_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "crampcoach", "log", "water", "--ml", "200"],
        env=_bare_env(data_dir),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="needs xvfb-run (scripts/dev.sh)")
def test_a_real_x_server_is_found() -> None:
    probe = "from crampcoach.qt.display import display_problem; print(display_problem())"
    out = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", probe],
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.strip() == "None", out


def test_wayland_socket_and_platform_lists(tmp_path: Path) -> None:
    (tmp_path / "wayland-1").touch()
    wl = {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert display_problem(wl) is None
    assert display_problem({**wl, "WAYLAND_DISPLAY": "wayland-9"}) == (
        f"cannot open a window: no Wayland compositor is listening at {tmp_path}/wayland-9"
    )
    # Qt tries each plugin of a list in turn: one that works is enough.
    assert display_problem({**wl, "QT_QPA_PLATFORM": "xcb;wayland"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb:nograb"}) == (
        "cannot open a window: DISPLAY is not set"
    )
    assert display_problem({"DISPLAY": "remote.example:10.0"}) is None  # Qt judges those
