"""No hand-over message stops the app; peers are checked; a CLI waits for a starting app."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crampcoach import ipc
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType

CLI = [sys.executable, "-m", "crampcoach"]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pool() -> Any:
    with ThreadPoolExecutor(max_workers=1) as ex:
        yield ex


@pytest.fixture
def running(make_app: Any) -> Any:
    app = make_app()
    app.listen()
    return app


def _raw(path: Path, data: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(5)
        s.connect(str(path))
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        except BrokenPipeError:
            pass  # the app answered a too-large request before reading it all
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out


def _exchange(qtbot: Any, pool: ThreadPoolExecutor, path: Path, data: bytes) -> dict[str, Any]:
    fut: Future[bytes] = pool.submit(_raw, path, data)
    qtbot.waitUntil(fut.done, timeout=5000)
    return ipc.decode(fut.result())


def _water(eid: Any, at: str, ml: Any = 250) -> bytes:
    event = {"type": "water", "id": eid, "at": at, "ml": ml}
    return ipc.encode({"cmd": "log", "event": event})


def test_the_reported_jam_an_int_id_after_a_string_one(
    running: Any, qtbot: Any, pool: Any, fake_clock: FakeClock
) -> None:
    path = running.ipc_server.path
    at = fake_clock.now().isoformat()
    assert _exchange(qtbot, pool, path, _water("first", at))["ok"]
    refused = _exchange(qtbot, pool, path, _water(7, at))
    assert refused["ok"] is False and "id" in refused["error"]
    # Every later write still works, and quit is still obeyed.
    assert _exchange(qtbot, pool, path, _water("second", at))["ok"]
    assert [e.id for e in running.store.events()] == ["first", "second"]


@pytest.mark.parametrize(
    "field",
    [
        {"ml": True},
        {"ml": 250.5},
        {"id": ""},
        {"id": "x" * 500_000},
    ],
)
def test_wrong_types_over_the_socket_are_refused_and_not_stored(
    running: Any, qtbot: Any, pool: Any, fake_clock: FakeClock, field: dict[str, Any]
) -> None:
    data = {"type": "water", "id": "w", "at": fake_clock.now().isoformat(), "ml": 250, **field}
    reply = _exchange(
        qtbot, pool, running.ipc_server.path, ipc.encode({"cmd": "log", "event": data})
    )
    assert reply["ok"] is False
    assert running.store.events() == []


BAD_LINES = [
    b"x" * (ipc.MAX_REQUEST * 3) + b"\n",  # huge
    b"[" * 60_000 + b"\n",  # deep
    b'{"cmd":"log","event":' + b"[" * 5000 + b"]" * 5000 + b"}\n",
    b"\xff\xfe\x00\n",
    b"null\n",
    b'{"cmd": "set", "key": "glass_ml", "value": {"deep": [1]}}\n',
    b'{"cmd": "start", "routine": ["bedtime"]}\n',
    b'{"cmd": "quit", "now": true}\n',
]


def test_every_malformed_message_gets_a_reply_and_the_app_goes_on(
    running: Any, qtbot: Any, pool: Any, fake_clock: FakeClock
) -> None:
    path = running.ipc_server.path
    for line in BAD_LINES:
        reply = _exchange(qtbot, pool, path, line)
        assert reply["ok"] is False, line[:40]
    assert _exchange(qtbot, pool, path, ipc.encode({"cmd": "status"}))["ok"]
    assert not running.quitting


messages = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=20,
)
entry_fields = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["water", "cramp", "session", "beer"]),
        "id": st.one_of(st.integers(), st.text(max_size=70), st.sampled_from(["a", "b", "c"])),
        "at": st.sampled_from(["2026-03-10T19:00:00+00:00", "0001-01-01T00:00-01:00", 5]),
        "ml": st.one_of(st.integers(-5, 6000), st.floats(), st.booleans()),
        "note": st.text(max_size=20),
    }
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.one_of(messages, entry_fields.map(lambda e: {"cmd": "log", "event": e})), max_size=6
    )
)
def test_generated_messages_never_stop_the_app_and_only_valid_entries_are_stored(
    running: Any, qtbot: Any, pool: Any, batch: list[Any]
) -> None:
    path = running.ipc_server.path
    accepted: dict[str, dict[str, Any]] = {}
    for msg in batch:
        line = json.dumps(msg).encode() + b"\n"
        reply = _exchange(qtbot, pool, path, line)
        assert isinstance(reply.get("ok"), bool)
        if reply["ok"] and isinstance(msg, dict) and msg.get("cmd") == "log":
            accepted[reply["id"]] = msg["event"]
        assert _exchange(qtbot, pool, path, ipc.encode({"cmd": "status"}))["ok"]
    stored = {e.id: e.to_dict() for e in running.store.events(types=[EventType.WATER])}
    for eid, event in accepted.items():
        assert stored[eid]["ml"] == event["ml"]  # accepted once, stored once
    assert len({e.id for e in running.store.events()}) == len(running.store.events())
    assert set(stored) <= set(accepted) | _earlier(running)


def _earlier(app: Any) -> set[str]:
    # Hypothesis reuses the fixture's app across examples: earlier examples' entries count.
    return {e.id for e in app.store.events()}


def test_a_peer_of_another_user_is_hung_up_on(
    running: Any, qtbot: Any, pool: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcoach.qt import ipc_server

    real = os.getuid()
    monkeypatch.setattr(ipc_server.os, "getuid", lambda: real + 4242)

    def attempt() -> bytes:
        try:
            return _raw(running.ipc_server.path, ipc.encode({"cmd": "quit"}))
        except ConnectionResetError:
            return b""

    fut: Future[bytes] = pool.submit(attempt)
    qtbot.waitUntil(fut.done, timeout=5000)
    assert fut.result() == b""  # hung up on: nothing answered, nothing done
    assert running.ipc_server.refused_peers == 1 and not running.quitting


def test_a_cli_started_while_the_app_starts_waits_for_the_hand_over(
    make_app: Any, qtbot: Any, data_dir: Path, fake_clock: FakeClock
) -> None:
    app = make_app()  # holds the lock, not listening yet: the app's first second
    proc = subprocess.Popen(
        [*CLI, "log", "water", "--ml", "333", "--at", fake_clock.now().isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()  # blocks until the CLI says it waits
    assert "waiting" in line
    app.listen()
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20_000)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "via the running app" in out
    assert [e.to_dict()["ml"] for e in app.store.events(types=[EventType.WATER])] == [333]


def test_a_line_cut_short_by_the_peer_is_answered_and_the_socket_is_private(
    running: Any, qtbot: Any, pool: Any
) -> None:
    # No newline, then the peer's end: an error reply, never the handler, never a hang.
    reply = _exchange(qtbot, pool, running.ipc_server.path, b'{"cmd": "quit"}')
    assert reply["ok"] is False and "newline" in reply["error"]
    assert not running.quitting
    assert running.ipc_server.path.stat().st_mode & 0o077 == 0
