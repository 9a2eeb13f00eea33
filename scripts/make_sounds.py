"""Synthesise the player's cue sounds into ``assets/sounds/`` with the stdlib only.

The WAV files are committed; this script is how they were made, so anyone can
change a cue and rebuild it exactly: ``python scripts/make_sounds.py [OUT_DIR]``.
Output is byte-for-byte reproducible (pure arithmetic, no randomness, no
timestamps): 16-bit mono PCM at 22 050 Hz, which every QSoundEffect backend
plays.

The cues are soft sine tones with a quick attack and an exponential decay, so
they are clear from across a room but never harsh:

* ``tick.wav``   a short blip for each of 3-2-1;
* ``next.wav``   a rising two-note chime when a step or a hold starts;
* ``switch.wav`` three alternating notes when it is time to change legs;
* ``done.wav``   a rising four-note arpeggio when the routine is finished.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parents[1] / "assets" / "sounds"


def tone(freq: float, seconds: float, volume: float = 0.5, decay: float = 6.0) -> list[float]:
    """A sine note with a 5 ms attack, an exponential decay and a soft octave overtone."""
    n = int(RATE * seconds)
    attack = int(RATE * 0.005)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, i / attack) if attack else 1.0
        env *= math.exp(-decay * t)
        # Fade the last 10 ms to zero so the note ends without a click.
        env *= min(1.0, (n - i) / (RATE * 0.01))
        s = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
        out.append(volume * env * s / 1.25)
    return out


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def sequence(*parts: list[float]) -> list[float]:
    out: list[float] = []
    for p in parts:
        out.extend(p)
    return out


SOUNDS: dict[str, list[float]] = {
    "tick": tone(1046.5, 0.07, volume=0.45, decay=30.0),  # C6
    "next": sequence(tone(659.3, 0.16, decay=8.0), tone(880.0, 0.30, decay=6.0)),  # E5 A5
    "switch": sequence(
        tone(880.0, 0.13, decay=10.0),
        tone(659.3, 0.13, decay=10.0),
        tone(880.0, 0.26, decay=7.0),
    ),
    "done": sequence(
        tone(523.3, 0.14, decay=6.0),  # C5
        tone(659.3, 0.14, decay=6.0),  # E5
        tone(784.0, 0.14, decay=6.0),  # G5
        tone(1046.5, 0.50, decay=4.0),  # C6
        silence(0.05),
    ),
}


def write(path: Path, samples: list[float]) -> None:
    """Write 16-bit mono PCM."""
    frames = b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * 32767)) for s in samples)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main(argv: list[str]) -> int:
    """Write every cue into ``argv[0]`` (default: assets/sounds/)."""
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, samples in SOUNDS.items():
        path = out / f"{name}.wav"
        write(path, samples)
        print(f"{path}: {len(samples) / RATE:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
