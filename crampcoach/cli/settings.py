"""``crampcoach settings show|set``: the same settings as the dialog, from the command line.

``set`` validates with ``core.settings.validate`` (a bad key or value is one
clear line, exit 2).  When the app is running it holds the store's lock, so
the change is handed to it over IPC and takes effect at once (the reminders
re-plan); otherwise it is written to the store directly.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from crampcoach import exits
from crampcoach.cli import CliError, add_format
from crampcoach.cli.handover import hand_over, open_here, writing_here

LOCK_WAIT_S = 2.0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``settings`` commands."""
    from crampcoach.core.settings import SETTINGS

    settings = sub.add_parser("settings", help="show or change settings", parents=[common])
    settings_sub = settings.add_subparsers(
        dest="settings_command", metavar="COMMAND", required=True
    )
    show = settings_sub.add_parser("show", help="print every setting", parents=[common])
    add_format(show)
    show.set_defaults(func=_show)
    keys = ", ".join(s.key for s in SETTINGS)
    set_ = settings_sub.add_parser(
        "set",
        help="change one setting",
        description=f"Change one setting. Keys: {keys}.",
        parents=[common],
    )
    set_.add_argument("key", help="the setting's name (see 'settings show')")
    set_.add_argument("value", help="the new value, e.g. 22:45, 90, true")
    add_format(set_)
    set_.set_defaults(func=_set)


def _show(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.core.settings import SETTINGS
    from crampcoach.store import Store, StoreError

    folder = paths.data_dir(args.data_dir)
    try:
        # Read-only: works beside the running app and never takes its lock.
        with Store.open(folder, clock=args.clock, read_only=True) as store:
            values = store.settings()
    except StoreError as exc:
        raise CliError(str(exc), code=exits.for_error(exc)) from None
    if args.format == "json":
        print(json.dumps(dict(values), indent=2))
        return 0
    width = max(len(s.key) for s in SETTINGS)
    for s in SETTINGS:
        value = values[s.key]
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        print(f"{s.key:<{width}}  {shown:<8}  {s.help}")
    return 0


def _set(args: argparse.Namespace) -> int:
    from crampcoach import paths
    from crampcoach.core.settings import SettingError, validate
    from crampcoach.store import Store, StoreError, StoreLockedError

    try:
        value = validate(args.key, args.value)
    except SettingError as exc:
        raise CliError(str(exc)) from None
    folder = paths.data_dir(args.data_dir)
    if args.key == "bedtime_routine":
        _require_routine(folder, value)
    try:
        try:
            store = Store.open(folder, clock=args.clock)
        except StoreLockedError as locked:
            message = {"cmd": "set", "key": args.key, "value": value}
            if hand_over(
                folder,
                message,
                locked,
                not_done="not changed",
                refused="the running CrampCoach refused it",
            ):
                _report(args, value, " (the running app uses it now)")
                return 0
            store = open_here(folder, args.clock, locked, LOCK_WAIT_S)
    except StoreError as exc:
        raise CliError(str(exc), code=exits.for_error(exc)) from None
    from crampcoach.core.journal import Journal

    try:
        with writing_here(store):
            # Through the journal: a write the disk refused is not applied later.
            stored = Journal(store, args.clock).set_setting(args.key, value)
    except SettingError as exc:
        raise CliError(str(exc)) from None
    if args.key == "autostart":
        _sync_autostart(bool(stored))
    _report(args, stored)
    return 0


def _report(args: argparse.Namespace, value: Any, how: str = "") -> None:
    """The setting as stored: ``key = value`` for people, an object with ``--format json``."""
    if args.format == "json":
        print(json.dumps({"key": args.key, "value": value}))
    else:
        print(f"{args.key} = {_shown(value)}{how}")


def _require_routine(folder: Path, routine_id: str) -> None:
    from crampcoach import paths
    from crampcoach.core import routines

    known = {r.id for r in routines.load_all(user_dir=paths.user_routines_dir(folder)).routines}
    if routine_id not in known:
        raise CliError(
            f"bedtime_routine: there is no routine {routine_id!r}; known: {', '.join(sorted(known))}"
        )


def _sync_autostart(enabled: bool) -> None:
    # Pure Python despite its package: importing it starts no Qt.
    from crampcoach.qt import autostart

    try:
        path = autostart.set_enabled(enabled)
    except OSError as exc:
        raise CliError(f"saved, but the login entry could not be changed: {exc}", code=1) from None
    print(f"{'created' if enabled else 'removed'} {path}", file=sys.stderr)


def _shown(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
