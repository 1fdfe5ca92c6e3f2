"""`make bench`: the app under gunicorn with production settings, driven by wrk.

Each page gets CONNECTIONS connections for SECONDS seconds. The ceiling is the same article's HTML
saved as a static file and served by the same gunicorn through WhiteNoise, in the same run.
Run from the project root: .venv/bin/python tests/load/bench.py
"""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BIN = Path(sys.executable).parent
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://{HOST}:{PORT}"
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
ARTICLE = "/articles/why-runners-get-back-pain/"

PAGES = [
    ("home", "/"),
    ("article", ARTICLE),
    ("cause", "/causes/tight-hip-flexors/"),
    ("exercises, filtered", "/exercises/?category=static-stretch&area=hamstrings"),
    ("search", "/search/?q=hip+flexor+stretch"),
    ("checker form", "/checker/"),
    ("checker POST", "/checker/"),
    ("routine sheet", "/routine/sheet/?run_type=tempo&warmup_minutes=10&cooldown_minutes=10&focus=core&equipment=mat"),
    ("static ceiling", "/static/bench/article.html"),
]

CHECKER_ANSWERS = {
    "saddle_numbness": "no", "bladder_bowel": "no", "sexual_function": "no", "both_legs": "no",
    "leg_weakness": "no", "serious_accident": "no", "chest_pain": "no", "fever": "no",
    "weight_loss": "no", "cancer_history": "no", "back_shape": "no", "night_pain": "no",
    "upper_back": "no", "cough_sneeze": "no", "minor_fall": "no", "bone_weakness": "no",
    "age": "34", "infection_risk": "no", "leg_pain": "none", "leg_tingling": "no",
    "duration": "under_1_week", "improving": "yes", "severe_or_worse": "no", "stops_activity": "no",
    "worse_during_run": "no", "cut_training": "no", "stiffness_persists": "no", "extension_pain": "no",
    "energy_bone": "no", "worried": "no",
}


def env(db_path: Path, static_root: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backpain.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{db_path}"),
        "BACKPAIN_STATIC_ROOT": str(static_root),
    }


def manage(environ, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=environ, check=True, stdout=subprocess.DEVNULL)


def start_server(environ):
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "backpain.wsgi", "--bind", f"{HOST}:{PORT}", "--workers", str(WORKERS),
         "--log-level", "warning"], cwd=ROOT, env=environ, start_new_session=True)
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
    stop_server(server)
    raise SystemExit("gunicorn did not start")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=20)


def checker_lua(workdir: Path) -> Path:
    """A wrk script that POSTs a full set of answers with a valid CSRF token and cookie."""
    with urllib.request.urlopen(f"{BASE}/checker/") as response:
        html = response.read().decode()
        cookie = response.headers.get("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = "&".join(f"{k}={v}" for k, v in {**CHECKER_ANSWERS, "csrfmiddlewaretoken": token}.items())
    script = workdir / "checker_post.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        f'wrk.body = "{body}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f'wrk.headers["Cookie"] = "{cookie}"\n'
    )
    return script


def parse_wrk(output: str) -> dict:
    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": rps, "p50": latency("50"), "p99": latency("99"),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "errors": sum(int(n) for n in errors.groups()) if errors else 0,
    }


def main():
    if not shutil.which("wrk"):
        raise SystemExit("make bench needs wrk: apt-get install -y wrk")
    workdir = Path(tempfile.mkdtemp(prefix="backpain-bench-"))
    static_root = workdir / "static"
    environ = env(workdir / "bench.sqlite3", static_root)
    manage(environ, "migrate", "--noinput")
    manage(environ, "load_content")
    manage(environ, "collectstatic", "--noinput")
    server = start_server(environ)
    try:
        with urllib.request.urlopen(BASE + ARTICLE) as response:
            article_html = response.read()
    finally:
        stop_server(server)
    (static_root / "bench").mkdir(parents=True, exist_ok=True)
    (static_root / "bench" / "article.html").write_bytes(article_html)

    server = start_server(environ)
    results = {}
    try:
        lua = checker_lua(workdir)
        for name, path in PAGES:
            extra = ["-s", str(lua)] if name == "checker POST" else []
            urllib.request.urlopen(BASE + path).read() if name != "checker POST" else None  # warm the cache
            run = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *extra, BASE + path],
                                 capture_output=True, text=True, check=True)
            results[name] = parse_wrk(run.stdout)
            print(f"  measured {name}", file=sys.stderr)
    finally:
        stop_server(server)
        shutil.rmtree(workdir, ignore_errors=True)

    ceiling = results["static ceiling"]["rps"]
    print(f"\nwrk: {CONNECTIONS} connections, {SECONDS} s per page, gunicorn {WORKERS} workers, "
          f"DEBUG off, {os.cpu_count()} cores shared with wrk\n")
    print("| page | req/s | p50 ms | p99 ms | errors | non-2xx | vs static |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, _ in PAGES:
        r = results[name]
        print(f"| {name} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {r['non2xx']} "
              f"| {r['rps'] / ceiling:.0%} |")


if __name__ == "__main__":
    main()
