"""Talk to the running CrampCoach app: the hand-over protocol and its client (no Qt).

The running GUI holds the store lock for its whole life and listens on a Unix
domain socket (``crampcoach.qt.ipc_server``).  A second process that finds the
store locked hands its request over instead of writing beside it::

    reply = ipc.send(data_dir, {"cmd": "activate"})
    reply = ipc.send(data_dir, {"cmd": "start", "routine": "bedtime"})
    reply = ipc.send(data_dir, {"cmd": "log", "event": event.to_dict()})
    reply = ipc.send(data_dir, {"cmd": "set", "key": "glass_ml", "value": 300})
    for part in ipc.import_parts(entries):                # `crampcoach import FILE`
        reply = ipc.send(data_dir, {"cmd": "import", "entries": part})  # new/same/newer
    reply = ipc.send(data_dir, {"cmd": "device_name", "name": "Laptop"})  # `devices --name`
    reply = ipc.send(data_dir, {"cmd": "status"})   # pid, running session
    reply = ipc.send(data_dir, {"cmd": "quit"})     # quit as on SIGTERM

Wire format: one JSON object per line (UTF-8, newline-terminated) each way, one
request per connection, at most :data:`MAX_REQUEST` bytes and
:data:`MAX_DEPTH` levels of nesting.  Every request gets exactly one reply,
``{"ok": true, ...}`` or ``{"ok": false, "error": "..."}``, whatever it was;
:func:`check_request` holds the one schema per command.  An import larger
than one request goes in parts (:func:`import_parts`), each under the size
limit; the app merges each by id, so a part sent twice (a retry) or a
command run again changes nothing.  The app never opens a file a request
names: the client reads and checks the file, the app checks every entry again.

Trust: the socket lives in a folder only this user can enter
(:func:`socket_dir`: ``$XDG_RUNTIME_DIR/crampcoach``, else a 0700 folder in the
temp folder that is created and checked, never used if another user owns it),
and each end asks the kernel who the other is (``SO_PEERCRED``) and hangs up
on another user.  Linux only (``SO_PEERCRED``, and the app's server is a
Unix socket too: ``crampcoach.qt.ipc_server``).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import struct
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: A request larger than this is refused (a log entry is a few kB at most).
MAX_REQUEST = 64 * 1024
#: A reply larger than this is a bug, not data.
MAX_MESSAGE = 1 << 20
#: Deeper nesting than this in a request is refused before it is parsed.
MAX_DEPTH = 8
COMMANDS = ("activate", "start", "log", "set", "import", "device_name", "status", "quit")
#: At most this many entries in one ``import`` request (each part is also under MAX_REQUEST).
MAX_IMPORT_PART = 2000
# sun_path is 108 bytes on Linux including the terminating NUL.
_MAX_SOCKET_PATH = 107
#: How long a second launch or a CLI command waits for a starting app to answer.
HANDOVER_WAIT_S = 30.0


class IpcError(OSError):
    """No running app answered, or it answered with something that is not a reply."""


class NotListening(IpcError):
    """Nothing listens (no app, an app still starting, or a stale socket file)."""


class UntrustedPeer(IpcError):
    """The socket or its folder belongs to another user: nothing is sent or answered."""


# --------------------------------------------------------------------------- where


def _tmp_dir() -> str:
    # tempfile.gettempdir() without importing tempfile (which imports random/hashlib).
    for name in ("TMPDIR", "TEMP", "TMP"):
        folder = os.environ.get(name)
        if folder and Path(folder).is_dir():
            return folder
    return "/tmp"


def _is_private(folder: Path) -> bool:
    try:
        st = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077


def socket_dir() -> Path:
    """The folder the socket lives in: ``$XDG_RUNTIME_DIR/crampcoach`` or ``<tmp>/crampcoach-<uid>``.

    ``$XDG_RUNTIME_DIR`` counts only when it is this user's private folder (as
    systemd makes it).  The folder is not created here; see :func:`private_dir`.
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_absolute() and _is_private(Path(runtime)):
        candidate = Path(runtime) / "crampcoach"
        if len(os.fsencode(candidate)) + 22 <= _MAX_SOCKET_PATH:
            return candidate
    return Path(_tmp_dir()) / f"crampcoach-{os.getuid()}"


def private_dir() -> Path:
    """Create (0700) and check the socket folder; UntrustedPeer if it is not ours alone.

    A folder another user created first, a symlink, or one that others may
    enter is never used: the message names it and says what to do.
    """
    folder = socket_dir()
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise IpcError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    if not _is_private(folder):
        raise UntrustedPeer(
            f"the folder {folder} is not private to you (another user's, a link, or open "
            "to others); CrampCoach will not use it. Remove it, or set XDG_RUNTIME_DIR to "
            "a folder only you can enter"
        )
    return folder


def socket_path(data_dir: Path) -> Path:
    """Where the app for ``data_dir`` listens: one name per data folder in :func:`socket_dir`."""
    # crc32, not hashlib: this runs in the GUI's start-up, and hashlib loads
    # OpenSSL (about 4 MiB); the name only has to tell one user's folders apart.
    raw = os.fsencode(Path(data_dir).expanduser().resolve())
    return socket_dir() / f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}.sock"


def peer_uid(fd: int) -> int:
    """The uid of the process at the other end of a connected Unix socket (SO_PEERCRED)."""
    import socket

    with socket.socket(fileno=os.dup(fd)) as sock:
        creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)


# --------------------------------------------------------------------------- the codec


def encode(message: dict[str, Any]) -> bytes:
    """One message as a wire line."""
    return json.dumps(message, separators=(",", ":")).encode("utf-8") + b"\n"


_DEPTH = bytes.maketrans(b"[{]}", b"\x01\x01\x02\x02")


def _depth(line: bytes) -> int:
    """How deeply brackets nest in a JSON text (brackets inside strings do not count)."""
    if line.count(b"[") + line.count(b"{") <= MAX_DEPTH:
        return 0  # cannot be too deep; the common case costs two counts
    deepest = level = 0
    in_string = escaped = False
    for byte in line:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            level += 1
            deepest = max(deepest, level)
        elif byte in (0x5D, 0x7D):
            level -= 1
    return deepest


def decode(line: bytes) -> dict[str, Any]:
    """Parse one wire line; ValueError when it is too large, too deep, or not a JSON object."""
    if len(line) > MAX_MESSAGE:
        raise ValueError(f"larger than {MAX_MESSAGE} bytes")
    if _depth(line) > MAX_DEPTH:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    try:
        value = json.loads(line.decode("utf-8"))
    except RecursionError:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels") from None
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {type(value).__name__}")
    return value


# --------------------------------------------------------------------------- the schema


def _scalar(value: object) -> bool:
    if isinstance(value, str):
        return len(value) <= 200
    return value is None or isinstance(value, bool | int)


#: One schema per command: each field's check (a request may have no other fields).
SCHEMAS: dict[str, dict[str, Callable[[object], bool]]] = {
    "activate": {},
    "status": {},
    "quit": {},
    "start": {"routine": lambda v: isinstance(v, str) and 0 < len(v) <= 64},
    "log": {"event": lambda v: isinstance(v, dict)},
    "set": {"key": lambda v: isinstance(v, str) and 0 < len(v) <= 64, "value": _scalar},
    "import": {
        "entries": lambda v: (
            isinstance(v, list)
            and 0 < len(v) <= MAX_IMPORT_PART
            and all(isinstance(e, dict) for e in v)
        )
    },
    "device_name": {"name": lambda v: isinstance(v, str) and 0 < len(v) <= 200},
}
_WHAT = {
    "routine": "a routine id (text)",
    "event": "an entry (an object)",
    "key": "a setting's name (text)",
    "value": "text (up to 200 characters), a whole number, true/false or null",
    "entries": f"a list of 1 to {MAX_IMPORT_PART} entries (objects)",
    "name": "a computer's name (text, up to 200 characters)",
}


def check_request(request: dict[str, Any]) -> str:
    """The request's command if it fits that command's schema; ValueError saying what is wrong."""
    cmd = request.get("cmd")
    if not isinstance(cmd, str) or cmd not in SCHEMAS:
        shown = cmd if isinstance(cmd, str) and len(cmd) <= 40 else type(cmd).__name__
        raise ValueError(f"unknown command {shown!r}; expected one of {', '.join(COMMANDS)}")
    schema = SCHEMAS[cmd]
    for key, value in request.items():
        if key == "cmd":
            continue
        check = schema.get(key)
        if check is None:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise ValueError(f"'{cmd}' takes no field {shown!r}")
        if not check(value):
            raise ValueError(f"'{cmd}': {key} must be {_WHAT[key]}")
    missing = [k for k in schema if k not in request]
    if missing:
        raise ValueError(f"'{cmd}' needs {', '.join(missing)}")
    return cmd


def import_parts(entries: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """``entries`` cut, in order, into ``import`` requests that each fit the limits.

    ValueError if one entry alone is too large for a request (the journal's
    limits on text keep every valid entry far below it).
    """
    room = MAX_REQUEST - len(encode({"cmd": "import", "entries": []}))
    parts: list[list[dict[str, Any]]] = []
    part: list[dict[str, Any]] = []
    used = 0
    for n, entry in enumerate(entries, start=1):
        size = len(encode(entry)) - 1 + 1  # without its newline, with its comma
        if size > room:
            raise ValueError(f"entry {n} is larger than {MAX_REQUEST} bytes")
        if part and (used + size > room or len(part) >= MAX_IMPORT_PART):
            parts.append(part)
            part, used = [], 0
        part.append(entry)
        used += size
    if part:
        parts.append(part)
    return parts


# --------------------------------------------------------------------------- the client


def send(data_dir: Path, message: dict[str, Any], timeout: float = 10.0) -> dict[str, Any]:
    """Send one request to the running app and return its reply.

    Raises NotListening when nothing listens (no app, or a stale socket
    file), UntrustedPeer when the folder or the listening process is not this
    user's (nothing is sent), IpcError when the app does not answer within
    ``timeout`` seconds or the reply is garbled.  An ``{"ok": false}`` reply
    is returned, not raised: the caller decides how to word it.
    """
    import socket  # only a client needs it; the GUI imports ipc for the path and codec

    path = socket_path(data_dir)
    if path.parent.exists() and not _is_private(path.parent):
        raise UntrustedPeer(
            f"the socket folder {path.parent} is not private to you; nothing was sent. "
            "Remove it, or set XDG_RUNTIME_DIR to a folder only you can enter"
        )
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(os.fsencode(path))
            uid = peer_uid(sock.fileno())
            if uid != os.getuid():
                raise UntrustedPeer(
                    f"the socket {path} is held by another user (uid {uid}); nothing was sent"
                )
            with contextlib.suppress(BrokenPipeError):  # refused early: read why
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
        raise NotListening(f"no running CrampCoach app is listening at {path}") from exc
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


def send_when_ready(
    data_dir: Path,
    message: dict[str, Any],
    lock_free: Callable[[], bool],
    *,
    wait: float | None = None,
    waiting: Callable[[], object] | None = None,
) -> dict[str, Any] | None:
    """Hand ``message`` to the app that holds the lock, waiting while it starts.

    An app takes the lock before it listens, so a request made in its first
    second finds nobody listening yet: poll until it answers (its reply is
    returned), or until ``lock_free()`` says the holder has gone (None: the
    caller writes itself).  IpcError (NotListening) after ``wait`` seconds.
    ``waiting()`` is called once, when the first try finds nobody listening.
    """
    deadline = time.monotonic() + (HANDOVER_WAIT_S if wait is None else wait)
    told = False
    while True:
        try:
            return send(data_dir, message)
        except NotListening:
            if lock_free():
                return None
            if time.monotonic() >= deadline:
                raise
            if waiting is not None and not told:
                waiting()
                told = True
            time.sleep(0.05)
