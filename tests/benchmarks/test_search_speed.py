"""Search over 10,000 items. `make bench` prints the timings; in `make test` it runs once as a test."""

import random

import pytest
from django.db import connection

from backpain.content.models import SearchEntry
from backpain.guide.search import search

WORDS = ("runner back pain hip flexor hamstring core plank bridge stretch warm cool shoe surface "
         "disc nerve spine posture cadence stride fatigue mileage rest strength glute lumbar").split()


@pytest.fixture
def ten_thousand_items(db):
    rng = random.Random(7)  # the same corpus every run
    entries = []
    for n in range(10_000):
        title = " ".join(rng.choices(WORDS, k=3)).capitalize()
        text = " ".join(rng.choices(WORDS, k=120))
        entries.append(SearchEntry(kind="article", object_id=n, slug=f"item-{n}", title=title,
                                   summary=text[:150], text=text[150:], url=f"/articles/item-{n}/"))
    SearchEntry.objects.bulk_create(entries, batch_size=1000)
    if connection.vendor == "postgresql":
        # Statistics, as autovacuum keeps them in production: without them the planner takes the
        # table, whose rows this transaction has only just written, for an empty one.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE content_searchentry")


@pytest.mark.parametrize("query", ["hamstring", "tight hip flexors", "sciatica nerve disc"])
def test_search_ten_thousand_items(benchmark, ten_thousand_items, query):
    results = benchmark(search, query)
    assert 0 < len(results.hits) <= results.per_page < results.total  # one page, and the true count
    if benchmark.stats:  # only when benchmarking is enabled
        assert benchmark.stats.stats.median < 0.050, "search should answer in under 50 ms"
