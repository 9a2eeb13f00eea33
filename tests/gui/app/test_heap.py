"""Free C heap pages go back to the system when a window is released (glibc's malloc_trim)."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from crampcoach.qt import heap
from tests.gui.windows import opened

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

glibc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.confstr("CS_GNU_LIBC_VERSION") is None,
    reason="malloc_trim is glibc's",
)


def _rss_mib() -> float:
    resident = int(Path("/proc/self/statm").read_text().split()[1])
    return resident * os.sysconf("SC_PAGE_SIZE") / 2**20


@glibc
def test_pages_freed_in_the_middle_of_the_heap_go_back() -> None:
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = [libc.malloc(4000) for _ in range(12_000)]  # ~46 MiB, below mmap's threshold
    try:
        for block in blocks:
            ctypes.memset(block, 1, 4000)  # resident
        for block in blocks[:-1]:  # the last one pins the heap's top: free() cannot trim it
            libc.free(block)
        before = _rss_mib()
        assert heap.give_back() is True
        assert before - _rss_mib() > 30
    finally:
        libc.free(blocks[-1])


def test_no_trim_where_the_c_library_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    heap._malloc_trim.cache_clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        assert heap.give_back() is False
    finally:
        heap._malloc_trim.cache_clear()


def test_a_closed_window_gives_its_pages_back(
    make_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    monkeypatch.setattr(heap, "give_back", lambda *args: calls.append(args))
    app = make_app()
    dialog = opened(app, "settings", app.open_settings, qtbot.waitUntil)
    assert calls == []  # opening gives nothing back
    dialog.close()
    qtbot.waitUntil(lambda: "settings" not in app.windows)  # deleted
    qtbot.waitUntil(lambda: len(calls) == 1)  # then, a round later, the pages
