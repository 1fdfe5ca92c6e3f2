"""Growing past one machine: two app servers behind an imagined load balancer, one database and
one Redis. Neither server holds anything the other needs: an editor logged in on one is logged in
on the other, and a save made anywhere shows on both within the content version's few seconds."""

import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
import redis

from tests.live import ROOT, deployed_copy, fetch, free_port, gunicorn, manage

pytestmark = pytest.mark.live  # starts servers of its own: make test-fast leaves it out

ARTICLE = "/articles/why-runners-get-back-pain/"
EDITOR, PASSWORD = "editor", "a-long-test-password-4-scaling"


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("Redis is not installed: apt-get install -y redis-server (.ci/run does this)")
    port = free_port()
    process = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def log_in(base: str) -> urllib.request.OpenerDirector:
    """Log in through the admin's own form; returns a browser-like opener holding the cookies."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    status, html = fetch(f"{base}/admin/login/?next=/admin/", opener)
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": EDITOR, "password": PASSWORD,
                                   "next": "/admin/"}).encode()
    status, html = fetch(f"{base}/admin/login/?next=/admin/", opener, data=form)
    assert status == 200 and "Log out" in html, "the login did not take"
    return opener


def article_title(base: str) -> str:
    status, html = fetch(base + ARTICLE)
    assert status == 200
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def test_two_servers_share_sessions_and_cache_and_see_each_others_saves(tmp_path, redis_url):
    env = deployed_copy(tmp_path, REDIS_URL=redis_url, DJANGO_SUPERUSER_USERNAME=EDITOR,
                        DJANGO_SUPERUSER_PASSWORD=PASSWORD, DJANGO_SUPERUSER_EMAIL="editor@example.com")
    manage(env, ["createsuperuser", "--noinput"])
    with gunicorn(env, workers=1) as one, gunicorn(env, workers=1) as two:
        title = article_title(one)
        assert article_title(two) == title

        # The rendered pages and the content version live in Redis, not in either process.
        store = redis.Redis.from_url(redis_url)
        assert store.keys("backpain:*:page:*"), "no page was cached in Redis"
        assert store.keys("backpain:*:content-version*"), "the content version is not in Redis"

        # Log in on one server; the session is in the database, so the other knows the editor.
        editor = log_in(one)
        status, html = fetch(f"{two}/admin/", editor)
        assert status == 200 and "Log out" in html

        # An editor saves on a third process (as another app server would): both see it.
        manage(env, ["shell", "-c", "from backpain.content.models import Article; "
                     f"a = Article.objects.get(slug='{ARTICLE.split('/')[2]}'); "
                     "a.title = 'Why runners get back pain, revised'; a.save()"])
        deadline = time.monotonic() + 10  # the local copy of the version lives 2 s
        seen = set()
        while time.monotonic() < deadline and len(seen) < 2:
            seen |= {base for base in (one, two) if article_title(base) == "Why runners get back pain, revised"}
            time.sleep(0.25)
        assert seen == {one, two}


# Run by `manage.py shell`: an editor's save whose transaction stays open until the test says so.
HELD_SAVE = """
import pathlib, time
from django.db import transaction
from backpain.content.models import Article
with transaction.atomic():
    article = Article.objects.get(slug="{slug}")
    article.title = "Saved while a transaction was open"
    article.save()
    print("saved", flush=True)
    while not pathlib.Path("{gate}").exists():
        time.sleep(0.05)
print("committed", flush=True)
"""


def test_another_server_sees_a_save_only_after_it_commits_and_then_for_good(tmp_path, redis_url):
    """The version moves after the commit: a server that looks in between must not keep old rows
    under the new version (it would serve them for a day)."""
    env = deployed_copy(tmp_path, REDIS_URL=redis_url)
    store = redis.Redis.from_url(redis_url)
    with gunicorn(env, workers=1) as one, gunicorn(env, workers=1) as two:
        title = article_title(one)
        assert article_title(two) == title
        version = store.keys("backpain:*:content-version*")
        before = {key: store.get(key) for key in version}
        gate = tmp_path / "commit-now"
        script = HELD_SAVE.format(slug=ARTICLE.split("/")[2], gate=gate)
        editor = subprocess.Popen([sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        try:
            assert editor.stdout.readline().strip() == "saved"
            # Longer than a server keeps its copy of the version (2 s): both look again meanwhile.
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                assert article_title(one) == title and article_title(two) == title
                time.sleep(0.25)
            assert {key: store.get(key) for key in version} == before, "the version moved before the commit"
            gate.touch()
            assert editor.stdout.readline().strip() == "committed"
        finally:
            gate.touch()
            editor.wait(timeout=30)
        assert editor.returncode == 0
        deadline = time.monotonic() + 10
        seen = set()
        while time.monotonic() < deadline and len(seen) < 2:
            seen |= {base for base in (one, two) if article_title(base) == "Saved while a transaction was open"}
            time.sleep(0.25)
        assert seen == {one, two}
