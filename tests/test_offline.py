"""The site on a phone with no signal: the offline page, the manifest, the service worker and which
pages it may keep (the X-Offline header). The browser side is tests/e2e/test_offline.py."""

import pytest
from django.conf import settings

from backpain.context_processors import EMERGENCY_SIGNS


@pytest.mark.django_db
def test_offline_page_says_so_and_still_carries_the_emergency_signs_and_number(client):
    response = client.get("/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "You are offline" in html
    assert "Pages you have opened before still open" in html
    assert f'href="tel:{settings.EMERGENCY_NUMBER}"' in html
    for sign in EMERGENCY_SIGNS:
        assert str(sign) in html
    assert 'id="page-feedback"' not in html  # nothing to send with no signal


def test_manifest_names_the_app_its_scope_theme_and_icons_which_are_there():
    import json

    from PIL import Image

    manifest = json.loads((settings.BASE_DIR / "static/manifest.webmanifest").read_text())
    assert manifest["name"] == "Back on Track" and manifest["short_name"]
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("/", "/", "standalone")
    css = (settings.BASE_DIR / "static/css/site.css").read_text()
    assert f"--brand: {manifest['theme_color']};" in css  # the header's colour
    sizes = {}
    for icon in manifest["icons"]:
        path = settings.BASE_DIR / icon["src"].removeprefix("/")
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
        sizes.setdefault(icon["purpose"], set()).add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes["any"] and sizes["maskable"]


@pytest.mark.django_db
def test_every_page_links_the_manifest_and_the_home_screen_icon(client):
    html = client.get("/").content.decode()
    assert '<link rel="manifest" href="/static/manifest.webmanifest">' in html
    assert 'rel="apple-touch-icon" href="/static/img/icons/apple-touch-icon.png"' in html
    assert '<meta name="theme-color" content="#1f5f5b">' in html


def test_service_worker_is_served_at_the_root_fresh_on_every_visit(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    assert response.content == (settings.BASE_DIR / "serviceworker/sw.js").read_bytes()
    assert client.post("/sw.js").status_code == 405


def test_service_worker_precaches_only_the_offline_page_and_the_files_every_page_uses():
    import re

    source = (settings.BASE_DIR / "serviceworker/sw.js").read_text()
    precached = set(re.findall(r'url:"([^"]+)"', source))
    assert "/offline/" in precached and "/static/django_htmx/htmx-2.min.js" in precached
    assert {"/static/css/site.css", "/static/css/print.css", "/static/js/app.js"} <= precached
    assert all(url == "/offline/" or url.startswith("/static/") for url in precached)
    assert not any(url.endswith(".mp3") for url in precached)  # kept only when played
    size = sum((settings.BASE_DIR / url.removeprefix("/")).stat().st_size
               for url in precached if url.startswith("/static/") and "django_htmx" not in url)
    assert size < 2 * 1024 * 1024
    # Pages are kept only when the server says so: the header and nothing else decides.
    assert '"X-Offline":"keep"' in source


@pytest.mark.django_db
def test_csp_lets_the_page_start_a_service_worker_from_the_site_itself(client):
    csp = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if " " in part.strip())
    assert directives["worker-src"] == "'self'" and directives["manifest-src"] == "'self'"


# --- Which pages the service worker may keep: X-Offline: keep -------------------------------------


@pytest.fixture
def kept_urls(db):
    from backpain.prescribe.sheet import Line, Sheet, encode
    from tests import factories

    made = factories.make_linked_set()
    sheet = Sheet(lines=(Line(made["exercise"].slug, sets=2, reps=10, hold=0, per_side=False, days=5),))
    return [
        "/", "/guide/", "/exercises/", made["exercise"].get_absolute_url(), made["article"].get_absolute_url(),
        made["cause"].get_absolute_url(), made["anatomy"].get_absolute_url(),
        "/return-to-running/plan/?stage=1&start=2026-12-07&sessions=3", "/return-to-running/run/?stage=1",
        "/routine/sheet/?run=easy&warmup=10&cooldown=10", f"/prescribe/sheet/{encode(sheet)}/", "/offline/",
    ]


def test_the_pages_a_runner_takes_out_are_marked_to_keep(client, kept_urls):
    for url in kept_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.get("X-Offline") == "keep", url


@pytest.mark.django_db
def test_the_checker_check_ins_admin_search_and_any_post_are_never_marked(client, admin_client):
    from tests.checker_answers import answers

    never = [
        client.get("/checker/"), client.get("/checker/how-it-decides/"), client.post("/checker/", answers()),
        client.get("/return-to-running/check-in/?stage=2"),
        client.post("/return-to-running/check-in/", {"emergency": "no", "warning_signs": "no", "stage": "4",
                                                     "longer": "no", "pain_during": "2", "pain_after": "2",
                                                     "morning": "usual", "week_trend": "better_or_same",
                                                     "other_pain": "no", "finished": "2"}),
        client.get("/search/?q=plank"), client.get("/admin/login/"), admin_client.get("/admin/"),
        client.post("/return-to-running/plan/?stage=1&start=2026-12-07&sessions=3"),
        client.get("/exercises/no-such-exercise/"),  # a 404
        client.get("/return-to-running/plan/?stage=99"),  # a 400
        client.get("/sw.js"),
    ]
    for response in never:
        assert "X-Offline" not in response, response.wsgi_request.get_full_path()
    assert {response.status_code for response in never[:3]} == {200}


def test_the_committed_service_worker_was_built_from_todays_files():
    """A changed stylesheet or script needs `make service-worker`, or phones would keep the old one."""
    import hashlib
    import re

    source = (settings.BASE_DIR / "serviceworker/sw.js").read_text()
    entries = dict(re.findall(r'\{url:"(/static/(?!django_htmx)[^"]+)",revision:"([0-9a-f]+)"\}', source))
    assert len(entries) >= 5
    for url, revision in entries.items():
        data = (settings.BASE_DIR / url.removeprefix("/")).read_bytes()
        assert hashlib.md5(data).hexdigest() == revision, f"{url} changed: run make service-worker"
