"""Real servers for the tests that need more than Django's test client: gunicorn with production
settings (DEBUG off) on 127.0.0.1, started and stopped by the test."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, opener=None, data=None):
    """(status, body) for a GET, or a POST when data (bytes) is given; errors are answers too."""
    opener = opener or urllib.request.build_opener()
    try:
        with opener.open(url, data=data, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def production_env(tmp_path, database_url, **extra) -> dict:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "backpain.settings", "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": database_url,
            "BACKPAIN_STATIC_ROOT": str(tmp_path / "static"), **extra}


def manage(env, *commands):
    """Run manage.py commands, each a list, as a deploy would."""
    for command in commands:
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)


@contextmanager
def gunicorn(env, workers=2):
    """Serve with production settings; yields the base URL once /healthz answers."""
    port = free_port()
    process = subprocess.Popen([str(BIN / "gunicorn"), "backpain.wsgi", "--bind", f"127.0.0.1:{port}",
                                "--workers", str(workers), "--log-level", "critical"],
                               cwd=ROOT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(base + "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
