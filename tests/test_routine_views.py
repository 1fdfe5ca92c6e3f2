"""The routine builder and sheet over real requests: preview, sheet, preselection, bad input, queries."""

import re
from html import unescape

import pytest
from django.test import override_settings

from backpain.qr import qr_svg
from backpain.routines.forms import MINUTES_MESSAGE
from tests import factories

BUILDER, SHEET = "/routine/", "/routine/sheet/"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def library(db):
    """A small library with one of each kind the composer uses."""
    make = factories.make_exercise
    return {e.slug: e for e in [
        make(slug="brisk-walk", title="Brisk walk", category="aerobic", areas=("calves",), order=10, sets=None,
             hold_seconds=None, duration_seconds=300),
        make(slug="easy-jog", title="Easy jog", category="aerobic", areas=("calves",), order=20, sets=None,
             hold_seconds=None, duration_seconds=240),
        make(slug="leg-swings", title="Leg swings", category="dynamic-warmup", areas=("hips", "hamstrings"),
             order=30, sets=1, reps=10, hold_seconds=None, per_side=True,
             cues="Stand tall.\nSwing from the hip.\nThird cue stays off the sheet."),
        make(slug="strides", title="Strides", category="dynamic-warmup", areas=("hamstrings",), order=100,
             sets=4, hold_seconds=None, duration_seconds=20, difficulty="intermediate"),
        make(slug="plank", title="Forearm plank", category="activation", areas=("core",), equipment=("mat",),
             order=110, sets=3, hold_seconds=20),
        make(slug="glute-bridge", title="Glute bridge", category="activation", areas=("glutes", "core"), order=130,
             sets=2, reps=10, hold_seconds=3, illustration="img/exercises/glute-bridge.svg",
             illustration_alt="A person lifts their hips off the floor."),
        make(slug="standing-hamstring-stretch", title="Standing hamstring stretch", category="static-stretch",
             areas=("hamstrings", "lower-back"), order=240, sets=1, reps=2, hold_seconds=30, per_side=True),
        make(slug="childs-pose", title="Child's pose", category="static-stretch", areas=("lower-back",),
             equipment=("mat",), order=280, sets=1, reps=2, hold_seconds=30),
        make(slug="foam-roll-glutes", title="Foam rolling the glutes", category="foam-rolling", areas=("glutes",),
             equipment=("foam-roller",), order=320, sets=None, hold_seconds=None, duration_seconds=60,
             per_side=True),
    ]}


def html_of(response) -> str:
    return response.content.decode()


def is_checked(html: str, name: str, value: str) -> bool:
    tag = re.search(rf'<input type="(?:radio|checkbox)" name="{name}" value="{value}"[^>]*>', html).group(0)
    return " checked" in tag


def preview_of(html: str) -> str:
    start = html.index('<section id="preview"')
    return html[start:html.index("</section>", start) + len("</section>")]


def test_builder_shows_the_form_and_a_routine_by_default(client, library):
    response = client.get(BUILDER)
    html = html_of(response)
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    assert 'data-hx-get="/routine/"' in html and 'data-hx-trigger="change, submit"' in html
    assert 'data-hx-target="#preview"' in html and 'data-hx-push-url="true"' in html
    assert 'method="get"' in html and 'type="submit"' in html
    assert is_checked(html, "run", "easy") and not is_checked(html, "run", "race")
    preview = preview_of(html)
    assert "Your routine: 20" in preview
    assert preview.index("Warm-up") < preview.index("Cool-down")
    assert preview.index("Brisk walk") < preview.index("Leg swings")  # easy aerobic first
    assert "Foam rolling" not in preview  # no roller ticked
    assert "Forearm plank" not in preview  # no mat ticked
    assert 'href="/routine/sheet/?run=easy&amp;warmup=10&amp;cooldown=10"' in preview


def test_inputs_change_the_routine(client, library):
    html = html_of(client.get(BUILDER, {"run": "race", "warmup": "15", "cooldown": "12",
                                        "equipment": ["mat", "foam-roller"]}))
    preview = preview_of(html)
    assert "Your routine: 27" in preview
    assert "Strides" in preview and "Foam rolling the glutes" in preview and "Forearm plank" in preview
    assert preview.index("Easy jog") < preview.index("Leg swings")  # a jog before a race
    assert is_checked(html, "run", "race")


def test_htmx_gets_the_preview_partial_and_it_matches_the_full_page(client, library):
    params = {"run": "tempo", "warmup": "12", "focus": ["core", "glutes"], "equipment": "mat"}
    full = html_of(client.get(BUILDER, params))
    response = client.get(BUILDER, params, **HTMX)
    partial = html_of(response).strip()
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    assert partial.startswith('<section id="preview"') and "<html" not in partial and "<form" not in partial
    # The preview, then the notices at the top of the page, updated out of band.
    section = preview_of(full)
    assert partial.startswith(section)
    assert partial[len(section):].strip().startswith('<div id="routine-notices" class="routine-notices" '
                                                     'data-hx-swap-oob="true">')


@pytest.mark.parametrize("header", ["HTTP_HX_BOOSTED", "HTTP_HX_HISTORY_RESTORE_REQUEST"])
def test_boosted_and_history_restore_requests_get_the_whole_page(client, library, header):
    html = html_of(client.get(BUILDER, {"run": "hills"}, **HTMX, **{header: "true"}))
    assert "<html" in html and "<form" in html


def test_the_same_inputs_in_any_order_give_the_same_routine_and_link(client, library):
    one = preview_of(html_of(client.get(f"{BUILDER}?focus=glutes&run=long&focus=core&equipment=mat")))
    two = preview_of(html_of(client.get(f"{BUILDER}?equipment=mat&focus=core&focus=glutes&run=long"
                                        "&warmup=10&cooldown=10")))
    assert one == two
    assert ("/routine/sheet/?run=long&amp;warmup=10&amp;cooldown=10&amp;focus=core&amp;focus=glutes"
            "&amp;equipment=mat") in one


def test_arriving_from_an_exercise_page_includes_it(client, library):
    html = html_of(client.get(BUILDER, {"include": "glute-bridge"}))
    assert is_checked(html, "include", "glute-bridge") and not is_checked(html, "exclude", "glute-bridge")
    assert '<details class="choose" open>' in html
    item = re.search(r'<li class="routine-item" data-slug="glute-bridge".*?</li>', html, re.S).group(0)
    assert "you asked for this" in item


def test_an_included_exercise_needing_missing_kit_is_explained(client, library):
    html = html_of(client.get(BUILDER, {"include": "foam-roll-glutes"}))
    notices = notices_of(html)  # at the top of the page, not below the form
    assert "Foam rolling the glutes" in notices and "needs a foam roller" in notices
    assert 'data-slug="foam-roll-glutes"' not in preview_of(html)


def test_left_out_exercises_stay_out(client, library):
    html = html_of(client.get(BUILDER, {"exclude": ["brisk-walk", "leg-swings"]}))
    assert is_checked(html, "exclude", "leg-swings")
    preview = preview_of(html)
    assert 'data-slug="leg-swings"' not in preview and 'data-slug="brisk-walk"' not in preview


def test_arriving_from_the_symptom_checker_preselects_focus(client, library):
    html = html_of(client.get(BUILDER, {"focus": ["hips", "glutes"]}))
    assert is_checked(html, "focus", "hips") and is_checked(html, "focus", "glutes")
    assert not is_checked(html, "focus", "core")


@pytest.mark.parametrize("level", ["soon", "self_care", "urgent", "emergency", "maybe"])
def test_a_checker_level_in_an_old_link_is_never_read_or_carried_on(client, library, level):
    """Spec 2.1: no result level in an address. The checker links here only when it offers a routine."""
    response = client.get(BUILDER, {"triage": level, "focus": "hips"})
    html = html_of(response)
    assert response.status_code == 200 and 'id="preview"' in html
    assert "triage" not in html and "data-triage-level" not in html
    assert "triage" not in client.get(SHEET, {"triage": level, "focus": "hips"}).content.decode()


@override_settings(ALLOWED_HOSTS=["backontrack.example"])
def test_the_sheet_has_everything_to_print(client, library):
    params = {"run": "tempo", "warmup": "10", "cooldown": "10", "focus": "core", "equipment": "mat"}
    response = client.get(SHEET, params, HTTP_HOST="backontrack.example")
    html = html_of(response)
    assert response.status_code == 200
    # The sheet is always the whole page, so it need not vary on htmx.
    assert html_of(client.get(SHEET, params, HTTP_HOST="backontrack.example", **HTMX)) == html
    assert "<h1" in html and "Tempo or intervals" in html and "20 min" in html
    sheet = html[html.index('<article class="sheet"'):]
    assert sheet.index("Warm-up") < sheet.index("Cool-down")
    bridge = library["glute-bridge"]
    assert f'src="/static/{bridge.illustration}" alt="{bridge.illustration_alt}"' in sheet
    assert "Stand tall." in sheet and "Swing from the hip." in sheet and "Third cue" not in sheet
    assert "2 sets of 10 reps, hold 3\xa0s" in sheet or "2 sets of 10 reps, hold 3&nbsp;s" in sheet
    for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        assert f"{day}</li>" in sheet
    assert "Notes" in sheet and "Made on" in sheet and "<time datetime=" in sheet
    assert "Education, not diagnosis." in sheet and "sharp" in sheet and "numbness or tingling" in sheet
    short = ("backontrack.example/routine/sheet/?run=tempo&amp;warmup=10&amp;cooldown=10&amp;focus=core"
             "&amp;equipment=mat")
    assert short in sheet
    assert '<svg viewBox="0 0' in sheet and 'class="qr-code"' in sheet
    assert '<button type="button" data-print>' in html
    assert 'href="/routine/?run=tempo&amp;warmup=10' in html  # back to change it
    assert "routine.css" in html


def test_pages_keep_to_the_strict_csp(client, library):
    for url in (BUILDER, SHEET, f"{BUILDER}?warmup=x"):
        response = client.get(url)
        html = html_of(response)
        assert " style=" not in html and "hx-on" not in html and "<style" not in html
        for script in re.findall(r"<script[^>]*>", html):
            assert "src=" in script  # no inline scripts
        assert "style-src 'self'" in response["Content-Security-Policy"]


def test_a_very_long_link_is_shortened_on_paper_but_whole_in_the_qr_code(client, library):
    params = {"exclude": ["strides", "plank", "childs-pose", "foam-roll-glutes", "leg-swings", "easy-jog"],
              "focus": ["lower-back", "core", "hips", "hamstrings", "glutes"], "equipment": ["mat", "resistance-band"]}
    html = html_of(client.get(SHEET, params))
    assert "the code holds the full link" in html
    printed = unescape(re.search(r'class="short-url"[^>]*>([^<]*)</a>', html).group(1))
    assert len(printed) <= 160 and printed.endswith("…") and printed.startswith("testserver/routine/sheet/?run=easy")
    href = unescape(re.search(r'class="short-url" href="([^"]+)"', html).group(1))
    assert "exclude=strides" in href  # the whole link, which the QR code encodes
    assert qr_svg(f"http://testserver{href}", title="QR code that opens this sheet online") in html


# --- Bad input: a clear message, 400 (or 200 for htmx, which would not swap a 400), never a 500 ------
@pytest.mark.parametrize(("params", "field", "message"), [
    ({"run": "sprint"}, "What run is it?", "Choose one of the run types listed."),
    ({"run": ""}, "What run is it?", "Choose the run you are doing."),
    ({"warmup": "-5"}, "Warm-up", MINUTES_MESSAGE),
    ({"warmup": "0"}, "Warm-up", MINUTES_MESSAGE),
    ({"cooldown": "31"}, "Cool-down", MINUTES_MESSAGE),
    ({"cooldown": "9" * 40}, "Cool-down", MINUTES_MESSAGE),
    ({"warmup": "ten"}, "Warm-up", MINUTES_MESSAGE),
    ({"warmup": "1e3"}, "Warm-up", MINUTES_MESSAGE),
    ({"warmup": "10.5"}, "Warm-up", MINUTES_MESSAGE),
    ({"warmup": ""}, "Warm-up", MINUTES_MESSAGE),
    ({"include": "no-such-move"}, "Always include", "We have no exercise called “no-such-move”."),
    ({"exclude": "x" * 5000}, "Leave out", "We have no exercise called “" + "x" * 40 + "…”."),
    ({"focus": "elbows"}, "Focus areas", "We have no focus area called “elbows”."),
    ({"equipment": "weights"}, "Equipment at hand", "We have no equipment called “weights”."),
    ({"include": "plank", "exclude": "plank"}, "Leave out", "“Forearm plank” can't be both included and left out"),
])
def test_bad_input_gets_a_clear_message(client, library, params, field, message):
    response = client.get(BUILDER, params)
    html = html_of(response)
    assert response.status_code == 400
    assert message.replace("'", "&#x27;") in html
    assert 'class="error-summary" role="alert"' in html and f"{field}: " in html
    assert "Your routine: " not in html
    # htmx gets the same message inside the preview it swaps in, with a 200 so that it swaps.
    partial = client.get(BUILDER, params, **HTMX)
    assert partial.status_code == 200 and message.replace("'", "&#x27;") in html_of(partial)
    # The sheet sends them back to the form.
    sheet = client.get(SHEET, params)
    assert sheet.status_code == 400 and "<form" in html_of(sheet) and "<svg" not in html_of(sheet)


def test_bad_input_keeps_what_was_typed(client, library):
    html = html_of(client.get(BUILDER, {"warmup": "45", "run": "hills", "focus": "core"}))
    assert 'name="warmup" value="45"' in html and 'aria-invalid="true"' in html
    assert 'aria-describedby="id_warmup_helptext id_warmup_error"' in html
    assert is_checked(html, "run", "hills") and is_checked(html, "focus", "core")


def test_huge_query_strings_are_refused_cleanly(client, library):
    response = client.get(BUILDER + "?" + "&".join(f"include=e{i}" for i in range(1000)))
    assert response.status_code == 400
    response = client.get(BUILDER, {"include": ["plank"] * 150, "focus": ["core"] * 40})
    assert response.status_code == 200  # repeats are harmless
    response = client.get(BUILDER, {"q": "z" * 20000})
    assert response.status_code == 200  # unknown parameters are ignored


@pytest.mark.parametrize("query", ["include=%00%ff", "warmup=%00", "run=%F0%9F%8F%83", "focus=%3Cscript%3E"])
def test_odd_bytes_are_refused_with_a_message(client, library, query):
    for url in (BUILDER, SHEET):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400 and "error-summary" in html_of(response)
        assert "<script>" not in html_of(response)


def test_equipment_none_means_nothing_and_drops_out_of_the_link(client, library):
    html = html_of(client.get(BUILDER, {"equipment": "none", "include": "plank"}))
    assert "needs a mat" in html
    assert "equipment=none" not in preview_of(html)


def test_only_get(client, library):
    assert client.post(BUILDER).status_code == 405
    assert client.post(SHEET).status_code == 405


def test_empty_library_still_gives_a_routine(client, db):
    html = html_of(client.get(SHEET, {"warmup": "5", "cooldown": "5"}))
    assert "Easy running" in html and "Slow running, then walking" in html


# --- Queries: a fixed number, however big the library ---------------------------------------------
@pytest.mark.parametrize("url", [BUILDER, SHEET])
def test_query_count_does_not_grow_with_the_library(client, library, django_assert_max_num_queries, url):
    params = {"run": "race", "equipment": ["mat", "foam-roller"], "focus": "core", "include": "glute-bridge"}
    # A first visit composes and stores the page (cache reads and writes included); the count is
    # what it is for a small library, and must not grow with a library ten times the size.
    with django_assert_max_num_queries(10) as small:
        assert client.get(url, params).status_code == 200
    for n in range(len(library) * 10):
        factories.make_exercise(category=["dynamic-warmup", "activation", "static-stretch", "foam-rolling"][n % 4],
                                areas=("core", "hips"), equipment=("mat",) if n % 3 else ())
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url, params).status_code == 200
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url, params, **HTMX).status_code == 200


# --- "Add to my routine" (the exercise page's button: /routine/?add=slug) -----------------------
def notices_of(html: str) -> str:
    start = html.index('<div id="routine-notices"')
    return html[start:html.index('<p class="jump">', start)]


def test_adding_an_exercise_turns_on_its_equipment_and_says_so_at_the_top(client, library):
    response = client.get(BUILDER, {"add": "plank"})
    assert response.status_code == 302
    assert re.search(r"equipment=mat.*include=plank|include=plank.*equipment=mat", response["Location"])
    html = html_of(client.get(response["Location"]))
    assert 'data-slug="plank"' in preview_of(html)
    notices = re.sub(r"<[^>]+>", "", unescape(notices_of(html)))
    assert "Forearm plank is now in your routine. It needs a mat, so we've ticked Mat" in notices
    assert html.index('id="routine-notices"') < html.index('<form id="routine-form"')  # first screen, not below
    assert is_checked(html, "equipment", "mat")


def test_adding_keeps_what_was_added_before(client, library):
    client.get(BUILDER, {"add": "plank"}, follow=True)
    assert "routine" in client.cookies
    response = client.get(BUILDER, {"add": "glute-bridge"}, follow=True)
    html = html_of(response)
    preview = preview_of(html)
    assert 'data-slug="plank"' in preview and 'data-slug="glute-bridge"' in preview
    assert is_checked(html, "equipment", "mat")
    # The rest of the last routine is kept too.
    client.get(BUILDER, {"run": "race", "warmup": "20", "include": ["plank"], "equipment": "mat"})
    location = client.get(BUILDER, {"add": "leg-swings"})["Location"]
    assert "run=race" in location and "warmup=20" in location and "include=plank" in location


def test_adding_takes_an_exercise_off_the_left_out_list(client, library):
    client.get(BUILDER, {"exclude": "glute-bridge"})
    location = client.get(BUILDER, {"add": "glute-bridge"})["Location"]
    assert "exclude=glute-bridge" not in location and "include=glute-bridge" in location


def test_a_reason_an_exercise_is_not_included_shows_next_to_it_at_the_top(client, library):
    html = html_of(client.get(BUILDER, {"include": "plank"}))  # an old link: no mat ticked
    notices = re.sub(r"<[^>]+>", "", unescape(notices_of(html)))
    assert "Forearm plank needs a mat, which you haven't ticked." in notices
    assert html.index('id="routine-notices"') < html.index('<form id="routine-form"')
    # Added but does not fit: it says why, where it says what was added.
    location = client.get(BUILDER, {"add": "plank", "warmup": "3", "include": ["leg-swings", "glute-bridge"]})
    notices = re.sub(r"<[^>]+>", "", unescape(notices_of(html_of(client.get(location["Location"])))))
    assert "Forearm plank is on your list but isn't in the routine: it was left out because" in notices


def test_the_routine_cookie_holds_only_the_builders_choices(client, library):
    client.get(BUILDER, {"run": "hills", "focus": "core", "utm_source": "x"})
    cookie = client.cookies["routine"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    client.cookies["routine"] = "run=race&evil=%3Cscript%3E&include=plank"
    location = client.get(BUILDER, {"add": "glute-bridge"})["Location"]
    assert "evil" not in location and "run=race" in location


def test_the_routine_cookie_keeps_nothing_from_the_symptom_checker(client, library):
    from urllib.parse import unquote

    client.get(BUILDER, {"run": "easy", "focus": "hips", "triage": "soon"})
    kept = unquote(client.cookies["routine"].value)
    assert "focus=hips" in kept and "triage" not in kept
    client.cookies["routine"] = "run=race&triage=soon"  # an older cookie, or one made by hand
    assert "triage" not in client.get(BUILDER, {"add": "glute-bridge"})["Location"]


def test_an_unknown_exercise_to_add_is_named_not_a_500(client, library):
    response = client.get(BUILDER, {"add": "no-such-exercise"}, follow=True)
    assert response.status_code == 400
    assert "We have no exercise called “no-such-exercise”" in unescape(html_of(response))
