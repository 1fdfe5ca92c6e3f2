"""The checker page: bad input, privacy, htmx fragments and what the result shows."""

import logging
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from backpain.caching import content_version
from backpain.checker import rules
from backpain.checker.forms import GROUPS, CheckerForm
from tests import factories
from tests.checker_answers import ALL_CLEAR, Markup, answers

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
REQUIRED = [name for name, q in rules.QUESTIONS.items() if q.required]
CHOICE_FIELDS = [name for name, q in rules.QUESTIONS.items() if q.choices]


class Elements(HTMLParser):
    """Every start tag's attributes, by id, plus the error summary's links."""

    def __init__(self, html):
        super().__init__()
        self.by_id: dict[str, dict] = {}
        self.all: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.all.append((tag, attrs))
        if "id" in attrs:
            self.by_id[attrs["id"]] = {"tag": tag, **attrs}

    def summary_links(self):
        return [a["href"] for tag, a in self.all if tag == "a" and a.get("href", "").startswith("#id_")]

    def checked(self, name):
        return [a["value"] for tag, a in self.all if tag == "input" and a.get("name") == name and "checked" in a]


def assert_error_at(page: Elements, name: str):
    """The field's error is shown, tied to the field, and linked from the summary at the top."""
    error_id = f"id_{name}-error"
    assert error_id in page.by_id, f"no error shown for {name}"
    if name == "age":
        field = page.by_id["id_age"]
        assert error_id in field["aria-describedby"].split() and field["aria-invalid"] == "true"
        assert "#id_age" in page.summary_links()
    else:
        group = page.by_id[f"q-{name}"]
        assert group["tag"] == "fieldset" and error_id in group["aria-describedby"].split()
        assert page.by_id[f"id_{name}_0"]["aria-invalid"] == "true"
        assert f"#id_{name}_0" in page.summary_links()


def assert_rejected(response, *names):
    assert response.status_code == 400
    html = response.content.decode()
    assert not Markup(html).levels, "never a result"
    assert "There is a problem" in html and "<title>Error:" in html
    page = Elements(html)
    for name in names:
        assert_error_at(page, name)
    return page


# --- The empty form ----------------------------------------------------------------------------
def test_get_shows_every_question_in_one_form(client):
    response = client.get("/checker/")
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main"):html.index("</main>")]
    assert main.count("<form") == 1
    assert 'method="post"' in html and 'name="csrfmiddlewaretoken"' in html
    for name in rules.QUESTIONS:
        assert f'name="{name}"' in html, name
    page = Elements(html)
    for number, group in enumerate(GROUPS, start=1):
        assert page.by_id[f"step-{group.name}"]["tag"] == "fieldset"
        assert f"Step {number} of {len(GROUPS)}" in html
    assert not Markup(html).levels and "There is a problem" not in html


def test_the_first_group_is_the_emergency_signs():
    assert GROUPS[0].fields == rules.EMERGENCY_SIGNS
    assert sorted(f for g in GROUPS for f in g.fields) == sorted(rules.QUESTIONS)


def test_every_radio_has_a_real_label(client):
    page = Elements(client.get("/checker/").content.decode())
    inputs = [a for tag, a in page.all if tag == "input" and a.get("type") in ("radio", "checkbox")]
    labels = {a["for"] for tag, a in page.all if tag == "label" and "for" in a}
    assert inputs and all(a["id"] in labels for a in inputs)


def test_answers_in_the_url_are_ignored(client):
    response = client.get("/checker/?" + "&".join(f"{k}=yes" for k in rules.EMERGENCY_SIGNS))
    assert response.status_code == 200
    html = response.content.decode()
    assert not Markup(html).levels
    assert not [name for name in rules.QUESTIONS if Elements(html).checked(name)]


def test_settings_name_the_services_wherever_levels_are_explained(client, settings):
    settings.EMERGENCY_NUMBER, settings.URGENT_CARE_NAME, settings.PRIMARY_CARE_NAME = "999", "NHS 111", "GP"
    form_page = client.get("/checker/").content.decode()
    for text in ('Call <a class="tel" href="tel:999">999</a>', "NHS 111", "your GP"):
        assert text in form_page
    for overrides in ({"fever": "yes"}, {"worried": "yes"}, {}, {"saddle_numbness": "yes"}):
        html = client.post("/checker/", answers(**overrides)).content.decode()
        assert "999" in html and "911" not in html
        assert "NHS 111" in html and "your GP" in html


# --- Bad input: field errors, status 400, never a result, never a 500 ---------------------------
@pytest.mark.parametrize("name", REQUIRED)
def test_each_required_answer_missing(client, name):
    data = answers()
    del data[name]
    assert_rejected(client.post("/checker/", data), name)


def test_nothing_answered(client):
    assert_rejected(client.post("/checker/", {}), *REQUIRED)


@pytest.mark.parametrize("name", CHOICE_FIELDS)
def test_unknown_values(client, name):
    assert_rejected(client.post("/checker/", answers(**{name: "maybe"})), name)


@pytest.mark.parametrize("age", ["", "abc", "4", "121", "-1", "0", "16.5", "1e3", "3 5", "9" * 5000, "thirty", "0x20"])
def test_bad_ages(client, age):
    page = assert_rejected(client.post("/checker/", answers(age=age)), "age")
    assert page.by_id["id_age"].get("value", "") == age  # what was typed comes back to be corrected


@pytest.mark.parametrize(("age", "ok"), [("5", True), (" 16 ", True), ("120", True), ("70.0", True)])
def test_ages_in_range_are_accepted(client, age, ok):
    assert client.post("/checker/", answers(age=age)).status_code == 200


@pytest.mark.parametrize("name", ["fever", "saddle_numbness", "duration", "age", "leg_pain", "surface"])
def test_a_single_answer_sent_twice_is_an_error(client, name):
    data = answers()
    value = {"age": "40", "duration": "4_to_12_weeks", "leg_pain": "none", "surface": "road"}.get(name, "no")
    other = {"age": "41", "duration": "under_1_week", "leg_pain": "below_knee", "surface": "trail"}.get(name, "yes")
    data[name] = [value, other]
    response = client.post("/checker/", data)
    page = assert_rejected(response, name)
    assert "Choose only one answer." in response.content.decode()
    assert page  # the other answers are still there
    assert page.checked("chest_pain") == ["no"]


def test_unknown_pain_timing_value(client):
    data = answers()
    data["pain_timing"] = ["mornings", "at_the_dentist"]
    assert_rejected(client.post("/checker/", data), "pain_timing")


def test_nothing_entered_is_lost_on_error(client):
    data = answers(fever="unsure", leg_pain="below_knee", surface="trail", age="abc")
    data["pain_timing"] = ["mornings", "after_runs"]
    del data["chest_pain"]
    page = assert_rejected(client.post("/checker/", data), "chest_pain", "age")
    for name, value in data.items():
        if name == "age":
            assert page.by_id["id_age"]["value"] == "abc"
        elif isinstance(value, list):
            assert sorted(page.checked(name)) == sorted(value)
        else:
            assert page.checked(name) == [value], name


# The site refuses big bodies with 413 (backpain.middleware.RequestSizeLimitMiddleware); without that
# middleware, Django's own limit raises RequestDataTooBig when the view reads request.POST, which must
# still be Django's 400, never a 500 or a result.
WITHOUT_SIZE_MIDDLEWARE = pytest.param(False, id="django-limit-only")
WITH_SIZE_MIDDLEWARE = pytest.param(True, id="site-middleware")


@pytest.fixture(params=[WITH_SIZE_MIDDLEWARE, WITHOUT_SIZE_MIDDLEWARE])
def size_limit(request, settings):
    if not request.param:
        settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("RequestSizeLimitMiddleware")]
    return (413, 400) if request.param else (400,)


def test_a_one_megabyte_body_is_refused(client, size_limit):
    body = b"fever=" + b"y" * (1024 * 1024)
    response = client.post("/checker/", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in size_limit
    assert not Markup(response.content.decode()).levels


def test_a_one_megabyte_multipart_field_is_refused(client, size_limit):
    response = client.post("/checker/", {**answers(), "fever": "y" * (1024 * 1024)})
    assert response.status_code in size_limit
    assert not Markup(response.content.decode()).levels


def test_request_data_too_big_is_djangos_400(client, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("RequestSizeLimitMiddleware")]
    response = client.post("/checker/", data=b"fever=" + b"y" * (300 * 1024),
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "We couldn't understand that request" in response.content.decode()


def test_a_one_megabyte_body_with_csrf_checks_on_is_refused(size_limit):
    client = Client(enforce_csrf_checks=True)
    client.get("/checker/")  # the CSRF cookie, so the check goes on to read the body
    response = client.post("/checker/", data=b"a=" + b"b" * (1024 * 1024),
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code in size_limit


def test_a_file_upload_is_ignored(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("small.bin", b"\0" * 1024)
    assert_rejected(client.post("/checker/", {"fever": "yes", "file": upload}), "saddle_numbness")
    assert client.post("/checker/", {**answers(), "file": upload}).status_code == 200


def test_thousands_of_fields_are_refused(client):
    body = "&".join(f"p{i}=1" for i in range(5000))
    assert client.post("/checker/", data=body, content_type="application/x-www-form-urlencoded").status_code == 400


def test_broken_multipart_is_400(client):
    response = client.post("/checker/", data=b"--xx\r\nContent-Disposition: form-data; name=\"fever\"\r\n\r\nyes",
                           content_type="multipart/form-data; boundary=xx")
    assert response.status_code in (200, 400)
    assert not Markup(response.content.decode()).levels


def test_invalid_utf8_is_a_field_error(client):
    data = "&".join(f"{k}={v}" for k, v in answers().items() if k != "fever") + "&fever=%ff%fe"
    response = client.post("/checker/", data=data, content_type="application/x-www-form-urlencoded")
    assert_rejected(response, "fever")


def test_null_bytes_are_field_errors(client):
    assert_rejected(client.post("/checker/", answers(fever="yes\x00", age="3\x005")), "fever", "age")


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_are_405(client, method):
    assert getattr(client, method)("/checker/").status_code == 405


# --- Privacy -----------------------------------------------------------------------------------
def test_every_response_is_no_store_and_varies_on_htmx(client):
    responses = [
        client.get("/checker/"),
        client.post("/checker/", answers()),
        client.post("/checker/", {}),
        client.post("/checker/", {**answers(), "step": "emergency"}, **HTMX),
        client.post("/checker/", {**answers(saddle_numbness="yes"), "step": "advice"}, **HTMX),
    ]
    for response in responses:
        assert "no-store" in response["Cache-Control"]
        assert "HX-Request" in response["Vary"]


def test_no_cookie_beyond_csrf_and_nothing_written(client):
    client.get("/checker/")
    content_version()  # a check reads the content version; creating it on a cold cache is not the check's write
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/checker/", answers(fever="yes", sitting_hours="over_8"))
    assert response.status_code == 200
    assert set(response.cookies) <= {"csrftoken"}
    assert set(client.cookies) <= {"csrftoken"}
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in queries.captured_queries)


def test_answers_are_not_logged(client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post("/checker/", answers(saddle_numbness="yes", surface="treadmill"))
        client.post("/checker/", {"fever": "maybe-treadmill"})
    logged = " ".join(record.getMessage() for record in caplog.records if not record.name.startswith("django.db"))
    assert "treadmill" not in logged and "saddle_numbness" not in logged


def test_csrf_is_required():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/checker/", answers()).status_code == 403
    html = client.get("/checker/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert client.post("/checker/", {**answers(), "csrfmiddlewaretoken": token}).status_code == 200


def test_the_result_links_carry_no_answers(client):
    html = client.post("/checker/", answers(worried="yes", surface="trail")).content.decode()
    from urllib.parse import parse_qs, urlsplit

    for href in re.findall(r'href="([^"]+)"', html):
        params = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        assert not set(params) & set(rules.QUESTIONS), href


# --- htmx: one group at a time, and the emergency advice at once --------------------------------
def test_advice_appears_as_soon_as_an_emergency_sign_is_yes(client):
    response = client.post("/checker/", {"saddle_numbness": "no", "bladder_bowel": "yes", "step": "advice"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "data-emergency-advice" in html
    assert "Emergency: call 911 now" in html and 'data-advice-sign="bladder_bowel"' in html
    assert "data-focus-after-swap" in html
    assert "Finish the questions anyway" in html


def test_advice_lists_only_the_signs_answered_yes(client):
    data = {"saddle_numbness": "unsure", "both_legs": "yes", "step": "advice"}
    html = client.post("/checker/", data, **HTMX).content.decode()
    assert 'data-advice-sign="both_legs"' in html and 'data-advice-sign="saddle_numbness"' not in html


def test_advice_is_not_refocused_when_redrawn(client):
    data = {"bladder_bowel": "yes", "both_legs": "yes", "advice_shown": "1", "step": "advice"}
    html = client.post("/checker/", data, **HTMX).content.decode()
    assert "data-emergency-advice" in html and "data-focus-after-swap" not in html


@pytest.mark.parametrize("value", ["no", "unsure", ""])
def test_no_advice_without_an_emergency_yes(client, value):
    data = {"saddle_numbness": value, "fever": "yes", "minor_fall": "yes", "step": "advice"}
    html = client.post("/checker/", data, **HTMX).content.decode()
    assert "data-emergency-advice" not in html


def test_a_step_with_missing_answers_comes_back_with_its_errors_only(client):
    response = client.post("/checker/", {"saddle_numbness": "no", "step": "emergency"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "data-step-valid" not in html
    page = Elements(html)
    for name in rules.EMERGENCY_SIGNS[1:]:
        assert_error_at(page, name)
    assert "id_fever-error" not in page.by_id and "id_age" not in page.by_id
    assert page.checked("saddle_numbness") == ["no"]


@pytest.mark.parametrize("group", [g.name for g in GROUPS])
def test_a_complete_step_says_move_on(client, group):
    data = {**answers(), "step": group}
    html = client.post("/checker/", data, **HTMX).content.decode()
    assert f'id="step-{group}"' in html and 'data-step-valid="true"' in html
    assert "There is a problem" not in html and not Markup(html).levels


def test_a_step_parameter_without_htmx_is_a_normal_post(client):
    response = client.post("/checker/", {"saddle_numbness": "yes", "step": "advice"})
    assert response.status_code == 400 and "<html" in response.content.decode()
    html = client.post("/checker/", {**answers(), "step": "emergency"}).content.decode()
    assert Markup(html).levels == [rules.SELF_CARE]


def test_an_unknown_step_is_a_full_submission(client):
    html = client.post("/checker/", {**answers(fever="yes"), "step": "nope"}, **HTMX).content.decode()
    assert Markup(html).levels == [rules.URGENT]


# --- What the result shows ---------------------------------------------------------------------
@pytest.mark.parametrize(("overrides", "level", "words"), [
    ({"saddle_numbness": "yes"}, "emergency", "Emergency:"),
    ({"fever": "yes"}, "urgent", "Urgent:"),
    ({"worried": "yes"}, "soon", "Soon:"),
    ({}, "self_care", "Self-care:"),
])
def test_result_says_the_level_in_words_with_version_date_and_disclaimer(client, overrides, level, words):
    response = client.post("/checker/", answers(**overrides))
    html = response.content.decode()
    assert Markup(html).levels == [level]
    assert words in html and "How soon:" in html
    assert f"level-{level}" in html and 'class="level-icon"' in html
    assert f"rules version {rules.RULES_VERSION}" in html
    assert rules.RULES_REVIEWED.strftime("%B %Y") in html and "last clinically reviewed" in html
    assert "Education, not diagnosis." in html
    assert '<button type="button" class="button" data-print' in html
    assert "Your answers" in html


def test_each_reason_says_why_it_matters(client):
    html = client.post("/checker/", answers(fever="yes", leg_pain="below_knee", improving="no")).content.decode()
    for rule in rules.RULES:
        if rule.reason in ("fever", "leg_pain") and rule.level in ("urgent", "soon") and "sure" not in rule.why:
            assert rule.why.replace("'", "&#x27;") in html


@pytest.mark.parametrize(("overrides", "offers"), [
    ({"saddle_numbness": "yes"}, False), ({"fever": "yes"}, False), ({"worried": "yes"}, True), ({}, True),
])
def test_routine_link_only_for_soon_and_self_care(client, overrides, offers):
    html = client.post("/checker/", answers(**overrides)).content.decode()
    assert ("/routine/?focus=" in html) is offers


def test_routine_defaults_to_lower_back_and_core(client):
    html = client.post("/checker/", answers()).content.decode()
    assert "/routine/?focus=lower-back&amp;focus=core" in html


@pytest.mark.parametrize("overrides", [{}, {"worried": "yes"}, {"fever": "yes"}, {"chest_pain": "yes"}])
def test_no_link_from_a_result_carries_its_level(client, overrides):
    """Spec 2.1: a health outcome in an address reaches logs and history."""
    html = client.post("/checker/", answers(**overrides)).content.decode()
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert hrefs and not [href for href in hrefs if "triage" in href or any(
        level in href for level in ("self_care", "=soon", "urgent", "=emergency"))], hrefs


def test_likely_causes_from_context_answers_with_their_guide_pages(client):
    hips = factories.make_exercise(areas=("hips", "glutes", "quads"))
    flexors = factories.make_cause(title="Tight hip flexors", exercises=[hips],
                                   suggested_by="sitting_hours=over_8\npain_timing=after_sitting")
    shoes = factories.make_cause(title="Worn shoes", suggested_by="shoe_miles=over_500")
    factories.make_cause(title="Unrelated", suggested_by="surface=track")
    factories.make_cause(title="Prefix trap", suggested_by="sitting_hours=over_80")
    data = answers(worried="yes", sitting_hours="over_8", shoe_miles="over_500", surface="road")
    data["pain_timing"] = ["after_sitting"]
    html = client.post("/checker/", data).content.decode()
    assert flexors.get_absolute_url() in html and shoes.get_absolute_url() in html
    assert "Unrelated" not in html and "Prefix trap" not in html
    assert html.index("Tight hip flexors") < html.index("Worn shoes")  # two matches before one
    assert "Hours sitting a day: over 8 hours" in html
    assert "/routine/?focus=hips&amp;focus=glutes" in html


def test_at_most_three_likely_causes_ranked_with_more_one_click_away(client):
    for number in range(6):
        factories.make_cause(title=f"Cause {number}", order=number,
                             suggested_by="sitting_hours=over_8" + ("\nshoe_miles=over_500" if number == 4 else ""))
    html = client.post("/checker/", answers(sitting_hours="over_8", shoe_miles="over_500")).content.decode()
    shown = html[html.index('class="cause-list"'):html.index("</ol>", html.index('class="cause-list"'))]
    more = html[html.index('class="more-causes"'):html.index("</details>", html.index('class="more-causes"'))]
    assert re.findall(r"Cause \d", shown) == ["Cause 4", "Cause 0", "Cause 1"]  # two matches rank first
    assert re.findall(r"Cause \d", more) == ["Cause 2", "Cause 3", "Cause 5"] and "More causes (3)" in more


def test_causes_are_shown_after_the_advice_for_urgent_levels(client):
    factories.make_cause(title="Tight hip flexors", suggested_by="sitting_hours=over_8")
    html = client.post("/checker/", answers(fever="yes", sitting_hours="over_8")).content.decode()
    assert "Tight hip flexors" in html and "don't explain the warning signs" in html
    assert html.index("Why: the answers that matter") < html.index("Tight hip flexors")


def test_result_queries_stay_flat_as_content_grows(client, django_assert_max_num_queries):
    data = answers(sitting_hours="over_8", shoe_miles="over_500")
    # The first check after a save reads the causes and body areas (three queries); later ones none.
    factories.make_cause(suggested_by="sitting_hours=over_8", exercises=[factories.make_exercise()])
    with django_assert_max_num_queries(3):
        client.post("/checker/", data)
    for _ in range(30):
        factories.make_cause(suggested_by="sitting_hours=over_8\nshoe_miles=over_500",
                             exercises=[factories.make_exercise(areas=("hips",))])
    with django_assert_max_num_queries(3):
        client.post("/checker/", data)


def test_a_check_reads_no_content_until_an_editor_saves(client, django_assert_num_queries,
                                                        django_capture_on_commit_callbacks):
    data = answers(sitting_hours="over_8")
    cause = factories.make_cause(title="Tight hip flexors", suggested_by="sitting_hours=over_8")
    assert "Tight hip flexors" in client.post("/checker/", data).content.decode()
    with django_assert_num_queries(0):
        client.post("/checker/", data)
    with django_capture_on_commit_callbacks(execute=True):
        cause.title = "Stiff hip flexors"
        cause.save()  # as the admin does
        # Until the save commits, the content version stays, and so does what the checker read.
        assert "Tight hip flexors" in client.post("/checker/", data).content.decode()
    html = client.post("/checker/", data).content.decode()
    assert "Stiff hip flexors" in html and "Tight hip flexors" not in html
    with django_capture_on_commit_callbacks(execute=True):
        cause.suggested_by = "sitting_hours=under_4"
        cause.save()
    assert "Stiff hip flexors" not in client.post("/checker/", data).content.decode()


def test_the_printed_summary_lists_every_answer_given(client):
    data = answers(leg_pain="hip_or_thigh", shoe_miles="300_to_500")
    html = client.post("/checker/", data).content.decode()
    summary = html[html.index('<div class="print-only">'):]
    for name, value in data.items():
        question = rules.QUESTIONS[name]
        assert question.short.replace("'", "&#x27;") in summary
        assert question.describe(int(value) if name == "age" else value).replace("'", "&#x27;") in summary


def test_form_answers_are_typed_for_the_rules():
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update({**ALL_CLEAR, "age": "70"})
    data.setlist("pain_timing", ["mornings", "after_runs"])
    form = CheckerForm(data)
    assert form.is_valid(), form.errors
    cleaned = form.answers()
    assert cleaned["age"] == 70
    assert set(cleaned["pain_timing"]) == {"mornings", "after_runs"}
    assert "leg_pain" not in cleaned  # unanswered optional questions are left out


def test_routine_focus_is_the_three_areas_most_causes_point_to(client):
    make = factories.make_exercise
    factories.make_cause(suggested_by="sitting_hours=over_8", exercises=[make(areas=("hips", "glutes"))])
    factories.make_cause(suggested_by="sitting_hours=over_8", exercises=[make(areas=("hips", "core"))])
    factories.make_cause(suggested_by="pain_timing=mornings", exercises=[make(areas=("hamstrings", "calves"))])
    data = answers(sitting_hours="over_8")
    data["pain_timing"] = ["mornings"]
    html = client.post("/checker/", data).content.decode()
    assert "/routine/?focus=core&amp;focus=hips&amp;focus=hamstrings" in html
    assert "focused on core, hips and hamstrings" in html


# --- Specification 2.0: new questions, a 1.0 form, emergency first without JavaScript ------------
NEW_REQUIRED = ["collapse_signs", "tearing_pain", "very_unwell", "urinary_symptoms", "pulsing_tummy",
                "sudden_onset", "pregnant"]
NEW_FIELDS = [*NEW_REQUIRED, "pregnancy_signs"]
# A complete answer set as version 1.0 of the form sent it: minor_fall, and none of the new questions.
ONE_POINT_OH = {**{name: value for name, value in ALL_CLEAR.items() if name not in NEW_REQUIRED},
                "minor_fall": "no", "infection_risk": "no", "leg_pain": "none"}


def test_the_new_questions_are_required_as_the_specification_says():
    assert set(NEW_REQUIRED) <= set(REQUIRED)
    assert "pregnancy_signs" not in REQUIRED and "minor_fall" not in rules.QUESTIONS


@pytest.mark.parametrize("name", NEW_REQUIRED)
def test_each_new_required_answer_missing(client, name):
    assert_rejected(client.post("/checker/", answers(**{name: None})), name)


@pytest.mark.parametrize("name", NEW_FIELDS)
@pytest.mark.parametrize("value", ["maybe", "YES", "1", "true", "yes ", "none"])
def test_unknown_values_for_each_new_question(client, name, value):
    assert_rejected(client.post("/checker/", answers(**{name: value})), name)


@pytest.mark.parametrize("value", [None, "", "yes", "6_weeks", "under_12_weeks "])
def test_a_missing_or_unknown_recent_birth_is_a_field_error_never_a_result(client, value):
    """Spec 2.1: recent_birth is required; its answers are no, under_12_weeks and 3_to_12_months."""
    assert_rejected(client.post("/checker/", answers(recent_birth=value)), "recent_birth")


def test_a_two_point_oh_form_gets_a_field_error_and_an_emergency_yes_still_comes_first(client):
    two_point_oh = answers(recent_birth=None)
    assert_rejected(client.post("/checker/", two_point_oh), "recent_birth")
    response = client.post("/checker/", {**two_point_oh, "tearing_pain": "yes"})
    markup = Markup(response.content.decode())
    assert response.status_code == 400 and (markup.levels, markup.reasons) == (["emergency"], ["tearing_pain"])


def test_recent_birth_sits_with_pregnant_in_one_group():
    from backpain.checker.forms import GROUPS_BY_NAME

    fields = GROUPS_BY_NAME["pain"].fields
    assert fields.index("recent_birth") == fields.index("pregnant") + 2  # after pregnant and its follow-up


def test_a_one_point_oh_form_gets_field_errors_never_a_result(client):
    page = assert_rejected(client.post("/checker/", ONE_POINT_OH), *NEW_REQUIRED)
    assert page.checked("chest_pain") == ["no"]  # what was answered comes back
    html = client.post("/checker/", {**ONE_POINT_OH, "minor_fall": "yes", "bone_weakness": "yes",
                                     "age": "80"}).content.decode()
    assert not Markup(html).levels


def test_a_one_point_oh_form_with_an_emergency_yes_gets_the_advice_and_the_errors(client):
    response = client.post("/checker/", {**ONE_POINT_OH, "chest_pain": "yes"})
    assert response.status_code == 400
    markup = Markup(response.content.decode())
    assert (markup.levels, markup.reasons) == (["emergency"], ["chest_pain"])


@pytest.mark.parametrize("name", rules.EMERGENCY_SIGNS)
def test_without_javascript_an_emergency_yes_shows_the_advice_first_whatever_is_missing(client, name):
    response = client.post("/checker/", {name: "yes"})
    assert response.status_code == 400
    html = response.content.decode()
    markup = Markup(html)
    assert (markup.levels, markup.reasons) == (["emergency"], [name])
    advice = html.index("data-emergency-advice")
    assert advice < html.index("There is a problem") < html.index('<form method="post"')
    assert '<h1 id="advice-heading"' in html and "<title>Emergency: call 911 now" in html
    assert 'href="tel:911"' in html[advice:html.index("There is a problem")]
    assert "Do not drive yourself." in html
    assert ("I am worried about cauda equina syndrome" in html) is (name in rules.CAUDA_EQUINA_SIGNS)
    assert 'href="#error-summary-all"' in html and "data-checker-continue" not in html  # works without JS
    page = Elements(html)
    for other in REQUIRED:
        if other != name:
            assert_error_at(page, other)


def test_without_javascript_not_sure_with_leg_symptoms_shows_the_advice_first(client):
    html = client.post("/checker/", {"bladder_bowel": "unsure", "leg_pain": "below_knee"}).content.decode()
    assert Markup(html).levels == ["emergency"] and "cauda equina syndrome" in html


@pytest.mark.parametrize("data", [
    {"bladder_bowel": "unsure"}, {"fever": "yes"}, {"chest_pain": "unsure", "leg_pain": "below_knee"},
    {"pregnant": "yes", "pregnancy_signs": "yes"}, answers(chest_pain=None, fever="yes"),
])
def test_no_other_level_is_ever_shown_for_an_unfinished_form(client, data):
    response = client.post("/checker/", data)
    assert response.status_code == 400
    assert not Markup(response.content.decode()).levels
    assert "data-emergency-advice" not in response.content.decode()


def test_advice_with_htmx_counts_leg_symptoms_from_later_questions(client):
    data = {"both_legs": "unsure", "leg_tingling": "unsure", "step": "advice"}
    html = client.post("/checker/", data, **HTMX).content.decode()
    assert 'data-advice-sign="both_legs"' in html and "cauda equina syndrome" in html
    assert not Markup(html).levels  # with JavaScript the questions go on: advice, not yet the result


def test_the_pregnancy_follow_up_is_on_the_form_for_everyone_without_javascript(client):
    html = client.get("/checker/").content.decode()
    page = Elements(html)
    follow_up = page.by_id["q-pregnancy_signs"]
    assert "hidden" not in follow_up  # JavaScript hides it until pregnant is yes or not sure
    assert (follow_up["data-shown-when"], follow_up["data-shown-values"]) == ("pregnant", "yes unsure")
    legend = html[html.index('id="q-pregnancy_signs"'):]
    assert legend.index("If you are pregnant") < legend.index("</legend>")
    assert html.index('id="q-pregnant"') < html.index('id="q-pregnancy_signs"')


def test_what_needs_javascript_is_hidden_without_it(client):
    html = client.get("/checker/").content.decode()
    page = Elements(html)
    navs = [a for tag, a in page.all if "data-step-nav" in a]
    assert navs and all("hidden" in a for a in navs)
    result = client.post("/checker/", answers()).content.decode()
    (button,) = [a for tag, a in Elements(result).all if "data-print" in a]
    assert "hidden" in button
    from django.contrib.staticfiles import finders

    with open(finders.find("css/site.css")) as stylesheet:
        css = stylesheet.read()
    assert "[hidden] { display: none !important; }" in css  # beats .button and .step-nav


def test_the_emergency_number_is_a_tap_to_call_link_everywhere(client, settings):
    settings.EMERGENCY_NUMBER = "112"
    for html in (client.get("/checker/").content.decode(),
                 client.post("/checker/", answers(tearing_pain="yes")).content.decode(),
                 client.post("/checker/", {"tearing_pain": "yes"}).content.decode(),
                 client.post("/checker/", {"tearing_pain": "yes", "step": "advice"}, **HTMX).content.decode(),
                 client.get("/checker/how-it-decides/").content.decode()):
        assert 'href="tel:112">112</a>' in html
    footer = client.get("/checker/").content.decode().split('class="site-footer"')[1]
    assert 'href="tel:112">112</a>' in footer


# --- What each result says and offers (spec 2.0) --------------------------------------------------
RUNNING_LINKS = ("/routine/", "/causes/", "/articles/", "/exercises/", "/anatomy/", "/guide/")


def test_the_emergency_page_offers_no_running_content(client):
    factories.make_cause(title="Tight hip flexors", suggested_by="sitting_hours=over_8")
    html = client.post("/checker/", answers(collapse_signs="yes", sitting_hours="over_8")).content.decode()
    assert Markup(html).levels == ["emergency"]
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert not [href for href in hrefs if href.startswith(RUNNING_LINKS)], hrefs
    assert "Tight hip flexors" not in html and "Ease back on running" not in html
    assert "Do not drive yourself." in html and "/checker/how-it-decides/" in html
    assert "cauda equina" not in html.split("<footer")[0].split("data-triage-level")[1]


@pytest.mark.parametrize("name", rules.CAUDA_EQUINA_SIGNS)
def test_an_emergency_from_a_cauda_equina_sign_says_its_name(client, name):
    html = client.post("/checker/", answers(**{name: "yes"})).content.decode()
    assert "“I am worried about cauda equina syndrome.”" in html


@pytest.mark.parametrize(("overrides", "withheld"), [
    ({"energy_bone": "yes"}, "bone stress"), ({"extension_pain": "unsure", "age": 18}, "bone stress"),
    ({"age": 17, "duration": "1_to_4_weeks"}, "bone stress"), ({"pregnant": "yes"}, "pregnancy"),
    ({"pregnant": "unsure", "pregnancy_signs": "unsure"}, "pregnancy test"),
    ({"pregnant": "unsure"}, "pregnancy test"), ({"recent_birth": "under_12_weeks"}, "recent birth"),
])
def test_bone_stress_pregnancy_and_a_recent_birth_get_no_routine(client, overrides, withheld):
    html = client.post("/checker/", answers(**overrides)).content.decode()
    assert Markup(html).levels == (["self_care"] if overrides == {"pregnant": "unsure"} else ["soon"])
    assert "/routine/?" not in html and "Build your routine" not in html
    main = html.split('id="main"')[1].split("</main>")[0]
    assert "/return-to-running/" not in main  # no plan either (the site's menu still links it)
    if withheld == "bone stress":
        assert "Stop running and jumping until a professional has checked you." in html
    elif withheld == "pregnancy":
        assert "pelvic health physiotherapist" in html and "midwife" in html
        assert "Run easy" not in html
    elif withheld == "pregnancy test":
        assert "Take a pregnancy test" in html and "tell your midwife" in html
    else:
        assert "pelvic health physiotherapist" in html and "Don't run yet." in html
        assert "Run easy" not in html


def test_a_birth_three_to_twelve_months_ago_gets_the_routine_with_the_pelvic_health_note(client):
    html = client.post("/checker/", answers(recent_birth="3_to_12_months")).content.decode()
    assert Markup(html).levels == ["self_care"] and "Build your routine" in html
    assert "pelvic health physiotherapist before you go back to running" in html
    assert "A leak when you run is common" in html
    assert "pelvic health" not in client.post("/checker/", answers()).content.decode().split("<footer")[0]


def test_pregnancy_signs_say_call_the_maternity_unit_now(client):
    html = client.post("/checker/", answers(pregnant="unsure", pregnancy_signs="yes")).content.decode()
    assert Markup(html).levels == ["urgent"]
    assert "call your maternity unit or midwife now" in html.lower()


def test_self_care_ends_with_the_safety_net(client):
    html = client.post("/checker/", answers()).content.decode()
    net = html[html.index('class="safety-net"'):]
    for question in rules.EMERGENCY_QUESTIONS:
        assert question.short in net
    assert "not better in 2 weeks" in net and html.index("Build your routine") < html.index('class="safety-net"')
    assert 'class="safety-net"' not in client.post("/checker/", answers(worried="yes")).content.decode()


def test_the_checker_never_links_to_the_builder_when_it_withholds_a_routine(client):
    # The result withholds it (no level travels to the builder): bone stress, pregnancy, a recent birth,
    # and every urgent or emergency result.
    for overrides in ({"energy_bone": "yes"}, {"pregnant": "yes"}, {"pregnant": "unsure"},
                      {"recent_birth": "under_12_weeks"}, {"fever": "yes"}, {"chest_pain": "yes"}):
        assert "/routine/?" not in client.post("/checker/", answers(**overrides)).content.decode(), overrides


# --- How the checker decides --------------------------------------------------------------------
def test_how_it_decides_lists_every_rule_from_the_rules_data(client):
    response = client.get("/checker/how-it-decides/")
    assert response.status_code == 200
    html = response.content.decode()
    page = Elements(html)
    listed = [(a["data-rule-level"], a["data-rule-reason"]) for tag, a in page.all if "data-rule-level" in a]
    assert listed == [(rule.level if level != rules.SELF_CARE else "none", rule.reason)
                      for level in rules.LEVELS for rule in rules.RULES if rule.level == level]
    for rule in rules.RULES:
        assert escape(rule.why) in html and escape(rule.source) in html
        for condition in rule.conditions():
            assert escape(condition) in html
    for change, why in (*rules.CHANGES, *rules.EARLIER_CHANGES):
        assert escape(change) in html and escape(why) in html
    assert "What changed from version 2.0, and why" in html and "What changed from version 1.0 to 2.0" in html
    assert escape(rules.KEPT_ON_PURPOSE) in html
    assert [level for level in rules.LEVELS if f'id="level-{level}"' in html] == list(rules.LEVELS)


def test_how_it_decides_is_linked_from_the_checker_and_every_result(client):
    assert "/checker/how-it-decides/" in client.get("/checker/").content.decode()
    for overrides in ({"chest_pain": "yes"}, {"fever": "yes"}, {"worried": "yes"}, {}):
        assert "/checker/how-it-decides/" in client.post("/checker/", answers(**overrides)).content.decode()
