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

``Store`` is one object built of parts, each in its own module: the folder,
its months, conflict copies and backups (``folder.py``), reading
(``queries.py``), the settings (``settings.py``), the computers
(``devices.py``) and writing with its queue of changes not saved yet
(``writes.py``); this module opens, refreshes and closes it.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path
from types import TracebackType
from typing import Self

from crampcoach import paths
from crampcoach.core.clock import Clock
from crampcoach.core.events import Event
from crampcoach.core.journal import EntryError, parse_entry
from crampcoach.core.sync import next_record, period_of
from crampcoach.store import caches, files, migration, unsaved
from crampcoach.store.devices import DeviceInfo, Devices
from crampcoach.store.errors import DataFolderError, StoreError, StoreWriteError
from crampcoach.store.folder import DEVICES, SETTINGS_FILE, device_folder, event_file_name
from crampcoach.store.months import EVENTS_TABLE
from crampcoach.store.queries import event_of
from crampcoach.store.storage import atomic_write_bytes, encode
from crampcoach.store.writes import Writes

__all__ = ["DEVICES", "DeviceInfo", "Store", "device_folder", "event_file_name", "period_of"]


class Store(Writes, Devices):
    """The adherence log.  Open with ``Store.open``; see the module docstring."""

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
        events = [ev for ev in map(event_of, self._pending.values()) if ev is not None]
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

    def refresh(self) -> bool:
        """Re-read what other computers changed since; True if the log may look different."""
        with self._mutex:
            self._check_open()
            before = {p: {s.path for s in ss} for p, ss in self._sources.items()}
            settings_before = {s.path for s in self._settings_sources}
            self._scan()
            changed = self._refresh_months(before)
            changed |= self._refresh_settings(settings_before)
            changed |= set(before) != set(self._sources)
            return changed

    def _refresh_months(self, before: dict[str, set[Path]]) -> bool:
        """Re-read the loaded months' files of other computers that changed or went."""
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
        return changed

    def _refresh_settings(self, before: set[Path]) -> bool:
        """Re-read the other computers' settings files that changed or went."""
        changed = False
        for gone in before - {s.path for s in self._settings_sources}:
            self._foreign_settings.pop(gone, None)
            changed = True
        for source in self._settings_sources:
            changed |= self._read_settings_source(source)
        if not self.read_only:
            self._settle_settings_conflicts()
        return changed

    def watch_paths(self) -> list[Path]:
        """The folders whose changes ``refresh`` picks up (for a file watcher)."""
        with self._mutex:
            return [self.data_dir / DEVICES, *(p.parent for p in self._names.values())]

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


def _entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"
