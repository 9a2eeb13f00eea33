"""Routine titles, descriptions and notes are plain text in tooltips too."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import Qt, QTextDocument

from crampcoach.qt.forms import plain_tip

HOSTILE = '<b>bold</b> <a href="https://x">link</a> <img src="file:///tmp/fifo">\nline 2'

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def shown(tip: str) -> str:
    """What Qt renders for a tooltip: rich text only when it looks like it."""
    doc = QTextDocument()
    if Qt.mightBeRichText(tip):
        doc.setHtml(tip)
    else:
        doc.setPlainText(tip)
    return doc.toPlainText()


def test_a_plain_tip_renders_as_the_characters_it_holds(qtbot: Any) -> None:
    assert Qt.mightBeRichText(HOSTILE)  # what Qt would have rendered as markup
    assert shown(plain_tip(HOSTILE)).replace("\u2028", "\n") == HOSTILE


def test_the_main_window_tooltips_are_plain(make_app: Any, qtbot: Any) -> None:
    import dataclasses

    app = make_app()
    routine = next(iter(app.routines.values()))
    evil = dataclasses.replace(routine, title=HOSTILE, description=HOSTILE)
    app.main_window.set_routines([evil], {})
    item = app.main_window.routine_list.item(0)
    assert HOSTILE.split("\n")[0] in shown(item.toolTip())
    card = app.main_window.routine_list.itemWidget(item)
    assert HOSTILE.split("\n")[0] in shown(card.start_button.toolTip())
