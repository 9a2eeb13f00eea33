"""The player's modules imported ahead, in short turns (``crampcoach.qt.player_prep``).

Steps are module names of a throwaway package on the test's own path, so that
what "imported" means is real and nothing of the app's is re-imported.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer

from crampcoach.qt.player_prep import TURN_BUDGET_S, PlayerPreparation


class StepClock:
    """``perf_counter`` for the preparation: each reading ``step`` seconds after the last."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    package = tmp_path / "prep_probe"
    package.mkdir()
    # Each module notes its import, and queues a note for the loop's next
    # turn: steps run one a turn when each module's queued note comes before
    # the next module's import.
    (package / "__init__.py").write_text("seen = []\n")
    names = []
    for n in range(3):
        (package / f"m{n}.py").write_text(
            "from PySide6.QtCore import QTimer\n"
            "from prep_probe import seen\n"
            f"seen.append('m{n}')\n"
            f"QTimer.singleShot(0, lambda: seen.append('turn after m{n}'))\n"
        )
        names.append(f"prep_probe.m{n}")
    (package / "broken.py").write_text("raise ImportError('no such library here')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield names
    for name in [*names, "prep_probe.broken", "prep_probe"]:
        sys.modules.pop(name, None)


def loaded(names: list[str]) -> list[str]:
    return [name for name in names if name in sys.modules]


def test_prepare_waits_its_delay_then_imports_in_turns_of_its_budget(
    qtbot: Any, qapp: Any, modules: list[str]
) -> None:
    owner = QObject()
    after: list[str] = []
    # Every module takes the whole budget: one a turn.
    prep = PlayerPreparation(
        modules, [lambda: after.append("catalogue")], owner, clock=StepClock(TURN_BUDGET_S)
    )
    assert not prep.ready
    prep.prepare(200)
    prep.prepare(0)  # once: a second ask changes nothing
    assert loaded(modules) == []  # not in the turn that asked
    qtbot.waitUntil(lambda: after == ["catalogue"], timeout=3000)
    assert loaded(modules) == modules and prep.ready
    seen = sys.modules["prep_probe"].seen
    qtbot.waitUntil(lambda: len(seen) == 6)
    assert seen == ["m0", "turn after m0", "m1", "turn after m1", "m2", "turn after m2"]
    called: list[bool] = []
    prep.when_ready(lambda: called.append(True))
    assert called == [True]  # ready: at once


def test_quick_modules_share_a_turn(qtbot: Any, qapp: Any, modules: list[str]) -> None:
    owner = QObject()
    # A reading every quarter of the budget: the three modules share the first turn.
    prep = PlayerPreparation(modules, [], owner, clock=StepClock(TURN_BUDGET_S / 4))
    prep.prepare(0)
    qtbot.waitUntil(lambda: prep.ready, timeout=3000)
    seen = sys.modules["prep_probe"].seen
    qtbot.waitUntil(lambda: len(seen) == 6)
    assert seen[:3] == ["m0", "m1", "m2"]


def test_a_start_waiting_skips_the_delay_and_runs_after_the_last_step(
    qtbot: Any, qapp: Any, modules: list[str]
) -> None:
    owner = QObject()
    prep = PlayerPreparation(modules, [], owner)
    prep.prepare(60_000)  # a minute: the test would time out if it were kept
    opened: list[tuple[list[str], list[str]]] = []
    prep.when_ready(lambda: opened.append((loaded(modules), list(sys.modules["prep_probe"].seen))))
    assert opened == []
    qtbot.waitUntil(lambda: opened != [], timeout=3000)
    imported, seen = opened[0]
    assert imported == modules  # everything imported before the player opens
    assert seen[-1] == "turn after m2"  # and it opens in a turn of its own, after the last


def test_a_failing_step_ends_the_steps_and_the_start_goes_on_to_say_why(
    qtbot: Any, qapp: Any, modules: list[str]
) -> None:
    owner = QObject()
    prep = PlayerPreparation(["prep_probe.broken", *modules], [], owner)
    opened: list[bool] = []
    prep.when_ready(lambda: opened.append(True))
    qtbot.waitUntil(lambda: opened == [True], timeout=3000)
    assert loaded(modules) == []  # the rest is left to the start, which reports the error
    assert prep.ready


def test_stop_drops_the_steps_and_whoever_waits(qtbot: Any, qapp: Any, modules: list[str]) -> None:
    owner = QObject()
    prep = PlayerPreparation(modules, [], owner)
    opened: list[bool] = []
    prep.when_ready(lambda: opened.append(True))
    prep.stop()
    prep.prepare(0)
    later: list[bool] = []
    QTimer.singleShot(20, lambda: later.append(True))  # twenty turns' time for any step
    qtbot.waitUntil(lambda: later == [True])
    assert opened == [] and loaded(modules) == []
