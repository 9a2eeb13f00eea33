"""The review's chart, drawn with QPainter for the window and for the PDF.

Bars for the share of the plan done each week (overall and the bedtime
routine, 0-100 % on the left), a line for the nights with cramps (0-8 on the
right), the week numbers under them and a legend.  Drawn by hand rather than
with QtCharts: a QChartView (a graphics scene, its axes and series as items,
libQt6Charts and the OpenGL libraries it pulls in) stayed in memory for the
rest of the day after the review was closed, about 3.4 MiB of RSS measured
over a day in the tray (``python -m benchmarks desktop``'s cycles), for a
chart of at most a few dozen rectangles.  :func:`paint_chart` draws the same
picture on the window's :class:`WeekChart` and on the PDF's image.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from crampcoach.core.review import WeekReview
from crampcoach.qt import theme

ADHERENCE_COLOUR = "#3c7dc4"
BEDTIME_COLOUR = "#9cc3ea"
CRAMP_COLOUR = "#c0392b"
GRID_SHARE = 0.2  # the grid lines: the text colour, faintly
CHART_PX = (900, 320)  # drawn at screen scale, so its labels keep a readable size
PCT_TICKS = (0, 20, 40, 60, 80, 100)
NIGHTS_TICKS = (0, 2, 4, 6, 8)  # 0-8 in steps of 2: eight ticks do not fit a short chart


@dataclass(frozen=True)
class ChartData:
    """What the chart shows, in the user's language."""

    title: str
    weeks: tuple[str, ...]  # the week's number alone: twelve "W05"s do not fit
    overall: tuple[float, ...]  # % of the plan done; 0 for a week with nothing planned
    bedtime: tuple[float, ...]
    cramps: tuple[tuple[int, int], ...]  # (week index, nights): none before the log began
    legend: tuple[str, str, str]  # overall, bedtime, cramps
    axis_title: str


@dataclass(frozen=True)
class Colours:
    """The chart's own colours, read from a palette (the series keep theirs).

    The window's palette, whatever the desktop's (or our light or dark theme)
    is; the PDF's is :func:`crampcoach.qt.theme.paper_palette`, so it prints
    light.
    """

    background: QColor
    text: QColor
    grid: QColor

    @classmethod
    def of(cls, palette: QPalette) -> Colours:
        role = QPalette.ColorRole
        base, text = palette.color(role.Base), palette.color(role.Text)
        return cls(QColor(base), QColor(text), theme.mix(text, base, GRID_SHARE))


def chart_data(r: WeekReview) -> ChartData:
    """The last weeks of ``r`` as the chart shows them."""
    return ChartData(
        title=QCoreApplication.translate("Chart", "The last {n} weeks").format(n=len(r.series)),
        weeks=tuple(str(s.week.week) for s in r.series),
        overall=tuple(s.overall or 0.0 for s in r.series),
        bedtime=tuple(s.bedtime or 0.0 for s in r.series),
        cramps=tuple(
            (i, s.cramp_nights)
            for i, s in enumerate(r.series)
            if s.overall is not None or s.cramp_nights  # no line through weeks before the log
        ),
        legend=(
            QCoreApplication.translate("Chart", "Plan done %"),
            QCoreApplication.translate("Chart", "Bedtime routine %"),
            QCoreApplication.translate("Chart", "Nights with cramps (of 7)"),
        ),
        axis_title=QCoreApplication.translate("Chart", "Week"),
    )


def _legend_rows(fm: QFontMetricsF, entries: Sequence[str], width: float) -> list[list[int]]:
    """The legend's entries (by index) in rows that fit ``width``."""
    rows: list[list[int]] = [[]]
    used = 0.0
    for n, text in enumerate(entries):
        need = _entry_width(fm, text)
        if rows[-1] and used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append(n)
        used += need
    return rows


def _entry_width(fm: QFontMetricsF, text: str) -> float:
    """A swatch, a gap, the text and the space before the next entry."""
    return fm.height() + 6 + fm.horizontalAdvance(text) + 2 * fm.height()


def paint_chart(p: QPainter, rect: QRectF, data: ChartData, palette: QPalette) -> None:
    """Draw the chart into ``rect`` with ``p``'s font, in ``palette``'s Base and Text colours."""
    colours = Colours.of(palette)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(rect, colours.background)
    font = QFont(p.font())
    fm = QFontMetricsF(font)
    line_h = fm.height()
    pad = line_h * 0.6
    area = rect.adjusted(pad, pad, -pad, -pad)

    # The title, then the legend at the bottom, the axis title and week labels above it.
    bold = QFont(font)
    bold.setBold(True)
    p.setFont(bold)
    p.setPen(colours.text)
    title_box = QRectF(area.left(), area.top(), area.width(), line_h * 1.3)
    p.drawText(title_box, Qt.AlignmentFlag.AlignCenter, data.title)
    p.setFont(font)
    rows = _legend_rows(fm, data.legend, area.width())
    legend_top = area.bottom() - len(rows) * line_h * 1.3
    _paint_legend(p, fm, rows, data, QRectF(area.left(), legend_top, area.width(), 0))
    axis_title_box = QRectF(area.left(), legend_top - line_h * 1.4, area.width(), line_h)

    left_w = max(fm.horizontalAdvance(f"{t}%") for t in PCT_TICKS) + pad
    right_w = max(fm.horizontalAdvance(str(t)) for t in NIGHTS_TICKS) + pad
    plot = QRectF(
        area.left() + left_w,
        title_box.bottom() + line_h * 0.7,
        area.width() - left_w - right_w,
        0,
    )
    plot.setBottom(axis_title_box.top() - line_h * 1.4)
    if plot.width() <= 0 or plot.height() <= 0:
        p.restore()
        return
    p.drawText(axis_title_box, Qt.AlignmentFlag.AlignCenter, data.axis_title)

    def y_of(value: float, top: float) -> float:
        return plot.bottom() - value / top * plot.height()

    # Grid and both scales.
    for t in PCT_TICKS:
        y = y_of(t, 100)
        p.setPen(QPen(colours.grid, 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(colours.text)
        box = QRectF(area.left(), y - line_h / 2, left_w - pad / 2, line_h)
        p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{t}%")
    for t in NIGHTS_TICKS:
        y = y_of(t, 8)
        box = QRectF(plot.right() + pad / 2, y - line_h / 2, right_w, line_h)
        p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(t))

    n = len(data.weeks)
    if n == 0:
        p.restore()
        return
    band = plot.width() / n
    bar = band * 0.32
    # Every week's number when they fit, else every second, third...
    step = max(1, int((fm.horizontalAdvance("00") + pad) // band) + 1)
    for i, (label, overall, bedtime) in enumerate(
        zip(data.weeks, data.overall, data.bedtime, strict=True)
    ):
        left = plot.left() + i * band + (band - 2 * bar) / 2
        for j, (value, colour) in enumerate(
            ((overall, ADHERENCE_COLOUR), (bedtime, BEDTIME_COLOUR))
        ):
            top = y_of(min(max(value, 0.0), 100.0), 100)
            p.fillRect(QRectF(left + j * bar, top, bar, plot.bottom() - top), QColor(colour))
        if i % step == 0:
            p.setPen(colours.text)
            box = QRectF(plot.left() + i * band, plot.bottom() + 2, band, line_h)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    # The cramp nights: a line through the weeks since the log began, a dot on each.
    points = [
        QPointF(plot.left() + (i + 0.5) * band, y_of(min(nights, 8), 8))
        for i, nights in data.cramps
    ]
    p.setPen(QPen(QColor(CRAMP_COLOUR), 2.5))
    if len(points) > 1:
        p.drawPolyline(points)
    p.setBrush(QColor(CRAMP_COLOUR))
    for point in points:
        p.drawEllipse(point, 3.5, 3.5)
    p.restore()


def _paint_legend(
    p: QPainter, fm: QFontMetricsF, rows: list[list[int]], data: ChartData, at: QRectF
) -> None:
    line_h = fm.height()
    text_pen = p.pen()
    for r, row in enumerate(rows):
        width = sum(_entry_width(fm, data.legend[n]) for n in row) - 2 * line_h
        x = at.left() + (at.width() - width) / 2
        y = at.top() + r * line_h * 1.3
        for n in row:
            text = data.legend[n]
            swatch = QRectF(x, y + line_h * 0.2, line_h * 0.8, line_h * 0.6)
            if n == 2:  # the cramp nights' swatch is a stroke, as their line is drawn
                p.setPen(QPen(QColor(CRAMP_COLOUR), 2.5))
                mid = swatch.center().y()
                p.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid))
            else:
                p.fillRect(swatch, QColor((ADHERENCE_COLOUR, BEDTIME_COLOUR)[n]))
            p.setPen(text_pen)
            box = QRectF(x + line_h + 6, y, fm.horizontalAdvance(text) + 1, line_h)
            p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += _entry_width(fm, text)


class WeekChart(QWidget):
    """The review window's chart; :meth:`show_review` sets what it draws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ChartData | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_review(self, r: WeekReview) -> None:
        """Draw the last weeks of ``r`` (in the widget's palette: a new one repaints it)."""
        self.data = chart_data(r)
        self.update()

    def sizeHint(self) -> QSize:
        # Room for the grid, the diary and the signs beside and below it at 1280x800;
        # it grows with a larger window (the PDF draws it at CHART_PX).
        return QSize(CHART_PX[0] * 2 // 3, CHART_PX[1] * 2 // 3)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.data is None:
            return
        p = QPainter(self)
        paint_chart(p, QRectF(self.rect()), self.data, self.palette())
        p.end()


def chart_image(r: WeekReview, size: tuple[int, int] = CHART_PX) -> QImage:
    """The review chart drawn into an image, on paper (works offscreen)."""
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    p = QPainter(image)
    paint_chart(p, QRectF(0, 0, *size), chart_data(r), theme.paper_palette())
    p.end()
    return image
