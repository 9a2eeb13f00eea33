"""The morning check-in: "How was last night?" in one click, from the main window and the tray.

Three answers: no cramps, cramps (how many, the worst), or don't remember.
Each writes a ``NightEvent`` through ``App.log_night``; a night nobody
answers stays unknown (``core.nights``).  Widgets only: no statistics here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
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

from crampcoach.core.events import MAX_NIGHT_CRAMPS
from crampcoach.core.nights import describe_night


class NightDialog(QDialog):
    """How many cramps last night, and the worst one (0-10)."""

    def __init__(self, night: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How was last night?"))
        form = QFormLayout(self)
        title = QLabel(self.tr("The {night}").format(night=describe_night(night)))
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class CheckinRow(QWidget):
    """A block for the main window: the question over three buttons, or the answer given.

    ``answered`` carries the number of cramps (None: don't remember); -1 asks
    for the count in a ``NightDialog`` first.
    """

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinRow")
        # The question above its buttons, wrapping: the night's dates make it long, and
        # on one line with the buttons it would set the main window's narrowest width.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(6)
        row = QHBoxLayout()
        self.label = QLabel(self.tr("How was last night?"))
        self.label.setObjectName("checkinLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
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
        self.label.setWordWrap(True)
        column.addWidget(self.label)
        for button in (self.none_button, self.cramps_button, self.unknown_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.none_button.clicked.connect(lambda: self.answered.emit(0))
        self.cramps_button.clicked.connect(lambda: self.answered.emit(-1))
        self.unknown_button.clicked.connect(lambda: self.answered.emit(None))

    def show_answer(self, night: date, answer: str | None) -> None:
        """``answer`` is how the night was logged ("no cramps", "2 cramps" ...), None if not yet."""
        if answer is None:
            self.label.setText(
                self.tr("How was last night ({night})?").format(night=describe_night(night))
            )
            self.none_button.setText(self.tr("No cramps"))
        else:
            self.label.setText(
                self.tr("Last night: {answer}. You can change it:").format(answer=answer)
            )
        for button in (self.none_button, self.cramps_button, self.unknown_button):
            button.setVisible(True)
