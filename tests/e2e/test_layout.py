"""Layouts that fit the screen: two columns on a laptop, one on a phone, and the phone fixes of issue 19."""

import pytest
from playwright.sync_api import expect

from .accessibility import assert_accessible

TEXT_PAGES = {
    "article": "/articles/why-runners-get-back-pain/",
    "cause": "/causes/tight-hip-flexors/",
    "anatomy": "/anatomy/hip-flexors/",
    "about": "/about/",
}
PHONE = {"width": 375, "height": 667}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("name", TEXT_PAGES)
def test_a_text_page_has_a_second_column_on_a_laptop_and_one_column_on_a_phone(site, screenshot, name):
    page = site(width=1280)
    page.goto(TEXT_PAGES[name])
    article, aside = box(page, "article.prose"), box(page, ".page-aside")
    assert aside["x"] >= article["x"] + article["width"], "the second column sits beside the reading column"
    assert aside["y"] < article["y"] + 200, "and starts at the top"
    # The reading column keeps a comfortable line: at most about 75 characters of body text.
    characters = page.evaluate("""() => { const p = document.querySelector('article.prose p');
        const size = parseFloat(getComputedStyle(document.body).fontSize);
        return p.getBoundingClientRect().width / (size * 0.5); }""")  # an average character is about 0.5em
    assert characters <= 80
    expect(page.get_by_role("link", name="Check your symptoms").first).to_be_visible()
    assert_accessible(page)

    page.set_viewport_size({"width": 375, "height": 900})
    article, aside = box(page, "article.prose"), box(page, ".page-aside")
    assert aside["y"] >= article["y"] + article["height"], "on a phone the second column comes after the text"
    expect(page.locator(".next-steps")).to_be_hidden()  # the footer has the same links
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "horizontal scroll"


def test_the_exercise_page_puts_the_picture_and_dose_beside_the_steps(site):
    page = site(width=1280)
    page.goto("/exercises/hip-flexor-stretch/")
    figure, facts, steps = box(page, ".illustration"), box(page, ".facts"), box(page, ".steps")
    assert steps["x"] >= figure["x"] + figure["width"] and steps["x"] >= facts["x"] + facts["width"]
    assert figure["y"] < steps["y"] + steps["height"], "side by side, not one under the other"
    assert_accessible(page)

    page = site(width=375)
    page.goto("/exercises/hip-flexor-stretch/")
    figure, steps = box(page, ".illustration"), box(page, ".steps")
    assert steps["y"] > figure["y"] + figure["height"]


def test_wrapped_breadcrumbs_leave_no_lone_separator(site):
    page = site(width=375)
    page.goto("/articles/why-runners-get-back-pain/")
    # Each crumb's words start on the line of its "›" (the line the <li> starts on).
    gaps = page.evaluate("""() => [...document.querySelectorAll('.breadcrumbs li')].map(li => {
        const words = li.querySelector('a, span').getClientRects()[0];
        return Math.abs(words.top - li.getBoundingClientRect().top); })""")
    assert max(gaps) < 8, gaps
    assert page.evaluate("document.querySelector('.breadcrumbs ol').getBoundingClientRect().height") > 40, \
        "the title is long enough to wrap at 375 px"


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_applied_filters_fold_away_so_the_results_are_on_a_phones_first_screen(site, js):
    page = site(js=js, width=375)
    page.set_viewport_size(PHONE)
    page.goto("/exercises/")
    panel = page.locator("details.filter-panel")
    expect(panel).to_have_attribute("open", "")
    page.get_by_label("Body area").select_option("hips")
    if not js:
        page.get_by_role("button", name="Show exercises").click()
        expect(panel).not_to_have_attribute("open", "")  # a page with filters applied starts folded
    expect(page.locator("#filter-summary")).to_have_text("Filters: Body area: Hips")

    page.goto("/exercises/?area=hips&equipment=mat")
    expect(panel).not_to_have_attribute("open", "")
    expect(page.locator("#filter-summary")).to_have_text("Filters: Body area: Hips; Equipment: Mat")
    first_card = box(page, "#results .exercise-card")
    assert first_card["y"] < PHONE["height"], "the first result shows without scrolling"
    page.locator("details.filter-panel > summary").click()
    expect(page.get_by_label("Body area")).to_have_value("hips")
    if js:
        assert_accessible(page)


def test_the_search_page_says_search_the_guide_once(site):
    page = site(width=375)
    page.goto("/search/?q=hamstring")
    assert page.locator("main").inner_text().count("Search the guide") == 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the guide")
    expect(page.get_by_label("Search the guide")).to_have_value("hamstring")
    assert_accessible(page)
