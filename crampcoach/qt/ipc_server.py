"""The GUI side of :mod:`crampcoach.ipc`: a Unix socket in the user's private socket folder.

No message stops the app from writing, answering or quitting: each
connection may send one line of at most ``ipc.MAX_REQUEST`` bytes, which is
checked (size, depth, JSON, the command's schema) before ``handler`` sees it;
every line gets exactly one reply, a handler's bug included; a peer that is
another user is hung up on; at most :data:`MAX_CONNECTIONS` are served at
once, and a client that does not finish its line within ``idle_ms`` is cut off.

The socket is the standard library's (the CLI's side is too), watched by a
``QSocketNotifier`` per descriptor: the event loop wakes only when a peer
connects or writes.  QtNetwork's ``QLocalServer`` did the same for 2.4 MiB
of PSS in the tray all day (``socket`` is 0.3 MiB).
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from crampcoach import ipc

MAX_CONNECTIONS = 16
_CHUNK = 65536

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class _Connection(QObject):
    """One peer: its socket, what it sent so far, and what is left to send it."""

    def __init__(self, sock: socket.socket, server: IpcServer) -> None:
        super().__init__(server)
        self.sock = sock
        self.buf: bytearray | None = bytearray()  # None once answered
        self.oversize = False  # past MAX_REQUEST: read to the line's end, then answer
        self.out = b""
        self.reader = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self.writer = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Write, self)
        self.writer.setEnabled(False)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)


class IpcServer(QObject):
    """Listen on ``path`` and answer each request line with ``handler(request)``."""

    def __init__(self, path: Path, handler: Handler) -> None:
        super().__init__()
        self.path = path
        self._handler = handler
        self._sock: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._conns: set[_Connection] = set()
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
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(os.fsencode(self.path))
            self.path.chmod(0o600)  # only this user may connect (peers are checked too)
            sock.listen(MAX_CONNECTIONS)
        except OSError as exc:
            sock.close()
            raise OSError(f"cannot listen on {self.path}: {exc.strerror or exc}") from exc
        sock.setblocking(False)
        self._sock = sock
        self._notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def close(self) -> None:
        """Stop listening, hang up on every peer and remove the socket file."""
        for conn in list(self._conns):
            self._drop(conn)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()

    def _accept(self) -> None:
        while self._sock is not None:
            try:
                sock, _ = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # out of descriptors, or the peer left first: try at the next one
                return
            sock.setblocking(False)
            if not self._trusted(sock):
                self.refused_peers += 1
                with contextlib.suppress(OSError):  # hang up with a reset, answering nothing
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
                sock.close()
                continue
            conn = _Connection(sock, self)
            self._conns.add(conn)
            conn.reader.activated.connect(lambda *_, c=conn: self._read(c))
            conn.writer.activated.connect(lambda *_, c=conn: self._write(c))
            if sum(c.buf is not None for c in self._conns) > MAX_CONNECTIONS:
                self._reply(conn, {"ok": False, "error": "the app is busy; try again"})
                continue
            # A client that connects and never finishes its line is cut off, so a
            # stuck or hostile peer cannot pile up open sockets.
            conn.idle.timeout.connect(lambda c=conn: self._timed_out(c))
            conn.idle.start(self.idle_ms)

    @staticmethod
    def _trusted(sock: socket.socket) -> bool:
        try:
            return ipc.peer_uid(sock.fileno()) == os.getuid()
        except OSError:
            return False

    def _drop(self, conn: _Connection) -> None:
        if conn not in self._conns:
            return
        self._conns.discard(conn)
        conn.idle.stop()
        conn.reader.setEnabled(False)
        conn.writer.setEnabled(False)
        conn.sock.close()
        conn.deleteLater()

    def _timed_out(self, conn: _Connection) -> None:
        if conn.buf is None:  # answered; the peer never hung up
            self._drop(conn)
        elif conn.oversize:
            self._reply(conn, _too_large())
        elif conn.buf:
            self._reply(conn, {"ok": False, "error": "the request was not finished in time"})
        else:
            self._drop(conn)

    def _read(self, conn: _Connection) -> None:
        try:
            chunk = conn.sock.recv(_CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:  # the peer hung up
            if conn.buf and not conn.out:  # half a line, then nothing more: say so
                self._reply(conn, {"ok": False, "error": "the request ended before its newline"})
            self._drop(conn)
            return
        buf = conn.buf
        if buf is None:
            return  # already answered: whatever follows is read and ignored
        if conn.oversize:
            # Read to the end of the line before answering: closing with unread
            # data would reset the connection and lose the reply.
            if b"\n" in chunk:
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
                    conn.oversize = True
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

    def _reply(self, conn: _Connection, reply: dict[str, Any]) -> None:
        """Send the one reply; the peer's hang-up (or ``idle_ms``) then closes the socket."""
        conn.buf = None
        conn.oversize = False
        conn.out = ipc.encode(reply)
        conn.idle.stop()
        with contextlib.suppress(TypeError, RuntimeError):  # not connected yet (busy reply)
            conn.idle.timeout.disconnect()
        conn.idle.timeout.connect(lambda c=conn: self._timed_out(c))
        conn.idle.start(self.idle_ms)
        self._write(conn)

    def _write(self, conn: _Connection) -> None:
        try:
            sent = conn.sock.send(conn.out)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:  # the peer left without its reply
            self._drop(conn)
            return
        conn.out = conn.out[sent:]
        conn.writer.setEnabled(bool(conn.out))  # the rest when the peer has read some
        if not conn.out:
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_WR)  # the reply is whole: the peer sees its end


def _too_large() -> dict[str, Any]:
    return {"ok": False, "error": f"request larger than {ipc.MAX_REQUEST} bytes"}
