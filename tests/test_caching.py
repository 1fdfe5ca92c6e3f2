"""backpain/caching.py: the content version moves once, after commit; the page cache keeps only what
is the same for everyone, keyed on what the page is built from."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import path, reverse

from backpain.caching import CONTENT_VERSION_KEY, cached_page, content_version
from backpain.content.loader import sync
from tests import factories
from tests.checker_answers import answers

pytestmark = pytest.mark.django_db


def shared_entries() -> int:
    """Rows in the shared cache (the database cache in tests; Redis in production holds the same keys)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_cache")
        return cursor.fetchone()[0]


def waiting_bumps(callbacks) -> int:
    return sum(type(callback).__name__ == "_BumpOnCommit" for callback in callbacks)


# --- The content version: once per transaction, after it commits ----------------------------------
def test_loading_all_content_moves_the_version_once_and_only_after_commit(django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks() as callbacks:
        report = sync(settings.CONTENT_DIR)
        assert len(report.created) > 50
        assert cache.get(CONTENT_VERSION_KEY) == before, "the version moved before the rows were committed"
    assert waiting_bumps(callbacks) == 1
    for callback in callbacks:
        callback()  # the commit
    assert cache.get(CONTENT_VERSION_KEY) != before


def test_an_admin_save_moves_the_version_once_after_commit(client, linked, django_capture_on_commit_callbacks):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1"))
    cause = linked["cause"]
    before = content_version()
    form = {
        "title": "Renamed", "slug": cause.slug, "summary": cause.summary, "order": 5, "signs": cause.signs,
        "why_it_hurts": cause.why_it_hurts, "what_to_do": cause.what_to_do, "body": cause.body,
        "anatomy": [cause.anatomy.get().pk], "exercises": [cause.exercises.get().pk], "suggested_by": "",
        "last_reviewed": "2026-11-22", "next_review_due": "2027-11-22", "sources": [linked["source"].pk],
        "reviewer": "Asha Patel", "reviewer_role": "physiotherapist",
    }
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("admin:content_cause_change", args=[cause.pk]), {**form, "_publish": "Publish"})
        assert response.status_code == 302
        assert cache.get(CONTENT_VERSION_KEY) == before
    assert waiting_bumps(callbacks) == 1  # the item, its links and its history row: one bump
    assert content_version() != before
    assert "Renamed" in client.get(cause.get_absolute_url()).content.decode()


def test_a_rolled_back_save_moves_nothing_and_the_next_save_still_does(django_capture_on_commit_callbacks):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                factories.make_source.__wrapped__(title="Never saved")
                raise RuntimeError("the editor's save failed")
        except RuntimeError:
            pass
    assert waiting_bumps(callbacks) == 0
    assert content_version() == before
    factories.make_source(title="Saved")
    assert content_version() != before


def test_saving_a_model_that_is_not_content_moves_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        User.objects.create_user("someone", password="a-long-password-2")
    assert waiting_bumps(callbacks) == 0


# --- The page cache: keys nobody can multiply ------------------------------------------------------
def test_junk_query_strings_make_no_new_cache_entries(client, linked):
    assert client.get("/exercises/?area=core").status_code == 200
    assert client.get("/exercises/").status_code == 200
    entries = shared_entries()
    for n in range(75):  # 300 requests
        assert client.get(f"/exercises/?utm_source=x{n}").status_code == 200
        assert client.get(f"/exercises/?area=core&utm_source=x{n}&fbclid={n}").status_code == 200
        assert client.get(f"/exercises/?area=junk{n}").status_code == 400  # a bad value is never kept
        # Two values: the form reads the last one, and so does the key.
        assert client.get(f"/exercises/?area=junk{n}&area=core").status_code == 200
    assert client.get("/causes/no-such-cause/?n=1").status_code == 404
    assert shared_entries() == entries


def test_host_ports_cases_trailing_dots_and_junk_make_no_new_cache_entries(linked):
    # The outside review: 500 requests to / with Host: localhost:N added 430 rows.
    pages = ["/", "/exercises/", "/about/", linked["cause"].get_absolute_url()]
    for url in pages:
        assert Client().get(url).status_code == 200
    entries = shared_entries()
    for n in range(1, 126):  # 2,000 requests
        for host in (f"localhost:{n}", f"LOCALHOST:{n}", "localhost.", f"LocalHost.:{n}"):
            visitor = Client(HTTP_HOST=host)
            for url in pages:
                response = visitor.get(f"{url}?utm_source=x{n}&junk={host}")
                assert response.status_code == 200
    assert shared_entries() == entries
    # Every page names the site's own address, whatever Host it was asked with.
    html = Client(HTTP_HOST="LOCALHOST.:99").get("/about/").content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}/about/">' in html and ":99" not in html


def test_the_canonical_page_is_the_one_served_whatever_else_the_link_carries(client, linked):
    plain = client.get("/exercises/?area=core")
    tagged = client.get("/exercises/?utm_source=newsletter&area=core")
    assert tagged.content == plain.content and tagged["ETag"] == plain["ETag"]


def test_search_is_not_cached_at_all(client, linked):
    entries = shared_entries()
    for n in range(20):
        assert client.get(f"/search/?q=word{n}").status_code == 200
    assert shared_entries() == entries


def test_routine_pages_are_not_cached(client, linked):
    entries = shared_entries()
    for n in range(5, 10):
        assert client.get(f"/routine/?warmup={n}").status_code == 200
        assert client.get(f"/routine/sheet/?warmup={n}").status_code == 200
    assert shared_entries() == entries


# --- Conditional requests: Django's, for a 200 only ------------------------------------------------
def test_a_missing_page_is_never_answered_304(client, linked):
    page = client.get(linked["cause"].get_absolute_url())
    assert page.status_code == 200
    for etag in (page["ETag"], "*"):
        response = client.get("/causes/no-such-cause/", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 404
        assert "We can't find that page" in response.content.decode()


def test_etags_are_matched_whole_not_by_substring(client, linked):
    url = linked["cause"].get_absolute_url()
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag[:-3] + '"').status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"junk{etag}junk"').status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=f'"other", {etag}').status_code == 304


def test_a_cached_page_keeps_its_headers(client, linked):
    url = linked["exercise"].get_absolute_url()
    first = client.get(url)
    again = client.get(url)  # from this process's copy
    assert again.content == first.content
    assert dict(again.headers) == dict(first.headers)
    assert first["Content-Type"] == "text/html; charset=utf-8"
    assert "no-cache" in first["Cache-Control"] and "HX-Request" in first["Vary"] and first["ETag"]
    # A fragment is its own entry, with the same headers.
    fragment = client.get("/exercises/?area=core", HTTP_HX_REQUEST="true")
    assert "<!doctype" not in fragment.content.decode().lower() and "HX-Request" in fragment["Vary"]


# --- What is never cached: anything of one visitor's own --------------------------------------------
COUNT = {"calls": 0}


def _render(request, source: str) -> HttpResponse:
    COUNT["calls"] += 1
    return HttpResponse(engines["django"].from_string(source).render({}, request))


@cached_page()
def uses_a_nonce(request):
    return _render(request, '<script nonce="{{ request.csp_nonce }}">1</script>')


@cached_page()
def uses_a_csrf_token(request):
    return _render(request, "<form method=post>{% csrf_token %}</form>")


@cached_page()
def sets_a_cookie(request):
    response = _render(request, "hello")
    response.set_cookie("seen", "1")
    return response


@cached_page()
def plain(request):
    return _render(request, "the same for everyone")


@cached_page(shared=False)
def from_code(request):
    return _render(request, "made from our code alone")


urlpatterns = [path("nonce/", uses_a_nonce), path("csrf/", uses_a_csrf_token), path("cookie/", sets_a_cookie),
               path("plain/", plain), path("from-code/", from_code)]


@pytest.mark.urls("tests.test_caching")
@pytest.mark.parametrize("url", ["/nonce/", "/csrf/", "/cookie/"])
def test_a_page_with_something_personal_is_never_cached(client, url):
    content_version()  # the one entry the first request of all would add, whatever the page
    entries, COUNT["calls"] = shared_entries(), 0
    first, second = client.get(url), client.get(url)
    assert COUNT["calls"] == 2, "the second visitor was served the first one's page"
    assert shared_entries() == entries
    if url == "/nonce/":
        assert first.content != second.content
        assert first.content.decode().split('"')[1] in first["Content-Security-Policy"]


@pytest.mark.urls("tests.test_caching")
def test_a_plain_page_is_rendered_once(client):
    COUNT["calls"] = 0
    assert client.get("/plain/").content == client.get("/plain/").content == b"the same for everyone"
    assert COUNT["calls"] == 1
    assert "nonce" not in client.get("/plain/")["Content-Security-Policy"]


@pytest.mark.urls("tests.test_caching")
def test_a_page_made_from_code_is_rendered_once_per_process_and_never_shared(client):
    content_version()
    entries, COUNT["calls"] = shared_entries(), 0
    first, second = client.get("/from-code/"), client.get("/from-code/")
    assert first.content == second.content == b"made from our code alone" and first.has_header("ETag")
    assert COUNT["calls"] == 1
    assert shared_entries() == entries  # the shared cache outlives a release: a new process renders it anew


def test_how_it_decides_is_rendered_once_and_only_in_this_process(client):
    content_version()
    entries = shared_entries()
    first, second = client.get("/checker/how-it-decides/"), client.get("/checker/how-it-decides/")
    assert first.templates and not second.templates  # the second is this process's copy: no rendering
    assert second.content == first.content
    assert shared_entries() == entries


# --- Pages with a form: parts kept ({% cache %}), the CSRF token each visitor's own ---------------
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHECK_IN = "/return-to-running/check-in/"
CHECK_IN_ANSWERS = {"emergency": "no", "warning_signs": "no", "stage": "4", "longer": "no", "pain_during": "2",
                    "pain_after": "2", "morning": "usual", "week_trend": "better_or_same", "other_pain": "no",
                    "finished": "2"}
GATE_ANSWERS = {"rest_pain": "no", "gave_birth": "no", "leg_pain_more": "no", "bone_risk": "no",
                "young_extension": "no", "walk_test": "yes", "start": "2027-01-04", "sessions": "3", "stage": "3"}
PLAN = "/return-to-running/plan/?start=2027-01-04&sessions=3&stage=1"
# Each page with kept parts; the other links that make the same page (junk, answers, values read the same way),
# numbered; and the POST its form makes, with the status a valid token gets.
KEPT = {
    "checker": ("/checker/", ["/checker/?utm_source=x{n}", "/checker/?fever=yes&age={n}"],
                ("/checker/", answers(), 200)),
    "running start": ("/return-to-running/", ["/return-to-running/?stage={n}&start=2027-01-0{n}"],
                      ("/return-to-running/", GATE_ANSWERS, 302)),
    "check-in": (f"{CHECK_IN}?stage=4&sessions=3", [f"{CHECK_IN}?sessions=3&stage=4&pain_during={{n}}",
                                                      f"{CHECK_IN}?stage=x{{n}}&stage=4&sessions=3&utm={{n}}"],
                 (CHECK_IN, CHECK_IN_ANSWERS, 200)),
    "run mode": ("/return-to-running/run/?stage=4&sessions=3",
                 ["/return-to-running/run/?sessions=3&stage=4&x={n}"], (CHECK_IN, CHECK_IN_ANSWERS, 200)),
    "plan": (PLAN, [f"{PLAN}&utm_source={{n}}", "/return-to-running/plan/?stage=1&sessions=3&start=2027-01-04&n={n}"],
             (CHECK_IN, CHECK_IN_ANSWERS, 200)),
    "physio builder": ("/prescribe/", ["/prescribe/?utm_source={n}", "/prescribe/?find={n}"],
                       ("/prescribe/", {"add": "{exercise}"}, 200)),
}


def local_entries() -> int:
    return len(caches["local"]._cache)  # LocMemCache's own store: all this process keeps


@pytest.mark.parametrize("name", KEPT)
def test_junk_in_the_link_of_a_page_with_kept_parts_makes_no_new_entry(client, linked, name):
    url, same_pages, _ = KEPT[name]
    first = client.get(url)
    assert first.status_code == 200
    entries = local_entries()
    for n in range(1, 10):
        for same in same_pages:
            again = client.get(same.format(n=n))
            assert again.status_code == 200
            assert TOKEN.sub("", again.content.decode()) == TOKEN.sub("", first.content.decode())
    assert local_entries() == entries


@pytest.mark.parametrize("name", KEPT)
def test_a_form_from_a_kept_page_posts_with_csrf_checks_on(linked, name):
    url, _, (action, data, status) = KEPT[name]
    data = {key: value.format(exercise=linked["exercise"].slug) for key, value in data.items()}
    Client().get(url)  # the first visitor: the parts are kept
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url)
    token = TOKEN.search(page.content.decode()).group(1)
    assert visitor.post(action, {**data, "csrfmiddlewaretoken": token}).status_code == status
    assert visitor.post(action, data).status_code == 403
    assert Client(enforce_csrf_checks=True).post(action, {**data, "csrfmiddlewaretoken": token}).status_code == 403


@pytest.mark.parametrize("name", KEPT)
def test_two_visitors_of_a_kept_page_get_their_own_tokens(linked, name):
    url = KEPT[name][0]
    pages = [Client().get(url) for _ in range(3)]
    tokens = [TOKEN.findall(page.content.decode()) for page in pages]
    assert all(tokens)
    assert len({token for found in tokens for token in found}) == sum(map(len, tokens))  # each one new
    cookies = [page.cookies["csrftoken"].value for page in pages]
    assert len(set(cookies)) == 3  # each visitor's own secret, set by Django's middleware


def test_a_routine_sheet_keeps_its_exercises_by_the_validated_choices_and_junk_makes_no_new_entry(client, linked):
    slug = linked["exercise"].slug
    url = f"/routine/sheet/?run=tempo&warmup=10&cooldown=10&focus=core&equipment=mat&include={slug}"
    first = client.get(url)
    assert first.status_code == 200
    entries = local_entries()
    for n in range(1, 10):
        for same in (f"{url}&utm_source={n}", f"{url}&equipment=none&focus=core&warmup={'0' * n}10",
                     f"/routine/sheet/?include={slug}&focus=core&equipment=mat&cooldown=10&warmup=10&run=tempo&n={n}"):
            assert client.get(same).content == first.content, same
        assert client.get(f"{url}&focus=junk{n}").status_code == 400
    # The link the sheet prints is the Host's it was asked with: the page around the exercises is not kept.
    other_host = Client(HTTP_HOST="localhost").get(url).content.decode()
    assert "localhost/routine/sheet/" in other_host and "testserver/routine/sheet/" in first.content.decode()
    assert local_entries() == entries
    client.get(url.replace("tempo", "easy"))  # another routine: its exercises are kept too
    assert local_entries() == entries + 1


def test_a_routine_preview_is_kept_by_its_validated_choices_and_junk_makes_no_new_entry(client, linked):
    slug = linked["exercise"].slug
    url = f"/routine/?run=tempo&warmup=10&cooldown=10&focus=core&equipment=mat&include={slug}"
    first = client.get(url)
    assert first.status_code == 200 and first.cookies["routine"].value
    entries = local_entries()
    for n in range(1, 10):
        for same in (f"{url}&utm_source={n}", f"/routine/?include={slug}&focus=core&equipment=mat&cooldown=10"
                     f"&warmup=10&run=tempo&n={n}"):
            again = client.get(same)
            assert again.status_code == 200 and again.content == first.content, same
        # Minutes spelt another way show as typed in their box; the routine is the same one, kept once.
        odd = client.get(url.replace("warmup=10", f"warmup={'0' * n}10"))
        assert odd.status_code == 200 and f'value="{"0" * n}10"' in odd.content.decode()
        assert client.get(f"{url}&focus=junk{n}").status_code == 400
    assert local_entries() == entries
    client.get(url.replace("tempo", "easy"))  # another routine: its preview is kept too
    assert local_entries() == entries + 1


def test_the_blank_physio_builder_reads_the_database_only_to_draw_its_kept_list(client, linked,
                                                                                 django_assert_num_queries):
    first = client.get("/prescribe/")
    assert linked["exercise"].title in first.content.decode()
    with django_assert_num_queries(0):
        again = client.get("/prescribe/?utm_source=x")
    assert TOKEN.sub("", again.content.decode()) == TOKEN.sub("", first.content.decode())
