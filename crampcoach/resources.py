"""The one place that finds the bundled ``ui/``, ``assets/`` and ``routines/`` folders.

In a checkout they sit at the top level beside the package; in an installed wheel
the build maps them to ``crampcoach/_data/`` (see ``pyproject.toml``).  Every other
module asks here, so there is exactly one rule for both layouts, and a path can
never escape the data root (absolute paths and ``..`` are rejected, as
qutebrowser does for its packaged files).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path, PurePosixPath
from typing import Literal

Area = Literal["ui", "assets", "routines"]
_AREAS: tuple[Area, ...] = ("ui", "assets", "routines")
_PACKAGE_DIR = Path(__file__).resolve().parent
#: The sizes of the rendered app icon, ``assets/icons/crampcoach-N.png`` (scripts/make_icons.py).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


class ResourceError(LookupError):
    """A bundled file is missing or the requested path is not allowed."""


@cache
def data_root() -> Path:
    """Return the folder that holds ``ui/``, ``assets/`` and ``routines/``."""
    for candidate in (_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent):
        if all((candidate / area).is_dir() for area in _AREAS):
            return candidate
    raise ResourceError(
        f"CrampCoach's data folders (ui/, assets/, routines/) were not found next to "
        f"{_PACKAGE_DIR}; reinstall the package."
    )


def path(area: Area, relative: str = "") -> Path:
    """Return the path of a bundled file or folder, e.g. ``path("assets", "icons/app.svg")``."""
    if area not in _AREAS:
        raise ResourceError(f"unknown resource area {area!r}; expected one of {_AREAS}")
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise ResourceError(f"resource path must be relative and inside {area}/: {relative!r}")
    full = data_root() / area / rel
    if not full.exists():
        raise ResourceError(f"bundled resource not found: {area}/{relative}")
    return full


def read_text(area: Area, relative: str) -> str:
    """Read a bundled text file as UTF-8."""
    return path(area, relative).read_text(encoding="utf-8")
