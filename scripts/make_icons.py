"""Render ``assets/icons/crampcoach.svg`` into the PNG sizes the app sets as its window icon.

The PNGs are committed; this script is how they were made:
``python scripts/make_icons.py [OUT_DIR]``.  Why PNGs at all: an SVG window
icon makes Qt load QtSvg and its icon-engine plugin before the first window
is painted (about 2 MiB and 2 ms of start-up, ``benchmarks/bench_startup.py``);
PNG decoding is built into QtGui.  The SVG stays the source, and the tray,
which starts after the first paint, still uses it.
``tests/gui/app/test_desktop_entry.py`` fails when a PNG no longer matches it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)  # crampcoach.qt.app.ICON_SIZES
ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "assets" / "icons" / "crampcoach.svg"


def render(size: int):  # type: ignore[no-untyped-def]
    """The SVG drawn at ``size`` px square, as a QImage (ARGB, transparent background)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # alive while we paint
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        target = out / f"crampcoach-{size}.png"
        if not render(size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SVG.parent))
