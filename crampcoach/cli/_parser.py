"""The argument parser class every CrampCoach command uses."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

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
