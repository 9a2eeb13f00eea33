"""Text from routine files, notes and reminders shows as the characters it holds, everywhere.

A routine file and a cramp note carry markup, a mnemonic ``&`` and Qt's
window-title placeholder ``[*]``.  Every screen that can show them is opened
(main window, player, review, cramp dialog, tray menu, the in-app
notification), then every widget, menu entry, item and window title is read
the way Qt would draw it: rich text is rendered, a lone ``&`` in a button or
menu entry is a mnemonic, ``[*]`` in a window title is a placeholder.
Wherever the marker appears, the whole hostile text must appear as written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction, Qt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from crampcoach.core.events import CrampEvent, Leg, Muscle, new_id
from tests.gui.windows import opened_review

MARKER = "XSS"
HOSTILE = "<b>XSS</b> & <img src=file:///x.png> <a href='e'>[*]</a>"
#: The same as a file name (no "/"): open tags render all the same.
FILE_HOSTILE = "<i>XSS & <img src=x.png> [*]"
CITE = '{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }'

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)


def _toml(text: str) -> str:
    return json.dumps(text)  # a TOML basic string too


def _routine_file(data_dir: Path) -> None:
    folder = data_dir / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    hostile = _toml(HOSTILE)
    (folder / "hostile.toml").write_text(
        f"title = {hostile}\n"
        'kind = "stretch"\n'
        f"description = {hostile}\n"
        f"safety = {hostile}\n"
        "\n[[steps]]\n"
        f"name = {hostile}\n"
        f"instructions = {hostile}\n"
        "duration_s = 30\n"
        f"citations = [{CITE}]\n",
        encoding="utf-8",
    )
    # a bad file whose error message names it: the notice shows the name as written
    (folder / f"{FILE_HOSTILE}.toml").write_text("title = 1\n", encoding="utf-8")


def _rendered(text: str) -> str:
    """What a label or tooltip in automatic format shows."""
    if not Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText().replace("\u2028", "\n")


def _label(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    if label.textFormat() == Qt.TextFormat.RichText:
        doc = QTextDocument()
        doc.setHtml(label.text())
        return doc.toPlainText()
    return _rendered(label.text())


def _mnemonic(text: str) -> str:
    """A button's or menu entry's text as drawn: ``&&`` is ``&``, a lone ``&`` vanishes."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _window_title(widget: QWidget) -> str:
    handle = widget.windowHandle()
    return handle.title() if handle is not None else widget.windowTitle()


def _items(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    todo = [QModelIndex()]
    while todo:
        parent = todo.pop()
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps it private: one column
            columns = 1
        for row in range(model.rowCount(parent)):
            for col in range(columns):
                index = model.index(row, col, parent)
                shown = model.data(index, Qt.ItemDataRole.DisplayRole)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                yield f"item {row},{col}", str(shown or "")
                if tip:
                    yield f"item tooltip {row},{col}", _rendered(str(tip))
                if col == 0:
                    todo.append(index)


def _path(w: QWidget) -> str:
    """The widget's class and its parents' up to its window, e.g. ``MainWindow/…/Toast/QLabel``."""
    names = [type(w).__name__]
    while not w.isWindow() and (parent := w.parentWidget()) is not None:
        w = parent
        names.append(type(w).__name__)
    return "/".join(reversed(names))


def _shown_texts() -> Iterator[tuple[str, str]]:
    """(where, text as drawn) for everything on every widget and menu of the app."""
    for w in QApplication.allWidgets():
        where = f"{_path(w)} {w.objectName()!r}"
        if w.isWindow():
            yield f"{where} title", _window_title(w)
        if w.toolTip():
            yield f"{where} tooltip", _rendered(w.toolTip())
        if isinstance(w, QLabel):
            yield where, _label(w)
        elif isinstance(w, QAbstractButton):
            yield where, _mnemonic(w.text())
        elif isinstance(w, QGroupBox):
            yield where, _mnemonic(w.title())
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            yield where, w.toPlainText()
        elif isinstance(w, QAbstractItemView):
            for part, text in _items(w):
                yield f"{where} {part}", text
        if isinstance(w, QMenu):
            w.aboutToShow.emit()  # menus filled as they open
        for action in w.actions():
            assert isinstance(action, QAction)
            yield f"{where} action", _mnemonic(action.text())
            if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
                yield f"{where} action tooltip", _rendered(action.toolTip())


def test_hostile_text_is_drawn_as_written_on_every_screen(
    make_app: Any, data_dir: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcoach.qt import tray as tray_mod

    _routine_file(data_dir)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={data_dir}/no-bus")
    app = make_app()
    assert "hostile" in app.routines, app.problems
    now = app.clock.now()
    app.journal.add(
        CrampEvent(
            id=new_id(),
            at=now - timedelta(hours=1),
            leg=Leg.LEFT,
            muscle=Muscle.CALF,
            severity=4,
            note=HOSTILE,
        )
    )
    app.store.set_setting("bedtime_routine", "hostile")
    app.show_main_window()
    app.refresh()
    assert app.start_routine("hostile")
    opened_review(app, qtbot)
    monkeypatch.setattr(tray_mod, "tray_available", lambda: True)
    app.services = tray_mod.start_background(app)
    try:
        app.services.controller.notifications.show_toast("t", HOSTILE, HOSTILE, [("ok", "OK")])
        found: list[str] = []
        wrong: list[str] = []
        for where, text in _shown_texts():
            if MARKER not in text:
                continue
            found.append(where)
            if HOSTILE not in text and FILE_HOSTILE not in text:
                wrong.append(f"{where}: {text!r}")
        assert not wrong, "\n".join(wrong)
        # the test saw the text where it is shown (it is not vacuous)
        joined = "\n".join(found)
        for where in (
            "PlayerWindow 'PlayerWindow' title",
            "QMenu '' action",
            "Toast/QLabel",
            "QTableWidget 'diaryTable' item",
            "QListWidget 'routineList' item tooltip",
            "QLabel 'noticeLabel'",
        ):
            assert where in joined, joined
    finally:
        app.services.stop()
