"""The document reader shows plain text with the cited passage highlighted and in view."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextCharFormat

from crampcoach.core import documents
from crampcoach.core.model import Document
from crampcoach.qt.documents_view import HIGHLIGHT, DocumentReader

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def reader(qtbot: Any) -> DocumentReader:
    from crampcoach.qt.launch import setup_qapplication

    setup_qapplication()
    r = DocumentReader()
    qtbot.addWidget(r)
    r.resize(900, 600)
    r.show()
    qtbot.waitExposed(r)
    return r


def _highlights(reader: DocumentReader) -> list:
    """The cited-passage highlight (the supplement passages have their own marks)."""
    return [
        s for s in reader.text_view.extraSelections() if s.format.background().color() == HIGHLIGHT
    ]


def test_highlights_the_quote_and_scrolls_it_into_view(reader: DocumentReader) -> None:
    doc = documents.get("spasm-in-leg")
    quote = "stretch before and after excessive activity"  # near the end of the document
    span = reader.show_document(doc, quote, "Weak: not verified.")
    assert span is not None
    sels = _highlights(reader)
    assert len(sels) == 1
    cursor = sels[0].cursor
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (span.start, span.end)
    assert cursor.selectedText() == quote
    fmt: QTextCharFormat = sels[0].format
    assert fmt.background().color() == HIGHLIGHT
    # Scrolled: the passage's line lies inside the visible viewport.
    rect = reader.text_view.cursorRect()
    assert reader.text_view.verticalScrollBar().value() > 0
    assert reader.text_view.viewport().rect().contains(rect.center())
    assert reader.title_label.text() == doc.title
    assert doc.quality in reader.quality_label.text()
    assert reader.evidence_label.text() == "Weak: not verified."
    assert not reader.evidence_frame.isHidden()


def test_quote_across_a_line_break_matches_whitespace_normalised(reader: DocumentReader) -> None:
    text = "First line.\nThe quoted\n   passage spans lines.\nLast."
    doc = Document("x", "Title", "x.txt", "Quality.", text)
    reader.show_document(doc, "The quoted passage spans lines.")
    assert reader.highlighted_text() == "The quoted\n   passage spans lines."


def test_text_is_plain_never_rich(reader: DocumentReader) -> None:
    text = "<h1>Not a heading</h1> <b>not bold</b> <img src='x.png'> &amp; <a href='http://x'>x</a>"
    reader.show_document(Document("x", "<i>Title</i>", "x.txt", "<b>q</b>", text))
    assert reader.text_view.toPlainText() == text
    assert reader.title_label.text() == "<i>Title</i>"
    assert reader.title_label.textFormat().name == "PlainText"
    assert reader.evidence_frame.isHidden()
    assert reader.text_view.extraSelections() == []


def test_missing_quote_is_said_not_guessed(reader: DocumentReader) -> None:
    doc = documents.get("spasm-in-leg")
    assert reader.show_document(doc, "words that are not in the document") is None
    assert _highlights(reader) == []  # only the supplement passages stay marked
    assert "not found" in reader.quote_status.text()


def test_app_opens_the_reader_from_a_citation(make_app: Any, memory_store: Any) -> None:
    app = make_app(memory_store, routines=[])
    assert app.show_document(
        "night-remedies", "footbath water is better than the", "Nothing found: not verified."
    )
    assert app.reader is not None and app.reader.isVisible()
    doc = documents.get("night-remedies")
    span = documents.find_quote(doc.text, "footbath water is better than the")
    assert span is not None
    assert app.reader.highlighted_text() == doc.text[span.start : span.end]


def test_a_citation_from_the_player_opens_the_reader(make_app: Any, memory_store: Any) -> None:
    memory_store.set_setting("sounds", False)
    memory_store.set_setting("voice", False)
    app = make_app(memory_store)
    assert app.start_routine("bedtime")
    step = next(s for s in app.routines["bedtime"].expanded() if s.evidence and s.pose)
    cite = step.citations[0]
    app.player.citation_requested.emit(cite.doc, cite.quote, step.evidence, step)
    assert app.reader is not None and app.reader.isVisible()
    assert app.reader.evidence_label.text() == step.evidence
    # The step that cites the passage is shown with its picture and its name.
    assert app.reader.step_row.isVisible() and app.reader.pose_view.isVisible()
    assert app.reader.pose_view.pose is not None and app.reader.pose_view.pose.name == step.pose
    assert step.name in app.reader.step_label.text()
    assert app.reader.pose_view.accessibleDescription() in app.reader.step_label.text()
    assert documents.normalise(app.reader.highlighted_text()) == documents.normalise(cite.quote)
    app.stop_session()
