import pytest

from tests import factories


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
