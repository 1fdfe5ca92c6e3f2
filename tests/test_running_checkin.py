"""The check-in rules (version 2) as a pure function: answers in, one decision out, no database."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backpain.running.checkin import (
    BETTER_OR_SAME,
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
    early_stop,
)
from backpain.running.plan import FIRST_STAGE, LAST_STAGE

answers = st.builds(
    CheckIn,
    stage=st.integers(FIRST_STAGE, LAST_STAGE),
    pain_during=st.integers(0, 10),
    pain_after=st.integers(0, 10),
    morning=st.sampled_from([USUAL, WORSE]),
    week_trend=st.sampled_from([BETTER_OR_SAME, WORSE]),
    emergency=st.sampled_from([NO, YES, UNSURE]),
    warning_signs=st.sampled_from([NO, YES, UNSURE]),
    longer=st.sampled_from([NO, YES]),
    other_pain=st.sampled_from([NO, YES]),
    finished=st.sampled_from([0, 1, 2]),
)


def check(stage=4, pain=2, after=None, morning=USUAL, week_trend=BETTER_OR_SAME, emergency=NO, warning_signs=NO,
          longer=NO, other_pain=NO, finished=2) -> CheckIn:
    return CheckIn(stage=stage, pain_during=pain, pain_after=pain if after is None else after, morning=morning,
                   week_trend=week_trend, emergency=emergency, warning_signs=warning_signs, longer=longer,
                   other_pain=other_pain, finished=finished)


def outcome(**answers) -> tuple[str, int | None, int]:
    decision = decide(check(**answers))
    return decision.action, decision.stage, decision.rule


# --- Each of the eleven rules, in its order --------------------------------------------------------
def test_rule_1_an_emergency_sign_stops_and_shows_the_emergency_advice():
    decision = decide(check(emergency=YES, pain=0))
    assert (decision.action, decision.stage, decision.rule, decision.emergency_sign) == (STOP, None, 1, True)
    assert decision.headline == "Stop: use the symptom checker now"
    unsure = decide(check(emergency=UNSURE))
    assert (unsure.action, unsure.stage, unsure.emergency_sign) == (STOP, None, False)
    assert "symptom checker" in unsure.reason


@pytest.mark.parametrize("warning", [YES, UNSURE])
def test_rule_2_a_new_warning_sign_stops_without_the_emergency_advice(warning):
    # The review's cases: a new fever, new night pain, new pins and needles down one leg. Each is one
    # answer to `warning_signs`; everything else says move up.
    decision = decide(check(warning_signs=warning, pain=0))
    assert (decision.action, decision.stage, decision.rule, decision.emergency_sign) == (STOP, None, 2, False)
    assert "symptom checker today" in decision.reason


def test_rule_1_comes_before_rule_2():
    assert decide(check(emergency=YES, warning_signs=YES)).emergency_sign


@pytest.mark.parametrize(("during", "after"), [(8, 0), (0, 8), (10, 10), (3, 9)])
def test_rule_3_pain_of_8_or_more_during_or_after_stops(during, after):
    decision = decide(check(pain=during, after=after))
    assert (decision.action, decision.stage, decision.rule) == (STOP, None, 3)
    assert "symptom checker" in decision.reason and "few days" in decision.reason


@pytest.mark.parametrize(("during", "after"), [(6, 0), (7, 2), (0, 6), (2, 7)])
def test_rule_4_red_pain_during_or_after_steps_back(during, after):
    # The review's case: pain of 7/10 that evening, after an easy session, was told to move up.
    decision = decide(check(pain=during, after=after))
    assert (decision.action, decision.stage, decision.rule) == (STEP_BACK, 3, 4)
    assert "too much" in decision.reason and "over 5" in decision.reason


def test_rule_5_a_worse_morning_steps_back_even_after_green_pain():
    assert outcome(pain=1, morning=WORSE) == (STEP_BACK, 3, 5)
    assert "next morning" in decide(check(pain=1, morning=WORSE)).reason


def test_rule_6_pain_creeping_up_week_to_week_steps_back():
    assert outcome(pain=2, week_trend=WORSE) == (STEP_BACK, 3, 6)
    assert "week to week" in decide(check(week_trend=WORSE)).reason


def test_rule_7_a_longer_run_than_planned_repeats_the_stage_never_above_it():
    assert outcome(pain=0, longer=YES) == (REPEAT, 4, 7)
    assert outcome(stage=LAST_STAGE - 1, pain=0, longer=YES) == (REPEAT, LAST_STAGE - 1, 7)


@pytest.mark.parametrize(("during", "after"), [(4, 0), (5, 3), (0, 4), (2, 5)])
def test_rule_8_amber_pain_during_or_after_repeats_the_stage(during, after):
    decision = decide(check(pain=during, after=after))
    assert (decision.action, decision.stage, decision.rule) == (REPEAT, 4, 8)
    assert f"Pain of {max(during, after)} out of 10" in decision.reason and "amber" in decision.reason


def test_rule_8_another_part_hurting_repeats_the_stage():
    assert outcome(pain=0, other_pain=YES) == (REPEAT, 4, 8)
    assert "Shins" in decide(check(other_pain=YES)).reason


def test_rule_9_the_stage_not_finished_in_two_sessions_repeats_it():
    assert outcome(finished=0) == (REPEAT, 4, 9)
    assert outcome(pain=0, finished=1) == (REPEAT, 4, 9)
    assert "two sessions" in decide(check(finished=1)).reason


def test_rule_10_the_last_stage_is_kept_up_not_passed():
    decision = decide(check(stage=LAST_STAGE, pain=0, finished=2))
    assert (decision.action, decision.stage, decision.rule) == (REPEAT, LAST_STAGE, 10)
    assert "last stage" in decision.reason


def test_rule_11_otherwise_move_up_one_stage():
    decision = decide(check(stage=4, pain=3, after=3, finished=2))
    assert (decision.action, decision.stage, decision.rule) == (MOVE_UP, 5, 11)
    assert "move up to stage 5" in decision.reason and "one stage a week" in decision.reason
    assert decision.headline == "Move up a stage"


def test_a_step_back_from_the_first_stage_stays_there_and_says_what_to_do():
    decision = decide(check(stage=1, pain=7))
    assert (decision.action, decision.stage) == (STEP_BACK, 1)
    assert "walk for less time" in decision.reason and "symptom checker" in decision.reason


def test_the_first_rule_that_applies_decides():
    # Red pain, a worse morning and a longer run: rule 4 decides, not 5 or 7.
    assert outcome(pain=6, morning=WORSE, longer=YES)[2] == 4
    assert outcome(pain=4, longer=YES)[2] == 7
    assert outcome(pain=4, finished=0)[2] == 8


def test_early_stop_alone_decides_for_yes_and_not_sure_only():
    assert early_stop(YES).action == early_stop(UNSURE).action == STOP
    assert early_stop(NO, YES).rule == early_stop("", UNSURE).rule == 2
    assert early_stop(NO) is None and early_stop("") is None and early_stop(NO, NO) is None


@pytest.mark.parametrize("bad", [dict(stage=0), dict(stage=LAST_STAGE + 1), dict(pain=-1), dict(pain=11),
                                 dict(after=11), dict(morning="fine"), dict(emergency="maybe"), dict(finished=3),
                                 dict(week_trend="same"), dict(warning_signs="maybe"), dict(longer=UNSURE),
                                 dict(other_pain="unsure")])
def test_answers_outside_the_lists_are_refused(bad):
    with pytest.raises(ValueError):
        check(**bad)


# --- Properties over every possible check-in --------------------------------------------------------
FORWARD = {STOP: 0, STEP_BACK: 1, REPEAT: 2, MOVE_UP: 3}  # how far forward a decision goes
# Each answer, from better to worse.
WORSE_ANSWERS = {
    "emergency": (NO, UNSURE, YES), "warning_signs": (NO, UNSURE, YES), "morning": (USUAL, WORSE),
    "week_trend": (BETTER_OR_SAME, WORSE), "longer": (NO, YES), "other_pain": (NO, YES),
    "pain_during": tuple(range(11)), "pain_after": tuple(range(11)), "finished": (2, 1, 0),
}


@given(answers, st.sampled_from(sorted(WORSE_ANSWERS)), st.data())
def test_a_worse_answer_never_gives_a_more_forward_decision(given_answers, name, data):
    values = WORSE_ANSWERS[name]
    better = data.draw(st.sampled_from(values[:-1]))
    worse = data.draw(st.sampled_from(values[values.index(better) + 1:]))
    before = decide(dataclasses.replace(given_answers, **{name: better}))
    after = decide(dataclasses.replace(given_answers, **{name: worse}))
    assert FORWARD[after.action] <= FORWARD[before.action], (name, better, worse)
    if before.stage is not None and after.stage is not None:
        assert after.stage <= before.stage


@given(answers)
def test_no_answer_moves_up_more_than_one_stage(given_answers):
    decision = decide(given_answers)
    if decision.stage is not None:
        assert FIRST_STAGE <= decision.stage <= LAST_STAGE
        assert decision.stage - given_answers.stage in (-1, 0, 1)
        assert (decision.stage > given_answers.stage) == (decision.action == MOVE_UP)


@given(answers)
def test_a_sign_or_pain_of_8_or_more_always_stops(given_answers):
    decision = decide(given_answers)
    expected = (given_answers.emergency in (YES, UNSURE) or given_answers.warning_signs in (YES, UNSURE)
                or given_answers.worst_pain >= 8)
    assert (decision.action == STOP) == expected
    assert (decision.stage is None) == expected


@given(answers)
def test_a_step_back_never_moves_forward(given_answers):
    decision = decide(given_answers)
    if decision.action == STEP_BACK:
        assert decision.stage == max(given_answers.stage - 1, FIRST_STAGE)


@given(answers)
def test_moving_up_needs_every_answer_in_the_green(given_answers):
    if decide(given_answers).action == MOVE_UP:
        a = given_answers
        assert a.worst_pain <= 3 and a.morning == USUAL and a.week_trend == BETTER_OR_SAME
        assert a.finished >= 2 and a.emergency == a.warning_signs == a.longer == a.other_pain == NO
        assert a.stage < LAST_STAGE


@given(answers)
def test_after_a_longer_run_the_next_session_is_never_above_the_stage(given_answers):
    if given_answers.longer == YES:
        decision = decide(given_answers)
        assert decision.stage is None or decision.stage <= given_answers.stage


@given(answers)
def test_every_decision_gives_a_reason_and_is_the_same_each_time(given_answers):
    decision = decide(given_answers)
    assert decision.reason and decision == decide(given_answers) and 1 <= decision.rule <= 11
