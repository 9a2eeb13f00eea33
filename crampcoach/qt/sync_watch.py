"""Notice files another computer's sync tool changes under the running app.

A ``QFileSystemWatcher`` on the ``devices`` folder and each computer's folder
in it; changes are debounced (a sync tool writes a temp file, renames it, and
often several files at once), then ``Store.refresh`` re-reads what changed and
the app redraws only if the log may look different.
"""

from __future__ import annotations

from collections.abc import Callable

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
        self.watcher.directoryChanged.connect(lambda _path: self.timer.start())
        self.watcher.fileChanged.connect(lambda _path: self.timer.start())
        self._watch()

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
