"""SIGTERM/SIGINT reach a Python handler while Qt's loop waits in C++ (set_wakeup_fd)."""

from __future__ import annotations

import os
import signal
import subprocess
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer

from crampcoach.qt.signals import SignalWaker


def test_sigterm_from_another_process_wakes_the_qt_loop(qtbot: Any) -> None:
    got: list[int] = []
    loop = QEventLoop()

    def on_signal(num: int) -> None:
        got.append(num)
        loop.quit()

    waker = SignalWaker(on_signal)
    # Python runs a signal handler only when the main thread runs bytecode; inside
    # exec() it runs none, so without the wake-up fd the handler waits for the guard.
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(5000)
    killers: list[subprocess.Popen[bytes]] = []
    try:
        QTimer.singleShot(
            0, lambda: killers.append(subprocess.Popen(["kill", "-TERM", str(os.getpid())]))
        )
        loop.exec()
        timed_out = not guard.isActive()
    finally:
        guard.stop()
        waker.close()
        for k in killers:
            k.wait(5)
    assert got == [signal.SIGTERM]
    assert not timed_out, "the handler ran only after the loop woke for another reason"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
