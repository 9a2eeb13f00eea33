"""The settings dialog: every setting in ``core.settings.SETTINGS``, from ``ui/settings_dialog.ui``.

Each input widget in the form is named after its setting key, so the dialog
reads and writes values generically by widget type (check box, time, number,
choice, text) and a new key needs only a widget in the form.  Saving goes
through ``store.set_setting`` (validated, durable); the app's
``settings_changed`` then reaches the reminders, which re-plan without a
restart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crampcoach.core.journal import Journal
from crampcoach.core.settings import SETTINGS, SettingError, Settings, parse_hhmm
from crampcoach.qt.forms import child, describe_buttons, load_ui
from crampcoach.qt.screens import fit_window

#: Next to the water goal (evidence.md: hydration and cramps; hyponatraemia).
WATER_NOTE = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "Good evidence that drinking more prevents cramps is lacking, and drinking far more "
    "than you are thirsty for can be harmful (it can dilute the salt in your blood). "
    "Keep the goal modest; your doctor can advise if you have heart or kidney problems.",
)
WEEKDAYS = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "Monday"), "mon"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Tuesday"), "tue"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Wednesday"), "wed"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Thursday"), "thu"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Friday"), "fri"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Saturday"), "sat"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Sunday"), "sun"),
)


def _default_availability() -> tuple[bool, bool, str]:
    try:
        from crampcoach.qt.cues import availability
    except ImportError:  # the player's module is optional for this dialog
        return True, True, ""
    return availability()


def _default_routines() -> Sequence[tuple[str, str]]:
    try:
        from crampcoach.core import routines
    except ImportError:
        return []
    from PySide6.QtCore import QLocale

    from crampcoach.core.model import preferred_languages

    # Titles as the main window shows them: in the first system language that translates them.
    languages = preferred_languages(QLocale.system().uiLanguages())
    result = routines.load_all()
    return [(r.id, r.localized(languages).title) for r in result.routines]


THEME_CHOICES = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"), "system"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Light"), "light"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Dark"), "dark"),
)


class SettingsDialog(QDialog):
    """Edit and save every setting; emits ``settings_changed`` with the saved dict."""

    settings_changed = Signal(object)

    def __init__(
        self,
        store: Any,
        parent: QWidget | None = None,
        *,
        availability: Callable[[], tuple[bool, bool, str]] = _default_availability,
        routines: Callable[[], Sequence[tuple[str, str]]] = _default_routines,
        journal: Journal,
        settings: Callable[[], Settings],
    ) -> None:
        """``journal``: the app's, so every change reaches its listeners (never a second one).

        ``settings``: the app's live settings, what the form shows; a save
        compares with the store, the truth it writes to.
        """
        super().__init__(parent)
        self.store = store
        self.journal = journal
        self._settings = settings
        self.form = load_ui("settings_dialog.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())
        fit_window(self, "settings", QSize(560, 680))
        self._add_health_group()
        self.inputs: dict[str, QWidget] = {}
        for setting in (s for s in SETTINGS if s.in_dialog):
            widget = self.form.findChild(QWidget, setting.key)
            if widget is not None:
                tip = setting.help.render(QCoreApplication.translate)
                widget.setToolTip(tip[:1].upper() + tip[1:])
                self.inputs[setting.key] = widget
        day = child(self.form, QComboBox, "review_day")
        for label, value in WEEKDAYS:
            day.addItem(self.tr(str(label)), value)
        theme_box = child(self.form, QComboBox, "theme")
        for choice, value in THEME_CHOICES:
            theme_box.addItem(self.tr(str(choice)), userData=value)
        routine_box = child(self.form, QComboBox, "bedtime_routine")
        for rid, title in routines():
            routine_box.addItem(self.tr("{title} ({id})").format(title=title, id=rid), rid)
        child(self.form, QLabel, "water_note").setText(self.tr(str(WATER_NOTE)))
        sound_ok, speech_ok, message = availability()
        av_note = child(self.form, QLabel, "av_note")
        av_note.setText(message)
        av_note.setVisible(bool(message))
        self.sound_ok, self.speech_ok = sound_ok, speech_ok
        self.error_label = child(self.form, QLabel, "error_label")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        buttons = child(self.form, QDialogButtonBox, "buttons")
        describe_buttons(
            buttons,
            {
                QDialogButtonBox.StandardButton.Save: self.tr("Save every change and close"),
                QDialogButtonBox.StandardButton.Cancel: self.tr("Close without saving"),
            },
        )
        child(self.form, QScrollArea, "scroll").setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        self.load()

    def _add_health_group(self) -> None:
        """The morning check-in and the short health profile, after the form's own groups.

        Made here rather than in the .ui file: the widgets are named after their
        setting keys like every other input, so loading and saving stay generic.
        """
        contents = self.form.findChild(QWidget, "generalGroup")
        parent = contents.parentWidget() if contents is not None else None
        layout = parent.layout() if parent is not None else None
        if layout is None:
            return
        checkin = QGroupBox(self.tr("Morning check-in"), parent)
        form = QFormLayout(checkin)
        ask = QCheckBox(self.tr("Ask “How was last night?” each morning"), checkin)
        ask.setObjectName("morning_checkin")
        at = QTimeEdit(checkin)
        at.setObjectName("morning_checkin_time")
        at.setDisplayFormat("HH:mm")
        form.addRow(ask)
        form.addRow(self.tr("At"), at)
        health = QGroupBox(
            self.tr("Your health (optional; it makes the advice more careful)"), parent
        )
        hform = QFormLayout(health)
        for key, label in (
            ("health_pregnant", self.tr("I am pregnant")),
            ("health_kidney", self.tr("I have kidney disease")),
            ("health_liver", self.tr("I have liver disease")),
            ("health_diabetes", self.tr("I have diabetes")),
            ("health_neuropathy", self.tr("I have nerve damage or reduced feeling in my feet")),
            ("health_heart_failure", self.tr("I have heart failure")),
        ):
            box = QCheckBox(label, health)
            box.setObjectName(key)
            hform.addRow(box)
        limit = QSpinBox(health)
        limit.setObjectName("fluid_limit_ml")
        limit.setRange(0, 5000)
        limit.setSingleStep(100)
        limit.setSuffix(self.tr(" ml"))
        limit.setSpecialValueText(self.tr("none"))
        hform.addRow(self.tr("A fluid limit my clinician set"), limit)
        note = QLabel(
            self.tr(
                "The water goal never goes above a fluid limit. CrampCoach keeps this on your "
                "computer; it never diagnoses anything and never suggests a medicine."
            ),
            health,
        )
        note.setWordWrap(True)
        hform.addRow(note)
        index = layout.indexOf(contents) + 1 if contents is not None else layout.count()
        if hasattr(layout, "insertWidget"):
            layout.insertWidget(index, checkin)
            layout.insertWidget(index + 1, health)
        else:
            layout.addWidget(checkin)
            layout.addWidget(health)

    # -- widgets <-> values ---------------------------------------------------

    def load(self) -> None:
        """Show the current settings."""
        values = self._settings()
        for key, widget in self.inputs.items():
            _set_value(widget, values[key])

    def values(self) -> dict[str, Any]:
        """What the form holds now, by key."""
        return {key: _get_value(w) for key, w in self.inputs.items()}

    def save(self) -> dict[str, Any]:
        """Store every changed value; raises SettingError (shown in the dialog) on a bad one."""
        current = self.store.settings()
        changed: dict[str, Any] = {}
        for key, value in self.values().items():
            if value != current.get(key):
                changed[key] = self.journal.set_setting(key, value)
        if "autostart" in changed:
            from crampcoach.qt import autostart

            autostart.set_enabled(bool(changed["autostart"]))
        return changed

    def save_and_close(self) -> None:
        """Save; on success tell the app and close, else say what is wrong and stay open."""
        from crampcoach.store import StoreError

        try:
            changed = self.save()
        except (SettingError, StoreError, OSError) as exc:
            self.error_label.setText(self.tr("Not saved: {error}").format(error=exc))
            self.error_label.show()
            return
        if changed:
            self.settings_changed.emit(self.store.settings())
        self.accept()


def _set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QTimeEdit):
        t = parse_hhmm(str(value))
        widget.setTime(QTime(t.hour, t.minute))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0 and widget.isEditable():
            widget.setEditText(str(value))
        else:
            widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))


def _get_value(widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QTimeEdit):
        return widget.time().toString("HH:mm")
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        index = widget.currentIndex()
        if widget.isEditable() and (index < 0 or widget.currentText() != widget.itemText(index)):
            return widget.currentText().strip()
        return widget.currentData()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    raise TypeError(f"no value for {type(widget).__name__}")
