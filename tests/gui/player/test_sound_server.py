"""The cue sounds really play where a sound server exists (a private PulseAudio null sink)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        shutil.which("pulseaudio") is None, reason="needs pulseaudio (a private null sink)"
    ),
]

# Runs in its own process: QtMultimedia keeps its first view of the audio
# devices for the life of the process, and other tests run with no server.
CHILD = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

warnings = []
qInstallMessageHandler(lambda mode, ctx, msg: warnings.append(msg) if mode.value in (1, 2, 3) else None)
app = QApplication([])
from crampcoach.qt import cues

sound_ok, speech_ok, message = cues.availability()
c = cues.Cues(sounds=True, voice=False)
played = {}
queue = list(cues.SOUNDS)

def next_sound():
    if not queue:
        app.quit()
        return
    name = queue.pop(0)
    effect = c._effects[name]
    played[name] = {"status": effect.status().name, "started": False}
    def changed(name=name, effect=effect):
        if effect.isPlaying():
            played[name]["started"] = True
        else:
            QTimer.singleShot(0, next_sound)
    effect.playingChanged.connect(changed)
    c.play(name)

QTimer.singleShot(200, next_sound)  # let the effects load
QTimer.singleShot(20000, app.quit)  # guard
app.exec()
print(json.dumps({"sound_ok": sound_ok, "sound_on": c.sound_on, "played": played,
                  "warnings": warnings, "message": message}))
"""


# The cue clock's worker thread creates its own sound effects and plays them
# from there; each must really start on the server, and ``fired`` must say so.
CUE_CLOCK_CHILD = r"""
import json, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

warnings = []
qInstallMessageHandler(lambda mode, ctx, msg: warnings.append(msg) if mode.value in (1, 2, 3) else None)
app = QApplication([])
from crampcoach.core.clock import SystemClock
from crampcoach.qt import cues
from crampcoach.qt.cue_clock import CueClock, SoundCue

clock = SystemClock()
sound_ok, _ = cues.sound_available()
from PySide6.QtMultimedia import QSoundEffect

cc = CueClock(clock, sounds=sound_ok, stale_s=1.0)
started, fired = [], []
cc.fired.connect(lambda key, sound, at: fired.append(sound))

def effects():
    return getattr(cc._worker, "_effects", {})

def when_loaded():
    loaded = effects()
    if len(loaded) < len(cues.SOUNDS) or any(
        e.status() != QSoundEffect.Status.Ready for e in loaded.values()
    ):
        QTimer.singleShot(50, when_loaded)
        return
    for name, effect in loaded.items():
        effect.playingChanged.connect(
            lambda name=name, effect=effect: effect.isPlaying() and started.append(name)
        )
    now = clock.monotonic()
    cc.schedule(SoundCue(now + 0.2 + 0.4 * n, n, name) for n, name in enumerate(cues.SOUNDS))
    check()

def check():
    if len(set(started)) == len(cues.SOUNDS) and len(fired) == len(cues.SOUNDS):
        app.quit()
    else:
        QTimer.singleShot(50, check)

QTimer.singleShot(0, when_loaded)
QTimer.singleShot(20000, app.quit)  # guard
app.exec()
for effect in effects().values():
    effect.playingChanged.disconnect()  # they stop, and tell, as the worker deletes them
cc.shutdown()
print(json.dumps({"sound_ok": sound_ok, "sound_on": cc.sound_on, "started": started,
                  "fired": fired, "stopped": not cc.running, "warnings": warnings}))
"""


@pytest.fixture
def null_sink(tmp_path: Path) -> Iterator[dict[str, str]]:
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    env.pop("PULSE_SERVER", None)
    # --start returns once the daemon is ready to take connections.
    subprocess.run(
        [
            "pulseaudio",
            "--start",
            "-n",
            "--exit-idle-time=-1",
            "-L",
            "module-native-protocol-unix",
            "-L",
            "module-null-sink sink_name=nullsink",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=30,
    )
    try:
        assert (runtime / "pulse" / "native").exists()
        yield env
    finally:
        subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=30)


def _child_result(code: str, env: dict[str, str]) -> dict[str, Any]:
    """Run ``code`` in a fresh Python with ``env``; the JSON object it prints last."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_every_cue_sound_plays_through_a_sound_server(null_sink: dict[str, str]) -> None:
    result = _child_result(CHILD, null_sink)
    assert result["sound_ok"] and result["sound_on"]
    assert "sound cues are off" not in result["message"]
    assert set(result["played"]) == {"tick", "next", "switch", "done"}
    for name, info in result["played"].items():
        assert info == {"status": "Ready", "started": True}, name
    # Qt's probing for optional libraries must not reach the terminal as warnings.
    assert not [w for w in result["warnings"] if "symbols" in w or "library" in w], result


def test_the_cue_clock_plays_every_sound_from_its_own_thread(null_sink: dict[str, str]) -> None:
    result = _child_result(CUE_CLOCK_CHILD, null_sink)
    assert result["sound_ok"] and result["sound_on"]
    assert result["fired"] == ["tick", "next", "switch", "done"]
    assert sorted(set(result["started"])) == sorted(result["fired"]), result
    assert result["stopped"]
    # No "QObject: cannot create children for a parent in another thread" and the like.
    assert not [w for w in result["warnings"] if "thread" in w.lower()], result
