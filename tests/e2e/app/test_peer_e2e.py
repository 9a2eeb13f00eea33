"""Another user can neither reach the app's socket nor pose as the app (real processes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crampcoach import exits, ipc
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store
from crampcoach.store.local import lock_path
from crampcoach.store.lock import StoreLock
from tests.e2e import running

pytestmark = pytest.mark.e2e

NOBODY = 65534

# Binds the app's socket as root, becomes "nobody", then listens: the kernel
# then reports nobody as the listener (SO_PEERCRED), as if another user had
# got there first.  Prints how many bytes a victim sent it.
IMPOSTOR = """
import os, socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
os.setgid(65534); os.setuid(65534)
s.listen(4)
print("ready", flush=True)
got = 0
for _ in range(int(sys.argv[2])):
    conn, _ = s.accept()
    conn.settimeout(5)
    try:
        data = conn.recv(65536)
    except OSError:
        data = b""
    got += len(data)
    conn.close()
print(got, flush=True)
"""


def test_a_socket_held_by_another_user_gets_nothing(data_dir: Path) -> None:
    ipc.private_dir()
    path = ipc.socket_path(data_dir)
    impostor = subprocess.Popen(
        [sys.executable, "-c", IMPOSTOR, str(path), "2"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert impostor.stdout is not None
    assert impostor.stdout.readline().strip() == "ready"
    with pytest.raises(ipc.UntrustedPeer, match=f"uid {NOBODY}"):
        ipc.send(data_dir, {"cmd": "status"}, timeout=5)
    lock = StoreLock(lock_path(data_dir))  # as if the app held the log: the CLI hands over
    lock.acquire()
    try:
        cli = subprocess.run(
            running.crampcoach("log", "cramp", *running.CRAMP, "--note", "private"),
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        lock.release()
    out, _ = impostor.communicate(timeout=30)
    assert out.strip() == "0"  # not one byte of the note reached the impostor
    assert cli.returncode == exits.UNTRUSTED and "logged" not in cli.stdout
    assert "another user" in cli.stderr and "Traceback" not in cli.stderr
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        assert store.events() == []


def test_another_user_cannot_reach_the_socket(data_dir: Path) -> None:
    folder = ipc.private_dir()
    assert folder.stat().st_mode & 0o777 == 0o700
    path = ipc.socket_path(data_dir)
    import socket

    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        server.listen(1)
        probe = subprocess.run(
            [
                "runuser",
                "-u",
                "nobody",
                "--",
                "/usr/bin/python3",
                "-c",
                "import socket, sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])",
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert probe.returncode != 0 and "Permission denied" in probe.stderr
