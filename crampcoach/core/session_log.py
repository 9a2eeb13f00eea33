"""Writing a finished session to the log: the player's one write, done here and not in Qt.

The player shows a session; when it ends, the outcome goes to a
:class:`SessionRecorder`, which the composition root makes over the app's
journal (so the write is validated and the windows hear it like any other)
and gives the store's error types, which core does not know.  The recorder
keeps what the summary says: recorded, or why not and whether a retry can
help.  Pure: no Qt, no store.
"""

from __future__ import annotations

from collections.abc import Callable

from crampcoach.core.events import SessionEvent
from crampcoach.core.journal import Journal
from crampcoach.core.session import Outcome


class SessionRecorder:
    """Records one session's outcome through the journal, once, and remembers how it went.

    ``failures``: the errors a write may meet (the store's), told instead of
    raised; ``retryable``: those of them after which the entry stays pending and
    :meth:`retry` can save it (a full disk), unlike, say, a read-only log.
    """

    def __init__(
        self,
        journal: Journal,
        *,
        failures: tuple[type[Exception], ...],
        retryable: tuple[type[Exception], ...] = (),
        source: str = "app",
    ) -> None:
        self.journal = journal
        self._failures = failures
        self._retryable = retryable
        self._source = source
        #: The outcome's log entry, once recorded (or tried).
        self.event: SessionEvent | None = None
        self.recorded = False
        #: Why the last write failed, in the store's words (None when it did not).
        self.error: str | None = None
        self.can_retry = False

    def record(self, outcome: Outcome) -> SessionEvent:
        """Write ``outcome`` (once: a second call returns the first entry unchanged)."""
        if self.event is None:
            self.event = outcome.to_event(self._source)
            event = self.event
            # Kept pending on a disk fault, so retry() can still save it.
            self._attempt(lambda: self.journal.add(event, keep=True))
        return self.event

    def retry(self) -> bool:
        """Try again to save a session the disk refused; True once it is recorded."""
        if self.event is not None and not self.recorded and self.can_retry:
            # flush() saves every pending change, this session included.
            self._attempt(self.journal.flush)
        return self.recorded

    def _attempt(self, write: Callable[[], object]) -> None:
        try:
            write()
        except self._failures as exc:
            self.recorded = False
            self.error = str(exc)
            self.can_retry = isinstance(exc, self._retryable)
            return
        self.recorded, self.error = True, None
