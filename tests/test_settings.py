"""backpain/settings.py: HTTPS served directly, behind a TLS proxy, or plain HTTP on loopback.

Settings are read once, when the module is imported, so each case imports them in a process of its
own with the environment a deployer would set.
"""

import json
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.live import ROOT, deployed_copy, gunicorn

READ = """
import json
from django.conf import settings as s
print(json.dumps({name: getattr(s, name, None) for name in (
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "DEBUG")}))
"""


def settings_with(**env) -> dict:
    environ = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "backpain.settings",
               "DJANGO_SECRET_KEY": "x7!kP2@qL9#vR4$wT8^yU1&zA5*bC3(dE6)fG0-hJ_mN+oQ=sV", **env}
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + READ], cwd=ROOT,
                            env=environ, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


HTTPS = {"SECURE_SSL_REDIRECT": True, "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
         "SECURE_HSTS_SECONDS": 31536000, "SECURE_HSTS_INCLUDE_SUBDOMAINS": False, "SECURE_HSTS_PRELOAD": False}


def test_production_is_https_with_secure_cookies_and_hsts_for_this_host_only():
    assert settings_with() == {**HTTPS, "SECURE_PROXY_SSL_HEADER": None, "DEBUG": False}


def test_behind_a_tls_proxy_is_one_setting_and_keeps_everything_secure():
    assert settings_with(DJANGO_BEHIND_TLS_PROXY="1") == {
        **HTTPS, "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"], "DEBUG": False}
    # Following the old advice as well (plain HTTP) must not make a proxied site's cookies insecure.
    assert settings_with(DJANGO_BEHIND_TLS_PROXY="1", DJANGO_HTTPS="0")["SESSION_COOKIE_SECURE"] is True


def test_plain_http_on_loopback_has_no_redirect_no_secure_cookies_and_no_hsts():
    assert settings_with(DJANGO_HTTPS="0") == {
        "SECURE_SSL_REDIRECT": False, "SESSION_COOKIE_SECURE": False, "CSRF_COOKIE_SECURE": False,
        "SECURE_HSTS_SECONDS": 0, "SECURE_HSTS_INCLUDE_SUBDOMAINS": False, "SECURE_HSTS_PRELOAD": False,
        "SECURE_PROXY_SSL_HEADER": None, "DEBUG": False}


def test_hsts_for_subdomains_and_preload_are_opt_in():
    chosen = settings_with(DJANGO_HSTS_INCLUDE_SUBDOMAINS="1", DJANGO_HSTS_PRELOAD="1")
    assert chosen["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True and chosen["SECURE_HSTS_PRELOAD"] is True


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.live
def test_a_server_behind_a_tls_proxy_redirects_plain_http_and_marks_cookies_secure(tmp_path):
    env = deployed_copy(tmp_path, DJANGO_BEHIND_TLS_PROXY="1", DJANGO_HTTPS="")
    opener = urllib.request.build_opener(NoRedirect)
    with gunicorn(env, workers=1) as base:
        # What the proxy passes on for a visitor who typed http://: sent to https.
        request = urllib.request.Request(base + "/checker/", headers={"X-Forwarded-Proto": "http"})
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(request)
        assert redirect.value.code == 301
        assert redirect.value.headers["Location"] == base.replace("http://", "https://") + "/checker/"
        # And for one over HTTPS: the page, with HSTS and a Secure CSRF cookie.
        request = urllib.request.Request(base + "/checker/", headers={"X-Forwarded-Proto": "https"})
        with opener.open(request) as response:
            assert response.status == 200
            assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
            cookie = response.headers["Set-Cookie"]
            assert cookie.startswith("csrftoken=") and "Secure" in cookie and "HttpOnly" in cookie


VISIT = """
import django; django.setup()
from django.test import Client
visitor = Client(raise_request_exception=False)
print(visitor.get("/guide/").status_code, visitor.get("/healthz").status_code)
"""


def test_a_missing_sqlite_file_is_the_friendly_503_not_a_new_empty_site_and_migrate_still_creates_it(tmp_path):
    database = tmp_path / "site.sqlite3"
    # Production settings with the tests' static storage (no collectstatic needed for the 503 page).
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "tests.settings", "DJANGO_DEBUG": "0",
           "DJANGO_ALLOWED_HOSTS": "testserver", "DATABASE_URL": f"sqlite:///{database}"}
    visit = subprocess.run([sys.executable, "-c", VISIT], cwd=ROOT, env=env, capture_output=True, text=True,
                           check=True)
    assert visit.stdout.split() == ["503", "503"]
    assert not database.exists(), "the site made an empty database"
    # Deploying is still `manage.py migrate`, which creates the file (make run and setup-db do the same).
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    assert database.exists()
    visit = subprocess.run([sys.executable, "-c", VISIT], cwd=ROOT, env=env, capture_output=True, text=True,
                           check=True)
    assert visit.stdout.split() == ["200", "200"]
