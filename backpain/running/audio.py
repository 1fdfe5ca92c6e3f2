"""Writes static/audio/stage-N.mp3, the audio track of every stage's session (`make audio-tracks`).

    python -m backpain.running.audio [folder]

Built once, offline, and committed: the site serves the files as static files and never makes one per
request, so serving and the tests need neither eSpeak NG nor lameenc. The layout (which words and which
beep at which second) is track.py's, from the same timeline run mode uses; this file only makes sound:
eSpeak NG speaks the words, the beeps and the quiet between cues are written as samples here, and
lameenc encodes the whole session as one mono, constant-bitrate MP3 (so its length reads back exactly).
"""

from __future__ import annotations

import array
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from .plan import STAGES
from .session import timeline, total_seconds
from .track import Cue, Tone, bitrate_kbps, file_name, layout

RATE = 22050  # eSpeak NG's own rate; lame resamples down for the bitrate
VOICE, WORDS_PER_MINUTE = "en-gb", 150  # a clear, unhurried voice over wind and footsteps
PEAK = 0.6  # the beeps a little under the voice at its loudest (about 0.8)
FOLDER = Path(__file__).resolve().parents[2] / "static" / "audio"


def speech(words: str) -> array.array:
    """16-bit samples at RATE of eSpeak NG saying the words."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "words.wav"
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-w", str(path), words],  # noqa: S603, S607
                       check=True, capture_output=True)
        with wave.open(str(path)) as wav:
            assert wav.getframerate() == RATE and wav.getnchannels() == 1 and wav.getsampwidth() == 2
            samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def beeps(tone: Tone) -> array.array:
    """The tone's beeps with run.js's shape: a quick rise and a fall to nothing, so they never click."""
    samples = array.array("h", bytes(2 * round(tone.length * RATE)))
    length = round(tone.seconds * RATE)
    rise = round(0.02 * RATE)
    for beep in range(tone.times):
        first = round(beep * (tone.seconds + tone.gap) * RATE)
        for i in range(length):
            envelope = i / rise if i < rise else math.exp(-5 * (i - rise) / (length - rise))
            samples[first + i] = round(32767 * PEAK * envelope * math.sin(2 * math.pi * tone.hertz * i / RATE))
    return samples


def _mix(track: array.array, sound: array.array, at: float) -> None:
    start = round(at * RATE)
    end = min(len(track), start + len(sound))  # the closing words never run past the end of the session
    for i in range(start, end):
        track[i] = max(-32768, min(32767, track[i] + sound[i - start]))


def samples(cues: tuple[Cue, ...], seconds: int) -> array.array:
    """The whole track: quiet, with each cue's beeps and words at their seconds."""
    track = array.array("h", bytes(2 * seconds * RATE))
    for cue in cues:
        if cue.tone:
            _mix(track, beeps(cue.tone), cue.at)
        _mix(track, speech(cue.words), cue.words_at)
    return track


def mp3(track: array.array, kbps: int) -> bytes:
    import lameenc  # only the build needs it (the audio extra)

    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(RATE)
    encoder.set_bit_rate(kbps)
    encoder.set_quality(2)  # slow and careful: it runs once, offline
    pcm = track.tobytes() if sys.byteorder == "little" else _swapped(track)
    return bytes(encoder.encode(pcm) + encoder.flush())


def _swapped(track: array.array) -> bytes:
    copy = array.array("h", track)
    copy.byteswap()
    return copy.tobytes()


def write_all(folder: Path = FOLDER) -> list[Path]:
    if shutil.which("espeak-ng") is None:
        raise SystemExit("espeak-ng is missing: scripts/system-packages espeak-ng installs it.")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stage in STAGES:
        steps = timeline(stage)
        seconds = total_seconds(steps)
        path = folder / file_name(stage.number)
        path.write_bytes(mp3(samples(layout(steps), seconds), bitrate_kbps(seconds)))
        print(f"{path}: {seconds // 60} min, {path.stat().st_size // 1000} kB")  # noqa: T201
        written.append(path)
    return written


if __name__ == "__main__":
    write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER)
