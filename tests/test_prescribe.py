"""The physiotherapist's sheet: the encrypted link (round trip, nothing readable, refusals), the
builder over real requests with and without htmx, the patient's page (escaping, fixed queries, missing exercises)."""

import base64
import contextlib
import json
import re
import zlib
from html import unescape

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core import signing
from django.test import override_settings
from hypothesis import given
from hypothesis import settings as settings_h
from hypothesis import strategies as st

from backpain.prescribe.sheet import (
    FORMAT,
    LEGACY_SALT,
    MAX_EXERCISES,
    MAX_TOKEN,
    PURPOSE,
    BadLink,
    Line,
    Sheet,
    decode,
    decode_legacy,
    encode,
    read,
)
from tests import factories
from tests.tokens import readable
from tests.xss import PAYLOADS, assert_harmless

BUILDER = "/prescribe/"
HTMX = {"HTTP_HX_REQUEST": "true"}

FULL = Sheet(
    lines=(Line("glute-bridge", sets=3, reps=12, hold=5, per_side=False, days=5),
           Line("side-plank", sets=2, reps=0, hold=30, per_side=True, days=3),
           Line("cat-camel", sets=1, reps=10, hold=0, per_side=False, days=7)),
    note="Keep the pain below 3 out of 10.\nStop if it spreads down the leg: “ask me” & <call>.",
    clinic="Riverside Physio", therapist="Sam Okafor",
)


def sheet_url(sheet: Sheet) -> str:
    return f"/prescribe/sheet/{encode(sheet)}/"


def html_of(response) -> str:
    return response.content.decode()


# --- The link ---------------------------------------------------------------------------------
def test_the_link_round_trips_every_field():
    assert decode(encode(FULL)) == FULL
    assert decode(encode(Sheet((Line("plank"),)))) == Sheet((Line("plank"),))


def test_the_link_is_compact():
    lines = tuple(Line(f"exercise-number-{n}", sets=3, reps=10, hold=5, per_side=True, days=5)
                  for n in range(MAX_EXERCISES))
    token = encode(Sheet(lines, note="x" * 400, clinic="c" * 80, therapist="t" * 80))
    assert len(token) < MAX_TOKEN


@pytest.mark.parametrize("sheet", [
    Sheet(()),
    Sheet(tuple(Line(f"e{n}") for n in range(MAX_EXERCISES + 1))),
    Sheet((Line("plank"), Line("plank"))),
    Sheet((Line("Not a slug!"),)),
    Sheet((Line("plank", sets=0),)),
    Sheet((Line("plank", hold=121),)),
    Sheet((Line("plank", sets=6),)),
    Sheet((Line("plank", reps=31),)),
    Sheet((Line("plank", time=1801),)),
    Sheet((Line("plank", days=8),)),
    Sheet((Line("plank"),), note="x" * 401),
])
def test_an_invalid_sheet_is_never_encoded(sheet):
    with pytest.raises(ValueError):
        encode(sheet)


def _edited(token: str) -> str:
    middle = len(token) // 2
    return token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1:]


def _foreign() -> str:
    with override_settings(SECRET_KEY="another-site-entirely-0123456789-abcdefghijklmnopqrstuvwxyz"):
        return encode(FULL)


def sealed(data, *, purpose=PURPOSE, version=FORMAT, compress=True) -> str:
    """Encrypted as this builder encrypts, over whatever data: a genuine seal on a wrong sheet."""
    plain = json.dumps(data).encode()
    plain = zlib.compress(plain) if compress else plain
    key = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=purpose).derive(
        settings.SECRET_KEY.encode())
    body = AESSIV(key).encrypt(plain, [purpose, bytes([version])])
    return base64.urlsafe_b64encode(bytes([version]) + body).rstrip(b"=").decode()


def legacy(data, compress=False):
    """Signed as the builder signed links before issue 29: valid, readable, not encrypted."""
    return signing.Signer(salt=LEGACY_SALT).sign_object(data, compress=compress)


FULL_ROWS = [["glute-bridge", 3, 12, 5, 0, 5], ["side-plank", 2, 0, 30, 1, 3], ["cat-camel", 1, 10, 0, 0, 7]]
ROWS = [[*row, 0, ""] for row in FULL_ROWS]  # this format's rows: slug, sets, reps, hold, side, days, time, note
BAD_TOKENS = {
    "another secret": _foreign,
    "edited": lambda: _edited(encode(FULL)),
    "truncated": lambda: encode(FULL)[:-6],
    "one character cut": lambda: encode(FULL)[:-1],
    "over the size limit": lambda: "a" * (MAX_TOKEN + 1),
    "garbage": lambda: "garbage",
    "not base64": lambda: "%%%%~~~~",
    "empty seal": lambda: base64.urlsafe_b64encode(bytes([FORMAT])).decode(),
    "another purpose": lambda: sealed([ROWS, "", "", ""], purpose=b"backpain.something.else"),
    "another format": lambda: sealed([ROWS, "", "", ""], version=9),
    "sealed, not compressed": lambda: sealed([ROWS, "", "", ""], compress=False),
    "sealed, a zip bomb": lambda: _bomb(),
    "sealed, wrong shape": lambda: sealed({"lines": []}),
    "sealed, a row too short": lambda: sealed([[row[:7] for row in ROWS], "", "", ""]),
    "sealed, a note too long": lambda: sealed([[["plank", 1, 0, 0, 0, 7, 0, "n" * 201]], "", "", ""]),
    "sealed, a number as note": lambda: sealed([[["plank", 1, 0, 0, 0, 7, 0, 5]], "", "", ""]),
    "sealed, a time too long": lambda: sealed([[["brisk-walk", 1, 0, 0, 0, 7, 99_999, ""]], "", "", ""]),
    "sealed, bad numbers": lambda: sealed([[["plank", 99, 0, 0, 0, 7, 0, ""]], "", "", ""]),
    "sealed, side not yes/no": lambda: sealed([[["plank", 1, 0, 0, 5, 7, 0, ""]], "", "", ""]),
    "sealed, a number as slug": lambda: sealed([[[7, 1, 0, 0, 0, 7, 0, ""]], "", "", ""]),
    "sealed, true as sets": lambda: sealed([[["plank", True, 0, 0, 0, 7, 0, ""]], "", "", ""]),
    "sealed, a float as reps": lambda: sealed([[["plank", 1, 2.5, 0, 0, 7, 0, ""]], "", "", ""]),
    "old format, edited": lambda: _edited(legacy([1, FULL_ROWS, "", "", ""])),
    "old format, payload only": lambda: legacy([1, FULL_ROWS, "", "", ""]).rsplit(":", 1)[0] + ":",
    "old format, other salt": lambda: signing.Signer(salt="another").sign_object([1, FULL_ROWS, "", "", ""]),
    "old format, bad numbers": lambda: legacy([1, [["plank", 0, -1, 0, 0, 9]], "", "", ""]),
}


def _bomb() -> str:
    """A genuine seal over a small token that inflates to megabytes."""
    plain = zlib.compress(b"[" * 5_000_000, 9)
    key = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=PURPOSE).derive(settings.SECRET_KEY.encode())
    body = AESSIV(key).encrypt(plain, [PURPOSE, bytes([FORMAT])])
    return base64.urlsafe_b64encode(bytes([FORMAT]) + body).rstrip(b"=").decode()


def test_a_genuine_seal_over_good_rows_opens():  # the control for the sealed bad tokens above
    assert decode(sealed([ROWS, "n", "c", "t"])) == Sheet(FULL.lines, "n", "c", "t")


def test_an_old_link_with_a_walk_in_its_hold_opens_with_it_as_a_time():
    old = legacy([1, [["brisk-walk", 1, 0, 600, 0, 7]], "", "", ""])
    assert decode_legacy(old).lines == (Line("brisk-walk", hold=0, time=600),)


def test_a_sheet_has_one_link_however_often_it_is_made():
    assert encode(FULL) == encode(FULL)  # deterministic AEAD: the same sheet, the same link and QR code


def test_the_link_reveals_nothing_without_the_key():
    token = encode(FULL)
    assert readable(token, ["Riverside", "Okafor", "pain below", "spreads", "glute", "bridge", "side-plank"]) == []
    # The check would find them in a link that is only signed (as links were before issue 29).
    old = legacy([1, FULL_ROWS, FULL.note, FULL.clinic, FULL.therapist], compress=True)
    assert readable(old, ["Riverside", "Okafor", "pain below"]) == ["Riverside", "Okafor", "pain below"]
    # Two sheets that differ in one letter of the note share nothing readable either.
    other = encode(Sheet(FULL.lines, FULL.note.replace("K", "k"), FULL.clinic, FULL.therapist))
    assert other != token and other[:12] != token[:12]


@settings_h(max_examples=200)
@given(position=st.integers(min_value=0), change=st.integers(min_value=1, max_value=255))
def test_every_change_to_a_byte_of_the_link_is_refused(position, change):
    raw = bytearray(base64.urlsafe_b64decode(encode(FULL) + "=="))
    raw[position % len(raw)] ^= change
    with pytest.raises(BadLink):
        decode(base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode())


@settings_h(max_examples=100)
@given(cut=st.integers(min_value=1), start=st.booleans())
def test_every_cut_of_the_link_is_refused(cut, start):
    token = encode(FULL)
    cut = cut % len(token) or 1
    with pytest.raises(BadLink):
        decode(token[cut:] if start else token[:-cut])


@settings_h(max_examples=200)
@given(st.text(max_size=MAX_TOKEN + 10))
def test_any_text_is_a_sheet_or_a_bad_link_never_an_error(text):
    with contextlib.suppress(BadLink):
        read(text)


def test_an_old_signed_link_still_opens_once_and_goes_to_its_encrypted_link(client, library):
    old = legacy([1, FULL_ROWS, FULL.note, FULL.clinic, FULL.therapist], compress=True)
    assert decode_legacy(old) == FULL
    response = client.get(f"/prescribe/sheet/{old}/")
    assert response.status_code == 301 and response["Location"] == sheet_url(FULL)
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "no-referrer"
    assert client.get(response["Location"]).status_code == 200
    # "Edit this sheet" from an old sheet opens it in the builder too.
    html = html_of(client.get(BUILDER, {"sheet": old}))
    assert lines_in(html) == FULL.slugs and 'value="Riverside Physio"' in html


def test_the_sheet_and_the_builder_are_never_stored_nor_named_in_a_referer(client, library):
    for response in (client.get(sheet_url(FULL)), client.get(f"/prescribe/share/{encode(FULL)}/")):
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "no-referrer"
    # The builder posts a form to itself: only the origin, never its address (see BUILDER_REFERRER).
    for response in (client.get(BUILDER), client.post(BUILDER, {"add": "plank"}),
                     client.get(BUILDER, {"sheet": encode(FULL)})):
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "strict-origin"


@pytest.mark.parametrize("make", BAD_TOKENS.values(), ids=BAD_TOKENS.keys())
def test_a_bad_link_is_refused(make):
    with pytest.raises(BadLink):
        decode(make())


@pytest.mark.parametrize("make", BAD_TOKENS.values(), ids=BAD_TOKENS.keys())
def test_a_bad_link_gets_a_friendly_400_page(client, db, make):
    for url in (f"/prescribe/sheet/{make()}/", f"{BUILDER}?sheet={make()}"):
        response = client.get(url)
        assert response.status_code == 400
        html = html_of(response)
        assert "This sheet link doesn't work" in html and "This link is damaged" in html
        assert "Ask your physiotherapist to send the sheet again" in html
        token = url.rsplit("/", 2)[-2] if "sheet=" not in url else url.split("sheet=")[1]
        assert len(token) < 8 or token not in html  # nothing of the link is echoed


@pytest.mark.parametrize("path", ["/prescribe/sheet/%00%ff/", "/prescribe/sheet/..%2F..%2Fetc/",
                                  "/prescribe/sheet/" + "x" * 5000 + "/"])
def test_odd_paths_are_400_not_500(client, db, path):
    assert client.get(path).status_code in (400, 404)


# --- The patient's page -----------------------------------------------------------------------
@pytest.fixture
def library(db):
    make = factories.make_exercise
    return {e.slug: e for e in [
        make(slug="glute-bridge", title="Glute bridge", sets=2, reps=10, hold_seconds=3,
             steps="Lie on your back.\nLift your hips.", cues="Squeeze your bottom.\nKeep ribs down."),
        make(slug="side-plank", title="Side plank", equipment=("mat",), sets=3, hold_seconds=20, per_side=True),
        make(slug="cat-camel", title="Cat-camel", category="mobility", sets=1, reps=10, hold_seconds=None),
        make(slug="brisk-walk", title="Brisk walk", category="aerobic", sets=None, hold_seconds=None,
             duration_seconds=300),
    ]}


def test_the_sheet_shows_pictures_steps_dose_days_note_and_qr(client, library):
    response = client.get(sheet_url(FULL))
    assert response.status_code == 200
    html = html_of(response)
    assert "Glute bridge" in html and "Side plank" in html and "Cat-camel" in html
    assert "<li>Lie on your back.</li>" in html and "Squeeze your bottom." in html
    assert "3 sets of 12 reps, hold 5\xa0s, 5 days a week" in html
    assert "Hold 30\xa0s, 2 times each side, 3 days a week" in html
    assert "10 reps, every day" in html
    assert 'class="qr-code"' in html and "Riverside Physio" in html and "Sam Okafor" in html
    assert html.count('class="box"') == 3 * 7
    assert "Stop if it spreads down the leg: “ask me” &amp; &lt;call&gt;." in html
    assert "<br>" in html.split('class="rx-note"')[1].split("</section>")[0]  # the note's line break
    # Edit: the builder, with the same sheet in the link.
    assert f'href="{BUILDER}?sheet={encode(FULL)}"' in html
    # Nothing of the sheet leaves the page as feedback, and search engines are told to keep out.
    assert "page-feedback" not in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "no-referrer"


def test_holds_get_a_timer_that_starts_hidden_and_reps_alone_do_not(client, library):
    html = html_of(client.get(sheet_url(FULL)))
    timers = re.findall(r'<section class="timer"[^>]*>', html)
    assert len(timers) == 2  # glute bridge (5 s holds) and side plank; cat-camel has none
    assert all(" hidden" in tag for tag in timers)
    assert 'data-hold="30"' in html and 'data-sides="2"' in html and 'data-reps="1"' in html
    assert "/static/js/timer.js" in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_note_and_names_are_escaped(client, library, payload):
    sheet = Sheet((Line("glute-bridge"),), note=payload[:400], clinic=payload[:80], therapist=payload[:80])
    html = html_of(client.get(sheet_url(sheet)))
    note = html.split('class="rx-note"')[1].split("</section>")[0]
    facts = html.split('class="rx-sender"')[1].split("</p>")[0]
    assert_harmless(note)
    assert_harmless(facts)
    assert unescape(re.sub(r"<br>\n?", "\n", note.split("<p>")[1].split("</p>")[0])) == payload[:400]


@pytest.mark.parametrize("count", [3, 12])
def test_the_sheet_costs_a_fixed_number_of_queries(client, db, django_assert_max_num_queries, count):
    exercises = [factories.make_exercise() for _ in range(count)]
    sheet = Sheet(tuple(Line(e.slug, hold=5) for e in exercises), note="Daily.")
    with django_assert_max_num_queries(1):
        response = client.get(sheet_url(sheet))
    assert response.status_code == 200
    assert html_of(response).count('class="rx-item"') == count


def test_a_sheet_still_opens_after_an_exercise_is_deleted_or_renamed(client, library):
    token_url = sheet_url(FULL)
    library["side-plank"].delete()
    library["glute-bridge"].title = "Bridge"
    library["glute-bridge"].save()
    response = client.get(token_url)
    assert response.status_code == 200
    html = unescape(html_of(response))
    assert "One exercise on this sheet is no longer in our library" in html
    assert "“Side plank”" in html  # named from its link, with its dose
    assert "Hold 30\xa0s, 2 times each side, 3 days a week" in html
    assert "1. Bridge" in html  # the new title
    # Editing it leaves the missing one off and says so.
    html = unescape(html_of(client.get(f"{BUILDER}?sheet={encode(FULL)}")))
    assert "No longer in the exercise library, so left off this copy: “side plank”." in html
    assert 'name="ex" value="glute-bridge"' in html and 'name="ex" value="side-plank"' not in html


# --- The builder ------------------------------------------------------------------------------
def lines_in(html: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="ex" value="([^"]+)">', html)


def test_the_builder_lists_the_library_with_filters_and_search(client, library):
    html = html_of(client.get(BUILDER))
    assert all(f'name="add" value="{slug}"' in html for slug in library)
    html = html_of(client.get(BUILDER, {"category": "mobility"}))
    assert 'value="cat-camel"' in html and 'value="glute-bridge"' not in html
    html = html_of(client.get(BUILDER, {"q": "plank"}))
    assert 'value="side-plank"' in html and 'value="cat-camel"' not in html
    html = html_of(client.get(BUILDER, {"equipment": "none"}))
    assert 'value="side-plank"' not in html and 'value="glute-bridge"' in html


def test_without_javascript_add_order_dose_and_make_the_link(client, library):
    html = html_of(client.post(BUILDER, {"add": "glute-bridge"}))
    assert lines_in(html) == ["glute-bridge"]
    assert 'name="sets-glute-bridge" id="sets-glute-bridge" value="2"' in html  # the library's dose to start
    assert "Added Glute bridge: 1 on the sheet." in html
    data = {"ex": ["glute-bridge"], "sets-glute-bridge": "3", "reps-glute-bridge": "12", "hold-glute-bridge": "5",
            "days-glute-bridge": "5"}
    html = html_of(client.post(BUILDER, {**data, "add": "side-plank"}))
    assert lines_in(html) == ["glute-bridge", "side-plank"]
    assert 'name="sets-glute-bridge" id="sets-glute-bridge" value="3"' in html  # kept what was typed
    data = {**data, "ex": ["glute-bridge", "side-plank"], "sets-side-plank": "2", "hold-side-plank": "30",
            "side-side-plank": "1", "days-side-plank": "3"}
    html = html_of(client.post(BUILDER, {**data, "up": "side-plank"}))
    assert lines_in(html) == ["side-plank", "glute-bridge"]
    html = html_of(client.post(BUILDER, {**data, "add": "cat-camel"}))
    assert lines_in(html) == ["glute-bridge", "side-plank", "cat-camel"]
    html = html_of(client.post(BUILDER, {**data, "ex": [*data["ex"], "cat-camel"], "drop": "cat-camel"}))
    assert lines_in(html) == ["glute-bridge", "side-plank"]
    response = client.post(BUILDER, {**data, "note": FULL.note, "clinic": "Riverside Physio",
                                     "therapist": "Sam Okafor", "make": "1"})
    assert response.status_code == 302
    sheet = decode(response["Location"].split("/")[-2])
    assert sheet == Sheet(FULL.lines[:2], FULL.note, "Riverside Physio", "Sam Okafor")


def test_with_htmx_the_form_is_swapped_and_making_the_link_redirects_the_page(client, library):
    response = client.post(BUILDER, {"add": "glute-bridge"}, **HTMX)
    html = html_of(response).strip()
    assert response.status_code == 200 and "HX-Request" in response["Vary"]
    assert html.startswith('<form id="builder"') and "<html" not in html
    assert 'id="builder-status" class="rx-status" role="status" data-hx-swap-oob="true"' in html
    response = client.post(BUILDER, {"ex": ["glute-bridge"], "make": "1"}, **HTMX)
    assert response.status_code == 200 and response["HX-Redirect"].startswith("/prescribe/share/")
    assert decode(response["HX-Redirect"].split("/")[-2]).slugs == ["glute-bridge"]


def test_the_builder_says_what_is_wrong_and_keeps_the_sheet(client, library):
    response = client.post(BUILDER, {"ex": ["glute-bridge"], "sets-glute-bridge": "99", "note": "n" * 401,
                                     "make": "1"})
    assert response.status_code == 400
    html = html_of(response)
    assert "Sets: a whole number from 1 to 5 (more than a home programme needs)." in html
    assert 'aria-invalid="true"' in html
    assert "Please keep it to 400 characters (this has 401)." in html
    assert lines_in(html) == ["glute-bridge"]
    response = client.post(BUILDER, {"make": "1"})
    assert response.status_code == 400 and "Add at least one exercise first." in html_of(response)


def test_a_sheet_holds_twelve_exercises_at_most(client, db):
    slugs = [factories.make_exercise().slug for _ in range(MAX_EXERCISES + 1)]
    html = html_of(client.post(BUILDER, {"ex": slugs[:MAX_EXERCISES], "add": slugs[-1]}))
    assert len(lines_in(html)) == MAX_EXERCISES
    assert f"A sheet holds {MAX_EXERCISES} exercises at most" in html


def test_unknown_and_repeated_exercises_in_the_form_are_dropped(client, library):
    html = html_of(client.post(BUILDER, {"ex": ["glute-bridge", "glute-bridge", "no-such", "<b>x</b>"],
                                         "add": "no-such-either"}))
    assert lines_in(html) == ["glute-bridge"]


def test_the_builder_costs_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    for n in (3, 12):
        slugs = [factories.make_exercise().slug for _ in range(n)]
        with django_assert_max_num_queries(4):
            client.post(BUILDER, {"ex": slugs})


def test_editing_a_sheet_gives_a_new_link_and_the_old_one_still_works(client, library):
    old = encode(FULL)
    html = html_of(client.get(BUILDER, {"sheet": old}))
    assert lines_in(html) == FULL.slugs
    assert 'name="hold-side-plank" id="hold-side-plank" value="30"' in html
    assert 'id="side-side-plank" checked' in html
    assert "Stop if it spreads down the leg" in html and 'value="Riverside Physio"' in html
    data = {"ex": FULL.slugs, "note": "Changed.", "make": "1"}
    for line in FULL.lines:
        data.update({f"sets-{line.slug}": line.sets, f"reps-{line.slug}": line.reps, f"hold-{line.slug}": line.hold,
                     f"days-{line.slug}": line.days})
    new = client.post(BUILDER, data)["Location"]
    assert new != f"/prescribe/sheet/{old}/" and decode(new.split("/")[-2]).note == "Changed."
    assert client.get(f"/prescribe/sheet/{old}/").status_code == 200


def test_the_heading_the_steps_and_the_timer_say_the_same_dose(client, db):
    """Issue 29: Bird dog set to 3 sets of 10 with a 5-second hold said "Hold for 3 seconds… Do 8"."""
    factories.make_exercise(slug="bird-dog", title="Bird dog", sets=2, reps=8, hold_seconds=3, per_side=True,
                            steps="Reach one arm forward.\nHold for {hold}, back flat.\nSwap sides. Do {reps}.")
    factories.make_exercise(slug="brisk-walk", title="Brisk walk", category="aerobic", sets=None, reps=None,
                            hold_seconds=None, duration_seconds=300, steps="Walk tall.\nKeep going for {time}.")
    sheet = Sheet((Line("bird-dog", sets=3, reps=10, hold=5, per_side=True), Line("brisk-walk", time=600, days=3)))
    html = html_of(client.get(sheet_url(sheet)))
    bird = html.split('data-slug="bird-dog"')[1].split('data-slug="brisk-walk"')[0]
    assert "3 sets of 10 reps, hold 5\xa0s each side, every day" in bird
    assert "<li>Hold for 5\xa0s, back flat.</li>" in bird and "<li>Swap sides. Do 10 reps each side.</li>" in bird
    assert 'data-sets="3" data-reps="10" data-hold="5" data-sides="2"' in bird
    assert not re.search(r"\b[2-48]\b", re.sub(r"<[^>]+>", "", bird.split('class="rx-steps"')[1].split("</ol>")[0]))
    walk = html.split('data-slug="brisk-walk"')[1]
    assert "10\xa0min, 3 days a week" in walk and "<li>Keep going for 10\xa0min.</li>" in walk
    # No hold on the sheet: the hold's sentence is left out, and the step keeps how to move.
    html = html_of(client.get(sheet_url(Sheet((Line("bird-dog", sets=2, reps=6, per_side=False),)))))
    assert "<li>Swap sides. Do 6 reps.</li>" in html and "Hold for" not in html and 'class="timer"' not in html


def test_the_builder_offers_a_time_for_a_timed_exercise_only(client, library):
    html = html_of(client.post(BUILDER, {"ex": ["glute-bridge"], "add": "brisk-walk"}))
    assert 'name="time-brisk-walk" id="time-brisk-walk" value="300"' in html  # the library's 5 minutes
    assert 'name="time-glute-bridge"' not in html
    response = client.post(BUILDER, {"ex": ["brisk-walk"], "time-brisk-walk": "600", "make": "1"})
    assert decode(response["Location"].split("/")[-2]).lines == (Line("brisk-walk", sets=1, time=600),)


# --- A note per exercise (issue 29) -------------------------------------------------------------
NOTED = Sheet((Line("glute-bridge", sets=3, reps=12, hold=5, note="Only up to where it stays comfortable.\nNo push."),
               Line("side-plank", hold=30, per_side=True)), note="General note.")


def test_a_note_per_exercise_travels_in_the_link_and_shows_under_its_exercise(client, library):
    assert decode(encode(NOTED)) == NOTED
    assert readable(encode(NOTED), ["comfortable", "push"]) == []
    html = html_of(client.get(sheet_url(NOTED)))
    bridge = html.split('data-slug="glute-bridge"')[1].split('data-slug="side-plank"')[0]
    assert ('<p class="rx-line-note"><strong>Note:</strong> Only up to where it stays comfortable.<br>No push.</p>'
            in bridge)
    assert html.count('class="rx-line-note"') == 1  # the side plank has none
    # The builder keeps it, on every step and when the sheet is opened to edit.
    html = html_of(client.get(BUILDER, {"sheet": encode(NOTED)}))
    assert "Only up to where it stays comfortable.\nNo push.</textarea>" in html
    assert '<label for="note-glute-bridge">Note for this exercise' in html


def test_a_note_per_exercise_is_made_in_the_builder_and_kept_when_too_long(client, library):
    data = {"ex": ["glute-bridge"], "sets-glute-bridge": "3", "reps-glute-bridge": "12", "hold-glute-bridge": "5",
            "note-glute-bridge": "  Slowly.  ", "make": "1"}
    sheet = decode(client.post(BUILDER, data)["Location"].split("/")[-2])
    assert sheet.lines[0].note == "Slowly."
    response = client.post(BUILDER, {**data, "note-glute-bridge": "n" * 201})
    assert response.status_code == 400
    html = html_of(response)
    assert "Please keep it to 200 characters (this has 201)." in html and "n" * 201 + "</textarea>" in html
    assert 'href="#note-glute-bridge"' in html and 'id="note-glute-bridge-error"' in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_note_per_exercise_is_escaped(client, library, payload):
    html = html_of(client.get(sheet_url(Sheet((Line("glute-bridge", note=payload[:200]),)))))
    note = html.split('class="rx-line-note"')[1].split("</p>")[0]
    assert_harmless(note)


# --- Honest names, capped doses (issue 29) -----------------------------------------------------------
def test_the_sheet_says_the_names_are_as_the_sender_wrote_them(client, library):
    html = unescape(html_of(client.get(sheet_url(FULL))))
    assert ("Sent by Sam Okafor, Riverside Physio (as written by the sender: Back on Track can't check who made "
            "this link)") in re.sub(r"<[^>]+>", "", html)
    html = html_of(client.get(sheet_url(Sheet((Line("plank"),)))))
    assert "Sent by" not in html  # no names, no claim


@pytest.mark.parametrize(("field", "value", "message"), [
    ("sets", "6", "Sets: a whole number from 1 to 5"), ("reps", "31", "Reps: a whole number from 0 to 30"),
    ("hold", "121", "Hold (seconds): a whole number from 0 to 120 (2 minutes at most"),
    ("hold", "ten", "Hold (seconds): a whole number from 0 to 120"),
    ("days", "8", "Days a week: a whole number from 1 to 7"),
])
def test_a_dose_over_its_cap_is_a_400_that_says_so_and_keeps_everything(client, library, field, value, message):
    data = {"ex": ["glute-bridge", "side-plank"], f"{field}-glute-bridge": value, "note": "Kept.",
            "note-side-plank": "Kept too.", "therapist": "Sam", "make": "1"}
    response = client.post(BUILDER, data)
    assert response.status_code == 400
    html = html_of(response)
    assert message in html and f'href="#{field}-glute-bridge"' in html
    assert lines_in(html) == ["glute-bridge", "side-plank"]
    assert ">Kept.</textarea>" in html and ">Kept too.</textarea>" in html and 'value="Sam"' in html


def test_an_old_link_over_todays_caps_opens_at_the_caps():
    old = legacy([1, [["plank", 10, 50, 60, 0, 7]], "", "", ""])
    assert decode_legacy(old).lines == (Line("plank", sets=5, reps=30, hold=60),)


# --- The sharing page (issue 29) -----------------------------------------------------------------
def test_making_the_link_leads_to_a_sharing_page_that_works_without_javascript(client, library):
    response = client.post(BUILDER, {"ex": ["glute-bridge"], "make": "1"})
    assert response.status_code == 302 and response["Location"].startswith("/prescribe/share/")
    token = response["Location"].split("/")[-2]
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "no-referrer"
    html = html_of(response)
    url = f"http://testserver/prescribe/sheet/{token}/"
    assert f'readonly data-share-link>{url}</textarea>' in html  # the link as text, to select and copy
    assert '<button type="button" data-copy-link hidden>' in html  # Copy and Share: only with the script
    assert "data-share-sheet data-share-title=\"Your home exercises\" hidden>" in html
    assert f'href="/prescribe/sheet/{token}/">Open the patient\'s view</a>' in html
    assert f'href="/prescribe/sheet/{token}/#print">Print</a>' in html
    assert 'class="qr-code"' in html and "scan this code from your screen" in html
    assert "data-template-save hidden" in html and "nothing is sent to or stored on our server" in html
    assert "/static/js/prescribe.js" in html and not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script


def test_the_builder_lists_templates_only_with_javascript_and_says_they_stay_in_the_browser(client, db):
    html = html_of(client.get(BUILDER))
    assert 'data-templates data-builder="/prescribe/" hidden' in html
    assert "Kept in this browser only, on this device: nothing is stored on our server." in html


@pytest.mark.parametrize("make", [BAD_TOKENS["edited"], BAD_TOKENS["another purpose"], BAD_TOKENS["garbage"]])
def test_a_bad_link_on_the_sharing_page_is_the_friendly_400(client, db, make):
    response = client.get(f"/prescribe/share/{make()}/")
    assert response.status_code == 400 and "This link is damaged" in html_of(response)


def _held_by_caches() -> bytes:
    """Every key and value the two caches hold, as bytes (pickled values as stored)."""
    from django.core.cache import caches
    from django.db import connection

    held = b""
    for name in ("local", "default"):
        store = caches[name]
        if hasattr(store, "_cache"):  # LocMemCache: this process's dict
            held += b"".join(key.encode() + bytes(value) for key, value in store._cache.items())
        else:  # DatabaseCache: its table, values base64 of a pickle
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT cache_key, value FROM {store._table}")  # noqa: S608 (our settings)
                held += b"".join(key.encode() + base64.b64decode(value) for key, value in cursor.fetchall())
    return held


@pytest.mark.django_db
def test_drawing_a_sheets_qr_code_keeps_nothing_of_it(client, library):
    # A sheet's link carries the patient's sheet: its QR code is drawn each time and kept by no cache.
    from backpain import qr

    token = encode(FULL)
    drawn = {name: f.cache_info().currsize for name, f in vars(qr).items() if hasattr(f, "cache_info")}
    for _ in range(2):
        for url in (sheet_url(FULL), f"/prescribe/share/{token}/"):
            response = client.get(url)
            assert response.status_code == 200 and 'class="qr-code"' in html_of(response), url
    assert {name: f.cache_info().currsize for name, f in vars(qr).items() if hasattr(f, "cache_info")} == drawn
    assert token.encode() not in _held_by_caches()
