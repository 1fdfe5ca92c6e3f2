"""Every page type, and the htmx fragments, are valid HTML by the Nu Html Checker (vnu).

The pages are rendered with the test client over the real content set, saved into one folder and
checked in one Java run (a JVM start costs seconds; one per page would cost a minute). The checker is
the npm package vnu-jar (package.json, installed by `make test`) run with the machine's Java
(scripts/system-packages java). Without them the test is skipped, except under `make test`, which
sets BACKPAIN_REQUIRE_VNU=1 so a missing checker fails instead of passing quietly.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.checker_answers import answers

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTMX = {"HTTP_HX_REQUEST": "true"}
ROUTINE = "/routine/?run=tempo&warmup=10&cooldown=10&focus=core&equipment=mat"
PLAN = "/return-to-running/plan/?start=2027-01-04&sessions=3&stage=1"
CHECK_IN = {"emergency": "no", "stage": "4", "pain_during": "2", "morning": "usual", "finished": "2"}

# name: (method, url, data, htmx). A fragment is checked inside a minimal document (see wrap()).
PAGES = {
    "home": ("get", "/", None, False),
    "guide": ("get", "/guide/", None, False),
    "article": ("get", "/articles/why-runners-get-back-pain/", None, False),
    "cause": ("get", "/causes/tight-hip-flexors/", None, False),
    "anatomy": ("get", "/anatomy/hip-flexors/", None, False),
    "exercise-library": ("get", "/exercises/", None, False),
    "exercise-library-filtered": ("get", "/exercises/?area=hips", None, False),
    "exercise": ("get", "/exercises/hip-flexor-stretch/", None, False),
    "search": ("get", "/search/?q=hamstring", None, False),
    "search-empty": ("get", "/search/", None, False),
    "search-warning-sign": ("get", "/search/?q=numb+bum", None, False),
    "search-page-2": ("get", "/search/?q=stretch&page=2", None, False),
    "search-nothing": ("get", "/search/?q=plonks", None, False),
    "about": ("get", "/about/", None, False),
    "privacy": ("get", "/privacy/", None, False),
    "not-found": ("get", "/no-such-page/", None, False),
    "feedback": ("get", "/feedback/?page=/&helpful=no", None, False),
    "feedback-errors": ("post", "/feedback/", {"page": "/", "helpful": "maybe"}, False),
    "checker": ("get", "/checker/", None, False),
    "checker-how-it-decides": ("get", "/checker/how-it-decides/", None, False),
    "checker-self-care": ("post", "/checker/", answers(), False),
    "checker-emergency": ("post", "/checker/", answers(saddle_numbness="yes"), False),
    "checker-errors": ("post", "/checker/", {"fever": "yes", "age": "abc"}, False),
    "routine": ("get", "/routine/", None, False),
    "routine-built": ("get", ROUTINE, None, False),
    "routine-bad-input": ("get", "/routine/?warmup=99&include=nothing-like-it", None, False),
    "routine-sheet": ("get", ROUTINE.replace("/routine/", "/routine/sheet/"), None, False),
    "running-start": ("get", "/return-to-running/", None, False),
    "running-plan": ("get", PLAN, None, False),
    "running-card": ("get", PLAN.replace("/plan/", "/card/") + "&week=2", None, False),
    "running-check-in": ("get", "/return-to-running/check-in/", None, False),
    "running-decision": ("post", "/return-to-running/check-in/", CHECK_IN, False),
    # The htmx fragments each page swaps in.
    "fragment-exercise-results": ("get", "/exercises/?area=hips", None, True),
    "fragment-search-results": ("get", "/search/?q=plank&page=2", None, True),
    "fragment-feedback": ("get", "/feedback/?page=/&helpful=yes", None, True),
    "fragment-feedback-errors": ("post", "/feedback/", {"page": "/", "helpful": "maybe"}, True),
    "fragment-checker-step": ("post", "/checker/", {**answers(), "step": "emergency"}, True),
    "fragment-checker-step-errors": ("post", "/checker/", {"saddle_numbness": "no", "step": "emergency"}, True),
    "fragment-checker-advice": ("post", "/checker/", {**answers(saddle_numbness="yes"), "step": "advice"}, True),
    "fragment-routine-preview": ("get", ROUTINE, None, True),
    "fragment-running-decision": ("post", "/return-to-running/check-in/", CHECK_IN, True),
}


def wrap(fragment: str) -> str:
    """A fragment inside the smallest valid document, so only the fragment's own markup is judged."""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fragment</title></head>'
            f"<body><main>{fragment}</main></body></html>")


def vnu_command():
    java = shutil.which("java")
    if java and VNU_JAR.exists():
        # One short run: the quick compiler only and one GC thread take half the CPU of Java's defaults.
        return [java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU_JAR)]
    message = "the Nu Html Checker needs Java and node_modules/vnu-jar (`make test` installs both)"
    if os.environ.get("BACKPAIN_REQUIRE_VNU") == "1":
        pytest.fail(message)
    pytest.skip(message)


def test_every_page_type_and_fragment_is_valid_html(client, loaded, tmp_path):
    command = vnu_command()
    for name, (method, url, data, htmx) in PAGES.items():
        response = getattr(client, method)(url, data or {}, **(HTMX if htmx else {}))
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        html = response.content.decode()
        assert htmx == ("<!doctype" not in html.lower()[:50]), f"{name}: a page and a fragment told apart"
        (tmp_path / f"{name}.html").write_text(wrap(html) if htmx else html, encoding="utf-8")

    result = subprocess.run([*command, "--errors-only", "--format", "json", "--skip-non-html", str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}"
              f" [{m.get('extract', '').strip()[:120]}]" for m in messages]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stderr
