"""An opt-in measuring hook for ``benchmarks/bench_desktop.py``; off unless its variable is set.

With ``CRAMPCOACH_PROBE_DIR=DIR`` the running app (and
``CRAMPCOACH_PROBE_EXPECT=main`` to report the launch's first paint of a window):

- reads one JSON command per line from the FIFO ``DIR/cmd`` (a QSocketNotifier
  on it, so nothing polls: no wake-ups while the benchmark is quiet);
- appends one JSON line per reply or observation to ``DIR/events.jsonl``.

Commands (each reply echoes ``"cmd"``):

``{"cmd": "heartbeat", "on": true|false}``
    A 10 ms PreciseTimer measures the gaps between its own timeouts: a gap
    is the event loop busy with something else (a stall).  Switching it off
    replies with the longest gap and the number of beats since it was
    switched on.  The benchmark keeps it off while it measures idle CPU and
    wake-ups, which the heartbeat itself would spoil.
``{"cmd": "expect", "window": NAME}``
    The next paint of that window (``main``, ``player``, ``review``,
    ``settings``) is reported as ``{"painted": NAME, "t": MONOTONIC}``.
``{"cmd": "open", "window": "review"|"settings"}``
    Open it as the menu does (and expect its paint).  ``"opened"`` says
    whether the window exists at once; both come after their modules load
    (and the review's week is read) on a worker, so their paint is what tells.
``{"cmd": "close", "window": NAME}`` / ``{"cmd": "hide"|"show", "window": "player"}``
    Close a window as the user does (the player's close stops the session), or
    hide and show the player as minimising does.
``{"cmd": "skip"}``
    Skip the player's current step, as the Right key does.
``{"cmd": "windows"}``
    Which of the windows the app built Qt has not destroyed yet, so the
    benchmark can check that closed windows were released.  Counted from
    ``App.window_built`` and each window's ``destroyed`` signal, never from
    ``QApplication.topLevelWidgets()``: wrapping the tray's private
    ``QSystemTrayIconSys`` made PySide build Python types the app itself
    never asks for: 0.7 MiB more PSS at the first call in the idle tray, and
    0.2 MiB in PSS after the day, both measured, that the benchmark then put
    down to the app.
``{"cmd": "modules"}``
    The names in ``sys.modules``, so the benchmark can say what a start
    loaded that the tray does not need.

The heartbeat's off reply also lists every gap over ``STALL_MS`` as
``[start, ms]`` pairs (the same monotonic clock), so a stall can be matched to
what the benchmark asked for just before it.

Times are ``time.monotonic()`` (CLOCK_MONOTONIC, the same clock in every
process), so the benchmark can time from its own click or request.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QWidget

ENV = "CRAMPCOACH_PROBE_DIR"
EXPECT_ENV = "CRAMPCOACH_PROBE_EXPECT"
HEARTBEAT_MS = 10
STALL_MS = 50  # gaps longer than this are listed one by one
#: Which top-level widget class is which window.
WINDOW_CLASSES = {
    "MainWindow": "main",
    "PlayerWindow": "player",
    "ReviewWindow": "review",
    "SettingsDialog": "settings",
}


def install(app: Any) -> Probe | None:
    """Start the probe for ``app`` (:class:`crampcoach.qt.app.App`) when ``$CRAMPCOACH_PROBE_DIR`` is set."""
    folder = os.environ.get(ENV)
    if not folder:
        return None
    return Probe(app, Path(folder))


class Probe(QObject):
    """The measuring hook (see the module docstring)."""

    def __init__(self, app: Any, folder: Path) -> None:
        super().__init__()
        self.app = app
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._events = (folder / "events.jsonl").open("a", encoding="utf-8")
        fifo = folder / "cmd"
        if not fifo.exists():
            os.mkfifo(fifo, 0o600)
        # Read-write, so the FIFO never reports end-of-file when a writer leaves.
        self._fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
        self._buf = b""
        self._notifier = QSocketNotifier(self._fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        # Windows whose first paint the launch itself should report ("main" for
        # a shown start); none for --hidden, so no filter runs while idle.
        self._expected: set[str] = set(filter(None, os.environ.get(EXPECT_ENV, "").split(",")))
        self._beat = QTimer(self)
        self._beat.setTimerType(Qt.TimerType.PreciseTimer)
        self._beat.setInterval(HEARTBEAT_MS)
        self._beat.timeout.connect(self._on_beat)
        self._last_beat = 0.0
        self._max_gap = 0.0
        self._beats = 0
        self._gaps: list[list[float]] = []
        # Each window is watched from when the app builds it (``App.window_built``):
        # a filter on that window alone, never one on the whole application.
        app.window_built.connect(self._on_window_built)
        self._alive: Counter[str] = Counter()  # built and not yet destroyed, by name
        for name in ("main", "player", *app.windows):  # built before the probe
            built = self._built(name)
            if built is not None:
                self._track(name, built)
        # From the event loop's start (what runs before it is the start-up time,
        # measured on its own) until the benchmark says otherwise.
        QTimer.singleShot(0, lambda: self._heartbeat(True))
        self._emit({"probe": "ready", "pid": os.getpid(), "t": time.monotonic()})

    def close(self) -> None:
        """Stop the heartbeat and the filter, close the FIFO and the events file."""
        self._beat.stop()
        self._notifier.setEnabled(False)
        with contextlib.suppress(RuntimeError, TypeError):  # the app went first
            self.app.window_built.disconnect(self._on_window_built)
        os.close(self._fd)
        self._events.close()

    # -- output ----------------------------------------------------------------

    def _emit(self, record: dict[str, Any]) -> None:
        self._events.write(json.dumps(record) + "\n")
        self._events.flush()

    # -- paints ----------------------------------------------------------------

    def _watch(self, name: str) -> None:
        self._expected.add(name)
        widget = self._built(name)
        if widget is not None:  # built already (e.g. the player shown again)
            widget.installEventFilter(self)

    def _built(self, name: str) -> QWidget | None:
        """The app's own reference to that window, if built (no search of Qt's top-levels)."""
        if name == "player":
            player: QWidget | None = self.app.player
            return player
        if name == "main":
            return self.app.main_window if self.app.main_window_built else None
        found: QWidget | None = self.app.windows.get(name)
        return found

    def _track(self, name: str, window: QWidget) -> None:
        self._alive[name] += 1
        window.destroyed.connect(lambda *_args: self._alive.subtract([name]))

    def _on_window_built(self, key: str, window: QWidget) -> None:
        self._track(key, window)
        if WINDOW_CLASSES.get(type(window).__name__) in self._expected:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Report the first paint of an expected window, then stop watching it.

        A window is painted before its children, so its own first paint event
        is the moment its first frame is drawn.
        """
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            name = WINDOW_CLASSES.get(type(watched).__name__)
            if name in self._expected:
                self._expected.discard(name)
                self._emit({"painted": name, "t": time.monotonic()})
                watched.removeEventFilter(self)
        return False

    # -- heartbeat -------------------------------------------------------------

    def _on_beat(self) -> None:
        now = time.monotonic()
        gap = now - self._last_beat
        self._max_gap = max(self._max_gap, gap)
        if gap * 1000 > STALL_MS:
            self._gaps.append([round(self._last_beat, 4), round(gap * 1000, 1)])
        self._last_beat = now
        self._beats += 1

    def _heartbeat(self, on: bool) -> dict[str, Any]:
        if on:
            self._max_gap, self._beats, self._gaps = 0.0, 0, []
            self._last_beat = time.monotonic()
            self._beat.start()
            return {"on": True}
        self._beat.stop()
        self._on_beat()  # a stall running up to now counts too
        return {
            "on": False,
            "max_gap_ms": self._max_gap * 1000,
            "beats": self._beats,
            "gaps": self._gaps,
        }

    # -- commands --------------------------------------------------------------

    def _read(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._buf += os.read(self._fd, 65536)
        while b"\n" in self._buf:
            line, self._buf = self._buf.split(b"\n", 1)
            request: dict[str, Any] = {}
            try:
                request = json.loads(line)
                reply = self._handle(request)
            except Exception as exc:  # a bad command is reported, never fatal
                reply = {"error": f"{type(exc).__name__}: {exc}"}
            self._emit({"cmd": request.get("cmd"), "t": time.monotonic(), **reply})

    def _handle(self, request: dict[str, Any]) -> dict[str, Any]:
        cmd, name = request.get("cmd"), str(request.get("window", ""))
        if cmd == "heartbeat":
            return self._heartbeat(bool(request.get("on")))
        if cmd == "expect":
            self._watch(name)
            return {"window": name}
        if cmd == "open":
            self._watch(name)
            opener = {"review": self.app.open_review, "settings": self.app.open_settings}[name]
            return {"window": name, "opened": opener() is not None}
        if cmd in ("close", "hide", "show"):
            widget = self._built(name)
            if widget is not None:
                if cmd == "show":
                    self._watch(name)
                getattr(widget, cmd)()
            return {"window": name, "found": widget is not None}
        if cmd == "skip":  # what the Right key does in the player
            player = self._built("player")
            if player is not None:
                getattr(player, "skip")()  # noqa: B009 - PlayerWindow, found by class name
            return {"found": player is not None}
        if cmd == "windows":
            return {"windows": sorted(self._alive.elements())}
        if cmd == "modules":
            return {"modules": sorted(sys.modules)}
        raise ValueError(f"unknown probe command {cmd!r}")
