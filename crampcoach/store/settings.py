"""The settings in the data folder: each computer's changes, stamped and merged; this computer's own.

Each computer writes its changes into ``devices/<id>/settings.json``; every
computer merges all of them (latest stamp wins, ``core.sync``).  The settings
that describe this computer, not the person (``LOCAL_SETTINGS``), are kept
outside the data folder (``local.py``), so a file-sync tool never carries them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from crampcoach.core import settings as settings_table
from crampcoach.core.sync import (
    SettingChange,
    merge_settings,
    next_stamp,
    setting_from_doc,
    setting_to_doc,
)
from crampcoach.store import local, migration
from crampcoach.store.errors import StoreWriteError
from crampcoach.store.folder import SETTINGS_FILE, Folder, write_error
from crampcoach.store.months import Source, file_key
from crampcoach.store.storage import AtomicJSONStorage, Tables

SETTINGS_TABLE = "settings"
_SETTINGS_DOC = 1
#: Settings that describe this computer, not the person: kept outside the data folder.
LOCAL_SETTINGS = frozenset({"reminders_checked_until", "autostart"})


class SharedSettings(Folder):
    """The settings half of ``Store``."""

    def flush(self) -> None:
        """Save every pending change now (the events' and the settings'): ``writes.Writes``."""
        raise NotImplementedError

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

    def discard_setting(self, key: str) -> None:
        """Forget an unsaved setting (a ``set`` reported as refused is never applied later)."""
        with self._mutex:
            self._pending_settings.pop(key, None)

    def _read_local(self) -> dict[str, Any]:
        found = local.read_json(self._state / local.LOCAL_SETTINGS_FILE)
        return dict(found) if isinstance(found, dict) else {}

    def _write_local(self, values: dict[str, Any]) -> None:
        path = self._state / local.LOCAL_SETTINGS_FILE
        try:
            local.write_json(path, values)
        except OSError as exc:
            raise write_error(path, exc) from exc
        self._local = values

    def _settle_settings_conflicts(self) -> None:
        conflicts = [s for s in self._settings_sources if s.conflict]
        if not conflicts:
            return
        keep = self._only_in_copies(conflicts)
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

    def _only_in_copies(self, conflicts: list[Source]) -> list[SettingChange]:
        """The merged changes that only the conflict copies ``conflicts`` hold."""
        copies = {s.path for s in conflicts}
        merged = merge_settings(self._all_changes())
        regular = {
            (c.key, c.stamp, c.device)
            for path, (_k, changes) in self._foreign_settings.items()
            if path not in copies
            for c in changes
        } | {(c.key, c.stamp, c.device) for c in self._own_changes()}
        return [c for c in merged.values() if (c.key, c.stamp, c.device) not in regular]

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

    def _save_pending_settings(self) -> None:
        """Write the settings changes not saved yet into this computer's settings file."""
        if not self._pending_settings:
            return
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
            raise write_error(path, exc) from exc
        self._written.add(path)
        self._pending_settings.clear()


def _setting_changes(tables: Tables | None, device: str) -> list[SettingChange]:
    doc = (tables or {}).get(SETTINGS_TABLE, {}).get(str(_SETTINGS_DOC), {})
    out: list[SettingChange] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            with contextlib.suppress(ValueError):
                out.append(setting_from_doc(key, value, device))
    return out
