"""Where the player's cues go: sounds (on a worker thread with a real clock) and speech.

The player decides *which* cue is due; a :class:`CueSink` makes it heard.
The composition root builds one from the settings (``sounds``, ``voice``) and
the clock, with :func:`cue_sink`, and hands it to the player, so the player
reads no settings and chooses no threads.

With the real ``SystemClock`` the sounds are timed by a ``CueClock`` (a
worker thread of its own, fed the plan of the cues to come), so a busy GUI
thread never delays the step boundary the user hears; each cue is played
once, by whichever of the worker and the player's event claims it first.
With a fake clock, which moves only when told and may not be read from
another thread, there is no worker and the sounds play when the player's
events arrive.  Speech is always on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from PySide6.QtCore import QCoreApplication, QObject

from crampcoach.core.clock import Clock, SystemClock
from crampcoach.core.settings import Settings
from crampcoach.qt.cue_clock import CueClock, SoundCue
from crampcoach.qt.cues import Cues, sound_available

#: A cue more than this late (the loop was blocked) is not played: it would be wrong now.
STALE_CUE_S = 0.75


class CueSink(QObject):
    """Plays sounds and speaks; ``note`` says in plain words why no sound will play ("" if it will)."""

    def __init__(
        self, cues: Cues, cue_clock: CueClock | None, note: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        cues.setParent(self)
        if cue_clock is not None:
            cue_clock.setParent(self)
        #: Speech, and the sounds when there is no worker.
        self.cues = cues
        #: The worker that times the sounds; None when ``cues`` plays them.
        self.cue_clock = cue_clock
        self.note = note

    def sound(self, key: Hashable, name: str) -> None:
        """Play the sound of cue ``key``, unless the worker already has."""
        if self.cue_clock is None:
            self.cues.play(name)
        else:
            self.cue_clock.play(key, name)

    def say(self, text: str) -> None:
        """Speak ``text`` (when the voice is on)."""
        self.cues.say(text)

    def plan(self, cues: Iterable[SoundCue]) -> None:
        """The sounds still to come, so the worker plays them on time (nothing without one)."""
        if self.cue_clock is not None:
            self.cue_clock.schedule(cues)

    def silence(self) -> None:
        """Stop what is playing or being said, and forget the plan."""
        self.cues.stop()
        if self.cue_clock is not None:
            self.cue_clock.silence()

    def shutdown(self) -> None:
        """Silence everything and stop the worker (the window closes)."""
        self.cues.stop()
        if self.cue_clock is not None:
            self.cue_clock.shutdown()


def cue_sink(
    settings: Settings,
    clock: Clock,
    *,
    speech_engine: str | None = None,
    cue_thread: bool | None = None,
) -> CueSink:
    """The sink the settings ask for.

    ``cue_thread``: time the sounds on a ``CueClock`` thread; by default only
    with the real ``SystemClock``, the one clock that moves by itself and may
    be read from another thread.  ``speech_engine`` "mock" is for tests.
    """
    if cue_thread is None:
        cue_thread = isinstance(clock, SystemClock)
    cue_clock = None
    if cue_thread:
        cue_clock = CueClock(
            clock, sounds=settings.sounds and sound_available()[0], stale_s=STALE_CUE_S
        )
    cues = Cues(settings.sounds and cue_clock is None, settings.voice, speech_engine=speech_engine)
    note = ""
    if not settings.sounds:
        note = QCoreApplication.translate("Cues", "Sound cues are off (Settings).")
    elif cue_clock is not None:
        ok, why = sound_available()
        note = "" if ok else why
    return CueSink(cues, cue_clock, note)
