"""The adherence log's event types, as plain frozen dataclasses.

Every event has a unique id and a timezone-aware timestamp ``at``.  Events are
serialised to JSON-ready dicts with ``to_dict`` / ``event_from_dict``; the store
persists exactly those dicts, and ``crampcoach export`` prints them.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Collection
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, ClassVar, Protocol

from crampcoach.core.text import QT_TRANSLATE_NOOP, Message


class EventType(enum.StrEnum):
    """The kinds of event the log holds."""

    SESSION = "session"
    WATER = "water"
    CRAMP = "cramp"
    REMINDER = "reminder"
    SKIP = "skip"
    NIGHT = "night"  # a morning check-in: how the night went
    TRIAL = "trial"  # a personal n-of-1 trial started or stopped


class Leg(enum.StrEnum):
    """Which leg cramped."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Muscle(enum.StrEnum):
    """Which muscle cramped."""

    CALF = "calf"
    HAMSTRING = "hamstring"
    QUADRICEPS = "quadriceps"
    FOOT = "foot"
    OTHER = "other"


class CrampContext(enum.StrEnum):
    """What the user was doing when the cramp came."""

    NIGHT = "night"
    EXERCISE = "exercise"
    STRETCHING = "stretching"
    RESTING = "resting"
    OTHER = "other"


class Symptom(enum.StrEnum):
    """A sign logged with a cramp that a clinician would want to know about.

    The names are the ``crampcoach log cramp --symptom`` values; the rules
    that read them are in ``core.safety`` (from evidence.md).
    """

    SWELLING = "swelling"
    WARMTH = "warmth"
    REDNESS = "redness"
    TENDERNESS = "tenderness"
    NUMBNESS = "numbness"
    WEAKNESS = "weakness"
    WALKING_PAIN = "walking-pain"  # calf pain on walking that eases with rest
    COLD_FOOT = "cold-foot"  # a cold, pale foot
    WOUND = "wound"  # a recent wound or cut
    TOXIN = "toxin"  # contact with lead, mercury or another toxin
    NEW_MEDICINE = "new-medicine"
    BREATHLESS = "breathless"
    CHEST_PAIN = "chest-pain"
    NOT_EASING = "not-easing"  # the cramp does not ease
    URGE_TO_MOVE = "urge-to-move"  # an urge to move the legs that moving relieves


#: What each sign is called, marked for translation (``QT_TRANSLATE_NOOP``: the GUI shows
#: it in the user's language; the command line and the rules use the English).
SYMPTOM_MESSAGES: dict[Symptom, Message] = {
    Symptom.SWELLING: QT_TRANSLATE_NOOP("Symptoms", "swelling"),
    Symptom.WARMTH: QT_TRANSLATE_NOOP("Symptoms", "warm skin"),
    Symptom.REDNESS: QT_TRANSLATE_NOOP("Symptoms", "redness or darker skin"),
    Symptom.TENDERNESS: QT_TRANSLATE_NOOP("Symptoms", "tender or throbbing between cramps"),
    Symptom.NUMBNESS: QT_TRANSLATE_NOOP("Symptoms", "numbness"),
    Symptom.WEAKNESS: QT_TRANSLATE_NOOP("Symptoms", "weak or shrinking muscles"),
    Symptom.WALKING_PAIN: QT_TRANSLATE_NOOP(
        "Symptoms", "calf pain on walking that eases with rest"
    ),
    Symptom.COLD_FOOT: QT_TRANSLATE_NOOP("Symptoms", "a cold, pale foot"),
    Symptom.WOUND: QT_TRANSLATE_NOOP("Symptoms", "a recent wound or cut"),
    Symptom.TOXIN: QT_TRANSLATE_NOOP("Symptoms", "contact with lead, mercury or another toxin"),
    Symptom.NEW_MEDICINE: QT_TRANSLATE_NOOP("Symptoms", "started a new medicine"),
    Symptom.BREATHLESS: QT_TRANSLATE_NOOP("Symptoms", "short of breath"),
    Symptom.CHEST_PAIN: QT_TRANSLATE_NOOP("Symptoms", "chest pain"),
    Symptom.NOT_EASING: QT_TRANSLATE_NOOP("Symptoms", "the cramp does not ease"),
    Symptom.URGE_TO_MOVE: QT_TRANSLATE_NOOP(
        "Symptoms", "an urge to move the legs that moving relieves"
    ),
}
SYMPTOM_LABELS: dict[Symptom, str] = {s: m.source for s, m in SYMPTOM_MESSAGES.items()}


def parse_symptoms(text: str) -> tuple[Symptom, ...]:
    """``swelling,warmth`` -> symptoms; ValueError naming the bad name and the known ones."""
    out: list[Symptom] = []
    for part in text.split(","):
        name = part.strip().lower()
        if not name:
            continue
        try:
            sign = Symptom(name)
        except ValueError:
            known = ", ".join(s.value for s in Symptom)
            raise ValueError(f"unknown symptom {name!r}; known symptoms: {known}") from None
        if sign not in out:
            out.append(sign)
    return tuple(out)


class ReminderKind(enum.StrEnum):
    """Which reminder an event is about."""

    BEDTIME = "bedtime"
    HYDRATION = "hydration"
    REVIEW = "review"
    CHECKIN = "checkin"  # the morning "how was last night?"


class ReminderFate(enum.StrEnum):
    """What became of a reminder."""

    SHOWN = "shown"
    ACTED = "acted"
    SNOOZED = "snoozed"
    DISMISSED = "dismissed"
    #: Shown, and gone unanswered after its timeout (the user was away).
    EXPIRED = "expired"
    #: Never shown: the app was closed or the machine asleep for the whole night.
    MISSED = "missed"


class SkipReason(enum.StrEnum):
    """Why a plan item was skipped; REST and SICK do not break a streak."""

    REST = "rest"
    SICK = "sick"
    OTHER = "other"


def new_id() -> str:
    """A fresh unique event id: 128 random bits as 32 hex digits (the shape of ``uuid4().hex``).

    ``os.urandom`` rather than ``uuid``: importing ``uuid`` costs 5-15 ms, paid
    at start-up or, deferred, on the GUI thread when a session ends.
    """
    return os.urandom(16).hex()


def _require_aware(at: datetime) -> None:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"event time must be timezone-aware, got naive {at.isoformat()}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Fields every event has."""

    type: ClassVar[EventType]
    id: str
    at: datetime

    def __post_init__(self) -> None:
        _require_aware(self.at)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: enums as values, datetimes as ISO-8601 strings."""
        out: dict[str, Any] = {"type": self.type.value}
        for key, value in asdict(self).items():
            out[key] = _to_json(value)
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionEvent(Event):
    """A routine session's outcome (``at`` is when it ended)."""

    type: ClassVar[EventType] = EventType.SESSION
    routine_id: str
    routine_kind: str
    started: datetime
    completed: bool
    steps_done: tuple[int, ...] = ()
    steps_skipped: tuple[int, ...] = ()
    source: str = "app"  # "app" or "cli" (done away from the computer)


@dataclass(frozen=True, slots=True, kw_only=True)
class WaterEvent(Event):
    """Water drunk."""

    type: ClassVar[EventType] = EventType.WATER
    ml: int

    def __post_init__(self) -> None:
        Event.__post_init__(self)
        if not 1 <= self.ml <= 5000:
            raise ValueError(f"water amount must be 1-5000 ml, got {self.ml}")


@dataclass(frozen=True, slots=True, kw_only=True)
class CrampEvent(Event):
    """A cramp episode (``at`` is when it began)."""

    type: ClassVar[EventType] = EventType.CRAMP
    leg: Leg
    muscle: Muscle
    severity: int
    minutes: float | None = None
    context: CrampContext | None = None
    note: str = ""
    symptoms: tuple[Symptom, ...] = ()

    def __post_init__(self) -> None:
        Event.__post_init__(self)
        if not 0 <= self.severity <= 10:
            raise ValueError(f"severity must be 0-10, got {self.severity}")
        if self.minutes is not None and not 0 <= self.minutes <= 24 * 60:
            raise ValueError(f"duration must be 0-1440 minutes, got {self.minutes}")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReminderEvent(Event):
    """What became of a reminder; ``due`` is when it was meant to fire."""

    type: ClassVar[EventType] = EventType.REMINDER
    reminder: ReminderKind
    fate: ReminderFate
    due: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SkipEvent(Event):
    """A plan item deliberately skipped for a day, with a reason."""

    type: ClassVar[EventType] = EventType.SKIP
    item: str  # a plan item id, e.g. "bedtime"
    day: date
    reason: SkipReason
    note: str = ""


MAX_NIGHT_CRAMPS = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class NightEvent(Event):
    """A morning check-in: how the night that began on ``night`` went.

    ``cramps`` is None for "don't remember" (the night stays unknown).  A later
    check-in for the same night replaces an earlier one.
    """

    type: ClassVar[EventType] = EventType.NIGHT
    night: date
    cramps: int | None
    worst: int | None = None  # worst severity 0-10 when there were cramps
    source: str = "app"

    def __post_init__(self) -> None:
        Event.__post_init__(self)
        if self.cramps is not None and not 0 <= self.cramps <= MAX_NIGHT_CRAMPS:
            raise ValueError(f"cramps in a night must be 0-{MAX_NIGHT_CRAMPS}, got {self.cramps}")
        if self.worst is not None:
            if not 0 <= self.worst <= 10:
                raise ValueError(f"worst severity must be 0-10, got {self.worst}")
            if not self.cramps:
                raise ValueError("a worst severity needs at least one cramp that night")


@dataclass(frozen=True, slots=True, kw_only=True)
class TrialEvent(Event):
    """A personal n-of-1 trial started (with its whole design) or stopped.

    The design is kept in the log, seed included, so the schedule of blocks
    can be rebuilt exactly (``core.trial``).
    """

    type: ClassVar[EventType] = EventType.TRIAL
    trial_id: str
    action: str  # "start" or "stop"
    first_day: date | None = None  # the first baseline night
    seed: int = 0
    baseline_days: int = 0
    block_days: int = 0
    washin_days: int = 0
    pairs: int = 0

    def __post_init__(self) -> None:
        Event.__post_init__(self)
        if self.action not in ("start", "stop"):
            raise ValueError(f"trial action must be 'start' or 'stop', got {self.action!r}")
        if self.action == "start":
            if self.first_day is None:
                raise ValueError("a trial start needs its first day")
            if self.block_days <= self.washin_days or self.pairs < 1 or self.baseline_days < 0:
                raise ValueError(
                    "a trial needs at least one pair of blocks, each longer than its wash-in"
                )


EVENT_CLASSES: dict[EventType, type[Event]] = {
    cls.type: cls
    for cls in (
        SessionEvent,
        WaterEvent,
        CrampEvent,
        ReminderEvent,
        SkipEvent,
        NightEvent,
        TrialEvent,
    )
}


def _to_json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_to_json(v) for v in value]
    return value


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an event from ``to_dict`` output; raises ValueError/KeyError on bad data."""
    kind = EventType(data["type"])
    cls = EVENT_CLASSES[kind]
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _from_json(f.type, data[f.name])
    return cls(**kwargs)


_ENUMS: dict[str, type[enum.Enum]] = {
    "Leg": Leg,
    "Muscle": Muscle,
    "CrampContext": CrampContext,
    "ReminderKind": ReminderKind,
    "ReminderFate": ReminderFate,
    "SkipReason": SkipReason,
}


def _from_json(annotation: Any, value: Any) -> Any:
    # Annotations are strings (``from __future__ import annotations``).
    ann = str(annotation)
    if value is None:
        return None
    base = ann.split(" | ")[0]
    if base == "datetime":
        return datetime.fromisoformat(value)
    if base == "date":
        return date.fromisoformat(value)
    if base.startswith("tuple[int"):
        return tuple(int(v) for v in value)
    if base.startswith("tuple[Symptom"):
        return tuple(Symptom(v) for v in value)
    if base in _ENUMS:
        return _ENUMS[base](value)
    if base == "float":
        return float(value)
    return value


def local_day(at: datetime, tz: tzinfo, boundary: time = time(4, 0)) -> date:
    """The day an event belongs to: local date, with the day starting at ``boundary``.

    With the default 04:00 boundary a bedtime routine at 00:30 counts for the
    evening before.
    """
    _require_aware(at)
    local = at.astimezone(tz)
    shifted = local - timedelta(hours=boundary.hour, minutes=boundary.minute)
    return shifted.date()


class EventSource(Protocol):
    """What reading the log needs (``Store.events``): the review, a trial and the reminders."""

    def events(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        types: Collection[EventType] | None = None,
    ) -> list[Event]:
        """Events with ``start <= at < end``, sorted by time."""
        ...
