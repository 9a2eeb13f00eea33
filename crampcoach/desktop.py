"""Put CrampCoach in the desktop's application menu: entry, icons, AppStream metadata.

``crampcoach desktop install`` (and the welcome screen) call :func:`install`;
``crampcoach desktop remove`` calls :func:`remove`.  Everything goes under
``$XDG_DATA_HOME`` (default ``~/.local/share``), per the XDG specifications:

- ``applications/crampcoach.desktop``: the shipped ``assets/crampcoach.desktop``
  with an absolute ``Exec`` for *this* installation, because a venv or pipx
  install rarely puts ``crampcoach`` on the PATH of the session that starts
  menu entries;
- ``icons/hicolor/NxN/apps/crampcoach.png`` at every rendered size, and
  ``icons/hicolor/scalable/apps/crampcoach.svg``: ``Icon=crampcoach`` finds them;
- ``metainfo/org.crampcoach.crampcoach.metainfo.xml`` for software centres.

Pure Python, no Qt: the CLI and the GUI both use it.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from crampcoach import resources

ENTRY_NAME = "crampcoach.desktop"
ICON_NAME = "crampcoach"
METAINFO_NAME = "org.crampcoach.crampcoach.metainfo.xml"

# The desktop entry spec's reserved characters: an argument holding one is quoted.
_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if Path(value).is_absolute() else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The absolute command that starts this installation of CrampCoach.

    The ``crampcoach`` script beside the running interpreter (a venv's or
    pipx's ``bin``) when there is one, else the interpreter with ``-m``.  The
    interpreter's path is kept as it is, not resolved: a venv's
    ``bin/python`` symlink is what selects the venv.
    """
    python = Path(sys.executable).absolute()
    script = python.parent / "crampcoach"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(python), "-m", "crampcoach"]


def exec_quote(arg: str) -> str:
    r"""Quote one argument for an ``Exec`` key (desktop entry spec, "The Exec key").

    Field codes are escaped (``%`` as ``%%``); an argument with a reserved
    character goes in double quotes with ``"``, `````, ``$`` and ``\``
    backslash-escaped; then, as every string value, each backslash is doubled.
    """
    arg = arg.replace("%", "%%")
    if arg == "" or _RESERVED.search(arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg.replace("\\", "\\\\")


def exec_line(args: Sequence[str] = ()) -> str:
    """The ``Exec`` value that runs :func:`launcher` with ``args``."""
    return " ".join(exec_quote(a) for a in [*launcher(), *args])


def entry_text(*, autostart: bool = False) -> str:
    """The shipped desktop entry with absolute ``Exec`` lines for this installation.

    ``autostart=True`` gives the login entry: ``--hidden`` (straight to the
    tray), no desktop actions, and GNOME's enabled key.
    """
    out: list[str] = []
    for line in resources.read_text("assets", ENTRY_NAME).splitlines():
        if line.startswith("[") and line != "[Desktop Entry]" and autostart:
            break  # desktop actions make no sense at login
        key, _, value = line.partition("=")
        if key == "Actions" and autostart:
            continue
        if key == "TryExec":
            # A plain string value, not Exec's quoting: only backslashes are escaped.
            line = "TryExec=" + launcher()[0].replace("\\", "\\\\")
        elif key == "Exec":
            # The shipped entry says "crampcoach ARGS...": keep ARGS, make the command absolute.
            args = value.split()[1:] + (["--hidden"] if autostart else [])
            line = f"Exec={exec_line(args)}"
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    if autostart:
        out.append("X-GNOME-Autostart-enabled=true")
    return "\n".join(out).rstrip("\n") + "\n"


def installed_files(base: Path | None = None) -> dict[Path, Path]:
    """Each file :func:`install` writes, mapped to the bundled file it comes from."""
    base = data_home() if base is None else base
    hicolor = base / "icons" / "hicolor"
    files = {
        base / "applications" / ENTRY_NAME: resources.path("assets", ENTRY_NAME),
        base / "metainfo" / METAINFO_NAME: resources.path("assets", METAINFO_NAME),
        hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg": resources.path(
            "assets", "icons/crampcoach.svg"
        ),
    }
    for size in resources.ICON_SIZES:
        files[hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"] = resources.path(
            "assets", f"icons/crampcoach-{size}.png"
        )
    return files


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def install(base: Path | None = None) -> list[Path]:
    """Add the menu entry, the icons and the metainfo; returns the files written.

    Safe to repeat (it overwrites its own files, e.g. after the install moved).
    Raises ``OSError`` when a file cannot be written.
    """
    base = data_home() if base is None else base
    written: list[Path] = []
    for target, source in installed_files(base).items():
        data = entry_text().encode("utf-8") if target.name == ENTRY_NAME else source.read_bytes()
        _write(target, data)
        written.append(target)
    _refresh(base)
    return written


def remove(base: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; returns the files that were there."""
    base = data_home() if base is None else base
    removed: list[Path] = []
    for target in installed_files(base):
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
            removed.append(target)
    _refresh(base)
    return removed


def is_installed(base: Path | None = None) -> bool:
    """Whether the menu entry is there (the welcome screen asks before offering it)."""
    base = data_home() if base is None else base
    return (base / "applications" / ENTRY_NAME).is_file()


def _refresh(base: Path) -> None:
    """Tell menus and icon themes something changed (best effort: they also watch)."""
    import shutil
    import subprocess

    hicolor = base / "icons" / "hicolor"
    with contextlib.suppress(OSError):
        os.utime(hicolor)  # GTK rescans a theme folder whose time changed
    tool = shutil.which("update-desktop-database")
    if tool and (base / "applications").is_dir():
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                [tool, "-q", str(base / "applications")],
                check=False,
                timeout=30,
                capture_output=True,
            )
