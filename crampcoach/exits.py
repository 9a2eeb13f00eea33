"""The exit statuses of every ``crampcoach`` command, as ``crampcoach --help`` lists them.

Distinct numbers so that a script can tell "you typed it wrong" from "the disk
refused" from "another CrampCoach holds the log".  Pure Python; the CLI and the
GUI's launch (which hands requests to a running app) both use it.
"""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """A command's exit status."""

    OK = 0
    FAILED = 1  # the command could not do its job
    USAGE = 2  # the command line or a value in it is wrong
    BUSY = 3  # another CrampCoach holds the data folder and did not answer
    REFUSED = 4  # the running app answered but refused the request
    DATA_FOLDER = 5  # the data folder is a file, under a file, unreadable or read-only
    UNREADABLE = 6  # a file in the data folder cannot be read
    UNTRUSTED = 7  # the app's socket or its folder belongs to another user
    INTERRUPTED = 130  # Ctrl+C (as a shell reports SIGINT)
    PIPE = 141  # the reader of the output went away (as a shell reports SIGPIPE)


MEANINGS: dict[Exit, str] = {
    Exit.OK: "done",
    Exit.FAILED: "could not do it: a file could not be read or written, "
    "'routines check' found problems, or there is no display for the window",
    Exit.USAGE: "a wrong command line or value (an unknown option, routine, document "
    "or setting, a time in the future)",
    Exit.BUSY: "the data folder is in use by another CrampCoach that did not answer",
    Exit.REFUSED: "the running CrampCoach refused the request (the message says why)",
    Exit.DATA_FOLDER: "the data folder cannot be used: it is a file, under a file, "
    "unreadable or read-only",
    Exit.UNREADABLE: "a file in the data folder cannot be read",
    Exit.UNTRUSTED: "the running app's socket or its folder belongs to another user; "
    "nothing was sent",
    Exit.INTERRUPTED: "interrupted (Ctrl+C)",
    Exit.PIPE: "the output was closed early (e.g. by 'head')",
}


def help_text() -> str:
    """The "Exit status" section of ``--help``."""
    import textwrap

    lines = ["Exit status (errors are one line on standard error):"]
    for code in Exit:
        lines += textwrap.wrap(
            MEANINGS[code],
            width=76,
            initial_indent=f"  {code.value:>3}  ",
            subsequent_indent=" " * 7,
        )
    return "\n".join(lines)


# The names the store and hand-over faults use.
NOT_SAVED = Exit.FAILED  # the disk refused the write: nothing was saved
USAGE = Exit.USAGE
BUSY = Exit.BUSY
DATA_FOLDER = Exit.DATA_FOLDER
UNREADABLE = Exit.UNREADABLE
UNTRUSTED = Exit.UNTRUSTED


def for_error(exc: BaseException) -> int:
    """The status for a store or data-folder fault."""
    from crampcoach import paths
    from crampcoach.store.errors import DataFolderError, StoreLockedError, UnreadableFileError

    if isinstance(exc, paths.DataFolderError | DataFolderError):
        return DATA_FOLDER
    if isinstance(exc, UnreadableFileError):
        return UNREADABLE
    if isinstance(exc, StoreLockedError):
        return BUSY
    return NOT_SAVED


#: A refusal reply's ``fault`` when the running app's disk refused the write.
NOT_SAVED_FAULT = "not_saved"


def for_refusal(reply: dict[str, object]) -> int:
    """The status for a running app's ``{"ok": false}`` reply.

    The same fault gives the same status whether the CLI wrote itself or
    handed the entry over: a disk that refused the app's write is NOT_SAVED
    (a script may retry it), anything else the app refused is REFUSED.
    """
    return NOT_SAVED if reply.get("fault") == NOT_SAVED_FAULT else Exit.REFUSED
