"""The adherence log: events and settings in crash-safe TinyDB files.

Layout of the data folder::

    store.lock                  the single-writer lock (holds the owner's pid)
    settings.json               the user's settings (one small TinyDB file)
    events-2026-11.json         the events whose time falls in that UTC month
    backups/<file>.<YYYY-MM-DD> one copy per file per day: the last 7 days,
                                and always each file's 2 newest (see files.py)
    <file>.corrupt-<stamp>      a damaged file moved aside (never deleted)
    $XDG_CACHE_HOME/crampcoach/sessions.json
                                derived, safe to delete: each month's latest
                                session per routine (``last_sessions``)

Files are created 0600 (health data) and every write replaces a whole file
atomically (see ``storage.py``).

Why one file per month: every change rewrites its whole file (that is what
makes it atomic), so the cost of a write is the size of that file, not of the
history.  A year file at ~25 events a day is ~9,000 entries and ~1.3 MB; a
month is ~750 entries (~110 kB), cheap enough to rewrite on every entry
(``benchmarks/README.md``).  Months are UTC months so an event's file never
depends on the zone the computer was in.  At open only the
current month and the settings are read; other months are read (and checked)
the first time a query reaches them, and quickly sanity-checked (non-empty,
``{`` ... ``}``) at open so a cut-short file is reported straight away.

One process writes (``Store.open`` takes the lock).  ``Store.open(...,
read_only=True)`` takes no lock, never writes, and reads only committed files
(every write is an atomic rename), so export and review can run beside the app;
it is a snapshot of each file as first read.  A damaged file seen read-only is
not moved (the writer owns the folder): the newest good backup is shown instead
and the writer repairs the file at its next open.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import json
import os
import re
import threading
from collections.abc import Collection, Iterable, Mapping, MutableMapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from tinydb import TinyDB
from tinydb.table import Document, Table

from crampcoach import paths
from crampcoach.core import settings as settings_table
from crampcoach.core.clock import Clock, SystemClock
from crampcoach.core.events import Event, EventType, SessionEvent, event_from_dict, local_day
from crampcoach.core.journal import check_event
from crampcoach.store import files
from crampcoach.store import storage as _storage
from crampcoach.store.errors import (
    CorruptFileError,
    StoreError,
    StoreReadOnlyError,
    StoreWriteError,
)
from crampcoach.store.lock import StoreLock
from crampcoach.store.storage import (
    AtomicJSONStorage,
    Tables,
    atomic_write_bytes,
    decode,
    encode,
    migrate,
)

SETTINGS_FILE = "settings.json"
#: Marks an entry whose event is being moved to another month's file (see ``_commit``).
MOVING = "_moving_to"
EVENTS_TABLE = "events"
SETTINGS_TABLE = "settings"
_EVENT_FILE = re.compile(r"^events-(\d{4}-\d{2})\.json$")
_EVENT_BACKUP = re.compile(r"^events-(\d{4}-\d{2})\.json\.\d{4}-\d{2}-\d{2}$")
_SETTINGS_DOC = 1
#: Derived data only (see ``Store.last_sessions``): safe to delete at any time.
SESSIONS_CACHE = "sessions.json"  # in paths.cache_dir(), not the data folder
SESSIONS_CACHE_FORMAT = 2  # 2: keyed on each month file's content


def period_of(at: datetime) -> str:
    """The ``YYYY-MM`` (UTC) month file an event time belongs to."""
    return at.astimezone(UTC).strftime("%Y-%m")


def _period_of_file(path: Path) -> str:
    m = _EVENT_FILE.match(path.name)
    return m.group(1) if m else ""


def event_file_name(period: str) -> str:
    """The file name of a month's events."""
    return f"events-{period}.json"


def _require_aware(at: datetime, what: str) -> float:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {at.isoformat()}")
    return at.timestamp()


def _write_error(path: Path, exc: OSError) -> StoreWriteError:
    advice = {
        errno.ENOSPC: "the disk is full: free some space",
        errno.EDQUOT: "your disk quota is used up: free some space",
        errno.EROFS: "the disk is read-only: check that it is mounted for writing",
        errno.EACCES: f"no permission to write in {path.parent}: check its owner and rights",
        errno.EPERM: f"no permission to write in {path.parent}: check its owner and rights",
    }.get(exc.errno or 0, "check the disk")
    reason = exc.strerror or str(exc)
    return StoreWriteError(
        f"could not save to {path} ({reason}); {advice}. The entry is kept in memory "
        "and saved with the next change or retry; what was saved before is intact.",
        exc.errno,
    )


def _storage_of(db: TinyDB) -> AtomicJSONStorage:
    storage = db.storage
    assert isinstance(storage, AtomicJSONStorage)
    return storage


def _keep_latest(latest: dict[str, datetime], rid: str, at: datetime) -> None:
    if rid not in latest or at > latest[rid]:
        latest[rid] = at


def _latest_sessions(events: Iterable[Event]) -> dict[str, datetime]:
    latest: dict[str, datetime] = {}
    for ev in events:
        if isinstance(ev, SessionEvent):
            rid = ev.routine_id
            if rid not in latest or ev.at > latest[rid]:
                latest[rid] = ev.at
    return latest


def sessions_cache_path() -> Path:
    """Where the per-month session summaries are kept (per user and computer)."""
    return paths.cache_dir() / SESSIONS_CACHE


def _file_key(path: Path) -> list[int] | None:
    """What the summary of a month file is believed for: the file's content.

    Reading and checksumming a month file (~110 kB) is a small part of
    parsing it, and unlike its inode and times it survives a copy or a sync.
    """
    return paths.content_key(path)


def _decode_latest(raw: object) -> dict[str, datetime] | None:
    if not isinstance(raw, dict):
        return None
    try:
        out = {str(rid): datetime.fromisoformat(at) for rid, at in raw.items()}
    except (TypeError, ValueError):
        return None
    if any(at.tzinfo is None for at in out.values()):
        return None
    return out


def _read_sessions_cache(path: Path) -> dict[str, Any]:
    """The per-month session summaries; empty when absent, damaged or another format."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != SESSIONS_CACHE_FORMAT:
        return {}
    months = data.get("months")
    return months if isinstance(months, dict) else {}


def _write_sessions_cache(path: Path, months: Mapping[str, Any]) -> None:
    """Replace the summary atomically; a cache that cannot be written costs only speed."""
    paths.write_cache_file(
        path, json.dumps({"format": SESSIONS_CACHE_FORMAT, "months": dict(months)})
    )


class _EventFile:
    """One loaded month: its TinyDB table and an index sorted by time."""

    def __init__(self, path: Path, tables: Tables, read_only: bool) -> None:
        self.path = path
        self.db = TinyDB(path, tables, read_only, storage=AtomicJSONStorage)
        self.storage = _storage_of(self.db)
        # No query cache: the store keeps its own index and parsed events.
        self.table: Table = self.db.table(EVENTS_TABLE, cache_size=0)
        self.doc_ids: dict[str, int] = {}
        self.ts: dict[str, float] = {}
        self.index: list[tuple[float, str]] = []
        self.parsed: dict[str, Event] = {}
        self.moving: dict[str, str] = {}  # id -> the month it is being moved to
        self.unreadable = 0
        for doc_id, doc in tables.get(EVENTS_TABLE, {}).items():
            try:
                eid = doc["id"]
                at = datetime.fromisoformat(doc["at"])
                ts = _require_aware(at, "time")
                if not isinstance(eid, str) or eid in self.doc_ids:
                    raise ValueError(eid)
                number = int(doc_id)
            except (KeyError, TypeError, ValueError):
                self.unreadable += 1
                continue
            self.doc_ids[eid] = number
            self.ts[eid] = ts
            self.index.append((ts, eid))
            if isinstance(doc.get(MOVING), str):
                self.moving[eid] = doc[MOVING]
        self.index.sort()

    def mark_moving(self, eid: str, period: str) -> None:
        """Durably mark the entry as being moved to ``period`` (raises OSError)."""

        def mark(stored: MutableMapping[Any, Any]) -> None:
            stored[MOVING] = period

        self.table.update(mark, doc_ids=[self.doc_ids[eid]])
        self.moving[eid] = period

    def forget(self, eid: str) -> None:
        """Hide an entry from queries without touching the file (a stale moved copy)."""
        del self.doc_ids[eid]
        self.index.remove((self.ts.pop(eid), eid))
        self.parsed.pop(eid, None)
        self.moving.pop(eid, None)

    def event(self, eid: str) -> Event | None:
        """The parsed event (parsed lazily, then cached); None if its entry is unreadable."""
        cached = self.parsed.get(eid)
        if cached is not None:
            return cached
        doc = self.storage.peek()[EVENTS_TABLE][str(self.doc_ids[eid])]
        try:
            ev = event_from_dict(doc)
        except (KeyError, TypeError, ValueError):
            return None
        self.parsed[eid] = ev
        return ev

    def between(self, start: float | None, end: float | None) -> list[str]:
        """Ids of entries with start <= time < end, in time order."""
        lo = 0 if start is None else bisect.bisect_left(self.index, (start,))
        hi = len(self.index) if end is None else bisect.bisect_left(self.index, (end,))
        return [eid for _ts, eid in self.index[lo:hi]]

    def put(self, event: Event) -> None:
        """Insert or replace ``event`` durably (raises OSError, leaving all as it was)."""
        doc = event.to_dict()
        eid = event.id
        ts = event.at.timestamp()
        if eid in self.doc_ids:

            def replace(stored: MutableMapping[Any, Any]) -> None:
                stored.clear()
                stored.update(doc)

            self.table.update(replace, doc_ids=[self.doc_ids[eid]])
            self.index.remove((self.ts[eid], eid))
        else:
            self.doc_ids[eid] = self.table.insert(doc)
        self.ts[eid] = ts
        bisect.insort(self.index, (ts, eid))
        self.parsed[eid] = event
        self.moving.pop(eid, None)

    def put_many(self, events: list[Event]) -> None:
        """Insert new events with one write (raises OSError, leaving all as it was)."""
        doc_ids = self.table.insert_multiple(ev.to_dict() for ev in events)
        for ev, doc_id in zip(events, doc_ids, strict=True):
            ts = ev.at.timestamp()
            self.doc_ids[ev.id] = doc_id
            self.ts[ev.id] = ts
            self.index.append((ts, ev.id))
            self.parsed[ev.id] = ev
        self.index.sort()

    def remove(self, eid: str) -> None:
        """Remove the entry durably (raises OSError, leaving all as it was)."""
        self.table.remove(doc_ids=[self.doc_ids[eid]])
        self.forget(eid)


class Store:
    """The adherence log.  Open with ``Store.open``; see the module docstring."""

    def __init__(self, folder: Path, *, read_only: bool, clock: Clock) -> None:
        """Use ``Store.open``."""
        self.data_dir = folder
        self.read_only = read_only
        self.recovery: list[str] = []
        self._clock = clock
        self._lock = StoreLock(folder)
        self._mutex = threading.RLock()
        self._closed = False
        self._months: dict[str, _EventFile] = {}
        self._settings_db: TinyDB | None = None
        self._pending: dict[str, Event | None] = {}
        self._pending_settings: dict[str, Any] = {}
        self._backed_up: set[tuple[str, date]] = set()
        self._written: set[Path] = set()

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        read_only: bool = False,
        clock: Clock | None = None,
        lock_timeout: float = 0.0,
    ) -> Store:
        """Open the log in ``data_dir``.

        A writer takes the lock (StoreLockedError with ``.pid`` if another
        process has it, after polling up to ``lock_timeout`` seconds), removes
        leftover temp files, recovers damaged files and makes today's backups.
        ``store.recovery`` then says in plain words what was repaired.
        """
        folder = Path(data_dir)
        store = cls(folder, read_only=read_only, clock=clock or SystemClock())
        try:
            if not read_only:
                folder.mkdir(parents=True, exist_ok=True)
                store._lock.acquire(lock_timeout)
            store._open()
        except OSError as exc:
            store._lock.release()
            where = exc.filename or folder
            raise StoreError(
                f"cannot open the log in {folder}: {exc.strerror or exc} ({where})"
            ) from exc
        except BaseException:
            store._lock.release()
            raise
        return store

    def _open(self) -> None:
        if not self.read_only:
            files.clean_temp_files(self.data_dir)
        self._settings()
        current = period_of(self._clock.now())
        for period in self._periods():
            if period == current or not self._looks_whole(self._path(period)):
                self._month(period)
        if not self.read_only:
            for path in (self._path(current), self.data_dir / SETTINGS_FILE):
                self._backup(path)
            files.prune_backups(self.data_dir, self._today())

    def close(self) -> None:
        """Save anything pending, refresh today's backups, release the lock.

        Raises StoreWriteError if pending entries still cannot be saved (the
        lock is released all the same).
        """
        with self._mutex:
            if self._closed:
                return
            try:
                if not self.read_only and (self._pending or self._pending_settings):
                    self.flush()
            finally:
                if not self.read_only:
                    for path in sorted(self._written):
                        self._backup(path, refresh=True)
                self._closed = True
                self._lock.release()

    def __enter__(self) -> Self:
        """The store itself."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""
        self.close()

    # -- files ---------------------------------------------------------------

    def _path(self, period: str) -> Path:
        return self.data_dir / event_file_name(period)

    def _periods(self) -> list[str]:
        """Months with a file on disk (or a backup of one), oldest first."""
        found: set[str] = set()
        for folder, pattern in (
            (self.data_dir, _EVENT_FILE),
            (files.backup_dir(self.data_dir), _EVENT_BACKUP),
        ):
            with contextlib.suppress(OSError):
                for entry in folder.iterdir():
                    m = pattern.match(entry.name)
                    if m:
                        found.add(m.group(1))
        found.update(self._months)
        return sorted(found)

    @staticmethod
    def _looks_whole(path: Path) -> bool:
        """A cheap check at open: non-empty, starts with ``{`` and ends with ``}``."""
        try:
            with path.open("rb") as f:
                size = f.seek(0, os.SEEK_END)
                if size < 2:
                    return not path.exists()
                f.seek(0)
                head = f.read(1)
                f.seek(max(0, size - 16))
                tail = f.read().rstrip(b" \t\r\n")
        except FileNotFoundError:
            # Only a backup exists: load it now so the restore is reported at open.
            return False
        except OSError:
            return True  # reported properly when the month is read
        return head == b"{" and tail.endswith(b"}")

    def _load_tables(self, path: Path) -> Tables:
        """Read a data file, recovering it if it is missing-with-backups or damaged."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return self._restore_missing(path)
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
        try:
            tables, version = decode(raw, path.name)
        except CorruptFileError as exc:
            return self._recover(path, exc.reason)
        if version < _storage.SCHEMA_VERSION:
            tables = migrate(tables, version)
            if not self.read_only:
                # Keep the pre-migration file as today's backup, then upgrade it.
                with contextlib.suppress(OSError):
                    files.make_backup(path, raw, self._today())
                atomic_write_bytes(path, encode(tables))
                self.recovery.append(
                    f"{path.name} was updated from data format {version} to {_storage.SCHEMA_VERSION}."
                )
        return tables

    def _restored_tables(self, restored: files.Restored, path: Path) -> Tables:
        tables = migrate(restored.tables, restored.version)
        if not self.read_only:
            atomic_write_bytes(path, encode(tables))
        return tables

    def _restore_missing(self, path: Path) -> Tables:
        restored = files.newest_good_backup(path)
        if restored is None:
            return {}
        tables = self._restored_tables(restored, path)
        done = "is shown" if self.read_only else "was restored"
        self.recovery.append(
            f"{path.name} was missing; the backup from {restored.day.isoformat()} "
            f"{done}. Entries logged after that backup could not be recovered."
        )
        return tables

    def _recover(self, path: Path, reason: str) -> Tables:
        restored = files.newest_good_backup(path)
        if self.read_only:
            shown = (
                f"the backup from {restored.day.isoformat()} is shown instead"
                if restored
                else "no good backup was found, so that part of the log is shown empty"
            )
            self.recovery.append(
                f"{path.name} is damaged: {reason}; {shown}. "
                "CrampCoach will repair the file when it next opens the log for writing."
            )
            return migrate(restored.tables, restored.version) if restored else {}
        stamp = self._clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        moved = files.quarantine(path, stamp)
        if restored is None:
            self.recovery.append(
                f"{path.name} was damaged: {reason}. It was moved aside as {moved.name}; "
                "no good backup was found, so that part of the log starts empty."
            )
            return {}
        tables = self._restored_tables(restored, path)
        self.recovery.append(
            f"{path.name} was damaged: {reason}. It was moved aside as {moved.name} and "
            f"the backup from {restored.day.isoformat()} was restored; entries logged after "
            "that backup are only in the moved-aside file."
        )
        return tables

    def _month(self, period: str) -> _EventFile:
        """The loaded month file (loaded and checked on first use)."""
        loaded = self._months.get(period)
        if loaded is None:
            path = self._path(period)
            loaded = _EventFile(path, self._load_tables(path), self.read_only)
            if loaded.unreadable:
                self.recovery.append(
                    f"{loaded.unreadable} entr{'y' if loaded.unreadable == 1 else 'ies'} in "
                    f"{path.name} could not be read; they are left in the file untouched."
                )
            # Registered before resolving moves: two months may point at each other.
            self._months[period] = loaded
            self._resolve_moves(loaded)
        return loaded

    def _resolve_moves(self, month: _EventFile) -> None:
        """Settle entries a crash left half-moved (see ``_commit``).

        An entry marked as moving whose target month has the event is a stale
        copy: the writer removes it, a reader hides it.  If the target lacks
        it, the move never happened and this copy is the event.
        """
        for eid, period in list(month.moving.items()):
            if period == _period_of_file(month.path) or eid not in self._month(period).doc_ids:
                continue
            if eid not in month.doc_ids:  # settled meanwhile by a recursive load
                continue
            if self.read_only:
                month.forget(eid)
                continue
            try:
                month.remove(eid)
            except OSError:
                month.forget(eid)  # retried at the next open; hidden until then

    def _settings(self) -> TinyDB:
        if self._settings_db is None:
            path = self.data_dir / SETTINGS_FILE
            tables = self._load_tables(path)
            self._settings_db = TinyDB(path, tables, self.read_only, storage=AtomicJSONStorage)
        return self._settings_db

    def _today(self) -> date:
        return self._clock.now().astimezone(UTC).date()

    def _backup(self, path: Path, *, refresh: bool = False) -> None:
        """Make (or with ``refresh`` update) today's backup of ``path`` if it reads cleanly."""
        today = self._today()
        if (path.name, today) in self._backed_up and not refresh:
            return
        try:
            raw = path.read_bytes()
            decode(raw, path.name)
            files.make_backup(path, raw, today, refresh=refresh)
        except FileNotFoundError:
            return
        except CorruptFileError:
            return  # never back up a damaged file over a good backup
        except OSError as exc:
            self.recovery.append(f"could not back up {path.name}: {exc.strerror or exc}.")
        self._backed_up.add((path.name, today))

    # -- reading -------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the log is closed")

    def _check_writable(self) -> None:
        self._check_open()
        if self.read_only:
            raise StoreReadOnlyError("the log was opened read-only")

    @property
    def pending(self) -> list[Event]:
        """Events added or updated but not yet saved because a write failed."""
        with self._mutex:
            return [ev for ev in self._pending.values() if ev is not None]

    def get(self, event_id: str) -> Event | None:
        """The event with this id, or None (reads older months until found)."""
        with self._mutex:
            self._check_open()
            if event_id in self._pending:
                return self._pending[event_id]
            for month in self._months.values():
                if event_id in month.doc_ids:
                    return month.event(event_id)
            # Not in a loaded month.  Parsing ten years of months to learn that
            # an id is new would take seconds, so look for its bytes first and
            # read only a month that has them (quotes inside text are escaped
            # in the file, so a note quoting an id does not match).
            needle = b'"id":' + json.dumps(event_id).encode("ascii")
            for period in reversed(self._periods()):
                if period in self._months:
                    continue
                try:
                    if needle not in self._path(period).read_bytes():
                        continue
                except FileNotFoundError:
                    pass  # only a backup is left: read it properly
                except OSError:
                    pass  # reading it properly reports the problem
                month = self._month(period)
                if event_id in month.doc_ids:
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
                month = self._month(period)
                for eid in month.between(lo, hi):
                    ev = month.event(eid)
                    if ev is not None and (wanted is None or ev.type in wanted):
                        found.setdefault(eid, ev)
            self._overlay_pending(found, lo, hi, wanted)
        return sorted(found.values(), key=lambda e: (e.at.timestamp(), e.id))

    def _periods_within(self, start: datetime | None, end: datetime | None) -> list[str]:
        """The months on disk that can hold events between ``start`` and ``end``."""
        first = None if start is None else period_of(start)
        last = None if end is None else period_of(end)
        return [
            period
            for period in self._periods()
            if not ((first and period < first) or (last and period > last))
        ]

    def _overlay_pending(
        self,
        found: dict[str, Event],
        lo: float | None,
        hi: float | None,
        wanted: set[EventType] | None,
    ) -> None:
        """Writes not saved yet win over the files (a pending ``None`` is a delete)."""
        for eid, pending in self._pending.items():
            found.pop(eid, None)
            if pending is None or (wanted is not None and pending.type not in wanted):
                continue
            ts = pending.at.timestamp()
            if (lo is None or ts >= lo) and (hi is None or ts < hi):
                found[eid] = pending

    def last_sessions(self, since: datetime) -> dict[str, datetime]:
        """Each routine's latest session at or after ``since``, by routine id.

        What the main window's "last done" asks at every start.  A month not
        loaded yet is answered from :func:`sessions_cache_path` (each month's
        latest session per routine) while its file's content is the one
        summarised; any change is a miss and that month is read and checked as
        usual.  A copied or synced data folder hits it too.  A start therefore reads
        the current month, not a year of files (``benchmarks/README.md``).
        """
        lo = _require_aware(since, "since")
        with self._mutex:
            self._check_open()
            if any(ev is None for ev in self._pending.values()):
                # A delete that could not be saved yet: answer the plain way.
                return _latest_sessions(self.events(start=since, types=[EventType.SESSION]))
            cache_file = sessions_cache_path()
            cached = _read_sessions_cache(cache_file)
            fresh: dict[str, Any] = {}
            latest: dict[str, datetime] = {}
            for period in self._periods_within(since, None):
                for rid, at in self._month_latest(period, cached, fresh).items():
                    if at.timestamp() >= lo:
                        _keep_latest(latest, rid, at)
            for pending in self._pending.values():
                if isinstance(pending, SessionEvent) and pending.at.timestamp() >= lo:
                    _keep_latest(latest, pending.routine_id, pending.at)
            if fresh and not self.read_only:
                _write_sessions_cache(cache_file, {**cached, **fresh})
                paths.drop_legacy_cache(self.data_dir, SESSIONS_CACHE)
        return latest

    def _month_latest(
        self, period: str, cached: dict[str, Any], fresh: dict[str, Any]
    ) -> dict[str, datetime]:
        """One month's latest session per routine: from the cache while it matches the file.

        A month read from its file is summarised into ``fresh`` (for the cache)
        when it was read as it stood (no repair, no move in progress).
        """
        key = None if period in self._months else _file_key(self._path(period))
        entry = cached.get(period)
        if key is not None and isinstance(entry, dict) and entry.get("key") == key:
            month_latest = _decode_latest(entry.get("last"))
            if month_latest is not None:
                return month_latest
        month = self._month(period)
        month_latest = _latest_sessions(
            ev for eid in month.between(None, None) if (ev := month.event(eid)) is not None
        )
        if key is not None and key == _file_key(month.path) and not month.moving:
            fresh[period] = {
                "key": key,
                "last": {rid: at.isoformat() for rid, at in month_latest.items()},
            }
        return month_latest

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

    def settings(self) -> dict[str, Any]:
        """Every setting: defaults overlaid with the stored (and pending) values."""
        with self._mutex:
            self._check_open()
            stored = dict(self._stored_settings())
            stored.update(self._pending_settings)
        return settings_table.merged(stored)

    def _stored_settings(self) -> Mapping[str, Any]:
        storage = _storage_of(self._settings())
        doc: Mapping[str, Any] = storage.peek().get(SETTINGS_TABLE, {}).get(str(_SETTINGS_DOC), {})
        return doc

    # -- writing -------------------------------------------------------------

    def add(self, event: Event) -> None:
        """Durably add a new event (fsynced and renamed when this returns).

        Adding the very same event again is a no-op (so a retried hand-over
        cannot duplicate it); a different event with a used id is a ValueError.
        (Ids are checked in the event's own month and among pending entries:
        ``new_id()`` ids are random, and checking every month would read years.)
        On a write error the event stays pending and StoreWriteError is raised.
        """
        check_event(event, None)  # EntryError: nothing is kept (the journal checks the time)
        with self._mutex:
            self._check_writable()
            existing = self._pending.get(event.id)
            if existing is None:
                month = self._month(period_of(event.at))
                if event.id in month.doc_ids:
                    existing = month.event(event.id)
                    if existing is None:
                        raise ValueError(f"an unreadable entry already has id {event.id}")
            if existing is not None and existing.to_dict() != event.to_dict():
                raise ValueError(f"an event with id {event.id} exists already; use update()")
            self._pending[event.id] = event
            self.flush()

    def add_many(self, events: Iterable[Event]) -> None:
        """Durably add many new events with one write per month file (imports, benchmarks).

        All ids must be new (ValueError before anything is written).  If a
        write fails, that month's and the later months' events become pending
        and StoreWriteError is raised, as for ``add``.
        """
        batch = list(events)
        with self._mutex:
            self._check_writable()
            by_month: dict[str, list[Event]] = {}
            seen: set[str] = set()
            for ev in batch:
                check_event(ev, None)
                month = self._month(period_of(ev.at))
                if ev.id in seen or ev.id in month.doc_ids or ev.id in self._pending:
                    raise ValueError(f"an event with id {ev.id} exists already")
                seen.add(ev.id)
                by_month.setdefault(period_of(ev.at), []).append(ev)
            self.flush()
            periods = sorted(by_month)
            for n, period in enumerate(periods):
                month = self._month(period)
                self._before_write(month.path)
                try:
                    month.put_many(by_month[period])
                except OSError as exc:
                    for later in periods[n:]:
                        self._pending.update((ev.id, ev) for ev in by_month[later])
                    raise _write_error(month.path, exc) from exc
                self._written.add(month.path)

    def update(self, event: Event) -> None:
        """Durably replace the event with the same id (KeyError if there is none)."""
        check_event(event, None)
        with self._mutex:
            self._check_writable()
            if self.get(event.id) is None:
                raise KeyError(f"no event with id {event.id}")
            self._pending[event.id] = event
            self.flush()

    def delete(self, event_id: str) -> Event:
        """Durably remove an event and return it (for undo); KeyError if there is none."""
        with self._mutex:
            self._check_writable()
            existing = self.get(event_id)
            if existing is None:
                raise KeyError(f"no event with id {event_id}")
            self._pending[event_id] = None
            self.flush()
            return existing

    def set_setting(self, key: str, value: Any) -> Any:
        """Validate (SettingError) and durably store one setting; returns the stored value."""
        converted = settings_table.validate(key, value)
        with self._mutex:
            self._check_writable()
            self._pending_settings[key] = converted
            self.flush()
        return converted

    def discard(self, event_id: str) -> None:
        """Forget an unsaved change to ``event_id`` (a write reported as failed).

        What is on disk stays as it was; the change will not be saved later.
        """
        with self._mutex:
            self._pending.pop(event_id, None)

    def discard_setting(self, key: str) -> None:
        """Forget an unsaved setting (a ``set`` reported as refused is never applied later)."""
        with self._mutex:
            self._pending_settings.pop(key, None)

    def flush(self) -> None:
        """Save every pending change now; StoreWriteError if the disk still refuses."""
        with self._mutex:
            self._check_writable()
            for eid in list(self._pending):
                try:
                    self._commit(eid, self._pending[eid])
                except StoreWriteError:
                    raise  # kept, retried with the next write
                except Exception:
                    # Not a disk fault: retrying cannot help, and keeping it
                    # would make every later write fail the same way.
                    del self._pending[eid]
                    raise
                del self._pending[eid]
            if self._pending_settings:
                db = self._settings()
                path = _storage_of(db).path
                self._before_write(path)
                try:
                    db.table(SETTINGS_TABLE).upsert(
                        Document(dict(self._pending_settings), doc_id=_SETTINGS_DOC)
                    )
                except OSError as exc:
                    raise _write_error(path, exc) from exc
                self._written.add(path)
                self._pending_settings.clear()

    def _commit(self, eid: str, event: Event | None) -> None:
        """Write one change (idempotent: a retry after any failure redoes what is left).

        Moving an event to another month touches two files, which cannot be
        replaced together.  So: mark the old copy as moving (write 1), write
        the new copy (write 2), remove the old copy (write 3).  A crash after
        write 1 or 2 leaves a marked copy, which ``_resolve_moves`` settles
        the next time that month is read; nothing is lost or shown twice.
        """
        holders = [m for m in self._months.values() if eid in m.doc_ids]
        target = None if event is None else self._month(period_of(event.at))
        old = [m for m in holders if m is not target]
        steps: list[tuple[_EventFile, str]] = []
        if target is not None:
            steps.extend(
                (m, "mark") for m in old if m.moving.get(eid) != _period_of_file(target.path)
            )
            steps.append((target, "put"))
        steps.extend((m, "remove") for m in old)
        for month, action in steps:
            self._before_write(month.path)
            try:
                if action == "put" and event is not None:
                    month.put(event)
                elif action == "mark" and target is not None:
                    month.mark_moving(eid, _period_of_file(target.path))
                else:
                    month.remove(eid)
            except OSError as exc:
                raise _write_error(month.path, exc) from exc
            self._written.add(month.path)

    def _before_write(self, path: Path) -> None:
        """Back up a file before its first change of the day."""
        self._backup(path)
