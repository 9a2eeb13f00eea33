"""``crampcoach desktop install|remove``: the application menu entry, icons and metainfo."""

from __future__ import annotations

import argparse
import json

from crampcoach.cli import CliError, add_format


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``desktop`` commands."""
    desktop = sub.add_parser(
        "desktop",
        help="add CrampCoach to (or remove it from) your application menu",
        description="Add CrampCoach to your desktop's application menu, or take it out "
        "again: the menu entry (starting this installation by its absolute path), the icon "
        "at every size in your hicolor icon theme, and AppStream metadata for software "
        "centres, all under $XDG_DATA_HOME (default ~/.local/share).",
        parents=[common],
    )
    desktop_sub = desktop.add_subparsers(dest="desktop_command", metavar="COMMAND", required=True)
    install = desktop_sub.add_parser(
        "install", help="write the menu entry, icons and metainfo", parents=[common]
    )
    add_format(install)
    install.set_defaults(func=_install)
    remove = desktop_sub.add_parser(
        "remove", help="remove what 'desktop install' wrote", parents=[common]
    )
    add_format(remove)
    remove.set_defaults(func=_remove)


def _install(args: argparse.Namespace) -> int:
    from crampcoach import desktop

    try:
        written = desktop.install()
    except OSError as exc:
        raise CliError(f"could not add the menu entry: {exc}", code=1) from None
    if args.format == "json":
        print(json.dumps({"installed": [str(p) for p in written], "exec": desktop.exec_line()}))
    else:
        print(f"Added CrampCoach to your application menu ({len(written)} files).")
        print(f"  menu entry: {written[0]}")
        print(f"  it runs:    {desktop.exec_line()}")
        print("Undo with: crampcoach desktop remove")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from crampcoach import desktop

    try:
        removed = desktop.remove()
    except OSError as exc:
        raise CliError(f"could not remove the menu entry: {exc}", code=1) from None
    if args.format == "json":
        print(json.dumps({"removed": [str(p) for p in removed]}))
    elif removed:
        print(f"Removed CrampCoach from your application menu ({len(removed)} files).")
    else:
        print("CrampCoach was not in your application menu; nothing to remove.")
    return 0
