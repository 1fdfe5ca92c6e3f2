"""Return to running in a real browser: make a plan, check in (with and without JavaScript), keep and
delete the history, print the week card, and axe on every page."""

import datetime
import os
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .accessibility import assert_accessible, assert_accessible_at_each_width, at_each_width

TODAY = datetime.date.today()
START = TODAY - datetime.timedelta(days=10)  # the plan is in its second week
PLAN = f"/return-to-running/plan/?start={START:%Y-%m-%d}&sessions=3&stage=1"
CARD = f"/return-to-running/card/?start={START:%Y-%m-%d}&sessions=3&stage=1&week=2"
# The busiest card: four sessions, and the longest stage text.
CARD_FULLEST = "/return-to-running/card/?start=2027-01-04&sessions=4&stage=1&week=2"


def chart_picture(page, folder, name):
    """The chart alone, for people to look at (`make screenshots`), like the screenshot fixture."""
    if os.environ.get("BACKPAIN_SCREENSHOTS") == "1":
        page.locator(".chart").screenshot(path=str(folder / name))


def day(offset: int) -> str:
    return f"{START + datetime.timedelta(days=offset):%Y-%m-%d}"


def answer(page, *, emergency="No", warning="No", longer="No", pain="2", after=None,
           morning="Back to my usual level, or better", week="Better, or the same", other="No",
           finished="Two or more"):
    form = page.locator(".check-in-form")

    def pick(question: str, label: str):
        form.locator("fieldset", has=page.locator("legend", has_text=question)).get_by_label(label, exact=True).check()

    pick("emergency signs", emergency)
    pick("have you had any of these", warning)
    pick("longer, further or faster", longer)
    pick("during the session", pain)
    pick("later that day", after or pain)
    form.get_by_label(morning, exact=True).check()
    form.get_by_label(week, exact=True).check()
    pick("anything else hurt", other)
    form.get_by_label(finished, exact=True).check()
    form.get_by_role("button", name="Get my next step").click()


def pass_the_gate(page, *, walk="Yes"):
    form = page.locator(".plan-form")
    for fieldset in form.locator("fieldset.question").all():
        legend = fieldset.locator("legend").inner_text()
        fieldset.get_by_label(walk if legend.startswith("Can you walk") else "No", exact=True).check()


def store_check_ins(page, kept: list[dict]):
    """Put check-ins in this browser as running.js keeps them (reload to see them)."""
    page.evaluate("kept => localStorage.setItem('backpain.running.checkins', JSON.stringify(kept))", kept)


def keep(page, date: str):
    page.locator("[data-keep-date]").fill(date)
    page.get_by_role("button", name="Keep this check-in in this browser").click()
    expect(page.locator("[data-keep-status]")).to_contain_text("Kept in this browser")


def test_make_a_plan_check_in_three_times_see_them_on_the_chart_then_delete_them(site, screenshot_dir):
    page = site()
    page.goto("/return-to-running/")
    pass_the_gate(page)
    page.get_by_label("First day").fill(f"{START:%Y-%m-%d}")
    page.get_by_label("3 a week, as in the trial").check()
    page.get_by_label("Start at").select_option("1")
    page.get_by_role("button", name="Show my plan").click()
    expect(page).to_have_url(re.compile(rf"/return-to-running/plan/\?start={START:%Y-%m-%d}&sessions=3&stage=1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your return-to-running plan")
    expect(page.locator("tr.is-current")).to_have_attribute("data-week", "2")

    history = page.locator("[data-history]")
    expect(history).to_be_visible()  # shown by the script
    expect(history).to_contain_text("You have not kept any check-ins yet")
    expect(history.get_by_role("button", name="Delete my history")).to_be_hidden()
    dots = page.locator("svg[data-chart] .checkin")
    expect(dots).to_have_count(0)
    page.evaluate("window.stillHere = true")  # gone if the page reloads

    # 1. Stage 2 (this week's, preselected), finished once: repeat.
    expect(page.get_by_label("Which stage were you on?")).to_have_value("2")
    answer(page, finished="One: this was the first")
    expect(page.locator(".decision h2")).to_have_text("Your next step: Repeat this stage")
    expect(page.locator(".decision")).to_be_focused()
    keep(page, day(7))
    expect(dots).to_have_count(1)

    # 2. Finished twice with green pain: move up.
    answer(page, pain="3")
    expect(page.locator(".decision h2")).to_have_text("Your next step: Move up a stage")
    keep(page, day(9))

    # 3. Too much pain: step back.
    page.get_by_label("Which stage were you on?").select_option("3")
    answer(page, pain="2", after="7")  # 7 out of 10 that evening: the review's case
    expect(page.locator(".decision h2")).to_have_text("Your next step: Step back a stage")
    keep(page, day(14))
    assert page.evaluate("window.stillHere") is True  # every check-in came back without a page load
    assert "pain" not in page.url and "stage=3" not in page.url

    expect(dots).to_have_count(3)
    expect(dots.locator("text")).to_have_text(["2", "3", "7"])
    expect(history.locator("li")).to_have_count(3)
    expect(history.locator("li").last).to_contain_text("stage 3, pain 7 out of 10; next step: step back a stage")
    expect(page.locator("[data-history-key]")).to_be_visible()
    # Each circle sits over its own day and higher for a stage with more running.
    xs = dots.locator("circle").evaluate_all("cs => cs.map(c => +c.getAttribute('cx'))")
    ys = dots.locator("circle").evaluate_all("cs => cs.map(c => +c.getAttribute('cy'))")
    assert xs == sorted(xs) and ys[0] == ys[1] > ys[2]
    chart_picture(page, screenshot_dir, "running-chart-checkins-1280.png")
    assert_accessible(page)

    # Kept across a reload: in this browser's storage, not on the server.
    page.reload()
    expect(dots).to_have_count(3)
    stored = page.evaluate("JSON.parse(localStorage.getItem('backpain.running.checkins'))")
    assert [(c["date"], c["stage"], c["pain"], c["action"]) for c in stored] == [
        (day(7), 2, 2, "repeat"), (day(9), 2, 3, "move_up"), (day(14), 3, 7, "step_back")]

    history.get_by_role("button", name="Delete my history").click()
    expect(dots).to_have_count(0)
    expect(history.locator("li")).to_have_count(0)
    expect(history).to_contain_text("Your history is deleted from this browser.")
    assert page.evaluate("localStorage.getItem('backpain.running.checkins')") is None
    page.reload()
    expect(dots).to_have_count(0)


def test_an_emergency_sign_stops_at_once_and_shows_the_emergency_advice(site):
    page = site()
    page.goto(PLAN)
    page.locator(".check-in-form fieldset", has_text="emergency signs").get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Get my next step").click()  # nothing else answered
    decision = page.locator(".decision")
    expect(decision.locator("h2")).to_have_text("Your next step: Stop: use the symptom checker now")
    expect(decision.locator(".emergency-signs")).to_be_visible()
    expect(decision).to_contain_text("Do not drive yourself")
    expect(decision.get_by_role("link", name="Use the symptom checker now")).to_have_attribute("href", "/checker/")
    assert_accessible(page)


@pytest.mark.console_allows("status of 400")  # missing answers: the form comes back as a 400 page, on purpose
def test_without_javascript_the_check_in_posts_and_the_page_gives_the_decision(site):
    page = site(js=False)
    page.goto(PLAN)
    expect(page.locator("[data-history]")).to_be_hidden()  # needs the script
    answer(page, pain="4")
    expect(page).to_have_url(re.compile(r"/return-to-running/check-in/$"))  # answers in the body, not the URL
    expect(page.get_by_role("heading", level=1)).to_have_text("Check in after a session")
    expect(page.locator(".decision h2")).to_have_text("Your next step: Repeat this stage")
    expect(page.locator(".decision")).to_contain_text("Pain of 4 out of 10 during the session is a warning")
    expect(page.locator("[data-keep]")).to_be_hidden()
    expect(page.get_by_text("Don't have a plan yet?")).to_have_count(0)  # came from a plan
    # Missing answers: a message at the top, never a decision.
    page.goto("/return-to-running/check-in/")
    page.get_by_role("button", name="Get my next step").click()
    expect(page.locator(".error-summary")).to_contain_text("Answer the question about the emergency signs.")
    expect(page.locator(".decision")).to_have_count(0)


@pytest.mark.console_allows("status of 400")  # missing answers: the form comes back as a 400 page, on purpose
def test_no_axe_violations_on_the_check_in_with_its_messages(site):
    # axe runs in the page, so it needs JavaScript: post the form as a browser without it would.
    page = site()
    page.goto("/return-to-running/check-in/")
    page.get_by_label("Which stage were you on?").select_option("4")
    page.evaluate("document.querySelector('.check-in-form').submit()")
    expect(page.locator(".error-summary")).to_contain_text("Choose how bad the pain was during the session")
    assert_accessible(page)


def print_the_card(page, url, pdf, paper):
    page.goto(url)
    expect(page.locator(".card-qr svg")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("[data-print]")).to_be_hidden()
    # Black and white: the zones keep their shapes, filled from empty to full.
    fills = page.locator(".zone-icon").evaluate_all("icons => icons.map(i => getComputedStyle(i).fill)")
    assert fills == ["rgb(255, 255, 255)", "rgb(153, 153, 153)", "rgb(0, 0, 0)"]
    page.pdf(path=str(pdf), format=paper, print_background=False)
    return len(PdfReader(pdf).pages)


def test_the_busiest_week_card_prints_on_exactly_one_page_in_black_and_white_on_a4_and_letter(site, screenshot_dir):
    page = site()
    for paper in ("A4", "Letter"):
        assert print_the_card(page, CARD_FULLEST, screenshot_dir / f"running-card-four-{paper}.pdf", paper) == 1, paper


@pytest.mark.screenshots
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_three_a_week_card_prints_on_exactly_one_page(site, screenshot_dir, paper):
    assert print_the_card(site(), CARD, screenshot_dir / f"running-card-three-{paper}.pdf", paper) == 1


RUNNING_PAGES = [
    "/return-to-running/",
    PLAN,
    "/return-to-running/plan/?start=2027-01-04&sessions=4&stage=8",
    "/return-to-running/plan/?start=nope&sessions=9",  # bad input: a 400 page
    "/return-to-running/check-in/",
    CARD,
    "/articles/returning-to-running/",
]


@pytest.mark.console_allows("status of 400")  # the bad plan link is a 400 page, on purpose
def test_no_axe_violations_on_any_running_page(site):
    page = site()
    for url in RUNNING_PAGES:
        page.goto(url)
        assert_accessible(page)


def test_a_new_warning_sign_stops_the_check_in(site, screenshot):
    """Check-in version 2, rule 2: a new fever, night pain or leg numbness since the last check-in.
    (Without JavaScript the same form posts: tests/test_running_views.py, through the test client.)"""
    page = site(width=375)
    for warning in ("Yes", "Not sure"):
        page.goto("/return-to-running/check-in/?stage=4")
        expect(page.get_by_label("Which stage were you on?")).to_have_value("4")  # from the plan's link
        answer(page, warning=warning, pain="0")
        decision = page.locator("[data-decision]")
        expect(decision).to_have_attribute("data-decision", "stop")
        expect(decision).to_have_attribute("data-next", "")
        expect(decision).to_contain_text("Use the symptom checker today")
        expect(decision).not_to_contain_text("Do not drive yourself")  # no emergency advice for rule 2
        expect(page.get_by_text("Don't have a plan yet?")).to_have_count(0)
        name = "yes" if warning == "Yes" else "unsure"
        assert_accessible_at_each_width(page, screenshot, f"running-check-in-stopped-{name}")


def test_the_gate_gives_advice_for_a_recent_birth_and_a_plan_for_all_no(site, screenshot):
    page = site(width=375)
    page.goto("/return-to-running/")
    pass_the_gate(page)
    page.locator("fieldset", has=page.locator("legend", has_text="given birth")).get_by_label(
        "Yes", exact=True).check()
    page.get_by_role("button", name="Show my plan").click()
    advice = page.locator("[data-gate=advice]")
    expect(advice).to_contain_text("pelvic health check first")
    expect(advice.get_by_role("link", name="Use the symptom checker")).to_be_visible()
    assert "/plan/" not in page.url and "gave_birth" not in page.url
    assert_accessible_at_each_width(page, screenshot, "running-gate-advice")
    # All no, but the walk test not yet passed: a plan from stage 1, whatever stage was chosen.
    page.goto("/return-to-running/")
    pass_the_gate(page, walk="No")
    page.get_by_label("Start at").select_option("5")
    page.get_by_role("button", name="Show my plan").click()
    expect(page).to_have_url(re.compile(r"/return-to-running/plan/\?start=\d{4}-\d\d-\d\d&sessions=3&stage=1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your return-to-running plan")


def test_no_axe_violations_on_a_phone_with_a_decision_kept(site):
    page = site(width=375)
    page.goto(PLAN)
    answer(page, finished="One: this was the first")
    expect(page.locator("[data-keep]")).to_be_visible()
    assert_accessible(page)
    page.goto(CARD)
    assert_accessible(page)


def test_plan_chart_and_card_fit_the_screen_without_sideways_scrolling(site, screenshot, screenshot_dir):
    page = site()
    page.goto(PLAN)
    kept = [{"date": day(7), "stage": 2, "pain": 1, "morning": "usual", "action": "repeat", "next": 2},
            {"date": day(9), "stage": 2, "pain": 3, "morning": "usual", "action": "move_up", "next": 3}]
    store_check_ins(page, kept)
    page.reload()
    expect(page.locator("svg[data-chart] .checkin")).to_have_count(2)
    for width in at_each_width(page):
        chart_picture(page, screenshot_dir, f"running-chart-{width}.png")
    for name, url in (("plan", None), ("card", CARD), ("check-in", "/return-to-running/check-in/"),
                      ("start", "/return-to-running/"), ("article", "/articles/returning-to-running/")):
        if url:
            page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        for width in at_each_width(page):
            screenshot(page, f"running-{name}-{width}.png")
            # WCAG 1.4.10 (reflow): nothing needs sideways scrolling of the page (the chart scrolls in its box).
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
                f"{name} scrolls sideways at {width} px")


# --- Run mode ---------------------------------------------------------------------------------------
RECORD_CUES = """
window.said = []; window.buzzed = [];
Object.defineProperty(window, "speechSynthesis", {configurable: true,
  value: {speak: u => window.said.push(u.text), cancel: () => {}}});
navigator.vibrate = pattern => { window.buzzed.push(pattern); return true; };
"""


# A fixed moment for run mode's fake clock. The clock is paused once the page is open, so time moves
# only when the test moves it: an installed clock that runs on its own let a busy machine read 0:14
# where the test expected 0:15.
CLOCK_START = datetime.datetime(2026, 12, 7, 7, 0, tzinfo=datetime.UTC)


def open_run_mode(page, stage):
    page.clock.install(time=CLOCK_START)
    page.add_init_script(RECORD_CUES)
    page.goto(f"/return-to-running/run/?stage={stage}")
    page.clock.pause_at(CLOCK_START + datetime.timedelta(minutes=1))


def test_run_mode_coaches_every_step_from_the_clock_and_ends_with_the_check_in(site, screenshot):
    page = site(width=375)
    open_run_mode(page, 2)
    now, clock, count, following = (page.locator(f"[data-run-{name}]") for name in ("now", "clock", "count", "next"))
    expect(page.locator("[data-run]")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    expect(now).to_have_text("Warm-up")
    expect(clock).to_have_text("5:00")
    page.clock.run_for("01:00")
    expect(clock).to_have_text("4:00")
    page.clock.run_for("04:00")
    expect(now).to_have_text("Run")
    expect(count).to_have_text("Run 1 of 10")
    expect(clock).to_have_text("0:15")
    expect(following).to_have_text("Next: walk, 1:45")
    assert page.evaluate("window.said") == ["Warm-up. Walk for 5 minutes.", "Run for 15 seconds."]
    assert page.evaluate("window.buzzed") == [[500], [200, 100, 200]]
    screenshot(page, "running-run-mode-375.png", full_page=False)

    # Paused, time does not count; resumed, it goes on from where it was.
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for("01:00")
    expect(clock).to_have_text("0:15")
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for("00:05")
    expect(clock).to_have_text("0:10")

    # The tab sleeps for 2 minutes (no timer runs): on waking, the clock says where the session is.
    page.clock.fast_forward("02:00")
    page.clock.run_for("00:01")
    expect(count).to_have_text("Run 2 of 10")

    # It slept through the first walk: only the step it woke in was announced.
    assert page.evaluate("window.said")[-1] == "Run for 15 seconds." and len(page.evaluate("window.said")) == 3

    # Sound, words and vibration can each be switched off, and stay off.
    page.get_by_label("Spoken words").uncheck()
    buzzed = len(page.evaluate("window.buzzed"))
    page.get_by_role("button", name="Skip this step").click()
    expect(now).to_have_text("Walk")
    screenshot(page, "running-run-mode-walk-375.png", full_page=False)
    assert len(page.evaluate("window.said")) == 3  # no words now
    assert page.evaluate("window.buzzed")[buzzed:] == [[500]]  # but still the walk's vibration

    page.get_by_role("button", name="Stop").click()
    expect(now).to_have_text("Stopped")
    done = page.locator("[data-run-done]")
    expect(done).to_be_focused()
    form = page.locator(".check-in-form")
    expect(form.get_by_label("Which stage were you on?")).to_have_value("2")
    expect(form.locator('input[name="finished"][value="0"]')).to_be_checked()
    page.reload()
    expect(page.get_by_label("Spoken words")).not_to_be_checked()
    page.clock.resume()  # axe-core waits on timers of its own
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)


def test_run_mode_runs_to_the_end_and_asks_the_check_in(site, screenshot):
    page = site(width=375)
    open_run_mode(page, 12)
    page.get_by_role("button", name="Start").click()
    page.clock.run_for("20:00")
    expect(page.locator("[data-run-now]")).to_have_text("Run")
    page.clock.run_for("15:00")
    expect(page.locator("[data-run-now]")).to_have_text("Cool-down")
    page.clock.run_for("05:00")
    expect(page.locator("[data-run-now]")).to_have_text("Finished")
    said = page.evaluate("window.said")
    assert said[0] == "Warm-up. Walk for 5 minutes." and "Run for 30 minutes." in said and "Halfway." in said
    assert said[-1] == "Well done. Time to check in."
    expect(page.locator('input[name="finished"][value="0"]')).not_to_be_checked()
    expect(page.locator("[data-run-done]")).to_contain_text("Now check in")
    screenshot(page, "running-run-finished-375.png", full_page=False)
    # The check-in sent from run mode gives the next step and the way to a plan that follows it.
    answer(page)
    expect(page.get_by_role("link", name="Update my plan")).to_be_visible()




def test_update_my_plan_gives_a_plan_from_today_at_the_stage_the_check_in_gives(site, screenshot):
    page = site(width=375)
    page.goto("/return-to-running/check-in/?stage=3&sessions=3")
    answer(page)
    update = page.get_by_role("link", name="Update my plan")
    href = update.get_attribute("href")
    assert f"start={TODAY:%Y-%m-%d}" in href and "sessions=3" in href
    stage = re.search(r"stage=(\d+)", href).group(1)
    update.click()
    expect(page.locator("h1")).to_have_text("Your return-to-running plan")
    expect(page.locator("tr[data-week]").first).to_have_attribute("data-stage", stage)
    screenshot(page, "running-updated-plan-375.png", full_page=False)

# --- The plan follows the kept check-ins ------------------------------------------------------------
def test_today_says_when_a_plan_starts_when_today_is_a_rest_day_and_when_every_session_is_done(site):
    page = site(width=375)
    today = page.locator("[data-plan-today] .plan-today-line")
    start = TODAY + datetime.timedelta(days=3)
    page.goto(f"/return-to-running/plan/?start={start:%Y-%m-%d}&sessions=3&stage=3")
    expect(today).to_contain_text("Your plan starts on ")
    expect(today).to_contain_text(f"{start.day} ")
    expect(today).to_contain_text(": stage 3, session 1 of 3.")

    # Sessions on days 0, 2 and 4, and yesterday's first one checked in: today (day 1) is a rest day.
    # (Not checked in, the missed session would be today's.)
    start = TODAY - datetime.timedelta(days=1)
    page.goto(f"/return-to-running/plan/?start={start:%Y-%m-%d}&sessions=3&stage=3")
    expect(today).to_contain_text("Today: stage 3, session 1 of 3.")
    store_check_ins(page, [{"date": f"{start:%Y-%m-%d}", "stage": 3, "pain": 1, "morning": "usual",
                            "action": "repeat", "next": 3}])
    page.reload()
    expect(today).to_contain_text("Today: rest day. Next: stage 3, session 2 of 3, on ")

    # The last stage, both its sessions checked in: the plan is done.
    page.goto(f"/return-to-running/plan/?start={TODAY - datetime.timedelta(days=6):%Y-%m-%d}&sessions=2&stage=12")
    dates = page.locator("time[data-session]").evaluate_all("times => times.map(t => t.getAttribute('datetime'))")
    assert len(dates) == 2
    kept = [{"date": date, "stage": 12, "pain": 1, "morning": "usual", "action": "repeat", "next": 12}
            for date in dates]
    store_check_ins(page, kept)
    page.reload()
    expect(today).to_have_text("Every session of this plan is done. Well done!")


def test_kept_check_ins_mark_done_sessions_and_today_shows_on_the_plan_and_home(site, screenshot):
    start = TODAY - datetime.timedelta(days=2)  # 3 a week on days 0, 2 and 4: the second session is today
    plan = f"/return-to-running/plan/?start={start:%Y-%m-%d}&sessions=3&stage=3"
    before = start - datetime.timedelta(days=5)
    page = site(width=375)
    page.goto(plan)
    today = page.locator("[data-plan-today]")
    expect(today).to_contain_text("Today: stage 3, session 1 of 3.")  # nothing kept yet
    expect(page.locator(".session-done")).to_have_count(0)

    # Kept as running.js keeps them: one from an earlier plan, one for this plan's first session.
    kept = [{"date": f"{before:%Y-%m-%d}", "stage": 2, "pain": 2, "morning": "usual", "action": "move_up", "next": 3},
            {"date": f"{start:%Y-%m-%d}", "stage": 3, "pain": 1, "morning": "usual", "action": "repeat", "next": 3}]
    store_check_ins(page, kept)
    page.reload()
    expect(today.locator(".plan-today-line")).to_contain_text("Today: stage 3, session 2 of 3.")
    expect(today.get_by_role("link", name="Run mode for stage 3")).to_have_attribute(
        "href", "/return-to-running/run/?stage=3&sessions=3")
    expect(today).to_contain_text("1 of 30 sessions done")  # stages 3 to 12, 3 a week
    expect(today.locator(".plan-today-earlier")).to_contain_text("1 check-in from before this plan started:")
    expect(today.locator(".plan-today-earlier")).to_contain_text(f"{before.day} ")  # the earlier one, by its date
    done = page.locator(".session-done")
    expect(done).to_have_count(1)
    assert done.evaluate("mark => mark.previousElementSibling.getAttribute('datetime')") == f"{start:%Y-%m-%d}"
    screenshot(page, "running-plan-today-375.png", full_page=False)
    page.locator("tr[data-week='2']").scroll_into_view_if_needed()
    screenshot(page, "running-plan-done-375.png", full_page=False)

    page.goto("/")
    home = page.locator("[data-plan-today]")
    expect(home.locator(".plan-today-line")).to_contain_text("Today: stage 3, session 2 of 3.")
    expect(home.get_by_role("link", name="Open your plan")).to_have_attribute("href", plan)
    screenshot(page, "home-plan-today-375.png", full_page=False)

    page.goto("/return-to-running/run/?stage=3&sessions=3")
    offer = page.locator(".run-audio")
    expect(offer.get_by_role("heading")).to_have_text("Screen off? Play the audio track instead")
    expect(offer.locator("audio")).to_have_attribute("preload", "none")
    offer.scroll_into_view_if_needed()
    screenshot(page, "running-run-audio-375.png", full_page=False)
