"""`make bench`: the app under gunicorn with production settings, driven by wrk.

Each page gets CONNECTIONS connections for SECONDS seconds. The ceiling is the same article's HTML
saved as a static file and served by the same gunicorn through WhiteNoise, in the same run.
Run from the project root: .venv/bin/python tests/tools/bench.py
"""

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.live import ROOT, gunicorn, prepare, workdir  # noqa: E402

PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
ARTICLE = "/articles/why-runners-get-back-pain/"
# A quick look at some pages: BENCH_PAGES="checker POST,home" (the static ceiling is always measured).
ONLY = {name.strip() for name in os.environ.get("BENCH_PAGES", "").split(",") if name.strip()}

PLAN_QUERY = "start=2027-01-04&sessions=3&stage=1"

PAGES = [
    ("home", "/"),
    ("article", ARTICLE),
    ("guide index", "/guide/"),
    ("cause", "/causes/tight-hip-flexors/"),
    ("anatomy", "/anatomy/facet-joints/"),
    ("library", "/exercises/"),
    ("exercises, filtered", "/exercises/?category=static-stretch&area=hamstrings"),
    ("exercise", "/exercises/glute-bridge/"),
    ("flare-up card", "/flare-up-plan/"),
    ("search", "/search/?q=hip+flexor+stretch"),
    ("checker form", "/checker/"),
    ("checker POST", "/checker/"),
    ("how it decides", "/checker/how-it-decides/"),
    ("routine builder", "/routine/?run=tempo&warmup=10&cooldown=10&focus=core&equipment=mat"),
    ("routine sheet", "/routine/sheet/?run=tempo&warmup=10&cooldown=10&focus=core&equipment=mat"),
    ("running start", "/return-to-running/"),
    ("running plan", f"/return-to-running/plan/?{PLAN_QUERY}"),
    ("running card", f"/return-to-running/card/?{PLAN_QUERY}"),
    ("run mode", "/return-to-running/run/?stage=3&sessions=3"),
    ("check-in form", "/return-to-running/check-in/?stage=3&sessions=3"),
    ("physio builder", "/prescribe/"),
    ("physio sheet", "/prescribe/sheet/{token}/"),
    ("static ceiling", "/static/bench/article.html"),
]

CHECKER_ANSWERS = {
    "saddle_numbness": "no", "bladder_bowel": "no", "sexual_function": "no", "both_legs": "no",
    "leg_weakness": "no", "serious_accident": "no", "chest_pain": "no", "fever": "no",
    "weight_loss": "no", "cancer_history": "no", "back_shape": "no", "night_pain": "no",
    "upper_back": "no", "cough_sneeze": "no", "sudden_onset": "no", "bone_weakness": "no",
    "collapse_signs": "no", "tearing_pain": "no", "very_unwell": "no", "urinary_symptoms": "no",
    "pulsing_tummy": "no", "pregnant": "no", "recent_birth": "no",
    "age": "34", "infection_risk": "no", "leg_pain": "none", "leg_tingling": "no",
    "duration": "under_1_week", "improving": "yes", "severe_or_worse": "no", "stops_activity": "no",
    "worse_during_run": "no", "cut_training": "no", "stiffness_persists": "no", "extension_pain": "no",
    "energy_bone": "no", "worried": "no",
}


def physio_sheet_token(environ: dict) -> str:
    """A physiotherapist's sheet link, sealed with this server's secret key (as the builder makes it)."""
    code = ("from backpain.prescribe.sheet import Line, Sheet, encode; "
            "print(encode(Sheet((Line('glute-bridge', sets=3, reps=10, hold=5), Line('cat-cow', reps=8)), "
            "note='Twice a day.', clinic='Riverside Physio', therapist='Sam Okafor')))")
    run = subprocess.run([sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, env=environ,
                         capture_output=True, text=True, check=True)
    return run.stdout.split()[-1]  # the last line: shell may say first what it imported


def checker_lua(base: str, folder: Path) -> Path:
    """A wrk script that POSTs a full set of answers with a valid CSRF token and cookie."""
    with urllib.request.urlopen(f"{base}/checker/") as response:
        html = response.read().decode()
        cookie = response.headers.get("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = "&".join(f"{k}={v}" for k, v in {**CHECKER_ANSWERS, "csrfmiddlewaretoken": token}.items())
    script = folder / "checker_post.lua"
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
        raise SystemExit("make bench needs wrk: scripts/system-packages wrk")
    folder = workdir("backpain-bench-")
    environ = prepare(folder, os.environ.get("BENCH_DATABASE_URL"))
    with gunicorn(environ, WORKERS, PORT) as base, urllib.request.urlopen(base + ARTICLE) as response:
        article_html = response.read()
    # The ceiling: the same HTML as a static file, served by the same gunicorn and WhiteNoise.
    (folder / "static" / "bench").mkdir(parents=True, exist_ok=True)
    (folder / "static" / "bench" / "article.html").write_bytes(article_html)

    token = physio_sheet_token(environ)
    pages = [(name, path.replace("{token}", token)) for name, path in PAGES
             if not ONLY or name in ONLY or name == "static ceiling"]
    results = {}
    try:
        with gunicorn(environ, WORKERS, PORT) as base:
            lua = checker_lua(base, folder)
            for name, path in pages:
                posting = name == "checker POST"
                if not posting:
                    urllib.request.urlopen(base + path).read()  # warm the page cache
                extra = ["-s", str(lua)] if posting else []
                run = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *extra,
                                      base + path], capture_output=True, text=True, check=True)
                results[name] = parse_wrk(run.stdout)
                print(f"  measured {name}", file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    ceiling = results["static ceiling"]["rps"]
    print(f"\nwrk: {CONNECTIONS} connections, {SECONDS} s per page, gunicorn {WORKERS} workers, "
          f"DEBUG off, {os.cpu_count()} cores shared with wrk\n")
    print("| page | req/s | p50 ms | p99 ms | errors | non-2xx | vs static |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, _ in pages:
        r = results[name]
        print(f"| {name} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {r['non2xx']} "
              f"| {r['rps'] / ceiling:.0%} |")


if __name__ == "__main__":
    main()
