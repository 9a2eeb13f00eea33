"""Every label in every window reads well in a light, a dark and a high-contrast palette.

The palette is set as the desktop's ("follow the system", the default), every
window is opened, and each label is measured where it is drawn: the window is
rendered, the label's content box cut out, its background taken as the most
common colour and its text as the colour that stands out most from it.  WCAG
AA asks 4.5:1 for normal text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from crampcoach.qt import theme
from tests.gui.windows import open_every_window, settle, visible_widgets

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

AA = 4.5
PALETTES = {
    "light": theme.light_palette,
    "dark": theme.dark_palette,
    "high-contrast": theme.high_contrast_palette,
}


def label_contrast(image: QImage, window: QWidget, label: QLabel) -> float | None:
    """The contrast of ``label``'s drawn text against its drawn background."""
    # Only what is drawn: a card scrolled out of its list is not on the screen.
    box = label.contentsRect().adjusted(1, 1, -1, -1) & label.visibleRegion().boundingRect()
    if box.isEmpty():
        return None
    top_left = label.mapTo(window, box.topLeft())
    ratio = image.devicePixelRatio()
    x0, y0 = int(top_left.x() * ratio), int(top_left.y() * ratio)
    w, h = int(box.width() * ratio), int(box.height() * ratio)
    counts: Counter[int] = Counter()
    for y in range(max(0, y0), min(image.height(), y0 + h)):
        for x in range(max(0, x0), min(image.width(), x0 + w)):
            counts[image.pixel(x, y)] += 1
    if len(counts) < 2:
        return None  # nothing drawn (an empty box)
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(theme.contrast(QColor.fromRgb(c), background) for c in counts)


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_label_keeps_aa_contrast(qtbot: Any, data_dir: Path, name: str) -> None:
    palette: QPalette = PALETTES[name]()
    before = theme.system_palette()
    theme.use_system_palette(palette)
    opened = open_every_window(data_dir)
    try:
        settle()
        low: list[str] = []
        measured = 0
        for window_name, window in opened.windows.items():
            image = window.grab().toImage()
            for widget in visible_widgets(window):
                if not isinstance(widget, QLabel) or not widget.text() or not widget.isEnabled():
                    continue
                ratio = label_contrast(image, window, widget)
                if ratio is None:
                    continue
                measured += 1
                if ratio < AA:
                    text = " ".join(widget.text().split())[:40]
                    low.append(f"{window_name}/{widget.objectName()} “{text}”: {ratio:.2f}:1")
        assert measured > 40  # the walk found the windows' labels
        assert not low, f"in the {name} palette:\n" + "\n".join(low)
    finally:
        opened.close()
        theme.use_system_palette(before)


def test_the_theme_setting_follows_the_system_or_forces_light_or_dark(qapp: Any) -> None:
    from crampcoach.core.settings import SettingError, validate

    before = theme.system_palette()
    try:
        theme.use_system_palette(theme.high_contrast_palette())
        theme.apply(qapp, "dark")
        assert theme.is_dark(qapp.palette())
        assert "#7cc4bc" in qapp.styleSheet()  # the dark accent, readable on black
        theme.apply(qapp, "light")
        assert not theme.is_dark(qapp.palette())
        assert "#2f6f6a" in qapp.styleSheet()
        theme.apply(qapp, "system")
        assert qapp.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
    finally:
        theme.use_system_palette(before)
        theme.apply(qapp)
    assert validate("theme", " Dark ") == "dark"
    with pytest.raises(SettingError, match="system, light, dark"):
        validate("theme", "blue")


def test_text_sizes_follow_the_users_font(qapp: Any) -> None:
    from PySide6.QtGui import QFont

    template = "QLabel#t { font-size: 200%; }"
    saved = QFont(qapp.font())
    try:
        for points in (9, 16):
            font = QFont(saved)
            font.setPointSizeF(points)
            qapp.setFont(font)
            rendered = theme.render(template, qapp.palette(), qapp.font().pointSizeF())
            assert f"font-size: {2 * points:.1f}pt" in rendered
        assert "11pt" not in theme.app_stylesheet()  # no fixed base size any more
    finally:
        qapp.setFont(saved)
