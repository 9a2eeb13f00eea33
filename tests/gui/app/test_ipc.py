"""The app answers crampcoach.ipc requests: activate, log, set, start, status; stale sockets."""

from __future__ import annotations

import os
import socket
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from crampcoach import ipc
from crampcoach.core.clock import FakeClock
from crampcoach.core.events import EventType, WaterEvent, new_id

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pool() -> Any:
    with ThreadPoolExecutor(max_workers=1) as ex:
        yield ex


def _send(
    qtbot: Any, pool: ThreadPoolExecutor, data_dir: Path, msg: dict[str, Any]
) -> dict[str, Any]:
    """ipc.send blocks, so run it in a thread while the Qt loop serves the request."""
    fut: Future[dict[str, Any]] = pool.submit(ipc.send, data_dir, msg, 5.0)
    qtbot.waitUntil(fut.done, timeout=5000)
    return fut.result()


@pytest.fixture
def running(make_app: Any, data_dir: Path) -> Any:
    app = make_app()  # the real Store, holding the lock
    app.listen()
    return app


def test_activate_brings_the_window_back(
    running: Any, qtbot: Any, pool: Any, data_dir: Path
) -> None:
    running.main_window.hide()
    assert _send(qtbot, pool, data_dir, {"cmd": "activate"}) == {"ok": True}
    assert running.main_window.isVisible()


def test_log_stores_the_event_before_replying(
    running: Any, qtbot: Any, pool: Any, data_dir: Path, fake_clock: FakeClock
) -> None:
    event = WaterEvent(id=new_id(), at=fake_clock.now(), ml=330)
    reply = _send(qtbot, pool, data_dir, {"cmd": "log", "event": event.to_dict()})
    assert reply == {"ok": True, "id": event.id}
    assert running.store.get(event.id) == event
    assert "330 ml" in running.main_window.water_label.text()
    # A retried request is not stored twice.
    again = _send(qtbot, pool, data_dir, {"cmd": "log", "event": event.to_dict()})
    assert again["ok"] and again["duplicate"]
    assert len(running.store.events(types=[EventType.WATER])) == 1


def test_log_rejects_a_bad_event_with_a_reason(
    running: Any, qtbot: Any, pool: Any, data_dir: Path
) -> None:
    bad = {"type": "water", "id": "x", "at": "2026-03-10T20:00:00+00:00", "ml": 0}
    reply = _send(qtbot, pool, data_dir, {"cmd": "log", "event": bad})
    assert reply["ok"] is False and "ml: expected a whole number from 1 to 5000" in reply["error"]
    assert running.store.events() == []


def test_set_persists_and_signals(running: Any, qtbot: Any, pool: Any, data_dir: Path) -> None:
    with qtbot.waitSignal(running.settings_changed) as blocker:
        reply = _send(
            qtbot, pool, data_dir, {"cmd": "set", "key": "water_goal_ml", "value": "2000"}
        )
    assert reply == {"ok": True, "key": "water_goal_ml", "value": 2000}
    assert blocker.args[0]["water_goal_ml"] == 2000
    assert running.store.settings()["water_goal_ml"] == 2000
    assert "of your 2000 ml goal" in running.main_window.water_label.text()
    bad = _send(qtbot, pool, data_dir, {"cmd": "set", "key": "water_goal_ml", "value": "lots"})
    assert bad["ok"] is False and "water_goal_ml" in bad["error"]


def test_unknown_command_and_unknown_routine(
    running: Any, qtbot: Any, pool: Any, data_dir: Path
) -> None:
    reply = _send(qtbot, pool, data_dir, {"cmd": "dance"})
    assert reply["ok"] is False and "dance" in reply["error"]
    reply = _send(qtbot, pool, data_dir, {"cmd": "start", "routine": "nope"})
    assert reply["ok"] is False and "nope" in reply["error"] and "bedtime" in reply["error"]
    status = _send(qtbot, pool, data_dir, {"cmd": "status"})
    assert status["ok"] and status["pid"] == os.getpid() and status["session"] is None


def test_garbage_gets_an_error_reply_not_a_hang(running: Any, qtbot: Any, pool: Any) -> None:
    def raw() -> bytes:
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(5)
            s.connect(str(running.ipc_server.path))
            s.sendall(b"[1, 2]\n")
            return s.recv(4096)

    fut = pool.submit(raw)
    qtbot.waitUntil(fut.done, timeout=5000)
    reply = ipc.decode(fut.result())
    assert reply["ok"] is False and "JSON object" in reply["error"]


def test_no_app_raises_ipc_error(data_dir: Path) -> None:
    with pytest.raises(ipc.IpcError, match="no running CrampCoach app"):
        ipc.send(data_dir, {"cmd": "activate"}, timeout=1)


def test_stale_socket_file_does_not_block(
    make_app: Any, qtbot: Any, pool: Any, data_dir: Path
) -> None:
    # What a SIGKILLed app leaves behind: a socket file nobody listens on.
    ipc.private_dir()
    path = ipc.socket_path(data_dir)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(path))
    dead.close()
    assert path.exists()
    with pytest.raises(ipc.IpcError):
        ipc.send(data_dir, {"cmd": "activate"}, timeout=1)
    app = make_app()
    app.listen()
    assert _send(qtbot, pool, data_dir, {"cmd": "status"})["ok"]
    app.ipc_server.close()
    assert not path.exists()


def test_a_silent_client_is_cut_off(running: Any, qtbot: Any, pool: Any) -> None:
    running.ipc_server.idle_ms = 200

    def silent() -> bytes:
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(10)
            s.connect(str(running.ipc_server.path))
            return s.recv(4096)  # b"" once the server hangs up

    fut = pool.submit(silent)
    qtbot.waitUntil(fut.done, timeout=5000)
    assert fut.result() == b""
