"""The migrations match the models (and every database test migrates a new database first: SQLite in
`make test`, PostgreSQL in `make test-postgres`, each with its own search index)."""

import io

import pytest
from django.apps.registry import Apps
from django.core.management import call_command

from backpain.content.terms import sync_terms


def test_the_models_need_no_new_migration(db):
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail("The models have changes no migration records:\n" + out.getvalue())


def test_after_migrate_content_zero_the_vocabulary_step_has_nothing_to_fill():
    # post_migrate hands its handlers the state the migrate left; after `migrate content zero` that
    # state has no content models, and the step must not reach for their tables.
    sync_terms(apps=Apps(installed_apps=[]))


@pytest.mark.django_db(transaction=True)
def test_shipped_numbered_steps_of_an_exercise_edited_in_admin_become_placeholders():
    """Issue 29: the loader leaves an admin-edited exercise alone, so 0015 rewrites its old steps."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from backpain.content.models import Exercise

    before = [("content", "0014_illustration_names_a_static_file")]
    after = [("content", "0015_steps_use_dose_placeholders")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    model, history = apps.get_model("content", "Exercise"), apps.get_model("content", "HistoricalExercise")
    editor = get_user_model().objects.create_user("editor-0015")
    old = ["Lie on your back.", "Hold for 3 seconds at the top.", "Lower slowly back down. Do 10 lifts.",
           "Rest, then do 12 more."]  # the last an editor wrote: not ours, so left as written
    fields = dict(title="Bridge", summary="s", category="strength", difficulty="beginner", order=1,
                  reps=10, hold_seconds=5, steps="\n".join(old), last_reviewed="2026-12-01",
                  next_review_due="2027-12-01")
    edited = model.objects.create(slug="bridge-edited", **fields)
    loaded = model.objects.create(slug="bridge-loaded", **fields)  # never saved by an editor: the loader's
    for row, user in ((edited, editor.pk), (loaded, None)):
        history.objects.create(id=row.pk, slug=row.slug, history_date="2026-12-01T00:00Z", history_type="~",
                               history_user_id=user, created=row.created, updated=row.updated, **fields)
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        assert Exercise.objects.get(slug="bridge-edited").steps.splitlines() == [
            "Lie on your back.", "Hold for {hold} at the top.", "Lower slowly back down. Do {reps}.",
            "Rest, then do 12 more."]
        assert Exercise.objects.get(slug="bridge-loaded").steps.splitlines() == old
    finally:
        Exercise.objects.filter(slug__startswith="bridge-").delete()
