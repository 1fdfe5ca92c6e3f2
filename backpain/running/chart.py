"""The plan's chart as numbers: where each bar, grid line and label goes in an SVG drawn on the server.

Pure: no Django. markup.py turns these numbers into SVG markup through format_html, which escapes
every value, so no string of markup is built here. Time runs left to right, one unit
per day from the plan's first day, so a check-in on any date has a place (static/js/running.js
reads the scale from the <svg>'s data attributes and draws the check-ins the same way).
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import STAGES, Plan, minutes_text

WIDTH, HEIGHT = 720, 250
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 24, 38
MAX_MINUTES = 30
GRID_MINUTES = (0, 10, 20, 30)
BAR_MAX_WIDTH = 12
WALK_MARK_HEIGHT = 4  # a walk-only session has no running minutes: a low mark shows it is there


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    walk_only: bool
    label: str  # for the bar's <title>


@dataclass(frozen=True)
class Line:
    y: float
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    right: float  # the x of the plot's right edge
    top: float
    bottom: float  # the y of the zero line
    px_per_day: float
    px_per_minute: float
    bars: tuple[Bar, ...]
    grid: tuple[Line, ...]
    weeks: tuple[Tick, ...]
    description: str

    @property
    def label_x(self) -> float:
        """Where the minute labels end, left of the plot."""
        return self.left - 8

    @property
    def week_label_y(self) -> float:
        return self.bottom + 22

    @property
    def stage_minutes(self) -> str:
        """Running minutes of every stage, in order, for the script that draws check-ins."""
        return ",".join(f"{stage.running_minutes:g}" for stage in STAGES)


def _r(value: float) -> float:
    return round(value, 2)


def chart(plan: Plan) -> Chart:
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    per_day = plot_width / plan.days
    per_minute = plot_height / MAX_MINUTES
    zero = TOP + plot_height
    bar_width = min(BAR_MAX_WIDTH, per_day * 0.8)
    bars = []
    for session in plan.sessions:
        day = (session.date - plan.start).days
        minutes = session.running_minutes
        height = max(minutes * per_minute, WALK_MARK_HEIGHT)
        what = "walk only" if session.stage.walk_only else f"{minutes_text(minutes)} minutes running"
        bars.append(Bar(_r(LEFT + (day + 0.5) * per_day - bar_width / 2), _r(zero - height), _r(bar_width),
                        _r(height), session.stage.walk_only,
                        f"{session.date:%a %-d %b}: stage {session.stage.number}, {what}"))
    grid = tuple(Line(_r(zero - m * per_minute), f"{m}") for m in GRID_MINUTES)
    weeks = tuple(Tick(_r(LEFT + (week.start - plan.start).days * per_day), f"W{week.number}")
                  for week in plan.weeks)
    first, last = plan.sessions[0], plan.sessions[-1]
    description = (f"Running minutes per session, from {minutes_text(first.running_minutes)} in week 1 "
                   f"to {minutes_text(last.running_minutes)} in week {len(plan.weeks)}. "
                   "The table below gives every session.")
    return Chart(WIDTH, HEIGHT, LEFT, LEFT + plot_width, TOP, zero, _r(per_day), _r(per_minute), tuple(bars),
                 grid, weeks, description)
