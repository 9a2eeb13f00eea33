"""Windows that fit the screen they open on, and remember their size on this computer.

One rule for every window (main window, player, review, settings, cramp
dialog, reader): open at the size the user last left it, else at the size the
window asks for, but never larger than the screen's available geometry (the
screen minus panels and docks, in device-independent pixels, so 4K at 200 %
counts as 1920×1080), and centred on that screen.  Content that needs more
room than a small screen has scrolls (``scrolling``) instead of being clipped
or pushing the window off the screen.

Sizes are kept per computer, not in the synced data folder: a size that suits
a 4K desktop is wrong on a laptop.  They live in a small JSON file in the
user's state folder (``$XDG_STATE_HOME/crampcoach/windows.json``); a file that
cannot be read or written costs only the remembered size.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QWidget

#: Leave this share of the available geometry free, so a window never touches panels.
MARGIN = 0.96
SIZES_FILE = "windows.json"
SIZE_KEY = "crampcoachSizeKey"


def state_dir() -> Path:
    """This computer's state folder for CrampCoach (not synced; may not exist yet)."""
    from crampcoach import paths

    return paths.user_state_dir()


def _sizes_path() -> Path:
    return state_dir() / SIZES_FILE


def _read_sizes() -> dict[str, Any]:
    try:
        data = json.loads(_sizes_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def saved_size(key: str) -> QSize | None:
    """The size window ``key`` had when it was last closed on this computer, if any."""
    entry = _read_sizes().get(key)
    if not (isinstance(entry, list) and len(entry) == 2):
        return None
    width, height = entry
    if not (isinstance(width, int) and isinstance(height, int)) or width < 1 or height < 1:
        return None
    return QSize(width, height)


def save_size(key: str, size: QSize) -> None:
    """Remember ``size`` for window ``key`` (failing to write is never an error)."""
    sizes = _read_sizes()
    sizes[key] = [size.width(), size.height()]
    path = _sizes_path()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(sizes, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def screen_for(widget: QWidget | None = None) -> QScreen | None:
    """The screen ``widget`` (or its parent window) is on, else the primary screen."""
    if widget is not None:
        parent = widget.parentWidget()
        for candidate in (widget, parent.window() if parent is not None else None):
            if candidate is not None:
                handle = candidate.windowHandle()
                if handle is not None and handle.screen() is not None:
                    return handle.screen()
                found = candidate.screen()
                if found is not None:
                    return found
    return QGuiApplication.primaryScreen()


def available(widget: QWidget | None = None) -> QRect:
    """The available geometry of ``widget``'s screen (a generous default with no screen)."""
    screen = screen_for(widget)
    return QRect(0, 0, 1280, 800) if screen is None else screen.availableGeometry()


def room(widget: QWidget | None = None) -> QSize:
    """The largest size a window should take on ``widget``'s screen."""
    area = available(widget).size()
    return QSize(int(area.width() * MARGIN), int(area.height() * MARGIN))


def fitted(wanted: QSize, widget: QWidget | None = None) -> QSize:
    """``wanted``, shrunk to fit ``widget``'s screen."""
    return wanted.boundedTo(room(widget))


def place(window: QWidget, wanted: QSize) -> None:
    """Size ``window`` to ``wanted`` bounded by its screen, centred on that screen.

    A minimum size larger than the screen is lowered too: the window's content
    scrolls (see ``scrolling``) rather than the window running off the screen.
    """
    size = fitted(wanted, window)
    limit = room(window)
    minimum = window.minimumSize()
    if minimum.width() > limit.width() or minimum.height() > limit.height():
        window.setMinimumSize(minimum.boundedTo(limit))
    window.resize(size)
    area = available(window)
    frame = window.frameGeometry()
    extra_w = max(0, frame.width() - window.width())
    extra_h = max(0, frame.height() - window.height())
    x = area.x() + max(0, (area.width() - size.width() - extra_w) // 2)
    y = area.y() + max(0, (area.height() - size.height() - extra_h) // 2)
    window.move(x, y)


def remember(window: QWidget) -> None:
    """Save ``window``'s normal size now, if ``fit_window`` set it up.

    Windows call this from their ``closeEvent`` (dialogs: when they finish).
    Not from an event filter: a widget being destroyed still sends events, and
    a Python filter called from a half-destroyed widget crashes.
    """
    key = window.property(SIZE_KEY)
    if not isinstance(key, str) or window.isMinimized():
        return
    states = Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowMaximized
    size = window.normalGeometry().size() if window.windowState() & states else window.size()
    if size.isValid() and not size.isEmpty():
        save_size(key, size)


def fit_window(window: QWidget, key: str, wanted: QSize) -> None:
    """Size ``window`` to its remembered size (as ``key``) or ``wanted``, fitted to its screen.

    The window saves its size with ``remember`` when it closes; a dialog does
    so by itself when it finishes.
    """
    window.setProperty(SIZE_KEY, key)
    place(window, saved_size(key) or wanted)
    if isinstance(window, QDialog):
        window.finished.connect(lambda *_: remember(window))


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a frameless scroll area: scrolls when the window is too small for it."""
    area = QScrollArea(parent)
    area.setObjectName(f"{content.objectName() or 'content'}Scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area
