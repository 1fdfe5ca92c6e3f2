"""Plain words: every question, hint and "why" line at a US reading grade of 8 or lower.

Flesch-Kincaid grade by textstat, each text scored on its own (a bulleted hint item by itself, so a
list never reads as one long sentence), with the offline syllable dictionary of tests/content_text.py.
"""

import pytest

from backpain.checker import rules
from tests.content_text import grader

MAX_GRADE = 8.0


@pytest.fixture(scope="module")
def grade():
    return grader()


TEXTS = {
    **{f"{q.name}-{i}": text for q in rules.QUESTIONS.values() for i, text in enumerate(q.texts)},
    **{f"why-{rule.reason}-{rule.level}-{i}": rule.why for i, rule in enumerate(rules.RULES)},
}


def test_every_question_hint_and_why_reads_at_grade_eight_or_lower(grade):
    """One test for the whole set, which lists every text above the grade."""
    assert len(TEXTS) > 100
    too_hard = [f"{name} (grade {grade(text):.1f}): {text}" for name, text in TEXTS.items() if grade(text) > MAX_GRADE]
    assert not too_hard, "Above grade 8:\n" + "\n".join(too_hard)


@pytest.mark.parametrize("question", [q for q in rules.QUESTIONS.values()], ids=lambda q: q.name)
def test_one_question_per_question(question):
    # One question mark, at the end; the parts of a question go in its hint, not in more questions.
    assert question.text.count("?") == 1 and question.text.endswith("?"), question.text
    assert "?" not in question.hint and not any("?" in item for item in question.hint_items)


def test_energy_bone_is_one_question_with_its_parts_as_a_bulleted_hint():
    question = rules.QUESTIONS["energy_bone"]
    assert len(question.hint_items) == 3
    assert [("period" in item, "eat" in item, "stress" in item) for item in question.hint_items] == [
        (True, False, False), (False, True, False), (False, False, True)]


def test_medical_terms_come_in_brackets_after_the_plain_words():
    assert "bottom (anus)" in rules.QUESTIONS["saddle_numbness"].text
    assert "(osteoporosis)" in rules.QUESTIONS["bone_weakness"].text


def test_the_pregnancy_follow_up_says_who_it_is_for():
    assert rules.QUESTIONS["pregnancy_signs"].text.startswith("If you are pregnant")
    assert "after a run" in rules.QUESTIONS["both_legs"].hint  # sore legs after a run don't count
