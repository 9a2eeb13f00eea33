"""Runs inside ``xvfb-run dbus-run-session``: dunst, the real app, one reminder, a click.

Usage: ``python dunst_driver.py DATA_DIR WORK_DIR [KIND]``: KIND ``hydration``
(the default; the click is "Log a glass") or ``checkin`` (the morning
check-in; the click is "No cramps").  Prints one JSON line
with what it saw; exits non-zero on a timeout.  Every wait is on an event
with a deadline (a line from dbus-monitor) or a blocking round trip (a D-Bus
or IPC call), never a sleep.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

DATA, WORK = Path(sys.argv[1]), Path(sys.argv[2])
KIND = sys.argv[3] if len(sys.argv) > 3 else "hydration"
#: the button the user picks in dunst's menu, per kind
PICK = {"hydration": "Log a glass", "checkin": "No cramps"}[KIND]
DEADLINE_S = 60.0


class Monitor:
    """``dbus-monitor`` on the notification interface, its output drained by a thread.

    The pipe must be read all the time: a full pipe stalls dbus-monitor, and a
    stalled monitor connection made dunst stop answering D-Bus calls here.
    """

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications'"],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                self.lines.append(line)
                self._cond.notify_all()

    def wait_for(self, want: str, deadline: float) -> bool:
        """Block until a line containing ``want`` was printed, or the deadline."""
        with self._cond:
            return self._cond.wait_for(
                lambda: any(want in line for line in self.lines),
                timeout=max(0.0, deadline - time.monotonic()),
            )

    def text(self) -> str:
        with self._cond:
            return "".join(self.lines)


def _read_back(deadline: float) -> dict[str, object]:
    """What the click wrote: water, nights and reminder fates, once the app has written it."""
    from crampcoach import ipc
    from crampcoach.core.clock import SystemClock
    from crampcoach.core.events import EventType, NightEvent, ReminderEvent, WaterEvent
    from crampcoach.store import Store

    water: list[int] = []
    nights: list[list[object]] = []
    fates: list[str] = []
    while time.monotonic() < deadline and not (water or nights):
        ipc.send(DATA, {"cmd": "status"}, timeout=5)
        with Store.open(DATA, clock=SystemClock(), read_only=True) as store:
            events = store.events(types=[EventType.WATER, EventType.NIGHT, EventType.REMINDER])
        water = [e.ml for e in events if isinstance(e, WaterEvent)]
        nights = [[e.night.isoformat(), e.cramps] for e in events if isinstance(e, NightEvent)]
        fates = [
            f"{e.reminder.value}:{e.fate.value}" for e in events if isinstance(e, ReminderEvent)
        ]
    return {"water_ml": water, "nights": nights, "fates": sorted(fates)}


def main() -> int:
    deadline = time.monotonic() + DEADLINE_S
    picker = WORK / "pick.sh"
    menu_copy = WORK / "dunst-menu.txt"
    # dunst offers a notification's actions through its "dmenu" command: this
    # one records the menu it was given and picks the answer, as a user would.
    picker.write_text(f'#!/bin/sh\ntee {menu_copy} | grep -m1 "{PICK}"\n')
    picker.chmod(0o755)
    (WORK / "dunstrc").write_text(f"[global]\n    dmenu = {picker}\n")
    monitor = Monitor()
    # dbus-monitor prints its own NameAcquired signal first: it is listening.
    monitor.wait_for("NameAcquired", deadline)
    dunst = subprocess.Popen(
        ["dunst", "-config", str(WORK / "dunstrc")],
        stdin=subprocess.DEVNULL,
        stdout=(WORK / "dunst.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    # Wait until our dunst owns the notification name.  Asking anything of
    # org.freedesktop.Notifications before that would make the bus start a
    # second dunst through its activation file (default config, no picker),
    # and whichever dunst won the race would serve the test.  NameHasOwner
    # asks the bus itself and activates nothing.
    owned = False
    while time.monotonic() < deadline and not owned:
        probe = subprocess.run(
            [
                "dbus-send", "--session", "--print-reply=literal",
                "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.Notifications",
            ],
            capture_output=True, text=True, timeout=10,
        )  # fmt: skip
        owned = "true" in probe.stdout
    result_owned = owned
    # Only the test reminder: no real bedtime/review/hydration time of day
    # may add a second notification to the screen.
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from crampcoach.core.clock import SystemClock
    from crampcoach.store import Store

    with Store.open(DATA, clock=SystemClock()) as store:
        for key in ("bedtime_reminder", "hydration_reminder", "review_reminder", "morning_checkin"):
            store.set_setting(key, False)
    env = dict(os.environ)
    env.update(
        CRAMPCOACH_DATA_DIR=str(DATA),
        CRAMPCOACH_DEBUG_REMINDER=f"{KIND}:3",
        QT_QPA_PLATFORM="xcb",
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "crampcoach"],
        env=env,
        stdout=(WORK / "app.out").open("w"),
        stderr=subprocess.STDOUT,
    )
    result: dict[str, object] = {"dunst_owns_name": result_owned}
    try:
        # The app shows the reminder 3 s after start; wait (round trips through
        # dunst's D-Bus interface, no sleep) until dunst has it on screen.
        shown = False
        while time.monotonic() < deadline and not shown:
            count = subprocess.run(
                ["dunstctl", "count", "displayed"], capture_output=True, text=True, timeout=10
            )
            shown = count.stdout.strip() not in ("", "0")
        result["dunst_displayed"] = shown
        result["notify_seen"] = monitor.wait_for(PICK, deadline)
        # Invoke its action through dunst's D-Bus interface: dunstctl action 0 =
        # org.dunstproject.cmd0.NotificationAction(0); with several actions
        # dunst opens its menu and the picker chooses "Log a glass".  Repeated
        # in case the first call raced the drawing of the notification.
        result["action_seen"] = False
        while time.monotonic() < deadline and not result["action_seen"]:
            subprocess.run(["dunstctl", "action", "0"], check=True, timeout=10)
            result["action_seen"] = monitor.wait_for(
                "ActionInvoked", min(deadline, time.monotonic() + 1.0)
            )
        # the bus traffic so far: the Notify call's whole body (summary, actions)
        result["notify_text"] = monitor.text()
        result["dunst_menu"] = menu_copy.read_text() if menu_copy.exists() else ""
        # The app writes the glass while handling the signal; ask it until the
        # read-only store sees it (each 'status' is a round trip through the
        # app's event loop, which has then handled what the bus delivered).
        from crampcoach import ipc

        result.update(_read_back(deadline))
        ipc.send(DATA, {"cmd": "quit"}, timeout=5)
        result["app_exit"] = app.wait(timeout=20)
    finally:
        result["dunst_alive_at_end"] = dunst.poll() is None
        for proc in (app, dunst, monitor.proc):
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)
    result["app_output"] = (WORK / "app.out").read_text()[-2000:]
    result["dunst_log"] = (WORK / "dunst.log").read_text()[-2000:]
    # Notify's app_icon (its third string): the icon every server is given.
    icons = re.findall(r'string "([^"]*/crampcoach[^"]*)"', str(result.get("notify_text", "")))
    result["app_icon"] = icons[0] if icons else ""
    print(json.dumps(result))
    return 0 if result.get("water_ml") or result.get("nights") else 1


if __name__ == "__main__":
    if not shutil.which("dunst"):
        sys.exit("dunst is not installed")
    sys.exit(main())
