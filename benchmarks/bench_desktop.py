"""A day in the tray, measured as a user runs it, beside a bare PySide6 tray app and the peers.

``python -m benchmarks desktop`` (about 10 minutes with the three peers) runs
everything inside ``xvfb-run dbus-run-session``: an X11 screen, a private
session bus, a tray host (``trayer``, XEmbed) and a notification server
(``dunst``).  Bytecode is compiled first (``compileall``), as an installed
app's is.  Then ``ROUNDS`` interleaved rounds (the order rotates each round),
each of which measures, one program at a time:

- the floor: a bare PySide6 app with a tray icon and a window it shows on a
  tray click (``BARE``), started with ``--hidden`` and, separately, shown;
- CrampCoach, ``crampcoach --hidden`` with ten years of log and reminders
  planned but none due, and separately started shown;
- Workrave, RSIBreak and Safe Eyes when their Debian packages are installed
  (``apt-get install workrave rsibreak safeeyes gir1.2-ayatanaappindicator3-0.1``;
  the benchmark says so when they are missing).  Their figures are context: there is nothing to pass.

For each program: the time from ``Popen`` to its tray icon docked and mapped
in trayer's panel (read from the X server through libX11), PSS/USS/RSS from
``/proc/PID/smaps_rollup`` 10 s after the start, then CPU time and voluntary
context switches over an idle window, counted per thread
(``/proc/PID/task/TID/{stat,schedstat,status}`` sampled every second, so a
thread that ends mid-window keeps what it used until its last sample and is
never subtracted).  For the floor and the app: a real click on the tray icon
(XTest, from this process, so the press is timed exactly) to the main window
painted.  For the app, a day's use: five
cycles of ``start`` handed over the IPC socket (to the player painted), a
hold counting down (CPU), the player hidden (wake-ups), the player closed,
the review opened and closed, the settings opened and closed; PSS after
each cycle.  The app's opt-in probe (``crampcoach.qt.probe``, enabled by
``CRAMPCOACH_PROBE_DIR``) reports paints and the longest gap of a 10 ms
heartbeat; the heartbeat is off while CPU and wake-ups are counted.

Every wait polls a condition against a deadline; the only timed waits are the
measuring windows themselves.  Goals are judged per round as a ratio to the
floor measured in that round; the table shows the median and the range.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import Row, rendered_stylesheet

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = int(os.environ.get("CRAMPCOACH_BENCH_ROUNDS", "3"))
SETTLE_S = 10.0  # memory is read this long after the start
IDLE_S = float(os.environ.get("CRAMPCOACH_BENCH_IDLE_S", "20"))
CYCLES = int(os.environ.get("CRAMPCOACH_BENCH_CYCLES", "5"))
HOLD_S = 3.0  # CPU of a hold counting down, the player on screen
HIDDEN_S = 3.0  # wake-ups with the player hidden, mid-hold
# Seconds after the skip into the hold: hidden first, then shown again; both
# windows end before the hold's first cue (half way, 7.5 s).
HIDDEN_FROM_S = 0.4
HOLD_FROM_S = 4.2
ROUTINE = "bedtime"  # its first step is a 15 s countdown: both windows fit inside it
CLK_TCK = os.sysconf("SC_CLK_TCK")
TOOLS = ("xvfb-run", "dbus-run-session", "trayer", "dunst")
PEERS: dict[str, list[str]] = {
    "Workrave": ["workrave"],
    "RSIBreak": ["rsibreak"],
    "Safe Eyes": ["safeeyes"],
}
# The programs that are not peers: the floor, the app, and the forms-alone context.
OURS = ("bare", "crampcoach", "forms")
# Safe Eyes' tray icon needs the AppIndicator typelib (a Recommends, not a Depends).
PEER_PACKAGES = "workrave rsibreak safeeyes gir1.2-ayatanaappindicator3-0.1"

# Goals, as ratios to the bare tray app in the same round (issue 17).
GOAL_IDLE_PSS = 1.25
GOAL_DAY_PSS = 1.4
GOAL_FLAT_MIB = 1.0  # PSS growth from the first to the last cycle
GOAL_TRAY = 1.15
GOAL_PAINT = 1.3
GOAL_STALL_MS = 50.0
GOAL_CLICK_MS = 100.0
GOAL_HANDOVER_MS = 150.0
GOAL_HOLD_CPU_PCT = 0.3

# The floor: a tray icon and a window, nothing else.  Shown at once unless
# --hidden; a tray click shows it.  Prints "painted T" (CLOCK_MONOTONIC) at
# each first paint after the window was asked for.
BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget

class Watch(QObject):
    waiting = True
    def eventFilter(self, obj, event):
        if self.waiting and event.type() == QEvent.Type.Paint and obj is w:
            self.waiting = False
            print("painted", time.monotonic(), flush=True)
        return False

app = QApplication([])
app.setQuitOnLastWindowClosed(False)
watch = Watch()
app.installEventFilter(watch)
w = QWidget()
QVBoxLayout(w).addWidget(QLabel("A bare PySide6 tray app"))
w.resize(1180, 740)
tray = QSystemTrayIcon(QIcon(sys.argv[1]))
def activated(reason):
    watch.waiting = True
    w.show()
tray.activated.connect(activated)
tray.show()
if "--hidden" not in sys.argv:
    w.show()
app.exec()
"""

# Context, not a floor: the main window's own form and stylesheet, loaded as the
# app loads them (QUiLoader without Designer plugins), beside a tray icon, with
# no data and none of our Python.  Launch to its first paint shows how much of
# the "main window painted <= 1.3x bare" budget this window costs in PySide6
# before the app reads a log or builds a card.
FORM = """
import sys, time
from PySide6.QtCore import QCoreApplication, QEvent, QFile, QObject
from PySide6.QtGui import QIcon
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon

class Watch(QObject):
    waiting = True
    def eventFilter(self, obj, event):
        if self.waiting and event.type() == QEvent.Type.Paint and obj is w:
            self.waiting = False
            print("painted", time.monotonic(), flush=True)
        return False

icon, ui, qss = sys.argv[1:4]
app = QApplication([])
app.setQuitOnLastWindowClosed(False)
app.setStyleSheet(open(qss, encoding="utf-8").read())
watch = Watch()
app.installEventFilter(watch)
saved = QCoreApplication.libraryPaths()
QCoreApplication.setLibraryPaths([])
loader = QUiLoader()
QCoreApplication.setLibraryPaths(saved)
w = QMainWindow()
f = QFile(ui)
f.open(QFile.OpenModeFlag.ReadOnly)
w.setCentralWidget(loader.load(f, w))
w.menuBar().addMenu("&CrampCoach")
w.menuBar().addMenu("&Help")
w.statusBar()
w.resize(1180, 740)
tray = QSystemTrayIcon(QIcon(icon))
tray.show()
w.show()
app.exec()
"""

# Context, not a floor: the floor's tray app whose tray click first loads, paints
# and closes the forms a day opens (player, review, settings) and then shows the
# main window's form, all through QUiLoader with the rendered stylesheet, with
# no data and none of our Python.  Its PSS after the click, beside the floor's
# after its window opened, is PySide6's own part of "after a day <= 1.4x bare".
FORMS = """
import sys, time
from PySide6.QtCore import QCoreApplication, QEvent, QFile, QObject
from PySide6.QtGui import QIcon
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon

class Watch(QObject):
    waiting = False
    def eventFilter(self, obj, event):
        if self.waiting and event.type() == QEvent.Type.Paint and obj is w:
            self.waiting = False
            print("painted", time.monotonic(), flush=True)
        return False

icon, qss, folder = sys.argv[1:4]
app = QApplication([])
app.setQuitOnLastWindowClosed(False)
app.setStyleSheet(open(qss, encoding="utf-8").read())
watch = Watch()
app.installEventFilter(watch)
w = None

def load(name, parent=None):
    saved = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])
    loader = QUiLoader()
    QCoreApplication.setLibraryPaths(saved)
    f = QFile(f"{folder}/{name}.ui")
    f.open(QFile.OpenModeFlag.ReadOnly)
    return loader.load(f, parent)

def activated(reason):
    global w
    for name in ("player", "review_window", "settings_dialog"):
        other = load(name)
        other.resize(1180, 740)
        other.show()
        other.grab()
        other.close()
        other.deleteLater()
    w = QMainWindow()
    w.setCentralWidget(load("main_window", w))
    w.resize(1180, 740)
    watch.waiting = True
    w.show()

tray = QSystemTrayIcon(QIcon(icon))
tray.activated.connect(activated)
tray.show()
app.exec()
"""


# --------------------------------------------------------------------------- /proc parsing (pure)


def parse_smaps_rollup(text: str) -> dict[str, float]:
    """RSS, PSS and USS (private clean + dirty) in MiB from ``/proc/PID/smaps_rollup``."""
    kib: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0].endswith(":") and parts[2] == "kB":
            kib[parts[0][:-1]] = int(parts[1])
    missing = {"Rss", "Pss", "Private_Clean", "Private_Dirty"} - set(kib)
    if missing:
        raise ValueError(f"smaps_rollup has no {', '.join(sorted(missing))}")
    return {
        "rss": kib["Rss"] / 1024,
        "pss": kib["Pss"] / 1024,
        "uss": (kib["Private_Clean"] + kib["Private_Dirty"]) / 1024,
    }


def parse_task_cpu(stat: str, schedstat: str | None = None) -> float:
    """A thread's CPU seconds: schedstat's nanoseconds when given, else stat's utime + stime ticks.

    The command name in ``stat`` is in parentheses and may hold spaces or ")",
    so fields are counted after the last ")": utime and stime are the 14th
    and 15th fields of the whole line.
    """
    if schedstat:
        with contextlib.suppress(ValueError, IndexError):
            return int(schedstat.split()[0]) / 1e9
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def parse_voluntary_switches(status: str) -> int:
    """``voluntary_ctxt_switches`` from a thread's ``status``: each one is a wake-up after a sleep."""
    for line in status.splitlines():
        if line.startswith("voluntary_ctxt_switches:"):
            return int(line.split()[1])
    raise ValueError("status has no voluntary_ctxt_switches")


@dataclass
class ThreadCounter:
    """CPU and wake-ups of a process over a window, per thread.

    ``add`` takes one sample (``{tid: (cpu_s, switches)}``).  A thread seen
    at the window's start counts from its first value; one born later counts
    from zero (its whole life is inside the window); one that ended keeps
    what it used up to its last sample.  Summing the live threads' totals at
    both ends instead would subtract an ended thread's whole past.
    """

    first: dict[int, tuple[float, int]] = field(default_factory=dict)
    last: dict[int, tuple[float, int]] = field(default_factory=dict)
    samples: int = 0

    def add(self, sample: dict[int, tuple[float, int]]) -> None:
        for tid, value in sample.items():
            if tid not in self.first:
                self.first[tid] = value if self.samples == 0 else (0.0, 0)
            self.last[tid] = value
        self.samples += 1

    @property
    def cpu_s(self) -> float:
        return sum(v[0] - self.first[t][0] for t, v in self.last.items())

    @property
    def switches(self) -> int:
        return sum(v[1] - self.first[t][1] for t, v in self.last.items())

    @property
    def threads(self) -> int:
        return len(self.last)


def task_sample(pid: int) -> dict[int, tuple[float, int]]:
    """Every live thread's CPU seconds and voluntary switches."""
    out: dict[int, tuple[float, int]] = {}
    with contextlib.suppress(FileNotFoundError, ProcessLookupError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                stat = (task / "stat").read_text()
                status = (task / "status").read_text()
                schedstat = None
                with contextlib.suppress(OSError):
                    schedstat = (task / "schedstat").read_text()
            except (FileNotFoundError, ProcessLookupError):
                continue  # it ended while we looked
            out[int(task.name)] = (
                parse_task_cpu(stat, schedstat),
                parse_voluntary_switches(status),
            )
    return out


def count_over(pid: int, seconds: float, step: float = 1.0) -> ThreadCounter:
    """Sample every ``step`` seconds for ``seconds``; the per-thread totals over that window."""
    counter = ThreadCounter()
    end = time.monotonic() + seconds
    counter.add(task_sample(pid))
    while (left := end - time.monotonic()) > 0:
        time.sleep(min(step, left))
        counter.add(task_sample(pid))
    return counter


def memory(pid: int) -> dict[str, float]:
    return parse_smaps_rollup(Path(f"/proc/{pid}/smaps_rollup").read_text())


# --------------------------------------------------------------------------- judging (pure)


@dataclass(frozen=True)
class Goal:
    """One goal judged on per-round figures: each round's value against its limit."""

    name: str
    limit: float
    kind: str  # "ratio": value/floor <= limit; "max": value <= limit

    def met(self, value: float, floor: float | None = None) -> bool:
        if self.kind == "ratio":
            if floor is None or floor <= 0:
                raise ValueError(f"{self.name}: a ratio goal needs a floor measured in the round")
            return value / floor <= self.limit
        return value <= self.limit

    def met_all(self, values: Sequence[float], floors: Sequence[float] | None = None) -> bool:
        """Met only if every round meets it (the table shows the median and the range)."""
        if not values:
            return False
        if self.kind == "ratio":
            assert floors is not None and len(floors) == len(values)
            return all(self.met(v, f) for v, f in zip(values, floors, strict=True))
        return all(self.met(v) for v in values)


def spread(values: Iterable[float], fmt: str = "{:.3g}") -> str:
    """Median and range of per-round figures: ``"52.1 (51.8–52.9)"``; ``"—"`` when none."""
    vals = list(values)
    if not vals:
        return "—"
    med = fmt.format(statistics.median(vals))
    if len(vals) == 1 or min(vals) == max(vals):
        return med
    return f"{med} ({fmt.format(min(vals))}–{fmt.format(max(vals))})"


def goal_row(
    metric: str,
    goal: Goal,
    values: Sequence[float],
    unit: str,
    floors: Sequence[float] | None = None,
) -> Row:
    """A table row for ``goal`` over the rounds; "met" only if every round met it."""
    shown = f"<= {goal.limit:g}x bare" if goal.kind == "ratio" else f"<= {goal.limit:g} {unit}"
    ratios: tuple[float, ...] = ()
    floor = None
    if floors:
        floor = statistics.median(floors)
        ratios = tuple(v / f for v, f in zip(values, floors, strict=True) if f)
    return Row(
        "desktop",
        metric,
        statistics.median(values) if values else float("nan"),
        unit,
        shown,
        goal.met_all(values, floors),
        floor,
        values=tuple(values),
        ratios=ratios,
    )


# --------------------------------------------------------------------------- X11 (the tray's panel)


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class X11:
    """Just enough libX11 to see which icons trayer's panel holds, and where."""

    def __init__(self) -> None:
        self.lib = ctypes.CDLL("libX11.so.6")
        lib = self.lib
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XGetSelectionOwner.restype = ctypes.c_ulong
        lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]
        lib.XFetchName.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_char_p),
        ]
        lib.XFree.argtypes = [ctypes.c_void_p]
        lib.XTranslateCoordinates.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
        ]
        lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
        lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.display = lib.XOpenDisplay(None)
        if not self.display:
            raise RuntimeError("cannot open the X display")
        self.root = lib.XDefaultRootWindow(self.display)
        self.tray_atom = lib.XInternAtom(self.display, b"_NET_SYSTEM_TRAY_S0", 0)
        # Errors on windows that vanish between two calls must not abort us.
        handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
        self._handler = handler(lambda _d, _e: 0)
        lib.XSetErrorHandler(self._handler)
        self.xtst: Any = None

    def click(self, x: int, y: int) -> float:
        """Move the pointer to (x, y) and click button 1 (XTest); returns the press's time."""
        if self.xtst is None:
            self.xtst = ctypes.CDLL("libXtst.so.6")
            self.xtst.XTestFakeMotionEvent.argtypes = [
                ctypes.c_void_p,
                ctypes.c_int,
                ctypes.c_int,
                ctypes.c_int,
                ctypes.c_ulong,
            ]
            self.xtst.XTestFakeButtonEvent.argtypes = [
                ctypes.c_void_p,
                ctypes.c_uint,
                ctypes.c_int,
                ctypes.c_ulong,
            ]
        self.xtst.XTestFakeMotionEvent(self.display, -1, x, y, 0)
        self.lib.XSync(self.display, 0)
        t = time.monotonic()
        self.xtst.XTestFakeButtonEvent(self.display, 1, 1, 0)
        self.xtst.XTestFakeButtonEvent(self.display, 1, 0, 0)
        self.lib.XSync(self.display, 0)
        return t

    def tray_owned(self) -> bool:
        return bool(self.lib.XGetSelectionOwner(self.display, self.tray_atom))

    def children(self, window: int) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        kids = ctypes.POINTER(ctypes.c_ulong)()
        n = ctypes.c_uint()
        if not self.lib.XQueryTree(
            self.display, window, ctypes.byref(root), ctypes.byref(parent), ctypes.byref(kids), n
        ):
            return []
        out = [kids[i] for i in range(n.value)]
        if kids:
            self.lib.XFree(kids)
        return out

    def name(self, window: int) -> str:
        raw = ctypes.c_char_p()
        if self.lib.XFetchName(self.display, window, ctypes.byref(raw)) and raw.value:
            value = raw.value.decode("utf-8", "replace")
            self.lib.XFree(raw)
            return value
        return ""

    def _attrs(self, window: int) -> tuple[int, int, int]:
        """(width, height, map_state) of a window; (0, 0, 0) when it is gone."""
        attrs = _XWindowAttributes()
        if not self.lib.XGetWindowAttributes(self.display, window, ctypes.byref(attrs)):
            return 0, 0, 0
        return attrs.width, attrs.height, attrs.map_state

    def panel(self) -> int | None:
        for window in self.children(self.root):
            if self.name(window) == "panel":
                return window
        return None

    def icons(self) -> dict[int, tuple[int, int, int, int]]:
        """The tray's docked, mapped icons: client window -> (x, y, w, h) on screen."""
        self.lib.XSync(self.display, 0)
        panel = self.panel()
        if panel is None:
            return {}
        out: dict[int, tuple[int, int, int, int]] = {}
        for socket in self.children(panel):
            for client in self.children(socket):
                w, h, state = self._attrs(client)
                if state == 2 and w > 1 and h > 1:  # IsViewable: embedded and shown
                    x, y, child = ctypes.c_int(), ctypes.c_int(), ctypes.c_ulong()
                    self.lib.XTranslateCoordinates(
                        self.display, client, self.root, 0, 0, x, y, ctypes.byref(child)
                    )
                    out[client] = (x.value, y.value, w, h)
        return out


# --------------------------------------------------------------------------- inside the session


def until(check: Callable[[], Any], seconds: float, what: str, proc: Any = None) -> Any:
    """Poll ``check`` (every 5 ms) until it returns something true; raise after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what}: the program exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {seconds:g} s waiting for {what}")
        time.sleep(0.005)


class ProbeLink:
    """The benchmark's end of :mod:`crampcoach.qt.probe`: commands in, events out."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.events = folder / "events.jsonl"
        self._seen = 0
        self._fd: int | None = None

    def lines(self) -> list[dict[str, Any]]:
        try:
            text = self.events.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [json.loads(line) for line in text.splitlines() if line.endswith("}")]

    def wait(self, match: Callable[[dict[str, Any]], bool], seconds: float, what: str) -> Any:
        def found() -> dict[str, Any] | None:
            records = self.lines()
            for n in range(self._seen, len(records)):
                if match(records[n]):
                    self._seen = n + 1
                    return records[n]
            return None

        return until(found, seconds, what)

    def send(self, command: dict[str, Any], seconds: float = 30) -> dict[str, Any]:
        if self._fd is None:
            fifo = until(lambda: (self.folder / "cmd").exists(), 60, "the probe's FIFO")
            del fifo
            self._fd = os.open(self.folder / "cmd", os.O_WRONLY)
        os.write(self._fd, (json.dumps(command) + "\n").encode())
        reply: dict[str, Any] = self.wait(
            lambda r: r.get("cmd") == command["cmd"], seconds, f"the probe's {command}"
        )
        if "error" in reply:
            raise RuntimeError(f"probe: {reply['error']}")
        return reply

    def painted(self, name: str, seconds: float = 30) -> float:
        rec = self.wait(lambda r: r.get("painted") == name, seconds, f"{name} painted")
        return float(rec["t"])

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _spawn(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[str]:
    with log.open("a") as err:
        return subprocess.Popen(
            cmd, env=env, stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True
        )


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, 15)  # helpers it started in its session (Safe Eyes, Workrave)


def _read_line(proc: subprocess.Popen[str], seconds: float, what: str) -> str:
    """The program's next stdout line, waiting at most ``seconds``."""
    import select

    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], seconds)
    if not ready:
        raise TimeoutError(f"timed out after {seconds:g} s waiting for {what}")
    line = proc.stdout.readline()
    if not line:
        raise RuntimeError(f"{what}: the program exited with {proc.wait()}")
    return line


def _click(x11: X11, geometry: tuple[int, int, int, int]) -> float:
    """A left click in the middle of the icon, through XTest; the time of the press."""
    x, y, w, h = geometry
    return x11.click(x + w // 2, y + h // 2)


def _new_icon(
    x11: X11, before: set[int], proc: Any, seconds: float = 60
) -> tuple[float, tuple[int, int, int, int]]:
    def check() -> tuple[float, tuple[int, int, int, int]] | None:
        icons = x11.icons()
        for client, geometry in icons.items():
            if client not in before:
                return time.monotonic(), geometry
        return None

    result: tuple[float, tuple[int, int, int, int]] = until(check, seconds, "the tray icon", proc)
    return result


def _wait_gone(x11: X11, before: set[int]) -> None:
    until(lambda: set(x11.icons()) <= before, 30, "the previous tray icon to go")


def measure_tray_program(
    name: str, cmd: list[str], env: dict[str, str], x11: X11, log: Path
) -> dict[str, Any]:
    """A peer or the floor started hidden: tray icon, memory at 10 s, an idle window."""
    before = set(x11.icons())
    t0 = time.monotonic()
    proc = _spawn(cmd, env, log)
    out: dict[str, Any] = {}
    try:
        t_icon, geometry = _new_icon(x11, before, proc)
        out["tray_ms"] = (t_icon - t0) * 1000
        time.sleep(max(0.0, t0 + SETTLE_S - time.monotonic()))  # the figure is "10 s after start"
        out["mem"] = memory(proc.pid)
        idle = count_over(proc.pid, IDLE_S)
        out["idle_cpu_s"], out["idle_switches"], out["threads"] = (
            idle.cpu_s,
            idle.switches,
            idle.threads,
        )
        if name in ("bare", "forms"):
            t_click = _click(x11, geometry)
            assert proc.stdout is not None
            line = _read_line(proc, 30, "the bare window painted")
            out["click_ms"] = (float(line.split()[1]) - t_click) * 1000
            out["mem_used"] = memory(proc.pid)
    finally:
        _stop(proc)
    _wait_gone(x11, before)
    return out


def measure_shown(cmd: list[str], env: dict[str, str], log: Path, probe: Path | None) -> float:
    """Launch shown; ms from Popen to the main window's first paint (its routines in it)."""
    if probe is not None:
        shutil.rmtree(probe, ignore_errors=True)
        env = dict(env, CRAMPCOACH_PROBE_DIR=str(probe), CRAMPCOACH_PROBE_EXPECT="main")
    t0 = time.monotonic()
    proc = _spawn(cmd, env, log)
    try:
        if probe is None:
            assert proc.stdout is not None
            line = _read_line(proc, 60, "the bare window painted")
            t = float(line.split()[1])
        else:
            t = ProbeLink(probe).painted("main", 60)
    finally:
        _stop(proc)
    return (t - t0) * 1000


STALL_STEPS = ("launch", "tray click", "start", "skip", "close player", "review", "settings")


class Stalls:
    """Each heartbeat window's longest gap, and each long gap put down to the step before it.

    ``mark(step)`` is called just before the benchmark asks for that step; a
    gap the probe lists (its start on the shared monotonic clock) belongs to
    the last step marked at or before its start.
    """

    def __init__(self) -> None:
        self.windows: list[float] = []
        self.by_step: dict[str, float] = {}
        self._marks: list[tuple[float, str]] = []

    def mark(self, step: str, t: float | None = None) -> None:
        self._marks.append((time.monotonic() if t is None else t, step))

    def add(self, reply: dict[str, Any]) -> None:
        self.windows.append(float(reply["max_gap_ms"]))
        for start, ms in reply.get("gaps", ()):
            steps = [name for t, name in self._marks if t <= start + 0.001]
            step = steps[-1] if steps else "launch"
            self.by_step[step] = max(self.by_step.get(step, 0.0), float(ms))


def _sleep_until(t: float) -> None:
    time.sleep(max(0.0, t - time.monotonic()))


def _cpu_window(pid: int, seconds: float) -> ThreadCounter:
    return count_over(pid, seconds, step=0.5)


def measure_app(
    cmd: list[str], env: dict[str, str], x11: X11, log: Path, data: Path, probe_dir: Path
) -> dict[str, Any]:
    """CrampCoach started --hidden: everything the floor gets, then a day's use."""
    from crampcoach import ipc

    shutil.rmtree(probe_dir, ignore_errors=True)
    probe_dir.mkdir(parents=True)
    env = dict(env, CRAMPCOACH_PROBE_DIR=str(probe_dir))
    link = ProbeLink(probe_dir)
    before = set(x11.icons())
    t0 = time.monotonic()
    proc = _spawn(cmd, env, log)
    out: dict[str, Any] = {"handover_ms": [], "pss_cycles": []}
    stalls = Stalls()
    try:
        t_icon, geometry = _new_icon(x11, before, proc)
        out["tray_ms"] = (t_icon - t0) * 1000
        time.sleep(max(0.0, t0 + SETTLE_S - time.monotonic()))
        out["mem"] = memory(proc.pid)
        stalls.add(link.send({"cmd": "heartbeat", "on": False}))
        idle = count_over(proc.pid, IDLE_S)
        out["idle_cpu_s"], out["idle_switches"], out["threads"] = (
            idle.cpu_s,
            idle.switches,
            idle.threads,
        )
        out["windows_hidden"] = link.send({"cmd": "windows"})["windows"]
        link.send({"cmd": "heartbeat", "on": True})
        link.send({"cmd": "expect", "window": "main"})
        stalls.mark("tray click")
        t_click = _click(x11, geometry)
        out["click_ms"] = (link.painted("main") - t_click) * 1000
        link.send({"cmd": "close", "window": "main"})  # back to the tray
        hold_cpu, hidden_sw, review_ms, settings_ms = [], [], [], []
        for _cycle in range(CYCLES):
            link.send({"cmd": "expect", "window": "player"})
            stalls.mark("start")
            t_send = time.monotonic()
            reply = ipc.send(data, {"cmd": "start", "routine": ROUTINE})
            if not reply.get("ok"):
                raise RuntimeError(f"start was refused: {reply}")
            out["handover_ms"].append((link.painted("player") - t_send) * 1000)
            # From "get ready" into the first 15 s countdown; its cues are due at
            # 7.5 s (half way, spoken) and from 12 s (ticks).  Both windows are
            # timed from the skip and end before 7.5 s, so neither counts a cue
            # the player must wake for (hidden or not, the user still hears it).
            stalls.mark("skip")
            t_skip = link.send({"cmd": "skip"})["t"]
            stalls.add(link.send({"cmd": "heartbeat", "on": False}))
            link.send({"cmd": "hide", "window": "player"})
            _sleep_until(t_skip + HIDDEN_FROM_S)
            hidden_sw.append(_cpu_window(proc.pid, HIDDEN_S).switches)
            link.send({"cmd": "show", "window": "player"})
            link.painted("player")  # (the probe's paint filter is off again)
            _sleep_until(t_skip + HOLD_FROM_S)  # the redraw on showing again is over
            hold_cpu.append(_cpu_window(proc.pid, HOLD_S).cpu_s / HOLD_S * 100)
            link.send({"cmd": "heartbeat", "on": True})
            stalls.mark("close player")
            link.send({"cmd": "close", "window": "player"})
            stalls.mark("review")
            t = time.monotonic()
            link.send({"cmd": "open", "window": "review"})
            review_ms.append((link.painted("review") - t) * 1000)
            link.send({"cmd": "close", "window": "review"})
            stalls.mark("settings")
            t = time.monotonic()
            link.send({"cmd": "open", "window": "settings"})
            settings_ms.append((link.painted("settings") - t) * 1000)
            link.send({"cmd": "close", "window": "settings"})
            link.send({"cmd": "windows"})  # after the deferred deletes have run
            out["pss_cycles"].append(memory(proc.pid)["pss"])
        stalls.add(link.send({"cmd": "heartbeat", "on": False}))
        out["stalls_ms"], out["stall_by_step"] = stalls.windows, stalls.by_step
        out["windows_after"] = link.send({"cmd": "windows"})["windows"]
        out["mem_used"] = memory(proc.pid)
        out["hold_cpu_pct"] = statistics.median(hold_cpu)
        out["hidden_switches"] = max(hidden_sw)
        out["review_ms"] = statistics.median(review_ms)
        out["review_first_ms"] = review_ms[0]
        out["settings_ms"] = statistics.median(settings_ms)
        with contextlib.suppress(ipc.IpcError):
            ipc.send(data, {"cmd": "quit"})
        proc.wait(timeout=30)
    finally:
        link.close()
        _stop(proc)
    _wait_gone(x11, before)
    return out


def inner(tmp: Path) -> dict[str, Any]:
    """Runs inside xvfb-run + dbus-run-session: every round, every program; raw figures."""
    from crampcoach import resources

    log = tmp / "programs.log"
    data = tmp / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", CRAMPCOACH_DATA_DIR=str(data))
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Safe Eyes 2.1 copies its first config into $XDG_CONFIG_HOME/safeeyes/ but makes
    # the folder under ~/.config instead, so under a fresh XDG_CONFIG_HOME the copy
    # fails and it exits with status 1: make the folder it forgets.
    (tmp / "config" / "safeeyes" / "style").mkdir(parents=True, exist_ok=True)
    # Safe Eyes asks the system bus for suspend signals; this session has none.
    peer_env = dict(env, DBUS_SYSTEM_BUS_ADDRESS=os.environ.get("DBUS_SESSION_BUS_ADDRESS", ""))
    helpers = [
        subprocess.Popen(
            [
                "trayer",
                "--edge",
                "top",
                "--align",
                "right",
                "--widthtype",
                "pixel",
                "--width",
                "200",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    x11 = X11()
    icon = str(resources.path("assets", "icons/crampcoach-32.png"))
    app_cmd = [sys.executable, "-m", "crampcoach"]
    peers = [p for p in PEERS if shutil.which(PEERS[p][0])]
    if os.environ.get("CRAMPCOACH_BENCH_PEERS") == "0":  # a quick run while working
        peers = []
    programs: list[str] = ["bare", "crampcoach", "forms", *peers]
    results: dict[str, list[dict[str, Any]]] = {p: [] for p in programs}
    shown: dict[str, list[float]] = {"bare": [], "crampcoach": [], "form": []}
    form_cmd = [
        sys.executable,
        "-c",
        FORM,
        icon,
        str(resources.path("ui", "main_window.ui")),
        str(rendered_stylesheet(tmp / "style.qss")),
    ]
    forms_cmd = [
        sys.executable,
        "-c",
        FORMS,
        icon,
        form_cmd[-1],
        str(resources.path("ui", "main_window.ui").parent),
    ]
    failures: dict[str, str] = {}
    try:
        until(lambda: x11.tray_owned() and x11.panel(), 30, "trayer's tray")
        # Warm-up: caches filled and the file cache warm, as for a user's second start.
        measure_shown(app_cmd, env, log, tmp / "probe")
        for n in range(ROUNDS):
            order = programs[n % len(programs) :] + programs[: n % len(programs)]
            print(f"round {n + 1}/{ROUNDS}: {', '.join(order)}", file=sys.stderr, flush=True)
            shown["bare"].append(measure_shown([sys.executable, "-c", BARE, icon], env, log, None))
            shown["crampcoach"].append(measure_shown(app_cmd, env, log, tmp / "probe"))
            shown["form"].append(measure_shown(form_cmd, env, log, None))
            for name in order:
                try:
                    if name == "bare":
                        cmd = [sys.executable, "-c", BARE, icon, "--hidden"]
                        results[name].append(measure_tray_program(name, cmd, env, x11, log))
                    elif name == "forms":
                        results[name].append(measure_tray_program(name, forms_cmd, env, x11, log))
                    elif name == "crampcoach":
                        results[name].append(
                            measure_app([*app_cmd, "--hidden"], env, x11, log, data, tmp / "probe")
                        )
                    else:
                        results[name].append(
                            measure_tray_program(name, PEERS[name], peer_env, x11, log)
                        )
                except (TimeoutError, RuntimeError, OSError) as exc:
                    if name in OURS:
                        raise
                    failures[name] = str(exc)  # a peer that cannot run here is reported
    finally:
        for helper in helpers:
            helper.terminate()
            helper.wait(timeout=10)
    return {"results": results, "shown": shown, "failures": failures}


# --------------------------------------------------------------------------- outside: set-up, table


def _prepare(tmp: Path) -> None:
    """Ten years of log and reminders planned but none due; bytecode compiled."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "crampcoach")], check=True)
    code = (
        "from pathlib import Path; import sys; "
        "from benchmarks.bench_startup import _fill_log; "
        "from benchmarks.bench_idle import _idle_settings; "
        f"_fill_log({str(tmp)!r}); _idle_settings(Path({str(tmp)!r}) / 'data')"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def apscheduler_cost() -> tuple[float, float]:
    """ms and MiB of importing what the reminders import of apscheduler, after Qt is loaded.

    That is ``crampcoach.core.triggers`` (apscheduler's triggers, without asyncio).
    """
    code = (
        "import time, resource\n"
        "import PySide6.QtWidgets\n"
        "def rss():\n"
        "    for l in open('/proc/self/status'):\n"
        "        if l.startswith('VmRSS:'): return int(l.split()[1]) / 1024\n"
        "m = rss(); t = time.perf_counter()\n"
        "import crampcoach.core.triggers\n"
        "print((time.perf_counter() - t) * 1000, rss() - m)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(5)
    ]
    return statistics.median(float(r[0]) for r in runs), statistics.median(
        float(r[1]) for r in runs
    )


def _col(rounds: list[dict[str, Any]], key: str, sub: str | None = None) -> list[float]:
    out = []
    for r in rounds:
        if key in r:
            out.append(float(r[key][sub] if sub else r[key]))
    return out


def peer_table(raw: dict[str, Any]) -> str:
    """The comparison table, one line per program, median (range) over the rounds."""
    names = {
        "bare": "bare PySide6 tray + window (floor)",
        "crampcoach": "CrampCoach --hidden",
        "forms": "bare + the day's forms, no data (context)",
    }
    header = (
        "| app | tray icon ms | window painted ms | PSS MiB at 10 s | USS MiB | RSS MiB "
        f"| PSS MiB after a day | idle CPU s / {IDLE_S:g} s | switches / {IDLE_S:g} s |"
    )
    lines = [header, "|" + "---|" * 9]
    for prog, rounds in raw["results"].items():
        if not rounds:
            lines.append(f"| {names.get(prog, prog)} | did not run: {raw['failures'].get(prog)} |")
            continue
        painted = raw["shown"].get(prog, [])
        lines.append(
            "| "
            + " | ".join(
                [
                    names.get(prog, prog),
                    spread(_col(rounds, "tray_ms"), "{:.0f}"),
                    spread(painted, "{:.0f}"),
                    spread(_col(rounds, "mem", "pss"), "{:.1f}"),
                    spread(_col(rounds, "mem", "uss"), "{:.1f}"),
                    spread(_col(rounds, "mem", "rss"), "{:.1f}"),
                    spread(_col(rounds, "mem_used", "pss"), "{:.1f}"),
                    spread(_col(rounds, "idle_cpu_s"), "{:.3f}"),
                    spread(_col(rounds, "idle_switches"), "{:.0f}"),
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def rows_from(raw: dict[str, Any], aps: tuple[float, float] | None = None) -> list[Row]:
    """The goal rows (judged per round against that round's floor) and the context rows."""
    app, bare = raw["results"]["crampcoach"], raw["results"]["bare"]
    n = min(len(app), len(bare))
    app, bare = app[:n], bare[:n]
    return (
        _goal_rows(raw, app, bare, n)
        + _wakeup_rows(raw, app, bare)
        + _form_rows(raw, n)
        + _forms_day_rows(raw)
        + _context_rows(app, bare, aps)
    )


def _forms_day_rows(raw: dict[str, Any]) -> list[Row]:
    """PySide6's part of a day (the forms alone, loaded, painted, closed) beside the floor's day."""
    forms = raw["results"].get("forms", [])
    bare = raw["results"]["bare"][: len(forms)]
    if not forms:
        return []
    values, floors = _pss(forms, "mem_used"), _pss(bare, "mem_used")
    return [
        Row(
            "desktop",
            "PSS after the day's forms alone were loaded, painted and closed "
            "(no data, none of our Python; floor: bare after its window opened)",
            statistics.median(values),
            "MiB",
            "—",
            True,
            statistics.median(floors),
            context=True,
            values=tuple(values),
            ratios=tuple(v / b for v, b in zip(values, floors, strict=True)),
        )
    ]


def _form_rows(raw: dict[str, Any], n: int) -> list[Row]:
    """The main window's form alone beside the floor, same round: what PySide6 asks of the budget."""
    form = raw["shown"].get("form", [])[:n]
    if not form:
        return []
    floors = raw["shown"]["bare"][: len(form)]
    return [
        Row(
            "desktop",
            "the main window's form + stylesheet alone (no data, none of our Python), "
            "launch to painted",
            statistics.median(form),
            "ms",
            "—",
            True,
            statistics.median(floors),
            context=True,
            values=tuple(form),
            ratios=tuple(f / b for f, b in zip(form, floors, strict=True)),
        )
    ]


def _pss(rounds: list[dict[str, Any]], key: str) -> list[float]:
    return [r[key]["pss"] for r in rounds]


def _goal_rows(
    raw: dict[str, Any], app: list[dict[str, Any]], bare: list[dict[str, Any]], n: int
) -> list[Row]:
    rows = [
        goal_row(
            "idle in the tray after --hidden, PSS at 10 s",
            Goal("idle PSS", GOAL_IDLE_PSS, "ratio"),
            _pss(app, "mem"),
            "MiB",
            _pss(bare, "mem"),
        ),
        goal_row(
            f"PSS after a day's use ({CYCLES} cycles; floor: bare after its window opened)",
            Goal("day PSS", GOAL_DAY_PSS, "ratio"),
            _pss(app, "mem_used"),
            "MiB",
            _pss(bare, "mem_used"),
        ),
        goal_row(
            "PSS growth, first cycle to last",
            Goal("flat", GOAL_FLAT_MIB, "max"),
            [r["pss_cycles"][-1] - r["pss_cycles"][0] for r in app],
            "MiB",
        ),
        goal_row(
            "start --hidden to tray icon visible",
            Goal("tray", GOAL_TRAY, "ratio"),
            [r["tray_ms"] for r in app],
            "ms",
            [r["tray_ms"] for r in bare],
        ),
        goal_row(
            "start to main window painted with its routines",
            Goal("paint", GOAL_PAINT, "ratio"),
            raw["shown"]["crampcoach"][:n],
            "ms",
            raw["shown"]["bare"][:n],
        ),
        goal_row(
            "longest event-loop stall, launch through the cycles (10 ms heartbeat gap)",
            Goal("stall", GOAL_STALL_MS, "max"),
            [max(r["stalls_ms"]) - 10 for r in app],
            "ms",
        ),
        goal_row(
            "tray click to main window painted",
            Goal("click", GOAL_CLICK_MS, "max"),
            [r["click_ms"] for r in app],
            "ms",
        ),
        goal_row(
            "`start ROUTINE` handed over (IPC) to player painted, median of cycles",
            Goal("handover", GOAL_HANDOVER_MS, "max"),
            [statistics.median(r["handover_ms"]) for r in app],
            "ms",
        ),
        goal_row(
            "a hold counting down, CPU (% of one core)",
            Goal("hold", GOAL_HOLD_CPU_PCT, "max"),
            [r["hold_cpu_pct"] for r in app],
            "%",
        ),
    ]
    return rows


def _wakeup_rows(
    raw: dict[str, Any], app: list[dict[str, Any]], bare: list[dict[str, Any]]
) -> list[Row]:
    rows: list[Row] = []
    # "No wake-ups" from a hidden player: no more than the bare app wakes when idle.
    allowed = [math.ceil(b["idle_switches"] * HIDDEN_S / IDLE_S) for b in bare]
    hidden = [float(r["hidden_switches"]) for r in app]
    rows.append(
        Row(
            "desktop",
            f"wake-ups in {HIDDEN_S:g} s with the player hidden mid-hold, no cue due (worst cycle)",
            statistics.median(hidden),
            "",
            "<= bare idle",
            all(h <= a for h, a in zip(hidden, allowed, strict=True)),
            statistics.median(allowed),
            values=tuple(hidden),
        )
    )
    # Idle wake-ups lowest of the group (ties with the floor allowed; neither the floor
    # nor the forms-alone context program is a peer).
    peers = [p for p in raw["results"] if p not in OURS and raw["results"][p]]
    ours = statistics.median(r["idle_switches"] for r in app)
    theirs = {p: statistics.median(r["idle_switches"] for r in raw["results"][p]) for p in peers}
    rows.append(
        Row(
            "desktop",
            f"idle wake-ups / {IDLE_S:g} s, lowest of the group"
            + (f" ({', '.join(f'{p} {v:.0f}' for p, v in theirs.items())})" if theirs else ""),
            ours,
            "",
            "< every peer",
            bool(theirs) and all(ours < v for v in theirs.values()),
            statistics.median(r["idle_switches"] for r in bare),
            values=tuple(r["idle_switches"] for r in app),
        )
    )
    released = all(
        not any(w in ("player", "review", "settings", "main") for w in r["windows_after"])
        for r in app
    )
    rows.append(
        Row(
            "desktop",
            "windows released when closed (none of main/player/review/settings left)",
            float(released),
            "",
            "all released",
            released,
        )
    )
    return rows


def _context_rows(
    app: list[dict[str, Any]], bare: list[dict[str, Any]], aps: tuple[float, float] | None
) -> list[Row]:
    rows: list[Row] = []
    context = [
        ("idle CPU over the idle window", "idle_cpu_s", "s"),
        ("first review open to painted", "review_first_ms", "ms"),
        ("review open to painted, median of cycles", "review_ms", "ms"),
        ("settings open to painted, median of cycles", "settings_ms", "ms"),
    ]
    for metric, key, unit in context:
        values = [float(r[key]) for r in app]
        floors = [float(b[key]) for b in bare] if key in bare[0] else None
        rows.append(
            Row(
                "desktop",
                metric,
                statistics.median(values),
                unit,
                "—",
                True,
                statistics.median(floors) if floors else None,
                context=True,
                values=tuple(values),
            )
        )
    for step in STALL_STEPS:
        values = [float(r.get("stall_by_step", {}).get(step, 0.0)) for r in app]
        rows.append(
            Row(
                "desktop",
                f"longest stall over 50 ms after: {step} (0: none)",
                statistics.median(values),
                "ms",
                "—",
                True,
                context=True,
                values=tuple(values),
            )
        )
    if aps is not None:
        rows.append(
            Row(
                "desktop",
                f"importing apscheduler (after Qt), +{aps[1]:.1f} MiB RSS",
                aps[0],
                "ms",
                "—",
                True,
                context=True,
            )
        )
    return rows


def run() -> list[Row]:
    missing = [t for t in TOOLS if not shutil.which(t)]
    if missing:
        raise RuntimeError(
            f"the desktop benchmark needs {', '.join(missing)}: "
            "apt-get install xvfb xauth dbus-daemon dbus-bin trayer dunst libxtst6"
        )
    absent = [p for p, cmd in PEERS.items() if not shutil.which(cmd[0])]
    if absent:
        print(
            f"not measured: {', '.join(absent)}; to compare with them: "
            f"apt-get install {PEER_PACKAGES}",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory(prefix="crampcoach-desktop-") as tmp_name:
        tmp = Path(tmp_name)
        _prepare(tmp)
        session = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--"]
        code = f"import json; from benchmarks.bench_desktop import inner; from pathlib import Path; print(json.dumps(inner(Path({tmp_name!r}))))"
        done = subprocess.run(
            [*session, sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        if done.returncode != 0:
            log = (tmp / "programs.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"the desktop run failed:\n{done.stderr[-4000:]}\n{log}")
        sys.stderr.write(
            "".join(line + "\n" for line in done.stderr.splitlines() if line.startswith("round"))
        )
        raw = json.loads(done.stdout.splitlines()[-1])
    if os.environ.get("CRAMPCOACH_BENCH_RAW"):
        Path(os.environ["CRAMPCOACH_BENCH_RAW"]).write_text(json.dumps(raw, indent=1))
    print(peer_table(raw))
    print()
    return rows_from(raw, apscheduler_cost())


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
