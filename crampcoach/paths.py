"""Where the user's data lives: ``--data-dir``, else ``$CRAMPCOACH_DATA_DIR``, else the platform folder."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import zlib
from pathlib import Path

ENV_VAR = "CRAMPCOACH_DATA_DIR"


class DataFolderError(Exception):
    """The data folder cannot be used; the message names it and says what to do."""


def folder_problem(folder: Path, exc: OSError) -> str:
    """One line for a fault of the data folder itself: what is wrong and what to do."""
    other = "or choose another folder with --data-dir"
    code = exc.errno or 0
    if code in (errno.ENOTDIR, errno.EEXIST) or folder.is_file():
        return (
            f"the data folder {folder} is not a folder (it, or a folder above it, is a file); "
            f"move that file away {other}"
        )
    if code == errno.EROFS:
        return f"the data folder {folder} is on a read-only disk; mount it for writing {other}"
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"no permission to use the data folder {folder}; check its owner and rights "
            f"(ls -ld {folder}) {other}"
        )
    return f"cannot use the data folder {folder}: {exc.strerror or exc}; check the disk {other}"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return (and create) the per-user data folder."""
    if explicit:
        folder = Path(explicit)
    elif os.environ.get(ENV_VAR):
        folder = Path(os.environ[ENV_VAR])
    else:
        import platformdirs

        folder = Path(platformdirs.user_data_dir("crampcoach", appauthor=False))
    folder = folder.expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataFolderError(folder_problem(folder, exc)) from None
    if not folder.is_dir():
        raise DataFolderError(folder_problem(folder, OSError(errno.ENOTDIR, "not a folder")))
    return folder


def user_routines_dir(data: Path) -> Path:
    """The folder for the user's own routine files (created on first use)."""
    folder = data / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def routine_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files directly in ``folder``, in name order (README.md is not one)."""
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))


def cache_dir() -> Path:
    """The per-user folder for derived files: ``$XDG_CACHE_HOME/crampcoach``.

    Not in the data folder: a cache belongs to one computer, and a data folder
    that is synced or copied should not carry it.  Created when first written.
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    if base and Path(base).is_absolute():  # the spec says a relative value is ignored
        return Path(base) / "crampcoach"
    if sys.platform.startswith("linux"):  # the XDG default, without importing platformdirs
        return Path.home() / ".cache" / "crampcoach"
    import platformdirs

    return Path(platformdirs.user_cache_dir("crampcoach", appauthor=False))


def user_state_dir() -> Path:
    """The per-user folder for this computer's state: ``$XDG_STATE_HOME/crampcoach``.

    What ``platformdirs.user_state_dir`` says, without importing it on Linux
    (about 0.5 MiB that an app idle in the tray would keep), as :func:`cache_dir`.
    """
    base = os.environ.get("XDG_STATE_HOME", "")
    if base and Path(base).is_absolute():  # the spec says a relative value is ignored
        return Path(base) / "crampcoach"
    if sys.platform.startswith("linux"):
        return Path.home() / ".local" / "state" / "crampcoach"
    import platformdirs

    return Path(platformdirs.user_state_dir("crampcoach", appauthor=False))


def content_key(path: Path) -> list[int] | None:
    """A cheap fingerprint of a file's bytes (length, CRC-32, Adler-32); None if unreadable.

    What the derived caches are keyed on, so a copied or synced data folder
    (new inodes, new times, same bytes) still hits them.  zlib, not hashlib:
    hashlib loads OpenSSL (about 4 MiB) into the GUI process.  Two different
    32-bit checksums and the length make an accidental match between an edited
    file and its old summary vanishingly unlikely; this keys a cache, never
    anything that has to resist an attacker.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return [len(data), zlib.crc32(data), zlib.adler32(data)]


def drop_legacy_cache(data: Path, name: str) -> None:
    """Remove ``<data>/cache/<name>`` (where caches lived before), and that folder once empty."""
    folder = data / "cache"
    with contextlib.suppress(OSError):
        (folder / name).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def write_cache_file(path: Path, text: str) -> None:
    """Replace a cache file atomically (temp file, rename); failing is never an error.

    For derived data only (:func:`cache_dir`): no fsync, because losing it
    costs one slower start, and a reader never sees half a file.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
