"""Labels whose text ticks (a countdown) without re-laying out their window.

``QLabel.setText`` asks its layout again on every change (``updateGeometry``),
and the request climbs the chain of layouts to the window: in the player each
second of a hold re-laid out and repainted the whole form, about two fifths of
the main thread's CPU during a hold (``python -m benchmarks desktop``).  Qt
stops that climb at a widget whose minimum and maximum sizes are equal.  So a
ticking label is held at the size its layout gave it for as long as each new
text fits in it, and let go (one ordinary relayout) when a text does not fit
or its window changes size; the next tick holds it again at its new size.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

_HELD = "steadyHeld"  # a dynamic property: the size is held by this module
_MAX = (1 << 24) - 1  # QWIDGETSIZE_MAX


def _fits(label: QLabel, text: str) -> bool:
    room = label.contentsRect()
    metrics = label.fontMetrics()
    return metrics.horizontalAdvance(text) <= room.width() and metrics.height() <= room.height()


def release(*labels: QLabel) -> None:
    """Let the layout size ``labels`` again (their window is resized or restyled)."""
    for label in labels:
        if label.property(_HELD):
            label.setProperty(_HELD, False)
            label.setMinimumSize(0, 0)
            label.setMaximumSize(_MAX, _MAX)


def set_text(label: QLabel, text: str) -> None:
    """``label.setText(text)``, without a relayout while ``text`` fits the label's size."""
    if label.text() == text:
        return
    if label.property(_HELD):
        if not _fits(label, text):
            release(label)
    elif label.isVisible() and _fits(label, label.text()):
        label.setFixedSize(label.size())
        label.setProperty(_HELD, True)
        if not _fits(label, text):
            release(label)
    label.setText(text)
