"""Return to running's pages: the start page, the plan, the .ics file, the week card and the check-in."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar

from backpain.context_processors import EMERGENCY_SIGNS
from backpain.qr import qr_svg
from backpain.running.forms import GATE_FIELDS
from backpain.running.plan import STAGES
from tests.checker_answers import answers

PLAN = "/return-to-running/plan/?start=2027-01-04&sessions=3&stage=1"
CHECK_IN = "/return-to-running/check-in/"
GOOD = {"emergency": "no", "warning_signs": "no", "stage": "4", "longer": "no", "pain_during": "2", "pain_after": "2",
        "morning": "usual", "week_trend": "better_or_same", "other_pain": "no", "finished": "2"}
GATE_NO = {"rest_pain": "no", "gave_birth": "no", "leg_pain_more": "no", "bone_risk": "no", "young_extension": "no",
           "walk_test": "yes", "start": "2027-01-04", "sessions": "3", "stage": "3"}
CONTENT = Path(settings.CONTENT_DIR)


def text(response) -> str:
    return response.content.decode()


# --- The start page and the plan ---------------------------------------------------------------
def test_the_start_page_explains_and_asks_who_the_plan_is_for_in_one_post(client):
    response = client.get("/return-to-running/")
    html = text(response)
    assert '<form class="plan-form" method="post" action="/return-to-running/"' in html
    assert "csrfmiddlewaretoken" in html and "no-store" in response["Cache-Control"]
    for name in (*GATE_FIELDS, "walk_test", "start", "sessions", "stage"):
        assert f'name="{name}"' in html, name
    assert 'href="/checker/"' in html and 'href="/articles/returning-to-running/"' in html
    assert html.count('<th scope="row">') == len(STAGES)
    assert "given birth in the last 3 months, or are you pregnant?" in html
    assert "Green, 0 to 3 out of 10" in html and "Red, 6 to 10 out of 10" in html


def test_all_no_makes_the_plan_a_redirect_to_its_link_with_no_answers_in_it(client):
    response = client.post("/return-to-running/", GATE_NO)
    assert response.status_code == 302
    assert response["Location"] == "/return-to-running/plan/?start=2027-01-04&sessions=3&stage=3"
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"


@pytest.mark.parametrize("walk", ["no", "unsure"])
def test_a_failed_walk_test_keeps_the_plan_at_stage_1(client, walk):
    response = client.post("/return-to-running/", {**GATE_NO, "walk_test": walk, "stage": "6"})
    assert response["Location"] == "/return-to-running/plan/?start=2027-01-04&sessions=3&stage=1"


@pytest.mark.parametrize("name", GATE_FIELDS)
@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_any_yes_or_not_sure_gets_advice_instead_of_a_plan(client, name, answer):
    response = client.post("/return-to-running/", {**GATE_NO, name: answer})
    html = text(response)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert 'data-gate="advice"' in html and f'data-gate-reason="{name}"' in html
    assert html.count("data-gate-reason=") == 1
    assert ("count it as a yes" in html) is (answer == "unsure")
    advice = html[html.index('data-gate="advice"'):html.index("</section>", html.index('data-gate="advice"'))]
    assert 'href="/checker/"' in advice and 'href="/guide/"' in advice
    assert "/return-to-running/plan/" not in html


def test_a_recent_birth_gets_the_pelvic_health_advice(client):
    html = text(client.post("/return-to-running/", {**GATE_NO, "gave_birth": "yes"}))
    assert "pelvic health check first" in html and "12 weeks" in html


@pytest.mark.parametrize(("data", "field"), [
    ({k: v for k, v in GATE_NO.items() if k != "rest_pain"}, "rest_pain"),
    ({**GATE_NO, "bone_risk": "maybe"}, "bone_risk"),
    ({**GATE_NO, "walk_test": ""}, "walk_test"),
    ({**GATE_NO, "stage": "13"}, "stage"),
])
def test_a_missing_or_unknown_gate_answer_is_a_400_with_a_message_never_a_plan(client, data, field):
    response = client.post("/return-to-running/", data)
    html = text(response)
    assert response.status_code == 400 and 'class="error-summary"' in html
    assert f'href="#id_{field}' in html and 'data-gate="advice"' not in html


def test_the_plan_shows_every_week_the_chart_and_the_ways_out(client):
    response = client.get(PLAN)
    html = text(response)
    assert response.status_code == 200
    assert html.count('<tr class="') == 12  # one row a week
    assert "Mon 4 Jan, Wed 6 Jan, Fri 8 Jan" in strip_tags(html)
    svg = html[html.index("<svg class=\"plan-chart\""):html.index("</svg>", html.index("plan-chart"))]
    assert svg.count('<rect class="bar') == 36 and svg.count("bar-walk") == 3
    assert 'role="img"' in svg and "<title id=\"chart-title\">" in svg
    assert 'href="/return-to-running/plan.ics?start=2027-01-04&amp;sessions=3&amp;stage=1"' in html
    assert 'href="/return-to-running/card/?start=2027-01-04&amp;sessions=3&amp;stage=1&amp;week=2"' in html
    assert 'href="/routine/?run=easy&amp;warmup=5&amp;cooldown=5"' in html  # the warm-up before each session
    assert 'data-hx-post="/return-to-running/check-in/"' in html and 'method="post"' in html
    assert "csrfmiddlewaretoken" in html
    assert "Run no longer than the stage says." in html and "Garmin-RUNSAFE" in html
    assert 'href="/return-to-running/check-in/?stage=2&amp;sessions=3"' in html  # each week's check-in


def test_the_history_and_keep_controls_need_javascript_and_say_nothing_leaves_the_device(client):
    html = text(client.get(PLAN))
    assert re.search(r'<section class="history" hidden data-history', html)
    assert "Delete my history" in html and "Nothing leaves this device" in html
    assert "static/js/running.js" in html


def test_no_inline_styles_or_scripts_for_the_strict_csp(client):
    for url in ("/return-to-running/", PLAN, "/return-to-running/card/?start=2027-01-04&week=1", CHECK_IN,
                "/return-to-running/run/?stage=4"):
        html = text(client.get(url))
        assert " style=" not in html, url
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"<[^>]*\son[a-z]+=", html), url


def test_missing_values_take_the_defaults(client):
    html = text(client.get("/return-to-running/plan/"))
    today = timezone.localdate()
    assert f'datetime="{today:%Y-%m-%d}"' in html
    assert "3 a week" in html and "this week" in html


def test_the_current_week_is_marked_and_the_check_in_asks_about_its_stage(client):
    start = timezone.localdate() - datetime.timedelta(days=8)
    html = text(client.get(f"/return-to-running/plan/?start={start:%Y-%m-%d}&sessions=3&stage=2"))
    assert '<tr class="is-current" data-week="2" data-stage="3">' in html
    assert '<option value="3" selected>' in html


@pytest.mark.parametrize(("query", "message"), [
    ("start=nope&sessions=3&stage=1", "Give the date as year-month-day"),
    ("start=2027-02-30", "Give the date as year-month-day"),
    ("start=1999-01-01", "within a year of today"),
    ("start=", "Give the date as year-month-day"),
    ("start=2027-01-04&sessions=5", "Choose 2, 3 or 4 sessions a week."),
    ("start=2027-01-04&sessions=1", "Choose 2, 3 or 4 sessions a week."),
    ("start=2027-01-04&stage=0", "Choose a stage from 1 to 12."),
    ("start=2027-01-04&stage=13", "Choose a stage from 1 to 12."),
    ("start=2027-01-04&stage=two", "Choose a stage from 1 to 12."),
])
def test_bad_plan_values_get_the_form_with_a_message_and_400(client, query, message):
    for path in ("/return-to-running/plan/", "/return-to-running/plan.ics", "/return-to-running/card/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, path
        assert message in text(response) and 'class="error-summary"' in text(response)


def test_the_plan_pages_only_answer_get(client):
    for path in ("/return-to-running/plan/", "/return-to-running/plan.ics",
                 "/return-to-running/card/"):
        assert client.post(path).status_code == 405


# --- The calendar file ---------------------------------------------------------------------------
def parse(response) -> list:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="return-to-running.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["PRODID"]) == "-//Back on Track//Return to running//EN"
    return list(calendar.walk("VEVENT"))


def test_the_ics_has_one_all_day_event_per_session_on_the_right_dates(client):
    events = parse(client.get("/return-to-running/plan.ics?start=2027-01-04&sessions=3&stage=1"))
    assert len(events) == 36
    dates = [event.decoded("DTSTART") for event in events]
    assert dates[:4] == [datetime.date(2027, 1, 4), datetime.date(2027, 1, 6), datetime.date(2027, 1, 8),
                         datetime.date(2027, 1, 11)]
    assert dates[-1] == datetime.date(2027, 3, 26)
    assert all(type(d) is datetime.date for d in dates)  # all-day events, no times
    assert all(event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(days=1) for event in events)
    assert all((b - a).days >= 2 for a, b in zip(dates, dates[1:], strict=False))  # rest days left free
    assert len({str(event["UID"]) for event in events}) == 36


def test_each_event_says_what_to_do(client):
    events = parse(client.get("/return-to-running/plan.ics?start=2027-01-04&sessions=2&stage=3"))
    assert len(events) == 2 * 10
    first = events[0]
    assert str(first["SUMMARY"]) == "Walk-run: stage 3, run 30 seconds"
    description = str(first["DESCRIPTION"])
    assert "Warm-up: walk for 5 minutes" in description
    assert "Run 30 s, then walk 1½ min: 10 times." in description
    assert "Cool-down: walk for 5 minutes" in description
    assert "http://testserver/return-to-running/check-in/?stage=3" in description
    assert "http://testserver/routine/?run=easy&warmup=5&cooldown=5" in description
    assert "Your plan: http://testserver/return-to-running/plan/?start=2027-01-04&sessions=2&stage=3" in description


def test_four_a_week_in_the_ics_never_has_two_days_in_a_row(client):
    events = parse(client.get("/return-to-running/plan.ics?start=2027-01-04&sessions=4&stage=8"))
    dates = [event.decoded("DTSTART") for event in events]
    assert len(dates) == 20 and {(b - a).days for a, b in zip(dates, dates[1:], strict=False)} == {2}


def test_the_same_plan_downloaded_twice_keeps_its_event_ids(client):
    url = "/return-to-running/plan.ics?start=2027-01-04&sessions=3&stage=10"
    first, second = parse(client.get(url)), parse(client.get(url))
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]


# --- The week card --------------------------------------------------------------------------------
def test_the_card_has_the_week_boxes_rules_signs_and_a_qr_code(client):
    html = text(client.get("/return-to-running/card/?start=2027-01-04&sessions=3&stage=1&week=3"))
    assert "Week 3 of 12: stage 3, run 30 seconds" in html
    assert "testserver/return-to-running/check-in/?stage=3" in html
    assert html.count('<span class="write-box"') == 3
    assert "Mon 18 Jan" in strip_tags(html) and "Fri 22 Jan" in strip_tags(html)
    assert html.index('class="emergency-signs') < html.index('class="card-table"')  # the signs at the top
    for sign in EMERGENCY_SIGNS:
        assert sign in html
    assert "Green, 0 to 3 out of 10" in html and "Amber, 4 to 5" in html and "Red, 6 to 10" in html
    assert 'class="qr-code"' in html
    assert "testserver/return-to-running/plan/?start=2027-01-04&amp;sessions=3&amp;stage=1" in html
    assert 'href="/return-to-running/card/?start=2027-01-04&amp;sessions=3&amp;stage=1&amp;week=4"' in html


def test_the_card_shows_this_week_when_no_week_is_given(client):
    start = timezone.localdate() - datetime.timedelta(days=15)
    html = text(client.get(f"/return-to-running/card/?start={start:%Y-%m-%d}&sessions=2&stage=1"))
    assert "Week 3 of 12" in html


@pytest.mark.parametrize("week", ["0", "13", "two", "-1"])
def test_a_week_the_plan_does_not_have_is_a_400_with_a_message(client, week):
    response = client.get(f"/return-to-running/card/?start=2027-01-04&sessions=3&stage=1&week={week}")
    assert response.status_code == 400
    assert "week" in text(response).lower() and 'class="error-summary"' in text(response)


# --- The check-in -----------------------------------------------------------------------------------
def test_the_check_in_form_is_blank_and_never_cached(client):
    response = client.get(CHECK_IN)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = text(response)
    assert "Your next step" not in html and " checked" not in html
    assert html.index('class="emergency-signs') < html.index('name="emergency"')


def test_answers_in_the_query_string_get_the_blank_form_and_no_decision(client):
    # Only the stage may come from a link (a plan's); every answer in a query string is ignored.
    query = "&".join(f"{k}={v}" for k, v in {**GOOD, "emergency": "yes"}.items() if k != "stage")
    response = client.get(f"{CHECK_IN}?{query}")
    html = text(response)
    assert response.status_code == 200
    assert "Your next step" not in html and " checked" not in html and "selected>Stage" not in html


@pytest.mark.parametrize(("query", "selected"), [("stage=5", "5"), ("stage=12", "12"), ("stage=13", None),
                                                 ("stage=x", None), ("", None)])
def test_a_plan_s_link_fills_in_the_stage_and_nothing_else(client, query, selected):
    html = text(client.get(f"{CHECK_IN}?{query}&pain_during=9&emergency=yes"))
    if selected:
        assert f'<option value="{selected}" selected>' in html
        assert "Don't have a plan yet?" not in html and 'name="from_plan" value="True"' in html
    else:
        assert "selected>Stage" not in html
        assert "Don't have a plan yet?" in html
    assert " checked" not in html and "Your next step" not in html


def test_the_blank_questions_are_kept_per_stage_and_a_posted_form_never(client):
    """A blank form's questions are kept rendered in this process, one copy per stage and sessions;
    a posted form holds answers and is never kept."""
    def entries():
        return len(caches["local"]._cache)  # LocMemCache's own store: all this process keeps

    client.get(f"{CHECK_IN}?stage=3&sessions=3")
    kept = entries()
    assert '<option value="3" selected>' in text(client.get(f"{CHECK_IN}?stage=3&sessions=3"))
    assert entries() == kept
    assert '<option value="5" selected>' in text(client.get(f"{CHECK_IN}?stage=5&sessions=3"))
    assert entries() == kept + 1
    assert client.post(CHECK_IN, {**GOOD, "pain_during": "9"}).status_code == 200
    assert client.post(CHECK_IN, {"pain_during": "9"}).status_code == 400
    assert entries() == kept + 1


@pytest.mark.parametrize(("changes", "headline", "next_stage"), [
    ({}, "Move up a stage", "Next session: Stage 5: run 1½ minutes."),
    ({"finished": "1"}, "Repeat this stage", "Next session: Stage 4: run 1 minute."),
    ({"pain_during": "5"}, "Repeat this stage", "Next session: Stage 4"),
    ({"pain_during": "6"}, "Step back a stage", "Next session: Stage 3: run 30 seconds."),
    ({"morning": "worse"}, "Step back a stage", "Next session: Stage 3"),
    ({"pain_after": "7"}, "Step back a stage", "Next session: Stage 3"),
    ({"week_trend": "worse"}, "Step back a stage", "Next session: Stage 3"),
    ({"longer": "yes"}, "Repeat this stage", "Next session: Stage 4"),
    ({"other_pain": "yes"}, "Repeat this stage", "Next session: Stage 4"),
    ({"pain_after": "8"}, "Stop: use the symptom checker now", "get checked if it has not settled"),
])
def test_a_check_in_gives_one_decision_with_its_reason(client, changes, headline, next_stage):
    response = client.post(CHECK_IN, {**GOOD, **changes})
    html = text(response)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert f'<span class="decision-kicker">Your next step:</span> {headline}</h2>' in html
    assert next_stage in html


@pytest.mark.parametrize(("changes", "decision", "next_stage"), [
    ({}, "move_up", "5"), ({"finished": "0"}, "repeat", "4"), ({"pain_during": "6"}, "step_back", "3"),
    ({"warning_signs": "yes"}, "stop", ""), ({"emergency": "unsure"}, "stop", ""),
])
def test_the_decision_carries_data_decision_and_data_next(client, changes, decision, next_stage):
    html = text(client.post(CHECK_IN, {**GOOD, **changes}))
    assert f'data-decision="{decision}" data-next="{next_stage}"' in html


@pytest.mark.parametrize("warning", ["yes", "unsure"])
def test_a_new_warning_sign_stops_whatever_else_is_answered_or_missing_without_emergency_advice(client, warning):
    for data in ({**GOOD, "warning_signs": warning}, {"emergency": "no", "warning_signs": warning},
                 {"warning_signs": warning, "pain_during": "99"}):
        response = client.post(CHECK_IN, data)
        html = text(response)
        assert response.status_code == 200, data
        assert 'data-decision="stop"' in html and "symptom checker today" in html
        assert "Do not drive yourself" not in html and "Next session" not in html


def test_after_a_check_in_from_a_plan_it_does_not_ask_for_a_plan(client):
    assert "Don't have a plan yet?" not in text(client.post(CHECK_IN, {**GOOD, "from_plan": "True"}))
    assert "Don't have a plan yet?" in text(client.post(CHECK_IN, GOOD))


@pytest.mark.parametrize("emergency", ["yes", "unsure"])
def test_an_emergency_sign_stops_whatever_else_is_answered_or_missing(client, emergency):
    for data in ({**GOOD, "emergency": emergency}, {"emergency": emergency},
                 {"emergency": emergency, "pain_during": "99"}):
        response = client.post(CHECK_IN, data)
        html = text(response)
        assert response.status_code == 200
        assert "Stop: use the symptom checker now" in html and 'href="/checker/"' in html
        decision = html[html.index('class="decision'):html.index('id="check-in-heading"')]
        assert 'class="emergency-signs' in decision  # the emergency advice with the decision
        assert ("Do not drive yourself" in decision) is (emergency == "yes")
        assert "Next session" not in html


@pytest.mark.parametrize(("data", "message"), [
    ({**GOOD, "pain_during": "11"}, "Choose how bad the pain was during the session, from 0 to 10."),
    ({**GOOD, "pain_during": "-1"}, "Choose how bad the pain was during the session, from 0 to 10."),
    ({**GOOD, "pain_during": "three"}, "Choose how bad the pain was during the session, from 0 to 10."),
    ({**GOOD, "pain_after": "11"}, "Choose how bad the pain was later that day, from 0 to 10."),
    ({k: v for k, v in GOOD.items() if k != "pain_after"}, "Choose how bad the pain was later that day"),
    ({**GOOD, "stage": "13"}, "Choose a stage from 1 to 12."),
    ({**GOOD, "stage": ""}, "Choose a stage from 1 to 12."),
    ({**GOOD, "warning_signs": "maybe"}, "Answer the question about the warning signs."),
    ({k: v for k, v in GOOD.items() if k != "warning_signs"}, "Answer the question about the warning signs."),
    ({**GOOD, "longer": "unsure"}, "Say whether you did more than the stage says."),
    ({**GOOD, "week_trend": "same"}, "Choose how your back pain compares with a week ago."),
    ({k: v for k, v in GOOD.items() if k != "other_pain"}, "Say whether anything else hurt."),
    ({**GOOD, "finished": "7"}, "Choose how many sessions of this stage you have finished."),
    ({**GOOD, "morning": "great"}, "Choose how your back was the next morning."),
    ({**GOOD, "emergency": "maybe"}, "Answer the question about the emergency signs."),
    ({k: v for k, v in GOOD.items() if k != "emergency"}, "Answer the question about the emergency signs."),
    ({}, "Choose how bad the pain was during the session, from 0 to 10."),
])
def test_bad_or_missing_answers_get_a_message_and_400_never_a_decision(client, data, message):
    response = client.post(CHECK_IN, data)
    assert response.status_code == 400
    html = text(response)
    assert message in html and 'class="error-summary"' in html and "Your next step" not in html


def test_with_htmx_the_check_in_answers_with_its_piece_of_page_even_for_errors(client):
    headers = {"HX-Request": "true"}
    response = client.post(CHECK_IN, GOOD, headers=headers)
    html = text(response)
    assert response.status_code == 200 and "<html" not in html and html.lstrip().startswith('<section id="check-in"')
    assert "Move up a stage" in html and "HX-Request" in response["Vary"]
    response = client.post(CHECK_IN, {**GOOD, "pain_during": "12"}, headers=headers)
    assert response.status_code == 200 and "from 0 to 10." in text(response)


def test_the_keep_control_carries_the_answers_for_the_browser_only_and_is_hidden(client):
    html = text(client.post(CHECK_IN, {**GOOD, "pain_during": "3"}))
    assert re.search(r'<div class="keep" hidden data-keep data-stage="4" data-pain="3"\s+data-morning="usual" '
                     r'data-action="move_up" data-next="5">', html)


def test_the_check_in_needs_a_csrf_token(db):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(CHECK_IN, GOOD).status_code == 403


def test_the_check_in_stores_nothing_and_hides_answers_from_error_reports(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.post(CHECK_IN, GOOD)
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"
    assert set(response.cookies) <= {"csrftoken"} and "sessionid" not in response.cookies
    assert client.put(CHECK_IN).status_code == 405


# --- Where the plan is offered -------------------------------------------------------------------------
@pytest.mark.parametrize(("overrides", "offered"), [
    ({}, True), ({"worried": "yes"}, True), ({"saddle_numbness": "yes"}, False), ({"fever": "yes"}, False),
    ({"energy_bone": "yes"}, False), ({"pregnant": "yes"}, False), ({"pregnant": "unsure"}, False),
    ({"recent_birth": "under_12_weeks"}, False), ({"recent_birth": "3_to_12_months"}, True),
])
def test_the_checker_offers_the_plan_only_where_it_offers_a_routine(client, db, overrides, offered):
    html = text(client.post("/checker/", answers(**overrides)))
    main = html.split('id="main"')[1].split("</main>")[0]  # the site's menu links the plan on every page
    assert ('href="/return-to-running/"' in main) is offered
    assert ("Build your routine" in html) is offered


def test_the_flare_up_article_links_the_plan_and_the_guide_explains_it():
    assert "](/return-to-running/)" in (CONTENT / "articles" / "recovering-from-a-flare-up.md").read_text()
    article = (CONTENT / "articles" / "returning-to-running.md").read_text()
    assert "](/return-to-running/)" in article and "](/checker/)" in article
    for source in ("asteroid-trial", "asteroid-trial-registration", "nhs-couch-to-5k", "silbernagel-2007"):
        assert source in article.split("---")[1], source
        assert (CONTENT / "sources" / f"{source}.md").is_file()


# --- Run mode -------------------------------------------------------------------------------------------
def test_run_mode_lists_every_step_and_asks_the_check_in_with_the_stage_filled_in(client):
    from backpain.running.session import timeline

    response = client.get("/return-to-running/run/?stage=2")
    html = text(response)
    assert response.status_code == 200
    steps = re.findall(r'<li data-kind="([a-z_]+)" data-seconds="(\d+)" data-cue="([^"]+)"', html)
    assert [(kind, int(seconds), cue) for kind, seconds, cue in steps] == [
        (step.kind, step.seconds, step.cue) for step in timeline(STAGES[1])]
    # The list says each step and how long it is, once (the spoken words are the script's).
    items = re.findall(r"<li data-kind[^>]*><strong>([^<]+)</strong>: ([^<]+)</li>", html)
    assert items[:3] == [("Warm-up walk", "5 minutes"), ("Run 1 of 10", "15 seconds"),
                         ("Walk", "1 minute 45 seconds")]
    assert items[-1] == ("Cool-down walk", "5 minutes") and len(items) == len(steps)
    assert '<section class="run-screen" data-run hidden' in html  # shown by the script only
    assert "static/js/run.js" in html and '<option value="2" selected>' in html
    assert 'name="from_plan" value="True"' in html and "Don't have a plan yet?" not in html


@pytest.mark.parametrize("query", ["", "stage=0", "stage=13", "stage=two"])
def test_run_mode_without_a_stage_is_a_400_with_every_stage_to_choose(client, query):
    response = client.get(f"/return-to-running/run/?{query}")
    assert response.status_code == 400
    assert text(response).count('href="/return-to-running/run/?stage=') == len(STAGES)


def test_the_plan_card_and_calendar_link_run_mode(client):
    assert 'href="/return-to-running/run/?stage=3&amp;sessions=3"' in text(client.get(PLAN))
    assert "testserver/return-to-running/run/?stage=3&amp;sessions=2" in text(
        client.get("/return-to-running/card/?start=2027-01-04&sessions=2&stage=1&week=3"))
    events = parse(client.get("/return-to-running/plan.ics?start=2027-01-04&sessions=4&stage=4"))
    assert "http://testserver/return-to-running/run/?stage=4&sessions=4" in str(events[0]["DESCRIPTION"])


def test_the_cards_qr_code_opens_run_mode_for_its_weeks_stage(client):
    html = text(client.get("/return-to-running/card/?start=2027-01-04&sessions=2&stage=1&week=3"))
    run = "http://testserver/return-to-running/run/?stage=3&sessions=2"
    assert qr_svg(run, title="QR code that opens run mode for this week's sessions") in html
    assert client.get(run).status_code == 200


def test_each_calendar_event_opens_run_mode_for_its_own_stage(client):
    events = parse(client.get("/return-to-running/plan.ics?start=2027-01-04&sessions=3&stage=2&time=07:30"))
    for event in events:
        stage = int(re.match(r"Walk-run: stage (\d+)", str(event["SUMMARY"])).group(1))
        run = f"http://testserver/return-to-running/run/?stage={stage}&sessions=3"
        assert str(event["URL"]) == run
        assert f"Run mode, which times every step for you: {run}" in str(event["DESCRIPTION"])
    assert {str(event["URL"]) for event in events[:3]} == {"http://testserver/return-to-running/run/?stage=2&sessions=3"}
    assert str(events[-1]["URL"]).endswith("?stage=12&sessions=3")


@pytest.mark.parametrize(("changes", "stage"), [({}, 5), ({"finished": "1"}, 4), ({"pain_during": "6"}, 3)])
def test_update_my_plan_gives_a_plan_from_today_at_the_decided_stage(client, changes, stage):
    today = timezone.localdate()
    html = text(client.post(CHECK_IN, {**GOOD, **changes, "sessions": "4"}))
    link = f"/return-to-running/plan/?start={today:%Y-%m-%d}&amp;sessions=4&amp;stage={stage}"
    assert f'href="{link}" data-update-plan' in html
    plan = client.get(link.replace("&amp;", "&"))
    assert plan.status_code == 200 and f'data-week="1" data-stage="{stage}"' in text(plan)


@pytest.mark.parametrize("changes", [{"warning_signs": "yes"}, {"emergency": "unsure"}, {"pain_after": "9"}])
def test_no_plan_update_after_a_stop(client, changes):
    assert "Update my plan" not in text(client.post(CHECK_IN, {**GOOD, **changes}))


def test_an_unknown_sessions_value_is_left_out_not_an_error(client):
    html = text(client.post(CHECK_IN, {**GOOD, "sessions": "99"}))
    assert "sessions=3&amp;stage=5" in html and "Move up a stage" in html


def test_each_event_has_a_reminder_at_8_for_all_day_events(client):
    events = parse(client.get("/return-to-running/plan.ics?start=2027-01-04&sessions=3&stage=1"))
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == datetime.timedelta(hours=8)
        assert type(event.decoded("DTSTART")) is datetime.date


def test_a_time_of_day_makes_timed_events_with_a_reminder_an_hour_before(client):
    events = parse(client.get("/return-to-running/plan.ics?start=2027-01-04&sessions=3&stage=2&time=07:30"))
    first = events[0]
    assert first.decoded("DTSTART") == datetime.datetime(2027, 1, 4, 7, 30)
    assert first.decoded("DTEND") - first.decoded("DTSTART") == datetime.timedelta(minutes=STAGES[1].total_minutes)
    (alarm,) = first.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -datetime.timedelta(hours=1)
    assert "time=" not in str(first["URL"])  # the plan's link carries start, sessions and stage only


@pytest.mark.parametrize("bad", ["25:00", "7.30", "seven"])
def test_a_bad_time_of_day_is_a_400_with_a_message(client, bad):
    response = client.get(f"/return-to-running/plan.ics?start=2027-01-04&time={bad}")
    assert response.status_code == 400 and "like 07:30" in text(response)


@pytest.mark.django_db
def test_the_today_line_is_an_empty_hidden_box_until_the_script_fills_it(client):
    """Without JavaScript nothing shows: the kept check-ins and the plan's sessions live in the browser."""
    plan = text(client.get(PLAN))
    box = re.search(r'<div class="plan-today" data-plan-today hidden ([^>]*)></div>', plan)
    assert box and 'data-plan-url="/return-to-running/plan/?start=2027-01-04&amp;sessions=3&amp;stage=1"' in box[1]
    assert 'data-run-url="/return-to-running/run/"' in box[1] and 'data-sessions="3"' in box[1]
    assert plan.count("data-session>") == 36  # each session's date, for the done marks
    home = text(client.get("/"))
    assert '<div class="plan-today" data-plan-today hidden aria-live="polite"></div>' in home
    assert "static/js/running.js" in home


def test_run_mode_first_view_is_under_50_kb_compressed_and_its_script_under_15_kb(client):
    """What a phone fetches to show run mode (the HTML, its stylesheets and scripts), without the audio."""
    import gzip

    from django.contrib.staticfiles import finders

    html = client.get("/return-to-running/run/?stage=10").content
    files = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert b"js/run.js" in files
    sizes = {name: len(gzip.compress(Path(finders.find(name.decode())).read_bytes())) for name in files}
    total = len(gzip.compress(html)) + sum(sizes.values())
    assert total < 50_000, f"{total} bytes compressed: {sizes}"
    assert sizes[b"js/run.js"] < 15_000
