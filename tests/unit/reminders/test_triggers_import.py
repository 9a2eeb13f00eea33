"""apscheduler's triggers come without asyncio, and asyncio still works after."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from datetime import datetime, timezone
import crampcoach.core.reminders
from crampcoach.core.triggers import CronTrigger
print("asyncio" in sys.modules, "ssl" in sys.modules)
t = CronTrigger(hour=22, minute=30, timezone=timezone.utc)
print(t.get_next_fire_time(None, datetime(2026, 1, 1, tzinfo=timezone.utc)).isoformat())
import asyncio
print(asyncio.run(asyncio.sleep(0, result="real")))
"""


def test_triggers_without_asyncio_then_the_real_one() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False", "2026-01-01T22:30:00+00:00", "real"]
