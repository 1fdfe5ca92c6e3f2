import io
import os
import shutil
from types import SimpleNamespace

import hypothesis
import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction

from backpain.caching import forget_kept
from tests import factories
from tests.live import DEPLOYED_SITE, workdir

# What can differ between SQLite and PostgreSQL, so what `make test-postgres` runs again on a real
# PostgreSQL (the `database` mark): search (FTS5 against tsvector, ranking, the index's triggers),
# migrations (tests/test_migrations.py; every database test also migrates a new database first),
# transactions and after-commit work (caching, drafts, the loader, admin revisions, feedback rows),
# the query counts of every page, and scaling (two app servers on one database, a database
# stopped). The rest (rules, plans, wording, figures, views that only read what these tests
# cover, the browser) runs the same SQL or none, and runs once, on SQLite, in `make test`.
DATABASE_MODULES = {
    "test_search.py", "test_search_index.py", "test_search_evaluation.py", "test_guide_filters_search.py",
    "test_migrations.py", "test_caching.py", "test_drafts.py", "test_loader.py", "test_content_set.py",
    "test_admin.py", "test_feedback.py", "test_site.py", "test_guide_pages.py", "test_scaling.py",
    "test_faults.py", "test_search_speed.py",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.name in DATABASE_MODULES:
            item.add_marker(pytest.mark.database)

def pytest_configure(config):
    """The run's main process, before any worker starts: a new folder for the deployed site the live
    tests share (tests/live.py)."""
    if not hasattr(config, "workerinput"):
        os.environ[DEPLOYED_SITE] = str(workdir("backpain-deployed-"))


def pytest_sessionfinish(session):
    """The run's main process, after every worker: remove that folder."""
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(os.environ.pop(DEPLOYED_SITE), ignore_errors=True)


# Property tests check what the rules decide, not how fast: speed is measured by the benchmarks. With the
# suite on every core beside browser tests, Hypothesis's per-example time limit and its "too slow"
# check fail at random, so neither applies here.
hypothesis.settings.register_profile("suite", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow])
hypothesis.settings.load_profile("suite")


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_keepdb, django_db_createdb,
                    django_db_modify_db_settings):
    """The test database, set up once for the session (pytest-django's own, always made).

    pytest-django makes it only when a collected test asks for `db`; the browser tests reach the
    database through their live server instead (tests/e2e/conftest.py), so `pytest -m e2e` needs it too.
    """
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(verbosity=request.config.option.verbose, interactive=False,
                                 keepdb=django_db_keepdb and not django_db_createdb, serialized_aliases=set())
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=request.config.option.verbose)


@pytest.fixture(autouse=True)
def _fresh_process_cache():
    """Each test starts as a new server process would: nothing in this process's page cache, and
    nothing kept per content version (a test's content is rolled back, the version is not changed).

    (The shared cache lives in the test database and is rolled back with it.)
    """
    caches["local"].clear()
    forget_kept()
    yield
    caches["local"].clear()
    forget_kept()


@pytest.fixture(autouse=True)
def _content_version_read_once(settings):
    """In one test process the content version is read from the shared cache once, not every 2 s.

    A save bumps this process's copy at once anyway; re-reading on a clock made query counts depend
    on how busy the machine was (one more query whenever two requests were 2 s apart). The real
    refresh across servers is tested with real servers (tests/test_scaling.py)."""
    settings.CONTENT_VERSION_LOCAL_SECONDS = 3600


@pytest.fixture
def linked(db):
    return factories.make_linked_set()


@pytest.fixture
def grow(db):
    """Add n more of every content type, linked, to show query counts don't grow with content."""

    def _grow(n):
        for _ in range(n):
            factories.make_linked_set()

    return _grow


@pytest.fixture(scope="module")
def content_set(django_db_setup, django_db_blocker):
    """The real content set in content/, loaded once by `load_content` for the module that asks.

    It is loaded inside a transaction that is rolled back when the module is done, so every other
    test still starts from an empty database; each test's own changes roll back to this point.
    Returns what the command printed (stdout, stderr).
    """
    out, err = io.StringIO(), io.StringIO()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_content", stdout=out, stderr=err)
    yield SimpleNamespace(stdout=out.getvalue(), stderr=err.getvalue())
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def loaded(db, content_set):
    """For a test that reads the real content set: loaded once per module, this test's changes rolled back."""
    return content_set
