"""Moving a data folder of the old one-folder layout into this computer's device folder.

Before sync, the folder held ``events-YYYY-MM.json``, ``settings.json``,
``backups/`` and ``store.lock`` at its top.  At the first start of a writer
that finds them (and at any later start that finds one again: a computer
still running an old version may have written one), their entries become
this computer's records, and the old files are moved, untouched, into
``before-sync-<date>/``: nothing is deleted, and the move is the backup.

When this computer has no files yet and no other computer has any, each old
month is copied as it is (one read and one write per month, no entry parsed:
a ten-year folder moves in about a second).  Otherwise the entries are merged
by id like an import: an id known already is left as it stands.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from crampcoach.core.syncnames import NameKind, classify
from crampcoach.store import files
from crampcoach.store.errors import CorruptFileError
from crampcoach.store.storage import Tables, decode, fsync_dir, migrate

#: The old store's mark of an entry half-moved to another month.
MOVING = "_moving_to"
LEGACY_LOCK = "store.lock"
EVENT_FILE = re.compile(r"^events-(\d{4}-\d{2})\.json$")
SETTINGS_FILE = "settings.json"


def legacy_files(folder: Path) -> tuple[dict[str, Path], list[Path], list[Path]]:
    """(regular month files by month, conflict copies of them, settings files)."""
    months: dict[str, Path] = {}
    copies: list[Path] = []
    settings: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if not entry.is_file():
                continue
            name = classify(entry.name)
            if name.kind is NameKind.TEMPORARY:
                continue
            m = EVENT_FILE.match(name.original)
            if m and name.kind is NameKind.DATA:
                months[m.group(1)] = entry
            elif m:
                copies.append(entry)
            elif name.original == SETTINGS_FILE:
                settings.append(entry)
    return months, sorted(copies), sorted(settings)


def read_legacy(path: Path, notes: list[str]) -> Tables | None:
    """An old-layout file's tables (its newest good backup if it is damaged), else None."""
    try:
        tables, version = decode(path.read_bytes(), path.name)
        return migrate(tables, version)
    except (OSError, CorruptFileError) as exc:
        reason = exc.reason if isinstance(exc, CorruptFileError) else exc.strerror
        restored = files.newest_good_backup(path)
        if restored is None:
            notes.append(
                f"{path.name} (old layout) could not be read ({reason}) and has no good "
                "backup; it is kept unchanged with the old files."
            )
            return None
        notes.append(
            f"{path.name} (old layout) could not be read ({reason}); its backup from "
            f"{restored.day.isoformat()} was used. The file itself is kept with the old files."
        )
        return migrate(restored.tables, restored.version)


def settle_half_moves(docs: dict[str, dict[str, Any]]) -> None:
    """Drop copies the old store left marked as moving when the target month has the entry."""
    for period, table in docs.items():
        for doc_id, doc in list(table.items()):
            target = doc.get(MOVING) if isinstance(doc, dict) else None
            if not isinstance(target, str):
                continue
            has = any(
                isinstance(d, dict) and d.get("id") == doc.get("id")
                for d in docs.get(target, {}).values()
            )
            if has and target != period:
                del table[doc_id]
            else:
                table[doc_id] = {k: v for k, v in doc.items() if k != MOVING}


def move_aside(folder: Path, paths: list[Path], day: str) -> Path:
    """Move the old files (and the old backups folder and lock) into ``before-sync-<day>/``."""
    target = folder / f"before-sync-{day}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"before-sync-{day}-{n}"
    target.mkdir()
    for path in paths:
        path.rename(target / path.name)
    for extra in (files.BACKUP_DIR, LEGACY_LOCK):
        with contextlib.suppress(FileNotFoundError):
            (folder / extra).rename(target / extra)
    fsync_dir(folder)
    return target
