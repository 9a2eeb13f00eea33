"""The computers that share the data folder: their names and latest entries."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime

from crampcoach.store import local
from crampcoach.store.folder import DEVICE_FILE, DEVICE_TABLE, Folder, write_error
from crampcoach.store.storage import atomic_write_bytes, encode


@dataclass(frozen=True)
class DeviceInfo:
    """A computer seen in the data folder."""

    id: str
    name: str
    this: bool
    last_entry: datetime | None
    months: int


class Devices(Folder):
    """The computers half of ``Store``."""

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
                raise write_error(path, exc) from exc

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
