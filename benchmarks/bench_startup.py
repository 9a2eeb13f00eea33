"""Start-up: launch -> main window painted, and peak memory, beside a bare PySide6 window.

Both are measured in the same run, interleaved, offscreen, median of RUNS each.
The app prints ``shown`` at its main window's first paint and quits when
``CRAMPCOACH_BENCH_EXIT_ON_SHOWN`` is set (see ``crampcoach.qt.app``); the floor
is a script that imports QtWidgets, shows a QWidget and quits at its first
paint.  Time is from ``Popen`` to reading that line; memory is the child's
``ru_maxrss`` from ``wait4``.  The launches are spawned by a fresh, small
process (``run``): a child's ``ru_maxrss`` counts the image it was forked
from, so spawned straight from ``python -m benchmarks`` after the store
benchmark every launch reported ~103 MiB, a false pass.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Row, rendered_stylesheet

RUNS = 7
TIME_GOAL = 1.3
MEMORY_GOAL = 1.25

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

class W(QWidget):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print("shown", flush=True)
            QTimer.singleShot(0, app.quit)

TEXT = len(sys.argv) > 1
app = QApplication([])
w = W()
if TEXT:
    from PySide6.QtWidgets import QLabel, QVBoxLayout
    QVBoxLayout(w).addWidget(QLabel("One line of text"))
w.resize(1180, 740)
w.show()
app.exec()
"""

# Context: the main window's own form and stylesheet, loaded the way the app
# loads them, with no data and none of our Python: what this window costs in
# PySide6 before the app does anything.
FORM = """
import sys
from PySide6.QtCore import QCoreApplication, QFile, QObject, QEvent, QTimer
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QApplication, QMainWindow

ui, qss = sys.argv[1], sys.argv[2]
app = QApplication([])
app.setStyleSheet(open(qss, encoding="utf-8").read())
saved = QCoreApplication.libraryPaths()
QCoreApplication.setLibraryPaths([])
loader = QUiLoader()
QCoreApplication.setLibraryPaths(saved)

class W(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print("shown", flush=True)
            QTimer.singleShot(0, app.quit)

w = W()
f = QFile(ui)
f.open(QFile.OpenModeFlag.ReadOnly)
w.setCentralWidget(loader.load(f, w))
w.menuBar().addMenu("&CrampCoach")
w.menuBar().addMenu("&Help")
w.statusBar()
w.resize(1180, 740)
w.show()
app.exec()
"""


def _fill_log(tmp: str) -> None:
    import random
    from datetime import UTC, datetime

    from benchmarks.bench_store import _history
    from crampcoach.core.clock import SystemClock
    from crampcoach.store import Store

    with Store.open(Path(tmp) / "data", clock=SystemClock()) as store:
        store.add_many(_history(datetime.now(UTC), random.Random(2026)))


def _measure(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to the ``shown`` line, and peak RSS in MiB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    elapsed = None
    for line in proc.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - t0
            break
    proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else ""
    if elapsed is None or proc.returncode != 0:
        raise RuntimeError(f"{cmd} did not report its window (exit {proc.returncode}):\n{err}")
    return elapsed, usage.ru_maxrss / 1024  # KiB on Linux


def _vm_hwm_mib() -> float:
    """This process's peak resident size since its exec (Linux ``VmHWM``)."""
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def _medians() -> dict[str, float]:
    """Run every launch RUNS times, interleaved; medians in ms and MiB."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            CRAMPCOACH_DATA_DIR=str(Path(tmp) / "data"),
            XDG_CONFIG_HOME=str(Path(tmp) / "config"),
            CRAMPCOACH_BENCH_EXIT_ON_SHOWN="1",
        )
        # An installed app has compiled bytecode (pip writes it); let the warm-up
        # run write ours too, or every run would pay for compiling the sources.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app_cmd = [sys.executable, "-m", "crampcoach"]
        bare_cmd = [sys.executable, "-c", BARE]
        # Context, not the floor: the same window with one label, because the
        # first text on screen loads fontconfig/FreeType/HarfBuzz (~4 MiB).
        text_cmd = [sys.executable, "-c", BARE, "text"]
        from crampcoach import resources

        form_cmd = [
            sys.executable,
            "-c",
            FORM,
            str(resources.path("ui", "main_window.ui")),
            str(rendered_stylesheet(Path(tmp) / "style.qss")),
        ]
        # A user's log, not an empty one: ten years of history (~90,000 events,
        # the store benchmark's generator), so reading the log is in the figure.
        # In a child, so this spawner stays small (see run()).
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"from benchmarks.bench_startup import _fill_log; _fill_log({tmp!r})",
            ],
            check=True,
        )
        _measure(app_cmd, env)  # caches the library: measure a normal, not a first, start
        _measure(bare_cmd, env)  # and warm the file cache for both
        app: list[tuple[float, float]] = []
        bare: list[tuple[float, float]] = []
        text: list[tuple[float, float]] = []
        form: list[tuple[float, float]] = []
        for _ in range(RUNS):
            bare.append(_measure(bare_cmd, env))
            app.append(_measure(app_cmd, env))
            text.append(_measure(text_cmd, env))
            form.append(_measure(form_cmd, env))
    # VmHWM, not ru_maxrss: this process's own ru_maxrss counts the image it
    # was forked from, which is exactly what its children must not inherit.
    own = _vm_hwm_mib()
    smallest = min(m for _, m in bare)
    if own >= smallest:
        raise RuntimeError(
            f"the spawner's own peak ({own:.1f} MiB) reaches its children's "
            f"({smallest:.1f} MiB): their ru_maxrss would be the spawner's, not theirs"
        )
    runs = {"app": app, "bare": bare, "text": text, "form": form}
    out: dict[str, float] = {}
    for name, values in runs.items():
        out[f"t_{name}"] = statistics.median(t for t, _ in values) * 1000
        out[f"m_{name}"] = statistics.median(m for _, m in values)
    return out


def run() -> list[Row]:
    # The launches are spawned by a fresh, small process.  A child's ru_maxrss
    # counts the pre-exec image it was forked from, and `python -m benchmarks`
    # may have grown this one (the store benchmark holds ten years of events):
    # spawned from here, every child would report this process's size.
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from benchmarks.bench_startup import _medians; "
            "print(json.dumps(_medians()))",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    m = json.loads(done.stdout.splitlines()[-1])
    t_app, t_bare, t_text, t_form = m["t_app"], m["t_bare"], m["t_text"], m["t_form"]
    m_app, m_bare, m_text, m_form = m["m_app"], m["m_bare"], m["m_text"], m["m_form"]
    return [
        Row(
            "startup",
            "bare window + one label (context)",
            t_text,
            "ms",
            "—",
            True,
            floor=t_bare,
            context=True,
        ),
        Row(
            "startup",
            "bare window + one label, memory (context)",
            m_text,
            "MiB",
            "—",
            True,
            floor=m_bare,
            context=True,
        ),
        Row(
            "startup",
            "the main window's form + stylesheet alone, no data (context)",
            t_form,
            "ms",
            "—",
            True,
            floor=t_bare,
            context=True,
        ),
        Row(
            "startup",
            "the form alone, memory (context)",
            m_form,
            "MiB",
            "—",
            True,
            floor=m_bare,
            context=True,
        ),
        Row(
            "startup",
            "launch to main window painted",
            t_app,
            "ms",
            f"<= {TIME_GOAL}x floor",
            t_app <= TIME_GOAL * t_bare,
            floor=t_bare,
        ),
        Row(
            "startup",
            "peak memory (max RSS)",
            m_app,
            "MiB",
            f"<= {MEMORY_GOAL}x floor",
            m_app <= MEMORY_GOAL * m_bare,
            floor=m_bare,
        ),
    ]


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
