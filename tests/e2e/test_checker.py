"""The symptom checker in a real browser: the htmx flow, the emergency advice, printing, no-JS, axe, keyboard."""

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from backpain.checker import rules
from backpain.checker.forms import GROUPS
from tests.checker_answers import ALL_CLEAR

from .accessibility import assert_accessible, assert_accessible_at_each_width, at_each_width

CONTEXT = {"training_change": "yes", "shoe_miles": "over_500", "surface": "road", "strength_training": "never",
           "sitting_hours": "over_8", "pain_timing": ["after_sitting", "mornings"]}
BY_LEVEL = {
    rules.EMERGENCY: {**ALL_CLEAR, **CONTEXT, "saddle_numbness": "yes", "fever": "yes", "leg_pain": "below_knee"},
    rules.URGENT: {**ALL_CLEAR, **CONTEXT, "fever": "yes", "night_pain": "unsure", "age": "72", "sudden_onset": "yes"},
    rules.SOON: {**ALL_CLEAR, **CONTEXT, "worried": "yes", "leg_pain": "hip_or_thigh", "duration": "4_to_12_weeks",
                 "improving": "unsure"},
    rules.SELF_CARE: {**ALL_CLEAR, **CONTEXT},
}
# The longest result there is: every flag yes and every question answered.
EVERYTHING = {**ALL_CLEAR, **CONTEXT, **{name: "yes" for name in rules.FLAG_FIELDS}, "age": "15",
              "duration": "4_to_12_weeks", "improving": "no", "leg_pain": "below_knee"}


# Sets each answer as a click or typing would, and fires the same input and change events, in one
# round trip instead of several per radio button (tests that are about the clicking itself click).
# Like a click, it waits up to 10 s for each question to be on the page and shown (htmx may still be
# swapping it in; a follow-up appears after its question); a question never shown fails the test.
ANSWER_JS = """async (answers) => {
  const shown = name => {
    const inputs = [...document.querySelectorAll(`[name="${name}"]`)];
    return inputs.length && inputs.every(input => !input.closest("[hidden]")) ? inputs : null;
  };
  for (const [name, value] of Object.entries(answers)) {
    let inputs = shown(name);
    for (let waited = 0; !inputs && waited < 10000; waited += 50) {
      await new Promise(resolve => setTimeout(resolve, 50));
      inputs = shown(name);
    }
    if (!inputs) throw new Error(`${name} is not shown`);
    const wanted = Array.isArray(value) ? value.map(String) : [String(value)];
    const choices = inputs.filter(input => input.type === "radio" || input.type === "checkbox");
    const targets = choices.length ? choices.filter(input => wanted.includes(input.value)) : inputs;
    if (targets.length !== (choices.length ? wanted.length : 1)) throw new Error(`no answer ${name}=${wanted}`);
    for (const input of targets) {
      if (choices.length) input.checked = true; else input.value = wanted[0];
      input.dispatchEvent(new Event("input", {bubbles: true}));
      input.dispatchEvent(new Event("change", {bubbles: true}));
    }
  }
  // A person answers one question at a time, so each htmx request (the emergency advice) is back
  // before the next click; after answering all at once, wait for them as that person would.
  for (let waited = 0; document.querySelector(".htmx-request") && waited < 10000; waited += 50) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}"""


def answer(page, data, fields=None):
    page.evaluate(ANSWER_JS, {name: data[name] for name in (fields if fields is not None else data)
                              if name in data})


def result_of(page) -> tuple[str, set[str]]:
    outcome = page.locator("[data-triage-level]")
    expect(outcome).to_have_count(1)
    reasons = page.locator("[data-reason]").evaluate_all("els => els.map(e => e.dataset.reason)")
    return outcome.get_attribute("data-triage-level"), set(reasons)


def step(page, name):
    return page.locator(f"#step-{name}")


def walk_with_htmx(page, data):
    """Answer one group at a time, as a person with JavaScript does."""
    page.goto("/checker/")
    for number, group in enumerate(GROUPS, start=1):
        current = step(page, group.name)
        expect(current).to_be_visible()
        expect(current.locator(".step-count")).to_have_text(f"Step {number} of {len(GROUPS)}:")
        answer(page, data, group.fields)
        if number < len(GROUPS):
            current.get_by_role("button", name="Next").click()
            expect(step(page, GROUPS[number].name).locator(".step-heading")).to_be_focused()
            expect(current).to_be_hidden()
        else:
            current.get_by_role("button", name="Check my symptoms").click()
    expect(page.locator("[data-triage-level]")).to_be_visible()


# Every answer set at once, shown or not, then the form sent as a plain POST (no htmx): the result
# page a person without JavaScript gets, in a page where axe can run. For tests about the result,
# not the steps (the htmx walk is tested above).
POST_ALL_JS = """(answers) => {
  for (const [name, value] of Object.entries(answers)) {
    const wanted = (Array.isArray(value) ? value : [value]).map(String);
    const inputs = [...document.querySelectorAll(`[name="${name}"]`)];
    if (!inputs.length) throw new Error(`no question ${name}`);
    for (const input of inputs) {
      input.disabled = false;  // the script turns off a follow-up until its question asks for it
      if (input.type === "radio" || input.type === "checkbox") input.checked = wanted.includes(input.value);
      else input.value = wanted[0];
    }
  }
  document.querySelector("form[data-checker]").submit();
}"""


def result_page(page, data):
    page.goto("/checker/")
    page.evaluate(POST_ALL_JS, data)
    expect(page.locator("[data-triage-level]")).to_be_visible()


def submit_without_javascript(page, data):
    page.goto("/checker/")
    for group in GROUPS:
        expect(step(page, group.name)).to_be_visible()  # one page: every group at once
    answer(page, data)
    page.locator(".final-submit").get_by_role("button", name="Check my symptoms").click()
    expect(page.locator("[data-triage-level]")).to_be_visible()


def print_to_pdf(page, path, paper="A4") -> int:
    page.pdf(path=str(path), format=paper, print_background=True)
    return len(PdfReader(str(path)).pages)


def test_htmx_flow_shows_emergency_advice_at_once_and_prints_one_page(site, screenshot, screenshot_dir):
    page = site()
    page.goto("/checker/")
    expect(step(page, "emergency")).to_be_visible()
    for group in GROUPS[1:]:
        expect(step(page, group.name)).to_be_hidden()
    expect(page.get_by_text("Step 1 of 5")).to_be_visible()

    # An emergency sign answered yes: the advice appears at once, with focus on it.
    page.locator("#q-bladder_bowel").get_by_label("Yes").check()
    advice = page.locator("[data-emergency-advice]")
    expect(advice).to_be_visible()
    expect(advice.get_by_role("heading", name="Emergency: call 911 now")).to_be_focused()
    expect(advice.locator('[data-advice-sign="bladder_bowel"]')).to_have_count(1)
    assert page.locator("[data-triage-level]").count() == 0  # advice, not yet the result
    screenshot(page, "checker-advice-1280.png", full_page=False)

    # Finish the questions anyway: back to the first question still unanswered.
    advice.get_by_role("button", name="Finish the questions anyway").click()
    expect(page.locator("#id_saddle_numbness_0")).to_be_focused()

    # Next with questions missing: errors in the step, focus on its summary.
    step(page, "emergency").get_by_role("button", name="Next").click()
    summary = step(page, "emergency").locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(len(rules.EMERGENCY_SIGNS) - 1)
    expect(page.locator("#q-bladder_bowel input[value=yes]")).to_be_checked()

    data = {**BY_LEVEL[rules.SOON], "bladder_bowel": "yes"}
    answer(page, data, rules.EMERGENCY_SIGNS)
    step(page, "emergency").get_by_role("button", name="Next").click()
    expect(step(page, "urgent").locator(".step-heading")).to_be_focused()
    expect(page.get_by_text("Step 2 of 5")).to_be_visible()
    expect(advice).to_be_visible()  # the advice stays in view while the questions go on

    # Back (the button, then the browser's own) keeps every answer.
    step(page, "urgent").get_by_role("button", name="Back").click()
    expect(step(page, "emergency")).to_be_visible()
    expect(page.locator("#q-bladder_bowel input[value=yes]")).to_be_checked()
    step(page, "emergency").get_by_role("button", name="Next").click()
    expect(step(page, "urgent")).to_be_visible()
    answer(page, data, GROUPS[1].fields)
    step(page, "urgent").get_by_role("button", name="Next").click()
    expect(step(page, "pain")).to_be_visible()
    page.go_back()
    expect(step(page, "urgent")).to_be_visible()
    page.go_forward()
    expect(step(page, "pain")).to_be_visible()

    for group in GROUPS[2:]:
        answer(page, data, group.fields)
        button = "Check my symptoms" if group is GROUPS[-1] else "Next"
        step(page, group.name).get_by_role("button", name=button).click()

    level, reasons = result_of(page)
    assert level == rules.EMERGENCY
    assert reasons == {"bladder_bowel", "leg_pain", "duration", "worried"}
    expect(page.get_by_role("heading", level=1)).to_contain_text("Emergency")
    expect(page.get_by_role("link", name="Build your routine")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/checker/$"))  # no answers in the URL

    # The print button prints (app.js), and the printed summary is one A4 page.
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print a summary").click()
    assert page.evaluate("window.printed") is True
    assert print_to_pdf(page, screenshot_dir / "checker-print-emergency.pdf") == 1
    sheets = PdfReader(str(screenshot_dir / "checker-print-emergency.pdf")).pages
    text = " ".join(sheet.extract_text() for sheet in sheets)
    assert "EMERGENCY: call 911 now" in text and f"rules version {rules.RULES_VERSION}" in text
    assert "Education, not diagnosis." in text and "Your answers" in text


# Every question answered, for each level's longest printed page.
EVERY_ANSWER = {**ALL_CLEAR, **CONTEXT, "leg_pain": "none", "pregnancy_signs": "no",
                **{name: "no" for name in rules.FLAG_FIELDS if name not in ALL_CLEAR}}


def test_the_longest_summary_still_prints_on_one_page_of_a4_and_of_letter(site, screenshot_dir):
    page = site(js=False)
    submit_without_javascript(page, EVERYTHING)
    assert result_of(page)[0] == rules.EMERGENCY
    for paper in ("A4", "Letter"):
        assert print_to_pdf(page, screenshot_dir / f"checker-print-everything-{paper}.pdf", paper) == 1


@pytest.mark.screenshots
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(("name", "data", "level"), [
    ("self-care", EVERY_ANSWER, rules.SELF_CARE),
    ("bone-stress", {**EVERY_ANSWER, "energy_bone": "yes", "age": "17", "duration": "1_to_4_weeks"}, rules.SOON),
])
def test_other_long_summaries_print_on_one_page(site, screenshot_dir, paper, name, data, level):
    page = site(js=False)
    submit_without_javascript(page, data)
    assert result_of(page)[0] == level
    assert print_to_pdf(page, screenshot_dir / f"checker-print-{name}-{paper}.pdf", paper) == 1


@pytest.mark.console_allows("status of 400")  # the plain form with errors is a 400 page, on purpose
def test_no_javascript_errors_come_back_on_the_one_page(site):
    page = site(js=False)
    page.goto("/checker/")
    answer(page, {"fever": "yes", "age": "abc"})
    page.locator(".final-submit").get_by_role("button", name="Check my symptoms").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator("#id_age")).to_have_value("abc")
    expect(page.locator("#q-fever input[value=yes]")).to_be_checked()
    summary.get_by_role("link", name=re.compile("^Age")).click()
    expect(page.locator("#id_age")).to_be_focused()

    # The same page with JavaScript on (axe needs it): the plain form, not steps, and focus on the summary.
    page = site()
    page.goto("/checker/")
    answer(page, {"saddle_numbness": "no"})
    page.evaluate("document.querySelector('form[data-checker]').submit()")
    expect(page.locator(".error-summary")).to_be_focused()
    for group in GROUPS:
        expect(step(page, group.name)).to_be_visible()
    assert_accessible(page)


def result_without_javascript(client, data) -> tuple[str, set[str]]:
    """The plain form's answer: the page a browser without JavaScript gets is this HTTP response."""
    html = client.post("/checker/", data).content.decode()
    levels = re.findall(r'data-triage-level="([a-z_]+)"', html)
    assert len(levels) == 1, levels
    return levels[0], set(re.findall(r'data-reason="([a-z_]+)"', html))


def test_axe_finds_nothing_on_the_form_or_any_result_and_no_javascript_gives_the_same_result(
        site, screenshot, client):
    # axe runs in the page, so these pages have JavaScript on; the no-JS form is only photographed.
    if screenshot.wanted:
        plain = site(js=False)
        plain.goto("/checker/")
        for width in at_each_width(plain):
            screenshot(plain, f"checker-form-nojs-{width}.png")
    page = site()
    page.goto("/checker/")
    assert_accessible_at_each_width(page, screenshot, "checker-form")
    page.locator("#q-saddle_numbness").get_by_label("Yes").check()
    expect(page.locator("[data-emergency-advice]")).to_be_visible()
    assert_accessible_at_each_width(page)
    page.locator("#step-emergency").get_by_role("button", name="Next").click()
    expect(page.locator("#step-emergency .error-summary")).to_be_focused()
    assert_accessible_at_each_width(page, screenshot, "checker-step-errors")
    for level, data in BY_LEVEL.items():
        walk_with_htmx(page, data)
        # The same answers sent by the plain form (no JavaScript) give the same level and reasons.
        assert result_of(page) == result_without_javascript(client, data)
        assert result_of(page)[0] == level
        assert_accessible_at_each_width(page, screenshot, f"checker-result-{level}")


def test_keyboard_only(site):
    page = site()
    page.goto("/checker/")
    data = BY_LEVEL[rules.SELF_CARE]

    def tab_to(selector, limit=80):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    def answer_group_by_keyboard(name, value):
        tab_to(f'input[name="{name}"]')  # Tab lands on the group's first radio
        values = rules.QUESTIONS[name].values
        for _ in range(values.index(value)):
            page.keyboard.press("ArrowDown")  # arrows move and choose
        if values.index(value) == 0:
            page.keyboard.press("Space")
        expect(page.locator(f'input[name="{name}"][value="{value}"]')).to_be_checked()

    # Next with nothing answered: the step's error summary takes focus.
    tab_to("#step-emergency [data-step-next]")
    page.keyboard.press("Enter")
    expect(page.locator("#step-emergency .error-summary")).to_be_focused()

    for number, group in enumerate(GROUPS, start=1):
        for name in group.fields:
            if name == "age":
                tab_to("#id_age")
                page.keyboard.type(data["age"])
            elif name in data and name != "pain_timing":
                answer_group_by_keyboard(name, data[name])
        if number < len(GROUPS):
            tab_to(f"#step-{group.name} [data-step-next]")
            page.keyboard.press("Enter")
            expect(step(page, GROUPS[number].name).locator(".step-heading")).to_be_focused()
    tab_to("#step-context [type=submit]")
    page.keyboard.press("Enter")
    level, reasons = result_of(page)
    assert (level, reasons) == (rules.SELF_CARE, set())
    # The result offers the routine and the guide, reachable by keyboard.
    tab_to('a[href^="/routine/?focus="]')


def test_enter_in_the_age_box_moves_to_the_next_step_not_the_result(site):
    page = site()
    page.goto("/checker/")
    for group in GROUPS[:2]:
        answer(page, ALL_CLEAR, group.fields)
        step(page, group.name).get_by_role("button", name="Next").click()
    page.locator("#id_age").fill("40")
    page.locator("#id_age").press("Enter")
    expect(step(page, "pain").locator(".error-summary")).to_be_focused()  # duration and improving missing
    assert page.locator("[data-triage-level]").count() == 0


def test_likely_causes_link_to_guide_pages_and_the_routine(site):
    page = site(js=False)
    submit_without_javascript(page, BY_LEVEL[rules.SOON])
    causes = page.locator(".cause-list a")
    expect(causes.first).to_be_visible()
    href = causes.first.get_attribute("href")
    assert href.startswith("/causes/")
    routine = page.get_by_role("link", name="Build your routine")
    # Spec 2.1: the link carries body areas only, never the result's level.
    assert re.match(r"^/routine/\?focus=[a-z-]+(&focus=[a-z-]+)*$", routine.get_attribute("href"))
    causes.first.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))


# --- Specification 2.0 ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["collapse_signs", "tearing_pain", "very_unwell"])
def test_each_new_emergency_sign_shows_the_advice_at_once(site, name):
    page = site()
    page.goto("/checker/")
    page.locator(f"#q-{name}").get_by_label("Yes").check()
    advice = page.locator("[data-emergency-advice]")
    expect(advice).to_be_visible()
    expect(advice.get_by_role("heading", name="Emergency: call 911 now")).to_be_focused()
    expect(advice.locator(f'[data-advice-sign="{name}"]')).to_have_count(1)
    expect(advice.get_by_text("Do not drive yourself.")).to_be_visible()
    expect(advice.locator('a[href="tel:911"]').first).to_be_visible()


def test_not_sure_with_a_leg_symptom_shows_the_advice_at_once(site):
    page = site()
    page.goto("/checker/")
    page.locator("#q-saddle_numbness").get_by_label("Not sure").check()
    expect(page.locator("[data-emergency-advice]")).to_have_count(0)
    page.locator("#q-leg_weakness").get_by_label("Not sure").check()
    advice = page.locator("[data-emergency-advice]")
    expect(advice).to_be_visible()
    expect(advice).to_contain_text("I am worried about cauda equina syndrome")


# --- Specification 2.1: escalations that need an answer from a later step ----------------------------
@pytest.mark.parametrize(("first", "later", "sign"), [
    ({"bladder_bowel": "unsure"}, {"severe_or_worse": "yes"}, "bladder_bowel"),
    ({"tearing_pain": "unsure"}, {"severe_or_worse": "yes"}, "tearing_pain"),
    ({}, {"pulsing_tummy": "yes", "severe_or_worse": "yes"}, "pulsing_tummy"),
    ({"collapse_signs": "unsure"}, {"pulsing_tummy": "yes"}, "collapse_signs"),
])
def test_a_not_sure_that_becomes_an_emergency_later_shows_the_advice_at_once(site, first, later, sign):
    page = site()
    page.goto("/checker/")
    data = {**ALL_CLEAR, **first, **later}
    last = max(number for number, group in enumerate(GROUPS) if set(later) & set(group.fields))
    for number, group in enumerate(GROUPS[:last + 1]):
        answer(page, data, group.fields)
        if number < last:
            expect(page.locator("[data-emergency-advice]")).to_have_count(0)  # not yet an emergency
            step(page, group.name).get_by_role("button", name="Next").click()
            expect(step(page, GROUPS[number + 1].name)).to_be_visible()
    advice = page.locator("[data-emergency-advice]")
    expect(advice).to_be_visible()
    expect(advice.locator(f'[data-advice-sign="{sign}"]')).to_have_count(1)
    expect(advice.get_by_text("Do not drive yourself.")).to_be_visible()


def test_the_pregnancy_follow_up_appears_and_disappears(site, screenshot):
    page = site()
    page.goto("/checker/")
    for group in GROUPS[:2]:
        answer(page, ALL_CLEAR, group.fields)
        step(page, group.name).get_by_role("button", name="Next").click()
    follow_up = page.locator("#q-pregnancy_signs")
    expect(step(page, "pain")).to_be_visible()
    expect(follow_up).to_be_hidden()
    for value, shown in (("yes", True), ("no", False), ("unsure", True)):
        page.locator(f'#q-pregnant input[value="{value}"]').check()
        expect(follow_up).to_be_visible() if shown else expect(follow_up).to_be_hidden()
    screenshot(page, "checker-pregnancy-follow-up-1280.png")
    follow_up.get_by_label("Yes").check()
    # Hidden again, its answer is not sent: the result does not count it.
    page.locator('#q-pregnant input[value="no"]').check()
    expect(follow_up).to_be_hidden()
    answer(page, {**ALL_CLEAR, "pregnant": "no"}, [f for f in GROUPS[2].fields if f not in ("pregnant",)])
    step(page, "pain").get_by_role("button", name="Next").click()
    expect(step(page, "running")).to_be_visible()
    # A step sent back by the server keeps the follow-up hidden.
    step(page, "running").get_by_role("button", name="Back").click()
    expect(follow_up).to_be_hidden()
    page.locator('#q-pregnant input[value="unsure"]').check()
    expect(follow_up).to_be_visible()
    page.locator('#q-pregnant input[value="no"]').check()
    for group in GROUPS[2:]:
        button = "Check my symptoms" if group is GROUPS[-1] else "Next"
        step(page, group.name).get_by_role("button", name=button).click()
    assert result_of(page) == (rules.SELF_CARE, set())


def test_without_javascript_the_pregnancy_follow_up_is_shown_and_steps_and_print_are_not(site):
    page = site(js=False)
    page.goto("/checker/")
    expect(page.locator("#q-pregnancy_signs")).to_be_visible()
    expect(page.locator("#q-pregnancy_signs legend")).to_contain_text("If you are pregnant")
    buttons = page.locator("[data-step-nav] button")
    expect(buttons).to_have_count(2 * len(GROUPS) - 1)  # Next and Back, Check my symptoms at the end
    for button in buttons.all():
        expect(button).to_be_hidden()
    expect(page.get_by_role("button", name="Next")).to_have_count(0)
    expect(page.get_by_role("button", name="Back")).to_have_count(0)
    submit_without_javascript(page, BY_LEVEL[rules.SELF_CARE])
    expect(page.locator("[data-print]")).to_be_hidden()


@pytest.mark.console_allows("status of 400")  # the plain form with errors is a 400 page, on purpose
def test_without_javascript_an_emergency_yes_comes_first_with_the_errors_after(site, screenshot):
    page = site(js=False)
    page.goto("/checker/")
    answer(page, {"chest_pain": "yes"})
    page.locator(".final-submit").get_by_role("button", name="Check my symptoms").click()
    advice = page.locator("[data-triage-level=emergency]")
    expect(advice).to_be_visible()
    expect(advice.get_by_role("heading", level=1)).to_have_text("Emergency: call 911 now")
    expect(page.locator(".error-summary")).to_be_visible()
    top = advice.bounding_box()["y"]
    assert top < page.locator(".error-summary").bounding_box()["y"]
    screenshot(page, "checker-nojs-emergency-first-375.png")
    advice.get_by_role("link", name="Finish the questions anyway").click()
    expect(page).to_have_url(re.compile("#error-summary-all$"))


RUNNING = re.compile(r"^/(routine|causes|articles|exercises|anatomy|guide)/")


def test_the_emergency_page_has_no_routine_or_running_link(site):
    page = site()
    walk_with_htmx(page, {**BY_LEVEL[rules.EMERGENCY], "tearing_pain": "yes"})
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert not [href for href in hrefs if RUNNING.match(href)], hrefs
    expect(page.get_by_text("Do not drive yourself.").first).to_be_visible()
    expect(page.get_by_role("link", name="How the checker decides").first).to_be_visible()


def test_how_it_decides_is_accessible(site, screenshot):
    page = site()
    page.goto("/checker/")
    page.get_by_role("link", name="How the checker decides").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How the symptom checker decides")
    expect(page.locator("[data-rule-level]")).to_have_count(len(rules.RULES))
    expect(page.locator("#changes")).to_contain_text("What changed from version 2.0")
    expect(page.locator(".rules-version")).to_contain_text(
        "Rules version 2.1, last clinically reviewed on 6 December 2026")
    for width in at_each_width(page):
        # The page uses the whole window: the header spans it (a page style once narrowed the body).
        assert page.evaluate("document.querySelector('.site-header').getBoundingClientRect().width"
                             " === document.documentElement.clientWidth"), width
        assert_accessible(page)
        screenshot(page, f"checker-how-it-decides-{width}.png")


# Spec 2.1's new results, reached with htmx. Which results withhold the routine and the plan, and
# what they say instead, is tested for every case through the plain form in test_checker_form.py.
NEW_RESULTS = [
    ("urgent-pregnancy", {"pregnant": "yes", "pregnancy_signs": "yes"}, rules.URGENT, None),
    ("emergency-cauda-equina", {"both_legs": "unsure", "leg_pain": "below_knee"}, rules.EMERGENCY, None),
    ("soon-recent-birth", {"recent_birth": "under_12_weeks"}, rules.SOON, "pelvic health physiotherapist"),
    ("self-care-pelvic-health", {"recent_birth": "3_to_12_months"}, rules.SELF_CARE, None),
    ("self-care-pregnant-unsure", {"pregnant": "unsure"}, rules.SELF_CARE, "Take a pregnancy test"),
    ("soon-bone-stress", {"age": "17", "duration": "1_to_4_weeks"}, rules.SOON, "Stop running and jumping"),
]


@pytest.mark.console_allows("status of 400")  # the plain form with errors is a 400 page, on purpose
def test_axe_finds_nothing_on_the_new_results_and_those_that_withhold_the_routine_offer_none(site, screenshot):
    page = site()
    for name, extra, level, withheld_says in NEW_RESULTS:
        result_page(page, {**BY_LEVEL[rules.SELF_CARE], **extra})
        assert result_of(page)[0] == level, name
        if withheld_says:
            expect(page.get_by_role("link", name="Plan your return to running")).to_have_count(0)
            expect(page.get_by_role("link", name="Build your routine")).to_have_count(0)
            assert page.locator('a[href^="/routine/?"]').count() == 0
            expect(page.get_by_text(withheld_says).first).to_be_visible()
        assert_accessible_at_each_width(page, screenshot, f"checker-result-{name}")
    # The advice-first page without JavaScript, checked with JavaScript on (axe runs in the page).
    page.goto("/checker/")
    page.locator('#q-chest_pain input[value="yes"]').check()
    page.evaluate("document.querySelector('form[data-checker]').submit()")
    expect(page.locator("[data-triage-level=emergency]")).to_be_visible()
    assert_accessible_at_each_width(page)
