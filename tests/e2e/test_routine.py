"""The routine builder in a real browser: live preview, no-JS fallback, printing, axe and the keyboard."""

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .accessibility import assert_accessible, at_each_width

# The fullest sheet the builder can make: longest times, every focus area, all equipment, two extras.
FULLEST = ("/routine/sheet/?run=hills&warmup=30&cooldown=30&focus=lower-back&focus=core&focus=hips"
           "&focus=hamstrings&focus=glutes&equipment=mat&equipment=foam-roller&equipment=resistance-band"
           "&include=squat&include=single-leg-deadlift")
TYPICAL = "/routine/sheet/?run=tempo&warmup=10&cooldown=10&focus=core&equipment=mat"
SIX = "/routine/sheet/?run=easy&warmup=7&cooldown=7"  # six exercises


def preview_slugs(page) -> list[str]:
    return page.locator("#preview .routine-item").evaluate_all("items => items.map(i => i.dataset.slug)")


def test_preview_updates_as_inputs_change_and_the_url_keeps_them(site):
    page = site()
    page.goto("/routine/")
    preview = page.locator("#preview")
    expect(preview.locator(".routine-item").first).to_have_attribute("data-slug", "brisk-walk")
    page.evaluate("window.stillHere = true")  # gone if the page reloads

    page.get_by_label("Race", exact=True).check()
    expect(page).to_have_url(re.compile(r"run=race"))
    expect(preview.locator(".routine-item").first).to_have_attribute("data-slug", "easy-jog")
    expect(preview.locator('[data-slug="strides"]')).to_have_count(1)

    page.get_by_label("Foam roller", exact=True).check()
    expect(preview.locator('[data-stage="foam-rolling"]').first).to_be_visible()
    expect(page).to_have_url(re.compile(r"equipment=foam-roller"))

    page.get_by_label("Warm-up", exact=True).fill("15")
    page.get_by_label("Warm-up", exact=True).press("Tab")  # change fires on leaving the field
    expect(preview.get_by_role("heading", level=2)).to_have_text("Your routine: 25 min")
    expect(page).to_have_url(re.compile(r"warmup=15"))

    page.get_by_text("Choose exercises yourself").click()
    page.get_by_label("Leave out Strides", exact=True).check()
    expect(preview.locator('[data-slug="strides"]')).to_have_count(0)
    assert page.evaluate("window.stillHere") is True

    # The pushed URL is the routine: loading it afresh gives the same one.
    slugs = preview_slugs(page)
    page.goto(page.url)
    assert preview_slugs(page) == slugs
    assert page.evaluate("window.stillHere") is None


def test_back_and_forward_restore_the_form_and_routine_together(site):
    page = site()
    page.goto("/routine/")
    page.get_by_label("Race", exact=True).check()
    expect(page).to_have_url(re.compile(r"run=race"))
    race = preview_slugs(page)
    page.get_by_label("Long run", exact=True).check()
    expect(page).to_have_url(re.compile(r"run=long"))
    expect(page.locator("#preview .routine-item").first).to_have_attribute("data-slug", "brisk-walk")
    page.go_back()
    expect(page).to_have_url(re.compile(r"run=race"))
    expect(page.get_by_label("Race", exact=True)).to_be_checked()
    expect(page.locator("#preview .routine-item").first).to_have_attribute("data-slug", "easy-jog")
    assert preview_slugs(page) == race
    page.go_forward()
    expect(page.get_by_label("Long run", exact=True)).to_be_checked()
    expect(page.locator("#preview .routine-item").first).to_have_attribute("data-slug", "brisk-walk")


def test_without_javascript_the_form_submits_and_gives_the_same_page(site):
    page = site(js=False)
    page.goto("/routine/")
    page.get_by_label("Hills", exact=True).check()
    page.get_by_label("Mat", exact=True).check()
    page.get_by_label("Glutes", exact=True).check()
    page.get_by_role("button", name="Update my routine").click()
    expect(page).to_have_url(re.compile(r"run=hills.*focus=glutes.*equipment=mat"))
    expect(page.locator('#preview [data-slug="strides"]')).to_have_count(1)
    no_js = preview_slugs(page)

    with_js = site()
    with_js.goto(page.url)
    assert preview_slugs(with_js) == no_js

    page.get_by_role("link", name="Open the printable sheet").click()
    expect(page).to_have_url(re.compile(r"/routine/sheet/\?run=hills"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("hills")


def test_bad_input_shows_a_message_not_an_error_page(site):
    page = site()
    page.goto("/routine/")
    page.get_by_label("Cool-down", exact=True).fill("90")
    page.get_by_label("Cool-down", exact=True).press("Tab")
    expect(page.locator("#preview .error-summary")).to_contain_text("from 3 to 30")
    page.get_by_label("Cool-down", exact=True).fill("12")
    page.get_by_label("Cool-down", exact=True).press("Tab")
    expect(page.locator("#preview h2")).to_have_text("Your routine: 22 min")


def print_the_sheet(page, url, pdf, paper) -> int:
    page.goto(url)
    expect(page.locator(".sheet-qr svg")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("[data-print]")).to_be_hidden()
    page.pdf(path=str(pdf), format=paper, print_background=False)
    return len(PdfReader(pdf).pages)


MM = 96 / 25.4  # CSS pixels in a millimetre


def printed_pose_widths(page) -> list[float]:
    return page.locator(".sheet-item .figure-pair img").evaluate_all(
        "images => images.map(i => i.getBoundingClientRect().width)")


def test_six_exercises_print_on_one_page_with_poses_30_mm_wide(site, screenshot_dir):
    page = site()
    for paper in ("A4", "Letter"):
        assert print_the_sheet(page, SIX, screenshot_dir / f"routine-sheet-six-{paper}.pdf", paper) == 1, paper
    assert page.locator(".sheet-item .figure-pair").count() == 6
    widths = printed_pose_widths(page)  # still in print media
    assert len(widths) == 12 and min(widths) >= 30 * MM - 0.5, widths  # start and end, each at least 30 mm


def test_the_fullest_sheet_prints_on_two_pages_of_a4_and_of_letter(site, screenshot_dir):
    # Fourteen exercises with poses 30 mm wide take two pages; no exercise is cut between them.
    page = site()
    for paper in ("A4", "Letter"):
        assert print_the_sheet(page, FULLEST, screenshot_dir / f"routine-sheet-fullest-{paper}.pdf", paper) == 2
    assert min(printed_pose_widths(page)) >= 30 * MM - 0.5


@pytest.mark.screenshots
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_typical_sheet_prints_on_at_most_two_pages(site, screenshot_dir, paper):
    # Ten exercises: one A4 page just holds them, a Letter page does not (six fit either: above).
    assert print_the_sheet(site(), TYPICAL, screenshot_dir / f"routine-sheet-typical-{paper}.pdf", paper) <= 2


ROUTINE_PAGES = [
    "/routine/",
    "/routine/?run=race&equipment=foam-roller&include=plank&include=strides&exclude=brisk-walk",
    "/routine/?warmup=99&include=nothing-like-it",  # bad input: a 400 page
    "/routine/?focus=hips",
    TYPICAL,
    FULLEST,
]


@pytest.mark.console_allows("status of 400")  # the bad input is a 400 page, on purpose
def test_no_axe_violations(site):
    page = site()
    for url in ROUTINE_PAGES:
        page.goto(url)
        if page.locator("details.choose").count():
            page.locator("details.choose").evaluate("d => d.open = true")
        assert_accessible(page)


def test_no_axe_violations_on_a_phone(site):
    page = site(width=375)
    page.goto("/routine/?run=tempo&focus=core")
    assert_accessible(page)
    page.goto(TYPICAL)
    assert_accessible(page)


def tab_to(page, predicate: str, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"Tab never reached {predicate}")


def test_keyboard_only_from_inputs_to_the_sheet(site):
    page = site()
    page.goto("/routine/")
    tab_to(page, "el.name === 'run'")
    page.keyboard.press("ArrowDown")  # radios move with the arrow keys
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Tempo or intervals", exact=True)).to_be_checked()
    tab_to(page, "el.value === 'core'")
    page.keyboard.press("Space")
    expect(page.get_by_label("Core", exact=True)).to_be_checked()
    tab_to(page, "el.value === 'mat'")
    page.keyboard.press("Space")
    tab_to(page, "el.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    tab_to(page, "el.id === 'include-glute-bridge'")
    page.keyboard.press("Space")
    tab_to(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"run=tempo.*focus=core.*equipment=mat.*include=glute-bridge"))
    expect(page.locator('#preview [data-slug="glute-bridge"]')).to_contain_text("you asked for this")
    tab_to(page, "el.id === 'sheet-link'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/routine/sheet/\?run=tempo"))
    expect(page.locator('.sheet [data-slug="glute-bridge"]')).to_be_visible()
    tab_to(page, "el.hasAttribute('data-print')", limit=15)


def test_builder_and_sheet_fit_the_screen_without_sideways_scrolling(site, screenshot):
    page = site()
    for name, url in (("builder", "/routine/?run=tempo&warmup=10&cooldown=10&focus=core&focus=hips"
                                  "&equipment=mat&equipment=foam-roller&include=glute-bridge"),
                      ("sheet", TYPICAL), ("fullest-sheet", FULLEST)):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        for width in at_each_width(page):
            screenshot(page, f"routine-{name}-{width}.png")
            # WCAG 1.4.10 (reflow): at 375 px nothing may need sideways scrolling.
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
                f"{name} scrolls sideways at {width} px")
