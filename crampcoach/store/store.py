"""The adherence log: every computer's crash-safe TinyDB files, merged.

Layout of the data folder (the folder a file-sync tool such as Syncthing may
carry between computers)::

    devices/<device>/device.json          that computer's name
    devices/<device>/settings.json        its setting changes, each with a stamp
    devices/<device>/events-2026-11.json  its records whose time is in that UTC month
    devices/<device>/backups/<file>.<YYYY-MM-DD>  its rolling backups (files.py)
    devices/<device>/<file>.corrupt-<stamp>       its damaged file, moved aside
    devices/<device>/archive/<file>       conflict copies already merged
    before-sync-<date>/                   the old one-folder layout, kept after migration

Each computer writes only ``devices/<its id>/``; every computer reads them
all and merges them with the rule of ``crampcoach.core.sync`` (highest
revision, then device id, then digest), so no file is ever changed on two
computers and every computer shows the same log.  What belongs to this
computer alone (its device id, its own settings such as when it last checked
reminders, the single-writer lock) is kept outside the folder (``local.py``),
and so are derived caches (``caches.py``, in ``$XDG_CACHE_HOME``).

Files are created 0600 (health data) and every write replaces a whole file
atomically (``storage.py``).  Why one file per month: every change rewrites
its file, so the cost of a write is the size of one month (~110 kB at ~25
events a day), not of the history (``benchmarks/README.md``).  At open only
the current month and the settings are read; other months are read (and
checked) the first time a query reaches them, and this computer's are glanced
at (non-empty, ``{`` ... ``}``) so a cut-short file is reported straight away.

One process per computer writes (``Store.open`` takes the lock).
``Store.open(..., read_only=True)`` takes no lock and never writes, so export
and review can run beside the app.  Damage in this computer's files is
repaired by the writer (``recovery.py``); another computer's file that cannot
be read is left alone and read again later.  ``refresh`` re-reads what
another computer changed meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import threading
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from tinydb import TinyDB
from tinydb.table import Document

from crampcoach import paths
from crampcoach.core import settings as settings_table
from crampcoach.core.clock import Clock
from crampcoach.core.events import Event, EventType, local_day
from crampcoach.core.journal import EntryError, ImportCounts, check_event, parse_entry
from crampcoach.core.sync import (
    Record,
    SettingChange,
    merge_settings,
    next_record,
    next_stamp,
    period_of,
    record_from_doc,
    setting_from_doc,
    setting_to_doc,
    visible,
)
from crampcoach.core.syncnames import NameKind, classify
from crampcoach.store import caches, files, local, migration, unsaved
from crampcoach.store.errors import (
    DataFolderError,
    StoreError,
    StoreReadOnlyError,
    StoreWriteError,
)
from crampcoach.store.lock import StoreLock
from crampcoach.store.months import EVENTS_TABLE, Month, OwnFile, Source, file_key
from crampcoach.store.recovery import Recovery
from crampcoach.store.storage import AtomicJSONStorage, Tables, atomic_write_bytes, encode

__all__ = ["DEVICES", "Store", "device_folder", "event_file_name", "period_of"]

DEVICES = "devices"
SETTINGS_FILE = "settings.json"
DEVICE_FILE = "device.json"
ARCHIVE = "archive"
SETTINGS_TABLE = "settings"
DEVICE_TABLE = "device"
_EVENT_FILE = re.compile(r"^events-(\d{4}-\d{2})\.json$")
_EVENT_BACKUP = re.compile(r"^events-(\d{4}-\d{2})\.json\.\d{4}-\d{2}-\d{2}$")
_DEVICE_DIR = re.compile(r"^[0-9a-z-]{4,64}$")
_ID_BYTES = re.compile(rb'"id":"((?:[^"\\]|\\.)*)"')
_SETTINGS_DOC = 1
#: Settings that describe this computer, not the person: kept outside the data folder.
LOCAL_SETTINGS = frozenset({"reminders_checked_until", "autostart"})


def event_file_name(period: str) -> str:
    """The file name of a month's events."""
    return f"events-{period}.json"


def device_folder(data_dir: Path) -> Path:
    """This computer's own folder in ``data_dir`` (made, with its device id, on first use)."""
    folder = Path(data_dir)
    own = folder / DEVICES / local.device_id(local.state_dir(folder), read_only=False)[0]
    own.mkdir(parents=True, exist_ok=True)
    return own


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
        f"could not save to {path} ({reason}); {advice}. What was saved before is intact.",
        exc.errno,
    )


@dataclass(frozen=True)
class DeviceInfo:
    """A computer seen in the data folder."""

    id: str
    name: str
    this: bool
    last_entry: datetime | None
    months: int


class Store:
    """The adherence log.  Open with ``Store.open``; see the module docstring."""

    def __init__(self, folder: Path, *, read_only: bool, clock: Clock) -> None:
        """Use ``Store.open``."""
        self.data_dir = folder
        self.read_only = read_only
        self._clock = clock
        self._state = local.state_dir(folder)
        self.device, self._id_saved = local.device_id(self._state, read_only)
        self.own_dir = folder / DEVICES / self.device
        self._lock = StoreLock(local.lock_path(folder))
        self._rec = Recovery(read_only=read_only, clock=clock)
        self._told = 0  # how many recovery lines ``untold()`` has handed out
        self._mutex = threading.RLock()
        self._closed = False
        self._months: dict[str, Month] = {}
        # Months not read yet whose files were searched for a type's name:
        # (period, type) -> (the files' keys then, whether it was there).
        self._named: dict[tuple[str, EventType], tuple[list[list[int] | None], bool]] = {}
        self._own_periods: set[str] = set()
        self._sources: dict[str, list[Source]] = {}
        self._settings_sources: list[Source] = []
        self._foreign_settings: dict[Path, tuple[list[int] | None, list[SettingChange]]] = {}
        self._names: dict[str, Path] = {}
        self._settings_db: TinyDB | None = None
        self._local: dict[str, Any] = {}
        self._pending: dict[str, Record] = {}
        self._pending_settings: dict[str, SettingChange] = {}
        self._backed_up: set[tuple[str, date]] = set()
        self._written: set[Path] = set()

    @property
    def recovery(self) -> list[str]:
        """What was repaired or could not be read, in plain words (for the user)."""
        return self._rec.notes

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        clock: Clock,
        read_only: bool = False,
        lock_timeout: float = 0.0,
    ) -> Store:
        """Open the log in ``data_dir``.

        A writer takes this computer's lock (StoreLockedError with ``.pid`` if
        another process has it, after polling up to ``lock_timeout`` seconds),
        removes leftover temp files, moves an old one-folder layout into its
        own device folder (with a backup), finishes a write a crash cut short,
        recovers damaged files, merges and archives conflict copies and makes
        today's backups.  ``store.recovery`` then says what was done.
        """
        folder = Path(data_dir)
        try:
            store = cls(folder, read_only=read_only, clock=clock)
        except OSError as exc:
            raise StoreError(f"cannot open the log in {folder}: {exc.strerror or exc}") from exc
        try:
            if not read_only:
                folder.mkdir(parents=True, exist_ok=True)
            if not read_only or folder.exists():  # read-only and absent: an empty log
                next(folder.iterdir(), None)  # a folder we may not enter: its own fault, said so
            if not read_only:
                store._lock.acquire(lock_timeout)
            store._open()
        except OSError as exc:
            store._lock.release()
            raise DataFolderError(paths.folder_problem(folder, exc)) from exc
        except BaseException:
            store._lock.release()
            raise
        return store

    def _open(self) -> None:
        self._local = self._read_local()
        if not self.read_only:
            try:
                self.own_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
                    raise  # a folder we may not write in: said at open (DataFolderError)
                # a full disk: said at the first write
            files.clean_temp_files(self.own_dir)
        self._scan()
        if not self.read_only:
            self._migrate_legacy()
            # Where the sessions cache lived before: only a cache, and a synced one.
            paths.drop_legacy_cache(self.data_dir, caches.SESSIONS_CACHE)
        self._settings()
        current = period_of(self._clock.now())
        self._month(current)
        for period in sorted(self._own_periods):
            if not self._looks_whole(self._own_path(period)):
                self._month(period)
        if not self.read_only:
            self._redo_interrupted_write()
            self._ensure_device_file()
            self._settle_settings_conflicts()
            for path in (self._own_path(current), self.own_dir / SETTINGS_FILE):
                self._backup(path)
            files.prune_backups(self.own_dir, self._today())
            for kept in unsaved.found(self.own_dir):
                self._restore_unsaved(kept)

    def _restore_unsaved(self, path: Path) -> None:
        """Save the entries an earlier close could not save (see ``unsaved.py``), then drop the file."""
        try:
            entries = unsaved.read(path)
        except (OSError, ValueError) as exc:
            self.recovery.append(
                f"{path} should hold entries kept when CrampCoach last quit, but cannot be "
                f"read ({exc}); it is left as it is."
            )
            return
        new: list[Event] = []
        for data in entries:
            try:
                event = parse_entry(data, None)
            except EntryError:
                continue  # the journal refused it once already; never stored
            if self.get(event.id) is None:
                self._pending[event.id] = next_record(
                    self._known(event.id, [period_of(event.at)]), self.device, event.to_dict()
                )
                new.append(event)
        try:
            self.flush()
        except StoreWriteError:
            for ev in new:
                self._pending.pop(ev.id, None)
            self.recovery.append(
                f"{_entries(len(new))} kept in {path} when CrampCoach last quit still cannot be "
                "saved (the disk refuses); they stay in that file and are tried again at the "
                "next start."
            )
            return
        with contextlib.suppress(OSError):
            path.unlink()
        if new:
            self.recovery.append(
                f"{_entries(len(new))} that could not be saved when CrampCoach last quit "
                f"{'was' if len(new) == 1 else 'were'} saved now: "
                f"{unsaved.listing(new, self._clock.tz)}."
            )

    def close(self) -> None:
        """Save anything pending, refresh today's backups, release the lock.

        Raises StoreWriteError if pending entries still cannot be saved (the
        lock is released all the same); its message says where they were kept
        for the next open (``unsaved.py``).
        """
        with self._mutex:
            if self._closed:
                return
            try:
                if not self.read_only and (self._pending or self._pending_settings):
                    self.flush()
            except StoreWriteError as exc:
                raise self._keep_unsaved(exc) from exc
            finally:
                if not self.read_only:
                    for path in sorted(self._written):
                        self._backup(path, refresh=True)
                self._closed = True
                self._lock.release()

    def _keep_unsaved(self, exc: StoreWriteError) -> StoreWriteError:
        """Keep what is pending for the next open; the error that says so plainly."""
        events = [ev for ev in map(_event, self._pending.values()) if ev is not None]
        reason = os.strerror(exc.errno) if exc.errno else "the disk refused the write"
        count = _entries(len(events))
        kept = unsaved.keep(self.own_dir, [ev.to_dict() for ev in events]) if events else None
        named = unsaved.listing(events, self._clock.tz)
        if not events:
            told = "no entry is lost, but the last change to your settings or a deletion is"
        elif kept is None:
            lines = "; ".join(json.dumps(ev.to_dict()) for ev in events)
            told = (
                f"{count} not saved ({named}) could not be kept anywhere else either and are "
                f"lost; here they are, to enter again: {lines}"
            )
        else:
            told = (
                f"{count} not saved ({named}); {'it is' if len(events) == 1 else 'they are'} "
                f"kept in {kept} and saved at the next start"
            )
        return StoreWriteError(
            f"could not save to {self.data_dir} ({reason}); {told}. Free some space.", exc.errno
        )

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

    # -- the folder ------------------------------------------------------------

    def _own_path(self, period: str) -> Path:
        return self.own_dir / event_file_name(period)

    def _scan(self) -> None:
        """List every computer's files (names only; nothing is read)."""
        sources: dict[str, list[Source]] = {}
        settings_sources: list[Source] = []
        names: dict[str, Path] = {}
        own_periods: set[str] = set()
        devices = self.data_dir / DEVICES
        with contextlib.suppress(OSError):
            for folder in sorted(devices.iterdir()):
                if not _DEVICE_DIR.match(folder.name) or not folder.is_dir():
                    continue
                mine = folder.name == self.device
                names[folder.name] = folder / DEVICE_FILE
                with contextlib.suppress(OSError):
                    for entry in folder.iterdir():
                        kind = classify(entry.name)
                        if kind.kind is NameKind.TEMPORARY:
                            continue
                        conflict = kind.kind is NameKind.CONFLICT
                        m = _EVENT_FILE.match(kind.original)
                        if m:
                            if mine and not conflict:
                                own_periods.add(m.group(1))
                            else:
                                sources.setdefault(m.group(1), []).append(
                                    Source(entry, folder.name, conflict)
                                )
                        elif kind.original == SETTINGS_FILE and (conflict or not mine):
                            settings_sources.append(Source(entry, folder.name, conflict))
        with contextlib.suppress(OSError):
            for entry in files.backup_dir(self.own_dir).iterdir():
                m = _EVENT_BACKUP.match(entry.name)
                if m:
                    own_periods.add(m.group(1))
        self._sources = sources
        self._settings_sources = settings_sources
        self._names = names
        self._own_periods = own_periods

    def _periods(self) -> list[str]:
        """Months with a file of any computer (or a backup of one of ours), oldest first."""
        return sorted(self._own_periods | set(self._sources) | set(self._months))

    def _month_paths(self, period: str) -> list[Path]:
        return [self._own_path(period), *(s.path for s in self._sources.get(period, ()))]

    @staticmethod
    def _looks_whole(path: Path) -> bool:
        """A cheap check at open: non-empty, starts with ``{`` and ends with ``}``."""
        try:
            with path.open("rb") as f:
                size = f.seek(0, os.SEEK_END)
                if size < 2:
                    return False
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

    def _label(self, device: str) -> str:
        """How a computer is named in messages."""
        if device == self.device:
            return "this computer"
        name = self._device_name(device)
        return f"the computer {name!r}" if name else f"computer {device}"

    def _device_name(self, device: str) -> str:
        path = self._names.get(device, self.data_dir / DEVICES / device / DEVICE_FILE)
        tables = self._rec.load_foreign(path, f"computer {device}") if path.exists() else None
        doc = (tables or {}).get(DEVICE_TABLE, {}).get("1", {})
        name = doc.get("name") if isinstance(doc, dict) else None
        return name if isinstance(name, str) else ""

    # -- months ----------------------------------------------------------------

    def _month(self, period: str) -> Month:
        """The merged month (every computer's file read and checked on first use)."""
        loaded = self._months.get(period)
        if loaded is not None:
            return loaded
        month = Month(period, self.device)
        path = self._own_path(period)
        tables = self._rec.load_own(path)
        month.add_file(
            Source(path, self.device),
            tables,
            file_key(path),
            own=OwnFile(path, tables, self.read_only),
        )
        if month.unreadable:
            self.recovery.append(
                f"{month.unreadable} entr{'y' if month.unreadable == 1 else 'ies'} in "
                f"{path.name} could not be read; they are left in the file untouched."
            )
        for source in self._sources.get(period, ()):
            self._read_source(month, source)
        self._months[period] = month
        if not self.read_only and month.conflict_sources():
            self._settle_conflicts(month)
        return month

    def _read_source(self, month: Month, source: Source) -> bool:
        """(Re-)read another computer's file or a conflict copy into ``month``."""
        key = file_key(source.path)
        known = month.files.get(source.path)
        if known is not None and known[2] == key and key is not None:
            return False
        if known is not None:
            month.drop_file(source.path)
        tables = self._rec.load_foreign(source.path, self._label(source.device))
        if tables is not None:
            month.add_file(source, tables, key)
        return True

    def _settle_conflicts(self, month: Month) -> None:
        """Keep what only a conflict copy holds, then archive the copies (never unread)."""
        keep = month.only_in_conflict_copies()
        for _source, rec in keep:
            if rec.month != month.period and month.period not in rec.months:
                continue
            try:
                self._before_write(month.own.path if month.own else self._own_path(month.period))
                month.put(rec)
            except OSError as exc:
                self.recovery.append(
                    f"a conflict copy's entries could not be saved yet ({exc.strerror}); "
                    "the copy is left in place and merged again next time."
                )
                return
            self._written.add(self._own_path(month.period))
        for source in month.conflict_sources():
            if self._archive(source):
                month.drop_file(source.path)

    def _archive(self, source: Source) -> bool:
        archive = self.own_dir / ARCHIVE
        prefix = "" if source.device == self.device else f"{source.device}-"
        target = archive / f"{prefix}{source.path.name}"
        try:
            archive.mkdir(exist_ok=True)
            n = 1
            while target.exists():
                n += 1
                target = archive / f"{prefix}{n}-{source.path.name}"
            source.path.rename(target)
        except FileNotFoundError:
            return True  # another computer archived it first
        except OSError as exc:
            self.recovery.append(
                f"{source.path.name} was merged but could not be archived ({exc.strerror})."
            )
            return False
        self.recovery.append(
            f"{source.path.name} (a sync conflict copy) was merged into the log and "
            f"kept as {ARCHIVE}/{target.name} in this computer's folder."
        )
        return True

    def _shows(self, month: Month, eid: str) -> bool:
        top = month.top[eid]
        if top.deleted or not month.bounds[0] <= top.ts < month.bounds[1]:
            return False
        if not top.multi:
            return True
        return visible(top.record(), month.period, self._best_in)

    def _best_in(self, period: str, eid: str) -> Record | None:
        return self._month(period).best(eid)

    def _known(self, eid: str, periods: Iterable[str]) -> list[Record]:
        """Every record of ``eid`` in the given months and in all months they point to."""
        todo = set(periods) | {p for p, m in self._months.items() if eid in m.top}
        done: set[str] = set()
        found: list[Record] = []
        while todo:
            period = todo.pop()
            done.add(period)
            for rec in self._month(period).records_of(eid):
                found.append(rec)
                todo.update(set(rec.months) - done)
        pending = self._pending.get(eid)
        if pending is not None:
            found.append(pending)
        return found

    # -- reading -------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the log is closed")

    def _check_writable(self) -> None:
        self._check_open()
        if self.read_only:
            raise StoreReadOnlyError("the log was opened read-only")

    def untold(self) -> list[str]:
        """Repair notices not handed out yet: each quarantine or restore reaches the user once.

        An older month is read (and, if damaged, repaired) only when a query
        first reaches it, so callers ask again after their reads.
        """
        with self._mutex:
            new = self.recovery[self._told :]
            self._told = len(self.recovery)
        return new

    @property
    def pending(self) -> list[Event]:
        """Events added or updated but not yet saved because a write failed."""
        with self._mutex:
            return [ev for rec in self._pending.values() if (ev := _event(rec)) is not None]

    def get(self, event_id: str) -> Event | None:
        """The event with this id, or None (reads older months until found)."""
        with self._mutex:
            self._check_open()
            if event_id in self._pending:
                return _event(self._pending[event_id])
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
                for eid in month.between(lo, hi):
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
            pending = _event(rec)
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
        shown = (self._shown_event(month, eid) for eid in month.between(None, None))
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

    # -- settings ----------------------------------------------------------------

    def _settings(self) -> TinyDB:
        if self._settings_db is None:
            path = self.own_dir / SETTINGS_FILE
            tables = self._rec.load_own(path)
            self._settings_db = TinyDB(path, tables, self.read_only, storage=AtomicJSONStorage)
            for source in self._settings_sources:
                self._read_settings_source(source)
        return self._settings_db

    def _read_settings_source(self, source: Source) -> bool:
        key = file_key(source.path)
        known = self._foreign_settings.get(source.path)
        if known is not None and known[0] == key:
            return False
        tables = self._rec.load_foreign(source.path, self._label(source.device))
        self._foreign_settings[source.path] = (key, _setting_changes(tables, source.device))
        return True

    def _own_changes(self) -> list[SettingChange]:
        storage = self._settings().storage
        assert isinstance(storage, AtomicJSONStorage)
        return _setting_changes(storage.peek(), self.device)

    def _all_changes(self) -> list[SettingChange]:
        out = self._own_changes()
        for _key, changes in self._foreign_settings.values():
            out.extend(changes)
        out.extend(self._pending_settings.values())
        return out

    def settings(self) -> settings_table.Settings:
        """Every setting, typed: defaults overlaid with the merged stored (and pending) values."""
        with self._mutex:
            self._check_open()
            merged = merge_settings(self._all_changes())
            stored = {k: c.value for k, c in merged.items() if k not in LOCAL_SETTINGS}
            stored.update(self._local)
        return settings_table.merged(stored)

    def set_setting(self, key: str, value: Any) -> Any:
        """Validate (SettingError) and durably store one setting; returns the stored value."""
        converted = settings_table.validate(key, value)
        with self._mutex:
            self._check_writable()
            if key in LOCAL_SETTINGS:
                self._write_local({**self._local, key: converted})
                return converted
            now_ms = int(self._clock.now().timestamp() * 1000)
            stamp = next_stamp(None, [c.stamp for c in self._all_changes()], now_ms)
            self._pending_settings[key] = SettingChange(key, converted, stamp, self.device)
            self.flush()
        return converted

    def _read_local(self) -> dict[str, Any]:
        found = local.read_json(self._state / local.LOCAL_SETTINGS_FILE)
        return dict(found) if isinstance(found, dict) else {}

    def _write_local(self, values: dict[str, Any]) -> None:
        path = self._state / local.LOCAL_SETTINGS_FILE
        try:
            local.write_json(path, values)
        except OSError as exc:
            raise _write_error(path, exc) from exc
        self._local = values

    def _settle_settings_conflicts(self) -> None:
        conflicts = [s for s in self._settings_sources if s.conflict]
        if not conflicts:
            return
        merged = merge_settings(self._all_changes())
        regular = {
            (c.key, c.stamp, c.device)
            for path, (_k, changes) in self._foreign_settings.items()
            for c in changes
            if not any(s.path == path and s.conflict for s in conflicts)
        } | {(c.key, c.stamp, c.device) for c in self._own_changes()}
        keep = [c for c in merged.values() if (c.key, c.stamp, c.device) not in regular]
        if keep:
            self._pending_settings.update((c.key, c) for c in keep)
            try:
                self.flush()
            except StoreWriteError:
                return
        for source in conflicts:
            if self._archive(source):
                self._foreign_settings.pop(source.path, None)
                self._settings_sources.remove(source)

    # -- computers -----------------------------------------------------------------

    def _ensure_device_file(self) -> None:
        path = self.own_dir / DEVICE_FILE
        if not path.exists():
            with contextlib.suppress(OSError):
                self._write_device_file(local.default_name())

    def _write_device_file(self, name: str) -> None:
        atomic_write_bytes(
            self.own_dir / DEVICE_FILE, encode({DEVICE_TABLE: {"1": {"name": name}}})
        )

    def set_device_name(self, name: str) -> None:
        """Name this computer as the others will list it (ValueError if blank or long)."""
        clean = local.clean_name(name)
        with self._mutex:
            self._check_writable()
            path = self.own_dir / DEVICE_FILE
            try:
                self._write_device_file(clean)
            except OSError as exc:
                raise _write_error(path, exc) from exc

    def devices(self) -> list[DeviceInfo]:
        """Every computer with a folder here: its name and its latest entry."""
        with self._mutex:
            self._check_open()
            self._scan()
            ids = set(self._names) | {self.device}
            by_device: dict[str, list[str]] = {d: [] for d in ids}
            for period, sources in self._sources.items():
                for s in sources:
                    if not s.conflict:
                        by_device.setdefault(s.device, []).append(period)
            by_device[self.device] = sorted(
                self._own_periods | {p for p, m in self._months.items() if m.own and m.own.doc_ids}
            )
            out = []
            for device in sorted(ids):
                periods = sorted(set(by_device.get(device, [])))
                name = self._device_name(device) or (
                    local.default_name() if device == self.device else ""
                )
                out.append(
                    DeviceInfo(
                        device,
                        name,
                        device == self.device,
                        self._last_entry_of(device, periods),
                        len(periods),
                    )
                )
            return out

    def _last_entry_of(self, device: str, periods: list[str]) -> datetime | None:
        for period in reversed(periods):
            month = self._month(period)
            times = [
                top.ts
                for _s, entries, _k in month.files.values()
                if _s.device == device and not _s.conflict
                for top in entries.values()
                if not top.deleted and top.device == device
            ]
            if times:
                return datetime.fromtimestamp(max(times), UTC)
        return None

    def refresh(self) -> bool:
        """Re-read what other computers changed since; True if the log may look different."""
        with self._mutex:
            self._check_open()
            before = {p: {s.path for s in ss} for p, ss in self._sources.items()}
            settings_before = {s.path for s in self._settings_sources}
            self._scan()
            changed = False
            for period, month in list(self._months.items()):
                now = {s.path for s in self._sources.get(period, ())}
                for gone in before.get(period, set()) - now:
                    month.drop_file(gone)
                    changed = True
                for source in self._sources.get(period, ()):
                    changed |= self._read_source(month, source)
                if not self.read_only and month.conflict_sources():
                    self._settle_conflicts(month)
            new_settings = {s.path for s in self._settings_sources}
            for gone in settings_before - new_settings:
                self._foreign_settings.pop(gone, None)
                changed = True
            for source in self._settings_sources:
                changed |= self._read_settings_source(source)
            if not self.read_only:
                self._settle_settings_conflicts()
            changed |= set(before) != set(self._sources)
            return changed

    def watch_paths(self) -> list[Path]:
        """The folders whose changes ``refresh`` picks up (for a file watcher)."""
        with self._mutex:
            return [self.data_dir / DEVICES, *(p.parent for p in self._names.values())]

    # -- writing -------------------------------------------------------------

    def add(self, event: Event) -> None:
        """Durably add a new event (fsynced and renamed when this returns).

        Adding the very same event again is a no-op (so a retried hand-over
        cannot duplicate it); a different event with a used id is a ValueError.
        Adding an event that was deleted brings it back (undo).  On a write
        error the event stays pending and StoreWriteError is raised.
        """
        check_event(event, None)  # EntryError: nothing is kept (the journal checks the time)
        with self._mutex:
            self._check_writable()
            period = period_of(event.at)
            existing = self._current(event.id, period)
            if existing is not None:
                if existing.to_dict() != event.to_dict():
                    raise ValueError(f"an event with id {event.id} exists already; use update()")
                return
            self._pending[event.id] = next_record(
                self._known(event.id, [period]), self.device, event.to_dict()
            )
            self.flush()

    def _current(self, eid: str, period: str) -> Event | None:
        if eid in self._pending:
            return _event(self._pending[eid])
        month = self._month(period)
        if eid in month.top and self._shows(month, eid):
            return month.event(eid)
        return None

    def add_many(self, events: Iterable[Event]) -> None:
        """Durably add many new events with one write per month file (imports, benchmarks).

        All ids must be new (ValueError before anything is written).  If a
        write fails, that month's and the later months' events become pending
        and StoreWriteError is raised, as for ``add``.
        """
        batch = list(events)
        with self._mutex:
            self._check_writable()
            by_month: dict[str, list[Record]] = {}
            seen: set[str] = set()
            for ev in batch:
                check_event(ev, None)
                period = period_of(ev.at)
                month = self._month(period)
                if ev.id in seen or ev.id in month.top or ev.id in self._pending:
                    raise ValueError(f"an event with id {ev.id} exists already")
                seen.add(ev.id)
                by_month.setdefault(period, []).append(next_record([], self.device, ev.to_dict()))
            self.flush()
            self._put_many(by_month)

    def _put_many(self, by_month: Mapping[str, list[Record]]) -> None:
        periods = sorted(by_month)
        for n, period in enumerate(periods):
            month = self._month(period)
            path = self._own_path(period)
            self._before_write(path)
            try:
                month.put_many(by_month[period])
            except OSError as exc:
                for later in periods[n:]:
                    self._pending.update((rec.id, rec) for rec in by_month[later])
                raise _write_error(path, exc) from exc
            self._own_periods.add(period)
            self._written.add(path)

    def update(self, event: Event) -> None:
        """Durably replace the event with the same id (KeyError if there is none)."""
        check_event(event, None)
        with self._mutex:
            self._check_writable()
            if self.get(event.id) is None:
                raise KeyError(f"no event with id {event.id}")
            self._pending[event.id] = next_record(
                self._known(event.id, [period_of(event.at)]), self.device, event.to_dict()
            )
            self.flush()

    def delete(self, event_id: str) -> Event:
        """Durably remove an event and return it (for undo); KeyError if there is none."""
        with self._mutex:
            self._check_writable()
            existing = self.get(event_id)
            if existing is None:
                raise KeyError(f"no event with id {event_id}")
            self._pending[event_id] = next_record(
                self._known(event_id, [period_of(existing.at)]),
                self.device,
                existing.to_dict(),
                deleted=True,
            )
            self.flush()
            return existing

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
                    self._commit(self._pending[eid])
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
                path = self.own_dir / SETTINGS_FILE
                self._before_write(path)
                current = {c.key: setting_to_doc(c, self.device) for c in self._own_changes()}
                current.update(
                    (c.key, setting_to_doc(c, self.device)) for c in self._pending_settings.values()
                )
                try:
                    db.table(SETTINGS_TABLE).upsert(Document(current, doc_id=_SETTINGS_DOC))
                except OSError as exc:
                    raise _write_error(path, exc) from exc
                self._written.add(path)
                self._pending_settings.clear()

    def _commit(self, rec: Record) -> None:
        """Write one record into every month it lives in (idempotent, so a retry finishes it).

        Its own month first, so a crash part-way leaves the entry shown
        (perhaps also its old version, for a moment) rather than hidden; the
        note of the write in the state folder lets the next open finish it.
        """
        order = [rec.month, *(p for p in rec.months if p != rec.month)]
        intent = self._state / local.INTENT_FILE
        if len(order) > 1:
            try:
                local.write_json(intent, rec.to_doc(""))
            except OSError as exc:
                raise _write_error(intent, exc) from exc
        for period in order:
            month = self._month(period)
            path = self._own_path(period)
            assert month.own is not None
            mine = month.files[path][1].get(rec.id)
            if mine is not None and mine.record().same(rec):
                continue
            self._before_write(path)
            try:
                month.put(rec)
            except OSError as exc:
                raise _write_error(path, exc) from exc
            self._own_periods.add(period)
            self._written.add(path)
        if len(order) > 1:
            with contextlib.suppress(OSError):
                intent.unlink()

    def _redo_interrupted_write(self) -> None:
        doc = local.read_json(self._state / local.INTENT_FILE)
        if doc is None:
            return
        try:
            rec = record_from_doc(doc, "")
        except (KeyError, TypeError, ValueError):
            with contextlib.suppress(OSError):
                (self._state / local.INTENT_FILE).unlink()
            return
        try:
            self._commit(rec)
        except StoreWriteError as exc:
            self.recovery.append(f"a change cut short last time could not be finished: {exc}")

    def _before_write(self, path: Path) -> None:
        """Save the device id if a full disk refused it at open; back up before a day's first change."""
        if not self._id_saved:
            try:
                local.save_device_id(self._state, self.device)
            except OSError as exc:
                raise _write_error(self._state / local.DEVICE_FILE, exc) from exc
            self._id_saved = True
        self._backup(path)

    def _today(self) -> date:
        return self._clock.now().astimezone(UTC).date()

    def _backup(self, path: Path, *, refresh: bool = False) -> None:
        """Make (or with ``refresh`` update) today's backup of ``path`` if it reads cleanly."""
        from crampcoach.store.errors import CorruptFileError
        from crampcoach.store.storage import decode

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

    # -- the old one-folder layout (see migration.py) -----------------------------

    def _migrate_legacy(self) -> None:
        """Move an old-layout folder's data into this computer's device folder."""
        months, copies, settings = migration.legacy_files(self.data_dir)
        if not (months or copies or settings):
            return
        notes = self.recovery
        tables = {p: migration.read_legacy(path, notes) for p, path in sorted(months.items())}
        docs = {p: dict((t or {}).get(EVENTS_TABLE, {})) for p, t in tables.items()}
        migration.settle_half_moves(docs)
        fresh = not self._own_periods and not self._sources
        count = 0
        for period, table in docs.items():
            if fresh:  # nothing to merge with: each month is copied as it is
                atomic_write_bytes(self._own_path(period), encode({EVENTS_TABLE: table}))
                self._own_periods.add(period)
                count += len(table)
            else:
                count += self.import_records(table.values(), self.device).new
        for path in copies:
            copy_tables = migration.read_legacy(path, notes)
            if copy_tables is not None:
                events = copy_tables.get(EVENTS_TABLE, {}).values()
                count += self.import_records(events, self.device).new
        for path in settings:
            self._migrate_settings(path)
        kept = migration.move_aside(
            self.data_dir, [*months.values(), *copies, *settings], self._today().isoformat()
        )
        notes.append(
            f"Your log was moved to the layout that file-sync can share ({count} entries); "
            f"the old files are kept in {kept.name}/."
        )

    def _migrate_settings(self, path: Path) -> None:
        """Old settings become this computer's changes, stamped with the file's time."""
        tables = migration.read_legacy(path, self.recovery)
        doc = (tables or {}).get(SETTINGS_TABLE, {}).get("1", {})
        if not isinstance(doc, dict):
            return
        try:
            stamp = (int(path.stat().st_mtime * 1000), 0)
        except OSError:
            stamp = (0, 0)
        own = {c.key for c in self._own_changes()}
        local_values = dict(self._local)
        for key, value in doc.items():
            if key in LOCAL_SETTINGS:
                local_values.setdefault(key, value)
            elif key not in own:
                self._pending_settings[key] = SettingChange(key, value, stamp, self.device)
        if local_values != self._local:
            self._write_local(local_values)
        self.flush()

    # -- import ------------------------------------------------------------------

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

    def import_events(self, events: Iterable[Event]) -> ImportCounts:
        """Merge events by id: new ones are added, known ones are left as they are.

        Idempotent: importing the same events again finds every one the same.
        An id whose entry differs here (edited or deleted since the export) is
        counted as newer elsewhere and not changed.
        """
        counts = ImportCounts()
        with self._mutex:
            self._check_writable()
            known = self.all_ids()
            by_month: dict[str, list[Record]] = {}
            for ev in events:
                check_event(ev, None)
                if ev.id in known:
                    here = self.get(ev.id)
                    if here is not None and here.to_dict() == ev.to_dict():
                        counts.same += 1
                    else:
                        counts.newer_elsewhere += 1
                    continue
                known.add(ev.id)
                counts.new += 1
                by_month.setdefault(period_of(ev.at), []).append(
                    next_record([], self.device, ev.to_dict())
                )
            self.flush()
            self._put_many(by_month)
        return counts

    def import_records(self, docs: Iterable[Mapping[str, Any]], device: str) -> ImportCounts:
        """Merge stored records (a backup or old-layout file) by id, as ``import_events``."""
        from crampcoach.core.events import event_from_dict

        events: list[Event] = []
        refused = 0
        for doc in docs:
            try:
                rec = record_from_doc(doc, device)
                if rec.deleted:
                    continue
                events.append(event_from_dict(dict(rec.doc)))
            except (KeyError, TypeError, ValueError):
                refused += 1
        counts = self.import_events(events)
        counts.refused += refused
        return counts


def _entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


def _event(rec: Record) -> Event | None:
    if rec.deleted:
        return None
    from crampcoach.core.events import event_from_dict

    return event_from_dict(dict(rec.doc))


def _has_bytes(path: Path, needle: bytes) -> bool:
    try:
        return needle in path.read_bytes()
    except FileNotFoundError:
        return path.name.startswith("events-") and bool(files.backups_of(path))
    except OSError:
        return True  # reading it properly reports the problem


def _setting_changes(tables: Tables | None, device: str) -> list[SettingChange]:
    doc = (tables or {}).get(SETTINGS_TABLE, {}).get(str(_SETTINGS_DOC), {})
    out: list[SettingChange] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            with contextlib.suppress(ValueError):
                out.append(setting_from_doc(key, value, device))
    return out
