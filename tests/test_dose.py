"""backpain/dose.py: one wording of a dose, everywhere."""

import pytest

from backpain.dose import NBSP, dose_text, minutes_text


@pytest.mark.parametrize(("dose", "words"), [
    ({"sets": 3, "hold_seconds": 20}, "Hold 20 s, 3 times"),
    ({"sets": 2, "reps": 10, "hold_seconds": 3}, "2 sets of 10 reps, hold 3 s"),
    ({"sets": 1, "reps": 2, "hold_seconds": 30, "per_side": True}, "2 reps, hold 30 s each side"),
    ({"duration_seconds": 300}, "5 min"),
    ({"duration_seconds": 90}, "1½ min"),
    ({"sets": 4, "duration_seconds": 20}, "20 s, 4 times"),
    ({"sets": 2, "reps": 10}, "2 sets of 10 reps"),
    ({"reps": 10, "per_side": True}, "10 reps each side"),
    ({"sets": 3}, "3 sets"),
    ({}, ""),
])
def test_a_dose_in_a_runners_words(dose, words):
    given = {"sets": None, "reps": None, "hold_seconds": None, "duration_seconds": None, "per_side": False, **dose}
    text = dose_text(**given)
    assert text.replace(NBSP, " ") == words
    assert " of hold" not in text  # the old "3 sets of hold 20 s"


def test_minutes_keep_number_and_unit_together():
    assert minutes_text(90) == f"1½{NBSP}min" and minutes_text(10, approximate=True) == f"½{NBSP}min"
