"""``crampcoach export [--format json|csv] [-o FILE]``: the whole log, for you or your doctor.

Opens the log read-only (no lock, committed files only), so it works while
the app runs.  JSON: a list of events, each with ``id``, ``type``, ``at`` and
its own fields.  CSV: one row per event; the columns are the union of all
events' fields (empty where an event has no such field).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from crampcoach import exits
from crampcoach.cli import CliError

_FIRST = ("id", "type", "at")


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


def rows(events: list[Any]) -> list[dict[str, Any]]:
    """Events as dicts with ``id``, ``type``, ``at`` first."""
    out = []
    for ev in events:
        data = ev.to_dict()
        out.append({**{k: data.pop(k) for k in _FIRST}, **data})
    return out


def to_json(records: list[dict[str, Any]]) -> str:
    """The JSON export text."""
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def to_csv(records: list[dict[str, Any]]) -> str:
    """The CSV export text: a header row, then one row per event."""
    columns = list(_FIRST)
    for record in records:
        columns.extend(k for k in record if k not in columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(c)) for c in columns])
    return buffer.getvalue()


def _export(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.store import Store, StoreError
    from crampcoach.store.storage import atomic_write_bytes

    folder = paths.data_dir(args.data_dir)
    try:
        with Store.open(folder, read_only=True) as store:
            for line in store.recovery:
                print(f"crampcoach: {line}", file=sys.stderr)
            records = rows(store.events())
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
