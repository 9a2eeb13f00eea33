"""The player window, driven by keyboard and buttons with a fake clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QPixmap, QPixmapCache

from crampcoach.core.clock import FakeClock, SystemClock
from crampcoach.core.events import EventType, SessionEvent
from crampcoach.core.model import Citation, Routine, RoutineKind, Side, Step
from crampcoach.core.session import State
from crampcoach.qt import cues as cues_mod
from crampcoach.qt.player import (
    PlayerWindow,
    ScreenSaverInhibitor,
    format_clock,
    quote_excerpt,
    until_shown_change,
)
from crampcoach.qt.timers import qt_timer
from crampcoach.store import Store
from tests.fakes import FailingStore, FakeTimers, MemoryStore
from tests.gui.player.staging import make_player, staged_player

ROOT = Path(__file__).resolve().parents[3]
QUIET = {"sounds": False, "voice": False}
CITE = Citation(doc="spasm-in-leg", quote="stretch before and after excessive activity")


def make_routine() -> Routine:
    return Routine(
        id="evening",
        title="Evening test",
        kind=RoutineKind.BEDTIME,
        description="d",
        steps=(
            Step(
                name="Warm up",
                instructions="Walk on the spot. <b>not bold</b>",
                duration_s=20,
                side=Side.BOTH,
                citations=(CITE,),
                safety="Stop if it hurts.",
            ),
            Step(
                name="Calf stretch",
                instructions="Lean on the wall.",
                duration_s=3 * 10 + 2 * 5,
                side=Side.EACH,
                citations=(CITE,),
                repetitions=3,
                hold_s=10,
                rest_s=5,
                evidence="Weakly supported (Hallegraeff 2012).",
            ),
        ),
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(data_dir: Path) -> Any:
    s = Store.open(data_dir, clock=SystemClock())
    yield s
    s.close()


def open_player(qtbot: Any, clock: FakeClock, store: Any = None, **kw: Any) -> PlayerWindow:
    kw.setdefault("lead_in_s", 0)  # most tests start on the first step; one tests the lead-in
    kw.setdefault("timers", FakeTimers())  # the test ticks; no real timer fires
    player = make_player(
        make_routine(), store, kw.pop("settings", QUIET), clock, keep_awake=False, **kw
    )
    qtbot.addWidget(player)
    player.show()
    qtbot.waitExposed(player)
    player.activateWindow()  # shortcuts reach the active window only, as on a desktop
    qtbot.waitUntil(player.isActiveWindow)
    return player


def advance(player: PlayerWindow, clock: FakeClock, seconds: float) -> None:
    """Move the fake clock, stopping at every deadline the way the real timer would."""
    target = clock.monotonic() + seconds
    while True:
        nd = player.session.next_deadline()
        if nd is None or nd > target:
            break
        clock.advance(nd - clock.monotonic())
        player.tick()
    clock.advance(target - clock.monotonic())
    player.tick()


def key(qtbot: Any, player: PlayerWindow, k: Qt.Key) -> None:
    qtbot.keyClick(player, k)


def test_shows_the_first_step(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    assert p.session.state is State.RUNNING  # started when shown
    assert p.countdown.text() == "00:20"
    assert p.side_banner.text() == "BOTH LEGS"
    assert p.side_banner.property("side") == "both"
    assert p.step_name.text() == "Warm up"
    assert p.step_progress.text() == "Step 1 of 2"
    assert p.total_left.text() == "01:40 left"  # 20 + 2 x 40
    assert p.rep.text() == ""
    assert p.safety.text() == "Stop if it hurts." and p.safety.isVisible()
    assert p.next_step.text() == "Next: Calf stretch — left leg"
    assert "not medical advice" in p.disclaimer.text() and p.disclaimer.isVisible()
    # Routine text is plain text: markup shows as written.
    assert p.instructions.textFormat() == Qt.TextFormat.PlainText
    assert p.instructions.text() == "Walk on the spot. <b>not bold</b>"
    # The shortcuts are shown on the buttons.
    assert "Space" in p.pause_button.text() and "Esc" in p.stop_button.text()
    assert "→" in p.skip_button.text() and "←" in p.back_button.text()
    assert "(R)" in p.restart_button.text()


def test_routine_safety_note_leads_the_first_step_only(qtbot: Any, clock: FakeClock) -> None:
    from dataclasses import replace

    routine = replace(make_routine(), safety="Get help at once if a cramp lasts over 10 minutes.")
    p = make_player(routine, None, QUIET, clock, keep_awake=False, lead_in_s=0)
    qtbot.addWidget(p)
    p.show()
    assert p.safety.text() == (
        "Get help at once if a cramp lasts over 10 minutes.\n\nStop if it hurts."
    )
    p.skip()
    assert p.safety.text() == "" and not p.safety.isVisible()
    p.skip()
    assert p.safety.text() == ""
    p.close()


def test_opens_with_a_get_ready_countdown(qtbot: Any, clock: FakeClock, store: Any) -> None:
    p = open_player(qtbot, clock, store, lead_in_s=5)
    assert p.session.state is State.RUNNING
    assert p.rep.text() == "Get ready" and p.countdown.text() == "00:05"
    assert p.step_name.text() == "Warm up" and p.side_banner.text() == "BOTH LEGS"
    assert "press →" in p.status.text()
    advance(p, clock, 5)
    assert p.rep.text() == "" and p.countdown.text() == "00:20" and p.status.text() == ""
    clock.advance(2)
    key(qtbot, p, Qt.Key.Key_Escape)  # asks first
    assert store.events() == [] and p.session.state is State.PAUSED
    key(qtbot, p, Qt.Key.Key_Escape)
    [event] = store.events()
    assert event.steps_done == () and event.steps_skipped == ()
    assert (event.at - event.started).total_seconds() == pytest.approx(7)


def test_right_ends_the_get_ready_countdown_early(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock, lead_in_s=5)
    clock.advance(1)
    key(qtbot, p, Qt.Key.Key_Right)
    assert p.rep.text() == "" and p.countdown.text() == "00:20"
    assert p.step_progress.text() == "Step 1 of 2"


def test_countdown_follows_the_clock_without_drift(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    clock.advance(7.3)
    p.tick()
    assert p.countdown.text() == "00:13"
    assert p.progress.value() == round(1000 * 7.3 / 100)
    advance(p, clock, 12.7)  # to the end of the first step exactly
    assert p.step_name.text() == "Calf stretch"
    assert p.countdown.text() == "00:10"


def test_keyboard_skip_shows_left_then_right_with_reps(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    key(qtbot, p, Qt.Key.Key_Right)
    assert "LEFT" in p.side_banner.text() and p.side_banner.property("side") == "left"
    assert p.rep.text() == "Hold 1 of 3"
    assert p.step_progress.text() == "Step 2 of 2"
    assert p.next_step.text() == "Next: Calf stretch — right leg"
    advance(p, clock, 10)
    assert p.rep.text() == "Relax — hold 2 of 3 next"
    assert p.countdown.text() == "00:05"
    advance(p, clock, 5)
    assert p.rep.text() == "Hold 2 of 3"
    key(qtbot, p, Qt.Key.Key_Right)  # skips the rest of the left side
    assert "RIGHT" in p.side_banner.text() and p.side_banner.property("side") == "right"
    assert p.rep.text() == "Hold 1 of 3"
    assert p.next_step.text() == "Next: the end of the routine."


def test_keyboard_back_and_restart(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    key(qtbot, p, Qt.Key.Key_Right)
    clock.advance(1)
    key(qtbot, p, Qt.Key.Key_Left)  # 1 s in: the previous step
    assert p.step_name.text() == "Warm up" and p.countdown.text() == "00:20"
    clock.advance(8)
    p.tick()
    assert p.countdown.text() == "00:12"
    key(qtbot, p, Qt.Key.Key_Left)  # 8 s in: restart it
    assert p.step_name.text() == "Warm up" and p.countdown.text() == "00:20"
    clock.advance(5)
    key(qtbot, p, Qt.Key.Key_R)
    assert p.countdown.text() == "00:20"


def test_space_pauses_and_resumes(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    clock.advance(4.5)
    key(qtbot, p, Qt.Key.Key_Space)
    assert p.session.state is State.PAUSED
    assert "Paused" in p.status.text() and p.pause_button.text().startswith("Resume")
    assert p.countdown.property("paused") is True
    assert not p.deadline_timer.isActive() and not p.repaint_timer.isActive()
    clock.advance(60)
    p.tick()
    assert p.countdown.text() == "00:16"
    key(qtbot, p, Qt.Key.Key_Space)
    assert p.session.state is State.RUNNING and p.status.text() == ""
    assert p.pause_button.text().startswith("Pause")
    assert p.deadline_timer.isActive() and p.repaint_timer.isActive()
    clock.advance(1)
    p.tick()
    assert p.countdown.text() == "00:15"


def test_deadline_timer_is_one_precise_single_shot_for_the_next_deadline(
    qtbot: Any, clock: FakeClock
) -> None:
    p = open_player(qtbot, clock)
    t = p.deadline_timer
    assert t.single_shot and t.precise
    assert t.isActive() and t.ms == 10_000  # half-way of the 20 s step
    clock.advance(10)
    t.fire()  # what Qt does then: the player ticks
    assert t.ms == 7_000  # the "3" of 3-2-1
    assert p.countdown.text() == "00:10"


def test_the_countdown_is_redrawn_when_its_second_changes_and_never_while_hidden(
    qtbot: Any, clock: FakeClock
) -> None:
    p = open_player(qtbot, clock)
    r = p.repaint_timer
    assert r.single_shot and r.precise
    assert r.isActive() and r.ms == 1_001  # "00:20" turns "00:19" in 1 s
    clock.advance(0.3)
    r.fire()  # early (nothing shown changed): re-armed for the rest of the second
    assert p.countdown.text() == "00:20" and r.ms == 701
    clock.advance(0.701)
    r.fire()
    assert p.countdown.text() == "00:19" and r.ms == 1_000
    p.hide()  # minimised or hidden: no wake-ups for a window nobody sees
    assert not r.isActive()
    clock.advance(2)
    p.show()
    qtbot.waitExposed(p)
    assert p.countdown.text() == "00:17" and r.isActive()  # caught up at once


def test_a_hidden_or_minimised_player_empties_qts_pixmap_cache(
    qtbot: Any, clock: FakeClock
) -> None:
    """Qt's pixmap cache trims itself on a timer while it holds anything: a hidden player empties it."""
    p = open_player(qtbot, clock)
    key = QPixmapCache.insert(QPixmap(8, 8))
    assert QPixmapCache.find(key) is not None
    p.showMinimized()
    qtbot.waitUntil(p.isMinimized)
    assert QPixmapCache.find(key) is None  # minimised
    p.showNormal()
    qtbot.waitExposed(p)
    key = QPixmapCache.insert(QPixmap(8, 8))
    p.hide()
    assert QPixmapCache.find(key) is None  # hidden into the tray
    assert p.session.state is State.RUNNING  # still counting down, unseen


def test_until_shown_change() -> None:
    assert until_shown_change(4.3) == pytest.approx(0.3)
    assert until_shown_change(5.0) == pytest.approx(1.0)
    assert until_shown_change(0.0) is None


def test_buttons_drive_the_session(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    qtbot.mouseClick(p.skip_button, Qt.MouseButton.LeftButton)
    assert p.step_progress.text() == "Step 2 of 2"
    qtbot.mouseClick(p.pause_button, Qt.MouseButton.LeftButton)
    assert p.session.state is State.PAUSED
    qtbot.mouseClick(p.pause_button, Qt.MouseButton.LeftButton)
    assert p.session.state is State.RUNNING
    clock.advance(0.5)
    qtbot.mouseClick(p.back_button, Qt.MouseButton.LeftButton)
    assert p.step_progress.text() == "Step 1 of 2"
    clock.advance(5)
    qtbot.mouseClick(p.restart_button, Qt.MouseButton.LeftButton)
    assert p.countdown.text() == "00:20"
    qtbot.mouseClick(p.stop_button, Qt.MouseButton.LeftButton)  # asks first
    assert "Stop here?" in p.status.text()
    with qtbot.waitSignal(p.finished) as blocker:
        qtbot.mouseClick(p.stop_button, Qt.MouseButton.LeftButton)
    assert isinstance(blocker.args[0], SessionEvent)
    assert p.pages.currentWidget() is p.summary_page


def test_buttons_never_take_focus_so_space_cannot_click_them(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    for b in (p.back_button, p.pause_button, p.skip_button, p.restart_button, p.stop_button):
        assert b.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_escape_stops_and_records_a_partial_session(
    qtbot: Any, clock: FakeClock, store: Any
) -> None:
    p = open_player(qtbot, clock, store)
    advance(p, clock, 20)  # warm-up done
    key(qtbot, p, Qt.Key.Key_Right)  # left side skipped
    clock.advance(3)
    key(qtbot, p, Qt.Key.Key_Escape)  # one stray Esc only pauses and asks
    assert p.session.state is State.PAUSED and not p.ended
    assert "Stop here?" in p.status.text() and "Stop here?" in p.announced[-1]
    with qtbot.waitSignal(p.finished) as blocker:
        key(qtbot, p, Qt.Key.Key_Escape)
    event = blocker.args[0]
    assert isinstance(event, SessionEvent)
    assert not event.completed and event.steps_done == (0,) and event.steps_skipped == (1,)
    assert event.routine_id == "evening" and event.routine_kind == "bedtime"
    stored = store.events(types=[EventType.SESSION])
    assert stored == [event]
    assert p.recorded
    assert p.pages.currentWidget() is p.summary_page
    assert p.summary_title.text() == "Session stopped"
    assert p.summary.text() == "1 of 2 steps done, 1 skipped, in 23 s."
    assert p.record_label.text() == "Recorded in your log."
    assert not p.deadline_timer.isActive() and not p.repaint_timer.isActive()
    # Esc again closes the summary.
    key(qtbot, p, Qt.Key.Key_Escape)
    assert not p.isVisible()
    assert len(store.events()) == 1  # recorded once


def test_finishing_records_a_completed_session(qtbot: Any, clock: FakeClock, store: Any) -> None:
    p = open_player(qtbot, clock, store)
    with qtbot.waitSignal(p.finished) as blocker:
        advance(p, clock, 100)
    event = blocker.args[0]
    assert event.completed and event.steps_done == (0, 1) and event.steps_skipped == ()
    assert (event.at - event.started).total_seconds() == pytest.approx(100)
    assert store.events() == [event]
    assert p.summary_title.text() == "Well done"
    assert p.summary.text() == "All 2 steps done in 1 min 40 s."
    assert not p.deadline_timer.isActive() and not p.repaint_timer.isActive()


def test_closing_mid_session_records_it_as_partial(
    qtbot: Any, clock: FakeClock, store: Any
) -> None:
    p = open_player(qtbot, clock, store)
    advance(p, clock, 25)
    with qtbot.waitSignal(p.finished):
        p.close()
    [event] = store.events()
    assert not event.completed and event.steps_done == (0,)


def test_closing_before_start_records_nothing(qtbot: Any, clock: FakeClock, store: Any) -> None:
    p = open_player(qtbot, clock, store, autostart=False)
    assert p.session.state is State.READY
    assert p.pause_button.text().startswith("Start")
    with qtbot.waitSignal(p.finished) as blocker:
        key(qtbot, p, Qt.Key.Key_Escape)
    assert blocker.args == [None]
    assert store.events() == []


def test_space_starts_a_session_that_was_not_autostarted(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock, autostart=False)
    key(qtbot, p, Qt.Key.Key_Space)
    assert p.session.state is State.RUNNING


def test_a_failed_write_is_told_and_can_be_retried(qtbot: Any, clock: FakeClock) -> None:
    failing = FailingStore()
    p = open_player(qtbot, clock, failing)
    key(qtbot, p, Qt.Key.Key_Escape)
    key(qtbot, p, Qt.Key.Key_Escape)
    assert not p.recorded
    assert "Could not save" in p.record_label.text()
    assert "no space left on device" in p.record_label.text()
    assert p.record_label.property("failed") is True
    assert p.retry_button.isVisible()
    qtbot.mouseClick(p.retry_button, Qt.MouseButton.LeftButton)
    assert not p.recorded  # still full
    failing.broken = False
    qtbot.mouseClick(p.retry_button, Qt.MouseButton.LeftButton)
    assert p.recorded and failing.saved == [p.session_event]
    assert p.record_label.text() == "Recorded in your log." and not p.retry_button.isVisible()


def test_a_read_only_store_is_told_without_a_retry(
    qtbot: Any, clock: FakeClock, data_dir: Path
) -> None:
    from crampcoach.store import StoreReadOnlyError

    class ReadOnly(MemoryStore):
        def add(self, event: SessionEvent) -> None:
            raise StoreReadOnlyError("the log is open read-only")

    p = open_player(qtbot, clock, ReadOnly())
    key(qtbot, p, Qt.Key.Key_Escape)
    with qtbot.waitSignal(p.finished):
        key(qtbot, p, Qt.Key.Key_Escape)
    assert not p.recorded
    assert p.record_label.text() == (
        "Could not save this session to your log: the log is open read-only."
    )
    assert not p.retry_button.isVisible()
    assert p.pages.currentWidget() is p.summary_page


def test_no_store_still_reports_the_outcome(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    with qtbot.waitSignal(p.finished) as blocker:
        p.stop()
    assert isinstance(blocker.args[0], SessionEvent)
    assert p.record_label.text() == "Not recorded: no log is open."


def test_why_this_step_link_asks_for_the_document(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock)
    key(qtbot, p, Qt.Key.Key_Right)  # the calf step has an evidence note
    links = p.citation_links()
    assert len(links) == 1
    assert "Why this step?" in links[0].text() and "Spasm in Leg" in links[0].text()
    assert f"“{quote_excerpt(CITE.quote)}”" in links[0].text()
    qtbot.waitUntil(lambda: links[0].isVisible() and links[0].height() > 10)
    with qtbot.waitSignal(p.citation_requested) as blocker:
        # The link starts the first line (the label may wrap onto more).
        first_line = links[0].fontMetrics().height() // 2 + 1
        qtbot.mouseClick(links[0], Qt.MouseButton.LeftButton, pos=QPoint(8, first_line))
    assert blocker.args[:3] == [CITE.doc, CITE.quote, "Weakly supported (Hallegraeff 2012)."]
    assert blocker.args[3] == p.session.step  # the step, so the reader can show its picture


def test_staged_player_shows_each_side(qtbot: Any) -> None:
    for side, word in ((Side.LEFT, "LEFT"), (Side.RIGHT, "RIGHT")):
        p = staged_player(make_routine(), side, seconds_in=4)
        qtbot.addWidget(p)
        assert word in p.side_banner.text()
        assert p.countdown.text() == "00:06"
        assert p.session.state is State.RUNNING
        p.close()
    with pytest.raises(ValueError, match="no step on side"):
        staged_player(make_routine(), Side.EACH)


def test_format_clock() -> None:
    assert format_clock(0) == "00:00"
    assert format_clock(0.01) == "00:01"
    assert format_clock(59.99) == "01:00"
    assert format_clock(61) == "01:01"
    assert format_clock(600) == "10:00"


# --- cues -----------------------------------------------------------------------

# Importing QtTextToSpeech loads QtMultimedia, which reports the optional
# libraries this machine lacks; those lines are about the test machine, not us.
MULTIMEDIA_NOISE = r"Couldn't (load|resolve) (pipewire|va)"


@pytest.mark.qt_log_ignore(MULTIMEDIA_NOISE)
def test_cues_follow_the_session(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(
        qtbot,
        clock,
        settings={"sounds": True, "voice": True},
        speech_engine="mock",
        autostart=False,
    )
    assert p.sink.cues.voice_on
    heard: list[tuple[str, str]] = []
    p.sink.cues.cued.connect(lambda kind, text: heard.append((kind, text)))
    p.start()
    assert heard == [("next", ""), ("say", "Warm up.")]
    heard.clear()
    advance(p, clock, 20)
    assert heard == [
        ("say", "Half way."),
        ("tick", ""),
        ("tick", ""),
        ("tick", ""),
        ("next", ""),
        ("say", "Calf stretch, left leg."),
    ]
    heard.clear()
    advance(p, clock, 10)
    assert heard[-2:] == [("next", ""), ("say", "Relax.")]
    advance(p, clock, 5)
    assert heard[-2:] == [("next", ""), ("say", "Hold 2 of 3.")]
    heard.clear()
    advance(p, clock, 25)  # the left side ends: one switch cue, no "next" on top of it
    assert heard[-2:] == [("switch", ""), ("say", "Switch to the right leg.")]
    assert ("next", "") not in heard[-3:]
    heard.clear()
    advance(p, clock, 40)
    assert heard[-2:] == [("done", ""), ("say", "Well done. The routine is finished.")]


def test_stale_cues_are_not_played_after_a_blocked_loop(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock, autostart=False)
    heard: list[tuple[str, str]] = []
    p.sink.cues.cued.connect(lambda kind, text: heard.append((kind, text)))
    p.start()
    heard.clear()
    clock.advance(31.5)  # blocked through the end of step 1 and into the first rest of step 2
    p.tick()
    assert heard == []
    assert p.step_name.text() == "Calf stretch" and p.rep.text() == "Relax — hold 2 of 3 next"


def test_cues_are_silent_without_sound_server_or_speech_engine(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no pulse/pipewire socket in it
    monkeypatch.setattr(cues_mod, "_speechd_present", lambda: False)
    cues_mod.availability.cache_clear()
    try:
        sound_ok, speech_ok, message = cues_mod.availability()
    finally:
        cues_mod.availability.cache_clear()
    assert (sound_ok, speech_ok) == (False, False)
    assert "sound cues are off" in message and "spoken cues are off" in message
    c = cues_mod.Cues(sounds=True, voice=True)
    assert not c.sound_on and not c.voice_on
    heard: list[tuple[str, str]] = []
    c.cued.connect(lambda kind, text: heard.append((kind, text)))
    c.play("tick")
    c.say("Hello")
    c.stop()
    assert heard == [("tick", ""), ("say", "Hello")]
    with pytest.raises(ValueError, match="unknown cue sound"):
        c.play("gong")
    c.deleteLater()


def test_sound_files_are_bundled_and_reproducible(tmp_path: Path) -> None:
    import subprocess
    import sys
    import wave

    from crampcoach import resources

    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sounds.py"), str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for name in cues_mod.SOUNDS:
        bundled = resources.path("assets", f"sounds/{name}.wav")
        with wave.open(str(bundled), "rb") as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
            assert 0.05 < w.getnframes() / 22050 < 1.5
        assert bundled.read_bytes() == (tmp_path / f"{name}.wav").read_bytes(), name


def test_the_real_timer_drives_the_session_to_its_end(qtbot: Any) -> None:
    """No fake clock: the precise single-shot timer alone must carry a 1 s routine through."""
    from dataclasses import replace

    from crampcoach.core.clock import SystemClock

    one = make_routine()
    routine = replace(one, steps=(replace(one.steps[0], duration_s=1, safety=None),))
    p = make_player(routine, None, QUIET, SystemClock(), keep_awake=False, lead_in_s=0)
    qtbot.addWidget(p)
    with qtbot.waitSignal(p.finished, timeout=5000) as blocker:
        p.show()
    event = blocker.args[0]
    assert event.completed
    assert 0.95 <= (event.at - event.started).total_seconds() <= 3
    assert not any(t.isActive() for t in p.findChildren(QTimer))


# --- keeping the screen awake -------------------------------------------------------


def test_inhibitor_without_a_session_bus_carries_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    inhibitor = ScreenSaverInhibitor()
    assert not inhibitor.inhibit("test")
    assert not inhibitor.active and "D-Bus" in inhibitor.note
    inhibitor.release()  # harmless


def test_player_timers_stop_when_the_window_closes(qtbot: Any, clock: FakeClock) -> None:
    p = open_player(qtbot, clock, timers=qt_timer)  # the real ones: every QTimer it owns
    timers = p.findChildren(QTimer)
    assert any(t.isActive() for t in timers)
    p.close()
    assert not any(t.isActive() for t in p.findChildren(QTimer))


@pytest.fixture
def private_bus(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A private D-Bus session bus (dbus-daemon), never the desktop's."""
    import select
    import shutil
    import subprocess

    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # it grumbles about fd limits in containers
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 10)
        assert ready, "dbus-daemon printed no address within 10 s"
        address = proc.stdout.readline().strip()
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


class FakeScreenSaver:
    """org.freedesktop.ScreenSaver on the private bus, in a thread, recording its calls."""

    def __init__(self, address: str) -> None:
        import threading

        self.address = address
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.ready = threading.Event()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        from jeepney import HeaderFields, MessageType, new_method_return
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(self.address) as conn:
            conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.ScreenSaver"))
            self.ready.set()
            while not self.done.is_set():
                try:
                    msg = conn.receive(timeout=0.1)
                except TimeoutError:
                    continue
                if msg.header.message_type is not MessageType.method_call:
                    continue
                member = msg.header.fields[HeaderFields.member]
                self.calls.append((member, msg.body))
                if member == "Inhibit":
                    conn.send(new_method_return(msg, "u", (42,)))
                else:
                    conn.send(new_method_return(msg))

    def __enter__(self) -> FakeScreenSaver:
        self.thread.start()
        assert self.ready.wait(10), "fake screen saver did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join(10)


def test_player_holds_off_the_screen_saver_during_a_session(
    qtbot: Any, clock: FakeClock, private_bus: str
) -> None:
    with FakeScreenSaver(private_bus) as saver:
        p = make_player(make_routine(), None, QUIET, clock, lead_in_s=0)
        qtbot.addWidget(p)
        p.show()
        assert p.inhibitor is not None and p.inhibitor.active
        assert saver.calls == [
            ("Inhibit", ("CrampCoach", "A guided stretching session is running"))
        ]
        p.stop()
        assert not p.inhibitor.active
        qtbot.waitUntil(lambda: len(saver.calls) == 2)
        assert saver.calls[1] == ("UnInhibit", (42,))


def test_inhibitor_without_the_service_carries_on(private_bus: str) -> None:
    inhibitor = ScreenSaverInhibitor()
    assert not inhibitor.inhibit("test")
    assert not inhibitor.active and "could not be held off" in inhibitor.note


@pytest.mark.parametrize("size", [None, (1280, 800), (1920, 1080)])
def test_controls_are_never_cut(qtbot: Any, clock: FakeClock, size: Any) -> None:
    p = open_player(qtbot, clock)
    key(qtbot, p, Qt.Key.Key_Space)  # "Resume  (Space)" is the widest pause-button text
    if size is None:
        p.resize(p.minimumSize())  # the smallest the user can make it
    else:
        p.resize(*size)
    qtbot.waitUntil(lambda: p.pause_button.width() > 0)
    p.form.layout().activate()
    for b in (p.back_button, p.pause_button, p.skip_button, p.restart_button, p.stop_button):
        need = b.fontMetrics().horizontalAdvance(b.text())
        assert b.width() > need, (b.objectName(), b.width(), need)
    for label in (p.countdown, p.side_banner, p.rep):
        need = label.fontMetrics().horizontalAdvance(label.text())
        assert label.width() >= need, (label.objectName(), label.width(), need)


def test_quote_excerpt_cuts_at_a_word() -> None:
    assert quote_excerpt("Stretch  the\ncalf.") == "Stretch the calf."
    long = "Stretching before bed may reduce the frequency of nocturnal leg cramps in older adults."
    out = quote_excerpt(long)
    assert out.endswith("…") and len(out) <= 61
    assert long.startswith(out.removesuffix("…"))
    assert long[len(out) - 1] == " "  # cut between words, not inside one


def test_step_changes_are_announced_and_counted_as_the_card_counts(
    qtbot: Any, clock: FakeClock
) -> None:
    p = open_player(qtbot, clock)
    key(qtbot, p, Qt.Key.Key_Right)  # the calf stretch, left leg
    key(qtbot, p, Qt.Key.Key_Right)  # the same written step, right leg
    # Sent as QAccessibleAnnouncementEvents when a screen reader is active.
    assert p.announced[-2:] == [
        "Step 2 of 2: Calf stretch, left leg",
        "Step 2 of 2: Calf stretch, right leg",
    ]
    assert p.step_name.accessibleName() == "Step 2 of 2: Calf stretch, right leg"


def test_the_player_says_when_sound_is_off(qtbot: Any, clock: FakeClock) -> None:
    p = make_player(make_routine(), None, QUIET, clock, autostart=False, keep_awake=False)
    qtbot.addWidget(p)
    assert "Sound cues are off" in p.status.text()


def test_space_withdraws_the_stop_question_and_why_this_step_pauses(
    qtbot: Any, clock: FakeClock
) -> None:
    p = open_player(qtbot, clock)
    key(qtbot, p, Qt.Key.Key_Escape)
    key(qtbot, p, Qt.Key.Key_Space)  # go on
    assert p.session.state is State.RUNNING and not p.stop_pending
    key(qtbot, p, Qt.Key.Key_Escape)  # asks again: one press never stops
    assert not p.ended and p.session.state is State.PAUSED
    key(qtbot, p, Qt.Key.Key_Space)
    with qtbot.waitSignal(p.citation_requested):
        p.citation_links()[0].linkActivated.emit("cite:0")
    assert p.session.state is State.PAUSED  # reading the source does not eat the hold


def _tea_player(qtbot: Any, clock: FakeClock, side: Side) -> PlayerWindow:
    """The test routine with a tea step last, on ``side``, opened on that step."""
    tea = Step(
        name="Caffeine-free tea",
        instructions="A warm drink if you like one.",
        duration_s=15,
        side=side,
        citations=(CITE,),
    )
    base = make_routine()
    routine = Routine(
        id=base.id, title=base.title, kind=base.kind, description="d", steps=(*base.steps, tea)
    )
    p = make_player(routine, None, QUIET, clock, keep_awake=False, lead_in_s=0, timers=FakeTimers())
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    qtbot.waitExposed(p)
    for _ in range(2):  # the calf stretch's two sides
        p.skip()
    assert p.next_step.text().startswith("Next: Caffeine-free tea")
    return p


def test_a_step_with_no_leg_work_shows_and_says_no_side(qtbot: Any, clock: FakeClock) -> None:
    """A cup of tea is not "BOTH LEGS": no banner (its room kept), no side in words."""
    both = _tea_player(qtbot, clock, Side.BOTH)
    both.skip()
    p = _tea_player(qtbot, clock, Side.NONE)
    assert p.next_step.text() == "Next: Caffeine-free tea"
    p.skip()
    assert p.step_name.text() == "Caffeine-free tea"
    assert p.side_banner.isHidden() and p.side_banner.text() == ""
    assert p.announced[-1] == "Step 3 of 3: Caffeine-free tea"
    qtbot.wait(0)  # let both layouts settle
    # The page keeps the banner's room: nothing jumps up when a tea step comes.
    assert p.countdown.mapTo(p, QPoint(0, 0)) == both.countdown.mapTo(both, QPoint(0, 0))
