"""Faults against a real server: gunicorn with production settings, and the database taken away."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def server(tmp_path):
    port = free_port()
    db = tmp_path / "site.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "backpain.settings", "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_SECURE_SSL_REDIRECT": "0",
           "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": f"sqlite:///{db}",
           "BACKPAIN_STATIC_ROOT": str(tmp_path / "static")}
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    process = subprocess.Popen([str(BIN / "gunicorn"), "backpain.wsgi", "--bind", f"127.0.0.1:{port}",
                                "--workers", "2", "--log-level", "critical"],
                               cwd=ROOT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(base + "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    yield base, db
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def test_database_gone_gives_503_and_friendly_pages_then_recovers_without_restart(server):
    base, db = server
    assert fetch(base + "/healthz") == (200, "ok")
    assert fetch(base + "/guide/")[0] == 200

    away = db.with_suffix(".away")
    db.rename(away)
    try:
        assert fetch(base + "/healthz")[0] == 503
        # A page no process has in memory needs the database: a friendly 503, never a traceback.
        status, html = fetch(base + "/search/?q=hamstring")
        assert status == 503
        assert "temporarily unavailable" in html
        assert "Traceback" not in html and "django" not in html.lower()
        # A page a process still holds in memory may go on being served for a moment; either way
        # the visitor gets the page or the friendly 503, not an error.
        status, html = fetch(base + "/guide/")
        assert status in (200, 503)
        assert "Traceback" not in html
    finally:
        away.replace(db)  # the database comes back

    assert fetch(base + "/healthz") == (200, "ok")
    assert fetch(base + "/guide/")[0] == 200
