"""The wall-clock alarm is a real Linux timerfd, read through the event loop."""

from __future__ import annotations

import errno
import logging
import os
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QObject

from crampcoach.qt import wall_alarm


@pytest.fixture
def fired() -> list[int]:
    return []


@pytest.fixture
def alarm(qapp: Any, fired: list[int]) -> Any:
    owner = QObject()
    made = wall_alarm.make(owner, lambda: fired.append(1))
    assert made is not None  # Linux: the kernel has timerfd
    yield made
    made.close()
    owner.deleteLater()


def test_an_alarm_whose_time_has_come_fires_through_the_event_loop(
    qtbot: Any, alarm: Any, fired: list[int]
) -> None:
    alarm.arm(0.0)  # now, by the wall clock
    assert fired == []  # not from arm(): from the loop, as any event
    qtbot.waitUntil(lambda: fired == [1])
    QCoreApplication.processEvents()
    assert fired == [1]  # once: reading it cleared it


def test_arming_again_or_disarming_replaces_the_last_time(
    qtbot: Any, alarm: Any, fired: list[int]
) -> None:
    alarm.arm(0.0)
    alarm.arm(3600.0)  # before the loop saw it: an hour from now instead
    QCoreApplication.processEvents()
    alarm.arm(0.0)
    alarm.arm(None)
    QCoreApplication.processEvents()
    assert fired == []
    alarm.arm(-5.0)  # a time already past fires at once, as on resume past it
    qtbot.waitUntil(lambda: fired == [1])


def test_a_clock_set_wakes_it_and_the_caller_looks_again(
    qtbot: Any, alarm: Any, fired: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kernel's answer to a read after the clock was set is ECANCELED."""

    def cancelled(_fd: int, _n: int) -> bytes:
        alarm.arm(None)  # (the real read clears the fd's state)
        raise OSError(errno.ECANCELED, os.strerror(errno.ECANCELED))

    monkeypatch.setattr(wall_alarm.os, "read", cancelled)
    alarm.arm(0.0)
    qtbot.waitUntil(lambda: fired == [1])
    QCoreApplication.processEvents()
    assert fired == [1]


def test_any_other_read_error_is_logged_and_calls_nothing(
    qtbot: Any,
    alarm: Any,
    fired: list[int],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    reads: list[int] = []

    def broken(_fd: int, _n: int) -> bytes:
        reads.append(1)
        alarm.arm(None)  # (so the fd stops being ready)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(wall_alarm.os, "read", broken)
    with caplog.at_level(logging.WARNING, logger="crampcoach.qt.wall_alarm"):
        alarm.arm(0.0)
        qtbot.waitUntil(lambda: reads == [1])
    assert fired == []
    assert "could not be read" in caplog.text


def test_a_closed_alarm_never_fires_and_arming_it_does_nothing(
    qtbot: Any, alarm: Any, fired: list[int]
) -> None:
    alarm.arm(0.0)
    alarm.close()
    alarm.arm(0.0)
    QCoreApplication.processEvents()
    assert fired == []


def test_no_alarm_where_the_system_has_no_timerfd(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wall_alarm.sys, "platform", "darwin")
    assert wall_alarm.make(QObject(), lambda: None) is None  # the reminders poll instead
