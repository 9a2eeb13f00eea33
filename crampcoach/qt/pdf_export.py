"""The week as a one-page PDF for a clinician, and all events as CSV or JSON.

The PDF is a QTextDocument (HTML tables) printed with QPdfWriter, with the
review chart rendered to an image: no new dependency.  It must fit on one A4
page, so the text shrinks (down to a floor) and a long cramp list is cut with
"and N more" rather than spilling onto a second page.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from crampcoach import __version__
from crampcoach.core import review, safety
from crampcoach.core.events import SYMPTOM_LABELS
from crampcoach.core.review import Status, WeekReview
from crampcoach.qt.charts import CHART_PX, chart_image

if TYPE_CHECKING:
    from crampcoach.core.trial import Report
    from crampcoach.store import Store

RESOLUTION = 300  # dpi of the PDF's coordinate system
MAX_DIARY_ROWS = 14
FONT_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)  # points; tried in turn until the page fits
CELL_BG: dict[Status, str] = {
    Status.DONE: "#cdeccd",
    Status.PARTIAL: "#fff0c2",
    Status.MISSED: "#f7d4d4",
    Status.SKIPPED: "#dde6f2",
    Status.PENDING: "#f2f2f2",
}


def signs_text(c: object) -> str:
    """The signs logged with a cramp, in words ("" when none)."""
    symptoms = getattr(c, "symptoms", ())
    return ("signs: " + ", ".join(SYMPTOM_LABELS[s] for s in symptoms)) if symptoms else ""


def _e(text: object) -> str:
    return html.escape(str(text))


def trial_html(report: Report | None) -> str:
    """The personal trial's section: the same words as ``crampcoach trial report`` ("" if none)."""
    if report is None:
        return ""
    from crampcoach.core.trial import report_parts

    p = report_parts(report)
    blocks = "".join(
        f"<tr><td>{_e(label)}</td><td>{_e(dates)}</td><td>{_e(words)}</td></tr>"
        for label, dates, words in p.blocks
    )
    return f"""
<h3 style='margin-bottom:2px'>{_e(p.heading)}</h3>
<p style='margin:0'>{_e(p.question)} {_e(p.outcome)}</p>
<table width='100%' cellspacing='0' cellpadding='2' border='1'
 style='border-collapse:collapse;border-color:#999'>{blocks}</table>
<p style='margin:2px 0'><b>{_e(p.result)}</b><br><b>{_e(p.unknown)}</b></p>
<p style='color:#444;margin:0'>{_e(p.design)} {_e(p.limits)}</p>
"""


def week_html(
    r: WeekReview,
    max_rows: int = MAX_DIARY_ROWS,
    chart_width: int = 480,
    trial: Report | None = None,
) -> str:
    """The page as HTML (user text escaped; ``chart.png`` is a document resource)."""
    days = r.days
    head = "".join(f"<th>{_e(d.day.strftime('%a %d %b'))}</th>" for d in days)
    grid_rows = []
    for item in review.GRID_ROWS:
        cells = []
        for d in days:
            status = review.cell_status(d, item)
            bg = CELL_BG.get(status) if status else None
            if item == "cramps" and d.cramps:
                bg = "#f9e0dc"
            style = f' bgcolor="{bg}"' if bg else ""
            cells.append(f"<td align='center'{style}>{_e(review.cell_text(d, item))}</td>")
        grid_rows.append(
            f"<tr><th align='left'>{_e(review.grid_label(item, r))}</th>{''.join(cells)}</tr>"
        )
    headline = "<br>".join(_e(line) for line in review.headline(r))

    warnings = ""
    if r.warnings:
        # Most urgent first (check_log sorts them), the action before the reason.
        items = "".join(
            f"<p style='margin:2px 0'><b>{_e(safety.LEVEL_LABELS[w.level])}"
            f" — {_e(w.title)}. {_e(w.action)}</b> {_e(w.reason)}</p>"
            for w in r.warnings
        )
        warnings = (
            "<table width='100%' cellpadding='4' style='background:#ffe5e5;"
            f"border:1px solid #c00000'><tr><td>{items}</td></tr></table>"
        )

    log = list(r.cramps.log)
    shown = log[:max_rows]
    diary_rows = "".join(
        "<tr>"
        f"<td>{_e(c.at.astimezone(r.tz).strftime('%a %d %b %H:%M'))}</td>"
        f"<td>{_e(c.leg.value)}</td><td>{_e(c.muscle.value)}</td>"
        f"<td align='center'>{c.severity}/10</td>"
        f"<td align='center'>{'' if c.minutes is None else _e(f'{c.minutes:g}')}</td>"
        f"<td>{_e(c.context.value if c.context else '')}</td>"
        f"<td>{_e('; '.join(filter(None, [c.note, signs_text(c)])))}</td>"
        "</tr>"
        for c in shown
    )
    more = (
        f"<p><i>… and {len(log) - len(shown)} more episodes (see the CSV export).</i></p>"
        if len(log) > len(shown)
        else ""
    )
    diary = (
        "<table width='100%' cellspacing='0' cellpadding='3' border='1' "
        "style='border-collapse:collapse;border-color:#999'>"
        "<tr bgcolor='#eeeeee'><th>Began</th><th>Leg</th><th>Muscle</th><th>Severity</th>"
        f"<th>Minutes</th><th>Context</th><th>Note</th></tr>{diary_rows}</table>{more}"
        if log
        else "<p>No cramps logged this week.</p>"
    )
    checklist = "<br>".join(
        f"<b>{_e(safety.CHECKLIST_HEADINGS[level])}</b> "
        + "; ".join(_e(i.text) for i in safety.CHECKLIST if i.level is level)
        for level in safety.Level
    )
    made = datetime.now(r.tz).strftime("%d %b %Y %H:%M")
    return f"""
<html><body>
<h2 style='margin:0'>CrampCoach — {_e(review.week_title(r.week))}{" (so far)" if r.in_progress else ""}</h2>
<p style='color:#444;margin-top:2px'>A week of the adherence log, for talking with a clinician.
Printed {_e(made)} by CrampCoach {_e(__version__)}.</p>
{warnings}
<table width='100%' cellspacing='0' cellpadding='3' border='1'
 style='border-collapse:collapse;border-color:#999'>
<tr bgcolor='#eeeeee'><th></th>{head}</tr>
{"".join(grid_rows)}
</table>
<table width='100%' cellpadding='2'><tr>
<td width='45%' valign='top'><p><b>This week</b><br>{headline}</p></td>
<td valign='top'><p><b>Cramps after nights with vs without the bedtime routine</b><br>
{_e(review.effect_summary(r.cramps.effect))}</p></td>
</tr></table>
{trial_html(trial)}
<p align='center'><img src='chart.png' width='{chart_width}' height='{chart_width * CHART_PX[1] // CHART_PX[0]}'></p>
<h3 style='margin-bottom:2px'>Cramp diary</h3>
{diary}
<p style="margin-top:10px">{checklist}.</p>
<p style='margin-top:6px'><b>{_e(safety.NOT_MEDICAL_ADVICE)}</b></p>
</body></html>
"""


def _document(
    r: WeekReview,
    writer: QPdfWriter,
    page: QSizeF,
    font_pt: float,
    max_rows: int,
    trial: Report | None,
) -> QTextDocument:
    doc = QTextDocument()
    # Lay out for the PDF's resolution: otherwise point sizes are laid out at
    # screen dpi and everything comes out a third too large.
    doc.documentLayout().setPaintDevice(writer)
    font = doc.defaultFont()
    font.setPointSizeF(font_pt)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart.png"), chart_image(r))
    doc.setPageSize(page)
    # Image sizes in the HTML are in 96-dpi pixels; Qt scales them to the device.
    chart_width = int(page.width() * 0.92 * 96 / writer.resolution())
    doc.setHtml(week_html(r, max_rows, chart_width, trial))
    return doc


def _fits(doc: QTextDocument, page: QSizeF) -> bool:
    size = doc.size()
    # Table borders round up a pixel or two past the text width: allow 1 %.
    return size.height() <= page.height() and size.width() <= page.width() * 1.01


def _fitted(r: WeekReview, writer: QPdfWriter, page: QSizeF, trial: Report | None) -> QTextDocument:
    """The largest text (and longest diary) that fits one page; the smallest otherwise."""
    doc: QTextDocument | None = None
    for max_rows in (MAX_DIARY_ROWS, 8, 4):
        for size in FONT_SIZES:
            doc = _document(r, writer, page, size, max_rows, trial)
            if _fits(doc, page):
                return doc
    assert doc is not None
    return doc


def write_week_pdf(r: WeekReview, path: Path, trial: Report | None = None) -> int:
    """Write the one-page PDF; returns the page count (always 1).

    ``trial``: the personal trial's report (running or over), printed in the
    same words as ``crampcoach trial report``; None when there was never one.
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"CrampCoach {review.week_title(r.week)}")
    writer.setCreator(f"CrampCoach {__version__}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    page = QSizeF(rect.width(), rect.height())
    doc = _fitted(r, writer, page, trial)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write a PDF to {path}")
    try:
        doc.drawContents(painter, QRectF(0, 0, page.width(), page.height()))
    finally:
        painter.end()
    return 1


# --------------------------------------------------------------------------- events


def write_events(store: Store, path: Path, fmt: str) -> int:
    """Write every event as ``fmt`` ("csv" or "json"); returns how many.

    The same text as ``crampcoach export`` (one exporter, in ``core/export.py``),
    written atomically so a failed save never leaves half a file.
    """
    from crampcoach.core.export import rows, to_csv, to_json
    from crampcoach.store.storage import atomic_write_bytes

    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown export format {fmt!r}; expected csv or json")
    records = rows(store.events())
    text = to_csv(records) if fmt == "csv" else to_json(records)
    atomic_write_bytes(path, text.encode("utf-8"))
    return len(records)
