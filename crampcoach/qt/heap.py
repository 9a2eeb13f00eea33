"""Hand the C heap's free pages back to the system once a window is released.

glibc's ``free()`` keeps what it frees for the next ``malloc``; it returns
only the top of the main heap, and only past a threshold.  A closed player,
review or settings window frees many MiB (Qt's widgets, the PySide wrappers,
the week read from the log) scattered through the heap and the worker
threads' arenas, so after a day in the tray the process kept them all.
``malloc_trim(0)`` releases the free pages in the middle of every arena as
well (``madvise``), without moving anything.  Measured with the desktop
benchmark's day (``measure_app``: five cycles of routine, review and
settings, xcb under Xvfb with trayer), beside main in the same run: RSS after
the day 102.0 and 101.9 MiB against 103.1 and 103.1 (PSS moved the same way,
but with the machine's load too).  Cheap (a walk over the free lists, about
0.3 ms here), so it runs on every release.

glibc only: elsewhere (musl, macOS, Windows) there is no ``malloc_trim`` and
:func:`give_back` does nothing.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back(*_args: object) -> bool:
    """Release the C heap's free pages to the system; False where the C library cannot.

    Takes and ignores arguments so that it can be connected to ``destroyed`` directly.
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
