"""Find user-visible string literals in GUI code that bypass Qt's translation (an AST walk)."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
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


# ---------------------------------------------------------------- text returned or built into HTML

#: A name, a key, a file or a colour: "rest", "leg-stretch", "chart.png", "#2f6f6a".
#: Not "Left" (capitalised) nor " s" (a unit after a number).
IDENTIFIER = re.compile(r"[#a-z0-9_./-]*")
#: An HTML tag or entity, a ``{placeholder}`` or the app's name: not words to translate.
NOT_WORDS = re.compile(r"<[^<>]*>|&\w+;|\{\w*\}|\bCrampCoach\b")
#: Put on a line whose literal is no user's text.
NOT_SHOWN = "# not shown"


def _literal_words(node: ast.expr) -> list[str]:
    """The literal parts of ``node`` a user could read (markup and bare identifiers left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        # Joined, so that markup split by a {value} (``<img width='{w}'>``) is still markup.
        text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    elif isinstance(node, ast.BinOp):
        return _literal_words(node.left) + _literal_words(node.right)
    elif isinstance(node, ast.IfExp):
        return _literal_words(node.body) + _literal_words(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        return [w for e in node.elts for w in _literal_words(e)]
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _literal_words(node.func.value) if node.func.attr in ("format", "join") else []
    else:
        return []
    words = []
    for part in NOT_WORDS.sub("\0", text).split("\0"):
        if any(ch.isalpha() for ch in part) and not IDENTIFIER.fullmatch(part):
            words.append(part.strip())
    return words


def _is_markup(node: ast.expr) -> bool:
    """A literal or f-string that holds an HTML tag."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"<[a-zA-Z/][^<>]*>", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_is_markup(v) for v in node.values if isinstance(v, ast.Constant))
    return False


#: Calls whose text no one reads in a window: log lines, print (the terminal), names, styles.
NOT_TEXT_CALLS = {
    "debug", "info", "warning", "error", "exception", "critical", "print",
    "setObjectName", "setStyleSheet", "setProperty", "glob", "rglob",
}  # fmt: skip


def _not_text_call(node: ast.Call) -> bool:
    """A log line, a print, a name or a style, or a pattern given to ``re``."""
    owner = node.func.value if isinstance(node.func, ast.Attribute) else None
    owner_name = owner.id if isinstance(owner, ast.Name) else ""
    if owner_name == "re":
        return True
    return _called_name(node) in NOT_TEXT_CALLS and owner_name != "QMessageBox"


def _not_text(tree: ast.Module) -> set[int]:
    """The ids of what is never shown in a window: docstrings, patterns given to ``re``,
    exceptions', assertions' and log lines' text, object names and style sheets; and
    f-strings' parts, judged with their f-string."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        unshown: list[ast.expr] = []
        if isinstance(node, ast.Raise) and node.exc is not None:
            unshown = [node.exc]
        elif isinstance(node, ast.Assert) and node.msg is not None:
            unshown = [node.msg]
        elif isinstance(node, ast.Call) and _not_text_call(node):
            unshown = node.args
        elif isinstance(node, ast.JoinedStr):  # its parts are judged together
            skipped.update(id(v) for v in node.values)
        elif isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        skipped.update(id(n) for expr in unshown for n in ast.walk(expr))
    return skipped


def built_text(path: Path) -> list[str]:
    """``file:line: text`` for words returned, built into HTML or an f-string, untranslated.

    ``untranslated`` sees text handed to a widget; this sees the text made
    before that: ``return "Both legs"``, ``f"<b>Source:</b> {x}"``,
    ``f"{n} holds of {s} s"``.
    """
    source = path.read_text("utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, str(path))
    skipped = _not_text(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Return) and node.value is not None:
            candidate = node.value
        elif isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant) and _is_markup(node)
        ):
            candidate = node
        else:
            continue
        if id(candidate) in skipped or NOT_SHOWN in lines[candidate.lineno - 1]:
            continue
        found += [f"{path.name}:{candidate.lineno}: {w[:60]!r}" for w in _literal_words(candidate)]
    return sorted(set(found), key=lambda hit: int(hit.split(":")[1]))


def ui_untranslatable(path: Path) -> list[str]:
    """``file: text`` for words in a Designer form marked ``notr``: lupdate would skip them."""
    return [
        f"{path.name}: {string.text!r}"
        for string in ET.parse(path).getroot().iter("string")
        if string.get("notr") == "true" and any(ch.isalpha() for ch in string.text or "")
    ]


#: The calls lupdate collects a message from.
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def _literal_message(call: ast.Call) -> bool:
    """A translation call with its text written out (the text lupdate would collect)."""
    name = _called_name(call)
    if name not in TRANSLATING:
        return False
    text = call.args[0 if name in ("tr", "QT_TR_NOOP") else 1 : None][:1]
    return bool(text) and isinstance(text[0], ast.Constant) and isinstance(text[0].value, str)


def unseen_by_lupdate(path: Path) -> list[str]:
    """``file:line: call`` for a translation call inside an f-string's braces.

    lupdate does not parse f-strings' expressions: the message never reaches
    the .ts file and the text stays English in every language.
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and _literal_message(inner):
                found.append(f"{path.name}:{inner.lineno}: {ast.unparse(inner)[:60]}")
    return found
