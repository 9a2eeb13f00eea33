"""The weekly review's words (core's :class:`Message`s) in the user's language.

Core words the review once (``crampcoach/core/review/wording.py``); the
command line prints it in English, the window and the PDF render it here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from crampcoach.core.review import IsoWeek, week_title_message
from crampcoach.core.text import Message
from crampcoach.qt.i18n import render


def tr(message: Message) -> str:
    """``message`` in the user's language, numbers with its decimal separator."""
    return render(message)


def _day(day: date, with_year: bool) -> str:
    # The pattern is translatable: German writes "Mo. 2. März".
    pattern = (
        QCoreApplication.translate("ReviewWords", "ddd d MMM yyyy")
        if with_year
        else QCoreApplication.translate("ReviewWords", "ddd d MMM")
    )
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def week_title(week: IsoWeek) -> str:
    """E.g. "Week 2026-W10: Mon 2 Mar – Sun 8 Mar 2026", day and month names in the user's language."""
    return tr(week_title_message(week, _day))
