"""A wake-up at a wall-clock time that neither a suspend nor a clock change can lose.

Qt's timers wait on monotonic time, which stands still while the machine
sleeps: armed at 21:00 for a 22:30 reminder, with the lid shut from 21:30 to
22:10, a ``QTimer`` fires at 23:10.  The usual remedy (and the fallback here)
is to compare wall and monotonic time once a minute, which wakes an app idle
in the tray sixty times an hour to find, nearly always, nothing.

Linux has the kernel do it instead: a ``CLOCK_REALTIME`` timerfd armed at an
absolute time fires at that wall time, and at once on resume when the time
passed while the machine slept; armed with ``TFD_TIMER_CANCEL_ON_SET``, its
read fails with ``ECANCELED`` when the clock is set.  The app then wakes
when something is due or the clock moved, and at no other time.  Python
3.13 has ``os.timerfd_create``; on 3.11 this is ctypes into the C library.
Where there is no timerfd, :func:`make` gives ``None`` and the caller polls.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import os
import sys
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

CLOCK_REALTIME = 0
TFD_TIMER_ABSTIME = 1
TFD_TIMER_CANCEL_ON_SET = 2


class Alarm(Protocol):
    """What the reminders use of an alarm."""

    def arm(self, after_s: float | None) -> None:
        """Fire ``after_s`` seconds from now by the wall clock (None: never), or when it is set."""
        ...

    def close(self) -> None:
        """Never fire again; release what it holds."""
        ...


#: (owner, callback) -> an alarm that calls ``callback``, or None where there is none.
AlarmFactory = Callable[[QObject, Callable[[], object]], Alarm | None]


class _Timespec(ctypes.Structure):
    _fields_ = (("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long))


class _Itimerspec(ctypes.Structure):
    _fields_ = (("it_interval", _Timespec), ("it_value", _Timespec))


class TimerfdAlarm(QObject):
    """A ``CLOCK_REALTIME`` timerfd, watched by the event loop (a socket notifier)."""

    def __init__(
        self, parent: QObject, callback: Callable[[], object], libc: ctypes.CDLL, fd: int
    ) -> None:
        super().__init__(parent)
        self._callback = callback
        self._libc = libc
        self._fd = fd
        self._notifier: QSocketNotifier | None = QSocketNotifier(
            fd, QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._ready)

    def arm(self, after_s: float | None) -> None:
        """See :class:`Alarm`; arming again replaces the last time."""
        if self._fd < 0:
            return
        spec = _Itimerspec()
        flags = 0
        if after_s is not None:
            deadline = time.time() + max(after_s, 0.0)
            spec.it_value.tv_sec = int(deadline)
            spec.it_value.tv_nsec = int((deadline - int(deadline)) * 1e9)
            flags = TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET
        if self._libc.timerfd_settime(self._fd, flags, ctypes.byref(spec), None) != 0:
            code = ctypes.get_errno()
            log.warning("could not arm the wall-clock alarm: %s", os.strerror(code))

    def close(self) -> None:
        """See :class:`Alarm`."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1

    def _ready(self, *_args: object) -> None:
        try:
            os.read(self._fd, 8)  # how often it expired: once is all that matters
        except BlockingIOError:
            return  # armed again after it expired: nothing is due
        except OSError as exc:
            if exc.errno != errno.ECANCELED:
                log.warning("the wall-clock alarm could not be read: %s", exc)
                return
            # The clock was set (or the machine resumed): the caller looks again.
        self._callback()


def make(parent: QObject, callback: Callable[[], object]) -> TimerfdAlarm | None:
    """A timerfd alarm owned by ``parent``, or None where the system has none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        create = libc.timerfd_create
    except (OSError, AttributeError):
        return None
    create.restype = ctypes.c_int
    libc.timerfd_settime.restype = ctypes.c_int
    fd = create(CLOCK_REALTIME, os.O_NONBLOCK | os.O_CLOEXEC)
    if fd < 0:
        log.info("no timerfd (%s): the reminders poll the clock", os.strerror(ctypes.get_errno()))
        return None
    return TimerfdAlarm(parent, callback, libc, fd)
