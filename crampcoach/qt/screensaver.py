"""Keeping the screen awake during a session, through org.freedesktop.ScreenSaver.

KDE, GNOME, Xfce, LXQt, Cinnamon and others implement the service.  Where
there is no session bus or no such service the app carries on without it
(:attr:`ScreenSaverInhibitor.note` says why).
"""

from __future__ import annotations

import contextlib
from typing import Any

from crampcoach.qt import dbus


class ScreenSaverInhibitor:
    """Asks the desktop not to blank the screen, via org.freedesktop.ScreenSaver over D-Bus.

    The inhibition is tied to our D-Bus connection, so it ends by itself if
    the app dies; ``release()`` ends it at once.  Every failure (no session
    bus, no service, a slow reply) leaves the inhibitor inactive with a
    ``note`` saying why; it never raises.
    """

    SERVICE = "org.freedesktop.ScreenSaver"
    PATH = "/org/freedesktop/ScreenSaver"
    TIMEOUT_S = 1.0

    def __init__(self) -> None:
        """Nothing is contacted until ``inhibit()``."""
        self._conn: Any = None
        self._cookie: int | None = None
        self.note = ""

    @property
    def active(self) -> bool:
        """Whether the screen saver is currently inhibited by us."""
        return self._cookie is not None

    def inhibit(self, reason: str) -> bool:
        """Inhibit blanking; True when the desktop agreed."""
        if self.active:
            return True
        where = dbus.address(self.PATH, self.SERVICE)
        try:
            self._conn = dbus.connect()
            (cookie,) = dbus.call(
                self._conn, where, "Inhibit", "ss", ("CrampCoach", reason), self.TIMEOUT_S
            )
            self._cookie = int(cookie)
        except dbus.DBusUnavailable as exc:
            self.note = (
                "no D-Bus session bus; the screen may blank during a session"
                if "session bus" in str(exc)
                else f"the screen saver could not be held off ({exc})"  # not shown
            )
            self._close()
            return False
        except Exception as exc:  # a malformed reply: carry on without it
            self.note = f"the screen saver could not be held off ({exc})"  # not shown
            self._close()
            return False
        self.note = ""
        return True

    def release(self) -> None:
        """End the inhibition (safe to call at any time)."""
        if self._cookie is not None and self._conn is not None:
            where = dbus.address(self.PATH, self.SERVICE)
            # Closing the connection below ends it anyway.
            with contextlib.suppress(dbus.DBusUnavailable):
                dbus.call(self._conn, where, "UnInhibit", "u", (self._cookie,), self.TIMEOUT_S)
        self._cookie = None
        self._close()

    def _close(self) -> None:
        dbus.close(self._conn)
        self._conn = None
