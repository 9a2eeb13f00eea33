"""The one declared table of settings, their defaults and their validation.

Pure: parsing, validating and defaulting, and :class:`Settings`, the typed
frozen object with a field per row of the table, with :class:`LiveSettings`, which
tells each listener when a key it cares about changes.  Persisting is the store's job
and showing is the settings dialog's; both read this table.  ``Settings``
spells the same keys out as typed fields (so mypy checks every read), and a
test holds the two together.  Values are kept as JSON-ready primitives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from crampcoach.core.text import QT_TRANSLATE_NOOP, Message

_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
# The ``theme`` setting: follow the desktop's palette, or always light or dark.
THEMES = ("system", "light", "dark")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SettingError(ValueError):
    """A bad key or value; the message says what is expected."""


def parse_hhmm(text: str) -> time:
    """Parse ``HH:MM`` (24-hour) into a time."""
    m = _HHMM.match(text.strip())
    if not m:
        raise SettingError(f"expected a time as HH:MM (24-hour), got {text!r}")
    return time(int(m.group(1)), int(m.group(2)))


def _hhmm(text: Any) -> str:
    return parse_hhmm(str(text)).strftime("%H:%M")


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"expected true or false, got {value!r}")


def _int_range(lo: int, hi: int) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if isinstance(value, bool):
            raise SettingError(f"expected a whole number from {lo} to {hi}, got {value!r}")
        try:
            number = int(str(value).strip())
        except ValueError:
            raise SettingError(
                f"expected a whole number from {lo} to {hi}, got {value!r}"
            ) from None
        if not lo <= number <= hi:
            raise SettingError(f"expected a whole number from {lo} to {hi}, got {number}")
        return number

    return convert


_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(value: Any) -> str:
    """``sun`` or ``sunday`` (any case); never a word that merely starts like one."""
    text = str(value).strip().lower()
    if text in _DAY_NAMES:
        text = text[:3]
    if text not in _WEEKDAYS:
        raise SettingError(f"expected a weekday ({', '.join(_WEEKDAYS)}), got {value!r}")
    return text


_ROUTINE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def _routine_id(value: Any) -> str:
    """A routine id's shape (whether such a routine exists is checked where routines are known)."""
    text = value.strip() if isinstance(value, str) else ""
    if not _ROUTINE_ID.fullmatch(text):
        raise SettingError(
            f"expected a routine id (lowercase letters, digits and '-'), got {value!r}"
        )
    return text


def _theme(value: Any) -> str:
    text = str(value).strip().lower()
    if text not in THEMES:
        raise SettingError(f"expected one of {', '.join(THEMES)}, got {value!r}")
    return text


def _moment_or_empty(value: Any) -> str:
    """An aware ISO-8601 moment, or "" for none (a stored state, e.g. a pause)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise SettingError(
            f'expected a date and time like 2026-11-23T08:00+01:00, or "" for none; got {value!r}'
        ) from None
    if moment.tzinfo is None:
        raise SettingError(f"expected a time with its UTC offset (e.g. +01:00), got {value!r}")
    return moment.isoformat()


def _date_or_empty(value: Any) -> str:
    """A date as YYYY-MM-DD, or "" for none."""
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise SettingError(
            f'expected a date as YYYY-MM-DD, or "" for none; got {value!r}'
        ) from None


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its default, how to validate a value, and a line of help.

    ``in_dialog=False`` marks state the app sets itself (shown and changeable
    from the command line, not offered in the settings dialog).
    """

    key: str
    default: Any
    convert: Callable[[Any], Any]
    help: Message  # English in the CLI (str), translated in the dialog
    in_dialog: bool = True


SETTINGS: tuple[Setting, ...] = (
    Setting("bedtime", "22:30", _hhmm, QT_TRANSLATE_NOOP("Settings", "when you go to bed (HH:MM)")),
    Setting(
        "bedtime_lead_min",
        15,
        _int_range(0, 180),
        QT_TRANSLATE_NOOP("Settings", "minutes before bedtime to remind"),
    ),
    Setting(
        "bedtime_reminder",
        True,
        _bool,
        QT_TRANSLATE_NOOP("Settings", "remind me to do the bedtime routine"),
    ),
    Setting(
        "bedtime_routine",
        "bedtime",
        _routine_id,
        QT_TRANSLATE_NOOP("Settings", "the routine the bedtime reminder starts"),
    ),
    Setting(
        "hydration_reminder",
        True,
        _bool,
        QT_TRANSLATE_NOOP("Settings", "remind me to drink during the day"),
    ),
    Setting(
        "hydration_interval_min",
        90,
        _int_range(15, 600),
        QT_TRANSLATE_NOOP("Settings", "minutes between reminders"),
    ),
    Setting(
        "hydration_start",
        "08:00",
        _hhmm,
        QT_TRANSLATE_NOOP("Settings", "first hydration reminder of the day"),
    ),
    Setting(
        "hydration_end",
        "21:00",
        _hhmm,
        QT_TRANSLATE_NOOP("Settings", "no hydration reminders after this time"),
    ),
    Setting(
        "glass_ml",
        250,
        _int_range(50, 1000),
        QT_TRANSLATE_NOOP("Settings", "how much one logged glass is (ml)"),
    ),
    Setting(
        "water_goal_ml",
        1500,
        _int_range(0, 5000),
        QT_TRANSLATE_NOOP("Settings", "daily water goal (ml); 0 for none"),
    ),
    Setting(
        "quiet_start",
        "23:30",
        _hhmm,
        QT_TRANSLATE_NOOP("Settings", "quiet hours begin: no reminders"),
    ),
    Setting("quiet_end", "07:00", _hhmm, QT_TRANSLATE_NOOP("Settings", "quiet hours end")),
    Setting(
        "day_boundary",
        "04:00",
        _hhmm,
        QT_TRANSLATE_NOOP("Settings", "a day in the log starts at this time"),
    ),
    Setting("sounds", True, _bool, QT_TRANSLATE_NOOP("Settings", "play sound cues in the player")),
    Setting(
        "voice",
        False,
        _bool,
        QT_TRANSLATE_NOOP("Settings", "speak cues aloud where a speech engine exists"),
    ),
    Setting(
        "review_reminder",
        True,
        _bool,
        QT_TRANSLATE_NOOP("Settings", "remind me to look at my week"),
    ),
    Setting(
        "review_day",
        "sun",
        _weekday,
        QT_TRANSLATE_NOOP("Settings", "day of the weekly review reminder"),
    ),
    Setting(
        "review_time",
        "19:00",
        _hhmm,
        QT_TRANSLATE_NOOP("Settings", "time of the weekly review reminder"),
    ),
    Setting(
        "plan_stretch_per_week",
        3,
        _int_range(0, 14),
        QT_TRANSLATE_NOOP("Settings", "planned stretch/warm-up sessions a week"),
    ),
    Setting(
        "autostart", False, _bool, QT_TRANSLATE_NOOP("Settings", "start CrampCoach when I log in")
    ),
    # The health profile: it tailors steps and the safety prompts (core.profile).
    Setting("health_pregnant", False, _bool, QT_TRANSLATE_NOOP("Settings", "I am pregnant")),
    Setting("health_kidney", False, _bool, QT_TRANSLATE_NOOP("Settings", "I have kidney disease")),
    Setting("health_liver", False, _bool, QT_TRANSLATE_NOOP("Settings", "I have liver disease")),
    Setting("health_diabetes", False, _bool, QT_TRANSLATE_NOOP("Settings", "I have diabetes")),
    Setting(
        "health_neuropathy",
        False,
        _bool,
        QT_TRANSLATE_NOOP("Settings", "I have nerve damage or reduced feeling in my feet"),
    ),
    Setting(
        "health_heart_failure", False, _bool, QT_TRANSLATE_NOOP("Settings", "I have heart failure")
    ),
    Setting(
        "fluid_limit_ml",
        0,
        _int_range(0, 5000),
        QT_TRANSLATE_NOOP(
            "Settings",
            "a daily fluid limit my clinician set (ml); 0 for none. The water goal follows it",
        ),
    ),
    Setting(
        "morning_checkin",
        True,
        _bool,
        QT_TRANSLATE_NOOP("Settings", 'ask "how was last night?" in the morning'),
    ),
    Setting(
        "morning_checkin_time",
        "08:00",
        _hhmm,
        QT_TRANSLATE_NOOP("Settings", "when to ask about last night"),
    ),
    Setting(
        "first_day",
        "",
        _date_or_empty,
        QT_TRANSLATE_NOOP(
            "Settings",
            "the first day you used CrampCoach (days before it are never counted as missed)",
        ),
        in_dialog=False,
    ),
    Setting(
        "theme",
        "system",
        _theme,
        QT_TRANSLATE_NOOP("Settings", "colours: system (follow the desktop), light or dark"),
    ),
    Setting(
        "reminders_paused_until",
        "",
        _moment_or_empty,
        QT_TRANSLATE_NOOP(
            "Settings", 'reminders are paused until this moment (set from the tray; "" resumes)'
        ),
        in_dialog=False,
    ),
    Setting(
        "welcome_done",
        False,
        _bool,
        QT_TRANSLATE_NOOP(
            "Settings", "the first-day welcome was shown (set false to see it again)"
        ),
        in_dialog=False,
    ),
    Setting(
        "told_close_to_tray",
        False,
        _bool,
        QT_TRANSLATE_NOOP(
            "Settings", "closing the window was explained once (it keeps running in the tray)"
        ),
        in_dialog=False,
    ),
    Setting(
        "reminders_checked_until",
        "",
        _moment_or_empty,
        QT_TRANSLATE_NOOP(
            "Settings",
            "when the app last quit while checking reminders (so nights missed while it was "
            "closed are logged as missed)",
        ),
        in_dialog=False,
    ),
)

_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def defaults() -> dict[str, Any]:
    """Every setting at its default."""
    return {s.key: s.default for s in SETTINGS}


def validate(key: str, value: Any) -> Any:
    """Return the value converted for ``key``, or raise SettingError naming the key."""
    setting = _BY_KEY.get(key)
    if setting is None:
        raise SettingError(f"unknown setting {key!r}; known settings: {', '.join(_BY_KEY)}")
    try:
        return setting.convert(value)
    except SettingError as exc:
        raise SettingError(f"{key}: {exc}") from None


def merged(stored: Mapping[str, Any]) -> Settings:
    """Defaults overlaid with stored values; an unknown or invalid stored value is ignored."""
    out = defaults()
    for key, value in stored.items():
        try:
            out[key] = validate(key, value)
        except SettingError:
            continue
    return Settings(**out)


# --------------------------------------------------------------------------- typed, live


@dataclass(frozen=True, slots=True, eq=False)  # Mapping's ==: equal to a dict of the same values
class Settings(Mapping[str, Any]):
    """Every setting as one frozen object with a typed field per :data:`SETTINGS` row.

    Read a setting as an attribute (``settings.day_boundary``), so mypy knows
    its type.  The fields are written out here rather than generated so that
    mypy sees them; ``tests/unit/test_settings_and_context.py`` checks that
    they match the table exactly (names, order, types and defaults), so a new
    row without its field (or a field without its row) fails the build.

    It is also a read-only Mapping of the same values, for code that is handed
    a key at run time (the settings dialog, ``settings show``, the JSON output).
    """

    bedtime: str = "22:30"
    bedtime_lead_min: int = 15
    bedtime_reminder: bool = True
    bedtime_routine: str = "bedtime"
    hydration_reminder: bool = True
    hydration_interval_min: int = 90
    hydration_start: str = "08:00"
    hydration_end: str = "21:00"
    glass_ml: int = 250
    water_goal_ml: int = 1500
    quiet_start: str = "23:30"
    quiet_end: str = "07:00"
    day_boundary: str = "04:00"
    sounds: bool = True
    voice: bool = False
    review_reminder: bool = True
    review_day: str = "sun"
    review_time: str = "19:00"
    plan_stretch_per_week: int = 3
    autostart: bool = False
    health_pregnant: bool = False
    health_kidney: bool = False
    health_liver: bool = False
    health_diabetes: bool = False
    health_neuropathy: bool = False
    health_heart_failure: bool = False
    fluid_limit_ml: int = 0
    morning_checkin: bool = True
    morning_checkin_time: str = "08:00"
    first_day: str = ""
    theme: str = "system"
    reminders_paused_until: str = ""
    welcome_done: bool = False
    told_close_to_tray: bool = False
    reminders_checked_until: str = ""

    def __getitem__(self, key: str) -> Any:
        if key not in _BY_KEY:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(_BY_KEY)

    def __len__(self) -> int:
        return len(_BY_KEY)

    def changed(self, other: Settings) -> frozenset[str]:
        """The keys whose values differ from ``other``'s."""
        return frozenset(k for k in _BY_KEY if getattr(self, k) != getattr(other, k))

    @staticmethod
    def from_stored(stored: Mapping[str, Any]) -> Settings:
        """Defaults overlaid with ``stored`` (bad or unknown values ignored, see :func:`merged`)."""
        return merged(stored)


SettingsListener = Callable[[Settings, frozenset[str]], object]


class LiveSettings:
    """The current :data:`Settings`, and who to tell when a key changes.

    ``load`` reads the stored settings (the store's ``settings``); the
    composition root makes one and passes it down.  :meth:`reload` after any
    write (the dialog, the CLI over IPC) re-reads and calls each listener
    whose keys changed, with the new settings and the changed keys.
    """

    def __init__(self, load: Callable[[], Mapping[str, Any]]) -> None:
        """Read the settings once now."""
        self._load = load
        self._current = Settings.from_stored(load())
        self._listeners: list[tuple[frozenset[str] | None, SettingsListener]] = []

    @property
    def current(self) -> Settings:
        """The settings as they are now."""
        return self._current

    def __call__(self) -> Settings:
        """The settings as they are now (so a LiveSettings is a settings provider)."""
        return self._current

    def subscribe(self, listener: SettingsListener, *keys: str) -> None:
        """Call ``listener(settings, changed)`` when any of ``keys`` (or, with none, any key) changes."""
        unknown = [k for k in keys if k not in _BY_KEY]
        if unknown:
            raise SettingError(f"unknown setting(s) {', '.join(unknown)}")
        self._listeners.append((frozenset(keys) or None, listener))

    def reload(self) -> frozenset[str]:
        """Re-read the settings and tell the listeners; returns the keys that changed."""
        new = Settings.from_stored(self._load())
        changed = new.changed(self._current)
        self._current = new
        if changed:
            for keys, listener in list(self._listeners):
                if keys is None or keys & changed:
                    listener(new, changed)
        return changed
