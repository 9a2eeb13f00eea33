"""The settings dialog: every setting editable, values persist across a restart, bad ones refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from crampcoach.core.clock import SystemClock
from crampcoach.core.journal import Journal
from crampcoach.core.settings import SETTINGS, SettingError
from crampcoach.qt import autostart
from crampcoach.qt.settings_dialog import WATER_NOTE, SettingsDialog
from crampcoach.store import Store

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make(qtbot, store: Store, note: str = "") -> SettingsDialog:  # type: ignore[no-untyped-def]
    d = SettingsDialog(
        store,
        journal=Journal(store, SystemClock()),
        settings=store.settings,
        availability=lambda: (False, False, note),
        routines=lambda: [("bedtime", "Bedtime stretches"), ("desk", "Desk break")],
    )
    qtbot.addWidget(d)
    return d


def test_every_setting_has_an_input(qtbot, qapp: QApplication, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, clock=SystemClock()) as store:
        d = make(qtbot, store)
        assert set(d.inputs) == {s.key for s in SETTINGS if s.in_dialog}
        assert d.values() == {s.key: s.default for s in SETTINGS if s.in_dialog}


def test_values_persist_across_a_restart(qtbot, qapp: QApplication, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, clock=SystemClock()) as store:
        d = make(qtbot, store)
        d.inputs["bedtime"].setTime(QTime(23, 5))  # type: ignore[attr-defined]
        d.inputs["bedtime_lead_min"].setValue(30)  # type: ignore[attr-defined]
        d.inputs["hydration_reminder"].setChecked(False)  # type: ignore[attr-defined]
        d.inputs["quiet_start"].setTime(QTime(22, 0))  # type: ignore[attr-defined]
        day: QComboBox = d.inputs["review_day"]  # type: ignore[assignment]
        day.setCurrentIndex(day.findData("fri"))
        routine: QComboBox = d.inputs["bedtime_routine"]  # type: ignore[assignment]
        routine.setCurrentIndex(routine.findData("desk"))
        d.inputs["voice"].setChecked(True)  # type: ignore[attr-defined]
        with qtbot.waitSignal(d.settings_changed, timeout=1000) as got:
            d.save_and_close()
        assert got.args[0]["bedtime"] == "23:05"
        assert d.result() == SettingsDialog.DialogCode.Accepted
    with Store.open(data_dir, clock=SystemClock()) as store:  # a restart
        s = store.settings()
        assert (s["bedtime"], s["bedtime_lead_min"], s["hydration_reminder"]) == (
            "23:05",
            30,
            False,
        )
        assert (s["quiet_start"], s["review_day"], s["bedtime_routine"], s["voice"]) == (
            "22:00",
            "fri",
            "desk",
            True,
        )
        d2 = make(qtbot, store)
        assert d2.values() == {k: v for k, v in s.items() if k in d2.inputs}


def test_autostart_writes_and_removes_the_xdg_entry(
    qtbot, qapp: QApplication, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, clock=SystemClock()) as store:
        d = make(qtbot, store)
        d.inputs["autostart"].setChecked(True)  # type: ignore[attr-defined]
        d.save_and_close()
        entry = autostart.entry_path()
        assert entry == data_dir / "xdg-config" / "autostart" / "crampcoach.desktop"
        text = entry.read_text()
        assert "Name=CrampCoach" in text and text.count(" --hidden\n") == 1
        assert "X-GNOME-Autostart-enabled=true" in text and "Desktop Action" not in text
        d2 = make(qtbot, store)
        d2.inputs["autostart"].setChecked(False)  # type: ignore[attr-defined]
        d2.save_and_close()
        assert not entry.exists()


def test_free_text_routine_id_is_kept(qtbot, qapp: QApplication, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, clock=SystemClock()) as store:
        d = make(qtbot, store)
        routine: QComboBox = d.inputs["bedtime_routine"]  # type: ignore[assignment]
        routine.setEditText("my-own")  # a user routine not in the list
        d.inputs["glass_ml"].setValue(300)  # type: ignore[attr-defined]
        d.save_and_close()
        assert store.settings()["bedtime_routine"] == "my-own"
        assert store.settings()["glass_ml"] == 300


def test_a_failed_save_is_shown_and_the_dialog_keeps_the_edits(
    qtbot, qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, clock=SystemClock()) as store:
        d = make(qtbot, store)
        d.show()
        d.inputs["glass_ml"].setValue(300)  # type: ignore[attr-defined]

        def refuse(key: str, value: object) -> object:
            raise SettingError(f"{key}: expected something else, got {value!r}")

        monkeypatch.setattr(store, "set_setting", refuse)
        d.save_and_close()
        assert d.isVisible() and d.result() != SettingsDialog.DialogCode.Accepted
        assert d.error_label.isVisible()
        assert d.error_label.text() == "Not saved: glass_ml: expected something else, got 300"
        assert d.values()["glass_ml"] == 300  # nothing typed is lost


def test_notes_water_evidence_and_missing_audio(qtbot, qapp: QApplication, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(data_dir, clock=SystemClock()) as store:
        d = make(qtbot, store, note="No audio output was found, so sound cues are off.")
        d.show()
        water = d.form.findChild(QLabel, "water_note")
        assert water.text() == WATER_NOTE and water.isVisible()
        assert "drinking far more than you are thirsty for can be harmful" in WATER_NOTE
        av = d.form.findChild(QLabel, "av_note")
        assert av.isVisible() and "No audio output" in av.text()
        assert (
            d.form.findChild(QLabel, "disclaimer").text()
            == "General information, not medical advice."
        )
        d2 = make(qtbot, store, note="")
        d2.show()
        assert not d2.form.findChild(QLabel, "av_note").isVisible()


def test_each_settings_tooltip_is_its_help_in_the_users_language(
    qtbot, qapp: QApplication, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    """The help core words for a setting is the tooltip: English here, German with German."""
    from PySide6.QtCore import QLocale

    from crampcoach.qt import i18n

    with Store.open(data_dir, clock=SystemClock()) as store:
        english = make(qtbot, store)
        assert english.inputs["bedtime"].toolTip() == "When you go to bed (HH:MM)"
        loaded = i18n.install(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
        try:
            german = make(qtbot, store)
            assert german.inputs["bedtime"].toolTip() == "Wann Sie ins Bett gehen (HH:MM)"
            assert german.inputs["glass_ml"].toolTip() == "Wie viel ein eingetragenes Glas ist (ml)"
        finally:
            for translator in loaded:
                qapp.removeTranslator(translator)
    # The command line keeps the English help.
    assert str(next(s for s in SETTINGS if s.key == "bedtime").help) == "when you go to bed (HH:MM)"
