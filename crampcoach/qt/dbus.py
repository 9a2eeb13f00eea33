"""The session bus through jeepney: the D-Bus helpers the notifications and the inhibitor share.

jeepney, not QtDBus: QtDBus marshals ints as ``i`` and an empty list as
``av``, and notification servers reject that (``shared/design/platform.md``).
Everything here is blocking with a short timeout and imports jeepney only
when first used (start-up time).  Failures are one exception,
:class:`DBusUnavailable`, with a message that says what was missing.
"""

from __future__ import annotations

import contextlib
from typing import Any

#: What the first call imports (about 1 MiB and 10-25 ms): callers import these
#: shortly before they need the bus (``Notifications.prepare``, the player's
#: preparation), not at start.
MODULES = ("jeepney", "jeepney.bus_messages", "jeepney.io.blocking")

#: How long a call may block the GUI thread (services answer in milliseconds).
CALL_TIMEOUT_S = 2.0


class DBusUnavailable(RuntimeError):
    """No session bus, no such service on it, or the service refused the call."""


def connect() -> Any:
    """A new blocking connection to the session bus."""
    from jeepney.io.blocking import open_dbus_connection

    try:
        return open_dbus_connection(bus="SESSION")
    except KeyError:  # jeepney: DBUS_SESSION_BUS_ADDRESS is not set
        raise DBusUnavailable(
            "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"
        ) from None
    except (OSError, ValueError, TimeoutError) as exc:
        raise DBusUnavailable(f"no D-Bus session bus ({exc})") from exc


def address(path: str, service: str, interface: str | None = None) -> Any:
    """The address of ``service``'s object at ``path`` (interface defaults to the service name)."""
    from jeepney import DBusAddress

    return DBusAddress(path, bus_name=service, interface=interface or service)


def call(
    conn: Any,
    where: Any,
    method: str,
    signature: str,
    body: tuple[Any, ...],
    timeout: float = CALL_TIMEOUT_S,
) -> tuple[Any, ...]:
    """Call ``method`` and return the reply's body; DBusUnavailable on an error or no answer."""
    from jeepney import MessageType, new_method_call

    try:
        reply = conn.send_and_get_reply(
            new_method_call(where, method, signature, body), timeout=timeout
        )
    except (OSError, TimeoutError, EOFError) as exc:
        raise DBusUnavailable(f"{method}: no answer ({exc})") from exc
    if reply.header.message_type is MessageType.error:
        raise DBusUnavailable(f"{method} failed: {reply.body}")
    return tuple(reply.body)


def close(conn: Any) -> None:
    """Close a connection (safe on one already closed)."""
    if conn is not None:
        with contextlib.suppress(OSError):
            conn.close()
