"""``crampcoach export [--format json|csv] [-o FILE]``: the whole log, for you or your doctor.

Opens the log read-only (no lock, committed files only), so it works while
the app runs.  JSON: a list of events, each with ``id``, ``type``, ``at`` and
its own fields.  CSV: one row per event (``crampcoach.core.export``: formula
cells neutralised).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crampcoach import exits
from crampcoach.cli import CliError
from crampcoach.core.export import rows, to_csv, to_json


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``export`` command."""
    export = sub.add_parser(
        "export",
        help="write the whole log as JSON or CSV (works while the app runs)",
        parents=[common],
    )
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    export.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.store import Store, StoreError
    from crampcoach.store.storage import atomic_write_bytes

    folder = paths.data_dir(args.data_dir)
    try:
        with Store.open(folder, clock=args.clock, read_only=True) as store:
            records = rows(store.events())
            for line in store.untold():  # after the reads: older months are read lazily
                print(f"crampcoach: {line}", file=sys.stderr)
    except StoreError as exc:
        raise CliError(str(exc), code=exits.for_error(exc)) from None
    text = to_csv(records) if args.format == "csv" else to_json(records)
    if args.output in (None, "-"):
        # A note with a lone surrogate (an old entry made from undecodable
        # bytes) is shown escaped rather than failing the whole export.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8", "backslashreplace"))
        return 0
    target = Path(args.output).expanduser()
    if not target.parent.is_dir():
        raise CliError(f"-o: the folder {target.parent} does not exist")
    try:
        # Atomic, so an interrupted export never leaves half a file.
        atomic_write_bytes(target, text.encode("utf-8", "backslashreplace"))
    except OSError as exc:
        raise CliError(f"-o: cannot write {target}: {exc.strerror or exc}", code=1) from None
    print(f"exported {len(records)} entries to {target}", file=sys.stderr)
    return 0
