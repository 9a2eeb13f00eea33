"""The session recorder: the player's one write, through the journal, once, with a retry."""

from __future__ import annotations

from crampcoach.core.clock import FakeClock
from crampcoach.core.journal import Change, Journal
from crampcoach.core.session import Outcome, Session
from crampcoach.core.session_log import SessionRecorder
from crampcoach.store import StoreError, StoreReadOnlyError, StoreWriteError
from tests.fakes import FailingStore, MemoryStore
from tests.unit.session.helpers import routine, step


def _stopped_outcome(clock: FakeClock) -> Outcome:
    """The first of two steps done, then stopped."""
    session = Session(routine(step("Calf", 30), step("Hamstring", 30)), clock)
    session.start()
    clock.advance(31)
    session.tick()
    session.stop()
    return session.outcome()


def _recorder(store: MemoryStore, clock: FakeClock) -> tuple[SessionRecorder, list[Change]]:
    journal = Journal(store, clock)
    heard: list[Change] = []
    journal.changed.connect(heard.append)
    recorder = SessionRecorder(journal, failures=(StoreError,), retryable=(StoreWriteError,))
    return recorder, heard


def test_the_outcome_is_written_once_through_the_journal_and_heard() -> None:
    clock = FakeClock()
    store = MemoryStore()
    recorder, heard = _recorder(store, clock)
    outcome = _stopped_outcome(clock)
    event = recorder.record(outcome)
    assert recorder.recorded and recorder.error is None
    assert store.events() == [event] and not event.completed and event.steps_done == (0,)
    assert heard == [Change(event_id=event.id)]  # the windows refresh from this
    assert recorder.record(outcome) is event and store.events() == [event]  # once


def test_a_full_disk_is_told_kept_and_saved_by_a_retry() -> None:
    clock = FakeClock()
    store = FailingStore()
    recorder, _heard = _recorder(store, clock)
    event = recorder.record(_stopped_outcome(clock))
    assert not recorder.recorded and recorder.can_retry
    assert recorder.error == "no space left on device" and store.saved == []
    assert recorder.retry() is False  # still full
    store.broken = False
    assert recorder.retry() is True and store.saved == [event] and recorder.error is None


def test_a_read_only_log_is_told_without_a_retry() -> None:
    class ReadOnly(MemoryStore):
        def add(self, event: object) -> None:
            raise StoreReadOnlyError("the log is open read-only")

    clock = FakeClock()
    recorder, heard = _recorder(ReadOnly(), clock)
    recorder.record(_stopped_outcome(clock))
    assert not recorder.recorded and not recorder.can_retry and heard == []
    assert recorder.error == "the log is open read-only"
    assert recorder.retry() is False
