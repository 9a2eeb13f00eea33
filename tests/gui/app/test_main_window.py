"""The main window shows the routine and document libraries, today's summary and notices."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from crampcoach.core import documents
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, SessionEvent, WaterEvent, new_id
from crampcoach.core.model import Citation, Routine, RoutineKind, Side, Step
from crampcoach.qt.i18n import format_duration
from tests.gui.windows import opened, opened_review

# The offscreen QPA plugin logs this for every top-level window with a layout
# (QPlatformWindow::propagateSizeHints is not implemented there); not our bug.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _routine(
    rid: str, title: str, steps: int = 2, kind: RoutineKind = RoutineKind.STRETCH
) -> Routine:
    cite = (Citation("spasm-in-leg", "stretch before and after excessive activity"),)
    return Routine(
        id=rid,
        title=title,
        kind=kind,
        description=f"Description of {title}.",
        steps=tuple(
            Step(f"Step {n}", "Do it.", 30, Side.EACH if n == 0 else Side.BOTH, cite)
            for n in range(steps)
        ),
    )


ROUTINES = [
    _routine("calf", "Calf stretch", 2),
    _routine("night", "Bedtime", 3, RoutineKind.BEDTIME),
]


def test_format_duration() -> None:
    assert format_duration(45) == "45 s"
    assert format_duration(180) == "3 min"
    assert format_duration(200) == "3 min 20 s"


def test_lists_routines_with_facts_and_last_done(
    make_app: Any, memory_store: Any, fake_clock: FakeClock
) -> None:
    now = fake_clock.now()
    memory_store.add(
        SessionEvent(
            id=new_id(),
            at=now - timedelta(days=1),
            routine_id="night",
            routine_kind="bedtime",
            started=now - timedelta(days=1, minutes=5),
            completed=True,
        )
    )
    app = make_app(memory_store, routines=ROUTINES)
    w = app.main_window
    assert w.routine_ids() == ["calf", "night"]
    calf = w.card("calf")
    assert calf.title.text() == "Calf stretch"
    # 2 steps: the first on each leg (2 x 30 s), the second both (30 s).
    assert calf.facts.text() == "Stretch · 1 min 30 s · 2 steps · never done"
    assert calf.description.text() == "Description of Calf stretch."
    assert w.card("night").facts.text().endswith("3 steps · last done yesterday")
    assert w.disclaimer_label.text() == "General information, not medical advice."


def test_lists_every_bundled_document_with_its_quality_note(
    make_app: Any, memory_store: Any
) -> None:
    app = make_app(memory_store, routines=ROUTINES)
    lst = app.main_window.document_list
    docs = list(documents.bundled().values())
    assert lst.count() == len(docs) == 5
    rows = app.main_window.document_rows()
    assert [(r.title.text(), r.quality.text()) for r in rows] == [
        (d.title, d.quality) for d in docs
    ]
    assert [lst.item(n).data(0x0100) for n in range(lst.count())] == [d.id for d in docs]


def test_start_by_button_enter_and_double_click(
    make_app: Any, memory_store: Any, qtbot: Any
) -> None:
    app = make_app(memory_store, routines=ROUTINES)
    w = app.main_window
    w.start_requested.disconnect()  # only the window's signal is under test here
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.start_requested) as blocker:
        qtbot.mouseClick(w.card("night").start_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["night"]
    w.routine_list.setCurrentRow(0)
    w.routine_list.setFocus()
    with qtbot.waitSignal(w.start_requested) as blocker:
        qtbot.keyClick(w.routine_list, Qt.Key.Key_Return)
    assert blocker.args == ["calf"]
    with qtbot.waitSignal(w.document_requested) as blocker:
        w.document_list.itemActivated.emit(w.document_list.item(4))
    assert blocker.args == ["spasm-in-leg"]


def test_today_summary_and_log_a_glass(
    make_app: Any, memory_store: Any, fake_clock: FakeClock, qtbot: Any
) -> None:
    now = fake_clock.now()
    memory_store.add(WaterEvent(id=new_id(), at=now - timedelta(hours=1), ml=500))
    memory_store.add(WaterEvent(id=new_id(), at=now - timedelta(days=1), ml=900))  # yesterday
    memory_store.add(
        SessionEvent(
            id=new_id(),
            at=now,
            routine_id="calf",
            routine_kind="stretch",
            started=now - timedelta(minutes=2),
            completed=False,
            steps_done=(0,),
        )
    )
    memory_store.set_setting("glass_ml", 300)
    app = make_app(memory_store, routines=ROUTINES)
    w = app.main_window
    assert w.sessions_label.text() == "Sessions done today: 0 (and 1 stopped early)"
    assert w.water_label.text() == "Water logged: 500 ml of your 1500 ml goal"
    assert w.water_bar.value() == 500
    qtbot.mouseClick(w.form.findChild(QPushButton, "logWaterButton"), Qt.MouseButton.LeftButton)
    water = memory_store.events(types=[EventType.WATER])
    assert [e.ml for e in water] == [900, 500, 300]
    assert w.water_label.text() == "Water logged: 800 ml of your 1500 ml goal"


def test_problems_and_recovery_are_shown_without_blocking(make_app: Any, memory_store: Any) -> None:
    memory_store.recovery = [
        "events-2026-03.json was damaged; restored from the backup of 2026-03-09"
    ]
    app = make_app(
        memory_store,
        routines=ROUTINES,
        problems=["mine.toml: step 2: field 'hold_s': expected a whole number"],
    )
    text = app.main_window.notice_label.text()
    assert "restored from the backup" in text
    assert "mine.toml: step 2: field 'hold_s'" in text
    assert not app.main_window.notice_label.isHidden()
    assert app.main_window.routine_ids() == ["calf", "night"]


def test_no_notice_when_all_is_well(make_app: Any, memory_store: Any) -> None:
    app = make_app(memory_store, routines=ROUTINES)
    assert app.main_window.notice_label.isHidden()


def test_real_store_and_bundled_routines(make_app: Any) -> None:
    app = make_app()  # the real Store on the test's data folder, the bundled routines
    assert "bedtime" in app.main_window.routine_ids()
    assert app.problems == []


def test_unknown_routine_is_refused_with_a_message(make_app: Any, memory_store: Any) -> None:
    app = make_app(memory_store, routines=ROUTINES)
    assert app.start_routine("nope") is False
    assert "nope" in app.main_window.statusBar().currentMessage()
    assert app.show_document("no-such-doc") is False
    assert "no-such-doc" in app.main_window.statusBar().currentMessage()


def test_missing_secondary_screens_are_reported_not_fatal(
    make_app: Any, memory_store: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    import sys

    app = make_app(memory_store, routines=ROUTINES)
    monkeypatch.setitem(sys.modules, "crampcoach.qt.review_view", None)  # import fails
    assert app.open_review() is None  # read on a worker first, whose import fails too
    qtbot.waitUntil(lambda: "not available" in app.main_window.statusBar().currentMessage())
    assert "review" not in app.windows


def test_a_logged_glass_can_be_taken_back(make_app: Any, memory_store: Any, qtbot: Any) -> None:
    app = make_app(memory_store, routines=ROUTINES)
    w = app.main_window
    event = app.log_water()
    assert event is not None and memory_store.get(event.id) == event
    assert not w.undo_button.isHidden()
    qtbot.mouseClick(w.undo_button, Qt.MouseButton.LeftButton)
    assert memory_store.events(types=[EventType.WATER]) == []
    assert w.water_label.text() == "Water logged: 0 ml of your 1500 ml goal"
    assert w.undo_button.isHidden()
    assert w.statusBar().currentMessage() == "Took back the glass."


def test_a_broken_user_routine_is_named_and_the_rest_still_load(
    make_app: Any, data_dir: Any
) -> None:
    folder = data_dir / "routines"
    folder.mkdir(exist_ok=True)
    (folder / "mine.toml").write_text(
        'title = "Mine"\nkind = "stretch"\ndescription = "x"\n\n[[steps]]\nname = "A"\n'
        'instructions = "Do it."\nduration_s = "long"\n'
        'citations = [{ doc = "spasm-in-leg", quote = "stretch before and after excessive activity" }]\n',
        encoding="utf-8",
    )
    app = make_app()  # the real loader on the test's data folder
    notice = app.main_window.notice_label.text()
    assert "mine.toml" in notice and "duration_s" in notice
    assert not app.main_window.notice_label.isHidden()
    assert "mine" not in app.main_window.routine_ids()
    assert "bedtime" in app.main_window.routine_ids()


def test_review_and_cramp_dialog_open_once_as_their_own_windows(
    make_app: Any, memory_store: Any, qtbot: Any
) -> None:
    app = make_app(memory_store, routines=ROUTINES)
    assert app.open_review() is None  # reading the week on a worker
    assert app.open_review() is None  # a second click meanwhile waits for the same one
    review = opened_review(app, qtbot)
    assert review.isWindow() and review.isVisible()
    assert app.open_review() is review  # a second click raises it, no second window
    assert [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ReviewWindow"] == [
        review
    ]
    cramp = app.open_cramp_dialog()
    assert cramp is not None and cramp.isWindow() and cramp.isVisible()
    review.close()
    cramp.close()
    qtbot.waitUntil(lambda: "review" not in app.windows and "cramp" not in app.windows)


def test_settings_dialog_changes_reach_the_app(
    make_app: Any, memory_store: Any, qtbot: Any
) -> None:
    app = make_app(memory_store, routines=ROUTINES)
    assert app.open_settings() is None  # its module and the speech probe load on a worker
    dialog = opened(app, "settings", app.open_settings, qtbot.waitUntil)
    assert dialog.isWindow() and dialog.isVisible()
    assert app.open_settings() is dialog  # raised, not built again
    # The bedtime choice offers the app's own routines, not a second parse of the files.
    bedtime = dialog.inputs["bedtime_routine"]
    assert [bedtime.itemData(i) for i in range(bedtime.count())] == [r.id for r in ROUTINES]
    memory_store.set_setting("water_goal_ml", 2000)  # what the dialog's save does
    with qtbot.waitSignal(app.settings_changed) as blocker:
        dialog.settings_changed.emit(memory_store.settings())
    assert blocker.args[0]["water_goal_ml"] == 2000
    assert app.settings["water_goal_ml"] == 2000
    assert "of your 2000 ml goal" in app.main_window.water_label.text()
    dialog.close()


def test_one_scroll_at_a_time_the_lists_open_out_while_the_page_scrolls(
    make_app: Any, qtbot: Any
) -> None:
    """A short window scrolls as one page with every card shown; a tall one lets the lists scroll."""
    app = make_app()  # the bundled routines and documents: more than a short window holds
    window = app.main_window
    window.show()
    page_bar = window.page.verticalScrollBar()
    lists = (window.routine_list, window.document_list)
    window.resize(900, 480)
    # What a person sees: the page scrolls, and no list inside it does.
    qtbot.waitUntil(
        lambda: (
            page_bar.maximum() > 0 and all(lst.verticalScrollBar().maximum() == 0 for lst in lists)
        )
    )
    for lst in lists:
        assert not lst.verticalScrollBar().isVisible()
    # Choosing the last routine by keyboard scrolls the page to its card.
    window.routine_list.setFocus()
    window.routine_list.setCurrentRow(window.routine_list.count() - 1)
    assert page_bar.value() > 0
    window.resize(1180, 760)
    # The page fits; the list scrolls itself.
    qtbot.waitUntil(
        lambda: page_bar.maximum() == 0 and window.routine_list.verticalScrollBar().maximum() > 0
    )


def test_the_player_is_prepared_once_in_short_turns_when_a_routine_may_start(
    qtbot: Any, make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its first import was most of a first start's GUI-thread round (issue 17's
    # "no stall over 50 ms"): the main window on screen or the tray menu open
    # imports it ahead, once, in short turns, after the window has settled.
    import importlib

    from crampcoach.qt import app as app_mod

    app = make_app()
    imported: list[str] = []
    real = importlib.import_module
    monkeypatch.setattr(
        importlib, "import_module", lambda name, *a: imported.append(name) or real(name, *a)
    )
    catalogued: list[bool] = []
    monkeypatch.setattr(documents, "bundled", lambda: catalogued.append(True))
    app.prepare_player()
    app.prepare_player()
    assert imported == []  # not in the turn that asked: the window's paint comes first
    qtbot.waitUntil(lambda: "crampcoach.qt.forms" in imported, timeout=5000)
    ours = [name for name in imported if name in app_mod.PLAYER_STEPS]
    assert ours == list(app_mod.PLAYER_STEPS)  # each once, in order
    assert catalogued == [True]
    assert "crampcoach.qt.player" in ours and "jeepney.io.blocking" in ours


def nothing_prepared(app: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``app``'s next start find the player's modules not yet loaded.

    They are loaded in this process (tests/gui/conftest.py): one more module,
    not yet imported, stands for them in a fresh preparation.
    """
    from crampcoach.qt.app import PLAYER_STEPS
    from crampcoach.qt.player_prep import PlayerPreparation

    (tmp_path / "not_yet_loaded.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "not_yet_loaded", raising=False)
    app._player_prep = PlayerPreparation([*PLAYER_STEPS, "not_yet_loaded"], [], app)


def test_a_first_start_with_nothing_prepared_opens_the_player_after_its_modules(
    qtbot: Any,
    make_app: Any,
    memory_store: Any,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The command line's start to an app waiting in the tray: no window shown,
    # no menu opened, so nothing was prepared.  The player's modules load in
    # short turns and the player opens after them, instead of in the start's round.
    memory_store.set_setting("sounds", False)
    app = make_app(memory_store)
    nothing_prepared(app, tmp_path, monkeypatch)
    assert app.start_routine("bedtime") is True  # accepted: it is coming
    assert app.player is None
    assert app.status()["session"] == "bedtime"  # ``crampcoach status`` says it is on its way
    assert app.start_routine("warmup") is False  # a second start meanwhile is refused
    assert "already starting" in app.main_window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: app.player is not None and app.player.isVisible(), timeout=5000)
    assert "not_yet_loaded" in sys.modules  # after its modules, not before
    assert app.player.property("routineId") == "bedtime"
    assert app.start_routine("warmup") is False  # and then it is running
    app.player.close()
    qtbot.waitUntil(lambda: app.player is None, timeout=5000)
    # A stop while one is on its way: it does not open after all.
    nothing_prepared(app, tmp_path, monkeypatch)
    assert app.start_routine("warmup") is True
    app.stop_session()
    assert app.status()["session"] is None
    qtbot.waitUntil(lambda: "not_yet_loaded" in sys.modules, timeout=5000)
    assert app.player is None
    # And a stop after the player is built but before it is shown: it never begins.
    assert app.start_routine("warmup") is True
    built = app.player
    assert built is not None and not built.isVisible()
    app.stop_session()
    qtbot.waitUntil(lambda: app.player is None, timeout=5000)  # closed, and so deleted


def test_a_quit_while_a_start_is_on_its_way_records_that_session_as_stopped_early(
    make_app: Any, memory_store: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``status`` called it the session from the moment the start was accepted,
    # so SIGTERM then is a session stopped early, as it is once the player shows.
    from crampcoach.core.events import EventType, SessionEvent

    memory_store.set_setting("sounds", False)
    app = make_app(memory_store)
    nothing_prepared(app, tmp_path, monkeypatch)
    assert app.start_routine("bedtime") is True and app.player is None
    app.quit()
    sessions = memory_store.events(types=[EventType.SESSION])
    assert len(sessions) == 1 and isinstance(sessions[0], SessionEvent)
    assert sessions[0].routine_id == "bedtime" and sessions[0].completed is False


STEPWISE = """
import importlib, json, sys
import crampcoach.qt.app, crampcoach.qt.tray, crampcoach.qt.reminders
from crampcoach.qt.app import MAIN_WINDOW_MODULES, PLAYER_STEPS
for name in MAIN_WINDOW_MODULES:
    importlib.import_module(name)
steps = []
for name in PLAYER_STEPS:
    before = set(sys.modules)
    importlib.import_module(name)
    steps.append([name, sorted(m for m in set(sys.modules) - before if m.startswith("crampcoach"))])
print(json.dumps(steps))
"""


def test_each_step_of_the_players_preparation_imports_only_its_own_module() -> None:
    # A step that pulled in several of ours would be one long turn again: the
    # list follows the imports (a new import in the player goes in before it).
    out = subprocess.run(
        [sys.executable, "-c", STEPWISE],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    steps = json.loads(out.stdout)
    assert steps[-1][0] == "jeepney.io.blocking"
    for name, ours in steps:
        assert set(ours) <= {name}, f"{name} also imported {ours}: list those before it"
    assert ["crampcoach.qt.player", ["crampcoach.qt.player"]] in steps  # it was not loaded before


def test_the_tray_click_builds_the_main_window_in_rounds_that_let_timers_and_input_in(
    qtbot: Any, data_dir: Any, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rounds chained by QTimer.singleShot(0) are posted events, which Qt delivers
    # before due timers and input: they ran back to back (one long stall).
    from crampcoach.qt import app as app_mod
    from crampcoach.qt.launch import setup_qapplication
    from crampcoach.store import Store

    setup_qapplication()
    store = Store.open(data_dir, clock=fake_clock)
    app = app_mod.App(store, data_dir, clock=fake_clock, background=False)
    assert not app.main_window_built  # as after a --hidden start
    delays: list[int] = []
    real = app_mod.QTimer.singleShot

    def spy(ms: int, *args: Any) -> None:
        delays.append(ms)
        real(ms, *args)

    monkeypatch.setattr(app_mod.QTimer, "singleShot", spy)
    try:
        app.open_main_window()
        qtbot.waitUntil(lambda: app.main_window_built and app.main_window.isVisible())
        assert len(delays) >= 2  # build, fill, show: a turn between each
        assert 0 not in delays
    finally:
        if app.main_window_built:
            app.main_window.close()
        store.close()
