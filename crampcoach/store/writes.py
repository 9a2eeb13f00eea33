"""Writing the log: add, update, delete, import, and the queue of writes not saved yet.

Every write is durable when it returns (``storage.py``).  When the disk
refuses, the change stays pending (shown by every read, saved with the next
write or at close) and StoreWriteError says so; a change that is not a disk
fault is dropped, since retrying cannot help.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from typing import Any

from crampcoach.core.events import Event, event_from_dict
from crampcoach.core.journal import ImportCounts, check_event
from crampcoach.core.sync import Record, next_record, period_of, record_from_doc
from crampcoach.store import local
from crampcoach.store.errors import StoreWriteError
from crampcoach.store.folder import write_error
from crampcoach.store.queries import Queries, event_of
from crampcoach.store.settings import SharedSettings


class Writes(Queries, SharedSettings):
    """The writing half of ``Store``."""

    def add(self, event: Event) -> None:
        """Durably add a new event (fsynced and renamed when this returns).

        Adding the very same event again is a no-op (so a retried hand-over
        cannot duplicate it); a different event with a used id is a ValueError.
        Adding an event that was deleted brings it back (undo).  On a write
        error the event stays pending and StoreWriteError is raised.
        """
        check_event(event, None)  # EntryError: nothing is kept (the journal checks the time)
        with self._mutex:
            self._check_writable()
            period = period_of(event.at)
            existing = self._current(event.id, period)
            if existing is not None:
                if existing.to_dict() != event.to_dict():
                    raise ValueError(f"an event with id {event.id} exists already; use update()")
                return
            self._pending[event.id] = next_record(
                self._known(event.id, [period]), self.device, event.to_dict()
            )
            self.flush()

    def _current(self, eid: str, period: str) -> Event | None:
        if eid in self._pending:
            return event_of(self._pending[eid])
        month = self._month(period)
        if eid in month.top and self._shows(month, eid):
            return month.event(eid)
        return None

    def add_many(self, events: Iterable[Event]) -> None:
        """Durably add many new events with one write per month file (imports, benchmarks).

        All ids must be new (ValueError before anything is written).  If a
        write fails, that month's and the later months' events become pending
        and StoreWriteError is raised, as for ``add``.
        """
        batch = list(events)
        with self._mutex:
            self._check_writable()
            by_month: dict[str, list[Record]] = {}
            seen: set[str] = set()
            for ev in batch:
                check_event(ev, None)
                period = period_of(ev.at)
                month = self._month(period)
                if ev.id in seen or ev.id in month.top or ev.id in self._pending:
                    raise ValueError(f"an event with id {ev.id} exists already")
                seen.add(ev.id)
                by_month.setdefault(period, []).append(next_record([], self.device, ev.to_dict()))
            self.flush()
            self._put_many(by_month)

    def _put_many(self, by_month: Mapping[str, list[Record]]) -> None:
        periods = sorted(by_month)
        for n, period in enumerate(periods):
            month = self._month(period)
            path = self._own_path(period)
            self._before_write(path)
            try:
                month.put_many(by_month[period])
            except OSError as exc:
                for later in periods[n:]:
                    self._pending.update((rec.id, rec) for rec in by_month[later])
                raise write_error(path, exc) from exc
            self._own_periods.add(period)
            self._written.add(path)

    def update(self, event: Event) -> None:
        """Durably replace the event with the same id (KeyError if there is none)."""
        check_event(event, None)
        with self._mutex:
            self._check_writable()
            if self.get(event.id) is None:
                raise KeyError(f"no event with id {event.id}")
            self._pending[event.id] = next_record(
                self._known(event.id, [period_of(event.at)]), self.device, event.to_dict()
            )
            self.flush()

    def delete(self, event_id: str) -> Event:
        """Durably remove an event and return it (for undo); KeyError if there is none."""
        with self._mutex:
            self._check_writable()
            existing = self.get(event_id)
            if existing is None:
                raise KeyError(f"no event with id {event_id}")
            self._pending[event_id] = next_record(
                self._known(event_id, [period_of(existing.at)]),
                self.device,
                existing.to_dict(),
                deleted=True,
            )
            self.flush()
            return existing

    def discard(self, event_id: str) -> None:
        """Forget an unsaved change to ``event_id`` (a write reported as failed).

        What is on disk stays as it was; the change will not be saved later.
        """
        with self._mutex:
            self._pending.pop(event_id, None)

    def flush(self) -> None:
        """Save every pending change now; StoreWriteError if the disk still refuses."""
        with self._mutex:
            self._check_writable()
            for eid in list(self._pending):
                try:
                    self._commit(self._pending[eid])
                except StoreWriteError:
                    raise  # kept, retried with the next write
                except Exception:
                    # Not a disk fault: retrying cannot help, and keeping it
                    # would make every later write fail the same way.
                    del self._pending[eid]
                    raise
                del self._pending[eid]
            self._save_pending_settings()

    def _commit(self, rec: Record) -> None:
        """Write one record into every month it lives in (idempotent, so a retry finishes it).

        Its own month first, so a crash part-way leaves the entry shown
        (perhaps also its old version, for a moment) rather than hidden; the
        note of the write in the state folder lets the next open finish it.
        """
        order = [rec.month, *(p for p in rec.months if p != rec.month)]
        intent = self._state / local.INTENT_FILE
        if len(order) > 1:
            try:
                local.write_json(intent, rec.to_doc(""))
            except OSError as exc:
                raise write_error(intent, exc) from exc
        for period in order:
            month = self._month(period)
            path = self._own_path(period)
            assert month.own is not None
            mine = month.files[path][1].get(rec.id)
            if mine is not None and mine.record().same(rec):
                continue
            self._before_write(path)
            try:
                month.put(rec)
            except OSError as exc:
                raise write_error(path, exc) from exc
            self._own_periods.add(period)
            self._written.add(path)
        if len(order) > 1:
            with contextlib.suppress(OSError):
                intent.unlink()

    def _redo_interrupted_write(self) -> None:
        doc = local.read_json(self._state / local.INTENT_FILE)
        if doc is None:
            return
        try:
            rec = record_from_doc(doc, "")
        except (KeyError, TypeError, ValueError):
            with contextlib.suppress(OSError):
                (self._state / local.INTENT_FILE).unlink()
            return
        try:
            self._commit(rec)
        except StoreWriteError as exc:
            self.recovery.append(f"a change cut short last time could not be finished: {exc}")

    def import_events(self, events: Iterable[Event]) -> ImportCounts:
        """Merge events by id: new ones are added, known ones are left as they are.

        Idempotent: importing the same events again finds every one the same.
        An id whose entry differs here (edited or deleted since the export) is
        counted as newer elsewhere and not changed.
        """
        counts = ImportCounts()
        with self._mutex:
            self._check_writable()
            known = self.all_ids()
            by_month: dict[str, list[Record]] = {}
            for ev in events:
                check_event(ev, None)
                if ev.id in known:
                    here = self.get(ev.id)
                    if here is not None and here.to_dict() == ev.to_dict():
                        counts.same += 1
                    else:
                        counts.newer_elsewhere += 1
                    continue
                known.add(ev.id)
                counts.new += 1
                by_month.setdefault(period_of(ev.at), []).append(
                    next_record([], self.device, ev.to_dict())
                )
            self.flush()
            self._put_many(by_month)
        return counts

    def import_records(self, docs: Iterable[Mapping[str, Any]], device: str) -> ImportCounts:
        """Merge stored records (a backup or old-layout file) by id, as ``import_events``."""
        events: list[Event] = []
        refused = 0
        for doc in docs:
            try:
                rec = record_from_doc(doc, device)
                if rec.deleted:
                    continue
                events.append(event_from_dict(dict(rec.doc)))
            except (KeyError, TypeError, ValueError):
                refused += 1
        counts = self.import_events(events)
        counts.refused += refused
        return counts
