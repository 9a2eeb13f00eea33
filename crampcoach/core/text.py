"""Text that core builds for the user (reminders, notifications), translated later by the GUI.

Core has no Qt, yet what it words is shown in the user's language.  So core
words a message as a :class:`Message`: a context, an English source text with
named placeholders, and its values.  The GUI renders it with
``QCoreApplication.translate`` (``crampcoach.qt.i18n.translate``); the command
line renders it in English (``str(message)``).

``pyside6-lupdate`` collects every message into ``translations/*.ts``
because each one is made by a call named ``QT_TRANSLATE_NOOP`` with two
string literals, as Qt's own no-op marker is::

    QT_TRANSLATE_NOOP("Reminders", "Water today: {water} ml").format(water=300)

Values may be messages themselves (rendered with the same translator), so a
sentence is one message with its parts filled in, never English pieces glued
together.  Placeholders are named, so a translation may reorder them.

A decimal or a date is given as a :class:`Number` or a :class:`Day`, not as
text: the command line shows them as English does ("0.50", "Mon 2 Mar
2026"), the GUI in the user's locale ("0,50", "Mo. 2. März 2026").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

#: (context, English source) -> the text in the user's language.
Translate = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class Number:
    """A number for the user: ``decimals`` places (None: as short as it goes), a sign if ``signed``."""

    value: float
    decimals: int | None = None
    signed: bool = False

    def __str__(self) -> str:
        """As English writes it: "0.50", "+1.2", "2.5"."""
        sign = "+" if self.signed else ""
        if self.decimals is None:
            return f"{self.value:{sign}g}"
        return f"{self.value:{sign}.{self.decimals}f}"


@dataclass(frozen=True, slots=True)
class Day:
    """A date for the user, with its weekday and year."""

    day: date

    def __str__(self) -> str:
        """As the command line writes it: "Mon 2 Mar 2026" (English names, whatever the locale)."""
        return f"{self.day.strftime('%a')} {self.day.day} {self.day.strftime('%b %Y')}"


#: How a number or a date is written: ``str`` (English) unless the GUI gives its locale's.
Shown = Callable[[Number | Day], str]


def untranslated(_context: str, source: str) -> str:
    """The English source as it is (the command line, tests, a bare engine)."""
    return source


@dataclass(frozen=True, slots=True)
class Message:
    """An English text for the user, to be translated when shown."""

    context: str
    source: str
    args: tuple[tuple[str, object], ...] = ()

    def format(self, **args: object) -> Message:
        """The same message with its ``{name}`` placeholders given values."""
        return Message(self.context, self.source, (*self.args, *args.items()))

    def render(self, translate: Translate = untranslated, shown: Shown = str) -> str:
        """The text through ``translate``, placeholders filled (messages among them too).

        Numbers and dates are written by ``shown``: English by default, the GUI's locale there.
        """
        values = {name: _value(value, translate, shown) for name, value in self.args}
        return translate(self.context, self.source).format(**values)

    def __str__(self) -> str:
        """English."""
        return self.render()


def _value(value: object, translate: Translate, shown: Shown) -> object:
    if isinstance(value, Message):
        return value.render(translate, shown)
    if isinstance(value, (Number, Day)):
        return shown(value)
    return value


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Mark ``source`` for translation in ``context``; both must be string literals.

    Named as Qt's marker so that lupdate collects the call.
    """
    return Message(context, source)


def plural(count: int, one: Message, other: Message) -> Message:
    """``one`` for a count of 1, else ``other``; both get ``{n}``.

    Two marked messages rather than Qt's ``%n`` forms: English, the source
    language, then needs no translation file of its own.  German, like
    English, has just these two forms.
    """
    return (one if count == 1 else other).format(n=count)
