"""The core and the store never import Qt (architecture principle 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import crampcoach

PKG = Path(crampcoach.__file__).parent


def _modules(sub: str) -> list[str]:
    return sorted(
        "crampcoach." + ".".join(p.relative_to(PKG).with_suffix("").parts)
        for p in (PKG / sub).rglob("*.py")
    )


def test_core_store_and_cli_import_no_qt() -> None:
    mods = [*_modules("core"), *_modules("store"), *_modules("cli"), "crampcoach.resources"]
    code = (
        "import sys, importlib\n"
        f"for m in {mods!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt imported by core/store/cli: {out.stdout}"
    assert len(mods) >= 5  # the walk found the real modules


def test_no_qt_source_reference_in_core() -> None:
    for sub in ("core", "store"):
        for p in (PKG / sub).rglob("*.py"):
            text = p.read_text(encoding="utf-8")
            assert "PySide6" not in text and "shiboken" not in text, p
