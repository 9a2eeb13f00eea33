"""Crash-safe TinyDB storage for the adherence log.

``Store.open(data_dir)`` is the one way in; see ``crampcoach.store.store`` for
the file layout, and ``crampcoach.store.storage`` for how a write is made safe.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from crampcoach.store.errors import (
    CorruptFileError,
    DataFolderError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreWriteError,
    UnreadableFileError,
)

if TYPE_CHECKING:
    from crampcoach.store.storage import MIGRATIONS, SCHEMA_VERSION
    from crampcoach.store.store import Store, period_of

# Loaded on first use (PEP 562), so that ``crampcoach.store.lock`` alone is
# cheap: a ``--hidden`` start takes the lock's measure and shows its tray
# icon before it imports the rest of the store (``crampcoach.qt.launch.run``).
_LAZY = {
    "MIGRATIONS": "crampcoach.store.storage",
    "SCHEMA_VERSION": "crampcoach.store.storage",
    "Store": "crampcoach.store.store",
    "period_of": "crampcoach.store.store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "CorruptFileError",
    "DataFolderError",
    "Store",
    "StoreError",
    "StoreLockedError",
    "StoreReadOnlyError",
    "StoreWriteError",
    "UnreadableFileError",
    "period_of",
]
