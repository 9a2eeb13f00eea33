"""Command-line entry: parses arguments and dispatches to a sub-command module.

No Qt is imported on any path here unless the GUI starts.  Each module in
``COMMAND_MODULES`` has ``register(subparsers, common)`` that adds its commands
and sets ``func`` (``args -> exit code``) on them; heavy imports belong inside
those functions.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from crampcoach.core.clock import Clock

from crampcoach import __version__
from crampcoach.exits import Exit

COMMAND_MODULES: tuple[str, ...] = (
    "docs",
    "routines",
    "start",
    "log",
    "export",
    "review",
    "settings",
    "desktop",
    "sync",
    "completion",
    "trial",
    "day",
)


class CliError(Exception):
    """A user-facing error: printed as one line on stderr, exit status ``code`` (see exits)."""

    def __init__(self, message: str, code: int = Exit.USAGE) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    """The full parser, every sub-command registered."""
    import argparse  # here: a bare launch of the app never parses arguments

    from crampcoach.cli._parser import Parser

    # --data-dir works before or after the sub-command; SUPPRESS keeps a
    # sub-command's absent option from overwriting the top-level one.
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="where your log and settings live (default: $CRAMPCOACH_DATA_DIR, "
        "else the platform's per-user data folder)",
    )
    parser = Parser(
        prog="crampcoach",
        description="Guided leg stretching, reminders and an adherence review. "
        "With no command, the app opens.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"crampcoach {__version__}")
    parser.add_argument(
        "--hidden",
        action="store_true",
        help="start in the system tray without opening the window (what 'start at login' "
        "uses); with no tray, the window opens anyway and says why",
    )
    # Not data_dir=None here: set_defaults would overwrite the default of the
    # --data-dir action that every sub-parser shares through `common`, and a
    # sub-parser would then reset a leading --data-dir to None.
    parser.set_defaults(func=_run_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"crampcoach.cli.{name}").register(sub, common)
    return parser


def _run_gui(args: Any) -> int:
    from crampcoach.qt.launch import run  # Qt is imported only here

    return run(args)


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run the command line; returns the process exit code.

    This is the command line's composition root: it makes the one clock (the
    real one, unless a test hands in a ``FakeClock``) and every command (and
    the app it may start) reads the time and the zone from ``args.clock``.
    """
    if clock is None:
        from crampcoach.core.clock import SystemClock  # light: the zone is looked up when asked

        clock = SystemClock()
    if argv is None:
        argv = sys.argv[1:]
    if not argv or list(argv) == ["--hidden"]:
        # A bare launch (the desktop entry) or the login entry's ``--hidden``
        # opens the GUI: skip argparse and every sub-command module, which cost
        # start-up time.
        args: Any = SimpleNamespace(data_dir=None, func=_run_gui, hidden=bool(argv), clock=clock)
    else:
        import argparse

        args = build_parser().parse_args(argv, argparse.Namespace(data_dir=None, clock=clock))
    try:
        code: int = args.func(args)
        sys.stdout.flush()  # inside the try, so a closed pipe is caught here
    except CliError as exc:
        print(f"crampcoach: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return Exit.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`crampcoach routines list | head`).  Python's
        # documented recipe: point stdout at devnull so the interpreter's last
        # flush does not print a second traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return Exit.PIPE  # what a shell reports for SIGPIPE
    except Exception as exc:
        fault = _fault(exc)
        if fault is None:
            raise
        return fault
    return code


def _fault(exc: Exception) -> int | None:
    """A fault no command caught, as one line and a status; None for a bug (a traceback)."""
    from crampcoach import exits, paths
    from crampcoach.store.errors import StoreError

    if isinstance(exc, paths.DataFolderError | StoreError):
        print(f"crampcoach: {exc}", file=sys.stderr)
        return exits.for_error(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        print(
            f"crampcoach: {exc.strerror or exc}{where}; check the file's owner, rights and disk",
            file=sys.stderr,
        )
        return exits.UNREADABLE
    return None


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    """Add the shared ``--format`` option."""
    parser.add_argument("--format", choices=choices or ("text", "json"), default="text")
