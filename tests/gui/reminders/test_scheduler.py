"""The fixed QtScheduler: GUI-thread jobs, one timer, no silent misfire drop, jump detection."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from crampcoach.core.clock import FakeClock
from crampcoach.qt.scheduler import GuiScheduler


@pytest.fixture
def sched(qapp: QApplication) -> Iterator[GuiScheduler]:
    s = GuiScheduler(timezone=UTC)
    s.start()
    yield s
    if s.running:
        s.shutdown()


def test_job_runs_once_on_the_gui_thread(qtbot, sched: GuiScheduler) -> None:  # type: ignore[no-untyped-def]
    ran: list[bool] = []
    sched.add_job(
        lambda: ran.append(QThread.currentThread() is QApplication.instance().thread()),  # type: ignore[union-attr]
        "date",
        run_date=datetime.now(UTC) + timedelta(milliseconds=50),
    )
    qtbot.waitUntil(lambda: bool(ran), timeout=3000)
    assert ran == [True]
    assert threading.current_thread() is threading.main_thread()
    # nothing left to do: no timer pending
    qtbot.waitUntil(lambda: not sched.timer_active, timeout=1000)
    assert sched.get_jobs() == []


def test_many_wakeups_share_one_timer(qtbot, sched: GuiScheduler) -> None:  # type: ignore[no-untyped-def]
    passes: list[int] = []
    sched.jobs_processed.connect(lambda: passes.append(1))
    far = datetime.now(UTC) + timedelta(hours=1)
    for i in range(20):
        sched.add_job(print, "date", run_date=far, id=f"far{i}")
        sched.wakeup()
    done: list[int] = []
    sched.add_job(
        lambda: done.append(1), "date", run_date=datetime.now(UTC) + timedelta(milliseconds=150)
    )
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    # The stock QtScheduler starts a new, uncancellable timer chain per
    # add_job/wakeup (21 chains here); one persistent timer collapses them.
    assert len(passes) <= 4, passes
    assert sched.timer_active  # waiting for the far jobs, one timer
    assert sched.pending_ms > 3_000_000
    sched.shutdown()
    assert not sched.timer_active


def test_a_late_job_still_runs_once(qtbot, sched: GuiScheduler) -> None:  # type: ignore[no-untyped-def]
    ran: list[int] = []
    # Ten minutes overdue (as after a suspend): the stock 1 s grace would drop it.
    sched.add_job(
        lambda: ran.append(1),
        "interval",
        minutes=1,
        next_run_time=datetime.now(UTC) - timedelta(minutes=10),
    )
    sched.add_job(lambda: ran.append(2), "date", run_date=datetime.now(UTC) - timedelta(minutes=10))
    qtbot.waitUntil(lambda: 1 in ran and 2 in ran, timeout=3000)
    # coalesced: the interval job's ten missed runs ran once
    assert sorted(ran) == [1, 2]


def test_clock_check_notices_jumps_and_resume(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(datetime(2026, 1, 5, 21, 0, tzinfo=UTC))
    s = GuiScheduler(timezone=UTC, clock=clock)
    s.start()
    try:
        clock.advance(60)
        assert s.check_clock() == 0.0
        clock.jump_wall(2 * 3600)  # clock set forward two hours
        with qtbot.waitSignal(s.clock_jumped, timeout=1000) as blocker:
            assert s.check_clock() == pytest.approx(7200)
        assert blocker.args == [pytest.approx(7200)]
        clock.jump_wall(-2 * 3600)
        assert s.check_clock() == pytest.approx(-7200)
        # a suspend: the wall clock moves 8 h, monotonic time does not
        clock.jump_wall(8 * 3600)
        assert s.check_clock() == pytest.approx(8 * 3600)
        clock.advance(61)
        assert s.check_clock() == 0.0
    finally:
        s.shutdown()
