"""``crampcoach start ROUTINE``: open the app straight into the player.

When the app already runs for this data folder, ask it over
:mod:`crampcoach.ipc` (no Qt is imported then); otherwise start the GUI with
the routine.
"""

from __future__ import annotations

import argparse

from crampcoach.cli import CliError
from crampcoach.exits import Exit


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``start`` command."""
    start = sub.add_parser(
        "start",
        help="open the app straight into a routine's player",
        description="Open CrampCoach straight into the player for ROUTINE. If the app is "
        "already running, the running app starts it.",
        parents=[common],
    )
    start.add_argument("routine", metavar="ROUTINE", help="a routine id, e.g. bedtime")
    start.set_defaults(func=_start)


def _known_routines(data_dir: object) -> set[str] | None:
    """The routine ids on disk, or None when the loader is unavailable."""
    from pathlib import Path

    from crampcoach import paths

    try:
        from crampcoach.core import routines
    except ImportError:  # pragma: no cover - only while the loader is being written
        return None
    result = routines.load_all(user_dir=paths.user_routines_dir(Path(str(data_dir))))
    return {r.id for r in result.routines}


def _start(args: argparse.Namespace) -> int:
    from crampcoach import ipc, paths

    data_dir = paths.data_dir(args.data_dir)
    known = _known_routines(data_dir)
    if known is not None and args.routine not in known:
        raise CliError(
            f"unknown routine {args.routine!r}; known routines: {', '.join(sorted(known))} "
            "(a bad routine file is not listed: check it with 'crampcoach routines check')"
        )
    try:
        reply = ipc.send(data_dir, {"cmd": "start", "routine": args.routine})
    except ipc.IpcError:
        pass  # no app running (or a stale socket): start one
    else:
        if not reply.get("ok"):
            raise CliError(
                f"the running app could not start it: {reply.get('error')}", code=Exit.REFUSED
            )
        return 0
    from crampcoach.qt.launch import run  # Qt is imported only here

    args.data_dir = str(data_dir)
    return run(args)
