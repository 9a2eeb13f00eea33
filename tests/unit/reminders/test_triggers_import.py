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


METADATA_CODE = """
import sys
import crampcoach.core.triggers
import apscheduler
print("importlib.metadata" in sys.modules, "email" in sys.modules)
print(apscheduler.__version__)
import importlib.metadata
print(importlib.metadata.version("apscheduler"))
"""


def test_apscheduler_knows_its_version_without_importlib_metadata_which_still_works_after() -> None:
    out = subprocess.run(
        [sys.executable, "-c", METADATA_CODE], capture_output=True, text=True, check=True
    ).stdout.split()
    # The stand-in read the same version the real importlib.metadata reads after it.
    assert out[:2] == ["False", "False"]
    assert out[2] == out[3] and out[2] != "3.5.0"  # 3.5.0: apscheduler's not-found fallback
