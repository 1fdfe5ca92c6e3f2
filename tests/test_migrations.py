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
