"""Find user-visible string literals in GUI code that bypass Qt's translation (an AST walk)."""

from __future__ import annotations

import ast
from pathlib import Path

# Calls whose text arguments a user sees.
SHOWN_METHODS = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "addAction", "addMenu", "setAccessibleName", "setAccessibleDescription",
    "showMessage", "setTitle", "setLabelText", "setInformativeText", "setDetailedText",
    "setSpecialValueText", "setSuffix", "setPrefix", "addTab", "addItem", "setHeaderLabels",
    "_status", "show_undoable", "addRow", "setName", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "setData", "say", "inhibit", "getSaveFileName", "getOpenFileName",
    "insertItem", "addItems",
}  # fmt: skip
# Keyword arguments that carry data, not text.
NOT_SHOWN_KEYWORDS = {"userData", "objectName"}
# QMessageBox's static dialogs (not logging's warning()).
MESSAGE_BOX = {"about", "information", "warning", "critical", "question"}
SHOWN_CONSTRUCTORS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "QToolButton", "QCommandLinkButton", "QBarSet", "QTableWidgetItem", "QListWidgetItem",
    "QStandardItem", "QTreeWidgetItem",
}  # fmt: skip


def _has_words(node: ast.expr) -> bool:
    """A literal with letters in it: also an f-string's literal part, either side of
    ``+``/``if … else``, an item of a list or tuple, or a literal's ``.format(...)``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.IfExp):
        return _has_words(node.body) or _has_words(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_has_words(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _has_words(node.func.value)
    return False


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


def untranslated(path: Path) -> list[str]:
    """``file:line: call("text")`` for every shown literal in ``path``."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node)
        boxed = (
            name in MESSAGE_BOX
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "QMessageBox"
        )
        if name not in SHOWN_METHODS and name not in SHOWN_CONSTRUCTORS and not boxed:
            continue
        shown = [k.value for k in node.keywords if k.arg not in NOT_SHOWN_KEYWORDS]
        for arg in [*node.args, *shown]:
            if _has_words(arg):
                found.append(f"{path.name}:{node.lineno}: {name}({ast.unparse(arg)[:60]})")
    return found
