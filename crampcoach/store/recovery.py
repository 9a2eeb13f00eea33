"""Reading data files safely: repair of this computer's files, patience with the others'.

* This computer's files (``devices/<this device>/...``) are ours to repair: a
  damaged one is moved aside (never deleted) and the newest good backup
  restored; a missing one with backups is restored; an old schema is migrated.
  Each repair is said in ``notes`` in plain words.
* Another computer's file, or a conflict copy, that cannot be read is most
  likely still arriving (a sync tool that writes in place) or was damaged on
  the way: it is left exactly as it is and read again at the next look.  Its
  owner repairs it on that computer.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, date
from pathlib import Path

from crampcoach.core.clock import Clock
from crampcoach.store import files
from crampcoach.store import storage as _storage
from crampcoach.store.errors import CorruptFileError, UnreadableFileError
from crampcoach.store.storage import Tables, atomic_write_bytes, decode, encode, migrate


class Recovery:
    """Loads files for one open store and collects what it had to repair."""

    def __init__(self, *, read_only: bool, clock: Clock) -> None:
        """``notes`` collects the plain-words account of every repair."""
        self.read_only = read_only
        self.clock = clock
        self.notes: list[str] = []
        self._foreign_told: set[Path] = set()

    def today(self) -> date:
        """The UTC date (backups are per UTC day)."""
        return self.clock.now().astimezone(UTC).date()

    def load_own(self, path: Path) -> Tables:
        """Read one of this computer's files, recovering it if missing-with-backups or damaged."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return self._restore_missing(path)
        except OSError as exc:
            raise UnreadableFileError(
                f"cannot read {path} ({exc.strerror or exc}); check its owner and rights "
                f"(ls -l {path}); nothing was changed"
            ) from None
        try:
            tables, version = decode(raw, path.name)
        except CorruptFileError as exc:
            return self._recover(path, exc.reason)
        if version < _storage.SCHEMA_VERSION:
            tables = migrate(tables, version)
            if not self.read_only:
                # Keep the pre-migration file as today's backup, then upgrade it.
                with contextlib.suppress(OSError):
                    files.make_backup(path, raw, self.today())
                atomic_write_bytes(path, encode(tables))
                self.notes.append(
                    f"{path.name} was updated from data format {version} to "
                    f"{_storage.SCHEMA_VERSION}."
                )
        return tables

    def load_foreign(self, path: Path, whose: str) -> Tables | None:
        """Read another computer's file or a conflict copy; None (said once) if unreadable."""
        try:
            tables, version = decode(path.read_bytes(), path.name)
            return migrate(tables, version)
        except FileNotFoundError:
            return None  # gone since the folder was listed (archived, renamed)
        except (OSError, CorruptFileError) as exc:
            if path not in self._foreign_told:
                self._foreign_told.add(path)
                reason = exc.reason if isinstance(exc, CorruptFileError) else exc.strerror
                self.notes.append(
                    f"{path.name} from {whose} cannot be read yet ({reason}); it is left "
                    "as it is and read again later (it may still be arriving)."
                )
            return None

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
        self.notes.append(
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
            self.notes.append(
                f"{path.name} is damaged: {reason}; {shown}. "
                "CrampCoach will repair the file when it next opens the log for writing."
            )
            return migrate(restored.tables, restored.version) if restored else {}
        stamp = self.clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        moved = files.quarantine(path, stamp)
        if restored is None:
            self.notes.append(
                f"{path.name} was damaged: {reason}. It was moved aside as {moved.name}; "
                "no good backup was found, so that part of the log starts empty."
            )
            return {}
        tables = self._restored_tables(restored, path)
        self.notes.append(
            f"{path.name} was damaged: {reason}. It was moved aside as {moved.name} and "
            f"the backup from {restored.day.isoformat()} was restored; entries logged after "
            "that backup are only in the moved-aside file."
        )
        return tables
