"""The typed settings object, its per-key change callbacks, and the app context."""

from __future__ import annotations

import dataclasses
import typing
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from crampcoach.core.clock import FakeClock
from crampcoach.core.context import AppContext
from crampcoach.core.settings import SETTINGS, LiveSettings, SettingError, Settings, defaults


def mismatches(cls: type) -> list[str]:
    """How the dataclass ``cls`` differs from the settings table (names, order, types, defaults)."""
    fields = dataclasses.fields(cls)
    hints = typing.get_type_hints(cls)
    table = [s.key for s in SETTINGS]
    out = []
    if [f.name for f in fields] != table:
        extra = [f.name for f in fields if f.name not in table]
        missing = [k for k in table if k not in hints]
        out.append(f"fields not the table's keys in order (missing {missing}, extra {extra})")
    rows = {s.key: s for s in SETTINGS}
    for f in fields:
        row = rows.get(f.name)
        if row is None:
            continue
        if hints[f.name] is not type(row.default):
            out.append(f"{f.name}: typed {hints[f.name]}, the table's default is {row.default!r}")
        if type(f.default) is not type(row.default) or f.default != row.default:
            out.append(f"{f.name}: default {f.default!r}, the table says {row.default!r}")
    return out


def test_settings_has_one_typed_field_per_table_row_with_its_default() -> None:
    """The typed fields mirror the table exactly; a new row needs its field in Settings."""
    assert mismatches(Settings) == []
    assert all(row.convert(row.default) == row.default for row in SETTINGS)
    s = Settings()
    assert s.day_boundary == "04:00" and s["day_boundary"] == "04:00"
    assert s == defaults() and dict(s) == defaults()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.bedtime = "23:00"  # type: ignore[misc]
    with pytest.raises(KeyError):
        s["no_such_key"]


def test_the_mirror_check_catches_a_wrong_type_default_order_or_missing_field() -> None:
    hints = typing.get_type_hints(Settings)
    spec = [
        (f.name, hints[f.name], dataclasses.field(default=f.default))
        for f in dataclasses.fields(Settings)
    ]
    wrong_type = [("bedtime", int, dataclasses.field(default=2230)), *spec[1:]]
    assert mismatches(dataclasses.make_dataclass("T", wrong_type)) == [
        "bedtime: typed <class 'int'>, the table's default is '22:30'",
        "bedtime: default 2230, the table says '22:30'",
    ]
    wrong_default = [("bedtime", str, dataclasses.field(default="23:00")), *spec[1:]]
    assert mismatches(dataclasses.make_dataclass("D", wrong_default)) == [
        "bedtime: default '23:00', the table says '22:30'"
    ]
    assert "missing ['bedtime']" in mismatches(dataclasses.make_dataclass("M", spec[1:]))[0]
    swapped = [spec[1], spec[0], *spec[2:]]
    assert mismatches(dataclasses.make_dataclass("O", swapped))[0].startswith("fields not")


def test_from_stored_validates_and_keeps_defaults_for_bad_values() -> None:
    s = Settings.from_stored({"bedtime": "23:15", "glass_ml": "300", "sounds": "maybe"})
    assert (s.bedtime, s.glass_ml, s.sounds) == ("23:15", 300, True)
    assert dict(s)["glass_ml"] == 300 and len(s) == len(SETTINGS)


def test_live_settings_call_each_listener_only_for_its_keys() -> None:
    stored: dict[str, Any] = {}
    live = LiveSettings(lambda: stored)
    bedtime: list[frozenset[str]] = []
    anything: list[frozenset[str]] = []
    live.subscribe(lambda _s, changed: bedtime.append(changed), "bedtime", "bedtime_lead_min")
    live.subscribe(lambda _s, changed: anything.append(changed))
    stored["glass_ml"] = 300
    assert live.reload() == {"glass_ml"}
    assert bedtime == [] and anything == [{"glass_ml"}]
    stored["bedtime"] = "23:30"
    live.reload()
    assert bedtime == [{"bedtime"}] and live().bedtime == "23:30"
    assert live.reload() == frozenset()  # nothing changed: nobody is called
    assert len(anything) == 2
    with pytest.raises(SettingError):
        live.subscribe(lambda _s, _c: None, "no_such_key")


class Log:
    def __init__(self) -> None:
        self.stored: dict[str, Any] = {"water_goal_ml": 2000}

    def events(self, start: Any = None, end: Any = None, types: Any = None) -> list[Any]:
        return []

    def add(self, event: Any) -> None: ...

    def update(self, event: Any) -> None: ...

    def settings(self) -> dict[str, Any]:
        return dict(self.stored)

    def set_setting(self, key: str, value: Any) -> Any:
        self.stored[key] = value
        return value


def test_the_context_carries_one_clock_with_its_zone_and_the_settings(tmp_path: Path) -> None:
    zone = ZoneInfo("America/New_York")
    clock = FakeClock(datetime(2026, 3, 8, 1, 30, tzinfo=zone))
    ctx = AppContext.for_log(Log(), tmp_path, clock)
    assert ctx.tz is zone and ctx.clock.now().tzinfo is zone
    assert ctx.settings().water_goal_ml == 2000
    clock.advance(3600)  # across the spring gap: 01:30 EST + 1 h is 03:30 EDT
    assert f"{ctx.clock.now():%H:%M %Z}" == "03:30 EDT"
