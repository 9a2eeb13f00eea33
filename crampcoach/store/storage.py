"""A crash-safe TinyDB ``Storage``: atomic, durable, checksummed, cached.

TinyDB's ``JSONStorage`` rewrites its file in place (seek 0, write, truncate),
so a crash mid-write leaves truncated JSON (tinydb issues #301, #461), and its
``CachingMiddleware`` can lose up to 999 acknowledged changes.  This storage
instead:

* writes the whole document to a temp file in the same folder, fsyncs it,
  ``os.replace``s it over the old file and fsyncs the folder, so a reader (or
  a crash) only ever sees the old or the new complete file;
* has no write-behind cache: ``write`` returns only once the bytes are durable;
* keeps the last written/read data in memory so ``read`` never re-parses the
  file (TinyDB calls ``read`` on every query and every change);
* puts a ``_meta`` table in every file with the schema version and a CRC-32 of
  the rest of the file's bytes, so a flipped byte that still parses as JSON is
  noticed at load instead of silently changing an entry.

The file stays a plain TinyDB JSON file: ``TinyDB(path)`` can open it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from crampcoach.store.errors import CorruptFileError, StoreReadOnlyError

#: The schema version written into every file's ``_meta`` table.
SCHEMA_VERSION = 1

Tables = dict[str, dict[str, Any]]

#: ``MIGRATIONS[n]`` turns a file's tables at schema ``n`` into schema ``n + 1``
#: (without ``_meta``).  A file older than ``SCHEMA_VERSION`` is migrated step by
#: step at load and written back; a newer or unknown version cannot be read.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}

META = "_meta"
TEMP_SUFFIX = ".tmp"


def _dumps(obj: Any) -> bytes:
    # ensure_ascii keeps the bytes independent of the locale and makes the
    # checksum over "what json.loads gives back, dumped again" exact.
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def encode(tables: Tables, schema: int | None = None) -> bytes:
    """The file bytes for ``tables``: ``_meta`` first, then the tables, checksummed."""
    body = {name: table for name, table in tables.items() if name != META}
    body_bytes = _dumps(body)
    version = SCHEMA_VERSION if schema is None else schema
    meta = _dumps({"1": {"schema": version, "crc32": zlib.crc32(body_bytes)}})
    rest = b"," + body_bytes[1:] if body else b"}"
    return b'{"' + META.encode() + b'":' + meta + rest


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX needs the directory fsynced)."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    Temp file in the same folder (``os.replace`` is atomic only within one file
    system), written with ``os.write``, fsynced, renamed, folder fsynced.  On any
    error the temp file is removed and the old file is untouched; the OSError
    propagates.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
    fsync_dir(path.parent)


def decode(raw: bytes, name: str) -> tuple[Tables, int]:
    """Parse and check file bytes; return (tables without ``_meta``, schema version).

    Raises CorruptFileError with a plain reason for an empty, truncated, non-JSON,
    non-object, checksum-failing or unknown-schema file.
    """
    if not raw.strip(b" \t\r\n\x00"):
        raise CorruptFileError(name, "the file is empty")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise CorruptFileError(name, "the file is not valid JSON (cut short or damaged)") from None
    if not isinstance(data, dict):
        raise CorruptFileError(name, "the file does not hold a JSON object")
    for table in data.values():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise CorruptFileError(name, "a table in the file is damaged")
    meta_table = data.pop(META, None)
    meta = meta_table.get("1") if meta_table else None
    if not isinstance(meta, dict) or type(meta.get("schema")) is not int:
        raise CorruptFileError(name, "the file has no schema version")
    version: int = meta["schema"]
    # Every file this store writes has a checksum; one without was damaged or
    # hand-made, and is kept aside rather than trusted.
    if meta.get("crc32") != zlib.crc32(_dumps(data)):
        raise CorruptFileError(name, "the file's checksum does not match (damaged bytes)")
    if version > SCHEMA_VERSION:  # a newer app's file: never guess at it
        raise CorruptFileError(
            name,
            f"the file was written by a newer CrampCoach (schema {version}, "
            f"this one reads up to {SCHEMA_VERSION})",
        )
    if version < 1 or any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise CorruptFileError(name, f"the file has an unknown schema version ({version})")
    return data, version


def migrate(tables: Tables, version: int) -> Tables:
    """Run the migrations from ``version`` up to ``SCHEMA_VERSION``."""
    for v in range(version, SCHEMA_VERSION):
        tables = MIGRATIONS[v](tables)
    return tables


class AtomicJSONStorage(Storage):
    """The crash-safe storage described in the module docstring.

    ``initial`` is the already-checked data (the store loads and recovers files
    itself before handing them to TinyDB), so this class never parses a file.
    """

    def __init__(self, path: str | Path, initial: Tables | None = None, read_only: bool = False):
        """Wrap ``path`` with ``initial`` as its current content ({} when new)."""
        self.path = Path(path)
        self.read_only = read_only
        self._data: Tables = dict(initial or {})

    def peek(self) -> Tables:
        """The cached tables themselves (callers must not mutate them)."""
        return self._data

    def read(self) -> Tables:
        """A copy of the cached tables, safe for TinyDB to mutate.

        TinyDB edits what ``read`` returns before passing it to ``write``; if
        that write fails the cache must still be the committed state, so each
        document is copied (shallowly: TinyDB replaces values, never edits them).
        """
        return {
            name: {doc_id: dict(doc) for doc_id, doc in table.items()}
            for name, table in self._data.items()
        }

    def write(self, data: Tables) -> None:
        """Durably replace the file with ``data``; raises OSError, leaving the file as it was."""
        if self.read_only:
            raise StoreReadOnlyError(f"{self.path.name}: the log was opened read-only")
        tables = {name: table for name, table in data.items() if name != META}
        atomic_write_bytes(self.path, encode(tables))
        self._data = tables

    def close(self) -> None:
        """Nothing to release: every write is already on disk."""
