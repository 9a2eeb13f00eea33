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

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QMarginsF,
    QObject,
    QRectF,
    QSizeF,
    QTime,
    QUrl,
)
from PySide6.QtGui import (
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from crampcoach import __version__
from crampcoach.core import review, safety
from crampcoach.core.events import SYMPTOM_MESSAGES
from crampcoach.core.review import WeekReview
from crampcoach.qt import review_colours, theme
from crampcoach.qt import review_words as words
from crampcoach.qt.charts import CHART_PX, chart_image

if TYPE_CHECKING:
    from crampcoach.core.trial import Report
    from crampcoach.store import Store

RESOLUTION = 300  # dpi of the PDF's coordinate system
MAX_DIARY_ROWS = 14
FONT_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)  # points; tried in turn until the page fits


def _e(text: object) -> str:
    return html.escape(str(text))


def _when(at: datetime, fmt: str) -> str:
    """``at`` (local) in the user's language: strftime's day and month names are English."""
    return QLocale().toString(
        QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)), fmt
    )


def _safety(text: str) -> str:
    """One of core.safety's fixed texts in the user's language."""
    return QCoreApplication.translate("Safety", text)


def _grid(r: WeekReview) -> str:
    """The week grid's rows (the plan items by day), its header row first."""
    days = r.days
    head = "".join(
        f"<th>{_e(QLocale().toString(QDate(d.day.year, d.day.month, d.day.day), 'ddd d MMM'))}</th>"
        for d in days
    )
    rows = [f"<tr bgcolor='#eeeeee'><th></th>{head}</tr>"]
    paper = theme.paper_palette()  # the window's colours, as they print on white
    for item in review.GRID_ROWS:
        cells = []
        for d in days:
            look = (
                review_colours.cramps_cell(paper, d.cramps)
                if item == "cramps"
                else review_colours.status_cell(paper, review.cell_status(d, item))
            )
            bg = look.background
            style = f' bgcolor="{bg.name()}"' if bg is not None else ""  # not shown
            text = _e(words.tr(review.cell_message(d, item)))
            if look.italic:  # a night nobody logged: unknown, not "none"
                text = f"<i>{text}</i>"
            cells.append(f"<td align='center'{style}>{text}</td>")
        rows.append(
            f"<tr><th align='left'>{_e(words.tr(review.grid_label_message(item, r)))}</th>{''.join(cells)}</tr>"
        )
    return "".join(rows)


def _warnings(r: WeekReview) -> str:
    """The matched warning signs in a red box, most urgent first, the action before the reason."""
    if not r.warnings:
        return ""
    items = "".join(
        f"<p style='margin:2px 0'><b>{_e(_safety(safety.LEVEL_LABELS[w.level]))}"
        f" — {_e(words.tr(w.title_message))}. {_e(words.tr(w.action_message))}</b>"
        f" {_e(words.tr(w.reason_message))}</p>"
        for w in r.warnings
    )
    return (
        "<table width='100%' cellpadding='4' style='background:#ffe5e5;"
        f"border:1px solid #c00000'><tr><td>{items}</td></tr></table>"
    )


def trial_html(report: Report | None) -> str:
    """The personal trial's section: the same words as ``crampcoach trial report`` ("" if none)."""
    if report is None:
        return ""
    from crampcoach.core.trial import report_parts

    p = report_parts(report)
    tr = words.tr
    blocks = "".join(
        f"<tr><td>{_e(tr(label))}</td><td>{_e(tr(dates))}</td><td>{_e(tr(how))}</td></tr>"
        for label, dates, how in p.blocks
    )
    return f"""
<h3 style='margin-bottom:2px'>{_e(tr(p.heading))}</h3>
<p style='margin:0'>{_e(tr(p.question))} {_e(tr(p.outcome))}</p>
<table width='100%' cellspacing='0' cellpadding='2' border='1'
 style='border-collapse:collapse;border-color:#999'>{blocks}</table>
<p style='margin:2px 0'><b>{_e(tr(p.result))}</b><br><b>{_e(tr(p.unknown))}</b></p>
<p style='color:#444;margin:0'>{_e(tr(p.design))} {_e(tr(p.limits))}</p>
"""


def _checklist() -> str:
    return "<br>".join(
        f"<b>{_e(_safety(safety.CHECKLIST_HEADINGS[level]))}</b> "
        + "; ".join(_e(_safety(i.text)) for i in safety.CHECKLIST if i.level is level)
        for level in safety.Level
    )


class WeekPdf(QObject):
    """The page's words in the user's language (``self.tr``, context "WeekPdf").

    A QObject for its ``tr``: lupdate reads a plural's count only from ``tr``
    calls, never from ``QCoreApplication.translate``'s.
    """

    def signs(self, c: object) -> str:
        """The signs logged with a cramp, in words ("" when none)."""
        symptoms = getattr(c, "symptoms", ())
        if not symptoms:
            return ""
        return self.tr("signs: {signs}").format(
            signs=", ".join(
                SYMPTOM_MESSAGES[s].render(QCoreApplication.translate) for s in symptoms
            )
        )

    def diary(self, r: WeekReview, max_rows: int) -> str:
        """The cramp diary as a table, cut at ``max_rows`` with "and N more"."""
        from crampcoach.qt.cramp_dialog import entry_words

        log = list(r.cramps.log)
        if not log:
            return "<p>{}</p>".format(_e(self.tr("No cramps logged this week.")))
        shown = log[:max_rows]
        locale = QLocale()
        rows = []
        for c in shown:
            leg, muscle, context = entry_words(c)
            minutes = "" if c.minutes is None else locale.toString(c.minutes, "g", 6)
            rows.append(
                f"<tr><td>{_e(_when(c.at.astimezone(r.tz), 'ddd d MMM HH:mm'))}</td>"
                f"<td>{_e(leg)}</td><td>{_e(muscle)}</td>"
                f"<td align='center'>{c.severity}/10</td><td align='center'>{_e(minutes)}</td>"
                f"<td>{_e(context)}</td>"
                f"<td>{_e('; '.join(filter(None, [c.note, self.signs(c)])))}</td></tr>"
            )
        hidden = len(log) - len(shown)
        more = (
            self.tr("… and 1 more episode (see the CSV export).")
            if hidden == 1
            else self.tr("… and %n more episodes (see the CSV export).", "", hidden)
        )
        headers = (
            self.tr("Began"),
            self.tr("Leg"),
            self.tr("Muscle"),
            self.tr("Severity"),
            self.tr("Minutes"),
            self.tr("Context"),
            self.tr("Note"),
        )
        return (
            "<table width='100%' cellspacing='0' cellpadding='3' border='1' "
            "style='border-collapse:collapse;border-color:#999'><tr bgcolor='#eeeeee'>"
            + "".join(f"<th>{_e(h)}</th>" for h in headers)
            + f"</tr>{''.join(rows)}</table>"
            + (f"<p><i>{_e(more)}</i></p>" if hidden > 0 else "")
        )

    def page(self, r: WeekReview, max_rows: int, chart_width: int, trial: Report | None) -> str:
        """The whole page as HTML (``trial``: the personal trial's section, if there is one)."""
        week = words.week_title(r.week)
        title = self.tr("{week} (so far)").format(week=week) if r.in_progress else week
        intro = self.tr(
            "A week of the adherence log, for talking with a clinician. "
            "Printed {made} by CrampCoach {version}."
        ).format(made=_when(datetime.now(r.tz), "d MMM yyyy HH:mm"), version=__version__)
        headline = "<br>".join(_e(words.tr(line)) for line in review.headline_messages(r))
        chart_height = chart_width * CHART_PX[1] // CHART_PX[0]
        compared = self.tr("Cramps after nights with vs without the bedtime routine")
        # Outside the f-string: lupdate does not look inside one, so its tr() went untranslated.
        this_week, diary = self.tr("This week"), self.tr("Cramp diary")
        return f"""
<html><body>
<h2 style='margin:0'>CrampCoach — {_e(title)}</h2>
<p style='color:#444;margin-top:2px'>{_e(intro)}</p>
{_warnings(r)}
<table width='100%' cellspacing='0' cellpadding='3' border='1'
 style='border-collapse:collapse;border-color:#999'>
{_grid(r)}
</table>
<table width='100%' cellpadding='2'><tr>
<td width='45%' valign='top'><p><b>{_e(this_week)}</b><br>{headline}</p></td>
<td valign='top'><p><b>{_e(compared)}</b><br>
{_e(words.tr(review.effect_message(r.cramps.effect)))}</p></td>
</tr></table>
{trial_html(trial)}
<p align='center'><img src='chart.png' width='{chart_width}' height='{chart_height}'></p>
<h3 style='margin-bottom:2px'>{_e(diary)}</h3>
{self.diary(r, max_rows)}
<p style="margin-top:10px">{_checklist()}.</p>
<p style='margin-top:6px'><b>{_e(_safety(safety.NOT_MEDICAL_ADVICE))}</b></p>
</body></html>
"""

    def title(self, r: WeekReview) -> str:
        """The PDF's document title."""
        return self.tr("CrampCoach {week}").format(week=words.week_title(r.week))


def week_html(
    r: WeekReview,
    max_rows: int = MAX_DIARY_ROWS,
    chart_width: int = 480,
    trial: Report | None = None,
) -> str:
    """The page as HTML (user text escaped; ``chart.png`` is a document resource)."""
    return WeekPdf().page(r, max_rows, chart_width, trial)


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
    writer.setTitle(WeekPdf().title(r))
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
        theme.print_on_paper(doc, painter, QRectF(0, 0, page.width(), page.height()))
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
