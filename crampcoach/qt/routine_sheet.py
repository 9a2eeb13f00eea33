"""A routine as a printable A4 handout: every step with its picture, for the fridge.

Drawn with QPainter on a QPdfWriter: the pictures are the same vector
drawing as on screen (``pose_view.paint_pose``), never images; the words
are QTextDocuments laid out at the PDF's resolution.  Every piece of
routine text goes in escaped, so it is shown as written.  Steps never break
across a page: a step that does not fit on what is left of a page starts the
next one, and every page carries the not-medical-advice line and its number.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from crampcoach import __version__
from crampcoach.core import documents
from crampcoach.core.model import Routine, Side, Step
from crampcoach.core.safety import NOT_MEDICAL_ADVICE
from crampcoach.qt import theme
from crampcoach.qt.i18n import format_duration
from crampcoach.qt.pose_view import Ink, paint_pose, side_colours, step_picture

RESOLUTION = 300  # dots per inch of the page's coordinates
MARGIN_MM = 14.0
PICTURE_MM = 32.0  # each picture's square
GAP_MM = 5.0
BODY_PT = 9.5


def _mm(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def _e(text: object) -> str:
    return html.escape(str(text))


def _tr(marked: object) -> str:
    """A QT_TRANSLATE_NOOP text of the sheet's in the user's language."""
    return QCoreApplication.translate("RoutineSheet", str(marked))


def _number(value: float) -> str:
    """A number in the user's locale: "2.5" in English, "2,5" in German."""
    return QLocale().toString(float(value), "g", 6)


#: Which legs, in words; whole phrases, as a language may word each differently.
SIDE_WORDS = {
    Side.EACH: QT_TRANSLATE_NOOP("RoutineSheet", "Left leg, then right leg"),
    Side.AFFECTED: QT_TRANSLATE_NOOP("RoutineSheet", "The cramping leg"),
    Side.NONE: QT_TRANSLATE_NOOP("RoutineSheet", "No stretch"),
    Side.BOTH: QT_TRANSLATE_NOOP("RoutineSheet", "Both legs"),
}
#: The labels under a step's two pictures.
PICTURE_LABELS = {
    "left": QT_TRANSLATE_NOOP("RoutineSheet", "Left"),
    "right": QT_TRANSLATE_NOOP("RoutineSheet", "Right"),
    "start": QT_TRANSLATE_NOOP("RoutineSheet", "Start"),
    "then": QT_TRANSLATE_NOOP("RoutineSheet", "Then"),
}


class RoutineSheet(QObject):
    """The sheet's words in the user's language (``self.tr``, context "RoutineSheet").

    A QObject for its ``tr``: lupdate reads a plural's count only from ``tr``
    calls.  English has no translation file, so a count of one gets its own
    message rather than Qt's ``%n`` singular form.
    """

    def holds(self, repetitions: int, hold: str) -> str:
        """E.g. "2 holds of 30 s"."""
        if repetitions == 1:
            return self.tr("1 hold of {hold}").format(hold=hold)
        return self.tr("%n holds of {hold}", "", repetitions).format(hold=hold)

    def facts(self, duration_s: int, steps: int) -> str:
        """The routine's total time and how many steps."""
        total = format_duration(duration_s)
        if steps == 1:
            return self.tr("Total time {duration} · 1 step").format(duration=total)
        return self.tr("Total time {duration} · %n steps", "", steps).format(duration=total)


def timing(step: Step) -> str:
    """How long a step lasts, in words: holds and rests, or its duration; per leg when each."""
    total = format_duration(step.duration_s)
    if step.side is Side.EACH:
        total = QCoreApplication.translate("RoutineSheet", "{duration} per leg").format(
            duration=total
        )
    if step.hold_s is None:
        return total
    text = RoutineSheet().holds(step.repetitions, format_duration(step.hold_s))
    if step.rest_s and step.repetitions > 1:
        text = QCoreApplication.translate("RoutineSheet", "{holds}, {rest} rest between").format(
            holds=text, rest=format_duration(step.rest_s)
        )
    return QCoreApplication.translate("RoutineSheet", "{holds} ({total})").format(
        holds=text, total=total
    )


def side_words(step: Step) -> str:
    """Which legs, in words."""
    return _tr(SIDE_WORDS.get(step.side, SIDE_WORDS[Side.BOTH]))


def _source(step: Step) -> str:
    """The step's citations: each document's title and the quote, verbatim (HTML)."""
    parts = []
    for citation in step.citations:
        try:
            title = documents.get(citation.doc).title
        except documents.DocumentError:
            title = citation.doc
        quote = " ".join(citation.quote.split())
        if len(quote) > 110:
            quote = quote[:107].rsplit(" ", 1)[0] + "…"
        # The quotation marks are the language's; the quote itself stays as the source has it.
        parts.append(
            _e(QCoreApplication.translate("RoutineSheet", "{title}: “{quote}”")).format(
                title=_e(title), quote=_e(quote)
            )
        )
    return "<br>".join(parts)


def step_html(number: int, step: Step) -> str:
    """One step's words: name, side and timing, instructions, safety, source."""
    picture = step_picture(step)
    move = ""
    if picture is not None and picture.moves:
        move = QCoreApplication.translate(
            "RoutineSheet", " · a move, about {seconds} s a cycle"
        ).format(seconds=_number(picture.cycle_s))
    parts = [
        f"<p style='margin:0'><b style='font-size:12pt'>{number}. {_e(step.name)}</b></p>",
        f"<p style='margin:2px 0 4px 0; color:#2f6f6a'><b>{_e(side_words(step))}</b> · "
        f"{_e(timing(step))}{_e(move)}</p>",
        f"<p style='margin:0 0 4px 0'>{_e(step.instructions)}</p>",
    ]
    if step.safety:
        safety = _e(QCoreApplication.translate("RoutineSheet", "Safety:"))
        parts.append(
            f"<p style='margin:0 0 4px 0; color:#7a1d10'><b>{safety}</b> {_e(step.safety)}</p>"
        )
    if step.evidence:
        evidence = _e(QCoreApplication.translate("RoutineSheet", "Evidence:"))
        parts.append(
            f"<p style='margin:0 0 4px 0; color:#3d3d38; font-size:8.5pt'>"
            f"<i>{evidence}</i> {_e(step.evidence)}</p>"
        )
    source = _e(QCoreApplication.translate("RoutineSheet", "Source:"))
    parts.append(f"<p style='margin:0; color:#55554f; font-size:8pt'>{source} {_source(step)}</p>")
    return "".join(parts)


def header_html(routine: Routine) -> str:
    """Title, total time, description and the routine's own safety note."""
    facts = RoutineSheet().facts(routine.duration_s, len(routine.steps))
    safety = (
        "<p style='margin:6px 0 0 0; color:#7a1d10'><b>"
        + _e(QCoreApplication.translate("RoutineSheet", "Before you start:"))
        + f"</b> {_e(routine.safety)}</p>"
        if routine.safety
        else ""
    )
    return (
        f"<p style='margin:0'><b style='font-size:20pt; color:#2f6f6a'>{_e(routine.title)}</b></p>"
        f"<p style='margin:2px 0 4px 0; font-size:11pt'><b>{_e(facts)}</b></p>"
        f"<p style='margin:0'>{_e(routine.description)}</p>{safety}"
    )


def _text(
    html_text: str, width: float, writer: QPdfWriter, point_size: float = BODY_PT
) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = doc.defaultFont()
    font.setPointSizeF(point_size)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html_text)
    doc.setTextWidth(width)
    return doc


@dataclass(slots=True)
class _Block:
    """One step laid out: its text and its height on the page."""

    number: int
    step: Step
    text: QTextDocument
    height: float


def _footer(writer: QPdfWriter, width: float, page: int, pages: int) -> QTextDocument:
    """The not-medical-advice line and the page number, at the foot of every page."""
    return _text(
        f"<p style='margin:0; font-size:8pt'>"
        f"<b>{_e(QCoreApplication.translate('Safety', NOT_MEDICAL_ADVICE))}</b><br>"
        + _e(
            QCoreApplication.translate(
                "RoutineSheet", "Printed by CrampCoach {version} · page {page} of {pages}"
            ).format(
                version=__version__, page=QLocale().toString(page), pages=QLocale().toString(pages)
            )
        )
        + "</p>",
        width,
        writer,
    )


def _label(key: str) -> str:
    return _tr(PICTURE_LABELS[key])


def _slots(step: Step) -> list[tuple[Side, float, str]]:
    """The pictures of a step: (side, phase of the move, label) for each."""
    pose = step_picture(step)
    if pose is None:
        return []
    if step.side is Side.EACH:
        return [(Side.LEFT, 0.0, _label("left")), (Side.RIGHT, 0.0, _label("right"))]
    if pose.moves:
        return [
            (Side.BOTH, 0.0, _label("start")),
            (Side.BOTH, 1 / len(pose.keys()), _label("then")),
        ]
    return [(Side.BOTH, 0.0, "")]


def _text_left(step: Step) -> float:
    """Where a step's words start: right of its pictures."""
    return max(1, len(_slots(step))) * (_mm(PICTURE_MM) + _mm(GAP_MM))


def _layout(
    routine: Routine, writer: QPdfWriter, page: QSizeF
) -> tuple[QTextDocument, QTextDocument, list[list[_Block]]]:
    """The header, the footer and the steps split into pages (no step split across two)."""
    width = page.width()
    header = _text(header_html(routine), width, writer)
    footer = _footer(writer, width, 1, 1)
    usable = page.height() - footer.size().height() - _mm(GAP_MM)
    pages: list[list[_Block]] = [[]]
    y = header.size().height() + _mm(GAP_MM)
    for number, step in enumerate(routine.steps, start=1):
        text = _text(step_html(number, step), width - _text_left(step), writer)
        height = max(_mm(PICTURE_MM), text.size().height()) + _mm(GAP_MM)
        if y + height > usable and pages[-1]:
            pages.append([])
            y = 0.0
        pages[-1].append(_Block(number, step, text, height))
        y += height
    return header, footer, pages


def _pictures(painter: QPainter, block: _Block, top: float) -> None:
    """The step's picture: left and right for a one-sided step, two key frames for a move."""
    pose = step_picture(block.step)
    size = _mm(PICTURE_MM)
    if pose is None:
        return
    colours = side_colours()
    slots = _slots(block.step)
    for n, (side, phase, label) in enumerate(slots):
        left = n * (size + _mm(GAP_MM))
        frame = QRectF(left, top, size, size)
        painter.setPen(QColor("#d9d7cf"))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(frame, _mm(1.5), _mm(1.5))
        paint_pose(
            painter,
            frame.adjusted(_mm(1.5), _mm(1.5), -_mm(1.5), -_mm(5)),
            pose,
            side,
            Ink.printed(),
            phase,
        )
        if label:
            font = painter.font()
            font.setPointSizeF(8.5)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(colours[side]) if side in colours else QColor("#3d3d38"))
            painter.drawText(
                QRectF(left, top + size - _mm(5), size, _mm(4.5)),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )


def write_routine_pdf(routine: Routine, path: Path) -> int:
    """Write the handout for ``routine`` to ``path``; returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(routine.title)
    writer.setCreator(f"CrampCoach {__version__}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    page = QSizeF(rect.width(), rect.height())
    header, footer, pages = _layout(routine, writer, page)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write a PDF to {path}")
    try:
        for index, blocks in enumerate(pages):
            if index:
                writer.newPage()
            y = 0.0
            if index == 0:
                theme.print_on_paper(header, painter)
                y = header.size().height() + _mm(GAP_MM)
            for n, block in enumerate(blocks):
                if n or index == 0:  # a rule between steps, none at the top of a page
                    painter.setPen(QColor("#d9d7cf"))
                    rule = y - _mm(GAP_MM) / 2
                    painter.drawLine(QPointF(0, rule), QPointF(page.width(), rule))
                _pictures(painter, block, y)
                painter.save()
                painter.translate(_text_left(block.step), y)
                theme.print_on_paper(block.text, painter)
                painter.restore()
                y += block.height
            bottom = page.height() - footer.size().height()
            painter.save()
            painter.translate(0, bottom)
            theme.print_on_paper(_footer(writer, page.width(), index + 1, len(pages)), painter)
            painter.restore()
    finally:
        painter.end()
    return len(pages)


_APP: list[object] = []  # keeps the offscreen application of a command-line print alive


def print_routine(routine: Routine, path: Path) -> int:
    """Write the handout to ``path`` atomically (no half-written file); returns the pages.

    Works without a display: from the command line it starts Qt offscreen.
    """
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _APP.append(QGuiApplication(["crampcoach", "-platform", "offscreen"]))
    # Say plainly what is wrong before Qt tries (and only warns) on its own.
    if not path.parent.is_dir():
        raise OSError(f"the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise OSError(f"the folder {path.parent} cannot be written to")
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        pages = write_routine_pdf(routine, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return pages
