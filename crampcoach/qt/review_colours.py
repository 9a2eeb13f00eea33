"""The week grid's cell colours, derived from the palette they are drawn on.

Fixed light pastels read well on paper but were glaring light boxes on a dark
page.  Each status keeps its own hue (green done, amber partly, red missed,
blue skipped, grey to come, rose for a night with cramps); the hue is blended
into the palette's Base colour (a table's background) just enough to tell the
statuses apart, and the cell's text is the palette's Text colour.  The blend is
pulled back towards Base until that pair keeps WCAG AA (4.5:1).  The text says
the status too (✓, ✗, ½, "skipped"), so colour is never the only cue.

A night nobody logged is unknown, never zero: its cell ("not logged") has no
fill and italic, muted text, unlike a night logged with no cramps ("none").

The window passes its own palette, so a desktop's dark palette gets dark cells;
the PDF passes :func:`crampcoach.qt.theme.paper_palette`, so the printed
week stays light.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from crampcoach.core.review import Status
from crampcoach.qt import theme

HUES: dict[Status, str] = {
    Status.DONE: "#2e9d4f",
    Status.PARTIAL: "#e0a100",
    Status.MISSED: "#d9363e",
    Status.SKIPPED: "#3d7cc9",
}
CRAMPS_HUE = "#e5603c"  # a night with cramps: warmer than "missed", in a row of its own
SHARE = 0.28  # of the hue in the blend: near the old pastels on white, deep tints on black
PENDING_SHARE = 0.1  # "tonight": the text colour, faintly
MINIMUM = 4.5  # WCAG AA for the cell's text


@dataclass(frozen=True)
class Cell:
    """How one grid cell is drawn: its fill (None: the table's own), text colour and style."""

    background: QColor | None
    text: QColor
    italic: bool = False


def tint(palette: QPalette, hue: QColor, share: float = SHARE) -> QColor:
    """``hue`` blended into ``palette``'s Base, at most ``share`` of it, keeping Text readable."""
    role = QPalette.ColorRole
    base, text = palette.color(role.Base), palette.color(role.Text)
    step = share / 4
    for n in range(4, 0, -1):
        colour = theme.mix(hue, base, step * n)
        if theme.contrast(text, colour) >= MINIMUM:
            return colour
    return QColor(base)


def status_cell(palette: QPalette, status: Status | None) -> Cell:
    """A plan item's cell for ``status`` (None, future, not planned: the table's own colours)."""
    text = palette.color(QPalette.ColorRole.Text)
    if status is Status.PENDING:
        return Cell(tint(palette, text, PENDING_SHARE), text)
    hue = HUES.get(status) if status else None
    return Cell(tint(palette, QColor(hue)) if hue else None, text)


def cramps_cell(palette: QPalette, cramps: int | None) -> Cell:
    """A night's cramp cell: tinted with cramps, plain with none, muted italics when unknown."""
    role = QPalette.ColorRole
    if cramps is None:
        return Cell(None, theme.muted(palette), italic=True)
    if cramps:
        return Cell(tint(palette, QColor(CRAMPS_HUE)), palette.color(role.Text))
    return Cell(None, palette.color(role.Text))
