"""The migrations match the models, and run forwards and backwards on the database under test
(SQLite in `make test`, PostgreSQL in `make test-postgres`: the search index is each one's own)."""

import io

import pytest
from django.core.management import call_command


def test_the_models_need_no_new_migration(db):
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail("The models have changes no migration records:\n" + out.getvalue())


@pytest.mark.django_db(transaction=True)
def test_the_content_migrations_go_back_to_the_start_and_forward_again():
    call_command("migrate", "content", "zero", verbosity=0)
    call_command("migrate", verbosity=0)
