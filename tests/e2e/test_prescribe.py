"""The physiotherapist's sheet in a real browser: building with and without JavaScript, the link in a
fresh browser, one printed page on A4 and Letter, the hold timer's count and announcements, axe,
and "Add to my routine" as a runner uses it."""

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .accessibility import assert_accessible

SIX = ["Glute bridge", "Bird dog", "Forearm plank", "Side plank", "Cat-cow", "Dead bug"]
NOTE = "Do these after your run, slowly. Stop if the pain goes down your leg."


def sheet_lines(page):
    return page.locator(".rx-line").evaluate_all("items => items.map(i => i.dataset.slug)")


def build_six(page, *, js: bool):
    page.goto("/prescribe/")
    if js:
        page.evaluate("window.stillHere = true")  # gone if the page reloads
    for number, title in enumerate(SIX, 1):
        page.get_by_role("button", name=f"Add {title}", exact=True).click()
        expect(page.locator(".rx-line")).to_have_count(number)
        expect(page.locator("#builder-status")).to_contain_text(f"Added {title}")
    # A dose of its own for the first, and a new order.
    page.locator("#hold-glute-bridge").fill("3")
    page.locator("#reps-glute-bridge").fill("2")
    page.locator("#sets-glute-bridge").fill("1")
    page.locator("#days-glute-bridge").fill("5")
    page.get_by_role("button", name="Up Bird dog", exact=True).click()
    expect(page.locator(".rx-line").first).to_have_attribute("data-slug", "bird-dog")
    expect(page.locator("#hold-glute-bridge")).to_have_value("3")  # what was typed is kept
    page.get_by_label("Note for the patient").fill(NOTE)
    page.get_by_label("Clinic").fill("Riverside Physio")
    page.get_by_label("Your name").fill("Sam Okafor")
    if js:
        assert page.evaluate("window.stillHere") is True
    open_patients_view(page)
    return page.url


def open_patients_view(page, *, accessible=False):
    """"Make the link", then from the sharing page to the patient's sheet."""
    page.get_by_role("button", name="Make the link").click()
    expect(page).to_have_url(re.compile(r"/prescribe/share/[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("The sheet's link is ready")
    if accessible:
        assert_accessible(page)
    page.get_by_role("link", name="Open the patient's view").click()
    expect(page).to_have_url(re.compile(r"/prescribe/sheet/[^/]+/$"))


def check_sheet(page):
    expect(page.get_by_role("heading", level=1)).to_have_text("Your home exercises")
    expect(page.locator(".rx-item")).to_have_count(6)
    expect(page.locator(".rx-item").first).to_have_attribute("data-slug", "bird-dog")
    expect(page.locator('.rx-item[data-slug="glute-bridge"] .dose')).to_have_text(
        "2 reps, hold 3\u00a0s, 5 days a week")
    expect(page.locator(".rx-note")).to_contain_text(NOTE)
    expect(page.locator(".rx-sender")).to_contain_text("Sent by Sam Okafor, Riverside Physio (as written by the sender")


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_build_a_sheet_of_six_and_open_it_in_a_fresh_browser(site, screenshot, js):
    page = site(js=js)
    url = build_six(page, js=js)
    check_sheet(page)
    fresh = site(js=js, width=375)  # a new context: the patient's phone, no cookies, no history
    fresh.goto(url)
    check_sheet(fresh)
    assert fresh.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    timers = fresh.locator(".timer")
    if js:
        expect(timers.first).to_be_visible()  # shown by the script
    else:
        expect(timers.first).to_be_hidden()  # the dose is written as text instead
    screenshot(fresh, f"prescribe-sheet-{'js' if js else 'nojs'}-375.png")


def test_the_sheet_prints_on_one_page_of_a4_and_of_letter(site, screenshot_dir):
    page = site()
    url = build_six(page, js=True)  # built once, printed on both papers
    page.goto(url)
    page.emulate_media(media="print")
    expect(page.locator("[data-print]")).to_be_hidden()
    expect(page.locator(".timer").first).to_be_hidden()
    for paper in ("A4", "Letter"):
        pdf = screenshot_dir / f"prescribe-sheet-{paper}.pdf"
        page.pdf(path=str(pdf), format=paper, print_background=False)
        assert len(PdfReader(pdf).pages) == 1, paper


def test_edit_this_sheet_gives_a_new_link_and_the_old_one_still_works(site):
    page = site()
    old = build_six(page, js=True)
    page.get_by_role("link", name="Edit this sheet").click()
    expect(page.locator(".rx-line")).to_have_count(6)
    page.get_by_role("button", name="Take off Dead bug", exact=True).first.click()
    expect(page.locator(".rx-line")).to_have_count(5)
    open_patients_view(page)
    assert page.url != old
    expect(page.locator(".rx-item")).to_have_count(5)
    page.goto(old)
    expect(page.locator(".rx-item")).to_have_count(6)


@pytest.mark.console_allows("status of 400")  # the bad link's page is a 400, on purpose
def test_a_bad_link_gets_the_friendly_page(site):
    page = site()
    response = page.goto("/prescribe/sheet/not-a-real-sheet/")
    assert response.status == 400
    expect(page.get_by_role("heading", level=1)).to_have_text("This sheet link doesn't work")


def test_the_timer_counts_a_three_second_hold_twice_and_announces_each_change(site, live_site):
    from backpain.prescribe.sheet import Line, Sheet, encode

    page = site()
    page.clock.install()
    page.goto(f"/prescribe/sheet/{encode(Sheet((Line('glute-bridge', sets=1, reps=2, hold=3),)))}/")
    timer = page.locator(".timer")
    phase = timer.locator("[data-timer-phase]")
    count = timer.locator("[data-timer-count]")
    expect(timer).to_be_visible()
    expect(phase).to_have_attribute("aria-live", "polite")
    page.evaluate("""() => {
        const phase = document.querySelector('[data-timer-phase]');
        window.said = [];
        new MutationObserver(() => window.said.push(phase.textContent)).observe(
            phase, {childList: true, characterData: true, subtree: true});
    }""")
    timer.get_by_role("button", name="Start").click()
    expect(phase).to_have_text("Get ready: 5 seconds")
    expect(count).to_have_text("5")
    page.clock.run_for(1000)
    expect(count).to_have_text("4")
    page.clock.run_for(4000)
    expect(phase).to_have_text("Rep 1 of 2: hold for 3 seconds")
    expect(count).to_have_text("3")
    expect(timer).to_have_class(re.compile(r"\bis-hold\b"))
    page.clock.run_for(1000)
    expect(count).to_have_text("2")
    page.clock.run_for(2000)
    expect(phase).to_have_text("Rest for 5 seconds")
    page.clock.run_for(5000)
    expect(phase).to_have_text("Rep 2 of 2: hold for 3 seconds")
    page.clock.run_for(3000)
    expect(phase).to_have_text("Done. Well done!")
    expect(timer.get_by_role("button", name="Start again")).to_be_enabled()
    assert page.evaluate("window.said") == [
        "Get ready: 5 seconds", "Rep 1 of 2: hold for 3 seconds", "Rest for 5 seconds",
        "Rep 2 of 2: hold for 3 seconds", "Done. Well done!",
    ]
    # Nothing more is said once it is done.
    page.clock.run_for(10000)
    assert len(page.evaluate("window.said")) == 5


def test_the_timer_runs_under_the_sites_csp_with_a_beep(site):
    page = site()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install()
    page.goto("/exercises/plank/")
    timer = page.locator(".timer")
    expect(timer).to_be_visible()
    timer.get_by_label("Beep at each change").check()
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(6000)
    expect(timer.locator("[data-timer-phase]")).to_have_text("Set 1 of 3, rep 1 of 1: hold for 20 seconds")
    timer.get_by_role("button", name="Stop").click()
    expect(timer.locator("[data-timer-phase]")).to_have_text("Stopped. Press Start to begin again.")
    assert errors == []


def test_axe_finds_nothing_on_the_builder_the_sheet_and_an_exercise_with_the_timer(site):
    page = site()
    page.goto("/prescribe/")
    page.get_by_role("button", name="Add Glute bridge", exact=True).click()
    page.get_by_role("button", name="Add Side plank", exact=True).click()
    expect(page.locator(".rx-line")).to_have_count(2)
    assert_accessible(page)
    open_patients_view(page)
    expect(page.locator(".timer").first).to_be_visible()
    assert_accessible(page)
    page.goto("/exercises/glute-bridge/")
    expect(page.locator(".timer")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("width", [375, 1280])
def test_pages_at_phone_and_desktop_widths(site, screenshot, width):
    page = site(width=width)
    page.goto("/prescribe/")
    for title in SIX[:3]:
        page.get_by_role("button", name=f"Add {title}", exact=True).click()
    expect(page.locator(".rx-line")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "builder scrolls sideways"
    screenshot(page, f"prescribe-builder-{width}.png")
    open_patients_view(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "sheet scrolls sideways"
    screenshot(page, f"prescribe-sheet-{width}.png")
    page.goto("/exercises/plank/")
    screenshot(page, f"exercise-timer-{width}.png")


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_add_to_my_routine_adds_ticks_the_mat_and_says_so_on_the_first_screen(site, screenshot, js):
    page = site(js=js, width=375)
    page.goto("/exercises/plank/")
    page.get_by_role("link", name="Add to my routine").click()
    notice = page.locator('.added-note[data-added="plank"]')
    expect(notice).to_contain_text("Forearm plank is now in your routine")
    expect(notice).to_contain_text("we've ticked Mat")
    assert notice.bounding_box()["y"] + notice.bounding_box()["height"] <= 900  # on the phone's first screen
    expect(page.locator('#preview [data-slug="plank"]')).to_have_count(1)
    expect(page.get_by_label("Mat", exact=True)).to_be_checked()
    screenshot(page, f"routine-added-{'js' if js else 'nojs'}-375.png", full_page=False)
    page.goto("/exercises/bird-dog/")
    page.get_by_role("link", name="Add to my routine").click()
    expect(page.locator('.added-note[data-added="bird-dog"]')).to_be_visible()
    expect(page.locator('#preview [data-slug="plank"]')).to_have_count(1)  # kept
    expect(page.locator('#preview [data-slug="bird-dog"]')).to_have_count(1)
