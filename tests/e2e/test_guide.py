"""Journeys through the guide in a real browser, with and without JavaScript, plus axe and screenshots."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .accessibility import assert_accessible, at_each_width

PAGE_TYPES = {
    "home": "/",
    "guide": "/guide/",
    "article": "/articles/why-runners-get-back-pain/",
    "cause": "/causes/tight-hip-flexors/",
    "anatomy": "/anatomy/hip-flexors/",
    "exercise-library": "/exercises/",
    "exercise": "/exercises/hip-flexor-stretch/",
    "search": "/search/?q=hamstring",
    "search-warning-sign": "/search/?q=numb+bum",
    "search-page-2": "/search/?q=stretch&page=2",
    "search-nothing": "/search/?q=plonks",
    "not-found": "/no-such-page/",
}


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def page_js(request, site):
    return site(js=request.param), request.param


def test_home_to_cause_to_anatomy_to_exercise_in_clicks(page_js):
    page, _ = page_js
    page.goto("/")
    page.get_by_role("link", name="Read the guide").first.click()
    expect(page).to_have_url(re.compile(r"/guide/$"))
    page.get_by_role("link", name="Tight hip flexors").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("hip flexors")
    page.locator("#rel-anatomy + ul a").first.click()
    expect(page).to_have_url(re.compile(r"/anatomy/[\w-]+/$"))
    page.go_back()
    page.locator("#rel-exercises ~ ul a").first.click()
    expect(page).to_have_url(re.compile(r"/exercises/[\w-]+/$"))
    expect(page.get_by_role("link", name="Add to my routine")).to_be_visible()


def test_filter_library_by_clicking_and_back_restores_the_list(page_js):
    page, js = page_js
    page.goto("/exercises/")
    heading = page.locator("#results-heading")
    all_text = heading.inner_text()
    page.get_by_label("Category").select_option("static-stretch")
    if not js:
        page.get_by_role("button", name="Show exercises").click()
    expect(page).to_have_url(re.compile(r"category=static-stretch"))
    expect(heading).not_to_have_text(all_text)
    kinds = page.locator("#results .exercise-card .tag").all_inner_texts()
    assert kinds and set(kinds) == {"Static stretch"}
    page.go_back()
    expect(page).to_have_url(re.compile(r"/exercises/$"))
    expect(page.locator("#results-heading")).to_have_text(all_text)


def test_search_shows_results_as_you_type(page_js):
    page, js = page_js
    page.goto("/search/")
    page.get_by_label("Search the guide").fill("hamstring")
    if not js:
        page.get_by_role("button", name="Search").click()
    expect(page.locator("#results mark").first).to_have_text(re.compile("hamstring", re.I))
    expect(page).to_have_url(re.compile(r"q=hamstring"))


def test_a_warning_sign_typed_shows_the_advice_and_the_page_of_warning_signs_first(page_js):
    page, js = page_js
    page.goto("/search/")
    page.get_by_label("Search the guide").fill("can't pee")
    if not js:
        page.get_by_role("button", name="Search").click()
    box = page.get_by_role("complementary").filter(has=page.get_by_role("heading", name=re.compile("Warning sign")))
    expect(box).to_contain_text("New trouble peeing")
    expect(box.get_by_role("link", name="The symptom checker")).to_have_attribute("href", "/checker/")
    expect(page.locator("#results .hits h3 a").first).to_have_text(re.compile("When to see a professional"))
    expect(page).to_have_url(re.compile(r"q=can"))


def test_pages_of_results_with_and_without_javascript(page_js):
    page, js = page_js
    page.goto("/search/?q=stretch")
    heading = page.locator("#results-heading")
    expect(heading).to_contain_text("1 to 10")
    first_titles = page.locator("#results .hits h3").all_inner_texts()
    page.get_by_role("link", name="Next results").click()
    expect(heading).to_contain_text("11 to 20")
    expect(page).to_have_url(re.compile(r"q=stretch&page=2"))
    assert not set(page.locator("#results .hits h3").all_inner_texts()) & set(first_titles)
    if js:  # the results swapped in place, and focus moved to them
        expect(heading).to_be_focused()
    page.go_back()
    expect(heading).to_contain_text("1 to 10")


def test_admin_edit_shows_on_site_and_revision_restores(site, editor, tmp_path, django_db_blocker, settings):
    page = site()
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-password-1")
    page.get_by_role("button", name="Log in").click()
    page.goto("/admin/content/exercise/?q=plank")
    page.get_by_role("link", name="Forearm plank", exact=True).click()
    original = page.get_by_label("Summary").input_value()
    # The reading grade follows the text as the editor types (nothing is saved by it).
    grade = page.locator(".reading-grade")
    expect(grade).to_contain_text("Reading grade")
    as_opened = grade.inner_text()
    page.get_by_label("Summary").fill(
        "Considerable musculoskeletal discomfort, characteristically exacerbated following prolonged stationary "
        "positioning, frequently necessitates comprehensive multidisciplinary evaluation incorporating "
        "biomechanical, physiological and psychosocial determinants.")
    expect(grade).not_to_have_text(as_opened)
    harder = float(re.search(r"Reading grade (-?[\d.]+)", grade.inner_text()).group(1))
    assert harder > float(re.search(r"Reading grade (-?[\d.]+)", as_opened).group(1))
    page.get_by_label("Summary").fill("Edited by a physio in admin.")
    # Saved, it is a draft: the public page has not changed.
    page.get_by_role("button", name="Save draft").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Draft saved")
    page.goto("/exercises/plank/")
    expect(page.locator(".lede")).to_have_text(original)
    # The preview shows the draft in the page's own template.
    page.goto("/admin/content/exercise/?q=plank")
    page.get_by_role("link", name="Forearm plank", exact=True).click()
    expect(page.get_by_label("Summary")).to_have_value("Edited by a physio in admin.")
    page.get_by_role("button", name="Preview draft").first.click()
    expect(page.locator(".draft-banner")).to_contain_text("Preview of an unpublished draft")
    expect(page.locator(".lede")).to_have_text("Edited by a physio in admin.")
    assert_accessible(page)
    page.get_by_role("link", name="Back to editing").click()
    page.get_by_role("button", name="Publish").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto("/exercises/plank/")
    expect(page.locator(".lede")).to_have_text("Edited by a physio in admin.")

    # What git would show after export_content: that one line, in that one file.
    with django_db_blocker.unblock():
        call_command("export_content", "--folder", str(tmp_path))
    changed = [path.relative_to(tmp_path) for path in sorted(tmp_path.glob("*/*.md"))
               if path.read_bytes() != (settings.CONTENT_DIR / path.relative_to(tmp_path)).read_bytes()]
    assert changed == [Path("exercises/plank.md")]
    before = (settings.CONTENT_DIR / "exercises/plank.md").read_text().split("\n")
    after = (tmp_path / "exercises/plank.md").read_text().split("\n")
    # The summary, and the date: publishing a change of text dates the page today (issue 28).
    today = datetime.date.today().isoformat()
    differ = [(a, b) for a, b in zip(before, after, strict=True) if a != b and not a.startswith("last_reviewed: ")]
    assert differ == [(f"summary: {original}", "summary: Edited by a physio in admin.")]
    assert f"last_reviewed: {today}" in after

    page.goto("/admin/content/exercise/?q=plank")
    page.get_by_role("link", name="Forearm plank", exact=True).click()
    page.get_by_role("link", name="History").click()
    # Rows are newest first: the second row is the version before the edit.
    page.locator("#change-history tbody tr").nth(1).locator("a").first.click()
    page.get_by_role("button", name="Revert").first.click()
    page.goto("/exercises/plank/")
    expect(page.locator(".lede")).to_have_text(original)


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.console_allows("status of 404"))
                                  if name == "not-found" else name for name in PAGE_TYPES])
def test_page_types_are_accessible_and_screenshotted(site, screenshot, name):
    page = site()
    page.goto(PAGE_TYPES[name])
    for width in at_each_width(page):
        screenshot(page, f"{name}-{width}.png")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"scrolls at {width} px"
        assert_accessible(page)


def test_was_this_page_helpful_with_and_without_javascript(page_js):
    page, js = page_js
    page.goto("/causes/weak-core/")
    page.locator("#page-feedback").get_by_role("button", name="No").click()
    if js:  # the form opens in place, under the page
        expect(page).to_have_url(re.compile(r"/causes/weak-core/$"))
    else:
        expect(page.get_by_role("heading", name="Tell us about a page")).to_be_visible()
    expect(page.get_by_label("No")).to_be_checked()
    # A comment of its own per run: the same words again about the same page are refused (issue 27).
    page.get_by_label("What could be better? (optional)").fill(
        f"A picture of the muscles would help{' (with scripts)' if js else ''}.")
    if js:  # axe runs in the page, so only where scripts may run
        assert_accessible(page)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Thank you.")).to_be_visible()
