"""One dose, everywhere (issue 29): an exercise's steps say how to move, and every number in them comes
from the dose the page shows. For each exercise in content/, its steps filled from its own dose and from
random doses (hypothesis) hold no number the dose does not; the loader and the admin refuse a step that
writes a number itself."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from backpain.content.loader import KIND_BY_FOLDER, parse_file
from backpain.content.models import Exercise
from backpain.dose import DOSE_NUMBER, dose_words, fill_steps
from backpain.prescribe.sheet import LIMITS

FOLDER = Path(__file__).resolve().parents[1] / "content" / "exercises"
EXERCISES = {path.stem: parse_file(KIND_BY_FOLDER["exercises"], path).data for path in sorted(FOLDER.glob("*.md"))}
NUMBER = re.compile(r"\d+½?|½")


def library_dose(data: dict) -> dict:
    return {"sets": data["sets"], "reps": data["reps"], "hold": data["hold_seconds"], "time": data["duration_seconds"],
            "per_side": data["per_side"]}


def stray_numbers(steps: list[str], dose: dict) -> list[str]:
    """Numbers in the filled steps that are not the dose's own words ('8 reps each side', '3 s' ...)."""
    text = " ".join(steps)
    for words in sorted(filter(None, dose_words(**dose).values()), key=len, reverse=True):
        text = text.replace(words, "")
    return NUMBER.findall(text) + [m.group(0) for m in DOSE_NUMBER.finditer(text)]


def test_there_are_all_the_exercises():
    assert len(EXERCISES) == 34


@pytest.mark.parametrize("slug", EXERCISES)
def test_the_library_dose_fills_every_step_and_nothing_else_is_a_number(slug):
    data = EXERCISES[slug]
    dose = library_dose(data)
    steps = fill_steps(data["steps"], **dose)
    assert "{" not in " ".join(steps)
    assert stray_numbers(steps, dose) == []
    # Each number of the library's dose is said in the steps (not only in the heading).
    words = dose_words(**dose)
    for name in ("reps", "hold", "time"):
        if words[name]:
            assert words[name] in " ".join(steps), f"{slug}: the steps never say the {name} ({words[name]})"


DOSES = st.fixed_dictionaries({
    "sets": st.integers(*LIMITS["sets"]), "reps": st.integers(*LIMITS["reps"]), "hold": st.integers(*LIMITS["hold"]),
    "time": st.integers(*LIMITS["time"]), "per_side": st.booleans()})


@given(slug=st.sampled_from(sorted(EXERCISES)), dose=DOSES)
def test_any_dose_fills_the_steps_with_its_own_numbers_only(slug, dose):
    steps = fill_steps(EXERCISES[slug]["steps"], **dose)
    assert steps  # a step always says how to move, whatever the dose
    assert "{" not in " ".join(steps)
    assert stray_numbers(steps, dose) == []
    words = dose_words(**dose)
    for name, found in (("reps", r"(\d+) reps?"), ("hold", r"[Hh]old for (\d+)"), ("sets", r"(\d+) sets")):
        for number in re.findall(found, " ".join(steps)):
            assert words[name].startswith(number), (slug, name, number, dose)


def test_the_exercise_page_shows_the_library_dose_in_its_steps(client, db):
    from tests.factories import make_exercise

    exercise = make_exercise(slug="bird-dog", title="Bird dog", sets=2, reps=8, hold_seconds=3, per_side=True,
                             steps="Reach one arm forward.\nHold for {hold}, back flat.\nSwap sides. Do {reps}.")
    html = client.get(exercise.get_absolute_url()).content.decode()
    assert "<li>Hold for 3\xa0s, back flat.</li>" in html and "<li>Swap sides. Do 8 reps each side.</li>" in html
    assert "{hold}" not in html


def test_an_editor_gets_a_clear_message_for_a_number_in_a_step(admin_client, db):
    from tests.factories import make_exercise

    exercise = make_exercise(steps="Lie down.\nHold for {hold}.")
    url = reverse("admin:content_exercise_change", args=[exercise.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or getattr(field.widget, "input_type", "") == "checkbox" and not value:
            continue
        data[name] = [getattr(v, "pk", v) for v in value] if isinstance(value, list | tuple) else value
    data["steps"] = "Lie down.\nHold for 3 seconds, then do it twice."
    response = admin_client.post(url, {**data, "_publish": "Publish", "_save": "Save"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Step 2: “3” is a dose number" in html and "“twice” is a dose number" in html
    exercise.refresh_from_db()
    assert exercise.steps == "Lie down.\nHold for {hold}."
    assert Exercise.objects.get(pk=exercise.pk).step_list == [
        "Lie down."] + ([f"Hold for {exercise.hold_seconds}\xa0s."] if exercise.hold_seconds else [])
