"""Child process of test_fit: walk every step of every bundled routine in the player, print what is out of view.

The screen (size, scale) and the language (``LANGUAGE``) are set by the
parent before Qt starts.  For each step, as it first shows, the report lists
what a person following the routine reads and cannot see without scrolling.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

#: What a step must show without scrolling: its name, the time, what to do,
#: how strong the evidence is and its caution (the last two only where it has them).
READ = ("stepNameLabel", "countdownLabel", "instructionsLabel", "evidenceLabel", "safetyLabel")


def main() -> int:
    from PySide6.QtCore import QLocale, qInstallMessageHandler
    from PySide6.QtWidgets import QWidget

    from crampcoach.core import routines
    from crampcoach.core.clock import FakeClock
    from crampcoach.core.model import preferred_languages
    from crampcoach.core.session import State
    from crampcoach.qt.launch import setup_qapplication
    from tests.fakes import FakeTimers
    from tests.gui.player.staging import make_player
    from tests.gui.windows import out_of_sight, settle

    qInstallMessageHandler(lambda *_: None)  # offscreen's propagateSizeHints warning
    setup_qapplication()
    languages = preferred_languages(QLocale.system().uiLanguages())
    report: dict[str, list[str]] = {}
    for routine in routines.load_all().routines:
        player = make_player(
            routine.localized(languages),
            None,
            {"sounds": False, "voice": False},
            FakeClock(),
            autostart=False,
            keep_awake=False,
            lead_in_s=0,
            timers=FakeTimers(),
        )
        player.show()
        player.start()
        while player.session.state is State.RUNNING:
            settle()
            shown = tuple(
                name
                for name in READ
                if (widget := player.findChild(QWidget, name)) is not None and widget.isVisible()
            )
            step = f"{routine.id} step {player.session.segment.step_position + 1}"
            report[step] = [f"{step}: {line}" for line in out_of_sight(player, shown)]
            player.skip()
        player.close()
    print(json.dumps({"languages": list(languages), "steps": report}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
