"""The GUI side of :mod:`crampcoach.ipc`: a QLocalServer in the user's private socket folder.

No message stops the app from writing, answering or quitting: each
connection may send one line of at most ``ipc.MAX_REQUEST`` bytes, which is
checked (size, depth, JSON, the command's schema) before ``handler`` sees it;
every line gets exactly one reply, a handler's bug included; a peer that is
another user is hung up on; at most :data:`MAX_CONNECTIONS` are served at
once, and a client that does not finish its line within ``idle_ms`` is cut off.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QObject, QTimer

from crampcoach import ipc

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

MAX_CONNECTIONS = 16

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class IpcServer(QObject):
    """Listen on ``path`` and answer each request line with ``handler(request)``."""

    def __init__(self, path: Path, handler: Handler) -> None:
        super().__init__()
        # Imported here, not at module level: QtNetwork costs start-up time and
        # nothing needs the socket before the main window is painted.
        from PySide6.QtNetwork import QLocalServer

        self.path = path
        self._handler = handler
        self._server = QLocalServer(self)
        # Only this user may connect (the folder is private too, and peers are checked).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self._oversize: set[QLocalSocket] = set()
        self.idle_ms = 10_000
        self.refused_peers = 0  # connections from another user, hung up on

    def listen(self) -> None:
        """Start listening; call only while holding the store lock.

        The folder is created private (0700) and checked first.  Holding the
        lock proves no other app for this data folder is alive, so a socket
        file still there was left by a killed process and is removed.
        """
        if ipc.private_dir() != self.path.parent:
            raise OSError(f"the socket {self.path} is not in the private folder")
        self._server.removeServer(str(self.path))
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        if not self._server.listen(str(self.path)):
            raise OSError(f"cannot listen on {self.path}: {self._server.errorString()}")

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self._server.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            if not self._trusted(conn):
                self.refused_peers += 1
                conn.abort()
                conn.deleteLater()
                continue
            if len(self._buffers) >= MAX_CONNECTIONS:
                self._send(conn, {"ok": False, "error": "the app is busy; try again"})
                continue
            self._buffers[conn] = bytearray()
            # A client that connects and never finishes its line is cut off, so a
            # stuck or hostile peer cannot pile up open sockets.
            idle = QTimer(conn)
            idle.setSingleShot(True)
            idle.timeout.connect(lambda c=conn: self._timed_out(c))
            idle.start(self.idle_ms)
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(lambda c=conn: self._drop(c))
            if conn.bytesAvailable():
                self._read(conn)

    @staticmethod
    def _trusted(conn: QLocalSocket) -> bool:
        try:
            return ipc.peer_uid(int(conn.socketDescriptor())) == os.getuid()
        except OSError:
            return False

    def _drop(self, conn: QLocalSocket) -> None:
        self._buffers.pop(conn, None)
        self._oversize.discard(conn)
        conn.deleteLater()

    def _timed_out(self, conn: QLocalSocket) -> None:
        if conn in self._oversize:
            self._oversize.discard(conn)
            self._reply(conn, _too_large())
        elif self._buffers.get(conn):
            self._reply(conn, {"ok": False, "error": "the request was not finished in time"})
        else:
            self._buffers.pop(conn, None)
            conn.abort()

    def _read(self, conn: QLocalSocket) -> None:
        buf = self._buffers.get(conn)
        if buf is None:
            conn.readAll()  # already answered: whatever follows is ignored
            return
        chunk = bytes(conn.readAll().data())
        if conn in self._oversize:
            # Read to the end of the line before answering: closing with unread
            # data would reset the connection and lose the reply.
            if b"\n" in chunk:
                self._oversize.discard(conn)
                self._reply(conn, _too_large())
            return
        buf += chunk
        end = buf.find(b"\n")
        if end < 0 or end > ipc.MAX_REQUEST:
            if len(buf) > ipc.MAX_REQUEST:
                buf.clear()  # never held: the rest is only read, not kept
                if end >= 0:
                    self._reply(conn, _too_large())
                else:
                    self._oversize.add(conn)
            return
        self._reply(conn, self.answer(bytes(buf[:end])))

    def answer(self, line: bytes) -> dict[str, Any]:
        """The reply to one request line (never raises)."""
        try:
            request = ipc.decode(line)
            ipc.check_request(request)
        except ValueError as exc:
            return {"ok": False, "error": f"not a valid request: {exc}"}
        try:
            return self._handler(request)
        except Exception as exc:  # a bug must not kill the app or leave the client hanging
            return {"ok": False, "error": f"the app failed on this request: {type(exc).__name__}"}

    def _reply(self, conn: QLocalSocket, reply: dict[str, Any]) -> None:
        self._buffers.pop(conn, None)
        self._send(conn, reply)

    @staticmethod
    def _send(conn: QLocalSocket, reply: dict[str, Any]) -> None:
        conn.write(QByteArray(ipc.encode(reply)))
        conn.flush()
        conn.disconnectFromServer()  # waits for the reply to be written


def _too_large() -> dict[str, Any]:
    return {"ok": False, "error": f"request larger than {ipc.MAX_REQUEST} bytes"}
