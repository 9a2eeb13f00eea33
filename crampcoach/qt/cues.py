"""Sound and spoken cues for the player, both optional and silent when unavailable.

QtMultimedia and QtTextToSpeech are imported only when a player opens (they
add start-up time and memory the main window does not need).

Machines without audio or a speech engine are normal (platform.md): with no
audio device QSoundEffect goes to Error and ``play()`` does nothing, and the
default ``speechd`` text-to-speech engine fails to load without libspeechd.
So we look first and create nothing that cannot work; the settings dialog
shows ``availability()``'s message so the user knows why it is quiet.

Looking must itself be quiet: on Linux, merely importing QtMultimedia with no
sound server logs Qt warnings ("PulseAudioService: pa_context_connect()
failed"), and constructing the default speech engine without libspeechd logs a
critical error.  Those would alarm a user reading the terminal and fail every
test that opens a player (pytest-qt treats Qt warnings as failures).  So on
Linux we first check, without Qt, that a PulseAudio/PipeWire server socket
exists and that libspeechd can be found, and only then ask Qt.

Every cue the player asks for is also emitted as ``cued(kind, text)`` whether
or not a device plays it, so the player's cue logic is testable anywhere.

Threads: a QSoundEffect plays from the thread it was created in.  ``Cues``
plays on the GUI thread; ``load_sounds`` / ``play_sound`` let the cue clock
(``cue_clock.py``) play the same sounds from a worker thread of its own, so a
sound cue is on time while the GUI thread is busy.  Speech stays here.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal

from crampcoach import resources

#: The bundled cue sounds (assets/sounds/<name>.wav, made by scripts/make_sounds.py).
SOUNDS = ("tick", "next", "switch", "done")


def _sound_server_present() -> bool:
    """On Linux, whether a PulseAudio or PipeWire server is there to play to (no Qt involved)."""
    if not sys.platform.startswith("linux"):
        return True  # Windows and macOS always have their system audio service
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        return False
    return any((Path(runtime) / name).exists() for name in ("pulse/native", "pipewire-0"))


@cache
def _speechd_present() -> bool:
    """On Linux, whether libspeechd (what Qt's default speech engine needs) is installed.

    Looked up once: ``find_library`` runs ``ldconfig -p``, tens of milliseconds.
    """
    if not sys.platform.startswith("linux"):
        return True
    return ctypes.util.find_library("speechd") is not None


def _quiet_multimedia_probing() -> None:
    """Silence QtMultimedia's warnings about optional libraries it probes for.

    With a sound server present, importing QtMultimedia still logs warnings
    such as "Couldn't load pipewire-0.3 library" or "va-drm" for optional
    back-ends the machine lacks; they are about Qt's probing, never about a
    failure of ours.  Only that one category is turned off
    (QT_LOGGING_RULES still overrides it).
    """
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")


def sound_available() -> tuple[bool, str]:
    """(ok, why not): whether sound cues can play here; call it on the GUI thread."""
    if not _sound_server_present():
        return False, QCoreApplication.translate(
            "Cues", "No sound server is running, so sound cues are off."
        )
    _quiet_multimedia_probing()
    from PySide6.QtMultimedia import QMediaDevices

    if not QMediaDevices.audioOutputs():
        return False, QCoreApplication.translate(
            "Cues", "No audio output was found, so sound cues are off."
        )
    return True, ""


def _make_speech(engine: str | None) -> Any:
    """A QTextToSpeech on ``engine`` (the platform default when None), or None when it cannot speak."""
    if engine is None and not _speechd_present():
        return None
    _quiet_multimedia_probing()
    from PySide6.QtTextToSpeech import QTextToSpeech

    if engine is not None and engine not in QTextToSpeech.availableEngines():
        return None
    tts = QTextToSpeech(engine) if engine is not None else QTextToSpeech()
    if tts.state() == QTextToSpeech.State.Error:
        tts.deleteLater()
        return None
    return tts


def load_sounds(parent: QObject) -> dict[str, Any]:
    """Every bundled cue sound as a QSoundEffect owned by ``parent``, by name.

    Call it in the thread that will play them (a QSoundEffect plays from its
    own thread), and only once ``sound_available()`` said yes.
    """
    from PySide6.QtMultimedia import QSoundEffect

    effects: dict[str, Any] = {}
    for name in SOUNDS:
        effect = QSoundEffect(parent)
        effect.setSource(QUrl.fromLocalFile(str(resources.path("assets", f"sounds/{name}.wav"))))
        effect.setVolume(0.8)
        effects[name] = effect
    return effects


def play_sound(effects: Mapping[str, Any], name: str) -> None:
    """Play ``name`` from ``load_sounds``' effects; nothing when it has none or its device vanished."""
    if name not in SOUNDS:
        raise ValueError(f"unknown cue sound {name!r}; expected one of {SOUNDS}")
    effect = effects.get(name)
    if effect is None:
        return
    from PySide6.QtMultimedia import QSoundEffect

    # A device that vanished mid-session leaves the effect in Error: stay quiet.
    if effect.status() != QSoundEffect.Status.Error:
        effect.play()


def probe_off_gui_thread() -> None:
    """Find out ahead what :func:`availability` may learn off the GUI thread (the speech library).

    The sound server and the audio outputs are asked on the GUI thread, where
    their QObjects live.
    """
    _speechd_present()


@cache
def availability() -> tuple[bool, bool, str]:
    """(sound_ok, speech_ok, message) for the settings dialog's note; probed once per process.

    The message is empty when both work, else says in plain words what is off
    and why.
    """
    sound_ok, sound_msg = sound_available()
    tts = _make_speech(None)
    speech_ok = tts is not None
    if tts is not None:
        tts.deleteLater()
    notes = [sound_msg] if sound_msg else []
    if not speech_ok:
        notes.append(
            QCoreApplication.translate(
                "Cues",
                "No speech engine was found, so spoken cues are off "
                "(on Linux, install speech-dispatcher to turn them on).",
            )
        )
    return sound_ok, speech_ok, " ".join(notes)


class Cues(QObject):
    """Plays the player's cues; each part switches itself off when the machine cannot do it."""

    #: (kind, text): kind is a SOUNDS name or "say"; text is what is spoken ("" for a sound).
    cued = Signal(str, str)

    def __init__(
        self,
        sounds: bool,
        voice: bool,
        parent: QObject | None = None,
        *,
        speech_engine: str | None = None,
    ) -> None:
        """Set up the cues the settings ask for; ``speech_engine`` "mock" is for tests."""
        super().__init__(parent)
        self._effects: dict[str, Any] = {}
        self._tts: Any = None
        self.sound_on = False
        self.voice_on = False
        if sounds and sound_available()[0]:
            self._effects = load_sounds(self)
            self.sound_on = True
        if voice:
            self._tts = _make_speech(speech_engine)
            if self._tts is not None:
                self._tts.setParent(self)
                self.voice_on = True

    def play(self, name: str) -> None:
        """Play a bundled sound (one of SOUNDS) if sounds are on."""
        if name not in SOUNDS:
            raise ValueError(f"unknown cue sound {name!r}; expected one of {SOUNDS}")
        self.cued.emit(name, "")
        play_sound(self._effects, name)

    def say(self, text: str) -> None:
        """Speak ``text`` if the voice is on, cutting off anything still being said."""
        self.cued.emit("say", text)
        if self._tts is not None:
            self._tts.say(text)

    def stop(self) -> None:
        """Silence everything (the session ended or the window closed)."""
        for effect in self._effects.values():
            effect.stop()
        if self._tts is not None:
            self._tts.stop()
