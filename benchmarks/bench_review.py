"""Review: ``crampcoach review --format json`` and the review window on ten years of history.

The history is bench_store's (~90,000 events over ten years, built with
``Store.add_many``).  Figures, each beside a floor measured in the same run:

* CLI: CPU time (user + system, from ``wait4``) of ``crampcoach review
  --format json``; the floor is ``python -c "import crampcoach"``.  Goal from
  the issue: under 0.5 s.
* Window: from constructing ``ReviewWindow`` to its first paint, in a fresh
  process (as when the user first opens it), and moving to the previous week
  (Page Up); the floor is a bare ``QChartView`` with one bar series, from
  import to first paint (Qt's own chart library; the review paints its chart
  itself since QtCharts stayed in memory all day).  Goal: no visible stall
  (under 0.25 s to open, under 0.1 s to change week).
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.bench_store import _history
from benchmarks.common import Row
from crampcoach.core.clock import SystemClock
from crampcoach.store import Store

RUNS = 7
CLI_GOAL_S = 0.5
OPEN_GOAL_S = 0.25
STEP_GOAL_S = 0.1

# Both children stop at the first paint of the window; the time is taken in
# the event filter.  (A busy processEvents() loop here crashed PySide6 6.12
# with "none_dealloc: deallocating None", so the event loop is used instead.)
_PAINT_SPY = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class Painted(QObject):
    at = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication([])
spy = Painted()
"""

WINDOW = (
    _PAINT_SPY
    + """
import sys
from pathlib import Path
from crampcoach.store import Store

store = Store.open(Path(sys.argv[1]), clock=SystemClock())
from crampcoach.core.settings import LiveSettings
live = LiveSettings(store.settings)  # read before, as the app has it
t0 = time.perf_counter()
from crampcoach.core.clock import SystemClock
from crampcoach.core.journal import Journal
from crampcoach.qt.review_view import ReviewWindow
clock = SystemClock()
w = ReviewWindow(store, live, clock=clock, journal=Journal(store, clock))
w.installEventFilter(spy)
w.show()
app.exec()
t1 = time.perf_counter()
w.show_week(w.week.shift(-1))
t2 = time.perf_counter()
print(f"open {spy.at - t0:.6f} step {t2 - t1:.6f}")
w.close()
store.close()
"""
)

BARE_CHART = (
    _PAINT_SPY
    + """
t0 = time.perf_counter()
from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView
chart = QChart()
bars = QBarSeries()
bar_set = QBarSet("x")
for i in range(12):
    bar_set.append(float(i))
bars.append(bar_set)
chart.addSeries(bars)
chart.createDefaultAxes()
view = QChartView(chart)
view.resize(1120, 900)
view.viewport().installEventFilter(spy)  # a QGraphicsView paints its viewport
view.show()
app.exec()
print(f"open {spy.at - t0:.6f}")
"""
)


def _cpu_time(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    """CPU seconds (user + system) of a child process, and its stdout.

    The growth of RUSAGE_CHILDREN across one ``subprocess.run``: it counts the
    children this process has waited for, and run() waits for exactly one.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed (exit {proc.returncode}):\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, proc.stdout


def _field(out: str, name: str) -> float:
    words = out.split()
    return float(words[words.index(name) + 1])


def run() -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="crampcoach-bench-review-") as tmp:
        folder = Path(tmp) / "data"
        history = _history(datetime.now(UTC), random.Random(2026))
        with Store.open(folder, clock=SystemClock()) as store:
            store.add_many(history)
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            CRAMPCOACH_DATA_DIR=str(folder),
            XDG_CONFIG_HOME=str(Path(tmp) / "config"),
            TZ="Europe/Berlin",
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        review_cmd = [sys.executable, "-m", "crampcoach", "review", "--format", "json"]
        floor_cmd = [sys.executable, "-c", "import crampcoach"]
        _cpu_time(review_cmd, env)  # warm-up: bytecode and page cache
        cli, floor = [], []
        for _ in range(RUNS):
            cli.append(_cpu_time(review_cmd, env)[0])
            floor.append(_cpu_time(floor_cmd, env)[0])
        cli_s = statistics.median(cli)
        rows.append(
            Row(
                "review",
                f"`review --format json` CPU time, {len(history):,} events / 10 y",
                cli_s,
                "s",
                f"< {CLI_GOAL_S} s",
                cli_s < CLI_GOAL_S,
                statistics.median(floor),
            )
        )

        win_cmd = [sys.executable, "-c", WINDOW, str(folder)]
        bare_cmd = [sys.executable, "-c", BARE_CHART]
        _cpu_time(win_cmd, env)
        opens, steps, bare = [], [], []
        for _ in range(RUNS):
            out = _cpu_time(win_cmd, env)[1]
            opens.append(_field(out, "open"))
            steps.append(_field(out, "step"))
            bare.append(_field(_cpu_time(bare_cmd, env)[1], "open"))
        open_s = statistics.median(opens)
        step_s = statistics.median(steps)
        bare_s = statistics.median(bare)
        rows.append(
            Row(
                "review",
                "window open to first paint, 10 y history",
                open_s * 1000,
                "ms",
                f"< {OPEN_GOAL_S * 1000:.0f} ms",
                open_s < OPEN_GOAL_S,
                bare_s * 1000,
            )
        )
        rows.append(
            Row(
                "review",
                "window: previous week (Page Up), 10 y history",
                step_s * 1000,
                "ms",
                f"< {STEP_GOAL_S * 1000:.0f} ms",
                step_s < STEP_GOAL_S,
            )
        )
    return rows


if __name__ == "__main__":
    from benchmarks.common import print_table

    t = time.perf_counter()
    print_table(run())
    print(f"({time.perf_counter() - t:.0f} s)", file=sys.stderr)
