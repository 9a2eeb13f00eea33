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
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: (context, English source) -> the text in the user's language.
Translate = Callable[[str, str], str]


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

    def render(self, translate: Translate = untranslated) -> str:
        """The text through ``translate``, placeholders filled (messages among them too)."""
        values = {
            name: value.render(translate) if isinstance(value, Message) else value
            for name, value in self.args
        }
        return translate(self.context, self.source).format(**values)

    def __str__(self) -> str:
        """English."""
        return self.render()


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
