"""Guard against a Qt binding that over-releases None/True/False.

PySide6 6.12.0 under CPython 3.11 returned None from void methods without a
reference of its own: each call lowered None's refcount by one, until the
interpreter aborted with "none_dealloc" mid-session (seen after ~10 player
sessions in one process).  pyproject.toml pins a release without the bug;
this test fails on any release that has it, so an upgrade cannot bring it back.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel

CALLS = 2000


def _drift(fn: Any) -> tuple[int, int, int]:
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(CALLS):
        fn()
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    return tuple(a - b for a, b in zip(after, before, strict=True))  # type: ignore[return-value]


def test_void_calls_and_property_reads_keep_their_references(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setProperty("flag", True)

    def calls() -> None:
        label.setVisible(False)  # a void method
        label.setAccessibleName("x")  # another
        label.property("missing")  # returns None
        label.property("flag")  # returns True

    drift = _drift(calls)
    # A leak of one reference per call would show as -CALLS; allow noise.
    assert all(d > -CALLS // 10 for d in drift), f"refcount drift (None, True, False): {drift}"
