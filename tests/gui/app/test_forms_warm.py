"""The first form's Python types can be built off the GUI thread (``forms.warm_window_types``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# In a fresh interpreter: this test process has built every type long ago.
_SCRIPT = """
import json, sys, threading
from PySide6 import QtCore, QtGui, QtWidgets
app = QtWidgets.QApplication([])
from crampcoach.qt import forms

def built():
    return {f"{m.__name__}.{n}" for m in (QtCore, QtGui, QtWidgets)
            for n, v in vars(m).items() if isinstance(v, type)}

if sys.argv[1] == "warm":
    worker = threading.Thread(target=forms.warm_window_types)
    worker.start()
    worker.join()
forms._loader()
before = built()
forms.load_ui("main_window.ui")
print(json.dumps(sorted(built() - before)))
"""


def _built_by_first_load(mode: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, mode],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    built: list[str] = json.loads(done.stdout.splitlines()[-1])
    return built


def test_after_the_warm_up_the_first_form_builds_no_python_type_in_the_gui_thread() -> None:
    # Cold, the first load builds dozens (QMessageBox, QTabBar, ... and their
    # enums) in the GUI thread; warmed on a worker, none is left for it.  A
    # name in the list here is one a PySide release added: put it in
    # forms.FIRST_WINDOW_TYPES.
    assert len(_built_by_first_load("cold")) > 30
    assert _built_by_first_load("warm") == []
