"""Talking to a real app process in the end-to-end tests: ask its status, wait for it.

No sleeps: a wait polls its condition against a deadline and paces itself on
the child process (``proc.wait(timeout=...)``), so an app that dies is noticed
at once and its output shown.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crampcoach import ipc

#: The fewest options of a ``crampcoach log cramp`` that logs one.
CRAMP = ["--leg", "left", "--muscle", "calf", "--severity", "3"]


def crampcoach(*args: str) -> list[str]:
    """The command line that runs ``crampcoach ARGS`` with this interpreter."""
    return [sys.executable, "-m", "crampcoach", *args]


def status(data_dir: Path) -> dict[str, Any] | None:
    """The running app's ``status`` reply; None while nobody answers."""
    try:
        return ipc.send(data_dir, {"cmd": "status"}, timeout=2)
    except ipc.IpcError:
        return None


def wait_for(
    cond: Callable[[], Any], proc: subprocess.Popen[str], what: str, timeout: float = 90
) -> Any:
    """Poll ``cond`` until it returns something truthy; fail if ``proc`` dies or time runs out."""
    deadline = time.monotonic() + timeout
    while not (value := cond()):
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"app exited ({proc.returncode}) while waiting for {what}:\n{err}\n{out}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}")
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.05)
    return value
