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

``apscheduler/__init__.py`` also asks ``importlib.metadata`` for its own
version string, and that module brings ``email``, ``zipfile`` and ``csv``:
2.6 MiB of PSS for one string nobody here reads.  The same way, a stand-in
answers :func:`_version` from the package's ``*.dist-info/METADATA`` beside
it (what ``importlib.metadata`` would read), and is removed right after.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import types
from pathlib import Path


class _NotFoundError(ModuleNotFoundError):
    """What the stand-in raises when no METADATA is found (apscheduler then says 3.5.0)."""


def _version(name: str) -> str:
    """``importlib.metadata.version(name)`` for a package whose dist-info sits beside it."""
    spec = importlib.util.find_spec(name.lower())
    if spec is None or spec.origin is None:
        raise _NotFoundError(name)
    site = Path(spec.origin).parent.parent
    want = name.lower().replace("-", "_")
    for info in site.glob("*.dist-info"):
        if info.name.lower().partition("-")[0].replace("-", "_") != want:
            continue
        try:
            lines = (info / "METADATA").read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("Version:"):
                return line.partition(":")[2].strip()
    raise _NotFoundError(name)


_ASYNCIO = types.ModuleType("asyncio", "Stand-in while apscheduler's triggers are imported.")
_ASYNCIO.iscoroutinefunction = inspect.iscoroutinefunction  # type: ignore[attr-defined]
_METADATA = types.ModuleType("importlib.metadata", "Stand-in while apscheduler is imported.")
_METADATA.version = _version  # type: ignore[attr-defined]
_METADATA.PackageNotFoundError = _NotFoundError  # type: ignore[attr-defined]
_STAND_INS = {
    name: module
    for name, module in (("asyncio", _ASYNCIO), ("importlib.metadata", _METADATA))
    if name not in sys.modules
}
sys.modules.update(_STAND_INS)
try:
    from apscheduler.triggers.base import BaseTrigger
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger
finally:
    for _name, _module in _STAND_INS.items():
        if sys.modules.get(_name) is _module:
            del sys.modules[_name]

__all__ = ["BaseTrigger", "CronTrigger", "IntervalTrigger"]
