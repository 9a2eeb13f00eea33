"""Notice files another computer's sync tool changes under the running app.

A ``QFileSystemWatcher`` on the ``devices`` folder and each computer's folder
in it; changes are debounced (a sync tool writes a temp file, renames it, and
often several files at once), then ``Store.refresh`` re-reads what changed and
the app redraws only if the log may look different.

This computer's own folder changes each time the app writes (a session, a
setting); there only a file that appears or goes (a sync tool's conflict
copy) is news, so the app's own writes arm no timer: a hidden player once
woke 700 ms after the last write for nothing (issue 17).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from crampcoach.store import Store, StoreError

DEBOUNCE_MS = 700


class SyncWatcher(QObject):
    """Calls ``on_change`` after other computers' files changed (and settled)."""

    def __init__(
        self, store: Store, on_change: Callable[[], None], parent: QObject | None = None
    ) -> None:
        """Start watching the store's folders."""
        super().__init__(parent)
        self.store = store
        self.on_change = on_change
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.check)
        self._own = str(store.own_dir)
        self._own_names = _names(self._own)
        self.watcher.directoryChanged.connect(self._directory_changed)
        self.watcher.fileChanged.connect(lambda _path: self.timer.start())
        self._watch()

    def _directory_changed(self, path: str) -> None:
        if path == self._own:
            names = _names(path)
            if names == self._own_names:
                return  # the app's own write: a file replaced, none new or gone
            self._own_names = names
        self.timer.start()

    def _watch(self) -> None:
        wanted = [str(p) for p in self.store.watch_paths() if p.is_dir()]
        new = [p for p in wanted if p not in self.watcher.directories()]
        if new:
            self.watcher.addPaths(new)

    def check(self) -> None:
        """Re-read the other computers' files now; redraw if anything changed."""
        try:
            changed = self.store.refresh()
        except StoreError:
            return  # the store is closing; nothing to redraw
        self._watch()  # a computer that joined meanwhile has a new folder
        if changed:
            self.on_change()


def _names(folder: str) -> frozenset[str]:
    """The names in ``folder`` (none when it cannot be listed: it is not there yet)."""
    try:
        return frozenset(p.name for p in Path(folder).iterdir())
    except OSError:
        return frozenset()
