"""The app speaks the system's language: Qt's translators for our strings and Qt's own.

Our messages live in ``translations/crampcoach_<lang>.ts`` (Qt Linguist's
XML, edited with ``pyside6-linguist`` and refreshed from the code with
``pyside6-lupdate``, see translations/README.md).  A wheel carries them
compiled to ``.qm`` by the hatch build hook (``hatch_build.py``).  A checkout
has only the ``.ts`` sources, so they are compiled here on first use into the
cache folder, keyed on their content: a checkout run finds them too.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from crampcoach import resources
from crampcoach.core.text import Day, Message, Number

DOMAIN = "crampcoach"


def _lrelease() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "lrelease"


def _cache_home() -> Path:
    value = os.environ.get("XDG_CACHE_HOME", "")
    return Path(value) if Path(value).is_absolute() else Path.home() / ".cache"


def compile_ts(sources: list[Path], out_dir: Path) -> list[Path]:
    """Compile ``.ts`` files to ``.qm`` in ``out_dir`` with PySide6's lrelease."""
    import subprocess  # only when compiling: start-up cost

    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sources:
        qm = out_dir / f"{ts.stem}.qm"
        try:
            subprocess.run(
                [str(_lrelease()), "-silent", str(ts), "-qm", str(qm)],
                check=True,
                capture_output=True,
                timeout=60,
            )
        except subprocess.SubprocessError as exc:
            raise OSError(f"lrelease failed on {ts.name}: {exc}") from exc
        built.append(qm)
    return built


def qm_folder() -> Path | None:
    """Where the compiled translations are: the wheel's, else built from the checkout's sources."""
    folder = resources.data_root() / "translations"
    if any(folder.glob("*.qm")):
        return folder
    sources = sorted(folder.glob(f"{DOMAIN}_*.ts"))
    if not sources:
        return None
    # crc32, not hashlib: this runs at start-up, and hashlib loads OpenSSL.
    digest = f"{zlib.crc32(b''.join(ts.read_bytes() for ts in sources)):08x}"
    cached = _cache_home() / "crampcoach" / "translations" / digest
    if len(list(cached.glob("*.qm"))) < len(sources):
        try:
            compile_ts(sources, cached)
        except OSError:
            return None  # untranslated, never broken
    return cached


def install(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install Qt's and our translators for ``locale`` (the system's); returns them."""
    locale = QLocale.system() if locale is None else locale
    loaded: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = qm_folder()
    for domain, folder in (("qtbase", qt_dir), (DOMAIN, None if ours is None else str(ours))):
        if folder is None:
            continue
        translator = QTranslator(app)
        if translator.load(locale, domain, "_", folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def format_duration(seconds: int) -> str:
    """``45 s``, ``3 min``, ``3 min 20 s``: how long a routine takes, in the user's language."""
    minutes, secs = divmod(int(seconds), 60)
    locale = QLocale()
    if minutes == 0:
        return QCoreApplication.translate("Duration", "{seconds} s").format(
            seconds=locale.toString(secs)
        )
    if secs == 0:
        return QCoreApplication.translate("Duration", "{minutes} min").format(
            minutes=locale.toString(minutes)
        )
    return QCoreApplication.translate("Duration", "{minutes} min {seconds} s").format(
        minutes=locale.toString(minutes), seconds=locale.toString(secs)
    )


def shown(value: Number | Day) -> str:
    """A core number or date as the user's locale writes it: "0,50", "Mo. 2. März 2026"."""
    locale = QLocale()
    if isinstance(value, Day):
        # The pattern is translatable: German writes "Mo. 2. März 2026".
        pattern = QCoreApplication.translate("ReviewWords", "ddd d MMM yyyy")
        return locale.toString(QDate(value.day.year, value.day.month, value.day.day), pattern)
    if value.decimals is None:
        text = locale.toString(float(value.value), "g", 6)
    else:
        text = locale.toString(float(value.value), "f", value.decimals)
    if value.signed and not text.startswith(locale.negativeSign()):
        text = locale.positiveSign() + text
    return text


def render(message: Message) -> str:
    """A core message in the user's language, its numbers and dates in the user's locale."""
    return message.render(QCoreApplication.translate, shown)
