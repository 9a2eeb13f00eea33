"""The row every benchmark reports, and the table printer.

A row compares a measured value with a floor measured in the same run (a bare
PySide6 window, a plain json+fsync write, ...), so figures are ratios that hold
on any machine, and with the issue's goal.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass


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

    @property
    def ratio(self) -> float | None:
        """value / floor, where a floor was measured."""
        if self.floor is None or self.floor == 0:
            return None
        return self.value / self.floor


def median_of(fn: Callable[[], float], runs: int) -> float:
    """Median of ``runs`` calls of ``fn`` (each returns one measurement)."""
    return statistics.median(fn() for _ in range(runs))


def print_table(rows: Sequence[Row]) -> None:
    """Print rows as a Markdown table (paste-able into benchmarks/README.md)."""
    header = ("area", "metric", "value", "floor", "ratio", "goal", "ok")
    lines = [header]
    for r in rows:
        lines.append(
            (
                r.area,
                r.metric,
                f"{r.value:.3g} {r.unit}",
                "" if r.floor is None else f"{r.floor:.3g} {r.unit}",
                "" if r.ratio is None else f"{r.ratio:.2f}x",
                r.goal,
                "yes" if r.ok else "NO",
            )
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    for n, line in enumerate(lines):
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
