"""The rules as data and the pure triage function: no database, no requests."""

import datetime

import pytest

from backpain.checker import rules
from backpain.checker.rules import EMERGENCY, SELF_CARE, SOON, URGENT, triage

YNU = ("yes", "no", "unsure")

# The specification's fields, their allowed answers and whether they are required.
SPEC = {
    **{name: (YNU, True) for name in ("saddle_numbness", "bladder_bowel", "sexual_function", "both_legs",
                                      "leg_weakness", "serious_accident", "chest_pain")},
    **{name: (YNU, True) for name in ("fever", "weight_loss", "cancer_history", "back_shape", "night_pain",
                                      "upper_back", "cough_sneeze", "minor_fall", "bone_weakness")},
    "age": ((), True),
    "infection_risk": (YNU, False),
    "leg_pain": (("none", "hip_or_thigh", "below_knee"), False),
    "leg_tingling": (YNU, False),
    "duration": (("under_1_week", "1_to_4_weeks", "4_to_12_weeks", "over_12_weeks"), True),
    "improving": (YNU, True),
    **{name: (YNU, False) for name in ("severe_or_worse", "stops_activity", "worse_during_run", "cut_training",
                                       "stiffness_persists", "extension_pain", "energy_bone", "worried")},
    "training_change": (("yes", "no"), False),
    "shoe_miles": (("under_300", "300_to_500", "over_500", "unknown"), False),
    "surface": (("road", "trail", "track", "treadmill", "mixed"), False),
    "strength_training": (("never", "sometimes", "weekly"), False),
    "sitting_hours": (("under_4", "4_to_8", "over_8"), False),
    "pain_timing": (("during_runs", "after_runs", "mornings", "after_sitting"), False),
}
CLEAR = {**{name: "no" for name in (*rules.EMERGENCY_SIGNS, *rules.URGENT_SIGNS, "minor_fall", "bone_weakness")},
         "age": 35, "duration": "under_1_week", "improving": "yes"}


def test_questions_match_the_specification():
    assert {name: (q.values, q.required) for name, q in rules.QUESTIONS.items()} == SPEC
    assert rules.QUESTIONS["pain_timing"].many
    assert (rules.AGE_MIN, rules.AGE_MAX) == (5, 120)


def test_levels_most_urgent_first():
    assert rules.LEVELS == ("emergency", "urgent", "soon", "self_care")
    assert [rules.RANK[level] for level in rules.LEVELS] == [3, 2, 1, 0]
    assert sorted(rules.ROUTINE_LEVELS) == [SELF_CARE, SOON]


def test_context_choices_keep_their_name_and_values():
    # The content loader imports this to validate each cause's suggested_by.
    from backpain.checker.rules import CONTEXT_CHOICES

    assert CONTEXT_CHOICES == {
        "training_change": ("yes", "no"),
        "shoe_miles": ("under_300", "300_to_500", "over_500", "unknown"),
        "surface": ("road", "trail", "track", "treadmill", "mixed"),
        "strength_training": ("never", "sometimes", "weekly"),
        "sitting_hours": ("under_4", "4_to_8", "over_8"),
        "pain_timing": ("during_runs", "after_runs", "mornings", "after_sitting"),
    }


def test_version_and_review_date_are_published():
    assert isinstance(rules.RULES_VERSION, str) and rules.RULES_VERSION
    assert isinstance(rules.RULES_REVIEWED, datetime.date)


@pytest.mark.parametrize("rule", rules.RULES, ids=str)
def test_each_rule_is_complete_data(rule):
    assert rule.reason in rules.QUESTIONS
    assert rule.reads and set(rule.reads) <= set(rules.QUESTIONS)
    assert rule.reason in rule.reads
    assert rule.level in rules.LEVELS and rule.level != SELF_CARE
    assert rule.why.strip() and rule.why.endswith(".")
    assert rule.source.strip()
    assert not set(rule.reads) & set(rules.CONTEXT_FIELDS), "context answers never set a level"


def test_every_yes_no_unsure_flag_has_its_rules():
    for name in (*rules.EMERGENCY_SIGNS, *rules.URGENT_SIGNS):
        levels = {rule.when[0][1].values: rule.level for rule in rules.RULES if rule.reads == (name,)}
        expected_unsure = URGENT if name in rules.EMERGENCY_SIGNS else SOON
        expected_yes = EMERGENCY if name in rules.EMERGENCY_SIGNS else URGENT
        assert levels == {frozenset({"yes"}): expected_yes, frozenset({"unsure"}): expected_unsure}, name


def test_no_answers_is_self_care_with_no_reasons():
    outcome = triage({})
    assert (outcome.level, outcome.reasons) == (SELF_CARE, ())
    assert outcome.offers_routine


def test_the_most_urgent_level_wins_and_every_trigger_is_listed():
    outcome = triage({**CLEAR, "worried": "yes", "fever": "unsure", "night_pain": "yes", "chest_pain": "unsure"})
    assert outcome.level == URGENT
    assert [r.field for r in outcome.reasons] == ["chest_pain", "night_pain", "fever", "worried"]
    assert [r.level for r in outcome.reasons] == [URGENT, URGENT, SOON, SOON]
    assert not outcome.offers_routine


def test_a_field_is_named_once_at_its_most_urgent():
    outcome = triage({**CLEAR, "minor_fall": "yes", "bone_weakness": "yes", "age": 80})
    assert [(r.field, r.level) for r in outcome.reasons] == [("minor_fall", URGENT)]


def test_reasons_carry_the_question_and_the_answer_in_words():
    (reason,) = triage({**CLEAR, "leg_pain": "below_knee"}).reasons
    assert reason.question == "Pain spreading into a leg"
    assert reason.answer == "Yes, below the knee of one leg"
    assert reason.level_label == "Soon"
    (reason,) = triage({**CLEAR, "age": 12}).reasons
    assert reason.answer == "12"


@pytest.mark.parametrize("age", ["70", 70.0, True, None])
def test_age_must_be_a_whole_number_to_count(age):
    # The form cleans age to an int; anything else never matches an age rule.
    assert triage({**CLEAR, "minor_fall": "yes", "age": age}).level == SELF_CARE


def test_unknown_values_trigger_nothing():
    answers = {**CLEAR, "saddle_numbness": "YES", "leg_pain": "everywhere", "duration": "forever"}
    assert triage(answers).level == SELF_CARE


def test_triage_does_not_change_its_input():
    answers = {**CLEAR, "fever": "yes"}
    before = dict(answers)
    triage(answers)
    assert answers == before


def test_describe_answers():
    assert rules.QUESTIONS["pain_timing"].describe(("after_sitting", "mornings")) == "In the morning, After sitting"
    assert rules.QUESTIONS["fever"].describe("unsure") == "Not sure"
    assert rules.QUESTIONS["fever"].describe(None) == "Not answered"


def test_flag_fields_are_the_symptom_questions():
    assert "improving" not in rules.FLAG_FIELDS  # its yes is good news
    assert "training_change" not in rules.FLAG_FIELDS  # context
    assert set(rules.EMERGENCY_SIGNS) | set(rules.URGENT_SIGNS) <= set(rules.FLAG_FIELDS)


def test_rules_module_imports_no_django():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(rules.__file__).read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.startswith(("django", "backpain")) for name in imported)


def test_emergency_signs_mid_way_name_only_the_yes_answers():
    assert rules.emergency_signs({}) is None
    assert rules.emergency_signs({"saddle_numbness": "unsure", "fever": "yes"}) is None
    outcome = rules.emergency_signs({"saddle_numbness": "unsure", "chest_pain": "yes", "fever": "yes"})
    assert outcome.level == EMERGENCY
    assert [r.field for r in outcome.reasons] == ["chest_pain"]
