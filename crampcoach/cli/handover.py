"""Handing a change to the running app, for every command that writes.

The app holds the store's lock while it runs, so ``log``, ``settings set``,
``import`` and ``devices --name`` give their change to it over its socket
(:mod:`crampcoach.ipc`) and it writes it through its own journal.  One
function here so that they wait for a starting app, word their failures and
choose their exit statuses the same way.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crampcoach import exits
from crampcoach.cli import CliError

if TYPE_CHECKING:
    from crampcoach.core.clock import Clock
    from crampcoach.store import Store


def hand_over(
    folder: Path,
    message: dict[str, Any],
    locked: Exception,
    *,
    not_done: str,
    refused: str,
    what: str = "entry",
) -> dict[str, Any] | None:
    """Give ``message`` to the app that holds the lock; its reply once it took it.

    Waits while an app that holds the lock is still starting (saying so once
    on stderr: "waiting for it to take the ``what``").  None when the lock
    came free meanwhile: the caller writes itself.  Otherwise CliError:
    ``"{not_done}: ..."`` when the socket belongs to another user (UNTRUSTED)
    or nobody answered (BUSY, naming ``locked``), and ``"{refused}: <the
    app's reason>"`` when the app refused it (NOT_SAVED for a disk that
    refused the app's write, else REFUSED).
    """
    from crampcoach import ipc
    from crampcoach.store.lock import is_free

    try:
        reply = ipc.send_when_ready(
            folder,
            message,
            lambda: is_free(folder),
            waiting=lambda: print(
                f"crampcoach: the app is starting; waiting for it to take the {what}",
                file=sys.stderr,
                flush=True,
            ),
        )
    except ipc.UntrustedPeer as exc:
        raise CliError(f"{not_done}: {exc}", code=exits.UNTRUSTED) from None
    except ipc.IpcError as exc:
        raise CliError(f"{not_done}: {locked}; no app answered ({exc})", code=exits.BUSY) from None
    if reply is None:
        return None
    if not reply.get("ok"):
        raise CliError(
            f"{refused}: {reply.get('error', 'no reason given')}", code=exits.for_refusal(reply)
        )
    return reply


def open_here(folder: Path, clock: Clock, locked: Exception, wait: float) -> Store:
    """The store for this process once no app took the change.

    The lock's holder was no app (another short command) or it went away
    meanwhile: wait up to ``wait`` seconds for it, then BUSY naming ``locked``.
    """
    from crampcoach.store import Store, StoreLockedError

    try:
        return Store.open(folder, clock=clock, lock_timeout=wait)
    except StoreLockedError:
        raise CliError(str(locked), code=exits.BUSY) from None


@contextlib.contextmanager
def writing_here(store: Store) -> Iterator[Store]:
    """This process writes itself: say what the store repaired, refuse loudly, always close.

    A write the disk refused is "not saved" (NOT_SAVED) and, through the
    journal, never applied later; closing after it does not raise again.
    """
    from crampcoach.store import StoreWriteError

    try:
        for line in store.untold():
            print(f"crampcoach: {line}", file=sys.stderr)
        yield store
    except StoreWriteError as exc:
        raise CliError(f"not saved: {exc}", code=exits.NOT_SAVED) from None
    finally:
        with contextlib.suppress(StoreWriteError):
            store.close()
