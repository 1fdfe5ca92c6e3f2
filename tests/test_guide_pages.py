"""The reading pages: content, related links, caching and a fixed number of queries."""

import pytest
from django.urls import reverse

from tests import factories


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_has_three_ways_in_and_the_disclaimer(client, linked):
    html = get(client, "/")
    for link in ("/guide/", "/checker/", "/routine/"):
        assert f'href="{link}"' in html
    assert "Education, not a diagnosis." in html
    assert linked["article"].title in html


def test_guide_lists_articles_in_order_with_reading_time_causes_and_areas(client, db):
    second = factories.make_article(title="Second read", order=20)
    first = factories.make_article(title="First read", order=10)
    cause = factories.make_cause(title="Tight hip flexors")
    html = get(client, "/guide/")
    assert html.index(first.title) < html.index(second.title)
    assert f"{first.reading_minutes} min read" in html
    assert cause.get_absolute_url() in html
    assert "/exercises/?area=hamstrings" in html


def test_article_page_shows_body_relations_sources_review_and_neighbours(client, db):
    set_one = factories.make_linked_set()
    before = factories.make_article(title="Before", order=0)
    article = set_one["article"]
    html = get(client, article.get_absolute_url())
    assert article.body_html in html
    for related in ("cause", "anatomy", "exercise"):
        assert set_one[related].get_absolute_url() in html
    assert set_one["source"].title in html and set_one["source"].url in html
    assert "Reviewed by Asha Patel (physiotherapist) on" in html and "Next review due" in html
    assert f'rel="prev" href="{before.get_absolute_url()}"' in html
    assert '"@type": "MedicalWebPage"' in html and '"lastReviewed": "2026-11-22"' in html
    assert 'aria-label="Breadcrumb"' in html


def test_cause_page_has_structured_parts_and_links(client, linked):
    cause = linked["cause"]
    html = get(client, cause.get_absolute_url())
    for part in (cause.signs_html, cause.why_it_hurts_html, cause.what_to_do_html):
        assert part in html
    assert linked["anatomy"].get_absolute_url() in html
    assert linked["exercise"].get_absolute_url() in html
    assert linked["article"].get_absolute_url() in html
    assert f"/exercises/?cause={cause.slug}" in html


def test_anatomy_page_has_diagram_with_alt_text_and_backlinks(client, linked):
    anatomy = linked["anatomy"]
    html = get(client, anatomy.get_absolute_url())
    assert f'alt="{anatomy.illustration_alt}"' in html
    assert linked["cause"].get_absolute_url() in html


def test_exercise_page_has_steps_dosage_and_add_to_routine(client, linked):
    exercise = linked["exercise"]
    html = get(client, exercise.get_absolute_url())
    assert "<li>Lie down.</li>" in html
    assert "Hold 20\xa0s, 2 times" in html
    assert f"/routine/?add={exercise.slug}" in html
    assert "Mat" in html and "Hips" in html


@pytest.mark.parametrize("kind", ["article", "cause", "anatomy", "exercise"])
def test_unknown_slug_is_404(client, db, kind):
    assert client.get(reverse(f"guide:{kind}", args=["no-such-thing"])).status_code == 404


def test_pages_answer_304_until_content_changes(client, linked, django_capture_on_commit_callbacks):
    url = linked["cause"].get_absolute_url()
    first = client.get(url)
    etag = first["ETag"]
    assert "HX-Request" in first["Vary"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        linked["cause"].title = "Renamed cause"
        linked["cause"].save()
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304  # not committed yet
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert "Renamed cause" in again.content.decode()


PAGES = ["/", "/guide/", "article", "cause", "anatomy", "exercise", "/exercises/",
         "/exercises/?area=core&equipment=mat", "/search/?q=exercise", "/sitemap.xml"]


def test_query_count_is_fixed_as_content_grows_tenfold(client, grow, django_assert_max_num_queries):
    grow(2)
    first = factories.make_linked_set()
    urls = [page if page.startswith("/") else first[page].get_absolute_url() for page in PAGES]
    counts = {}
    for url in urls:
        with django_assert_max_num_queries(15) as small:
            assert client.get(url).status_code == 200
        counts[url] = len(small.captured_queries)
    grow(27)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200, url
