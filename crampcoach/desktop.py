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
from crampcoach.core.text import QT_TRANSLATE_NOOP, Message

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
    tables = translations()
    group = ""
    for line in resources.read_text("assets", ENTRY_NAME).splitlines():
        if line.startswith("[") and line != "[Desktop Entry]" and autostart:
            break  # desktop actions make no sense at login
        if line.startswith("["):
            group = line.strip("[]")
        key, _, value = line.partition("=")
        if (group, key) in ENTRY_WORDS:
            out += [line, *_localized_lines(group, key, tables)]
            continue
        if key == "Actions" and autostart:
            continue
        if key == "TryExec":
            # A plain string value, not Exec's quoting: only backslashes are escaped.
            line = "TryExec=" + launcher()[0].replace("\\", "\\\\")
        elif key == "Exec":
            # The shipped entry says "crampcoach ARGS...": keep ARGS, make the command absolute.
            args = value.split()[1:] + (["--hidden"] if autostart else [])
            line = f"Exec={exec_line(args)}"  # not shown
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
        if target.name == ENTRY_NAME:
            data = entry_text().encode("utf-8")
        elif target.name == METAINFO_NAME:
            data = metainfo_text().encode("utf-8")
        else:
            data = source.read_bytes()
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


# --- translated names ------------------------------------------------------------

#: The desktop entry's words, per (group, key).  The English is also in
#: ``assets/crampcoach.desktop`` (a test keeps the two equal); the other
#: languages come from ``translations/crampcoach_<lang>.ts``, which lupdate
#: fills from these markers, so the menu speaks the same words as the app.
ENTRY_WORDS: dict[tuple[str, str], Message] = {
    ("Desktop Entry", "Name"): QT_TRANSLATE_NOOP("DesktopEntry", "CrampCoach"),
    ("Desktop Entry", "GenericName"): QT_TRANSLATE_NOOP("DesktopEntry", "Leg stretching coach"),
    ("Desktop Entry", "Comment"): QT_TRANSLATE_NOOP(
        "DesktopEntry",
        "Guided leg stretching, reminders and a weekly review for people whose legs cramp",
    ),
    # Translators: search words, each ending in ";" (no spaces around them).
    ("Desktop Entry", "Keywords"): QT_TRANSLATE_NOOP(
        "DesktopEntry", "cramp;stretch;leg;calf;reminder;health;"
    ),
    ("Desktop Action bedtime", "Name"): QT_TRANSLATE_NOOP(
        "DesktopEntry", "Start the bedtime routine"
    ),
}
#: The AppStream metainfo's translated elements, by tag.
METAINFO_WORDS: dict[str, Message] = {
    "name": QT_TRANSLATE_NOOP("AppStream", "CrampCoach"),
    "summary": QT_TRANSLATE_NOOP(
        "AppStream", "Guided leg stretching and reminders for people whose legs cramp"
    ),
}


def translations() -> dict[str, dict[tuple[str, str], str]]:
    """Every finished translation in the shipped ``.ts`` files: language -> (context, source) -> text.

    Read from the Qt Linguist sources with the standard library (no Qt here:
    the command line installs the entry), so the entry and the app share one
    translation.  A damaged or missing file gives no translations, never an error.
    """
    import xml.etree.ElementTree as ET

    folder = resources.data_root() / "translations"
    found: dict[str, dict[tuple[str, str], str]] = {}
    for ts in sorted(folder.glob("crampcoach_*.ts")):
        language = ts.stem.removeprefix("crampcoach_")
        try:
            root = ET.parse(ts).getroot()
        except (OSError, ET.ParseError):
            continue
        texts = found.setdefault(language, {})
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                tr = message.find("translation")
                if tr is None or tr.get("type") or not (tr.text or "").strip():
                    continue  # unfinished, vanished or empty: English stays
                texts[(name, message.findtext("source", ""))] = tr.text or ""
    return found


def _entry_value(text: str) -> str:
    """A desktop entry ``localestring``: one line, backslashes and breaks escaped."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _localized_lines(
    group: str, key: str, tables: dict[str, dict[tuple[str, str], str]]
) -> list[str]:
    message = ENTRY_WORDS.get((group, key))
    if message is None:
        return []
    lines = []
    for language, texts in sorted(tables.items()):
        text = texts.get((message.context, message.source))
        if text is not None:
            lines.append(f"{key}[{language}]={_entry_value(text)}")
    return lines


def metainfo_text() -> str:
    """The shipped metainfo with a translated ``<name>`` and ``<summary>`` per language."""
    from xml.sax.saxutils import escape, quoteattr

    text = resources.read_text("assets", METAINFO_NAME)
    tables = translations()
    for tag, message in METAINFO_WORDS.items():
        found = re.search(
            rf"^([ \t]*)<{tag}>{re.escape(escape(message.source))}</{tag}>$", text, re.M
        )
        if found is None:
            continue  # a test keeps the asset and the words equal
        indent = found.group(1)
        added = "".join(
            f"\n{indent}<{tag} xml:lang={quoteattr(language)}>{escape(translated)}</{tag}>"
            for language, texts in sorted(tables.items())
            if (translated := texts.get((message.context, message.source))) is not None
        )
        text = text[: found.end()] + added + text[found.end() :]
    return text
