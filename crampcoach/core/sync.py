"""The log merged from every computer's files: one rule, any order, the same answer.

Each computer (a *device*) writes only its own files, so a file-sync tool never
sees two computers change one file.  An entry is a series of immutable
*records* sharing its id: creating it is revision 1; an edit or a delete is a
new record with a higher revision (a delete is a *tombstone* that keeps the
last content, for undo).  Which record stands is decided by one total order,
``rank``: the highest revision, then the highest device id, then the highest
content digest (two different records with the same revision and device only
arise from a copied device folder; the digest still picks one, the same one on
every computer).  ``merge`` is therefore a function of the *set* of records:
files arriving in any order, twice, or as conflict copies give the same log.

Records are kept in month files (by their event time).  An edit may move an
entry to another month, and a computer reading one month must still know when
a record there has been outranked elsewhere.  So every record lists the
months its id has lived in (``months``: the union of what its writer knew,
always including the month it was created in), and the writer puts a copy of
the record in each of them.  A record found in a month then shows there only
if it is the month's best record for its id, its event time is in that month
and none of its other months holds a better one (``visible``).  As every
record's months include the creation month, and every record is copied there,
exactly one record of an id shows anywhere: the global winner (or none, if it
is a tombstone).  (This needs an id's first records to agree on their month:
ids are 128 random bits, made with the entry and its time, so two computers
can only create "the same" entry by importing one file.)

Settings merge per key, each change stamped by a hybrid logical clock
(``next_stamp``): wall-clock milliseconds, but never behind a change already
seen, so a change made after reading another computer's wins over it even if
this computer's clock is slow.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

#: Record metadata kept beside the event's own fields in a stored document.
REV = "_rev"
DEVICE = "_dev"
DELETED = "_del"
MONTHS = "_months"
META_KEYS = frozenset({REV, DEVICE, DELETED, MONTHS})


def period_of(at: datetime) -> str:
    """The ``YYYY-MM`` (UTC) month an event time belongs to."""
    return at.astimezone(UTC).strftime("%Y-%m")


def period_of_iso(at: str) -> str:
    """``period_of`` for an ISO-8601 time string (ValueError if it is not one, or naive)."""
    moment = datetime.fromisoformat(at)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"time without a UTC offset: {at!r}")
    return period_of(moment)


@dataclass(frozen=True, eq=False)
class Record:
    """One immutable version of an entry.

    ``doc`` is the event as ``Event.to_dict`` gives it (what export shows);
    ``months`` is the sorted tuple of months the id has lived in, its own
    month (``month``) included.
    """

    id: str
    rev: int
    device: str
    deleted: bool
    doc: Mapping[str, Any]
    months: tuple[str, ...]
    month: str
    _digest: list[str] = field(default_factory=list, repr=False, compare=False)

    @property
    def digest(self) -> str:
        """SHA-256 of the record's canonical JSON (computed on first use: only ties need it)."""
        if not self._digest:
            import hashlib  # only ties need it: kept out of start-up

            canonical = json.dumps(
                [self.id, self.rev, self.device, self.deleted, self.doc, self.months],
                sort_keys=True,
                separators=(",", ":"),
                ensure_ascii=True,
            )
            self._digest.append(hashlib.sha256(canonical.encode("ascii")).hexdigest())
        return self._digest[0]

    def same(self, other: Record) -> bool:
        """Whether both are the very same record (a copy of it in another file, say)."""
        return self.rev == other.rev and self.device == other.device and self.digest == other.digest

    def to_doc(self, folder_device: str) -> dict[str, Any]:
        """The stored document: the event's fields plus only the metadata that is not implied.

        Revision 1, the folder's own device and a single month are the
        defaults, so an entry never edited is stored exactly as the event dict.
        """
        out = dict(self.doc)
        if self.rev != 1:
            out[REV] = self.rev
        if self.device != folder_device:
            out[DEVICE] = self.device
        if self.deleted:
            out[DELETED] = True
        if self.months != (self.month,):
            out[MONTHS] = list(self.months)
        return out


def outranks(a: Record, b: Record) -> bool:
    """Whether ``a`` stands over ``b``: higher revision, then device id, then digest."""
    if a.rev != b.rev:
        return a.rev > b.rev
    if a.device != b.device:
        return a.device > b.device
    return a.digest > b.digest


def best(records: Iterable[Record]) -> Record | None:
    """The standing record among ``records`` (None for none)."""
    top: Record | None = None
    for rec in records:
        if top is None or outranks(rec, top):
            top = rec
    return top


def record_from_doc(doc: Mapping[str, Any], folder_device: str) -> Record:
    """Read a stored document (ValueError/KeyError/TypeError if it is not a record).

    A document without metadata (every entry of a folder from before sync)
    is revision 1 of the folder's device, living in its own month.
    """
    eid = doc["id"]
    if not isinstance(eid, str) or not eid:
        raise ValueError("an entry without a proper id")
    month = period_of_iso(doc["at"])
    rev = doc.get(REV, 1)
    device = doc.get(DEVICE, folder_device)
    deleted = doc.get(DELETED, False)
    months_raw = doc.get(MONTHS)
    if type(rev) is not int or rev < 1 or not isinstance(device, str) or not device:
        raise ValueError("an entry with damaged revision data")
    if not isinstance(deleted, bool):
        raise ValueError("an entry with a damaged delete mark")
    if months_raw is None:
        months: tuple[str, ...] = (month,)
    else:
        if not isinstance(months_raw, list) or not all(isinstance(m, str) for m in months_raw):
            raise ValueError("an entry with a damaged month list")
        months = tuple(sorted({*months_raw, month}))
    body = {k: v for k, v in doc.items() if k not in META_KEYS}
    return Record(eid, rev, device, deleted, body, months, month)


def next_record(
    known: Iterable[Record],
    device: str,
    doc: Mapping[str, Any],
    *,
    deleted: bool = False,
) -> Record:
    """The record a device writes to create, edit or delete an entry.

    ``known`` is every record of the id the device can see (empty for a new
    entry).  The new revision is one above the highest known; the months are
    all months any known record lived in, plus the new one.
    """
    seen = list(known)
    month = period_of_iso(doc["at"])
    months = {month}
    for rec in seen:
        months.update(rec.months)
    rev = 1 + max((rec.rev for rec in seen), default=0)
    body = {k: v for k, v in doc.items() if k not in META_KEYS}
    return Record(str(doc["id"]), rev, device, deleted, body, tuple(sorted(months)), month)


def visible(record: Record, month: str, best_in: Callable[[str, str], Record | None]) -> bool:
    """Whether ``record``, the best record of its id in ``month``, shows in that month.

    ``best_in(month, id)`` is the best record of ``id`` in another month
    (reading that month if need be).  See the module docstring for why this
    shows every live entry exactly once.
    """
    if record.deleted or record.month != month:
        return False
    for other_month in record.months:
        if other_month == month:
            continue
        other = best_in(other_month, record.id)
        if other is not None and outranks(other, record):
            return False
    return True


class MergedLog:
    """Records from any number of files, merged; files may be added in any order.

    The reference implementation of the month view the store keeps (the
    store does the same per month, reading months lazily); tests compare
    both with ``winners``.
    """

    def __init__(self) -> None:
        """An empty log."""
        self._months: dict[str, dict[str, Record]] = {}

    def add(self, month: str, records: Iterable[Record]) -> None:
        """Merge the records of one month file (or of a conflict copy of one)."""
        table = self._months.setdefault(month, {})
        for rec in records:
            current = table.get(rec.id)
            if current is None or outranks(rec, current):
                table[rec.id] = rec

    def best_in(self, month: str, eid: str) -> Record | None:
        """The best record of ``eid`` among those in ``month``."""
        return self._months.get(month, {}).get(eid)

    def entries(self) -> dict[str, Mapping[str, Any]]:
        """The log: every entry that shows, by id, found month by month."""
        out: dict[str, Mapping[str, Any]] = {}
        for month, table in self._months.items():
            for eid, rec in table.items():
                if visible(rec, month, self.best_in):
                    if eid in out:  # the invariant says this cannot happen
                        raise AssertionError(f"{eid} shows in two months")
                    out[eid] = rec.doc
        return out


def winners(records: Iterable[Record]) -> dict[str, Record]:
    """The standing record of every id (tombstones included)."""
    out: dict[str, Record] = {}
    for rec in records:
        current = out.get(rec.id)
        if current is None or outranks(rec, current):
            out[rec.id] = rec
    return out


def live(records: Iterable[Record]) -> dict[str, Mapping[str, Any]]:
    """The log as the global rule defines it: each id's winner, unless it is a tombstone."""
    return {eid: rec.doc for eid, rec in winners(records).items() if not rec.deleted}


# -- settings ----------------------------------------------------------------

#: A hybrid logical clock stamp: (wall-clock milliseconds, counter).
Stamp = tuple[int, int]


def next_stamp(last: Stamp | None, seen: Iterable[Stamp], now_ms: int) -> Stamp:
    """The stamp for a local change: after ``last`` and every stamp seen, else the wall clock.

    A computer whose clock is hours slow still stamps a change it makes after
    reading another computer's change later than that change; one whose clock
    is fast wins ties only until the others catch up (the bounded cost of an
    unsynchronised clock, and why settings carry stamps rather than times).
    """
    top = max([s for s in seen] + ([last] if last else []), default=(0, 0))
    if now_ms > top[0]:
        return (now_ms, 0)
    return (top[0], top[1] + 1)


@dataclass(frozen=True, slots=True)
class SettingChange:
    """One computer's latest change of one setting."""

    key: str
    value: Any
    stamp: Stamp
    device: str

    def order(self) -> tuple[Stamp, str, str]:
        """The rule: latest stamp, then device id, then the value's JSON (a total order)."""
        return (self.stamp, self.device, json.dumps(self.value, sort_keys=True))


def merge_settings(changes: Iterable[SettingChange]) -> dict[str, SettingChange]:
    """The standing change of every key."""
    out: dict[str, SettingChange] = {}
    for change in changes:
        current = out.get(change.key)
        if current is None or change.order() > current.order():
            out[change.key] = change
    return out


def setting_from_doc(key: str, doc: Any, folder_device: str) -> SettingChange:
    """Read one stored setting ``{"v": value, "t": [ms, n], "d": device?}`` (ValueError if damaged)."""
    if not isinstance(doc, dict) or "v" not in doc:
        raise ValueError(f"setting {key!r} is damaged")
    stamp = doc.get("t")
    if (
        not isinstance(stamp, list)
        or len(stamp) != 2
        or not all(type(n) is int and n >= 0 for n in stamp)
    ):
        raise ValueError(f"setting {key!r} has a damaged time stamp")
    device = doc.get("d", folder_device)
    if not isinstance(device, str) or not device:
        raise ValueError(f"setting {key!r} has a damaged device id")
    return SettingChange(key, doc["v"], (stamp[0], stamp[1]), device)


def setting_to_doc(change: SettingChange, folder_device: str) -> dict[str, Any]:
    """The stored form of a setting change (the device only when not the folder's)."""
    out: dict[str, Any] = {"v": change.value, "t": list(change.stamp)}
    if change.device != folder_device:
        out["d"] = change.device
    return out
