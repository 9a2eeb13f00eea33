"""``crampcoach completion bash|zsh|fish``: a shell completion script made from the parser.

shtab reads the same argparse parser the commands run with, so the script
never drifts from the options; only files and folders are marked here.
"""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh", "fish")
# Where each shell looks for a completion file of the user's (shown in --help).
_WHERE = {
    "bash": "~/.local/share/bash-completion/completions/crampcoach",
    "zsh": "a folder on $fpath, as _crampcoach",
    "fish": "~/.config/fish/completions/crampcoach.fish",
}


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the ``completion`` command."""
    where = "; ".join(f"{shell}: {path}" for shell, path in _WHERE.items())
    cmd = sub.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description="Print the completion script for SHELL. Try it with "
        "'source <(crampcoach completion bash)'; to keep it, save the output to: "
        f"{where}.",
    )
    cmd.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")
    cmd.set_defaults(func=_completion)


def _mark_paths(parser: argparse.ArgumentParser) -> None:
    """Complete file and folder arguments with paths (shtab reads ``action.complete``)."""
    import shtab

    from crampcoach.cli._parser import walk

    for command in walk(parser):
        for action in command.arguments:
            if action.dest == "data_dir":
                action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
            elif action.dest in ("paths", "output"):
                action.complete = shtab.FILE  # type: ignore[attr-defined]


def _completion(args: argparse.Namespace) -> int:
    import shtab

    from crampcoach.cli import build_parser

    parser = build_parser()
    _mark_paths(parser)
    print(shtab.complete(parser, shell=args.shell))
    return 0
