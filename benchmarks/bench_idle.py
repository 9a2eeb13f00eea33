"""Idle cost: the real app with reminders planned but none due, beside a bare PySide6 app.

Both run at the same time (offscreen unless ``CRAMPCOACH_BENCH_QPA`` says
otherwise) for ``CRAMPCOACH_BENCH_IDLE_S`` seconds (default 60) after they
have settled.  For every thread of each process we read CPU time (utime +
stime from ``/proc/PID/task/TID/stat``) and voluntary context switches
(``/proc/PID/task/TID/status``) at the start and the end; a thread that ends
in between would be missed, so the thread counts are reported too.

Goal (issue 5): at most 0.01 CPU-s and 10 voluntary switches per minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.common import Row

ROOT = Path(__file__).resolve().parents[1]
SETTLE_S = 8.0
CLK_TCK = os.sysconf("SC_CLK_TCK")

BARE_APP = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.show()
app.exec()
"""


@dataclass(frozen=True)
class Sample:
    cpu_s: float
    voluntary: int
    threads: int


def sample(pid: int) -> Sample:
    """CPU seconds and voluntary context switches summed over all threads."""
    cpu_ticks = 0
    switches = 0
    threads = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
            status = (task / "status").read_text()
        except FileNotFoundError:  # the thread ended while we looked
            continue
        # Fields after the ")" that closes the command name: utime is 14th, stime 15th.
        fields = stat.rsplit(")", 1)[1].split()
        cpu_ticks += int(fields[11]) + int(fields[12])
        for line in status.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                switches += int(line.split()[1])
        threads += 1
    return Sample(cpu_ticks / CLK_TCK, switches, threads)


def _idle_settings(data_dir: Path) -> None:
    """Reminders on, but none due for hours: the app has timers planned, nothing to do."""
    sys.path.insert(0, str(ROOT))
    from crampcoach.store import Store

    now = datetime.now().astimezone()
    later = (now + timedelta(hours=5)).strftime("%H:%M")
    start = (now + timedelta(hours=3)).strftime("%H:%M")
    end = (now + timedelta(hours=4)).strftime("%H:%M")
    quiet = (now + timedelta(hours=6)).strftime("%H:%M")
    quiet_end = (now + timedelta(hours=7)).strftime("%H:%M")
    review_day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(now.weekday() + 2) % 7]
    with Store.open(data_dir) as store:
        for key, value in (
            ("bedtime", later),
            ("bedtime_lead_min", 0),
            ("hydration_start", start),
            ("hydration_end", end),
            ("quiet_start", quiet),
            ("quiet_end", quiet_end),
            ("review_day", review_day),
        ):
            store.set_setting(key, value)


def measure(seconds: float) -> dict[str, tuple[Sample, Sample]]:
    """Start both programs, let them settle, sample, wait ``seconds``, sample again."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", os.environ.get("CRAMPCOACH_BENCH_QPA", "offscreen"))
    # No session bus unless one is given: the app then uses its fallbacks and
    # opens no notification connection (the bus round trip is not idle cost).
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        _idle_settings(data)
        app_env = dict(env, CRAMPCOACH_DATA_DIR=str(data), XDG_CONFIG_HOME=str(Path(tmp) / "cfg"))
        procs = {
            "crampcoach": subprocess.Popen(
                [sys.executable, "-m", "crampcoach"],
                env=app_env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
            "bare PySide6": subprocess.Popen(
                [sys.executable, "-c", BARE_APP],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        }
        try:
            _wait_for_app(data)
            time.sleep(SETTLE_S)  # start-up work (first paint, imports, first plan) ends
            first = {name: sample(p.pid) for name, p in procs.items()}
            time.sleep(seconds)
            last = {name: sample(p.pid) for name, p in procs.items()}
        finally:
            for p in procs.values():
                p.terminate()
                p.wait(timeout=20)
    return {name: (first[name], last[name]) for name in procs}


def _wait_for_app(data: Path, timeout: float = 60.0) -> None:
    from crampcoach import ipc

    deadline = time.monotonic() + timeout
    while True:
        try:
            if ipc.send(data, {"cmd": "status"}, timeout=5).get("ok"):
                return
        except ipc.IpcError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


def run() -> list[Row]:
    seconds = float(os.environ.get("CRAMPCOACH_BENCH_IDLE_S", "60"))
    per_min = 60.0 / seconds
    result = measure(seconds)
    app0, app1 = result["crampcoach"]
    bare0, bare1 = result["bare PySide6"]
    cpu = (app1.cpu_s - app0.cpu_s) * per_min
    cpu_floor = (bare1.cpu_s - bare0.cpu_s) * per_min
    sw = (app1.voluntary - app0.voluntary) * per_min
    sw_floor = (bare1.voluntary - bare0.voluntary) * per_min
    return [
        Row(
            "idle",
            f"CPU per minute ({app1.threads} threads)",
            cpu,
            "s",
            "<= 0.01 s",
            cpu <= 0.01,
            cpu_floor,
        ),
        Row("idle", "voluntary switches per minute", sw, "", "<= 10", sw <= 10, sw_floor),
    ]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
