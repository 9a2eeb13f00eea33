"""Heavy modules load on a worker thread; the caller carries on in the GUI thread."""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QObject

from crampcoach.qt import preload


def test_modules_are_imported_off_the_gui_thread_and_the_rest_runs_in_it(qtbot: Any) -> None:
    sys.modules.pop("colorsys", None)  # small, stdlib, and nothing here imports it
    importers: list[str] = []
    real_import = preload.importlib.import_module

    def spy(name: str) -> Any:
        importers.append(threading.current_thread().name)
        return real_import(name)

    owner = QObject()
    results: list[tuple[BaseException | None, bool]] = []
    preload.importlib.import_module = spy  # type: ignore[assignment]
    try:
        worker = preload.import_then(
            ["colorsys"],
            lambda err: results.append(
                (err, threading.current_thread() is threading.main_thread())
            ),
            owner,
        )
        qtbot.waitUntil(lambda: results != [])
    finally:
        preload.importlib.import_module = real_import
    worker.join(timeout=5)
    assert results == [(None, True)]
    assert importers == ["crampcoach-preload"]
    assert "colorsys" in sys.modules


def test_an_import_that_fails_is_handed_to_the_gui_thread(qtbot: Any) -> None:
    owner = QObject()
    results: list[BaseException | None] = []
    preload.import_then(["crampcoach.no_such_module"], results.append, owner)
    qtbot.waitUntil(lambda: results != [])
    assert isinstance(results[0], ModuleNotFoundError)


def test_an_app_that_quits_while_the_worker_imports_gets_no_traceback(
    qtbot: Any, monkeypatch: Any
) -> None:
    """A quit during start-up deletes the relay's parent before the worker reports."""
    from shiboken6 import delete

    release = threading.Event()
    failures: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    monkeypatch.setattr(preload.importlib, "import_module", lambda _name: release.wait(10))
    parent = QObject()
    worker = preload.import_then(["colorsys"], lambda _error: None, parent)
    delete(parent)  # the app is gone, relay and all
    release.set()
    worker.join(10)
    assert not worker.is_alive() and failures == []
