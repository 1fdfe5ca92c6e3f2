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

    from backpain.content.models import Exercise

    # 0015 changes rows, not tables: at 0014 the models are today's.
    call_command("migrate", "content", "0014", verbosity=0)
    editor = get_user_model().objects.create_user("editor-0015")
    old = ["Lie on your back.", "Hold for 3 seconds at the top.", "Lower slowly back down. Do 10 lifts.",
           "Rest, then do 12 more."]  # the last an editor wrote: not ours, so left as written
    fields = dict(title="Bridge", summary="s", category="strength", difficulty="beginner", order=1,
                  reps=10, hold_seconds=5, steps="\n".join(old), last_reviewed="2026-12-01",
                  next_review_due="2027-12-01")
    edited = Exercise.objects.create(slug="bridge-edited", **fields)  # saved by an editor, in admin
    edited.history.update(history_user=editor)
    Exercise.objects.create(slug="bridge-loaded", **fields)  # saved by the loader: no user
    try:
        call_command("migrate", "content", verbosity=0)
        assert Exercise.objects.get(slug="bridge-edited").steps.splitlines() == [
            "Lie on your back.", "Hold for {hold} at the top.", "Lower slowly back down. Do {reps}.",
            "Rest, then do 12 more."]
        assert Exercise.objects.get(slug="bridge-loaded").steps.splitlines() == old
    finally:
        Exercise.objects.filter(slug__startswith="bridge-").delete()
        get_user_model().objects.filter(username="editor-0015").delete()
