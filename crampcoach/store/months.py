"""One month of the log as every computer's files show it.

A month is the files ``devices/*/events-YYYY-MM.json`` (one per computer, each
written only by that computer) plus any conflict copies of them a sync tool
left.  ``Month`` merges them with the rule of ``crampcoach.core.sync``: per
id the best record across the files, kept with a time index of the entries
that may show (whether an entry that has lived in several months shows is
asked of those months by the store, see ``sync.visible``).

Only this computer's own file is written, through TinyDB and the crash-safe
``AtomicJSONStorage``; the others are parsed once and re-read only when their
inode, size or times change.
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Collection, Iterable, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from crampcoach.core.events import Event, event_from_dict
from crampcoach.core.sync import DELETED, DEVICE, MONTHS, REV, Record, outranks, record_from_doc
from crampcoach.store.storage import AtomicJSONStorage, Tables

EVENTS_TABLE = "events"


def month_bounds(period: str) -> tuple[float, float]:
    """The UTC timestamps where a ``YYYY-MM`` month starts and the next one starts."""
    year, month = int(period[:4]), int(period[5:7])
    start = datetime(year, month, 1, tzinfo=UTC)
    days = calendar.monthrange(year, month)[1]
    return start.timestamp(), start.timestamp() + days * 86400.0


def file_key(path: Path) -> list[int] | None:
    """What changes whenever a file is replaced: its inode, size and times."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


class _Top:
    """The best record of one id in a month, without building a ``Record`` unless needed."""

    __slots__ = ("device", "doc", "folder_device", "multi", "rev", "ts")

    def __init__(
        self, doc: dict[str, Any], ts: float, rev: int, device: str, folder_device: str
    ) -> None:
        self.doc = doc
        self.ts = ts
        self.rev = rev
        self.device = device
        self.folder_device = folder_device
        self.multi = MONTHS in doc

    @property
    def deleted(self) -> bool:
        return self.doc.get(DELETED) is True

    def record(self) -> Record:
        return record_from_doc(self.doc, self.folder_device)

    def beats(self, other: _Top) -> bool:
        if self.rev != other.rev:
            return self.rev > other.rev
        if self.device != other.device:
            return self.device > other.device
        return outranks(self.record(), other.record())


def _entry(doc: object, folder_device: str, bounds: tuple[float, float]) -> tuple[str, _Top]:
    """Check one stored document cheaply; ValueError/KeyError/TypeError if it is not an entry."""
    if not isinstance(doc, dict):
        raise TypeError("not an object")
    eid = doc["id"]
    if not isinstance(eid, str) or not eid:
        raise ValueError("no id")
    at = datetime.fromisoformat(doc["at"])
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("naive time")
    ts = at.timestamp()
    rev = doc.get(REV, 1)
    device = doc.get(DEVICE, folder_device)
    if type(rev) is not int or rev < 1 or not isinstance(device, str) or not device:
        raise ValueError("damaged revision")
    top = _Top(doc, ts, rev, device, folder_device)
    if top.multi or not bounds[0] <= ts < bounds[1]:
        top.record()  # checks the month list (and the time's month) fully
    return eid, top


@dataclass
class Source:
    """One file of a month: this computer's, another computer's, or a conflict copy."""

    path: Path
    device: str
    conflict: bool = False


class OwnFile:
    """This computer's file for the month, written through TinyDB."""

    def __init__(self, path: Path, tables: Tables, read_only: bool) -> None:
        self.path = path
        self.db = TinyDB(path, tables, read_only, storage=AtomicJSONStorage)
        storage = self.db.storage
        assert isinstance(storage, AtomicJSONStorage)
        self.storage = storage
        # No query cache: the month keeps its own index.
        self.table: Table = self.db.table(EVENTS_TABLE, cache_size=0)
        self.doc_ids: dict[str, int] = {}

    def docs(self) -> dict[str, Any]:
        return self.storage.peek().get(EVENTS_TABLE, {})

    def put(self, doc: dict[str, Any]) -> None:
        """Insert or replace this computer's record of ``doc["id"]`` (raises OSError)."""
        eid = doc["id"]
        if eid in self.doc_ids:

            def replace(stored: MutableMapping[Any, Any]) -> None:
                stored.clear()
                stored.update(doc)

            self.table.update(replace, doc_ids=[self.doc_ids[eid]])
        else:
            self.doc_ids[eid] = self.table.insert(doc)

    def put_many(self, docs: list[dict[str, Any]]) -> None:
        """Insert records of new ids with one write (raises OSError)."""
        for doc, doc_id in zip(docs, self.table.insert_multiple(docs), strict=True):
            self.doc_ids[doc["id"]] = doc_id


class Month:
    """The merged view of one month; see the module docstring."""

    def __init__(self, period: str, device: str) -> None:
        self.period = period
        self.device = device
        self.bounds = month_bounds(period)
        self.own: OwnFile | None = None
        #: path -> (source, its documents by id, its file key when read)
        self.files: dict[Path, tuple[Source, dict[str, _Top], list[int] | None]] = {}
        self.top: dict[str, _Top] = {}
        self.index: list[tuple[float, str]] = []
        self.parsed: dict[str, Event] = {}
        self.unreadable = 0

    # -- building --------------------------------------------------------------

    def add_file(
        self, source: Source, tables: Tables, key: list[int] | None, *, own: OwnFile | None = None
    ) -> None:
        """Merge one file's entries (``own``: this computer's file, with its TinyDB)."""
        entries: dict[str, _Top] = {}
        raw = tables.get(EVENTS_TABLE, {})
        for doc_id, doc in raw.items():
            try:
                eid, top = _entry(doc, source.device, self.bounds)
                if eid in entries:
                    raise ValueError(eid)
                number = int(doc_id)
            except (KeyError, TypeError, ValueError):
                if own is not None:
                    self.unreadable += 1
                continue
            entries[eid] = top
            if own is not None:
                own.doc_ids[eid] = number
        if own is not None:
            self.own = own
        self.files[source.path] = (source, entries, key)
        for eid, top in entries.items():
            self._consider(eid, top)

    def drop_file(self, path: Path) -> None:
        """Forget a file (it changed or went away) and rebuild the merged view."""
        self.files.pop(path, None)
        self.rebuild()

    def rebuild(self) -> None:
        """Merge the files again from their entries."""
        self.top.clear()
        self.index.clear()
        self.parsed.clear()
        for _source, entries, _key in self.files.values():
            for eid, top in entries.items():
                self._consider(eid, top)

    def _consider(self, eid: str, top: _Top) -> None:
        current = self.top.get(eid)
        if current is not None:
            if current is top or not top.beats(current):
                return
            self._unindex(eid, current)
        self.top[eid] = top
        self.parsed.pop(eid, None)
        if not top.deleted and self.bounds[0] <= top.ts < self.bounds[1]:
            bisect.insort(self.index, (top.ts, eid))

    def _unindex(self, eid: str, top: _Top) -> None:
        pos = bisect.bisect_left(self.index, (top.ts, eid))
        if pos < len(self.index) and self.index[pos] == (top.ts, eid):
            del self.index[pos]

    # -- reading -----------------------------------------------------------------

    def between(
        self, start: float | None, end: float | None, types: Collection[str] | None = None
    ) -> list[str]:
        """Ids of candidate entries with start <= time < end, in time order.

        ``types``: only entries whose stored ``type`` is one of these (the
        values of ``EventType``).  Read off the stored document, so the other
        entries are never parsed: "last done" at every start wants the
        sessions of the current month, about one entry in eight of it.
        """
        lo = 0 if start is None else bisect.bisect_left(self.index, (start,))
        hi = len(self.index) if end is None else bisect.bisect_left(self.index, (end,))
        if types is None:
            return [eid for _ts, eid in self.index[lo:hi]]
        top = self.top
        return [eid for _ts, eid in self.index[lo:hi] if top[eid].doc.get("type") in types]

    def event(self, eid: str) -> Event | None:
        """The best record's event (parsed once); None if it cannot be read."""
        cached = self.parsed.get(eid)
        if cached is not None:
            return cached
        top = self.top[eid]
        doc = top.doc
        if top.multi or REV in doc or DEVICE in doc or DELETED in doc:
            doc = dict(top.record().doc)
        try:
            ev = event_from_dict(doc)
        except (KeyError, TypeError, ValueError):
            return None
        self.parsed[eid] = ev
        return ev

    def records_of(self, eid: str) -> list[Record]:
        """Every record of ``eid`` in this month's files."""
        out: list[Record] = []
        for _source, entries, _key in self.files.values():
            top = entries.get(eid)
            if top is not None:
                out.append(top.record())
        return out

    def best(self, eid: str) -> Record | None:
        """The best record of ``eid`` in this month."""
        top = self.top.get(eid)
        return None if top is None else top.record()

    def only_in_conflict_copies(self) -> list[tuple[Source, Record]]:
        """Best records found only in conflict copies (to keep before archiving them)."""
        regular: dict[str, list[_Top]] = {}
        for source, entries, _key in self.files.values():
            if not source.conflict:
                for eid, top in entries.items():
                    regular.setdefault(eid, []).append(top)
        out: list[tuple[Source, Record]] = []
        for source, entries, _key in self.files.values():
            if not source.conflict:
                continue
            for eid, top in entries.items():
                if self.top.get(eid) is top and not any(
                    t.rev == top.rev and t.device == top.device and t.doc == top.doc
                    for t in regular.get(eid, ())
                ):
                    out.append((source, top.record()))
        return out

    def conflict_sources(self) -> list[Source]:
        """The conflict copies merged into this month."""
        return [s for s, _e, _k in self.files.values() if s.conflict]

    # -- writing (this computer's file only) ----------------------------------------

    def put(self, record: Record) -> None:
        """Store ``record`` in this computer's file durably (raises OSError, nothing changed)."""
        assert self.own is not None
        doc = record.to_doc(self.device)
        self.own.put(doc)
        self._own_changed(record.id, doc)

    def put_many(self, records: Iterable[Record]) -> None:
        """Store records of new ids with one write (raises OSError, nothing changed)."""
        assert self.own is not None
        docs = [rec.to_doc(self.device) for rec in records]
        self.own.put_many(docs)
        for doc in docs:
            self._own_changed(doc["id"], doc)

    def _own_changed(self, eid: str, doc: dict[str, Any]) -> None:
        assert self.own is not None
        _source, entries, _key = self.files[self.own.path]
        _eid, top = _entry(doc, self.device, self.bounds)
        old = entries.get(eid)
        entries[eid] = top
        current = self.top.get(eid)
        if current is old and current is not None:
            # Our own earlier record was the best: the new one may rank lower
            # only if another file holds a better one, so rebuild this id.
            self._unindex(eid, current)
            del self.top[eid]
            self.parsed.pop(eid, None)
            for _s, other_entries, _k in self.files.values():
                candidate = other_entries.get(eid)
                if candidate is not None:
                    self._consider(eid, candidate)
        else:
            self._consider(eid, top)
