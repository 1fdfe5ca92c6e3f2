"""The plan page's chart and week-by-week table as HTML, built here rather than in template loops.

A plan has up to 48 sessions in 12 weeks: as template loops its bars, ticks and rows were about 5,000
template nodes and most of the plan page's time. Here every value goes through format_html, so it is
escaped as the template escaped it, and the markup is the template's own, character for character.

Each piece is kept per process for the plan's validated inputs (a start date within a year of today,
a few session counts and stages: lru_cache bounds how many are kept). A plan is a pure function of its
inputs, and neither piece holds anything of a visitor's own.
"""

from functools import lru_cache

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .chart import chart
from .plan import Inputs, make_plan

KEPT = 256  # plans kept per process: a plan's two pieces are about 20 KB
# ruff: noqa: E501 (the templates' markup, line for line)

_CHART = """
  <figure class="chart">
    <div class="chart-scroll" role="region" aria-label="Chart of running minutes, scrolls sideways on a small screen" tabindex="0">
      <svg class="plan-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"
           role="img" aria-labelledby="chart-title chart-desc" data-chart
           data-start="{start}" data-days="{days}" data-left="{left}"
           data-right="{right}" data-zero="{bottom}" data-per-day="{per_day}"
           data-per-minute="{per_minute}" data-stage-minutes="{stage_minutes}">
        <title id="chart-title">Running minutes per session</title>
        <desc id="chart-desc">{description}</desc>
        <g class="chart-grid">
          {grid}
          <text class="axis-title" x="{left}" y="{top}" dy="-4">minutes</text>
        </g>
        <g class="chart-weeks">
          {weeks}
        </g>
        <g class="chart-bars">
          {bars}
        </g>
        <g class="chart-checkins" data-chart-checkins></g>
      </svg>
    </div>
    <figcaption>
      Each bar is one session: its height is the minutes of running. A short bar means walking only. W1, W2 and so on mark the start of each week.
      <span hidden data-history-key> Circles are the check-ins you kept: the number in each is the pain you gave, from 0 to 10.</span>
    </figcaption>
  </figure>
  """

_GRID_LINE = """<line x1="{}" x2="{}" y1="{}" y2="{}"/>
          <text class="axis-label" x="{}" y="{}" dy="5" text-anchor="end">{}</text>
          """
_WEEK_TICK = """<line x1="{}" x2="{}" y1="{}" y2="{}"/>
          <text class="axis-label" x="{}" y="{}" dx="3">{}</text>
          """
_BAR = """<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>
          """


@lru_cache(maxsize=KEPT)
def chart_svg(inputs: Inputs) -> SafeString:
    """The chart's <figure>, as running/plan.html drew it."""
    plan = make_plan(inputs)
    drawn = chart(plan)
    grid = format_html_join("", _GRID_LINE, ((drawn.left, drawn.right, line.y, line.y, drawn.label_x, line.y,
                                               line.label) for line in drawn.grid))
    weeks = format_html_join("", _WEEK_TICK, ((tick.x, tick.x, drawn.top, drawn.bottom + 6, tick.x,
                                               drawn.week_label_y, tick.label) for tick in drawn.weeks))
    bars = format_html_join("", _BAR, (("bar bar-walk" if bar.walk_only else "bar", bar.x, bar.y, bar.width,
                                        bar.height, bar.label) for bar in drawn.bars))
    return format_html(
        _CHART, width=drawn.width, height=drawn.height, start=date_format(plan.start, "Y-m-d"), days=plan.days,
        left=drawn.left, right=drawn.right, bottom=drawn.bottom, per_day=drawn.px_per_day,
        per_minute=drawn.px_per_minute, stage_minutes=drawn.stage_minutes, description=drawn.description,
        top=drawn.top, grid=grid, weeks=weeks, bars=bars,
    )


_ROW = """
      <tr class="{current_class}" data-week="{number}" data-stage="{stage}">
        <th scope="row">Week {number}{tag}</th>
        <td data-label="Session days">{days}</td>
        <td data-label="Main part"><strong>Stage {stage}.</strong> {main}</td>
        <td data-label="Running">{running}</td>
        <td><a href="{card}?{query}&amp;week={number}">Print card<span class="visually-hidden"> for week {number}</span></a>
          <a href="{run}?stage={stage}&amp;sessions={sessions}">Run mode<span class="visually-hidden"> for week {number}</span></a>
          <a href="{check_in}?stage={stage}&amp;sessions={sessions}">Check in<span class="visually-hidden"> after a week {number} session</span></a></td>
      </tr>
      """
_DAY = '<time datetime="{}" data-session>{}</time>'
_THIS_WEEK = mark_safe(' <span class="tag">this week</span>')  # noqa: S308 (a constant)


@lru_cache(maxsize=KEPT)
def week_rows(inputs: Inputs, current: int | None, query: str) -> SafeString:
    """The <tr> of every week, as running/plan.html drew them; current: this week's number, if any.
    query: the plan's canonical query string (PlanForm.query(), made from the same inputs)."""
    plan = make_plan(inputs)
    urls = {"card": reverse("running:card"), "run": reverse("running:run"), "check_in": reverse("running:check_in")}
    rows = []
    for week in plan.weeks:
        days = format_html_join(", ", _DAY, ((date_format(session.date, "Y-m-d"), date_format(session.date, "D j M"))
                                             for session in week.sessions))
        is_current = week.number == current
        rows.append(format_html(
            _ROW, current_class="is-current" if is_current else "", number=week.number, stage=week.stage.number,
            tag=_THIS_WEEK if is_current else "", days=days, main=week.stage.main_text,
            running=week.stage.running_text, query=query, sessions=inputs.sessions_per_week, **urls,
        ))
    return mark_safe("".join(rows))  # noqa: S308 (each row is format_html's)
