"""The replies to socket requests, through the CommandHost seam: a real store, no Qt, no app."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crampcoach import ipc
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, new_id
from crampcoach.core.journal import Journal
from crampcoach.core.model import Routine
from crampcoach.core.settings import Settings
from crampcoach.qt import commands
from crampcoach.store import Store

NOW = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)


@dataclass
class Host:
    """A CommandHost that records what the replies asked of it."""

    store: Store
    journal: Journal
    routines: dict[str, Routine] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)
    running: bool = False

    @property
    def settings(self) -> Settings:
        return self.store.settings()

    def activate(self) -> None:
        self.asked.append("activate")

    def start_routine(self, routine_id: str) -> bool:
        self.asked.append(f"start {routine_id}")
        return not self.running

    def reload_settings(self) -> None:
        self.asked.append("reload_settings")

    def refresh(self) -> None:
        self.asked.append("refresh")

    def status(self) -> dict[str, Any]:
        return {"pid": 1, "session": None}

    def quit_soon(self) -> None:
        self.asked.append("quit")


@pytest.fixture
def host(data_dir: Path) -> Iterator[Host]:
    clock = FakeClock(NOW)
    with Store.open(data_dir, clock=clock) as store:
        yield Host(store, Journal(store, clock))


def _water(ml: int = 250) -> dict[str, Any]:
    return {"type": "water", "id": new_id(), "at": NOW.isoformat(), "ml": ml}


def test_a_logged_entry_is_stored_once_and_the_window_redrawn(host: Host) -> None:
    entry = _water()
    assert commands.answer(host, {"cmd": "log", "event": entry}) == {"ok": True, "id": entry["id"]}
    again = commands.answer(host, {"cmd": "log", "event": entry})
    assert again == {"ok": True, "id": entry["id"], "duplicate": True}
    assert [e.id for e in host.store.events(types=[EventType.WATER])] == [entry["id"]]
    assert host.asked == ["refresh"]  # a duplicate changes nothing to redraw


def test_a_bad_entry_is_refused_and_nothing_is_stored(host: Host) -> None:
    reply = commands.answer(host, {"cmd": "log", "event": _water(ml=-5)})
    assert reply["ok"] is False and reply["error"].startswith("not a valid entry:")
    assert host.store.events() == [] and host.asked == []


def test_a_long_cramp_comes_back_with_the_urgent_sign(host: Host) -> None:
    cramp = {
        "type": "cramp",
        "id": new_id(),
        "at": NOW.isoformat(),
        "leg": "left",
        "muscle": "calf",
        "severity": 8,
        "minutes": 12,
    }
    reply = commands.answer(host, {"cmd": "log", "event": cramp})
    assert reply["ok"] is True
    assert any("10 minutes" in w["title"] for w in reply["warnings"])


def test_a_setting_is_checked_stored_and_heard(host: Host) -> None:
    assert commands.answer(host, {"cmd": "set", "key": "glass_ml", "value": 300}) == {
        "ok": True,
        "key": "glass_ml",
        "value": 300,
    }
    assert host.store.settings().glass_ml == 300 and host.asked == ["reload_settings"]
    bad = commands.answer(host, {"cmd": "set", "key": "glass_ml", "value": "lots"})
    assert bad["ok"] is False and "glass_ml" in bad["error"]
    unknown = commands.answer(host, {"cmd": "set", "key": "bedtime_routine", "value": "nope"})
    assert unknown == {"ok": False, "error": "bedtime_routine: no such routine; known: "}
    assert host.asked == ["reload_settings"]


def test_start_names_the_known_routines_and_a_running_session(host: Host) -> None:
    reply = commands.answer(host, {"cmd": "start", "routine": "bedtime"})
    assert reply == {"ok": False, "error": "unknown routine 'bedtime'; known: none"}
    host.routines["bedtime"] = object()  # type: ignore[assignment]  # only its id is read
    host.running = True
    assert commands.answer(host, {"cmd": "start", "routine": "bedtime"}) == {
        "ok": False,
        "error": "a session is already running",
    }
    assert host.asked == ["start bedtime"]


def test_import_counts_new_and_same(host: Host) -> None:
    entries = [_water(), _water(500)]
    first = commands.answer(host, {"cmd": "import", "entries": entries})
    assert first == {"ok": True, "new": 2, "same": 0, "newer_elsewhere": 0}
    second = commands.answer(host, {"cmd": "import", "entries": entries})
    assert second == {"ok": True, "new": 0, "same": 2, "newer_elsewhere": 0}
    assert host.asked == ["refresh"]


def test_the_computer_name_is_checked_before_it_is_written(host: Host) -> None:
    bad = commands.answer(host, {"cmd": "device_name", "name": "   "})
    assert bad["ok"] is False and bad["error"].startswith("--name: ")
    assert commands.answer(host, {"cmd": "device_name", "name": "Laptop"}) == {"ok": True}
    assert [d.name for d in host.store.devices() if d.this] == ["Laptop"]


def test_status_quit_activate_and_an_unknown_command(host: Host) -> None:
    assert commands.answer(host, {"cmd": "status"}) == {"ok": True, "pid": 1, "session": None}
    assert commands.answer(host, {"cmd": "activate"}) == {"ok": True}
    assert commands.answer(host, {"cmd": "quit"}) == {"ok": True}
    assert host.asked == ["activate", "quit"]
    reply = commands.answer(host, {"cmd": "dance"})
    assert reply == {
        "ok": False,
        "error": f"unknown command 'dance'; expected one of {ipc.COMMANDS}",
    }
