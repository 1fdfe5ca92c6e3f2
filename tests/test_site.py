"""Site-wide behaviour: health check, robots, errors and security headers."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import DatabaseError


@pytest.mark.django_db
def test_content_pages_are_served_from_the_shared_cache_until_content_changes(client, django_assert_num_queries,
                                                                             django_capture_on_commit_callbacks):
    from tests import factories

    cause = factories.make_cause(title="Tight hip flexors")
    client.get(cause.get_absolute_url())
    with django_assert_num_queries(0):  # this process's copy: no database at all
        html = client.get(cause.get_absolute_url()).content.decode()
    assert "Tight hip flexors" in html
    caches["local"].clear()  # as another server process would see it
    with django_assert_num_queries(2):  # the content version and the page, from the shared cache
        assert client.get(cause.get_absolute_url()).content.decode() == html
    with django_capture_on_commit_callbacks(execute=True):
        cause.title = "Short hip flexors"
        cause.save()
    assert "Short hip flexors" in client.get(cause.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_another_process_sees_an_admin_save_once_its_version_expires(client, settings):
    from tests import factories

    cause = factories.make_cause(title="Tight hip flexors")
    client.get(cause.get_absolute_url())
    # Another process saves: the shared version changes, but this process still holds its own.
    Cause = type(cause)  # noqa: N806
    Cause.objects.filter(pk=cause.pk).update(title="Short hip flexors")
    from django.core.cache import cache

    from backpain.caching import CONTENT_VERSION_KEY

    cache.set(CONTENT_VERSION_KEY, "changed-elsewhere", timeout=None)
    assert "Tight hip flexors" in client.get(cause.get_absolute_url()).content.decode()
    caches["local"].delete(CONTENT_VERSION_KEY)  # its few seconds are up
    assert "Short hip flexors" in client.get(cause.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_503_when_database_fails(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.django_db
def test_robots_points_to_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
def test_custom_404_in_site_design(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can't find that page" in html and "Skip to main content" in html


@pytest.mark.django_db
def test_security_headers_on_pages(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-eval" not in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp and "base-uri 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    assert features == dict.fromkeys(("accelerometer", "camera", "geolocation", "gyroscope", "magnetometer",
                                      "microphone", "payment", "usb", "interest-cohort"), "()")
    assert response["X-Frame-Options"] == "DENY"


def test_refuses_to_start_with_default_secret_key_when_debug_off():
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "0", "DJANGO_SETTINGS_MODULE": "backpain.settings"}
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"],
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(("extra", "silenced"), [
    # HSTS includeSubDomains and preload are opt-in: Django's two reminders are silenced; and
    # django-ratelimit's "not on our list" and, without Redis, its refusal of the database cache
    # (backpain/settings.py says why).
    ({}, 4),
    ({"DJANGO_BEHIND_TLS_PROXY": "1"}, 4),
    ({"DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1", "DJANGO_HSTS_PRELOAD": "1"}, 2),
    ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, 3),
])
def test_check_deploy_is_clean_with_production_settings(tmp_path, extra, silenced):
    import subprocess
    import sys

    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "backpain.settings",
        "DJANGO_SECRET_KEY": "x7!kP2@qL9#vR4$wT8^yU1&zA5*bC3(dE6)fG0-hJ_mN+oQ=sV",
        "DJANGO_ALLOWED_HOSTS": "backontrack.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    }
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"System check identified no issues ({silenced} silenced)."


@pytest.mark.django_db
def test_no_hsts_over_plain_http(client):
    # The tests serve plain HTTP (DJANGO_HTTPS=0), like make run; tests/test_settings.py covers HTTPS.
    assert "Strict-Transport-Security" not in client.get("/healthz")
    assert "Strict-Transport-Security" not in client.get("/healthz", secure=True)


@pytest.mark.django_db
def test_admin_works_under_the_same_policy(admin_client):
    response = admin_client.get("/admin/content/exercise/add/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "unsafe-eval" not in csp and "'unsafe-inline'" not in csp and "frame-ancestors 'none'" in csp


# --- Trust pages: about and editorial policy, privacy -----------------------------------------------


def _main(html: str) -> str:
    from django.utils.html import strip_tags

    return " ".join(strip_tags(html[html.index("<main"):html.index("</main>")]).split())


@pytest.mark.django_db
def test_about_page_says_who_writes_and_reviews_how_sources_are_chosen_and_how_to_report_a_mistake(client):
    response = client.get("/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>About Back on Track and our editorial policy</h1>" in html
    text = _main(html)
    for heading in ("Who writes and reviews the pages", "How we choose sources", "How often pages are reviewed",
                    "Funding, advertising and sponsorship", "How to report a mistake"):
        assert f">{heading}</h2>" in html, heading
    # Honest about review: the editorial team, and no clinician yet (never an invented one).
    assert "Back on Track editorial team" in text
    assert "No doctor, physiotherapist or other health professional has reviewed the pages yet" in text
    assert "at least once a year" in text and "next review is due" in text
    assert "Funding: none" in text and "Advertising: none" in text and "Sponsorship: none" in text
    assert "Was this page helpful?" in text
    assert "Education, not diagnosis." in text
    assert 'href="/privacy/"' in html and 'href="/checker/how-it-decides/"' in html


@pytest.mark.django_db
def test_privacy_page_promises_what_is_and_is_not_stored(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Privacy</h1>" in html
    text = _main(html)
    assert "The symptom checker stores nothing" in text
    assert "Your answers are not stored and not logged" in text and "never put in a web address" in text
    assert "No accounts for readers" in text
    for stored in ("which page it was about", "your answer, yes or no", "your comment, if you write one"):
        assert stored in text
    assert "We do not store your IP address, your browser details" in text
    assert "csrftoken" in text and "The editors' session cookie" in text
    assert "no advertising, tracking or analytics cookies" in text


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/guide/", "/checker/"])
def test_every_page_links_the_trust_pages_in_its_footer(client, url):
    html = client.get(url).content.decode()
    footer = html[html.index('<footer class="site-footer">'):]
    assert 'href="/about/">About and editorial policy</a>' in footer
    assert 'href="/privacy/">Privacy</a>' in footer


@pytest.mark.django_db
def test_the_trust_pages_are_in_the_sitemap(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/about/</loc>" in xml and "<loc>http://testserver/privacy/</loc>" in xml


@pytest.mark.parametrize("key", ["short-key-123", "a" * 60, "abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd"])
def test_refuses_to_start_with_a_weak_secret_key_when_debug_off(key):
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "0", "DJANGO_SETTINGS_MODULE": "backpain.settings",
           "DJANGO_SECRET_KEY": key}
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"],
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak" in result.stderr
    assert "python -c 'import secrets; print(secrets.token_urlsafe(50))'" in result.stderr
    # With DEBUG on (development only) a weak key is allowed.
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"],
                            env={**env, "DJANGO_DEBUG": "1"}, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
