"""The document reader ("Why this step?").

Shows a bundled source document as PLAIN text (``setPlainText``: nothing in a
file is ever interpreted as markup), its title and our quality note, the
step's evidence note when there is one, and highlights the cited passage
(located with :func:`crampcoach.core.documents.find_quote`) with an extra
selection, scrolled into view.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from crampcoach.core import documents, verdicts
from crampcoach.core.documents import Span
from crampcoach.core.model import Document, PlannedStep, Side, preferred_languages
from crampcoach.qt.forms import child, describe, load_ui, plain_title
from crampcoach.qt.screens import fit_window, remember

MAX_WIDTH = 1100
#: Supplement and drinking passages: a pale blue band and a dotted underline, so the
#: mark does not depend on colour alone; their verdicts are listed above the text.
VERDICT_MARK = QColor("#dceaf7")
HIGHLIGHT = QColor("#ffe08a")  # warm yellow: dark text on it keeps a contrast above 12:1


class DocumentReader(QWidget):
    """A window that shows one document at a time; reuse it with :meth:`show_document`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("DocumentReader")
        self.form = load_ui("document_reader.ui", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # A readable measure on a wide screen: one centred column, not 250-character
        # lines. The form grows to MAX_WIDTH; the side stretches take the rest.
        self.form.setMaximumWidth(MAX_WIDTH)
        layout.addStretch(1)
        layout.addWidget(self.form, 1000)
        layout.addStretch(1)
        self.title_label = child(self.form, QLabel, "docTitleLabel")
        self.quality_label = child(self.form, QLabel, "qualityLabel")
        self.evidence_frame = child(self.form, QFrame, "evidenceFrame")
        self.evidence_label = child(self.form, QLabel, "evidenceLabel")
        self.quote_status = child(self.form, QLabel, "quoteStatusLabel")
        self.text_view = child(self.form, QPlainTextEdit, "textView")
        self.verdicts_label = QLabel(self.form)
        self.verdicts_label.setObjectName("verdictsLabel")
        self.verdicts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdicts_label.setWordWrap(True)
        text_parent = self.text_view.parentWidget()
        text_layout = text_parent.layout() if text_parent is not None else None
        if isinstance(text_layout, QBoxLayout):
            text_layout.insertWidget(text_layout.indexOf(self.text_view), self.verdicts_label)
        self.marks: list[verdicts.Marked] = []
        self._build_step_row()
        describe(
            self.form,
            {
                "textView": self.tr(
                    "The whole document as plain text; the cited passage is marked"
                ),
                "closeButton": self.tr("Close the document (Esc)"),
            },
        )
        close = child(self.form, QPushButton, "closeButton")
        close.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.document: Document | None = None
        self.span: Span | None = None
        fit_window(self, "reader", QSize(900, 720))

    def _build_step_row(self) -> None:
        """The step that cites the passage, as a picture and its name, above the text."""
        from crampcoach.qt.pose_view import PoseView

        self.step_row = QFrame(self.form)
        self.step_row.setObjectName("stepRow")
        row = QHBoxLayout(self.step_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.pose_view = PoseView(self.step_row)
        self.pose_view.setFixedSize(150, 150)
        self.step_label = QLabel(self.step_row)
        self.step_label.setObjectName("stepLabel")
        self.step_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label.setWordWrap(True)
        row.addWidget(self.pose_view)
        row.addWidget(self.step_label, 1)
        root = self.form.layout()
        assert isinstance(root, QBoxLayout)
        root.insertWidget(root.indexOf(self.evidence_frame), self.step_row)
        self.step_row.hide()

    def _show_step(self, step: PlannedStep | None) -> None:
        from crampcoach.qt.pose_view import step_picture

        picture = step_picture(step) if step is not None else None
        self.step_row.setVisible(step is not None)
        self.pose_view.set_pose(picture, step.side if step is not None else Side.BOTH)
        self.pose_view.setVisible(picture is not None)
        if step is None:
            self.step_label.clear()
            return
        words = self.pose_view.accessibleDescription()
        self.step_label.setText(
            self.tr("This passage is cited by the step “{name}”.").format(name=step.name)
            + (f"\n{words}" if words else "")
        )

    def show_document(
        self,
        doc: Document,
        quote: str | None = None,
        evidence: str | None = None,
        step: PlannedStep | None = None,
    ) -> Span | None:
        """Show ``doc``; highlight ``quote`` if given. Returns where the quote was found.

        ``step``: the step whose "Why this step?" opened the reader; its
        picture and name are shown above the passage.
        """
        self._show_step(step)
        # Our note on the source in the user's language; the text stays as published.
        doc = doc.localized(preferred_languages(QLocale.system().uiLanguages()))
        self.document = doc
        self.setWindowTitle(plain_title(self.tr("{title} — CrampCoach").format(title=doc.title)))
        self.title_label.setText(doc.title)
        self.quality_label.setText(
            self.tr("About this source: {quality}").format(quality=doc.quality)
        )
        self.evidence_frame.setVisible(bool(evidence))
        self.evidence_label.setText(evidence or "")
        self.text_view.setPlainText(doc.text)
        self.marks = verdicts.marked_passages(doc.text)
        found = verdicts.topics(self.marks)
        self.verdicts_label.setVisible(bool(found))
        self.verdicts_label.setText(
            self.tr(
                "Passages about supplements or drinking are marked in blue. What better studies "
                "say:\n{verdicts}"
            ).format(verdicts="\n".join(f"• {v.text}" for v in found))
            if found
            else ""
        )
        self.span = documents.find_quote(doc.text, quote) if quote else None
        if quote is None:
            self.quote_status.setText(self.tr("The whole document, as published."))
        elif self.span is None:
            # Routines are checked against the documents, so this means a user
            # routine quotes text that is not there: say so rather than guess.
            self.quote_status.setText(
                self.tr("The quoted passage was not found in this document: “{quote}”").format(
                    quote=quote
                )
            )
        else:
            self.quote_status.setText(self.tr("The highlighted passage is what this step cites."))
        self._highlight(self.span)
        return self.span

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's size on this computer."""
        remember(self)
        super().closeEvent(event)

    def highlighted_text(self) -> str:
        """The text under the highlight ('' when nothing is highlighted)."""
        sels = [s for s in self.text_view.extraSelections() if s.format.background() == HIGHLIGHT]
        return sels[0].cursor.selectedText().replace("\u2029", "\n") if sels else ""

    def _verdict_selections(self) -> list[QTextEdit.ExtraSelection]:
        out = []
        for mark in self.marks:
            cursor = QTextCursor(self.text_view.document())
            cursor.setPosition(mark.start)
            cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(VERDICT_MARK)
            fmt.setForeground(QColor("#1d1d1b"))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setToolTip(mark.verdict.text)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            out.append(selection)
        return out

    def _highlight(self, span: Span | None) -> None:
        marks = self._verdict_selections()
        if span is None:
            self.text_view.setExtraSelections(marks)
            self.text_view.moveCursor(QTextCursor.MoveOperation.Start)
            return
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        fmt.setForeground(QColor("#1d1d1b"))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        self.text_view.setExtraSelections([*marks, selection])
        # Put the caret at the passage's start and centre it, so it is in view
        # without selecting it (a selection would hide the highlight colour).
        caret = QTextCursor(self.text_view.document())
        caret.setPosition(span.start)
        self.text_view.setTextCursor(caret)
        self.text_view.centerCursor()
