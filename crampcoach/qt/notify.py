"""Notifications with action buttons: freedesktop D-Bus, else the tray balloon, else a toast.

Backends, tried in order:

1. ``org.freedesktop.Notifications`` over the session bus, sent with
   **jeepney**.  PySide6's QtDBus cannot make this call: it marshals ints as
   ``i`` and an empty list as ``av``, and servers reject ``(sisssava{sv}i)``
   where the spec says ``(susssasa{sv}i)`` (see ``shared/design/platform.md``).
   jeepney's socket is watched by a ``QSocketNotifier`` on the GUI thread, so
   ``ActionInvoked`` / ``NotificationClosed`` arrive as Qt signals with no
   extra thread and no polling.
2. ``QSystemTrayIcon.showMessage``: no buttons; clicking the balloon invokes
   the ``"default"`` action (the app then opens its window and shows the toast,
   which has the buttons).
3. An in-app :class:`Toast`: a small frameless panel with the buttons.

Every backend reports through the same two signals of :class:`Notifications`:
``action_invoked(token, action_key)`` and ``closed(token, reason)`` with
reason ``"dismissed"``, ``"expired"`` or ``"closed"``.  A ``token`` is the
caller's id for the reminder (the D-Bus numeric id stays in here).
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from crampcoach.qt import dbus
from crampcoach.qt.dbus import CALL_TIMEOUT_S, DBusUnavailable
from crampcoach.qt.timers import Timer, TimerFactory, qt_timer

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
_CLOSE_REASONS = {1: "expired", 2: "dismissed", 3: "closed"}

Actions = Sequence[tuple[str, str]]  # (key, label)


def plain_body(text: str) -> str:
    """``text`` escaped for a server that reads the body as markup, so it shows as written.

    The notification spec's markup is a small XML subset (``<b>``, ``<i>``,
    ``<u>``, ``<a href>``, ``<img src>``); it names ``&amp;``, ``&lt;`` and
    ``&gt;`` for the three characters that start it.  A routine title, a note
    or a week's summary with ``<img src=file:///...>`` then stays text: no
    link, no image fetched, no bold.  (The summary is plain text by the spec.)
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DBusNotifier(QObject):
    """Freedesktop notifications with actions, through jeepney on the GUI thread."""

    action_invoked = Signal(int, str)  # notification id, action key
    closed = Signal(int, int)  # notification id, reason code

    def __init__(self, app_name: str, icon: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Lazy: jeepney is only needed once a reminder is due (start-up speed).
        from jeepney import MatchRule, MessageType
        from jeepney.bus_messages import message_bus

        self._app_name, self._icon = app_name, icon
        self._addr = dbus.address(OBJECT_PATH, BUS_NAME)
        self._conn = dbus.connect()
        try:
            (caps,) = self._call("GetCapabilities", "", ())  # is a server there at all?
        except (DBusUnavailable, OSError, TimeoutError, ValueError) as exc:
            self._conn.close()
            raise DBusUnavailable(f"no notification server on the session bus ({exc})") from exc
        #: The server reads the body as markup (dunst, GNOME, Plasma): text is escaped for it.
        self.body_markup = isinstance(caps, list) and "body-markup" in caps
        self._signals: deque[Any] = deque()
        rule = MatchRule(type=MessageType.signal, interface=BUS_NAME, path=OBJECT_PATH)
        self._filter = self._conn.filter(rule, queue=self._signals)
        self._conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT_S)
        self._sock_notifier = QSocketNotifier(
            self._conn.sock.fileno(), QSocketNotifier.Type.Read, self
        )
        self._sock_notifier.activated.connect(self._on_readable)

    def _call(self, method: str, signature: str, body: tuple[Any, ...]) -> tuple[Any, ...]:
        reply = dbus.call(self._conn, self._addr, method, signature, body)
        # Signals that arrived while we waited for the reply sit in the
        # queue now; the socket will not become readable again for them.
        QTimer.singleShot(0, self._dispatch)
        return reply

    def notify(
        self, title: str, body: str, actions: Actions, *, timeout_ms: int = -1, urgency: int = 1
    ) -> int:
        """Show a notification; returns its server id."""
        flat: list[str] = []
        for key, label in actions:
            flat += [key, label]
        hints = {"urgency": ("y", urgency), "desktop-entry": ("s", "crampcoach")}
        if self.body_markup:
            body = plain_body(body)
        (nid,) = self._call(
            "Notify",
            "susssasa{sv}i",
            (self._app_name, 0, self._icon, title, body, flat, hints, timeout_ms),
        )
        return int(nid)

    def close(self, nid: int) -> None:
        """Withdraw a notification."""
        try:
            self._call("CloseNotification", "u", (nid,))
        except (DBusUnavailable, OSError, TimeoutError) as exc:
            log.info("could not close notification %s: %s", nid, exc)

    def _on_readable(self) -> None:
        try:
            while True:
                self._conn.recv_messages(timeout=0)
        except TimeoutError:
            pass
        except (OSError, EOFError, ConnectionError) as exc:
            log.warning("notification bus connection lost: %s", exc)
            self._sock_notifier.setEnabled(False)
        self._dispatch()

    def _dispatch(self) -> None:
        while self._signals:
            msg = self._signals.popleft()
            member = msg.header.fields.get(_member_field())
            if member == "ActionInvoked":
                nid, key = msg.body
                self.action_invoked.emit(int(nid), str(key))
            elif member == "NotificationClosed":
                nid, reason = msg.body
                self.closed.emit(int(nid), int(reason))

    def shutdown(self) -> None:
        """Close the bus connection."""
        self._sock_notifier.setEnabled(False)
        self._filter.close()
        self._conn.close()


def _member_field() -> Any:
    from jeepney import HeaderFields

    return HeaderFields.member


TOAST_WIDTH = 420  # px, unless the buttons need more
TOAST_MIN_WIDTH = 260


class Toast(QFrame):
    """A small in-app notification with buttons, for desktops with neither server nor tray."""

    action_clicked = Signal(str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        if parent is None:
            self.setWindowFlags(
                Qt.WindowType.Tool
                | Qt.WindowType.FramelessWindowHint
                | Qt.WindowType.WindowStaysOnTopHint
            )
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        outer = self._outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold")
        #: "×": closes the toast without an answer (the reminder's fate: dismissed).
        self.close_button = close = QToolButton()
        close.setText("×")
        close.setAccessibleName(self.tr("Dismiss"))
        close.setAutoRaise(True)
        close.clicked.connect(self._dismiss)
        top.addWidget(self.title, 1)
        top.addWidget(close)
        outer.addLayout(top)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        outer.addWidget(self.body)
        self._buttons = QHBoxLayout()
        outer.addLayout(self._buttons)
        self.hide()

    def show_message(self, title: str, body: str, actions: Actions) -> None:
        """Fill and show the toast (replacing what it showed)."""
        self.title.setText(title)
        self.body.setText(body)
        while (item := self._buttons.takeAt(0)) is not None:
            if (w := item.widget()) is not None:
                w.deleteLater()
        self._buttons.addStretch(1)
        for key, label in actions:
            button = QPushButton(label)
            button.setObjectName(f"toast_{key}")
            button.clicked.connect(lambda _=False, k=key: self._act(k))
            self._buttons.addWidget(button)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def buttons(self) -> dict[str, QPushButton]:
        """The action buttons by key (for tests and accessibility)."""
        out: dict[str, QPushButton] = {}
        for i in range(self._buttons.count()):
            item = self._buttons.itemAt(i)
            w = item.widget() if item is not None else None
            if isinstance(w, QPushButton):
                out[w.objectName().removeprefix("toast_")] = w
        return out

    def _place(self) -> None:
        """Bottom right of the parent, wide enough that no button's text is cut.

        The buttons sit in a row when the row fits the room the parent leaves,
        else one under another at full width (a narrow window, long labels).
        """
        parent = self.parentWidget()
        if parent is None:
            return
        room = max(TOAST_MIN_WIDTH, parent.width() - 24)
        # Sizes as the stylesheet makes them: polish first (it otherwise happens at show).
        self.ensurePolished()
        for button in self.buttons().values():
            button.ensurePolished()
        self._buttons.setDirection(QBoxLayout.Direction.LeftToRight)
        self._buttons.invalidate()
        inner, frame = self._outer.contentsMargins(), self.contentsMargins()
        row = (
            self._buttons.sizeHint().width()
            + inner.left()
            + inner.right()
            + frame.left()
            + frame.right()
        )
        fits = row <= room
        if not fits:
            self._buttons.setDirection(QBoxLayout.Direction.TopToBottom)
        wanted = max(TOAST_WIDTH, row) if fits else TOAST_WIDTH
        self.setFixedWidth(min(room, wanted))
        self.adjustSize()
        self.move(parent.width() - self.width() - 12, parent.height() - self.height() - 12)

    def _act(self, key: str) -> None:
        self.hide()
        self.action_clicked.emit(key)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class Notifications(QObject):
    """One way to show a reminder, whatever the desktop offers."""

    action_invoked = Signal(str, str)  # token, action key ("default" = body clicked)
    closed = Signal(str, str)  # token, "dismissed" | "expired" | "closed"

    def __init__(
        self,
        *,
        tray: Callable[[], QSystemTrayIcon | None] = lambda: None,
        toast_parent: Callable[[], QWidget | None] = lambda: None,
        use_dbus: bool = True,
        app_name: str = "CrampCoach",
        icon: str = "",
        timers: TimerFactory = qt_timer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timers = timers
        self._tray, self._toast_parent = tray, toast_parent
        self._use_dbus, self._app_name, self._icon = use_dbus, app_name, icon
        self._dbus: DBusNotifier | None = None
        self._dbus_tried = False
        self._preparing = False
        self._by_nid: dict[int, str] = {}
        self._acted: set[str] = set()
        self._toast: Toast | None = None
        self._toast_token: str | None = None
        self._toast_timer: Timer | None = None
        self._tray_token: str | None = None
        self._connected_tray: QSystemTrayIcon | None = None
        self.last_backend = ""

    def prepare(self) -> None:
        """A reminder is near: import jeepney on a worker, so showing it imports nothing.

        Idle in the tray the bus is not needed, and jeepney is about 1 MiB; the
        reminders call this a little before their next one is due.  Without it,
        the first :meth:`show` imports jeepney in the GUI thread (10-25 ms).
        """
        if self._preparing or self._dbus_tried or not self._use_dbus:
            return
        self._preparing = True
        from crampcoach.qt import preload

        preload.import_then(dbus.MODULES, lambda _error: None, self)

    def _dbus_notifier(self) -> DBusNotifier | None:
        if not self._use_dbus:
            return None
        if not self._dbus_tried:
            self._dbus_tried = True
            try:
                self._dbus = DBusNotifier(self._app_name, self._icon, self)
            except DBusUnavailable as exc:
                log.info("desktop notifications unavailable, using fallback: %s", exc)
                self._dbus = None
            else:
                self._dbus.action_invoked.connect(self._on_dbus_action)
                self._dbus.closed.connect(self._on_dbus_closed)
        return self._dbus

    def show(
        self,
        token: str,
        title: str,
        body: str,
        actions: Actions,
        *,
        timeout_s: float | None = None,
    ) -> str:
        """Show a reminder; returns the backend used: ``"dbus"``, ``"tray"`` or ``"toast"``.

        ``timeout_s``: how long it stays unanswered before it goes by itself
        (``closed(token, "expired")``); None: until answered.  The server is
        asked for exactly that, not left to its default (dunst's is 10 s).
        """
        timeout_ms = 0 if timeout_s is None else max(1, round(timeout_s * 1000))
        backend = self._post(token, title, body, actions, timeout_ms)
        if backend is None:
            self.show_toast(token, title, body, actions, timeout_s=timeout_s)
            backend = "toast"
        self.last_backend = backend
        return backend

    def _post(
        self, token: str | None, title: str, body: str, actions: Actions, timeout_ms: int
    ) -> str | None:
        """On the notification server, else as a tray balloon: ``"dbus"``, ``"tray"`` or None.

        ``token``: what the buttons and a click answer to; None for a message
        with nothing to answer, whose balloon, clicked, then acts on no
        earlier reminder.
        """
        dbus = self._dbus_notifier()
        if dbus is not None:
            try:
                nid = dbus.notify(title, body, actions, timeout_ms=timeout_ms)
            except (DBusUnavailable, OSError, TimeoutError) as exc:
                log.warning("notification server failed, using fallback: %s", exc)
            else:
                if token is not None:
                    self._by_nid[nid] = token
                return "dbus"
        tray = self._tray()
        if tray is not None and tray.isVisible() and QSystemTrayIcon.supportsMessages():
            if self._connected_tray is not tray:
                tray.messageClicked.connect(self._on_tray_clicked)
                self._connected_tray = tray
            self._tray_token = token
            tray.showMessage(title, body, tray.icon(), timeout_ms)
            return "tray"
        return None

    def tell_soon(
        self, title: str, body: str, timeout_s: float, otherwise: Callable[[], None]
    ) -> None:
        """:meth:`tell`, once the bus library is imported; ``otherwise()`` if nothing showed it.

        jeepney is imported on a worker first when it is not yet: in the GUI
        thread its import made the first close to the tray, right after the
        main window's paint, a 67 ms stall in the desktop benchmark.
        """

        def then(_error: BaseException | None) -> None:
            if self.tell(title, body, timeout_s) is None:
                otherwise()

        if not self._use_dbus or self._dbus_tried or all(m in sys.modules for m in dbus.MODULES):
            then(None)
            return
        from crampcoach.qt import preload

        preload.import_then(dbus.MODULES, then, self)

    def tell(self, title: str, body: str, timeout_s: float) -> str | None:
        """A message with no buttons, shown for ``timeout_s``: ``"dbus"``, ``"tray"`` or None.

        The desktop's notification server first, as for reminders.  Qt's own
        tray balloon is a window of ours, mapped until it times out; its going
        (unmapped, then destroyed) woke a player hidden meanwhile in
        ``benchmarks/bench_desktop.py``.  None: neither is there, and the
        caller says it in its window instead (a toast would build one).
        """
        return self._post(None, title, body, (), max(1, round(timeout_s * 1000)))

    def show_toast(
        self,
        token: str,
        title: str,
        body: str,
        actions: Actions,
        *,
        timeout_s: float | None = None,
    ) -> Toast:
        """Show the in-app toast (also used after a tray balloon is clicked).

        With ``timeout_s`` it hides itself after that long, reported as
        ``closed(token, "expired")`` like a server's timeout.
        """
        parent = self._toast_parent()
        if self._toast is None or self._toast.parentWidget() is not parent:
            if self._toast is not None:
                self._toast.deleteLater()
            toast = self._toast = Toast(parent)
            toast.action_clicked.connect(self._on_toast_action)
            toast.dismissed.connect(self._on_toast_dismissed)
            # Its window may be deleted first (closed, or a test's widget): a
            # pending expiry must not touch the deleted toast afterwards.
            toast.destroyed.connect(lambda *_: self._forget_toast(toast))
        self._toast_token = token
        self._toast.show_message(title, body, actions)
        if self._toast_timer is None:
            self._toast_timer = self._timers(self, self._on_toast_expired, single_shot=True)
        if timeout_s is None:
            self._toast_timer.stop()
        else:
            self._toast_timer.start(max(1, round(timeout_s * 1000)))
        return self._toast

    def _forget_toast(self, toast: Toast) -> None:
        if self._toast is toast:
            self._toast = None
            self._toast_token = None
            # At quit the toast's window can outlive this object, whose child the
            # timer is: then the timer is gone already, and nothing is left to stop.
            if self._toast_timer is not None and isValid(self._toast_timer):
                self._toast_timer.stop()

    @property
    def toast(self) -> Toast | None:
        """The toast widget, once one was shown."""
        return self._toast

    def withdraw(self, token: str) -> None:
        """Take a reminder off the screen (it was handled elsewhere)."""
        for nid, tok in list(self._by_nid.items()):
            if tok == token and self._dbus is not None:
                self._acted.add(token)  # its NotificationClosed is not a dismissal
                self._dbus.close(nid)
        if self._toast is not None and self._toast_token == token:
            self._toast.hide()
            self._toast_token = None
            if self._toast_timer is not None:
                self._toast_timer.stop()

    def shutdown(self) -> None:
        """Release the bus connection."""
        if self._dbus is not None:
            self._dbus.shutdown()
            self._dbus = None

    # -- backend events --------------------------------------------------

    def _on_dbus_action(self, nid: int, key: str) -> None:
        token = self._by_nid.get(nid)
        if token is None:
            return
        self._acted.add(token)
        self.action_invoked.emit(token, key)

    def _on_dbus_closed(self, nid: int, reason: int) -> None:
        token = self._by_nid.pop(nid, None)
        if token is None:
            return
        if token in self._acted:  # servers close a notification after its action
            self._acted.discard(token)
            return
        self.closed.emit(token, _CLOSE_REASONS.get(reason, "closed"))

    def _on_tray_clicked(self) -> None:
        if self._tray_token is not None:
            token, self._tray_token = self._tray_token, None
            self.action_invoked.emit(token, "default")

    def _on_toast_action(self, key: str) -> None:
        if self._toast_token is not None:
            token, self._toast_token = self._toast_token, None
            self.action_invoked.emit(token, key)

    def _on_toast_expired(self) -> None:
        if self._toast is not None and self._toast_token is not None:
            token, self._toast_token = self._toast_token, None
            self._toast.hide()
            self.closed.emit(token, "expired")

    def _on_toast_dismissed(self) -> None:
        if self._toast_token is not None:
            token, self._toast_token = self._toast_token, None
            self.closed.emit(token, "dismissed")
