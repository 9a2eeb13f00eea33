"""Cycles are collected on the GUI thread as it goes to sleep, never where an allocation happens to be."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from crampcoach.qt.collector import GuiThreadCollector


class Node:
    """A plain object that can be in a cycle and be watched by a weak reference."""

    def __init__(self) -> None:
        self.other: Node | None = None


def _garbage_cycle() -> weakref.ref[Node]:
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def _allocate() -> None:
    """Allocations that would have tripped an automatic collection."""
    for _ in range(50):
        _ = [[] for _ in range(10)]


class Loop(QObject):
    """Stands in for the event dispatcher: ``about_to_block`` is its ``aboutToBlock``."""

    about_to_block = Signal()


@pytest.fixture(autouse=True)
def _low_thresholds() -> Iterator[None]:
    """Thresholds a handful of objects pass; restored after, as are automatic collection and freezing."""
    saved, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(5, 1, 1)
    try:
        yield
    finally:
        gc.set_threshold(*saved)
        gc.unfreeze()
        if enabled:
            gc.enable()


def test_it_collects_only_as_the_loop_goes_to_sleep_and_stop_gives_collection_back(
    qapp: Any,
) -> None:
    loop = Loop()
    collector = GuiThreadCollector(QObject(), loop.about_to_block)
    assert not gc.isenabled()  # at once
    collector.settle()
    dead = _garbage_cycle()
    _allocate()
    assert dead() is not None  # nothing collected it behind the GUI thread's back
    QCoreApplication.processEvents()
    assert dead() is not None  # nor an event: only the loop's going to sleep
    loop.about_to_block.emit()
    assert dead() is None
    collector.stop()
    assert gc.isenabled()
    kept = _garbage_cycle()
    gc.disable()  # (so only the collector could take it)
    loop.about_to_block.emit()
    assert kept() is not None  # stopped: no longer connected


def test_nothing_is_collected_before_start_up_is_settled(qapp: Any) -> None:
    loop = Loop()
    collector = GuiThreadCollector(QObject(), loop.about_to_block)
    try:
        dead = _garbage_cycle()
        _allocate()
        loop.about_to_block.emit()
        assert dead() is not None  # start-up's turns walk nothing; settle() collects once
    finally:
        collector.stop()


def test_the_default_hook_is_the_gui_threads_real_event_loop(qapp: Any) -> None:
    collector = GuiThreadCollector(QObject())
    try:
        collector.settle()
        dead = _garbage_cycle()
        _allocate()
        QCoreApplication.processEvents()  # no wait asked: the dispatcher does not block
        assert dead() is not None
        QTimer.singleShot(0, lambda: None)  # an event due, so the wait ends at once
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        assert dead() is None
    finally:
        collector.stop()


def test_it_collects_what_python_would_and_nothing_when_nothing_is_due(qapp: Any) -> None:
    loop = Loop()
    collector = GuiThreadCollector(QObject(), loop.about_to_block)
    try:
        gc.collect()
        assert collector.collect_due() == 0  # counts under the threshold: no pass at all
        _garbage_cycle()
        _allocate()
        assert collector.collect_due() >= 2  # the cycle's two nodes
    finally:
        collector.stop()


def test_stopped_before_it_settled_it_hooks_nothing(qapp: Any) -> None:
    loop = Loop()
    collector = GuiThreadCollector(QObject(), loop.about_to_block)
    collector.stop()
    collector.settle()  # the services started after a quit was asked
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_settle_collects_once_then_sets_what_lives_aside_until_stop(qapp: Any) -> None:
    """Start-up's objects: collected over once, then left out of every check until quitting."""
    loop = Loop()
    collector = GuiThreadCollector(QObject(), loop.about_to_block)
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
    assert gc.isenabled()
