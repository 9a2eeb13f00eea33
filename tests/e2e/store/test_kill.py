"""Kill test: ≥200 real processes each log one event and are SIGKILLed at random moments.

Afterwards the log opens without any repair, every event whose process exited
0 is there, and no event is there twice.
"""

from __future__ import annotations

import collections
import json
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crampcoach.core.clock import SystemClock
from crampcoach.core.events import WaterEvent
from crampcoach.store import Store
from crampcoach.store.store import device_folder

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# A lightweight entry: only the store is imported (≈70 ms), not the CLI.
CHILD = r"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from crampcoach.core.events import WaterEvent
from crampcoach.core.events import WaterEvent
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store

store = Store.open(Path(sys.argv[1]), clock=SystemClock(), lock_timeout=60)
store.add(WaterEvent(id=sys.argv[2], at=datetime.now(UTC), ml=int(sys.argv[3])))
store.close()
"""

PROCESSES = 200
PARALLEL = 4
SEED = 20261122


def _spawn(folder: Path, eid: str, ml: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), eid, str(ml)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _calibrate(folder: Path) -> float:
    """Wall time of one unkilled run under the same parallel load, so delays straddle the write."""
    start = time.monotonic()
    procs = [_spawn(folder, f"calibrate{n}", 100) for n in range(PARALLEL)]
    times = []
    for proc in procs:
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
        times.append(time.monotonic() - start)
    return statistics.median(times)


def _check_log_after_kills(data_dir: Path, done: set[str], killed: set[str]) -> list[str]:
    """Nothing acknowledged is lost, nothing is doubled, nothing is damaged; returns the ids."""
    with Store.open(data_dir, clock=SystemClock()) as store:
        assert store.recovery == []  # a kill never leaves a damaged file
        present = [e.id for e in store.events()]
    assert not done - set(present), f"acknowledged but lost: {sorted(done - set(present))}"
    assert len(present) == len(set(present))
    assert set(present) <= done | killed | {f"calibrate{n}" for n in range(PARALLEL)}

    # No duplicate on disk either, across every month file.
    on_disk = collections.Counter(
        doc["id"]
        for path in device_folder(data_dir).glob("events-*.json")
        for doc in json.loads(path.read_text())["events"].values()
    )
    assert max(on_disk.values()) == 1
    assert list(device_folder(data_dir).glob(".*.tmp")) == []  # leftovers were cleaned at open
    return present


def test_sigkill_at_random_moments_loses_no_acknowledged_event(data_dir: Path) -> None:
    run_time = _calibrate(data_dir)
    rng = random.Random(SEED)
    # Delays from process start, as a fraction of a typical run: from "still
    # importing" to "already exited".  The typical run is re-measured as the
    # test goes (median of recent clean exits), so a busier machine does not
    # turn every kill into a "before".
    jobs = [(f"k{n:03d}", rng.uniform(0.0, 1.6)) for n in range(PROCESSES)]
    recent = collections.deque([run_time] * 5, maxlen=25)
    outcome: dict[str, int] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def worker(share: list[tuple[str, float]]) -> None:
        for eid, fraction in share:
            with lock:
                delay = fraction * statistics.median(recent)
            started = time.monotonic()
            proc = _spawn(data_dir, eid, 100 + int(eid[1:]))
            try:
                proc.wait(timeout=delay)
                with lock:
                    recent.append(time.monotonic() - started)
            except subprocess.TimeoutExpired:
                proc.kill()  # SIGKILL: no cleanup, no atexit, no finally
            _out, err = proc.communicate(timeout=60)
            with lock:
                outcome[eid] = proc.returncode
                if proc.returncode not in (0, -9):
                    errors.append(f"{eid}: exit {proc.returncode}: {err.decode()[-500:]}")

    threads = [threading.Thread(target=worker, args=(jobs[k::PARALLEL],)) for k in range(PARALLEL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)
    assert errors == []

    done = {eid for eid, code in outcome.items() if code == 0}
    killed = {eid for eid, code in outcome.items() if code == -9}
    assert len(done) + len(killed) == PROCESSES
    # The random delays really did straddle the work.
    assert len(done) >= 20 and len(killed) >= 20, (len(done), len(killed))

    present = _check_log_after_kills(data_dir, done, killed)
    killed_after_write = len(killed & set(present))
    print(
        f"\n{len(done)} exited 0, {len(killed)} killed "
        f"({killed_after_write} after their write, {len(killed) - killed_after_write} before "
        f"or during it); one run takes {run_time * 1000:.0f} ms"
    )


# A child that stops inside the write, at the n-th fsync after open, and waits
# there to be killed: the "during the write" moments, hit exactly every time.
STOPPER = r"""
import os, sys
from datetime import UTC, datetime
from pathlib import Path
from crampcoach.core.events import WaterEvent
from crampcoach.core.events import WaterEvent
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store

store = Store.open(Path(sys.argv[1]), clock=SystemClock())
real_fsync, calls, stop_at = os.fsync, [0], int(sys.argv[2])

def fsync(fd):
    calls[0] += 1
    if calls[0] == stop_at:
        print("stopped", flush=True)
        sys.stdin.read()  # wait here for SIGKILL
    real_fsync(fd)

os.fsync = fsync
store.add(WaterEvent(id="inflight", at=datetime.now(UTC), ml=500))
print("added", flush=True)
store.close()
"""


@pytest.mark.parametrize(
    ("stop_at", "present"),
    [
        pytest.param(1, False, id="temp-file-written-not-renamed"),
        pytest.param(2, True, id="renamed-folder-not-synced"),
        pytest.param(3, True, id="closing-backup-being-written"),
    ],
)
def test_kill_inside_the_write(data_dir: Path, stop_at: int, present: bool) -> None:
    import select

    with Store.open(
        data_dir, clock=SystemClock()
    ) as store:  # today's backups exist: the add is one write
        store.add(WaterEvent(id="before", at=datetime.now(UTC), ml=100))
    (month,) = device_folder(data_dir).glob("events-*.json")
    before = month.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-c", STOPPER, str(data_dir), str(stop_at)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 30)
    assert ready, "the child never reached the write"
    lines = [proc.stdout.readline().strip()]
    if stop_at == 3:
        lines.append(proc.stdout.readline().strip())
    assert lines[-1] == "stopped", lines
    proc.kill()
    proc.communicate(timeout=30)
    assert proc.returncode == -9

    if not present:
        assert month.read_bytes() == before  # the old file, whole
        assert list(device_folder(data_dir).glob(".*.tmp")), (
            "the kill should have left the temp file"
        )
    with Store.open(data_dir, clock=SystemClock()) as store:
        assert store.recovery == []
        ids = [e.id for e in store.events()]
    assert ids == (["before", "inflight"] if present else ["before"])
    assert list(data_dir.rglob(".*.tmp")) == []
