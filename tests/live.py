"""Real servers for what needs more than Django's test client: gunicorn with production settings
(DEBUG off) on 127.0.0.1. Used by the fault and scaling tests, `make bench` and `make audit`."""

import fcntl
import functools
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import closing, contextmanager
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


def workdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))


def production_env(folder: Path, database_url: str | None = None, **extra) -> dict:
    """Production settings over plain HTTP, with the database (a SQLite file in folder by default)
    and static files in folder."""
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "backpain.settings", "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_HTTPS": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url or f"sqlite:///{folder / 'site.sqlite3'}",
            "BACKPAIN_STATIC_ROOT": str(folder / "static"), **extra}


def manage(env, *commands):
    """Run manage.py commands, each a list, as a deploy would."""
    for command in commands:
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)


def prepare(folder: Path, database_url: str | None = None) -> dict:
    """A deployed site: migrated, content loaded, static files collected. Returns its environment."""
    env = production_env(folder, database_url)
    manage(env, ["migrate", "--noinput"], ["load_content"], ["collectstatic", "--noinput"])
    return env


# The folder of the deployed site one test run shares: tests/conftest.py makes it new (mkdtemp) in the
# run's main process before pytest-xdist starts its workers, which inherit the variable, and removes
# it when the run ends. (Named by the main process's pid, a folder left by a killed run was taken,
# half made or out of date, by a later run that got the same pid.)
DEPLOYED_SITE = "BACKPAIN_TEST_DEPLOYED_SITE"


@functools.cache
def _deployed_once() -> Path:
    """One deployed site per test run, shared by pytest-xdist's workers: the first worker to need it
    makes it while the others wait on the lock file."""
    folder = Path(os.environ[DEPLOYED_SITE])
    with open(folder / "making.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "ready").exists():
            prepare(folder)
            with closing(sqlite3.connect(folder / "site.sqlite3")) as db:  # all in the one file, to copy
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            (folder / "ready").touch()
    return folder


def deployed_copy(folder: Path, **extra) -> dict:
    """A deployed SQLite site in folder, as prepare() makes it, copied from one made once per test
    run: migrate, load_content and collectstatic cost about 6 s of CPU, and several tests each
    need a site of their own to change or break. The collected static files are shared (servers only
    read them). Returns its environment, with extra settings."""
    made = _deployed_once()
    shutil.copyfile(made / "site.sqlite3", folder / "site.sqlite3")
    return production_env(folder, BACKPAIN_STATIC_ROOT=str(made / "static"), **extra)


@contextmanager
def gunicorn(env, workers=2, port=None, args=()):
    """Serve with production settings; yields the base URL once /healthz answers. args: more of
    gunicorn's options (an access log, a logger class)."""
    port = port or free_port()
    process = subprocess.Popen([str(BIN / "gunicorn"), "backpain.wsgi", "--bind", f"127.0.0.1:{port}",
                                "--workers", str(workers), "--log-level", "warning", *args],
                               cwd=ROOT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch(base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer on {base}/healthz within 30 s")
            time.sleep(0.1)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
