"""The warning signs search recognises (backpain/guide/warning_signs.py): every emergency and urgent
sign of the shared vocabulary is covered, and the checker's own question for each sign sets it off
(the guide may not import the checker; tests may).
"""

import re

import pytest

from backpain import vocabulary
from backpain.checker.rules import EMERGENCY_QUESTIONS, URGENT_QUESTIONS
from backpain.content.models import Article
from backpain.guide import warning_signs
from backpain.guide.warning_signs import SIGNS, matching
from backpain.vocabulary import EMERGENCY, URGENT

NARROW = [sign for sign in SIGNS if not sign.broad]


@pytest.mark.parametrize("sign", vocabulary.EMERGENCY_SIGNS + vocabulary.URGENT_SIGNS, ids=lambda s: s.name)
def test_every_emergency_and_urgent_sign_has_an_entry_at_its_level_or_above(sign):
    entries = [entry for entry in NARROW if sign.name in entry.signs]
    assert entries, f"no warning-sign entry covers {sign.name}"
    allowed = {EMERGENCY} if sign in vocabulary.EMERGENCY_SIGNS else {EMERGENCY, URGENT}
    assert {entry.level for entry in entries} <= allowed


@pytest.mark.parametrize("question", EMERGENCY_QUESTIONS + URGENT_QUESTIONS, ids=lambda q: q.name)
def test_the_checker_s_own_words_for_a_sign_set_off_its_entry(question):
    for words in (question.short, question.text):
        found = matching(words)
        assert any(question.name in sign.signs for sign in found), f"{words!r} found {[s.key for s in found]}"


@pytest.mark.parametrize(("query", "keys"), [
    ("numb bum", ["saddle_numbness"]),
    ("numbness", ["numbness"]),
    ("can't pee", ["bladder_bowel"]),
    ("cant pee", ["bladder_bowel"]),
    ("blood in my pee", ["urinary_symptoms"]),
    ("pain down both legs", ["both_legs"]),
    ("back pain and a fever", ["fever"]),
    ("pregnant and bleeding", ["pregnancy_signs", "pregnant"]),
    ("emergency", ["emergency"]),
    ("stress fracture", ["bone_stress"]),
    ("morning stiffness", ["inflammatory"]),
    ("pain down my leg", ["leg_pain"]),
    ("shooting pain down my left leg", ["leg_pain"]),
    ("stiff back in the morning", ["inflammatory"]),
])
def test_queries_runners_type_find_the_sign_most_urgent_first(query, keys):
    assert [sign.key for sign in matching(query)] == keys


@pytest.mark.parametrize("query", [
    "hamstring stretch", "plank", "warm up", "foam roller", "knee to chest", "upper back stretch", "hamstring tear",
    "shoes", "sitting at a desk", "glute bridge", "running form", "rest day", "cadence", "sciatica",
])
def test_everyday_queries_set_off_no_warning(query):
    assert matching(query) == ()


def test_advice_names_no_number_or_service_the_settings_own():
    for sign in SIGNS:
        assert not re.search(r"\b(911|999|112|111)\b", sign.advice), sign.key
        assert sign.advice.endswith((".", ".\"")) and sign.title and sign.triggers


def test_keys_are_unique_and_signs_are_checker_field_names():
    names = {q.name for q in EMERGENCY_QUESTIONS + URGENT_QUESTIONS} | {
        "leg_tingling", "infection_risk", "sudden_onset", "bone_weakness", "pregnant", "pregnancy_signs",
        "energy_bone", "extension_pain", "stiffness_persists", "leg_pain"}
    assert len({sign.key for sign in SIGNS}) == len(SIGNS)
    assert {name for sign in SIGNS for name in sign.signs} <= names


def test_the_page_with_every_warning_sign_is_in_the_content_set(loaded):
    kind, slug = warning_signs.PROFESSIONAL_PAGE
    assert kind == "article" and Article.objects.filter(slug=slug).exists()
