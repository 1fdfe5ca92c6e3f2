"""The return-to-running plan and its chart as pure functions: plain inputs in, a plan out, no database."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backpain.running import chart as chart_module
from backpain.running.plan import (
    AMBER,
    BY_NUMBER,
    COOL_DOWN_MINUTES,
    FIRST_STAGE,
    GREEN,
    LAST_STAGE,
    MAX_RUN_GROWTH,
    PAIN_ZONES,
    RED,
    STAGES,
    TRIAL_TOP_STAGE,
    WARM_UP_MINUTES,
    Inputs,
    duration_text,
    make_plan,
    minutes_text,
    pain_zone,
)

MONDAY = datetime.date(2027, 1, 4)

inputs = st.builds(
    Inputs,
    start=st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2035, 12, 31)),
    sessions_per_week=st.sampled_from([2, 3, 4]),
    first_stage=st.integers(FIRST_STAGE, LAST_STAGE),
)


# --- The stages as data ------------------------------------------------------------------------
def test_stages_run_from_a_brisk_walk_to_30_minutes_of_running():
    assert [s.number for s in STAGES] == list(range(1, len(STAGES) + 1))
    walk, last = STAGES[0], STAGES[-1]
    assert walk.walk_only and walk.main_seconds == 30 * 60  # the readiness test: a brisk 30-minute walk
    assert walk.main_text == "Walk briskly for 30\u00a0min"
    assert last.continuous and last.running_seconds == 30 * 60
    assert last.main_text == "Run easily for 30\u00a0min without stopping"


def test_the_trial_stages_run_from_15_seconds_to_3_minutes_and_the_rest_are_marked_ours():
    trial = [s for s in STAGES if not s.walk_only and not s.ours]
    assert trial[0].run_seconds == 15 and trial[-1].run_seconds == 180
    assert trial[-1].number == TRIAL_TOP_STAGE
    assert all(s.ours for s in STAGES if s.number > TRIAL_TOP_STAGE)


def test_running_never_falls_from_one_stage_to_the_next():
    # Each longest run is longer than the last; total running never falls (stage 10's two 15-minute runs
    # become stage 11's 20 and 10 minutes, then stage 12's 30 without a walk).
    runs = [s.longest_run_seconds for s in STAGES]
    assert runs == sorted(runs) and len(set(runs)) == len(runs)
    running = [s.running_seconds for s in STAGES]
    assert running == sorted(running)


def test_no_stage_more_than_doubles_the_longest_run_of_the_stage_before():
    """return-to-running.md: 15 to 30 minutes (2.0's stages 10 to 11) has a stage between."""
    runs = [s.longest_run_seconds for s in STAGES if not s.walk_only]
    assert all(later <= MAX_RUN_GROWTH * earlier for earlier, later in zip(runs, runs[1:], strict=False))
    fifteen = next(s for s in STAGES if s.longest_run_seconds == 15 * 60)
    assert BY_NUMBER[fifteen.number + 1].longest_run_seconds < 30 * 60
    assert BY_NUMBER[fifteen.number + 1].main_text == "Run 20\u00a0min, walk 1\u00a0min, then run 10\u00a0min"


def test_walk_run_sessions_last_about_30_minutes_with_the_walks():
    for stage in STAGES[1:TRIAL_TOP_STAGE]:
        assert 30 <= stage.total_minutes <= 31, stage
        assert WARM_UP_MINUTES == COOL_DOWN_MINUTES == 5


def test_each_stage_reads_as_a_runner_would_say_it():
    by_number = {s.number: s.main_text for s in STAGES}
    assert by_number[2] == "Run 15\u00a0s, then walk 1\u00a0min\u00a045\u00a0s: 10 times"
    assert by_number[4] == "Run 1\u00a0min, then walk 1\u00a0min: 10 times"
    assert STAGES[1].running_text == "2\u00bd\u00a0min" and STAGES[0].running_text == "none"


@pytest.mark.parametrize(("seconds", "text"), [(15, "15\u00a0s"), (60, "1\u00a0min"), (90, "1\u00bd\u00a0min"),
                                                (105, "1\u00a0min\u00a045\u00a0s"), (1800, "30\u00a0min")])
def test_duration_text(seconds, text):
    assert duration_text(seconds) == text


def test_minutes_text():
    assert [minutes_text(m) for m in (0, 2.5, 12, 30)] == ["0", "2\u00bd", "12", "30"]


# --- The pain zones ----------------------------------------------------------------------------
def test_pain_zones_follow_the_pain_monitoring_model():
    assert [(z.slug, z.low, z.high) for z in PAIN_ZONES] == [(GREEN, 0, 3), (AMBER, 4, 5), (RED, 6, 10)]
    assert [pain_zone(p).slug for p in range(11)] == [GREEN] * 4 + [AMBER] * 2 + [RED] * 5


@pytest.mark.parametrize("pain", [-1, 11])
def test_pain_outside_0_to_10_is_refused(pain):
    with pytest.raises(ValueError):
        pain_zone(pain)


# --- The plan ----------------------------------------------------------------------------------
def test_three_a_week_from_stage_1_is_twelve_weeks_monday_wednesday_friday():
    plan = make_plan(Inputs(MONDAY, 3, 1))
    assert len(plan.weeks) == len(STAGES) == 12
    assert [s.date.strftime("%a") for s in plan.weeks[0].sessions] == ["Mon", "Wed", "Fri"]
    assert plan.weeks[1].start == MONDAY + datetime.timedelta(days=7)
    assert plan.end == MONDAY + datetime.timedelta(days=12 * 7 - 1)
    assert len(plan.sessions) == 36
    assert [w.stage.number for w in plan.weeks] == list(range(1, 13))


def test_two_a_week_leaves_two_rest_days_between():
    plan = make_plan(Inputs(MONDAY, 2, 1))
    assert [s.date.strftime("%a") for s in plan.sessions[:4]] == ["Mon", "Thu", "Mon", "Thu"]


def test_four_a_week_is_every_other_day_so_each_stage_takes_eight_days():
    plan = make_plan(Inputs(MONDAY, 4, 10))
    gaps = {(b.date - a.date).days for a, b in zip(plan.sessions, plan.sessions[1:], strict=False)}
    assert gaps == {2}
    assert [w.days for w in plan.weeks] == [8, 8, 8]


def test_starting_later_skips_the_earlier_stages():
    plan = make_plan(Inputs(MONDAY, 3, 9))
    assert [w.stage.number for w in plan.weeks] == [9, 10, 11, 12]
    assert [w.number for w in plan.weeks] == [1, 2, 3, 4]


def test_week_on_a_date():
    plan = make_plan(Inputs(MONDAY, 3, 1))
    assert plan.week_on(MONDAY).number == 1
    assert plan.week_on(MONDAY + datetime.timedelta(days=13)).number == 2
    assert plan.week_on(MONDAY - datetime.timedelta(days=1)) is None
    assert plan.week_on(plan.end + datetime.timedelta(days=1)) is None


@pytest.mark.parametrize("bad", [dict(sessions_per_week=1), dict(sessions_per_week=5), dict(first_stage=0),
                                 dict(first_stage=13)])
def test_inputs_outside_the_rules_are_refused(bad):
    with pytest.raises(ValueError):
        Inputs(MONDAY, **{"sessions_per_week": 3, "first_stage": 1, **bad})


@given(inputs)
def test_never_two_sessions_on_consecutive_days(given_inputs):
    sessions = make_plan(given_inputs).sessions
    for earlier, later in zip(sessions, sessions[1:], strict=False):
        assert (later.date - earlier.date).days >= 2


@given(inputs)
def test_stages_never_skip_and_never_go_back(given_inputs):
    plan = make_plan(given_inputs)
    numbers = [w.stage.number for w in plan.weeks]
    assert numbers[0] == given_inputs.first_stage and numbers[-1] == LAST_STAGE
    assert all(b - a == 1 for a, b in zip(numbers, numbers[1:], strict=False))


@given(inputs)
def test_at_most_one_stage_a_week_and_every_session_in_its_week(given_inputs):
    plan = make_plan(given_inputs)
    for week in plan.weeks:
        assert week.days >= 7  # a stage lasts at least a week
        assert len(week.sessions) == given_inputs.sessions_per_week
        assert all(week.start <= s.date <= week.end and s.stage == week.stage for s in week.sessions)
    for earlier, later in zip(plan.weeks, plan.weeks[1:], strict=False):
        assert later.start == earlier.end + datetime.timedelta(days=1)


@given(inputs)
def test_the_same_inputs_always_give_the_same_plan(given_inputs):
    assert make_plan(given_inputs) == make_plan(given_inputs)


# --- The chart -----------------------------------------------------------------------------------
@given(inputs)
def test_every_bar_sits_inside_the_chart_in_date_order(given_inputs):
    plan = make_plan(given_inputs)
    drawn = chart_module.chart(plan)
    assert len(drawn.bars) == len(plan.sessions)
    xs = [bar.x for bar in drawn.bars]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    for bar in drawn.bars:
        assert drawn.left <= bar.x and bar.x + bar.width <= drawn.right + 0.01
        assert drawn.top - 0.01 <= bar.y and abs(bar.y + bar.height - drawn.bottom) < 0.02


def test_bar_heights_are_running_minutes_and_walks_get_a_low_mark():
    plan = make_plan(Inputs(MONDAY, 3, 1))
    drawn = chart_module.chart(plan)
    walk, first_run, last = drawn.bars[0], drawn.bars[3], drawn.bars[-1]
    assert walk.walk_only and walk.height == chart_module.WALK_MARK_HEIGHT
    assert first_run.height == pytest.approx(2.5 * drawn.px_per_minute, abs=0.1)
    assert last.height == pytest.approx(30 * drawn.px_per_minute, abs=0.2)
    assert [line.label for line in drawn.grid] == ["0", "10", "20", "30"]
    assert [tick.label for tick in drawn.weeks][:2] == ["W1", "W2"]
    assert drawn.stage_minutes.split(",")[:3] == ["0", "2.5", "5"]
    assert "from 0 in week 1 to 30 in week 12" in drawn.description
