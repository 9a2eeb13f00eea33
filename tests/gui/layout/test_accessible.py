"""What a screen reader gets: a name and a description for every control and list item.

Reads each widget through Qt's accessibility interface (what AT-SPI passes on
to Orca), not through our own properties, so a button named only by its text
or described only by its tooltip counts, and an empty list item does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QWidget

from tests.gui.windows import open_every_window, settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


def focusable(window: QWidget) -> list[QWidget]:
    """Every visible, enabled widget in ``window`` that Tab or a click can focus."""
    found = [window, *window.findChildren(QWidget)]
    return [
        w
        for w in found
        if w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.window() is window
        and not _qt_internal(w)
    ]


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (a spin box's line edit, a scroll bar)."""
    name = widget.objectName()
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return True  # a view's viewport: the view itself is what is exposed
    return name.startswith("qt_") or (
        widget.parentWidget() is not None
        and type(widget.parentWidget()).__name__
        in {"QSpinBox", "QDoubleSpinBox", "QTimeEdit", "QDateTimeEdit", "QComboBox"}
    )


def missing(window_name: str, window: QWidget) -> list[str]:
    problems: list[str] = []
    for widget in focusable(window):
        face = QAccessible.queryAccessibleInterface(widget)
        what = f"{window_name}/{widget.objectName() or type(widget).__name__}"
        if face is None:
            problems.append(f"{what}: not exposed to assistive technology")
            continue
        if not face.text(NAME).strip():
            problems.append(f"{what}: no accessible name")
        if not face.text(DESCRIPTION).strip():
            problems.append(f"{what}: no accessible description")
        if isinstance(widget, QAbstractItemView) and type(widget).__name__ == "QListWidget":
            for n in range(face.childCount()):
                item = face.child(n)
                if item is None or item.role() != QAccessible.Role.ListItem:
                    continue
                if not item.text(NAME).strip():
                    problems.append(f"{what} item {n}: no accessible name")
                if not item.text(DESCRIPTION).strip():
                    problems.append(f"{what} item {n}: no accessible description")
    return problems


def test_every_control_and_list_item_has_a_name_and_a_description(
    qtbot: Any, data_dir: Path
) -> None:
    opened = open_every_window(data_dir)
    try:
        settle()
        checked = sum(len(focusable(w)) for w in opened.windows.values())
        assert checked > 30  # the walk found the windows' controls
        problems = [p for name, w in opened.windows.items() for p in missing(name, w)]
        assert not problems, "\n".join(problems)
    finally:
        opened.close()
