"""Pages that had no query-count test: each costs a fixed, small number of queries on the real content
set, the first time (nothing cached) and after (a cached page needs none of the database)."""

import pytest
from django.core.cache import cache, caches

from tests.tools.bench import PLAN_QUERY

# The most queries each page may make, uncached, on the real content set (tests' shared cache is the
# database, so reading the content version and keeping a page are queries too). The running pages read
# nothing but the content version; how it decides also keeps nothing in the shared cache.
PAGES = {
    "/return-to-running/": 1,
    f"/return-to-running/plan/?{PLAN_QUERY}": 1,
    f"/return-to-running/card/?{PLAN_QUERY}": 1,
    "/return-to-running/run/?stage=3&sessions=3": 1,
    "/return-to-running/check-in/?stage=3&sessions=3": 1,
    "/checker/how-it-decides/": 7,
    "/flare-up-plan/": 18,
    "/anatomy/facet-joints/": 17,
    "/guide/": 16,
}


@pytest.mark.parametrize("url", PAGES)
def test_a_page_costs_a_fixed_number_of_queries(client, loaded, django_assert_max_num_queries, url):
    cache.clear()
    caches["local"].clear()
    with django_assert_max_num_queries(PAGES[url]):
        assert client.get(url).status_code == 200
