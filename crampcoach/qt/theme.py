"""The app's look, generated from the palette: light, dark and high-contrast desktops all read well.

``ui/style.qss`` and ``ui/player.qss`` use Qt's ``palette(role)`` for every
neutral colour, so they follow whatever palette is active, and two kinds of
token that this module fills in when the stylesheet is built:

* ``@name`` colours that carry meaning (our teal accent, the LEFT/RIGHT
  banners, warnings, the "not medical advice" note).  Each has a light and a
  dark variant, picked by the palette's window colour, and each pair of text
  and background colour keeps a WCAG AA contrast of at least 4.5:1.  A muted
  text colour is derived from the palette and pulled back towards the text
  colour until it keeps 4.5:1 too.
* ``font-size: NNN%``: a size relative to the user's own font, so a desktop
  set to large text gets large text here (no fixed ``11pt`` any more).

The ``theme`` setting chooses: follow the system's palette, or force our light
or dark one.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from crampcoach import resources

_LIGHT = {
    "accent": "#2f6f6a",  # teal; white on it 6.0:1, it on paper 5.6:1
    "accent-text": "#ffffff",
    "accent-hover": "#255a56",
    "accent-soft": "#d9ebe8",  # selection tint behind normal text
    "accent-soft-text": "#1d1d1b",
    "left": "#1c5d99",  # white on it 6.6:1
    "left-text": "#ffffff",
    "right": "#a4460b",  # white on it 5.6:1
    "right-text": "#ffffff",
    "both": "#e8e2cf",
    "both-text": "#1d1d1b",
    "note": "#fff4cc",  # "not medical advice"
    "note-text": "#5b4a00",
    "note-border": "#e6d48a",
    "warn": "#fde8e3",  # problems, safety notes
    "warn-text": "#5a1f14",
    "warn-border": "#e9b4a8",
    "rest-text": "#6b5a16",
    "link": "#1f4f8a",
    "error-text": "#9a0018",
}
_DARK = {
    "accent": "#7cc4bc",  # on near-black 9:1
    "accent-text": "#0d1f1d",
    "accent-hover": "#9ad6cf",
    "accent-soft": "#1f4f4a",
    "accent-soft-text": "#ffffff",
    "left": "#1c5d99",  # the banners keep their colours: the pair is the meaning
    "left-text": "#ffffff",
    "right": "#a4460b",
    "right-text": "#ffffff",
    "both": "#4a4536",
    "both-text": "#ffffff",
    "note": "#3a3200",
    "note-text": "#ffe9a3",
    "note-border": "#8a7a30",
    "warn": "#4a1d15",
    "warn-text": "#ffd9d0",
    "warn-border": "#a05a4a",
    "rest-text": "#e8d48a",
    "link": "#8cc4ff",
    "error-text": "#ff9aa8",
}

_TOKEN = re.compile(r"@([a-z][a-z-]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_PERCENT = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)%")


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark window."""
    role = QPalette.ColorRole
    return luminance(palette.color(role.Window)) < luminance(palette.color(role.WindowText))


def mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    """``a`` blended into ``b``: ``share_of_a`` 1 is ``a``, 0 is ``b``."""
    s = share_of_a
    return QColor.fromRgbF(
        a.redF() * s + b.redF() * (1 - s),
        a.greenF() * s + b.greenF() * (1 - s),
        a.blueF() * s + b.blueF() * (1 - s),
    )


def muted(palette: QPalette, minimum: float = 4.5) -> QColor:
    """Secondary text: the text colour softened towards the window, but never below ``minimum``."""
    role = QPalette.ColorRole
    text, window = palette.color(role.WindowText), palette.color(role.Window)
    base = palette.color(role.Base)
    for share in (0.72, 0.8, 0.88, 0.95, 1.0):
        colour = mix(text, window, share)
        if contrast(colour, window) >= minimum and contrast(colour, base) >= minimum:
            return colour
    return text


def colours(palette: QPalette) -> dict[str, str]:
    """Every ``@token`` colour for ``palette``."""
    chosen = dict(_DARK if is_dark(palette) else _LIGHT)
    chosen["muted"] = muted(palette).name()
    return chosen


def render(template: str, palette: QPalette, base_pt: float) -> str:
    """Fill ``template``'s ``@tokens`` and relative font sizes."""
    values: Mapping[str, str] = colours(palette)

    def colour(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"unknown colour token @{name} in a stylesheet")
        return values[name]

    def size(match: re.Match[str]) -> str:
        return f"font-size: {base_pt * float(match.group(1)) / 100:.1f}pt"  # not shown

    return _PERCENT.sub(size, _TOKEN.sub(colour, _COMMENT.sub("", template)))


def _base_pt() -> float:
    size = QGuiApplication.font().pointSizeF()
    return size if size > 0 else 10.0


def app_stylesheet(palette: QPalette | None = None) -> str:
    """``ui/style.qss`` for ``palette`` (the application's by default)."""
    pal = palette or QGuiApplication.palette()
    return render(resources.read_text("ui", "style.qss"), pal, _base_pt())


def player_stylesheet(palette: QPalette | None = None) -> str:
    """``ui/player.qss`` for ``palette`` (the application's by default)."""
    pal = palette or QGuiApplication.palette()
    return render(resources.read_text("ui", "player.qss"), pal, _base_pt())


def player_qss(palette: QPalette | None = None) -> str:
    """``ui/player.qss`` with its tokens filled in, without needing a running application."""
    return render(resources.read_text("ui", "player.qss"), palette or QPalette(), 10.0)


def light_palette() -> QPalette:
    """Our light palette: ink on warm paper."""
    return _palette(
        window="#f6f5f0", text="#1d1d1b", base="#ffffff", alt="#efeee8", button="#ffffff",
        highlight="#2f6f6a", highlighted="#ffffff", mid="#b9b7ae", link="#1f4f8a",
        disabled="#6b6b64", tooltip="#ffffdc",
    )  # fmt: skip


def dark_palette() -> QPalette:
    """Our dark palette: light text on a soft black."""
    return _palette(
        window="#1e2021", text="#ecebe5", base="#141516", alt="#26292a", button="#2b2e30",
        highlight="#7cc4bc", highlighted="#0d1f1d", mid="#5b605f", link="#8cc4ff",
        disabled="#9a9d9c", tooltip="#2b2e30",
    )  # fmt: skip


def paper_palette() -> QPalette:
    """What printed pages (the week, its chart, the routine sheet) are coloured for: ink on paper."""
    return light_palette()


def print_on_paper(doc: QTextDocument, painter: QPainter, clip: QRectF | None = None) -> None:
    """Draw ``doc`` as ``QTextDocument.drawContents`` does, in :func:`paper_palette`'s colours.

    ``drawContents`` takes the text's default colour from the application's
    palette: under the dark theme a PDF printed near-white text on white paper.
    """
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette = paper_palette()
    painter.save()
    if clip is not None:
        painter.setClipRect(clip)
        context.clip = clip
    doc.documentLayout().draw(painter, context)
    painter.restore()


def high_contrast_palette() -> QPalette:
    """A high-contrast palette as accessibility settings give one (tests use it)."""
    return _palette(
        window="#000000", text="#ffffff", base="#000000", alt="#101010", button="#000000",
        highlight="#ffff00", highlighted="#000000", mid="#ffffff", link="#ffff00",
        disabled="#c0c0c0", tooltip="#000000",
    )  # fmt: skip


def _palette(
    *,
    window: str,
    text: str,
    base: str,
    alt: str,
    button: str,
    highlight: str,
    highlighted: str,
    mid: str,
    link: str,
    disabled: str,
    tooltip: str,
) -> QPalette:
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    pal = QPalette()
    for r, value in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, alt),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.BrightText, text),
        (role.Highlight, highlight),
        (role.HighlightedText, highlighted),
        (role.Link, link),
        (role.LinkVisited, link),
        (role.ToolTipBase, tooltip),
        (role.ToolTipText, text),
        (role.PlaceholderText, disabled),
        (role.Light, alt),
        (role.Midlight, mid),
        (role.Mid, mid),
        (role.Dark, mid),
        (role.Shadow, "#000000"),
    ):
        pal.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, QColor(disabled))
    return pal


_system_palette: QPalette | None = None


def _copy(palette: QPalette) -> QPalette:
    """A copy of ``palette`` (its copy constructor).

    Not ``QPalette(palette)``: PySide resolves that call among QPalette's
    constructors, one of which takes a ``Qt.GlobalColor``, and so builds the
    whole ``Qt`` namespace on first use (17-66 ms), before a ``--hidden``
    start's tray icon.  ``copy.copy`` calls the copy constructor directly.
    """
    return copy.copy(palette)


def system_palette() -> QPalette:
    """The desktop's palette as first seen (or as set by ``use_system_palette``)."""
    if _system_palette is not None:
        return _copy(_system_palette)
    return _copy(QGuiApplication.palette())


def use_system_palette(palette: QPalette) -> None:
    """Take ``palette`` as the desktop's (what "system" follows); tests simulate desktops so."""
    global _system_palette
    _system_palette = _copy(palette)


def apply(qapp: QApplication, theme: str = "system", palette: QPalette | None = None) -> None:
    """Set the palette for ``theme`` (or ``palette`` itself) and the stylesheet generated from it."""
    global _system_palette
    if _system_palette is None:
        _system_palette = _copy(qapp.palette())
    if palette is None:
        palette = {"light": light_palette, "dark": dark_palette}.get(
            theme, lambda: _copy(_system_palette)
        )()
    qapp.setPalette(palette)
    qapp.setStyleSheet(app_stylesheet(palette))
