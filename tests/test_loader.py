"""The content pipeline: load_content and export_content."""

import datetime
import textwrap
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from backpain.content.loader import ContentError, read_folder, render_file, sync
from backpain.content.models import AnatomyTopic, Article, Cause, Exercise, Source

REVIEW = ("last_reviewed: 2026-11-22\nnext_review_due: 2027-11-22\nreviewer: Asha Patel\n"
          "reviewer_role: physiotherapist\n")

FILES = {
    "sources/nice-ng59.md": """\
        ---
        title: Low back pain and sciatica in over 16s
        publisher: NICE
        url: https://www.nice.org.uk/guidance/ng59
        accessed: 2026-11-22
        ---
        """,
    "anatomy/lumbar-spine.md": """\
        ---
        title: Lumbar spine
        summary: Five vertebrae.
        order: 1
        illustration: img/anatomy/lumbar-spine.svg
        illustration_alt: Five stacked vertebrae.
        sources: [nice-ng59]
        REVIEW
        ---
        The **lumbar spine** carries your weight.
        """,
    "exercises/plank.md": """\
        ---
        title: Plank
        summary: Holds the trunk steady.
        category: activation
        body_areas: [core, lower-back]
        equipment: [mat]
        difficulty: beginner
        sets: 3
        hold_seconds: 20
        steps: [Lie face down., Lift onto forearms and toes.]
        cues: [Keep a straight line.]
        mistakes: [Letting the hips sag.]
        illustration: img/exercises/plank.svg
        illustration_alt: A runner holds a straight line on forearms and toes.
        sources: [nice-ng59]
        REVIEW
        ---
        Builds endurance in the deep core.
        """,
    "causes/weak-core.md": """\
        ---
        title: Weak core
        summary: A weak core lets the low back take the strain.
        signs: |
          - Ache late in runs
        why_it_hurts: Less support for the spine.
        what_to_do: Build core strength.
        anatomy: [lumbar-spine]
        exercises: [plank]
        suggested_by: [strength_training=never]
        sources: [nice-ng59]
        REVIEW
        ---
        More about the core.
        """,
    "articles/why-runners-get-back-pain.md": """\
        ---
        title: Why runners get back pain
        summary: The common reasons.
        order: 10
        causes: [weak-core]
        anatomy: [lumbar-spine]
        exercises: [plank]
        sources: [nice-ng59]
        REVIEW
        ---
        ## Causes
        Many things.
        """,
}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).replace("REVIEW\n", REVIEW), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    for name, text in FILES.items():
        write(tmp_path, name, text)
    return tmp_path


def load(folder, *args):
    call_command("load_content", "--folder", str(folder), *args)


def counts():
    return [m.objects.count() for m in (Source, AnatomyTopic, Exercise, Cause, Article)]


@pytest.mark.django_db
def test_loads_every_kind_with_relations(folder):
    report = sync(folder)
    assert len(report.created) == 5
    cause = Cause.objects.get(slug="weak-core")
    assert [a.slug for a in cause.anatomy.all()] == ["lumbar-spine"]
    assert [e.slug for e in cause.exercises.all()] == ["plank"]
    assert cause.signs_html == "<ul>\n<li>Ache late in runs</li>\n</ul>"
    plank = Exercise.objects.get(slug="plank")
    assert sorted(a.slug for a in plank.body_areas.all()) == ["core", "lower-back"]
    assert plank.step_list == ["Lie face down.", "Lift onto forearms and toes."]
    assert plank.sets == 3 and plank.hold_seconds == 20 and plank.reps is None
    assert Article.objects.get().causes.get() == cause


@pytest.mark.django_db
def test_second_run_changes_nothing_and_says_so(folder, capsys):
    load(folder)
    before = {e.slug: e.updated for e in Exercise.objects.all()}
    load(folder)
    out = capsys.readouterr().out.splitlines()[-1]
    assert out == "0 created, 0 updated, 5 unchanged, 0 skipped (edited in admin). Nothing to change."
    assert {e.slug: e.updated for e in Exercise.objects.all()} == before


@pytest.mark.django_db
def test_changed_file_updates_the_item(folder):
    sync(folder)
    path = folder / "exercises/plank.md"
    path.write_text(path.read_text().replace("hold_seconds: 20", "hold_seconds: 30").replace(
        "last_reviewed: 2026-11-22", "last_reviewed: 2026-12-06"))
    report = sync(folder)
    assert report.updated == ["exercises/plank"]
    assert Exercise.objects.get(slug="plank").hold_seconds == 30


@pytest.mark.parametrize(("name", "old", "new", "field", "message"), [
    ("causes/weak-core.md", "anatomy: [lumbar-spine]", "anatomy: [lumbar-spin]", "anatomy",
     "unknown slug 'lumbar-spin'"),
    ("exercises/plank.md", "title: Plank\n", "", "title", "is required"),
    ("exercises/plank.md", "category: activation", "category: yoga", "category", "unknown value 'yoga'"),
    ("exercises/plank.md", "body_areas: [core, lower-back]", "body_areas: [core, neck]", "body_areas",
     "unknown slug 'neck'"),
    ("exercises/plank.md", "sets: 3", "sets: three", "sets", "whole number"),
    ("exercises/plank.md", "Lift onto forearms and toes.", "Lift onto forearms and toes. Hold for 20 seconds.", "steps",
     "step 2 ('Lift onto forearms and toes. Hold for 20 seconds.'): “20” is a dose number"),
    ("exercises/plank.md", "Lift onto forearms and toes.", "'Hold for {hld}.'", "steps",
     "step 2 ('Hold for {hld}.'): {hld} is not a dose placeholder"),
    ("causes/weak-core.md", "strength_training=never", "strength_training=daily", "suggested_by",
     "not a symptom-checker context answer"),
    ("articles/why-runners-get-back-pain.md", "last_reviewed: 2026-11-22", "last_reviewed: soon",
     "last_reviewed", "must be a date"),
    ("anatomy/lumbar-spine.md", "order: 1", "colour: red", "colour", "unknown field"),
    # The model's own rules, as admin runs them (its ModelForm): a field's validator, its length, a URL.
    ("anatomy/lumbar-spine.md", "illustration: img/anatomy/lumbar-spine.svg", "illustration: img/nowhere.svg",
     "illustration", "No file img/nowhere.svg under static/"),
    ("articles/why-runners-get-back-pain.md", "title: Why runners get back pain",
     "title: " + "Long " * 50, "title", "Ensure this value has at most 200 characters"),
    ("sources/nice-ng59.md", "url: https://www.nice.org.uk/guidance/ng59", "url: https://nice org uk",
     "url", "Enter a valid URL."),
])
@pytest.mark.django_db
def test_bad_input_names_file_and_field_and_writes_nothing(folder, name, old, new, field, message):
    path = folder / name
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    with pytest.raises(CommandError) as error:
        load(folder)
    assert name in str(error.value)
    assert f": {field}: " in str(error.value)
    assert message in str(error.value)
    assert counts() == [0, 0, 0, 0, 0]


@pytest.mark.django_db
def test_malformed_yaml_is_reported_with_its_file(folder):
    write(folder, "exercises/broken.md", "---\ntitle: [unclosed\n---\nBody\n")
    with pytest.raises(ContentError, match=r"exercises/broken.md: malformed YAML"):
        read_folder(folder)


@pytest.mark.django_db
def test_failure_half_way_keeps_the_previous_content(folder):
    sync(folder)
    plank = folder / "exercises/plank.md"
    plank.write_text(plank.read_text().replace("hold_seconds: 20", "hold_seconds: 45"))
    cause = folder / "causes/weak-core.md"
    cause.write_text(cause.read_text().replace("exercises: [plank]", "exercises: [plank, nope]"))
    with pytest.raises(ContentError):
        sync(folder)
    assert Exercise.objects.get(slug="plank").hold_seconds == 20


def in_the_format(folder: Path) -> Path:
    for record in read_folder(folder):
        record.path.write_text(render_file(record), encoding="utf-8")
    return folder


@pytest.mark.django_db
def test_check_validates_without_writing(folder, capsys):
    load(in_the_format(folder), "--check")
    assert counts() == [0, 0, 0, 0, 0]
    assert "would be 5 created" in capsys.readouterr().out


@pytest.mark.django_db
def test_admin_edit_is_kept_and_reported_until_forced(folder, capsys):
    sync(folder)
    plank = Exercise.objects.get(slug="plank")
    plank.title = "Forearm plank"  # an editor's change in admin
    plank.save()
    path = folder / "exercises/plank.md"
    path.write_text(path.read_text().replace("hold_seconds: 20", "hold_seconds: 25").replace(
        "last_reviewed: 2026-11-22", "last_reviewed: 2026-12-06"))

    load(folder)
    captured = capsys.readouterr()
    assert "Skipped exercises/plank: edited in admin" in captured.err
    assert "1 skipped" in captured.out
    assert Exercise.objects.get(slug="plank").title == "Forearm plank"

    load(folder, "--force")
    plank.refresh_from_db()
    assert (plank.title, plank.hold_seconds) == ("Plank", 25)


@pytest.mark.django_db
def test_export_then_load_changes_nothing(folder, tmp_path_factory):
    sync(folder)
    edited = Cause.objects.get(slug="weak-core")
    edited.what_to_do = "Build core strength.\n\nStart with planks."
    edited.save()
    out = tmp_path_factory.mktemp("export")
    call_command("export_content", "--folder", str(out))
    exported = (out / "causes/weak-core.md").read_text()
    assert "Start with planks." in exported
    report = sync(out)
    assert not report.changed and not report.conflicts
    assert len(report.unchanged) == 5
    # and the export is now what the loader considers loaded: a later file edit applies
    path = out / "causes/weak-core.md"
    path.write_text(path.read_text().replace("title: Weak core", "title: A weak core").replace(
        "last_reviewed: 2026-11-22", "last_reviewed: 2026-12-06"))
    assert sync(out).updated == ["causes/weak-core"]


@pytest.mark.django_db
def test_a_load_keeps_one_revision_per_item_with_its_links(folder):
    sync(folder)
    cause = Cause.objects.get(slug="weak-core")
    (created,) = cause.history.all()
    assert created.history_type == "+"
    assert [row.anatomytopic.slug for row in created.anatomy.all()] == ["lumbar-spine"]
    assert [row.exercise.slug for row in created.exercises.all()] == ["plank"]
    path = folder / "causes/weak-core.md"
    path.write_text(path.read_text().replace("Ache late in runs", "Ache late in long runs").replace(
        "last_reviewed: 2026-11-22", f"last_reviewed: {datetime.date.today().isoformat()}"))
    sync(folder)
    changed, _ = cause.history.all()
    assert changed.history_type == "~" and "long runs" in changed.signs
    assert [row.exercise.slug for row in changed.exercises.all()] == ["plank"]


@pytest.mark.django_db
def test_every_save_keeps_a_revision_that_can_be_restored(folder):
    sync(folder)
    plank = Exercise.objects.get(slug="plank")
    plank.summary = "Changed by an editor."
    plank.save()
    assert plank.history.count() >= 2
    previous = plank.history.all()[1]
    assert previous.summary == "Holds the trunk steady."
    previous.instance.save()
    assert Exercise.objects.get(slug="plank").summary == "Holds the trunk steady."



# --- One format, so git shows exactly what an editor changed ------------------------------------------
@pytest.mark.django_db
def test_check_fails_on_a_file_not_in_the_format_and_says_where(folder, capsys):
    in_the_format(folder)
    path = folder / "exercises/plank.md"
    path.write_text(path.read_text().replace("body_areas: [core, lower-back]", "body_areas: [lower-back, core]"))
    with pytest.raises(CommandError, match="1 file"):
        load(folder, "--check")
    err = capsys.readouterr().err
    assert "exercises/plank.md: line 7 should read: 'body_areas: [core, lower-back]'" in err
    assert counts() == [0, 0, 0, 0, 0]
    load(folder)  # a plain load still loads, and warns
    assert counts() == [1, 1, 1, 1, 1]


@pytest.mark.django_db
def test_the_real_content_is_in_the_format_and_exports_byte_for_byte(tmp_path, settings):
    call_command("load_content", "--check")  # fails on any file not in the format
    sync(settings.CONTENT_DIR)
    call_command("export_content", "--folder", str(tmp_path))
    for path in sorted(settings.CONTENT_DIR.glob("*/*.md")):
        exported = tmp_path / path.parent.name / path.name
        assert exported.read_bytes() == path.read_bytes(), path


@pytest.mark.django_db
def test_one_admin_edit_changes_one_file_in_that_fields_lines(folder, tmp_path_factory, admin_client):
    in_the_format(folder)
    sync(folder)
    before = {path: path.read_text() for path in folder.glob("*/*.md")}
    plank = Exercise.objects.get(slug="plank")
    url = f"/admin/content/exercise/{plank.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    # What a browser sends: every textarea with \r\n line endings; one step changed.
    data = {name: value.replace("\n", "\r\n") if isinstance(value, str) else value for name, value in data.items()}
    data["steps"] = data["steps"].replace("Lift onto forearms and toes.", "Lift onto your forearms and toes.")
    data["per_side"] = "on" if data["per_side"] else ""
    response = admin_client.post(url, {**data, "_publish": "Publish"})
    assert response.status_code == 302, response.content.decode()[:3000]
    call_command("export_content", "--folder", str(folder))
    changed = {path: path.read_text() for path in folder.glob("*/*.md") if path.read_text() != before[path]}
    assert list(changed) == [folder / "exercises/plank.md"]
    old, new = before[folder / "exercises/plank.md"].split("\n"), changed[folder / "exercises/plank.md"].split("\n")
    # The step, and the date: publishing a change of text dates the page today (issue 28).
    today = datetime.date.today().isoformat()
    assert [(a, b) for a, b in zip(old, new, strict=True) if a != b] == [
        ("  - Lift onto forearms and toes.", "  - Lift onto your forearms and toes."),
        ("last_reviewed: 2026-11-22", f"last_reviewed: {today}")]
    # No field shows as changed in History but the step and its date.
    latest, previous = plank.history.all()[:2]
    assert {change.field for change in latest.diff_against(previous).changes} == {"steps", "last_reviewed"}


@pytest.mark.django_db
@pytest.mark.parametrize(("old", "new", "field", "message"), [
    ("next_review_due: 2027-11-22", "next_review_due: 2026-11-22", "next_review_due",
     "The next review must be after the last review."),
    ("next_review_due: 2027-11-22", "next_review_due: 2025-01-01", "next_review_due",
     "The next review must be after the last review."),
    ("reviewer: Asha Patel\n", "", "reviewer", "is required"),
    ("reviewer_role: physiotherapist\n", "", "reviewer_role", "is required"),
])
def test_review_fields_are_checked(folder, old, new, field, message):
    path = folder / "articles/why-runners-get-back-pain.md"
    path.write_text(path.read_text().replace(old, new))
    with pytest.raises(ContentError) as error:
        sync(folder)
    assert (error.value.field, error.value.message) == (field, message)
    assert counts() == [0, 0, 0, 0, 0]


@pytest.mark.django_db
def test_a_change_of_text_needs_a_later_date(folder):
    # Issue 28: 64 pages were rewritten and still showed their older review date.
    sync(folder)
    path = folder / "exercises/plank.md"
    path.write_text(path.read_text().replace("Builds endurance", "Builds staying power"))
    with pytest.raises(ContentError) as error:
        sync(folder)
    assert error.value.field == "last_reviewed" and "set last_reviewed to the day of the change" in error.value.message
    assert "staying power" not in Exercise.objects.get(slug="plank").body
    path.write_text(path.read_text().replace("last_reviewed: 2026-11-22", "last_reviewed: 2026-12-06"))
    assert sync(folder).updated == ["exercises/plank"]
    # A change of the review fields alone is not a change of text.
    path.write_text(path.read_text().replace("reviewer: Asha Patel", "reviewer: Sam Lee"))
    assert sync(folder).updated == ["exercises/plank"]


@pytest.mark.django_db
def test_windows_line_endings_load_and_export_as_the_same_content(folder, tmp_path_factory):
    sync(folder)
    plank = Exercise.objects.get(slug="plank")
    before = render_file(next(r for r in read_folder(folder) if r.slug == "plank"))
    # A file saved on Windows, and an admin text box's "\r\n": the same content either way.
    path = folder / "exercises/plank.md"
    path.write_bytes(path.read_text().replace("\n", "\r\n").encode())
    assert render_file(next(r for r in read_folder(folder) if r.slug == "plank")) == before
    assert sync(folder).unchanged == ["sources/nice-ng59", "anatomy/lumbar-spine", "exercises/plank",
                                      "causes/weak-core", "articles/why-runners-get-back-pain"]
    Exercise.objects.filter(pk=plank.pk).update(body=plank.body.replace("\n", "\r\n") + "\r\n",
                                                 steps=plank.steps.replace("\n", "\r\n"))
    out = tmp_path_factory.mktemp("export")
    call_command("export_content", "--folder", str(out))
    assert (out / "exercises/plank.md").read_text() == before
