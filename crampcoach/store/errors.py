"""The store's exceptions; each message is written for the person using the app."""

from __future__ import annotations


class StoreError(Exception):
    """Base class of every store error."""


class StoreLockedError(StoreError):
    """Another process owns the log; ``pid`` is its process id when known."""

    def __init__(self, lock_path: str, pid: int | None) -> None:
        who = f"process {pid}" if pid else "another CrampCoach process"
        super().__init__(
            f"the CrampCoach log is in use by {who} (lock file {lock_path}); "
            "close that CrampCoach or let the running app record the entry"
        )
        self.pid = pid
        self.lock_path = lock_path


class StoreWriteError(StoreError):
    """A write failed (disk full, read-only disk, no permission ...).

    The file on disk is unchanged; the change is kept in memory (``Store.pending``)
    and retried on the next write or ``Store.flush()``.
    """

    def __init__(self, message: str, errno: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno


class DataFolderError(StoreError):
    """The data folder cannot be used: it is a file, under a file, unreadable or read-only."""


class UnreadableFileError(StoreError):
    """A file in the data folder cannot be read (permissions, an I/O error)."""


class StoreReadOnlyError(StoreError):
    """A write was attempted on a store opened with ``read_only=True``."""


class CorruptFileError(StoreError):
    """A data file cannot be read; ``reason`` says why in plain words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
