"""One writer at a time, across real processes; a killed owner never leaves the log stuck."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crampcoach.cli import log as cli_log
from crampcoach.cli import main
from crampcoach.core.clock import SystemClock
from crampcoach.core.events import WaterEvent
from crampcoach.store import Store, StoreLockedError
from crampcoach.store.local import lock_path

pytestmark = [pytest.mark.e2e]

HOLDER = r"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from crampcoach.core.events import WaterEvent
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store

store = Store.open(Path(sys.argv[1]), clock=SystemClock())
store.add(WaterEvent(id="held", at=datetime.now(UTC), ml=300))
print("ready", flush=True)
sys.stdin.read()  # hold the lock until the test closes stdin (or kills us)
store.close()
"""

WRITER = r"""
import os, sys
from datetime import UTC, datetime
from pathlib import Path
from crampcoach.core.events import WaterEvent
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store

folder, name, trace = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
fd = os.open(trace, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
for n in range(5):
    with Store.open(folder, clock=SystemClock(), lock_timeout=60) as store:
        os.write(fd, f"enter {name}\n".encode())
        store.add(WaterEvent(id=f"{name}-{n}", at=datetime.now(UTC), ml=100))
        os.write(fd, f"leave {name}\n".encode())
"""


def _start_holder(folder: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 30)
    assert ready, "the holder did not start"
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_second_process_is_refused_with_the_owner_pid_and_kill_frees_the_lock(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = _start_holder(data_dir)
    try:
        with pytest.raises(StoreLockedError) as info:
            Store.open(data_dir, clock=SystemClock())
        assert info.value.pid == holder.pid
        assert str(holder.pid) in str(info.value)

        # Reading beside the owner is fine: export sees the owner's entry.
        assert main(["export", "--data-dir", str(data_dir)]) == 0
        assert '"held"' in capsys.readouterr().out

        # The CLI never writes beside the owner: with no app answering on the
        # socket it says it waits, waits, then names the owner and exits BUSY.
        from crampcoach import exits, ipc

        monkeypatch.setattr(cli_log, "LOCK_WAIT_S", 0.2)
        monkeypatch.setattr(ipc, "HANDOVER_WAIT_S", 0.2)
        assert main(["log", "water", "--data-dir", str(data_dir)]) == exits.BUSY
        lines = capsys.readouterr().err.strip().splitlines()
        assert "waiting" in lines[0] and len(lines) == 2
        assert f"process {holder.pid}" in lines[1]
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=30)
    assert holder.returncode == -signal.SIGKILL
    # The kernel dropped the killed owner's lock: no waiting, no stale pid file.
    with Store.open(data_dir, clock=SystemClock(), lock_timeout=0) as store:
        assert [e.id for e in store.events()] == ["held"]
        assert store.recovery == []


def test_cli_hands_over_to_the_running_app(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from crampcoach import ipc
    from crampcoach.core.events import event_from_dict

    sent: list[dict[str, object]] = []

    def fake_send(
        folder: Path, message: dict[str, object], timeout: float = 10.0
    ) -> dict[str, object]:
        sent.append(message)
        return {"ok": True}

    monkeypatch.setattr(ipc, "send", fake_send)
    holder = _start_holder(data_dir)
    try:
        assert main(["log", "water", "--ml", "330", "--data-dir", str(data_dir)]) == 0
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    (message,) = sent
    assert message["cmd"] == "log"
    event = event_from_dict(message["event"])  # type: ignore[arg-type]
    assert isinstance(event, WaterEvent) and event.ml == 330
    assert "via the running app" in capsys.readouterr().out


def test_concurrent_writers_take_turns(data_dir: Path, tmp_path: Path) -> None:
    trace = tmp_path / "trace"
    names = [f"p{n}" for n in range(6)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), name, str(trace)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    lines = trace.read_text().splitlines()
    assert len(lines) == 2 * 5 * len(names)
    # Strictly alternating enter/leave of the same process: never two inside.
    for enter, leave in zip(lines[::2], lines[1::2], strict=True):
        assert enter.startswith("enter ") and leave == "leave " + enter.removeprefix("enter ")
    with Store.open(data_dir, clock=SystemClock()) as store:
        ids = [e.id for e in store.events()]
    assert sorted(ids) == sorted(f"{name}-{n}" for name in names for n in range(5))


def test_lock_file_left_by_a_dead_process_does_not_block(data_dir: Path) -> None:
    # A lock file naming a pid that no longer exists (what a crash leaves).
    lock = lock_path(data_dir)
    lock.write_text(f"{2**22 + os.getpid()}\n")
    with Store.open(data_dir, clock=SystemClock()) as store:
        store.add(WaterEvent(id="after", at=datetime.now(UTC), ml=100))
    assert lock.read_text() == ""


def test_the_lock_is_outside_the_data_folder_and_a_synced_one_is_ignored(
    data_dir: Path,
) -> None:
    # Another computer's lock, synced into the folder (old layout's name),
    # held by a live process of ours: it must not matter.
    synced = data_dir / "store.lock"
    synced.write_text(f"{os.getpid()}\n")
    # And a stale copy in another computer's device folder, naming a pid.
    theirs = data_dir / "devices" / "0123456789abcdef" / "store.lock"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("4242\n")
    with synced.open("rb") as held, theirs.open("rb") as also_held:
        fcntl.flock(held, fcntl.LOCK_EX)
        fcntl.flock(also_held, fcntl.LOCK_EX)
        with Store.open(data_dir, clock=SystemClock()) as store:
            store.add(WaterEvent(id="beside", at=datetime.now(UTC), ml=100))
    assert theirs.read_text() == "4242\n"  # another computer's file: never touched
    assert data_dir not in lock_path(data_dir).parents
