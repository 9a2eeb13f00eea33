"""``crampcoach settings show|set``: validated, persisted, handed to a running app."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crampcoach import ipc
from crampcoach.cli import main
from crampcoach.core.clock import SystemClock
from crampcoach.core.settings import SETTINGS, defaults
from crampcoach.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_show_lists_every_setting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "settings", "show")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(SETTINGS)
    assert lines[0].split()[:2] == ["bedtime", "22:30"]
    code, out, _ = run(capsys, "settings", "show", "--format", "json")
    assert code == 0 and json.loads(out) == defaults()


def test_set_validates_and_persists(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "settings", "set", "bedtime", "22:45")
    assert (code, out) == (0, "bedtime = 22:45\n")
    code, out, _ = run(capsys, "settings", "set", "hydration_reminder", "off")
    assert (code, out) == (0, "hydration_reminder = false\n")
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        assert store.settings()["bedtime"] == "22:45"
        assert store.settings()["hydration_reminder"] is False
    _, out, _ = run(capsys, "settings", "show", "--format", "json")
    assert json.loads(out)["bedtime"] == "22:45"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("bedtme", "22:00", "crampcoach: unknown setting 'bedtme'; known settings: bedtime, "),
        (
            "bedtime",
            "25:00",
            "crampcoach: bedtime: expected a time as HH:MM (24-hour), got '25:00'",
        ),
        (
            "hydration_interval_min",
            "5",
            "crampcoach: hydration_interval_min: expected a whole number from 15 to 600, got 5",
        ),
        ("sounds", "maybe", "crampcoach: sounds: expected true or false, got 'maybe'"),
    ],
)
def test_bad_key_or_value_is_one_clear_line_exit_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, key: str, value: str, message: str
) -> None:
    code, out, err = run(capsys, "settings", "set", key, value)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1
    with Store.open(data_dir, clock=SystemClock(), read_only=True) as store:
        assert store.settings() == defaults()  # nothing written


def test_autostart_creates_the_login_entry(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    entry = data_dir / "xdg-config" / "autostart" / "crampcoach.desktop"
    assert run(capsys, "settings", "set", "autostart", "true")[0] == 0
    assert entry.is_file() and "Exec=" in entry.read_text()
    assert run(capsys, "settings", "set", "autostart", "false")[0] == 0
    assert not entry.exists()


@pytest.fixture
def fake_app(data_dir: Path) -> Iterator[list[dict[str, Any]]]:
    """Hold the store lock like the running app and answer IPC like it does."""
    got: list[dict[str, Any]] = []
    ipc.private_dir()
    path = ipc.socket_path(data_dir)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            buf = b""
            while not buf.endswith(b"\n"):
                buf += conn.recv(65536)
            request = ipc.decode(buf)
            got.append(request)
            conn.sendall(ipc.encode({"ok": True, "key": request["key"], "value": request["value"]}))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    with Store.open(data_dir, clock=SystemClock()):
        yield got
    thread.join(timeout=10)
    server.close()


def test_set_hands_over_to_the_running_app(
    capsys: pytest.CaptureFixture[str], fake_app: list[dict[str, Any]]
) -> None:
    code, out, _ = run(capsys, "settings", "set", "glass_ml", "300")
    assert code == 0
    assert out == "glass_ml = 300 (the running app uses it now)\n"
    # validated and converted before it is sent: the app gets an int
    assert fake_app == [{"cmd": "set", "key": "glass_ml", "value": 300}]
