"""Issue 11 in the app: the check-in, evidence beside the claim, profile cautions, marked passages."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from crampcoach.core import documents, routines, verdicts
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, NightEvent
from crampcoach.qt.documents_view import HIGHLIGHT, VERDICT_MARK, DocumentReader
from crampcoach.qt.player import PlayerWindow
from tests.gui.player.staging import make_player

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

QUIET = {"sounds": False, "voice": False}


def _bedtime() -> Any:
    return next(r for r in routines.load_all().routines if r.id == "bedtime")


def test_main_window_check_in_writes_the_night_and_can_be_undone(
    make_app: Any, fake_clock: FakeClock
) -> None:
    app = make_app()
    row = app.main_window.checkin
    night = fake_clock.now().astimezone().date() - timedelta(days=1)
    assert "How was last night" in row.label.text()
    row.none_button.click()
    (ev,) = app.store.events(types=[EventType.NIGHT])
    assert isinstance(ev, NightEvent) and ev.night == night and ev.cramps == 0
    assert row.label.text().startswith("Last night: no cramps")
    fake_clock.advance(60)
    row.unknown_button.click()  # a later answer replaces it in the review
    last = app.store.events(types=[EventType.NIGHT])[-1]
    assert isinstance(last, NightEvent) and last.cramps is None
    app.main_window.undo_button.click()
    assert len(app.store.events(types=[EventType.NIGHT])) == 1


def test_had_cramps_asks_how_many_and_the_worst(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcoach.qt import checkin

    def answer(dialog: checkin.NightDialog) -> int:
        dialog.count.setValue(3)
        dialog.worst.setValue(8)
        return checkin.NightDialog.DialogCode.Accepted.value

    monkeypatch.setattr(checkin.NightDialog, "exec", answer)
    app = make_app()
    app.main_window.checkin.cramps_button.click()
    (ev,) = app.store.events(types=[EventType.NIGHT])
    assert isinstance(ev, NightEvent) and (ev.cramps, ev.worst) == (3, 8)
    assert "3 cramps, the worst 8/10" in app.main_window.checkin.label.text()


def test_first_day_is_remembered_once(make_app: Any, fake_clock: FakeClock) -> None:
    app = make_app()
    assert app.store.settings()["first_day"] == "2026-03-10"
    fake_clock.advance(86400 * 3)
    app.remember_first_day()  # a later start keeps the first day
    assert app.store.settings()["first_day"] == "2026-03-10"


def _player(qtbot: Any, settings: dict) -> PlayerWindow:
    player = make_player(
        _bedtime(), None, {**QUIET, **settings}, FakeClock(), keep_awake=False, lead_in_s=0
    )
    qtbot.addWidget(player)
    player.show()
    qtbot.waitExposed(player)
    return player


def _go_to(player: PlayerWindow, name: str) -> None:
    for _ in range(40):
        if player.session.step.name == name:
            return
        player.skip()
    raise AssertionError(f"no step {name!r}")


def test_step_shows_its_evidence_beside_the_claim(qtbot: Any) -> None:
    player = _player(qtbot, {})
    _go_to(player, "Standing calf stretch")
    assert player.evidence.isVisible()
    assert player.evidence.text().startswith("Evidence: Weakly supported")
    assert "back knee straight" in player.instructions.text()


@pytest.mark.parametrize(
    ("settings", "step", "words"),
    [
        ({"health_diabetes": True}, "Warm foot soak (optional)", "burn"),
        ({"health_neuropathy": True}, "Warm foot soak (optional)", "burn"),
        ({"health_heart_failure": True}, "Feet up on a pillow", "breathlessness"),
    ],
)
def test_the_health_profile_cautions_a_step(
    qtbot: Any, settings: dict, step: str, words: str
) -> None:
    player = _player(qtbot, settings)
    _go_to(player, step)
    assert words in player.safety.text() and "skip it" in player.safety.text()
    plain = _player(qtbot, {})
    _go_to(plain, step)
    assert words not in plain.safety.text()


def test_the_reader_marks_supplement_passages_with_their_verdict(qtbot: Any) -> None:
    from crampcoach.qt.launch import setup_qapplication

    setup_qapplication()
    reader = DocumentReader()
    qtbot.addWidget(reader)
    reader.show()
    doc = documents.get("what-causes-cramps")
    reader.show_document(doc, "Stretch the affected muscle gently whilst you have the cramp")
    marked = [
        s
        for s in reader.text_view.extraSelections()
        if s.format.background().color() == VERDICT_MARK
    ]
    texts = [s.cursor.selectedText() for s in marked]
    assert any("Magnesium" in t for t in texts)
    assert reader.verdicts_label.isVisible()
    assert "CD009402" in reader.verdicts_label.text()
    assert any(v.topic == "magnesium" for v in verdicts.topics(reader.marks))
    assert reader.highlighted_text().startswith("Stretch the affected muscle")
    highlight = [
        s for s in reader.text_view.extraSelections() if s.format.background().color() == HIGHLIGHT
    ]
    assert len(highlight) == 1


def test_bedtime_reminder_says_the_routines_real_length() -> None:
    from crampcoach.core import reminders
    from crampcoach.core.events import ReminderKind

    routine = _bedtime()
    due = datetime(2026, 3, 10, 22, 15).astimezone()
    rem = reminders.Reminder(kind=ReminderKind.BEDTIME, due=due)
    _title, body = reminders.describe(rem, due.tzinfo, (routine.title, routine.duration_s))  # type: ignore[arg-type]
    minutes = round(routine.duration_s / 60)
    assert f"about {minutes} minutes" in str(body) and "three minutes" not in str(body)
