"""Properties of the rules over random valid answer sets (hypothesis).

- The level is never less urgent than the most urgent single answer on its own.
- Adding a `yes` to a symptom question never lowers the level or drops a reason.
- The level is the most urgent of the reasons, and there are reasons unless it is self-care.
- The form accepts every valid answer set as given, and the page shows what triage() decides.
"""

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backpain.checker import rules
from backpain.checker.forms import CheckerForm
from backpain.checker.rules import RANK, SELF_CARE, triage
from tests.checker_answers import REQUIRED_FLAGS, Markup

# Answers that trigger nothing, also where a rule reads another answer (age, duration, improving,
# pregnant, the leg questions).
NEUTRAL = {**{name: "no" for name in REQUIRED_FLAGS}, "age": 35, "duration": "under_1_week", "improving": "yes",
           "recent_birth": "no"}


def answer_strategy(question: rules.Question):
    if question.name == "age":
        return st.integers(rules.AGE_MIN, rules.AGE_MAX)
    if question.many:
        return st.sets(st.sampled_from(question.values), min_size=1).map(lambda s: tuple(sorted(s)))
    return st.sampled_from(question.values)


@st.composite
def answer_sets(draw):
    """A valid answer set: every required question answered, optional ones sometimes."""
    answers = {}
    for name, question in rules.QUESTIONS.items():
        if question.required or draw(st.booleans()):
            answers[name] = draw(answer_strategy(question))
    return answers


def rank(answers) -> int:
    return RANK[triage(answers).level]


@given(answer_sets())
def test_never_less_urgent_than_any_single_answer_on_its_own(answers):
    overall = rank(answers)
    for name, value in answers.items():
        alone = rank({**NEUTRAL, name: value})
        assert overall >= alone, (name, value)


@given(answer_sets(), st.sampled_from(rules.FLAG_FIELDS))
def test_adding_a_yes_never_lowers_the_level(answers, name):
    before = triage(answers)
    after = triage({**answers, name: "yes"})
    assert RANK[after.level] >= RANK[before.level]
    assert after.fields >= before.fields


@given(answer_sets(), st.sampled_from(rules.FLAG_FIELDS))
def test_a_no_turned_to_not_sure_never_lowers_the_level(answers, name):
    if answers.get(name) not in (None, "no"):
        return
    assert rank({**answers, name: "unsure"}) >= rank(answers)


@given(answer_sets(), st.sampled_from(["leg_pain", "leg_tingling", "leg_weakness"]))
def test_a_leg_symptom_never_lowers_the_level(answers, name):
    worse = {"leg_pain": "below_knee", "leg_tingling": "yes", "leg_weakness": "yes"}[name]
    assert rank({**answers, name: worse}) >= rank(answers)


@given(answer_sets())
def test_not_getting_better_never_lowers_the_level(answers):
    assert rank({**answers, "improving": "no"}) >= rank({**answers, "improving": "yes"})
    assert rank({**answers, "improving": "unsure"}) >= rank({**answers, "improving": "yes"})


@given(answer_sets())
def test_a_routine_is_never_offered_for_bone_stress_pregnancy_or_an_urgent_level(answers):
    outcome = triage(answers)
    if outcome.offers_routine:
        assert outcome.level in (rules.SOON, SELF_CARE)
        assert answers.get("pregnant") not in ("yes", "unsure") and answers.get("energy_bone") != "yes"
        assert answers.get("recent_birth") != "under_12_weeks"
        assert not (answers.get("extension_pain") in ("yes", "unsure") and answers["age"] < 20)


@given(answer_sets(), st.sampled_from(["no", "3_to_12_months"]))
def test_a_more_recent_birth_never_lowers_the_level(answers, earlier):
    assert rank({**answers, "recent_birth": "under_12_weeks"}) >= rank({**answers, "recent_birth": earlier})


@given(answer_sets())
def test_severe_pain_never_lowers_the_level_of_a_not_sure(answers):
    assert rank({**answers, "severe_or_worse": "yes"}) >= rank({**answers, "severe_or_worse": "no"})


@given(answer_sets())
def test_the_level_is_the_most_urgent_reason(answers):
    outcome = triage(answers)
    assert outcome.level == rules.most_urgent(*(reason.level for reason in outcome.reasons))
    assert bool(outcome.reasons) == (outcome.level != SELF_CARE)
    assert outcome.fields <= set(answers)


@given(answer_sets())
def test_context_answers_never_change_the_level(answers):
    without = {name: value for name, value in answers.items() if name not in rules.CONTEXT_FIELDS}
    assert triage(answers) == triage(without)


def as_post(answers) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in answers.items():
        if isinstance(value, tuple):
            data.setlist(name, list(value))
        else:
            data[name] = str(value)
    return data


@given(answer_sets())
def test_the_form_accepts_every_valid_answer_set_as_given(answers):
    form = CheckerForm(as_post(answers))
    assert form.is_valid(), form.errors
    assert form.answers() == answers


# Junk without digits: no digit in any script can make it a valid age (int() reads them all).
JUNK = st.text(alphabet=st.characters(blacklist_categories=("Nd", "Cs")), max_size=20)


@given(answer_sets(), st.sampled_from(sorted(rules.QUESTIONS)), JUNK | st.sampled_from(["4", "121", "-5", "16.5"]))
def test_any_value_off_the_list_is_a_field_error(answers, name, junk):
    question = rules.QUESTIONS[name]
    if junk in question.values:
        return
    if not junk and not question.required:
        return  # leaving an optional question out is fine
    form = CheckerForm(as_post({**answers, name: junk}))
    assert not form.is_valid()
    assert name in form.errors


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=answer_sets())
def test_the_page_shows_what_triage_decides(client, answers):
    response = client.post("/checker/", as_post(answers))
    assert response.status_code == 200
    markup = Markup(response.content.decode())
    outcome = triage(answers)
    assert markup.levels == [outcome.level]
    assert set(markup.reasons) == outcome.fields
