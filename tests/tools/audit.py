"""`make audit`: Lighthouse (mobile preset) on a production-settings server, against Debian's Chromium.

Prints the four category scores per page and exits non-zero if a page misses a target.
Run from the project root: .venv/bin/python tests/tools/audit.py
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.live import ROOT, gunicorn, prepare, workdir  # noqa: E402

PORT = int(os.environ.get("AUDIT_PORT", "8766"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    ("home", "/"),
    ("article", "/articles/why-runners-get-back-pain/"),
    ("exercise library", "/exercises/"),
    ("exercise (moving figure, timer)", "/exercises/plank/"),
    ("cause", "/causes/tight-hip-flexors/"),
    ("physio's sheet builder", "/prescribe/"),
    ("symptom checker", "/checker/"),
    ("routine sheet", "/routine/sheet/?run=easy&warmup=10&cooldown=10"),
    ("return-to-running plan", "/return-to-running/plan/?start=2027-01-04&sessions=3&stage=1"),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
         "--disable-component-update --disable-sync --no-first-run")


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("make audit needs Lighthouse: npm ci (package.json)")
    folder = workdir("backpain-audit-")
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    rows, failures = [], []
    environ = prepare(folder)
    try:
        with gunicorn(environ, workers=3, port=PORT) as base:
            for name, path in PAGES:
                out = reports / f"lighthouse-{name.replace(' ', '-')}.json"
                command = [str(LIGHTHOUSE), base + path, "--output=json", f"--output-path={out}", "--quiet",
                           f"--chrome-flags={FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
                for attempt in range(3):  # headless Chromium now and then loses the trace (NO_NAVSTART)
                    run = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=False)
                    if run.returncode == 0:
                        break
                    print(f"  {name}: Lighthouse failed (attempt {attempt + 1}), retrying", file=sys.stderr)
                else:
                    raise SystemExit(f"Lighthouse could not audit {name}")
                report = json.loads(out.read_text())
                scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
                rows.append((name, scores))
                for category, target in TARGETS.items():
                    if scores[category] < target:
                        failed = [a["id"] for a in report["audits"].values()
                                  if a.get("score") is not None and a["score"] < 1
                                  and a.get("scoreDisplayMode") in ("binary", "numeric")][:8]
                        failures.append(f"{name}: {category} {scores[category]} < {target} ({', '.join(failed)})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print("\nLighthouse 12 (mobile preset), production settings, Debian Chromium\n")
    print("| page | Performance | Accessibility | Best Practices | SEO |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, s in rows:
        print(f"| {name} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} |")
    if failures:
        print("\nBelow target:\n" + "\n".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
