"""The argument parser class every CrampCoach command uses."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any, NamedTuple, NoReturn

from crampcoach.exits import Exit, help_text


class _Formatter(argparse.HelpFormatter):
    """Wraps descriptions as usual but keeps the exit-status table's lines."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("Exit status"):
            return "".join(indent + line + "\n" for line in text.splitlines())
        return super()._fill_text(text, width, indent)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line, never a usage dump or traceback.

    Every command's ``--help`` ends with the exit statuses (:mod:`crampcoach.exits`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("add_help", True):  # not the shared parents such as --data-dir
            kwargs.setdefault("epilog", help_text())
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(Exit.USAGE, f"{self.prog}: error: {message} (see --help)\n")


class Command(NamedTuple):
    """One parser in the tree of commands, as :func:`walk` finds it."""

    path: tuple[str, ...]  # ("log", "water"); () for the top level
    parser: argparse.ArgumentParser
    arguments: tuple[argparse.Action, ...]  # its own options and positionals
    leaf: bool  # it has no sub-commands: it runs something


def walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[Command]:
    """``parser`` and every sub-command below it, each with its own arguments.

    argparse has no public way to list a parser's arguments, so this is the
    one place that reads its ``_actions`` (shell completion and the CLI's
    convention tests both walk the tree through it).
    """
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    own = tuple(a for a in parser._actions if not isinstance(a, argparse._SubParsersAction))
    yield Command(path, parser, own, not subs)
    for sub in subs:
        for name, child in sub.choices.items():
            yield from walk(child, (*path, name))
