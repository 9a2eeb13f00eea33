"""The data folder: every computer's files by name, the months they make, conflicts, backups.

``Folder`` is the base of ``Store`` (``store.py`` tells the layout): it lists
the files (``_scan``), reads a month the first time it is needed (``_month``,
with ``recovery.py`` for damage), settles and archives sync conflict copies,
and makes a day's backup before this computer's first change to a file.
Reading (``queries.py``), writing (``writes.py``), the settings
(``settings.py``) and the computers (``devices.py``) are built on it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import threading
from collections.abc import Iterable
from datetime import UTC, date
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from crampcoach.core.clock import Clock
from crampcoach.core.events import EventType
from crampcoach.core.sync import Record, SettingChange, visible
from crampcoach.core.syncnames import NameKind, classify
from crampcoach.store import files, local
from crampcoach.store.errors import (
    CorruptFileError,
    StoreError,
    StoreReadOnlyError,
    StoreWriteError,
)
from crampcoach.store.lock import StoreLock
from crampcoach.store.months import Month, OwnFile, Source, file_key
from crampcoach.store.recovery import Recovery
from crampcoach.store.storage import decode

DEVICES = "devices"
SETTINGS_FILE = "settings.json"
DEVICE_FILE = "device.json"
ARCHIVE = "archive"
DEVICE_TABLE = "device"
_EVENT_FILE = re.compile(r"^events-(\d{4}-\d{2})\.json$")
_EVENT_BACKUP = re.compile(r"^events-(\d{4}-\d{2})\.json\.\d{4}-\d{2}-\d{2}$")
_DEVICE_DIR = re.compile(r"^[0-9a-z-]{4,64}$")


def event_file_name(period: str) -> str:
    """The file name of a month's events."""
    return f"events-{period}.json"


def device_folder(data_dir: Path) -> Path:
    """This computer's own folder in ``data_dir`` (made, with its device id, on first use)."""
    folder = Path(data_dir)
    own = folder / DEVICES / local.device_id(local.state_dir(folder), read_only=False)[0]
    own.mkdir(parents=True, exist_ok=True)
    return own


def write_error(path: Path, exc: OSError) -> StoreWriteError:
    """The error a refused write raises: what happened, what to do, that nothing is lost."""
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


class Folder:
    """The files and months behind a ``Store`` (see the module docstring)."""

    def __init__(self, folder: Path, *, read_only: bool, clock: Clock) -> None:
        """Use ``Store.open``.

        All the state the parts share is made here, so each part's module
        reads it by the same names: the files ``_scan`` lists, the months
        read, the settings (``settings.py``) and the changes not saved yet
        (``writes.py``).
        """
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
    def months_in_memory(self) -> frozenset[str]:
        """The months ("2026-11") read so far: a month is read on first use, not at open.

        What a tray app holds all day depends on it (issue 17's memory goals),
        so it is part of the store's contract, checked by the store's tests.
        """
        return frozenset(self._months)

    @property
    def recovery(self) -> list[str]:
        """What was repaired or could not be read, in plain words (for the user)."""
        return self._rec.notes

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
                names[folder.name] = folder / DEVICE_FILE
                with contextlib.suppress(OSError):
                    self._scan_device(folder, sources, settings_sources, own_periods)
        with contextlib.suppress(OSError):
            for entry in files.backup_dir(self.own_dir).iterdir():
                m = _EVENT_BACKUP.match(entry.name)
                if m:
                    own_periods.add(m.group(1))
        self._sources = sources
        self._settings_sources = settings_sources
        self._names = names
        self._own_periods = own_periods

    def _scan_device(
        self,
        folder: Path,
        sources: dict[str, list[Source]],
        settings_sources: list[Source],
        own_periods: set[str],
    ) -> None:
        """Sort one computer's folder's files into months and settings (OSError: unreadable)."""
        mine = folder.name == self.device
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
                    sources.setdefault(m.group(1), []).append(Source(entry, folder.name, conflict))
            elif kind.original == SETTINGS_FILE and (conflict or not mine):
                settings_sources.append(Source(entry, folder.name, conflict))

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

    def _before_write(self, path: Path) -> None:
        """Save the device id if a full disk refused it at open; back up before a day's first change."""
        if not self._id_saved:
            try:
                local.save_device_id(self._state, self.device)
            except OSError as exc:
                raise write_error(self._state / local.DEVICE_FILE, exc) from exc
            self._id_saved = True
        self._backup(path)

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
