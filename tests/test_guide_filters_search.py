"""The exercise library's filters and the guide's search, with and without htmx."""

import re

import pytest

from backpain.guide.search import Marks, highlight, search
from backpain.guide.text import stem
from tests import factories

HTMX = {"HTTP_HX_REQUEST": "true"}


def titles(html):
    return re.findall(r'<h3><a href="/exercises/[^"]+/">([^<]+)</a></h3>', html)


@pytest.fixture
def library(db):
    return {
        "plank": factories.make_exercise(title="Plank", areas=("core",), equipment=("mat",)),
        "swing": factories.make_exercise(title="Leg swings", category="dynamic-warmup", areas=("hips",)),
        "roll": factories.make_exercise(title="Foam roll glutes", category="foam-rolling",
                                        areas=("glutes",), equipment=("foam-roller",), difficulty="intermediate"),
    }


@pytest.mark.parametrize(("query", "expected"), [
    ("", ["Foam roll glutes", "Leg swings", "Plank"]),
    ("?category=dynamic-warmup", ["Leg swings"]),
    ("?area=core", ["Plank"]),
    ("?equipment=none", ["Leg swings"]),
    ("?equipment=foam-roller", ["Foam roll glutes"]),
    ("?difficulty=intermediate", ["Foam roll glutes"]),
    ("?area=core&equipment=foam-roller", []),
])
def test_filters_give_the_same_result_with_and_without_htmx(client, library, query, expected):
    full = client.get(f"/exercises/{query}")
    partial = client.get(f"/exercises/{query}", **HTMX)
    assert full.status_code == partial.status_code == 200
    assert sorted(titles(full.content.decode())) == expected
    assert sorted(titles(partial.content.decode())) == expected
    assert "<html" in full.content.decode()
    partial_html = partial.content.decode()
    assert "<html" not in partial_html and partial_html.lstrip().startswith('<section id="results"')
    assert "HX-Request" in partial["Vary"]


def test_filter_by_cause(client, library):
    factories.make_cause(slug="weak-core", title="Weak core", exercises=[library["plank"]])
    assert titles(client.get("/exercises/?cause=weak-core").content.decode()) == ["Plank"]


def test_unknown_filter_value_is_a_clear_400_not_a_500(client, library):
    response = client.get("/exercises/?category=yoga&area=core")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters were not understood" in html and "Select a valid choice" in html
    assert titles(html) == ["Plank"]  # the valid filter still applies


def test_filter_form_works_as_plain_get_and_pushes_url_with_htmx(client, library):
    html = client.get("/exercises/").content.decode()
    assert '<form class="filters" method="get" action="/exercises/"' in html
    assert 'data-hx-push-url="true"' in html and 'data-hx-get="/exercises/"' in html


def test_highlight_escapes_and_marks():
    assert highlight("Tight <hip> flexors", Marks(frozenset({stem("hip")}))) == "Tight &lt;<mark>hip</mark>&gt; flexors"


@pytest.mark.django_db
def test_search_ranks_title_matches_first_and_covers_every_kind():
    body_only = factories.make_article(title="Why runners hurt", body="Tight hamstrings pull on the pelvis.")
    titled = factories.make_cause(title="Tight hamstrings", summary="Short muscles at the back of the thigh.")
    exercise = factories.make_exercise(title="Standing hamstring stretch", summary="Lengthens hamstrings.")
    anatomy = factories.make_anatomy(title="Pelvis", body="The hamstrings attach to the pelvis.")
    hits = search("hamstrings").hits
    assert {h.title for h in hits[:2]} == {titled.title, exercise.title}
    assert {h.kind for h in hits} == {"article", "cause", "exercise", "anatomy"}
    assert {h.url for h in hits} >= {body_only.get_absolute_url(), anatomy.get_absolute_url()}
    assert all("<mark>" in h.snippet + h.title_html for h in hits)


@pytest.mark.django_db
def test_search_page_with_and_without_htmx(client):
    factories.make_cause(title="Worn-out shoes", summary="Old shoes absorb less impact.")
    full = client.get("/search/?q=shoes")
    partial = client.get("/search/?q=shoes", **HTMX)
    for response in (full, partial):
        html = response.content.decode()
        assert response.status_code == 200
        assert "Worn-out <mark>shoes</mark>" in html and "Old <mark>shoes</mark> absorb" in html
    assert "<html" not in partial.content.decode()
    assert "Nothing in the guide matched" in client.get("/search/?q=zebra").content.decode()


@pytest.mark.django_db
def test_search_escapes_the_query_and_refuses_overlong_input(client):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    response = client.get("/search/", {"q": "x" * 5000})
    assert response.status_code == 400
    assert "Ensure this value has at most 200 characters" in response.content.decode()


@pytest.mark.django_db
def test_sitemap_lists_every_page(client, linked):
    xml = client.get("/sitemap.xml").content.decode()
    for item in ("article", "cause", "anatomy", "exercise"):
        assert f"http://testserver{linked[item].get_absolute_url()}" in xml
    assert "<loc>http://testserver/checker/</loc>" in xml
    assert "<lastmod>" in xml


@pytest.mark.django_db
def test_renaming_an_item_keeps_one_search_entry(db):
    cause = factories.make_cause(title="Old name")
    cause.title, cause.slug = "New name", "new-name"
    cause.save()
    assert [h.url for h in search("name").hits] == ["/causes/new-name/"]
    cause.delete()
    assert search("name").hits == []


def test_history_restore_gets_the_whole_page_even_after_a_fragment_was_cached(client, library):
    fragment = client.get("/exercises/?area=core", **HTMX).content.decode()
    assert "<html" not in fragment
    restore = client.get("/exercises/?area=core", HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    assert "<html" in restore.content.decode()
