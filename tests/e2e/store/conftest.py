"""A small disk that can be filled: a 2 MiB tmpfs in a private mount namespace.

``unshare`` makes the namespace (for a user who is not root, inside a user
namespace of its own that maps the user to itself and keeps the right to mount
there), so the test runs the same for root and for anyone else, under the
user's own uid.  The mount is seen only inside it: every
command that touches the disk runs through :meth:`SmallDisk.run` or
:meth:`SmallDisk.popen`, which enter the namespace with ``nsenter``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# Writes 64 KiB blocks until the disk says it is full (ENOSPC ends the loop).
_FILL = """
import sys
with open(sys.argv[1], "wb") as f:
    try:
        while True:
            f.write(b"\\0" * 65536)
            f.flush()
    except OSError:
        pass
"""

_WRITE = """
import pathlib, sys
path = pathlib.Path(sys.argv[1])
path.parent.mkdir(parents=True, exist_ok=True)
path.write_text(sys.stdin.read(), encoding="utf-8")
"""


@dataclass
class SmallDisk:
    """A 2 MiB tmpfs at ``path``, visible to the commands run through it."""

    path: Path
    prefix: list[str]

    def popen(self, cmd: list[str], **kwargs: Any) -> subprocess.Popen[str]:
        return subprocess.Popen([*self.prefix, *cmd], text=True, **kwargs)

    def run(self, cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        kwargs.setdefault("capture_output", True)
        kwargs.setdefault("timeout", 120)
        return subprocess.run([*self.prefix, *cmd], text=True, check=False, **kwargs)

    def write_text(self, path: Path, text: str) -> None:
        """Write a file on the disk (its folders made as needed)."""
        done = self.run([sys.executable, "-c", _WRITE, str(path)], input=text)
        assert done.returncode == 0, done.stderr

    def fill(self) -> None:
        """Take every free block (the disk refuses any further write)."""
        done = self.run([sys.executable, "-c", _FILL, str(self.path / "filler")])
        assert done.returncode == 0, done.stderr

    def free(self) -> None:
        done = self.run(["rm", "-f", str(self.path / "filler")])
        assert done.returncode == 0, done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    tools = ("unshare", "nsenter", "mount")
    if not all(shutil.which(t) for t in tools):
        pytest.fail(f"the full-disk tests need {', '.join(tools)} (util-linux, mount)")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    root = os.geteuid() == 0
    # The holder keeps the namespace alive until its stdin closes.
    holder = subprocess.Popen(
        [
            "unshare",
            *(["-m"] if root else ["--map-current-user", "--keep-caps", "-m"]),
            "sh",
            "-c",
            'mount -t tmpfs -o size=2m tmpfs "$1" && echo ready && exec cat >/dev/null',
            "sh",
            str(mnt),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        if holder.stdout.readline().strip() != "ready":
            pytest.fail("could not mount a small tmpfs in a private mount namespace")
        enter = ["nsenter", "-t", str(holder.pid), "-m"]
        if not root:
            enter[3:3] = ["-U", "--preserve-credentials"]
        yield SmallDisk(mnt, [*enter, "--"])
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
