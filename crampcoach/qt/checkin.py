"""The morning check-in: "How was last night?" in one click, from the main window and the tray.

Three answers: no cramps, cramps (how many, the worst), or don't remember.
Each writes a ``NightEvent`` through ``App.log_night``; a night nobody
answers stays unknown (``core.nights``).  Widgets only: no statistics here.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crampcoach.core.events import MAX_NIGHT_CRAMPS, NightEvent
from crampcoach.qt.forms import describe_buttons


class NightWords(QObject):
    """How a night was logged, in the user's language ("2 cramps, the worst 6/10").

    A QObject for its ``tr``: lupdate reads a plural's count only from ``tr`` calls.
    """

    def of(self, event: NightEvent) -> str:
        """The words for ``event``: one pattern per case, a count as a %n plural."""
        n = event.cramps
        if n is None:
            return self.tr("you don't remember")
        if n == 0:
            return self.tr("no cramps")
        # English's singular is its own message: English needs no translation file.
        if event.worst is None:
            return self.tr("1 cramp") if n == 1 else self.tr("%n cramps", "", n)
        return (
            self.tr("1 cramp, the worst {worst}/10")
            if n == 1
            else self.tr("%n cramps, the worst {worst}/10", "", n)
        ).format(worst=event.worst)

    def night(self, night: date) -> str:
        """E.g. "night of Tue 1 Dec to Wed 2 Dec", day and month names in the user's language."""
        locale = QLocale()
        # A translatable date format: German writes "Di. 1. Dez.".
        fmt = self.tr("ddd d MMM", "date format of a night's two days (QDate::toString)")
        nxt = night + timedelta(days=1)
        return self.tr("night of {start} to {end}").format(
            start=locale.toString(QDate(night.year, night.month, night.day), fmt),
            end=locale.toString(QDate(nxt.year, nxt.month, nxt.day), fmt),
        )


class NightDialog(QDialog):
    """How many cramps last night, and the worst one (0-10)."""

    def __init__(self, night: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How was last night?"))
        form = QFormLayout(self)
        title = QLabel(self.tr("The {night}").format(night=NightWords().night(night)))
        title.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(title)
        self.count = QSpinBox(self)
        self.count.setObjectName("nightCramps")
        self.count.setRange(1, MAX_NIGHT_CRAMPS)
        self.worst = QSpinBox(self)
        self.worst.setObjectName("nightWorst")
        self.worst.setRange(0, 10)
        self.worst.setValue(5)
        self.worst.setSuffix(" / 10")
        form.addRow(self.tr("How many cramps"), self.count)
        form.addRow(self.tr("The worst one (0 none – 10 worst)"), self.worst)
        self.count.setAccessibleDescription(self.tr("The number of cramps in that night"))
        self.worst.setAccessibleDescription(
            self.tr("How bad the worst cramp was, from 0 (none) to 10 (the worst you know)")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        describe_buttons(
            buttons,
            {
                QDialogButtonBox.StandardButton.Save: self.tr("Keep this answer for the night"),
                QDialogButtonBox.StandardButton.Cancel: self.tr("Close without answering"),
            },
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class CheckinRow(QWidget):
    """A row for the main window: the question and three buttons, or the answer given.

    ``answered`` carries the number of cramps (None: don't remember); -1 asks
    for the count in a ``NightDialog`` first.
    """

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinRow")
        # The question above its answers: it wraps in a narrow window (or at
        # 200 %) instead of pushing the buttons off the side.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(6)
        row = QHBoxLayout()
        self.label = QLabel(self.tr("How was last night?"))
        self.label.setObjectName("checkinLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.none_button = QPushButton(self.tr("No cramps"))
        self.none_button.setObjectName("checkinNone")
        self.cramps_button = QPushButton(self.tr("Had cramps…"))
        self.cramps_button.setObjectName("checkinCramps")
        self.unknown_button = QPushButton(self.tr("Don't remember"))
        self.unknown_button.setObjectName("checkinUnknown")
        self.none_button.setAccessibleDescription(self.tr("Last night had no leg cramps"))
        self.cramps_button.setAccessibleDescription(self.tr("Say how many cramps woke you"))
        self.unknown_button.setAccessibleDescription(
            self.tr("Last night stays unknown; it is never counted as none")
        )
        column.addWidget(self.label)
        column.addLayout(row)
        for button in (self.none_button, self.cramps_button, self.unknown_button):
            row.addWidget(button)
        row.addStretch(1)
        self.none_button.clicked.connect(lambda: self.answered.emit(0))
        self.cramps_button.clicked.connect(lambda: self.answered.emit(-1))
        self.unknown_button.clicked.connect(lambda: self.answered.emit(None))

    def show_answer(self, night: date, answer: str | None) -> None:
        """``answer`` is how the night was logged ("no cramps", "2 cramps" ...), None if not yet."""
        if answer is None:
            self.label.setText(
                self.tr("How was last night ({night})?").format(night=NightWords().night(night))
            )
            self.none_button.setText(self.tr("No cramps"))
        else:
            self.label.setText(
                self.tr("Last night: {answer}. You can change it:").format(answer=answer)
            )
        for button in (self.none_button, self.cramps_button, self.unknown_button):
            button.setVisible(True)
