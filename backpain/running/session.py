"""One session of a stage as a timeline of steps, for run mode: the warm-up walk, each run and walk,
and the cool-down walk, each with the words spoken as it starts. Pure: no Django, no database.

Run mode's script (static/js/run.js) counts each step down from the clock, not by counting ticks, so
the steps here carry only their length and words; the page lists them, so without JavaScript the
runner still has the whole session in order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import COOL_DOWN_MINUTES, WARM_UP_MINUTES, Stage

WARM_UP, RUN, WALK, BRISK_WALK, COOL_DOWN = "warm_up", "run", "walk", "brisk_walk", "cool_down"
LABELS = {WARM_UP: "Warm-up walk", RUN: "Run", WALK: "Walk", BRISK_WALK: "Brisk walk", COOL_DOWN: "Cool-down walk"}


def spoken_duration(seconds: int) -> str:
    """15 -> '15 seconds'; 90 -> '1 and a half minutes'; 60 -> '1 minute'; 1200 -> '20 minutes'."""
    if seconds < 60:
        return f"{seconds} seconds"
    minutes, rest = divmod(seconds, 60)
    if rest == 30:
        return f"{minutes} and a half minutes"
    words = f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{words} {rest} seconds" if rest else words


@dataclass(frozen=True)
class Step:
    kind: str
    seconds: int
    run_number: int = 0  # 1 for the first run; 0 for a walk
    runs: int = 0  # how many runs the session has
    starts_at: int = 0  # seconds from the start of the session

    @property
    def label(self) -> str:
        if self.kind == RUN and self.runs > 1:
            return f"Run {self.run_number} of {self.runs}"
        return LABELS[self.kind]

    @property
    def length(self) -> str:
        """How long the step lasts, as the page's list of steps says it."""
        return spoken_duration(self.seconds)

    @property
    def cue(self) -> str:
        """The words spoken as the step starts."""
        length = spoken_duration(self.seconds)
        if self.kind == WARM_UP:
            return f"Warm-up. Walk for {length}."
        if self.kind == COOL_DOWN:
            return f"Cool-down. Walk for {length}."
        if self.kind == BRISK_WALK:
            return f"Walk briskly for {length}."
        if self.kind == WALK:
            return f"Walk for {length}."
        if self.runs > 1 and self.run_number == self.runs:
            return f"Last run. Run for {length}."
        return f"Run for {length}."


def _with_starts(kinds: list[tuple[str, int, int]], runs: int) -> tuple[Step, ...]:
    steps, at = [], 0
    for kind, seconds, number in kinds:
        steps.append(Step(kind, seconds, number, runs if kind == RUN else 0, at))
        at += seconds
    return tuple(steps)


def timeline(stage: Stage) -> tuple[Step, ...]:
    """The session's steps in order; their lengths add up to the stage's whole session."""
    kinds: list[tuple[str, int, int]] = [(WARM_UP, WARM_UP_MINUTES * 60, 0)]
    if stage.walk_only:
        kinds.append((BRISK_WALK, stage.walk_seconds, 0))
    else:
        runs = stage.repeats + (1 if stage.then_run_seconds else 0)
        for number in range(1, stage.repeats + 1):
            kinds.append((RUN, stage.run_seconds, number))
            if stage.walk_seconds:  # a walk after every run, as the stage says ("then walk ...: 10 times")
                kinds.append((WALK, stage.walk_seconds, 0))
        if stage.then_run_seconds:
            kinds.append((RUN, stage.then_run_seconds, runs))
    kinds.append((COOL_DOWN, COOL_DOWN_MINUTES * 60, 0))
    runs = sum(1 for kind, _, _ in kinds if kind == RUN)
    return _with_starts(kinds, runs)


def total_seconds(steps: tuple[Step, ...]) -> int:
    return sum(step.seconds for step in steps)
