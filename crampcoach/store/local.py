"""What belongs to this computer only, kept outside the (possibly synced) data folder.

* the *state folder*: ``$CRAMPCOACH_STATE_DIR``, else the platform's per-user
  state folder (``$XDG_STATE_HOME/crampcoach``) with one sub-folder per data
  folder (named by a hash of its real path, so two data folders on one
  computer are two devices, as two test "computers" on one machine need).
  It holds this computer's device id (made once), its own settings (those
  that describe this computer, e.g. when it last checked reminders), and the
  note of a multi-file write in progress (see ``Store._commit``);
* the single-writer lock: in ``$XDG_RUNTIME_DIR`` when there is one (a
  tmpfs that ends with the session), else in the state folder.  A lock in
  the data folder would be synced: another computer's stale copy must never
  block this one, and it cannot when the lock is not in that folder at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

from crampcoach import paths

STATE_ENV = "CRAMPCOACH_STATE_DIR"
DEVICE_FILE = "device.json"
LOCAL_SETTINGS_FILE = "settings.json"
INTENT_FILE = "write-in-progress.json"


def folder_key(data_dir: Path) -> str:
    """A short, stable name for a data folder: 64 bits of checksums of its real path.

    zlib rather than hashlib: it is loaded already (the file checksums), and
    importing hashlib costs start-up time; this only tells a user's few data
    folders apart, it guards nothing.
    """
    real = os.path.realpath(data_dir).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(real):08x}{zlib.adler32(real):08x}"


def state_dir(data_dir: Path) -> Path:
    """This computer's private folder for ``data_dir`` (created 0700 on first use)."""
    explicit = os.environ.get(STATE_ENV)
    if explicit:
        folder = Path(explicit).expanduser()
    else:
        folder = paths.user_state_dir() / folder_key(data_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def lock_path(data_dir: Path) -> Path:
    """Where the single-writer lock for ``data_dir`` lives on this computer."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir() and os.access(runtime, os.W_OK | os.X_OK):
        folder = Path(runtime) / "crampcoach"
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, exist_ok=True)
            if folder.stat().st_uid == os.getuid():
                return folder / f"store-{folder_key(data_dir)}.lock"
    return state_dir(data_dir) / "store.lock"


def read_json(path: Path) -> Any:
    """A small JSON file's content, or None if absent or unreadable."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def write_json(path: Path, value: Any) -> None:
    """Replace a small JSON file durably (raises OSError)."""
    # Here, not at the top: the lock (``store.lock``, which needs this module's
    # ``lock_path``) is taken before a --hidden start imports TinyDB.
    from crampcoach.store.storage import atomic_write_bytes

    atomic_write_bytes(path, json.dumps(value, sort_keys=True).encode("utf-8"))


def device_id(state: Path, read_only: bool) -> tuple[str, bool]:
    """This computer's device id for the folder, and whether it is saved.

    Made once (16 hex digits, 64 random bits), then kept in the state folder.
    A reader that finds none (a read-only look before the app ever ran) gets
    a fresh id that is not saved; so does a writer whose disk refuses (the
    store saves it before its first write, see ``save_device_id``).
    """
    path = state / DEVICE_FILE
    found = read_json(path)
    if isinstance(found, dict) and _valid_id(found.get("id")):
        return str(found["id"]), True
    if path.exists() and found is None:
        # Unreadable: keep it aside rather than silently becoming a new device.
        with contextlib.suppress(OSError):
            path.rename(path.with_name(f"{path.name}.unreadable"))
    new = os.urandom(8).hex()
    if read_only:
        return new, False
    try:
        save_device_id(state, new)
    except OSError:
        return new, False
    return new, True


def save_device_id(state: Path, device: str) -> None:
    """Record the device id (raises OSError)."""
    write_json(state / DEVICE_FILE, {"id": device})


def _valid_id(value: object) -> bool:
    return (
        isinstance(value, str)
        and 4 <= len(value) <= 64
        and all(c in "0123456789abcdefghijklmnopqrstuvwxyz-" for c in value)
    )


def default_name() -> str:
    """A device's name until the user picks one: the host name."""
    return os.uname().nodename or "this computer"


def clean_name(name: str) -> str:
    """A computer's name as stored (white space folded); ValueError if blank or long.

    Its own function so that ``crampcoach devices --name`` can refuse a bad
    name (exit 2) before it hands the rename to a running app.
    """
    clean = " ".join(name.split())
    if not clean or len(clean) > 80 or any(ord(c) < 32 for c in clean):
        raise ValueError("a computer's name must be 1-80 printable characters")
    return clean
