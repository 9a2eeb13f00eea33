"""``crampcoach import FILE`` and ``crampcoach devices``: restore, and the computers sharing the log.

``import`` merges by id, so it is safe to repeat: an entry the log has is
never duplicated or changed (one changed here since the export counts as
"newer elsewhere").  It reads our JSON export (a list of entries) or any of
the store's own files: a month file or one of its backups (checksummed; a
damaged one is refused, never half-read).  Every entry is checked (the
journal's schema) before anything is written, so a bad file imports nothing.
While the app runs, the checked entries are handed to it over its socket, in
parts under the socket's size limit, and it writes them through its journal.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crampcoach.cli import CliError
from crampcoach.cli.handover import hand_over
from crampcoach.exits import Exit

if TYPE_CHECKING:
    from crampcoach.core.clock import Clock

LOCK_WAIT_S = 5.0
#: How long the app may take over one part of an import handed to it.
IMPORT_PART_WAIT_S = 60.0


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
    """The entries as checked events (the journal's schema); CliError naming the first bad one."""
    from crampcoach.core.journal import EntryError, parse_entries
    from crampcoach.core.sync import DELETED, META_KEYS

    bodies: list[object] = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise CliError(f"{path}: entry {n} is not an object; nothing was imported")
        if entry.get(DELETED) is True:
            continue  # a deletion recorded in a store file: nothing to restore
        bodies.append({k: v for k, v in entry.items() if k not in META_KEYS})
    try:
        return parse_entries(bodies)
    except EntryError as exc:
        raise CliError(f"{path}: {exc}; fix or remove it, nothing was imported") from None


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


def _import_here(store: Any, events: list[Any], clock: Clock) -> Any:
    """Import with this process's own store (no app runs): through the journal."""
    from crampcoach.core.journal import Journal
    from crampcoach.store import StoreWriteError

    try:
        for line in store.recovery:
            print(f"crampcoach: {line}", file=sys.stderr)
        return Journal(store, clock).import_events(events)
    except StoreWriteError as exc:
        raise CliError(f"not imported: {exc}", code=Exit.FAILED) from None
    finally:
        with contextlib.suppress(StoreWriteError):
            store.close()


def _import(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.store import Store, StoreError, StoreLockedError

    path = Path(args.file).expanduser()
    entries, kind = _entries(path)
    events = _events(path, entries)
    folder = paths.data_dir(args.data_dir)
    try:
        store = Store.open(folder, clock=args.clock)
    except StoreLockedError as locked:
        # The app (or another command) owns the log: hand the entries over.
        handed = _hand_over(folder, [ev.to_dict() for ev in events], locked)
        if handed is None:  # it went away meanwhile: write here after all
            handed = _import_here(_open_writer(folder, args.clock), events, args.clock)
        counts = handed
    except StoreError as exc:
        raise CliError(str(exc), code=Exit.FAILED) from None
    else:
        counts = _import_here(store, events, args.clock)
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


def _hand_over(folder: Path, docs: list[dict[str, Any]], locked: Exception) -> Any:
    """Give the entries to the running app, in parts under the socket's size limit.

    Returns the summed counts, or None when the lock came free before the app
    answered (the caller imports itself).  Each part is merged by id, so a
    part that failed half-way is safe to send again: the command can be rerun.
    """
    from crampcoach import ipc
    from crampcoach.core.journal import ImportCounts

    total = ImportCounts()
    done = 0
    for n, part in enumerate(ipc.import_parts(docs)):
        request = {"cmd": "import", "entries": part}
        if n == 0:
            # Nothing is taken yet: the same waiting and wording as every hand-over.
            reply = hand_over(
                folder,
                request,
                locked,
                not_done="not imported",
                refused="not imported: the running CrampCoach refused",
                what="entries",
            )
            if reply is None:
                return None
        else:
            try:
                reply = ipc.send(folder, request, timeout=IMPORT_PART_WAIT_S)
            except ipc.UntrustedPeer as exc:
                raise CliError(f"not imported: {exc}", code=Exit.UNTRUSTED) from None
            except ipc.IpcError as exc:
                why = f"{locked}; no app answered ({exc})"
                raise CliError(_partly(done, len(docs), why), code=Exit.BUSY) from None
        if not reply.get("ok"):
            why = f"the running CrampCoach refused: {reply.get('error', 'no reason given')}"
            raise CliError(_partly(done, len(docs), why), code=Exit.REFUSED)
        total.add(_counts(reply))
        done += len(part)
    return total


def _partly(done: int, total: int, why: str) -> str:
    if not done:
        return f"not imported: {why}"
    return (
        f"{why}; {done} of {total} entries were taken before that, the rest not. "
        "Running the command again is safe: what is in the log already is skipped"
    )


def _counts(reply: dict[str, Any]) -> Any:
    from crampcoach.core.journal import ImportCounts

    values = [reply.get(k) for k in ("new", "same", "newer_elsewhere")]
    counts = [v for v in values if type(v) is int and v >= 0]
    if len(counts) != len(values):
        raise CliError("the running CrampCoach sent a reply without counts", code=Exit.FAILED)
    return ImportCounts(*counts)


def _rename(folder: Path, name: str, clock: Clock) -> None:
    """``devices --name``: this computer renamed, by the running app when it holds the log."""
    from crampcoach.store import Store, StoreError, StoreLockedError, StoreWriteError
    from crampcoach.store.local import clean_name

    try:
        name = clean_name(name)
    except ValueError as exc:
        raise CliError(f"--name: {exc}") from None
    try:
        store = Store.open(folder, clock=clock)
    except StoreLockedError as locked:
        message = {"cmd": "device_name", "name": name}
        if hand_over(folder, message, locked, not_done="not renamed", refused="not renamed"):
            return
        store = _open_writer(folder, clock)  # the app went away meanwhile
    except StoreError as exc:
        raise CliError(str(exc), code=Exit.FAILED) from None
    try:
        store.set_device_name(name)
    except StoreWriteError as exc:
        raise CliError(f"not renamed: {exc}", code=Exit.FAILED) from None
    finally:
        with contextlib.suppress(StoreWriteError):
            store.close()


def _devices(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.store import Store, StoreError

    folder = paths.data_dir(args.data_dir)
    if args.name is not None:
        _rename(folder, args.name, args.clock)
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
