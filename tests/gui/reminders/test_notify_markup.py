"""Notification bodies stay plain text on a server that reads them as markup.

A private ``dbus-daemon`` and a small notification server on it (jeepney,
in a thread) that advertises the capabilities it is given and records every
``Notify`` call: the real :class:`DBusNotifier` talks to it over the bus.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from jeepney import HeaderFields, MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from PySide6.QtWidgets import QApplication

from crampcoach.core.events import ReminderKind
from crampcoach.core.reminders import Reminder, describe
from crampcoach.qt.notify import BUS_NAME, Notifications

HOSTILE = "<b>x</b> & <img src=file:///etc/passwd> <a href='https://x'>y</a>"


class Server:
    """Owns org.freedesktop.Notifications on the bus and answers as a real server would."""

    def __init__(self, address: str, caps: list[str]) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self._conn = open_dbus_connection(bus=address)
        reply = self._conn.send_and_get_reply(message_bus.RequestName(BUS_NAME), timeout=10)
        assert reply.body == (1,)  # the primary owner
        self._caps = caps
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                msg = self._conn.receive(timeout=0.2)
            except TimeoutError:
                continue
            except (OSError, EOFError):
                return
            if msg.header.message_type is not MessageType.method_call:
                continue
            member = msg.header.fields.get(HeaderFields.member)
            if member == "GetCapabilities":
                self._conn.send(new_method_return(msg, "as", (self._caps,)))
            elif member == "Notify":
                self.calls.append(msg.body)
                self._conn.send(new_method_return(msg, "u", (len(self.calls),)))
            else:
                self._conn.send(new_method_return(msg))

    def close(self) -> None:
        self._stop = True
        self._thread.join(timeout=10)
        self._conn.close()


@pytest.fixture
def bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()


def _shown(bus: str, caps: list[str], title: str, body: str) -> tuple[Any, ...]:
    server = Server(bus, caps)
    notes = Notifications()
    try:
        assert notes.show("t1", title, body, [("go", "Start")]) == "dbus"
    finally:
        notes.shutdown()
        server.close()
    (call,) = server.calls
    return tuple(call)


@pytest.mark.parametrize("caps", [["actions", "body", "body-markup"], ["actions", "body"]])
def test_a_hostile_routine_title_reaches_the_server_as_literal_text(
    qapp: QApplication, bus: str, caps: list[str]
) -> None:
    reminder = Reminder(ReminderKind.BEDTIME, datetime(2026, 12, 1, 21, 30, tzinfo=UTC))
    worded = describe(reminder, UTC, (HOSTILE, 300))
    title, body = (str(message) for message in worded)
    assert HOSTILE in body
    _app, _replaces, _icon, summary, sent, actions, _hints, _timeout = _shown(
        bus, caps, title, body
    )
    assert summary == title and actions == ["go", "Start"]
    if "body-markup" in caps:
        # Escaped as the spec says: the server shows the characters, builds no tag.
        assert "<" not in sent and ">" not in sent
        assert sent == (body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=file:///etc/passwd&gt;" in sent
    else:  # a server that shows the body as it is: sent as it is
        assert sent == body


def test_plain_text_with_entities_already_in_it_is_not_unescaped(
    qapp: QApplication, bus: str
) -> None:
    note = "tom &amp; jerry &lt;3 & a < b > c"
    *_, sent, _actions, _hints, _timeout = _shown(
        bus, ["body", "body-markup"], "Your week in review", note
    )
    assert sent == "tom &amp;amp; jerry &amp;lt;3 &amp; a &lt; b &gt; c"


def test_a_message_without_buttons_goes_to_the_server_for_its_time(
    qapp: QApplication, bus: str
) -> None:
    """The first close to the tray: the desktop shows it, not a balloon window of ours."""
    server = Server(bus, ["body"])
    notes = Notifications()
    try:
        assert notes.tell("CrampCoach keeps running", "Quit it from the tray menu.", 8.0) == "dbus"
    finally:
        notes.shutdown()
        server.close()
    ((_app, _replaces, _icon, summary, body, actions, _hints, timeout),) = server.calls
    assert (summary, body, actions, timeout) == (
        "CrampCoach keeps running",
        "Quit it from the tray menu.",
        [],
        8000,
    )


def test_told_soon_reaches_the_server_and_nothing_else_is_asked(
    qtbot: Any, qapp: QApplication, bus: str
) -> None:
    server = Server(bus, ["body"])
    notes = Notifications()
    otherwise: list[bool] = []
    try:
        notes.tell_soon("Title", "Body", 8.0, lambda: otherwise.append(True))
        qtbot.waitUntil(lambda: len(server.calls) == 1)
    finally:
        notes.shutdown()
        server.close()
    assert otherwise == []
