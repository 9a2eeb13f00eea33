"""The tray icon alone: light enough to show before the app's own modules load.

A ``--hidden`` start (:mod:`crampcoach.qt.launch`) shows it right after the
QApplication exists, before the store's readers, the routines, the reminders
and the menu are imported; :class:`crampcoach.qt.tray.Tray` then takes this
same icon over (one icon, never two) and gives it its menu and tooltip.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from crampcoach import resources


def tray_available() -> bool:
    """Whether the desktop has a system tray to put the icon in."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def app_icon() -> QIcon:
    """The app icon from its SVG: Qt renders it crisp at every size the tray asks for."""
    return QIcon(str(resources.path("assets", "icons/crampcoach.svg")))


def early_icon() -> QSystemTrayIcon | None:
    """The app's icon shown in the tray now, with no menu yet; None when there is no tray."""
    if not tray_available():
        return None
    icon = QSystemTrayIcon(app_icon())
    icon.setToolTip(QGuiApplication.applicationDisplayName())  # the tray's own comes with it
    icon.show()
    return icon
