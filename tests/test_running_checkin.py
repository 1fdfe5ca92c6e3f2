"""The check-in rules as a pure function: answers in, one decision out, no database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backpain.running.checkin import (
    MOVE_UP,
    NO,
    REPEAT,
    STEP_BACK,
    STOP,
    UNSURE,
    USUAL,
    WORSE,
    YES,
    CheckIn,
    decide,
    emergency_stop,
)
from backpain.running.plan import FIRST_STAGE, LAST_STAGE

answers = st.builds(
    CheckIn,
    stage=st.integers(FIRST_STAGE, LAST_STAGE),
    pain_during=st.integers(0, 10),
    morning=st.sampled_from([USUAL, WORSE]),
    emergency=st.sampled_from([NO, YES, UNSURE]),
    finished=st.sampled_from([0, 1, 2]),
)


def check(stage=4, pain=2, morning=USUAL, emergency=NO, finished=2) -> CheckIn:
    return CheckIn(stage=stage, pain_during=pain, morning=morning, emergency=emergency, finished=finished)


# --- Each rule, with its reason ----------------------------------------------------------------
def test_green_pain_usual_morning_and_two_finished_sessions_move_up_one_stage():
    decision = decide(check(stage=4, pain=3, finished=2))
    assert (decision.action, decision.stage) == (MOVE_UP, 5)
    assert "move up to stage 5" in decision.reason and "one stage a week" in decision.reason
    assert decision.headline == "Move up a stage"


def test_one_finished_session_is_not_enough_to_move_up():
    decision = decide(check(stage=4, pain=0, finished=1))
    assert (decision.action, decision.stage) == (REPEAT, 4)
    assert "two sessions" in decision.reason


def test_stopping_early_repeats_the_stage():
    assert (decide(check(finished=0)).action, decide(check(finished=0)).stage) == (REPEAT, 4)


@pytest.mark.parametrize("pain", [4, 5])
def test_amber_pain_repeats_the_stage(pain):
    decision = decide(check(pain=pain))
    assert (decision.action, decision.stage) == (REPEAT, 4)
    assert f"Pain of {pain} out of 10 is a warning" in decision.reason


@pytest.mark.parametrize("pain", [6, 8, 10])
def test_red_pain_steps_back(pain):
    decision = decide(check(pain=pain))
    assert (decision.action, decision.stage) == (STEP_BACK, 3)
    assert "too much" in decision.reason and "over 5" in decision.reason


def test_a_worse_morning_steps_back_even_after_green_pain():
    decision = decide(check(pain=1, morning=WORSE))
    assert (decision.action, decision.stage) == (STEP_BACK, 3)
    assert "next morning" in decision.reason


def test_stepping_back_from_the_first_stage_stays_there_and_says_what_to_do():
    decision = decide(check(stage=1, pain=7))
    assert (decision.action, decision.stage) == (STEP_BACK, 1)
    assert "walk for less time" in decision.reason and "symptom checker" in decision.reason


def test_the_last_stage_is_kept_up_not_passed():
    decision = decide(check(stage=LAST_STAGE, pain=0, finished=2))
    assert (decision.action, decision.stage) == (REPEAT, LAST_STAGE)
    assert "last stage" in decision.reason


def test_an_emergency_sign_stops_and_shows_the_emergency_advice():
    decision = decide(check(emergency=YES, pain=0))
    assert (decision.action, decision.stage, decision.emergency_sign) == (STOP, None, True)
    assert decision.headline == "Stop: use the symptom checker now"


def test_not_sure_about_an_emergency_sign_also_stops():
    decision = decide(check(emergency=UNSURE))
    assert (decision.action, decision.stage, decision.emergency_sign) == (STOP, None, False)
    assert "symptom checker" in decision.reason


def test_emergency_stop_alone_decides_for_yes_and_not_sure_only():
    assert emergency_stop(YES).action == emergency_stop(UNSURE).action == STOP
    assert emergency_stop(NO) is None and emergency_stop("") is None


@pytest.mark.parametrize("bad", [dict(stage=0), dict(stage=LAST_STAGE + 1), dict(pain=-1), dict(pain=11),
                                 dict(morning="fine"), dict(emergency="maybe"), dict(finished=3)])
def test_answers_outside_the_lists_are_refused(bad):
    with pytest.raises(ValueError):
        check(**bad)


# --- Properties over every possible check-in --------------------------------------------------------
@given(answers)
def test_any_emergency_sign_always_stops(given_answers):
    decision = decide(given_answers)
    assert (decision.action == STOP) == (given_answers.emergency in (YES, UNSURE))
    if decision.action == STOP:
        assert decision.stage is None


@given(answers)
def test_a_step_back_never_moves_forward(given_answers):
    decision = decide(given_answers)
    if decision.action == STEP_BACK:
        assert decision.stage <= given_answers.stage
        assert decision.stage == max(given_answers.stage - 1, FIRST_STAGE)


@given(answers)
def test_stages_never_skip(given_answers):
    decision = decide(given_answers)
    if decision.stage is not None:
        assert FIRST_STAGE <= decision.stage <= LAST_STAGE
        assert decision.stage - given_answers.stage in (-1, 0, 1)
        assert (decision.stage > given_answers.stage) == (decision.action == MOVE_UP)


@given(answers)
def test_moving_up_needs_green_pain_a_usual_morning_and_two_finished_sessions(given_answers):
    if decide(given_answers).action == MOVE_UP:
        assert given_answers.pain_during <= 3 and given_answers.morning == USUAL
        assert given_answers.finished >= 2 and given_answers.emergency == NO


@given(answers)
def test_too_much_pain_or_a_worse_morning_never_moves_up_or_stays(given_answers):
    if given_answers.emergency == NO and (given_answers.pain_during > 5 or given_answers.morning == WORSE):
        assert decide(given_answers).action == STEP_BACK


@given(answers)
def test_every_decision_gives_a_reason_and_is_the_same_each_time(given_answers):
    decision = decide(given_answers)
    assert decision.reason and decision == decide(given_answers)
