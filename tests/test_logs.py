"""backpain/logs.py: no log line carries a sheet's link (issue 29), through real requests."""

import logging

import pytest

from backpain.logs import RedactSheetLinks, redact
from backpain.prescribe.sheet import Line, Sheet, encode

NOTE = "Jane Doe, DOB 12/03/1981, after L4/5 discectomy"


@pytest.fixture
def token(settings):
    return encode(Sheet((Line("glute-bridge", sets=3, reps=10, hold=5),), note=NOTE))


@pytest.mark.parametrize("path", ["/prescribe/sheet/{}/", "/prescribe/share/{}/"])
def test_a_damaged_link_is_a_400_whose_warning_names_the_page_but_not_the_token(client, caplog, token, path):
    damaged = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
    with caplog.at_level("WARNING"):
        response = client.get(path.format(damaged))
    assert response.status_code == 400
    lines = [record.getMessage() for record in caplog.records if record.name == "django.request"]
    assert lines == [f"Bad Request: {path.format('[link]')}"], lines
    assert damaged not in caplog.text and damaged[:20] not in caplog.text


def test_a_page_not_found_under_a_sheet_link_is_logged_without_it(client, caplog, token):
    with caplog.at_level("WARNING"):
        assert client.get(f"/prescribe/sheet/{token}/extra/").status_code == 404
    assert "Not Found: /prescribe/sheet/[link]/extra/" in caplog.text and token not in caplog.text


def test_any_logger_through_the_sites_handler_loses_the_token():
    record = logging.LogRecord("app", logging.INFO, __file__, 1, "GET %s %s", ("/prescribe/?sheet=abc:def", 200), None)
    assert RedactSheetLinks().filter(record) and record.getMessage() == "GET /prescribe/?sheet=[link] 200"


def test_redact_hides_new_and_old_tokens_in_sheet_and_share_paths():
    assert redact("/prescribe/share/AbC-_12/") == "/prescribe/share/[link]/"
    assert redact("/prescribe/sheet/.eJyLjgUAARUAuQ:1a2b:x-Yz/") == "/prescribe/sheet/[link]/"
    assert redact("/prescribe/sheet/.eJy%3A1a2b%3Axyz/") == "/prescribe/sheet/[link]/"  # percent-encoded colons
    assert redact("/exercises/plank/") == "/exercises/plank/"
