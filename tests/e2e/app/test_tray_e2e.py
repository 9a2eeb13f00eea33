"""The tray icon docks in a real XEmbed tray host (trayer) under Xvfb.

Peers' users complain of "no tray" on Linux desktops; the no-tray fallback is
tested in tests/gui/reminders, this proves the other branch with a real host.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

DRIVER = Path(__file__).with_name("tray_driver.py")


@pytest.mark.skipif(
    not all(shutil.which(t) for t in ("xvfb-run", "dbus-run-session", "trayer")),
    reason="needs xvfb-run, dbus-run-session and trayer (scripts/dev.sh installs them)",
)
@pytest.mark.parametrize("args", [[], ["--hidden"]], ids=["window", "hidden"])
def test_the_real_app_docks_its_icon_in_a_real_tray(data_dir: Path, args: list[str]) -> None:
    env = dict(os.environ, CRAMPCOACH_DATA_DIR=str(data_dir))
    env.pop("CRAMPCOACH_BENCH_EXIT_ON_SHOWN", None)
    cmd = ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24"]
    out = subprocess.run(
        [*cmd, sys.executable, str(DRIVER), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert out.returncode == 0, out.stdout + out.stderr
