"""Faults against a real server: gunicorn with production settings, and the database taken away."""

import os
import shutil
import subprocess
import tempfile
from contextlib import suppress
from pathlib import Path

import pytest

from tests.live import deployed_copy, fetch, free_port, gunicorn, manage, production_env

pytestmark = pytest.mark.live  # starts servers of its own: make test-fast leaves it out


@pytest.fixture
def server(tmp_path):
    env = deployed_copy(tmp_path)
    with gunicorn(env) as base:
        yield base, tmp_path / "site.sqlite3"


class PostgreSQL:
    """A throwaway PostgreSQL cluster of its own, so stopping it leaves the suite's database alone."""

    def __init__(self):
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda path: int(path.parts[-3]))
        if not found:
            pytest.fail("PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does this)")
        self.bin = found[-1].parent
        self.data = Path(tempfile.mkdtemp(prefix="backpain-pgfault-"))  # not under pytest's private tmp:
        self.port = free_port()  # the postgres user must reach it

    def _run(self, *command):
        if os.getuid() == 0:  # PostgreSQL refuses to run as root
            command = ("runuser", "-u", "postgres", "--", *command)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def init(self):
        if os.getuid() == 0:
            shutil.chown(self.data, "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def start(self):
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.data / "log"), "-w",
                  "-o", f"-h 127.0.0.1 -p {self.port} -k {self.data} -F", "start")

    def stop(self):
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def postgres():
    cluster = PostgreSQL()
    cluster.init()
    cluster.start()
    yield cluster
    with suppress(subprocess.CalledProcessError):  # already stopped
        cluster.stop()
    shutil.rmtree(cluster.data, ignore_errors=True)


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


def test_postgresql_stopped_gives_503_and_friendly_pages_then_recovers_without_restart(tmp_path, postgres):
    env = production_env(tmp_path, postgres.url)
    manage(env, ["migrate", "--noinput"], ["collectstatic", "--noinput"])
    with gunicorn(env) as base:
        assert fetch(base + "/healthz") == (200, "ok")
        assert fetch(base + "/guide/")[0] == 200

        postgres.stop()
        try:
            # Both workers' kept connections are now dead: each request must notice, not crash.
            for _ in range(4):
                assert fetch(base + "/healthz")[0] == 503
            status, html = fetch(base + "/search/?q=hamstring")
            assert status == 503
            assert "temporarily unavailable" in html
            assert "Traceback" not in html and "psycopg" not in html and "django" not in html.lower()
            status, html = fetch(base + "/guide/")
            assert status in (200, 503)
            assert "Traceback" not in html
        finally:
            postgres.start()

        assert fetch(base + "/healthz") == (200, "ok")
        assert fetch(base + "/search/?q=hamstring")[0] == 200
