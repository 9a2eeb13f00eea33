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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crampcoach.core.sync import SettingChange
from crampcoach.core.syncnames import NameKind, classify
from crampcoach.store import files
from crampcoach.store.errors import CorruptFileError
from crampcoach.store.months import EVENTS_TABLE
from crampcoach.store.storage import Tables, atomic_write_bytes, decode, encode, fsync_dir, migrate

if TYPE_CHECKING:
    from crampcoach.store.store import Store

#: The old store's mark of an entry half-moved to another month.
MOVING = "_moving_to"
LEGACY_LOCK = "store.lock"


def _legacy_files(folder: Path) -> tuple[dict[str, Path], list[Path], list[Path]]:
    """(regular month files by month, conflict copies of them, settings files)."""
    from crampcoach.store.store import _EVENT_FILE, SETTINGS_FILE

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
            m = _EVENT_FILE.match(name.original)
            if m and name.kind is NameKind.DATA:
                months[m.group(1)] = entry
            elif m:
                copies.append(entry)
            elif name.original == SETTINGS_FILE:
                settings.append(entry)
    return months, sorted(copies), sorted(settings)


def _read(path: Path, notes: list[str]) -> Tables | None:
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


def migrate_legacy(store: Store) -> None:
    """Move an old-layout folder's data into ``store``'s device folder (see the module)."""
    folder = store.data_dir
    months, copies, settings = _legacy_files(folder)
    if not (months or copies or settings):
        return
    notes = store.recovery
    tables = {period: _read(path, notes) for period, path in sorted(months.items())}
    docs = {p: dict((t or {}).get(EVENTS_TABLE, {})) for p, t in tables.items()}
    _settle_half_moves(docs)
    fresh = not store._own_periods and not store._sources
    count = 0
    for period, table in docs.items():
        if fresh:
            target = store._own_path(period)
            atomic_write_bytes(target, encode({EVENTS_TABLE: table}))
            store._own_periods.add(period)
            count += len(table)
        else:
            done = store.import_records(table.values(), store.device)
            count += done.new
    for path in copies:
        copy_tables = _read(path, notes)
        if copy_tables is not None:
            done = store.import_records(copy_tables.get(EVENTS_TABLE, {}).values(), store.device)
            count += done.new
    for path in settings:
        _migrate_settings(store, path, notes)
    kept = _move_aside(folder, [*months.values(), *copies, *settings], store)
    notes.append(
        f"Your log was moved to the layout that file-sync can share ({count} entries); "
        f"the old files are kept in {kept.name}/."
    )


def _settle_half_moves(docs: dict[str, dict[str, Any]]) -> None:
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


def _migrate_settings(store: Store, path: Path, notes: list[str]) -> None:
    from crampcoach.store.store import LOCAL_SETTINGS, SETTINGS_TABLE

    tables = _read(path, notes)
    doc = (tables or {}).get(SETTINGS_TABLE, {}).get("1", {})
    if not isinstance(doc, dict):
        return
    try:
        stamp = (int(path.stat().st_mtime * 1000), 0)
    except OSError:
        stamp = (0, 0)
    own = {c.key for c in store._own_changes()}
    local_values = dict(store._local)
    for key, value in doc.items():
        if key in LOCAL_SETTINGS:
            local_values.setdefault(key, value)
        elif key not in own:
            store._pending_settings[key] = SettingChange(key, value, stamp, store.device)
    if local_values != store._local:
        store._write_local(local_values)
    store.flush()


def _move_aside(folder: Path, paths: list[Path], store: Store) -> Path:
    day = store._today().isoformat()
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
