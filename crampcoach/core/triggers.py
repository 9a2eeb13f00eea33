"""apscheduler's triggers, imported without asyncio.

The reminders use only apscheduler's triggers (``CronTrigger``,
``IntervalTrigger``), never a scheduler.  Yet ``apscheduler.util``, which the
triggers import, takes ``iscoroutinefunction`` from ``asyncio`` on Python
before 3.14 (from ``inspect`` on 3.14 and later), and importing ``asyncio``
brings ``ssl``, ``socket`` servers and ``concurrent.futures``: about 6.5 MiB
of a tray app's memory for the whole day and a third of apscheduler's import
time, measured after Qt (``python -m benchmarks desktop``, its apscheduler
row).  So while the triggers are imported, and only if nothing has loaded
``asyncio`` yet, ``sys.modules`` holds a stand-in whose one name is
``inspect.iscoroutinefunction`` (what apscheduler itself uses on 3.14); the
stand-in is removed right after, so any later ``import asyncio`` gets the
real module.  apscheduler's only use of that name is for job callables,
which the triggers never see.
"""

from __future__ import annotations

import inspect
import sys
import types

_STAND_IN = types.ModuleType("asyncio", "Stand-in while apscheduler's triggers are imported.")
_STAND_IN.iscoroutinefunction = inspect.iscoroutinefunction  # type: ignore[attr-defined]
_stand_in = "asyncio" not in sys.modules
if _stand_in:
    sys.modules["asyncio"] = _STAND_IN
try:
    from apscheduler.triggers.base import BaseTrigger
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger
finally:
    if _stand_in and sys.modules.get("asyncio") is _STAND_IN:
        del sys.modules["asyncio"]

__all__ = ["BaseTrigger", "CronTrigger", "IntervalTrigger"]
