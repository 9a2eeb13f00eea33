"""The cramp diary entry: log an episode in two clicks, or edit a wrong one.

Opened from the tray, the main window (``App.open_cramp_dialog``) and the
review window's diary.  Every field has a default (time: now; leg and muscle:
those of the last entry), so "Log a cramp…" then "Save" is enough.  A duration
over 10 minutes, or a sign ticked under "Anything else with it?", shows its
prompt at once, the most urgent first (``core.safety.check_episode``).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crampcoach.core import safety
from crampcoach.core.clock import Clock
from crampcoach.core.events import (
    SYMPTOM_MESSAGES,
    CrampContext,
    CrampEvent,
    EventType,
    Leg,
    Muscle,
    Symptom,
    new_id,
)
from crampcoach.core.journal import EntryError, Journal
from crampcoach.core.text import Message
from crampcoach.qt.forms import child, describe, describe_buttons, load_ui
from crampcoach.qt.screens import fit_window, scrolling

if TYPE_CHECKING:
    from crampcoach.store import Store

LAST_NIGHT_AT = time(3, 0)  # "last night" means the most recent 03:00
DEFAULTS_LOOKBACK = timedelta(days=90)  # where the last entry's leg and muscle are found

# English sources, translated where shown (``self.tr``).
LEG_LABELS = {
    Leg.LEFT: QT_TRANSLATE_NOOP("CrampDialog", "Left"),
    Leg.RIGHT: QT_TRANSLATE_NOOP("CrampDialog", "Right"),
    Leg.BOTH: QT_TRANSLATE_NOOP("CrampDialog", "Both"),
}
MUSCLE_LABELS = {
    Muscle.CALF: QT_TRANSLATE_NOOP("CrampDialog", "Calf"),
    Muscle.HAMSTRING: QT_TRANSLATE_NOOP("CrampDialog", "Hamstring (back of thigh)"),
    Muscle.QUADRICEPS: QT_TRANSLATE_NOOP("CrampDialog", "Quadriceps (front of thigh)"),
    Muscle.FOOT: QT_TRANSLATE_NOOP("CrampDialog", "Foot"),
    Muscle.OTHER: QT_TRANSLATE_NOOP("CrampDialog", "Other"),
}
CONTEXT_LABELS: dict[CrampContext | None, object] = {
    None: QT_TRANSLATE_NOOP("CrampDialog", "Not said"),
    CrampContext.NIGHT: QT_TRANSLATE_NOOP("CrampDialog", "In bed / asleep"),
    CrampContext.EXERCISE: QT_TRANSLATE_NOOP("CrampDialog", "Exercising"),
    CrampContext.STRETCHING: QT_TRANSLATE_NOOP("CrampDialog", "Stretching"),
    CrampContext.RESTING: QT_TRANSLATE_NOOP("CrampDialog", "Sitting or resting"),
    CrampContext.OTHER: QT_TRANSLATE_NOOP("CrampDialog", "Something else"),
}
#: The short words a logged entry is listed with (the review's diary, the PDF).
ENTRY_WORDS = {
    Leg.LEFT: QT_TRANSLATE_NOOP("CrampEntry", "left"),
    Leg.RIGHT: QT_TRANSLATE_NOOP("CrampEntry", "right"),
    Leg.BOTH: QT_TRANSLATE_NOOP("CrampEntry", "both"),
    Muscle.CALF: QT_TRANSLATE_NOOP("CrampEntry", "calf"),
    Muscle.HAMSTRING: QT_TRANSLATE_NOOP("CrampEntry", "hamstring"),
    Muscle.QUADRICEPS: QT_TRANSLATE_NOOP("CrampEntry", "quadriceps"),
    Muscle.FOOT: QT_TRANSLATE_NOOP("CrampEntry", "foot"),
    Muscle.OTHER: QT_TRANSLATE_NOOP("CrampEntry", "other muscle"),
    CrampContext.NIGHT: QT_TRANSLATE_NOOP("CrampEntry", "night"),
    CrampContext.EXERCISE: QT_TRANSLATE_NOOP("CrampEntry", "exercise"),
    CrampContext.STRETCHING: QT_TRANSLATE_NOOP("CrampEntry", "stretching"),
    CrampContext.RESTING: QT_TRANSLATE_NOOP("CrampEntry", "resting"),
    CrampContext.OTHER: QT_TRANSLATE_NOOP("CrampEntry", "other"),
}


def entry_words(c: CrampEvent) -> tuple[str, str, str]:
    """A logged cramp's leg, muscle and context ("" when not said) in the user's language."""

    def word(value: Leg | Muscle | CrampContext) -> str:
        return QCoreApplication.translate("CrampEntry", str(ENTRY_WORDS[value]))

    return word(c.leg), word(c.muscle), word(c.context) if c.context else ""


def last_night(now: datetime, tz: tzinfo | None = None) -> datetime:
    """The most recent 03:00 local time (in ``tz``, default ``now``'s zone) at or before ``now``."""
    local = now.astimezone(tz) if tz else now
    candidate = datetime.combine(local.date(), LAST_NIGHT_AT, local.tzinfo)
    if candidate > now:
        candidate -= timedelta(days=1)
    return candidate


CRAMP_DESCRIPTIONS = {
    "nowRadio": QT_TRANSLATE_NOOP("CrampDialog", "The cramp is happening now or just ended"),
    "lastNightRadio": QT_TRANSLATE_NOOP("CrampDialog", "The cramp woke you last night"),
    "otherTimeRadio": QT_TRANSLATE_NOOP("CrampDialog", "Choose the date and time yourself"),
    "whenEdit": QT_TRANSLATE_NOOP("CrampDialog", "The date and time the cramp began"),
    "legCombo": QT_TRANSLATE_NOOP("CrampDialog", "Which leg cramped"),
    "muscleCombo": QT_TRANSLATE_NOOP("CrampDialog", "Which muscle cramped"),
    "severitySlider": QT_TRANSLATE_NOOP(
        "CrampDialog", "How bad it was, from 0 (none) to 10 (worst)"
    ),
    "severitySpin": QT_TRANSLATE_NOOP("CrampDialog", "How bad it was, from 0 (none) to 10 (worst)"),
    "minutesSpin": QT_TRANSLATE_NOOP(
        "CrampDialog", "How long it lasted, in minutes; leave it if you do not know"
    ),
    "contextCombo": QT_TRANSLATE_NOOP("CrampDialog", "What you were doing when it began"),
    "noteEdit": QT_TRANSLATE_NOOP(
        "CrampDialog", "Anything else worth remembering, in your own words"
    ),
}


#: The dialog's margins and a vertical scroll bar beside its form.
FRAME_ROOM = 48


class CrampDialog(QDialog):
    """Log a new cramp (``event=None``) or edit ``event``; saves through the store.

    ``saved`` carries the stored CrampEvent.
    """

    saved = Signal(object)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        event: CrampEvent | None = None,
        clock: Clock,
        journal: Journal,
        tz: tzinfo | None = None,
    ) -> None:
        """``journal``: the app's, so the saved cramp reaches everyone who follows the log."""
        super().__init__(parent)
        self.store = store
        self.clock: Clock = clock
        # The clock's zone with its DST rules, so "last night" and an edited
        # time get the offset of *their* date.
        self.tz: tzinfo = tz or clock.tz
        self.journal = journal
        self.editing = event
        self.setWindowTitle(self.tr("Edit a cramp") if event else self.tr("Log a cramp"))
        self.form = load_ui("cramp_dialog.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        page = scrolling(self.form, self)
        layout.addWidget(page)

        f = self.form
        self.now_radio = child(f, QRadioButton, "nowRadio")
        self.last_night_radio = child(f, QRadioButton, "lastNightRadio")
        self.other_radio = child(f, QRadioButton, "otherTimeRadio")
        self.when_edit = child(f, QDateTimeEdit, "whenEdit")
        self.leg_combo = child(f, QComboBox, "legCombo")
        self.muscle_combo = child(f, QComboBox, "muscleCombo")
        self.severity_slider = child(f, QSlider, "severitySlider")
        self.severity_spin = child(f, QSpinBox, "severitySpin")
        self.minutes_spin = child(f, QDoubleSpinBox, "minutesSpin")
        self.context_combo = child(f, QComboBox, "contextCombo")
        self.note_edit = child(f, QLineEdit, "noteEdit")
        self.warning_label = child(f, QLabel, "warningLabel")
        self.status_label = child(f, QLabel, "statusLabel")
        self.buttons = child(f, QDialogButtonBox, "buttonBox")
        # Save and Cancel (and what saving said) stay in view below the
        # scrolling form, however small the screen.
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.symptom_boxes = self._add_symptoms()
        describe(f, {name: self.tr(str(text)) for name, text in CRAMP_DESCRIPTIONS.items()})
        describe_buttons(
            self.buttons,
            {
                QDialogButtonBox.StandardButton.Save: self.tr("Save this cramp in your diary"),
                QDialogButtonBox.StandardButton.Cancel: self.tr("Close without saving"),
            },
        )

        for leg, label in LEG_LABELS.items():
            self.leg_combo.addItem(self.tr(str(label)), leg.value)
        for muscle, label in MUSCLE_LABELS.items():
            self.muscle_combo.addItem(self.tr(str(label)), muscle.value)
        for context, label in CONTEXT_LABELS.items():
            self.context_combo.addItem(self.tr(str(label)), context.value if context else None)

        self.severity_slider.valueChanged.connect(self.severity_spin.setValue)
        self.severity_spin.valueChanged.connect(self.severity_slider.setValue)
        self.minutes_spin.valueChanged.connect(lambda *_: self._check())
        self.leg_combo.currentIndexChanged.connect(lambda *_: self._check())
        self.muscle_combo.currentIndexChanged.connect(lambda *_: self._check())
        for box in self.symptom_boxes.values():
            box.toggled.connect(lambda *_: self._check())
        self.now_radio.toggled.connect(self._now_toggled)
        self.last_night_radio.toggled.connect(self._last_night_toggled)
        self.other_radio.toggled.connect(self.when_edit.setEnabled)
        self.when_edit.dateTimeChanged.connect(lambda *_: self._when_edited())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self._setting_when = False
        if event is not None:
            self._load(event)
        else:
            self._set_when(self.clock.now())
            self.when_edit.setEnabled(False)
            self._default_from_last_entry()
        self._check()
        # As large as the form wants (its scroll area alone hints at a sliver):
        # the symptom columns and the "When" choices side by side, and every
        # sign in view without scrolling; the screen still bounds it.
        self.form.ensurePolished()
        around = self.sizeHint().height() - page.sizeHint().height()  # margins, buttons
        wanted = QSize(
            self.form.sizeHint().width() + FRAME_ROOM, self.form.sizeHint().height() + around
        )
        fit_window(self, "cramp", wanted.expandedTo(QSize(460, 420)))

    def _add_symptoms(self) -> dict[Symptom, QCheckBox]:
        """The signs that matter, as tick boxes above the warning (evidence.md)."""
        group = QGroupBox(self.tr("Anything else with it? Tick what applies"))
        group.setObjectName("symptomGroup")
        grid = QGridLayout(group)
        boxes: dict[Symptom, QCheckBox] = {}
        for n, sign in enumerate(Symptom):
            label = SYMPTOM_MESSAGES[sign].render(QCoreApplication.translate)
            box = QCheckBox(label[:1].upper() + label[1:])
            box.setObjectName(f"symptom-{sign.value}")
            box.setAccessibleDescription(self.tr("Tick it if this came with the cramp"))
            grid.addWidget(box, n // 2, n % 2)
            boxes[sign] = box
        parent = self.warning_label.parentWidget()
        root = parent.layout() if parent is not None else None
        if isinstance(root, QBoxLayout):
            root.insertWidget(root.indexOf(self.warning_label), group)
        return boxes

    def symptoms(self) -> tuple[Symptom, ...]:
        """The ticked signs, in their declared order."""
        return tuple(s for s, box in self.symptom_boxes.items() if box.isChecked())

    # -- values ------------------------------------------------------------------

    def _set_when(self, when: datetime) -> None:
        self._setting_when = True
        try:
            # The edit shows wall-clock fields only; ``when()`` puts the zone back.
            local = when.astimezone(self.tz)
            self.when_edit.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day),
                    QTime(local.hour, local.minute),
                )
            )
        finally:
            self._setting_when = False

    def _now_toggled(self, on: bool) -> None:
        if on:
            self._set_when(self.clock.now())

    def _last_night_toggled(self, on: bool) -> None:
        if on:
            self._choose_last_night()

    def _when_edited(self) -> None:
        if not self._setting_when and not self.other_radio.isChecked():
            self.other_radio.setChecked(True)

    def _choose_last_night(self) -> None:
        self._set_when(last_night(self.clock.now(), self.tz))
        if self.context_combo.currentData() is None:
            self._select(self.context_combo, CrampContext.NIGHT.value)

    def when(self) -> datetime:
        """The chosen start time, timezone-aware."""
        if self.now_radio.isChecked() and self.editing is None:
            return self.clock.now()
        qdt = self.when_edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.tz)

    def _select(self, combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _load(self, event: CrampEvent) -> None:
        self.other_radio.setChecked(True)
        self._set_when(event.at)
        self._select(self.leg_combo, event.leg.value)
        self._select(self.muscle_combo, event.muscle.value)
        self.severity_spin.setValue(event.severity)
        self.minutes_spin.setValue(event.minutes or 0.0)
        self._select(self.context_combo, event.context.value if event.context else None)
        self.note_edit.setText(event.note)
        for sign, box in self.symptom_boxes.items():
            box.setChecked(sign in event.symptoms)

    def _default_from_last_entry(self) -> None:
        now = self.clock.now()
        try:
            recent = self.store.events(now - DEFAULTS_LOOKBACK, now, types=[EventType.CRAMP])
        except Exception:  # defaults are a convenience: never block logging on them
            return
        cramps = [e for e in recent if isinstance(e, CrampEvent)]
        if cramps:
            self._select(self.leg_combo, cramps[-1].leg.value)
            self._select(self.muscle_combo, cramps[-1].muscle.value)

    def entry(self) -> CrampEvent:
        """The entry as the form shows it (a new id unless editing)."""
        minutes = self.minutes_spin.value()
        context = self.context_combo.currentData()
        return CrampEvent(
            id=self.editing.id if self.editing else new_id(),
            at=self.when(),
            leg=Leg(self.leg_combo.currentData()),
            muscle=Muscle(self.muscle_combo.currentData()),
            severity=self.severity_spin.value(),
            minutes=minutes if minutes > 0 else None,
            context=CrampContext(context) if context else None,
            note=self.note_edit.text().strip(),
            symptoms=self.symptoms(),
        )

    # -- actions -----------------------------------------------------------------

    def _check(self) -> None:
        """Show the prompts as soon as a sign is entered: the most urgent first, action first."""
        minutes = self.minutes_spin.value()
        probe = CrampEvent(
            id="probe",
            at=self.clock.now(),
            leg=Leg(self.leg_combo.currentData() or Leg.LEFT.value),
            muscle=Muscle(self.muscle_combo.currentData() or Muscle.CALF.value),
            severity=0,
            minutes=minutes if minutes > 0 else None,
            symptoms=self.symptoms() if hasattr(self, "symptom_boxes") else (),
        )
        warnings = safety.check_episode(probe)

        def tr(message: Message) -> str:
            return message.render(QCoreApplication.translate)

        self.warning_label.setVisible(bool(warnings))
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setText(
            "\n\n".join(
                f"{QCoreApplication.translate('Safety', safety.LEVEL_LABELS[w.level])}: "
                f"{tr(w.title_message)}\n{tr(w.action_message)}\n{tr(w.reason_message)}"
                for w in warnings
            )
        )
        self.warning_label.setProperty("level", warnings[0].level.value if warnings else "")
        self.warning_label.setStyleSheet(
            "QLabel { color: #7a0000; background: #ffe5e5; border: 1px solid #c00000;"
            " padding: 8px; border-radius: 4px; }"
            if warnings
            else ""
        )

    def save(self) -> None:
        """Store the entry and close; on a write error say so and keep the dialog open."""
        from crampcoach.store import StoreWriteError

        try:
            event = self.entry()
        except ValueError as exc:
            self._show_status(self.tr("Not saved: {error}").format(error=exc))
            return
        try:
            if self.editing is not None:
                self.journal.update(event, keep=True)
            else:
                self.journal.add(event, keep=True)
        except EntryError as exc:
            self._show_status(self.tr("Not saved: {error}").format(error=exc))
            return
        except StoreWriteError as exc:
            # The store keeps the entry pending and retries it on the next write,
            # so nothing is lost; the user still needs to know.
            self._show_status(
                self.tr(
                    "Kept for now, but not yet on disk: {error}. CrampCoach retries on the next "
                    "save; keep the app open, or press Save again to retry now."
                ).format(error=exc)
            )
            # A second Save replaces this entry rather than adding a duplicate.
            self.editing = event
            self.saved.emit(event)
            return
        self.saved.emit(event)
        self.accept()

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
