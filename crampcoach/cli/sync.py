"""``crampcoach import FILE`` and ``crampcoach devices``: restore, and the computers sharing the log.

``import`` merges by id, so it is safe to repeat: an entry the log has is
never duplicated or changed (one changed here since the export counts as
"newer elsewhere").  It reads our JSON export (a list of entries) or any of
the store's own files: a month file or one of its backups (checksummed; a
damaged one is refused, never half-read).  Every entry is checked before
anything is written, so a bad file imports nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crampcoach.cli import CliError
from crampcoach.exits import Exit

if TYPE_CHECKING:
    from crampcoach.core.clock import Clock

LOCK_WAIT_S = 5.0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``import`` and ``devices`` commands."""
    imp = sub.add_parser(
        "import",
        help="merge a JSON export or a backup file into the log (safe to repeat)",
        parents=[common],
    )
    imp.add_argument("file", metavar="FILE", help="a file from `crampcoach export` or a backup")
    imp.add_argument("--format", choices=("text", "json"), default="text", help="how to report")
    imp.set_defaults(func=_import)
    dev = sub.add_parser(
        "devices",
        help="list the computers that share this log, with their latest entry",
        parents=[common],
    )
    dev.add_argument("--format", choices=("text", "json"), default="text")
    dev.add_argument("--name", metavar="NAME", help="rename this computer as the others list it")
    dev.set_defaults(func=_devices)


def _entries(path: Path) -> tuple[list[Any], str]:
    """The entries in ``path`` and what kind of file it is; CliError if it cannot be read."""
    from crampcoach.store import CorruptFileError
    from crampcoach.store.storage import decode

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CliError(
            f"{path}: cannot read it ({exc.strerror or exc})", code=Exit.FAILED
        ) from None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise CliError(
            f"{path}: not JSON; give a file made by `crampcoach export` (JSON) or a backup"
        ) from None
    if isinstance(data, list):
        return data, "export"
    if isinstance(data, dict) and "_meta" in data:
        try:
            tables, _version = decode(raw, path.name)
        except CorruptFileError as exc:
            raise CliError(f"{path}: {exc.reason}; nothing was imported") from None
        table = tables.get("events")
        if not isinstance(table, dict):
            raise CliError(f"{path}: this store file holds no entries (it may be settings)")
        return list(table.values()), "store file"
    raise CliError(f"{path}: neither an export (a JSON list) nor a CrampCoach data file")


def _events(path: Path, entries: list[Any]) -> list[Any]:
    from crampcoach.core.events import event_from_dict
    from crampcoach.core.sync import DELETED, META_KEYS

    out = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise CliError(f"{path}: entry {n} is not an object; nothing was imported")
        if entry.get(DELETED) is True:
            continue  # a deletion recorded in a store file: nothing to restore
        body = {k: v for k, v in entry.items() if k not in META_KEYS}
        try:
            out.append(event_from_dict(body))
        except (KeyError, TypeError, ValueError) as exc:
            what = f"field {exc.args[0]!r} is missing" if isinstance(exc, KeyError) else str(exc)
            eid = body.get("id")
            who = f" (id {eid})" if isinstance(eid, str) else ""
            raise CliError(
                f"{path}: entry {n}{who}: {what}; fix or remove it, nothing was imported"
            ) from None
    return out


def _open_writer(folder: Path, clock: Clock) -> Any:
    from crampcoach.store import Store, StoreError, StoreLockedError

    try:
        return Store.open(folder, clock=clock, lock_timeout=LOCK_WAIT_S)
    except StoreLockedError as exc:
        raise CliError(
            f"{exc}. Quit the app (tray menu: Quit), then run the command again", code=Exit.BUSY
        ) from None
    except StoreError as exc:
        raise CliError(str(exc), code=Exit.FAILED) from None


def _import(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.store import StoreWriteError

    path = Path(args.file).expanduser()
    entries, kind = _entries(path)
    events = _events(path, entries)
    store = _open_writer(paths.data_dir(args.data_dir), args.clock)
    try:
        for line in store.recovery:
            print(f"crampcoach: {line}", file=sys.stderr)
        counts = store.import_events(events)
    except StoreWriteError as exc:
        raise CliError(f"not imported: {exc}", code=Exit.FAILED) from None
    finally:
        with contextlib.suppress(StoreWriteError):
            store.close()
    if args.format == "json":
        report = {
            "file": str(path),
            "kind": kind,
            "new": counts.new,
            "same": counts.same,
            "newer_elsewhere": counts.newer_elsewhere,
        }
        print(json.dumps(report))
    else:
        print(
            f"imported {path.name}: {counts.new} new, {counts.same} the same, "
            f"{counts.newer_elsewhere} newer elsewhere (kept as they are)"
        )
    return 0


def _devices(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.store import Store, StoreError, StoreWriteError

    folder = paths.data_dir(args.data_dir)
    if args.name is not None:
        store = _open_writer(folder, args.clock)
        try:
            store.set_device_name(args.name)
        except ValueError as exc:
            raise CliError(f"--name: {exc}") from None
        except StoreWriteError as exc:
            raise CliError(f"not renamed: {exc}", code=Exit.FAILED) from None
        finally:
            store.close()
    try:
        with Store.open(folder, clock=args.clock, read_only=True) as view:
            found = view.devices()
    except StoreError as exc:
        raise CliError(str(exc), code=Exit.FAILED) from None
    if args.format == "json":
        rows = [
            {
                "id": d.id,
                "name": d.name,
                "this_computer": d.this,
                "last_entry": d.last_entry.isoformat() if d.last_entry else None,
                "months": d.months,
            }
            for d in found
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for d in found:
        last = (
            d.last_entry.astimezone(args.clock.tz).strftime("%Y-%m-%d %H:%M")
            if d.last_entry
            else "none"
        )
        mark = "  (this computer)" if d.this else ""
        print(f"{d.name or '(unnamed)'}  [{d.id}]  last entry: {last}{mark}")
    return 0
