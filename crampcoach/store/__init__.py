"""Crash-safe TinyDB storage for the adherence log.

``Store.open(data_dir)`` is the one way in; see ``crampcoach.store.store`` for
the file layout, and ``crampcoach.store.storage`` for how a write is made safe.
"""

from crampcoach.store.errors import (
    CorruptFileError,
    DataFolderError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreWriteError,
    UnreadableFileError,
)
from crampcoach.store.storage import MIGRATIONS, SCHEMA_VERSION
from crampcoach.store.store import Store, period_of

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
