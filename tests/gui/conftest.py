"""The GUI tests' shared set-up."""

from __future__ import annotations

import importlib

import pytest


@pytest.fixture(scope="session", autouse=True)
def _player_imported() -> None:
    """The player's modules loaded once, so ``App.start_routine`` opens the player at once.

    A first start in a process that has not loaded them waits for them, one a
    turn (``crampcoach.qt.player_prep``); tests/gui/app/test_main_window.py
    covers that path.  Everywhere else a test reads ``app.player`` right after
    starting, whatever order the tests run in.
    """
    from crampcoach.qt.app import PLAYER_STEPS

    for name in PLAYER_STEPS:
        importlib.import_module(name)
