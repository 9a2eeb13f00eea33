"""Derived data the store keeps to start fast: safe to delete at any time.

``cache/sessions.json`` holds each month's latest session per routine,
believed only while the keys (inode, size, times) of every file of that
month are the ones summarised (``Store.last_sessions``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from crampcoach import paths
from crampcoach.core.events import Event, SessionEvent

SESSIONS_CACHE = "cache/sessions.json"
SESSIONS_CACHE_FORMAT = 2


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
    """The per-month session summaries; empty when absent, damaged or another format."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != SESSIONS_CACHE_FORMAT:
        return {}
    months = data.get("months")
    return months if isinstance(months, dict) else {}


def write_sessions_cache(path: Path, months: Mapping[str, Any]) -> None:
    """Replace the summary atomically; a cache that cannot be written costs only speed."""
    paths.write_cache_file(
        path, json.dumps({"format": SESSIONS_CACHE_FORMAT, "months": dict(months)})
    )
