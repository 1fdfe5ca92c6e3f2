"""A production-settings server for the load test and the Lighthouse audit: gunicorn, DEBUG off."""

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def prepare(workdir: Path) -> dict:
    """Environment for a fresh database with the content loaded and static files collected."""
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backpain.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'site.sqlite3'}"),
        "BACKPAIN_STATIC_ROOT": str(workdir / "static"),
    }
    for command in (["migrate", "--noinput"], ["load_content"], ["collectstatic", "--noinput"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=environ, check=True,
                       stdout=subprocess.DEVNULL)
    return environ


@contextmanager
def gunicorn(environ: dict, port: int, workers: int = 3):
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "backpain.wsgi", "--bind", f"{HOST}:{port}", "--workers", str(workers),
         "--log-level", "warning"], cwd=ROOT, env=environ, start_new_session=True)
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("gunicorn did not start")
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def workdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))
