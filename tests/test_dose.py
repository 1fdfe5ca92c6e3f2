"""backpain/dose.py: one wording of a dose, everywhere."""

import pytest

from backpain.dose import NBSP, days_text, dose_text, minutes_text, prescribed_text


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


@pytest.mark.parametrize(("days", "words"), [(None, ""), (0, ""), (1, "1 day a week"), (3, "3 days a week"),
                                             (7, "every day")])
def test_days_a_week(days, words):
    assert days_text(days) == words


@pytest.mark.parametrize(("dose", "words"), [
    ({"sets": 2, "reps": 10, "hold_seconds": 3, "per_side": True, "days": 5},
     "2 sets of 10 reps, hold 3 s each side, 5 days a week"),
    ({"sets": 3, "reps": None, "hold_seconds": 20, "per_side": False, "days": 7}, "Hold 20 s, 3 times, every day"),
    ({"sets": 1, "reps": None, "hold_seconds": None, "per_side": False, "days": 2}, "2 days a week"),
])
def test_a_prescribed_dose_is_the_library_wording_then_how_often(dose, words):
    text = prescribed_text(**dose)
    assert text.replace(NBSP, " ") == words
    library = dose_text(sets=dose["sets"], reps=dose["reps"], hold_seconds=dose["hold_seconds"],
                        duration_seconds=None, per_side=dose["per_side"])
    assert text.startswith(library)


def test_the_library_the_routine_and_the_sheet_word_a_dose_the_same(db):
    """Exercise.dosage, the routine composer's Dose.text and the sheet's Line.dose all go through dose_text."""
    from backpain.prescribe.sheet import Line
    from backpain.routines.compose import ExerciseData, dose_for
    from tests.factories import make_exercise

    exercise = make_exercise(sets=2, reps=10, hold_seconds=3, per_side=True, category="activation")
    routine = dose_for(ExerciseData(slug=exercise.slug, title="", category="activation", sets=2, reps=10,
                                    hold_seconds=3, per_side=True), "activation").text
    sheet = Line.from_exercise(exercise).dose
    assert exercise.dosage == routine == "2 sets of 10 reps, hold 3\u00a0s each side"
    assert sheet == f"{exercise.dosage}, every day"
