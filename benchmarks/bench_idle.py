"""Idle cost: the real app with reminders planned but none due, beside a bare PySide6 app.

Both run at the same time (offscreen unless ``CRAMPCOACH_BENCH_QPA`` says
otherwise) for ``CRAMPCOACH_BENCH_IDLE_S`` seconds (default 60) after they
have settled.  For every thread of each process we read CPU time (utime +
stime from ``/proc/PID/task/TID/stat``, or nanoseconds from ``schedstat``)
and voluntary context switches
(``/proc/PID/task/TID/status``) at the start and the end; a thread that ends
in between would be missed, so the thread counts are reported too.

Goal (issue 5): at most 0.01 CPU-s and 10 voluntary switches per minute.
"""

from __future__ import annotations

import contextlib
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
SETTLE_S = float(os.environ.get("CRAMPCOACH_BENCH_SETTLE_S", "40"))
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
    cpu_s: dict[int, float]  # per thread id
    voluntary: dict[int, int]

    @property
    def threads(self) -> int:
        return len(self.cpu_s)


def delta(first: Sample, last: Sample) -> tuple[float, int, int]:
    """CPU seconds and voluntary switches between two samples, per thread; and threads lost.

    A thread that started in between counts from zero; one that ended in
    between cannot be read any more, so the number of such threads is
    returned for the report (the settle time lets start-up threads, such as
    Qt's pooled threads that expire after 30 s idle, end before the first
    sample).
    """
    cpu = sum(v - first.cpu_s.get(tid, 0.0) for tid, v in last.cpu_s.items())
    sw = sum(v - first.voluntary.get(tid, 0) for tid, v in last.voluntary.items())
    lost = len(set(first.cpu_s) - set(last.cpu_s))
    return cpu, sw, lost


def sample(pid: int) -> Sample:
    """CPU seconds and voluntary context switches of every thread."""
    cpu: dict[int, float] = {}
    switches: dict[int, int] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
            status = (task / "status").read_text()
        except FileNotFoundError:  # the thread ended while we looked
            continue
        # Fields after the ")" that closes the command name: utime is 14th, stime 15th.
        fields = stat.rsplit(")", 1)[1].split()
        tid = int(task.name)
        cpu[tid] = (int(fields[11]) + int(fields[12])) / CLK_TCK
        # schedstat's first field is the same CPU time in nanoseconds (stat
        # counts 10 ms ticks, too coarse for a 0.01 s goal); use it when present.
        with contextlib.suppress(FileNotFoundError, ValueError, IndexError):
            cpu[tid] = int((task / "schedstat").read_text().split()[0]) / 1e9
        for line in status.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                switches[tid] = int(line.split()[1])
    return Sample(cpu, switches)


def _idle_settings(data_dir: Path) -> None:
    """Reminders on, but none due for hours: the app has timers planned, nothing to do."""
    sys.path.insert(0, str(ROOT))
    from crampcoach.core.clock import SystemClock
    from crampcoach.store import Store

    now = datetime.now().astimezone()
    later = (now + timedelta(hours=5)).strftime("%H:%M")
    start = (now + timedelta(hours=3)).strftime("%H:%M")
    end = (now + timedelta(hours=4)).strftime("%H:%M")
    quiet = (now + timedelta(hours=6)).strftime("%H:%M")
    quiet_end = (now + timedelta(hours=7)).strftime("%H:%M")
    review_day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(now.weekday() + 2) % 7]
    with Store.open(data_dir, clock=SystemClock()) as store:
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
    return [*app_rows(), *player_rows()]


def app_rows() -> list[Row]:
    seconds = float(os.environ.get("CRAMPCOACH_BENCH_IDLE_S", "60"))
    per_min = 60.0 / seconds
    result = measure(seconds)
    cpu, sw, lost = delta(*result["crampcoach"])
    cpu_floor, sw_floor, _ = delta(*result["bare PySide6"])
    threads = result["crampcoach"][1].threads
    note = f"{threads} threads" + (f", {lost} ended" if lost else "")
    return [
        Row(
            "idle",
            f"CPU per minute ({note})",
            cpu * per_min,
            "s",
            "<= 0.01 s",
            cpu * per_min <= 0.01,
            cpu_floor * per_min,
        ),
        Row(
            "idle",
            "voluntary switches per minute",
            sw * per_min,
            "",
            "<= 10",
            sw * per_min <= 10,
            sw_floor * per_min,
        ),
    ]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())


# --- the player's picture: a move animating, then the player hidden ------------

PLAYER_PROBE = """
import sys
from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pathlib import Path
from crampcoach.core import routines
from crampcoach.core.clock import SystemClock
from crampcoach.core.session import Session
from crampcoach.core.settings import Settings
from crampcoach.qt.cue_sink import cue_sink
from crampcoach.qt.player import PlayerWindow
routine = next(r for r in routines.load_all(user_dir=Path('/nonexistent')).routines if r.id == 'warmup')
clock = SystemClock()
player = PlayerWindow(
    Session(routine, clock), cue_sink(Settings(sounds=False, voice=False), clock), keep_awake=False
)
frames = [0]
player.pose_view.animation.valueChanged.connect(lambda *_: frames.__setitem__(0, frames[0] + 1))
player.resize(1280, 800)
player.show()
def command():
    line = sys.stdin.readline().strip()
    if line == 'hide':
        player.hide()
    elif not line:
        app.quit()
        return
    state = player.pose_view.animation.state().name
    print(line, frames[0], state, player.pose_view.pose.name, flush=True)
notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(command)
print('ready', flush=True)
app.exec()
"""


def _ask(proc: subprocess.Popen[str], command: str) -> list[str]:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(command + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().split()


def measure_player(seconds: float) -> dict[str, object]:
    """The player on a moving step (the warm-up's march), shown, then hidden, beside a bare app."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", os.environ.get("CRAMPCOACH_BENCH_QPA", "offscreen"))
    player = subprocess.Popen(
        [sys.executable, "-c", PLAYER_PROBE],
        env=env,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    bare = subprocess.Popen(
        [sys.executable, "-c", BARE_APP],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert player.stdout is not None
        if player.stdout.readline().strip() != "ready":
            raise RuntimeError("the player probe did not start")
        time.sleep(3.0)  # first paints, the pose library read
        out: dict[str, object] = {}
        for phase in ("shown", "hidden"):
            if phase == "hidden":
                _ask(player, "hide")
                time.sleep(1.0)
            start = _ask(player, "count")
            first = (sample(player.pid), sample(bare.pid))
            time.sleep(seconds)
            last = (sample(player.pid), sample(bare.pid))
            end = _ask(player, "count")
            out[phase] = {
                "player": delta(first[0], last[0]),
                "bare": delta(first[1], last[1]),
                "frames": int(end[1]) - int(start[1]),
                "state": end[2],
                "pose": end[3],
            }
        return out
    finally:
        for p in (player, bare):
            p.terminate()
            p.wait(timeout=20)


def player_rows() -> list[Row]:
    """Rows for the player's picture: the cost of a move animating, and zero when hidden."""
    seconds = float(os.environ.get("CRAMPCOACH_BENCH_POSE_S", "10"))
    per_min = 60.0 / seconds
    m = measure_player(seconds)
    shown, hidden = m["shown"], m["hidden"]
    assert isinstance(shown, dict) and isinstance(hidden, dict)
    rows: list[Row] = []
    for phase, data in (("move animating", shown), ("hidden", hidden)):
        cpu, sw, _ = data["player"]
        cpu_floor, sw_floor, _ = data["bare"]
        rows += [
            Row(
                "idle",
                f"player, {phase} ({data['pose']}): CPU per minute",
                cpu * per_min,
                "s",
                "context",
                True,
                cpu_floor * per_min,
                context=True,
            ),
            Row(
                "idle",
                f"player, {phase}: voluntary switches per minute",
                sw * per_min,
                "",
                "context",
                True,
                sw_floor * per_min,
                context=True,
            ),
        ]
    rows.append(
        Row(
            "idle",
            f"player shown: animation frames per second ({shown['state']})",
            shown["frames"] / seconds,
            "",
            "context",
            True,
            context=True,
        )
    )
    frames = hidden["frames"]
    rows.append(
        Row(
            "idle",
            f"player hidden: animation wake-ups ({hidden['state']})",
            frames,
            "",
            "== 0",
            frames == 0 and hidden["state"] != "Running",
        )
    )
    return rows
