"""Single-request server time of every page `make bench` measures: the median of ROUNDS requests, one
at a time, through Django's test client with production settings (DEBUG off) on a deployed SQLite site.

No network and no gunicorn: what a request costs the app alone. Cached pages are measured warm.
Run from the project root: .venv/bin/python tests/tools/timings.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.live import prepare, workdir  # noqa: E402
from tests.tools.bench import CHECKER_ANSWERS, PAGES  # noqa: E402

ROUNDS = int(os.environ.get("TIMING_ROUNDS", "50"))


def main():
    folder = workdir("backpain-timings-")
    os.environ.update(prepare(folder))
    import django

    django.setup()
    from django.test import Client

    from backpain.prescribe.sheet import Line, Sheet, encode

    token = encode(Sheet((Line("glute-bridge", sets=3, reps=10, hold=5), Line("cat-cow", reps=8)),
                         note="Twice a day.", clinic="Riverside Physio", therapist="Sam Okafor"))
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"| page | median ms of {ROUNDS} |")
    print("| --- | ---: |")
    for name, path in PAGES:
        if name == "static ceiling":
            continue
        path = path.replace("{token}", token)
        def request(path=path, name=name):
            if name == "checker POST":
                return client.post(path, CHECKER_ANSWERS)
            return client.get(path)
        response = request()  # warm: imports, templates, caches
        assert response.status_code == 200, (name, response.status_code)
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            request()
            times.append((time.perf_counter() - started) * 1000)
        print(f"| {name} | {statistics.median(times):.1f} |", flush=True)


if __name__ == "__main__":
    main()
