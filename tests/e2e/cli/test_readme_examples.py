"""Every ``crampcoach`` line in README.md's shell examples runs, verbatim, and succeeds.

Run as a user would after README's install step: ``crampcoach`` found on PATH
(this interpreter's bin), against a temporary data folder and XDG folders.
``crampcoach start bedtime`` opens the real app (offscreen) straight into the
player; it is asked over the socket what it runs, then to quit.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crampcoach import ipc

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)
    lines = [line for block in blocks for line in block.splitlines()]
    # The install steps (pipx, dev.sh, the venv) are what this run stands on.
    return [line for line in lines if line.startswith(("crampcoach ", "echo "))]


def wait_for_player(proc: subprocess.Popen[str], data_dir: Path, routine: str) -> dict[str, object]:
    deadline = time.monotonic() + 60
    status: dict[str, object] = {}
    while time.monotonic() < deadline:
        try:
            status = ipc.send(data_dir, {"cmd": "status"})
        except ipc.IpcError:
            status = {}
        if status.get("session") == routine:
            return status
        try:
            proc.wait(timeout=0.1)  # paces the poll and notices an early exit
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"the app exited with {proc.returncode}: {proc.communicate()}")
    raise AssertionError(f"the player for {routine} never opened: {status}")


def test_readme_lists_the_examples() -> None:
    commands = readme_commands()
    assert len(commands) >= 10
    assert any(c.startswith("crampcoach desktop install") for c in commands)
    assert any("completion bash" in c for c in commands)


def test_every_readme_example_works_as_written(tmp_path: Path) -> None:
    assert (BIN / "crampcoach").is_file(), "crampcoach is not installed beside this interpreter"
    data = tmp_path / "data"
    (tmp_path / "home").mkdir()
    env = dict(
        os.environ,
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        HOME=str(tmp_path / "home"),
        CRAMPCOACH_DATA_DIR=str(data),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        QT_QPA_PLATFORM="offscreen",
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path}/no-bus",
    )
    for line in readme_commands():
        start = re.match(r"crampcoach start (\S+)", line)
        proc = subprocess.Popen(
            ["bash", "-c", line],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if start:
            wait_for_player(proc, data, start.group(1))
            ipc.send(data, {"cmd": "quit"})
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, f"{line}\n{out}\n{err}"
        assert "Traceback" not in err, line
    assert (tmp_path / "log.csv").read_text("utf-8").startswith("id,type,at")
    # The completion line README adds to ~/.bashrc works in the next shell.
    shell = subprocess.run(
        ["bash", "-c", "source ~/.bashrc; complete -p crampcoach"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "_shtab_crampcoach" in shell.stdout, shell
    assert (tmp_path / "xdg-data" / "applications" / "crampcoach.desktop").is_file()
