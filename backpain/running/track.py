"""The audio track of one session, as a layout: which sound and which words at which second. Pure: no
Django, no audio library. audio.py turns a layout into an MP3 with eSpeak NG and lameenc.

The track is for a locked screen, where browsers stop run mode's timers: it plays the whole session,
so it is exactly as long as the stage's timeline (session.py), and it makes the same sounds run mode
makes (static/js/run.js): two short high beeps for a run, one long low beep for a walk.
"""

from __future__ import annotations

from dataclasses import dataclass

from .session import RUN, Step, total_seconds


@dataclass(frozen=True)
class Tone:
    hertz: int
    seconds: float  # each beep
    times: int
    gap: float = 0.12  # between beeps

    @property
    def length(self) -> float:
        return self.times * self.seconds + (self.times - 1) * self.gap


RUN_TONE = Tone(880, 0.18, 2)  # as run.js: beep(880, 0.18, 2)
WALK_TONE = Tone(440, 0.5, 1)  # as run.js: beep(440, 0.5, 1)
AFTER_TONE = 0.25  # seconds of quiet between a tone and the words after it

HALFWAY = "Halfway."
# Room around "Halfway" so it is never said over a step's own words: a step's words take up to about
# 3 seconds after its tone, and the next step's tone must not cut it off.
CLEAR_AFTER_START, CLEAR_BEFORE_NEXT = 5, 3
END_WORDS = "Well done. That is the session. Check in tomorrow morning."
END_LEAD = 8  # the closing words start this many seconds before the end, so the track ends as the session does

MAX_BYTES = 4_000_000  # a phone's download: the longest session's file stays under this
BITRATES_KBPS = (16, 8)  # MP3 bitrates for speech, best first; lame picks 16 kHz for 16 kbps, 8 kHz for 8


@dataclass(frozen=True)
class Cue:
    at: float  # seconds from the start of the track
    words: str
    tone: Tone | None = None

    @property
    def words_at(self) -> float:
        """When the words start: after the tone, if there is one."""
        return self.at + (self.tone.length + AFTER_TONE if self.tone else 0)


def tone_for(step: Step) -> Tone:
    return RUN_TONE if step.kind == RUN else WALK_TONE


def _halfway(steps: tuple[Step, ...]) -> Cue | None:
    """At half the session, moved a little later if a step has just started; none if no quiet gap fits."""
    half = total_seconds(steps) / 2
    step = next(s for s in steps if s.starts_at <= half < s.starts_at + s.seconds)
    at = max(half, step.starts_at + CLEAR_AFTER_START)
    if at > step.starts_at + step.seconds - CLEAR_BEFORE_NEXT:
        return None
    return Cue(at, HALFWAY)


def layout(steps: tuple[Step, ...]) -> tuple[Cue, ...]:
    """Every cue of the track in time order: each step's tone and words as it starts, "Halfway", and
    a walk tone with the closing words just before the end."""
    cues = [Cue(float(step.starts_at), step.cue, tone_for(step)) for step in steps]
    halfway = _halfway(steps)
    if halfway:
        cues.append(halfway)
    cues.append(Cue(float(total_seconds(steps) - END_LEAD), END_WORDS, WALK_TONE))
    return tuple(sorted(cues, key=lambda cue: cue.at))


def bitrate_kbps(seconds: int) -> int:
    """The best speech bitrate whose constant-bitrate file of this length stays under MAX_BYTES."""
    for kbps in BITRATES_KBPS:
        if seconds * kbps * 1000 / 8 < MAX_BYTES * 0.97:  # a little room for frame padding and tags
            return kbps
    raise ValueError(f"A {seconds}-second track does not fit in {MAX_BYTES} bytes at any speech bitrate.")


def file_name(stage_number: int) -> str:
    return f"stage-{stage_number}.mp3"
