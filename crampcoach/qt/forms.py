"""Load Designer forms (``ui/*.ui``) at run time through :mod:`crampcoach.resources`.

Qt for Python advises ``QUiLoader`` (or ``pyside6-uic`` at build time) over
``loadUiType``; we load at run time so no generated code is ever committed.
Forms are plain ``QWidget`` forms: the Python class that owns one embeds it
(e.g. as a main window's central widget) and finds its children by object
name with :func:`child`, which fails loudly naming the form and the widget.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QFile, QIODevice
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from crampcoach import resources

if TYPE_CHECKING:
    from PySide6.QtUiTools import QUiLoader

W = TypeVar("W", bound=QWidget)


class UiError(RuntimeError):
    """A form is missing, unreadable, or lacks a widget the code needs."""


#: The classes whose Python types (with their enums) PySide builds in the GUI
#: thread when the first window is made: for ``QUiLoader.load``, the loader's
#: widgets (``availableWidgets()``), layouts and the classes it reaches besides;
#: for the first fill, the style and date classes.  Listed by
#: ``tests/gui/app/test_forms_warm.py``, which fails when a PySide release adds
#: one.  About 90 enums: 10-15 ms of the first window's rounds under X11.
FIRST_WINDOW_TYPES = {
    "PySide6.QtWidgets": (
        "QAbstractScrollArea",
        "QAbstractSlider",
        "QAbstractSpinBox",
        "QCalendarWidget",
        "QCheckBox",
        "QColumnView",
        "QComboBox",
        "QCommandLinkButton",
        "QDateEdit",
        "QDateTimeEdit",
        "QDial",
        "QDialog",
        "QDialogButtonBox",
        "QDockWidget",
        "QDoubleSpinBox",
        "QFontComboBox",
        "QFrame",
        "QGraphicsView",
        "QGroupBox",
        "QKeySequenceEdit",
        "QLCDNumber",
        "QLabel",
        "QLineEdit",
        "QListView",
        "QListWidget",
        "QMainWindow",
        "QMdiArea",
        "QMenu",
        "QMenuBar",
        "QPlainTextEdit",
        "QProgressBar",
        "QPushButton",
        "QRadioButton",
        "QScrollArea",
        "QScrollBar",
        "QSlider",
        "QSpinBox",
        "QSplitter",
        "QStackedWidget",
        "QStatusBar",
        "QTabWidget",
        "QTableView",
        "QTableWidget",
        "QTextBrowser",
        "QTextEdit",
        "QTimeEdit",
        "QToolBar",
        "QToolBox",
        "QToolButton",
        "QTreeView",
        "QTreeWidget",
        "QUndoView",
        "QWidget",
        "QWizard",
        "QWizardPage",
        "QFormLayout",
        "QGridLayout",
        "QHBoxLayout",
        "QStackedLayout",
        "QVBoxLayout",
        "QTabBar",
        "QRubberBand",
        "QMdiSubWindow",
        "QMessageBox",
        "QInputDialog",
        "QFontDialog",
        "QColorDialog",
        "QFileDialog",
        "QErrorMessage",
        "QFocusFrame",
        "QHeaderView",
        "QProgressDialog",
        "QRhiWidget",
        "QSizeGrip",
        "QSplashScreen",
        "QSplitterHandle",
        "QStyle",
        "QCommonStyle",
        "QWidgetItem",
    ),
    "PySide6.QtGui": ("QPixmap", "QSurface", "QWindow"),
    "PySide6.QtCore": ("QDateTime", "QTime"),
}


def warm_window_types() -> None:
    """Build the Python types of :data:`FIRST_WINDOW_TYPES` now; for a worker thread.

    Building a type runs Python code (its enums are Python enums), which on a
    worker shares the interpreter lock in the switch interval's slices instead
    of holding the GUI thread for the whole first load.  No Qt object is made,
    only Python's view of the classes, and the types are the ones the first
    window builds anyway, so this costs no memory a first window would not.  A
    name this Qt lacks is skipped (that window pays for it, as before).
    """
    import importlib

    for module, names in FIRST_WINDOW_TYPES.items():
        qt = importlib.import_module(module)
        for name in names:
            getattr(qt, name, None)


@cache
def _loader() -> QUiLoader:
    """One loader that loads no Designer plugins.

    QUiLoader's constructor loads every plugin in ``<Qt plugins>/designer``
    (QtQuick's ``libqquickwidget`` and a WebEngine one in the PySide6 wheels):
    about 8 MiB and several ms at start-up for widgets our forms never use.
    Plugin paths derive from the library paths at construction, so construct
    it with none and restore them at once.  QtUiTools itself is imported
    here, at the first form: the tray uses this module's text helpers only,
    and in the tray all day the module is 0.5 MiB of PSS.
    """
    from PySide6.QtUiTools import QUiLoader

    saved = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])
    try:
        return QUiLoader()
    finally:
        QCoreApplication.setLibraryPaths(saved)


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """Load ``ui/<name>`` (e.g. ``"main_window.ui"``) and return its top-level widget."""
    path = resources.path("ui", name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise UiError(f"cannot open form {path}: {file.errorString()}")
    try:
        loader = _loader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise UiError(f"cannot load form {path}: {loader.errorString()}")
    widget.setProperty("uiFile", name)
    return widget


def child(form: QWidget, kind: type[W], name: str) -> W:
    """The widget called ``name`` in ``form``; raises UiError naming both when absent."""
    found = form.findChild(kind, name)
    if found is None:
        raise UiError(
            f"form {form.property('uiFile') or form.objectName()!r} has no "
            f"{kind.__name__} named {name!r}; fix the .ui file"
        )
    return found


def describe(form: QWidget, descriptions: dict[str, str]) -> None:
    """Give the named widgets of ``form`` an accessible description (and a tooltip if none).

    A screen reader reads the description after the name: what the control
    does, or what a field expects.  Names come from the widgets' own text or
    the form's ``accessibleName`` properties.
    """
    for name, text in descriptions.items():
        widget = child(form, QWidget, name)
        widget.setAccessibleDescription(text)
        if not widget.toolTip():
            widget.setToolTip(text)


def describe_buttons(
    box: QDialogButtonBox, descriptions: dict[QDialogButtonBox.StandardButton, str]
) -> None:
    """Describe a button box's standard buttons (by kind: their text is translated)."""
    for which, text in descriptions.items():
        button = box.button(which)
        if button is not None:
            button.setAccessibleDescription(text)


def stylesheet() -> str:
    """The application stylesheet ``ui/style.qss``, filled in for the active palette."""
    from crampcoach.qt.theme import app_stylesheet

    return app_stylesheet()


def plain_title(text: str) -> str:
    """A window title that shows ``text`` as written.

    Qt reads ``[*]`` in a window title as the "unsaved changes" placeholder
    and drops it; ``[*][*]`` is its escape for the characters themselves.
    """
    return text.replace("[*]", "[*][*]")


def plain_mnemonic(text: str) -> str:
    """A button or menu entry label that shows ``text`` as written (``&`` is not a mnemonic)."""
    return text.replace("&", "&&")


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` as plain text, whatever it holds.

    Qt guesses whether a tooltip is rich text (``Qt::mightBeRichText``), so a
    routine title or a note with ``<b>`` or ``<img src=...>`` would render (and
    an image path that is a FIFO would freeze the GUI).  Escaped inside
    ``<qt>``, it is always shown as the characters it is.
    """
    # html.escape(text, quote=False), without importing html (its entity table,
    # about 0.35 MiB, would stay in an app idle in the tray, whose menu uses this).
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace("\n", "<br>")
    return f"<qt style='white-space:pre-wrap'>{escaped}</qt>"
