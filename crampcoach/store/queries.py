"""Reading the log: one event, a time span, a range of local days, the latest sessions.

Writes not saved yet (a full disk) are overlaid on the files, so what is read
is what the user entered.  Months not read yet are looked at as bytes first
(an id, a type's name) so a query does not parse ten years of history.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Collection
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from crampcoach import paths
from crampcoach.core.events import Event, EventType, event_from_dict, local_day
from crampcoach.core.sync import Record, period_of
from crampcoach.store import caches, files
from crampcoach.store.folder import Folder
from crampcoach.store.months import Month, file_key

_ID_BYTES = re.compile(rb'"id":"((?:[^"\\]|\\.)*)"')


class Queries(Folder):
    """The reading half of ``Store``."""

    @property
    def pending(self) -> list[Event]:
        """Events added or updated but not yet saved because a write failed."""
        with self._mutex:
            return [ev for rec in self._pending.values() if (ev := event_of(rec)) is not None]

    def get(self, event_id: str) -> Event | None:
        """The event with this id, or None (reads older months until found)."""
        with self._mutex:
            self._check_open()
            if event_id in self._pending:
                return event_of(self._pending[event_id])
            for month in list(self._months.values()):
                if event_id in month.top and self._shows(month, event_id):
                    return month.event(event_id)
            # Not in a loaded month.  Parsing ten years of months to learn that
            # an id is new would take seconds, so look for its bytes first and
            # read only a month that has them (quotes inside text are escaped
            # in the file, so a note quoting an id does not match).
            needle = b'"id":' + json.dumps(event_id).encode("ascii")
            for period in reversed(self._periods()):
                if period in self._months:
                    continue
                if not any(_has_bytes(p, needle) for p in self._month_paths(period)):
                    continue
                month = self._month(period)
                if event_id in month.top and self._shows(month, event_id):
                    return month.event(event_id)
            return None

    def events(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        types: Collection[EventType] | None = None,
    ) -> list[Event]:
        """Events with ``start <= at < end`` (either bound optional), sorted by time."""
        lo = None if start is None else _require_aware(start, "start")
        hi = None if end is None else _require_aware(end, "end")
        wanted = None if types is None else {EventType(t) for t in types}
        with self._mutex:
            self._check_open()
            found: dict[str, Event] = {}
            for period in self._periods_within(start, end):
                if wanted is not None and not self._may_hold(period, wanted):
                    continue
                month = self._month(period)
                names = None if wanted is None else {kind.value for kind in wanted}
                for eid in month.between(lo, hi, names):
                    ev = self._shown_event(month, eid)
                    if ev is not None and (wanted is None or ev.type in wanted):
                        found[eid] = ev
            self._overlay_pending(found, lo, hi, wanted)
        return sorted(found.values(), key=lambda e: (e.at.timestamp(), e.id))

    def _may_hold(self, period: str, wanted: Collection[EventType]) -> bool:
        """Whether a month not read yet can hold an event of ``wanted`` types.

        A query by type (the latest trial, say) would otherwise parse, check and
        keep every month of ten years for the life of the process; a file whose
        bytes never name the type (as a JSON string) holds none of its events.
        The answer is kept while the files' keys (inode, size, times) stay the
        same, so a window that asks again (the review at each refresh) only
        looks at the files' metadata.
        """
        if period in self._months:
            return True
        paths = self._month_paths(period)
        keys = [file_key(p) for p in paths]
        found = False
        for kind in wanted:
            known = self._named.get((period, kind))
            if known is None or known[0] != keys:
                needle = b'"' + kind.value.encode() + b'"'
                known = (keys, any(_has_bytes(p, needle) for p in paths))
                self._named[(period, kind)] = known
            found = found or known[1]
        return found

    def _periods_within(self, start: datetime | None, end: datetime | None) -> list[str]:
        """The months with files that can hold events between ``start`` and ``end``."""
        first = None if start is None else period_of(start)
        last = None if end is None else period_of(end)
        return [
            period
            for period in self._periods()
            if not ((first and period < first) or (last and period > last))
        ]

    def _shown_event(self, month: Month, eid: str) -> Event | None:
        """The event of a candidate in the month's index, if it shows there."""
        if month.top[eid].multi and not self._shows(month, eid):
            return None
        return month.event(eid)

    def _overlay_pending(
        self,
        found: dict[str, Event],
        lo: float | None,
        hi: float | None,
        wanted: set[EventType] | None,
    ) -> None:
        """Writes not saved yet win over the files (a pending tombstone hides the entry)."""
        for eid, rec in self._pending.items():
            found.pop(eid, None)
            pending = event_of(rec)
            if pending is None or (wanted is not None and pending.type not in wanted):
                continue
            ts = pending.at.timestamp()
            if (lo is None or ts >= lo) and (hi is None or ts < hi):
                found[eid] = pending

    def last_sessions(self, since: datetime) -> dict[str, datetime]:
        """Each routine's latest session at or after ``since``, by routine id.

        What the main window's "last done" asks at every start.  A month not
        loaded yet is answered from the sessions cache (``caches.py``, in
        ``$XDG_CACHE_HOME``) while the names and contents of all its files
        are the ones summarised; any change to a file is a miss and that month
        is read as usual.  A start therefore reads the current month and only
        checksums the rest of the year.
        """
        lo = _require_aware(since, "since")
        with self._mutex:
            self._check_open()
            if self._pending:
                return caches.latest_sessions(self.events(start=since, types=[EventType.SESSION]))
            cache_file = caches.sessions_cache_path()
            cached = caches.read_sessions_cache(cache_file)
            fresh: dict[str, Any] = {}
            latest: dict[str, datetime] = {}
            for period in self._periods_within(since, None):
                for rid, at in self._month_latest(period, cached, fresh).items():
                    if at.timestamp() >= lo and (rid not in latest or at > latest[rid]):
                        latest[rid] = at
            if fresh and not self.read_only:
                caches.write_sessions_cache(cache_file, {**cached, **fresh})
        return latest

    def _content_key(self, period: str) -> list[list[Any]]:
        """The month's files by name (relative to the data folder) and content."""
        out: list[list[Any]] = []
        for path in sorted(self._month_paths(period)):
            content = paths.content_key(path)
            if content is not None:  # absent: a month only another computer has
                out.append([path.relative_to(self.data_dir).as_posix(), content])
        return out

    def _month_latest(
        self, period: str, cached: dict[str, Any], fresh: dict[str, Any]
    ) -> dict[str, datetime]:
        """One month's latest session per routine: from the cache while it matches the files.

        A month read from its files is summarised into ``fresh`` only when
        every file was read whole (none damaged or left for the next look),
        none changed while it was read, and it has no entry that lived in
        other months (whether those show depends on other months' files).
        """
        key = None
        if period not in self._months:
            key = self._content_key(period)
            found = caches.find(cached, period, key)
            if found is not None:
                return found
        month = self._month(period)
        sessions = month.between(None, None, (EventType.SESSION.value,))
        shown = (self._shown_event(month, eid) for eid in sessions)
        month_latest = caches.latest_sessions(ev for ev in shown if ev is not None)
        if key is not None and self._summarisable(month, key):
            fresh[period] = caches.with_summary(cached, period, key, month_latest)
        return month_latest

    def _summarisable(self, month: Month, key: list[list[Any]]) -> bool:
        read = {p.relative_to(self.data_dir).as_posix() for p in month.files}
        return (
            all(name in read for name, _content in key)
            and not any(top.multi for top in month.top.values())
            and self._content_key(month.period) == key
        )

    def events_for_days(
        self,
        start_day: date,
        end_day: date,
        tz: tzinfo,
        boundary: time = time(4, 0),
        types: Collection[EventType] | None = None,
    ) -> list[Event]:
        """Events whose ``local_day`` is within ``start_day``..``end_day`` (inclusive).

        Queries a day more on each side and filters with ``local_day``, so
        daylight-saving days (23 or 25 hours) and any boundary are exact.
        """
        lo = datetime.combine(start_day - timedelta(days=1), time(0), tzinfo=tz)
        hi = datetime.combine(end_day + timedelta(days=2), time(0), tzinfo=tz)
        return [
            ev
            for ev in self.events(lo, hi, types)
            if start_day <= local_day(ev.at, tz, boundary) <= end_day
        ]

    def events_by_day(
        self,
        start_day: date,
        end_day: date,
        tz: tzinfo,
        boundary: time = time(4, 0),
        types: Collection[EventType] | None = None,
    ) -> dict[date, list[Event]]:
        """Like ``events_for_days``, grouped: every day in the range is a key (maybe empty)."""
        out: dict[date, list[Event]] = {
            start_day + timedelta(days=n): [] for n in range((end_day - start_day).days + 1)
        }
        for ev in self.events_for_days(start_day, end_day, tz, boundary, types):
            out[local_day(ev.at, tz, boundary)].append(ev)
        return out

    def all_ids(self) -> set[str]:
        """Every id with a record in any computer's files (found in the bytes, not parsed)."""
        with self._mutex:
            found: set[str] = set()
            for period in self._periods():
                month = self._months.get(period)
                if month is not None:
                    found.update(month.top)
                    continue
                for path in self._month_paths(period):
                    with contextlib.suppress(OSError):
                        for m in _ID_BYTES.finditer(path.read_bytes()):
                            found.add(json.loads(b'"' + m.group(1) + b'"'))
            found.update(self._pending)
            return found


def _require_aware(at: datetime, what: str) -> float:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {at.isoformat()}")
    return at.timestamp()


def event_of(rec: Record) -> Event | None:
    """The event a record holds, or None for a deletion."""
    if rec.deleted:
        return None
    return event_from_dict(dict(rec.doc))


def _has_bytes(path: Path, needle: bytes) -> bool:
    try:
        return needle in path.read_bytes()
    except FileNotFoundError:
        return path.name.startswith("events-") and bool(files.backups_of(path))
    except OSError:
        return True  # reading it properly reports the problem
