"""Quitting (window close, Ctrl+Q, SIGTERM all call App.quit) records a running session as partial."""

from __future__ import annotations

from typing import Any

import pytest

from crampcoach.core.events import EventType, SessionEvent

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def quiet_store(memory_store: Any) -> Any:
    memory_store.set_setting("sounds", False)
    memory_store.set_setting("voice", False)
    return memory_store


def test_quit_mid_session_records_partial_and_closes_the_player(
    make_app: Any, quiet_store: Any, qtbot: Any
) -> None:
    app = make_app(quiet_store)
    assert app.start_routine("bedtime")
    player = app.player
    assert player is not None
    qtbot.waitUntil(player.isVisible)  # shown a turn after it is built
    qtbot.waitUntil(lambda: player.session.state.name == "RUNNING", timeout=5000)
    # A second start while one runs is refused, not stacked.
    assert app.start_routine("warmup") is False
    assert "already running" in app.main_window.statusBar().currentMessage()
    app.quit()
    sessions = quiet_store.events(types=[EventType.SESSION])
    assert len(sessions) == 1
    assert isinstance(sessions[0], SessionEvent)
    assert sessions[0].routine_id == "bedtime" and sessions[0].completed is False
    assert not player.isVisible()


def test_ctrl_q_quits_and_no_two_actions_share_a_key(qtbot: Any) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from crampcoach.qt.launch import setup_qapplication
    from crampcoach.qt.main_window import MainWindow

    setup_qapplication()
    w = MainWindow()  # alone: the shortcut is under test, not quitting pytest's app
    qtbot.addWidget(w)
    keys: dict[str, str] = {}
    for action in w.findChildren(QAction):
        for seq in action.shortcuts():
            # Two actions on one key make Qt call the shortcut ambiguous: neither fires.
            assert seq.toString() not in keys, (seq.toString(), keys[seq.toString()], action.text())
            keys[seq.toString()] = action.text()
    assert keys["Ctrl+Q"] == "&Quit"
    assert keys[QKeySequence(QKeySequence.StandardKey.HelpContents).toString()].startswith("&About")
    quit_action = next(a for a in w.findChildren(QAction) if a.text() == "&Quit")
    with qtbot.waitSignal(w.quit_requested, timeout=1000):
        quit_action.trigger()
