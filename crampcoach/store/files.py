"""Rolling backups, quarantine of damaged files, and restore from the newest good backup.

Backups live in ``<data>/backups/<file name>.<YYYY-MM-DD>``: at most one per file
per day (refreshed at close).  Kept: those of the last ``KEEP_DAYS`` days, and
always the newest ``KEEP_ALWAYS`` of every file, so a month last written years
ago still has a copy to restore while the folder does not grow by a week of
copies per month of history.  They are real copies, not hard links: a tool
that rewrites a data file in place would damage a hard-linked backup with it.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from crampcoach.store.errors import CorruptFileError
from crampcoach.store.storage import TEMP_SUFFIX, Tables, atomic_write_bytes, decode, fsync_dir

KEEP_DAYS = 7
KEEP_ALWAYS = 2
BACKUP_DIR = "backups"
_BACKUP_DAY = re.compile(r"\.(\d{4}-\d{2}-\d{2})$")


def backup_dir(folder: Path) -> Path:
    """The backups folder inside the data folder."""
    return folder / BACKUP_DIR


def backups_of(path: Path) -> list[tuple[date, Path]]:
    """The backups of ``path``, newest first."""
    folder = backup_dir(path.parent)
    found: list[tuple[date, Path]] = []
    if not folder.is_dir():
        return found
    for candidate in folder.glob(f"{path.name}.*"):
        m = _BACKUP_DAY.search(candidate.name)
        if m and candidate.name == f"{path.name}.{m.group(1)}":
            with contextlib.suppress(ValueError):
                found.append((date.fromisoformat(m.group(1)), candidate))
    found.sort(reverse=True)
    return found


def make_backup(path: Path, raw: bytes, today: date, *, refresh: bool = False) -> bool:
    """Save ``raw`` (the checked content of ``path``) as today's backup; prune old ones.

    Returns False when today's backup already existed and ``refresh`` is off.
    Raises OSError when the backup cannot be written.
    """
    folder = backup_dir(path.parent)
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.name}.{today.isoformat()}"
    if target.exists() and not refresh:
        return False
    atomic_write_bytes(target, raw)
    _prune(backups_of(path), today)
    return True


def _prune(newest_first: list[tuple[date, Path]], today: date) -> None:
    oldest_kept = today - timedelta(days=KEEP_DAYS - 1)
    for n, (day, old) in enumerate(newest_first):
        if n >= KEEP_ALWAYS and (day < oldest_kept or n >= KEEP_DAYS):
            with contextlib.suppress(OSError):
                old.unlink()


def prune_backups(folder: Path, today: date) -> None:
    """Apply the keep rule to every file's backups (months no longer written included)."""
    groups: dict[str, list[tuple[date, Path]]] = {}
    with contextlib.suppress(OSError):
        for candidate in backup_dir(folder).iterdir():
            m = _BACKUP_DAY.search(candidate.name)
            if not m:
                continue
            with contextlib.suppress(ValueError):
                day = date.fromisoformat(m.group(1))
                groups.setdefault(candidate.name[: m.start()], []).append((day, candidate))
    for found in groups.values():
        found.sort(reverse=True)
        _prune(found, today)


def quarantine(path: Path, stamp: str) -> Path:
    """Move ``path`` aside as ``<name>.corrupt-<stamp>`` (with a counter if taken); never deletes."""
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    # link + unlink rather than rename: link fails instead of overwriting if a
    # file of that name appeared after the check.
    try:
        os.link(path, target)
    except FileExistsError:
        return quarantine(path, f"{stamp}-{os.getpid()}")
    except OSError:
        # File systems without hard links: the caller holds the lock and the
        # name was just checked, so a rename cannot clobber anything.
        path.rename(target)
    else:
        path.unlink()
    fsync_dir(path.parent)
    return target


@dataclass(frozen=True)
class Restored:
    """The newest good backup's content."""

    day: date
    path: Path
    raw: bytes
    tables: Tables
    version: int


def newest_good_backup(path: Path) -> Restored | None:
    """The newest backup of ``path`` that reads cleanly, or None."""
    for day, candidate in backups_of(path):
        try:
            raw = candidate.read_bytes()
            tables, version = decode(raw, candidate.name)
        except (OSError, CorruptFileError):
            continue
        return Restored(day, candidate, raw, tables, version)
    return None


def clean_temp_files(folder: Path) -> list[Path]:
    """Remove temp files a killed writer left behind (only call while holding the lock)."""
    removed: list[Path] = []
    for sub in (folder, backup_dir(folder)):
        if not sub.is_dir():
            continue
        for tmp in sub.glob(f".*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed
