"""The hand-over protocol without Qt: limits, one schema per command, a private socket folder."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from crampcoach import ipc


@pytest.mark.parametrize(
    ("request_", "why"),
    [
        ({"cmd": 7}, "unknown command"),
        ({"cmd": "rm -rf"}, "unknown command"),
        ({}, "unknown command"),
        ({"cmd": "activate", "extra": 1}, "takes no field"),
        ({"cmd": "start"}, "needs routine"),
        ({"cmd": "start", "routine": ["bedtime"]}, "routine must be"),
        ({"cmd": "start", "routine": "x" * 65}, "routine must be"),
        ({"cmd": "log"}, "needs event"),
        ({"cmd": "log", "event": "water"}, "event must be"),
        ({"cmd": "set", "key": "glass_ml"}, "needs value"),
        ({"cmd": "set", "key": 5, "value": 1}, "key must be"),
        ({"cmd": "set", "key": "glass_ml", "value": {"a": 1}}, "value must be"),
        ({"cmd": "set", "key": "glass_ml", "value": 2.5}, "value must be"),
        ({"cmd": "set", "key": "glass_ml", "value": "x" * 201}, "value must be"),
        ({"cmd": "import"}, "needs entries"),
        ({"cmd": "import", "entries": []}, "entries must be"),
        ({"cmd": "import", "entries": {"type": "water"}}, "entries must be"),
        ({"cmd": "import", "entries": [{"type": "water"}, "water"]}, "entries must be"),
        ({"cmd": "import", "entries": [{}] * (ipc.MAX_IMPORT_PART + 1)}, "entries must be"),
        ({"cmd": "import", "entries": [{}], "path": "/etc/passwd"}, "takes no field 'path'"),
    ],
)
def test_each_command_has_one_schema(request_: dict[str, object], why: str) -> None:
    with pytest.raises(ValueError, match=why):
        ipc.check_request(request_)


def test_valid_requests_pass() -> None:
    for request in (
        {"cmd": "activate"},
        {"cmd": "status"},
        {"cmd": "quit"},
        {"cmd": "start", "routine": "bedtime"},
        {"cmd": "log", "event": {"type": "water"}},
        {"cmd": "set", "key": "voice", "value": True},
        {"cmd": "set", "key": "bedtime", "value": "22:00"},
        {"cmd": "import", "entries": [{"type": "water"}]},
    ):
        assert ipc.check_request(request) == request["cmd"]


def _entry(n: int, note: str = "") -> dict[str, object]:
    return {"id": f"e{n}", "type": "cramp", "at": "2026-11-20T03:00+01:00", "note": note}


@pytest.mark.parametrize("count", [1, 7, 3000])
def test_an_import_is_cut_into_parts_under_every_limit(count: int) -> None:
    entries = [_entry(n, "ö" * (n % 300)) for n in range(count)]  # \u00f6: 6 bytes each
    parts = ipc.import_parts(entries)
    assert [e for part in parts for e in part] == entries  # all of them, in order
    for part in parts:
        line = ipc.encode({"cmd": "import", "entries": part})
        assert len(line) - 1 <= ipc.MAX_REQUEST  # what the server accepts
        assert ipc.check_request(ipc.decode(line)) == "import"
    if count == 3000:
        assert len(parts) > 1
        # Full parts: a part and the next one's first entry would not fit.
        first, second = parts[0], parts[1]
        over = ipc.encode({"cmd": "import", "entries": [*first, second[0]]})
        assert len(over) - 1 > ipc.MAX_REQUEST or len(first) == ipc.MAX_IMPORT_PART


def test_an_entry_too_large_for_any_request_is_refused_by_number() -> None:
    with pytest.raises(ValueError, match="entry 2 is larger"):
        ipc.import_parts([_entry(1), _entry(2, "x" * ipc.MAX_REQUEST)])


def test_deep_nesting_is_refused_before_parsing() -> None:
    deep = b'{"cmd":"log","event":' + b"[" * 60_000 + b"]" * 60_000 + b"}"
    with pytest.raises(ValueError, match="nested deeper"):
        ipc.decode(deep)
    # Brackets inside strings are text, not nesting.
    text = json.dumps({"cmd": "log", "event": {"note": "[[[[[[[[[[[[{{{{{{{{{{"}}).encode()
    assert ipc.decode(text)["event"]["note"].startswith("[[[")


@pytest.mark.parametrize("line", [b"[1, 2]", b"\xff\xfe", b"nul\x00", b'"just text"', b"{"])
def test_anything_but_a_json_object_is_a_value_error(line: bytes) -> None:
    with pytest.raises(ValueError):
        ipc.decode(line)


def test_the_socket_folder_is_private_and_created_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    folder = ipc.private_dir()
    assert folder == tmp_path / f"crampcoach-{os.getuid()}"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert ipc.socket_path(tmp_path / "data").parent == folder
    # Two data folders, two sockets; the name never depends on the data folder's length.
    long_a, long_b = tmp_path / ("a" * 200), tmp_path / ("b" * 200)
    assert ipc.socket_path(long_a) != ipc.socket_path(long_b)
    assert len(os.fsencode(ipc.socket_path(long_a))) < 108


def test_a_folder_others_may_enter_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    planted = tmp_path / f"crampcoach-{os.getuid()}"
    planted.mkdir()
    planted.chmod(0o777)  # what another user would leave (or a careless umask)
    with pytest.raises(ipc.UntrustedPeer, match=str(planted)):
        ipc.private_dir()
    with pytest.raises(ipc.UntrustedPeer, match="nothing was sent"):
        ipc.send(tmp_path / "data", {"cmd": "status"}, timeout=1)


def test_a_link_in_place_of_the_folder_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    (tmp_path / f"crampcoach-{os.getuid()}").symlink_to(target)
    with pytest.raises(ipc.UntrustedPeer):
        ipc.private_dir()


def test_xdg_runtime_dir_is_used_when_it_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert ipc.socket_dir() == runtime / "crampcoach"
    runtime.chmod(0o755)  # not private: fall back to our own folder in the temp folder
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert ipc.socket_dir() == tmp_path / f"crampcoach-{os.getuid()}"


def test_the_client_reads_the_peer_uid_from_the_kernel() -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        assert ipc.peer_uid(a.fileno()) == os.getuid()
