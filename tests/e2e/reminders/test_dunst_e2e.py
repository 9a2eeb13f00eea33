"""Acceptance: the real app's reminders reach dunst with their buttons, and a click acts.

Hydration: "Log a glass" logs water.  The morning check-in: "No cramps" writes
last night's answer straight from the notification.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("dunst_driver.py")
TOOLS = ("xvfb-run", "dbus-run-session", "dunst", "dunstctl", "dbus-monitor")


NEEDS_TOOLS = pytest.mark.skipif(
    not all(shutil.which(t) for t in TOOLS),
    reason=f"needs {', '.join(TOOLS)} (scripts/dev.sh installs them)",
)


def _drive(data_dir: Path, tmp_path: Path, kind: str) -> tuple[dict, str, int]:  # type: ignore[type-arg]
    """Run the driver under Xvfb and a private bus; its result, as context text, and exit status."""
    proc = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            "dbus-run-session",
            "--",
            sys.executable,
            str(DRIVER),
            str(data_dir),
            str(tmp_path),
            kind,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, (
        f"driver printed no result\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr[-3000:]}"
    )
    result = json.loads(lines[-1])
    return result, json.dumps(result, indent=1), proc.returncode


@pytest.mark.e2e
@pytest.mark.slow
@NEEDS_TOOLS
def test_hydration_notification_reaches_dunst_and_log_a_glass_records_water(
    data_dir: Path, tmp_path: Path
) -> None:
    result, context, returncode = _drive(data_dir, tmp_path, "hydration")
    # dunst received a Notify call carrying both buttons
    assert result["notify_seen"], context
    for text in ('"A glass of water?"', '"glass"', '"Log a glass"', '"snooze"', '"Snooze 10 min"'):
        assert text in result["notify_text"], context
    # with its own timeout (5 min), not the server's default that dunst cuts to 10 s
    assert "int32 300000" in result["notify_text"], context
    # with an icon every server can load: an existing PNG file (not every server loads SVG)
    icon = Path(result["app_icon"])
    assert icon.is_absolute() and icon.suffix == ".png" and icon.is_file(), context
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", context
    assert "icon" not in result["dunst_log"].lower(), context  # dunst complained of none
    # and offered them to the user (its action menu)
    assert "Log a glass" in result["dunst_menu"] and "Snooze" in result["dunst_menu"], context
    # invoking "Log a glass" through D-Bus reached the app and was recorded
    assert result["action_seen"], context
    assert result["water_ml"] == [250], context
    assert result["fates"] == ["hydration:acted", "hydration:shown"], context
    assert result["app_exit"] == 0, context
    assert returncode == 0, context


@pytest.mark.e2e
@pytest.mark.slow
@NEEDS_TOOLS
def test_morning_check_in_reaches_dunst_and_no_cramps_answers_last_night(
    data_dir: Path, tmp_path: Path
) -> None:
    result, context, returncode = _drive(data_dir, tmp_path, "checkin")
    assert result["notify_seen"], context
    for text in ('"How was last night?"', '"No cramps"', '"Had cramps…"', '"Don\'t remember"'):
        assert text in result["notify_text"], context
    assert "int32 14400000" in result["notify_text"], context  # it stays the morning
    assert "Snooze" not in result["dunst_menu"], context
    assert result["action_seen"], context
    (night,) = result["nights"]
    assert night[1] == 0, context  # "No cramps", written from the notification alone
    assert result["fates"] == ["checkin:acted", "checkin:shown"], context
    assert result["app_exit"] == 0, context
    assert returncode == 0, context
