"""The review's chart, drawn once for the window and for the PDF.

The one place QtCharts is used: the review window shows :func:`build_chart`
in a ``QChartView``; the PDF export renders the same chart into an image with
:func:`chart_image`.  QtCharts costs ~40 ms to import, so it is imported
inside the functions, only when a chart is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from crampcoach.core.review import WeekReview

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart

ADHERENCE_COLOUR = "#3c7dc4"
CRAMP_COLOUR = "#c0392b"
CHART_PX = (900, 320)  # drawn at screen scale, so its labels keep a readable size


def build_chart(r: WeekReview, dark: bool = False) -> QChart:
    """Adherence bars (bedtime and overall %) and cramp nights for the series weeks.

    ``dark``: drawn on QtCharts' dark theme (the window in a dark palette); the
    PDF's chart is always on paper.  The theme is set first: setting it later
    would repaint the series in the theme's own colours.
    """
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QLineSeries,
        QValueAxis,
    )
    from PySide6.QtCore import QPointF

    chart = QChart()
    if dark:
        chart.setTheme(QChart.ChartTheme.ChartThemeDark)
    chart.setTitle(
        QCoreApplication.translate("Chart", "The last {n} weeks").format(n=len(r.series))
    )
    overall = QBarSet(QCoreApplication.translate("Chart", "Plan done %"))
    overall.setColor(QColor(ADHERENCE_COLOUR))
    bedtime = QBarSet(QCoreApplication.translate("Chart", "Bedtime routine %"))
    bedtime.setColor(QColor("#9cc3ea"))
    for s in r.series:
        overall.append(s.overall or 0.0)
        bedtime.append(s.bedtime or 0.0)
    bars = QBarSeries()
    bars.append(overall)
    bars.append(bedtime)
    chart.addSeries(bars)
    cramps = QLineSeries()
    cramps.setName(QCoreApplication.translate("Chart", "Nights with cramps (of 7)"))
    cramps.setColor(QColor(CRAMP_COLOUR))
    pen = cramps.pen()
    pen.setWidthF(2.5)
    cramps.setPen(pen)
    cramps.setPointsVisible(True)
    for i, s in enumerate(r.series):
        if s.overall is not None or s.cramp_nights:  # no line through weeks before the log began
            cramps.append(QPointF(i, s.cramp_nights))
    chart.addSeries(cramps)

    axis_x = QBarCategoryAxis()
    # The week's number alone, under an axis title: twelve "W05"s do not fit
    # a chart in a 1024 px window and Qt elides every one to "W...".
    axis_x.append([str(s.week.week) for s in r.series])
    axis_x.setTitleText(QCoreApplication.translate("Chart", "Week"))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    cramps.attachAxis(axis_x)
    axis_pct = QValueAxis()
    axis_pct.setRange(0, 100)
    axis_pct.setLabelFormat("%d%%")
    axis_pct.setTickCount(6)
    chart.addAxis(axis_pct, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_pct)
    axis_nights = QValueAxis()
    # 0-8 in steps of 2: eight ticks do not fit a short chart and Qt elides them all.
    axis_nights.setRange(0, 8)
    axis_nights.setTickCount(5)
    axis_nights.setLabelFormat("%d")
    chart.addAxis(axis_nights, Qt.AlignmentFlag.AlignRight)
    cramps.attachAxis(axis_nights)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def chart_image(r: WeekReview, size: tuple[int, int] = CHART_PX) -> QImage:
    """The review chart drawn into an image (works offscreen)."""
    from PySide6.QtCharts import QChartView

    chart = build_chart(r)
    view = QChartView(chart)
    view.resize(*size)
    chart.resize(QSizeF(*size))
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    chart.scene().render(painter, QRectF(0, 0, *size), QRectF(0, 0, *size))
    painter.end()
    view.deleteLater()
    return image
