"""Talk to the running CrampCoach app: a pure-Python client (socket + json, no Qt).

The running GUI holds the store lock for its whole life and listens on a Unix
domain socket (QLocalServer on a full path).  A second process that finds the
store locked hands its request over instead of writing beside it::

    reply = ipc.send(data_dir, {"cmd": "activate"})
    reply = ipc.send(data_dir, {"cmd": "start", "routine": "bedtime"})
    reply = ipc.send(data_dir, {"cmd": "log", "event": event.to_dict()})
    reply = ipc.send(data_dir, {"cmd": "set", "key": "glass_ml", "value": 300})
    reply = ipc.send(data_dir, {"cmd": "status"})   # pid, running session
    reply = ipc.send(data_dir, {"cmd": "quit"})     # quit as on SIGTERM

Wire format: one JSON object per line (UTF-8, newline-terminated) each way, one
request per connection.  The reply is ``{"ok": true, ...}`` or
``{"ok": false, "error": "..."}``.  ``send`` raises :class:`IpcError` when no
app answers.

Linux and macOS only: on Windows QLocalServer listens on a named pipe, which
this client does not speak.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

SOCKET_NAME = "crampcoach.sock"
# sun_path is 108 bytes on Linux including the terminating NUL (104 on macOS).
_MAX_SOCKET_PATH = 103
MAX_MESSAGE = 1 << 20  # a request or reply larger than 1 MiB is a bug, not data
COMMANDS = ("activate", "start", "log", "set", "status", "quit")


class IpcError(OSError):
    """No running app answered, or it answered with something that is not a reply."""


def socket_path(data_dir: Path) -> Path:
    """Where the app for ``data_dir`` listens.

    In the data folder when the full path fits a Unix socket address;
    otherwise in ``$XDG_RUNTIME_DIR`` (or the temp folder) under a name made
    from a hash of the data folder, so each data folder still has its own app.
    """
    data_dir = Path(data_dir).expanduser().resolve()
    direct = data_dir / SOCKET_NAME
    if len(os.fsencode(direct)) <= _MAX_SOCKET_PATH:
        return direct
    # crc32, not hashlib: this runs in the GUI's start-up, and hashlib loads
    # OpenSSL (about 4 MiB); the name only has to tell one user's folders apart.
    raw = os.fsencode(data_dir)
    digest = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime and Path(runtime).is_dir() else Path(_tmp_dir())
    return base / f"crampcoach-{os.getuid()}-{digest}.sock"


def _tmp_dir() -> str:
    # tempfile.gettempdir() without importing tempfile (which imports random/hashlib).
    for name in ("TMPDIR", "TEMP", "TMP"):
        folder = os.environ.get(name)
        if folder and Path(folder).is_dir():
            return folder
    return "/tmp"


def encode(message: dict[str, Any]) -> bytes:
    """One message as a wire line."""
    return json.dumps(message, separators=(",", ":")).encode("utf-8") + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    """Parse one wire line; raises ValueError when it is not a JSON object."""
    value = json.loads(line.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {type(value).__name__}")
    return value


def send(data_dir: Path, message: dict[str, Any], timeout: float = 10.0) -> dict[str, Any]:
    """Send one request to the running app and return its reply.

    Raises IpcError when nothing listens (no app, or a stale socket file),
    when the app does not answer within ``timeout`` seconds, or when the reply
    is garbled.  An ``{"ok": false}`` reply is returned, not raised: the caller
    decides how to word it.
    """
    import socket  # only a client needs it; the GUI imports ipc for the path and codec

    path = socket_path(data_dir)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(os.fsencode(path))
            sock.sendall(encode(message))
            buf = bytearray()
            while not buf.endswith(b"\n"):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                buf += chunk
                if len(buf) > MAX_MESSAGE:
                    raise IpcError(f"the reply from the app at {path} is too large")
    except (FileNotFoundError, ConnectionRefusedError) as exc:
        raise IpcError(f"no running CrampCoach app is listening at {path}") from exc
    except TimeoutError as exc:
        raise IpcError(f"the running CrampCoach app did not answer within {timeout:g} s") from exc
    except OSError as exc:
        if isinstance(exc, IpcError):
            raise
        raise IpcError(f"cannot talk to the running CrampCoach app at {path}: {exc}") from exc
    if not buf:
        raise IpcError(f"the app at {path} closed the connection without a reply")
    try:
        return decode(bytes(buf))
    except ValueError as exc:
        raise IpcError(f"the app at {path} sent a reply that is not JSON: {exc}") from exc
