"""What the running app answers to a :mod:`crampcoach.ipc` request (``crampcoach log``, ``set`` ...).

The socket server (``ipc_server.py``) checks each line and hands the request
here; this module decides the reply and does the write through the app's
journal.  It has no Qt: what it needs of the app is :class:`CommandHost`
(``App`` is one; a test may pass a fake).  It sits above the store, not in
the core, because a refused write is told by the store's errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from crampcoach import exits, ipc
from crampcoach.core import profile, safety
from crampcoach.core.events import CrampEvent
from crampcoach.core.journal import EntryError, Journal, parse_entries
from crampcoach.core.model import Routine
from crampcoach.core.settings import SettingError, Settings
from crampcoach.store import Store, StoreError


class CommandHost(Protocol):
    """What a request may use of the running app."""

    @property
    def journal(self) -> Journal:
        """Every write goes through it."""
        ...

    @property
    def store(self) -> Store:
        """The log (this computer's name is written there)."""
        ...

    @property
    def routines(self) -> Mapping[str, Routine]:
        """The routines by id."""
        ...

    @property
    def settings(self) -> Settings:
        """The current settings."""
        ...

    def activate(self) -> None:
        """Another launch asked the app to come forward."""
        ...

    def start_routine(self, routine_id: str) -> bool:
        """Start a session; False if one is running already."""
        ...

    def reload_settings(self) -> None:
        """Re-read the settings after a write and tell everyone."""
        ...

    def refresh(self) -> None:
        """Redraw what shows the log after a write."""
        ...

    def status(self) -> dict[str, Any]:
        """The ``status`` reply's fields (pid, session, window, tray, notices ...)."""
        ...

    def quit_soon(self) -> None:
        """Quit once the reply is sent."""
        ...


def _not_saved(exc: StoreError) -> dict[str, Any]:
    """A write the app refused: not applied, now or later (the CLI exits with the fault)."""
    return {
        "ok": False,
        "error": f"the app could not save it: {exc}",
        "fault": exits.NOT_SAVED_FAULT,
    }


def answer(host: CommandHost, request: dict[str, Any]) -> dict[str, Any]:
    """The reply to one request (runs in the GUI thread)."""
    cmd = request.get("cmd")
    if cmd == "activate":
        host.activate()
        return {"ok": True}
    if cmd == "start":
        return _start(host, str(request.get("routine", "")))
    if cmd == "log":
        return _log(host, request.get("event"))
    if cmd == "import":
        return _import(host, request.get("entries"))
    if cmd == "device_name":
        return _device_name(host, request.get("name"))
    if cmd == "set":
        return _set(host, request.get("key"), request.get("value"))
    if cmd == "status":
        return {"ok": True, **host.status()}
    if cmd == "quit":
        host.quit_soon()
        return {"ok": True}
    return {"ok": False, "error": f"unknown command {cmd!r}; expected one of {ipc.COMMANDS}"}


def _start(host: CommandHost, routine_id: str) -> dict[str, Any]:
    if routine_id not in host.routines:
        known = ", ".join(sorted(host.routines)) or "none"
        return {"ok": False, "error": f"unknown routine {routine_id!r}; known: {known}"}
    if not host.start_routine(routine_id):
        return {"ok": False, "error": "a session is already running"}
    return {"ok": True}


def _set(host: CommandHost, key: object, value: object) -> dict[str, Any]:
    if not isinstance(key, str):
        return {"ok": False, "error": "'set' needs a 'key' string"}
    if key == "bedtime_routine" and value not in host.routines:
        known = ", ".join(sorted(host.routines))
        return {"ok": False, "error": f"bedtime_routine: no such routine; known: {known}"}
    try:
        stored = host.journal.set_setting(key, value)
    except SettingError as exc:
        return {"ok": False, "error": str(exc)}
    except StoreError as exc:  # not applied, now or later
        return _not_saved(exc)
    host.reload_settings()
    return {"ok": True, "key": key, "value": stored}


def _import(host: CommandHost, data: object) -> dict[str, Any]:
    """One part of ``crampcoach import FILE``: every entry checked, merged by id."""
    if not isinstance(data, list):
        return {"ok": False, "error": "'import' needs an 'entries' list"}
    try:
        counts = host.journal.import_events(parse_entries(data))
    except EntryError as exc:
        return {"ok": False, "error": f"not a valid entry: {exc}"}
    except StoreError as exc:  # nothing of this part acknowledged
        return {"ok": False, "error": f"the app could not save it: {exc}"}
    if counts.new:
        host.refresh()
    return {
        "ok": True,
        "new": counts.new,
        "same": counts.same,
        "newer_elsewhere": counts.newer_elsewhere,
    }


def _device_name(host: CommandHost, name: object) -> dict[str, Any]:
    """``crampcoach devices --name``: rename this computer as the others list it."""
    try:
        host.store.set_device_name(str(name))
    except ValueError as exc:
        return {"ok": False, "error": f"--name: {exc}"}
    except StoreError as exc:
        return _not_saved(exc)
    return {"ok": True}


def _log(host: CommandHost, data: object) -> dict[str, Any]:
    if not isinstance(data, dict):
        return {"ok": False, "error": "'log' needs an 'event' object"}
    try:
        event = host.journal.parse(data)
        # A client that timed out and retried with the same id: a no-op.
        new = host.journal.add(event)
    except EntryError as exc:
        return {"ok": False, "error": f"not a valid entry: {exc}"}
    except StoreError as exc:  # not acknowledged, and not saved later either
        return _not_saved(exc)
    if not new:
        return {"ok": True, "id": event.id, "duplicate": True}
    host.refresh()
    reply: dict[str, Any] = {"ok": True, "id": event.id}
    if isinstance(event, CrampEvent):
        # The same warning signs the dialog and the CLI show, for any client.
        health = profile.HealthProfile.of(host.settings)
        reply["warnings"] = [w.to_dict() for w in safety.check_episode(event, health)]
    return reply
