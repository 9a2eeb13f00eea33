"""What a file-sync tool's file names mean: a conflict copy, a transfer in progress, or data.

Recognised (from each tool's documentation and source):

* Syncthing: conflict copies ``<stem>.sync-conflict-YYYYMMDD-HHMMSS-<DEVICE><.ext>``
  (the short device id is seven characters); temporary files
  ``.syncthing.<name>.tmp`` and, on Windows-style setups, ``~syncthing~<name>.tmp``.
* Dropbox: ``<stem> (<who>'s conflicted copy YYYY-MM-DD)<.ext>``, also with a
  counter ``(… (1))`` and without a name; its ``.dropbox.cache`` folder.
* Nextcloud / ownCloud: ``<stem> (conflicted copy YYYY-MM-DD HHMMSS)<.ext>``
  (newer clients put the user's name after "copy"); partial downloads
  ``<name>.part`` / ``.<name>.~<hex>`` and lock files ``.~lock.<name>#``.

CrampCoach's own temporary files (``.<name>.<random>.tmp``) count as
temporary too.  Everything here is a pure function of the name.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class NameKind(enum.Enum):
    """What a name is."""

    DATA = "data"
    CONFLICT = "conflict"
    TEMPORARY = "temporary"


@dataclass(frozen=True, slots=True)
class SyncName:
    """A classified file name; ``original`` is the name a conflict copy is a copy of."""

    kind: NameKind
    original: str
    tool: str = ""


_SYNCTHING_CONFLICT = re.compile(
    r"^(?P<stem>.+?)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?(?P<ext>\.[^.]*)?$"
)
# "(conflicted copy ...)" with anything but parentheses inside, optionally a
# nested "(n)" counter: Dropbox and Nextcloud/ownCloud share the shape.
_CONFLICTED_COPY = re.compile(
    r"^(?P<stem>.+?) \((?P<inner>[^()]*conflicted copy[^()]*(?:\(\d+\))?)\)(?P<ext>\.[^.]*)?$"
)
_TEMPORARY = (
    (re.compile(r"^\.syncthing\..+\.tmp$"), "Syncthing"),
    (re.compile(r"^~syncthing~.+\.tmp$"), "Syncthing"),
    (re.compile(r"^\.~"), "Nextcloud"),
    (re.compile(r"^\..+\.~[0-9a-fA-F]+$"), "Nextcloud"),
    (re.compile(r"\.part$"), "Nextcloud"),
    (re.compile(r"^\.dropbox\.cache$"), "Dropbox"),
    (re.compile(r"^\..+\.tmp$"), "CrampCoach"),
)


def classify(name: str) -> SyncName:
    """Classify one file name (no folder part)."""
    for pattern, tool in _TEMPORARY:
        if pattern.search(name):
            return SyncName(NameKind.TEMPORARY, "", tool)
    m = _SYNCTHING_CONFLICT.match(name)
    if m:
        return SyncName(NameKind.CONFLICT, m.group("stem") + (m.group("ext") or ""), "Syncthing")
    m = _CONFLICTED_COPY.match(name)
    if m:
        tool = "Dropbox" if "'s conflicted copy" in m.group("inner") else "Nextcloud or Dropbox"
        return SyncName(NameKind.CONFLICT, m.group("stem") + (m.group("ext") or ""), tool)
    return SyncName(NameKind.DATA, name)
