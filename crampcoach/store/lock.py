"""The single-writer lock: ``fcntl.flock`` on a lock file of this computer's.

The file is outside the data folder (``local.lock_path``): a data folder
carried by a file-sync tool would carry a lock file too, and another
computer's copy of it must never block this one.

``flock`` belongs to the open file, so the kernel drops it when the owning
process exits or is killed: a crashed app never leaves the log stuck (a pid file
checked for liveness would, after pid reuse).  The owner writes its pid into the
file only so that a second process can name it in its error message.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from pathlib import Path

from crampcoach.store.errors import StoreLockedError
from crampcoach.store.local import lock_path


def read_pid(path: Path) -> int | None:
    """The pid written in a lock file, or None if absent or unreadable."""
    try:
        text = path.read_text(encoding="ascii").strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


def is_free(folder: Path) -> bool:
    """Whether no process holds the lock of ``folder`` right now (False if it cannot be told)."""
    lock = StoreLock(lock_path(folder))
    try:
        lock.acquire(0.0)
    except (StoreLockedError, OSError):
        return False
    lock.release()
    return True


class StoreLock:
    """An exclusive, non-blocking (optionally polling) lock on the file ``path``."""

    def __init__(self, path: Path) -> None:
        """Prepare the lock on ``path``; nothing is taken yet."""
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float = 0.0) -> None:
        """Take the lock, polling up to ``timeout`` seconds; else StoreLockedError."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreLockedError(str(self.path), read_pid(self.path)) from None
                # Polling, not a blocking flock: a blocking call cannot time out.
                time.sleep(0.005)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError:
            # The pid is only for messages; a read-only lock file still locks.
            pass
        self._fd = fd

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Drop the lock (idempotent)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
