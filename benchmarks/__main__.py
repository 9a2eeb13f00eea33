"""Run every ``benchmarks/bench_*.py`` (each has ``run() -> list[Row]``) and print one table.

``python -m benchmarks`` runs all; ``python -m benchmarks store startup`` runs
the named ones.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from benchmarks.common import Row, print_table


def main(argv: list[str]) -> int:
    """Run the benchmarks named in argv (default: all) and print the table."""
    names = argv or sorted(
        p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py")
    )
    rows: list[Row] = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(importlib.import_module(f"benchmarks.bench_{name}").run())
    print_table(rows)
    return 0 if all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
