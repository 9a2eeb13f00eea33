"""Cycles are collected on the GUI thread's timer, never where an allocation happens to be."""

from __future__ import annotations

import gc
import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from crampcoach.qt.gc_timer import CHECK_MS, GuiThreadCollector
from tests.fakes import FakeTimers


class Node:
    """A plain object that can be in a cycle and be watched by a weak reference."""

    def __init__(self) -> None:
        self.other: Node | None = None


def _garbage_cycle() -> weakref.ref[Node]:
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_only_the_timer_collects_and_stop_gives_collection_back(qapp: Any) -> None:
    # Thresholds a handful of objects pass; restored after, as is automatic collection.
    saved, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(5, 1, 1)
    try:
        _check_the_collector()
    finally:
        gc.set_threshold(*saved)
        if enabled:
            gc.enable()


def _check_the_collector() -> None:
    timers = FakeTimers()
    owner = QObject()
    collector = GuiThreadCollector(owner, timers)
    assert not gc.isenabled()  # at once; its check is armed once the App is built
    QCoreApplication.processEvents()
    assert timers.made == []  # not from the loop: the launch arms it (qt/launch.py)
    collector.arm()
    collector.arm()  # once
    (timer,) = timers.made
    assert timer.isActive() and not timer.single_shot and timer.coarse
    assert timer.ms == CHECK_MS
    dead = _garbage_cycle()
    for _ in range(50):  # allocations that would have tripped an automatic collection
        _ = [[] for _ in range(10)]
    assert dead() is not None  # nothing collected it behind the GUI thread's back
    timer.fire()
    assert dead() is None  # the timer's check did
    collector.stop()
    assert gc.isenabled() and not timer.isActive()


def test_stopped_before_it_was_armed_it_arms_no_timer(qapp: Any) -> None:
    enabled = gc.isenabled()
    timers = FakeTimers()
    collector = GuiThreadCollector(QObject(), timers)
    collector.stop()
    collector.arm()  # the App built after a quit was asked
    assert timers.made == []
    assert gc.isenabled() == enabled


def test_settle_collects_once_then_sets_what_lives_aside_until_stop(qapp: Any) -> None:
    """Start-up's objects: collected over once, then left out of every check until quitting."""
    enabled = gc.isenabled()
    collector = GuiThreadCollector(QObject(), FakeTimers())
    try:
        dead = _garbage_cycle()
        kept = Node()
        kept.other = kept  # a cycle still in use when the services start
        ref = weakref.ref(kept)
        collector.settle()
        assert dead() is None  # start-up's garbage went first, not into the frozen set
        assert gc.get_freeze_count() > 0
        del kept
        gc.collect()
        assert ref() is not None  # set aside: no collection goes over it any more
        collector.settle()  # once
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0  # stop gives it back
    gc.collect()
    assert ref() is None
    assert gc.isenabled() == enabled


def test_settle_after_stop_sets_nothing_aside(qapp: Any) -> None:
    collector = GuiThreadCollector(QObject(), FakeTimers())
    collector.stop()
    collector.settle()  # the services started after a quit was asked
    assert gc.get_freeze_count() == 0
