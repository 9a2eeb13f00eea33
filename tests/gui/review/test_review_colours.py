"""The review's colours follow the palette: readable, distinct and not glaring in light and dark.

Measured where they are drawn: the grid is rendered and each cell's fill taken
as the most common colour inside it.  The old fixed pastels (#cdeccd...) were
light boxes on a dark page, 12:1 against its Base colour; these tests fail on them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QStyleFactory

from crampcoach.core.clock import FakeClock
from crampcoach.core.events import SkipReason
from crampcoach.core.journal import Journal
from crampcoach.core.review import GRID_ROWS, IsoWeek, Status
from crampcoach.qt import review_colours, theme
from crampcoach.qt.review_view import ReviewWindow
from crampcoach.store import Store
from tests.unit.review.helpers import TZ, cramp, night, session, skip, water

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LAST_WEEK = IsoWeek(2026, 10)  # the conftest clock is in 2026-W11
AA = 4.5
NOT_GLARING = 2.0  # a cell's fill against the page's Base colour (the old pastels: 12:1 on dark)
DISTINCT = 20.0  # RGB distance between two statuses' fills


def fusion() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


PALETTES = {"light": theme.light_palette, "dark": theme.dark_palette, "fusion": fusion}


def fill(store: Store) -> None:
    """Last week with every status: done, partly, missed, skipped; cramps, none and unknown."""
    store.add(session(date(2026, 3, 2)))
    store.add(session(date(2026, 3, 3), completed=False))
    store.add(skip(date(2026, 3, 5), reason=SkipReason.SICK))
    for d in LAST_WEEK.days():
        store.add(water(d, 1500 if d.weekday() < 5 else 500))
    store.add(cramp(date(2026, 3, 6), "02:40", severity=6, minutes=3))  # Thursday night
    store.add(night(date(2026, 3, 2), cramps=0))  # Monday night: logged, none


@pytest.fixture
def themed(qapp):
    """Set a palette as the app does (palette and the stylesheet made from it); undone after."""
    yield lambda palette: theme.apply(qapp, palette=palette)
    theme.apply(qapp)


def window(qtbot, store: Store, clock: FakeClock) -> ReviewWindow:
    w = ReviewWindow(
        store, store.settings, clock=clock, journal=Journal(store, clock), tz=TZ, week=LAST_WEEK
    )
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def drawn_cells(w: ReviewWindow) -> dict[tuple[str, int], QColor]:
    """Each grid cell's drawn fill (its most common colour)."""
    image: QImage = w.grid.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    out = {}
    for line, item in enumerate(GRID_ROWS):
        for col in range(7):
            rect = w.grid.visualItemRect(w.grid.item(line, col)).adjusted(2, 2, -2, -2)
            counts: Counter[int] = Counter(
                image.pixel(int(x * ratio), int(y * ratio))
                for x in range(rect.left(), rect.right())
                for y in range(rect.top(), rect.bottom())
            )
            out[item, col] = QColor.fromRgb(counts.most_common(1)[0][0])
    return out


def status_of(w: ReviewWindow, item: str, col: int) -> str | None:
    return w.grid.item(GRID_ROWS.index(item), col).data(Qt.ItemDataRole.UserRole)


def _distance(a: QColor, b: QColor) -> float:
    return sum((x - y) ** 2 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)) ** 0.5


@pytest.mark.parametrize("name", list(PALETTES))
def test_the_grid_is_readable_distinct_and_not_glaring(
    qtbot, themed, store: Store, clock: FakeClock, name: str
) -> None:
    palette = PALETTES[name]()
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    fill(store)
    themed(palette)
    w = window(qtbot, store, clock)
    drawn = drawn_cells(w)
    by_status: dict[str, QColor] = {}
    for (item, col), colour in drawn.items():
        status = status_of(w, item, col)
        cell = w.grid.item(GRID_ROWS.index(item), col)
        ink = cell.foreground().color()
        assert theme.contrast(ink, colour) >= AA, (item, col, colour.name(), ink.name())
        assert theme.contrast(colour, base) < NOT_GLARING, (item, col, colour.name())
        if status in (Status.DONE, Status.PARTIAL, Status.MISSED, Status.SKIPPED):
            by_status[status] = colour
    assert set(by_status) == {"done", "partial", "missed", "skipped"}  # the week has them all
    for (a, ca), (b, cb) in itertools.combinations(by_status.items(), 2):
        assert _distance(ca, cb) >= DISTINCT, (a, ca.name(), b, cb.name())
    # A night with cramps is tinted; a night nobody logged is not zero: no fill, italic, muted.
    assert w.cell("cramps", 3) == "1 (worst 6/10)" and _distance(drawn["cramps", 3], base) > 10
    assert w.cell("cramps", 0) == "none" and w.cell("cramps", 1) == "not logged"
    none, unknown = (w.grid.item(GRID_ROWS.index("cramps"), c) for c in (0, 1))
    assert not none.font().italic() and unknown.font().italic()
    assert none.foreground().color() == text != unknown.foreground().color()
    assert theme.contrast(unknown.foreground().color(), drawn["cramps", 1]) >= AA


def test_a_new_palette_recolours_the_open_review(
    qtbot, themed, store: Store, clock: FakeClock
) -> None:
    """The theme setting or the desktop turning dark: the grid and chart follow, no re-read."""
    fill(store)
    themed(theme.light_palette())
    w = window(qtbot, store, clock)
    light = drawn_cells(w)["bedtime", 0]
    # Not our own dark palette: a desktop's, with a blue-black base.
    other = theme.dark_palette()
    other.setColor(QPalette.ColorRole.Base, QColor("#0a1630"))
    themed(other)
    dark = drawn_cells(w)["bedtime", 0]
    assert theme.luminance(light) > 0.5 and theme.luminance(dark) < 0.1
    assert dark.blue() > dark.red()  # blended into that base, not ours
    w.chart.resize(600, 260)
    chart = w.chart.grab().toImage()
    assert chart.pixelColor(1, 1) == QColor("#0a1630")  # the chart's panel is the Base too


def test_the_pdf_prints_paper_colours_in_a_dark_theme(
    qtbot, themed, store: Store, clock: FakeClock
) -> None:
    from crampcoach.qt import pdf_export
    from crampcoach.qt.charts import chart_image

    fill(store)
    themed(theme.dark_palette())
    w = window(qtbot, store, clock)
    fills = re.findall(r'bgcolor="(#[0-9a-f]{6})"', pdf_export._grid(w.review))
    assert len(fills) >= 5
    assert all(theme.luminance(QColor(c)) > 0.5 for c in fills), fills  # light on paper
    assert "<i>not logged</i>" in pdf_export._grid(w.review)
    assert theme.luminance(chart_image(w.review).pixelColor(1, 1)) > 0.9


def test_every_status_keeps_aa_in_every_palette() -> None:
    for make in (*PALETTES.values(), theme.high_contrast_palette):
        palette = make()
        for status in (*review_colours.HUES, Status.PENDING):
            cell = review_colours.status_cell(palette, status)
            assert cell.background is not None
            assert theme.contrast(cell.text, cell.background) >= AA
        for cramps in (None, 0, 2):
            cell = review_colours.cramps_cell(palette, cramps)
            ground = cell.background or palette.color(QPalette.ColorRole.Base)
            assert theme.contrast(cell.text, ground) >= AA


def test_the_warning_box_takes_the_themes_colours(
    qtbot, qapp, store: Store, clock: FakeClock
) -> None:
    """The warning signs' box is style.qss's @warn: dark in the dark theme, not a pink panel."""
    from dataclasses import replace

    from crampcoach.core.events import Symptom

    signs = (Symptom.SWELLING, Symptom.WARMTH)
    store.add(replace(cramp(date(2026, 3, 10), "23:30", minutes=25), symptoms=signs))
    try:
        theme.apply(qapp, "dark")
        w = window(qtbot, store, clock)
        w.show_week(LAST_WEEK.shift(1))
        assert w.warnings_label.isVisible()
        image = w.warnings_label.grab().toImage()
        inside = image.pixelColor(image.width() // 2, 3)
        assert inside == QColor(theme.colours(qapp.palette())["warn"])
    finally:
        theme.apply(qapp)


def test_the_pdf_prints_ink_on_paper_in_the_dark_theme(
    qtbot, qapp, store: Store, clock: FakeClock, tmp_path
) -> None:
    """QTextDocument's default text colour is the application's: the dark theme's was near-white."""
    import shutil
    import subprocess

    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils is not installed")
    fill(store)
    try:
        theme.apply(qapp, "dark")
        w = window(qtbot, store, clock)
        pdf = w.export_pdf(tmp_path / "week.pdf")
    finally:
        theme.apply(qapp)
    assert pdf is not None
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    image = QImage(str(tmp_path / "page.png"))
    top = image.height() * 7 // 100  # the title and the line under it, above the grid
    ink = sum(
        1
        for y in range(top)
        for x in range(image.width())
        if theme.luminance(image.pixelColor(x, y)) < 0.2
    )
    assert ink > 600, ink  # measured: 1252 in ink, 124 (edges) when it printed near-white
