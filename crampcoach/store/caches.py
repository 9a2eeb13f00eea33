"""Derived data the store keeps to start fast: safe to delete at any time.

``$XDG_CACHE_HOME/crampcoach/sessions.json`` (:func:`crampcoach.paths.cache_dir`,
the folder of the library cache) holds months' latest session per routine,
each believed only while the names and contents (:func:`crampcoach.paths.content_key`)
of all that month's files are the ones summarised (``Store.last_sessions``).
Content, not inode and times: a copied or moved data folder still hits it,
and two data folders on one computer each find their own summaries (a month
keeps up to :data:`ENTRIES_PER_MONTH` of them) and never another's.  Nothing
of it is in the data folder, so a file-sync tool never carries it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from crampcoach import paths
from crampcoach.core.events import Event, SessionEvent

SESSIONS_CACHE = "sessions.json"
SESSIONS_CACHE_FORMAT = 3
#: Summaries kept per month, newest first: a few data folders (or a copy) side by side.
ENTRIES_PER_MONTH = 4


def sessions_cache_path() -> Path:
    """Where the summary lives: per user and computer, not in the data folder."""
    return paths.cache_dir() / SESSIONS_CACHE


def latest_sessions(events: Iterable[Event]) -> dict[str, datetime]:
    """Each routine's latest session among ``events``."""
    latest: dict[str, datetime] = {}
    for ev in events:
        if isinstance(ev, SessionEvent):
            rid = ev.routine_id
            if rid not in latest or ev.at > latest[rid]:
                latest[rid] = ev.at
    return latest


def decode_latest(raw: object) -> dict[str, datetime] | None:
    """A cached month summary, or None if it is damaged."""
    if not isinstance(raw, dict):
        return None
    try:
        out = {str(rid): datetime.fromisoformat(at) for rid, at in raw.items()}
    except (TypeError, ValueError):
        return None
    if any(at.tzinfo is None for at in out.values()):
        return None
    return out


def encode_latest(latest: Mapping[str, datetime]) -> dict[str, str]:
    """A month summary as JSON."""
    return {rid: at.isoformat() for rid, at in latest.items()}


def read_sessions_cache(path: Path) -> dict[str, Any]:
    """Each month's summaries (a list); empty when absent, damaged or another format."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != SESSIONS_CACHE_FORMAT:
        return {}
    months = data.get("months")
    if not isinstance(months, dict):
        return {}
    return {p: entries for p, entries in months.items() if isinstance(entries, list)}


def find(cached: Mapping[str, Any], period: str, key: object) -> dict[str, datetime] | None:
    """The month's summary stored for exactly ``key`` (names and contents), else None."""
    for entry in cached.get(period, ()):
        if isinstance(entry, dict) and entry.get("key") == key:
            return decode_latest(entry.get("last"))
    return None


def with_summary(
    cached: Mapping[str, Any], period: str, key: object, latest: Mapping[str, datetime]
) -> list[Any]:
    """The month's summaries with this one first (any older one for ``key`` replaced)."""
    others = [e for e in cached.get(period, ()) if isinstance(e, dict) and e.get("key") != key]
    return [{"key": key, "last": encode_latest(latest)}, *others][:ENTRIES_PER_MONTH]


def write_sessions_cache(path: Path, months: Mapping[str, Any]) -> None:
    """Replace the summary atomically; a cache that cannot be written costs only speed."""
    paths.write_cache_file(
        path, json.dumps({"format": SESSIONS_CACHE_FORMAT, "months": dict(months)})
    )
