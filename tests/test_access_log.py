"""A sheet's link in the access log (issue 29): a real gunicorn with an access log, asked for a sheet.

With the Dockerfile's logger class the line holds no token at all; with gunicorn's own logger it holds
the token, which shows nothing readable (the note, the names) to whoever reads the log."""

import re

import pytest
from django.core import signing
from django.test import override_settings

from backpain.access_log import redact
from backpain.prescribe.sheet import LEGACY_SALT, Line, Sheet, encode
from tests.live import deployed_copy, fetch, gunicorn, workdir
from tests.tokens import readable

NOTE = "Jane Doe, DOB 12/03/1981, after L4/5 discectomy"
SHEET = Sheet((Line("glute-bridge", sets=3, reps=10, hold=5),), note=NOTE, clinic="Riverside Physio",
              therapist="Sam Okafor")
WORDS = ["Jane Doe", "1981", "discectomy", "Riverside", "Okafor"]


def test_redact_hides_the_token_in_a_path_a_query_and_a_request_line():
    assert redact("/prescribe/sheet/AbC-_12/") == "/prescribe/sheet/[link]/"
    assert redact("GET /prescribe/?sheet=AbC-_12&x=1 HTTP/1.1") == "GET /prescribe/?sheet=[link]&x=1 HTTP/1.1"
    assert redact("sheet=AbC") == "sheet=[link]"
    assert redact("https://site.example/prescribe/sheet/.eJy:1a2b:xyz/") == "https://site.example/prescribe/sheet/[link]/"
    assert redact("/exercises/plank/") == "/exercises/plank/"


@pytest.fixture(scope="module")
def site():
    folder = workdir("access-log-")
    return folder, deployed_copy(folder)


def _line(site, *args) -> tuple[str, str]:
    folder, env = site
    log = folder / f"access-{len(args)}.log"
    with override_settings(SECRET_KEY=env["DJANGO_SECRET_KEY"]):
        token = encode(SHEET)
    with gunicorn(env, workers=1, args=["--access-logfile", str(log), *args]) as base:
        status, html = fetch(f"{base}/prescribe/sheet/{token}/")
        assert status == 200 and "discectomy" in html  # the server can read it
    lines = [line for line in log.read_text().splitlines() if "/prescribe/" in line]
    assert len(lines) == 1
    return token, lines[0]


@pytest.mark.live
def test_the_access_log_line_of_a_sheet_shows_no_token_with_our_logger(site):
    token, line = _line(site, "--logger-class", "backpain.access_log.RedactingLogger")
    assert "/prescribe/sheet/[link]/" in line and token not in line
    assert not any(word.lower() in line.lower() for word in WORDS)


@pytest.mark.live
def test_the_access_log_line_of_a_sheet_shows_nothing_readable_with_gunicorns_own_logger(site):
    token, line = _line(site)
    assert token in line  # gunicorn's own format logs the path
    logged = re.search(r"/prescribe/sheet/([^/ ]+)/", line).group(1)
    assert not any(word.lower() in line.lower() for word in WORDS)
    assert readable(logged, WORDS) == []


def _legacy_token() -> str:
    """A link as the builder made them before issue 29: signed, readable by anyone."""
    return signing.Signer(salt=LEGACY_SALT).sign_object(
        [1, [["glute-bridge", 3, 10, 5, 0, 7]], NOTE, "Riverside Physio", "Sam Okafor"], compress=True)


@pytest.mark.live
@pytest.mark.parametrize("sheet_page", ["sheet", "share"])
def test_an_old_link_is_moved_on_once_and_neither_log_line_holds_a_token(site, sheet_page):
    folder, env = site
    log = folder / f"access-old-{sheet_page}.log"
    with override_settings(SECRET_KEY=env["DJANGO_SECRET_KEY"]):
        old = _legacy_token()
    with gunicorn(env, workers=1, args=["--access-logfile", str(log),
                                        "--logger-class", "backpain.access_log.RedactingLogger"]) as base:
        status, html = fetch(f"{base}/prescribe/{sheet_page}/{old}/")  # urllib follows the 301
        assert status == 200 and ("discectomy" in html if sheet_page == "sheet" else "Copy the link" in html)
    lines = [line for line in log.read_text().splitlines() if "/prescribe/" in line]
    assert [re.search(r'" (\d{3}) ', line).group(1) for line in lines] == ["301", "200"], lines
    for line in lines:
        assert f"/prescribe/{sheet_page}/[link]/" in line, line
        assert old not in line and old.split(":")[0] not in line
        assert not any(word.lower() in line.lower() for word in WORDS), line
