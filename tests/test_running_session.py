"""Run mode's timeline of one session as a pure function: no database."""

import pytest

from backpain.running.plan import BY_NUMBER, COOL_DOWN_MINUTES, STAGES, WARM_UP_MINUTES
from backpain.running.session import BRISK_WALK, COOL_DOWN, RUN, WALK, WARM_UP, spoken_duration, timeline, total_seconds


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: f"stage-{s.number}")
def test_every_session_is_the_stage_between_a_warm_up_and_a_cool_down(stage):
    steps = timeline(stage)
    assert (steps[0].kind, steps[0].seconds) == (WARM_UP, WARM_UP_MINUTES * 60)
    assert (steps[-1].kind, steps[-1].seconds) == (COOL_DOWN, COOL_DOWN_MINUTES * 60)
    middle = steps[1:-1]
    assert sum(step.seconds for step in middle) == stage.main_seconds
    assert sum(step.seconds for step in middle if step.kind == RUN) == stage.running_seconds
    assert max((step.seconds for step in middle if step.kind == RUN), default=0) == stage.longest_run_seconds
    # Each step starts where the one before ended, and the whole adds up.
    assert [step.starts_at for step in steps] == [sum(s.seconds for s in steps[:i]) for i in range(len(steps))]
    assert total_seconds(steps) == (WARM_UP_MINUTES + COOL_DOWN_MINUTES) * 60 + stage.main_seconds


def test_a_walk_run_stage_alternates_and_counts_its_runs():
    steps = timeline(BY_NUMBER[2])
    kinds = [step.kind for step in steps]
    assert kinds == [WARM_UP, *[RUN, WALK] * 10, COOL_DOWN]
    runs = [step for step in steps if step.kind == RUN]
    assert [step.label for step in runs[:2]] == ["Run 1 of 10", "Run 2 of 10"]
    assert runs[0].cue == "Run for 15 seconds." and runs[-1].cue == "Last run. Run for 15 seconds."
    assert steps[2].cue == "Walk for 1 minute 45 seconds."
    assert steps[0].cue == "Warm-up. Walk for 5 minutes." and steps[-1].cue == "Cool-down. Walk for 5 minutes."


def test_the_stage_between_15_and_30_minutes_runs_20_then_10():
    steps = timeline(BY_NUMBER[11])
    assert [(step.kind, step.seconds) for step in steps[1:-1]] == [(RUN, 1200), (WALK, 60), (RUN, 600)]
    assert steps[3].cue == "Last run. Run for 10 minutes."


def test_the_walk_and_the_continuous_run_are_one_step_each():
    assert [step.kind for step in timeline(BY_NUMBER[1])] == [WARM_UP, BRISK_WALK, COOL_DOWN]
    last = timeline(STAGES[-1])
    assert [step.kind for step in last] == [WARM_UP, RUN, COOL_DOWN]
    assert last[1].label == "Run" and last[1].cue == "Run for 30 minutes."


@pytest.mark.parametrize(("seconds", "words"), [(15, "15 seconds"), (60, "1 minute"), (90, "1 and a half minutes"),
                                                (105, "1 minute 45 seconds"), (1200, "20 minutes")])
def test_spoken_durations(seconds, words):
    assert spoken_duration(seconds) == words
