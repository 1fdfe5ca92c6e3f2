"""The rules as data and the pure triage function: no database, no requests."""

import pytest

from backpain.checker import rules
from backpain.checker.rules import EMERGENCY, SELF_CARE, SOON, URGENT, triage
from backpain.vocabulary import CONTEXT_ANSWERS

YNU = ("yes", "no", "unsure")

# The specification's fields (2.1), their allowed answers and whether they are required.
SPEC = {
    **{name: (YNU, True) for name in ("saddle_numbness", "bladder_bowel", "sexual_function", "both_legs",
                                      "leg_weakness", "serious_accident", "chest_pain", "collapse_signs",
                                      "tearing_pain", "very_unwell")},
    **{name: (YNU, True) for name in ("fever", "weight_loss", "cancer_history", "back_shape", "night_pain",
                                      "upper_back", "cough_sneeze", "urinary_symptoms", "pulsing_tummy",
                                      "sudden_onset", "bone_weakness", "pregnant")},
    "pregnancy_signs": (YNU, False),
    "recent_birth": (("no", "under_12_weeks", "3_to_12_months"), True),
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
CLEAR = {**{name: "no" for name in SPEC if SPEC[name] == (YNU, True) and name != "improving"},
         "age": 35, "duration": "under_1_week", "improving": "yes", "recent_birth": "no"}


def test_questions_match_the_specification():
    assert {name: (q.values, q.required) for name, q in rules.QUESTIONS.items()} == SPEC
    assert rules.QUESTIONS["pain_timing"].many
    assert (rules.AGE_MIN, rules.AGE_MAX) == (5, 120)
    assert rules.EMERGENCY_SIGNS[-3:] == ("collapse_signs", "tearing_pain", "very_unwell")
    assert rules.CAUDA_EQUINA_SIGNS == ("saddle_numbness", "bladder_bowel", "sexual_function", "both_legs")
    assert "minor_fall" not in rules.QUESTIONS  # renamed sudden_onset in 2.0


def test_version_two_point_one_reviewed_on_the_sixth_of_december():
    assert (rules.RULES_VERSION, rules.PREVIOUS_VERSION) == ("2.1", "2.0")
    assert rules.RULES_REVIEWED.isoformat() == "2026-12-06"


def test_levels_most_urgent_first():
    assert rules.LEVELS == ("emergency", "urgent", "soon", "self_care")
    assert [rules.RANK[level] for level in rules.LEVELS] == [3, 2, 1, 0]
    assert sorted(rules.ROUTINE_LEVELS) == [SELF_CARE, SOON]


def test_every_suggested_by_in_the_content_is_a_context_answer():
    """Causes in content/ name context answers the checker really asks, so a check can point to them."""
    import frontmatter
    from django.conf import settings

    entries = set()
    for path in sorted((settings.CONTENT_DIR / "causes").glob("*.md")):
        entries.update(frontmatter.load(path).get("suggested_by") or [])
    assert entries, "the causes name the answers that suggest them"
    for entry in entries:
        name, value = entry.split("=", 1)
        assert name in rules.CONTEXT_FIELDS and value in rules.QUESTIONS[name].values, entry
        assert rules.QUESTIONS[name].values == CONTEXT_ANSWERS[name]


@pytest.mark.django_db
def test_version_and_review_date_are_on_the_result_and_the_rules_page(client):
    from tests.checker_answers import answers

    reviewed = rules.RULES_REVIEWED.strftime("%-d %B %Y")
    result = client.post("/checker/", answers()).content.decode()
    assert f"rules version {rules.RULES_VERSION}, last clinically reviewed on {reviewed}" in result
    page = client.get("/checker/how-it-decides/").content.decode()
    assert f"Rules version {rules.RULES_VERSION}, last clinically reviewed on {reviewed}" in page


@pytest.mark.parametrize("rule", rules.RULES, ids=str)
def test_each_rule_is_complete_data(rule):
    assert rule.reason in rules.QUESTIONS
    assert rule.reads and set(rule.reads) <= set(rules.QUESTIONS)
    assert rule.reason in rule.reads
    assert rule.tags <= {rules.CAUDA_EQUINA, rules.BONE_STRESS, rules.PREGNANT, rules.PREGNANCY_SIGNS,
                         rules.PREGNANCY_TEST, rules.RECENT_BIRTH, rules.PELVIC_HEALTH}
    assert rule.conditions() and all(text.strip() for text in rule.conditions())
    assert rule.level in rules.LEVELS
    # A self-care rule sets no level, so it is there only to change what the result says or offers.
    assert rule.level != SELF_CARE or rule.tags
    assert rule.why.strip() and rule.why.endswith(".")
    assert rule.source.strip()
    assert not set(rule.reads) & set(rules.CONTEXT_FIELDS), "context answers never set a level"


def _single(name, value):
    """The level that this one answer sets, with nothing else answered."""
    return triage({name: value}).level


def test_every_emergency_and_urgent_sign_has_its_rules():
    for name in rules.EMERGENCY_SIGNS:
        assert _single(name, "yes") == EMERGENCY, name
        # Without leg symptoms or severe pain; both_legs alone is soon (spec 2.1).
        assert _single(name, "unsure") == (SOON if name == "both_legs" else URGENT), name
        assert _single(name, "no") == SELF_CARE, name
    for name in rules.URGENT_SIGNS:
        assert (_single(name, "yes"), _single(name, "unsure"), _single(name, "no")) == (URGENT, SOON, SELF_CARE)


@pytest.mark.parametrize("name", rules.CAUDA_EQUINA_SIGNS)
@pytest.mark.parametrize(("legs", "level"), [
    ({}, URGENT), ({"leg_pain": "none"}, URGENT), ({"leg_tingling": "no"}, URGENT), ({"leg_weakness": "no"}, URGENT),
    ({"severe_or_worse": "no"}, URGENT), ({"severe_or_worse": "unsure"}, URGENT),
    ({"leg_pain": "hip_or_thigh"}, EMERGENCY), ({"leg_pain": "below_knee"}, EMERGENCY),
    ({"leg_tingling": "yes"}, EMERGENCY), ({"leg_tingling": "unsure"}, EMERGENCY),
    ({"leg_weakness": "yes"}, EMERGENCY), ({"leg_weakness": "unsure"}, EMERGENCY),
    ({"severe_or_worse": "yes"}, EMERGENCY),  # new in 2.1 (BASS 2018)
])
def test_cauda_equina_unsure_is_an_emergency_with_leg_symptoms_or_severe_pain(name, legs, level):
    outcome = triage({name: "unsure", **legs})
    # Without leg symptoms or severe pain, not sure about both legs is soon, the others urgent (spec 2.1).
    assert outcome.level == (SOON if name == "both_legs" and level == URGENT else level)
    assert outcome.cauda_equina and name in outcome.fields


def test_other_emergency_signs_unsure_stay_urgent_with_leg_symptoms():
    for name in ("serious_accident", "chest_pain", "collapse_signs", "tearing_pain", "very_unwell"):
        assert triage({name: "unsure", "leg_pain": "below_knee", "leg_tingling": "yes"}).level == URGENT, name


def test_other_emergency_signs_unsure_stay_urgent_with_severe_pain_except_tearing_pain():
    for name in ("serious_accident", "chest_pain", "collapse_signs", "very_unwell", "leg_weakness"):
        assert triage({name: "unsure", "severe_or_worse": "yes"}).level == URGENT, name
    assert triage({"tearing_pain": "unsure", "severe_or_worse": "yes"}).level == EMERGENCY


@pytest.mark.parametrize(("answers", "routine", "bone_stress", "pregnant"), [
    ({"energy_bone": "yes"}, False, True, False),
    ({"extension_pain": "unsure", "age": 17}, False, True, False),
    ({"age": 18, "duration": "1_to_4_weeks"}, False, True, False),
    ({"age": 15}, True, False, False),  # under 16: soon, but not the bone stress rule
    ({"age": 72}, True, False, False),
    ({"pregnant": "yes"}, False, False, True),
    ({"pregnant": "unsure"}, False, False, False),  # 2.1: take a test first
    ({"recent_birth": "under_12_weeks"}, False, False, False),
    ({"recent_birth": "3_to_12_months"}, True, False, False),
    ({"worried": "yes"}, True, False, False),
    ({}, True, False, False),
    ({"fever": "yes"}, False, False, False),
])
def test_routine_is_withheld_for_bone_stress_and_pregnancy(answers, routine, bone_stress, pregnant):
    outcome = triage({**CLEAR, **answers})
    assert (outcome.offers_routine, outcome.bone_stress, outcome.pregnant) == (routine, bone_stress, pregnant)


def test_pregnancy_signs_call_the_maternity_unit():
    outcome = triage({**CLEAR, "pregnant": "unsure", "pregnancy_signs": "yes"})
    assert outcome.level == URGENT and outcome.pregnancy_signs
    assert not triage({**CLEAR, "pregnant": "no", "pregnancy_signs": "yes"}).pregnancy_signs


def test_every_change_is_listed():
    # The specification's tables: 11 rows from 2.0 to 2.1, 13 from 1.0 to 2.0.
    assert (len(rules.CHANGES), len(rules.EARLIER_CHANGES)) == (11, 13)
    assert all(change.strip() and why.strip() for change, why in (*rules.CHANGES, *rules.EARLIER_CHANGES))
    assert {rule.reason for rule in rules.RULES if "2.1" in rule.changed} >= {
        "saddle_numbness", "bladder_bowel", "sexual_function", "both_legs", "collapse_signs", "tearing_pain",
        "pulsing_tummy", "urinary_symptoms", "fever", "pregnancy_signs", "pregnant", "recent_birth",
        "stops_activity", "stiffness_persists", "extension_pain"}
    new_fields = {"collapse_signs", "tearing_pain", "very_unwell", "urinary_symptoms", "pulsing_tummy",
                  "pregnant", "pregnancy_signs"}
    assert {rule.reason for rule in rules.RULES if rule.changed.startswith("New")} >= new_fields


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
    outcome = triage({**CLEAR, "sudden_onset": "yes", "bone_weakness": "yes", "age": 80})
    assert [(r.field, r.level) for r in outcome.reasons] == [("sudden_onset", URGENT), ("bone_weakness", SOON),
                                                             ("age", SOON)]


def test_reasons_carry_the_question_and_the_answer_in_words():
    (reason,) = triage({**CLEAR, "leg_pain": "below_knee", "improving": "no"}).reasons
    assert reason.question == "Pain spreading into a leg"
    assert reason.answer == "Yes, below the knee of one leg"
    assert reason.level_label == "Soon"
    (reason,) = triage({**CLEAR, "age": 12}).reasons
    assert reason.answer == "12"


@pytest.mark.parametrize("age", ["70", 70.0, True, None])
def test_age_must_be_a_whole_number_to_count(age):
    # The form cleans age to an int; anything else never matches an age rule.
    assert triage({**CLEAR, "sudden_onset": "yes", "age": age}).level == SELF_CARE


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
    assert not any(name and name.startswith("django") for name in imported)
    # Of the project, only the shared words (which import nothing themselves).
    assert {name for name in imported if name and name.startswith("backpain")} == {"backpain.vocabulary"}


def test_emergency_signs_mid_way_name_only_the_yes_answers():
    assert rules.emergency_signs({}) is None
    assert rules.emergency_signs({"saddle_numbness": "unsure", "fever": "yes"}) is None
    outcome = rules.emergency_signs({"saddle_numbness": "unsure", "chest_pain": "yes", "fever": "yes"})
    assert outcome.level == EMERGENCY
    assert [r.field for r in outcome.reasons] == ["chest_pain"]
    # "Not sure" on a cauda equina sign is an emergency as soon as a leg symptom is known.
    assert rules.emergency_signs({"both_legs": "unsure"}) is None
    outcome = rules.emergency_signs({"both_legs": "unsure", "leg_tingling": "unsure", "fever": "yes"})
    assert [r.field for r in outcome.reasons] == ["both_legs"] and outcome.cauda_equina


def test_the_reworded_questions_of_two_point_one():
    questions = rules.QUESTIONS
    assert questions["bladder_bowel"].text.startswith("Since your back pain started")
    assert "before the back pain" in questions["bladder_bowel"].hint  # a leak since a birth is not this sign
    assert "tearing" not in questions["tearing_pain"].text and "does not have to" in questions["tearing_pain"].hint
    stops = questions["stops_activity"]
    assert "running" not in stops.text and "run does not count" in stops.hint
    assert any("cola" in item and "race" in item for item in questions["urinary_symptoms"].hint_items)
    assert [value for value, _ in questions["recent_birth"].choices] == ["no", "under_12_weeks", "3_to_12_months"]


def test_worse_during_run_and_cut_training_are_still_asked_but_set_no_level():
    assert {"worse_during_run", "cut_training"} <= set(rules.QUESTIONS)
    assert not [rule for rule in rules.RULES if {"worse_during_run", "cut_training"} & set(rule.reads)]
