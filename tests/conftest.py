import pytest
from django.core.cache import caches

from tests import factories


@pytest.fixture(autouse=True)
def _fresh_process_cache():
    """Each test starts as a new server process would: nothing in this process's page cache.

    (The shared cache lives in the test database and is rolled back with it.)
    """
    caches["local"].clear()
    yield
    caches["local"].clear()


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
