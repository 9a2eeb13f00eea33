"""Child process of test_fit: open every window on the simulated screen, print the problems as JSON.

The screen comes from the offscreen platform's configuration file (its size)
and ``QT_SCALE_FACTOR`` (its scale), both set by the parent before Qt starts.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PySide6.QtCore import qInstallMessageHandler

    from tests.gui.windows import (
        layout_problems,
        open_every_window,
        out_of_sight,
        page_overflow,
        scroll_problems,
        settle,
        unpinned,
    )

    #: Controls that stay in view however long the page is.
    controls = ("backButton", "pauseButton", "skipButton", "stopButton", "disclaimerLabel")
    pinned = {"player": controls, "ready": controls, "review": ("disclaimerLabel",)}
    #: What is followed from across the room: in view as the window opens.
    followed = {"player": ("stepNameLabel", "countdownLabel")}

    # Offscreen does not implement propagateSizeHints and says so; not our problem.
    qInstallMessageHandler(lambda *_: None)
    with tempfile.TemporaryDirectory() as tmp:
        opened = open_every_window(Path(tmp))
        settle()
        problems = {name: layout_problems(w) for name, w in opened.windows.items()}
        scrolling = {name: scroll_problems(w) for name, w in opened.windows.items()}
        sizes = {name: [w.width(), w.height()] for name, w in opened.windows.items()}
        overflow = {name: page_overflow(w) for name, w in opened.windows.items()}
        unseen = {name: unpinned(opened.windows[name], names) for name, names in pinned.items()}
        hidden = {
            name: out_of_sight(opened.windows[name], names) for name, names in followed.items()
        }
        opened.close()
    report = {
        "problems": problems,
        "scrolling": scrolling,
        "sizes": sizes,
        "pinned": unseen,
        "in_sight": hidden,
        "overflow": overflow,
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
