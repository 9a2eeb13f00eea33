"""The row every benchmark reports, and the table printer.

A row compares a measured value with a floor measured in the same run (a bare
PySide6 window, a plain json+fsync write, ...), so figures are ratios that hold
on any machine, and with the issue's goal.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One measured figure."""

    area: str
    metric: str
    value: float
    unit: str
    goal: str  # e.g. "<= 20 ms" or "<= 1.3x floor"
    ok: bool
    floor: float | None = None
    # Context rows describe (a floor, a cost broken out, a figure with no goal):
    # they cannot fail, so the table says "context", never "yes".
    context: bool = False
    # Per-round figures, when the row is a median over interleaved rounds: the
    # table shows their range, and the ratio is the median of same-round ratios.
    values: tuple[float, ...] = ()
    ratios: tuple[float, ...] = ()

    @property
    def ratio(self) -> float | None:
        """The median same-round ratio, else value / floor, where a floor was measured."""
        if self.ratios:
            return statistics.median(self.ratios)
        if self.floor is None or self.floor == 0:
            return None
        return self.value / self.floor

    @property
    def passed(self) -> bool:
        """What the exit status counts: a context row never fails."""
        return self.context or self.ok


def _num(v: float) -> str:
    """3 significant figures, but whole numbers from 100 up (no "2.98e+03")."""
    return f"{v:.0f}" if abs(v) >= 100 else f"{v:.3g}"


def print_table(rows: Sequence[Row]) -> None:
    """Print rows as a Markdown table (paste-able into benchmarks/README.md)."""
    header = ("area", "metric", "value", "floor", "ratio", "goal", "ok")
    lines = [header]
    for r in rows:
        value = f"{_num(r.value)} {r.unit}".strip()
        if len(r.values) > 1:
            value += f" ({_num(min(r.values))}–{_num(max(r.values))})"
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}x"
        if len(r.ratios) > 1:
            ratio += f" ({min(r.ratios):.2f}–{max(r.ratios):.2f})"
        lines.append(
            (
                r.area,
                r.metric,
                value,
                "" if r.floor is None else f"{_num(r.floor)} {r.unit}".strip(),
                ratio,
                r.goal,
                "context" if r.context else ("yes" if r.ok else "NO"),
            )
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    for n, line in enumerate(lines):
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def rendered_stylesheet(out: Path) -> Path:
    """``ui/style.qss`` as the app applies it (light palette), written to ``out``.

    The file itself is a template (``@tokens``, sizes in %); handed to Qt raw it
    does not parse and Qt styles nothing, which would make a "form alone" row
    cheaper than the app's real form.  Rendered in a child, so the benchmark's
    own process loads no Qt.
    """
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        "from crampcoach.qt import theme; "
        "open(sys.argv[1], 'w', encoding='utf-8').write(theme.app_stylesheet(theme.light_palette()))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", code, str(out)], check=True, env=env)
    return out
