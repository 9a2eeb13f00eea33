"""The first-day welcome: five choices that matter on the first evening, and a way to skip them.

Shown once, after the main window is on screen the first time the app runs on
a data folder (the ``welcome_done`` setting).  Everything it asks is also in
Settings; skipping keeps the defaults.  It writes through the store's
validated ``set_setting``, like the settings dialog.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crampcoach.core.journal import Journal
from crampcoach.core.settings import SettingError, Settings, parse_hhmm
from crampcoach.qt.screens import fit_window, scrolling

INTRO: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # typed as object
    "WelcomeDialog",
    "A few choices to start with. Each can be changed later in Settings, "
    "and skipping keeps the usual ones.",
)
BOUNDARY_NOTE: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # typed as object
    "WelcomeDialog",
    "A cramp at 2 in the morning belongs to the night before: the log's day "
    "starts at this time, not at midnight.",
)


class WelcomeDialog(QDialog):
    """Bedtime, reminders, the day boundary, sound and voice, start at login.

    ``desktop_install`` (when given) is offered as one more choice: it adds
    CrampCoach to the desktop's application menu.
    """

    settings_changed = Signal(object)

    def __init__(
        self,
        store: Any,
        parent: QWidget | None = None,
        *,
        desktop_install: Callable[[], object] | None = None,
        journal: Journal,
        settings: Callable[[], Settings],
    ) -> None:
        """``settings``: the app's live settings, what the choices start from."""
        super().__init__(parent)
        self.store = store
        #: Every write goes through the app's journal (validated, durable, heard by all).
        self.journal = journal
        self._desktop_install = desktop_install
        self.setWindowTitle(self.tr("Welcome to CrampCoach"))
        values = settings()

        form = QWidget()
        form.setObjectName("WelcomeForm")
        outer = QVBoxLayout(form)
        heading = QLabel(self.tr("Welcome"))
        heading.setObjectName("titleLabel")
        intro = QLabel(self.tr(INTRO))
        intro.setWordWrap(True)
        outer.addWidget(heading)
        outer.addWidget(intro)

        fields = QFormLayout()
        self.bedtime = QTimeEdit()
        self.bedtime.setDisplayFormat("HH:mm")
        self.bedtime.setObjectName("bedtime")
        self._set_time(self.bedtime, values.bedtime)
        self.bedtime.setAccessibleName(self.tr("Bedtime"))
        self.bedtime.setAccessibleDescription(self.tr("When you usually go to bed"))
        fields.addRow(self.tr("&Bedtime"), self.bedtime)

        self.reminders = QCheckBox(
            self.tr("&Remind me: before bedtime, to drink, and to look at my week")
        )
        self.reminders.setObjectName("reminders")
        self.reminders.setChecked(bool(values.bedtime_reminder or values.hydration_reminder))
        self.reminders.setAccessibleDescription(
            self.tr("Reminders come from the tray or as desktop notifications; they can be paused")
        )
        fields.addRow(self.reminders)

        self.day_boundary = QTimeEdit()
        self.day_boundary.setDisplayFormat("HH:mm")
        self.day_boundary.setObjectName("day_boundary")
        self._set_time(self.day_boundary, values.day_boundary)
        self.day_boundary.setAccessibleName(self.tr("A day in the log starts at"))
        self.day_boundary.setAccessibleDescription(self.tr(BOUNDARY_NOTE))
        fields.addRow(self.tr("A &day in the log starts at"), self.day_boundary)
        note = QLabel(self.tr(BOUNDARY_NOTE))
        note.setObjectName("routineHint")
        note.setWordWrap(True)
        fields.addRow(note)

        self.sounds = QCheckBox(self.tr("&Sound cues in the player"))
        self.sounds.setObjectName("sounds")
        self.sounds.setChecked(bool(values.sounds))
        self.sounds.setAccessibleDescription(
            self.tr("A short sound at each step, so you can keep your eyes closed")
        )
        self.voice = QCheckBox(self.tr("Speak the steps &aloud"))
        self.voice.setObjectName("voice")
        self.voice.setChecked(bool(values.voice))
        self.voice.setAccessibleDescription(self.tr("Where a speech engine is installed"))
        self.autostart = QCheckBox(self.tr("Start CrampCoach when I &log in"))
        self.autostart.setObjectName("autostart")
        self.autostart.setChecked(bool(values.autostart))
        self.autostart.setAccessibleDescription(
            self.tr("So that reminders come without opening the app")
        )
        for box in (self.sounds, self.voice, self.autostart):
            fields.addRow(box)
        self.install_box: QCheckBox | None = None
        if desktop_install is not None:
            self.install_box = QCheckBox(self.tr("Add CrampCoach to the &applications menu"))
            self.install_box.setObjectName("desktopInstall")
            self.install_box.setChecked(True)
            self.install_box.setAccessibleDescription(self.tr("Installs its menu entry and icon"))
            fields.addRow(self.install_box)
        outer.addLayout(fields)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        outer.addStretch(1)

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save and start"))
        self.save_button.setDefault(True)
        self.save_button.setAccessibleDescription(self.tr("Keep these choices"))
        self.skip_button = QPushButton(self.tr("S&kip"))
        self.skip_button.setAccessibleDescription(
            self.tr("Keep the usual choices; all are in Settings")
        )
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.skip)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(scrolling(form, self), 1)
        layout.addWidget(buttons)
        fit_window(self, "welcome", QSize(560, 560))

    @staticmethod
    def _set_time(edit: QTimeEdit, text: object) -> None:
        t = parse_hhmm(str(text))
        edit.setTime(QTime(t.hour, t.minute))

    def values(self) -> dict[str, Any]:
        """The settings the welcome sets, by key."""
        on = self.reminders.isChecked()
        return {
            "bedtime": self.bedtime.time().toString("HH:mm"),
            "bedtime_reminder": on,
            "hydration_reminder": on,
            "review_reminder": on,
            "day_boundary": self.day_boundary.time().toString("HH:mm"),
            "sounds": self.sounds.isChecked(),
            "voice": self.voice.isChecked(),
            "autostart": self.autostart.isChecked(),
        }

    def _done(self) -> None:
        self.journal.set_setting("welcome_done", True)

    def save_and_close(self) -> None:
        """Store the choices and close; a failure is shown and nothing is lost."""
        from crampcoach.store import StoreError

        try:
            current = self.store.settings()
            for key, value in self.values().items():
                if value != current.get(key):
                    self.journal.set_setting(key, value)
            if self.values()["autostart"] != current.get("autostart"):
                from crampcoach.qt import autostart

                autostart.set_enabled(bool(self.values()["autostart"]))
            if self.install_box is not None and self.install_box.isChecked():
                assert self._desktop_install is not None
                self._desktop_install()
            self._done()
        except (SettingError, StoreError, OSError) as exc:
            self.error_label.setText(self.tr("Not saved: {error}").format(error=exc))
            self.error_label.show()
            return
        self.settings_changed.emit(self.store.settings())
        self.accept()

    def skip(self) -> None:
        """Keep the defaults; the welcome is not shown again."""
        from crampcoach.store import StoreError

        with contextlib.suppress(SettingError, StoreError, OSError):
            self._done()  # if this fails it asks again next time: nothing else is lost
        self.settings_changed.emit(self.store.settings())
        self.reject()
