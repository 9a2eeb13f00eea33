"""Runs inside ``xvfb-run dbus-run-session``: a real XEmbed tray (trayer), then the real app.

Exit 0 when the app reports its icon docked in the tray; otherwise print why and exit 1.
``tray_driver.py --hidden`` starts the app with ``--hidden`` and also requires
that its main window never opened.
Every wait polls a condition against a deadline; none sleeps blindly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from crampcoach import ipc

PROBE = (
    "from PySide6.QtWidgets import QApplication, QSystemTrayIcon\n"
    "app = QApplication([])\n"
    "print(QSystemTrayIcon.isSystemTrayAvailable())\n"
)


def _until(check, seconds: float, what: str, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        if proc is not None:
            try:
                proc.wait(timeout=0.1)  # paces the poll and notices a crash
            except subprocess.TimeoutExpired:
                continue
            raise SystemExit(
                f"{proc.args!r} exited with {proc.returncode} while waiting for {what}"
            )


def main() -> int:
    data_dir = Path(os.environ["CRAMPCOACH_DATA_DIR"])
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    tray = subprocess.Popen(
        ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "120"]
    )
    app: subprocess.Popen[bytes] | None = None
    try:

        def tray_ready() -> bool:
            out = subprocess.run(
                [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=30
            )
            return out.stdout.strip() == "True"

        _until(tray_ready, 30, "trayer to own the system tray selection", tray)
        app = subprocess.Popen([sys.executable, "-m", "crampcoach", *sys.argv[1:]], env=env)

        status: dict[str, object] = {}

        def docked() -> bool:
            nonlocal status
            try:
                status = ipc.send(data_dir, {"cmd": "status"})
            except ipc.IpcError:
                return False
            return status.get("tray") is not None

        _until(docked, 60, "the app's background services", app)
        if status.get("tray") is not True:
            print(f"the app did not find the tray: {status}", file=sys.stderr)
            return 1
        if "--hidden" in sys.argv[1:] and status.get("window_visible") is not False:
            print(f"a hidden start opened the main window: {status}", file=sys.stderr)
            return 1
        ipc.send(data_dir, {"cmd": "quit"})
        app.wait(timeout=30)
        return 0 if app.returncode == 0 else 1
    finally:
        for proc in (app, tray):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
