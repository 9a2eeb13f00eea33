"""The journal: the one door every write to the log passes through.

The GUI, the command line, the hand-over socket and undo all write through a
:class:`Journal`, which sits over anything that satisfies the :class:`Store`
protocol (the real ``crampcoach.store.Store`` and the tests' fakes alike).

What the journal guarantees:

* **One declared schema per entry kind** (:data:`SCHEMAS`).  Every entry is
  checked as the JSON it will be stored as, so an entry from a socket message
  and one built by a window meet the same rules: exact types (a bool is not a
  number, a float is not a whole number), ranges, lengths, times with a UTC
  offset from 2000 up to a day ahead, no unknown fields, and free text without
  control characters other than newline and tab (no ESC, BEL, CR, bidi
  overrides or lone surrogates).  A refusal is an :class:`EntryError` naming
  the field.
* **Idempotent writes.**  The writer picks the id (``events.new_id()``), so a
  retry carries the same id: adding an entry whose id is stored with the same
  content is a no-op, with different content an error.  A retry after a fault
  can therefore never duplicate.
* **A refused entry changes nothing**, in memory or on disk.  A write the disk
  refused is not acknowledged and, unless the caller asks to ``keep`` it (a
  window that offers its own retry), is not saved later behind the user's back.
* ``changed`` callbacks run after every write that changed the log, so windows
  refresh from one place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

from crampcoach.core.clock import Clock
from crampcoach.core.events import (
    EVENT_CLASSES,
    MAX_NIGHT_CRAMPS,
    CrampContext,
    Event,
    EventType,
    Leg,
    Muscle,
    ReminderFate,
    ReminderKind,
    SkipReason,
    Symptom,
    event_from_dict,
)
from crampcoach.core.settings import SettingError, Settings

#: The oldest time an entry may carry; older is a typo (or an attack on the date maths).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
#: How far ahead of now an entry may be (zones and clock skew; more is a typo).
AHEAD = timedelta(days=1)
#: Free text (notes) is at most this long.
MAX_TEXT = 2000
#: Ids, routine ids and plan items are short tokens.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
MAX_STEPS = 1000
#: Bidi embeddings, overrides and isolates: they make text display other than it reads.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class EntryError(ValueError):
    """An entry the journal refuses; ``field`` names the offending field ("" for the whole)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


@dataclass(slots=True)
class ImportCounts:
    """What an import did: entries new here, already the same, or changed here since."""

    new: int = 0
    same: int = 0
    newer_elsewhere: int = 0
    refused: int = 0

    def add(self, other: ImportCounts) -> None:
        """Count ``other`` in too (an import handed over in several parts)."""
        self.new += other.new
        self.same += other.same
        self.newer_elsewhere += other.newer_elsewhere
        self.refused += other.refused


class Store(Protocol):
    """What the journal needs from a store (``crampcoach.store.Store`` satisfies it)."""

    def get(self, event_id: str) -> Event | None:
        """The stored (or pending) event with this id."""
        ...

    def add(self, event: Event) -> None:
        """Durably add; StoreWriteError (an OSError-like store error) keeps it pending."""
        ...

    def update(self, event: Event) -> None:
        """Durably replace the event with the same id."""
        ...

    def delete(self, event_id: str) -> Event:
        """Durably remove and return the event."""
        ...

    def discard(self, event_id: str) -> None:
        """Forget an unsaved (pending) change to ``event_id``; the disk keeps what it had."""
        ...

    def set_setting(self, key: str, value: Any) -> Any:
        """Validate and durably store one setting; returns the stored value."""
        ...

    def discard_setting(self, key: str) -> None:
        """Forget an unsaved (pending) setting."""
        ...

    def flush(self) -> None:
        """Save every pending change now (the store's error if the disk still refuses)."""
        ...

    def settings(self) -> Settings:
        """Every setting, defaults included."""
        ...

    def import_events(self, events: Sequence[Event]) -> ImportCounts:
        """Durably add the events whose ids are new, leave the others; say which were which."""
        ...

    def events(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        types: Collection[EventType] | None = None,
    ) -> list[Event]:
        """Events with ``start <= at < end``, by time."""
        ...


# --------------------------------------------------------------------------- schema


def check_text(value: object, field: str, *, max_len: int = MAX_TEXT) -> str:
    """Free text: a str of at most ``max_len`` characters; no control character but newline, tab."""
    if not isinstance(value, str):
        raise EntryError(f"expected text, got {_kind(value)}", field)
    if len(value) > max_len:
        raise EntryError(f"at most {max_len} characters, got {len(value)}", field)
    for n, ch in enumerate(value):
        if ch in "\n\t":
            continue
        if ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
            raise EntryError(
                f"control character U+{ord(ch):04X} at position {n + 1} is not allowed "
                "(only newline and tab are)",
                field,
            )
    return value


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"text ({shown!r})"
    return f"a {type(value).__name__}"


def _token(value: object, field: str) -> str:
    if not isinstance(value, str) or not _TOKEN.fullmatch(value):
        raise EntryError(
            "expected 1-64 letters, digits or . _ : - (starting with a letter or digit), "
            f"got {_kind(value)}",
            field,
        )
    return value


def _whole(lo: int, hi: int) -> Callable[[object, str], int]:
    def check(value: object, field: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise EntryError(
                f"expected a whole number from {lo} to {hi}, got {_kind(value)}", field
            )
        if not lo <= value <= hi:
            raise EntryError(f"expected a whole number from {lo} to {hi}, got {value}", field)
        return value

    return check


def _number(lo: float, hi: float) -> Callable[[object, str], float]:
    def check(value: object, field: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise EntryError(f"expected a number from {lo:g} to {hi:g}, got {_kind(value)}", field)
        if not math.isfinite(value) or not lo <= value <= hi:
            raise EntryError(f"expected a number from {lo:g} to {hi:g}, got {value!r}", field)
        return float(value)

    return check


def _flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise EntryError(f"expected true or false, got {_kind(value)}", field)
    return value


def _choice(enum_cls: type[Any]) -> Callable[[object, str], str]:
    allowed = [m.value for m in enum_cls]

    def check(value: object, field: str) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise EntryError(f"expected one of {', '.join(allowed)}; got {_kind(value)}", field)
        return value

    return check


def _steps(value: object, field: str) -> list[int]:
    if not isinstance(value, list):
        raise EntryError(f"expected a list of step numbers, got {_kind(value)}", field)
    if len(value) > MAX_STEPS:
        raise EntryError(f"at most {MAX_STEPS} steps, got {len(value)}", field)
    step = _whole(0, MAX_STEPS)
    return [step(v, f"{field}[{n}]") for n, v in enumerate(value)]


def _range_text(now: datetime | None) -> str:
    if now is None:
        return f"from {EARLIEST.date().isoformat()}"
    return f"from {EARLIEST.date().isoformat()} up to a day ahead ({(now + AHEAD).date()})"


def check_moment(value: object, field: str, now: datetime | None) -> datetime:
    """An ISO-8601 time with a UTC offset, from 2000 to a day ahead of ``now`` (if given)."""
    if not isinstance(value, str) or len(value) > 64:
        raise EntryError(
            f"expected an ISO-8601 time such as 2026-11-22T21:30+01:00, got {_kind(value)}", field
        )
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise EntryError(f"expected an ISO-8601 time, got {value!r}", field) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise EntryError(f"the time {value!r} needs a UTC offset such as +01:00", field)
    try:
        ok = moment >= EARLIEST and (now is None or moment <= now + AHEAD)
    except OverflowError:  # year 1 or 9999 with an offset that leaves the calendar
        ok = False
    if not ok:
        raise EntryError(f"the time {value} is outside the range {_range_text(now)}", field)
    return moment


def _day(value: object, field: str, now: datetime | None) -> date:
    if not isinstance(value, str) or len(value) > 10:
        raise EntryError(f"expected a date such as 2026-11-22, got {_kind(value)}", field)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise EntryError(f"expected a date such as 2026-11-22, got {value!r}", field) from None
    if not EARLIEST.date() <= day or (now is not None and day > (now + AHEAD).date()):
        raise EntryError(f"the date {value} is outside the range {_range_text(now)}", field)
    return day


def _symptoms(value: object, field: str) -> list[str]:
    if not isinstance(value, list):
        raise EntryError(f"expected a list of symptom names, got {_kind(value)}", field)
    if len(value) > len(Symptom):
        raise EntryError(f"at most {len(Symptom)} symptoms, got {len(value)}", field)
    check = _choice(Symptom)
    return [check(v, f"{field}[{n}]") for n, v in enumerate(value)]


@dataclass(frozen=True, slots=True)
class Field:
    """One field of an entry kind: how to check it, and whether it may be absent or null."""

    check: Callable[[object, str], object] | None = None
    moment: bool = False  # checked against the clock (``check_moment``)
    day: bool = False  # a date, checked against the clock
    required: bool = True
    nullable: bool = False


_COMMON: dict[str, Field] = {"id": Field(_token), "at": Field(moment=True)}
_NOTE = Field(lambda v, f: check_text(v, f), required=False)

#: One declared schema per entry kind: the JSON form each kind is stored as.
SCHEMAS: dict[EventType, dict[str, Field]] = {
    EventType.SESSION: {
        **_COMMON,
        "routine_id": Field(_token),
        "routine_kind": Field(lambda v, f: check_text(v, f, max_len=32)),
        "started": Field(moment=True),
        "completed": Field(_flag),
        "steps_done": Field(_steps, required=False),
        "steps_skipped": Field(_steps, required=False),
        "source": Field(lambda v, f: _choice_of(v, f, ("app", "cli")), required=False),
    },
    EventType.WATER: {**_COMMON, "ml": Field(_whole(1, 5000))},
    EventType.CRAMP: {
        **_COMMON,
        "leg": Field(_choice(Leg)),
        "muscle": Field(_choice(Muscle)),
        "severity": Field(_whole(0, 10)),
        "minutes": Field(_number(0, 24 * 60), required=False, nullable=True),
        "context": Field(_choice(CrampContext), required=False, nullable=True),
        "note": _NOTE,
        "symptoms": Field(_symptoms, required=False),
    },
    EventType.REMINDER: {
        **_COMMON,
        "reminder": Field(_choice(ReminderKind)),
        "fate": Field(_choice(ReminderFate)),
        "due": Field(moment=True, required=False, nullable=True),
    },
    EventType.SKIP: {
        **_COMMON,
        "item": Field(_token),
        "day": Field(day=True),
        "reason": Field(_choice(SkipReason)),
        "note": _NOTE,
    },
    # A morning check-in: cramps null is "don't remember" (the night stays unknown).
    EventType.NIGHT: {
        **_COMMON,
        "night": Field(day=True),
        "cramps": Field(_whole(0, MAX_NIGHT_CRAMPS), nullable=True),
        "worst": Field(_whole(0, 10), required=False, nullable=True),
        "source": Field(lambda v, f: _choice_of(v, f, ("app", "cli")), required=False),
    },
    # A personal trial started (its whole design, seed included) or stopped.
    EventType.TRIAL: {
        **_COMMON,
        "trial_id": Field(_token),
        "action": Field(lambda v, f: _choice_of(v, f, ("start", "stop"))),
        "first_day": Field(day=True, required=False, nullable=True),
        "seed": Field(_whole(0, 2**32 - 1), required=False),
        "baseline_days": Field(_whole(0, 365), required=False),
        "block_days": Field(_whole(0, 365), required=False),
        "washin_days": Field(_whole(0, 365), required=False),
        "pairs": Field(_whole(0, 20), required=False),
    },
}


def _choice_of(value: object, field: str, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise EntryError(f"expected one of {', '.join(allowed)}; got {_kind(value)}", field)
    return value


def parse_entry(data: object, now: datetime | None) -> Event:
    """Check a JSON-ready entry against its kind's schema and build the event.

    Raises :class:`EntryError` (naming the field) for anything the schema does
    not allow, including unknown fields.  ``now`` bounds how far ahead a time
    may be (None: no bound, for a store, which cannot know the writer's clock).
    """
    if not isinstance(data, Mapping):
        raise EntryError(f"an entry must be an object, got {_kind(data)}")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in EVENT_CLASSES:
        known = ", ".join(t.value for t in EventType)
        raise EntryError(f"expected one of {known}; got {_kind(kind)}", "type")
    schema = SCHEMAS[EventType(kind)]
    for key in data:
        if key != "type" and key not in schema:
            shown = key if isinstance(key, str) and len(key) <= 40 else "…"
            raise EntryError(f"unknown field {shown!r} for a {kind} entry")
    for name, spec in schema.items():
        if name not in data:
            if spec.required:
                raise EntryError("is missing", name)
            continue
        value = data[name]
        if value is None:
            if not spec.nullable:
                raise EntryError("must not be null", name)
            continue
        if spec.moment:
            check_moment(value, name, now)
        elif spec.day:
            _day(value, name, now)
        elif spec.check is not None:
            spec.check(value, name)
    try:
        return event_from_dict(dict(data))
    except (KeyError, TypeError, ValueError) as exc:  # the event's own cross-field rules
        raise EntryError(str(exc)) from None


def check_event(event: object, now: datetime | None) -> Event:
    """Check an already built event against its schema (as the JSON it is stored as)."""
    if not isinstance(event, Event):
        raise EntryError(f"expected an entry, got {_kind(event)}")
    try:
        data = event.to_dict()
    except (TypeError, ValueError, OverflowError) as exc:
        raise EntryError(f"cannot be stored: {exc}") from None
    parse_entry(data, now)
    if type(event) is not EVENT_CLASSES[event.type]:
        raise EntryError(f"unexpected entry class {type(event).__name__}")
    return event


def parse_entries(entries: Sequence[object]) -> list[Event]:
    """Every entry of an import checked and built; EntryError names the first bad one.

    The message says the entry's number (from 1) and, when it is a valid id,
    its id.  Times have no upper bound here, as in the store: an export or a
    backup may come from a computer whose clock ran ahead.
    """
    out: list[Event] = []
    for n, data in enumerate(entries, start=1):
        try:
            out.append(parse_entry(data, None))
        except EntryError as exc:
            eid = data.get("id") if isinstance(data, Mapping) else None
            who = f" (id {eid})" if isinstance(eid, str) and _TOKEN.fullmatch(eid) else ""
            raise EntryError(f"entry {n}{who}: {exc}") from None
    return out


# --------------------------------------------------------------------------- the journal


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed: an entry (``event_id``; ``removed`` for a delete) or a setting."""

    event_id: str | None = None
    removed: bool = False
    setting: str | None = None


class Callbacks:
    """A tiny signal: ``connect(fn)``, ``disconnect(fn)``; the journal calls ``emit``."""

    def __init__(self) -> None:
        self._slots: list[Callable[[Change], None]] = []

    def connect(self, slot: Callable[[Change], None]) -> None:
        """Call ``slot(change)`` after every write that changed the log."""
        self._slots.append(slot)

    def disconnect(self, slot: Callable[[Change], None]) -> None:
        """Stop calling ``slot``."""
        self._slots.remove(slot)

    def emit(self, change: Change) -> None:
        """Tell every subscriber (in the order they connected)."""
        for slot in list(self._slots):
            slot(change)


class Journal:
    """Validated, idempotent writes over a :class:`Store`; see the module docstring.

    ``add``/``update``/``delete``/``set_setting`` raise :class:`EntryError` (or
    ``SettingError``) for a refused entry, and let the store's own errors (a
    full disk) through after undoing what they left pending, unless ``keep``.
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock: Clock = clock
        self.changed = Callbacks()

    def events(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        types: Collection[EventType] | None = None,
    ) -> list[Event]:
        """The store's events (a read passes straight through), for code that writes too."""
        return self.store.events(start, end, types)

    def check(self, event: object) -> Event:
        """The event if the schema allows it, else :class:`EntryError`."""
        return check_event(event, self.clock.now())

    def parse(self, data: object) -> Event:
        """A JSON entry (from a socket message or an import) checked and built."""
        return parse_entry(data, self.clock.now())

    def add(self, event: Event, *, keep: bool = False) -> bool:
        """Durably add ``event``; False (and nothing written) if exactly it is stored already.

        An id stored with different content is an :class:`EntryError`: the
        writer picks a fresh id for a new entry.  On a failed write the entry
        is forgotten again (the caller reports "not saved"), unless ``keep``.
        """
        self.check(event)
        existing = self.store.get(event.id)
        if existing is not None:
            if existing.to_dict() == event.to_dict():
                return False
            raise EntryError(f"the id {event.id} belongs to another entry", "id")
        self._write(event.id, keep, lambda: self.store.add(event))
        self.changed.emit(Change(event_id=event.id))
        return True

    def update(self, event: Event, *, keep: bool = False) -> None:
        """Durably replace the stored entry with the same id (KeyError if there is none)."""
        self.check(event)
        existing = self.store.get(event.id)
        if existing is None:
            raise KeyError(f"no entry with id {event.id}")
        if existing.type is not event.type:
            raise EntryError(f"the id {event.id} belongs to a {existing.type.value} entry", "id")
        # Written even when unchanged: pressing Save again retries a failed write.
        self._write(event.id, keep, lambda: self.store.update(event))
        self.changed.emit(Change(event_id=event.id))

    def delete(self, event_id: str, *, keep: bool = False) -> Event:
        """Durably remove an entry and return it (for undo); KeyError if there is none."""
        removed: list[Event] = []
        self._write(event_id, keep, lambda: removed.append(self.store.delete(event_id)))
        self.changed.emit(Change(event_id=event_id, removed=True))
        return removed[0]

    def restore(self, event: Event, *, keep: bool = False) -> bool:
        """Undo a delete: put ``event`` back (a no-op if it is there already)."""
        return self.add(event, keep=keep)

    def import_events(self, events: Sequence[Event]) -> ImportCounts:
        """Merge an export's or a backup's entries by id: idempotent, never a duplicate.

        An id the log does not have is added; one it has is left as it is
        (counted the same, or newer elsewhere when it was changed or deleted
        here since).  Importing the same entries again therefore finds every
        one the same and writes nothing.
        """
        for event in events:
            check_event(event, None)
        counts = self.store.import_events(events)
        if counts.new:
            self.changed.emit(Change())
        return counts

    def flush(self) -> None:
        """Save what writes with ``keep`` left pending (a retry after a disk fault)."""
        self.store.flush()
        self.changed.emit(Change())

    def set_setting(self, key: str, value: Any) -> Any:
        """Validate and durably store a setting; a refused write is not applied later."""
        try:
            stored = self.store.set_setting(key, value)
        except SettingError:
            raise  # refused before anything was kept
        except Exception:
            self.store.discard_setting(key)
            raise
        self.changed.emit(Change(setting=key))
        return stored

    def _write(self, event_id: str, keep: bool, write: Callable[[], object]) -> None:
        try:
            write()
        except (KeyError, EntryError):
            raise
        except Exception:
            if not keep:
                self.store.discard(event_id)
            raise
