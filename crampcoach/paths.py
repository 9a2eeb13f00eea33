"""Where the user's data lives: ``--data-dir``, else ``$CRAMPCOACH_DATA_DIR``, else the platform folder."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

ENV_VAR = "CRAMPCOACH_DATA_DIR"


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
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def user_routines_dir(data: Path) -> Path:
    """The folder for the user's own routine files (created on first use)."""
    folder = data / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def routine_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files directly in ``folder``, in name order (README.md is not one)."""
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))


def write_cache_file(path: Path, text: str) -> None:
    """Replace a cache file atomically (temp file, rename); failing is never an error.

    For derived data only (``<data>/cache/``): no fsync, because losing it
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
