"""Return to running after a back-pain flare-up: the stages as data, and one pure function from a start
date, sessions a week and a first stage to a plan of dated sessions. No Django, no database.

Where the numbers come from (the guide's article "Returning to running" cites each):

- ASTEROID trial (Neason et al., BJSM 2024; ACTRN12622001276741): three 30-minute walk-run sessions a
  week; runs began at 15 seconds and rose to 3 minutes; a runner moved up at most one stage a week,
  and only after finishing the top of the stage in at least two sessions; staying or stepping back
  was allowed. Stages 2 to 7 below are walk-run sessions of that shape.
- NHS Couch to 5K: a 5-minute walk to start each run, a rest day between runs, any week can be
  repeated.
- The readiness test before running: a brisk 30-minute walk without pain (stage 1).
- Stages 8 to 12, from 5-minute runs up to 30 minutes of easy running without stopping, are ours:
  the trial's runs stopped at 3 minutes. They keep its rules: small steps, one stage at a time, and
  no stage more than doubles the longest continuous run of the stage before (return-to-running.md;
  Garmin-RUNSAFE, Nielsen et al. BJSM 2025: a single run much longer than the longest of the past
  month raised the injury rate). 15 minutes to 30 has a 20-minute stage between.

The plan is the quickest the rules allow: one stage a week, each stage done in every session of its
week. The check-in (checkin.py) says after each session whether to move up, repeat or step back.
Sessions never fall on two days in a row: with 4 sessions a week they are every other day, so each
stage then takes 8 days.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

WARM_UP_MINUTES = 5  # NHS Couch to 5K: a 5-minute walk to start each run
COOL_DOWN_MINUTES = 5
MIN_SESSIONS, MAX_SESSIONS = 2, 4
# The days of a stage's week that have a session (day 0 is the week's first day), and how long the
# week is. A rest day always comes between two sessions, across the end of a week too.
SESSION_DAYS: dict[int, tuple[int, ...]] = {2: (0, 3), 3: (0, 2, 4), 4: (0, 2, 4, 6)}
WEEK_DAYS: dict[int, int] = {2: 7, 3: 7, 4: 8}
NBSP = "\u00a0"  # keeps "30 s" and "2 min" on one line


def duration_text(seconds: int) -> str:
    """15 -> '15 s'; 90 -> '1½ min'; 1800 -> '30 min'."""
    if seconds < 60:
        return f"{seconds}{NBSP}s"
    whole, rest = divmod(seconds, 60)
    if rest == 30:
        return f"{whole}½{NBSP}min"
    if rest:
        return f"{whole}{NBSP}min{NBSP}{rest}{NBSP}s"
    return f"{whole}{NBSP}min"


def minutes_text(minutes: float) -> str:
    """Running minutes for tables and the chart: 2.5 -> '2½'."""
    whole = int(minutes)
    return f"{whole}½" if minutes - whole == 0.5 else str(whole) if whole == minutes else f"{minutes:g}"


@dataclass(frozen=True)
class Stage:
    number: int
    name: str
    run_seconds: int  # each run; 0 for a walk-only stage
    walk_seconds: int  # each walk after a run (the whole brisk walk on a walk-only stage)
    repeats: int
    ours: bool = False  # beyond the trial's 3-minute runs
    then_run_seconds: int = 0  # a shorter last run after the repeats (the step from 15 minutes to 30)

    @property
    def walk_only(self) -> bool:
        return self.run_seconds == 0

    @property
    def continuous(self) -> bool:
        return self.run_seconds > 0 and self.walk_seconds == 0

    @property
    def longest_run_seconds(self) -> int:
        """The longest stretch of running without a walk."""
        return max(self.run_seconds, self.then_run_seconds)

    @property
    def main_seconds(self) -> int:
        """The part between the warm-up and the cool-down."""
        return (self.run_seconds + self.walk_seconds) * self.repeats + self.then_run_seconds

    @property
    def running_seconds(self) -> int:
        return self.run_seconds * self.repeats + self.then_run_seconds

    @property
    def running_minutes(self) -> float:
        return self.running_seconds / 60

    @property
    def running_text(self) -> str:
        return "none" if self.walk_only else f"{minutes_text(self.running_minutes)}{NBSP}min"

    @property
    def total_minutes(self) -> int:
        return WARM_UP_MINUTES + round(self.main_seconds / 60) + COOL_DOWN_MINUTES

    @property
    def main_text(self) -> str:
        """What to do between the warm-up and the cool-down, in a runner's words."""
        if self.walk_only:
            return f"Walk briskly for {duration_text(self.walk_seconds)}"
        if self.continuous:
            return f"Run easily for {duration_text(self.run_seconds)} without stopping"
        if self.then_run_seconds:
            return (f"Run {duration_text(self.run_seconds)}, walk {duration_text(self.walk_seconds)}, then run "
                    f"{duration_text(self.then_run_seconds)}")
        return (f"Run {duration_text(self.run_seconds)}, then walk {duration_text(self.walk_seconds)}: "
                f"{self.repeats} times")

    @property
    def label(self) -> str:
        return f"Stage {self.number}: {self.name}"


def _stage(number, name, run_seconds, walk_seconds, repeats, ours=False, then_run_seconds=0) -> Stage:
    return Stage(number, name, run_seconds, walk_seconds, repeats, ours, then_run_seconds)


# Each stage in order. Walk-run stages last about 20 minutes between a 5-minute warm-up walk and a
# 5-minute cool-down walk: about 30 minutes in all, as in the trial.
STAGES: tuple[Stage, ...] = (
    _stage(1, "brisk walk", 0, 30 * 60, 1),
    _stage(2, "run 15 seconds", 15, 105, 10),
    _stage(3, "run 30 seconds", 30, 90, 10),
    _stage(4, "run 1 minute", 60, 60, 10),
    _stage(5, "run 1½ minutes", 90, 60, 8),
    _stage(6, "run 2 minutes", 120, 60, 7),
    _stage(7, "run 3 minutes", 180, 60, 5),
    _stage(8, "run 5 minutes", 300, 60, 4, ours=True),
    _stage(9, "run 8 minutes", 480, 60, 3, ours=True),
    _stage(10, "run 15 minutes", 900, 60, 2, ours=True),
    _stage(11, "run 20 minutes", 1200, 60, 1, ours=True, then_run_seconds=600),
    _stage(12, "run 30 minutes", 1800, 0, 1, ours=True),
)
FIRST_STAGE, LAST_STAGE = STAGES[0].number, STAGES[-1].number
BY_NUMBER = {stage.number: stage for stage in STAGES}
TRIAL_TOP_STAGE = 7  # the trial's runs stopped at 3 minutes
MAX_RUN_GROWTH = 2  # no stage's longest continuous run more than doubles the stage before's


@dataclass(frozen=True)
class Inputs:
    start: datetime.date
    sessions_per_week: int = 3
    first_stage: int = FIRST_STAGE

    def __post_init__(self):
        if self.sessions_per_week not in SESSION_DAYS:
            raise ValueError(f"sessions a week must be {MIN_SESSIONS} to {MAX_SESSIONS}, not {self.sessions_per_week}")
        if self.first_stage not in BY_NUMBER:
            raise ValueError(f"stage must be {FIRST_STAGE} to {LAST_STAGE}, not {self.first_stage}")


@dataclass(frozen=True)
class Session:
    date: datetime.date
    week: int  # 1 for the plan's first week
    number: int  # 1 for the week's first session
    stage: Stage

    @property
    def running_minutes(self) -> float:
        return self.stage.running_minutes


@dataclass(frozen=True)
class Week:
    number: int
    stage: Stage
    start: datetime.date
    days: int
    sessions: tuple[Session, ...]

    @property
    def end(self) -> datetime.date:
        return self.start + datetime.timedelta(days=self.days - 1)


@dataclass(frozen=True)
class Plan:
    inputs: Inputs
    weeks: tuple[Week, ...]

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(session for week in self.weeks for session in week.sessions)

    @property
    def first_week(self) -> Week:
        return self.weeks[0]

    @property
    def last_week(self) -> Week:
        return self.weeks[-1]

    @property
    def start(self) -> datetime.date:
        return self.inputs.start

    @property
    def end(self) -> datetime.date:
        return self.weeks[-1].end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def week_on(self, day: datetime.date) -> Week | None:
        """The week a date falls in, or None before the start and after the end."""
        return next((week for week in self.weeks if week.start <= day <= week.end), None)


def make_plan(inputs: Inputs) -> Plan:
    """The plan for these inputs: one week per stage, from the first stage to the last. Pure."""
    per_week = inputs.sessions_per_week
    weeks = []
    week_start = inputs.start
    for number, stage in enumerate((s for s in STAGES if s.number >= inputs.first_stage), start=1):
        sessions = tuple(Session(week_start + datetime.timedelta(days=day), number, index, stage)
                         for index, day in enumerate(SESSION_DAYS[per_week], start=1))
        weeks.append(Week(number, stage, week_start, WEEK_DAYS[per_week], sessions))
        week_start += datetime.timedelta(days=WEEK_DAYS[per_week])
    return Plan(inputs, tuple(weeks))


# --- The pain rules (the pain-monitoring model, Silbernagel et al. 2007) -------------------------
@dataclass(frozen=True)
class PainZone:
    slug: str
    name: str
    low: int
    high: int
    meaning: str  # what the number means
    action: str  # what to do during the session

    def __contains__(self, pain: int) -> bool:
        return self.low <= pain <= self.high

    @property
    def range_text(self) -> str:
        return f"{self.low} to {self.high}"


GREEN, AMBER, RED = "green", "amber", "red"
PAIN_ZONES: tuple[PainZone, ...] = (
    PainZone(GREEN, "Green", 0, 3, "Fine", "Carry on."),
    PainZone(AMBER, "Amber", 4, 5, "Warning", "You may finish, but take care, and do not move up."),
    PainZone(RED, "Red", 6, 10, "Too much", "Stop running for today."),
)
PAIN_MIN, PAIN_MAX = 0, 10


def pain_zone(pain: int) -> PainZone:
    if not PAIN_MIN <= pain <= PAIN_MAX:
        raise ValueError(f"pain must be {PAIN_MIN} to {PAIN_MAX}, not {pain}")
    return next(zone for zone in PAIN_ZONES if pain in zone)
