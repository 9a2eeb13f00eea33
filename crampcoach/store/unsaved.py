"""Entries that could not be saved when the writer closed (a full disk): kept elsewhere, saved next time.

``keep`` writes them as JSON to the first place that takes the file — this
computer's own device folder, ``$XDG_STATE_HOME/crampcoach``, then the user's private
runtime folder — under a name made from the data folder, so two data
folders never share one.  The next writer to open that data folder calls
``take``: it reads every such file back, and the store adds the entries (an
id already stored is a no-op, so nothing is doubled) before removing the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from datetime import tzinfo
from pathlib import Path
from typing import Any

from crampcoach.core.events import (
    CrampEvent,
    Event,
    NightEvent,
    ReminderEvent,
    SessionEvent,
    SkipEvent,
    TrialEvent,
    WaterEvent,
)
from crampcoach.store.storage import atomic_write_bytes

_FORMAT = 1


def _name(data_dir: Path) -> str:
    raw = os.fsencode(Path(data_dir).expanduser().resolve())
    return f"unsaved-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.json"


#: At most this many entries are named one by one in a message; the rest are counted.
SHOWN = 5


def describe(event: Event, tz: tzinfo) -> str:
    """One entry in plain words, e.g. ``250 ml of water at 2026-12-01 23:40``."""
    if isinstance(event, SessionEvent):
        what = f"the session {event.routine_id} ({'done' if event.completed else 'stopped early'})"
    elif isinstance(event, WaterEvent):
        what = f"{event.ml} ml of water"
    elif isinstance(event, CrampEvent):
        what = f"a cramp ({event.leg.value} {event.muscle.value}, {event.severity}/10)"
    elif isinstance(event, ReminderEvent):
        what = f"the {event.reminder.value} reminder ({event.fate.value})"
    elif isinstance(event, SkipEvent):
        what = f"skipping {event.item} on {event.day.isoformat()}"
    elif isinstance(event, NightEvent):
        what = f"the check-in for the night of {event.night.isoformat()}"
    elif isinstance(event, TrialEvent):
        what = f"the trial {event.action}"
    else:
        what = f"a {event.type.value} entry"
    return f"{what} at {event.at.astimezone(tz):%Y-%m-%d %H:%M}"


def listing(events: list[Event], tz: tzinfo) -> str:
    """The entries named one by one (the first :data:`SHOWN`, then a count)."""
    named = [describe(ev, tz) for ev in events[:SHOWN]]
    if len(events) > SHOWN:
        named.append(f"and {len(events) - SHOWN} more")
    return "; ".join(named)


def places(data_dir: Path) -> list[Path]:
    """Where unsaved entries of ``data_dir`` may be kept, in the order they are tried."""
    out = [Path(data_dir) / "unsaved.json"]
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    out.append(Path(state) / "crampcoach" / _name(data_dir))
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        out.append(Path(runtime) / "crampcoach" / _name(data_dir))
    return out


def keep(data_dir: Path, entries: list[dict[str, Any]]) -> Path | None:
    """Write ``entries`` to the first place that takes them; None if none did."""
    data = json.dumps({"format": _FORMAT, "entries": entries}, ensure_ascii=True).encode()
    for path in places(data_dir):
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if path.exists():  # an earlier quit kept some too: keep both
                with contextlib.suppress(OSError, ValueError):
                    earlier = read(path)
                    data = json.dumps(
                        {"format": _FORMAT, "entries": earlier + entries}, ensure_ascii=True
                    ).encode()
            atomic_write_bytes(path, data)
        except OSError:
            continue
        return path
    return None


def read(path: Path) -> list[dict[str, Any]]:
    """The entries in one kept file (ValueError if it is not one)."""
    raw = json.loads(path.read_bytes())
    if not isinstance(raw, dict) or raw.get("format") != _FORMAT:
        raise ValueError("not a file of unsaved entries")
    entries = raw.get("entries")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError("not a file of unsaved entries")
    return entries


def found(data_dir: Path) -> list[Path]:
    """The kept files of ``data_dir`` that exist."""
    return [p for p in places(data_dir) if p.is_file()]
